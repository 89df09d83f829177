/* Unit tests for src/core/period.c: report periods by name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/date.h"
#include "core/err.h"
#include "core/period.h"
#include "helpers.h"

static void expect(const char *s, int y1, int m1, int d1, int y2, int m2, int d2)
{
	int32_t f, t;

	if (period_parse(s, strlen(s), &f, &t) != 0)
		fail_msg("'%s' refused", s);
	assert_int_equal(f, date_days(y1, m1, d1));
	assert_int_equal(t, date_days(y2, m2, d2));
}

static void test_period_forms(void **state)
{
	(void)state;
	expect("2019", 2019, 1, 1, 2019, 12, 31);
	expect("2019-Q1", 2019, 1, 1, 2019, 3, 31);
	expect("2019-q4", 2019, 10, 1, 2019, 12, 31);
	expect("2019-H1", 2019, 1, 1, 2019, 6, 30);
	expect("2019-H2", 2019, 7, 1, 2019, 12, 31);
	expect("2019-9M", 2019, 1, 1, 2019, 9, 30);
	expect("2024-02", 2024, 2, 1, 2024, 2, 29); /* a leap year */
	expect("2023-02", 2023, 2, 1, 2023, 2, 28);
	expect("2015-2019", 2015, 1, 1, 2019, 12, 31);
	expect("2011-2020", 2011, 1, 1, 2020, 12, 31);
}

static void test_period_refused(void **state)
{
	const char *bad[] = {"",          "19",      "20190",   "2019-",      "2019-Q5",
	                     "2019-Q0",   "2019-H3", "2019-13", "2019-00",    "2019-8M",
	                     "2019-2015", " 2019",   "2019 ",   "1899",       "2101",
	                     "2019/05",   "2019-5",  "abcd",    "2019-2019-", "2019-Q12"};
	int32_t f, t;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (period_parse(bad[i], strlen(bad[i]), &f, &t) != HOSO_E_BAD_DATE)
			fail_msg("'%s' accepted", bad[i]);
	assert_int_equal(period_parse(NULL, 0, &f, &t), HOSO_E_BAD_DATE);
}

/* A party term by its years; its days come from the recorded congresses. */
static void test_term_names(void **state)
{
	const char *bad[] = {"NK2020-2025 ", "NK2020-2020",
	                     "NK2020-2019",  "NK2020-2026",
	                     "NK2020-2021",  "NK1929-1933",
	                     "NK2099-2102",  "NK2020/2025",
	                     "NK20202025",   "N2020-2025",
	                     "2020-2025",    "NKabcd-2025",
	                     "XK2020-2025",  ""};
	int y1 = 0, y2 = 0;
	int32_t f, t;

	(void)state;
	assert_int_equal(period_parse_term("NK2020-2025", 11, &y1, &y2), 0);
	assert_int_equal(y1, 2020);
	assert_int_equal(y2, 2025);
	assert_int_equal(period_parse_term("nk2017-2020", 11, &y1, &y2), 0);
	assert_int_equal(y1, 2017);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (period_parse_term(bad[i], strlen(bad[i]), &y1, &y2) != HOSO_E_BAD_DATE)
			fail_msg("'%s' accepted as a term", bad[i]);
	assert_int_equal(period_parse_term(NULL, 0, &y1, &y2), HOSO_E_BAD_DATE);
	/* and a term is not a period of whole years */
	assert_int_equal(period_parse("NK2020-2025", 11, &f, &t), HOSO_E_BAD_DATE);
}

TEST_MAIN(cmocka_unit_test(test_period_forms), cmocka_unit_test(test_period_refused),
          cmocka_unit_test(test_term_names))
