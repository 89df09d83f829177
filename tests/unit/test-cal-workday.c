/* Unit tests for src/cal/workday.c: working days, deadlines, pauses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cal/cal.h"
#include "core/date.h"
#include "core/err.h"
#include "helpers.h"

static int setup(void **state)
{
	struct cal *c = cal_new();
	size_t n;
	const struct cal_entry *e = cal_default_entries(&n);

	if (!c || cal_set_entries(c, e, n) != 0)
		return -1;
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	cal_free(*state);
	return 0;
}

#define D(y, m, d) date_days(y, m, d)

static void test_is_workday(void **state)
{
	const struct cal *c = *state;
	struct cal *plain = cal_new();

	assert_int_equal(cal_is_workday(c, D(2024, 2, 7)), 1);
	assert_int_equal(cal_is_workday(c, D(2024, 2, 8)), 0);
	assert_int_equal(cal_is_workday(c, D(2024, 2, 15)), 1);     /* announced span */
	assert_int_equal(cal_is_workday(plain, D(2024, 2, 15)), 0); /* rules alone */
	assert_int_equal(cal_is_workday(c, D(2024, 4, 29)), 0);     /* swapped off */
	assert_int_equal(cal_is_workday(c, D(2024, 5, 4)), 1);      /* make-up Saturday */
	assert_int_equal(cal_is_workday(c, D(2024, 5, 5)), 0);
	assert_int_equal(cal_is_workday(c, D(2024, 9, 3)), 0);
	assert_int_equal(cal_is_workday(c, D(1850, 1, 1)), 1); /* outside: Mon-Fri */
	cal_free(plain);
}

static int32_t add(const struct cal *c, int32_t from, int n)
{
	int32_t r = 0;

	assert_int_equal(cal_add_workdays(c, from, n, NULL, 0, &r), 0);
	return r;
}

static void test_add_across_tet(void **state)
{
	const struct cal *c = *state;

	/* Re-entry on Wednesday 7/2/2024; Tết 8..14/2; 7 working days. */
	assert_int_equal(add(c, D(2024, 2, 7), 7), D(2024, 2, 23));
	assert_int_equal(add(c, D(2024, 2, 7), 1), D(2024, 2, 15));
	/* Across 30/4: Friday 26/4 + 1 = Thursday 2/5, +2 = Saturday 4/5. */
	assert_int_equal(add(c, D(2024, 4, 26), 1), D(2024, 5, 2));
	assert_int_equal(add(c, D(2024, 4, 26), 3), D(2024, 5, 4));
}

static void test_add_across_national_day(void **state)
{
	const struct cal *c = *state;

	assert_int_equal(add(c, D(2024, 8, 30), 1), D(2024, 9, 4));
	assert_int_equal(add(c, D(2025, 8, 29), 1), D(2025, 9, 3));
}

static void test_add_edges(void **state)
{
	const struct cal *c = *state;
	struct cal_pause bad = {D(2024, 3, 5), D(2024, 3, 4)};
	int32_t r;

	assert_int_equal(add(c, D(2024, 2, 7), 0), D(2024, 2, 7));
	assert_int_equal(add(c, D(2024, 2, 10), 0), D(2024, 2, 15)); /* from a holiday */
	assert_int_equal(add(c, D(2024, 2, 10), 1), D(2024, 2, 15));
	assert_int_equal(cal_add_workdays(c, D(2100, 12, 28), 5, NULL, 0, &r), HOSO_E_RANGE);
	assert_int_equal(cal_add_workdays(c, D(2100, 12, 25), 100000, NULL, 0, &r), HOSO_E_RANGE);
	assert_int_equal(cal_add_workdays(c, D(1899, 12, 31), 1, NULL, 0, &r), HOSO_E_RANGE);
	assert_int_equal(cal_add_workdays(c, D(2024, 1, 2), -1, NULL, 0, &r), HOSO_E_INVALID);
	assert_int_equal(cal_add_workdays(c, D(2024, 1, 2), 1, &bad, 1, &r), HOSO_E_INVALID);
	assert_int_equal(cal_add_workdays(c, D(2024, 1, 2), 1, NULL, 1, &r), HOSO_E_INVALID);
}

