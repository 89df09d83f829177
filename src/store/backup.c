/*
 * backup.c - the database files themselves, for backups, restores and
 * upgrades (store.h): a file's schema version, a consistent copy of a file
 * that is not migrated, and readying a file to be replaced.  SQLite files
 * only: a PostgreSQL database is backed up by its own tools.
 */
#include "store/storeInt.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "core/banned.h"

int store_pg_no_backup(struct err *e)
{
	return err_set(e, HOSO_E_USAGE, "db",
	               "Cơ sở dữ liệu PostgreSQL được sao lưu bằng công cụ của nó: pg_dump (một "
	               "bản chụp), pg_basebackup và lưu trữ WAL (khôi phục đến một thời điểm)",
	               "A PostgreSQL database is backed up with its own tools: pg_dump (a "
	               "snapshot), pg_basebackup and WAL archiving (point-in-time recovery)");
}

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

/* Open path as a plain connection (no hoso pragmas, no migrations), with a
 * busy timeout. */
static int open_raw(const char *path, int flags, struct db **ret, struct err *e)
{
	*ret = NULL;
	if (db_is_url(path))
		return store_pg_no_backup(e);
	if (access(path, F_OK) != 0)
		return err_set(e, HOSO_E_NOT_FOUND, "db", "Không tìm thấy tệp '%s'",
		               "File '%s' not found", path);
	if (db_open(path, flags, ret) < 0) {
		db_close(*ret);
		*ret = NULL;
		return err_set(e, HOSO_E_IO, "in", "Không mở được tệp '%s'", "Cannot open '%s'",
		               path);
	}
	db_exec(*ret, "PRAGMA busy_timeout = 10000");
	return 0;
}

static int not_a_database(const char *path, struct err *e)
{
	return err_set(e, HOSO_E_BAD_FILE, "in", "Tệp '%s' không phải cơ sở dữ liệu hoso hợp lệ",
	               "'%s' is not a valid hoso database", path);
}

static int raw_version(struct db *db, int *ret)
{
	struct db_stmt *st = NULL;
	int rc = -1;

	/* user_version alone reads only the header: count the schema too, so
	 * that a file that is not a database is found out here. */
	if (db_prepare(db,
	               "SELECT (SELECT count(*) FROM sqlite_schema), "
	               "(SELECT user_version FROM pragma_user_version)",
	               0, &st) == 0 &&
	    db_step(st) == DB_ROW) {
		*ret = (int)db_int(st, 1);
		rc = 0;
	}
	db_finalize(st);
	return rc;
}

int store_file_version(const char *path, int *ret, struct err *e)
{
	struct db *db;
	int rc = open_raw(path, DB_READONLY, &db, e);

	if (rc < 0)
		return rc;
	rc = raw_version(db, ret) < 0 ? not_a_database(path, e) : 0;
	db_close(db);
	return rc;
}

int store_copy_to_file(struct db *src, const char *out_path, struct err *e)
{
	struct db *dst = NULL;
	int rc;

	if ((rc = store_new_file(out_path, e)) < 0)
		return rc;
	if (db_open(out_path, 0, &dst) < 0)
		rc = HOSO_E_IO;
	else
		rc = db_copy(dst, src);
	if (rc == 0 && db_exec(dst, "PRAGMA journal_mode = DELETE") < 0)
		rc = HOSO_E_IO;
	db_close(dst);
	if (rc < 0) {
		unlink(out_path);
		return err_set(e, rc, "out", "Sao lưu vào '%s' thất bại", "Backup to '%s' failed",
		               out_path);
	}
	return 0;
}

int store_file_backup(const char *path, const char *out_path, struct err *e)
{
	struct db *src;
	int rc = open_raw(path, DB_READONLY, &src, e), v;

	if (rc < 0)
		return rc;
	rc = raw_version(src, &v) < 0 ? not_a_database(path, e)
	                              : store_copy_to_file(src, out_path, e);
	db_close(src);
	return rc;
}

static int in_use(const char *path, struct err *e)
{
	return err_set(e, HOSO_E_BUSY, "db",
	               "Cơ sở dữ liệu '%s' đang được dùng (hãy dừng dịch vụ: "
	               "systemctl stop hoso)",
	               "Database '%s' is in use (stop the service: systemctl stop hoso)", path);
}

int store_file_quiesce(const char *path, struct err *e)
{
	struct db *db;
	int rc = open_raw(path, 0, &db, e), v;

	if (rc < 0)
		return rc;
	db_exec(db, "PRAGMA busy_timeout = 0");
	/* In exclusive locking mode the first access takes the file for this
	 * connection alone: refused while the service (or any other process)
	 * has it open. */
	if (db_exec(db, "PRAGMA locking_mode = EXCLUSIVE") < 0 || raw_version(db, &v) < 0) {
		rc = db_error(db);
		db_close(db);
		if (rc == HOSO_E_BUSY)
			return in_use(path, e);
		return 0; /* damaged: kept aside as it is */
	}
	if (db_exec(db, "BEGIN EXCLUSIVE; COMMIT") < 0) {
		db_close(db);
		return in_use(path, e);
	}
	db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	db_close(db);
	return 0;
}
