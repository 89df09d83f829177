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

/* What a backup did (admin_backup, admin_backup_dir, admin_upgrade). */
struct admin_backup_done {
	char path[4096]; /* the backup written */
	char sha256[65]; /* of the file written (hex), also in path.sha256 */
	char digest[65]; /* of the database in it (admin_digest's) */
	int64_t bytes;   /* the file's size */
	int64_t entries; /* audit entries verified in it */
	double seconds;  /* snapshot to verified file */
	int encrypted;
	size_t pruned; /* old backups removed by retention */
};
/* Called with each backup retention removes. */
typedef void admin_pruned_fn(const char *path, void *arg);

/*
 * A backup of the open database into out (a new file, mode 0600): one
 * consistent snapshot (writers go on), encrypted with the key in the file
 * key when key is not NULL (backup.h), then verified — it opens, passes
 * PRAGMA integrity_check and its audit chain is whole (a
 * encrypted one decrypts and authenticates) — before it takes its name;
 * its SHA-256 is written beside it (out.sha256) and recorded in the audit
 * trail (action "backup", object "database": file, sha256, bytes,
 * encrypted).  Administrators of the whole tree.
 */
int admin_backup(struct app *app, const struct actor *who, const char *out, const char *key,
                 struct admin_backup_done *ret, struct err *e);
/*
 * admin_backup into dir, named by the time (UTC, backup_name), then
 * grandfather-father-son retention (backup_retain) over the backups in dir
 * named so (and those alone, with their .sha256), when any of keep_daily,
 * keep_weekly, keep_monthly is above 0; the new backup is always kept.
 */
int admin_backup_dir(struct app *app, const struct actor *who, const char *dir, const char *key,
                     int keep_daily, int keep_weekly, int keep_monthly, admin_pruned_fn *pruned,
                     void *arg, struct admin_backup_done *ret, struct err *e);

/* What a restore did. */
struct admin_restore_done {
	char aside[4200]; /* where the replaced database was kept ("" when none) */
	int64_t entries;  /* audit entries verified in the backup */
	int from_version; /* the backup's schema version (migrated when older) */
};
/*
 * Restore the database file db from the backup in (encrypted: key needed)
 * without opening db: the backup is decrypted into a file beside db,
 * checked (a hoso database this program knows, migrated when older,
 * integrity, audit chain) and only then takes db's place in one rename;
 * the database replaced is kept as db.before-restore-YYYYMMDD-HHMMSS
 * (with its write-ahead log).  HOSO_E_BUSY when another process has db
 * open (the service: stop it first).  The local operator only.  On any
 * failure db is untouched.
 */
int admin_restore(const char *db, const struct actor *who, const char *in, const char *key,
                  struct admin_restore_done *ret, struct err *e);

/* What an upgrade did. */
struct admin_upgrade_done {
	int missing;   /* no database file yet: nothing done */
	int from, to;  /* schema versions */
	int backed_up; /* 1: backup holds the verified pre-upgrade backup */
	struct admin_backup_done backup;
};
/*
 * Bring the database file db to this program's schema: refused
 * (HOSO_E_SCHEMA) when it is newer; nothing when it is current or missing
 * (ret->missing); else, when it holds data, first a verified backup into
 * dir (made when missing; db's own folder when NULL), named
 * hoso-pre-upgrade-vN-YYYYMMDD-HHMMSS.db[.enc], checked by migrating a
 * copy of it; then the migrations (all or none), recorded in the audit
 * trail (action "upgrade").  The local operator only.
 */
int admin_upgrade(const char *db, const struct actor *who, const char *dir, const char *key,
                  struct admin_upgrade_done *ret, struct err *e);
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
