/*
 * conf.h - the syntax of a configuration file (hoso.conf): lines of
 * "key = value", comments, blank lines.  Pure: text in, entries with their
 * line numbers out; what the keys mean is the caller's (src/cli/config.c).
 *
 * The format:
 *   - one "key = value" a line; a key is [a-z_]+, the value is trimmed of
 *     spaces and tabs (a CR before the LF is ignored);
 *   - "#" at the start of a line (after spaces) makes it a comment; in a
 *     value, a "#" after a space or tab starts a trailing comment (so a
 *     value cannot contain " #"), a "#" inside a word is part of it;
 *   - blank lines are skipped, and a UTF-8 byte order mark at the start.
 * Refused, each with its line number: a line without "=", a bad key, a key
 * given twice, a NUL byte, bytes that are not UTF-8, a line longer than
 * CONF_LINE_MAX bytes, more than CONF_ENTRIES_MAX entries.
 */
#ifndef HOSO_CONF_H
#define HOSO_CONF_H

#include <stddef.h>

#define CONF_LINE_MAX    4096 /* bytes, without the newline */
#define CONF_ENTRIES_MAX 256
#define CONF_FILE_MAX    ((size_t)1 << 20) /* what a caller should read at most */

/* One "key = value": slices of the text parsed (not NUL-terminated). */
struct conf_entry {
	long line; /* 1-based */
	const char *key;
	size_t key_len;
	const char *value;
	size_t value_len;
};

/*
 * What a bad line gets: its line number, an error code (HOSO_E_INVALID,
 * HOSO_E_NOT_UTF8, HOSO_E_TOO_BIG, HOSO_E_DUPLICATE) and a
 * message in Vietnamese and English (static or valid only during the
 * call).  Returns 0 to go on, or a negative code to stop parsing with it.
 */
typedef int conf_error_fn(void *arg, long line, int code, const char *vi, const char *en);

/*
 * Parse text[0..len): the entries, in the file's order, into ret (room for
 * max; their slices point into text), their number in *ret_n.  Every bad
 * line is reported to on_error (may be NULL) and skipped.  Returns 0 when
 * every line was good, HOSO_E_INVALID when at least one was not, or the
 * negative code on_error stopped with.
 */
int conf_parse(const char *text, size_t len, struct conf_entry *ret, size_t max, size_t *ret_n,
               conf_error_fn *on_error, void *arg);

/* The length of the valid UTF-8 prefix of s[0..len) (len when all of it
 * is): no overlong forms, surrogates or code points past U+10FFFF. */
size_t conf_utf8_valid(const char *s, size_t len);

#endif
