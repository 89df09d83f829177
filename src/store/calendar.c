/*
 * calendar.c - the administrator-editable yearly calendar table (announced
 * Tết spans, day swaps, make-up Saturdays).  Seeded from src/cal's defaults
 * by migration 1; src/app hands the rows to a struct cal.
 */
#include "store/storeInt.h"

#include "core/banned.h"

static int read_entry(struct db_stmt *st, struct arena *a, void *item)
{
	struct cal_entry_row *r = item;

	return store_cols(st, a, "dsss", &r->day, &r->kind, &r->name, &r->source);
}

int store_cal_entries(struct store *s, struct arena *a, struct cal_entry_list *ret)
{
	return store_rows(s, STMT_CAL_ENTRIES, a, sizeof(*ret->v), read_entry, (void **)&ret->v,
	                  &ret->n, "");
}

int store_cal_entry_get(struct store *s, int32_t day, struct arena *a, struct cal_entry_row *ret)
{
	return store_row(s, STMT_CAL_ENTRY_GET, a, sizeof(*ret), read_entry, ret, "d", day);
}

int store_cal_entry_put(struct store *s, const struct cal_entry_row *r)
{
	return store_exec(s, STMT_CAL_ENTRY_PUT, "dsss", r->day, r->kind, r->name,
	                  r->source ? r->source : "");
}

int store_cal_entry_delete(struct store *s, int32_t day)
{
	return store_change(s, STMT_CAL_ENTRY_DELETE, HOSO_E_NOT_FOUND, "d", day);
}
