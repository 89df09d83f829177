/*
 * org.c - the store's side of the temporal organisation tree: organisations,
 * their versions (name, kind, parent over an interval) and successions.
 * Rules (what may change when) live in src/app/org.c.
 */
#include "store/storeInt.h"

#include <string.h>

#include "core/banned.h"

static int read_org(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct org_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->code = store_col_text(st, 1, a);
	r->valid_from = store_col_date(st, 2, DATE_NONE);
	r->valid_to = store_col_date(st, 3, DATE_OPEN);
	r->version_id = sqlite3_column_int64(st, 4);
	r->ver_from = store_col_date(st, 5, DATE_NONE);
	r->ver_to = store_col_date(st, 6, DATE_OPEN);
	r->name = store_col_text(st, 7, a);
	r->kind = store_col_text(st, 8, a);
	r->parent_id = sqlite3_column_int64(st, 9);
	r->document = store_col_text(st, 10, a);
	if (!r->code || !r->name || !r->kind)
		return HOSO_E_NOMEM;
	return 0;
}

static int read_org_list(sqlite3_stmt *st, struct arena *a, struct org_list *ret)
{
	return store_read_rows(st, a, sizeof(*ret->v), read_org, (void **)&ret->v, &ret->n);
}

static int read_one_org(sqlite3_stmt *st, struct arena *a, struct org_row *ret)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		rc = read_org(st, a, ret);
	else
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	sqlite3_reset(st);
	return rc;
}

int store_org_insert(struct store *s, const char *code, int32_t from, const char *name,
                     const char *kind, int64_t parent_id, const char *document, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ORG_INSERT);
	int64_t id;
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, code);
	store_bind_date(st, 2, from);
	if ((rc = store_exec_insert(s, st, &id)) < 0)
		return rc;
	st = store_stmt(s, STMT_ORG_VERSION_INSERT);
	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_date(st, 2, from);
	store_bind_text(st, 3, name);
	store_bind_text(st, 4, kind);
	store_bind_id(st, 5, parent_id);
	store_bind_text(st, 6, document);
	rc = store_exec_stmt(st);
	if (rc < 0)
		return rc == HOSO_E_DUPLICATE ? HOSO_E_NOT_FOUND : rc; /* bad parent */
	if (ret_id)
		*ret_id = id;
	return 0;
}

int store_org_at(struct store *s, int64_t id, int32_t day, struct arena *a, struct org_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ORG_AT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_date(st, 2, day);
	return read_one_org(st, a, ret);
}

int store_org_latest(struct store *s, int64_t id, struct arena *a, struct org_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ORG_LATEST);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	return read_one_org(st, a, ret);
}

int store_org_by_code(struct store *s, const char *code, struct arena *a, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ORG_BY_CODE);
	int rc;

	(void)a;
	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*ret_id = sqlite3_column_int64(st, 0);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_org_all_at(struct store *s, int32_t day, struct arena *a, struct org_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ORG_ALL_AT);

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, day);
	return read_org_list(st, a, ret);
}

int store_org_versions(struct store *s, int64_t id, struct arena *a, struct org_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ORG_VERSIONS);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	return read_org_list(st, a, ret);
}

int store_org_children_at(struct store *s, int64_t id, int32_t day, struct arena *a,
                          struct org_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ORG_CHILDREN_AT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_date(st, 2, day);
	return read_org_list(st, a, ret);
}

