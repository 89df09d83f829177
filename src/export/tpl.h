/*
 * tpl.h - text with named fields, the fixed parts of a paper an
 * administrator edits: "Kiểm tra {{subject.name}} về {{case.title}}".
 *
 * A field is "{{", optional spaces, a name of 1 to TPL_NAME_MAX bytes of
 * a-z, 0-9, '_' and '.', optional spaces, "}}".  Everything else is text,
 * copied as it is.  A "{{" that does not open a well-formed field is an
 * error rather than text, so that a mistyped field is never printed as
 * it was typed.  What a name means is the caller's: the walker hands each
 * one to a callback, which refuses those it does not know.
 */
#ifndef HOSO_EXPORT_TPL_H
#define HOSO_EXPORT_TPL_H

#include <stddef.h>

#include "core/err.h"

#define TPL_NAME_MAX 64

struct tpl_walker {
	/* Text between fields: s[0..len), not NUL-terminated; may be NULL
	 * (text is skipped).  0 or a negative code. */
	int (*text)(void *arg, const char *s, size_t len);
	/* A field by its name (NUL-terminated, valid during the call): 0,
	 * or a negative code with e filled (the walk stops there). */
	int (*field)(void *arg, const char *name, struct err *e);
	void *arg;
};

/*
 * Walk s[0..len) (UTF-8) from start to end, calling w's callbacks in
 * order.  Returns 0, the first callback's error, or HOSO_E_INVALID naming
 * `where` (the part of the template) for a malformed field, its message
 * saying which and where ("{{" unclosed, a bad character in a name, an
 * empty or too long name).
 */
int tpl_walk(const char *s, size_t len, const char *where, const struct tpl_walker *w,
             struct err *e);

#endif
