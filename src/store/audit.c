/*
 * audit.c - the store's side of the audit trail: append, tail, scan and
 * query.  The chain (who computes which hash) is src/app/audit.c's.
 */
#include "store/storeInt.h"

#include <string.h>

#include "core/banned.h"

int store_audit_tail(struct store *s, int64_t *ret_id, unsigned char *ret_hash)
{
	struct db_stmt *st = store_stmt(s, STMT_AUDIT_TAIL);
	int rc;

	if (!st)
		return HOSO_E_DB;
	*ret_id = 0;
	memset(ret_hash, 0, 32);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*ret_id = db_int(st, 0);
		if ((int)db_bytes(st, 1) == 32)
			memcpy(ret_hash, db_blob(st, 1), 32);
		rc = 0;
	} else {
		rc = db_rc(rc);
	}
	db_reset(st);
	return rc;
}

int store_audit_insert(struct store *s, const struct audit_row *r)
{
	return store_exec(s, STMT_AUDIT_INSERT, "Isrsssrssihh", r->id, r->at, r->user_id,
	                  r->address, r->action, r->object_type, r->object_id, r->purpose,
	                  r->detail, r->flagged ? 1 : 0, r->prev_hash, r->hash);
}

static void read_audit(struct db_stmt *st, struct arena *a, struct audit_row *r)
{
	const char *txt;

	memset(r, 0, sizeof(*r));
	r->id = db_int(st, 0);
	r->user_id = db_int(st, 2);
	r->object_id = db_int(st, 6);
	r->flagged = (int)db_int(st, 9);
	if (a) {
		r->at = store_col_text(st, 1, a);
		r->address = store_col_text(st, 3, a);
		r->action = store_col_text(st, 4, a);
		r->object_type = store_col_text(st, 5, a);
		r->purpose = store_col_text(st, 7, a);
		r->detail = store_col_text(st, 8, a);
		if (db_ncols(st) > 13) {
			r->username = store_col_text(st, 12, a);
			r->user_name = store_col_text(st, 13, a);
		}
	} else { /* valid until the next step */
		r->at = db_text(st, 1);
		r->address = db_text(st, 3);
		r->action = db_text(st, 4);
		r->object_type = db_text(st, 5);
		r->purpose = db_text(st, 7);
		r->detail = db_text(st, 8);
		if (db_ncols(st) > 13) {
			r->username = db_text(st, 12);
			r->user_name = db_text(st, 13);
		}
	}
	txt = db_blob(st, 10);
	if (txt && (int)db_bytes(st, 10) == 32)
		memcpy(r->prev_hash, txt, 32);
	txt = db_blob(st, 11);
	if (txt && (int)db_bytes(st, 11) == 32)
		memcpy(r->hash, txt, 32);
}

/* Call fn on each row of st (strings valid during the call). */
static int each_row(struct db_stmt *st, int (*fn)(const struct audit_row *r, void *arg), void *arg)
{
	struct audit_row r;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		read_audit(st, NULL, &r);
		if ((rc = fn(&r, arg)) != 0)
			return rc < 0 ? rc : 0; /* > 0: stop there */
	}
	return db_rc(rc);
}

int store_audit_scan(struct store *s, int (*fn)(const struct audit_row *r, void *arg), void *arg)
{
	struct db_stmt *st;
	int rc;

	/* Its own statement: fn may use the store. */
	if (db_prepare(s->db, stmt_sqlite[STMT_AUDIT_SCAN], 0, &st) < 0)
		return HOSO_E_DB;
	rc = each_row(st, fn, arg);
	db_finalize(st);
	return rc;
}

/* The query statement with f bound; NULL on error. */
static struct db_stmt *query_stmt(struct store *s, const struct audit_filter *f)
{
	struct db_stmt *st = store_stmt(s, STMT_AUDIT_QUERY);

	if (!st || store_bind(st, "srrrIsssi", f->object_type, f->object_id, f->user_id,
	                      f->before_id, (int64_t)f->limit, f->action, f->at_from, f->at_until,
	                      f->flagged_only ? 1 : 0) < 0)
		return NULL;
	return st;
}

static int read_audit_row(struct db_stmt *st, struct arena *a, void *item)
{
	struct audit_row *r = item;

	read_audit(st, a, r);
	return r->at && r->action ? 0 : HOSO_E_NOMEM;
}

int store_audit_query(struct store *s, const struct audit_filter *f, struct arena *a,
                      struct audit_list *ret)
{
	struct db_stmt *st = query_stmt(s, f);

	ret->v = NULL;
	ret->n = 0;
	if (!st)
		return HOSO_E_DB;
	return store_read_rows(st, a, sizeof(*ret->v), read_audit_row, (void **)&ret->v, &ret->n);
}

int store_audit_query_each(struct store *s, const struct audit_filter *f,
                           int (*fn)(const struct audit_row *r, void *arg), void *arg)
{
	struct db_stmt *st = query_stmt(s, f);
	int rc;

	if (!st)
		return HOSO_E_DB;
	rc = each_row(st, fn, arg);
	db_reset(st);
	return rc;
}
