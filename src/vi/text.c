/*
 * text.c - is this Vietnamese text, and its NFC form (vi_check, vi_nfc).
 *
 * Strict UTF-8 validation is done here by hand (ICU's converters are lenient
 * and slow for the all-ASCII case).  On top of it sits a heuristic for text
 * in the legacy encodings TCVN3 (ABC) and VNI, which old Excel files still
 * carry: read as Windows-1252, they turn Vietnamese letters into Latin-1
 * characters ("NguyÔn V¨n Anh" for "Nguyễn Văn Anh" in TCVN3, "Nguyeãn Vaên"
 * in VNI).
 *
 * The heuristic, word by word (a word is a run of letters and non-ASCII
 * characters): a word containing a Latin-1 character U+00A1..U+00FE is
 * EVIDENCE when it is not a well-formed Vietnamese syllable as written but
 * becomes one when read back as TCVN3 or as VNI.  Evidence is STRONG when
 * the TCVN3 reading needed a Latin-1 symbol (§ ¨ © ¬ ® ¸ ¹ ...: never part
 * of a real word) or the VNI reading needed one of the marks â ê å ä ø after
 * a vowel (no Western language writes those pairs).  Other words are GOOD
 * (a Vietnamese syllable, an ASCII syllable) or BAD (anything else: English
 * or French words, numbers aside).  The text is legacy when there is strong
 * evidence at least as often as bad words, or two or more pieces of evidence
 * and bad words are under a quarter of the rest.  So "NguyÔn V¨n Anh",
 * "Vaên" or "Céng hoµ x· héi" are caught, while "Hòa", "Nguyễn" (NFC or
 * NFD), "café", "naïve", "Raúl" or "Où est le goût ?" are not.  A single
 * word that only weakly looks legacy ("Néi", "Nguyeãn") passes: we prefer
 * missing a lone word to rejecting a real name.
 *
 * Bytes that are not UTF-8 are read as Windows-1252 and put through the
 * same heuristic: raw TCVN3/VNI files then get HOSO_E_LEGACY_ENCODING (the
 * more useful message: "convert from TCVN3"), anything else
 * HOSO_E_NOT_UTF8.  NUL and C0 controls are always HOSO_E_NOT_UTF8.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/err.h"
#include "vi/vi.h"
#include "vi/viInt.h"

#include "core/banned.h"

/* ---- strict UTF-8 ---- */

/* Result flags of utf8_scan(). */
enum { SCAN_ASCII = 1, SCAN_LATIN1 = 2 };

/*
 * Validate s; on success *ret_flags says whether it was all ASCII and
 * whether it holds a code point in U+00A1..U+00FF (the only ones the legacy
 * heuristic cares about).  Returns 0, HOSO_E_NOT_UTF8 for bad sequences, or
 * HOSO_E_INVALID for NUL and C0 controls (the caller reports NOT_UTF8).
 */
static int utf8_scan(const char *s, size_t len, int *ret_flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int flags = SCAN_ASCII;

	while (i < len) {
		unsigned c = p[i], lo = 0x80, hi = 0xBF;
		size_t need, k;

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				return HOSO_E_INVALID;
			i++;
			continue;
		}
		flags &= ~SCAN_ASCII;
		if (c < 0xC2 || c > 0xF4)
			return HOSO_E_NOT_UTF8;
		if (c < 0xE0) {
			need = 1;
			if (c == 0xC3 || (c == 0xC2 && i + 1 < len && p[i + 1] >= 0xA1))
				flags |= SCAN_LATIN1;
		} else if (c < 0xF0) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F; /* no surrogates */
		} else {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F; /* nothing above U+10FFFF */
		}
		if (len - i <= need)
			return HOSO_E_NOT_UTF8;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return HOSO_E_NOT_UTF8;
		for (k = 2; k <= need; k++)
			if (p[i + k] < 0x80 || p[i + k] > 0xBF)
				return HOSO_E_NOT_UTF8;
		i += need + 1;
	}
	*ret_flags = flags;
	return 0;
}

int vi_utf8_valid(const char *s, size_t len, int *ret_ascii)
{
	int flags = 0, r = utf8_scan(s, len, &flags);

	if (r < 0)
		return HOSO_E_NOT_UTF8;
	if (ret_ascii)
		*ret_ascii = (flags & SCAN_ASCII) != 0;
	return 0;
}

