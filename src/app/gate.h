/*
 * gate.h - the one way through which every use case of src/app refuses and
 * writes.
 *
 * Refusals: a record the actor may not see is refused exactly like a
 * missing one (gate_not_found), whatever the path that asked; a step the
 * actor's roles do not allow is refused before anything is looked up
 * (gate_role), so that the answer cannot depend on whether the record
 * exists.  The messages of these common refusals live here, once.
 *
 * Writes: gate_write runs one change in one transaction with its audit
 * entry - begin, the change, the entry, commit - and rolls everything back
 * on any failure, with the store's errors mapped to what a user reads.
 */
#ifndef HOSO_APP_GATE_H
#define HOSO_APP_GATE_H

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"

/* What a record is called in a "not found" refusal. */
enum gate_noun {
	NOUN_RECORD,     /* hồ sơ (a person) */
	NOUN_CASE,       /* hồ sơ vụ việc */
	NOUN_ORG,        /* tổ chức */
	NOUN_USER,       /* người dùng */
	NOUN_LETTER,     /* văn bản */
	NOUN_TRAVELLER,  /* người đi */
	NOUN_FINDING,    /* nội dung kết luận */
	NOUN_REMEDY,     /* việc khắc phục */
	NOUN_ATTACHMENT, /* tệp đính kèm */
	NOUN_SUBMISSION, /* báo cáo đã nộp */
	NOUN_DOCUMENT,   /* văn bản của hồ sơ */
	NOUN_NOTE,       /* ghi chú */
	NOUN_RELATIVE,   /* người thân */
	NOUN_SUBJECT,    /* đối tượng */
	NOUN_POINT,      /* nội dung tố cáo */
	NOUN__MAX
};

/* HOSO_E_NOT_FOUND naming field ("id" when NULL), with the noun's message:
 * the one answer for a missing record and for one the actor may not see. */
int gate_not_found(struct err *e, const char *field, enum gate_noun noun);
/* Who reads the records (persons, cases, letters, reports): every role but
 * the auditor's, who reads the audit trail only. */
#define GATE_RECORD_READERS                                                                        \
	(1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER)

/* HOSO_E_DENIED with the standard message. */
int gate_denied(struct err *e);
/* 0 when the actor holds one of the roles in mask, else gate_denied. */
int gate_role(const struct actor *who, unsigned mask, struct err *e);
/* HOSO_E_DENIED naming "confidentiality" unless the actor's clearance
 * reaches level (enum clearance). */
int gate_clearance(const struct actor *who, int level, struct err *e);
/*
 * A store error rc (< 0) reported in e, unless e already holds that one
 * (set by a callee, with its detail): a
 * version conflict says to reload, HOSO_E_NOT_FOUND becomes noun's
 * refusal, others keep the code's standard message.  Returns rc.
 */
int gate_store_error(struct err *e, int rc, enum gate_noun noun);

/*
 * One audited change.  fn(app, arg, w, e) writes inside the transaction
 * (returning 0 or a negative code, e filled or not) and may set
 * w->object_id (a record it created) and add to w->detail.  Then the audit
 * entry {action, object_type, object_id, detail} is appended and the
 * transaction committed; on any failure everything is rolled back and e
 * names the failure.  w->detail is consumed.  An entry has a detail unless
 * w->bare says it has none: a NULL detail otherwise means it could not be
 * built (out of memory, audit_detail_set), and fails the change rather
 * than leave an entry short of what changed.
 */
struct gate_write {
	const char *action;      /* "create", "update", "traveller_report", ... */
	const char *object_type; /* "person", "case", ... */
	int64_t object_id;
	json_t *detail;
	enum gate_noun noun; /* what a HOSO_E_NOT_FOUND from the store refers to */
	int bare;            /* 1: an entry without a detail */
};
int gate_write(struct app *app, const struct actor *who, struct gate_write *w,
               int (*fn)(struct app *app, void *arg, struct gate_write *w, struct err *e),
               void *arg, struct err *e);
/*
 * The same in two halves, for a change whose steps are easier read in
 * line: gate_begin opens the transaction; gate_end(rc) - rc the outcome of
 * the steps - appends w's audit entry and commits when rc is 0, else (or
 * when that fails) rolls back, and returns the outcome with e filled.
 * gate_write is gate_begin, fn, gate_end.
 */
int gate_begin(struct app *app, struct err *e);
int gate_end(struct app *app, const struct actor *who, int rc, struct gate_write *w, struct err *e);

#endif
