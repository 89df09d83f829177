/*
 * collate.c - binary sort keys under ICU's Vietnamese collation
 * (vi_sort_key, vi_person_sort_key), so the store can ORDER BY a BLOB.
 *
 * Before collation the text is NFC-normalised and its tone placement made
 * canonical: in the open syllables oa, oe and uy the tone goes on the second
 * vowel (the "new" style: hoà, hoè, thuỷ), so hòa/hoà and thủy/thuỷ get
 * one key.  UCollator objects are not thread-safe: each thread opens its
 * own on first use and a pthread key closes it when the thread exits.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>

#include "core/err.h"
#include "vi/vi.h"
#include "vi/viInt.h"

#include "core/banned.h"

static pthread_once_t coll_once = PTHREAD_ONCE_INIT;
static pthread_key_t coll_key;
static _Thread_local UCollator *coll_tl;

static void coll_close(void *p)
{
	ucol_close(p);
}

static void coll_key_make(void)
{
	(void)pthread_key_create(&coll_key, coll_close);
}

/* This thread's Vietnamese collator, or NULL when ICU cannot open one. */
static UCollator *collator(void)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollator *c;

	if (coll_tl)
		return coll_tl;
	pthread_once(&coll_once, coll_key_make);
	c = ucol_open("vi", &st);
	if (U_FAILURE(st)) {
		ucol_close(c);
		return NULL;
	}
	ucol_setStrength(c, UCOL_TERTIARY);
	(void)pthread_setspecific(coll_key, c);
	coll_tl = c;
	return c;
}

