/* Unit tests for src/app/deadline.c: due dates in working days (weekends,
 * Tết, pauses), reminder levels, the rules an administrator changes, and
 * the list of what is due. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/deadline.h"
#include "app/org.h"
#include "app/person.h"
#include "app/trip.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	struct actor officer, leader, other, admin_x1;
	int64_t x1, x2;
};

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));

	fixture_communes(&f->fx, &f->x1, &f->x2);
	f->officer = fixture_actor(7, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->leader = fixture_actor(8, ROLE_LEADER, f->x1, CLEARANCE_NORMAL);
	f->other = fixture_actor(9, ROLE_LEADER, f->x2, CLEARANCE_NORMAL);
	f->admin_x1 = fixture_actor(10, ROLE_ADMIN, f->x1, CLEARANCE_NORMAL);
	*state = f;
	return 0;
}

static const struct deadline_rule *rule(struct fx *f, const char *code)
{
	const struct deadline_rule *r;
	size_t n;

	assert_int_equal(deadline_rules(f->fx.app, &f->fx.a, &r, &n, &f->fx.e), 0);
	for (size_t i = 0; i < n; i++)
		if (strcmp(r[i].code, code) == 0)
			return &r[i];
	fail_msg("no rule %s", code);
	return NULL;
}

#define EV(to, y, m, d)                                                                            \
	{                                                                                          \
		.to_state = to, .on_date = date_days(y, m, d)                                      \
	}

static void test_return_report_due_seven_working_days_after_reentry(void **state)
{
	struct fx *f = *state;
	const struct deadline_rule *r = rule(f, "ra_nuoc_ngoai.bao_cao");
	/* re-entry on Monday 3/6/2024: seven working days later is Wednesday 12/6 */
	struct case_event_row ev[] = {EV("don", 2024, 5, 2),    EV("y_kien_chi_bo", 2024, 5, 3),
	                              EV("dong_y", 2024, 5, 6), EV("dang_di", 2024, 5, 20),
	                              EV("da_ve", 2024, 6, 3),  EV("da_nop_bao_cao", 2024, 6, 12)};
	struct deadline d;

	assert_int_equal(r->working_days, 7);
	assert_true(r->is_default);
	assert_int_equal(deadline_compute(app_cal(f->fx.app), r, ev, 4, date_days(2024, 6, 1), &d),
	                 0);
	assert_int_equal(deadline_compute(app_cal(f->fx.app), r, ev, 5, date_days(2024, 6, 4), &d),
	                 1);
	assert_int_equal(d.start, date_days(2024, 6, 3));
	assert_int_equal(d.due, date_days(2024, 6, 12));
	assert_int_equal(d.used, 1);
	assert_int_equal(d.left, 6);
	assert_int_equal(d.level, DEADLINE_OK);
	/* Friday 7/6: 4 of 7 used (57 %): the early reminder */
	deadline_compute(app_cal(f->fx.app), r, ev, 5, date_days(2024, 6, 7), &d);
	assert_int_equal(d.used, 4);
	assert_int_equal(d.level, DEADLINE_EARLY);
	/* Tuesday 11/6: 6 of 7 (86 %): the late one */
	deadline_compute(app_cal(f->fx.app), r, ev, 5, date_days(2024, 6, 11), &d);
	assert_int_equal(d.level, DEADLINE_LATE);
	deadline_compute(app_cal(f->fx.app), r, ev, 5, date_days(2024, 6, 13), &d);
	assert_int_equal(d.level, DEADLINE_OVERDUE);
	assert_int_equal(d.left, -1);
	/* received on the due date: done in time */
	deadline_compute(app_cal(f->fx.app), r, ev, 6, date_days(2024, 7, 1), &d);
	assert_int_equal(d.level, DEADLINE_DONE);
	assert_int_equal(d.done, date_days(2024, 6, 12));
	ev[5].on_date = date_days(2024, 6, 13);
	deadline_compute(app_cal(f->fx.app), r, ev, 6, date_days(2024, 7, 1), &d);
	assert_int_equal(d.level, DEADLINE_DONE_LATE);
}

