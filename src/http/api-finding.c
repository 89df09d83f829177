/*
 * api-finding.c - an inspection's findings and remedial actions
 * (src/app/finding.c).
 *
 *   POST /api/cases/{id}/findings      a finding (per subject)
 *   POST /api/findings/{id}/remedies   a remedial action for a finding
 *   POST /api/remedies/{id}            the action done
 *   GET  /api/remedies?limit=          remedial actions past due, not done
 */
#include "http/api.h"

#include "app/finding.h"

#include "core/banned.h"

int api_case_finding_post(struct http_req *r, struct err *e)
{
	const char *text = NULL, *conclusion = NULL;
	int64_t id, subject = 0, finding = 0;
	const struct http_field fields[] = {
	    {"text", HF_STRING, 1, &text, 0, 0},
	    {"conclusion", HF_STRING, 1, &conclusion, 0, 0},
	    {"subject", HF_INT, 0, &subject, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = api_id(r, NOUN_CASE, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = finding_add(r->app, &r->actor, id, subject, text, conclusion, &finding, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)finding));
}

int api_finding_remedy_post(struct http_req *r, struct err *e)
{
	const char *action = NULL, *owner = NULL;
	int32_t due = DATE_NONE;
	int64_t id, remedy = 0;
	const struct http_field fields[] = {
	    {"action", HF_STRING, 1, &action, 0, 0},
	    {"owner", HF_STRING, 1, &owner, 0, 0},
	    {"due", HF_DATE, 1, &due, 0, 0},
	};
	json_t *body;
	int rc;

	if ((rc = api_id(r, NOUN_FINDING, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = remedy_add(r->app, &r->actor, id, action, owner, due, &remedy, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)remedy));
}

int api_remedy_post(struct http_req *r, struct err *e)
{
	const char *result = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"result", HF_STRING, 1, &result, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = api_id(r, NOUN_REMEDY, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = remedy_done(r->app, &r->actor, id, day, result, version, e);
	json_decref(body);
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:I,s:I}", "id", (json_int_t)id, "version",
	                                     (json_int_t)(version + 1)));
}

int api_remedies_overdue_get(struct http_req *r, struct err *e)
{
	struct remedy_item *v;
	int64_t limit = 200;
	size_t n;
	json_t *arr;
	int rc;

	if ((rc = http_query_i64(r, "limit", 1, 1000, &limit, e)) < 0 ||
	    (rc = remedy_overdue(r->app, &r->actor, (size_t)limit, r->arena, &v, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, remedy_item_json(r->app, &r->actor, &v[i], r->arena));
	return http_reply(r, 200, json_pack("{s:o}", "items", arr));
}
