/* Unit tests for src/vi/text.c: vi_check and vi_nfc. */
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

static int check(const char *s)
{
	return vi_check(s, strlen(s));
}

static void test_valid_utf8(void **state)
{
	(void)state;
	assert_int_equal(vi_check(NULL, 0), 0);
	assert_int_equal(check(""), 0);
	assert_int_equal(check("Nguyen Van An\t1\r\n"), 0);
	assert_int_equal(check("Lò Văn Muôn"), 0);
	assert_int_equal(check("Lo\xCC\x80 Va\xCC\x86n Muo\xCC\x82n"), 0); /* NFD */
	assert_int_equal(check("\xF0\x9F\x98\x80 \xE2\x82\xAC \xEF\xBF\xBD"), 0);
	assert_int_equal(check("\xF4\x8F\xBF\xBF"), 0); /* U+10FFFF */
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	assert_int_equal(check("\xC0\xAF"), HOSO_E_NOT_UTF8);         /* overlong / */
	assert_int_equal(check("\xC1\xBF"), HOSO_E_NOT_UTF8);         /* overlong */
	assert_int_equal(check("\xE0\x80\xAF"), HOSO_E_NOT_UTF8);     /* overlong */
	assert_int_equal(check("\xF0\x80\x80\xAF"), HOSO_E_NOT_UTF8); /* overlong */
	assert_int_equal(check("\xED\xA0\x80"), HOSO_E_NOT_UTF8);     /* surrogate */
	assert_int_equal(check("\xF4\x90\x80\x80"), HOSO_E_NOT_UTF8); /* > U+10FFFF */
	assert_int_equal(check("\xF5\x80\x80\x80"), HOSO_E_NOT_UTF8);
	assert_int_equal(check("abc\xE1\xBA"), HOSO_E_NOT_UTF8); /* truncated */
	assert_int_equal(check("\x80"), HOSO_E_NOT_UTF8);
	assert_int_equal(check("a\xE1\x41\x80"), HOSO_E_NOT_UTF8);
	assert_int_equal(check("\xFF\xFE"), HOSO_E_NOT_UTF8);
	assert_int_equal(vi_check("a\0b", 3), HOSO_E_NOT_UTF8);
	assert_int_equal(check("a\x01"
	                       "b"),
	                 HOSO_E_NOT_UTF8);
	assert_int_equal(check("\x1B[0m"), HOSO_E_NOT_UTF8);
	/* Windows-1252 French is not legacy Vietnamese, just not UTF-8. */
	assert_int_equal(check("caf\xE9 cr\xE8me"), HOSO_E_NOT_UTF8);
	assert_int_equal(check("Stra\xDF"
	                       "e M\xFCller"),
	                 HOSO_E_NOT_UTF8);
}

