/*
 * paperInt.h - what paper.c (the tables of papers and fields) and
 * paper-render.c (rendering and the use cases) share: the case a paper
 * is filled from, with each field's values computed once.
 */
#ifndef HOSO_APP_PAPERINT_H
#define HOSO_APP_PAPERINT_H

#include "app/letter.h"
#include "app/paper.h"
#include "app/report.h"

struct paper_ctx {
	struct app *app;
	const struct actor *who;
	struct arena *a;
	const struct paper *p;
	struct case_view v;
	const struct letter_view *letter; /* the letter of a PAPER_PER_LETTER paper */
	struct report_issuing w;          /* who issues it: the handling organisation */
	struct paper_values *vals;        /* beside paper_fields(), once computed */
	unsigned char *have;
};

/* The field named name that paper p may use: 0 with *ret set, or the
 * refusal of paper_check_text (e naming part). */
int paper_field_allowed(const struct paper *p, const struct paper_field *fields, size_t n,
                        const char *name, const char *part, const struct paper_field **ret,
                        struct err *e);

#endif
