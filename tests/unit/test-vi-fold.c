/* Unit tests for src/vi/fold.c: vi_search_key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "vi/vi.h"
#include "helpers.h"

static struct buf key_buf = BUF_INIT(1 << 20);

static const char *key(const char *s)
{
	return text_of(vi_search_key, s, &key_buf);
}

#define assert_key(in, want) assert_string_equal(key(in), want)

static void test_case_and_diacritics(void **state)
{
	(void)state;
	assert_key("Lò Văn Muôn", "lo van muon");
	assert_key("lo van muon", "lo van muon");
	assert_key("LÒ VĂN MUÔN", "lo van muon");
	assert_key("Lo\xCC\x80 Va\xCC\x86n Muo\xCC\x82n", "lo van muon"); /* NFD */
	assert_key("Nguyễn Thị Minh Khai", "nguyen thi minh khai");
	assert_key("Đặng", "dang");
	assert_key("đường ĐẠI CỒ VIỆT", "duong dai co viet");
	assert_key("Ðà Nẵng", "da nang"); /* Eth typed for Đ */
	assert_key("Ｈà Ｎội", "ha noi"); /* fullwidth */
	assert_key("Søren Œuvre Straße", "soren oeuvre strasse");
}

static void test_tone_placement(void **state)
{
	(void)state;
	assert_string_equal(key("Hòa"), "hoa");
	assert_key("Hoà", "hoa");
	assert_key("Thủy", "thuy");
	assert_key("Thuỷ", "thuy");
	assert_key("hòe", "hoe");
	assert_key("hoè", "hoe");
}

static void test_i_y(void **state)
{
	(void)state;
	assert_key("Quý", "qui");
	assert_key("Quí", "qui");
	assert_key("Kỳ", "ki");
	assert_key("Kì", "ki");
	assert_key("Lý Thường Kiệt", "li thuong kiet");
	assert_key("Lí", "li");
	assert_key("Mỹ", "mi");
	assert_key("Sỹ", "si");
	assert_key("Ý", "i");
	assert_key("y tế", "i te");
	assert_key("Huy", "huy");
	assert_key("Hui", "hui");
	assert_key("Thúy", "thuy");
	assert_key("tay", "tay");
	assert_key("Duy", "duy");
	assert_key("uy", "uy");
	assert_key("Nguyễn Quý Kỳ", "nguyen qui ki");
	assert_key("Yến", "yen");
	assert_key("ty", "ti");
	assert_key("Quỳnh", "quynh");
}

static void test_separators(void **state)
{
	(void)state;
	assert_key("", "");
	assert_key("   ", "");
	assert_key("--!!--", "");
	assert_key("  Nguyễn   Văn\tAn  ", "nguyen van an");
	assert_key("H'Hen Niê", "h hen nie");
	assert_key("Y-Moan", "i moan");
	assert_key("Số 12/3, Ngõ 4", "so 12 3 ngo 4");
	assert_key("Nguy\xC2\xAD"
	           "ễn",
	           "nguyen");                      /* soft hyphen vanishes */
	assert_key("Trần\xC2\xA0Phú", "tran phu"); /* no-break space */
	assert_key("Москва Hà", "ha");             /* no ASCII form: separator */
}

static void test_errors(void **state)
{
	static char big[(64 << 10) + 1];
	struct buf small = BUF_INIT(3);

	(void)state;
	assert_int_equal(vi_search_key("ab", 2, &key_buf), 0);
	assert_int_equal(vi_search_key("a\xC0\xAF", 3, &key_buf), HOSO_E_NOT_UTF8);
	assert_int_equal(key_buf.len, 0);
	memset(big, 'a', sizeof(big));
	assert_int_equal(vi_search_key(big, sizeof(big), &key_buf), HOSO_E_TOO_BIG);
	assert_int_equal(vi_search_key("abcdef", 6, &small), HOSO_E_TOO_BIG);
	assert_int_equal(small.len, 0);
	assert_int_equal(vi_search_key("abc", 3, &small), 0);
	assert_string_equal(small.buf, "abc");
	buf_release(&small);
}

static int teardown(void **state)
{
	(void)state;
	buf_release(&key_buf);
	return 0;
}

TEST_MAIN_GROUP(NULL, teardown, cmocka_unit_test(test_case_and_diacritics),
                cmocka_unit_test(test_tone_placement), cmocka_unit_test(test_i_y),
                cmocka_unit_test(test_separators), cmocka_unit_test(test_errors))
