/*
 * trail.h - which entries of the audit trail an auditor sees.
 *
 * An auditor reads the trail of their own scope: the entries about records
 * within it (a person, a case and its attachments, an organisation and its
 * reports, an account, a submitted report) and the entries made by users
 * within it, plus the changes of the settings every office shares (the
 * calendar, the deadline rules, the counters' checks).  An entry about a
 * record outside the auditor's scope or above their clearance is shown
 * without its data: the action, who, when and the ids, but not its detail
 * (before/after values) nor its stated purpose.  An auditor whose scope is
 * the whole tree (or its root, the Tỉnh ủy) with clearance "tối mật" is the
 * whole province's auditor: no other role is needed for that.
 */
#ifndef HOSO_APP_TRAIL_H
#define HOSO_APP_TRAIL_H

#include "app/app.h"
#include "store/store.h"

struct trail;

/* For one reading of the trail by who; NULL on OOM. */
struct trail *trail_new(struct app *app, const struct actor *who);
void trail_free(struct trail *t);
/* 1 when who sees entry r, else 0; *ret_whole is 0 when its detail and
 * purpose must be withheld. */
int trail_sees(struct trail *t, const struct audit_row *r, int *ret_whole);
/* 1 when who sees the whole trail whole (no entry is filtered). */
int trail_sees_all(const struct actor *who);

#endif