static void test_tet_does_not_count(void **state)
{
	struct fx *f = *state;
	const struct deadline_rule *r = rule(f, "ra_nuoc_ngoai.bao_cao");
	/* back on Friday 24/1/2025, the eve of the Tết break (25/1-2/2): the
	 * seven working days are 3-7/2 and 10-11/2 */
	struct case_event_row ev[] = {EV("don", 2025, 1, 2), EV("da_ve", 2025, 1, 24)};
	struct deadline d;

	assert_int_equal(deadline_compute(app_cal(f->fx.app), r, ev, 2, date_days(2025, 2, 3), &d),
	                 1);
	assert_int_equal(d.due, date_days(2025, 2, 11));
	assert_int_equal(d.used, 1);
}

static void test_waiting_for_documents_pauses_the_clock(void **state)
{
	struct fx *f = *state;
	const struct deadline_rule *r = rule(f, "tham_dinh.thuong");
	/* received Monday 3/6/2024 (5 working days: Monday 10/6); documents
	 * asked for on Tuesday 4/6, back on Monday 10/6: 5-10/6 do not count */
	struct case_event_row ev[] = {EV("tiep_nhan", 2024, 6, 3), EV("cho_bo_sung", 2024, 6, 4),
	                              EV("tiep_nhan", 2024, 6, 10), EV("ket_luan", 2024, 6, 14)};
	struct deadline d;

	assert_int_equal(deadline_compute(app_cal(f->fx.app), r, ev, 2, date_days(2024, 6, 7), &d),
	                 1);
	assert_true(d.paused);
	assert_int_equal(d.used, 1);
	assert_int_equal(deadline_compute(app_cal(f->fx.app), r, ev, 3, date_days(2024, 6, 11), &d),
	                 1);
	assert_false(d.paused);
	assert_int_equal(d.due, date_days(2024, 6, 14));
	assert_int_equal(d.used, 2);
	assert_int_equal(deadline_compute(app_cal(f->fx.app), r, ev, 4, date_days(2024, 6, 20), &d),
	                 1);
	assert_int_equal(d.level, DEADLINE_DONE);
}

