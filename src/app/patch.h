/*
 * patch.h - partial updates of a record (PATCH semantics): only the fields
 * sent change, a null clears an optional one, and the audit entry lists
 * each field changed with its value before and after.
 */
#ifndef HOSO_APP_PATCH_H
#define HOSO_APP_PATCH_H

#include <jansson.h>
#include <stddef.h>

#include "app/app.h"
#include "app/case.h"
#include "core/arena.h"

enum patch_type {
	PATCH_CODE, /* const char *, taken as sent (the caller checks it) */
	PATCH_TEXT, /* const char *, cleaned as users type it (app_text_clean) */
	PATCH_DATE, /* int32_t, DATE_NONE when none */
	PATCH_FLAG, /* int, 0 or 1 */
	PATCH_ID    /* int64_t, 0 when none */
};

/* A partial update's sent bits name the fields sent, bit (1u << index);
 * 0 means every field (a whole record, as the demo generator writes one).
 * PATCH_LISTED set says the bits are a list, so that an update with no
 * field at all is not a whole record. */
#define PATCH_LISTED (1u << 31)

/* One field of a record: its name (as in the API and the audit entry),
 * its type, for text its largest size in bytes, where the record holds it
 * and where the update's value is (of the same type). */
struct patch_field {
	const char *name;
	enum patch_type type;
	size_t max;
	void *value;
	const void *sent;
};

/*
 * Apply the fields of f[0..n) whose bit (1u << index) is in sent (0: every
 * one) to the record: each takes its new value (text cleaned into a; a
 * NULL text or DATE_NONE clears it).  *ret_changes is set to
 * {"<name>": {"before": x, "after": y}, ...} for the fields whose value
 * changed ({} when none; the caller owns it).  Errors name the field.
 */
int patch_apply(struct arena *a, const struct patch_field *f, size_t n, unsigned sent,
                json_t **ret_changes, struct err *e);

/* 1 when the field at index i (< 31) was sent (sent 0: every field). */
int patch_sent(unsigned sent, size_t i);

/*
 * A partial update of a record of a case (a trip's details, a stay, an
 * appraisal), *record as stored (stored: its version, 0 when there is none
 * yet).  Refused with HOSO_E_CONFLICT when version (as the writer read it;
 * 0: no check) is not the stored one; then the fields sent are applied, a
 * required one without a value refused (HOSO_E_MISSING), check(record)
 * asked about the rest, and the record written with put and audited as
 * action on the case, each field changed before and after - unless nothing
 * changed on a record that exists.  Text is cleaned into a.
 */
struct store;
struct patch_part {
	const char *action; /* of the audit entry: "trip" */
	int64_t case_id;
	int64_t version, stored;
	const struct patch_field *fields;
	size_t nfields;
	unsigned sent, required; /* bits (1u << index of fields) */
	int (*check)(const void *record, struct err *e);
	int (*put)(struct store *s, const void *record);
	const void *record;
};
int patch_part(struct app *app, const struct actor *who, const struct patch_part *p,
               struct arena *a, struct err *e);

/* A record read for a partial update: 0 when found or not found (the
 * caller's defaults stand), else the store error reported in e. */
int patch_stored(int rc, struct err *e);

/* patch_part on the part of case p->case_id, a case of kind officers and
 * leaders in scope may write: the case checked, the part as stored read by
 * load into p->record (0 found or not, else the error in e) - its version
 * then read from *version, a field of that record - and the update made,
 * all in one arena. */
int patch_case_part(struct app *app, const struct actor *who, enum case_kind_id kind,
                    struct patch_part *p, const int64_t *version,
                    int (*load)(struct app *app, int64_t case_id, struct arena *a, void *record,
                                struct err *e),
                    struct err *e);

/* HOSO_E_MISSING naming the first field of f[0..n) whose bit is in
 * required and which has no value (NULL text, DATE_NONE), else 0. */
int patch_required(const struct patch_field *f, size_t n, unsigned required, struct err *e);

#endif
