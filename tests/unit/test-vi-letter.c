/* Unit tests for src/vi/letter.c: letters and syllables (internal API). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vi/viInt.h"
#include "helpers.h"

static void test_letters(void **state)
{
	struct vl l;

	(void)state;
	assert_int_equal(vi_letter(0x1EC5, &l), 1); /* ễ */
	assert_int_equal(l.base, 'e');
	assert_int_equal(l.mod, VI_MOD_CIRC);
	assert_int_equal(l.tone, VI_TONE_NGA);
	assert_int_equal(l.upper, 0);
	assert_int_equal(vi_letter(0x1EA0, &l), 1); /* Ạ */
	assert_int_equal(l.base, 'a');
	assert_int_equal(l.tone, VI_TONE_NANG);
	assert_int_equal(l.upper, 1);
	assert_int_equal(vi_letter(0x0110, &l), 1); /* Đ */
	assert_int_equal(l.mod, VI_MOD_STROKE);
	assert_int_equal(vi_letter(0x01B0, &l), 1); /* ư */
	assert_int_equal(l.mod, VI_MOD_HORN);
	assert_int_equal(vi_letter('Q', &l), 1);
	assert_int_equal(l.base, 'q');
	assert_int_equal(vi_letter(0x00EB, &l), 0); /* ë is not Vietnamese */
	assert_int_equal(vi_letter(0x00F1, &l), 0); /* ñ */
	assert_int_equal(vi_letter('1', &l), 0);
	assert_int_equal(vi_letter(0x0430, &l), 0);
	l = (struct vl){'u', VI_MOD_HORN, VI_TONE_SAC, 1};
	assert_int_equal(vi_letter_compose(&l), 0x1EE8); /* Ứ */
	l = (struct vl){'a', VI_MOD_NONE, VI_TONE_HUYEN, 0};
	assert_int_equal(vi_letter_compose(&l), 0x00E0); /* à */
	l = (struct vl){'e', VI_MOD_NONE, 0, 0};
	assert_int_equal(vi_letter_add_mark(&l, 0x0302), 1);
	assert_int_equal(vi_letter_add_mark(&l, 0x0301), 1);
	assert_int_equal(vi_letter_add_mark(&l, 0x0300), 0); /* a second tone */
	assert_int_equal(vi_letter_compose(&l), 0x1EBF);     /* ế */
	l = (struct vl){'o', VI_MOD_NONE, 0, 0};
	assert_int_equal(vi_letter_add_mark(&l, 0x0306), 0); /* no breve on o */
	l = (struct vl){'n', VI_MOD_NONE, 0, 0};
	assert_int_equal(vi_letter_add_mark(&l, 0x0301), 0); /* no tone on n */
}

/* Whether UTF-8 s is one syllable. */
static int syl(const char *s, struct vi_syl *ret)
{
	struct vl l[16];
	size_t i = 0, len = strlen(s);
	int n = 0;

	while (i < len && n < 16)
		if (!vi_letter(vi_utf8_next(s, len, &i), &l[n++]))
			return 0;
	return vi_syllable(l, n, ret);
}

static void test_syllables(void **state)
{
	static const char *const good[] = {
	    "a",     "ơ",   "ở",    "an",    "nguyễn", "nghiêng", "khuỷu", "quốc", "quý",   "gì",
	    "giếng", "gia", "hoà",  "hòa",   "thuở",   "rượu",    "khuya", "hoặc", "xoong", "đường",
	    "Việt",  "NAM", "tuân", "ngoẹo", "Huế",    "lý",      "the",   "le",
	};
	static const char *const bad[] = {
	    "",  "nguyeãn", "ngh", "xyz", "café", "est", "and",  "bánhs",   "qa",
	    "q", "hoáà",    "ăo",  "fan", "Néi",  "brr", "aaaa", "nguyễnn",
	};
	struct vi_syl r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!syl(good[i], NULL))
			fail_msg("not a syllable: %s", good[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (syl(bad[i], NULL))
			fail_msg("a syllable: %s", bad[i]);
	assert_true(syl("thuỷ", &r));
	assert_int_equal(r.vowel, 2);
	assert_int_equal(r.coda, 4);
	assert_int_equal(r.tone_at, 3);
	assert_true(syl("quý", &r));
	assert_int_equal(r.vowel, 2);
	assert_true(syl("giường", &r));
	assert_int_equal(r.vowel, 2);
	assert_int_equal(r.coda, 4);
	assert_true(syl("gìn", &r));
	assert_int_equal(r.vowel, 1);
}

TEST_MAIN(cmocka_unit_test(test_letters), cmocka_unit_test(test_syllables))
