/*
 * api-org.c - GET /api/orgs?as_of=YYYY-MM-DD: the organisation tree on a
 * date, within the caller's scope (nodes in depth-first order with depth,
 * member counts and number of children); GET /api/orgs?q=TEXT: the
 * organisations of today found by name or code (a picker); one organisation, its members,
 * the changes to it (administrators), and its party terms
 * (GET/POST /api/orgs/{code}/terms).
 */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

#include "app/org.h"
#include "app/person.h"
#include "app/term.h"
#include "core/parse.h"

#include "core/banned.h"

/* GET /api/orgs?q=TEXT&limit=N: organisations alive today within the
 * caller's scope, by name (folded) or code, best first (org_search). */
static int orgs_search(struct http_req *r, struct err *e)
{
	struct org_hit_list l;
	const char *q;
	size_t limit;
	json_t *arr;
	int rc;

	if ((rc = http_query_search(r, ORG_SEARCH_MAX, &q, &limit, e)) < 0 ||
	    (rc = org_search(r->app, &r->actor, q, limit, r->arena, &l, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, org_hit_json(&l.v[i]));
	return http_reply(r, 200, json_pack("{s:s,s:o}", "q", q, "results", arr));
}

int api_orgs_get(struct http_req *r, struct err *e)
{
	struct org_tree t;
	int32_t day = date_today();
	const char *q = http_query(r, "q");
	int rc;

	if (q)
		return orgs_search(r, e);
	if ((rc = http_query_date(r, "as_of", &day, e)) < 0 ||
	    (rc = org_tree_at(r->app, &r->actor, day, 0, r->arena, &t, e)) < 0)
		return rc;
	return http_reply(r, 200, org_tree_json(&t));
}

static int org_param(struct http_req *r, int64_t *ret, struct err *e)
{
	const char *code = http_param(r, "code");

	return org_find(r->app, &r->actor, code ? code : "", ret, e);
}

int api_org_get(struct http_req *r, struct err *e)
{
	struct org_history h;
	int64_t id;
	int rc;

	if ((rc = org_param(r, &id, e)) < 0 ||
	    (rc = org_history(r->app, &r->actor, id, r->arena, &h, e)) < 0)
		return rc;
	return http_reply(
	    r, 200, org_history_json(r->app, &r->actor, id, http_param(r, "code"), &h, r->arena));
}

int api_org_members(struct http_req *r, struct err *e)
{
	int64_t id, limit = 100, offset = 0;
	struct person_list l;
	json_t *arr;
	int rc;

	if ((rc = http_query_i64(r, "limit", 1, 1000, &limit, e)) < 0 ||
	    (rc = http_query_i64(r, "offset", 0, INT32_MAX, &offset, e)) < 0 ||
	    (rc = org_param(r, &id, e)) < 0 ||
	    (rc = person_list_by_org(r->app, &r->actor, id, (size_t)limit, (size_t)offset, r->arena,
	                             &l, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, person_brief_json(r->app, &r->actor, &l.v[i], r->arena));
	return http_reply(r, 200,
	                  json_pack("{s:I,s:I,s:o}", "limit", (json_int_t)limit, "offset",
	                            (json_int_t)offset, "members", arr));
}

/* ---- changes (administrators); each needs X-CSRF-Token and is audited ---- */

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* "date" (YYYY-MM-DD, required) of a change: a real day, planned at most
 * DATE_PLAN_YEARS ahead (DATE_RULE_PLAN). */
static int change_day(json_t *body, int32_t *ret, struct err *e)
{
	const char *d = str(body, "date");

	if (!d)
		return err_set(e, HOSO_E_MISSING, "date", "Thiếu ngày hiệu lực",
		               "The effective date is missing");
	if (date_parse_iso(d, strlen(d), ret) < 0)
		return err_set(e, HOSO_E_BAD_DATE, "date", "Ngày '%s' không có thật (YYYY-MM-DD)",
		               "'%s' is not a real date (YYYY-MM-DD)", d);
	return date_rule_check(DATE_RULE_PLAN, *ret, date_today(), "date", "Ngày hiệu lực",
	                       "The effective date", e);
}

static int code_of(struct http_req *r, json_t *body, const char *key, int64_t *ret, struct err *e)
{
	const char *c = str(body, key);

	*ret = 0;
	if (!c)
		return 0;
	if (org_find(r->app, &r->actor, c, ret, e) < 0) {
		buf_reset(&e->field);
		buf_adds(&e->field, key);
		return e->code;
	}
	return 0;
}

/* The start of a dated change to the organisation of the path: its id,
 * the body, and the body's "date". */
static int change_start(struct http_req *r, int64_t *id, json_t **body, int32_t *day, struct err *e)
{
	int rc;

	if ((rc = org_param(r, id, e)) < 0 || (rc = http_json_body(r, body, e)) < 0)
		return rc;
	return change_day(*body, day, e);
}

static int ok_reply(struct http_req *r, int rc, const char *code)
{
	if (rc < 0)
		return rc;
	return http_reply(r, 200, json_pack("{s:s}", "code", code));
}

int api_orgs_post(struct http_req *r, struct err *e)
{
	struct org_new o = {0};
	json_t *body;
	int64_t id;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	o.code = str(body, "code");
	o.name = str(body, "name");
	o.kind = str(body, "kind");
	o.document = str(body, "document");
	o.from = DATE_NONE;
	if (str(body, "from") &&
	    date_parse_iso(str(body, "from"), strlen(str(body, "from")), &o.from) < 0)
		rc = err_set(e, HOSO_E_BAD_DATE, "from", NULL, NULL);
	if (rc == 0)
		rc = code_of(r, body, "parent", &o.parent_id, e);
	if (rc == 0)
		rc = org_create(r->app, &r->actor, &o, &id, e);
	if (rc == 0)
		rc = http_reply(r, 201,
		                json_pack("{s:I,s:s}", "id", (json_int_t)id, "code", o.code));
	return rc;
}

int api_org_rename(struct http_req *r, struct err *e)
{
	json_t *body;
	int64_t id;
	int32_t day;
	int rc = change_start(r, &id, &body, &day, e);

	if (rc == 0)
		rc = org_rename(r->app, &r->actor, id, str(body, "name"), day,
		                str(body, "document"), e);
	return ok_reply(r, rc, http_param(r, "code"));
}

/* A change of the organisation {code} that names another by its code in
 * field (the new parent of a move, the receiver of a dissolution): fn
 * with its id, 0 when absent (refused when needed). */
static int change_with(struct http_req *r, const char *field, int needed,
                       int (*fn)(struct app *app, const struct actor *who, int64_t id,
                                 int64_t other, int32_t day, const char *document, struct err *e),
                       struct err *e)
{
	json_t *body;
	int64_t id, other;
	int32_t day;
	int rc = change_start(r, &id, &body, &day, e);

	if (rc == 0 && (rc = code_of(r, body, field, &other, e)) == 0)
		rc = other || !needed
		         ? fn(r->app, &r->actor, id, other, day, str(body, "document"), e)
		         : err_set(e, HOSO_E_MISSING, field, NULL, NULL);
	return ok_reply(r, rc, http_param(r, "code"));
}

int api_org_move(struct http_req *r, struct err *e)
{
	return change_with(r, "parent", 1, org_move, e);
}

int api_org_dissolve(struct http_req *r, struct err *e)
{
	return change_with(r, "receiver", 0, org_dissolve, e);
}

int api_orgs_merge(struct http_req *r, struct err *e)
{
	json_t *body, *srcs, *v, *nw;
	int64_t ids[256], into = 0, res = 0;
	struct org_new spec = {0};
	size_t i, n = 0;
	int32_t day;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	srcs = json_object_get(body, "sources");
	nw = json_object_get(body, "new");
	if (!json_is_array(srcs) || json_array_size(srcs) == 0 || json_array_size(srcs) > 256)
		rc = err_set(e, HOSO_E_MISSING, "sources", "Cần danh sách mã tổ chức bị hợp nhất",
		             "A list of source organisation codes is needed");
	json_array_foreach(srcs, i, v)
	{
		if (rc < 0)
			break;
		if (!json_is_string(v) ||
		    org_find(r->app, &r->actor, json_string_value(v), &ids[n++], e) < 0)
			rc = e->code ? e->code : err_set(e, HOSO_E_INVALID, "sources", NULL, NULL);
	}
	if (rc == 0)
		rc = change_day(body, &day, e);
	if (rc == 0)
		rc = code_of(r, body, "into", &into, e);
	if (rc == 0 && !into) {
		if (!json_is_object(nw))
			rc = err_set(e, HOSO_E_MISSING, "into",
			             "Cần 'into' (mã có sẵn) hoặc 'new' (tổ chức mới)",
			             "'into' (an existing code) or 'new' (a new organisation) is "
			             "needed");
		else {
			spec.code = str(nw, "code");
			spec.name = str(nw, "name");
			spec.kind = str(nw, "kind");
			spec.from = day;
			spec.document = str(body, "document");
			rc = code_of(r, nw, "parent", &spec.parent_id, e);
		}
	}
	if (rc == 0)
		rc = org_merge(r->app, &r->actor, ids, n, into, into ? NULL : &spec, day,
		               str(body, "document"), &res, e);
	if (rc == 0)
		rc = http_reply(r, 200, json_pack("{s:I}", "into", (json_int_t)res));
	return rc;
}

int api_org_split(struct http_req *r, struct err *e)
{
	struct org_new parts[64];
	struct org_assign assign[256];
	int64_t id, ids[64];
	size_t nparts = 0, nassign = 0, i;
	json_t *body, *ps, *as, *v;
	const char *key;
	int32_t day;
	int rc;

	if ((rc = change_start(r, &id, &body, &day, e)) < 0)
		return rc;
	ps = json_object_get(body, "parts");
	as = json_object_get(body, "assign");
	if (!json_is_array(ps) || json_array_size(ps) < 2 || json_array_size(ps) > 64)
		rc = err_set(e, HOSO_E_INVALID, "parts", "Cần 2–64 tổ chức kế thừa",
		             "2 to 64 successors are needed");
	json_array_foreach(ps, i, v)
	{
		if (rc < 0)
			break;
		memset(&parts[nparts], 0, sizeof(parts[nparts]));
		parts[nparts].code = str(v, "code");
		parts[nparts].name = str(v, "name");
		parts[nparts].kind = str(v, "kind");
		parts[nparts].document = str(body, "document");
		rc = code_of(r, v, "parent", &parts[nparts].parent_id, e);
		nparts++;
	}
	json_object_foreach(as, key, v)
	{
		if (rc < 0 || nassign >= 256)
			break;
		if (!json_is_integer(v) || json_integer_value(v) < 0 ||
		    (size_t)json_integer_value(v) >= nparts)
			rc = err_set(e, HOSO_E_INVALID, "assign", NULL, NULL);
		else if ((rc = org_find(r->app, &r->actor, key, &assign[nassign].child, e)) == 0)
			assign[nassign++].part = (size_t)json_integer_value(v);
	}
	if (rc == 0) {
		json_t *m = json_object_get(body, "main");
		size_t main_part = json_is_integer(m) ? (size_t)json_integer_value(m) : 0;

		rc = org_split(r->app, &r->actor, id, parts, nparts, main_part, assign, nassign,
		               day, str(body, "document"), ids, e);
	}
	if (rc == 0) {
		json_t *arr = json_array();

		for (i = 0; i < nparts; i++)
			json_array_append_new(arr, json_integer((json_int_t)ids[i]));
		rc = http_reply(r, 200, json_pack("{s:o}", "parts", arr));
	}
	return rc;
}

/* ---- party terms: GET (readers), POST (administrators) ---- */

int api_org_terms_get(struct http_req *r, struct err *e)
{
	struct term *v;
	int64_t id;
	size_t n;
	int rc;

	if ((rc = org_param(r, &id, e)) < 0 ||
	    (rc = term_list(r->app, &r->actor, id, r->arena, &v, &n, e)) < 0)
		return rc;
	return http_reply(r, 200,
	                  json_pack("{s:s,s:o}", "org", http_param(r, "code"), "terms",
	                            term_list_json(v, n, r->arena)));
}

int api_org_terms_post(struct http_req *r, struct err *e)
{
	const char *term = NULL, *document = NULL;
	int32_t congress = DATE_NONE;
	const struct http_field fields[] = {
	    {"term", HF_STRING, 1, &term, 0, 0},
	    {"congress", HF_DATE, 1, &congress, 0, 0, DATE_RULE_PLAN},
	    {"document", HF_STRING, 0, &document, 0, 0},
	};
	int64_t id, tid = 0;
	int first = 0, last = 0, rc;

	if ((rc = term_may_add(&r->actor, e)) < 0 || (rc = org_param(r, &id, e)) < 0)
		return rc;
	rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);
	if (rc == 0)
		rc = term_name_parse(term, &first, &last, e);
	if (rc == 0)
		rc = term_add(r->app, &r->actor, id, first, last, congress, document, &tid, e);
	if (rc < 0)
		return rc;
	return http_reply(r, 201,
	                  json_pack("{s:I,s:s,s:i,s:i}", "id", (json_int_t)tid, "org",
	                            http_param(r, "code"), "first", first, "last", last));
}
