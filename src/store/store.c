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

#include "vi/vi.h"

#include "core/banned.h"

const char *store_sql(struct store *s, enum stmt id)
{
	return db_engine(s->db) == DB_POSTGRESQL ? stmt_pg[id] : stmt_sqlite[id];
}

struct db_stmt *store_stmt(struct store *s, enum stmt id)
{
	struct db_stmt *st;

	if (id >= STMT__MAX)
		return NULL;
	st = s->stmt[id];
	if (!st) {
		if (db_prepare(s->db, store_sql(s, id), 1, &st) < 0)
			return NULL;
		s->stmt[id] = st;
		return st;
	}
	db_reset(st);
	db_clear(st);
	return st;
}

int store_bind_text(struct db_stmt *st, int i, const char *v)
{
	return db_bind_text(st, i, v);
}

char *store_drop_sql(const char *what, const char *name, const char *after)
{
	struct buf b = BUF_INIT(4096);

	if (!name || buf_addf(&b, "DROP %s \"", what) < 0)
		goto fail;
	for (const char *p = name; *p; p++)
		if (buf_add(&b, p, *p == '"' ? 2 : 1) < 0) /* "" for " */
			goto fail;
	if (buf_add(&b, "\"", 1) < 0 || buf_adds(&b, after) < 0)
		goto fail;
	return b.buf;
fail:
	buf_release(&b);
	return NULL;
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

int store_bind_date(struct db_stmt *st, int i, int32_t day)
{
	char iso[DATE_BUF];
	int rc;

	if (day == DATE_OPEN || day == DATE_NONE)
		return db_bind_null(st, i);
	date_format_iso(day, iso);
	rc = db_bind_text_copy(st, i, iso);
	if (rc < 0)
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

int store_bind_key(struct db_stmt *st, int i, const char *v)
{
	struct buf k = BUF_INIT((size_t)1 << 20);
	int rc;

	if (!v)
		return db_bind_null(st, i);
	rc = vi_search_key(v, strlen(v), &k);
	if (rc == HOSO_E_NOMEM) {
		buf_release(&k);
		bind_nomem = 1;
		return rc;
	}
	/* not UTF-8: the empty key, which matches nothing (as hoso_fold) */
	rc = db_bind_text_copy(st, i, rc < 0 ? "" : k.buf);
	if (rc < 0)
		bind_nomem = 1;
	buf_release(&k);
	return rc;
}

int store_bind_id(struct db_stmt *st, int i, int64_t id)
{
	if (id == 0)
		return db_bind_null(st, i);
	return db_bind_int(st, i, id);
}

const char *store_col_text(struct db_stmt *st, int i, struct arena *a)
{
	const char *t = db_text(st, i);

	if (!t)
		return NULL;
	return arena_strndup(a, t, db_bytes(st, i));
}

int32_t store_col_date(struct db_stmt *st, int i, int32_t if_null)
{
	const char *t = db_text(st, i);
	int32_t d;

	if (!t || date_parse_iso(t, db_bytes(st, i), &d) < 0)
		return if_null;
	return d;
}

int store_col_withdrawal(struct db_stmt *st, int i, struct arena *a, struct withdrawal *ret)
{
	int null = db_null(st, i);

	ret->at = store_col_text(st, i, a);
	ret->by = db_int(st, i + 1);
	ret->reason = store_col_text(st, i + 2, a);
	if ((!ret->at && !null) || (!ret->reason && !db_null(st, i + 2)))
		return HOSO_E_NOMEM;
	return 0;
}

int store_exec_stmt(struct db_stmt *st)
{
	int rc;

	if (bind_failed()) {
		db_reset(st);
		return HOSO_E_NOMEM;
	}
	rc = db_step(st);
	db_reset(st);
	return db_rc(rc);
}

int store_read_id(struct db_stmt *st, struct arena *a, void *item)
{
	(void)a;
	*(int64_t *)item = db_int(st, 0);
	return 0;
}

int store_read_rows(struct db_stmt *st, struct arena *a, size_t elem, store_row_fn fn, void **ret,
                    size_t *ret_n)
{
	size_t cap = 0, n = 0;
	void *v = NULL;
	int rc;

	if (bind_failed()) {
		db_reset(st);
		return HOSO_E_NOMEM;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		v = store_vec_grow(a, v, n, &cap, elem);
		if (!v || fn(st, a, (char *)v + n * elem) < 0) {
			db_reset(st);
			return HOSO_E_NOMEM;
		}
		n++;
	}
	rc = db_rc(rc);
	db_reset(st);
	*ret = v;
	*ret_n = n;
	return rc;
}

/* Bind fmt's values (storeInt.h) from ?1 on: how many, or HOSO_E_DB for a
 * letter that is none of the format's. */
static int bind_values(struct db_stmt *st, const char *fmt, va_list ap)
{
	int i = 0;

	for (; fmt[i]; i++) {
		int at = i + 1;

		switch (fmt[i]) {
		case 'I':
			db_bind_int(st, at, va_arg(ap, int64_t));
			break;
		case 'i':
			db_bind_int(st, at, va_arg(ap, int));
			break;
		case 'r':
			store_bind_id(st, at, va_arg(ap, int64_t));
			break;
		case 's':
			store_bind_text(st, at, va_arg(ap, const char *));
			break;
		case 'k':
			store_bind_key(st, at, va_arg(ap, const char *));
			break;
		case 'd':
		case 'e':
			store_bind_date(st, at, (int32_t)va_arg(ap, int));
			break;
		case 'h':
			db_bind_blob(st, at, va_arg(ap, const unsigned char *), 32);
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);

			db_bind_blob(st, at, p, va_arg(ap, size_t));
			break;
		}
		default:
			return HOSO_E_DB;
		}
	}
	return i;
}

