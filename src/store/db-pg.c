/*
 * db-pg.c - the store's cursor (db.h) on PostgreSQL through libpq: the
 * only file of hoso that includes libpq-fe.h.
 *
 * A statement keeps its SQL and its parameters as libpq takes them
 * (values as text, blobs as binary); the first step runs it - prepared on
 * the server once for a persistent statement (the store's cache), as one
 * round trip otherwise - and the following steps walk the rows of the
 * result, read as text.  PostgreSQL has no "last insert rowid": an INSERT
 * whose statement ends in RETURNING id leaves that id for db_last_id.
 */
#include "store/dbInt.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

#include "core/banned.h"

/* The type OIDs of pg_type that the cursor reads differently from text. */
enum {
	OID_BOOL = 16,
	OID_BYTEA = 17,
	OID_INT8 = 20,
	OID_INT2 = 21,
	OID_INT4 = 23,
	OID_FLOAT4 = 700,
	OID_FLOAT8 = 701,
	OID_NUMERIC = 1700,
};

struct pg {
	struct db base;
	PGconn *conn;
	int64_t changes, last_id;
	int error;         /* HOSO_E_* of the last failure */
	char message[512]; /* ... and what the server said */
	unsigned names;    /* statements prepared on the server so far */
};

struct pg_stmt {
	struct db_stmt base;
	struct pg *db;
	char *sql;
	char name[16]; /* on the server; "" until prepared (persistent only) */
	int persistent;
	int nparams;
	const char **vals;
	int *lens, *fmts;
	char **owned; /* copies a bind made (text copies, numbers) */
	PGresult *res;
	int row; /* the current row; -1 before the first step */
	/* a bytea column of the current row, unescaped on first read */
	unsigned char *blob;
	size_t blob_len;
	int blob_row, blob_col;
};

static const struct db_ops ops;

#define PG(d)    ((struct pg *)(d))
#define PSTMT(s) ((struct pg_stmt *)(s))

/* An SQLSTATE as a HOSO_E_* code. */
static int code_of_state(const char *state)
{
	if (!state || strlen(state) != 5)
		return HOSO_E_DB;
	if (strncmp(state, "23", 2) == 0) /* integrity constraint violation */
		return HOSO_E_DUPLICATE;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0) /* serialization, deadlock, lock not available */
		return HOSO_E_BUSY;
	if (strcmp(state, "53200") == 0) /* out of memory */
		return HOSO_E_NOMEM;
	if (strcmp(state, "54000") == 0 || strcmp(state, "22001") == 0)
		return HOSO_E_TOO_BIG;
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 ||
	    strncmp(state, "57", 2) == 0 || strncmp(state, "58", 2) == 0 ||
	    strcmp(state, "25006") == 0) /* connection, resources, shutdown, I/O, read-only */
		return HOSO_E_IO;
	return HOSO_E_DB;
}

/* Note why res failed (NULL: the connection did) and return its code. */
static int failed(struct pg *p, const PGresult *res)
{
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(p->conn);

	p->error = res ? code_of_state(PQresultErrorField(res, PG_DIAG_SQLSTATE)) : HOSO_E_IO;
	if (PQstatus(p->conn) != CONNECTION_OK)
		p->error = HOSO_E_IO;
	snprintf(p->message, sizeof(p->message), "%s", msg && *msg ? msg : "?");
	p->message[strcspn(p->message, "\n")] = '\0';
	return p->error;
}

/* 0 when res succeeded (its counts noted), else its code; res is kept. */
static int outcome(struct pg *p, const PGresult *res)
{
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	const char *n;

	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		return failed(p, res);
	n = PQcmdTuples((PGresult *)res);
	p->changes = n && *n ? strtoll(n, NULL, 10) : 0;
	if (strncmp(PQcmdStatus((PGresult *)res), "INSERT", 6) == 0 && PQntuples(res) > 0 &&
	    PQnfields(res) > 0 && strcmp(PQfname(res, 0), "id") == 0)
		p->last_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	return 0;
}

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* ---- the connection ---- */

