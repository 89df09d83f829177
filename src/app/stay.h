/*
 * stay.h - the kind of a member staying abroad 12 months or more (đảng
 * viên ở nước ngoài, DOMAIN.md §4): the country, the purpose, the start
 * and expected end, how their party activity is arranged meanwhile (alone
 * under guidance, a chi bộ abroad when there are 3 or more full members, a
 * temporary chi bộ, or not transferred), and the last periodic contact.
 */
#ifndef HOSO_APP_STAY_H
#define HOSO_APP_STAY_H

#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "store/store.h"

/* The purposes (code set "stay_purpose": the kind's subtypes too) and the
 * party-activity arrangements (code set "stay_arrangement"). */
extern const struct code_set stay_purposes;
extern const struct code_set stay_arrangements;

/* The fields of a stay, for a partial update's sent bits. */
enum stay_field {
	STAY_COUNTRY,
	STAY_PURPOSE,
	STAY_ARRANGEMENT,
	STAY_START,
	STAY_EXPECTED_END,
	STAY_LAST_CONTACT
};

struct stay_input {
	const char *country, *purpose, *arrangement;
	int32_t start, expected_end, last_contact; /* DATE_NONE: none (clears last_contact) */
	unsigned sent;   /* the fields to change: bits (1u << enum stay_field); 0: all
	                  * (patch.h) */
	int64_t version; /* the stay's version as read (0: no check) */
};

/* Change the fields sent of the stay of case_id (created on first use,
 * when every field but the last contact must be given); officers and
 * leaders, on a stay-abroad case they may see; HOSO_E_CONFLICT when
 * version is not the stored one.  Audited with each field changed, before
 * and after. */
int stay_set(struct app *app, const struct actor *who, int64_t case_id, const struct stay_input *in,
             struct err *e);

/* A stay-abroad case's own part (its case_view's part). */
struct stay_part {
	struct stay_row stay;
	int has; /* 0 until first written */
};

#endif