static void test_rules_changed_by_a_whole_tree_administrator(void **state)
{
	struct fx *f = *state;
	struct actor admin = f->fx.sys;

	admin.roles = 1u << ROLE_ADMIN;
	assert_int_equal(
	    deadline_rule_set(f->fx.app, &f->leader, "tham_dinh.thuong", 20, 50, 80, &f->fx.e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    deadline_rule_set(f->fx.app, &f->admin_x1, "tham_dinh.thuong", 20, 50, 80, &f->fx.e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    deadline_rule_set(f->fx.app, &admin, "tham_dinh.thuong", 0, 50, 80, &f->fx.e),
	    HOSO_E_RANGE);
	assert_int_equal(
	    deadline_rule_set(f->fx.app, &admin, "tham_dinh.thuong", 20, 80, 50, &f->fx.e),
	    HOSO_E_RANGE);
	assert_int_equal(deadline_rule_set(f->fx.app, &admin, "khong_co", 20, 50, 80, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(
	    deadline_rule_set(f->fx.app, &admin, "tham_dinh.thuong", 20, 40, 90, &f->fx.e), 0);
	assert_int_equal(rule(f, "tham_dinh.thuong")->working_days, 20);
	assert_int_equal(rule(f, "tham_dinh.thuong")->remind_early, 40);
	assert_false(rule(f, "tham_dinh.thuong")->is_default);
	assert_true(rule(f, "ra_nuoc_ngoai.bao_cao")->is_default);
}

static int64_t trip(struct fx *f, int64_t org, const struct actor *o, const struct actor *l,
                    int32_t back, int report)
{
	struct case_input in = {.kind = "ra_nuoc_ngoai",
	                        .title = "Đi Lào thăm thân",
	                        .handling_org = org,
	                        .opened = back - 40};
	int64_t id;

	assert_int_equal(case_create(f->fx.app, o, &in, &f->fx.a, &id, NULL, &f->fx.e), 0);
	assert_int_equal(
	    case_transition(f->fx.app, o, id, "y_kien_chi_bo", back - 39, NULL, NULL, 1, &f->fx.e),
	    0);
	{
		struct trip_input t = {"tham_than", "Lào", NULL, back - 30, back, 0};
		struct person_input p = {
		    .full_name = "Lò Văn Muôn", .org_id = org, .joined = "01/01/2010"};
		int64_t pid, tid;

		assert_int_equal(person_create(f->fx.app, &f->fx.sys, &p, &pid, &f->fx.e), 0);
		assert_int_equal(trip_set(f->fx.app, o, id, &t, &f->fx.e), 0);
		assert_int_equal(traveller_add(f->fx.app, o, id, pid, 0, 1, &tid, &f->fx.e), 0);
	}
	assert_int_equal(
	    case_transition(f->fx.app, l, id, "dong_y", back - 38, NULL, NULL, 2, &f->fx.e), 0);
	assert_int_equal(
	    case_transition(f->fx.app, o, id, "dang_di", back - 30, NULL, NULL, 3, &f->fx.e), 0);
	assert_int_equal(case_transition(f->fx.app, o, id, "da_ve", back, NULL, NULL, 4, &f->fx.e),
	                 0);
	if (report)
		assert_int_equal(case_transition(f->fx.app, o, id, "da_nop_bao_cao", back + 1, NULL,
		                                 NULL, 5, &f->fx.e),
		                 0);
	return id;
}

static void test_the_due_list_holds_what_is_late_and_the_caller_may_see(void **state)
{
	struct fx *f = *state;
	struct actor other_officer = f->other;
	int32_t today = date_today();
	int64_t late = trip(f, f->x1, &f->officer, &f->leader, today - 60, 0);
	int64_t soon = trip(f, f->x1, &f->officer, &f->leader, today - 1, 0);
	struct deadline_item *v;
	size_t n;

	other_officer.roles = 1u << ROLE_OFFICER;
	trip(f, f->x1, &f->officer, &f->leader, today - 60, 1);   /* reported: not listed */
	trip(f, f->x2, &other_officer, &f->other, today - 60, 0); /* another commune's */
	assert_int_equal(
	    deadline_due(f->fx.app, &f->leader, DEADLINE_OK, 100, &f->fx.a, &v, &n, &f->fx.e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].c.id, late);
	assert_int_equal(v[0].d.level, DEADLINE_OVERDUE);
	assert_string_equal(v[0].d.rule->code, "ra_nuoc_ngoai.bao_cao");
	assert_int_equal(v[1].c.id, soon);
	assert_int_equal(
	    deadline_due(f->fx.app, &f->leader, DEADLINE_OVERDUE, 100, &f->fx.a, &v, &n, &f->fx.e),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(
	    deadline_due(f->fx.app, &f->other, DEADLINE_OVERDUE, 100, &f->fx.a, &v, &n, &f->fx.e),
	    0);
	assert_int_equal(n, 1);
	assert_true(v[0].c.id != late);
}

TEST_MAIN(FIXTURE_TEST(test_return_report_due_seven_working_days_after_reentry, setup),
          FIXTURE_TEST(test_tet_does_not_count, setup),
          FIXTURE_TEST(test_waiting_for_documents_pauses_the_clock, setup),
          FIXTURE_TEST(test_rules_changed_by_a_whole_tree_administrator, setup),
          cmocka_unit_test_setup_teardown(
              test_the_due_list_holds_what_is_late_and_the_caller_may_see, setup, fixture_teardown))
