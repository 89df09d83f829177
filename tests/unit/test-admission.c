/* Unit tests for src/app/admission.c: relatives in scope and exemptions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/admission.h"
#include "app/case.h"
#include "app/org.h"
#include "fixture.h"
#include "store/store.h"

static void test_exemption_rules(void **state)
{
	struct relative_row none[] = {{.relation = "bo", .is_member = 0},
	                              {.relation = "vo_chong", .is_member = 0}};
	struct relative_row parent[] = {{.relation = "me", .is_member = 1}};
	struct relative_row sibling[] = {{.relation = "anh_chi_em", .is_member = 1}};
	struct relative_row spouse[] = {{.relation = "bo_vo_chong", .is_member = 1}};
	struct relative_row self[] = {{.relation = "ban_than", .is_member = 1}};
	struct admission_exemptions x;

	(void)state;
	admission_exemptions(none, 2, &x);
	assert_false(x.applicant);
	assert_false(x.spouse_side);
	admission_exemptions(parent, 1, &x);
	assert_true(x.applicant);
	assert_false(x.spouse_side);
	admission_exemptions(sibling, 1, &x);
	assert_true(x.applicant);
	admission_exemptions(spouse, 1, &x);
	assert_false(x.applicant);
	assert_true(x.spouse_side);
	admission_exemptions(self, 1, &x);
	assert_false(x.applicant);
	assert_true(admission_relation_valid("nguoi_nuoi_duong"));
	assert_false(admission_relation_valid("ong_ba"));
}

static void test_adding_relatives(void **state)
{
	struct fixture *fx = *state;
	struct actor officer;
	struct case_input in = {.kind = "tham_tra_ly_lich",
	                        .title = "Thẩm tra lý lịch",
	                        .opened = date_days(2024, 1, 2)};
	struct relative_row r = {.relation = "bo", .full_name = "Lò Văn Pánh", .is_member = 1};
	struct relative_list l;
	int64_t id, insp, rid;

	officer = fixture_actor(7, ROLE_OFFICER, fx->tu, CLEARANCE_NORMAL);
	fixture_case_and_inspection(fx, &officer, in, fx->tu, &id, &insp);
	assert_int_equal(relative_add(fx->app, &officer, id, &r, &rid, &fx->e), 0);
	assert_int_equal(relative_add(fx->app, &officer, insp, &r, &rid, &fx->e), HOSO_E_CONFLICT);
	r.relation = "ong_noi";
	assert_int_equal(relative_add(fx->app, &officer, id, &r, &rid, &fx->e), HOSO_E_BAD_ENUM);
	assert_non_null(strstr(err_text_vi(&fx->e), "không thẩm tra ông bà"));
	r.relation = "ban_than";
	r.full_name = "  ";
	assert_int_equal(relative_add(fx->app, &officer, id, &r, &rid, &fx->e), HOSO_E_MISSING);
	r.full_name = "Lò Thị Mai";
	r.is_member = 0;
	r.exempt_reason = "Bố đẻ là đảng viên, lý lịch đầy đủ";
	assert_int_equal(relative_add(fx->app, &officer, id, &r, &rid, &fx->e), 0);
	assert_int_equal(store_relatives_of_case(app_store(fx->app), id, &fx->a, &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[1].exempt_reason, "Bố đẻ là đảng viên, lý lịch đầy đủ");
}

TEST_MAIN(cmocka_unit_test(test_exemption_rules),
          FIXTURE_TEST(test_adding_relatives, fixture_setup))
