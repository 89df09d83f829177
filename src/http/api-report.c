/*
 * api-report.c - report figures.
 *
 *   GET /api/reports?org=CODE&(from=D&to=D | period=P)[&structure=D]
 *       (P: 2019, 2019-Q2, 2019-H1, 2019-9M, 2019-05, 2015-2019, or a party
 *       term NK2020-2025 from the congresses recorded for the organisation)
 *       the figures of an organisation's subtree over a period, from the
 *       live counters, as at the time or under the structure of day D
 *       (audited); format=csv, docx, pdf or xlsx: a file (report_export):
 *       the figures as CSV (UTF-8 with a BOM), or the Party's document
 *   GET /api/report-records?org=CODE&(from=D&to=D | period=P)[&structure=D]
 *       &figure=F[&dim=X][&row=CODE][&subjects=1][&offset=N][&limit=N]
 *       the records behind figure F of that report (report_records): its
 *       records newest first, or with subjects=1 the organisations or
 *       persons they are about; count is the report's figure
 *   GET /api/report-submissions?org=CODE&period=P (or from, to)
 *       which of the organisation's children have submitted that period,
 *       and its own submission
 *   POST /api/report-submissions {org, period | from, to, note}
 *       submit the organisation's report for the period
 *   GET /api/report-submissions/{id}
 *   POST /api/report-submissions/{id} {action: approve|return|reopen,
 *       reason, version}: the level above decides; approval locks the period
 */
#include "http/api.h"

#include <string.h>

#include "app/org.h"
#include "app/report.h"
#include "app/submission.h"

#include "core/banned.h"

/* The organisation (a code) and the period (period=2019, period=NK2020-2025,
 * or from and to) of a report request, from the query string or a JSON
 * body's strings: the form is checked before the organisation is looked
 * up, the term's days after. */
static int report_scope(struct http_req *r, const char *org, const char *period, int32_t from,
                        int32_t to, int64_t *ret_org, struct report_period *ret, struct err *e)
{
	int rc;

	if (!org || !*org)
		return err_set(e, HOSO_E_MISSING, "org", "Thiếu tổ chức (org)",
		               "The organisation (org) is missing");
	if ((rc = report_period_check(period, from, to, e)) < 0)
		return rc;
	if ((rc = org_find(r->app, &r->actor, org, ret_org, e)) < 0)
		return err_set(e, rc, "org", "Không tìm thấy tổ chức", "Organisation not found");
	return report_period_of(r->app, &r->actor, *ret_org, period, from, to, r->arena, ret, e);
}

/* The same from the query string. */
static int query_scope(struct http_req *r, int64_t *ret_org, struct report_period *ret,
                       struct err *e)
{
	int32_t from = DATE_NONE, to = DATE_NONE;
	int rc;

	if ((rc = http_query_date(r, "from", &from, e)) < 0 ||
	    (rc = http_query_date(r, "to", &to, e)) < 0)
		return rc;
	return report_scope(r, http_query(r, "org"), http_query(r, "period"), from, to, ret_org,
	                    ret, e);
}

