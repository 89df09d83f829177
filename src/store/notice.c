/*
 * notice.c - the inbox: notices to users about cases (store.h).
 */
#include "store/storeInt.h"

#include "core/banned.h"

int store_notice_add(struct store *s, const struct notice_row *r)
{
	return store_exec(s, STMT_NOTICE_INSERT, "IIssss", r->user_id, r->case_id, r->kind, r->ref,
	                  r->text, r->text_en);
}

static int read_notice(struct db_stmt *st, struct arena *a, void *item)
{
	struct notice_row *r = item;

	return store_cols(st, a, "IIssssss", &r->id, &r->case_id, &r->kind, &r->ref, &r->text,
	                  &r->text_en, &r->at, &r->read_at);
}

int store_notices(struct store *s, int64_t user_id, int64_t before, int unread_only, size_t limit,
                  struct arena *a, struct notice_list *ret)
{
	int rc = store_rows(s, STMT_NOTICE_LIST, a, sizeof(*ret->v), read_notice, (void **)&ret->v,
	                    &ret->n, "IIiI", user_id, before > 0 ? before : INT64_MAX, unread_only,
	                    (int64_t)limit);

	for (size_t i = 0; rc == 0 && i < ret->n; i++)
		ret->v[i].user_id = user_id;
	return rc;
}

int store_notice_read(struct store *s, int64_t user_id, int64_t id)
{
	return id ? store_exec(s, STMT_NOTICE_READ, "II", user_id, id)
	          : store_exec(s, STMT_NOTICE_READ_ALL, "I", user_id);
}
