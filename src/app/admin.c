/*
 * admin.c - backup, restore, integrity and the calendar table (admin.h).
 */
#include "app/admin.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/audit.h"
#include "app/backup.h"
#include "app/gate.h"
#include "app/scope.h"
#include "cal/cal.h"
#include "vi/vi.h"

#include "core/banned.h"

/* Backup, restore and the calendar concern the whole database: only an
 * administrator whose scope is the whole tree — no organisation, or a root
 * organisation (the provincial committee) — may do them. */
int admin_whole_tree(struct app *app, const struct actor *who, struct err *e)
{
	struct org_row root;
	struct arena a;
	int whole = who->scope_org == 0;

	if (!whole) {
		arena_init(&a, 1 << 16);
		whole =
		    store_org_at(app_store(app), who->scope_org, date_today(), &a, &root) == 0 &&
		    root.parent_id == 0;
		arena_release(&a);
	}
	if (!whole)
		return gate_denied(e);
	return gate_role(who, 1u << ROLE_ADMIN, e);
}

/* path + suffix into out (n bytes); -1 when it does not fit. */
static int path_cat(char *out, size_t n, const char *path, const char *suffix)
{
	int len = snprintf(out, n, "%s%s", path, suffix);

	return len < 0 || (size_t)len >= n ? -1 : 0;
}

static int path_too_long(const char *path, struct err *e)
{
	return err_set(e, HOSO_E_INVALID, "out", "Đường dẫn quá dài: '%s'", "Path too long: '%s'",
	               path);
}

/* A database file and what SQLite keeps beside it, removed. */
static void unlink_db(const char *path)
{
	char side[4200];

	unlink(path);
	if (path_cat(side, sizeof(side), path, "-wal") == 0)
		unlink(side);
	if (path_cat(side, sizeof(side), path, "-shm") == 0)
		unlink(side);
	if (path_cat(side, sizeof(side), path, "-journal") == 0)
		unlink(side);
}

