/* Unit tests for src/vi/name.c: vi_name_split and vi_name_normalise. */
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

static struct buf fam = BUF_INIT(1 << 16), mid = BUF_INIT(1 << 16), giv = BUF_INIT(1 << 16);

static int split(const char *s)
{
	return vi_name_split(s, strlen(s), &fam, &mid, &giv);
}

/* Names and the family, middle and given names they split into. */
static const struct split_case {
	const char *name, *family, *middle, *given;
} splits[] = {
    {"Nguyễn Văn An", "Nguyễn", "Văn", "An"},
    {"Mùa A Vảng", "Mùa", "A", "Vảng"},
    {"Tôn Nữ Thị Hà", "Tôn Nữ", "Thị", "Hà"},
    {"Tôn Thất Thuyết", "Tôn Thất", "", "Thuyết"},
    {"Âu Dương Minh Châu", "Âu Dương", "Minh", "Châu"},
    {"Nguyễn Phúc Thịnh", "Nguyễn", "Phúc", "Thịnh"},
    {"Tôn Đức Thắng", "Tôn", "Đức", "Thắng"},
    {"Tôn Nữ", "Tôn", "", "Nữ"}, /* two words: family + given */
    {"An", "", "", "An"},
    {"Lê Lợi", "Lê", "", "Lợi"},
    {"  Nguyễn \t Thị  Minh   Khai ", "Nguyễn", "Thị Minh", "Khai"},
    {"Trần\xC2\xA0Hưng Đạo", "Trần", "Hưng", "Đạo"},
    {"H'Hen Niê", "H'Hen", "", "Niê"},
    {"Y-Moan Ê Ban", "Y-Moan", "Ê", "Ban"},
    {"Ksor H’Bia", "Ksor", "", "H’Bia"},
    {"Nguye\xCC\x82\xCC\x83n An", "Nguye\xCC\x82\xCC\x83n", "", "An"},
};

static void test_split(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(splits) / sizeof(splits[0]); i++) {
		const struct split_case *c = &splits[i];
		int r = split(c->name);

		if (r != 0)
			fail_msg("split(%s) = %d", c->name, r);
		assert_string_equal(fam.buf, c->family);
		assert_string_equal(mid.buf, c->middle);
		assert_string_equal(giv.buf, c->given);
	}
}

static void test_split_rejects(void **state)
{
	(void)state;
	assert_int_equal(split(""), HOSO_E_BAD_NAME);
	assert_int_equal(giv.len, 0);
	assert_int_equal(split("   "), HOSO_E_BAD_NAME);
	assert_int_equal(split("Lò Văn Muôn 2"), HOSO_E_BAD_NAME);
	assert_int_equal(split("Nguyễn Văn A1"), HOSO_E_BAD_NAME);
	assert_int_equal(split("- '"), HOSO_E_BAD_NAME);
	assert_int_equal(split("Nguyễn - An"), HOSO_E_BAD_NAME);
	assert_int_equal(split("Nguyễn, An"), HOSO_E_BAD_NAME);
	assert_int_equal(split("An\x01"), HOSO_E_NOT_UTF8);
	assert_int_equal(split("Nguy\xC3"), HOSO_E_NOT_UTF8);
	assert_int_equal(split("NguyÔn V¨n Anh"), HOSO_E_LEGACY_ENCODING);
	assert_int_equal(vi_name_split(NULL, 0, &fam, &mid, &giv), HOSO_E_BAD_NAME);
	/* No partial output after an error. */
	assert_int_equal(split("Nguyễn Văn An"), 0);
	assert_int_equal(split("Nguyễn Văn 3"), HOSO_E_BAD_NAME);
	assert_int_equal(fam.len + mid.len + giv.len, 0);
}

static struct buf norm = BUF_INIT(1 << 16);

static const char *normalise(const char *s)
{
	return text_of(vi_name_normalise, s, &norm);
}

static void test_normalise(void **state)
{
	(void)state;
	assert_string_equal(normalise("nguyễn  văn AN"), "Nguyễn Văn An");
	assert_string_equal(normalise("  LÒ VĂN MUÔN "), "Lò Văn Muôn");
	assert_string_equal(normalise("đặng thùy trâm"), "Đặng Thùy Trâm");
	assert_string_equal(normalise("ĐỖ MƯỜI"), "Đỗ Mười");
	assert_string_equal(normalise("h'hen niê"), "H'Hen Niê");
	assert_string_equal(normalise("y-moan ê ban"), "Y-Moan Ê Ban");
	assert_string_equal(normalise("nguye\xCC\x82\xCC\x83n"), "Nguyễn"); /* NFD in, NFC out */
	assert_string_equal(normalise("ưng"), "Ưng");
	assert_string_equal(normalise(""), "");
	/* Tone placement is the writer's: kept as typed. */
	assert_string_equal(normalise("hòa"), "Hòa");
	assert_string_equal(normalise("hoà"), "Hoà");
	assert_string_equal(normalise("ǆuro ǉubović"), "ǅuro ǈubović");
	assert_string_equal(normalise("ǅuro ǈubović"), "ǅuro ǈubović");
	assert_int_equal(vi_name_normalise("a\xFF", 2, &norm), HOSO_E_NOT_UTF8);
	assert_int_equal(norm.len, 0);
}

static int teardown(void **state)
{
	(void)state;
	buf_release(&fam);
	buf_release(&mid);
	buf_release(&giv);
	buf_release(&norm);
	return 0;
}

TEST_MAIN_GROUP(NULL, teardown, cmocka_unit_test(test_split), cmocka_unit_test(test_split_rejects),
                cmocka_unit_test(test_normalise))
