/*
 * case-find.h - finding cases by text (case.h's case_filter.q), for
 * case.c: a word of the title (folded as names are: "kiem tra" finds
 * "Kiểm tra"), the number or part of it ("KT-2026-0006", "0006"), or the
 * name of a person the case is about (a subject, a traveller, a
 * discipline's subject), found within the reader's scope.
 */
#ifndef HOSO_APP_CASE_FIND_H
#define HOSO_APP_CASE_FIND_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "core/buf.h"
#include "store/store.h"

#define CASE_FIND_MAX     200 /* bytes of a query */
#define CASE_FIND_PERSONS 200 /* persons a name may stand for */

struct case_find {
	const char *key;      /* the query folded (vi_search_key): words, one space apart */
	const char *number;   /* the query trimmed and upper-cased; NULL when not a number */
	struct id_list cases; /* the cases about the persons named, ascending */
	struct buf title;     /* scratch: a title folded */
};

/*
 * Prepare query q (1..CASE_FIND_MAX bytes) for who: the persons it names
 * are looked up within who's scope (an audited person search).  0, or an
 * error (HOSO_E_TOO_BIG, HOSO_E_MISSING for a query with nothing to find,
 * HOSO_E_NOT_UTF8) naming "q".  case_find_release frees it in any case.
 */
int case_find_prepare(struct app *app, const struct actor *who, const char *q, struct arena *a,
                      struct case_find *ret, struct err *e);
/* 1 when case c matches (its number, a title holding every word as the
 * start of a word, or a person named), 0 when not, < 0 on error. */
int case_find_matches(struct case_find *f, const struct case_row *c);
void case_find_release(struct case_find *f);

#endif