/* fsync the folder holding path, so that a rename in it lasts. */
static void sync_dir_of(const char *path)
{
	char dir[4200];
	const char *slash = strrchr(path, '/');
	int fd;

	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Check the database file path: it opens (read-only; or, when migrate, it
 * is opened and migrated: a scratch copy), passes the integrity check and
 * its audit chain is whole.  Its digest into digest, its entries into
 * *entries.
 */
static int verify_db(const char *path, int migrate, const struct actor *who, char *digest,
                     int64_t *entries, struct err *e)
{
	struct app *b = NULL;
	struct audit_check c;
	int rc = app_open(path, migrate ? 0 : APP_READONLY, &b, e);

	if (rc == 0)
		rc = store_check_integrity(app_store(b), e);
	if (rc == 0)
		rc = audit_verify(b, who, &c, e);
	if (rc == 0 && c.bad_id)
		rc = err_set(e, HOSO_E_BAD_FILE, "in",
		             "Chuỗi băm của nhật ký truy cập trong '%s' bị đứt ở mục %lld",
		             "The audit trail's hash chain in '%s' breaks at entry %lld", path,
		             (long long)c.bad_id);
	if (rc == 0)
		rc = store_content_digest(app_store(b), digest, e);
	*entries = c.entries;
	app_close(b);
	return rc;
}

/* Encrypt the file plain into out (a new file, 0600) with the key in
 * key, then authenticate what was written. */
static int encrypt_file(const char *plain, const char *out, const unsigned char *key, struct err *e)
{
	FILE *in = fopen(plain, "rb"), *o;
	int rc;

	if (!in)
		return err_set(e, HOSO_E_IO, "out", "Không đọc được tệp '%s'", "Cannot read '%s'",
		               plain);
	if (!(o = backup_file_create(out, "out", e))) {
		fclose(in);
		return e->code;
	}
	rc = backup_encrypt(in, o, key, e);
	fclose(in);
	rc = backup_file_close(o, out, "out", rc, e);
	if (rc == 0 && (in = fopen(out, "rb")) != NULL) {
		rc = backup_decrypt(in, NULL, key, e);
		fclose(in);
	}
	return rc;
}

/*
 * A backup into out, from the open store s, or (s NULL) from the file db
 * without migrating it; rehearse: check it by migrating a scratch copy
 * (an older schema, before an upgrade).  See admin_backup.
 */
static int make_backup(struct store *s, const char *db, const char *out, const char *key_path,
                       int rehearse, const struct actor *who, struct admin_backup_done *ret,
                       struct err *e)
{
	unsigned char key[BACKUP_KEY_BYTES];
	char plain[4200], sealed[4200], scratch[4200];
	struct stat st;
	double t0 = now_seconds();
	int rc;

	memset(ret, 0, sizeof(*ret));
	if (snprintf(ret->path, sizeof(ret->path), "%s", out) >= (int)sizeof(ret->path) ||
	    path_cat(plain, sizeof(plain), out, ".plain.partial") < 0 ||
	    path_cat(sealed, sizeof(sealed), out, ".partial") < 0 ||
	    path_cat(scratch, sizeof(scratch), out, ".check.partial") < 0)
		return path_too_long(out, e);
	if (access(out, F_OK) == 0)
		return err_set(e, HOSO_E_DUPLICATE, "out", "Tệp '%s' đã tồn tại, không ghi đè",
		               "'%s' already exists; not overwriting it", out);
	if (key_path && (rc = backup_key_load(key_path, key, e)) < 0)
		return rc;
	ret->encrypted = key_path != NULL;
	/* what a run that died left behind (the names are ours) */
	unlink_db(plain);
	unlink(sealed);
	unlink_db(scratch);
	rc = s ? store_backup(s, plain, e) : store_file_backup(db, plain, e);
	if (rc == 0 && rehearse) {
		rc = store_file_backup(plain, scratch, e);
		if (rc == 0)
			rc = verify_db(scratch, 1, who, ret->digest, &ret->entries, e);
		unlink_db(scratch);
	} else if (rc == 0) {
		rc = verify_db(plain, 0, who, ret->digest, &ret->entries, e);
	}
	if (rc == 0 && key_path) {
		rc = encrypt_file(plain, sealed, key, e);
		if (rc == 0 && rename(sealed, out) != 0)
			rc = HOSO_E_IO;
		unlink(sealed);
		unlink_db(plain);
	} else if (rc == 0) {
		if (fsync_path(plain) != 0 || rename(plain, out) != 0)
			rc = HOSO_E_IO;
	}
	sodium_memzero(key, sizeof(key));
	if (rc == HOSO_E_IO && e->code != HOSO_E_IO)
		err_set(e, rc, "out", "Không ghi được tệp '%s'", "Cannot write '%s'", out);
	if (rc < 0) {
		unlink_db(plain);
		return rc;
	}
	sync_dir_of(out);
	if ((rc = backup_sha256(out, ret->sha256, e)) < 0 ||
	    (rc = backup_sha256_write(out, ret->sha256, e)) < 0)
		return rc;
	sync_dir_of(out);
	if (stat(out, &st) == 0)
		ret->bytes = (int64_t)st.st_size;
	ret->seconds = now_seconds() - t0;
	return 0;
}

/* The backup's audit entry in app's trail. */
static int record_backup(struct app *app, const struct actor *who, const char *action,
                         const struct admin_backup_done *d, json_t *more, struct err *e)
{
	json_t *detail =
	    json_pack("{s:s,s:s,s:I,s:b,s:s}", "file", d->path, "sha256", d->sha256, "bytes",
	              (json_int_t)d->bytes, "encrypted", d->encrypted, "digest", d->digest);

	if (detail && more && json_object_update(detail, more) != 0) {
		json_decref(detail);
		detail = NULL;
	}
	json_decref(more);
	return audit_record_json(app, who, (struct audit_entry){action, "database", 0, NULL, 0},
	                         detail, e);
}

int admin_backup(struct app *app, const struct actor *who, const char *out, const char *key,
                 struct admin_backup_done *ret, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	if (rc < 0 || (rc = make_backup(app_store(app), NULL, out, key, 0, who, ret, e)) < 0)
		return rc;
	return record_backup(app, who, "backup", ret, NULL, e);
}

/* Remove the backups of dir that retention does not keep (never keep_name). */
static int prune(const char *dir, const char *keep_name, int daily, int weekly, int monthly,
                 admin_pruned_fn *pruned, void *arg, size_t *ret_n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char(*names)[BACKUP_NAME_MAX] = NULL;
	int64_t *t = NULL;
	unsigned char *keep = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	*ret_n = 0;
	if (!d)
		return HOSO_E_IO;
	while ((de = readdir(d)) != NULL) {
		int64_t when;

		if (backup_name_parse(de->d_name, &when) < 0)
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			void *nn = realloc(names, ncap * sizeof(*names)), *nt;

			if (!nn) {
				rc = HOSO_E_NOMEM;
				break;
			}
			names = nn;
			if (!(nt = realloc(t, ncap * sizeof(*t)))) {
				rc = HOSO_E_NOMEM;
				break;
			}
			t = nt;
			cap = ncap;
		}
		memcpy(names[n], de->d_name, strlen(de->d_name) + 1); /* parsed: short */
		t[n++] = when;
	}
	closedir(d);
	if (rc == 0 && n > 0 && !(keep = malloc(n)))
		rc = HOSO_E_NOMEM;
	if (rc == 0 && n > 0) {
		backup_retain(t, n, daily, weekly, monthly, keep);
		for (size_t i = 0; i < n; i++) {
			char path[4200], sum[4300];

			if (keep[i] || strcmp(names[i], keep_name) == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			snprintf(sum, sizeof(sum), "%s.sha256", path);
			if (unlink(path) == 0) {
				unlink(sum);
				(*ret_n)++;
				if (pruned)
					pruned(path, arg);
			}
		}
	}
	free(names);
	free(t);
	free(keep);
	return rc;
}

int admin_backup_dir(struct app *app, const struct actor *who, const char *dir, const char *key,
                     int keep_daily, int keep_weekly, int keep_monthly, admin_pruned_fn *pruned,
                     void *arg, struct admin_backup_done *ret, struct err *e)
{
	char name[BACKUP_NAME_MAX], out[4096];
	struct stat st;
	int rc = admin_whole_tree(app, who, e);

	if (rc < 0)
		return rc;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return err_set(e, HOSO_E_NOT_FOUND, "to-dir", "Không có thư mục '%s'",
		               "No folder '%s'", dir);
	backup_name((int64_t)time(NULL), key != NULL, name);
	if (snprintf(out, sizeof(out), "%s/%s", dir, name) >= (int)sizeof(out))
		return path_too_long(dir, e);
	if ((rc = make_backup(app_store(app), NULL, out, key, 0, who, ret, e)) < 0)
		return rc;
	if ((keep_daily > 0 || keep_weekly > 0 || keep_monthly > 0) &&
	    (rc = prune(dir, name, keep_daily, keep_weekly, keep_monthly, pruned, arg,
	                &ret->pruned)) < 0)
		return err_set(e, rc, "to-dir", "Không dọn được các bản sao lưu cũ trong '%s'",
		               "Cannot prune the old backups in '%s'", dir);
	return record_backup(app, who, "backup", ret,
	                     json_pack("{s:I}", "pruned", (json_int_t)ret->pruned), e);
}

/* The local operator (the CLI) alone replaces or upgrades the file. */
static int local_only(const struct actor *who, struct err *e)
{
	return who->user_id == 0 && who->roles & (1u << ROLE_ADMIN) ? 0 : gate_denied(e);
}

/* folder of path (its own when it has no slash) into out. */
static void dir_of(const char *path, char *out, size_t n)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(out, n, ".");
	else if (slash == path)
		snprintf(out, n, "/");
	else
		snprintf(out, n, "%.*s", (int)(slash - path), path);
}

