/*
 * parse.h - checked parsing of integers from untrusted text.
 *
 * Input is a slice (pointer and length), not a C string, so callers can parse
 * fields of a CSV row or a query string without copying.  Nothing is skipped:
 * leading or trailing junk, an empty slice, a sign where none is allowed or a
 * value outside [min, max] is an error.
 */
#ifndef HOSO_PARSE_H
#define HOSO_PARSE_H

#include <stddef.h>
#include <stdint.h>

/* 0, or HOSO_E_BAD_NUMBER (not a number) or HOSO_E_RANGE (outside). */
int parse_i64(const char *s, size_t len, int64_t min, int64_t max, int64_t *ret);

/* Trim ASCII and Unicode no-break spaces (U+00A0) from both ends. */
void parse_trim(const char **s, size_t *len);

/* True when s[0..len) consists only of ASCII digits (and len > 0). */
int parse_all_digits(const char *s, size_t len);

#endif
