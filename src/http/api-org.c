/*
 * api-org.c - GET /api/orgs?as_of=YYYY-MM-DD: the organisation tree on a
 * date, within the caller's scope (nodes in depth-first order with depth,
 * member counts and number of children).
 */
#include "http/api.h"

#include <string.h>

#include "app/org.h"

#include "core/banned.h"

int api_orgs_get(struct http_req *r, struct err *e)
{
	const char *as_of = http_query(r, "as_of");
	struct org_tree t;
	int32_t day = date_today();
	char iso[DATE_BUF];
	json_t *arr;
	int rc;

	if (as_of && date_parse_iso(as_of, strlen(as_of), &day) < 0)
		return err_set(e, HOSO_E_BAD_DATE, "as_of", "Ngày '%s' không hợp lệ (YYYY-MM-DD)",
		               "Invalid date '%s' (YYYY-MM-DD)", as_of);
	if ((rc = org_tree_at(r->app, &r->actor, day, 0, r->arena, &t, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < t.n; i++) {
		const struct org_node *n = &t.nodes[i];

		json_array_append_new(
		    arr, json_pack("{s:I,s:s,s:s,s:s,s:i,s:I,s:I,s:I}", "id", (json_int_t)n->row.id,
		                   "code", n->row.code, "name", n->row.name, "kind", n->row.kind,
		                   "depth", n->depth, "parent", (json_int_t)n->row.parent_id,
		                   "members_total", (json_int_t)n->members_total, "children",
		                   (json_int_t)n->nchildren));
	}
	date_format_iso(day, iso);
	return http_reply(r, 200,
	                  json_pack("{s:s,s:I,s:I,s:o}", "as_of", iso, "organisations",
	                            (json_int_t)t.n, "members", (json_int_t)t.members, "nodes",
	                            arr));
}
