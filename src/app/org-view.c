/*
 * org-view.c - the organisation tree and an organisation's history as the
 * API and the CLI print them (org.h): one JSON each, so both show the same
 * keys.  Organisations outside the reader's scope are named by nulls only.
 */
#include "app/org.h"

#include "app/codes.h"

#include <stdio.h>

#include "core/banned.h"

json_t *org_tree_json(const struct org_tree *t)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < t->n; i++) {
		const struct org_node *n = &t->nodes[i];

		json_array_append_new(
		    arr,
		    json_pack("{s:I,s:s,s:s,s:s,s:i,s:I,s:o,s:I,s:I,s:I}", "id",
		              (json_int_t)n->row.id, "code", n->row.code, "name", n->row.name,
		              "kind", n->row.kind, "depth", n->depth, "parent",
		              (json_int_t)n->row.parent_id, "from", code_date_json(n->row.ver_from),
		              "members", (json_int_t)n->members, "members_total",
		              (json_int_t)n->members_total, "children", (json_int_t)n->nchildren));
	}
	return json_pack("{s:o,s:I,s:I,s:o}", "as_of", code_date_json(t->day), "organisations",
	                 (json_int_t)t->n, "members", (json_int_t)t->members, "nodes", arr);
}

/* PREFIX_code and PREFIX_name of organisation id - its name on day, else
 * its latest - or nulls when it is none or outside the reader's scope:
 * the same answer, so nothing about an organisation one may not see
 * leaks. */
static void add_ref(struct app *app, const struct actor *who, json_t *o, const char *prefix,
                    int64_t id, int32_t day, struct arena *a)
{
	struct org_row row;
	char key[32];
	int found = id > 0 && (org_get(app, who, id, day, a, &row, NULL) == 0 ||
	                       org_get(app, who, id, DATE_OPEN, a, &row, NULL) == 0);

	snprintf(key, sizeof(key), "%s_code", prefix);
	json_object_set_new(o, key, found ? json_string(row.code) : json_null());
	snprintf(key, sizeof(key), "%s_name", prefix);
	json_object_set_new(o, key, found ? json_string(row.name) : json_null());
}

static json_t *successions_json(struct app *app, const struct actor *who,
                                const struct succession_list *l, struct arena *a)
{
	json_t *succ = json_array();

	for (size_t i = 0; i < l->n; i++) {
		const struct succession_row *s = &l->v[i];
		json_t *links = json_array();

		for (size_t k = 0; k < s->nlinks; k++) {
			json_t *o = json_pack(
			    "{s:I,s:I,s:b}", "from", (json_int_t)s->links[k].from_org, "to",
			    (json_int_t)s->links[k].to_org, "main", s->links[k].is_main);

			add_ref(app, who, o, "from", s->links[k].from_org, s->effective - 1, a);
			add_ref(app, who, o, "to", s->links[k].to_org, s->effective, a);
			json_array_append_new(links, o);
		}
		json_array_append_new(succ, json_pack("{s:s,s:o,s:s?,s:o}", "kind", s->kind,
		                                      "effective", code_date_json(s->effective),
		                                      "document", s->document, "links", links));
	}
	return succ;
}

json_t *org_history_json(struct app *app, const struct actor *who, int64_t id, const char *code,
                         const struct org_history *h, struct arena *a)
{
	json_t *vers = json_array();

	for (size_t i = 0; i < h->versions.n; i++) {
		const struct org_row *v = &h->versions.v[i];
		json_t *o = json_pack("{s:s,s:s,s:I,s:o,s:o,s:s?}", "name", v->name, "kind",
		                      v->kind, "parent", (json_int_t)v->parent_id, "from",
		                      code_date_json(v->ver_from), "to", code_date_json(v->ver_to),
		                      "document", v->document);

		add_ref(app, who, o, "parent", v->parent_id, v->ver_from, a);
		json_array_append_new(vers, o);
	}
	return json_pack(
	    "{s:I,s:s,s:o,s:o,s:o,s:o}", "id", (json_int_t)id, "code", code, "from",
	    code_date_json(h->versions.n ? h->versions.v[0].valid_from : DATE_NONE), "to",
	    code_date_json(h->versions.n ? h->versions.v[0].valid_to : DATE_NONE), "versions", vers,
	    "successions", successions_json(app, who, &h->successions, a));
}
