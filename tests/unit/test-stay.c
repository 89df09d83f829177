/* Unit tests for src/app/stay.c: a member's stay abroad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/org.h"
#include "app/patch.h"
#include "app/stay.h"
#include "fixture.h"
#include "store/store.h"

static void test_stay_details(void **state)
{
	struct fixture *fx = *state;
	struct actor officer, viewer;
	struct case_input in = {.kind = "o_nuoc_ngoai",
	                        .subtype = "hoc_tap",
	                        .title = "Đảng viên đi học ở Nga",
	                        .opened = date_days(2024, 9, 1)};
	struct stay_input s = {"Liên bang Nga",       "hoc_tap",
	                       "tu_sinh_hoat",        date_days(2024, 9, 1),
	                       date_days(2028, 7, 1), DATE_NONE};
	struct stay_row got;
	int64_t stay, insp;

	officer = fixture_actor(7, ROLE_OFFICER, fx->tu, CLEARANCE_NORMAL);
	viewer = fixture_actor(8, ROLE_VIEWER, fx->tu, CLEARANCE_NORMAL);
	fixture_case_and_inspection(fx, &officer, in, fx->tu, &stay, &insp);

	assert_int_equal(stay_set(fx->app, &officer, insp, &s, &fx->e), HOSO_E_CONFLICT);
	assert_int_equal(stay_set(fx->app, &viewer, stay, &s, &fx->e), HOSO_E_DENIED);
	s.arrangement = "khong_ro";
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), HOSO_E_BAD_ENUM);
	assert_string_equal(fx->e.field.buf, "arrangement");
	s.arrangement = "tu_sinh_hoat";
	s.expected_end = date_days(2024, 1, 1);
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), HOSO_E_BAD_DATE);
	s.expected_end = date_days(2028, 7, 1);
	s.last_contact = date_days(2024, 1, 1);
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), HOSO_E_BAD_DATE);
	s.last_contact = date_days(2025, 3, 1);
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), 0);
	assert_int_equal(store_stay_get(app_store(fx->app), stay, &fx->a, &got), 0);
	assert_string_equal(got.country, "Liên bang Nga");
	assert_string_equal(got.arrangement, "tu_sinh_hoat");
	assert_int_equal(got.last_contact, date_days(2025, 3, 1));
	assert_int_equal(got.version, 1);

	/* A partial update: the last contact only; the rest stays.  A NULL
	 * clears it; a stale version changes nothing; a required field
	 * cannot be cleared. */
	s = (struct stay_input){.last_contact = date_days(2025, 9, 1),
	                        .sent = PATCH_LISTED | 1u << STAY_LAST_CONTACT,
	                        .version = 1};
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), 0);
	assert_int_equal(store_stay_get(app_store(fx->app), stay, &fx->a, &got), 0);
	assert_string_equal(got.country, "Liên bang Nga");
	assert_string_equal(got.arrangement, "tu_sinh_hoat");
	assert_int_equal(got.expected_end, date_days(2028, 7, 1));
	assert_int_equal(got.last_contact, date_days(2025, 9, 1));
	assert_int_equal(got.version, 2);
	s = (struct stay_input){.arrangement = "chi_bo_tam_thoi",
	                        .sent = PATCH_LISTED | 1u << STAY_ARRANGEMENT,
	                        .version = 1};
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), HOSO_E_CONFLICT);
	s.version = 2;
	s.arrangement = NULL;
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), HOSO_E_MISSING);
	assert_string_equal(fx->e.field.buf, "arrangement");
	s = (struct stay_input){.last_contact = DATE_NONE,
	                        .sent = PATCH_LISTED | 1u << STAY_LAST_CONTACT};
	assert_int_equal(stay_set(fx->app, &officer, stay, &s, &fx->e), 0);
	assert_int_equal(store_stay_get(app_store(fx->app), stay, &fx->a, &got), 0);
	assert_int_equal(got.last_contact, DATE_NONE);
	assert_string_equal(got.arrangement, "tu_sinh_hoat");
	assert_int_equal(got.version, 3);
}

TEST_MAIN(FIXTURE_TEST(test_stay_details, fixture_setup))
