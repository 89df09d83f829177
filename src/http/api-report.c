/*
 * api-report.c - report figures.
 *
 *   GET /api/reports?org=CODE&from=D&to=D[&structure=D]
 *       the figures of an organisation's subtree over a period, from the
 *       live counters, as at the time or under the structure of day D
 *       (audited); format=csv: the same as a CSV file (UTF-8 with a BOM)
 */
#include "http/api.h"

#include <string.h>

#include "app/org.h"
#include "app/report.h"
#include "core/period.h"

#include "core/banned.h"

int api_reports_get(struct http_req *r, struct err *e)
{
	const char *org = http_query(r, "org"), *format = http_query(r, "format");
	const char *period = http_query(r, "period");
	int32_t from = DATE_NONE, to = DATE_NONE, structure = DATE_NONE;
	struct report rep;
	int64_t id;
	int rc;

	if ((rc = http_query_date(r, "from", &from, e)) < 0 ||
	    (rc = http_query_date(r, "to", &to, e)) < 0 ||
	    (rc = http_query_date(r, "structure", &structure, e)) < 0)
		return rc;
	if (format && strcmp(format, "json") != 0 && strcmp(format, "csv") != 0)
		return err_set(e, HOSO_E_BAD_ENUM, "format",
		               "Định dạng '%s' không hợp lệ (json, csv)",
		               "Invalid format '%s' (json, csv)", format);
	if (!org || !*org)
		return err_set(e, HOSO_E_MISSING, "org", "Thiếu tổ chức (org)",
		               "The organisation (org) is missing");
	if (period && (from != DATE_NONE || to != DATE_NONE))
		return err_set(e, HOSO_E_INVALID, "period",
		               "Dùng period hoặc from và to, không cả hai",
		               "Give period, or from and to, not both");
	if (period && period_parse(period, strlen(period), &from, &to) < 0)
		return err_set(
		    e, HOSO_E_BAD_DATE, "period",
		    "Kỳ '%s' không hợp lệ (2019, 2019-Q2, 2019-H1, 2019-9M, 2019-05, 2015-2019)",
		    "Invalid period '%s' (2019, 2019-Q2, 2019-H1, 2019-9M, 2019-05, 2015-2019)",
		    period);
	if (from == DATE_NONE || to == DATE_NONE)
		return err_set(e, HOSO_E_MISSING, from == DATE_NONE ? "from" : "to",
		               "Cần kỳ báo cáo (from, to)", "The period (from, to) is needed");
	if ((rc = org_find(r->app, &r->actor, org, &id, e)) < 0)
		return err_set(e, rc, "org", "Không tìm thấy tổ chức", "Organisation not found");
	if ((rc = report_figures(r->app, &r->actor, id, from, to, structure, r->arena, &rep, e)) <
	    0)
		return rc;
	if (format && strcmp(format, "csv") == 0) {
		struct buf out = BUF_INIT((size_t)64 << 20);
		char f[DATE_BUF], t[DATE_BUF];
		const char *cd;

		date_format_iso(from, f);
		date_format_iso(to, t);
		cd = arena_printf(r->arena, "attachment; filename=\"bao-cao-%s-%s-%s.csv\"",
		                  rep.code, f, t);
		rc = cd ? report_export_csv(r->app, &r->actor, &rep, r->arena, &out, e)
		        : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		if (rc == 0)
			rc = http_reply_bytes(r, 200, "text/csv; charset=utf-8", cd, &out);
		buf_release(&out);
		return rc;
	}
	return http_reply(r, 200, report_json(&rep));
}
