/*
 * Unit tests for src/cal/lunar.c: examples, and every day 1901..2100
 * against the independent table in tests/data/lunar/months.txt (generated
 * from @dqcai/vn-lunar, see gen-reference.mjs) with the deliberate
 * differences of tests/data/lunar/differences.txt.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cal/cal.h"
#include "core/date.h"
#include "core/err.h"
#include "helpers.h"

static int32_t tet(int y)
{
	struct lunar_date l = {y, 1, 1, 0};
	int32_t d = 0;

	assert_int_equal(cal_lunar_to_solar(&l, &d), 0);
	return d;
}

static void test_tet(void **state)
{
	(void)state;
	assert_int_equal(tet(1985), date_days(1985, 1, 21)); /* China: 20/02 */
	assert_int_equal(tet(2007), date_days(2007, 2, 17)); /* China: 18/02 */
	assert_int_equal(tet(2024), date_days(2024, 2, 10));
	assert_int_equal(tet(2025), date_days(2025, 1, 29));
	assert_int_equal(tet(2026), date_days(2026, 2, 17));
	assert_int_equal(tet(1968), date_days(1968, 1, 29)); /* North: UTC+7 */
	assert_int_equal(tet(1900), date_days(1900, 1, 31));
}

static void test_leap_months(void **state)
{
	(void)state;
	assert_int_equal(cal_leap_month(2020), 4);
	assert_int_equal(cal_leap_month(2023), 2);
	assert_int_equal(cal_leap_month(2025), 6);
	assert_int_equal(cal_leap_month(2024), 0);
	assert_int_equal(cal_leap_month(1899), 0);
	assert_int_equal(cal_leap_month(2101), 0);
}

static void check(int y, int m, int d, int ly, int lm, int ld, int leap)
{
	struct lunar_date l;
	int32_t back;

	assert_int_equal(cal_solar_to_lunar(date_days(y, m, d), &l), 0);
	assert_int_equal(l.year, ly);
	assert_int_equal(l.month, lm);
	assert_int_equal(l.day, ld);
	assert_int_equal(l.leap, leap);
	assert_int_equal(cal_lunar_to_solar(&l, &back), 0);
	assert_int_equal(back, date_days(y, m, d));
}

static void test_examples(void **state)
{
	(void)state;
	check(2024, 2, 9, 2023, 12, 30, 0); /* 30 Tết Quý Mão */
	check(2024, 4, 18, 2024, 3, 10, 0); /* Giỗ Tổ 2024 */
	check(2023, 3, 22, 2023, 2, 1, 1);  /* 1/2 nhuận Quý Mão */
	check(2023, 12, 25, 2023, 11, 13, 0);
	check(2025, 7, 25, 2025, 6, 1, 1); /* 1/6 nhuận Ất Tỵ */
	check(2020, 5, 23, 2020, 4, 1, 1); /* 1/4 nhuận Canh Tý */
	check(1900, 1, 31, 1900, 1, 1, 0);
	check(2100, 12, 31, 2100, 12, 1, 0);
}

static void test_bad_dates(void **state)
{
	struct lunar_date l = {2024, 3, 10, 1};
	struct lunar_date r;
	int32_t d;
	/* dates that are not, and dates out of the range 1900..2100 (2100-12-31
	 * is 1/12; 2/12 of 2100 is past it) */
	static const struct {
		struct lunar_date l;
		int code;
	} bad[] = {
	    {{2024, 1, 30, 0}, HOSO_E_BAD_DATE}, {{2024, 13, 1, 0}, HOSO_E_BAD_DATE},
	    {{2024, 1, 0, 0}, HOSO_E_BAD_DATE},  {{2024, 1, 1, 2}, HOSO_E_BAD_DATE},
	    {{1899, 12, 1, 0}, HOSO_E_RANGE},    {{2101, 1, 1, 0}, HOSO_E_RANGE},
	    {{2100, 12, 2, 0}, HOSO_E_RANGE},
	};

	(void)state;
	/* Leap flag on a month that is not leap. */
	assert_int_equal(cal_lunar_to_solar(&l, &d), HOSO_E_BAD_DATE);
	/* Month 12 of Quý Mão has 30 days, month 1 of Giáp Thìn 29. */
	assert_int_equal(cal_lunar_month_days(2023, 12, 0), 30);
	assert_int_equal(cal_lunar_month_days(2024, 1, 0), 29);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(cal_lunar_to_solar(&bad[i].l, &d), bad[i].code);
	assert_int_equal(cal_solar_to_lunar(date_days(1900, 1, 30), &r), HOSO_E_RANGE);
	assert_int_equal(cal_solar_to_lunar(date_days(2101, 1, 1), &r), HOSO_E_RANGE);
}

