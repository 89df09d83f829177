/* Unit tests for src/cal/holiday.c: statutory holidays and shipped entries. */
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

static void test_kind_names(void **state)
{
	enum cal_entry_kind k;
	int i;

	(void)state;
	for (i = 0; i < CAL_ENTRY__MAX; i++) {
		const char *s = cal_entry_kind_name((enum cal_entry_kind)i);

		assert_non_null(s);
		assert_int_equal(cal_entry_kind_parse(s, &k), 0);
		assert_int_equal(k, i);
	}
	assert_string_equal(cal_entry_kind_name(CAL_NOT_OFF), "not_off");
	assert_null(cal_entry_kind_name(CAL_ENTRY__MAX));
	assert_int_equal(cal_entry_kind_parse("Off", &k), HOSO_E_BAD_ENUM);
	assert_int_equal(cal_entry_kind_parse(NULL, &k), HOSO_E_BAD_ENUM);
}

static const struct cal_entry *find(const struct cal_entry *e, size_t n, int32_t day)
{
	for (size_t i = 0; i < n; i++)
		if (e[i].day == day)
			return &e[i];
	return NULL;
}

static void test_default_entries(void **state)
{
	size_t n, i;
	const struct cal_entry *e = cal_default_entries(&n), *x;

	(void)state;
	assert_true(n > 50);
	for (i = 0; i < n; i++) {
		int y, m, d;

		assert_true(e[i].kind < CAL_ENTRY__MAX);
		assert_non_null(e[i].name);
		assert_non_null(e[i].source);
		assert_true(e[i].source[0] != '\0');
		assert_true(i == 0 || e[i].day > e[i - 1].day); /* sorted, one a day */
		date_civil(e[i].day, &y, &m, &d);
		assert_true(y >= 2014 && y <= 2026);
		/* Make-up days are Saturdays, and nothing else is a working entry. */
		if (e[i].kind == CAL_WORK_DAY)
			assert_int_equal(date_weekday(e[i].day), 6);
	}
	/* The compile-time day numbers agree with date_days(). */
	x = find(e, n, date_days(2024, 2, 8));
	assert_non_null(x);
	assert_int_equal(x->kind, CAL_DAY_OFF);
	assert_string_equal(x->source, "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023");
	x = find(e, n, date_days(2024, 5, 4));
	assert_non_null(x);
	assert_int_equal(x->kind, CAL_WORK_DAY);
	assert_non_null(find(e, n, date_days(2014, 12, 27)));
	assert_non_null(find(e, n, date_days(2026, 2, 22)));
	assert_null(find(e, n, date_days(2024, 2, 15)));
}

struct want {
	int m, d;
	enum cal_entry_kind kind;
};

static void expect_year(const struct cal *c, int year, const struct want *w, size_t nw)
{
	struct cal_holiday *h;
	size_t n, i;

	assert_int_equal(cal_holidays(c, year, &h, &n), 0);
	for (i = 0; i < n && i < nw; i++) {
		if (h[i].day != date_days(year, w[i].m, w[i].d) || h[i].kind != w[i].kind) {
			char s[DATE_BUF];

			date_format_iso(h[i].day, s);
			fail_msg("%d row %zu: got %s kind %d, want %02d-%02d kind %d", year, i, s,
			         h[i].kind, w[i].m, w[i].d, w[i].kind);
		}
		assert_non_null(h[i].name);
		assert_non_null(h[i].source);
	}
	assert_int_equal(n, nw);
	free(h);
}

/* expect_year on a calendar holding the default entries. */
static void expect_default_year(int year, const struct want *w, size_t nw)
{
	struct cal *c = cal_new();
	size_t n;
	const struct cal_entry *e = cal_default_entries(&n);

	assert_int_equal(cal_set_entries(c, e, n), 0);
	expect_year(c, year, w, nw);
	cal_free(c);
}

#define OFF(m, d)                                                                                  \
	{                                                                                          \
		m, d, CAL_DAY_OFF                                                                  \
	}
#define WORK(m, d)                                                                                 \
	{                                                                                          \
		m, d, CAL_WORK_DAY                                                                 \
	}

static void test_statutory_2024(void **state)
{
	struct cal *c = cal_new();
	static const struct want w[] = {
	    OFF(1, 1),  OFF(2, 9),  OFF(2, 10), OFF(2, 11), OFF(2, 12),
	    OFF(2, 13), OFF(2, 14), OFF(2, 15), /* compensating 10/2, 11/2 */
	    OFF(4, 18), OFF(4, 30), OFF(5, 1),  OFF(9, 2),  OFF(9, 3),
	};
	struct cal_holiday *h;
	size_t n;

	(void)state;
	assert_non_null(c);
	expect_year(c, 2024, w, sizeof(w) / sizeof(w[0]));
	assert_int_equal(cal_holidays(c, 2024, &h, &n), 0);
	assert_string_equal(h[0].source, "Bộ luật Lao động 2019, Điều 112");
	assert_string_equal(h[0].name, "Tết Dương lịch");
	free(h);
	assert_int_equal(cal_holidays(c, 1899, &h, &n), HOSO_E_RANGE);
	assert_null(h);
	cal_free(c);
}

