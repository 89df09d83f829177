/* Unit tests for src/core/buf.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "helpers.h"

static void test_init_is_empty_string(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 100);
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	assert_int_equal(b.len, 0);
	buf_release(&b);
	assert_string_equal(b.buf, "");
}

static void test_append_and_format(void **state)
{
	struct buf b = BUF_INIT(1000);

	(void)state;
	assert_int_equal(buf_adds(&b, "Lò Văn"), 0);
	assert_int_equal(buf_addch(&b, ' '), 0);
	assert_int_equal(buf_addf(&b, "%s-%d", "Muôn", 7), 0);
	assert_string_equal(b.buf, "Lò Văn Muôn-7");
	buf_reset(&b);
	assert_string_equal(b.buf, "");
	buf_release(&b);
}

static void test_cap_is_enforced_and_buffer_kept(void **state)
{
	struct buf b = BUF_INIT(8);

	(void)state;
	assert_int_equal(buf_adds(&b, "12345678"), 0);
	assert_int_equal(buf_adds(&b, "9"), HOSO_E_TOO_BIG);
	assert_string_equal(b.buf, "12345678");
	assert_int_equal(buf_addf(&b, "%d", 1), HOSO_E_TOO_BIG);
	assert_int_equal(b.len, 8);
	buf_release(&b);
}

static void test_grow_many_times(void **state)
{
	struct buf b = BUF_INIT(1 << 20);

	(void)state;
	for (int i = 0; i < 10000; i++)
		assert_int_equal(buf_addch(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 10000);
	assert_int_equal(b.buf[26], 'a');
	assert_int_equal(b.buf[10000], '\0');
	buf_release(&b);
}

static void test_detach_hands_over(void **state)
{
	struct buf b = BUF_INIT(100);
	size_t n;
	char *s;

	(void)state;
	buf_adds(&b, "abc");
	s = buf_detach(&b, &n);
	assert_string_equal(s, "abc");
	assert_int_equal(n, 3);
	assert_string_equal(b.buf, "");
	free(s);
	s = buf_detach(&b, NULL);
	assert_string_equal(s, "");
	free(s);
}

static void test_overflow_of_size_is_refused(void **state)
{
	struct buf b = BUF_INIT((size_t)-1);

	(void)state;
	buf_adds(&b, "x");
	assert_int_equal(buf_grow(&b, (size_t)-1), HOSO_E_TOO_BIG);
	buf_release(&b);
}

TEST_MAIN(cmocka_unit_test(test_init_is_empty_string), cmocka_unit_test(test_append_and_format),
          cmocka_unit_test(test_cap_is_enforced_and_buffer_kept),
          cmocka_unit_test(test_grow_many_times), cmocka_unit_test(test_detach_hands_over),
          cmocka_unit_test(test_overflow_of_size_is_refused))
