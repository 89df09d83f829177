/* Unit tests for src/core/date.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/date.h"
#include "core/err.h"
#include "helpers.h"

static void test_day_numbers_round_trip(void **state)
{
	(void)state;
	assert_int_equal(date_days(1970, 1, 1), 0);
	assert_int_equal(date_days(2000, 3, 1), 11017);
	for (int32_t d = date_days(1800, 1, 1); d < date_days(2201, 1, 1); d += 1) {
		int y, m, dd;

		date_civil(d, &y, &m, &dd);
		assert_true(date_valid(y, m, dd));
		assert_int_equal(date_days(y, m, dd), d);
	}
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(date_days(1970, 1, 1)), 4);
	assert_int_equal(date_weekday(date_days(2025, 7, 1)), 2);  /* Tuesday */
	assert_int_equal(date_weekday(date_days(2024, 2, 10)), 6); /* Saturday */
	assert_int_equal(date_weekday(date_days(1900, 1, 1)), 1);  /* Monday */
}

static void test_iso(void **state)
{
	int32_t d;
	char s[DATE_BUF];

	(void)state;
	assert_int_equal(date_parse_iso("2025-07-01", 10, &d), 0);
	date_format_iso(d, s);
	assert_string_equal(s, "2025-07-01");
	date_format_vn(d, s);
	assert_string_equal(s, "01/07/2025");
	assert_int_equal(date_parse_iso("2025-02-29", 10, &d), HOSO_E_BAD_DATE);
	assert_int_equal(date_parse_iso("2024-02-29", 10, &d), 0);
	assert_int_equal(date_parse_iso("2025-7-01", 9, &d), HOSO_E_BAD_DATE);
	assert_int_equal(date_parse_iso("2025/07/01", 10, &d), HOSO_E_BAD_DATE);
	assert_int_equal(date_parse_iso("+025-07-01", 10, &d), HOSO_E_BAD_DATE);
}

static void check_pdate(const char *in, const char *iso)
{
	struct pdate p;
	char out[DATE_BUF];

	assert_int_equal(pdate_parse(in, strlen(in), &p), 0);
	pdate_format_iso(&p, out);
	assert_string_equal(out, iso);
}

static void test_partial_dates(void **state)
{
	struct pdate p;
	char out[DATE_BUF];

	(void)state;
	check_pdate("15/11/2019", "2019-11-15");
	check_pdate("5/3/1962", "1962-03-05");
	check_pdate("05-03-1962", "1962-03-05");
	check_pdate("05.03.1962", "1962-03-05");
	check_pdate("03/1985", "1985-03");
	check_pdate("1962", "1962");
	check_pdate(" 1962 ", "1962");
	check_pdate("1985-03-12", "1985-03-12");
	check_pdate("1985-03", "1985-03");
	assert_int_equal(pdate_parse("31/02/1990", 10, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("13/1990", 7, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("1700", 4, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("05/03-1962", 10, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("", 0, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("//", 2, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("62", 2, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("00/03/1962", 10, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("1/2/3/4", 7, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("1985/03/12", 10, &p), HOSO_E_BAD_DATE);
	assert_int_equal(pdate_parse("03/1985", 7, &p), 0);
	pdate_format_vn(&p, out);
	assert_string_equal(out, "03/1985");
	assert_false(pdate_is_full(&p));
}

static void test_excel_serial(void **state)
{
	/* serials and their days; 60 is Excel's 29/02/1900, which never was */
	static const struct {
		double serial;
		const char *iso;
	} good[] = {
	    {1, "1900-01-01"}, {61, "1900-03-01"}, {45658, "2025-01-01"}, {45658.75, "2025-01-01"}};
	int32_t d;
	char s[DATE_BUF];

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(date_from_excel_serial(good[i].serial, &d), 0);
		date_format_iso(d, s);
		assert_string_equal(s, good[i].iso);
	}
	assert_int_equal(date_from_excel_serial(60, &d), HOSO_E_BAD_DATE);
	assert_int_equal(date_from_excel_serial(0, &d), HOSO_E_BAD_DATE);
	assert_int_equal(date_from_excel_serial(1e300, &d), HOSO_E_BAD_DATE);
}

static void test_add_years(void **state)
{
	(void)state;
	assert_int_equal(date_add_years(date_days(2019, 12, 31), -5), date_days(2014, 12, 31));
	assert_int_equal(date_add_years(date_days(2024, 2, 29), -1), date_days(2023, 2, 28));
	assert_int_equal(date_add_years(date_days(2020, 10, 14), 5), date_days(2025, 10, 14));
	assert_int_equal(date_add_years(date_days(2020, 2, 29), 4), date_days(2024, 2, 29));
}

TEST_MAIN(cmocka_unit_test(test_day_numbers_round_trip), cmocka_unit_test(test_weekday),
          cmocka_unit_test(test_iso), cmocka_unit_test(test_partial_dates),
          cmocka_unit_test(test_excel_serial), cmocka_unit_test(test_add_years))
