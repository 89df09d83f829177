/*
 * admission.h - who an admission background check covers (DOMAIN.md §4):
 * the applicant; their own parents, or whoever raised them; the spouse's
 * parents; the spouse; adult children (not grandparents).  The applicant
 * need not be checked when a parent, full sibling or child is a Party
 * member; the spouse's side is skipped when the spouse or a parent of the
 * spouse is a member.  Each exemption keeps its reason.
 */
#ifndef HOSO_APP_ADMISSION_H
#define HOSO_APP_ADMISSION_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "store/store.h"

/* 1 when relation is one of those in scope. */
int admission_relation_valid(const char *relation);

struct admission_exemptions {
	int applicant;   /* a parent, full sibling or child is a member */
	int spouse_side; /* the spouse or a parent of the spouse is a member */
};
/* What the relatives recorded so far allow to be skipped.  Pure. */
void admission_exemptions(const struct relative_row *v, size_t n, struct admission_exemptions *ret);

/* Officers and leaders, on a background check they may see.  Audited. */
int relative_add(struct app *app, const struct actor *who, int64_t case_id,
                 const struct relative_row *in, int64_t *ret_id, struct err *e);

#endif
