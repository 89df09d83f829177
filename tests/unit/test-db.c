/*
 * test-db.c - the store's cursor (store/db.h) on each engine: the same
 * operations give the same answers on SQLite and on PostgreSQL.
 *
 *   test-db sqlite   on a file in a temporary directory
 *   test-db pg       on the PostgreSQL database named by $HOSO_TEST_PG
 *                    (scripts/test.sh starts one with scripts/pg.sh); a
 *                    failure when it is not set, not a skip
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/err.h"
#include "helpers.h"
#include "store/db.h"

/* The SQL that differs between the engines. */
struct dialect {
	const char *create, *insert, *select, *by_s;
};

static const struct dialect sqlite_sql = {
    "CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, s TEXT UNIQUE, b BLOB)",
    "INSERT INTO t(n, s, b) VALUES (?1, ?2, ?3)",
    "SELECT id, n, s, b FROM t ORDER BY id",
    "SELECT n FROM t WHERE s = ?1",
};

static const struct dialect pg_sql = {
    "CREATE TABLE t(id BIGSERIAL PRIMARY KEY, n BIGINT, s TEXT UNIQUE, b BYTEA)",
    "INSERT INTO t(n, s, b) VALUES ($1, $2, $3) RETURNING id",
    "SELECT id, n, s, b FROM t ORDER BY id",
    "SELECT n FROM t WHERE s = $1",
};

static struct {
	const char *where; /* a file or a URL */
	const struct dialect *sql;
	char dir[512];
	struct db *db;
} g;

static const unsigned char blob[] = {0x00, 0x01, 0xff, 0x5c, 0x78, 0x00, 0x27};

