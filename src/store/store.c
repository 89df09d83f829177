/*
 * store.c - opening the database, transactions, the statement cache, bind
 * helpers, integrity checks, backup and restore.
 */
#include "store/storeInt.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/banned.h"

int store_rc(int rc)
{
	if (rc == SQLITE_CONSTRAINT_COMMITHOOK)
		return HOSO_E_DB; /* commit_guard: the transaction was already lost */
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

sqlite3_stmt *store_stmt(struct store *s, enum stmt id)
{
	sqlite3_stmt *st;

	if (id >= STMT__MAX)
		return NULL;
	st = s->stmt[id];
	if (!st) {
		if (sqlite3_prepare_v3(s->db, stmt_sqlite[id], -1, SQLITE_PREPARE_PERSISTENT, &st,
		                       NULL) != SQLITE_OK)
			return NULL;
		s->stmt[id] = st;
		return st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/*
 * A bind that runs out of memory (only a copied value allocates: the dates)
 * leaves its parameter NULL, and SQLite keeps no trace of the failure: the
 * statement would run with NULL in place of the date.  The bind notes it
 * here (a connection is used by one thread at a time); the next
 * store_exec_stmt or store_read_rows, or else the commit, fails with
 * HOSO_E_NOMEM instead.  store_begin starts afresh.
 */
static _Thread_local int bind_nomem;

int store_bind_date(sqlite3_stmt *st, int i, int32_t day)
{
	char iso[DATE_BUF];
	int rc;

	if (day == DATE_OPEN || day == DATE_NONE)
		return sqlite3_bind_null(st, i);
	date_format_iso(day, iso);
	rc = sqlite3_bind_text(st, i, iso, -1, SQLITE_TRANSIENT);
	if (rc != SQLITE_OK)
		bind_nomem = 1;
	return rc;
}

/* 1 (and the note cleared) when a bind failed since the last check. */
static int bind_failed(void)
{
	int was = bind_nomem;

	bind_nomem = 0;
	return was;
}

int store_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_int64(st, i, id);
}

const char *store_col_text(sqlite3_stmt *st, int i, struct arena *a)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	if (!t)
		return NULL;
	return arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

int32_t store_col_date(sqlite3_stmt *st, int i, int32_t if_null)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	int32_t d;

	if (!t || date_parse_iso((const char *)t, (size_t)sqlite3_column_bytes(st, i), &d) < 0)
		return if_null;
	return d;
}

int store_col_withdrawal(sqlite3_stmt *st, int i, struct arena *a, struct withdrawal *ret)
{
	int null = sqlite3_column_type(st, i) == SQLITE_NULL;

	ret->at = store_col_text(st, i, a);
	ret->by = sqlite3_column_int64(st, i + 1);
	ret->reason = store_col_text(st, i + 2, a);
	if ((!ret->at && !null) || (!ret->reason && sqlite3_column_type(st, i + 2) != SQLITE_NULL))
		return HOSO_E_NOMEM;
	return 0;
}

int store_exec_stmt(sqlite3_stmt *st)
{
	int rc;

	if (bind_failed()) {
		sqlite3_reset(st);
		return HOSO_E_NOMEM;
	}
	rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return store_rc(rc);
}

int store_read_id(sqlite3_stmt *st, struct arena *a, void *item)
{
	(void)a;
	*(int64_t *)item = sqlite3_column_int64(st, 0);
	return 0;
}

int store_read_rows(sqlite3_stmt *st, struct arena *a, size_t elem, store_row_fn fn, void **ret,
                    size_t *ret_n)
{
	size_t cap = 0, n = 0;
	void *v = NULL;
	int rc;

	if (bind_failed()) {
		sqlite3_reset(st);
		return HOSO_E_NOMEM;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = store_vec_grow(a, v, n, &cap, elem);
		if (!v || fn(st, a, (char *)v + n * elem) < 0) {
			sqlite3_reset(st);
			return HOSO_E_NOMEM;
		}
		n++;
	}
	rc = store_rc(rc);
	sqlite3_reset(st);
	*ret = v;
	*ret_n = n;
	return rc;
}

/* Bind fmt's values (storeInt.h) from ?1 on: how many, or HOSO_E_DB for a
 * letter that is none of the format's. */
static int bind_values(sqlite3_stmt *st, const char *fmt, va_list ap)
{
	int i = 0;

	for (; fmt[i]; i++) {
		int at = i + 1;

		switch (fmt[i]) {
		case 'I':
			sqlite3_bind_int64(st, at, va_arg(ap, int64_t));
			break;
		case 'i':
			sqlite3_bind_int(st, at, va_arg(ap, int));
			break;
		case 'r':
			store_bind_id(st, at, va_arg(ap, int64_t));
			break;
		case 's':
			store_bind_text(st, at, va_arg(ap, const char *));
			break;
		case 'd':
		case 'e':
			store_bind_date(st, at, (int32_t)va_arg(ap, int));
			break;
		case 'h':
			sqlite3_bind_blob(st, at, va_arg(ap, const unsigned char *), 32,
			                  SQLITE_STATIC);
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);

			if (p)
				sqlite3_bind_blob64(st, at, p, (sqlite3_uint64)n, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, at);
			break;
		}
		default:
			return HOSO_E_DB;
		}
	}
	return i;
}

