/*
 * context.h - a record in its context: the cases about a person (a subject
 * of the case, a finding's subject, a discipline's subject, a traveller, a
 * member staying abroad) and the cases of an organisation (handled by it
 * or about it), for the person's and the organisation's pages.
 *
 * Only the cases the reader may see are listed: a case outside their
 * scope or above their clearance is left out and not counted.  Each list
 * is recorded in the audit trail like case_list.
 */
#ifndef HOSO_APP_CONTEXT_H
#define HOSO_APP_CONTEXT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"

#define CONTEXT_PERSON_MAX 500  /* cases listed about one person */
#define CONTEXT_ORG_MAX    1000 /* cases of an organisation per page */

/*
 * The cases about person id, newest first: {"person": id, "cases": [the
 * case's brief (case_brief_json) with "as" (its parts: "subject",
 * "traveller", "discipline"), "findings" about the person, "disciplines"
 * decided about them, "travel" (their trip: the trip's dates and
 * countries and their own departure, return and report) and "stay" (their
 * stay abroad), each empty or null when none]}.  The person must be one
 * the reader may see (HOSO_E_NOT_FOUND otherwise).  *ret is the caller's.
 */
int context_person_cases(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                         json_t **ret, struct err *e);

/*
 * The cases organisation id handles or is a subject of, newest first,
 * below case id before (0: from the newest), at most limit (1 ..
 * CONTEXT_ORG_MAX): {"cases": [brief with "as": "handling" and/or
 * "subject"], "next": the id to continue below, or null at the end}.
 * The organisation must be in the reader's scope (HOSO_E_NOT_FOUND
 * otherwise).  *ret is the caller's.
 */
int context_org_cases(struct app *app, const struct actor *who, int64_t id, int64_t before,
                      size_t limit, struct arena *a, json_t **ret, struct err *e);

#endif
