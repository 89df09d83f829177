/*
 * api-org.c - GET /api/orgs?as_of=YYYY-MM-DD: the organisation tree on a
 * date, within the caller's scope (nodes in depth-first order with depth,
 * member counts and number of children).
 */
#include "http/api.h"

#include <string.h>

#include "app/org.h"
#include "app/person.h"
#include "core/parse.h"

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

static int org_param(struct http_req *r, int64_t *ret, struct err *e)
{
	const char *code = http_param(r, "code");

	return org_find(r->app, &r->actor, code ? code : "", ret, e);
}

static json_t *day_json(int32_t d)
{
	char s[DATE_BUF];

	if (d == DATE_OPEN || d == DATE_NONE)
		return json_null();
	date_format_iso(d, s);
	return json_string(s);
}

int api_org_get(struct http_req *r, struct err *e)
{
	struct org_history h;
	json_t *vers, *succ;
	int64_t id;
	int rc;

	if ((rc = org_param(r, &id, e)) < 0 ||
	    (rc = org_history(r->app, &r->actor, id, r->arena, &h, e)) < 0)
		return rc;
	vers = json_array();
	for (size_t i = 0; i < h.versions.n; i++) {
		const struct org_row *v = &h.versions.v[i];

		json_array_append_new(vers,
		                      json_pack("{s:s,s:s,s:I,s:o,s:o,s:s?}", "name", v->name,
		                                "kind", v->kind, "parent", (json_int_t)v->parent_id,
		                                "from", day_json(v->ver_from), "to",
		                                day_json(v->ver_to), "document", v->document));
	}
	succ = json_array();
	for (size_t i = 0; i < h.successions.n; i++) {
		const struct succession_row *s = &h.successions.v[i];
		json_t *links = json_array();

		for (size_t k = 0; k < s->nlinks; k++)
			json_array_append_new(links, json_pack("{s:I,s:I,s:b}", "from",
			                                       (json_int_t)s->links[k].from_org,
			                                       "to", (json_int_t)s->links[k].to_org,
			                                       "main", s->links[k].is_main));
		json_array_append_new(succ, json_pack("{s:s,s:o,s:s?,s:o}", "kind", s->kind,
		                                      "effective", day_json(s->effective),
		                                      "document", s->document, "links", links));
	}
	return http_reply(
	    r, 200,
	    json_pack("{s:I,s:s,s:o,s:o,s:o,s:o}", "id", (json_int_t)id, "code",
	              http_param(r, "code"), "from", day_json(h.versions.v[0].valid_from), "to",
	              day_json(h.versions.v[0].valid_to), "versions", vers, "successions", succ));
}

int api_org_members(struct http_req *r, struct err *e)
{
	const char *ls = http_query(r, "limit"), *os = http_query(r, "offset");
	int64_t id, limit = 100, offset = 0;
	struct person_list l;
	json_t *arr;
	int rc;

	if ((ls && parse_i64(ls, strlen(ls), 1, 1000, &limit) < 0) ||
	    (os && parse_i64(os, strlen(os), 0, INT32_MAX, &offset) < 0))
		return err_set(e, HOSO_E_RANGE, ls ? "limit" : "offset", NULL, NULL);
	if ((rc = org_param(r, &id, e)) < 0 ||
	    (rc = person_list_by_org(r->app, &r->actor, id, (size_t)limit, (size_t)offset, r->arena,
	                             &l, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr,
		                      json_pack("{s:I,s:s,s:s?,s:s}", "id", (json_int_t)l.v[i].id,
		                                "full_name", l.v[i].full_name, "birth_date",
		                                l.v[i].birth_date, "status", l.v[i].status));
	return http_reply(r, 200,
	                  json_pack("{s:I,s:I,s:o}", "limit", (json_int_t)limit, "offset",
	                            (json_int_t)offset, "members", arr));
}