static void test_statutory_2023(void **state)
{
	struct cal *c = cal_new();
	static const struct want w[] = {
	    OFF(1, 1),
	    OFF(1, 2), /* Sunday: compensated Monday */
	    OFF(1, 21),
	    OFF(1, 22),
	    OFF(1, 23),
	    OFF(1, 24),
	    OFF(1, 25),
	    OFF(1, 26),
	    OFF(1, 27),
	    /* Giỗ Tổ on Saturday 29/4, 30/4 on Sunday: 2/5 and 3/5. */
	    OFF(4, 29),
	    OFF(4, 30),
	    OFF(5, 1),
	    OFF(5, 2),
	    OFF(5, 3),
	    /* 2/9 on Saturday: 1/9 adjacent, Monday 4/9 compensates. */
	    OFF(9, 1),
	    OFF(9, 2),
	    OFF(9, 4),
	};

	(void)state;
	expect_year(c, 2023, w, sizeof(w) / sizeof(w[0]));
	cal_free(c);
}

static void test_statutory_before_2021(void **state)
{
	struct cal *c = cal_new();
	/* 2019: 1/1 Tue; Tết 5/2 Tue (4/2..8/2); Giỗ Tổ 14/4 Sun -> 15/4;
	 * 30/4 Tue, 1/5 Wed; 2/9 Mon alone. */
	static const struct want w[] = {
	    OFF(1, 1),  OFF(2, 4),  OFF(2, 5),  OFF(2, 6), OFF(2, 7), OFF(2, 8),
	    OFF(4, 14), OFF(4, 15), OFF(4, 30), OFF(5, 1), OFF(9, 2),
	};

	(void)state;
	expect_year(c, 2019, w, sizeof(w) / sizeof(w[0]));
	cal_free(c);
}

static void test_announced_2024(void **state)
{
	static const struct want w[] = {
	    OFF(1, 1),  OFF(2, 8),  OFF(2, 9),  OFF(2, 10), OFF(2, 11), OFF(2, 12),
	    OFF(2, 13), OFF(2, 14), OFF(4, 18), OFF(4, 29), OFF(4, 30), OFF(5, 1),
	    WORK(5, 4), OFF(8, 31), OFF(9, 1),  OFF(9, 2),  OFF(9, 3),
	};

	(void)state;
	expect_default_year(2024, w, sizeof(w) / sizeof(w[0]));
}

static void test_announced_2025(void **state)
{
	/* Tết 25/1..2/2 with no compensation on 3/2; Giỗ Tổ 7/4 Mon; 26/4 Sat
	 * worked for 2/5; 2/9 Tue with 1/9. */
	static const struct want w[] = {
	    OFF(1, 1),  OFF(1, 25), OFF(1, 26), OFF(1, 27), OFF(1, 28),  OFF(1, 29), OFF(1, 30),
	    OFF(1, 31), OFF(2, 1),  OFF(2, 2),  OFF(4, 7),  WORK(4, 26), OFF(4, 30), OFF(5, 1),
	    OFF(5, 2),  OFF(8, 30), OFF(8, 31), OFF(9, 1),  OFF(9, 2),
	};

	(void)state;
	expect_default_year(2025, w, sizeof(w) / sizeof(w[0]));
}

static void test_not_off(void **state)
{
	struct cal *c = cal_new();
	char name[] = "Làm việc ngày 30/4 (thử)";
	struct cal_entry e[] = {
	    {date_days(2024, 4, 30), CAL_NOT_OFF, name, NULL},
	};
	struct cal_holiday *h;
	size_t n, i;

	(void)state;
	assert_int_equal(cal_is_workday(c, date_days(2024, 4, 30)), 0);
	assert_int_equal(cal_set_entries(c, e, 1), 0);
	memset(name, 'x', sizeof(name) - 1); /* the calendar holds a copy */
	assert_int_equal(cal_is_workday(c, date_days(2024, 4, 30)), 1);
	assert_int_equal(cal_holidays(c, 2024, &h, &n), 0);
	for (i = 0; i < n && h[i].day != date_days(2024, 4, 30); i++)
		;
	assert_true(i < n);
	assert_int_equal(h[i].kind, CAL_NOT_OFF);
	assert_string_equal(h[i].name, "Làm việc ngày 30/4 (thử)");
	assert_string_equal(h[i].source, "");
	free(h);
	cal_free(c);
}

TEST_MAIN(cmocka_unit_test(test_kind_names), cmocka_unit_test(test_default_entries),
          cmocka_unit_test(test_statutory_2024), cmocka_unit_test(test_statutory_2023),
          cmocka_unit_test(test_statutory_before_2021), cmocka_unit_test(test_announced_2024),
          cmocka_unit_test(test_announced_2025), cmocka_unit_test(test_not_off))
