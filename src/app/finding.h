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
#include "app/case.h"
#include "core/arena.h"
#include "store/store.h"

/* The four conclusions (code set "finding_conclusion"). */
extern const struct code_set finding_conclusions;
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

/* Corrections (correct.h): only the fields sent change ("sent": bits
 * (1u << enum ..._field), 0: all; a NULL or DATE_NONE clears an optional
 * one); version as read (0: no check).  A finding's conclusion that a
 * subject must be disciplined is a leader's to set or to change; its
 * subject (0: the case as a whole) one of the case's standing.  A
 * remedy's done date cleared ("done" recorded by mistake) clears its
 * result too; a done date needs the result. */
enum finding_field { FINDING_TEXT, FINDING_CONCLUSION, FINDING_SUBJECT };
struct finding_input {
	const char *text, *conclusion;
	int64_t subject;
	unsigned sent;
	int64_t version;
};
int finding_edit(struct app *app, const struct actor *who, int64_t id,
                 const struct finding_input *in, struct err *e);

enum remedy_field { REMEDY_ACTION, REMEDY_OWNER, REMEDY_DUE, REMEDY_DONE, REMEDY_RESULT };
struct remedy_input {
	const char *action, *owner, *result;
	int32_t due, done;
	unsigned sent;
	int64_t version;
};
int remedy_edit(struct app *app, const struct actor *who, int64_t id, const struct remedy_input *in,
                struct err *e);

/* Remedial actions past their due date and not done, in the cases the
 * actor may see, the oldest first (at most limit), each with the working
 * days it is late; recorded as a search (all of them, not recorded, for
 * limit DEADLINE_UNSHOWN: deadline.h). */
struct remedy_item {
	struct case_row c;
	struct remedy_row r;
	int days_late;
};
int remedy_overdue(struct app *app, const struct actor *who, size_t limit, struct arena *a,
                   struct remedy_item **ret, size_t *ret_n, struct err *e);
/* One of them as GET /api/remedies lists it: the case's brief with its
 * "remedy". */
json_t *remedy_item_json(struct app *app, const struct actor *who, const struct remedy_item *it,
                         struct arena *a);

/* An inspection's own parts (its case_view's part): the findings, each
 * with its remedial actions, overdue ones marked. */
struct remedy_detail {
	struct remedy_row r;
	int overdue; /* past due as of today and not done */
};
struct finding_detail {
	struct finding_row f;
	struct remedy_detail *remedies;
	size_t nremedies;
};
struct finding_part {
	struct finding_detail *v;
	size_t n;
};
/* The inspection kind's load and view hooks (case.h). */
/* How many remedies of case case_id are not done yet (in *ret). */
int finding_open_remedies(struct app *app, int64_t case_id, size_t *ret, struct err *e);

int finding_part_load(struct app *app, const struct actor *who, struct case_view *v,
                      struct arena *a, struct err *e);
void finding_part_view(json_t *o, const void *part);

#endif
