/*
 * db.h - the store's cursor over its database engine: a connection, its
 * prepared statements, binding parameters, stepping through rows and
 * reading their columns, and the engine's errors as HOSO_E_* codes.
 *
 * The store's files are written against this alone, so that they are
 * written once for every engine; only the engine's own file includes the
 * engine's header (db-sqlite.c: sqlite3.h).
 *
 * Parameters are numbered from 1, columns from 0, as in SQL.  A text or
 * blob bound with db_bind_text / db_bind_blob must stay alive until the
 * statement is reset; db_bind_text_copy keeps a copy.  What a column read
 * returns is valid until the next step or reset of that statement.
 */
#ifndef HOSO_STORE_DB_H
#define HOSO_STORE_DB_H

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

enum db_engine { DB_SQLITE, DB_POSTGRESQL };

/* What db_step returns besides an error (a negative HOSO_E_* code). */
enum { DB_DONE = 0, DB_ROW = 1 };

enum db_open_flags {
	DB_READONLY = 1 << 0,
	DB_CREATE = 1 << 1,
};

/* Open the database at path: a PostgreSQL connection URI
 * ("postgresql://..." or "postgres://..."), else an SQLite file.  0, or a
 * HOSO_E_* code (with *ret set when the engine made a connection that can
 * say why: db_errmsg, then db_close). */
int db_open(const char *path, int flags, struct db **ret);
/* 1 when path names a PostgreSQL database rather than a file. */
int db_is_url(const char *path);
enum db_engine db_engine(struct db *db);
void db_close(struct db *db);
/* The engine's last error message (never NULL). */
const char *db_errmsg(struct db *db);
/* The engine's last error as a HOSO_E_* code (0 when there is none). */
int db_error(struct db *db);

/* Run sql (one or more statements, no parameters, rows discarded).  0 or
 * a HOSO_E_* code. */
int db_exec(struct db *db, const char *sql);
/* Prepare sql (one statement); persistent: kept for the life of the
 * connection, as the statement cache does.  0 or a HOSO_E_* code. */
int db_prepare(struct db *db, const char *sql, int persistent, struct db_stmt **ret);
/* 0 when sql (one statement) is valid on the engine: parsed and its names
 * and types resolved, as a prepare on the server does; else a HOSO_E_*
 * code, db_errmsg saying why. */
int db_validate(struct db *db, const char *sql);
/* Free st (NULL does nothing). */
void db_finalize(struct db_stmt *st);

/* The next row: DB_ROW, DB_DONE, or a HOSO_E_* code. */
int db_step(struct db_stmt *st);
/* Back to before the first row; the bindings stay. */
void db_reset(struct db_stmt *st);
/* Every parameter back to NULL. */
void db_clear(struct db_stmt *st);
/* How many parameters and columns st has. */
int db_nparams(struct db_stmt *st);
int db_ncols(struct db_stmt *st);

/* Bind parameter i (from 1).  0 or a HOSO_E_* code. */
int db_bind_int(struct db_stmt *st, int i, int64_t v);
int db_bind_null(struct db_stmt *st, int i);
int db_bind_text(struct db_stmt *st, int i, const char *v);           /* NULL binds NULL */
int db_bind_text_copy(struct db_stmt *st, int i, const char *v);      /* ... kept as a copy */
int db_bind_blob(struct db_stmt *st, int i, const void *v, size_t n); /* NULL binds NULL */

/* Column i (from 0) of the current row. */
enum db_type { DB_T_INT = 1, DB_T_REAL, DB_T_TEXT, DB_T_BLOB, DB_T_NULL };
enum db_type db_type(struct db_stmt *st, int i);
int db_null(struct db_stmt *st, int i);
int64_t db_int(struct db_stmt *st, int i);
const char *db_text(struct db_stmt *st, int i); /* NULL for NULL */
const void *db_blob(struct db_stmt *st, int i); /* NULL for NULL or empty */
size_t db_bytes(struct db_stmt *st, int i);     /* of the text or blob */

/* Rows changed by the last INSERT, UPDATE or DELETE; the id of the last
 * row inserted. */
int64_t db_changes(struct db *db);
int64_t db_last_id(struct db *db);
/* 1 when no transaction is open (the engine may end one by itself). */
int db_autocommit(struct db *db);

/* While a transaction of the store's is open, only its own COMMIT may end
 * it: refuse(arg) says whether to turn any other commit into a rollback
 * (SQLite, which commits a statement on its own once it has given the
 * transaction up; an engine that does not, ignores it). */
void db_guard_commits(struct db *db, int (*refuse)(void *arg), void *arg);
/* Copy the whole of src into dst, one consistent snapshot while others
 * go on reading and writing src (SQLite's online backup).  0 or a HOSO_E_*
 * code. */
int db_copy(struct db *dst, struct db *src);
/* Give back what memory the connection's caches can. */
void db_release_memory(struct db *db);

/* rc as a store function returns it: a HOSO_E_* code, or 0 for DB_ROW
 * and DB_DONE. */
static inline int db_rc(int rc)
{
	return rc < 0 ? rc : 0;
}

#endif
