/*
 * admin.h - whole-database operations: backup, restore, integrity check,
 * and the calendar's yearly table.  Administrators only.
 */
#ifndef HOSO_APP_ADMIN_H
#define HOSO_APP_ADMIN_H

#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

int admin_backup(struct app *app, const struct actor *who, const char *out, struct err *e);
int admin_restore(struct app *app, const struct actor *who, const char *in, struct err *e);
/* integrity_check, foreign keys; 0 when clean. */
int admin_check(struct app *app, const struct actor *who, struct err *e);
/* Digest of the logical contents (hex, 65 bytes). */
int admin_digest(struct app *app, const struct actor *who, char *out, struct err *e);

/* The calendar's yearly entries. */
int admin_cal_entries(struct app *app, const struct actor *who, struct arena *a,
                      struct cal_entry_list *ret, struct err *e);
/* Add or replace the entry of one day; kind "off", "work" or "not_off". */
int admin_cal_put(struct app *app, const struct actor *who, int32_t day, const char *kind,
                  const char *name, const char *source, struct err *e);
int admin_cal_delete(struct app *app, const struct actor *who, int32_t day, struct err *e);

#endif
