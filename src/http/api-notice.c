/*
 * api-notice.c - the signed-in user's inbox (src/app/notice.c).
 *
 *   GET  /api/notices?limit&before&unread   the notices, newest first, and
 *                                           the unread count (limit=0: only
 *                                           the count, for the bell)
 *   POST /api/notices/read                  mark one read ({"id"}) or all ({})
 *   GET  /api/cases/{id}/assignable         who may be assigned the case
 */
#include "http/api.h"

#include "app/notice.h"
#include "http/api-case.h"

#include "core/banned.h"

int api_notices_get(struct http_req *r, struct err *e)
{
	struct notice_query q = {0};
	int64_t limit = 50, before = 0, unread = 0;
	json_t *o;
	int rc;

	if ((rc = http_query_i64(r, "limit", 0, 100, &limit, e)) < 0 ||
	    (rc = http_query_i64(r, "before", 1, INT64_MAX, &before, e)) < 0 ||
	    (rc = http_query_i64(r, "unread", 0, 1, &unread, e)) < 0)
		return rc;
	q = (struct notice_query){(size_t)limit, before, (int)unread};
	if ((rc = notice_inbox(r->app, &r->actor, &q, r->arena, &o, e)) < 0)
		return rc;
	return http_reply(r, 200, o);
}

int api_case_assignable(struct http_req *r, struct err *e)
{
	struct case_name *v;
	json_t *arr;
	int64_t id;
	size_t n;
	int rc;

	if ((rc = api_id(r, NOUN_CASE, &id, e)) < 0 ||
	    (rc = case_assignable(r->app, &r->actor, id, r->arena, &v, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		    arr, json_pack("{s:s,s:s?}", "username", v[i].code, "full_name", v[i].name));
	return http_reply(r, 200, json_pack("{s:o}", "users", arr));
}

int api_notices_read(struct http_req *r, struct err *e)
{
	int64_t id = 0;
	const struct http_field fields[] = {{"id", HF_INT, 0, &id, 1, INT64_MAX}};
	int rc = http_body_fields(r, fields, 1, e);

	if (rc == 0)
		rc = notice_read(r->app, &r->actor, id, e);
	return rc < 0 ? rc : http_reply(r, 200, json_pack("{s:b}", "ok", 1));
}
