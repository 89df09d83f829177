/*
 * calendar.c - the administrator-editable yearly calendar table (announced
 * Tết spans, day swaps, make-up Saturdays).  Seeded from src/cal's defaults
 * by migration 1; src/app hands the rows to a struct cal.
 */
#include "store/storeInt.h"

#include "core/banned.h"

static int read_entry(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct cal_entry_row *r = item;

	r->day = store_col_date(st, 0, DATE_NONE);
	r->kind = store_col_text(st, 1, a);
	r->name = store_col_text(st, 2, a);
	r->source = store_col_text(st, 3, a);
	return r->kind && r->name ? 0 : HOSO_E_NOMEM;
}

int store_cal_entries(struct store *s, struct arena *a, struct cal_entry_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CAL_ENTRIES);

	if (!st)
		return HOSO_E_DB;
	return store_read_rows(st, a, sizeof(*ret->v), read_entry, (void **)&ret->v, &ret->n);
}

int store_cal_entry_get(struct store *s, int32_t day, struct arena *a, struct cal_entry_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CAL_ENTRY_GET);
	struct cal_entry_row *v;
	size_t n;
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, day);
	rc = store_read_rows(st, a, sizeof(*v), read_entry, (void **)&v, &n);
	if (rc == 0 && n == 0)
		rc = HOSO_E_NOT_FOUND;
	if (rc == 0)
		*ret = v[0];
	return rc;
}

int store_cal_entry_put(struct store *s, const struct cal_entry_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CAL_ENTRY_PUT);

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, r->day);
	store_bind_text(st, 2, r->kind);
	store_bind_text(st, 3, r->name);
	store_bind_text(st, 4, r->source ? r->source : "");
	return store_exec_stmt(st);
}

int store_cal_entry_delete(struct store *s, int32_t day)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CAL_ENTRY_DELETE);
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, day);
	rc = store_exec_stmt(st);
	if (rc == 0 && sqlite3_changes(s->db) == 0)
		return HOSO_E_NOT_FOUND;
	return rc;
}
