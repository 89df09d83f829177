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

/* The parsers refuse days that do not exist, which a lenient parser would
 * roll over into the next month (31/02/2026 as 03/03/2026). */
static void test_impossible_days_refused(void **state)
{
	static const char *const iso[] = {"2026-02-31", "2026-02-29", "2026-04-31", "2026-13-01",
	                                  "2026-00-10", "2026-06-00", "1900-02-29"};
	static const char *const vn[] = {"31/02/2026", "29/02/2026", "31/04/2026", "32/01/2026",
	                                 "01/13/2026", "0/05/2026",  "29/2/2100"};
	struct pdate p;
	int32_t d = 7;

	(void)state;
	for (size_t i = 0; i < sizeof(iso) / sizeof(iso[0]); i++) {
		if (date_parse_iso(iso[i], strlen(iso[i]), &d) != HOSO_E_BAD_DATE)
			fail_msg("%s taken", iso[i]);
		assert_int_equal(d, 7);
	}
	for (size_t i = 0; i < sizeof(vn) / sizeof(vn[0]); i++)
		if (pdate_parse(vn[i], strlen(vn[i]), &p) != HOSO_E_BAD_DATE)
			fail_msg("%s taken", vn[i]);
	assert_int_equal(date_parse_iso("2028-02-29", 10, &d), 0);
	assert_int_equal(pdate_parse("29/02/2000", 10, &p), 0);
}

/* Each rule's range: a fact not after today, a plan at most five years
 * ahead, neither before 1930; a birth from 1900; the messages name the
 * field by its label and give the range in dd/mm/yyyy. */
static void test_date_rules(void **state)
{
	int32_t today = date_days(2026, 5, 20), lo, hi;
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(date_rule_range(DATE_RULE_PAST, today, &lo, &hi), 0);
	assert_int_equal(lo, date_days(1930, 1, 1));
	assert_int_equal(hi, today);
	assert_int_equal(date_rule_range(DATE_RULE_PLAN, today, &lo, &hi), 0);
	assert_int_equal(hi, date_days(2031, 5, 20));
	assert_int_equal(date_rule_range(DATE_RULE_BIRTH, today, &lo, &hi), 0);
	assert_int_equal(lo, date_days(1900, 1, 1));
	assert_int_equal(date_rule_range(DATE_RULE__MAX, today, &lo, &hi), HOSO_E_INVALID);

	assert_int_equal(date_rule_check(DATE_RULE_PAST, today, today, "opened", "Ngày mở hồ sơ",
	                                 "Opening date", &e),
	                 0);
	assert_int_equal(date_rule_check(DATE_RULE_PAST, date_days(2030, 1, 1), today, "opened",
	                                 "Ngày mở hồ sơ", "Opening date", &e),
	                 HOSO_E_RANGE);
	assert_int_equal(e.code, HOSO_E_RANGE);
	assert_string_equal(e.field.buf, "opened");
	assert_string_equal(err_text_vi(&e), "Ngày mở hồ sơ không được sau hôm nay (20/05/2026)");
	assert_string_equal(err_text_en(&e), "Opening date cannot be after today (20/05/2026)");
	assert_int_equal(date_rule_check(DATE_RULE_PAST, date_days(1929, 12, 31), today, "opened",
	                                 "Ngày mở hồ sơ", "Opening date", &e),
	                 HOSO_E_RANGE);
	assert_string_equal(err_text_vi(&e), "Ngày mở hồ sơ phải từ 01/01/1930 đến 20/05/2026");
	assert_string_equal(err_text_en(&e), "Opening date must be from 01/01/1930 to 20/05/2026");
	assert_int_equal(date_rule_check(DATE_RULE_PLAN, date_days(2031, 5, 20), today, "due",
	                                 "Hạn", "Due date", NULL),
	                 0);
	assert_int_equal(date_rule_check(DATE_RULE_PLAN, date_days(2031, 5, 21), today, "due",
	                                 "Hạn", "Due date", &e),
	                 HOSO_E_RANGE);
	assert_string_equal(err_text_vi(&e), "Hạn phải từ 01/01/1930 đến 20/05/2031");
	assert_int_equal(
	    date_rule_check(DATE_RULE_ANY, date_days(9999, 12, 31), today, "to", "Đến", "To", NULL),
	    0);
	assert_int_equal(date_rule_check(DATE_RULE_BIRTH, date_days(1899, 12, 31), today, "b",
	                                 "Ngày sinh", "Birth date", NULL),
	                 HOSO_E_RANGE);
	err_release(&e);
}

TEST_MAIN(cmocka_unit_test(test_day_numbers_round_trip), cmocka_unit_test(test_weekday),
          cmocka_unit_test(test_iso), cmocka_unit_test(test_partial_dates),
          cmocka_unit_test(test_excel_serial), cmocka_unit_test(test_add_years),
          cmocka_unit_test(test_impossible_days_refused), cmocka_unit_test(test_date_rules))
