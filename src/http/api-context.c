/*
 * api-context.c - a record in its context (app/context.h): the cases about
 * a person and the cases of an organisation, as their pages list them.
 *
 *   GET /api/persons/{id}/cases                 the cases about a person
 *   GET /api/orgs/{code}/cases?before&limit     the cases an organisation
 *                                               handles or is a subject of
 */
#include "http/api.h"

#include <string.h>

#include "app/context.h"
#include "app/org.h"
#include "core/parse.h"

#include "core/banned.h"

int api_person_cases(struct http_req *r, struct err *e)
{
	const char *s = http_param(r, "id");
	json_t *view;
	int64_t id;
	int rc;

	if (!s || parse_i64(s, strlen(s), 1, INT64_MAX, &id) < 0)
		return err_set(e, HOSO_E_NOT_FOUND, "id", "Không tìm thấy hồ sơ",
		               "Record not found");
	if ((rc = context_person_cases(r->app, &r->actor, id, r->arena, &view, e)) < 0)
		return rc;
	return http_reply(r, 200, view);
}

int api_org_cases(struct http_req *r, struct err *e)
{
	const char *code = http_param(r, "code");
	int64_t id, before = 0, limit = 100;
	json_t *view;
	int rc;

	if ((rc = http_query_i64(r, "before", 1, INT64_MAX, &before, e)) < 0 ||
	    (rc = http_query_i64(r, "limit", 1, CONTEXT_ORG_MAX, &limit, e)) < 0 ||
	    (rc = org_find(r->app, &r->actor, code ? code : "", &id, e)) < 0 ||
	    (rc = context_org_cases(r->app, &r->actor, id, before, (size_t)limit, r->arena, &view,
	                            e)) < 0)
		return rc;
	return http_reply(r, 200, view);
}
