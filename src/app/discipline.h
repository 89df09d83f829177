/*
 * discipline.h - discipline decided in a case (DOMAIN.md §4): the forms an
 * organisation, a full member and a probationary member may receive (the
 * others are refused: striking off, xóa tên, is not a discipline form), and
 * the limitation periods — 5 years for reprimand-level violations, 10 for
 * warning and dismissal-level, none for expulsion or dissolution and none
 * for violations of internal political protection.
 */
#ifndef HOSO_APP_DISCIPLINE_H
#define HOSO_APP_DISCIPLINE_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "core/arena.h"
#include "store/store.h"

enum discipline_subject { DISCIPLINE_ORG, DISCIPLINE_FULL_MEMBER, DISCIPLINE_PROBATIONARY };

struct discipline_form {
	const char *code, *vi, *en;
	int limitation_years; /* 0: none */
	unsigned subjects;    /* bits (1u << enum discipline_subject) */
};

const struct discipline_form *discipline_forms(size_t *n);
const struct discipline_form *discipline_form_find(const char *code);
/* [{code, name, name_en, limitation_years, subjects: ["org", "chinh_thuc",
 * "du_bi"]}...]: the code set "discipline_form". */
json_t *discipline_forms_json(void);

/* The last day a violation of `violation` can still be disciplined with
 * form f (DATE_OPEN when no limitation applies). */
int32_t discipline_limitation_end(const struct discipline_form *f, int32_t violation,
                                  int internal_political);

struct discipline_input {
	int64_t org_id, person_id; /* one of the two */
	const char *form;
	int32_t violation;      /* when the violation happened */
	int32_t decided;        /* DATE_NONE: today */
	int internal_political; /* a violation of internal political protection */
};

/* Leaders record a decision on a discipline case they may see, for a
 * subject they may see; the form must suit the subject and the violation
 * must be within its limitation period.  Audited. */
int discipline_decide(struct app *app, const struct actor *who, int64_t case_id,
                      const struct discipline_input *in, int64_t *ret_id, struct err *e);

/* A discipline case's own parts (its case_view's part): the decisions,
 * each with its form's name, the end of its limitation period (DATE_OPEN:
 * none) and its subject's code and name (NULL when the reader may not see
 * it). */
struct discipline_detail {
	struct discipline_row d;
	const char *form_name;
	int32_t limitation_end;
	struct case_name subject;
};
struct discipline_part {
	struct discipline_detail *v;
	size_t n;
};
/* The discipline kind's load and view hooks (case.h). */
int discipline_part_load(struct app *app, const struct actor *who, struct case_view *v,
                         struct arena *a, struct err *e);
void discipline_part_view(json_t *o, const void *part);

#endif