UChar32 vi_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i;

	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	if (p[0] < 0xE0 && left >= 2) {
		*i += 2;
		return ((UChar32)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0 && left >= 3) {
		*i += 3;
		return ((UChar32)(p[0] & 0x0F) << 12) | ((UChar32)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	}
	if (left >= 4) {
		*i += 4;
		return ((UChar32)(p[0] & 0x07) << 18) | ((UChar32)(p[1] & 0x3F) << 12) |
		       ((UChar32)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	}
	*i = len;
	return 0xFFFD;
}

/* ---- UTF-16 scratch strings ---- */

void ustr_init(struct ustr *u)
{
	u->p = u->inl;
	u->len = 0;
	u->cap = VI_USTR_INLINE;
}

void ustr_release(struct ustr *u)
{
	if (u->p != u->inl)
		free(u->p);
	ustr_init(u);
}

int ustr_reserve(struct ustr *u, int32_t cap)
{
	UChar *n;

	if (cap <= u->cap)
		return 0;
	if (cap > INT32_MAX / 2)
		return HOSO_E_TOO_BIG;
	n = malloc((size_t)cap * sizeof(UChar));
	if (!n)
		return HOSO_E_NOMEM;
	if (u->len)
		memcpy(n, u->p, (size_t)u->len * sizeof(UChar));
	if (u->p != u->inl)
		free(u->p);
	u->p = n;
	u->cap = cap;
	return 0;
}

int ustr_from_utf8(struct ustr *u, const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	int r;

	if (len > VI_MAX_INPUT)
		return HOSO_E_TOO_BIG;
	r = ustr_reserve(u, (int32_t)len + 1);
	if (r < 0)
		return r;
	u_strFromUTF8(u->p, u->cap, &n, s, (int32_t)len, &st);
	if (U_FAILURE(st))
		return HOSO_E_NOT_UTF8;
	u->len = n;
	return 0;
}

int ustr_nfc(struct ustr *dst, const struct ustr *src)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	int32_t n;
	int r;

	if (U_FAILURE(st))
		return HOSO_E_NOMEM;
	r = ustr_reserve(dst, src->len + 16);
	if (r < 0)
		return r;
	n = unorm2_normalize(nfc, src->p, src->len, dst->p, dst->cap, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		st = U_ZERO_ERROR;
		r = ustr_reserve(dst, n + 1);
		if (r < 0)
			return r;
		n = unorm2_normalize(nfc, src->p, src->len, dst->p, dst->cap, &st);
	}
	if (U_FAILURE(st))
		return st == U_MEMORY_ALLOCATION_ERROR ? HOSO_E_NOMEM : HOSO_E_INVALID;
	dst->len = n;
	return 0;
}

int ustr_to_buf(const UChar *p, int32_t n, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	int r;

	/* A UTF-16 unit becomes at most 3 bytes; measure only when that is too much. */
	r = buf_grow(out, (size_t)n * 3);
	if (r == HOSO_E_TOO_BIG) {
		u_strToUTF8(NULL, 0, &need, p, n, &st);
		st = U_ZERO_ERROR;
		r = buf_grow(out, (size_t)need);
	}
	if (r < 0)
		return r;
	u_strToUTF8(out->buf + out->len, (int32_t)(out->alloc - out->len), &need, p, n, &st);
	if (U_FAILURE(st))
		return HOSO_E_NOT_UTF8;
	out->len += (size_t)need;
	out->buf[out->len] = '\0';
	return 0;
}

/* ---- the legacy-encoding heuristic ---- */

/* Longer words are not syllables in any reading. */
#define WORD_MAX 16

/* TCVN3 (ABC, VN3 fonts): the byte of each Vietnamese letter. */
static const char *const tcvn3[256] = {
    [0xA1] = "Ă", [0xA2] = "Â", [0xA3] = "Ê", [0xA4] = "Ô", [0xA5] = "Ơ", [0xA6] = "Ư",
    [0xA7] = "Đ", [0xA8] = "ă", [0xA9] = "â", [0xAA] = "ê", [0xAB] = "ô", [0xAC] = "ơ",
    [0xAD] = "ư", [0xAE] = "đ", [0xB5] = "à", [0xB6] = "ả", [0xB7] = "ã", [0xB8] = "á",
    [0xB9] = "ạ", [0xBB] = "ằ", [0xBC] = "ẳ", [0xBD] = "ẵ", [0xBE] = "ắ", [0xC6] = "ặ",
    [0xC7] = "ầ", [0xC8] = "ẩ", [0xC9] = "ẫ", [0xCA] = "ấ", [0xCB] = "ậ", [0xCC] = "è",
    [0xCE] = "ẻ", [0xCF] = "ẽ", [0xD0] = "é", [0xD1] = "ẹ", [0xD2] = "ề", [0xD3] = "ể",
    [0xD4] = "ễ", [0xD5] = "ế", [0xD6] = "ệ", [0xD7] = "ì", [0xD8] = "ỉ", [0xDC] = "ĩ",
    [0xDD] = "í", [0xDE] = "ị", [0xDF] = "ò", [0xE1] = "ỏ", [0xE2] = "õ", [0xE3] = "ó",
    [0xE4] = "ọ", [0xE5] = "ồ", [0xE6] = "ổ", [0xE7] = "ỗ", [0xE8] = "ố", [0xE9] = "ộ",
    [0xEA] = "ờ", [0xEB] = "ở", [0xEC] = "ỡ", [0xED] = "ớ", [0xEE] = "ợ", [0xEF] = "ù",
    [0xF1] = "ủ", [0xF2] = "ũ", [0xF3] = "ú", [0xF4] = "ụ", [0xF5] = "ừ", [0xF6] = "ử",
    [0xF7] = "ữ", [0xF8] = "ứ", [0xF9] = "ự", [0xFA] = "ỳ", [0xFB] = "ỷ", [0xFC] = "ỹ",
    [0xFD] = "ý", [0xFE] = "ỵ",
};

/* VNI: letters that are one byte (ơ ư đ and the i/y with tones). */
static const char *const vni_letter[256] = {
    [0xF4] = "ơ", [0xD4] = "Ơ", [0xF6] = "ư", [0xD6] = "Ư", [0xF1] = "đ", [0xD1] = "Đ",
    [0xED] = "í", [0xCD] = "Í", [0xEC] = "ì", [0xCC] = "Ì", [0xE6] = "ỉ", [0xC6] = "Ỉ",
    [0xF3] = "ĩ", [0xD3] = "Ĩ", [0xF2] = "ị", [0xD2] = "Ị", [0xEE] = "ỵ", [0xCE] = "Ỵ",
};

/*
 * VNI: the bytes that follow a vowel to modify it, as the combining marks
 * they stand for (modifier first).  Upper case is the same byte - 0x20.
 */
static const UChar32 vni_mark[32][2] = {
    [0xF9 - 0xE0] = {0x0301, 0},      /* ù  sắc */
    [0xF8 - 0xE0] = {0x0300, 0},      /* ø  huyền */
    [0xFB - 0xE0] = {0x0309, 0},      /* û  hỏi */
    [0xF5 - 0xE0] = {0x0303, 0},      /* õ  ngã */
    [0xEF - 0xE0] = {0x0323, 0},      /* ï  nặng */
    [0xE2 - 0xE0] = {0x0302, 0},      /* â  ^ */
    [0xE1 - 0xE0] = {0x0302, 0x0301}, /* á  ^ sắc */
    [0xE0 - 0xE0] = {0x0302, 0x0300}, /* à  ^ huyền */
    [0xE5 - 0xE0] = {0x0302, 0x0309}, /* å  ^ hỏi */
    [0xE3 - 0xE0] = {0x0302, 0x0303}, /* ã  ^ ngã */
    [0xE4 - 0xE0] = {0x0302, 0x0323}, /* ä  ^ nặng */
    [0xEA - 0xE0] = {0x0306, 0},      /* ê  breve */
    [0xE9 - 0xE0] = {0x0306, 0x0301}, /* é  breve sắc */
    [0xE8 - 0xE0] = {0x0306, 0x0300}, /* è  breve huyền */
    [0xFA - 0xE0] = {0x0306, 0x0309}, /* ú  breve hỏi */
    [0xFC - 0xE0] = {0x0306, 0x0303}, /* ü  breve ngã */
    [0xEB - 0xE0] = {0x0306, 0x0323}, /* ë  breve nặng */
};

/* VNI marks no Western language puts after a vowel: â ê å ä ø. */
static int vni_mark_strong(UChar32 c)
{
	c |= 0x20;
	return c == 0xE2 || c == 0xEA || c == 0xE5 || c == 0xE4 || c == 0xF8;
}

static int letter_of_utf8(const char *s, struct vl *ret)
{
	size_t i = 0;

	return vi_letter(vi_utf8_next(s, strlen(s), &i), ret);
}

/* Whether a run of letters keeps to Vietnamese casing: no capital after a small letter. */
static int casing_ok(const struct vl *l, int n)
{
	int i, seen_lower = 0;

	for (i = 0; i < n; i++) {
		if (l[i].upper && seen_lower)
			return 0;
		if (!l[i].upper)
			seen_lower = 1;
	}
	return 1;
}

/* The word as written (NFC or NFD) is a Vietnamese syllable. */
static int read_genuine(const UChar32 *w, int n)
{
	struct vl l[WORD_MAX];
	int i, k = 0;

	for (i = 0; i < n; i++) {
		if (w[i] >= 0x0300 && w[i] <= 0x036F) {
			if (k == 0 || !vi_letter_add_mark(&l[k - 1], w[i]))
				return 0;
		} else if (!vi_letter(w[i], &l[k++])) {
			return 0;
		}
	}
	return casing_ok(l, k) && vi_syllable(l, k, NULL);
}

/* The word read back as TCVN3 is a syllable; *ret_symbol: a Latin-1 symbol was used. */
static int read_tcvn3(const UChar32 *w, int n, int *ret_symbol)
{
	struct vl l[WORD_MAX];
	int i;

	*ret_symbol = 0;
	for (i = 0; i < n; i++) {
		if (w[i] < 0x80) {
			if (!vi_letter(w[i], &l[i]))
				return 0;
		} else if (w[i] <= 0xFF && tcvn3[w[i]]) {
			if (!letter_of_utf8(tcvn3[w[i]], &l[i]))
				return 0;
			if (w[i] <= 0xBF || w[i] == 0xD7 || w[i] == 0xF7)
				*ret_symbol |= w[i] != 0xB5; /* µ is a letter too */
		} else {
			return 0;
		}
		l[i].upper = 0; /* TCVN3 upper case is a font, not a code */
	}
	return vi_syllable(l, n, NULL);
}

/* The word read back as VNI is a syllable; *ret_strong: a strong mark was used. */
static int read_vni(const UChar32 *w, int n, int *ret_strong)
{
	struct vl l[WORD_MAX];
	int i, k = 0;

	*ret_strong = 0;
	for (i = 0; i < n; i++) {
		UChar32 c = w[i];

		if (c < 0x80) {
			if (!vi_letter(c, &l[k++]))
				return 0;
		} else if (c <= 0xFF && vni_letter[c]) {
			if (!letter_of_utf8(vni_letter[c], &l[k++]))
				return 0;
		} else if (c >= 0xC0 && c <= 0xFF && vni_mark[(c | 0x20) - 0xE0][0]) {
			const UChar32 *m = vni_mark[(c | 0x20) - 0xE0];

			if (k == 0 || !vi_letter_add_mark(&l[k - 1], m[0]) ||
			    (m[1] && !vi_letter_add_mark(&l[k - 1], m[1])))
				return 0;
			*ret_strong |= vni_mark_strong(c);
		} else {
			return 0;
		}
	}
	return vi_syllable(l, k, NULL);
}

struct legacy_score {
	int evidence;
	int strong;
	int good;
	int bad;
};

static void score_word(struct legacy_score *sc, const UChar32 *w, int n, int too_long)
{
	int i, latin1 = 0, sym = 0, strong = 0, t, v;

	if (too_long) {
		sc->bad++;
		return;
	}
	for (i = 0; i < n; i++) {
		if (w[i] >= 0xA1 && w[i] <= 0xFE)
			latin1 = 1;
	}
	if (read_genuine(w, n)) {
		sc->good++;
		return;
	}
	if (!latin1) {
		sc->bad++;
		return;
	}
	t = n >= 2 && read_tcvn3(w, n, &sym);
	v = n >= 2 && read_vni(w, n, &strong);
	if (t || v) {
		sc->evidence++;
		if ((t && sym) || (v && strong))
			sc->strong++;
	} else {
		sc->bad++;
	}
}

static int is_word_cp(UChar32 c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 || c == 0xFEFF)
		return 0;
	return 1;
}

