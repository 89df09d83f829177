/*
 * org.c - the store's side of the temporal organisation tree: organisations,
 * their versions (name, kind, parent over an interval) and successions.
 * Rules (what may change when) live in src/app/org.c.
 */
#include "store/storeInt.h"

#include "core/banned.h"

static int read_org(struct db_stmt *st, struct arena *a, void *item)
{
	struct org_row *r = item;

	return store_cols(st, a, "IsdeIdessIs", &r->id, &r->code, &r->valid_from, &r->valid_to,
	                  &r->version_id, &r->ver_from, &r->ver_to, &r->name, &r->kind,
	                  &r->parent_id, &r->document);
}

static int insert_version(struct store *s, int64_t id, int32_t from, const char *name,
                          const char *kind, int64_t parent_id, const char *document)
{
	return store_exec(s, STMT_ORG_VERSION_INSERT, "Idssrsk", id, from, name, kind, parent_id,
	                  document, name);
}

int store_org_insert(struct store *s, const char *code, int32_t from, const char *name,
                     const char *kind, int64_t parent_id, const char *document, int64_t *ret_id)
{
	int64_t id;
	int rc;

	if ((rc = store_insert(s, STMT_ORG_INSERT, &id, "sd", code, from)) < 0)
		return rc;
	rc = insert_version(s, id, from, name, kind, parent_id, document);
	if (rc < 0)
		return rc == HOSO_E_DUPLICATE ? HOSO_E_NOT_FOUND : rc; /* bad parent */
	if (ret_id)
		*ret_id = id;
	return 0;
}

int store_org_at(struct store *s, int64_t id, int32_t day, struct arena *a, struct org_row *ret)
{
	return store_row(s, STMT_ORG_AT, a, sizeof(*ret), read_org, ret, "Id", id, day);
}

int store_org_latest(struct store *s, int64_t id, struct arena *a, struct org_row *ret)
{
	return store_row(s, STMT_ORG_LATEST, a, sizeof(*ret), read_org, ret, "I", id);
}

int store_org_by_code(struct store *s, const char *code, struct arena *a, int64_t *ret_id)
{
	(void)a;
	return store_int(s, STMT_ORG_BY_CODE, ret_id, "s", code);
}

int store_org_all_at(struct store *s, int32_t day, struct arena *a, struct org_list *ret)
{
	return store_rows(s, STMT_ORG_ALL_AT, a, sizeof(*ret->v), read_org, (void **)&ret->v,
	                  &ret->n, "d", day);
}

int store_org_versions(struct store *s, int64_t id, struct arena *a, struct org_list *ret)
{
	return store_rows(s, STMT_ORG_VERSIONS, a, sizeof(*ret->v), read_org, (void **)&ret->v,
	                  &ret->n, "I", id);
}

int store_org_children_at(struct store *s, int64_t id, int32_t day, struct arena *a,
                          struct org_list *ret)
{
	return store_rows(s, STMT_ORG_CHILDREN_AT, a, sizeof(*ret->v), read_org, (void **)&ret->v,
	                  &ret->n, "Id", id, day);
}

static int read_hit(struct db_stmt *st, struct arena *a, void *item)
{
	struct org_hit *h = item;

	return store_cols(st, a, "IsssIssi", &h->id, &h->code, &h->name, &h->kind, &h->parent_id,
	                  &h->parent_code, &h->parent_name, &h->rank);
}

int store_org_search(struct store *s, int32_t day, const char *match, const char *key,
                     const char *code, const char *orgs, size_t limit, struct arena *a,
                     struct org_hit_list *ret)
{
	if (orgs)
		return store_rows(s, STMT_ORG_SEARCH_IN, a, sizeof(*ret->v), read_hit,
		                  (void **)&ret->v, &ret->n, "dsssIs", day, match, code, key,
		                  (int64_t)limit, orgs);
	return store_rows(s, STMT_ORG_SEARCH, a, sizeof(*ret->v), read_hit, (void **)&ret->v,
	                  &ret->n, "dsssI", day, match, code, key, (int64_t)limit);
}