int store_bind(struct db_stmt *st, const char *fmt, ...)
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
static struct db_stmt *prepare(struct store *s, enum stmt which, const char *fmt, va_list ap)
{
	struct db_stmt *st = store_stmt(s, which);

	if (!st || bind_values(st, fmt, ap) != db_nparams(st))
		return NULL;
	return st;
}

int store_cols(struct db_stmt *st, struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int rc = 0;

	va_start(ap, fmt);
	for (int i = 0; rc != HOSO_E_DB && fmt[i]; i++) {
		switch (fmt[i]) {
		case 'I':
			*va_arg(ap, int64_t *) = db_int(st, i);
			break;
		case 'i':
			*va_arg(ap, int *) = (int)db_int(st, i);
			break;
		case 's': {
			const char **v = va_arg(ap, const char **);
			int null = db_null(st, i);

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
	struct db_stmt *st = prepare(s, which, fmt, ap);

	return st ? store_exec_stmt(st) : HOSO_E_DB;
}

/* store_row, its values in ap. */
static int first_row(struct store *s, enum stmt which, struct arena *a, size_t elem,
                     store_row_fn fn, void *ret, const char *fmt, va_list ap)
{
	struct db_stmt *st = prepare(s, which, fmt, ap);
	int rc;

	if (!st)
		return HOSO_E_DB;
	if (bind_failed()) {
		rc = HOSO_E_NOMEM;
	} else if ((rc = db_step(st)) == DB_ROW) {
		memset(ret, 0, elem);
		rc = fn(st, a, ret);
	} else {
		rc = rc == DB_DONE ? HOSO_E_NOT_FOUND : rc;
	}
	db_reset(st);
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
		*ret_id = db_last_id(s->db);
	return rc;
}

int store_change(struct store *s, enum stmt which, int if_none, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = exec(s, which, fmt, ap);
	va_end(ap);
	return rc == 0 && db_changes(s->db) == 0 ? if_none : rc;
}

int store_rows(struct store *s, enum stmt which, struct arena *a, size_t elem, store_row_fn fn,
               void **ret, size_t *ret_n, const char *fmt, ...)
{
	struct db_stmt *st;
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
		return db_exec(s->db, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
		                      "PRAGMA query_only = ON;");
	return db_exec(s->db, pragmas);
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

/* The rest of store_open on PostgreSQL: the schema made or checked. */
static int open_pg(struct store *s, struct store **ret, struct err *e)
{
	int rc = s->readonly ? 0 : store_pg_migrate(s, e);

	if (rc == 0 && store_pg_schema_version(s) != store_latest_schema_version())
		rc = err_set(e, HOSO_E_SCHEMA, "db", NULL, NULL);
	s->locks = 1;
	if (rc == 0)
		rc = store_counters_ensure(s, e);
	if (rc < 0) {
		store_close(s);
		return rc;
	}
	*ret = s;
	return 0;
}

int store_open(const char *path, int flags, struct store **ret, struct err *e)
{
	struct store *s;
	int oflags, rc;

	*ret = NULL;
	if (!(flags & STORE_CREATE) && !db_is_url(path) && access(path, F_OK) != 0)
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
	oflags = s->readonly ? DB_READONLY : 0;
	if (flags & STORE_CREATE)
		oflags |= DB_CREATE;
	if ((rc = db_open(path, oflags, &s->db)) < 0) {
		err_set(e, rc, "db", "Không mở được cơ sở dữ liệu '%s': %s",
		        "Cannot open database '%s': %s", path, db_errmsg(s->db));
		store_close(s);
		return rc;
	}
	if (db_engine(s->db) == DB_POSTGRESQL)
		return open_pg(s, ret, e);
	db_guard_commits(s->db, commit_guard, s);
	if (store_pragmas(s) < 0) {
		rc = db_error(s->db);
		err_set(e, rc, "db", "Tệp '%s' không phải cơ sở dữ liệu hoso hợp lệ: %s",
		        "'%s' is not a valid hoso database: %s", path, db_errmsg(s->db));
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
		db_finalize(s->stmt[i]);
	if (s->db)
		db_close(s->db);
	free(s->path);
	free(s);
}

const char *store_path(struct store *s)
{
	return s->path;
}

int store_db_bytes(struct store *s, int64_t *ret)
{
	return store_int(s, STMT_DB_BYTES, ret, "");
}

int store_schema_version(struct store *s)
{
	struct db_stmt *st;
	int v = -1;

	if (db_engine(s->db) == DB_POSTGRESQL)
		return store_pg_schema_version(s);
	if (db_prepare(s->db, "PRAGMA user_version", 0, &st) < 0)
		return -1;
	if (db_step(st) == DB_ROW)
		v = (int)db_int(st, 0);
	db_finalize(st);
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
		db_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	if (db_exec(s->db, "PRAGMA writable_schema = RESET") < 0)
		return db_error(s->db);
	s->forsaken = 0;
	return 0;
}

int store_begin(struct store *s)
{
	struct db_stmt *st;
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
	struct db_stmt *st = store_stmt(s, STMT_LOCK_DELTA_STATE);
	int rc, state;

	if (!st)
		return HOSO_E_DB;
	if ((rc = db_step(st)) != DB_ROW)
		return rc < 0 ? rc : HOSO_E_DB;
	state = db_null(st, 0) ? -1 : (int)db_int(st, 0);
	db_reset(st);
	if (state == 1)
		return HOSO_E_PERIOD_LOCKED;
	if (state == 0 &&
	    (!(st = store_stmt(s, STMT_LOCK_DELTA_CLEAR)) || (rc = store_exec_stmt(st)) < 0))
		return st ? rc : HOSO_E_DB;
	return 0;
}

int store_commit(struct store *s)
{
	struct db_stmt *st;
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
	if (rc == 0 || db_autocommit(s->db))
		s->in_tx = 0;
	return rc;
}

void store_rollback(struct store *s)
{
	struct db_stmt *st = s->stmt[STMT_ROLLBACK];

	if (s->in_tx && db_autocommit(s->db))
		s->forsaken = 1;
	bulk_forget(s);
	/* Reset every statement first: a pending read would block ROLLBACK. */
	for (int i = 0; i < STMT__MAX; i++)
		if (s->stmt[i])
			db_reset(s->stmt[i]);
	if (!db_autocommit(s->db)) {
		/* Prepared by store_begin; a transaction begun otherwise (the
		 * migrations) prepares its ROLLBACK here. */
		if (st) {
			(void)db_step(st);
			db_reset(st);
		} else {
			db_exec(s->db, "ROLLBACK");
		}
	}
	bind_nomem = 0;
	s->in_tx = 0;
	if (s->forsaken)
		schema_reset(s); /* else (no memory) the next store_begin does */
}

void store_import_begin(struct store *s)
{
	db_exec(s->db, "PRAGMA cache_size = -1048576"); /* 1 GiB cap */
	db_exec(s->db, "PRAGMA foreign_keys = OFF");
}

void store_import_end(struct store *s)
{
	db_exec(s->db, "PRAGMA foreign_keys = ON");
	db_exec(s->db, "PRAGMA cache_size = -32768");
}

void store_set_cache_kib(struct store *s, int kib)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d", kib > 0 ? kib : 1024);
	db_exec(s->db, sql);
}

void store_release_memory(struct store *s)
{
	for (int i = 0; i < STMT__MAX; i++) {
		db_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	db_release_memory(s->db);
}

void store_bulk_begin(struct store *s)
{
	db_exec(s->db, "PRAGMA synchronous = OFF");
}

void store_bulk_end(struct store *s)
{
	db_exec(s->db, "PRAGMA synchronous = FULL");
}

int store_check_statements(struct store *s, struct err *e)
{
	for (int i = 0; i < STMT__MAX; i++) {
		const char *sql = store_sql(s, (enum stmt)i);

		if (!sql)
			return err_set(e, HOSO_E_DB, NULL, "Câu lệnh %d chưa có SQL",
			               "Statement %d has no SQL", i);
		if (db_validate(s->db, sql) < 0)
			return err_set(e, HOSO_E_DB, NULL, "Câu lệnh %d lỗi: %s",
			               "Statement %d fails to prepare: %s", i, db_errmsg(s->db));
	}
	return 0;
}

static int check_rows_ok(struct store *s, const char *sql, const char *want, struct err *e)
{
	struct db_stmt *st;
	int rc, bad = 0;

	if (db_prepare(s->db, sql, 0, &st) < 0)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	while ((rc = db_step(st)) == DB_ROW) {
		const char *t = db_text(st, 0);

		if (!want || !t || strcmp(t, want) != 0) {
			err_set(e, HOSO_E_BAD_FILE, NULL, "Kiểm tra toàn vẹn thất bại: %s",
			        "Integrity check failed: %s", t ? t : "(foreign key)");
			bad = 1;
			break;
		}
	}
	db_finalize(st);
	if (bad)
		return HOSO_E_BAD_FILE;
	return rc == DB_DONE ? 0 : err_set(e, db_rc(rc), NULL, NULL, NULL);
}

int store_check_integrity(struct store *s, struct err *e)
{
	int rc;

	/* PostgreSQL enforces its constraints itself; its pages are checked
	 * by the server (data checksums) and pg_amcheck, not by a query */
	if (db_engine(s->db) == DB_POSTGRESQL)
		return 0;
	if ((rc = check_rows_ok(s, "PRAGMA integrity_check", "ok", e)) < 0)
		return rc;
	return check_rows_ok(s, "PRAGMA foreign_key_check", NULL, e);
}

int store_backup(struct store *s, const char *out_path, struct err *e)
{
	if (db_engine(s->db) == DB_POSTGRESQL)
		return store_pg_no_backup(e);
	return store_copy_to_file(s->db, out_path, e);
}

/* The first column of sql's first row on db as an int, or -1. */
static int64_t first_int(struct db *db, const char *sql)
{
	struct db_stmt *st = NULL;
	int64_t v = -1;

	if (db_prepare(db, sql, 0, &st) == 0 && db_step(st) == DB_ROW)
		v = db_int(st, 0);
	db_finalize(st);
	return v;
}

/* 0 when the backup at in_path, open as src, is a hoso database this
 * program understands, and sound; else HOSO_E_BAD_FILE with e set. */
static int restore_check(struct db *src, const char *in_path, struct err *e)
{
	struct db_stmt *st = NULL;
	int64_t ver = first_int(src, "PRAGMA user_version");
	int ok;

	if (ver < 1 || ver > store_latest_schema_version() ||
	    first_int(src, "SELECT count(*) FROM org") < 0)
		return err_set(e, HOSO_E_BAD_FILE, "in",
		               "Tệp '%s' không phải bản sao lưu hoso hợp lệ",
		               "'%s' is not a valid hoso backup", in_path);
	ok = db_prepare(src, "PRAGMA integrity_check", 0, &st) == 0 && db_step(st) == DB_ROW &&
	     db_text(st, 0) && strcmp(db_text(st, 0), "ok") == 0;
	db_finalize(st);
	if (!ok)
		return err_set(e, HOSO_E_BAD_FILE, "in", "Tệp sao lưu '%s' bị hỏng",
		               "Backup '%s' is corrupt", in_path);
	return 0;
}

int store_restore(struct store *s, const char *in_path, struct err *e)
{
	struct db *src = NULL;
	int rc;

	if (db_open(in_path, DB_READONLY, &src) < 0) {
		db_close(src);
		return err_set(e, HOSO_E_IO, "in", "Không mở được tệp sao lưu '%s'",
		               "Cannot open backup '%s'", in_path);
	}
	if ((rc = restore_check(src, in_path, e)) < 0) {
		db_close(src);
		return rc;
	}
	for (int i = 0; i < STMT__MAX; i++) {
		db_finalize(s->stmt[i]);
		s->stmt[i] = NULL;
	}
	rc = db_copy(s->db, src);
	db_close(src);
	if (rc < 0)
		return err_set(e, rc, "in", "Khôi phục từ '%s' thất bại",
		               "Restore from '%s' failed", in_path);
	if (store_pragmas(s) < 0)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	if ((rc = store_migrate(s, e)) < 0)
		return rc;
	s->locks = store_schema_version(s) >= STORE_SCHEMA_LOCKS;
	return store_counters_ensure(s, e);
}

/* Every row of table name into h: each value's type, length and bytes. */
static int digest_table(struct store *s, const char *name, crypto_generichash_state *h)
{
	struct buf sql = BUF_INIT(4096);
	struct db_stmt *st = NULL;
	int rc, ncol;

	crypto_generichash_update(h, (const unsigned char *)name, strlen(name) + 1);
	rc = buf_add(&sql, "SELECT * FROM \"", 15);
	for (const char *p = name; rc == 0 && *p; p++)
		rc = buf_add(&sql, p, *p == '"' ? 2 : 1);
	if (rc < 0 || buf_add(&sql, "\" ORDER BY 1", 12) < 0 ||
	    db_prepare(s->db, sql.buf, 0, &st) < 0) {
		buf_release(&sql);
		return HOSO_E_DB;
	}
	buf_release(&sql);
	ncol = db_ncols(st);
	while ((rc = db_step(st)) == DB_ROW) {
		for (int c = 0; c < ncol; c++) {
			unsigned char type = (unsigned char)db_type(st, c);
			const void *v = db_blob(st, c);
			int n = (int)db_bytes(st, c);

			crypto_generichash_update(h, &type, 1);
			crypto_generichash_update(h, (const unsigned char *)&n, sizeof(n));
			if (v && n > 0)
				crypto_generichash_update(h, v, (size_t)n);
		}
	}
	db_finalize(st);
	return db_rc(rc);
}

int store_content_digest(struct store *s, char *out, struct err *e)
{
	crypto_generichash_state h;
	struct db_stmt *tables = NULL;
	unsigned char md[32];
	int rc;

	if (sodium_init() < 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	crypto_generichash_init(&h, NULL, 0, sizeof(md));
	if (db_prepare(s->db,
	               "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
	               "LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
	               0, &tables) < 0)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	while ((rc = db_step(tables)) == DB_ROW)
		if ((rc = digest_table(s, db_text(tables, 0), &h)) < 0)
			break;
	db_finalize(tables);
	crypto_generichash_final(&h, md, sizeof(md));
	sodium_bin2hex(out, 65, md, sizeof(md));
	return rc == DB_DONE ? 0 : err_set(e, db_rc(rc), NULL, NULL, NULL);
}
