/*
 * audit.c - the store's side of the audit trail: append, tail, scan and
 * query.  The chain (who computes which hash) is src/app/audit.c's.
 */
#include "store/storeInt.h"

#include <string.h>

#include "core/banned.h"

int store_audit_tail(struct store *s, int64_t *ret_id, unsigned char *ret_hash)
{
	sqlite3_stmt *st = store_stmt(s, STMT_AUDIT_TAIL);
	int rc;

	if (!st)
		return HOSO_E_DB;
	*ret_id = 0;
	memset(ret_hash, 0, 32);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*ret_id = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == 32)
			memcpy(ret_hash, sqlite3_column_blob(st, 1), 32);
		rc = 0;
	} else {
		rc = store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_audit_insert(struct store *s, const struct audit_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_AUDIT_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->id);
	store_bind_text(st, 2, r->at);
	store_bind_id(st, 3, r->user_id);
	store_bind_text(st, 4, r->address);
	store_bind_text(st, 5, r->action);
	store_bind_text(st, 6, r->object_type);
	store_bind_id(st, 7, r->object_id);
	store_bind_text(st, 8, r->purpose);
	store_bind_text(st, 9, r->detail);
	sqlite3_bind_int(st, 10, r->flagged ? 1 : 0);
	sqlite3_bind_blob(st, 11, r->prev_hash, 32, SQLITE_STATIC);
	sqlite3_bind_blob(st, 12, r->hash, 32, SQLITE_STATIC);
	return store_exec_stmt(st);
}

static void read_audit(sqlite3_stmt *st, struct arena *a, struct audit_row *r)
{
	const char *txt;

	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->user_id = sqlite3_column_int64(st, 2);
	r->object_id = sqlite3_column_int64(st, 6);
	r->flagged = sqlite3_column_int(st, 9);
	if (a) {
		r->at = store_col_text(st, 1, a);
		r->address = store_col_text(st, 3, a);
		r->action = store_col_text(st, 4, a);
		r->object_type = store_col_text(st, 5, a);
		r->purpose = store_col_text(st, 7, a);
		r->detail = store_col_text(st, 8, a);
	} else { /* valid until the next step */
		r->at = (const char *)sqlite3_column_text(st, 1);
		r->address = (const char *)sqlite3_column_text(st, 3);
		r->action = (const char *)sqlite3_column_text(st, 4);
		r->object_type = (const char *)sqlite3_column_text(st, 5);
		r->purpose = (const char *)sqlite3_column_text(st, 7);
		r->detail = (const char *)sqlite3_column_text(st, 8);
	}
	txt = sqlite3_column_blob(st, 10);
	if (txt && sqlite3_column_bytes(st, 10) == 32)
		memcpy(r->prev_hash, txt, 32);
	txt = sqlite3_column_blob(st, 11);
	if (txt && sqlite3_column_bytes(st, 11) == 32)
		memcpy(r->hash, txt, 32);
}

int store_audit_scan(struct store *s, int (*fn)(const struct audit_row *r, void *arg), void *arg)
{
	sqlite3_stmt *st;
	struct audit_row r;
	int rc;

	/* Its own statement: fn may use the store. */
	if (sqlite3_prepare_v2(s->db, stmt_sqlite[STMT_AUDIT_SCAN], -1, &st, NULL) != SQLITE_OK)
		return HOSO_E_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_audit(st, NULL, &r);
		if ((rc = fn(&r, arg)) < 0)
			break;
	}
	sqlite3_finalize(st);
	return rc < 0 ? rc : store_rc(rc);
}

int store_audit_query(struct store *s, const char *object_type, int64_t object_id, int64_t user_id,
                      int64_t before_id, size_t limit, struct arena *a, struct audit_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_AUDIT_QUERY);
	size_t cap = 0;
	int rc;

	if (!st)
		return HOSO_E_DB;
	ret->v = NULL;
	ret->n = 0;
	store_bind_text(st, 1, object_type);
	store_bind_id(st, 2, object_id);
	store_bind_id(st, 3, user_id);
	store_bind_id(st, 4, before_id);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ret->v = store_vec_grow(a, ret->v, ret->n, &cap, sizeof(*ret->v));
		if (!ret->v) {
			sqlite3_reset(st);
			return HOSO_E_NOMEM;
		}
		read_audit(st, a, &ret->v[ret->n++]);
	}
	rc = store_rc(rc);
	sqlite3_reset(st);
	return rc;
}
