/*
 * vi.h - Vietnamese text: validation, NFC, search keys, sort keys, names.
 *
 * Built on ICU.  Every function is safe to call from several threads at once
 * (ICU objects are cached per thread).  Inputs are slices (pointer, length)
 * of untrusted bytes; outputs are appended to a struct buf (see core/buf.h)
 * after it is reset, so a buffer can be reused across calls.  All return 0
 * or a negative HOSO_E_* code; on error the output buffer holds no partial
 * result (it is reset).
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
 */
int vi_check(const char *s, size_t len);

/* vi_check, then NFC-normalise into out.  Same errors, plus HOSO_E_TOO_BIG. */
int vi_nfc(const char *s, size_t len, struct buf *out);

/*
 * The search key: NFC, lower case, diacritics removed, đ folded to d, each
 * word reduced to ASCII letters and digits, words joined by one space, and
 * the i/y spelling variants made equal ("quý" and "quí" -> "qui", "kỳ" and
 * "kì" -> "ki", "mỹ" -> "mi"; but "huy", "tay", "thuy" keep their y).  Old
 * and new tone placement fold to the same key ("hòa" = "hoà" = "hoa").
 * Punctuation separates words.  "Lò Văn Muôn" -> "lo van muon".
 */
int vi_search_key(const char *s, size_t len, struct buf *out);

/*
 * A binary sort key for one string under ICU's Vietnamese collation ("vi"):
 * the Vietnamese alphabet order (a ă â b c d đ e ê ...), tones breaking
 * ties.  Tone placement is canonicalised first, so "hòa" and "hoà" get the
 * same key.  Keys compare with memcmp; out->len excludes ICU's terminator.
 */
int vi_sort_key(const char *s, size_t len, struct buf *out);

/*
 * A person's sort key: given name, then middle name, then family name, each
 * compared the Vietnamese way.  Parts may be NULL or empty.  The key sorts
 * "Trần Văn An" < "Nguyễn Thị Bình" < "Lê Đức" (A < B < Đ).
 */
int vi_person_sort_key(const char *family, const char *middle, const char *given,
		       struct buf *out);

/*
 * Split a full name (already NFC) into family, middle and given parts:
 * "Nguyễn Văn An" -> "Nguyễn" / "Văn" / "An"; "Mùa A Vảng" -> "Mùa" / "A" /
 * "Vảng"; "Tôn Nữ Thị Hà" -> "Tôn Nữ" / "Thị" / "Hà" (known compound family
 * names); "An" -> "" / "" / "An"; extra spaces collapsed.  The split is a
 * guess that users may correct later.  Each part is written to its buffer.
 * HOSO_E_BAD_NAME when the name is empty or has no letters.
 */
int vi_name_split(const char *full, size_t len, struct buf *family, struct buf *middle,
		  struct buf *given);

/*
 * Canonical display form of a name: NFC, whitespace collapsed, each word
 * with a capital first letter ("nguyễn  văn AN" -> "Nguyễn Văn An").
 */
int vi_name_normalise(const char *s, size_t len, struct buf *out);

#endif