/* The latest version of organisation id, for a change from day on. */
static int latest(struct store *s, int64_t id, struct org_row *ret)
{
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	rc = store_org_latest(s, id, &a, ret);
	arena_release(&a); /* only its dates and ids are used */
	return rc;
}

int store_org_new_version(struct store *s, int64_t id, int32_t day, const char *name,
                          const char *kind, int64_t parent_id, const char *document)
{
	struct org_row cur;
	int rc;

	if ((rc = latest(s, id, &cur)) < 0)
		return rc;
	if (cur.valid_to != DATE_OPEN || cur.ver_to != DATE_OPEN || day < cur.ver_from)
		return HOSO_E_ORG_STATE;
	if (day == cur.ver_from)
		return store_exec(s, STMT_ORG_VERSION_UPDATE, "Issrsk", cur.version_id, name, kind,
		                  parent_id, document, name);
	if ((rc = store_exec(s, STMT_ORG_VERSION_CLOSE, "Id", cur.version_id, day)) < 0)
		return rc;
	return insert_version(s, id, day, name, kind, parent_id, document);
}

int store_org_end(struct store *s, int64_t id, int32_t day)
{
	struct org_row cur;
	int rc;

	if ((rc = latest(s, id, &cur)) < 0)
		return rc;
	if (cur.valid_to != DATE_OPEN || day < cur.ver_from || day <= cur.valid_from)
		return HOSO_E_ORG_STATE;
	if ((rc = store_exec(s, STMT_ORG_VERSION_CLOSE, "Id", cur.version_id, day)) < 0)
		return rc;
	return store_exec(s, STMT_ORG_END, "Id", id, day);
}

int store_succession_insert(struct store *s, const char *kind, int32_t effective,
                            const char *document, const char *note,
                            const struct succession_link *links, size_t nlinks, int64_t *ret_id)
{
	int64_t id;
	int rc =
	    store_insert(s, STMT_SUCCESSION_INSERT, &id, "sdss", kind, effective, document, note);

	for (size_t i = 0; rc == 0 && i < nlinks; i++)
		rc = store_exec(s, STMT_SUCCESSION_LINK_INSERT, "IIri", id, links[i].from_org,
		                links[i].to_org, links[i].is_main ? 1 : 0);
	if (rc == 0 && ret_id)
		*ret_id = id;
	return rc;
}

static int read_link(struct db_stmt *st, struct arena *a, void *item)
{
	struct succession_link *l = item;

	return store_cols(st, a, "IIi", &l->from_org, &l->to_org, &l->is_main);
}

/* r's links, read after the statement that found r is done with. */
static int read_links(struct store *s, struct succession_row *r, struct arena *a)
{
	return store_rows(s, STMT_SUCCESSION_LINKS, a, sizeof(*r->links), read_link,
	                  (void **)&r->links, &r->nlinks, "I", r->id);
}

static int read_succession(struct db_stmt *st, struct arena *a, void *item)
{
	struct succession_row *r = item;

	return store_cols(st, a, "Isdss", &r->id, &r->kind, &r->effective, &r->document, &r->note);
}

int store_succession_of(struct store *s, int64_t id, struct arena *a, struct succession_list *ret)
{
	int rc = store_rows(s, STMT_SUCCESSION_OF, a, sizeof(*ret->v), read_succession,
	                    (void **)&ret->v, &ret->n, "I", id);

	for (size_t i = 0; rc == 0 && i < ret->n; i++)
		rc = read_links(s, &ret->v[i], a);
	return rc;
}

int store_succession_ending(struct store *s, int64_t id, struct arena *a,
                            struct succession_row *ret)
{
	int rc =
	    store_row(s, STMT_SUCCESSION_ENDING, a, sizeof(*ret), read_succession, ret, "I", id);

	return rc < 0 ? rc : read_links(s, ret, a);
}
