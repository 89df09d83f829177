/*
 * name.c - Vietnamese personal names: split into family / middle / given
 * (vi_name_split) and the canonical display form (vi_name_normalise).
 *
 * A name is words of letters (any script, with combining marks), joined
 * inside a word by apostrophes or hyphens as in the names of the Central
 * Highlands peoples ("H'Hen Niê", "Y-Moan Ê Ban").  Digits, other
 * punctuation, symbols and controls make it HOSO_E_BAD_NAME.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "core/err.h"
#include "vi/vi.h"
#include "vi/viInt.h"

#include "core/banned.h"

static int is_space(UChar32 c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 ||
	       (c >= 0x80 && u_isUWhiteSpace(c));
}

/* Characters that join the parts of one word: ' ’ ʼ - ‐ ‑. */
static int is_joiner(UChar32 c)
{
	return c == '\'' || c == 0x2019 || c == 0x02BC || c == '-' || c == 0x2010 || c == 0x2011;
}

static int is_mark(UChar32 c)
{
	int8_t t = u_charType(c);

	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/*
 * Two-word family names (as search keys, so "Ton That" without diacritics
 * counts too).  "Nguyễn Phúc" is left out on purpose: most people so named
 * today have Phúc as a middle name.
 */
static const char *const compound_family[] = {
    "ton that", "ton nu", "au duong", "tu ma", "gia cat", NULL,
};

struct word {
	size_t start, end; /* bytes of the word in the input */
};

/* The next word of validated s at or after *pos; returns 0 when none is left. */
static int next_word(const char *s, size_t len, size_t *pos, struct word *w)
{
	size_t i = *pos;

	while (i < len) {
		size_t at = i;

		if (is_space(vi_utf8_next(s, len, &i)))
			continue;
		w->start = at;
		while (i < len) {
			size_t here = i;

			if (is_space(vi_utf8_next(s, len, &i))) {
				i = here;
				break;
			}
		}
		w->end = i;
		*pos = i;
		return 1;
	}
	*pos = len;
	return 0;
}

/* Check the characters of s; *ret_words is the number of words.  0 or HOSO_E_BAD_NAME. */
static int name_scan(const char *s, size_t len, size_t *ret_words)
{
	size_t i = 0, words = 0;
	int in_word = 0, letter = 0;

	for (;;) {
		int end = i >= len;
		UChar32 c = end ? ' ' : vi_utf8_next(s, len, &i);

		if (is_space(c)) {
			if (in_word && !letter)
				return HOSO_E_BAD_NAME;
			words += (size_t)in_word;
			in_word = letter = 0;
			if (end)
				break;
			continue;
		}
		in_word = 1;
		if (u_isalpha(c))
			letter = 1;
		else if (!is_mark(c) && !is_joiner(c))
			return HOSO_E_BAD_NAME;
	}
	*ret_words = words;
	return words ? 0 : HOSO_E_BAD_NAME;
}

/* Append words [from, to) of s to out, one space apart. */
static int add_words(const char *s, size_t len, size_t from, size_t to, struct buf *out)
{
	struct word w;
	size_t k, pos = 0;
	int r;

	for (k = 0; k < to && next_word(s, len, &pos, &w); k++) {
		if (k < from)
			continue;
		if (k > from && (r = buf_addch(out, ' ')) < 0)
			return r;
		if ((r = buf_add(out, s + w.start, w.end - w.start)) < 0)
			return r;
	}
	return 0;
}

static int is_compound_family(const char *s, size_t len)
{
	struct word w1, w2;
	struct buf key = BUF_INIT(256);
	const char *const *c;
	size_t pos = 0;
	int found = 0;

	if (!next_word(s, len, &pos, &w1) || !next_word(s, len, &pos, &w2))
		return 0;
	if (vi_search_key(s + w1.start, w2.end - w1.start, &key) == 0)
		for (c = compound_family; *c && !found; c++)
			found = strcmp(key.buf, *c) == 0;
	buf_release(&key);
	return found;
}

int vi_name_split(const char *full, size_t len, struct buf *family, struct buf *middle,
                  struct buf *given)
{
	size_t words = 0, fam = 0;
	int r;

	buf_reset(family);
	buf_reset(middle);
	buf_reset(given);
	if (len > VI_MAX_INPUT)
		return HOSO_E_TOO_BIG;
	if (!full)
		return len ? HOSO_E_INVALID : HOSO_E_BAD_NAME;
	r = vi_check(full, len);
	if (r < 0)
		return r;
	r = name_scan(full, len, &words);
	if (r < 0)
		return r;
	if (words >= 2)
		fam = words >= 3 && is_compound_family(full, len) ? 2 : 1;
	r = add_words(full, len, 0, fam, family);
	if (r == 0)
		r = add_words(full, len, fam, words - 1, middle);
	if (r == 0)
		r = add_words(full, len, words - 1, words, given);
	if (r < 0) {
		buf_reset(family);
		buf_reset(middle);
		buf_reset(given);
	}
	return r;
}

/*
 * Title-case src into dst: a capital at the start of each word and after
 * an apostrophe or hyphen inside it ("H'Hen", "Y-Moan"), small letters
 * elsewhere; runs of white space become one space, none at the ends.
 */
static int title_case(const struct ustr *src, struct ustr *dst)
{
	int32_t i = 0, o = 0;
	int cap_next = 1, space = 0, r;

	r = ustr_reserve(dst, src->len + 2);
	if (r < 0)
		return r;
	while (i < src->len) {
		UChar32 c, m;
		UBool err = 0;

		U16_NEXT(src->p, i, src->len, c);
		if (is_space(c)) {
			space = o > 0;
			cap_next = 1;
			continue;
		}
		if (space) {
			dst->p[o++] = ' ';
			space = 0;
		}
		if (is_joiner(c)) {
			m = c;
			cap_next = 1;
		} else if (is_mark(c)) {
			m = c;
		} else if (u_isalpha(c)) {
			m = cap_next ? u_totitle(c) : u_tolower(c);
			cap_next = 0;
		} else {
			m = c;
			cap_next = 0;
		}
		dst->len = o;
		if (dst->cap - o < 2 && (r = ustr_reserve(dst, dst->cap * 2)) < 0)
			return r;
		U16_APPEND(dst->p, o, dst->cap, m, err);
		if (err)
			return HOSO_E_INVALID;
	}
	dst->len = o;
	return 0;
}

int vi_name_normalise(const char *s, size_t len, struct buf *out)
{
	struct ustr a, b;
	int r;

	buf_reset(out);
	if (len > VI_MAX_INPUT)
		return HOSO_E_TOO_BIG;
	r = vi_check(s, len);
	if (r < 0)
		return r;
	if (!s)
		return 0;
	ustr_init(&a);
	ustr_init(&b);
	r = ustr_from_utf8(&a, s, len);
	if (r == 0)
		r = ustr_nfc(&b, &a);
	if (r == 0)
		r = title_case(&b, &a);
	/* Case mapping can undo composition (rarely): normalise once more. */
	if (r == 0)
		r = ustr_nfc(&b, &a);
	if (r == 0)
		r = ustr_to_buf(b.p, b.len, out);
	if (r < 0)
		buf_reset(out);
	ustr_release(&a);
	ustr_release(&b);
	return r;
}
