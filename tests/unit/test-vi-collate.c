/* Unit tests for src/vi/collate.c: vi_sort_key and vi_person_sort_key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "vi/vi.h"
#include "helpers.h"

/* memcmp order of two keys, shorter first on a common prefix: -1, 0, 1. */
static int keycmp(const struct buf *a, const struct buf *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->buf, b->buf, n);

	if (c)
		return c < 0 ? -1 : 1;
	return a->len < b->len ? -1 : a->len > b->len;
}

static int cmp(const char *x, const char *y)
{
	struct buf a = BUF_INIT(1 << 16), b = BUF_INIT(1 << 16);
	int c;

	assert_int_equal(vi_sort_key(x, strlen(x), &a), 0);
	assert_int_equal(vi_sort_key(y, strlen(y), &b), 0);
	c = keycmp(&a, &b);
	buf_release(&a);
	buf_release(&b);
	return c;
}

/* Each string sorts strictly before the next. */
static void assert_ascending(const char *const *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (cmp(s[i], s[i + 1]) >= 0)
			fail_msg("\"%s\" does not sort before \"%s\"", s[i], s[i + 1]);
}

static void test_alphabet(void **state)
{
	static const char *const alphabet[] = {
	    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m",
	    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
	};
	static const char *const words[] = {
	    "An",  "Anh", "Ánh", "Ăn",   "Ấn",  "Bình", "Dũng", "Dương", "Đào",
	    "Đức", "Em",  "Hoa", "Hùng", "Ông", "Ơn",   "Ủy",   "Ưng",   "Yến",
	};

	(void)state;
	assert_ascending(alphabet, sizeof(alphabet) / sizeof(alphabet[0]));
	/* Letters decide before tones: An < Anh < Ánh (what ICU "vi" gives). */
	assert_ascending(words, sizeof(words) / sizeof(words[0]));
}

static void test_tones(void **state)
{
	/* ICU "vi": ngang, huyền, hỏi, ngã, sắc, nặng. */
	static const char *const ma[] = {"ma", "mà", "mả", "mã", "má", "mạ", "mai"};

	(void)state;
	assert_ascending(ma, sizeof(ma) / sizeof(ma[0]));
	assert_true(cmp("ma", "Ma") < 0); /* case breaks the last ties */
}

static void test_tone_placement(void **state)
{
	(void)state;
	assert_int_equal(cmp("Hòa", "Hoà"), 0);
	assert_int_equal(cmp("Thủy", "Thuỷ"), 0);
	assert_int_equal(cmp("hòe", "hoè"), 0);
	assert_int_equal(cmp("Nguyễn Thị Thủy Hòa", "Nguyễn Thị Thuỷ Hoà"), 0);
	assert_int_equal(cmp("Ho\xCC\x80"
	                     "a",
	                     "Hoà"),
	                 0); /* NFD */
	/* A final consonant fixes the place: only the spelling with it exists. */
	assert_true(cmp("Hoàn", "Hòan") != 0);
	/* qu is an onset: quý keeps its tone on y. */
	assert_true(cmp("Quý", "Qúy") != 0);
	assert_true(cmp("Hoa", "Hoà") < 0);
}

static void test_keys(void **state)
{
	struct buf a = BUF_INIT(1 << 16);

	(void)state;
	assert_int_equal(vi_sort_key("Đức", strlen("Đức"), &a), 0);
	assert_true(a.len > 0);
	assert_non_null(a.buf);
	assert_true(memchr(a.buf, 0, a.len) == NULL);
	assert_int_equal(vi_sort_key("", 0, &a), 0);
	assert_int_equal(vi_sort_key("x\xFF", 2, &a), HOSO_E_NOT_UTF8);
	assert_int_equal(a.len, 0);
	buf_release(&a);
}

static int pcmp(const char *f1, const char *m1, const char *g1, const char *f2, const char *m2,
                const char *g2)
{
	struct buf a = BUF_INIT(1 << 16), b = BUF_INIT(1 << 16);
	int c;

	assert_int_equal(vi_person_sort_key(f1, m1, g1, &a), 0);
	assert_int_equal(vi_person_sort_key(f2, m2, g2, &b), 0);
	c = keycmp(&a, &b);
	buf_release(&a);
	buf_release(&b);
	return c;
}

static void test_person(void **state)
{
	(void)state;
	/* Given name first: An < Bình < Đức. */
	assert_true(pcmp("Trần", "Văn", "An", "Nguyễn", "Thị", "Bình") < 0);
	assert_true(pcmp("Nguyễn", "Thị", "Bình", "Lê", NULL, "Đức") < 0);
	/* Same given name: middle decides, an empty one first. */
	assert_true(pcmp("Nguyễn", "", "An", "Nguyễn", "Văn", "An") < 0);
	assert_true(pcmp("Nguyễn", NULL, "An", "Nguyễn", "Văn", "An") < 0);
	assert_true(pcmp("Trần", "Thị", "An", "Lê", "Văn", "An") < 0);
	/* Same given and middle: family decides. */
	assert_true(pcmp("Lê", "Văn", "An", "Trần", "Văn", "An") < 0);
	/* Letters of all parts before any tone: Àn Nguyễn < An Trần. */
	assert_true(pcmp("Nguyễn", "Văn", "Àn", "Trần", "Văn", "An") < 0);
	assert_true(pcmp("Trần", "Văn", "An", "Trần", "Văn", "Àn") < 0);
	/* A given name that is a prefix of another. */
	assert_true(pcmp("Trần", "", "An", "Trần", "", "Anh") < 0);
	assert_true(pcmp("Đỗ", "", "An", "Trần", "", "Anh") < 0);
	assert_int_equal(pcmp("Lê", "Thị", "Hòa", "Lê", "Thị", "Hoà"), 0);
	assert_int_equal(pcmp(NULL, NULL, NULL, "", "", ""), 0);
}

static void test_person_errors(void **state)
{
	struct buf a = BUF_INIT(1 << 16);

	(void)state;
	assert_int_equal(vi_person_sort_key("L\xC3", "", "An", &a), HOSO_E_NOT_UTF8);
	assert_int_equal(a.len, 0);
	buf_release(&a);
}

/* Threads key at once; each opens its own collator, closed when it exits. */
static void *worker(void *arg)
{
	struct buf a = BUF_INIT(1 << 16), b = BUF_INIT(1 << 16);
	int i, *bad = arg;

	for (i = 0; i < 2000; i++) {
		if (vi_sort_key("Đức", strlen("Đức"), &a) ||
		    vi_sort_key("Dũng", strlen("Dũng"), &b) || keycmp(&b, &a) >= 0)
			*bad = 1;
		if (vi_person_sort_key("Lê", "Văn", "Hòa", &a) != 0)
			*bad = 1;
	}
	buf_release(&a);
	buf_release(&b);
	return NULL;
}

static void test_threads(void **state)
{
	pthread_t t[4];
	int bad[4] = {0, 0, 0, 0}, i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker, &bad[i]), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_int_equal(bad[i], 0);
	}
}

TEST_MAIN(cmocka_unit_test(test_alphabet), cmocka_unit_test(test_tones),
          cmocka_unit_test(test_tone_placement), cmocka_unit_test(test_keys),
          cmocka_unit_test(test_person), cmocka_unit_test(test_person_errors),
          cmocka_unit_test(test_threads))