int db_pg_open(const char *url, int flags, struct db **ret)
{
	struct pg *p = calloc(1, sizeof(*p));

	if (!p)
		return HOSO_E_NOMEM;
	p->base.ops = &ops;
	p->base.engine = DB_POSTGRESQL;
	*ret = &p->base;
	p->conn = PQconnectdb(url);
	if (!p->conn)
		return HOSO_E_NOMEM;
	if (PQstatus(p->conn) != CONNECTION_OK)
		return failed(p, NULL);
	PQsetNoticeProcessor(p->conn, quiet, NULL);
	if (PQsetClientEncoding(p->conn, "UTF8") != 0)
		return failed(p, NULL);
	if (flags & DB_READONLY)
		return ops.exec(&p->base, "SET default_transaction_read_only = on");
	return 0;
}

static void pg_close(struct db *db)
{
	PQfinish(PG(db)->conn);
	free(db);
}

static const char *pg_errmsg(struct db *db)
{
	struct pg *p = PG(db);

	if (!p->conn)
		return "out of memory";
	return p->message[0] ? p->message : PQerrorMessage(p->conn);
}

static int pg_error(struct db *db)
{
	return PG(db)->error;
}

static int pg_exec(struct db *db, const char *sql)
{
	PGresult *res = PQexec(PG(db)->conn, sql);
	int rc = outcome(PG(db), res);

	PQclear(res);
	return rc;
}

/* The highest $N in sql outside quotes and comments. */
static int count_params(const char *sql)
{
	int max = 0;

	for (const char *s = sql; *s; s++) {
		if (*s == '\'' || *s == '"') {
			char q = *s;

			while (s[1] && s[1] != q)
				s++;
			if (s[1])
				s++;
		} else if (s[0] == '-' && s[1] == '-') {
			while (s[1] && s[1] != '\n')
				s++;
		} else if (*s == '$' && s[1] >= '1' && s[1] <= '9') {
			int n = 0;

			while (s[1] >= '0' && s[1] <= '9' && n < 10000)
				n = n * 10 + (*++s - '0');
			if (n > max)
				max = n;
		}
	}
	return max;
}

static void pg_finalize(struct db_stmt *st);

static int pg_prepare(struct db *db, const char *sql, int persistent, struct db_stmt **ret)
{
	struct pg_stmt *st = calloc(1, sizeof(*st));
	size_t n;

	if (!st)
		return HOSO_E_NOMEM;
	st->base.ops = &ops;
	st->db = PG(db);
	st->persistent = persistent;
	st->row = -1;
	st->blob_row = -1;
	st->nparams = count_params(sql);
	n = (size_t)st->nparams + 1;
	st->sql = malloc(strlen(sql) + 1);
	st->vals = calloc(n, sizeof(*st->vals));
	st->lens = calloc(n, sizeof(*st->lens));
	st->fmts = calloc(n, sizeof(*st->fmts));
	st->owned = calloc(n, sizeof(*st->owned));
	if (!st->sql || !st->vals || !st->lens || !st->fmts || !st->owned) {
		pg_finalize(&st->base);
		return HOSO_E_NOMEM;
	}
	memcpy(st->sql, sql, strlen(sql) + 1);
	*ret = &st->base;
	return 0;
}

/* Prepared as the unnamed statement: the server parses and analyses it. */
static int pg_validate(struct db *db, const char *sql)
{
	PGresult *r = PQprepare(PG(db)->conn, "", sql, count_params(sql), NULL);
	int rc = outcome(PG(db), r);

	PQclear(r);
	return rc;
}

static int64_t pg_changes(struct db *db)
{
	return PG(db)->changes;
}

static int64_t pg_last_id(struct db *db)
{
	return PG(db)->last_id;
}

static int pg_autocommit(struct db *db)
{
	return PQtransactionStatus(PG(db)->conn) == PQTRANS_IDLE;
}

/* ---- statements ---- */

static void forget_result(struct pg_stmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	free(st->blob);
	st->blob = NULL;
	st->blob_row = -1;
}

