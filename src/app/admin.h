/*
 * admin.h - whole-database operations: backup, restore, integrity check,
 * and the calendar's yearly table.  Administrators only.
 */
#ifndef HOSO_APP_ADMIN_H
#define HOSO_APP_ADMIN_H

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"
#include "cal/cal.h"
#include "core/arena.h"
#include "store/store.h"

int admin_backup(struct app *app, const struct actor *who, const char *out, struct err *e);
int admin_restore(struct app *app, const struct actor *who, const char *in, struct err *e);
/* integrity_check, foreign keys; 0 when clean. */
int admin_check(struct app *app, const struct actor *who, struct err *e);
/* Digest of the logical contents (hex, 65 bytes). */
int admin_digest(struct app *app, const struct actor *who, char *out, struct err *e);

/* The calendar's yearly entries (any user: the table is public). */
int admin_cal_entries(struct app *app, const struct actor *who, struct arena *a,
                      struct cal_entry_list *ret, struct err *e);
/*
 * Add or replace the entry of one day; kind "off", "work" or "not_off".
 * Administrators of the whole tree.  Recorded in the audit trail with the
 * change ("create", "update" or "delete"; object "calendar" with id
 * YYYYMMDD; detail {"date", "kind"|"name"|"source": {"before", "after"}});
 * every connection of the process then uses the new table.
 */
int admin_cal_put(struct app *app, const struct actor *who, int32_t day, const char *kind,
                  const char *name, const char *source, struct err *e);
/* Remove the entry of one day: HOSO_E_NOT_FOUND naming "date" when none. */
int admin_cal_delete(struct app *app, const struct actor *who, int32_t day, struct err *e);

/* Every day of year that is not an ordinary one (cal_holidays: statutory
 * holidays, compensatory days, announced entries), any user.  *ret is
 * malloc'd (caller frees); its strings live until the calendar changes.
 * HOSO_E_RANGE naming "year" outside CAL_MIN_YEAR..CAL_MAX_YEAR. */
int admin_cal_year(struct app *app, const struct actor *who, int year, struct cal_holiday **ret,
                   size_t *ret_n, struct err *e);
/* Those days as [{"date", "kind", "name", "source"}] (a new reference). */
json_t *admin_cal_days_json(const struct cal_holiday *h, size_t n);

/* 0 when who is an administrator of the whole tree (no organisation, or a
 * root one such as the provincial committee), else HOSO_E_DENIED: for what
 * concerns every organisation (backups, the calendar, deadline rules). */
int admin_whole_tree(struct app *app, const struct actor *who, struct err *e);

#endif
