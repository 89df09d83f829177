/*
 * dbInt.h - what an engine behind the cursor (db.h) provides: a table of
 * its operations.  A connection and a statement start with a pointer to
 * their engine's table; db.c calls through it.  Only db.c and the engines'
 * files (db-sqlite.c, db-pg.c) include this.
 */
#ifndef HOSO_STORE_DB_INT_H
#define HOSO_STORE_DB_INT_H

#include "store/db.h"

struct db_ops {
	void (*close)(struct db *db);
	const char *(*errmsg)(struct db *db);
	int (*error)(struct db *db);
	int (*exec)(struct db *db, const char *sql);
	int (*prepare)(struct db *db, const char *sql, int persistent, struct db_stmt **ret);
	int (*validate)(struct db *db, const char *sql);
	int64_t (*changes)(struct db *db);
	int64_t (*last_id)(struct db *db);
	int (*autocommit)(struct db *db);
	void (*guard_commits)(struct db *db, int (*refuse)(void *arg), void *arg);
	int (*copy)(struct db *dst, struct db *src);
	void (*release_memory)(struct db *db);

	void (*finalize)(struct db_stmt *st);
	int (*step)(struct db_stmt *st);
	void (*reset)(struct db_stmt *st);
	void (*clear)(struct db_stmt *st);
	int (*nparams)(struct db_stmt *st);
	int (*ncols)(struct db_stmt *st);
	int (*bind_int)(struct db_stmt *st, int i, int64_t v);
	int (*bind_null)(struct db_stmt *st, int i);
	int (*bind_text)(struct db_stmt *st, int i, const char *v, int copy);
	int (*bind_blob)(struct db_stmt *st, int i, const void *v, size_t n);
	enum db_type (*type)(struct db_stmt *st, int i);
	int64_t (*col_int)(struct db_stmt *st, int i);
	const char *(*col_text)(struct db_stmt *st, int i);
	const void *(*col_blob)(struct db_stmt *st, int i);
	size_t (*col_bytes)(struct db_stmt *st, int i);
};

struct db {
	const struct db_ops *ops;
	enum db_engine engine;
};

struct db_stmt {
	const struct db_ops *ops;
};

/* Each engine's opening (db.c chooses by the path's form). */
int db_sqlite_open(const char *path, int flags, struct db **ret);
int db_pg_open(const char *url, int flags, struct db **ret);

#endif