static int setup(void **state)
{
	(void)state;
	assert_int_equal(db_open(g.where, DB_CREATE, &g.db), 0);
	db_exec(g.db, "DROP TABLE IF EXISTS t");
	assert_int_equal(db_exec(g.db, g.sql->create), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_exec(g.db, "DROP TABLE IF EXISTS t");
	db_close(g.db);
	g.db = NULL;
	return 0;
}

/* Insert (n, s, b) with a prepared statement: its new id. */
static int64_t insert(struct db_stmt *ins, int64_t n, const char *s, const void *b, size_t bn)
{
	db_reset(ins);
	db_clear(ins);
	assert_int_equal(db_bind_int(ins, 1, n), 0);
	assert_int_equal(db_bind_text_copy(ins, 2, s), 0);
	assert_int_equal(db_bind_blob(ins, 3, b, bn), 0);
	assert_true(db_step(ins) >= 0);
	assert_int_equal(db_changes(g.db), 1);
	return db_last_id(g.db);
}

/* Values go in and come back as they were: integers, text with
 * diacritics, NULLs, blobs with zero bytes and backslashes. */
static void test_round_trip(void **state)
{
	struct db_stmt *ins, *sel;
	int64_t id1, id2;
	char text[] = "Lò Văn Muôn";

	(void)state;
	assert_int_equal(db_prepare(g.db, g.sql->insert, 1, &ins), 0);
	assert_int_equal(db_nparams(ins), 3);
	id1 = insert(ins, INT64_C(9007199254740993), text, blob, sizeof(blob));
	text[0] = 'X'; /* a copy was bound */
	db_reset(ins);
	db_clear(ins);
	assert_int_equal(db_bind_null(ins, 1), 0);
	assert_int_equal(db_bind_text(ins, 2, "Mùa A Vảng"), 0);
	assert_int_equal(db_bind_blob(ins, 3, NULL, 0), 0);
	assert_true(db_step(ins) >= 0);
	id2 = db_last_id(g.db);
	assert_true(id1 > 0 && id2 > id1);
	db_finalize(ins);

	assert_int_equal(db_prepare(g.db, g.sql->select, 0, &sel), 0);
	assert_int_equal(db_step(sel), DB_ROW);
	assert_int_equal(db_ncols(sel), 4);
	assert_int_equal(db_int(sel, 0), id1);
	assert_int_equal(db_type(sel, 1), DB_T_INT);
	assert_int_equal(db_int(sel, 1), INT64_C(9007199254740993));
	assert_int_equal(db_type(sel, 2), DB_T_TEXT);
	assert_string_equal(db_text(sel, 2), "Lò Văn Muôn");
	assert_int_equal(db_bytes(sel, 2), strlen("Lò Văn Muôn"));
	assert_int_equal(db_type(sel, 3), DB_T_BLOB);
	assert_int_equal(db_bytes(sel, 3), sizeof(blob));
	assert_memory_equal(db_blob(sel, 3), blob, sizeof(blob));
	assert_int_equal(db_step(sel), DB_ROW);
	assert_true(db_null(sel, 1));
	assert_int_equal(db_int(sel, 1), 0);
	assert_string_equal(db_text(sel, 2), "Mùa A Vảng");
	assert_true(db_null(sel, 3));
	assert_null(db_blob(sel, 3));
	assert_int_equal(db_step(sel), DB_DONE);
	/* reset: the same rows again */
	db_reset(sel);
	assert_int_equal(db_step(sel), DB_ROW);
	assert_int_equal(db_int(sel, 0), id1);
	db_finalize(sel);
}

/* A parameter bound once serves every run until it is cleared; cleared,
 * it is NULL. */
static void test_bindings_stay(void **state)
{
	struct db_stmt *ins, *by;

	(void)state;
	assert_int_equal(db_prepare(g.db, g.sql->insert, 1, &ins), 0);
	insert(ins, 7, "bảy", "x", 1);
	assert_int_equal(db_prepare(g.db, g.sql->by_s, 1, &by), 0);
	assert_int_equal(db_bind_text(by, 1, "bảy"), 0);
	for (int run = 0; run < 3; run++) {
		assert_int_equal(db_step(by), DB_ROW);
		assert_int_equal(db_int(by, 0), 7);
		db_reset(by);
	}
	db_clear(by);
	assert_int_equal(db_step(by), DB_DONE); /* s = NULL matches nothing */
	db_finalize(by);
	db_finalize(ins);
}

/* A second row with the same unique value is HOSO_E_DUPLICATE; a
 * statement that cannot be prepared or run says so. */
static void test_errors(void **state)
{
	struct db_stmt *ins, *bad = NULL;

	(void)state;
	assert_int_equal(db_prepare(g.db, g.sql->insert, 1, &ins), 0);
	insert(ins, 1, "một", "a", 1);
	db_reset(ins);
	assert_int_equal(db_step(ins), HOSO_E_DUPLICATE);
	assert_int_equal(db_error(g.db), HOSO_E_DUPLICATE);
	assert_true(strlen(db_errmsg(g.db)) > 0);
	db_finalize(ins);
	/* PostgreSQL checks the SQL when it runs: either step is refused */
	if (db_prepare(g.db, "SELECT nothing FROM nowhere", 0, &bad) == 0) {
		assert_true(db_step(bad) < 0);
		db_finalize(bad);
	}
	assert_true(db_exec(g.db, "THIS IS NOT SQL") < 0);
}

/* What a rolled-back transaction wrote is gone, and the connection says
 * whether one is open. */
static void test_transaction(void **state)
{
	struct db_stmt *ins, *by;

	(void)state;
	assert_true(db_autocommit(g.db));
	assert_int_equal(db_exec(g.db, "BEGIN"), 0);
	assert_false(db_autocommit(g.db));
	assert_int_equal(db_prepare(g.db, g.sql->insert, 1, &ins), 0);
	insert(ins, 2, "hai", "b", 1);
	db_finalize(ins);
	assert_int_equal(db_exec(g.db, "ROLLBACK"), 0);
	assert_true(db_autocommit(g.db));
	assert_int_equal(db_prepare(g.db, g.sql->by_s, 0, &by), 0);
	assert_int_equal(db_bind_text(by, 1, "hai"), 0);
	assert_int_equal(db_step(by), DB_DONE);
	db_finalize(by);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown(test_bindings_stay, setup, teardown),
    cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
    cmocka_unit_test_setup_teardown(test_transaction, setup, teardown),
};

/* A server that is not there is an I/O error with the server's reason. */
static int refused(void)
{
	struct db *db = NULL;
	int rc = db_open("postgresql://hoso@127.0.0.1:1/hoso?connect_timeout=5", 0, &db);
	int ok = rc == HOSO_E_IO && strlen(db_errmsg(db)) > 0;

	if (!ok)
		fprintf(stderr, "a closed port gave %d (%s)\n", rc, db_errmsg(db));
	db_close(db);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	char file[600];
	int rc;

	if (argc != 2 || (strcmp(argv[1], "sqlite") != 0 && strcmp(argv[1], "pg") != 0)) {
		fprintf(stderr, "usage: test-db sqlite|pg\n");
		return 2;
	}
	if (strcmp(argv[1], "pg") == 0) {
		g.where = getenv("HOSO_TEST_PG");
		g.sql = &pg_sql;
		if (!g.where || !*g.where) {
			fprintf(stderr, "test-db pg: HOSO_TEST_PG is not set (scripts/test.sh "
			                "starts PostgreSQL with scripts/pg.sh and sets it)\n");
			return 1;
		}
		if (refused())
			return 1;
		return cmocka_run_group_tests_name("db on PostgreSQL", tests, NULL, NULL);
	}
	tmpdir_make(g.dir, sizeof(g.dir));
	snprintf(file, sizeof(file), "%s/db.sqlite", g.dir);
	g.where = file;
	g.sql = &sqlite_sql;
	rc = cmocka_run_group_tests_name("db on SQLite", tests, NULL, NULL);
	tmpdir_remove(g.dir);
	return rc;
}
