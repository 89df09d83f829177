/*
 * api-finding.c - an inspection's findings and remedial actions
 * (src/app/finding.c).
 *
 *   PUT|PATCH /api/cases/{id}/actor        who inspects: {"actor", "version"}
 *                                      (src/app/inspection.c)
 *   POST /api/cases/{id}/findings      a finding (per subject)
 *   POST /api/findings/{id}/remedies   a remedial action for a finding
 *   POST /api/remedies/{id}            the action done
 *   (GET /api/remedies, those past due and not done: api-due.c)
 *   PATCH /api/findings/{id}           text, conclusion, subject corrected
 *   PATCH /api/remedies/{id}           action, owner, due, done, result
 *                                      corrected ("done": null undoes it)
 */
#include "http/api-case.h"

#include "app/finding.h"
#include "app/inspection.h"

#include "core/banned.h"

int api_case_actor_put(struct http_req *r, struct err *e)
{
	struct inspection_input in = {0};
	/* in the order of enum inspection_field */
	const struct http_field fields[] = {
	    [INSPECTION_ACTOR] = {"actor", HF_STRING, 0, &in.actor, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int64_t id;
	int rc = api_id_patch(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0)
		rc = inspection_set(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}

int api_case_finding_post(struct http_req *r, struct err *e)
{
	const char *text = NULL, *conclusion = NULL;
	int64_t id, subject = 0, finding = 0;
	const struct http_field fields[] = {
	    {"text", HF_STRING, 1, &text, 0, 0},
	    {"conclusion", HF_STRING, 1, &conclusion, 0, 0},
	    {"subject", HF_INT, 0, &subject, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = finding_add(r->app, &r->actor, id, subject, text, conclusion, &finding, e);
	return api_reply_id(r, rc, 201, finding);
}

int api_finding_remedy_post(struct http_req *r, struct err *e)
{
	const char *action = NULL, *owner = NULL;
	int32_t due = DATE_NONE;
	int64_t id, remedy = 0;
	const struct http_field fields[] = {
	    {"action", HF_STRING, 1, &action, 0, 0},
	    {"owner", HF_STRING, 1, &owner, 0, 0},
	    {"due", HF_DATE, 1, &due, 0, 0, DATE_RULE_PLAN},
	};
	int rc = api_id_fields(r, NOUN_FINDING, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = remedy_add(r->app, &r->actor, id, action, owner, due, &remedy, e);
	return api_reply_id(r, rc, 201, remedy);
}

int api_remedy_post(struct http_req *r, struct err *e)
{
	const char *result = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"result", HF_STRING, 1, &result, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0, DATE_RULE_PAST},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, NOUN_REMEDY, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = remedy_done(r->app, &r->actor, id, day, result, version, e);
	return api_reply_version(r, rc, id, version + 1);
}

int api_finding_patch(struct http_req *r, struct err *e)
{
	struct finding_input in = {0};
	int64_t id;
	const struct http_field fields[] = {
	    [FINDING_TEXT] = {"text", HF_STRING, 0, &in.text, 0, 0},
	    [FINDING_CONCLUSION] = {"conclusion", HF_STRING, 0, &in.conclusion, 0, 0},
	    [FINDING_SUBJECT] = {"subject", HF_INT, 0, &in.subject, 1, INT64_MAX},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_FINDING, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0)
		rc = finding_edit(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}

int api_remedy_patch(struct http_req *r, struct err *e)
{
	struct remedy_input in = {.due = DATE_NONE, .done = DATE_NONE};
	int64_t id;
	const struct http_field fields[] = {
	    [REMEDY_ACTION] = {"action", HF_STRING, 0, &in.action, 0, 0},
	    [REMEDY_OWNER] = {"owner", HF_STRING, 0, &in.owner, 0, 0},
	    [REMEDY_DUE] = {"due", HF_DATE, 0, &in.due, 0, 0},
	    [REMEDY_DONE] = {"done", HF_DATE, 0, &in.done, 0, 0},
	    [REMEDY_RESULT] = {"result", HF_STRING, 0, &in.result, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_REMEDY, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0)
		rc = remedy_edit(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}
