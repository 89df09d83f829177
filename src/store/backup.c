/*
 * backup.c - the database files themselves, for backups, restores and
 * upgrades (store.h): a file's schema version, a consistent copy of a file
 * that is not migrated, and readying a file to be replaced.
 */
#include "store/storeInt.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "core/banned.h"

int store_new_file(const char *path, struct err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0 && errno == EEXIST)
		return err_set(e, HOSO_E_DUPLICATE, "out", "Tệp '%s' đã tồn tại, không ghi đè",
		               "'%s' already exists; not overwriting it", path);
	if (fd < 0)
		return err_set(e, HOSO_E_IO, "out", "Không tạo được tệp '%s': %s",
		               "Cannot create '%s': %s", path, strerror(errno));
	close(fd);
	return 0;
}

/* Open path read-only as a plain SQLite connection (no hoso pragmas, no
 * migrations), with a busy timeout. */
static int open_raw(const char *path, int flags, sqlite3 **ret, struct err *e)
{
	*ret = NULL;
	if (access(path, F_OK) != 0)
		return err_set(e, HOSO_E_NOT_FOUND, "db", "Không tìm thấy tệp '%s'",
		               "File '%s' not found", path);
	if (sqlite3_open_v2(path, ret, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close_v2(*ret);
		*ret = NULL;
		return err_set(e, HOSO_E_IO, "in", "Không mở được tệp '%s'", "Cannot open '%s'",
		               path);
	}
	sqlite3_extended_result_codes(*ret, 1);
	sqlite3_busy_timeout(*ret, 10000);
	return 0;
}

static int not_a_database(const char *path, struct err *e)
{
	return err_set(e, HOSO_E_BAD_FILE, "in", "Tệp '%s' không phải cơ sở dữ liệu hoso hợp lệ",
	               "'%s' is not a valid hoso database", path);
}

static int raw_version(sqlite3 *db, int *ret)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	/* user_version alone reads only the header: count the schema too, so
	 * that a file that is not a database is found out here. */
	if (sqlite3_prepare_v2(db,
	                       "SELECT (SELECT count(*) FROM sqlite_schema), "
	                       "(SELECT user_version FROM pragma_user_version)",
	                       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		*ret = sqlite3_column_int(st, 1);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

int store_file_version(const char *path, int *ret, struct err *e)
{
	sqlite3 *db;
	int rc = open_raw(path, SQLITE_OPEN_READONLY, &db, e);

	if (rc < 0)
		return rc;
	rc = raw_version(db, ret) < 0 ? not_a_database(path, e) : 0;
	sqlite3_close_v2(db);
	return rc;
}

int store_file_backup(const char *path, const char *out_path, struct err *e)
{
	sqlite3 *src, *dst = NULL;
	int rc = open_raw(path, SQLITE_OPEN_READONLY, &src, e), v;

	if (rc < 0)
		return rc;
	if (raw_version(src, &v) < 0) {
		sqlite3_close_v2(src);
		return not_a_database(path, e);
	}
	if ((rc = store_new_file(out_path, e)) < 0) {
		sqlite3_close_v2(src);
		return rc;
	}
	if (sqlite3_open_v2(out_path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		rc = HOSO_E_IO;
	else
		rc = store_copy_db(dst, src);
	if (rc == 0 &&
	    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = HOSO_E_IO;
	sqlite3_close_v2(dst);
	sqlite3_close_v2(src);
	if (rc < 0) {
		unlink(out_path);
		return err_set(e, rc, "out", "Sao lưu vào '%s' thất bại", "Backup to '%s' failed",
		               out_path);
	}
	return 0;
}

int store_file_quiesce(const char *path, struct err *e)
{
	sqlite3 *db;
	int rc = open_raw(path, SQLITE_OPEN_READWRITE, &db, e), v;

	if (rc < 0)
		return rc;
	sqlite3_busy_timeout(db, 0);
	/* In exclusive locking mode the first access takes the file for this
	 * connection alone: refused while the service (or any other process)
	 * has it open. */
	if (sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK ||
	    raw_version(db, &v) < 0) {
		rc = sqlite3_errcode(db);
		sqlite3_close_v2(db);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			return err_set(
			    e, HOSO_E_BUSY, "db",
			    "Cơ sở dữ liệu '%s' đang được dùng (hãy dừng dịch vụ: "
			    "systemctl stop hoso)",
			    "Database '%s' is in use (stop the service: systemctl stop hoso)",
			    path);
		return 0; /* damaged: kept aside as it is */
	}
	if (sqlite3_exec(db, "BEGIN EXCLUSIVE; COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close_v2(db);
		return err_set(e, HOSO_E_BUSY, "db",
		               "Cơ sở dữ liệu '%s' đang được dùng (hãy dừng dịch vụ: "
		               "systemctl stop hoso)",
		               "Database '%s' is in use (stop the service: systemctl stop hoso)",
		               path);
	}
	sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_close_v2(db);
	return 0;
}
