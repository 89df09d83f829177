/*
 * letter.h - outgoing verification letters of a case (DOMAIN.md §4: the
 * admission background check, and the verification requests of an
 * appraisal).  Each letter has a recipient, a sent date and a due date in
 * working days (the rule "thu_xac_minh.tra_loi", editable like the others);
 * reminders (văn bản đôn đốc) and escalation to the superior organisation
 * board are recorded; the answer closes it with its result.  Unanswered
 * letters near or past their due date are listed for follow-up.
 */
#ifndef HOSO_APP_LETTER_H
#define HOSO_APP_LETTER_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/codes.h"
#include "app/deadline.h"
#include "core/arena.h"
#include "store/store.h"

/* The deadline rule of a letter's answer (deadline.h). */
#define LETTER_RULE "thu_xac_minh.tra_loi"

struct letter_input {
	const char *recipient; /* "Đảng ủy xã Thanh Nưa" */
	const char *about;     /* whom it asks about: "Bố đẻ: Lò Văn Pánh" */
	const char *number_symbol;
	int32_t sent; /* DATE_NONE: today */
};

/* Officers and leaders, on a visible case of a kind that sends letters
 * (CASE_KIND_LETTERS). */
int letter_add(struct app *app, const struct actor *who, int64_t case_id,
               const struct letter_input *in, int64_t *ret_id, struct err *e);

enum letter_action { LETTER_REMIND, LETTER_ESCALATE, LETTER_ANSWER, LETTER_ACTION__MAX };
int letter_action_parse(const char *s, enum letter_action *ret);
/* The actions (code set "letter_action"), in the enum's order. */
extern const struct code_set letter_actions;

/* Record a reminder, the escalation or the answer (result required) on
 * day (DATE_NONE: today); version must be the letter's (0: whatever it is
 * now, for the operator at the console).  A reminder or escalation dated
 * before today needs confirm_past (HOSO_E_INVALID naming "date"
 * otherwise): a date in the past is more often a slip than a late entry. */
int letter_update(struct app *app, const struct actor *who, int64_t id, enum letter_action act,
                  int32_t day, const char *result, int64_t version, int confirm_past,
                  struct err *e);

/* A letter corrected (correct.h): its recipient, subject, number and
 * sending date (from the case's opening to today, not after its
 * reminders, escalation or answer). */
enum letter_field { LETTER_F_RECIPIENT, LETTER_F_ABOUT, LETTER_F_NUMBER, LETTER_F_SENT };
struct letter_edit_input {
	const char *recipient, *about, *number_symbol;
	int32_t sent;
	unsigned sent_fields; /* the fields sent: bits (1u << enum letter_field) */
	int64_t version;
};
int letter_edit(struct app *app, const struct actor *who, int64_t id,
                const struct letter_edit_input *in, struct err *e);

/* A letter with its due date and level (as deadline.h). */
struct letter_view {
	struct letter_row l;
	struct deadline d;
};

/* The letters of a case the caller already may see. */
int letter_of_case(struct app *app, int64_t case_id, struct arena *a, struct letter_view **ret,
                   size_t *ret_n, struct err *e);
/* A letter's JSON with its "deadline"; the list of n of them. */
json_t *letter_view_json(const struct letter_view *v);
json_t *letters_json(const struct letter_view *v, size_t n);

struct letter_item {
	struct case_row c;
	struct letter_view v;
};

/* Unanswered letters of the caller's cases at or above min_level, most
 * urgent first; recorded in the audit trail as a search. */
int letter_due(struct app *app, const struct actor *who, enum deadline_level min_level,
               size_t limit, struct arena *a, struct letter_item **ret, size_t *ret_n,
               struct err *e);
/* One of them as GET /api/letters lists it: the case's brief with its
 * "letter". */
json_t *letter_item_json(struct app *app, const struct actor *who, const struct letter_item *it,
                         struct arena *a);

#endif