static int is_word_char(UChar c)
{
	int8_t t = u_charType(c);

	return u_isalpha(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
	       U16_IS_SURROGATE(c);
}

#define SYL_LETTERS 8

/* Move the tone of one word p[0..n) when it is an open oa/oe/uy syllable. */
static void tone_canon_word(UChar *p, int32_t n)
{
	struct vl l[SYL_LETTERS];
	struct vi_syl syl;
	int32_t i;
	UChar32 a, b;

	if (n > SYL_LETTERS)
		return;
	for (i = 0; i < n; i++)
		if (!vi_letter(p[i], &l[i]))
			return;
	if (!vi_syllable(l, (int)n, &syl) || syl.coda != n || syl.coda - syl.vowel != 2 ||
	    syl.tone_at != syl.vowel)
		return;
	i = syl.vowel;
	if (l[i].mod || l[i + 1].mod)
		return;
	if (!((l[i].base == 'o' && (l[i + 1].base == 'a' || l[i + 1].base == 'e')) ||
	      (l[i].base == 'u' && l[i + 1].base == 'y')))
		return;
	l[i + 1].tone = l[i].tone;
	l[i].tone = VI_TONE_NONE;
	a = vi_letter_compose(&l[i]);
	b = vi_letter_compose(&l[i + 1]);
	if (a && b && a < 0x10000 && b < 0x10000) {
		p[i] = (UChar)a;
		p[i + 1] = (UChar)b;
	}
}

/* Canonical tone placement for every word of NFC text, in place. */
static void tone_canon(UChar *p, int32_t n)
{
	int32_t i = 0, start;

	while (i < n) {
		if (!is_word_char(p[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < n && is_word_char(p[i]))
			i++;
		tone_canon_word(p + start, i - start);
	}
}

/* A byte string with an inline store, like struct ustr. */
struct key {
	uint8_t *p;
	int32_t len; /* including ICU's terminating 0 */
	int32_t cap;
	uint8_t inl[256];
};

static void key_init(struct key *k)
{
	k->p = k->inl;
	k->len = 0;
	k->cap = (int32_t)sizeof(k->inl);
}

static void key_release(struct key *k)
{
	if (k->p != k->inl)
		free(k->p);
	key_init(k);
}

static int key_reserve(struct key *k, int32_t cap)
{
	uint8_t *n;

	if (cap <= k->cap)
		return 0;
	n = malloc((size_t)cap);
	if (!n)
		return HOSO_E_NOMEM;
	if (k->p != k->inl)
		free(k->p);
	k->p = n;
	k->cap = cap;
	return 0;
}

/* The collation key of s[0..len) with its terminator, into k. */
static int key_of(UCollator *coll, const char *s, size_t len, struct key *k)
{
	struct ustr a, b;
	const struct ustr *u = &a;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	int32_t need;
	int r, ascii = 0;

	if (len > VI_MAX_INPUT)
		return HOSO_E_TOO_BIG;
	r = vi_utf8_valid(s, len, &ascii);
	if (r < 0)
		return r;
	if (U_FAILURE(st))
		return HOSO_E_NOMEM;
	ustr_init(&a);
	ustr_init(&b);
	r = ustr_from_utf8(&a, s, len);
	if (r < 0)
		goto out;
	if (!ascii) {
		if (unorm2_spanQuickCheckYes(nfc, a.p, a.len, &st) != a.len) {
			r = ustr_nfc(&b, &a);
			if (r < 0)
				goto out;
			u = &b;
		}
		tone_canon(u->p, u->len);
	}
	need = ucol_getSortKey(coll, u->p, u->len, k->p, k->cap);
	if (need > k->cap) {
		r = key_reserve(k, need);
		if (r < 0)
			goto out;
		need = ucol_getSortKey(coll, u->p, u->len, k->p, k->cap);
	}
	if (need <= 0 || need > k->cap) {
		r = HOSO_E_INVALID;
		goto out;
	}
	k->len = need;
out:
	ustr_release(&a);
	ustr_release(&b);
	return r;
}

int vi_sort_key(const char *s, size_t len, struct buf *out)
{
	UCollator *coll;
	struct key k;
	int r;

	buf_reset(out);
	if (!s && len)
		return HOSO_E_INVALID;
	coll = collator();
	if (!coll)
		return HOSO_E_NOMEM;
	key_init(&k);
	r = key_of(coll, s ? s : "", len, &k);
	if (r == 0)
		r = buf_add(out, k.p, (size_t)k.len - 1);
	if (r < 0)
		buf_reset(out);
	key_release(&k);
	return r;
}

/* dst = src1 and src2 merged level by level (ucol_mergeSortkeys). */
static int key_merge(const struct key *src1, const struct key *src2, struct key *dst)
{
	int32_t n;
	int r = key_reserve(dst, src1->len + src2->len);

	if (r < 0)
		return r;
	n = ucol_mergeSortkeys(src1->p, src1->len, src2->p, src2->len, dst->p, dst->cap);
	if (n <= 0 || n > dst->cap)
		return HOSO_E_INVALID;
	dst->len = n;
	return 0;
}

/*
 * The parts' keys are merged level by level, as ICU does for multi-field
 * keys: all primary weights (given, middle, family, with a 0x02 between
 * them), then all secondary ones (tones), then tertiary (case).  So letters
 * of all three parts decide before any tone does, and an empty middle name
 * sorts before any other.
 */
int vi_person_sort_key(const char *family, const char *middle, const char *given, struct buf *out)
{
	const char *part[3] = {given ? given : "", middle ? middle : "", family ? family : ""};
	struct key k[3], m1, m2;
	UCollator *coll;
	int i, r = 0;

	buf_reset(out);
	coll = collator();
	if (!coll)
		return HOSO_E_NOMEM;
	for (i = 0; i < 3; i++)
		key_init(&k[i]);
	key_init(&m1);
	key_init(&m2);
	for (i = 0; i < 3 && r == 0; i++)
		r = key_of(coll, part[i], strlen(part[i]), &k[i]);
	if (r == 0)
		r = key_merge(&k[0], &k[1], &m1);
	if (r == 0)
		r = key_merge(&m1, &k[2], &m2);
	if (r == 0)
		r = buf_add(out, m2.p, (size_t)m2.len - 1);
	if (r < 0)
		buf_reset(out);
	for (i = 0; i < 3; i++)
		key_release(&k[i]);
	key_release(&m1);
	key_release(&m2);
	return r;
}
