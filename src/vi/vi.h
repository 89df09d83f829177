/*
 * vi.h - Vietnamese text: validation, NFC, search keys, sort keys, names.
 *
 * Built on ICU.  Every function is safe to call from several threads at once
 * (ICU objects are cached per thread; a thread's collator is closed when the
 * thread exits, nothing needs freeing by the caller).  Inputs are slices
 * (pointer, length) of untrusted bytes; outputs are appended to a struct buf
 * (see core/buf.h) after it is reset, so a buffer can be reused across calls
 * -- but not as the input of the same call.  All return 0 or a negative
 * HOSO_E_* code; on error the output buffer holds no partial result (it is
 * reset).  Inputs longer than 64 KiB are HOSO_E_TOO_BIG (not for vi_check),
 * as is output that does not fit the buffer's cap; a NULL pointer with a
 * non-zero length is HOSO_E_INVALID.
 */
#ifndef HOSO_VI_H
#define HOSO_VI_H

#include <stddef.h>

#include "core/buf.h"

/*
 * Check that s is valid UTF-8 (no overlongs, no surrogates, no code points
 * above U+10FFFF, no NUL bytes, no C0 controls other than tab/CR/LF) and does
 * not look like text in a legacy Vietnamese encoding (TCVN3/ABC or VNI read
 * as Windows-1252/Latin-1 or mis-decoded into UTF-8 "mojibake").
 * Returns 0, HOSO_E_NOT_UTF8 or HOSO_E_LEGACY_ENCODING.
 *
 * The legacy test is a heuristic (described in text.c): it needs two words
 * that look legacy, or one with a tell-tale symbol ("V¨n", "Vaên"); real
 * Vietnamese (NFC or NFD) and French/Spanish/German words pass.  Bytes that
 * are not UTF-8 are read as Windows-1252: raw TCVN3/VNI text then gives
 * HOSO_E_LEGACY_ENCODING, anything else HOSO_E_NOT_UTF8.  NUL and control
 * bytes are always HOSO_E_NOT_UTF8.
 */
int vi_check(const char *s, size_t len);

/*
 * vi_check, then NFC-normalise into out.  Same errors, plus HOSO_E_TOO_BIG.
 * Tone placement is left as written (NFC does not touch it).
 */
int vi_nfc(const char *s, size_t len, struct buf *out);

/* Upper case by the Vietnamese rules, in NFC, into out ("Đảng bộ tỉnh Điện
 * Biên" -> "ĐẢNG BỘ TỈNH ĐIỆN BIÊN"): for the headings of documents.  The
 * same errors as vi_nfc. */
int vi_upper(const char *s, size_t len, struct buf *out);

/*
 * The search key: NFC, lower case, diacritics removed, đ folded to d, each
 * word reduced to ASCII letters and digits, words joined by one space, and
 * the i/y spelling variants made equal ("quý" and "quí" -> "qui", "kỳ" and
 * "kì" -> "ki", "mỹ" -> "mi"; but "huy", "tay", "thuy" keep their y).  Old
 * and new tone placement fold to the same key ("hòa" = "hoà" = "hoa").
 * Punctuation separates words.  "Lò Văn Muôn" -> "lo van muon".
 *
 * The rule for y: a word that is only an onset (b c ch d g gh gi h k kh l m
 * n ng ngh nh p ph qu r s t th tr v x, or none) and y ends in i, so a lone
 * "y"/"Y" is "i" too ("Y-Moan" -> "i moan").  Fullwidth forms and ligatures
 * fold as NFKD does; letters with no ASCII form (Greek, Cyrillic, CJK)
 * separate words.  Only UTF-8 validity is checked (HOSO_E_NOT_UTF8), not
 * the legacy heuristic, and the key may be empty.
 */
int vi_search_key(const char *s, size_t len, struct buf *out);

/*
 * A binary sort key for one string under ICU's Vietnamese collation ("vi"):
 * the Vietnamese alphabet order (a ă â b c d đ e ê ...), tones breaking
 * ties (ICU orders them ngang, huyền, hỏi, ngã, sắc, nặng: ma < mà < mả <
 * mã < má < mạ), then case.  Tone placement is canonicalised first (oa, oe,
 * uy without a final consonant carry the tone on the second vowel), so
 * "hòa" and "hoà" get the same key.  Keys compare with memcmp, the shorter
 * first when one is a prefix of the other; out->len excludes ICU's
 * terminator and the key holds no 0 byte.  Keys are only comparable with
 * keys made by the same ICU version: rebuild stored keys after upgrading.
 */
int vi_sort_key(const char *s, size_t len, struct buf *out);

/*
 * A person's sort key: given name, then middle name, then family name, each
 * compared the Vietnamese way.  Parts are NUL-terminated and may be NULL or
 * empty.  The key sorts "Trần Văn An" < "Nguyễn Thị Bình" < "Lê Đức"
 * (A < B < Đ), and "Nguyễn An" < "Nguyễn Văn An" (no middle name first).
 * The parts' keys are merged level by level (ucol_mergeSortkeys): the
 * letters of all three parts decide before any tone or case does, so
 * "Nguyễn Văn Àn" < "Trần Văn An".  Same memcmp rules as vi_sort_key.
 */
int vi_person_sort_key(const char *family, const char *middle, const char *given, struct buf *out);

/*
 * Split a full name (already NFC) into family, middle and given parts:
 * "Nguyễn Văn An" -> "Nguyễn" / "Văn" / "An"; "Mùa A Vảng" -> "Mùa" / "A" /
 * "Vảng"; "Tôn Nữ Thị Hà" -> "Tôn Nữ" / "Thị" / "Hà" (known compound family
 * names); "An" -> "" / "" / "An"; extra spaces collapsed.  The split is a
 * guess that users may correct later.  Each part is written to its buffer.
 * HOSO_E_BAD_NAME when the name is empty or has no letters.
 *
 * Compound family names (matched ignoring case and diacritics, only when
 * three or more words follow): Tôn Thất, Tôn Nữ, Âu Dương, Tư Mã, Gia Cát.
 * Words are letters and combining marks, with ' ’ ʼ or - inside ("H'Hen
 * Niê", "Y-Moan"); a digit, other punctuation or a word without a letter is
 * HOSO_E_BAD_NAME.  The bytes of each word are copied as given (not
 * normalised).  The vi_check errors apply.
 */
int vi_name_split(const char *full, size_t len, struct buf *family, struct buf *middle,
                  struct buf *given);

/*
 * Canonical display form of a name: NFC, whitespace collapsed, each word
 * with a capital first letter ("nguyễn  văn AN" -> "Nguyễn Văn An"), also
 * after an apostrophe or hyphen inside a word ("h'hen" -> "H'Hen",
 * "y-moan" -> "Y-Moan"); the other letters small.  Tone placement is kept as
 * written.  Only the vi_check errors (and HOSO_E_TOO_BIG) apply: the name's
 * characters are not vetted here, see vi_name_split.
 */
int vi_name_normalise(const char *s, size_t len, struct buf *out);

#endif
