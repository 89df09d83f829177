/* Unit tests for src/app/submission.c: a period report submitted to the
 * level above, approved there, and the lock it puts on the period. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/finding.h"
#include "app/report.h"
#include "app/submission.h"
#include "fixture.h"

static int64_t kt_total(struct app *app, const struct actor *who, int64_t org, int y)
{
	struct report r;
	struct arena a;
	struct err e;
	int64_t n;

	arena_init(&a, 0);
	err_init(&e);
	assert_int_equal(report_figures(app, who, org, date_days(y, 1, 1), date_days(y, 12, 31),
	                                DATE_NONE, &a, &r, &e),
	                 0);
	n = r.figures[0].total; /* kt_to_chuc */
	arena_release(&a);
	err_release(&e);
	return n;
}

static int64_t version_of(struct app *app, const struct actor *who, int64_t id)
{
	struct arena a;
	struct err e;
	json_t *j;
	int64_t v;

	arena_init(&a, 0);
	err_init(&e);
	assert_int_equal(submission_get(app, who, id, &a, &j, &e), 0);
	v = json_integer_value(json_object_get(j, "version"));
	json_decref(j);
	arena_release(&a);
	err_release(&e);
	return v;
}

/* submission_decide on submission id, as who, at version, with fx's error. */
static int decide(struct fixture *fx, const struct actor *who, int64_t id, int64_t version,
                  enum submission_action action, const char *reason)
{
	return submission_decide(fx->app, who, id, version, action, reason, &fx->e);
}

