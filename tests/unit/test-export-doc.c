/* Unit tests for src/export/doc.c: what every document writer formats alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "export/doc.h"
#include "helpers.h"

static void test_doc_int(void **state)
{
	char s[DOC_INT_MAX];

	(void)state;
	assert_string_equal(doc_int(0, s), "0");
	assert_string_equal(doc_int(7, s), "7");
	assert_string_equal(doc_int(999, s), "999");
	assert_string_equal(doc_int(1000, s), "1.000");
	assert_string_equal(doc_int(2611, s), "2.611");
	assert_string_equal(doc_int(-1234567, s), "-1.234.567");
	assert_string_equal(doc_int(INT64_MAX, s), "9.223.372.036.854.775.807");
	assert_string_equal(doc_int(INT64_MIN, s), "-9.223.372.036.854.775.808");
}

static void test_doc_date(void **state)
{
	char s[DOC_DATE_MAX];

	(void)state;
	assert_string_equal(doc_date(2019, 11, 15, s), "ngày 15 tháng 11 năm 2019");
	assert_string_equal(doc_date(2020, 1, 5, s), "ngày 05 tháng 01 năm 2020");
	assert_string_equal(doc_date(2020, 2, 29, s), "ngày 29 tháng 02 năm 2020");
	assert_string_equal(doc_date(2025, 3, 9, s), "ngày 09 tháng 3 năm 2025");
	assert_string_equal(doc_date(2025, 12, 10, s), "ngày 10 tháng 12 năm 2025");
}

TEST_MAIN(cmocka_unit_test(test_doc_int), cmocka_unit_test(test_doc_date))
