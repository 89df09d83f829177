/*
 * api-audit.c - GET /api/audit (auditors): the trail, newest first, paged
 * by id, filtered by object_type, object_id, user, action, from/to (civil
 * days in Vietnam time), flagged=1; format=csv downloads the same entries
 * as a CSV file (itself recorded as an export).
 */
#include "http/api.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"

#include "core/banned.h"

json_t *api_audit_json(const struct audit_list *l)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(arr, audit_row_json(&l->v[i]));
	return arr;
}

/* The filters of the query string into f (strings in r's arena or days). */
static int audit_query_filter(struct http_req *r, struct audit_filter *f, char *days,
                              int64_t max_limit, struct err *e)
{
	int64_t object_id = 0, user = 0, before = 0, flagged = 0, limit = 0;
	int32_t from = DATE_NONE, to = DATE_NONE;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = http_query_i64(r, "object_id", 1, INT64_MAX, &object_id, e)) < 0 ||
	    (rc = http_query_i64(r, "user", 1, INT64_MAX, &user, e)) < 0 ||
	    (rc = http_query_i64(r, "before", 1, INT64_MAX, &before, e)) < 0 ||
	    (rc = http_query_i64(r, "limit", 1, max_limit, &limit, e)) < 0 ||
	    (rc = http_query_i64(r, "flagged", 0, 1, &flagged, e)) < 0 ||
	    (rc = http_query_date(r, "from", &from, e)) < 0 ||
	    (rc = http_query_date(r, "to", &to, e)) < 0)
		return rc;
	f->object_type = http_query(r, "object_type");
	f->action = http_query(r, "action");
	f->object_id = object_id;
	f->user_id = user;
	f->before_id = before;
	f->flagged_only = (int)flagged;
	f->limit = (size_t)limit;
	return audit_filter_days(f, from, to, days, e);
}

int api_audit_get(struct http_req *r, struct err *e)
{
	const char *format = http_query(r, "format");
	int csv = format && strcmp(format, "csv") == 0;
	char days[AUDIT_DAYS_BUF];
	struct audit_filter f;
	struct audit_list l;
	int rc;

	if (format && !csv && strcmp(format, "json") != 0)
		return err_set(e, HOSO_E_BAD_ENUM, "format",
		               "Định dạng '%s' không hợp lệ (json, csv)",
		               "Invalid format '%s' (json, csv)", format);
	if ((rc = audit_query_filter(r, &f, days, csv ? AUDIT_EXPORT_MAX : 1000, e)) < 0)
		return rc;
	if (!actor_has_role(&r->actor, ROLE_AUDITOR))
		return err_set(e, HOSO_E_DENIED, NULL, NULL, NULL);
	if (csv) {
		struct buf out = BUF_INIT((size_t)256 << 20);

		rc = audit_export_csv(r->app, &r->actor, &f, &out, NULL, e);
		if (rc == 0)
			rc = http_reply_bytes(r, 200, "text/csv; charset=utf-8",
			                      "attachment; filename=\"audit.csv\"", &out);
		buf_release(&out);
		return rc;
	}
	if (!f.limit)
		f.limit = 100;
	rc = audit_list(r->app, &r->actor, &f, r->arena, &l, e);
	if (rc < 0)
		return rc;
	return http_reply(r, 200, json_pack("{s:o}", "entries", api_audit_json(&l)));
}
