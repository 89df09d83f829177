/*
 * db-sqlite.c - the store's cursor (db.h) on SQLite, the embedded engine:
 * the only file of hoso that includes sqlite3.h.  Besides the cursor it
 * holds what only SQLite has: the SQL functions hoso adds to each
 * connection (hoso_fold, hoso_words: func.c has the rules) and the commit
 * guard.
 *
 * A connection and a statement are SQLite's own, behind the engine's
 * table of operations (dbInt.h).
 */
#include "store/dbInt.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/storeInt.h"
#include "vi/vi.h"

#include "core/banned.h"

struct lite {
	struct db base;
	sqlite3 *h;
};

struct lite_stmt {
	struct db_stmt base;
	sqlite3_stmt *h;
};

#define DB(d)   (((struct lite *)(d))->h)
#define STMT(s) (((struct lite_stmt *)(s))->h)

static const struct db_ops ops;

static void lite_finalize(struct db_stmt *st);

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

int db_sqlite_open(const char *path, int flags, struct db **ret)
{
	struct lite *l = calloc(1, sizeof(*l));
	int oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	int rc;

	if (!l)
		return HOSO_E_NOMEM;
	l->base.ops = &ops;
	l->base.engine = DB_SQLITE;
	*ret = &l->base;
	if (flags & DB_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	oflags |= SQLITE_OPEN_NOMUTEX;
	rc = sqlite3_open_v2(path, &l->h, oflags, NULL);
	if (rc != SQLITE_OK)
		return l->h ? HOSO_E_IO : HOSO_E_NOMEM;
	sqlite3_extended_result_codes(l->h, 1);
	return functions(l->h);
}

static void lite_close(struct db *db)
{
	sqlite3_close_v2(DB(db));
	free(db);
}

static const char *lite_errmsg(struct db *db)
{
	return DB(db) ? sqlite3_errmsg(DB(db)) : "out of memory";
}

static int lite_error(struct db *db)
{
	return code(sqlite3_extended_errcode(DB(db)));
}

static int lite_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(DB(db), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : lite_error(db);
}

static int lite_prepare(struct db *db, const char *sql, int persistent, struct db_stmt **ret)
{
	struct lite_stmt *st = malloc(sizeof(*st));
	int rc;

	if (!st)
		return HOSO_E_NOMEM;
	st->base.ops = &ops;
	st->h = NULL;
	rc = sqlite3_prepare_v3(DB(db), sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0, &st->h,
	                        NULL);
	if (rc != SQLITE_OK || !st->h) { /* !st->h: no statement in sql */
		sqlite3_finalize(st->h);
		free(st);
		return rc != SQLITE_OK && code(rc) ? code(rc) : HOSO_E_DB;
	}
	*ret = &st->base;
	return 0;
}

static int lite_validate(struct db *db, const char *sql)
{
	struct db_stmt *st = NULL;
	int rc = lite_prepare(db, sql, 0, &st);

	if (rc == 0)
		lite_finalize(st);
	return rc;
}

static int64_t lite_changes(struct db *db)
{
	return sqlite3_changes64(DB(db));
}

static int64_t lite_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(DB(db));
}

static int lite_autocommit(struct db *db)
{
	return sqlite3_get_autocommit(DB(db));
}

/* SQLite rolls a transaction back by itself when a statement fails for want
 * of memory or on an I/O error; the statements after it would then commit
 * one by one.  The hook turns such a commit into a rollback. */
static void lite_guard_commits(struct db *db, int (*refuse)(void *arg), void *arg)
{
	sqlite3_commit_hook(DB(db), refuse, arg);
}

/*
 * SQLite's online backup API in ONE step: the copy runs inside a single
 * read transaction of src, so it is one consistent snapshot and is never
 * restarted by others' writes (in WAL mode writers go on meanwhile; their
 * pages land in the WAL, after the snapshot).  Measured on the 63 MB
 * province demo under four writer processes ("hoso person add" in loops):
 * 0.6-0.7 s, against 0.8-1.2 s for VACUUM INTO and 29 s for 1024-page
 * steps that restart whenever a page changes.
 */
static int lite_copy(struct db *dst, struct db *src)
{
	sqlite3_backup *b = sqlite3_backup_init(DB(dst), "main", DB(src), "main");
	int rc, tries = 0;

	if (!b)
		return lite_error(dst);
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (++tries > 500) /* 10 s: a writer holding an exclusive lock */
			break;
		sqlite3_sleep(20);
	}
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? 0 : code(rc);
}

static void lite_release_memory(struct db *db)
{
	sqlite3_db_release_memory(DB(db));
}

/* ---- statements ---- */

static void lite_finalize(struct db_stmt *st)
{
	sqlite3_finalize(STMT(st));
	free(st);
}

static int lite_step(struct db_stmt *st)
{
	int rc = sqlite3_step(STMT(st));

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return code(rc) ? code(rc) : HOSO_E_DB;
}

static void lite_reset(struct db_stmt *st)
{
	sqlite3_reset(STMT(st));
}

static void lite_clear(struct db_stmt *st)
{
	sqlite3_clear_bindings(STMT(st));
}

static int lite_nparams(struct db_stmt *st)
{
	return sqlite3_bind_parameter_count(STMT(st));
}

static int lite_ncols(struct db_stmt *st)
{
	return sqlite3_column_count(STMT(st));
}

static int lite_bind_int(struct db_stmt *st, int i, int64_t v)
{
	return code(sqlite3_bind_int64(STMT(st), i, v));
}

static int lite_bind_null(struct db_stmt *st, int i)
{
	return code(sqlite3_bind_null(STMT(st), i));
}

static int lite_bind_text(struct db_stmt *st, int i, const char *v, int copy)
{
	return code(sqlite3_bind_text(STMT(st), i, v, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC));
}

static int lite_bind_blob(struct db_stmt *st, int i, const void *v, size_t n)
{
	return code(sqlite3_bind_blob64(STMT(st), i, v, (sqlite3_uint64)n, SQLITE_STATIC));
}

static enum db_type lite_type(struct db_stmt *st, int i)
{
	/* SQLite's own numbers (SQLITE_INTEGER... SQLITE_NULL): a digest of
	 * the rows (store_content_digest) stays what it was */
	return (enum db_type)sqlite3_column_type(STMT(st), i);
}

static int64_t lite_int(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(STMT(st), i);
}

static const char *lite_text(struct db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(STMT(st), i);
}

static const void *lite_blob(struct db_stmt *st, int i)
{
	return sqlite3_column_blob(STMT(st), i);
}

static size_t lite_bytes(struct db_stmt *st, int i)
{
	return (size_t)sqlite3_column_bytes(STMT(st), i);
}

static const struct db_ops ops = {
    .close = lite_close,
    .errmsg = lite_errmsg,
    .error = lite_error,
    .exec = lite_exec,
    .prepare = lite_prepare,
    .validate = lite_validate,
    .changes = lite_changes,
    .last_id = lite_last_id,
    .autocommit = lite_autocommit,
    .guard_commits = lite_guard_commits,
    .copy = lite_copy,
    .release_memory = lite_release_memory,
    .finalize = lite_finalize,
    .step = lite_step,
    .reset = lite_reset,
    .clear = lite_clear,
    .nparams = lite_nparams,
    .ncols = lite_ncols,
    .bind_int = lite_bind_int,
    .bind_null = lite_bind_null,
    .bind_text = lite_bind_text,
    .bind_blob = lite_bind_blob,
    .type = lite_type,
    .col_int = lite_int,
    .col_text = lite_text,
    .col_blob = lite_blob,
    .col_bytes = lite_bytes,
};