static void pg_clear(struct db_stmt *s)
{
	struct pg_stmt *st = PSTMT(s);

	for (int i = 0; i < st->nparams; i++) {
		free(st->owned[i]);
		st->owned[i] = NULL;
		st->vals[i] = NULL;
		st->lens[i] = 0;
		st->fmts[i] = 0;
	}
}

static void pg_finalize(struct db_stmt *s)
{
	struct pg_stmt *st = PSTMT(s);

	forget_result(st);
	if (st->owned)
		pg_clear(s);
	if (st->name[0] && PQstatus(st->db->conn) == CONNECTION_OK) {
		char sql[48];

		snprintf(sql, sizeof(sql), "DEALLOCATE %s", st->name);
		PQclear(PQexec(st->db->conn, sql));
	}
	free(st->sql);
	free(st->vals);
	free(st->lens);
	free(st->fmts);
	free(st->owned);
	free(st);
}

/* Run the statement with its parameters: st->res. */
static int run(struct pg_stmt *st)
{
	struct pg *p = st->db;

	if (st->persistent && !st->name[0]) {
		char name[16];
		PGresult *r;
		int rc;

		snprintf(name, sizeof(name), "h%u", ++p->names);
		r = PQprepare(p->conn, name, st->sql, st->nparams, NULL);
		rc = outcome(p, r);
		PQclear(r);
		if (rc < 0)
			return rc;
		memcpy(st->name, name, sizeof(name));
	}
	if (st->name[0])
		st->res =
		    PQexecPrepared(p->conn, st->name, st->nparams, st->vals, st->lens, st->fmts, 0);
	else
		st->res = PQexecParams(p->conn, st->sql, st->nparams, NULL, st->vals, st->lens,
		                       st->fmts, 0);
	return outcome(p, st->res);
}

static int pg_step(struct db_stmt *s)
{
	struct pg_stmt *st = PSTMT(s);
	int rc;

	if (!st->res && (rc = run(st)) < 0) {
		forget_result(st);
		return rc;
	}
	if (st->row + 1 >= PQntuples(st->res)) {
		st->row = PQntuples(st->res);
		return DB_DONE;
	}
	st->row++;
	return DB_ROW;
}

static void pg_reset(struct db_stmt *s)
{
	forget_result(PSTMT(s));
}

static int pg_nparams(struct db_stmt *s)
{
	return PSTMT(s)->nparams;
}

static int pg_ncols(struct db_stmt *s)
{
	struct pg_stmt *st = PSTMT(s);
	PGresult *d;
	int n;

	if (st->res)
		return PQnfields(st->res);
	d = st->name[0] ? PQdescribePrepared(st->db->conn, st->name) : NULL;
	n = d ? PQnfields(d) : 0;
	PQclear(d);
	return n;
}

/* Parameter i (from 1) as given: its slot, its old copy freed. */
static int slot(struct pg_stmt *st, int i)
{
	if (i < 1 || i > st->nparams)
		return -1;
	i--;
	free(st->owned[i]);
	st->owned[i] = NULL;
	st->lens[i] = 0;
	st->fmts[i] = 0;
	return i;
}

static int pg_bind_null(struct db_stmt *s, int i)
{
	struct pg_stmt *st = PSTMT(s);

	if ((i = slot(st, i)) < 0)
		return HOSO_E_DB;
	st->vals[i] = NULL;
	return 0;
}

static int pg_bind_text(struct db_stmt *s, int i, const char *v, int copy)
{
	struct pg_stmt *st = PSTMT(s);

	if ((i = slot(st, i)) < 0)
		return HOSO_E_DB;
	if (copy) {
		size_t n = strlen(v) + 1;

		if (!(st->owned[i] = malloc(n))) {
			st->vals[i] = NULL;
			return HOSO_E_NOMEM;
		}
		memcpy(st->owned[i], v, n);
		v = st->owned[i];
	}
	st->vals[i] = v;
	return 0;
}

static int pg_bind_int(struct db_stmt *s, int i, int64_t v)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", (long long)v);
	return pg_bind_text(s, i, num, 1);
}

