/*
 * viInt.h - internals shared by the files of src/vi (not for other modules).
 *
 * letter.c knows Vietnamese letters (base letter, vowel modifier, tone) and
 * syllable structure; text.c owns strict UTF-8 decoding and the UTF-16
 * scratch strings the ICU calls need.  Everything here is thread-safe: the
 * tables are built once (pthread_once) and then only read.
 */
#ifndef HOSO_VI_INT_H
#define HOSO_VI_INT_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/utypes.h>

#include "core/buf.h"

/* Longest input any vi_* function accepts, in bytes (HOSO_E_TOO_BIG). */
#define VI_MAX_INPUT ((size_t)64 << 10)

/* Vowel modifiers; đ counts as d with a stroke. */
enum vi_mod { VI_MOD_NONE, VI_MOD_BREVE, VI_MOD_CIRC, VI_MOD_HORN, VI_MOD_STROKE, VI_MOD__MAX };

/* Tones in the usual order: ngang (none), sắc, huyền, hỏi, ngã, nặng. */
enum vi_tone {
	VI_TONE_NONE,
	VI_TONE_SAC,
	VI_TONE_HUYEN,
	VI_TONE_HOI,
	VI_TONE_NGA,
	VI_TONE_NANG,
	VI_TONE__MAX
};

/* One letter of a word taken apart: base is 'a'..'z', 0 for "not a letter". */
struct vl {
	uint8_t base;
	uint8_t mod;
	uint8_t tone;
	uint8_t upper;
};

/* Build the letter tables (idempotent, thread-safe; the lookups call it). */
void vi_letters_init(void);

/*
 * Take c apart into ret when it is an ASCII letter or a precomposed letter of
 * the Vietnamese alphabet (with or without a tone).  Returns 1, or 0 when c
 * is anything else (ret->base is then 0).
 */
int vi_letter(UChar32 c, struct vl *ret);

/* The code point for a letter, or 0 when no precomposed form exists. */
UChar32 vi_letter_compose(const struct vl *l);

/*
 * Apply a Vietnamese combining mark (U+0300 U+0301 U+0303 U+0309 U+0323
 * U+0302 U+0306 U+031B) to l.  Returns 1, or 0 when mc is not one of them or
 * cannot go on this letter (a second tone, a breve on o, ...).
 */
int vi_letter_add_mark(struct vl *l, UChar32 mc);

/* Where the parts of a syllable are, as indexes into its letters. */
struct vi_syl {
	int vowel;   /* first letter of the vowel cluster */
	int coda;    /* first letter of the final consonant (== n when none) */
	int tone_at; /* letter carrying the tone, -1 when none */
};

/*
 * Whether l[0..n) spells one Vietnamese syllable: an onset (b c ch d đ g gh
 * gi h k kh l m n ng ngh nh p ph qu r s t th tr v x or none), a known vowel
 * cluster, an optional final (c ch m n ng nh p t) and at most one tone, on a
 * vowel.  Case is ignored.  Returns 1 and fills ret (may be NULL), or 0.
 */
int vi_syllable(const struct vl *l, int n, struct vi_syl *ret);

/*
 * Strict UTF-8 check, as documented for vi_check() but without the legacy
 * heuristics.  Returns 0 or HOSO_E_NOT_UTF8; *ret_ascii (may be NULL) says
 * whether every byte was ASCII.
 */
int vi_utf8_valid(const char *s, size_t len, int *ret_ascii);

/* Decode the code point at s[*i] of already validated UTF-8 and advance *i. */
UChar32 vi_utf8_next(const char *s, size_t len, size_t *i);

/*
 * A UTF-16 scratch string: starts in the inline array, moves to the heap only
 * for long text.  ustr_init() allocates nothing; ustr_release() frees.
 */
#define VI_USTR_INLINE 256
struct ustr {
	UChar *p;
	int32_t len;
	int32_t cap;
	UChar inl[VI_USTR_INLINE];
};

void ustr_init(struct ustr *u);
void ustr_release(struct ustr *u);
/* 0 or HOSO_E_NOMEM; keeps the contents. */
int ustr_reserve(struct ustr *u, int32_t cap);
/* Convert valid UTF-8 (len <= VI_MAX_INPUT) into u.  0 or a HOSO_E_* code. */
int ustr_from_utf8(struct ustr *u, const char *s, size_t len);
/* NFC-normalise src into dst (distinct).  0 or a HOSO_E_* code. */
int ustr_nfc(struct ustr *dst, const struct ustr *src);
/* Append p[0..n) as UTF-8 to out.  0 or a HOSO_E_* code. */
int ustr_to_buf(const UChar *p, int32_t n, struct buf *out);

#endif