/* YYYYMMDD-HHMMSS of now, local time. */
static void stamp(char *out, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(out, n, "%Y%m%d-%H%M%S", &tm);
}

/* Decrypt (or copy) the backup in into tmp, a new file. */
static int unpack(const char *in, const char *tmp, const char *key_path, struct err *e)
{
	unsigned char key[BACKUP_KEY_BYTES];
	FILE *f, *o;
	int rc;

	if (!backup_is_encrypted(in)) {
		if (key_path)
			return err_set(e, HOSO_E_BAD_FILE, "in",
			               "'%s' không phải bản sao lưu đã mã hoá (bỏ --key)",
			               "'%s' is not an encrypted backup (leave --key out)", in);
		rc = store_file_backup(in, tmp, e);
		if (rc == HOSO_E_BAD_FILE || rc == HOSO_E_NOT_FOUND)
			err_set(e, rc, "in", "Tệp '%s' không phải bản sao lưu hoso hợp lệ",
			        "'%s' is not a valid hoso backup", in);
		return rc;
	}
	if (!key_path)
		return err_set(e, HOSO_E_MISSING, "key",
		               "'%s' là bản sao lưu đã mã hoá: cần --key TỆP_KHOÁ",
		               "'%s' is an encrypted backup: --key FILE is needed", in);
	if ((rc = backup_key_load(key_path, key, e)) < 0)
		return rc;
	if (!(f = fopen(in, "rb")))
		return err_set(e, HOSO_E_IO, "in", "Không đọc được tệp '%s'", "Cannot read '%s'",
		               in);
	if (!(o = backup_file_create(tmp, "db", e))) {
		fclose(f);
		return e->code;
	}
	rc = backup_decrypt(f, o, key, e);
	sodium_memzero(key, sizeof(key));
	fclose(f);
	return backup_file_close(o, tmp, "db", rc, e);
}