static int pg_bind_blob(struct db_stmt *s, int i, const void *v, size_t n)
{
	struct pg_stmt *st = PSTMT(s);

	if ((i = slot(st, i)) < 0 || n > (size_t)0x7fffffff)
		return HOSO_E_TOO_BIG;
	st->vals[i] = v;
	st->lens[i] = (int)n;
	st->fmts[i] = 1; /* binary: bytea as it is */
	return 0;
}

/* Is column i of the current row there (a row, a column of it)? */
static int cell(struct pg_stmt *st, int i)
{
	return st->res && st->row >= 0 && st->row < PQntuples(st->res) && i >= 0 &&
	       i < PQnfields(st->res);
}

static enum db_type pg_type(struct db_stmt *s, int i)
{
	struct pg_stmt *st = PSTMT(s);

	if (!cell(st, i) || PQgetisnull(st->res, st->row, i))
		return DB_T_NULL;
	switch (PQftype(st->res, i)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		return DB_T_INT;
	case OID_FLOAT4:
	case OID_FLOAT8:
	case OID_NUMERIC:
		return DB_T_REAL;
	case OID_BYTEA:
		return DB_T_BLOB;
	default:
		return DB_T_TEXT;
	}
}

static const char *pg_text(struct db_stmt *s, int i)
{
	struct pg_stmt *st = PSTMT(s);

	if (!cell(st, i) || PQgetisnull(st->res, st->row, i))
		return NULL;
	return PQgetvalue(st->res, st->row, i);
}

static int64_t pg_int(struct db_stmt *s, int i)
{
	const char *v = pg_text(s, i);

	if (!v)
		return 0;
	if (PQftype(PSTMT(s)->res, i) == OID_BOOL)
		return *v == 't';
	return strtoll(v, NULL, 10);
}

/* Column i unescaped when it is bytea (cached for the row); 0 or
 * HOSO_E_NOMEM. */
static int unescape(struct pg_stmt *st, int i)
{
	size_t n = 0;
	unsigned char *b;

	if (st->blob_row == st->row && st->blob_col == i)
		return 0;
	b = PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, i), &n);
	if (!b)
		return HOSO_E_NOMEM;
	free(st->blob);
	st->blob = malloc(n ? n : 1);
	if (!st->blob) {
		PQfreemem(b);
		st->blob_row = -1;
		return HOSO_E_NOMEM;
	}
	memcpy(st->blob, b, n);
	PQfreemem(b);
	st->blob_len = n;
	st->blob_row = st->row;
	st->blob_col = i;
	return 0;
}

static const void *pg_blob(struct db_stmt *s, int i)
{
	struct pg_stmt *st = PSTMT(s);

	if (!cell(st, i) || PQgetisnull(st->res, st->row, i))
		return NULL;
	if (PQftype(st->res, i) != OID_BYTEA)
		return PQgetvalue(st->res, st->row, i);
	if (unescape(st, i) < 0 || st->blob_len == 0)
		return NULL;
	return st->blob;
}

static size_t pg_bytes(struct db_stmt *s, int i)
{
	struct pg_stmt *st = PSTMT(s);

	if (!cell(st, i) || PQgetisnull(st->res, st->row, i))
		return 0;
	if (PQftype(st->res, i) != OID_BYTEA)
		return (size_t)PQgetlength(st->res, st->row, i);
	return unescape(st, i) < 0 ? 0 : st->blob_len;
}

static const struct db_ops ops = {
    .close = pg_close,
    .errmsg = pg_errmsg,
    .error = pg_error,
    .exec = pg_exec,
    .prepare = pg_prepare,
    .validate = pg_validate,
    .changes = pg_changes,
    .last_id = pg_last_id,
    .autocommit = pg_autocommit,
    .finalize = pg_finalize,
    .step = pg_step,
    .reset = pg_reset,
    .clear = pg_clear,
    .nparams = pg_nparams,
    .ncols = pg_ncols,
    .bind_int = pg_bind_int,
    .bind_null = pg_bind_null,
    .bind_text = pg_bind_text,
    .bind_blob = pg_bind_blob,
    .type = pg_type,
    .col_int = pg_int,
    .col_text = pg_text,
    .col_blob = pg_blob,
    .col_bytes = pg_bytes,
};