int store_bind(sqlite3_stmt *st, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = bind_values(st, fmt, ap);
	va_end(ap);
	return n < 0 ? n : 0;
}

/* Statement which with fmt's values bound; NULL when it cannot be prepared
 * or fmt does not fit its parameters. */
static sqlite3_stmt *prepare(struct store *s, enum stmt which, const char *fmt, va_list ap)
{
	sqlite3_stmt *st = store_stmt(s, which);

	if (!st || bind_values(st, fmt, ap) != sqlite3_bind_parameter_count(st))
		return NULL;
	return st;
}

int store_cols(sqlite3_stmt *st, struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int rc = 0;

	va_start(ap, fmt);
	for (int i = 0; rc != HOSO_E_DB && fmt[i]; i++) {
		switch (fmt[i]) {
		case 'I':
			*va_arg(ap, int64_t *) = sqlite3_column_int64(st, i);
			break;
		case 'i':
			*va_arg(ap, int *) = sqlite3_column_int(st, i);
			break;
		case 's': {
			const char **v = va_arg(ap, const char **);
			int null = sqlite3_column_type(st, i) == SQLITE_NULL;

			*v = store_col_text(st, i, a);
			if (!*v && !null)
				rc = HOSO_E_NOMEM;
			break;
		}
		case 'd':
			*va_arg(ap, int32_t *) = store_col_date(st, i, DATE_NONE);
			break;
		case 'e':
			*va_arg(ap, int32_t *) = store_col_date(st, i, DATE_OPEN);
			break;
		case '-':
			break;
		default: /* not a letter of the format: the values after it are unknown */
			rc = HOSO_E_DB;
		}
	}
	va_end(ap);
	return rc;
}

/* store_exec, its values in ap. */
static int exec(struct store *s, enum stmt which, const char *fmt, va_list ap)
{
	sqlite3_stmt *st = prepare(s, which, fmt, ap);

	return st ? store_exec_stmt(st) : HOSO_E_DB;
}