int admin_restore(const char *db, const struct actor *who, const char *in, const char *key,
                  struct admin_restore_done *ret, struct err *e)
{
	char dir[4200], tmp[4300], when[32], wal[4400], aside_wal[4400], shm[4400], digest[65];
	int rc, v;

	memset(ret, 0, sizeof(*ret));
	if ((rc = local_only(who, e)) < 0)
		return rc;
	if (access(in, R_OK) != 0)
		return err_set(e, HOSO_E_NOT_FOUND, "in", "Không đọc được tệp sao lưu '%s'",
		               "Cannot read the backup '%s'", in);
	dir_of(db, dir, sizeof(dir));
	stamp(when, sizeof(when));
	if (snprintf(tmp, sizeof(tmp), "%s/.hoso-restore-%s.partial", dir, when) >=
	        (int)sizeof(tmp) ||
	    snprintf(ret->aside, sizeof(ret->aside), "%s.before-restore-%s", db, when) >=
	        (int)sizeof(ret->aside))
		return path_too_long(db, e);
	unlink_db(tmp);
	/* 1. the backup, decrypted, beside the database: checked there */
	rc = unpack(in, tmp, key, e);
	if (rc == 0 && (rc = store_file_version(tmp, &v, e)) == 0) {
		ret->from_version = v;
		if (v < 1)
			rc = err_set(e, HOSO_E_BAD_FILE, "in",
			             "Tệp '%s' không phải bản sao lưu hoso hợp lệ",
			             "'%s' is not a valid hoso backup", in);
	}
	if (rc == 0)
		rc = verify_db(tmp, 1, who, digest, &ret->entries, e);
	/* 2. the database in use? its log folded in */
	if (rc == 0 && access(db, F_OK) == 0)
		rc = store_file_quiesce(db, e);
	if (rc < 0) {
		unlink_db(tmp);
		ret->aside[0] = 0;
		return rc;
	}
	/* 3. the old file kept aside (a second name, then its log moved),
	 * the new one in its place in one rename */
	if (access(db, F_OK) == 0) {
		size_t base = strlen(ret->aside);
		int err = 0;

		/* a second restore within the same second: -2, -3... */
		for (int k = 2; link(db, ret->aside) != 0; k++) {
			err = errno;
			if (err != EEXIST || k > 99 ||
			    snprintf(ret->aside + base, sizeof(ret->aside) - base, "-%d", k) >=
			        (int)(sizeof(ret->aside) - base))
				break;
			err = 0;
		}
		if (err) {
			unlink_db(tmp);
			return err_set(e, HOSO_E_IO, "db", "Không giữ lại được '%s' thành '%s': %s",
			               "Cannot keep '%s' aside as '%s': %s", db, ret->aside,
			               strerror(err));
		}
		snprintf(wal, sizeof(wal), "%s-wal", db);
		snprintf(aside_wal, sizeof(aside_wal), "%s-wal", ret->aside);
		snprintf(shm, sizeof(shm), "%s-shm", db);
		if (access(wal, F_OK) == 0)
			rename(wal, aside_wal);
		unlink(shm);
	} else {
		ret->aside[0] = 0;
	}
	snprintf(wal, sizeof(wal), "%s-wal", tmp);
	snprintf(shm, sizeof(shm), "%s-shm", tmp);
	unlink(wal); /* left by the check, if anything */
	unlink(shm);
	if (rename(tmp, db) != 0) {
		rc = err_set(e, HOSO_E_IO, "db", "Không thay được '%s': %s",
		             "Cannot replace '%s': %s", db, strerror(errno));
		return rc;
	}
	sync_dir_of(db);
	return 0;
}

int admin_upgrade(const char *db, const struct actor *who, const char *dir, const char *key,
                  struct admin_upgrade_done *ret, struct err *e)
{
	char folder[4200], when[32], out[4400];
	struct app *app = NULL;
	int rc;

