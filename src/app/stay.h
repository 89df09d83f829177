/*
 * stay.h - a member staying abroad 12 months or more (DOMAIN.md §4): the
 * country, the purpose, the start and expected end, how their party
 * activity is arranged meanwhile (alone under guidance, a chi bộ abroad
 * when there are 3 or more full members, a temporary chi bộ, or not
 * transferred), and the last periodic contact.
 */
#ifndef HOSO_APP_STAY_H
#define HOSO_APP_STAY_H

#include <stdint.h>

#include "app/app.h"
#include "store/store.h"

struct stay_input {
	const char *country, *purpose, *arrangement;
	int32_t start, expected_end, last_contact; /* last_contact: DATE_NONE when none */
};

/* Officers and leaders, on a stay-abroad case they may see.  Audited. */
int stay_set(struct app *app, const struct actor *who, int64_t case_id, const struct stay_input *in,
             struct err *e);

#endif
