/*
 * term.h - party terms (nhiệm kỳ): the congress that opened each term of an
 * organisation, and the days of a term for a report "for the term".
 *
 * A term is named by its years ("nhiệm kỳ 2020-2025") and runs from the
 * day of the congress that opened it to the day before the congress that
 * opened the next; while the next is not recorded, to 31 December of its
 * last year.  Congresses are held at each level on its own day, so terms
 * are data: an organisation without terms of its own takes those of its
 * nearest ancestor that has them (the provincial congress sets the cycle
 * for the committees below it).  Terms last 2 to 5 years (chi bộ terms
 * were shorter before 2020); the congress falls in the term's first year.
 */
#ifndef HOSO_APP_TERM_H
#define HOSO_APP_TERM_H

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"

struct term {
	int first, last;       /* the years in its name */
	int32_t congress, end; /* its days: congress .. end */
	int64_t org;           /* the organisation whose congress it is */
	const char *org_code;  /* and its code */
	const char *document;
};

/* A term's name, "2020-2025" (or as a period, "NK2020-2025"): 0, or
 * HOSO_E_INVALID naming "term" (see period_parse_term). */
int term_name_parse(const char *s, int *ret_first, int *ret_last, struct err *e);

/* 0 when who may record terms (administrators), else HOSO_E_DENIED: asked
 * first, so that a refusal does not depend on the organisation. */
int term_may_add(const struct actor *who, struct err *e);

/* Record that org's congress on day `congress` opened its term first-last
 * (an administrator whose scope holds org).  HOSO_E_INVALID or
 * HOSO_E_BAD_DATE naming the field for bad years or a congress outside the
 * first year or before the organisation existed; HOSO_E_DUPLICATE when
 * org already has a term from that year.  Audited. */
int term_add(struct app *app, const struct actor *who, int64_t org, int first, int last,
             int32_t congress, const char *document, int64_t *ret_id, struct err *e);

/* The terms that apply to org (its own, or its nearest ancestor's), by
 * first year, into *ret (arena memory); *ret_n may be 0.  Readers whose
 * scope holds org; HOSO_E_NOT_FOUND otherwise. */
int term_list(struct app *app, const struct actor *who, int64_t org, struct arena *a,
              struct term **ret, size_t *ret_n, struct err *e);

/* The term first-last of org, and the one before it (ending where it
 * starts; when that is not recorded, the same days as many years back as
 * the term lasts).  HOSO_E_NOT_FOUND, field "period", when no such term is
 * recorded for org or above it. */
int term_find(struct app *app, const struct actor *who, int64_t org, int first, int last,
              struct arena *a, struct term *ret, int32_t *ret_prev_from, int32_t *ret_prev_to,
              struct err *e);

/* The terms as JSON: [{"term": "2020-2025", "first", "last", "congress",
 * "end", "org": code, "document"}]. */
json_t *term_list_json(const struct term *v, size_t n, struct arena *a);

#endif
