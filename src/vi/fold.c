/*
 * fold.c - search keys (vi_search_key): what a person types into a search
 * box and what is stored must meet, whatever the case, diacritics, tone
 * placement or i/y spelling.
 *
 * Each code point is folded on its own: NFKD (so fullwidth letters and
 * ligatures count), combining marks dropped, đ/Đ folded to d, lower case,
 * ASCII letters and digits kept; anything else separates words.  The fold
 * of every code point below U+2000 (Latin, the Vietnamese block U+1Exx) is
 * computed once into a table; higher ones ask ICU each time.  Letters of
 * other scripts (Greek, Cyrillic, CJK) have no ASCII form and act as
 * separators.  Then each word gets the i/y rule, see iy_rule().
 */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "core/err.h"
#include "vi/vi.h"
#include "vi/viInt.h"

#include "core/banned.h"

/* How one code point folds: n ASCII bytes in c, or one of these. */
#define FOLD_SEP  0xFF /* separates words */
#define FOLD_DROP 0    /* vanishes (marks, invisible characters) */
#define FOLD_TAB  0x2000

struct fold {
	uint8_t n;
	char c[3];
};

static struct fold fold_tab[FOLD_TAB];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* Letters NFKD leaves alone but readers take for ASCII ones. */
static const struct {
	UChar32 c;
	const char *ascii;
} fold_extra[] = {
    {0x0110, "d"},  /* Đ */
    {0x0111, "d"},  /* đ */
    {0x00D0, "d"},  /* Ð, often typed for Đ */
    {0x00F0, "d"},  /* ð */
    {0x0189, "d"},  /* Ɖ */
    {0x0256, "d"},  /* ɖ */
    {0x00D8, "o"},  /* Ø */
    {0x00F8, "o"},  /* ø */
    {0x00C6, "ae"}, /* Æ */
    {0x00E6, "ae"}, /* æ */
    {0x0152, "oe"}, /* Œ */
    {0x0153, "oe"}, /* œ */
    {0x00DF, "ss"}, /* ß */
    {0x1E9E, "ss"}, /* ẞ */
    {0x0141, "l"},  /* Ł */
    {0x0142, "l"},  /* ł */
    {0x00DE, "th"}, /* Þ */
    {0x00FE, "th"}, /* þ */
    {0x0131, "i"},  /* ı */
};

static int fold_extra_find(UChar32 c, struct fold *ret)
{
	size_t i;

	for (i = 0; i < sizeof(fold_extra) / sizeof(fold_extra[0]); i++) {
		if (fold_extra[i].c == c) {
			ret->n = (uint8_t)strlen(fold_extra[i].ascii);
			memcpy(ret->c, fold_extra[i].ascii, ret->n);
			return 1;
		}
	}
	return 0;
}

static int is_dropped(UChar32 c)
{
	int8_t t = u_charType(c);

	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK ||
	       u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/* The fold of one non-ASCII code point, asking ICU. */
static struct fold fold_slow(UChar32 c)
{
	struct fold f = {FOLD_SEP, {0, 0, 0}};
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&st);
	UChar d[16];
	int32_t n, i = 0;

	if (fold_extra_find(c, &f))
		return f;
	if (is_dropped(c)) {
		f.n = FOLD_DROP;
		return f;
	}
	if (U_FAILURE(st))
		return f;
	n = unorm2_getDecomposition(nfkd, c, d, 16, &st);
	if (U_FAILURE(st) || n <= 0)
		return f;
	f.n = 0;
	while (i < n) {
		UChar32 x;
		struct fold e;

		U16_NEXT(d, i, n, x);
		if (x < 0x80 && (u_isalnum(x))) {
			if (f.n == 3)
				goto sep;
			f.c[f.n++] = (char)(x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x);
		} else if (fold_extra_find(x, &e)) {
			if (f.n + e.n > 3)
				goto sep;
			memcpy(f.c + f.n, e.c, e.n);
			f.n = (uint8_t)(f.n + e.n);
		} else if (!is_dropped(x)) {
			goto sep;
		}
	}
	return f;
sep:
	f.n = FOLD_SEP;
	return f;
}

static void fold_build(void)
{
	UChar32 c;

	for (c = 0; c < 0x80; c++) {
		struct fold *f = &fold_tab[c];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			*f = (struct fold){1, {(char)c, 0, 0}};
		} else if (c >= 'A' && c <= 'Z') {
			*f = (struct fold){1, {(char)(c - 'A' + 'a'), 0, 0}};
		} else {
			f->n = FOLD_SEP;
		}
	}
	for (c = 0x80; c < FOLD_TAB; c++)
		fold_tab[c] = fold_slow(c);
}

/* Onsets after which a lone y is the vowel i (ky = ki, quy = qui). */
static const char *const iy_onsets[] = {
    "",    "b",  "c", "ch", "d", "g",  "gh", "gi", "h", "k",  "kh", "l", "m", "n",  "ng",
    "ngh", "nh", "p", "ph", "q", "qu", "r",  "s",  "t", "th", "tr", "v", "x", NULL,
};

/*
 * The i/y rule: a word that is an onset and then y alone spells the vowel i,
 * written either way ("quý"/"quí", "kỳ"/"kì", "lý"/"lí", "Mỹ"/"Mĩ"): make it
 * i.  Where y follows another vowel ("huy", "thuy", "tay", "duy") it is a
 * different sound and stays.
 */
static void iy_rule(char *w, size_t n)
{
	const char *const *o;

	if (n == 0 || w[n - 1] != 'y' || n > 4)
		return;
	for (o = iy_onsets; *o; o++) {
		if (strlen(*o) == n - 1 && memcmp(*o, w, n - 1) == 0) {
			w[n - 1] = 'i';
			return;
		}
	}
}

/* Append c to out without the NUL terminator bookkeeping; 0 or HOSO_E_*. */
static inline int put(struct buf *out, char c)
{
	if (out->len + 2 > out->alloc) {
		int r = buf_grow(out, 1);
		if (r < 0)
			return r;
	}
	out->buf[out->len++] = c;
	return 0;
}

int vi_search_key(const char *s, size_t len, struct buf *out)
{
	size_t i = 0, word = 0;
	int r, in_word = 0;

	buf_reset(out);
	if (!s && len)
		return HOSO_E_INVALID;
	if (len > VI_MAX_INPUT)
		return HOSO_E_TOO_BIG;
	r = vi_utf8_valid(s, len, NULL);
	if (r < 0)
		return r;
	pthread_once(&fold_once, fold_build);
	(void)buf_grow(out, len + 8); /* the key is rarely longer; put() copes when it is */
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		struct fold f;
		int k;

		if (b < 0x80) {
			f = fold_tab[b];
			i++;
		} else {
			UChar32 c = vi_utf8_next(s, len, &i);
			f = c < FOLD_TAB ? fold_tab[c] : fold_slow(c);
		}
		if (f.n == FOLD_SEP) {
			if (in_word)
				iy_rule(out->buf + word, out->len - word);
			in_word = 0;
			continue;
		}
		if (f.n == FOLD_DROP)
			continue;
		if (!in_word) {
			if (out->len && (r = put(out, ' ')) < 0)
				goto fail;
			word = out->len;
			in_word = 1;
		}
		for (k = 0; k < f.n; k++)
			if ((r = put(out, f.c[k])) < 0)
				goto fail;
	}
	if (in_word)
		iy_rule(out->buf + word, out->len - word);
	out->buf[out->len] = '\0';
	return 0;
fail:
	buf_reset(out);
	return r;
}
