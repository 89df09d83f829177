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

#include "app/admin.h"
#include "app/audit.h"
#include "app/user.h"
#include "fixture.h"

static int setup(void **state)
{
	*state = fixture_alloc(sizeof(struct fixture), 1);
	return 0;
}

static void add(struct fixture *f, int n)
{
	for (int i = 0; i < n; i++) {
		struct audit_entry en = {"read", "person", i + 1, "{\"why\": \"test\"}", i == 3};

		assert_int_equal(audit_record(f->app, &f->sys, &en, &f->e), 0);
	}
}

static void raw(struct fixture *f, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void test_chain_verifies(void **state)
{
	struct fixture *f = *state;
	struct audit_check c;
	struct audit_list l;

	add(f, 10);
	assert_int_equal(audit_verify(f->app, &f->sys, &c, &f->e), 0);
	assert_int_equal(c.entries, 10);
	assert_int_equal(c.bad_id, 0);
	assert_int_equal(
	    audit_list(f->app, &f->sys,
	               &(struct audit_filter){.object_type = "person", .object_id = 4, .limit = 10},
	               &f->a, &l, &f->e),
	    0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].flagged, 1);
	assert_string_equal(l.v[0].purpose, "test");
	assert_string_equal(l.v[0].address, "cli");
}

static void test_append_only(void **state)
{
	struct fixture *f = *state;
	sqlite3 *db;

	add(f, 2);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET action = 'x'", NULL, NULL, NULL),
	                     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void expect_bad(struct fixture *f, int64_t id)
{
	struct audit_check c;

	assert_int_equal(audit_verify(f->app, &f->sys, &c, &f->e), 0);
	assert_int_equal(c.bad_id, id);
	assert_non_null(c.problem);
}

static void test_edit_detected(void **state)
{
	struct fixture *f = *state;

	add(f, 6);
	raw(f, "DROP TRIGGER audit_no_update; UPDATE audit SET object_id = 99 WHERE id = 4");
	expect_bad(f, 4);
}

static void test_delete_detected(void **state)
{
	struct fixture *f = *state;

	add(f, 6);
	raw(f, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3");
	expect_bad(f, 4);
}

static void test_delete_and_renumber_detected(void **state)
{
	struct fixture *f = *state;

	add(f, 6);
	/* Hide the gap: move the later entries down one id. */
	raw(f, "DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update;"
	       "DELETE FROM audit WHERE id = 3; UPDATE audit SET id = id - 1 WHERE id > 3");
	expect_bad(f, 3);
}

static void test_reorder_detected(void **state)
{
	struct fixture *f = *state;

	add(f, 6);
	/* Swap the contents of entries 2 and 5. */
	raw(f, "DROP TRIGGER audit_no_update;"
	       "UPDATE audit SET id = -2 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 5;"
	       "UPDATE audit SET id = 5 WHERE id = -2");
	expect_bad(f, 2);
}

struct worker {
	struct fixture *f;
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
	struct fixture *f = *state;
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
	struct fixture *f = *state;
	struct actor viewer = {.user_id = 5, .roles = 1u << ROLE_VIEWER};
	struct audit_list l;

	add(f, 2);
	assert_int_equal(
	    audit_list(f->app, &viewer, &(struct audit_filter){.limit = 10}, &f->a, &l, &f->e),
	    HOSO_E_DENIED);
	assert_int_equal(audit_list(f->app, &viewer,
	                            &(struct audit_filter){.object_type = "person", .object_id = 1},
	                            &f->a, &l, &f->e),
	                 HOSO_E_DENIED);
}

/* Raw entries with chosen times (the chain is not checked here). */
static void insert_at(struct fixture *f, int64_t id, const char *at, int64_t user,
                      const char *action, int flagged)
{
	char sql[512];

	snprintf(sql, sizeof(sql),
	         "INSERT INTO audit(id, at, user_id, address, action, object_type, object_id, "
	         "purpose, detail, flagged, prev_hash, hash) VALUES (%lld, '%s', %s, 'x', '%s', "
	         "'person', 1, NULL, NULL, %d, zeroblob(32), zeroblob(32))",
	         (long long)id, at, user ? "1" : "NULL", action, flagged);
	raw(f, sql);
}

static size_t count(struct fixture *f, struct audit_filter q)
{
	struct audit_list l;
	struct arena a;
	size_t n;

	arena_init(&a, 0);
	assert_int_equal(audit_list(f->app, &f->sys, &q, &a, &l, &f->e), 0);
	n = l.n;
	arena_release(&a);
	return n;
}

static void test_filters(void **state)
{
	struct fixture *f = *state;
	struct audit_filter q = {0};
	char days[AUDIT_DAYS_BUF];
	int32_t d;

	/* 16:59:59 UTC on the 9th is still the 9th in Vietnam; 17:00 is the 10th. */
	insert_at(f, 1, "2025-03-09T16:59:59.999Z", 0, "read", 0);
	insert_at(f, 2, "2025-03-09T17:00:00.000Z", 0, "search", 1);
	insert_at(f, 3, "2025-03-10T16:59:59.999Z", 0, "read", 1);
	insert_at(f, 4, "2025-03-10T17:00:00.000Z", 0, "read", 0);
	assert_int_equal(count(f, q), 4);
	d = date_days(2025, 3, 10);
	assert_int_equal(audit_filter_days(&q, d, d, days, &f->e), 0);
	assert_string_equal(q.at_from, "2025-03-09T17:00:00.000Z");
	assert_string_equal(q.at_until, "2025-03-10T17:00:00.000Z");
	assert_int_equal(count(f, q), 2);
	q.action = "read";
	assert_int_equal(count(f, q), 1);
	q.action = NULL;
	q.flagged_only = 1;
	assert_int_equal(count(f, q), 2);
	assert_int_equal(audit_filter_days(&q, d, DATE_NONE, days, &f->e), 0);
	assert_null(q.at_until);
	assert_int_equal(count(f, q), 2);
	q.flagged_only = 0;
	assert_int_equal(count(f, q), 3);
	assert_int_equal(audit_filter_days(&q, d + 1, d, days, &f->e), HOSO_E_RANGE);
	assert_string_equal(f->e.field.buf, "to");
}

static void test_user_names_and_json(void **state)
{
	struct fixture *f = *state;
	struct user_new u = {.username = "kiem.toan",
	                     .full_name = "Nguyễn Thị Hà",
	                     .roles = 1u << ROLE_AUDITOR,
	                     .password = "mat-khau-dai-du-1"};
	struct audit_list l;
	int64_t uid;
	json_t *j;

	assert_int_equal(user_add(f->app, &f->sys, &u, &uid, NULL, &f->e), 0);
	{
		struct actor who = {.user_id = uid, .roles = 1u << ROLE_AUDITOR};
		struct audit_entry en = {"read", "person", 7, NULL, 0};

		assert_int_equal(audit_record(f->app, &who, &en, &f->e), 0);
	}
	assert_int_equal(audit_list(f->app, &f->sys,
	                            &(struct audit_filter){.object_type = "person", .object_id = 7},
	                            &f->a, &l, &f->e),
	                 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].username, "kiem.toan");
	assert_string_equal(l.v[0].user_name, "Nguyễn Thị Hà");
	j = audit_row_json(&l.v[0]);
	assert_string_equal(json_string_value(json_object_get(j, "username")), "kiem.toan");
	json_decref(j);
	/* the system's entries have no account */
	assert_int_equal(audit_list(f->app, &f->sys,
	                            &(struct audit_filter){.action = "user_create"}, &f->a, &l,
	                            &f->e),
	                 0);
	assert_true(l.n >= 1);
	assert_null(l.v[0].username);
	j = audit_row_json(&l.v[0]);
	assert_true(json_is_null(json_object_get(j, "user_name")));
	json_decref(j);
}

static void test_export_csv(void **state)
{
	struct fixture *f = *state;
	struct actor auditor = {.user_id = 0, .roles = 1u << ROLE_AUDITOR};
	struct actor viewer = {.user_id = 5, .roles = 1u << ROLE_VIEWER};
	struct buf out = BUF_INIT((size_t)1 << 20);
	struct audit_list l;
	size_t n = 0;

	add(f, 4);
	{
		struct audit_entry en = {"read", "person", 9, NULL, 1};
		struct actor glass = f->sys;

		glass.purpose = "=HYPERLINK(\"x\"), \"quoted\"";
		assert_int_equal(audit_record(f->app, &glass, &en, &f->e), 0);
	}
	assert_int_equal(
	    audit_export_csv(f->app, &viewer, &(struct audit_filter){0}, &out, &n, &f->e),
	    HOSO_E_DENIED);
	assert_int_equal(out.len, 0);
	assert_int_equal(audit_export_csv(f->app, &auditor,
	                                  &(struct audit_filter){.flagged_only = 1}, &out, &n,
	                                  &f->e),
	                 0);
	assert_int_equal(n, 2); /* entry 4 of add() and the break-glass read */
	assert_memory_equal(out.buf, "\xef\xbb\xbfid,at,user,", 12);
	assert_non_null(strstr(out.buf, "\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\""));
	assert_non_null(strstr(out.buf, "flagged\r\n5,\""));
	/* the export is itself recorded, with its filters, not its rows */
	assert_int_equal(audit_list(f->app, &f->sys, &(struct audit_filter){.action = "export"},
	                            &f->a, &l, &f->e),
	                 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].object_type, "audit");
	assert_non_null(strstr(l.v[0].detail, "\"rows\":2"));
	assert_non_null(strstr(l.v[0].detail, "\"flagged\":true"));
	buf_release(&out);
}

