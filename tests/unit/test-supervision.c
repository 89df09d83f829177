/* Unit tests for src/app/supervision.c: a supervision that finds signs of
 * violation opens an inspection linked to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/person.h"
#include "app/supervision.h"
#include "fixture.h"

static void test_supervision_opens_a_linked_inspection(void **state)
{
	struct fixture *fx = *state;
	struct actor officer, other, viewer;
	int64_t c1, c2, p1, sup, insp;
	struct person_input p = {.full_name = "Lò Văn Muôn", .joined = "01/01/2010"};
	struct org_new o = {"C1", "Đảng bộ xã Một", "dang_bo_co_so", 0, date_days(2000, 1, 1)};
	struct case_input in = {.kind = "giam_sat",
	                        .subtype = "chuyen_de",
	                        .title = "Giám sát chuyên đề",
	                        .opened = date_days(2024, 6, 1),
	                        .confidentiality = 1,
	                        .subject_persons = &p1,
	                        .nsubject_persons = 1};
	struct case_view v;
	const char *number;

	o.parent_id = fx->tu;
	assert_int_equal(org_create(fx->app, &fx->sys, &o, &c1, &fx->e), 0);
	o.code = "C2";
	o.name = "Đảng bộ xã Hai";
	assert_int_equal(org_create(fx->app, &fx->sys, &o, &c2, &fx->e), 0);
	p.org_id = c1;
	assert_int_equal(person_create(fx->app, &fx->sys, &p, &p1, &fx->e), 0);
	officer = fixture_actor(7, ROLE_OFFICER, c1, CLEARANCE_SECRET);
	other = fixture_actor(9, ROLE_OFFICER, c2, CLEARANCE_SECRET);
	viewer = fixture_actor(10, ROLE_VIEWER, c1, CLEARANCE_SECRET);
	in.handling_org = c1;

	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &sup, NULL, &fx->e), 0);
	assert_int_equal(case_open_inspection(fx->app, &officer, sup,
	                                      "Kiểm tra khi có dấu hiệu vi phạm", &fx->a, &insp,
	                                      &number, &fx->e),
	                 0);
	assert_int_equal(case_get(fx->app, &officer, insp, &fx->a, &v, &fx->e), 0);
	assert_string_equal(v.c.kind, "kiem_tra");
	assert_string_equal(v.c.subtype, "dau_hieu_vi_pham");
	assert_int_equal(v.c.linked_case, sup);
	assert_int_equal(v.c.confidentiality, 1);
	assert_int_equal(v.subjects.n, 1);
	assert_int_equal(v.subjects.v[0].person_id, p1);
	/* only from a supervision; only within scope; only officers and leaders */
	assert_int_equal(
	    case_open_inspection(fx->app, &officer, insp, "X", &fx->a, &insp, NULL, &fx->e),
	    HOSO_E_CONFLICT);
	assert_int_equal(
	    case_open_inspection(fx->app, &other, sup, "X", &fx->a, &insp, NULL, &fx->e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    case_open_inspection(fx->app, &viewer, sup, "X", &fx->a, &insp, NULL, &fx->e),
	    HOSO_E_DENIED);
}

TEST_MAIN(FIXTURE_TEST(test_supervision_opens_a_linked_inspection, fixture_setup))
