/*
 * admission.h - the admission background check kind (thẩm tra lý lịch
 * người vào Đảng, DOMAIN.md §4) and whom it covers: the applicant; their
 * own parents, or whoever raised them; the spouse's parents; the spouse;
 * adult children (not grandparents).  The applicant need not be checked
 * when a parent, full sibling or child is a Party member; the spouse's
 * side is skipped when the spouse or a parent of the spouse is a member.
 * Each exemption keeps its reason.  Its verification letters are in
 * letter.h.
 */
#ifndef HOSO_APP_ADMISSION_H
#define HOSO_APP_ADMISSION_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "app/letter.h"
#include "store/store.h"

/* The outcome of a background check (DOMAIN.md §4): agree, refer to the
 * standing committee, hold for further checking.  Recorded as the case's
 * type before the step that concludes (the report counts checks by it:
 * figure ttll_ket_qua); until migration 32 it was only the conclusion's
 * free text. */
enum admission_outcome {
	ADMISSION_DONG_Y,            /* "dong_y": agree */
	ADMISSION_BAO_CAO_THUONG_VU, /* "bao_cao_thuong_vu": refer to the standing committee */
	ADMISSION_TAM_DUNG,          /* "tam_dung": hold for further checking */
	ADMISSION_OUTCOME__MAX
};
/* The outcome's code ("dong_y"); NULL past the last.  Static storage. */
const char *admission_outcome_name(enum admission_outcome o);
/* The outcome of a code: 0, or HOSO_E_BAD_ENUM (*ret untouched). */
int admission_outcome_parse(const char *code, enum admission_outcome *ret);
/* The outcomes with their names, in the enum's order (the kind's types). */
extern const struct code_set admission_outcomes;

/* The relations in scope (code set "relation"). */
extern const struct code_set admission_relations;
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

/* A relative corrected (correct.h): relation, name, membership, the
 * reason for an exemption (null: to be checked). */
enum relative_field { RELATIVE_F_RELATION, RELATIVE_F_NAME, RELATIVE_F_MEMBER, RELATIVE_F_EXEMPT };
struct relative_input {
	const char *relation, *full_name, *exempt_reason;
	int is_member;
	unsigned sent;
	int64_t version;
};
int relative_edit(struct app *app, const struct actor *who, int64_t id,
                  const struct relative_input *in, struct err *e);

/* A background check's own parts (its case_view's part). */
struct admission_part {
	struct relative_list relatives;
	struct admission_exemptions exemptions;
	struct letter_view *letters;
	size_t nletters;
};

#endif