	memset(ret, 0, sizeof(*ret));
	ret->to = app_latest_schema_version();
	if ((rc = local_only(who, e)) < 0)
		return rc;
	if (access(db, F_OK) != 0 && errno == ENOENT) {
		ret->missing = 1; /* nothing yet: "hoso init" or a restore makes it */
		return 0;
	}
	if ((rc = store_file_version(db, &ret->from, e)) < 0)
		return rc;
	if (ret->from > ret->to)
		return err_set(e, HOSO_E_SCHEMA, "db",
		               "Cơ sở dữ liệu ở phiên bản lược đồ %d, chương trình này chỉ biết "
		               "đến phiên bản %d: cần bản hoso mới hơn",
		               "The database is at schema version %d; this program knows up to "
		               "%d: it needs a newer hoso",
		               ret->from, ret->to);
	if (ret->from == ret->to)
		return 0;
	if (ret->from > 0) {
		if (dir)
			snprintf(folder, sizeof(folder), "%s", dir);
		else
			dir_of(db, folder, sizeof(folder));
		/* the folder made when missing (the service's first upgrade) */
		if (mkdir(folder, 0700) != 0 && errno != EEXIST)
			return err_set(
			    e, HOSO_E_IO, "backup-dir", "Không tạo được thư mục '%s': %s",
			    "Cannot create the folder '%s': %s", folder, strerror(errno));
		stamp(when, sizeof(when));
		if (snprintf(out, sizeof(out), "%s/hoso-pre-upgrade-v%d-%s.db%s", folder, ret->from,
		             when, key ? ".enc" : "") >= (int)sizeof(out))
			return path_too_long(folder, e);
		if ((rc = make_backup(NULL, db, out, key, 1, who, &ret->backup, e)) < 0)
			return rc;
		ret->backed_up = 1;
	}
	/* app_open migrates, all or nothing */
	if ((rc = app_open(db, 0, &app, e)) < 0)
		return rc;
	if (ret->backed_up)
		rc = record_backup(app, who, "upgrade", &ret->backup,
		                   json_pack("{s:i,s:i}", "from", ret->from, "to", ret->to), e);
	app_close(app);
	return rc;
}

int admin_check(struct app *app, const struct actor *who, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	return rc < 0 ? rc : store_check_integrity(app_store(app), e);
}

int admin_digest(struct app *app, const struct actor *who, char *out, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	return rc < 0 ? rc : store_content_digest(app_store(app), out, e);
}

int admin_cal_entries(struct app *app, const struct actor *who, struct arena *a,
                      struct cal_entry_list *ret, struct err *e)
{
	int rc;

