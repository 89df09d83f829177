/*
 * db.c - the cursor (db.h) over whichever engine a connection is on: each
 * call goes to the engine's table of operations (dbInt.h).
 */
#include "store/dbInt.h"

#include <string.h>

#include "core/err.h"

#include "core/banned.h"

int db_is_url(const char *path)
{
	return path &&
	       (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0);
}

int db_open(const char *path, int flags, struct db **ret)
{
	*ret = NULL;
	if (db_is_url(path))
		return db_pg_open(path, flags, ret);
	return db_sqlite_open(path, flags, ret);
}

enum db_engine db_engine(struct db *db)
{
	return db->engine;
}

void db_close(struct db *db)
{
	if (db)
		db->ops->close(db);
}

const char *db_errmsg(struct db *db)
{
	return db ? db->ops->errmsg(db) : "out of memory";
}

int db_error(struct db *db)
{
	return db->ops->error(db);
}

int db_exec(struct db *db, const char *sql)
{
	return db->ops->exec(db, sql);
}

int db_prepare(struct db *db, const char *sql, int persistent, struct db_stmt **ret)
{
	*ret = NULL;
	return db->ops->prepare(db, sql, persistent, ret);
}

int db_validate(struct db *db, const char *sql)
{
	return db->ops->validate(db, sql);
}

int64_t db_changes(struct db *db)
{
	return db->ops->changes(db);
}

int64_t db_last_id(struct db *db)
{
	return db->ops->last_id(db);
}

int db_autocommit(struct db *db)
{
	return db->ops->autocommit(db);
}

void db_guard_commits(struct db *db, int (*refuse)(void *arg), void *arg)
{
	if (db->ops->guard_commits)
		db->ops->guard_commits(db, refuse, arg);
}

int db_copy(struct db *dst, struct db *src)
{
	if (dst->ops != src->ops || !dst->ops->copy)
		return HOSO_E_DB; /* across engines: hoso copy reads and writes rows */
	return dst->ops->copy(dst, src);
}

void db_release_memory(struct db *db)
{
	if (db->ops->release_memory)
		db->ops->release_memory(db);
}

void db_finalize(struct db_stmt *st)
{
	if (st)
		st->ops->finalize(st);
}

int db_step(struct db_stmt *st)
{
	return st->ops->step(st);
}

void db_reset(struct db_stmt *st)
{
	st->ops->reset(st);
}

void db_clear(struct db_stmt *st)
{
	st->ops->clear(st);
}

int db_nparams(struct db_stmt *st)
{
	return st->ops->nparams(st);
}

int db_ncols(struct db_stmt *st)
{
	return st->ops->ncols(st);
}

int db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	return st->ops->bind_int(st, i, v);
}

int db_bind_null(struct db_stmt *st, int i)
{
	return st->ops->bind_null(st, i);
}

int db_bind_text(struct db_stmt *st, int i, const char *v)
{
	return v ? st->ops->bind_text(st, i, v, 0) : st->ops->bind_null(st, i);
}

int db_bind_text_copy(struct db_stmt *st, int i, const char *v)
{
	return v ? st->ops->bind_text(st, i, v, 1) : st->ops->bind_null(st, i);
}

int db_bind_blob(struct db_stmt *st, int i, const void *v, size_t n)
{
	return v ? st->ops->bind_blob(st, i, v, n) : st->ops->bind_null(st, i);
}

enum db_type db_type(struct db_stmt *st, int i)
{
	return st->ops->type(st, i);
}

int db_null(struct db_stmt *st, int i)
{
	return st->ops->type(st, i) == DB_T_NULL;
}

int64_t db_int(struct db_stmt *st, int i)
{
	return st->ops->col_int(st, i);
}

const char *db_text(struct db_stmt *st, int i)
{
	return st->ops->col_text(st, i);
}

const void *db_blob(struct db_stmt *st, int i)
{
	return st->ops->col_blob(st, i);
}

size_t db_bytes(struct db_stmt *st, int i)
{
	return st->ops->col_bytes(st, i);
}
