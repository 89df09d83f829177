/*
 * attachment.c - attached files: content-addressed blobs and the case
 * attachments that name them (see store.h).
 */
#include <string.h>

#include "store/storeInt.h"

#include "core/banned.h"

int store_blob_put(struct store *s, const char *sha256, const void *data, size_t len)
{
	return store_exec(s, STMT_BLOB_PUT, "sIb", sha256, (int64_t)len, len ? data : "", len);
}

/* A blob's content, copied into the arena. */
struct blob {
	const void *data;
	size_t len;
};

static int read_blob(struct db_stmt *st, struct arena *a, void *item)
{
	struct blob *b = item;
	const void *data = db_blob(st, 0);
	size_t n = db_bytes(st, 0);
	void *copy = arena_alloc(a, n ? n : 1);

	if (!copy)
		return HOSO_E_NOMEM;
	if (n)
		memcpy(copy, data, n);
	b->data = copy;
	b->len = n;
	return 0;
}

int store_blob_get(struct store *s, const char *sha256, struct arena *a, const void **ret,
                   size_t *ret_len)
{
	struct blob b;
	int rc = store_row(s, STMT_BLOB_GET, a, sizeof(b), read_blob, &b, "s", sha256);

	if (rc == 0) {
		*ret = b.data;
		*ret_len = b.len;
	}
	return rc;
}

int store_attachment_insert(struct store *s, const struct attachment_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_ATTACHMENT_INSERT, ret_id, "IsssIr", r->case_id, r->sha256,
	                    r->filename, r->mime, r->size, r->user_id);
}

static int read_attachment(struct db_stmt *st, struct arena *a, void *item)
{
	struct attachment_row *r = item;

	int rc = store_cols(st, a, "IIsssIIsI", &r->id, &r->case_id, &r->sha256, &r->filename,
	                    &r->mime, &r->size, &r->user_id, &r->at, &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 9, a, &r->withdrawn);
}

int store_attachment_get(struct store *s, int64_t id, struct arena *a, struct attachment_row *ret)
{
	return store_row(s, STMT_ATTACHMENT_GET, a, sizeof(*ret), read_attachment, ret, "I", id);
}

int store_scan_insert(struct store *s, const struct attachment_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_SCAN_INSERT, ret_id, "IsssIr", r->case_id, r->sha256,
	                    r->filename, r->mime, r->size, r->user_id);
}

int store_scan_get(struct store *s, int64_t id, struct arena *a, struct attachment_row *ret)
{
	return store_row(s, STMT_SCAN_GET, a, sizeof(*ret), read_attachment, ret, "I", id);
}

int store_scans_of_petition(struct store *s, int64_t petition_id, struct arena *a,
                            struct attachment_list *ret)
{
	return store_rows(s, STMT_SCANS_OF_PETITION, a, sizeof(*ret->v), read_attachment,
	                  (void **)&ret->v, &ret->n, "I", petition_id);
}

int store_scan_withdraw(struct store *s, int64_t id, int64_t version, int64_t user_id,
                        const char *reason)
{
	return store_change(s, STMT_SCAN_WITHDRAW, HOSO_E_CONFLICT, "IIrs", id, version, user_id,
	                    reason);
}

int store_attachments_of_case(struct store *s, int64_t case_id, struct arena *a,
                              struct attachment_list *ret)
{
	return store_rows(s, STMT_ATTACHMENTS_OF_CASE, a, sizeof(*ret->v), read_attachment,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}
