/*
 * db-sqlite.c - the store's cursor (db.h) on SQLite, the embedded engine:
 * the only file of hoso that includes sqlite3.h.  Besides the cursor it
 * holds what only SQLite has: the SQL functions hoso adds to each
 * connection (hoso_fold, hoso_words: func.c has the rules) and the commit
 * guard.
 *
 * A struct db is an sqlite3 connection and a struct db_stmt an
 * sqlite3_stmt, as they are: the cursor costs SQLite nothing.
 */
#include "store/db.h"

#include <sqlite3.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/storeInt.h"
#include "vi/vi.h"

#include "core/banned.h"

#define DB(d)   ((sqlite3 *)(d))
#define STMT(s) ((sqlite3_stmt *)(s))

/* An SQLite result code as a HOSO_E_* code (0 for success). */
static int code(int rc)
{
	if (rc == SQLITE_CONSTRAINT_COMMITHOOK)
		return HOSO_E_DB; /* the commit guard: the transaction was already lost */
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return 0;
	case SQLITE_CONSTRAINT:
		return HOSO_E_DUPLICATE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return HOSO_E_BUSY;
	case SQLITE_NOMEM:
		return HOSO_E_NOMEM;
	case SQLITE_TOOBIG:
		return HOSO_E_TOO_BIG;
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_READONLY:
		return HOSO_E_IO;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return HOSO_E_BAD_FILE;
	default:
		return HOSO_E_DB;
	}
}

/* ---- hoso's SQL functions ---- */

static void fn_words(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(cx, store_words_match((const char *)sqlite3_value_text(argv[0]),
	                                         (const char *)sqlite3_value_text(argv[1])));
}

static void fn_fold(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	struct buf k = BUF_INIT((size_t)1 << 20);
	int rc;

	(void)argc;
	if (!s) {
		sqlite3_result_null(cx);
		return;
	}
	rc = vi_search_key(s, (size_t)sqlite3_value_bytes(argv[0]), &k);
	if (rc == HOSO_E_NOMEM)
		sqlite3_result_error_nomem(cx);
	else if (rc < 0)
		sqlite3_result_text(cx, "", 0, SQLITE_STATIC); /* not UTF-8: matches nothing */
	else
		sqlite3_result_text(cx, k.buf, (int)k.len, SQLITE_TRANSIENT);
	buf_release(&k);
}

static int functions(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function_v2(db, "hoso_words", 2, flags, NULL, fn_words, NULL, NULL,
	                               NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(db, "hoso_fold", 1, flags, NULL, fn_fold, NULL, NULL,
	                               NULL) != SQLITE_OK)
		return HOSO_E_NOMEM;
	return 0;
}

/* ---- the connection ---- */

int db_open(const char *path, int flags, struct db **ret)
{
	sqlite3 *db = NULL;
	int oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	int rc;

	if (flags & DB_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	oflags |= SQLITE_OPEN_NOMUTEX;
	rc = sqlite3_open_v2(path, &db, oflags, NULL);
	*ret = (struct db *)db;
	if (rc != SQLITE_OK)
		return db ? HOSO_E_IO : HOSO_E_NOMEM;
	sqlite3_extended_result_codes(db, 1);
	return functions(db);
}

void db_close(struct db *db)
{
	if (db)
		sqlite3_close_v2(DB(db));
}

const char *db_errmsg(struct db *db)
{
	return db ? sqlite3_errmsg(DB(db)) : "out of memory";
}

int db_error(struct db *db)
{
	return code(sqlite3_extended_errcode(DB(db)));
}

int db_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(DB(db), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : db_error(db);
}

int db_prepare(struct db *db, const char *sql, int persistent, struct db_stmt **ret)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(DB(db), sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0,
	                            &st, NULL);

	*ret = (struct db_stmt *)st;
	if (rc != SQLITE_OK)
		return code(rc) ? code(rc) : HOSO_E_DB;
	return st ? 0 : HOSO_E_DB; /* no statement in sql */
}

void db_finalize(struct db_stmt *st)
{
	sqlite3_finalize(STMT(st));
}

int64_t db_changes(struct db *db)
{
	return sqlite3_changes64(DB(db));
}

int64_t db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(DB(db));
}

int db_autocommit(struct db *db)
{
	return sqlite3_get_autocommit(DB(db));
}

/* ---- statements ---- */

int db_step(struct db_stmt *st)
{
	int rc = sqlite3_step(STMT(st));

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return code(rc) ? code(rc) : HOSO_E_DB;
}

void db_reset(struct db_stmt *st)
{
	sqlite3_reset(STMT(st));
}

void db_clear(struct db_stmt *st)
{
	sqlite3_clear_bindings(STMT(st));
}

int db_nparams(struct db_stmt *st)
{
	return sqlite3_bind_parameter_count(STMT(st));
}

int db_ncols(struct db_stmt *st)
{
	return sqlite3_column_count(STMT(st));
}

int db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	return code(sqlite3_bind_int64(STMT(st), i, v));
}

int db_bind_null(struct db_stmt *st, int i)
{
	return code(sqlite3_bind_null(STMT(st), i));
}

int db_bind_text(struct db_stmt *st, int i, const char *v)
{
	if (!v)
		return db_bind_null(st, i);
	return code(sqlite3_bind_text(STMT(st), i, v, -1, SQLITE_STATIC));
}

int db_bind_text_copy(struct db_stmt *st, int i, const char *v)
{
	if (!v)
		return db_bind_null(st, i);
	return code(sqlite3_bind_text(STMT(st), i, v, -1, SQLITE_TRANSIENT));
}

int db_bind_blob(struct db_stmt *st, int i, const void *v, size_t n)
{
	if (!v)
		return db_bind_null(st, i);
	return code(sqlite3_bind_blob64(STMT(st), i, v, (sqlite3_uint64)n, SQLITE_STATIC));
}

enum db_type db_type(struct db_stmt *st, int i)
{
	/* SQLite's own numbers (SQLITE_INTEGER... SQLITE_NULL): a digest of
	 * the rows (store_content_digest) stays what it was */
	return (enum db_type)sqlite3_column_type(STMT(st), i);
}

int db_null(struct db_stmt *st, int i)
{
	return sqlite3_column_type(STMT(st), i) == SQLITE_NULL;
}

int64_t db_int(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(STMT(st), i);
}

const char *db_text(struct db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(STMT(st), i);
}

const void *db_blob(struct db_stmt *st, int i)
{
	return sqlite3_column_blob(STMT(st), i);
}

size_t db_bytes(struct db_stmt *st, int i)
{
	return (size_t)sqlite3_column_bytes(STMT(st), i);
}

/* ---- what only SQLite has ---- */

void db_guard_commits(struct db *db, int (*refuse)(void *arg), void *arg)
{
	sqlite3_commit_hook(DB(db), refuse, arg);
}

/* Page by page with SQLite's online backup API: readers and writers of
 * src go on; a write during the copy restarts it, so the result is one
 * consistent snapshot. */
int db_copy(struct db *dst, struct db *src)
{
	sqlite3_backup *b = sqlite3_backup_init(DB(dst), "main", DB(src), "main");
	int rc;

	if (!b)
		return db_error(dst);
	do {
		rc = sqlite3_backup_step(b, 1024);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? 0 : code(rc);
}

void db_release_memory(struct db *db)
{
	sqlite3_db_release_memory(DB(db));
}
