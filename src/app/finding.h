/*
 * finding.h - an inspection's findings and remedial actions (DOMAIN.md §4):
 * each finding is about the case or one of its subjects and carries the
 * conclusion for it (no violation / below the discipline threshold /
 * serious enough for discipline / disciplined); each calls for remedial
 * actions with an owner and a due date, followed up until done.
 */
#ifndef HOSO_APP_FINDING_H
#define HOSO_APP_FINDING_H

#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

/* 1 when code is one of the four conclusions. */
int finding_conclusion_valid(const char *code);

/* Officers and leaders, on an inspection they may see; subject_id (0: the
 * case as a whole) must be one of the case's subjects.  Audited. */
int finding_add(struct app *app, const struct actor *who, int64_t case_id, int64_t subject_id,
                const char *text, const char *conclusion, int64_t *ret_id, struct err *e);

/* A remedial action for a finding: what, who is to do it, by when. */
int remedy_add(struct app *app, const struct actor *who, int64_t finding_id, const char *action,
               const char *owner, int32_t due, int64_t *ret_id, struct err *e);

/* The action done on day (DATE_NONE: today), with what was done. */
int remedy_done(struct app *app, const struct actor *who, int64_t remedy_id, int32_t day,
                const char *result, int64_t version, struct err *e);

/* Remedial actions past their due date and not done, in the cases the
 * actor may see, the oldest first (at most limit); recorded as a search. */
struct remedy_item {
	struct case_row c;
	struct remedy_row r;
};
int remedy_overdue(struct app *app, const struct actor *who, size_t limit, struct arena *a,
                   struct remedy_item **ret, size_t *ret_n, struct err *e);

#endif
