/*
 * api-audit.c - GET /api/audit?object_type=&object_id=&user=&before=&limit=
 * (auditors): the trail, newest first, paged by id.
 */
#include "http/api.h"

#include <string.h>

#include "app/audit.h"
#include "core/parse.h"

#include "core/banned.h"

json_t *api_audit_json(const struct audit_list *l)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < l->n; i++) {
		const struct audit_row *a = &l->v[i];

		json_array_append_new(
		    arr, json_pack("{s:I,s:s,s:I,s:s?,s:s,s:s?,s:I,s:s?,s:s?,s:b}", "id",
		                   (json_int_t)a->id, "at", a->at, "user", (json_int_t)a->user_id,
		                   "address", a->address, "action", a->action, "object_type",
		                   a->object_type, "object_id", (json_int_t)a->object_id, "purpose",
		                   a->purpose, "detail", a->detail, "flagged", a->flagged));
	}
	return arr;
}

int api_audit_get(struct http_req *r, struct err *e)
{
	int64_t object_id = 0, user = 0, before = 0, limit = 100;
	const char *type = http_query(r, "object_type");
	struct audit_list l;
	int rc;

	if ((rc = http_query_i64(r, "object_id", 1, INT64_MAX, &object_id, e)) < 0 ||
	    (rc = http_query_i64(r, "user", 1, INT64_MAX, &user, e)) < 0 ||
	    (rc = http_query_i64(r, "before", 1, INT64_MAX, &before, e)) < 0 ||
	    (rc = http_query_i64(r, "limit", 1, 1000, &limit, e)) < 0)
		return rc;
	if (!actor_has_role(&r->actor, ROLE_AUDITOR))
		return err_set(e, HOSO_E_DENIED, NULL, NULL, NULL);
	rc = audit_list(r->app, &r->actor, type, object_id, user, before, (size_t)limit, r->arena,
	                &l, e);
	if (rc < 0)
		return rc;
	return http_reply(r, 200, json_pack("{s:o}", "entries", api_audit_json(&l)));
}