/* Windows-1252 0x80..0x9F are punctuation or letters we need not tell apart. */
static UChar32 cp1252_next(const char *s, size_t len, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];

	(void)len;
	*i += 1;
	return c >= 0x80 && c < 0xA0 ? 0x2022 : c;
}

/* Run the heuristic over s, decoded as UTF-8 (valid) or as Windows-1252. */
static int looks_legacy(const char *s, size_t len, int cp1252)
{
	struct legacy_score sc = {0, 0, 0, 0};
	UChar32 w[WORD_MAX];
	size_t i = 0;
	int n = 0, too_long = 0;

	for (;;) {
		int end = i >= len;
		UChar32 c = ' ';

		if (!end)
			c = cp1252 ? cp1252_next(s, len, &i) : vi_utf8_next(s, len, &i);
		if (!end && is_word_cp(c)) {
			if (n < WORD_MAX)
				w[n++] = c;
			else
				too_long = 1;
			continue;
		}
		if (n)
			score_word(&sc, w, n, too_long);
		n = 0;
		too_long = 0;
		if (end)
			break;
	}
	if (sc.evidence == 0)
		return 0;
	if (sc.strong && sc.evidence >= sc.bad)
		return 1;
	return sc.evidence >= 2 && sc.evidence + sc.good >= 4 * sc.bad;
}