static void test_legacy_mojibake(void **state)
{
	(void)state;
	/* TCVN3 read as Windows-1252, stored as UTF-8. */
	assert_int_equal(check("NguyÔn V¨n Anh"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("§éc lËp - Tù do - H¹nh phóc"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("Hµ Néi"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("TrÇn §øc L\xC2\xAD¬ng"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("V¨n"), HOSO_E_LEGACY_ENCODING);
	/* VNI read as Windows-1252. */
	assert_int_equal(check("Nguyeãn Vaên Anh"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("Vaên"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(check("TRAÀN VAÊN AN"), HOSO_E_LEGACY_ENCODING);
}

static void test_legacy_raw_bytes(void **state)
{
	(void)state;
	assert_int_equal(check("Nguy\xD4n V\xA8n Anh"), HOSO_E_LEGACY_ENCODING);   /* TCVN3 */
	assert_int_equal(check("H\xB5 N\xE9i"), HOSO_E_LEGACY_ENCODING);           /* TCVN3 */
	assert_int_equal(check("Nguye\xE3n Va\xEAn Anh"), HOSO_E_LEGACY_ENCODING); /* VNI */
}

static void test_not_legacy(void **state)
{
	static const char *const ok[] = {
	    "Nguyễn Văn Anh",
	    "NGUYỄN VĂN ÁNH",
	    "Lò Văn Muôn, Hòa Bình",
	    "Thủy Thuỷ Hòa Hoà Hóa Hoá Quý Kỳ Đức Huế Khuỷu",
	    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc",
	    "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A\xCC\x81nh", /* NFD */
	    "Ho\xCC\x80"
	    "a Bi\xCC\x80nh",
	    "Ðà Nẵng", /* Eth typed for Đ */
	    "H'Hen Niê, Y-Moan Ê Ban, Ksor H'Bia",
	    "café crème",
	    "naïve Zoë à la carte",
	    "Raúl García, José María",
	    "Où est le goût ?",
	    "Müller, Straße, Søren Kierkegaard",
	    "Le Cœur a ses raisons",
	    "© Công ty ABC 2024",
	    "Kích thước 5 µm, 25°C, ½ kg",
	    "Crème brûlée à Paris, déjà vu",
	    "São Paulo, João, Leão",
	    "Noël, Raphaël, Israël",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		int r = check(ok[i]);
		if (r != 0)
			fail_msg("flagged %d: %s", r, ok[i]);
	}
}

static void test_nfc(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	static const char nfd[] = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A\xCC\x81nh";

	(void)state;
	assert_int_equal(vi_nfc(nfd, strlen(nfd), &b), 0);
	assert_string_equal(b.buf, "Nguyễn Văn Ánh");
	assert_int_equal(vi_nfc("Nguyễn", strlen("Nguyễn"), &b), 0);
	assert_string_equal(b.buf, "Nguyễn");
	assert_int_equal(vi_nfc("plain", 5, &b), 0);
	assert_string_equal(b.buf, "plain");
	assert_int_equal(vi_nfc("", 0, &b), 0);
	assert_string_equal(b.buf, "");
	/* Errors leave no partial output. */
	assert_int_equal(vi_nfc("abc", 3, &b), 0);
	assert_int_equal(vi_nfc("a\xFF", 2, &b), HOSO_E_NOT_UTF8);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.buf, "");
	assert_int_equal(vi_nfc("NguyÔn V¨n Anh", strlen("NguyÔn V¨n Anh"), &b),
	                 HOSO_E_LEGACY_ENCODING);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void test_nfc_limits(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct buf small = BUF_INIT(4);
	static char big[(64 << 10) + 1];
	size_t i;

	(void)state;
	memset(big, 'a', sizeof(big));
	assert_int_equal(vi_nfc(big, sizeof(big), &b), HOSO_E_TOO_BIG);
	assert_int_equal(vi_nfc(big, sizeof(big) - 1, &b), 0);
	assert_int_equal(b.len, sizeof(big) - 1);
	/* Long non-ASCII text goes past the inline scratch. */
	buf_reset(&b);
	for (i = 0; i < 3000; i++)
		assert_int_equal(buf_adds(&b, "a\xCC\x80"), 0);
	{
		struct buf o = BUF_INIT(1 << 20);
		assert_int_equal(vi_nfc(b.buf, b.len, &o), 0);
		assert_int_equal(o.len, 3000 * 2);
		buf_release(&o);
	}
	assert_int_equal(vi_nfc("Nguyễn", strlen("Nguyễn"), &small), HOSO_E_TOO_BIG);
	assert_int_equal(small.len, 0);
	buf_release(&small);
	buf_release(&b);
}

static void test_vi_upper(void **state)
{
	struct buf b = BUF_INIT(1 << 16);
	const char *in = "Đảng bộ tỉnh Điện Biên — ủy ban kiểm tra ỹ ẳ";

	(void)state;
	assert_int_equal(vi_upper(in, strlen(in), &b), 0);
	assert_string_equal(b.buf, "ĐẢNG BỘ TỈNH ĐIỆN BIÊN — ỦY BAN KIỂM TRA Ỹ Ẳ");
	/* Decomposed input comes out composed. */
	assert_int_equal(vi_upper("ti\xcc\x89nh", 6, &b), 0);
	assert_string_equal(b.buf, "TỈNH");
	assert_int_equal(vi_upper("\xff", 1, &b), HOSO_E_NOT_UTF8);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

TEST_MAIN(cmocka_unit_test(test_vi_upper), cmocka_unit_test(test_valid_utf8),
          cmocka_unit_test(test_invalid_utf8), cmocka_unit_test(test_legacy_mojibake),
          cmocka_unit_test(test_legacy_raw_bytes), cmocka_unit_test(test_not_legacy),
          cmocka_unit_test(test_nfc), cmocka_unit_test(test_nfc_limits))
