/* Unit tests for src/core/parse.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/err.h"
#include "core/parse.h"
#include "helpers.h"

static int p(const char *s, int64_t min, int64_t max, int64_t *v)
{
	return parse_i64(s, strlen(s), min, max, v);
}

static void test_integers(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(p("0", 0, 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(p("-42", -100, 100, &v), 0);
	assert_int_equal(v, -42);
	assert_int_equal(p("+7", 0, 10, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(p("9223372036854775807", INT64_MIN, INT64_MAX, &v), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(p("-9223372036854775808", INT64_MIN, INT64_MAX, &v), 0);
	assert_true(v == INT64_MIN);
}

static void test_bad_integers(void **state)
{
	int64_t v = 99;

	(void)state;
	assert_int_equal(p("", 0, 10, &v), HOSO_E_BAD_NUMBER);
	assert_int_equal(p("-", 0, 10, &v), HOSO_E_BAD_NUMBER);
	assert_int_equal(p(" 1", 0, 10, &v), HOSO_E_BAD_NUMBER);
	assert_int_equal(p("1x", 0, 10, &v), HOSO_E_BAD_NUMBER);
	assert_int_equal(p("11", 0, 10, &v), HOSO_E_RANGE);
	assert_int_equal(p("-1", 0, 10, &v), HOSO_E_RANGE);
	assert_int_equal(p("9223372036854775808", INT64_MIN, INT64_MAX, &v), HOSO_E_RANGE);
	assert_int_equal(p("99999999999999999999999", INT64_MIN, INT64_MAX, &v), HOSO_E_RANGE);
	assert_int_equal(v, 99);
	assert_int_equal(parse_i64(NULL, 0, 0, 1, &v), HOSO_E_BAD_NUMBER);
}

static void test_trim(void **state)
{
	const char *s = "\xC2\xA0  abc \t\xC2\xA0";
	size_t n = strlen(s);

	(void)state;
	parse_trim(&s, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(s, "abc", 3);
	s = "   ";
	n = 3;
	parse_trim(&s, &n);
	assert_int_equal(n, 0);
	assert_true(parse_all_digits("0123", 4));
	assert_false(parse_all_digits("01a3", 4));
	assert_false(parse_all_digits("", 0));
}

TEST_MAIN(cmocka_unit_test(test_integers), cmocka_unit_test(test_bad_integers),
          cmocka_unit_test(test_trim))