	(void)who; /* the holiday table is public knowledge */
	rc = store_cal_entries(app_store(app), a, ret);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

/* {"date", and of kind, name and source those that differ: {"before",
 * "after"}}; b or a NULL for a creation or a deletion. */
static json_t *cal_diff(int32_t day, const struct cal_entry_row *b, const struct cal_entry_row *a)
{
	const char *names[] = {"kind", "name", "source"};
	const char *before[] = {b ? b->kind : NULL, b ? b->name : NULL, b ? b->source : NULL};
	const char *after[] = {a ? a->kind : NULL, a ? a->name : NULL, a ? a->source : NULL};
	char iso[DATE_BUF];
	json_t *d;

	date_format_iso(day, iso);
	d = json_pack("{s:s}", "date", iso);
	for (size_t i = 0; d && i < 3; i++)
		if ((before[i] == NULL) != (after[i] == NULL) ||
		    (before[i] && strcmp(before[i], after[i]) != 0))
			json_object_set_new(
			    d, names[i],
			    json_pack("{s:s?,s:s?}", "before", before[i], "after", after[i]));
	return d;
}

/*
 * Change the entry of day to r (NULL: remove it) in one transaction with
 * its audit entry (object "calendar", id YYYYMMDD, before/after), then have
 * every connection reload its calendar.
 */
static int cal_change(struct app *app, const struct actor *who, int32_t day,
                      const struct cal_entry_row *r, struct err *e)
{
	struct store *s = app_store(app);
	struct cal_entry_row old;
	struct gate_write w = {NULL, "calendar", 0, NULL, NOUN_RECORD};
	struct arena a;
	int y, m, d, had, rc;

	arena_init(&a, 1 << 20);
	date_civil(day, &y, &m, &d);
	w.object_id = (int64_t)y * 10000 + m * 100 + d;
	if ((rc = gate_begin(app, e)) < 0)
		goto out;
	rc = store_cal_entry_get(s, day, &a, &old);
	had = rc == 0;
	if (rc == HOSO_E_NOT_FOUND)
		rc = r ? 0
		       : err_set(e, rc, "date", "Ngày này không có trong bảng lịch",
		                 "That day is not in the calendar table");
	if (rc == 0)
		rc = r ? store_cal_entry_put(s, r) : store_cal_entry_delete(s, day);
	w.action = !r ? "delete" : had ? "update" : "create";
	if (rc == 0)
		w.detail = cal_diff(day, had ? &old : NULL, r);
	rc = gate_end(app, who, rc, &w, e);
out:
	arena_release(&a);
	if (rc == 0) {
		app_calendar_changed();
		rc = app_reload_calendar(app);
	}
	if (rc < 0 && e && !e->code)
		err_set(e, rc, NULL, NULL, NULL);
	return rc;
}

int admin_cal_put(struct app *app, const struct actor *who, int32_t day, const char *kind,
                  const char *name, const char *source, struct err *e)
{
	struct buf nm = BUF_INIT(1024), src = BUF_INIT(1024);
	enum cal_entry_kind k;
	int rc = admin_whole_tree(app, who, e);

	if (rc < 0)
		return rc;
	if (!kind || cal_entry_kind_parse(kind, &k) < 0)
		return err_set(e, HOSO_E_BAD_ENUM, "kind",
		               "Loại ngày '%s' không hợp lệ (off: nghỉ, work: làm bù, not_off: "
		               "bỏ ngày nghỉ)",
		               "Day kind '%s' is invalid (off, work, not_off)", kind ? kind : "");
	if (!name || !*name)
		return err_set(e, HOSO_E_MISSING, "name", "Thiếu tên ngày", "The name is missing");
	if ((rc = vi_nfc(name, strlen(name), &nm)) < 0 ||
	    (source && (rc = vi_nfc(source, strlen(source), &src)) < 0)) {
		err_set(e, rc, source && nm.len ? "source" : "name", NULL, NULL);
		goto out;
	}
	if (nm.len > 200 || src.len > 300) {
		rc = err_set(e, HOSO_E_TOO_BIG, nm.len > 200 ? "name" : "source", NULL, NULL);
		goto out;
	}
	{
		int y, m, d;

		date_civil(day, &y, &m, &d);
		if (y < CAL_MIN_YEAR || y > CAL_MAX_YEAR) {
			rc = err_set(e, HOSO_E_RANGE, "date", "Năm phải trong khoảng %d–%d",
			             "The year must be within %d–%d", CAL_MIN_YEAR, CAL_MAX_YEAR);
			goto out;
		}
	}
	{
		struct cal_entry_row r = {
		    .day = day,
		    .kind = cal_entry_kind_name(k),
		    .name = nm.buf,
		    .source = src.buf,
		};

		rc = cal_change(app, who, day, &r, e);
	}
out:
	buf_release(&nm);
	buf_release(&src);
	return rc;
}

int admin_cal_delete(struct app *app, const struct actor *who, int32_t day, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	return rc < 0 ? rc : cal_change(app, who, day, NULL, e);
}

int admin_cal_year(struct app *app, const struct actor *who, int year, struct cal_holiday **ret,
                   size_t *ret_n, struct err *e)
{
	int rc;

	(void)who; /* the holiday table is public knowledge */
	*ret = NULL;
	*ret_n = 0;
	if (year < CAL_MIN_YEAR || year > CAL_MAX_YEAR)
		return err_set(e, HOSO_E_RANGE, "year", "Năm phải trong khoảng %d–%d",
		               "The year must be within %d–%d", CAL_MIN_YEAR, CAL_MAX_YEAR);
	rc = cal_holidays(app_cal(app), year, ret, ret_n);
	return rc < 0 ? err_set(e, rc, "year", NULL, NULL) : 0;
}

json_t *admin_cal_days_json(const struct cal_holiday *h, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < n; i++) {
		char iso[DATE_BUF];

		date_format_iso(h[i].day, iso);
		json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s}", "date", iso, "kind",
		                                     cal_entry_kind_name(h[i].kind), "name",
		                                     h[i].name ? h[i].name : "", "source",
		                                     h[i].source ? h[i].source : ""));
	}
	return arr;
}
