/*
 * attachment.c - attached files: content-addressed blobs and the case
 * attachments that name them (see store.h).
 */
#include <string.h>

#include "store/storeInt.h"

#include "core/banned.h"

int store_blob_put(struct store *s, const char *sha256, const void *data, size_t len)
{
	sqlite3_stmt *st = store_stmt(s, STMT_BLOB_PUT);

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, sha256);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)len);
	sqlite3_bind_blob64(st, 3, len ? data : "", (sqlite3_uint64)len, SQLITE_STATIC);
	return store_exec_stmt(st);
}

int store_blob_get(struct store *s, const char *sha256, struct arena *a, const void **ret,
                   size_t *ret_len)
{
	sqlite3_stmt *st = store_stmt(s, STMT_BLOB_GET);
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, sha256);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		const void *b = sqlite3_column_blob(st, 0);
		void *copy = arena_alloc(a, n ? n : 1);

		if (!copy) {
			sqlite3_reset(st);
			return HOSO_E_NOMEM;
		}
		if (n)
			memcpy(copy, b, n);
		*ret = copy;
		*ret_len = n;
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_attachment_insert(struct store *s, const struct attachment_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ATTACHMENT_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->sha256);
	store_bind_text(st, 3, r->filename);
	store_bind_text(st, 4, r->mime);
	sqlite3_bind_int64(st, 5, r->size);
	store_bind_id(st, 6, r->user_id);
	return store_exec_insert(s, st, ret_id);
}

static int read_attachment(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct attachment_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->sha256 = store_col_text(st, 2, a);
	r->filename = store_col_text(st, 3, a);
	r->mime = store_col_text(st, 4, a);
	r->size = sqlite3_column_int64(st, 5);
	r->user_id = sqlite3_column_int64(st, 6);
	r->at = store_col_text(st, 7, a);
	return 0;
}

static int read_by_id(struct store *s, enum stmt which, int64_t id, struct arena *a,
                      struct attachment_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, which);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	return store_read_rows(st, a, sizeof(*ret->v), read_attachment, (void **)&ret->v, &ret->n);
}

int store_attachment_get(struct store *s, int64_t id, struct arena *a, struct attachment_row *ret)
{
	struct attachment_list l;
	int rc = read_by_id(s, STMT_ATTACHMENT_GET, id, a, &l);

	if (rc == 0 && l.n == 0)
		rc = HOSO_E_NOT_FOUND;
	if (rc == 0)
		*ret = l.v[0];
	return rc;
}

int store_attachments_of_case(struct store *s, int64_t case_id, struct arena *a,
                              struct attachment_list *ret)
{
	return read_by_id(s, STMT_ATTACHMENTS_OF_CASE, case_id, a, ret);
}
