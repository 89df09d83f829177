/* Unit tests for src/app/audit.c: the chain, its verification against
 * tampering, and group commit under concurrent writers. */
#include <pthread.h>
#include <setjmp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/audit.h"
#include "helpers.h"

struct fx {
	char dir[512];
	char path[600];
	struct app *app;
	struct actor sys;
	struct err e;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	tmpdir_make(f->dir, sizeof(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	err_init(&f->e);
	if (app_open(f->path, STORE_CREATE, &f->app, &f->e) != 0)
		return -1;
	actor_system(&f->sys, "test");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	app_close(f->app);
	err_release(&f->e);
	tmpdir_remove(f->dir);
	free(f);
	return 0;
}

static void add(struct fx *f, int n)
{
	for (int i = 0; i < n; i++) {
		struct audit_entry en = {"read", "person", i + 1, "{\"why\": \"test\"}", i == 3};

		assert_int_equal(audit_record(f->app, &f->sys, &en, &f->e), 0);
	}
}

static void raw(struct fx *f, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void test_chain_verifies(void **state)
{
	struct fx *f = *state;
	struct audit_check c;
	struct audit_list l;
	struct arena a;

	arena_init(&a, 0);
	add(f, 10);
	assert_int_equal(audit_verify(f->app, &f->sys, &c, &f->e), 0);
	assert_int_equal(c.entries, 10);
	assert_int_equal(c.bad_id, 0);
	assert_int_equal(audit_list(f->app, &f->sys, "person", 4, 0, 0, 10, &a, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].flagged, 1);
	assert_string_equal(l.v[0].purpose, "test");
	assert_string_equal(l.v[0].address, "cli");
	arena_release(&a);
}

static void test_append_only(void **state)
{
	struct fx *f = *state;
	sqlite3 *db;

	add(f, 2);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET action = 'x'", NULL, NULL, NULL),
	                     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void expect_bad(struct fx *f, int64_t id)
{
	struct audit_check c;

	assert_int_equal(audit_verify(f->app, &f->sys, &c, &f->e), 0);
	assert_int_equal(c.bad_id, id);
	assert_non_null(c.problem);
}

static void test_edit_detected(void **state)
{
	struct fx *f = *state;

	add(f, 6);
	raw(f, "DROP TRIGGER audit_no_update; UPDATE audit SET object_id = 99 WHERE id = 4");
	expect_bad(f, 4);
}

static void test_delete_detected(void **state)
{
	struct fx *f = *state;

	add(f, 6);
	raw(f, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3");
	expect_bad(f, 4);
}

static void test_delete_and_renumber_detected(void **state)
{
	struct fx *f = *state;

	add(f, 6);
	/* Hide the gap: move the later entries down one id. */
	raw(f, "DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update;"
	       "DELETE FROM audit WHERE id = 3; UPDATE audit SET id = id - 1 WHERE id > 3");
	expect_bad(f, 3);
}

static void test_reorder_detected(void **state)
{
	struct fx *f = *state;

	add(f, 6);
	/* Swap the contents of entries 2 and 5. */
	raw(f, "DROP TRIGGER audit_no_update;"
	       "UPDATE audit SET id = -2 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 5;"
	       "UPDATE audit SET id = 5 WHERE id = -2");
	expect_bad(f, 2);
}

struct worker {
	struct fx *f;
	int n;
	int failures;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct actor a;
	struct err e;

	err_init(&e);
	actor_system(&a, "concurrent");
	for (int i = 0; i < w->n; i++) {
		struct audit_entry en = {"search", NULL, 0, NULL, 0};

		if (audit_record(w->f->app, &a, &en, &e) != 0)
			w->failures++;
	}
	err_release(&e);
	return NULL;
}

static void test_group_commit_keeps_the_chain(void **state)
{
	struct fx *f = *state;
	struct worker w[8];
	pthread_t t[8];
	struct audit_check c;

	for (int i = 0; i < 8; i++) {
		w[i] = (struct worker){f, 50, 0};
		pthread_create(&t[i], NULL, work, &w[i]);
	}
	for (int i = 0; i < 8; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].failures, 0);
	}
	assert_int_equal(audit_verify(f->app, &f->sys, &c, &f->e), 0);
	assert_int_equal(c.entries, 400);
	assert_int_equal(c.bad_id, 0);
}

static void test_access_log_rights(void **state)
{
	struct fx *f = *state;
	struct actor viewer = {.user_id = 5, .roles = 1u << ROLE_VIEWER};
	struct audit_list l;
	struct arena a;

	arena_init(&a, 0);
	add(f, 2);
	assert_int_equal(audit_list(f->app, &viewer, NULL, 0, 0, 0, 10, &a, &l, &f->e),
	                 HOSO_E_DENIED);
	assert_int_equal(audit_list(f->app, &viewer, "person", 1, 0, 0, 10, &a, &l, &f->e),
	                 HOSO_E_DENIED);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_chain_verifies, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_append_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_edit_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delete_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delete_and_renumber_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reorder_detected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_group_commit_keeps_the_chain, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_access_log_rights, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
