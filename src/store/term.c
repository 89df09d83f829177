/*
 * term.c - the party terms (nhiệm kỳ) of organisations: the congress that
 * opened each (store.h).
 */
#include "store/storeInt.h"

#include "core/banned.h"

int store_term_insert(struct store *s, const struct term_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_TERM_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->org_id);
	sqlite3_bind_int(st, 2, r->first_year);
	sqlite3_bind_int(st, 3, r->last_year);
	store_bind_date(st, 4, r->congress);
	store_bind_text(st, 5, r->document);
	sqlite3_bind_int64(st, 6, r->created_by);
	return store_exec_insert(s, st, ret_id);
}

static int read_term(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct term_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->org_id = sqlite3_column_int64(st, 1);
	r->first_year = sqlite3_column_int(st, 2);
	r->last_year = sqlite3_column_int(st, 3);
	r->congress = store_col_date(st, 4, DATE_NONE);
	r->document = store_col_text(st, 5, a);
	return 0;
}

int store_terms_of_org(struct store *s, int64_t org, struct arena *a, struct term_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_TERMS_OF_ORG);

	ret->v = NULL;
	ret->n = 0;
	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, org);
	return store_read_rows(st, a, sizeof(*ret->v), read_term, (void **)&ret->v, &ret->n);
}