int api_reports_get(struct http_req *r, struct err *e)
{
	const char *format = http_query(r, "format"), *name;
	int32_t structure = DATE_NONE;
	enum report_format f = REPORT_FORMAT__MAX;
	struct report_period p;
	struct report rep;
	struct buf out = BUF_INIT((size_t)64 << 20);
	int64_t id;
	int rc;

	if ((rc = http_query_date(r, "structure", &structure, e)) < 0)
		return rc;
	if (format && strcmp(format, "json") != 0 && report_format_parse(format, &f) < 0)
		return err_set(e, HOSO_E_BAD_ENUM, "format",
		               "Định dạng '%s' không hợp lệ (json, csv, docx, pdf, xlsx)",
		               "Invalid format '%s' (json, csv, docx, pdf, xlsx)", format);
	if ((rc = query_scope(r, &id, &p, e)) < 0 ||
	    (rc = report_run(r->app, &r->actor, id, &p, structure, r->arena, &rep, e)) < 0)
		return rc;
	if (f == REPORT_FORMAT__MAX)
		return http_reply(r, 200, report_json(&rep));
	/* a file: every format the same way */
	if ((rc = report_export(r->app, &r->actor, &rep, f, r->arena, &out, &name, e)) == 0) {
		const char *cd = arena_printf(r->arena, "attachment; filename=\"%s\"", name);

		rc = cd ? http_reply_bytes(r, 200, report_format_type(f), cd, &out)
		        : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	buf_release(&out);
	return rc;
}

int api_report_records_get(struct http_req *r, struct err *e)
{
	const char *figure = http_query(r, "figure"), *subjects = http_query(r, "subjects");
	struct report_records_query q = {.dim = http_query(r, "dim"), .row = http_query(r, "row")};
	int64_t offset = 0, limit = 100;
	int32_t structure = DATE_NONE;
	struct report_records rec;
	struct report_period p;
	int64_t id;
	int rc;

	if (!figure || !*figure)
		return err_set(e, HOSO_E_MISSING, "figure", "Thiếu số liệu (figure)",
		               "The figure is missing");
	if (figure_parse(figure, &q.figure) < 0)
		return err_set(e, HOSO_E_BAD_ENUM, "figure", "Không có số liệu '%s'",
		               "No figure '%s'", figure);
	if (subjects && strcmp(subjects, "0") != 0 && strcmp(subjects, "1") != 0)
		return err_set(e, HOSO_E_BAD_ENUM, "subjects", "subjects là 0 hoặc 1",
		               "subjects is 0 or 1");
	q.subjects = subjects && strcmp(subjects, "1") == 0;
	if ((rc = http_query_i64(r, "offset", 0, INT32_MAX, &offset, e)) < 0 ||
	    (rc = http_query_i64(r, "limit", 1, REPORT_RECORDS_MAX, &limit, e)) < 0 ||
	    (rc = http_query_date(r, "structure", &structure, e)) < 0 ||
	    (rc = query_scope(r, &id, &p, e)) < 0)
		return rc;
	q.offset = (size_t)offset;
	q.limit = (size_t)limit;
	if ((rc = report_records(r->app, &r->actor, id, &p, structure, &q, r->arena, &rec, e)) < 0)
		return rc;
	return http_reply(r, 200, report_records_json(r->app, &r->actor, &rec, r->arena));
}

int api_report_submissions_get(struct http_req *r, struct err *e)
{
	struct report_period p;
	json_t *j;
	int64_t id;
	int rc;

	if ((rc = query_scope(r, &id, &p, e)) < 0 ||
	    (rc = submission_overview(r->app, &r->actor, id, p.from, p.to, r->arena, &j, e)) < 0)
		return rc;
	return http_reply(r, 200, j);
}

int api_report_submissions_post(struct http_req *r, struct err *e)
{
	const char *org = NULL, *period = NULL, *note = NULL;
	int32_t from = DATE_NONE, to = DATE_NONE;
	const struct http_field fields[] = {
	    {"org", HF_STRING, 1, &org, 0, 0},   {"period", HF_STRING, 0, &period, 0, 0},
	    {"from", HF_DATE, 0, &from, 0, 0},   {"to", HF_DATE, 0, &to, 0, 0},
	    {"note", HF_STRING, 0, &note, 0, 0},
	};
	struct report_period p;
	int64_t org_id, id = 0;
	json_t *j = NULL;
	int rc;

	if ((rc = submission_may_submit(&r->actor, e)) < 0)
		return rc;
	rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);
	if (rc == 0)
		rc = report_scope(r, org, period, from, to, &org_id, &p, e);
	if (rc == 0)
		rc = submission_submit(r->app, &r->actor, org_id, p.from, p.to, note, &id, e);
	if (rc == 0)
		rc = submission_get(r->app, &r->actor, id, r->arena, &j, e);
	return rc < 0 ? rc : http_reply(r, 201, j);
}

int api_report_submission_get(struct http_req *r, struct err *e)
{
	json_t *j;
	int64_t id;
	int rc;

	if ((rc = api_id(r, NOUN_SUBMISSION, &id, e)) < 0)
		return rc;
	if ((rc = submission_get(r->app, &r->actor, id, r->arena, &j, e)) < 0)
		return rc;
	return http_reply(r, 200, j);
}

int api_report_submission_post(struct http_req *r, struct err *e)
{
	const char *action = NULL, *reason = NULL;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"action", HF_STRING, 1, &action, 0, 0},
	    {"reason", HF_STRING, 0, &reason, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	enum submission_action act;
	json_t *j = NULL;
	int rc;

	if ((rc = api_id(r, NOUN_SUBMISSION, &id, e)) < 0)
		return rc;
	rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);
	if (rc == 0 && submission_action_parse(action, &act) < 0)
		rc =
		    err_set(e, HOSO_E_BAD_ENUM, "action", "Thao tác là approve, return hoặc reopen",
		            "The action is approve, return or reopen");
	if (rc == 0)
		rc = submission_decide(r->app, &r->actor, id, version, act, reason, e);
	if (rc == 0)
		rc = submission_get(r->app, &r->actor, id, r->arena, &j, e);
	return rc < 0 ? rc : http_reply(r, 200, j);
}
