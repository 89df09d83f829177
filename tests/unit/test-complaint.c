/* Unit tests for src/app/complaint.c: a complaint about a discipline
 * carried to its decision - the decision a leader's, with its text; the
 * window and time limit [config]. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/complaint.h"
#include "app/deadline.h"
#include "fixture.h"

static int step(struct fixture *fx, const struct actor *who, int64_t id, const char *to,
                const char *conclusion)
{
	struct case_row c;

	assert_int_equal(case_fetch(fx->app, who, id, &fx->a, &c, &fx->e), 0);
	return case_transition(fx->app, who, id, to, DATE_NONE, NULL, conclusion, c.version,
	                       &fx->e);
}

static void test_a_complaint_to_its_decision(void **state)
{
	struct fixture *fx = *state;
	int64_t x1, x2, kl, id;
	struct actor officer, leader;
	struct case_input discipline = {.kind = "ky_luat", .title = "Xem xét kỷ luật"};
	struct case_input in = {
	    .kind = "khieu_nai", .subtype = "giu_nguyen", .title = "Giải quyết khiếu nại kỷ luật"};
	struct case_view v;
	int limit = 0;

	fixture_communes(fx, &x1, &x2);
	officer = fixture_actor(7, ROLE_OFFICER, x1, CLEARANCE_NORMAL);
	leader = fixture_actor(8, ROLE_LEADER, x1, CLEARANCE_NORMAL);
	discipline.handling_org = in.handling_org = x1;
	assert_int_equal(case_create(fx->app, &leader, &discipline, &fx->a, &kl, NULL, &fx->e), 0);
	in.linked_case = kl;
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &id, NULL, &fx->e), 0);
	assert_int_equal(step(fx, &officer, id, "xem_xet", NULL), 0);
	assert_int_equal(step(fx, &officer, id, "quyet_dinh", "Giữ nguyên"), HOSO_E_DENIED);
	assert_int_equal(step(fx, &leader, id, "quyet_dinh", "Giữ nguyên hình thức khiển trách"),
	                 0);
	assert_int_equal(step(fx, &officer, id, "thong_bao", NULL), 0);
	assert_int_equal(case_get(fx->app, &officer, id, &fx->a, &v, &fx->e), 0);
	assert_int_equal(v.c.linked_case, kl);
	for (size_t i = 0; i < v.ndeadlines; i++)
		if (strcmp(v.deadlines[i].rule->code, "khieu_nai.giai_quyet") == 0) {
			limit = v.deadlines[i].rule->working_days;
			assert_int_equal(v.deadlines[i].done, date_today());
		}
	assert_int_equal(limit, 90);
	/* deciding needs the decision recorded as the case's type */
	in.subtype = NULL;
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &id, NULL, &fx->e), 0);
	assert_int_equal(step(fx, &officer, id, "xem_xet", NULL), 0);
	assert_int_equal(step(fx, &leader, id, "quyet_dinh", "Giữ nguyên"), HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "subtype");
	/* a decision that is none of the three is refused */
	in.subtype = "huy_bo";
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &id, NULL, &fx->e),
	                 HOSO_E_BAD_ENUM);
}

static void test_decisions_and_window(void **state)
{
	size_t n = complaint_decisions.n;
	const struct code_name *d = complaint_decisions.codes;

	(void)state;
	assert_int_equal(n, 3);
	assert_non_null(code_find(d, n, "xoa_bo"));
	assert_int_equal(COMPLAINT_WINDOW_DAYS, 30);
	assert_ptr_equal(case_kind_find("khieu_nai")->subtypes, d);
}

TEST_MAIN(FIXTURE_TEST(test_a_complaint_to_its_decision, fixture_setup),
          cmocka_unit_test(test_decisions_and_window))
