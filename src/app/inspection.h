/*
 * inspection.h - the inspection kind's own part beside its findings
 * (finding.h): who inspects, the actor (chủ thể kiểm tra, DOMAIN.md §4;
 * Quy định 22-QĐ/TW of 28/7/2021): the party committee, its standing
 * committee, the inspection commission or the party cell.  The report
 * counts inspections by it (figure kt_chu_the).
 */
#ifndef HOSO_APP_INSPECTION_H
#define HOSO_APP_INSPECTION_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "app/finding.h"
#include "store/store.h"

enum inspection_actor {
	INSPECTION_CAP_UY,        /* "cap_uy": the party committee */
	INSPECTION_BAN_THUONG_VU, /* "ban_thuong_vu": its standing committee */
	INSPECTION_UBKT,          /* "ubkt": the inspection commission */
	INSPECTION_CHI_BO,        /* "chi_bo": the party cell */
	INSPECTION_ACTOR__MAX
};
/* The actor's code ("ubkt"); NULL past the last.  Static storage. */
const char *inspection_actor_name(enum inspection_actor a);
/* The actor of a code: 0, or HOSO_E_BAD_ENUM (*ret untouched). */
int inspection_actor_parse(const char *code, enum inspection_actor *ret);
/* The actors with their names, in the enum's order (code set
 * "inspection_actor"). */
extern const struct code_set inspection_actors;

/* The fields of an inspection's part, for a partial update's sent bits. */
enum inspection_field { INSPECTION_ACTOR };

struct inspection_input {
	const char *actor; /* one of the codes; required */
	unsigned sent;     /* patch.h: bits (1u << enum inspection_field); 0: all */
	int64_t version;   /* the part's version as read (0: no check) */
};

/* Record who inspects case_id (officers and leaders in scope): created on
 * first use; HOSO_E_CONFLICT when version is not the stored one.  Audited
 * with the change, before and after. */
int inspection_set(struct app *app, const struct actor *who, int64_t case_id,
                   const struct inspection_input *in, struct err *e);

/* An inspection's own part (its case_view's part): the findings first, so
 * that the part read as a struct finding_part is its findings. */
struct inspection_part {
	struct finding_part findings;
	struct inspection_row ins; /* version 0: no actor recorded */
};

#endif