static void test_submit_approve_lock_reopen(void **state)
{
	struct fixture *fx = *state;
	struct actor officer, leader_x1, leader_tu;
	struct case_input in = fixture_routine_inspection(date_days(2019, 5, 2));
	struct case_subject_list subj;
	int64_t x1, x2, kt, other, id, id_tu, f;
	json_t *j;

	x1 = fixture_org(fx, "X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", fx->tu);
	x2 = fixture_org(fx, "X2", "Đảng bộ xã B", "dang_bo_truc_thuoc", fx->tu);
	officer = fixture_actor(7, ROLE_OFFICER, x1, CLEARANCE_NORMAL);
	leader_x1 = fixture_actor(8, ROLE_LEADER, x1, CLEARANCE_NORMAL);
	leader_tu = fixture_actor(9, ROLE_LEADER, fx->tu, CLEARANCE_NORMAL);

	in.handling_org = x1;
	in.subject_orgs = &x1;
	in.nsubject_orgs = 1;
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &kt, NULL, &fx->e), 0);

	/* X1 submits 2019; the figures are kept as submitted. */
	assert_int_equal(submission_submit(fx->app, &officer, x1, date_days(2019, 1, 1),
	                                   date_days(2019, 12, 31), "Gửi Tỉnh ủy", &id, &fx->e),
	                 0);
	assert_int_equal(submission_get(fx->app, &officer, id, &fx->a, &j, &fx->e), 0);
	assert_string_equal(json_string_value(json_object_get(j, "state")), "submitted");
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(j, "figures"), "kt_to_chuc")), 1);
	assert_false(json_is_true(json_object_get(j, "may_decide")));
	json_decref(j);
	/* Once only while it waits. */
	assert_int_equal(submission_submit(fx->app, &officer, x1, date_days(2019, 1, 1),
	                                   date_days(2019, 12, 31), NULL, &other, &fx->e),
	                 HOSO_E_DUPLICATE);
	/* X1's own leader is not the level above; a viewer cannot submit. */
	assert_int_equal(decide(fx, &leader_x1, id, 1, SUBMISSION_APPROVE, NULL), HOSO_E_DENIED);
	/* Return and re-open need a reason; a stale version is refused. */
	assert_int_equal(decide(fx, &leader_tu, id, 1, SUBMISSION_RETURN, " "), HOSO_E_MISSING);
	assert_int_equal(decide(fx, &leader_tu, id, 5, SUBMISSION_APPROVE, NULL), HOSO_E_CONFLICT);
	assert_int_equal(decide(fx, &leader_tu, id, 1, SUBMISSION_REOPEN, "x"), HOSO_E_CONFLICT);
	assert_int_equal(decide(fx, &leader_tu, id, 1, SUBMISSION_APPROVE, NULL), 0);

	/* Locked: a case backdated into 2019 at X1 is refused, nothing is
	 * written, and the figure stays as approved. */
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &other, NULL, &fx->e),
	                 HOSO_E_PERIOD_LOCKED);
	assert_string_equal(err_name(fx->e.code), "period_locked");
	assert_int_equal(kt_total(fx->app, &fx->sys, x1, 2019), 1);
	/* A finding with a violation would change 2019's figures too. */
	assert_int_equal(store_case_subjects(app_store(fx->app), kt, &fx->a, &subj), 0);
	assert_int_equal(finding_add(fx->app, &officer, kt, subj.v[0].id, "Có vi phạm",
	                             "vi_pham_chua_den_muc", &f, &fx->e),
	                 HOSO_E_PERIOD_LOCKED);
	/* What leaves the figures alone goes on: a note, another year, another
	 * organisation. */
	assert_int_equal(case_add_note(fx->app, &officer, kt, "Ghi chú sau khi khóa", &f, &fx->e),
	                 0);
	in.opened = date_days(2020, 2, 3);
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &other, NULL, &fx->e), 0);
	in.opened = date_days(2019, 6, 3);
	in.handling_org = x2;
	in.subject_orgs = &x2;
	assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &other, NULL, &fx->e), 0);
	assert_int_equal(kt_total(fx->app, &fx->sys, x1, 2020), 1);

	/* The Tỉnh ủy's view: X1 approved, X2 not submitted. */
	assert_int_equal(submission_overview(fx->app, &leader_tu, fx->tu, date_days(2019, 1, 1),
	                                     date_days(2019, 12, 31), &fx->a, &j, &fx->e),
	                 0);
	assert_int_equal(json_integer_value(json_object_get(j, "approved")), 1);
	assert_int_equal(json_integer_value(json_object_get(j, "total")), 2);
	assert_true(json_is_true(json_object_get(j, "may_decide")));
	assert_true(json_is_null(
	    json_object_get(json_array_get(json_object_get(j, "children"), 1), "submission")));
	json_decref(j);

	/* Re-opened, with a reason: the finding goes in. */
	assert_int_equal(decide(fx, &leader_tu, id, version_of(fx->app, &fx->sys, id),
	                        SUBMISSION_REOPEN, "Bổ sung kết luận kiểm tra"),
	                 0);
	assert_int_equal(finding_add(fx->app, &officer, kt, subj.v[0].id, "Có vi phạm",
	                             "vi_pham_chua_den_muc", &f, &fx->e),
	                 0);
	/* ... and X1 submits again. */
	assert_int_equal(submission_submit(fx->app, &officer, x1, date_days(2019, 1, 1),
	                                   date_days(2019, 12, 31), NULL, &other, &fx->e),
	                 0);

	/* The top of the tree: its own leader approves, not the submitter. */
	assert_int_equal(submission_submit(fx->app, &leader_tu, fx->tu, date_days(2019, 1, 1),
	                                   date_days(2019, 12, 31), NULL, &id_tu, &fx->e),
	                 0);
	assert_int_equal(decide(fx, &leader_tu, id_tu, 1, SUBMISSION_APPROVE, NULL), HOSO_E_DENIED);
	assert_int_equal(decide(fx, &fx->sys, id_tu, 1, SUBMISSION_APPROVE, NULL), 0);
	/* Now all of the Tỉnh ủy's 2019 is locked, X2 included. */
	assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &other, NULL, &fx->e),
	                 HOSO_E_PERIOD_LOCKED);
	/* Out of scope: X1's officer does not see the Tỉnh ủy's submission. */
	assert_int_equal(submission_get(fx->app, &officer, id_tu, &fx->a, &j, &fx->e),
	                 HOSO_E_NOT_FOUND);
}

TEST_MAIN(FIXTURE_TEST(test_submit_approve_lock_reopen, fixture_setup))
