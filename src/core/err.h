/*
 * err.h - error codes: negative ints with a stable name and messages.
 *
 * Functions return 0 or one of these (negative).  Each code has a stable
 * machine name ("bad_date"), used by the API and tests, and a short factual
 * message in Vietnamese and English.  Detail for the user (which field, which
 * row, which value) travels in a struct err filled by the function that knows
 * it, and is reported once, at the edge (CLI or HTTP).
 */
#ifndef HOSO_ERR_H
#define HOSO_ERR_H

#include <stdarg.h>

#include "core/buf.h"

enum err_code {
	HOSO_OK = 0,
	HOSO_E_NOMEM = -1,
	HOSO_E_INVALID = -2,
	HOSO_E_TOO_BIG = -3,
	HOSO_E_NOT_FOUND = -4,
	HOSO_E_IO = -5,
	HOSO_E_DB = -6,
	HOSO_E_BUSY = -7,
	HOSO_E_NOT_UTF8 = -8,
	HOSO_E_LEGACY_ENCODING = -9,
	HOSO_E_BAD_DATE = -10,
	HOSO_E_BAD_NUMBER = -11,
	HOSO_E_BAD_CCCD = -12,
	HOSO_E_BAD_PARTY_FILE = -13,
	HOSO_E_DUPLICATE = -14,
	HOSO_E_CONFLICT = -15,
	HOSO_E_RANGE = -16,
	HOSO_E_USAGE = -17,
	HOSO_E_DENIED = -18,
	HOSO_E_ORG_STATE = -19,
	HOSO_E_CYCLE = -20,
	HOSO_E_BAD_FILE = -21,
	HOSO_E_MISSING = -22,
	HOSO_E_SCHEMA = -23,
	HOSO_E_BAD_NAME = -24,
	HOSO_E_BAD_ENUM = -25,
	HOSO_E_AUTH = -26,          /* not signed in, or wrong name/password */
	HOSO_E_LOCKED = -27,        /* too many failed sign-ins: wait */
	HOSO_E_CSRF = -28,          /* a state-changing request without its CSRF token */
	HOSO_E_PERIOD_LOCKED = -29, /* the change would alter an approved period's figures */
	HOSO_E_UNKNOWN_FIELD = -30, /* a template names a field there is none of (tpl.h) */
	HOSO_E_PROTECTED_FIELD =
	    -31, /* a template addressed to the subject names a protected field */
	HOSO_E__MIN = -32
};

const char *err_name(int code);       /* "bad_date"; "unknown" for others */
const char *err_message_vi(int code); /* static Vietnamese message */
const char *err_message_en(int code); /* static English message */

/*
 * Detail of one failure.  err_init() allocates nothing; err_release() frees.
 * field names the input field, CSV/XLSX column or argument (may be empty).
 * row is 1-based when the input is a table, else 0.
 */
struct err {
	int code;
	long row;
	struct buf field;
	struct buf msg_vi;
	struct buf msg_en;
};

void err_init(struct err *e);
void err_release(struct err *e);
void err_clear(struct err *e);

/*
 * Record a failure and return code, so callers can write
 * "return err_set(e, HOSO_E_BAD_DATE, "ngay_sinh", ...)".  e may be NULL.
 * vi_fmt and en_fmt take the same arguments.  When a format is NULL the
 * code's standard message is used.
 */
int err_set(struct err *e, int code, const char *field, const char *vi_fmt, const char *en_fmt,
            ...);
int err_vset(struct err *e, int code, const char *field, const char *vi_fmt, const char *en_fmt,
             va_list ap);

/* Replace only the English message (when its arguments differ from the
 * Vietnamese one's).  Returns e->code. */
int err_en(struct err *e, const char *en_fmt, ...) __attribute__((format(printf, 2, 3)));

/* The message to show: e's detail when set, else the code's standard one. */
const char *err_text_vi(const struct err *e);
const char *err_text_en(const struct err *e);

#endif
