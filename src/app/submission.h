/*
 * submission.h - period reports submitted to the level above, approved
 * there, and the lock an approval puts on the period (issue 6, point 4).
 *
 * An officer or leader of an organisation submits its report for a period
 * (any from..to); the figures are kept as submitted.  A leader of the level
 * above (whose scope holds the organisation's parent; for the top of the
 * tree, a leader of the organisation itself), who did not submit it,
 * approves it or returns it with a reason.  Approval locks the period: from
 * then on a change that would alter any figure of the organisations that
 * report summed, on a day of the period, is refused with
 * HOSO_E_PERIOD_LOCKED; edits that leave the figures alone (notes,
 * documents, a case's later steps that count elsewhere) go on.  The same
 * leaders may re-open an approved period, giving a reason: the lock goes,
 * and the organisation submits again.  Every step is in the audit trail.
 */
#ifndef HOSO_APP_SUBMISSION_H
#define HOSO_APP_SUBMISSION_H

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

enum submission_action { SUBMISSION_APPROVE, SUBMISSION_RETURN, SUBMISSION_REOPEN };

/* 0 when who may submit reports (officers and leaders), else HOSO_E_DENIED:
 * asked first, so that a refusal does not depend on the organisation. */
int submission_may_submit(const struct actor *who, struct err *e);

/* Submit org's report for from..to.  HOSO_E_DUPLICATE when one is waiting
 * or approved already. */
int submission_submit(struct app *app, const struct actor *who, int64_t org, int32_t from,
                      int32_t to, const char *note, int64_t *ret_id, struct err *e);

/* Approve, return (reason required) or re-open (reason required) a
 * submission at its version.  HOSO_E_CONFLICT when its state does not
 * allow the step or the version moved on; HOSO_E_DENIED for the submitter
 * or a leader without authority; HOSO_E_NOT_FOUND when out of scope. */
int submission_decide(struct app *app, const struct actor *who, int64_t id, int64_t version,
                      enum submission_action action, const char *reason, struct err *e);
int submission_action_parse(const char *s, enum submission_action *ret);

/* One submission as JSON (with the organisation's code and name and the
 * users' names), when who may see it. */
int submission_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                   json_t **ret, struct err *e);

/* Who has submitted org's period: {"org", "from", "to", "own": submission
 * or null, "may_decide": bool, "children": [{"org", "code", "name", "submission",
 * "may_decide"}],
 * "submitted": n, "approved": n} over org's children on the period's last
 * day. */
int submission_overview(struct app *app, const struct actor *who, int64_t org, int32_t from,
                        int32_t to, struct arena *a, json_t **ret, struct err *e);

#endif
