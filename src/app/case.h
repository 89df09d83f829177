/*
 * case.h - the core every kind of case shares (DOMAIN.md §4): a number from
 * a register per issuing body, kind and year; title, subtype, handling
 * organisation, confidentiality; subjects (organisations as they were on the
 * case date, and persons); a state machine per kind whose every transition
 * is recorded (who, when, note); documents and notes; a conclusion.
 *
 * Scope and clearance: a case is visible to those whose scope holds its
 * handling organisation and whose clearance reaches its confidentiality; to
 * anyone else it does not exist (HOSO_E_NOT_FOUND, as for a missing one).
 * Every read, list, creation and change is in the audit trail.
 */
#ifndef HOSO_APP_CASE_H
#define HOSO_APP_CASE_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

enum {
	CASE_FINAL = 1u << 0,     /* a state with no way out */
	CASE_CONCLUDES = 1u << 1, /* a step that needs the conclusion text */
	CASE_PAUSES = 1u << 2,    /* a state in which the deadline clock stops */
};

struct case_state {
	const char *code, *vi, *en;
	unsigned flags;
};

struct case_step {
	const char *from, *to;
	const char *vi, *en; /* what the step is called ("Ra quyết định kiểm tra") */
	unsigned roles;      /* who may take it: bits (1u << enum role) */
	unsigned flags;
};

struct case_kind {
	const char *code;   /* "kiem_tra" */
	const char *prefix; /* of the case number: "KT" */
	const char *vi, *en;
	const char *const *subtypes;     /* NULL-terminated; NULL: none */
	const struct case_state *states; /* the first is where a case starts */
	size_t nstates;
	const struct case_step *steps;
	size_t nsteps;
};

/* Every kind, in a fixed order; n set to their number. */
const struct case_kind *case_kinds(size_t *n);
const struct case_kind *case_kind_find(const char *code);
const struct case_state *case_state_find(const struct case_kind *k, const char *code);
/* The step from -> to of kind k, or NULL when there is none. */
const struct case_step *case_step_find(const struct case_kind *k, const char *from, const char *to);

/* A case as typed.  Subjects: organisation codes and person ids. */
struct case_input {
	const char *kind, *subtype, *title;
	int64_t handling_org;
	int32_t opened;      /* DATE_NONE: today */
	int confidentiality; /* enum clearance */
	int64_t linked_case; /* 0: none */
	const int64_t *subject_orgs;
	size_t nsubject_orgs;
	const int64_t *subject_persons;
	size_t nsubject_persons;
};

/* 0 when the actor may open cases at all (officers and leaders), else
 * HOSO_E_DENIED: checked before anything is looked up. */
int case_may_open(const struct actor *who, struct err *e);

/* Officers and leaders create within their scope, up to
 * their clearance.  Returns the id and the number ("KT-2026-0001", copied
 * into a). */
int case_create(struct app *app, const struct actor *who, const struct case_input *in,
                struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e);

struct case_view {
	struct case_row c;
	struct case_subject_list subjects;
	struct case_event_list events;
	struct case_document_list documents;
	struct case_note_list notes;
	struct attachment_list attachments;
	struct id_list assignees; /* user ids */
};

/* Supervision found signs of violation: open an inspection "khi có dấu
 * hiệu vi phạm" linked to supervision case id, with the same handling
 * organisation and subjects (officers and leaders; audited). */
int case_open_inspection(struct app *app, const struct actor *who, int64_t id, const char *title,
                         struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e);

/* One case with everything attached; recorded in the audit trail. */
int case_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
             struct case_view *ret, struct err *e);

struct case_filter {
	const char *kind, *state; /* NULL: any */
	int64_t org;              /* handled within this organisation's subtree (0: any) */
	int32_t from, to;         /* opened within [from, to] (0 or DATE_NONE: no bound) */
	int64_t assignee;         /* assigned to this user (0: anyone) */
	int overdue;              /* only cases with a deadline past due */
	int64_t before;           /* id to continue below (0: from the newest) */
	size_t limit;             /* 1..1000 */
};

/* The caller's cases, newest first; recorded in the audit trail. */
int case_list(struct app *app, const struct actor *who, const struct case_filter *f,
              struct arena *a, struct case_list *ret, struct err *e);

/* Who works on case id: the users named (at most CASE_ASSIGNEES_MAX),
 * each an officer or leader whose scope and clearance reach the case
 * (HOSO_E_INVALID naming the user otherwise).  Officers and leaders;
 * version must be the case's; audited with before and after. */
#define CASE_ASSIGNEES_MAX 20
int case_assign(struct app *app, const struct actor *who, int64_t id, const char *const *usernames,
                size_t n, int64_t version, struct err *e);

/* For other app modules: whether the actor may see case c, and the case
 * by id if so (HOSO_E_NOT_FOUND otherwise, exactly as for a missing one). */
int case_visible(struct app *app, const struct actor *who, const struct case_row *c);
int case_fetch(struct app *app, const struct actor *who, int64_t id, struct arena *a,
               struct case_row *ret, struct err *e);

/* For other app modules (deadlines, reports): call fn for each case the
 * actor may see, newest first, until fn returns non-zero (returned) or the
 * cases end (0); c is valid during the call only.  Not audited: the
 * caller records what it shows. */
int case_each_visible(struct app *app, const struct actor *who,
                      int (*fn)(const struct case_row *c, void *arg), void *arg, struct err *e);

/* Take a step: from the case's current state to `to`, on day (DATE_NONE:
 * today), with a note; conclusion is required by a CASE_CONCLUDES step.
 * version must be the case's (HOSO_E_CONFLICT otherwise). */
int case_transition(struct app *app, const struct actor *who, int64_t id, const char *to,
                    int32_t day, const char *note, const char *conclusion, int64_t version,
                    struct err *e);

int case_add_note(struct app *app, const struct actor *who, int64_t id, const char *text,
                  int64_t *ret_id, struct err *e);

struct case_document_input {
	const char *number_symbol, *issuer, *title;
	int32_t doc_date;
};
int case_add_document(struct app *app, const struct actor *who, int64_t id,
                      const struct case_document_input *in, int64_t *ret_id, struct err *e);

#endif