/* vi_check(), also saying (in *ret_flags) whether s was all ASCII. */
static int check(const char *s, size_t len, int *ret_flags)
{
	int r;

	*ret_flags = 0;
	if (!s && len)
		return HOSO_E_INVALID;
	r = utf8_scan(s, len, ret_flags);
	if (r == HOSO_E_INVALID)
		return HOSO_E_NOT_UTF8;
	if (r < 0) {
		if (memchr(s, '\0', len))
			return HOSO_E_NOT_UTF8;
		return looks_legacy(s, len, 1) ? HOSO_E_LEGACY_ENCODING : HOSO_E_NOT_UTF8;
	}
	if ((*ret_flags & SCAN_LATIN1) && looks_legacy(s, len, 0))
		return HOSO_E_LEGACY_ENCODING;
	return 0;
}

int vi_check(const char *s, size_t len)
{
	int flags;

	return check(s, len, &flags);
}

/* The end of a conversion into out from src through dst (vi_nfc,
 * vi_upper): out is left empty when it failed (r < 0); returns r. */
static int convert_end(int r, struct buf *out, struct ustr *src, struct ustr *dst)
{
	if (r < 0)
		buf_reset(out);
	ustr_release(src);
	ustr_release(dst);
	return r;
}

int vi_nfc(const char *s, size_t len, struct buf *out)
{
	struct ustr src, dst;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	int r, flags;

	buf_reset(out);
	if (len > VI_MAX_INPUT)
		return HOSO_E_TOO_BIG;
	r = check(s, len, &flags);
	if (r < 0)
		return r;
	if (flags & SCAN_ASCII)
		return buf_add(out, s, len);
	nfc = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st))
		return HOSO_E_NOMEM;
	ustr_init(&src);
	ustr_init(&dst);
	r = ustr_from_utf8(&src, s, len);
	if (r < 0)
		goto out;
	/* Most text is NFC already: hand the bytes back unchanged. */
	if (unorm2_spanQuickCheckYes(nfc, src.p, src.len, &st) == src.len && U_SUCCESS(st)) {
		r = buf_add(out, s, len);
		goto out;
	}
	r = ustr_nfc(&dst, &src);
	if (r < 0)
		goto out;
	r = ustr_to_buf(dst.p, dst.len, out);
