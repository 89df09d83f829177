/* Unit tests for src/app/health.c: the readiness checks and the figures
 * /metrics reads from the database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "app/audit.h"
#include "app/health.h"
#include "app/user.h"
#include "fixture.h"

static void test_healthy(void **state)
{
	struct fixture *fx = *state;
	struct app_health h;

	assert_int_equal(app_health(fx->app, &h, &fx->e), 0);
	for (int i = 0; i < HEALTH__MAX; i++)
		assert_true(h.ok[i]);
	assert_int_equal(h.schema, app_latest_schema_version());
	assert_int_equal(h.schema_known, app_latest_schema_version());
	assert_string_equal(health_check_name(HEALTH_AUDIT), "audit");
	assert_string_equal(health_check_name(HEALTH__MAX), "?");
}

static void test_unopened(void **state)
{
	struct fixture *fx = *state;
	struct app_health h;

	/* a schema newer than the program's refuses the open: the schema fails */
	assert_int_equal(app_health_unopened(HOSO_E_SCHEMA, &h, &fx->e), HOSO_E_BUSY);
	assert_string_equal(fx->e.field.buf, "schema");
	assert_true(h.ok[HEALTH_DATABASE]);
	assert_false(h.ok[HEALTH_SCHEMA]);
	assert_int_equal(h.schema, -1);
	assert_non_null(strstr(err_text_vi(&fx->e), "mới hơn"));
	assert_non_null(strstr(err_text_en(&fx->e), "newer"));
	/* anything else: the database */
	err_clear(&fx->e);
	assert_int_equal(app_health_unopened(HOSO_E_IO, &h, &fx->e), HOSO_E_BUSY);
	assert_string_equal(fx->e.field.buf, "database");
	assert_false(h.ok[HEALTH_DATABASE]);
}

static void test_audit_writer(void **state)
{
	struct fixture *fx = *state;
	struct audit_writer_stats before, after;

	audit_writer_stats(&before);
	assert_true(before.alive);
	assert_int_equal(audit_record(fx->app, &fx->sys,
	                              &(struct audit_entry){"search", "person", 0, NULL, 0},
	                              &fx->e),
	                 0);
	audit_writer_stats(&after);
	assert_true(after.alive);
	assert_int_equal(after.queued, 0);
	assert_int_equal(after.oldest_wait_ns, 0);
	assert_true(after.commits > before.commits);
	assert_true(after.commit_ns >= before.commit_ns);
	assert_int_equal(after.failed, before.failed);
}

static void test_stats(void **state)
{
	struct fixture *fx = *state;
	struct app_stats st;
	unsigned char h1[32] = {1}, h2[32] = {2}, h3[32] = {3};
	int64_t now = (int64_t)time(NULL), uid;
	struct user_new u = {"cv.a",           "Lò Văn Một",     fx->tu, 1u << ROLE_OFFICER,
	                     CLEARANCE_NORMAL, "mat-khau-dai-du"};

	assert_int_equal(user_add(fx->app, &fx->sys, &u, &uid, NULL, &fx->e), 0);
	assert_int_equal(app_stats(fx->app, &st), 0);
	assert_true(st.db_bytes > 0);
	assert_int_equal(st.sessions_active, 0);
	/* alive, idle too long, too old */
	assert_int_equal(store_session_insert(app_store(fx->app), h1, uid, "c", now, "127.0.0.1"),
	                 0);
	assert_int_equal(store_session_insert(app_store(fx->app), h2, uid, "c",
	                                      now - SESSION_IDLE_SECONDS - 5, "127.0.0.1"),
	                 0);
	assert_int_equal(store_session_insert(app_store(fx->app), h3, uid, "c",
	                                      now - SESSION_MAX_SECONDS - 5, "127.0.0.1"),
	                 0);
	assert_int_equal(store_session_touch(app_store(fx->app), h3, now), 0);
	assert_int_equal(app_stats(fx->app, &st), 0);
	assert_int_equal(st.sessions_active, 1);
}

TEST_MAIN(FIXTURE_TEST(test_healthy, fixture_setup), FIXTURE_TEST(test_unopened, fixture_setup),
          FIXTURE_TEST(test_audit_writer, fixture_setup), FIXTURE_TEST(test_stats, fixture_setup))