/* One reference month start. */
struct ref {
	int32_t start;
	int year, month, leap;
};

static FILE *open_data(const char *name)
{
	const char *dir = getenv("HOSO_TESTDATA");
	char path[4096];
	FILE *f;

	assert_non_null(dir);
	assert_true(snprintf(path, sizeof(path), "%s/lunar/%s", dir, name) < (int)sizeof(path));
	f = fopen(path, "r");
	assert_non_null(f);
	return f;
}

static int32_t parse_iso(const char *s)
{
	int32_t d;

	assert_int_equal(date_parse_iso(s, 10, &d), 0);
	return d;
}

static size_t load_reference(struct ref *v, size_t cap)
{
	FILE *f = open_data("months.txt");
	FILE *g = open_data("differences.txt");
	char line[256], a[16], b[16];
	size_t n = 0, i, fixed = 0;

	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#')
			continue;
		assert_true(n < cap);
		assert_int_equal(
		    sscanf(line, "%10s %d %d %d", a, &v[n].year, &v[n].month, &v[n].leap), 4);
		v[n].start = parse_iso(a);
		assert_true(n == 0 || v[n].start > v[n - 1].start);
		n++;
	}
	fclose(f);
	while (fgets(line, sizeof(line), g)) {
		int32_t from, to;

		if (line[0] == '#')
			continue;
		assert_int_equal(sscanf(line, "%10s %10s", a, b), 2);
		from = parse_iso(a);
		to = parse_iso(b);
		for (i = 0; i < n && v[i].start != from; i++)
			;
		assert_true(i < n);
		v[i].start = to;
		fixed++;
	}
	fclose(g);
	assert_int_equal(fixed, 6);
	return n;
}

static void test_reference_every_day(void **state)
{
	static struct ref v[3000];
	size_t n = load_reference(v, 3000), i = 0;
	int32_t first = date_days(1901, 1, 1), last = date_days(2100, 12, 31), d;
	long days = 0, months = 0;

	(void)state;
	assert_true(n > 2480);
	for (d = first; d <= last; d++) {
		struct lunar_date l, want;
		int32_t back;

		while (v[i + 1].start <= d)
			i++;
		want.year = v[i].year;
		want.month = v[i].month;
		want.day = (int)(d - v[i].start) + 1;
		want.leap = v[i].leap;
		assert_int_equal(cal_solar_to_lunar(d, &l), 0);
		if (l.year != want.year || l.month != want.month || l.day != want.day ||
		    l.leap != want.leap) {
			char s[DATE_BUF];

			date_format_iso(d, s);
			fail_msg("%s: hoso %d/%d/%d%s, reference %d/%d/%d%s", s, l.year, l.month,
			         l.day, l.leap ? "L" : "", want.year, want.month, want.day,
			         want.leap ? "L" : "");
		}
		assert_int_equal(cal_lunar_to_solar(&want, &back), 0);
		assert_int_equal(back, d);
		if (want.day == 1) {
			int len = (int)(v[i + 1].start - v[i].start);

			months++;
			assert_int_equal(cal_lunar_month_days(want.year, want.month, want.leap),
			                 len);
			if (len == 29) {
				want.day = 30;
				assert_int_equal(cal_lunar_to_solar(&want, &back), HOSO_E_BAD_DATE);
			}
			want.day = 1;
			want.leap = !want.leap;
			if (cal_leap_month(want.year) != want.month)
				assert_int_equal(cal_lunar_to_solar(&want, &back), HOSO_E_BAD_DATE);
		}
		days++;
	}
	assert_int_equal(days, 73049);
	assert_true(months > 2470);
}

TEST_MAIN(cmocka_unit_test(test_tet), cmocka_unit_test(test_leap_months),
          cmocka_unit_test(test_examples), cmocka_unit_test(test_bad_dates),
          cmocka_unit_test(test_reference_every_day))