out:
	return convert_end(r, out, &src, &dst);
}

int vi_upper(const char *s, size_t len, struct buf *out)
{
	struct ustr src, dst;
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;
	int r;

	buf_reset(out);
	if (len > VI_MAX_INPUT)
		return HOSO_E_TOO_BIG;
	if ((r = check(s, len, &(int){0})) < 0)
		return r;
	ustr_init(&src);
	ustr_init(&dst);
	if ((r = ustr_from_utf8(&src, s, len)) < 0 || (r = ustr_reserve(&dst, src.len + 16)) < 0)
		goto out;
	n = u_strToUpper(dst.p, dst.cap, src.p, src.len, "vi", &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		st = U_ZERO_ERROR;
		if ((r = ustr_reserve(&dst, n + 1)) < 0)
			goto out;
		n = u_strToUpper(dst.p, dst.cap, src.p, src.len, "vi", &st);
	}
	if (U_FAILURE(st)) {
		r = st == U_MEMORY_ALLOCATION_ERROR ? HOSO_E_NOMEM : HOSO_E_INVALID;
		goto out;
	}
	/* Upper-casing keeps NFC text in NFC except in corner cases: make sure. */
	src.len = 0;
	dst.len = n;
	if ((r = ustr_nfc(&src, &dst)) == 0)
		r = ustr_to_buf(src.p, src.len, out);
out:
	return convert_end(r, out, &src, &dst);
}