static void test_pauses(void **state)
{
	const struct cal *c = *state;
	struct cal_pause p[] = {
	    {D(2024, 3, 4), D(2024, 3, 8)},  /* a whole week */
	    {D(2024, 3, 7), D(2024, 3, 12)}, /* overlapping: to Tuesday 12/3 */
	};
	int32_t r;
	int n;

	/* Friday 1/3 + 5: Wed 13 .. Tue 19/3. */
	assert_int_equal(cal_add_workdays(c, D(2024, 3, 1), 5, p, 2, &r), 0);
	assert_int_equal(r, D(2024, 3, 19));
	assert_int_equal(cal_add_workdays(c, D(2024, 3, 1), 5, p, 1, &r), 0);
	assert_int_equal(r, D(2024, 3, 15));
	/* n = 0 inside a pause: the first counting day after it. */
	assert_int_equal(cal_add_workdays(c, D(2024, 3, 5), 0, p, 2, &r), 0);
	assert_int_equal(r, D(2024, 3, 13));
	assert_int_equal(cal_count_workdays(c, D(2024, 3, 1), D(2024, 3, 19), p, 2, &n), 0);
	assert_int_equal(n, 5);
	assert_int_equal(cal_count_workdays(c, D(2024, 3, 19), D(2024, 3, 1), p, 2, &n), 0);
	assert_int_equal(n, -5);
}

static void test_count(void **state)
{
	const struct cal *c = *state;
	int n;

	assert_int_equal(cal_count_workdays(c, D(2024, 2, 7), D(2024, 2, 23), NULL, 0, &n), 0);
	assert_int_equal(n, 7);
	assert_int_equal(cal_count_workdays(c, D(2024, 2, 23), D(2024, 2, 7), NULL, 0, &n), 0);
	assert_int_equal(n, -7);
	assert_int_equal(cal_count_workdays(c, D(2024, 2, 7), D(2024, 2, 7), NULL, 0, &n), 0);
	assert_int_equal(n, 0);
	/* 2024: 366 days - 104 weekend days - 12 weekday holidays (1/1;
	 * 8, 9, 12, 13, 14/2; 18/4; 29/4; 30/4; 1/5; 2/9; 3/9) + 1 make-up
	 * Saturday (4/5) = 251. */
	assert_int_equal(cal_count_workdays(c, D(2023, 12, 31), D(2024, 12, 31), NULL, 0, &n), 0);
	assert_int_equal(n, 251);
	assert_int_equal(cal_count_workdays(c, D(2024, 1, 1), D(2101, 1, 1), NULL, 0, &n),
	                 HOSO_E_RANGE);
}

static void test_add_count_agree(void **state)
{
	const struct cal *c = *state;
	int32_t from = D(2014, 12, 20), r;
	int k, n;

	for (k = 0; k < 600; k++) {
		assert_int_equal(cal_add_workdays(c, from, k, NULL, 0, &r), 0);
		assert_int_equal(cal_is_workday(c, r), 1);
		assert_int_equal(cal_count_workdays(c, from, r, NULL, 0, &n), 0);
		assert_int_equal(n, k == 0 ? (r != from) : k);
	}
}

static void test_set_entries_invalid(void **state)
{
	struct cal *c = cal_new();
	struct cal_entry dup[] = {
	    {D(2024, 3, 4), CAL_DAY_OFF, "a", ""},
	    {D(2024, 3, 4), CAL_WORK_DAY, "b", ""},
	};
	struct cal_entry noname[] = {{D(2024, 3, 4), CAL_DAY_OFF, NULL, ""}};
	struct cal_entry badkind[] = {{D(2024, 3, 4), CAL_ENTRY__MAX, "a", ""}};

	(void)state;
	assert_int_equal(cal_set_entries(c, dup, 2), HOSO_E_INVALID);
	assert_int_equal(cal_set_entries(c, noname, 1), HOSO_E_INVALID);
	assert_int_equal(cal_set_entries(c, badkind, 1), HOSO_E_INVALID);
	assert_int_equal(cal_set_entries(c, NULL, 1), HOSO_E_INVALID);
	assert_int_equal(cal_is_workday(c, D(2024, 3, 4)), 1); /* unchanged */
	assert_int_equal(cal_set_entries(c, dup, 1), 0);
	assert_int_equal(cal_is_workday(c, D(2024, 3, 4)), 0);
	assert_int_equal(cal_set_entries(c, NULL, 0), 0);
	assert_int_equal(cal_is_workday(c, D(2024, 3, 4)), 1);
	cal_free(c);
	cal_free(NULL);
}

TEST_MAIN_GROUP(setup, teardown, cmocka_unit_test(test_is_workday),
                cmocka_unit_test(test_add_across_tet),
                cmocka_unit_test(test_add_across_national_day), cmocka_unit_test(test_add_edges),
                cmocka_unit_test(test_pauses), cmocka_unit_test(test_count),
                cmocka_unit_test(test_add_count_agree), cmocka_unit_test(test_set_entries_invalid))