int store_org_new_version(struct store *s, int64_t id, int32_t day, const char *name,
                          const char *kind, int64_t parent_id, const char *document)
{
	struct arena a;
	struct org_row cur;
	sqlite3_stmt *st;
	int rc;

	arena_init(&a, 1 << 20);
	rc = store_org_latest(s, id, &a, &cur);
	if (rc < 0)
		goto out;
	if (cur.valid_to != DATE_OPEN || cur.ver_to != DATE_OPEN || day < cur.ver_from) {
		rc = HOSO_E_ORG_STATE;
		goto out;
	}
	if (day == cur.ver_from) {
		st = store_stmt(s, STMT_ORG_VERSION_UPDATE);
		if (!st) {
			rc = HOSO_E_DB;
			goto out;
		}
		sqlite3_bind_int64(st, 1, cur.version_id);
		store_bind_text(st, 2, name);
		store_bind_text(st, 3, kind);
		store_bind_id(st, 4, parent_id);
		store_bind_text(st, 5, document);
		rc = store_exec_stmt(st);
		goto out;
	}
	rc = store_exec_id_date(s, STMT_ORG_VERSION_CLOSE, cur.version_id, day);
	if (rc < 0)
		goto out;
	st = store_stmt(s, STMT_ORG_VERSION_INSERT);
	if (!st) {
		rc = HOSO_E_DB;
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	store_bind_date(st, 2, day);
	store_bind_text(st, 3, name);
	store_bind_text(st, 4, kind);
	store_bind_id(st, 5, parent_id);
	store_bind_text(st, 6, document);
	rc = store_exec_stmt(st);
out:
	arena_release(&a);
	return rc;
}

int store_org_end(struct store *s, int64_t id, int32_t day)
{
	struct arena a;
	struct org_row cur;
	int rc;

	arena_init(&a, 1 << 20);
	rc = store_org_latest(s, id, &a, &cur);
	if (rc < 0)
		goto out;
	if (cur.valid_to != DATE_OPEN || day < cur.ver_from || day <= cur.valid_from) {
		rc = HOSO_E_ORG_STATE;
		goto out;
	}
	rc = store_exec_id_date(s, STMT_ORG_VERSION_CLOSE, cur.version_id, day);
	if (rc < 0)
		goto out;
	rc = store_exec_id_date(s, STMT_ORG_END, id, day);
out:
	arena_release(&a);
	return rc;
}

int store_succession_insert(struct store *s, const char *kind, int32_t effective,
                            const char *document, const char *note,
                            const struct succession_link *links, size_t nlinks, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUCCESSION_INSERT);
	int64_t id;
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, kind);
	store_bind_date(st, 2, effective);
	store_bind_text(st, 3, document);
	store_bind_text(st, 4, note);
	if ((rc = store_exec_insert(s, st, &id)) < 0)
		return rc;
	for (size_t i = 0; i < nlinks; i++) {
		st = store_stmt(s, STMT_SUCCESSION_LINK_INSERT);
		if (!st)
			return HOSO_E_DB;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, links[i].from_org);
		store_bind_id(st, 3, links[i].to_org);
		sqlite3_bind_int(st, 4, links[i].is_main ? 1 : 0);
		rc = store_exec_stmt(st);
		if (rc < 0)
			return rc;
	}
	if (ret_id)
		*ret_id = id;
	return 0;
}

static int read_links(struct store *s, struct succession_row *r, struct arena *a)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUCCESSION_LINKS);
	size_t cap = 0;
	int rc;

	if (!st)
		return HOSO_E_DB;
	r->links = NULL;
	r->nlinks = 0;
	sqlite3_bind_int64(st, 1, r->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->links = store_vec_grow(a, r->links, r->nlinks, &cap, sizeof(*r->links));
		if (!r->links)
			return HOSO_E_NOMEM;
		r->links[r->nlinks].from_org = sqlite3_column_int64(st, 0);
		r->links[r->nlinks].to_org = sqlite3_column_int64(st, 1);
		r->links[r->nlinks].is_main = sqlite3_column_int(st, 2);
		r->nlinks++;
	}
	rc = store_rc(rc);
	sqlite3_reset(st);
	return rc;
}

static void read_succession(sqlite3_stmt *st, struct arena *a, struct succession_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->kind = store_col_text(st, 1, a);
	r->effective = store_col_date(st, 2, DATE_NONE);
	r->document = store_col_text(st, 3, a);
	r->note = store_col_text(st, 4, a);
}

int store_succession_of(struct store *s, int64_t id, struct arena *a, struct succession_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUCCESSION_OF);
	size_t cap = 0;
	int rc;

	if (!st)
		return HOSO_E_DB;
	ret->v = NULL;
	ret->n = 0;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ret->v = store_vec_grow(a, ret->v, ret->n, &cap, sizeof(*ret->v));
		if (!ret->v)
			return HOSO_E_NOMEM;
		read_succession(st, a, &ret->v[ret->n++]);
	}
	rc = store_rc(rc);
	sqlite3_reset(st);
	/* Links are read after the outer statement is done with. */
	for (size_t i = 0; rc == 0 && i < ret->n; i++)
		rc = read_links(s, &ret->v[i], a);
	return rc;
}

int store_succession_ending(struct store *s, int64_t id, struct arena *a,
                            struct succession_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUCCESSION_ENDING);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_succession(st, a, ret);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	}
	sqlite3_reset(st);
	if (rc == 0)
		rc = read_links(s, ret, a);
	return rc;
}
