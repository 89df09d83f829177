/*
 * org-search.c - finding an organisation by name or code, as a picker asks
 * for it while the user types (org.h): "xa muong" finds "Xã Mường Phăng",
 * "DB-XMP" its code; only organisations alive today within the actor's
 * scope; each with its parent, so that two of the same name are told
 * apart.
 */
#include "app/org.h"

#include <string.h>

#include "app/person.h"
#include "app/scope.h"
#include "core/buf.h"
#include "vi/vi.h"

#include "core/banned.h"

/* The query as a code: one word of ASCII letters, digits, '-', '_' or
 * '.', at most 64 long; else NULL (a code-less search). */
static const char *code_of(const char *q, struct arena *a)
{
	size_t n;

	while (*q == ' ')
		q++;
	n = strlen(q);
	while (n && q[n - 1] == ' ')
		n--;
	if (n == 0 || n > 64)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!((q[i] >= '0' && q[i] <= '9') || (q[i] >= 'A' && q[i] <= 'Z') ||
		      (q[i] >= 'a' && q[i] <= 'z') || q[i] == '-' || q[i] == '_' || q[i] == '.'))
			return NULL;
	return arena_strndup(a, q, n);
}

int org_search(struct app *app, const struct actor *who, const char *query, size_t limit,
               struct arena *a, struct org_hit_list *ret, struct err *e)
{
	struct buf key = BUF_INIT(4096), match = BUF_INIT(8192);
	const char *orgs, *code;
	size_t norgs;
	int rc;

	memset(ret, 0, sizeof(*ret));
	/* Every word the start of a word of the name, in any order. */
	if ((rc = person_search_start(query, MATCH_ALL_PREFIX, ORG_SEARCH_MAX, &limit, &key, &match,
	                              e)) < 0)
		goto out;
	code = code_of(query, a);
	if (match.len == 0 && !code)
		goto out;
	if ((rc = scope_orgs_json(app, who, a, &orgs, &norgs)) < 0 ||
	    (rc = store_org_search(app_store(app), date_today(), match.len ? match.buf : NULL,
	                           key.len ? key.buf : NULL, code, orgs, limit, a, ret)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
out:
	buf_release(&key);
	buf_release(&match);
	return rc;
}

json_t *org_hit_json(const struct org_hit *h)
{
	json_t *o =
	    json_pack("{s:I,s:s,s:s,s:s,s:s,s:s?,s:s?}", "id", (json_int_t)h->id, "code", h->code,
	              "name", h->name, "kind", h->kind, "kind_name", org_kind_label(h->kind),
	              "parent_code", h->parent_code, "parent_name", h->parent_name);

	if (o)
		json_object_set_new(o, "parent_id",
		                    h->parent_id ? json_integer(h->parent_id) : json_null());
	return o;
}
