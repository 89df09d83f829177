/*
 * correct.h - corrections of what users entered in a case: a record edited
 * (only the fields sent change, checked against the version read, each
 * change audited before and after) or withdrawn as entered by mistake
 * (kept with when, by whom and why, shown struck through, left out of
 * every figure, count, deadline and rule; final: a new entry is made
 * instead).
 *
 * Who may: those who may add the record (officers and leaders) on a case
 * they may see (a hidden case answers as a missing record); a closed case
 * refuses corrections as it refuses additions (case_still_open), notes
 * aside.
 */
#ifndef HOSO_APP_CORRECT_H
#define HOSO_APP_CORRECT_H

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"
#include "app/gate.h"
#include "app/patch.h"
#include "store/store.h"

/* The longest reason for a withdrawal, in bytes. */
#define CORRECT_REASON_MAX 2000

/* What a record is called in the API and the audit trail ("finding",
 * "remedy", "document", "note", "traveller", "relative", "letter",
 * "subject", "attachment"), NULL past STORE_REC__MAX. */
const char *correct_record_name(enum store_record k);
/* What a record of kind k is called in a "not found" refusal. */
enum gate_noun correct_record_noun(enum store_record k);

/*
 * Withdraw record id of kind k, as read at version (HOSO_E_CONFLICT when
 * it changed or is already withdrawn; 0: as it is now, for the operator
 * at the console), for reason (required).  Audited as
 * "withdraw" on the case with {record, id, reason}.  A finding takes its
 * remedies with it; a subject with findings standing is refused; a
 * finding concluding that a subject must be disciplined is a leader's.
 */
int correct_withdraw(struct app *app, const struct actor *who, enum store_record k, int64_t id,
                     const char *reason, int64_t version, struct err *e);

/* The record of kind k, id: refused before anything is looked up unless
 * the actor may correct records at all, then as noun's "not found" unless
 * it exists in a case the actor may see; the case in *ret_case, the
 * record's head in *ret_head.  A withdrawn record or a closed case is
 * HOSO_E_CONFLICT. */
int correct_case(struct app *app, const struct actor *who, enum store_record k, int64_t id,
                 struct arena *a, struct case_row *ret_case, struct store_record_head *ret_head,
                 struct err *e);

/*
 * An edit of record id of kind k: refused as correct_case refuses; then
 * the record is read into *record (the kind's row, store_record_get) and
 * shown to seen, when set, as it was (with the arena the edit works in),
 * HOSO_E_CONFLICT when version (as the writer read it; 0: no check) is
 * not the stored one; then the fields sent are applied to the record, a
 * required one without a value refused, check asked about the rest (with
 * the case), and the record written whole (store_record_edit) - unless
 * nothing changed.
 * Audited as "edit" on the case with {record, id, changes: {field:
 * {before, after}}}.
 */
struct correct_edit {
	enum store_record k;
	int64_t id, version;
	const struct patch_field *fields; /* pointing into *record */
	size_t nfields;
	unsigned sent, required;
	void (*seen)(void *arg, const void *record, struct arena *a);
	int (*check)(void *arg, const struct case_row *c, const void *record, struct err *e);
	void *record, *arg;
};
int correct_edit(struct app *app, const struct actor *who, const struct correct_edit *x,
                 struct err *e);

/* A record's withdrawal and version in its JSON o: withdrawn_at,
 * withdrawn_by, withdraw_reason (null while it stands), version. */
void correct_json(json_t *o, int64_t version, const struct withdrawal *w);

/* HOSO_E_BAD_DATE naming field unless day (DATE_NONE passes) lies between
 * the case's opening and today. */
int correct_day(const struct case_row *c, int32_t day, const char *field, struct err *e);

#endif