/* store_row, its values in ap. */
static int first_row(struct store *s, enum stmt which, struct arena *a, size_t elem,
                     store_row_fn fn, void *ret, const char *fmt, va_list ap)
{
	sqlite3_stmt *st = prepare(s, which, fmt, ap);
	int rc;

	if (!st)
		return HOSO_E_DB;
	if (bind_failed()) {
		rc = HOSO_E_NOMEM;
	} else if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(ret, 0, elem);
		rc = fn(st, a, ret);
	} else {
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_exec(struct store *s, enum stmt which, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = exec(s, which, fmt, ap);
	va_end(ap);
	return rc;
}

int store_insert(struct store *s, enum stmt which, int64_t *ret_id, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = exec(s, which, fmt, ap);
	va_end(ap);
	if (rc == 0 && ret_id)
		*ret_id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int store_change(struct store *s, enum stmt which, int if_none, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = exec(s, which, fmt, ap);
	va_end(ap);
	return rc == 0 && sqlite3_changes(s->db) == 0 ? if_none : rc;
}

int store_rows(struct store *s, enum stmt which, struct arena *a, size_t elem, store_row_fn fn,
               void **ret, size_t *ret_n, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;

	*ret = NULL;
	*ret_n = 0;
	va_start(ap, fmt);
	st = prepare(s, which, fmt, ap);
	va_end(ap);
	return st ? store_read_rows(st, a, elem, fn, ret, ret_n) : HOSO_E_DB;
}

int store_row(struct store *s, enum stmt which, struct arena *a, size_t elem, store_row_fn fn,
              void *ret, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = first_row(s, which, a, elem, fn, ret, fmt, ap);
	va_end(ap);
	return rc;
}

int store_int(struct store *s, enum stmt which, int64_t *ret, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = first_row(s, which, NULL, sizeof(*ret), store_read_id, ret, fmt, ap);
	va_end(ap);
	return rc;
}

void *store_vec_grow(struct arena *a, void *old, size_t n, size_t *cap, size_t elem)
{
	size_t ncap = *cap ? *cap * 2 : 16;
	void *v;

	if (n < *cap)
		return old;
	v = arena_calloc(a, ncap, elem);
	if (!v)
		return NULL;
	if (old && n)
		memcpy(v, old, n * elem);
	*cap = ncap;
	return v;
}

static int store_pragmas(struct store *s)
{
	/* busy_timeout first: switching to WAL reads the file, and may meet
	 * another process's checkpoint (a backup under write load saw
	 * "database is locked" here before). */
	static const char *const pragmas = "PRAGMA busy_timeout = 10000;"
	                                   "PRAGMA journal_mode = WAL;"
	                                   "PRAGMA synchronous = FULL;"
	                                   "PRAGMA foreign_keys = ON;"
	                                   "PRAGMA cache_size = -32768;"
	                                   "PRAGMA temp_store = MEMORY;";

	if (s->readonly)
		return sqlite3_exec(s->db,
		                    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
		                    "PRAGMA query_only = ON;",
		                    NULL, NULL, NULL);
	return sqlite3_exec(s->db, pragmas, NULL, NULL, NULL);
}

/*
 * SQLite rolls a whole transaction back by itself when a statement in it
 * fails for want of memory or on an I/O error.  The statements that follow
 * would then run outside any transaction, each committing on its own: a
 * partial write, followed by a COMMIT that fails.  While a transaction of
 * ours is open, only store_commit may commit: any other commit is turned
 * into a rollback (the statement fails with SQLITE_CONSTRAINT_COMMITHOOK).
 */
static int commit_guard(void *arg)
{
	struct store *s = arg;

	return s->in_tx && !s->committing;
}

int store_open(const char *path, int flags, struct store **ret, struct err *e)
{
	struct store *s;
	int oflags, rc;

	*ret = NULL;
	if (!(flags & STORE_CREATE) && access(path, F_OK) != 0)
		return err_set(e, HOSO_E_NOT_FOUND, "db",
		               "Không tìm thấy cơ sở dữ liệu '%s' (hãy chạy 'hoso init')",
		               "Database '%s' not found (run 'hoso init')", path);
	s = calloc(1, sizeof(*s));
	if (!s)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	s->readonly = (flags & STORE_READONLY) != 0;
	s->path = malloc(strlen(path) + 1);
	if (!s->path) {
		free(s);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	memcpy(s->path, path, strlen(path) + 1);
	oflags = s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (flags & STORE_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	oflags |= SQLITE_OPEN_NOMUTEX;
	rc = sqlite3_open_v2(path, &s->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, HOSO_E_IO, "db", "Không mở được cơ sở dữ liệu '%s': %s",
		        "Cannot open database '%s': %s", path, s->db ? sqlite3_errmsg(s->db) : "?");
		store_close(s);
		return HOSO_E_IO;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (store_functions(s->db) < 0) {
		store_close(s);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	sqlite3_commit_hook(s->db, commit_guard, s);
	if (store_pragmas(s) != SQLITE_OK) {
		rc = store_rc(sqlite3_errcode(s->db));
		err_set(e, rc, "db", "Tệp '%s' không phải cơ sở dữ liệu hoso hợp lệ: %s",
		        "'%s' is not a valid hoso database: %s", path, sqlite3_errmsg(s->db));
		store_close(s);
		return rc;
	}
	if (!s->readonly && (rc = store_migrate(s, e)) < 0) {
		store_close(s);
		return rc;
	}
	s->locks = store_schema_version(s) >= STORE_SCHEMA_LOCKS;
	if (s->readonly && store_schema_version(s) != store_latest_schema_version()) {
		int have = store_schema_version(s);

		store_close(s);
		if (have > store_latest_schema_version())
			return err_set(
			    e, HOSO_E_SCHEMA, "db",
			    "Cơ sở dữ liệu ở phiên bản lược đồ %d, chương trình này chỉ "
			    "biết đến phiên bản %d: cần bản hoso mới hơn",
			    "The database is at schema version %d; this program knows up "
			    "to %d: it needs a newer hoso",
			    have, store_latest_schema_version());
		return err_set(e, HOSO_E_SCHEMA, "db",
		               "Cơ sở dữ liệu ở phiên bản lược đồ %d, cần nâng cấp lên %d "
		               "(hoso upgrade)",
		               "The database is at schema version %d; it needs upgrading to %d "
		               "(hoso upgrade)",
		               have, store_latest_schema_version());
	}
	if ((rc = store_counters_ensure(s, e)) < 0) {
		store_close(s);
		return rc;
	}
	*ret = s;
	return 0;
}

/* A bulk load's saved schema is no longer needed once the transaction
 * that dropped it ends (a rollback brings the schema back by itself). */
static void bulk_forget(struct store *s)
{
	for (size_t i = 0; i < s->bulk_n; i++)
		free(s->bulk_sql[i]);
	free(s->bulk_sql);
	s->bulk_sql = NULL;
	s->bulk_n = 0;
	s->defer_index = 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	bulk_forget(s);
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(s->stmt[i]);
	if (s->db)
		sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

const char *store_path(struct store *s)
{
	return s->path;
}

int store_schema_version(struct store *s)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * SQLite gave the last transaction up by itself (an I/O error, a full disk,
 * no memory): it rolled the file back, but FTS5 may keep in memory an
 * index structure from inside that transaction, and report the index
 * corrupt on the next write.  Resetting the schema drops every virtual
 * table's state, to be read again on next use.  Done by store_rollback,
 * or, when that fails for want of memory, by the next store_begin.
 */
static int schema_reset(struct store *s)
{
	for (int i = 0; i < STMT__MAX; i++) {
		sqlite3_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	if (sqlite3_exec(s->db, "PRAGMA writable_schema = RESET", NULL, NULL, NULL) != SQLITE_OK)
		return store_rc(sqlite3_extended_errcode(s->db));
	s->forsaken = 0;
	return 0;
}

int store_begin(struct store *s)
{
	sqlite3_stmt *st;
	int rc;

	if (s->forsaken && (rc = schema_reset(s)) < 0)
		return rc;
	/* Rolling back must need no memory: its statement is prepared before
	 * the transaction starts (else a rollback for want of memory could
	 * fail and leave the transaction open). */
	if (!store_stmt(s, STMT_ROLLBACK) || !(st = store_stmt(s, STMT_BEGIN)))
		return HOSO_E_DB;
	bind_nomem = 0;
	rc = store_exec_stmt(st);
	if (rc == 0)
		s->in_tx = 1;
	return rc;
}

/* A transaction may not change the figures of an approved period: the
 * counter changes it made there (lock_delta, kept by triggers) must cancel
 * out.  0, or HOSO_E_PERIOD_LOCKED; lock_delta is left empty. */
static int lock_check(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, STMT_LOCK_DELTA_STATE);
	int rc, state;

	if (!st)
		return HOSO_E_DB;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return store_rc(rc);
	state = sqlite3_column_type(st, 0) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (state == 1)
		return HOSO_E_PERIOD_LOCKED;
	if (state == 0 &&
	    (!(st = store_stmt(s, STMT_LOCK_DELTA_CLEAR)) || (rc = store_exec_stmt(st)) < 0))
		return st ? rc : HOSO_E_DB;
	return 0;
}

int store_commit(struct store *s)
{
	sqlite3_stmt *st;
	int rc;

	if (s->locks && (rc = lock_check(s)) < 0) {
		store_rollback(s);
		return rc;
	}
	if (!(st = store_stmt(s, STMT_COMMIT)))
		return HOSO_E_DB;
	if (bind_failed())
		return HOSO_E_NOMEM; /* a value went in as NULL: the caller rolls back */
	s->committing = 1;
	rc = store_exec_stmt(st);
	s->committing = 0;
	if (rc == 0 || sqlite3_get_autocommit(s->db))
		s->in_tx = 0;
	return rc;
}

void store_rollback(struct store *s)
{
	sqlite3_stmt *st = s->stmt[STMT_ROLLBACK];

	if (s->in_tx && sqlite3_get_autocommit(s->db))
		s->forsaken = 1;
	bulk_forget(s);
	/* Reset every statement first: a pending read would block ROLLBACK. */
	for (int i = 0; i < STMT__MAX; i++)
		if (s->stmt[i])
			sqlite3_reset(s->stmt[i]);
	if (!sqlite3_get_autocommit(s->db)) {
		/* Prepared by store_begin; a transaction begun otherwise (the
		 * migrations) prepares its ROLLBACK here. */
		if (st) {
			sqlite3_step(st);
			sqlite3_reset(st);
		} else {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		}
	}
	bind_nomem = 0;
	s->in_tx = 0;
	if (s->forsaken)
		schema_reset(s); /* else (no memory) the next store_begin does */
}

void store_import_begin(struct store *s)
{
	sqlite3_exec(s->db, "PRAGMA cache_size = -1048576", NULL, NULL, NULL); /* 1 GiB cap */
	sqlite3_exec(s->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
}

void store_import_end(struct store *s)
{
	sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	sqlite3_exec(s->db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);
}

void store_set_cache_kib(struct store *s, int kib)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d", kib > 0 ? kib : 1024);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

void store_release_memory(struct store *s)
{
	for (int i = 0; i < STMT__MAX; i++) {
		sqlite3_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	sqlite3_db_release_memory(s->db);
}

void store_bulk_begin(struct store *s)
{
	sqlite3_exec(s->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

void store_bulk_end(struct store *s)
{
	sqlite3_exec(s->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
}

int store_check_statements(struct store *s, struct err *e)
{
	for (int i = 0; i < STMT__MAX; i++) {
		sqlite3_stmt *st = NULL;

		if (!stmt_sqlite[i])
			return err_set(e, HOSO_E_DB, NULL, "Câu lệnh %d chưa có SQL",
			               "Statement %d has no SQL", i);
		if (sqlite3_prepare_v2(s->db, stmt_sqlite[i], -1, &st, NULL) != SQLITE_OK)
			return err_set(e, HOSO_E_DB, NULL, "Câu lệnh %d lỗi: %s",
			               "Statement %d fails to prepare: %s", i,
			               sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
	}
	return 0;
}

static int check_rows_ok(struct store *s, const char *sql, const char *want, struct err *e)
{
	sqlite3_stmt *st;
	int rc, bad = 0;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (!want || !t || strcmp(t, want) != 0) {
			err_set(e, HOSO_E_BAD_FILE, NULL, "Kiểm tra toàn vẹn thất bại: %s",
			        "Integrity check failed: %s", t ? t : "(foreign key)");
			bad = 1;
			break;
		}
	}
	sqlite3_finalize(st);
	if (bad)
		return HOSO_E_BAD_FILE;
	return rc == SQLITE_DONE ? 0 : err_set(e, store_rc(rc), NULL, NULL, NULL);
}

int store_check_integrity(struct store *s, struct err *e)
{
	int rc = check_rows_ok(s, "PRAGMA integrity_check", "ok", e);

	if (rc < 0)
		return rc;
	return check_rows_ok(s, "PRAGMA foreign_key_check", NULL, e);
}

/*
 * Copy src into dst with SQLite's online backup API in ONE step: the copy
 * runs inside a single read transaction of src, so it is one consistent
 * snapshot and is never restarted by others' writes (in WAL mode writers
 * go on meanwhile; their pages land in the WAL, after the snapshot).
 * Measured on the 63 MB province demo under four writer processes
 * ("hoso person add" in loops): 0.6-0.7 s, against 0.8-1.2 s for
 * VACUUM INTO and 29 s for the former 1024-page steps that restart
 * whenever a page changes.
 */
int store_copy_db(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, tries = 0;

	if (!b)
		return store_rc(sqlite3_errcode(dst));
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (++tries > 500) /* 10 s: a writer holding an exclusive lock */
			break;
		sqlite3_sleep(20);
	}
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? 0 : store_rc(rc);
}

int store_backup(struct store *s, const char *out_path, struct err *e)
{
	sqlite3 *dst = NULL;
	int rc;

	if ((rc = store_new_file(out_path, e)) < 0)
		return rc;
	if (sqlite3_open_v2(out_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		sqlite3_close_v2(dst);
		return err_set(e, HOSO_E_IO, "out", "Không tạo được tệp '%s'", "Cannot create '%s'",
		               out_path);
	}
	rc = store_copy_db(dst, s->db);
	if (rc == 0 &&
	    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = HOSO_E_IO;
	sqlite3_close_v2(dst);
	if (rc < 0) {
		unlink(out_path);
		return err_set(e, rc, "out", "Sao lưu vào '%s' thất bại", "Backup to '%s' failed",
		               out_path);
	}
	return 0;
}

int store_restore(struct store *s, const char *in_path, struct err *e)
{
	sqlite3 *src = NULL;
	sqlite3_stmt *st = NULL;
	int rc, ver = -1;

	if (sqlite3_open_v2(in_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close_v2(src);
		return err_set(e, HOSO_E_IO, "in", "Không mở được tệp sao lưu '%s'",
		               "Cannot open backup '%s'", in_path);
	}
	/* Check it is a hoso database this program understands, and sound. */
	if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ver = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (ver < 1 || ver > store_latest_schema_version() ||
	    sqlite3_prepare_v2(src, "SELECT count(*) FROM org", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		sqlite3_close_v2(src);
		return err_set(e, HOSO_E_BAD_FILE, "in",
		               "Tệp '%s' không phải bản sao lưu hoso hợp lệ",
		               "'%s' is not a valid hoso backup", in_path);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		sqlite3_finalize(st);
		sqlite3_close_v2(src);
		return err_set(e, HOSO_E_BAD_FILE, "in", "Tệp sao lưu '%s' bị hỏng",
		               "Backup '%s' is corrupt", in_path);
	}
	sqlite3_finalize(st);
	for (int i = 0; i < STMT__MAX; i++) {
		sqlite3_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	rc = store_copy_db(s->db, src);
	sqlite3_close_v2(src);
	if (rc < 0)
		return err_set(e, rc, "in", "Khôi phục từ '%s' thất bại",
		               "Restore from '%s' failed", in_path);
	if (store_pragmas(s) != SQLITE_OK)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	if ((rc = store_migrate(s, e)) < 0)
		return rc;
	s->locks = store_schema_version(s) >= STORE_SCHEMA_LOCKS;
	return store_counters_ensure(s, e);
}

int store_content_digest(struct store *s, char *out, struct err *e)
{
	crypto_generichash_state h;
	sqlite3_stmt *tables = NULL, *st = NULL;
	unsigned char md[32];
	int rc;

	if (sodium_init() < 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	crypto_generichash_init(&h, NULL, 0, sizeof(md));
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
	                       "LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
	                       -1, &tables, NULL) != SQLITE_OK)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	while ((rc = sqlite3_step(tables)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY 1", name);
		int ncol;

		crypto_generichash_update(&h, (const unsigned char *)name, strlen(name) + 1);
		if (!sql || sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
			sqlite3_free(sql);
			sqlite3_finalize(tables);
			return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
		}
		sqlite3_free(sql);
		ncol = sqlite3_column_count(st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < ncol; c++) {
				unsigned char type = (unsigned char)sqlite3_column_type(st, c);
				const void *v = sqlite3_column_blob(st, c);
				int n = sqlite3_column_bytes(st, c);

				crypto_generichash_update(&h, &type, 1);
				crypto_generichash_update(&h, (const unsigned char *)&n, sizeof(n));
				if (v && n > 0)
					crypto_generichash_update(&h, v, (size_t)n);
			}
		}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	crypto_generichash_final(&h, md, sizeof(md));
	sodium_bin2hex(out, 65, md, sizeof(md));
	return rc == SQLITE_DONE ? 0 : err_set(e, store_rc(rc), NULL, NULL, NULL);
}
