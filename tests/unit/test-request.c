/* Unit tests for src/http/request.c: media types and query arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "http/request.h"
#include "helpers.h"

static void test_media_type(void **state)
{
	(void)state;
	assert_true(request_media_is_json("application/json"));
	assert_true(request_media_is_json("APPLICATION/JSON"));
	assert_true(request_media_is_json("Application/Json; charset=UTF-8"));
	assert_true(request_media_is_json("application/json;charset=\"utf-8\""));
	assert_true(request_media_is_json("  application/json ; foo=bar"));
	assert_false(request_media_is_json("application/jsonx"));
	assert_false(request_media_is_json("application/json-patch+json"));
	assert_false(request_media_is_json("text/json"));
	assert_false(request_media_is_json("application/jso"));
	assert_false(request_media_is_json("application/json; charset=latin1"));
	assert_false(request_media_is_json("application/json; charset"));
	assert_false(request_media_is_json("application/json; charset=\"utf-8"));
	assert_false(request_media_is_json("application/json x"));
	assert_false(request_media_is_json(""));
	assert_false(request_media_is_json(NULL));
}

static void test_value(void **state)
{
	(void)state;
	assert_true(request_value_ok("5", 1));
	assert_true(request_value_ok("", 0));
	assert_true(request_value_ok("lò văn muôn", strlen("lò văn muôn")));
	assert_false(request_value_ok("5\0", 2)); /* limit=5%00 */
	assert_false(request_value_ok("a\nb", 3));
	assert_false(request_value_ok("\x7f", 1));
	assert_false(request_value_ok("\xc3", 1));         /* cut short */
	assert_false(request_value_ok("\xc0\xaf", 2));     /* overlong */
	assert_false(request_value_ok("\xed\xa0\x80", 3)); /* a surrogate */
	assert_false(request_value_ok("\xc2\x85", 2));     /* C1 control (NEL) */
	assert_false(request_value_ok("\xf4\x90\x80\x80", 4));
	assert_true(request_value_ok("\xf0\x9f\x98\x80", 4));
}

TEST_MAIN(cmocka_unit_test(test_media_type), cmocka_unit_test(test_value))