static void test_calendar_changes_audited(void **state)
{
	struct fixture *f = *state;
	struct actor officer = {.user_id = 5, .roles = 1u << ROLE_OFFICER};
	int32_t d = date_days(2031, 1, 2);
	struct cal_holiday *h;
	struct audit_list l;
	size_t n;
	int found = 0;

	assert_int_equal(admin_cal_put(f->app, &officer, d, "off", "Nghỉ", NULL, &f->e),
	                 HOSO_E_DENIED);
	assert_int_equal(admin_cal_put(f->app, &f->sys, d, "nghi", "Nghỉ", NULL, &f->e),
	                 HOSO_E_BAD_ENUM);
	assert_int_equal(admin_cal_put(f->app, &f->sys, d, "off", "Nghỉ Tết", NULL, &f->e), 0);
	assert_int_equal(admin_cal_put(f->app, &f->sys, d, "off", "Nghỉ bù", "TB 1/2030", &f->e),
	                 0);
	assert_int_equal(admin_cal_year(f->app, &officer, 2031, &h, &n, &f->e), 0);
	for (size_t i = 0; i < n; i++)
		found |= h[i].day == d && strcmp(h[i].name, "Nghỉ bù") == 0;
	free(h);
	assert_true(found);
	assert_int_equal(admin_cal_year(f->app, &officer, 1899, &h, &n, &f->e), HOSO_E_RANGE);
	assert_int_equal(admin_cal_delete(f->app, &f->sys, d, &f->e), 0);
	assert_int_equal(admin_cal_delete(f->app, &f->sys, d, &f->e), HOSO_E_NOT_FOUND);
	assert_int_equal(
	    audit_list(f->app, &f->sys,
	               &(struct audit_filter){.object_type = "calendar", .object_id = 20310102},
	               &f->a, &l, &f->e),
	    0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].action, "delete");
	assert_string_equal(l.v[0].detail, "{\"date\":\"2031-01-02\",\"kind\":{\"after\":null,"
	                                   "\"before\":\"off\"},\"name\":{\"after\":null,"
	                                   "\"before\":\"Nghỉ bù\"},\"source\":{\"after\":null,"
	                                   "\"before\":\"TB 1/2030\"}}");
	assert_string_equal(l.v[1].action, "update");
	assert_string_equal(l.v[1].detail,
	                    "{\"date\":\"2031-01-02\",\"name\":{\"after\":\"Nghỉ bù\",\"before\":"
	                    "\"Nghỉ Tết\"},\"source\":{\"after\":\"TB 1/2030\",\"before\":\"\"}}");
	assert_string_equal(l.v[2].action, "create");
	{
		struct audit_check c;

		assert_int_equal(audit_verify(f->app, &f->sys, &c, &f->e), 0);
		assert_int_equal(c.bad_id, 0);
	}
}

TEST_MAIN(FIXTURE_TEST(test_chain_verifies, setup), FIXTURE_TEST(test_append_only, setup),
          FIXTURE_TEST(test_edit_detected, setup), FIXTURE_TEST(test_delete_detected, setup),
          FIXTURE_TEST(test_delete_and_renumber_detected, setup),
          FIXTURE_TEST(test_reorder_detected, setup),
          FIXTURE_TEST(test_group_commit_keeps_the_chain, setup),
          FIXTURE_TEST(test_access_log_rights, setup), FIXTURE_TEST(test_filters, setup),
          FIXTURE_TEST(test_user_names_and_json, setup), FIXTURE_TEST(test_export_csv, setup),
          FIXTURE_TEST(test_calendar_changes_audited, setup))
