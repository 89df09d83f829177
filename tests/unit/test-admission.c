/* Unit tests for src/app/admission.c: relatives in scope and exemptions;
 * the outcome, a closed set of codes recorded before concluding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/admission.h"
#include "app/case.h"
#include "app/org.h"
#include "app/patch.h"
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

/* Each outcome's code names it and parses back; others are refused. */
static void test_outcome_codes(void **state)
{
	enum admission_outcome o = ADMISSION_TAM_DUNG;

	(void)state;
	for (int i = 0; i < ADMISSION_OUTCOME__MAX; i++) {
		assert_non_null(admission_outcome_name((enum admission_outcome)i));
		assert_int_equal(
		    admission_outcome_parse(admission_outcome_name((enum admission_outcome)i), &o),
		    0);
		assert_int_equal(o, i);
		assert_string_equal(admission_outcomes.codes[i].code,
		                    admission_outcome_name((enum admission_outcome)i));
	}
	assert_int_equal(admission_outcomes.n, ADMISSION_OUTCOME__MAX);
	assert_string_equal(admission_outcome_name(ADMISSION_BAO_CAO_THUONG_VU),
	                    "bao_cao_thuong_vu");
	assert_null(admission_outcome_name(ADMISSION_OUTCOME__MAX));
	o = ADMISSION_DONG_Y;
	assert_int_equal(admission_outcome_parse("Đồng ý", &o), HOSO_E_BAD_ENUM);
	assert_int_equal(admission_outcome_parse(NULL, &o), HOSO_E_BAD_ENUM);
	assert_int_equal(o, ADMISSION_DONG_Y);
}

static int64_t version_of(struct fixture *fx, int64_t id)
{
	struct case_view v;

	assert_int_equal(case_get(fx->app, &fx->sys, id, &fx->a, &v, &fx->e), 0);
	return v.c.version;
}

/* A conclusion waits for the outcome (the case's type), which is one of
 * the codes; the hold back to checking keeps it. */
static void test_conclusion_needs_an_outcome(void **state)
{
	struct fixture *fx = *state;
	struct actor leader = fixture_actor(8, ROLE_LEADER, fx->tu, CLEARANCE_NORMAL);
	struct case_input in = {.kind = "tham_tra_ly_lich",
	                        .title = "Thẩm tra lý lịch",
	                        .opened = date_days(2024, 1, 2)};
	struct case_edit_input ed = {.sent = PATCH_LISTED | 1u << CASE_SUBTYPE};
	int64_t id, insp;

	fixture_case_and_inspection(fx, &leader, in, fx->tu, &id, &insp);
	assert_int_equal(case_transition(fx->app, &leader, id, "dang_tham_tra", DATE_NONE, NULL,
	                                 NULL, version_of(fx, id), &fx->e),
	                 0);
	assert_int_equal(case_transition(fx->app, &leader, id, "ket_luan", DATE_NONE, NULL,
	                                 "Đủ điều kiện", version_of(fx, id), &fx->e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "subtype");
	assert_non_null(strstr(err_text_vi(&fx->e), "Ghi kết quả thẩm tra"));
	ed.subtype = "dat";
	ed.version = version_of(fx, id);
	assert_int_equal(case_edit(fx->app, &leader, id, &ed, &fx->e), HOSO_E_BAD_ENUM);
	assert_string_equal(fx->e.field.buf, "subtype");
	ed.subtype = "tam_dung";
	assert_int_equal(case_edit(fx->app, &leader, id, &ed, &fx->e), 0);
	assert_int_equal(case_transition(fx->app, &leader, id, "ket_luan", DATE_NONE, NULL,
	                                 "Tạm dừng để thẩm tra thêm", version_of(fx, id), &fx->e),
	                 0);
	assert_int_equal(case_transition(fx->app, &leader, id, "dang_tham_tra", DATE_NONE, NULL,
	                                 NULL, version_of(fx, id), &fx->e),
	                 0);
	ed.subtype = "dong_y";
	ed.version = version_of(fx, id);
	assert_int_equal(case_edit(fx->app, &leader, id, &ed, &fx->e), 0);
	assert_int_equal(case_transition(fx->app, &leader, id, "ket_luan", DATE_NONE, NULL,
	                                 "Đủ điều kiện", version_of(fx, id), &fx->e),
	                 0);
}

TEST_MAIN(cmocka_unit_test(test_exemption_rules), cmocka_unit_test(test_outcome_codes),
          FIXTURE_TEST(test_adding_relatives, fixture_setup),
          FIXTURE_TEST(test_conclusion_needs_an_outcome, fixture_setup))
