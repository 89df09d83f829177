/* Unit tests for src/core/err.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/err.h"
#include "helpers.h"

static void test_every_code_has_name_and_messages(void **state)
{
	(void)state;
	for (int c = 0; c > HOSO_E__MIN; c--) {
		assert_string_not_equal(err_name(c), "unknown");
		assert_true(strlen(err_message_vi(c)) > 0);
		assert_true(strlen(err_message_en(c)) > 0);
		/* names are unique */
		for (int d = c - 1; d > HOSO_E__MIN; d--)
			assert_string_not_equal(err_name(c), err_name(d));
	}
	assert_string_equal(err_name(HOSO_E__MIN), "unknown");
	assert_string_equal(err_name(5), "unknown");
}

static void test_set_detail(void **state)
{
	struct err e;

	(void)state;
	err_init(&e);
	assert_string_equal(err_text_vi(&e), "Thành công");
	assert_int_equal(err_set(&e, HOSO_E_BAD_DATE, "ngay_sinh", "Ngày sinh '%s' không hợp lệ",
	                         "Birth date '%s' is invalid", "31/02/1990"),
	                 HOSO_E_BAD_DATE);
	assert_string_equal(e.field.buf, "ngay_sinh");
	assert_string_equal(err_text_vi(&e), "Ngày sinh '31/02/1990' không hợp lệ");
	assert_string_equal(err_text_en(&e), "Birth date '31/02/1990' is invalid");
	err_clear(&e);
	assert_int_equal(e.code, 0);
	err_set(&e, HOSO_E_BAD_CCCD, NULL, NULL, NULL);
	assert_string_equal(err_text_vi(&e), err_message_vi(HOSO_E_BAD_CCCD));
	err_release(&e);
	assert_int_equal(err_set(NULL, HOSO_E_IO, NULL, NULL, NULL), HOSO_E_IO);
}

static void test_long_detail_is_cut_on_utf8_boundary(void **state)
{
	struct err e;
	struct buf big = BUF_INIT(1 << 20);

	(void)state;
	err_init(&e);
	for (int i = 0; i < 3000; i++)
		buf_adds(&big, "ệ");
	err_set(&e, HOSO_E_INVALID, NULL, "%s", "%s", big.buf);
	assert_true(e.msg_vi.len <= e.msg_vi.max);
	assert_true(e.msg_vi.len % 3 == 0);
	buf_release(&big);
	err_release(&e);
}

TEST_MAIN(cmocka_unit_test(test_every_code_has_name_and_messages),
          cmocka_unit_test(test_set_detail),
          cmocka_unit_test(test_long_detail_is_cut_on_utf8_boundary))
