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

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/codes.h"
#include "app/org.h"
#include "core/arena.h"
#include "core/figure.h"
#include "store/store.h"

/*
 * The kinds of case (DOMAIN.md §4).  Each kind lives in its own file of
 * each layer (src/app/<kind>.c with its const struct case_kind, its routes
 * in src/http/api-<noun>.c, its subcommands in src/cli/cmd-<noun>.c, its
 * panel in web/src/cases/) and is one line of the table in case-kinds.c;
 * docs/adding-a-case-kind.md says how to add one.  The code string is what
 * is stored and sent; code compares kinds through this enum.
 */
enum case_kind_id {
	KIND_INSPECTION,   /* kiểm tra: inspection.c */
	KIND_SUPERVISION,  /* giám sát: supervision.c */
	KIND_DISCIPLINE,   /* kỷ luật: discipline.c */
	KIND_APPRAISAL,    /* thẩm định tiêu chuẩn chính trị: appraisal.c */
	KIND_ADMISSION,    /* thẩm tra lý lịch người vào Đảng: admission.c */
	KIND_TRIP,         /* ra nước ngoài: trip.c */
	KIND_STAY,         /* đảng viên ở nước ngoài: stay.c */
	KIND_DENUNCIATION, /* tố cáo: denunciation.c */
	KIND_COMPLAINT,    /* khiếu nại kỷ luật: complaint.c */
	KIND__MAX
};

enum {
	CASE_FINAL = 1u << 0,     /* a state with no way out */
	CASE_CONCLUDES = 1u << 1, /* a step that needs the conclusion text */
	CASE_PAUSES = 1u << 2,    /* a state in which the deadline clock stops */
	CASE_FORMER = 1u << 3,    /* kept for old history only: no step leads to it */
};

/* What a kind's work includes beyond its own parts (struct case_kind's
 * flags). */
enum {
	CASE_KIND_LETTERS = 1u << 0, /* sends verification letters (letter.c) */
};

/* Who may take a step (struct case_step's roles), and the size of a
 * kind's tables. */
#define CASE_OFFICER ((1u << ROLE_OFFICER) | (1u << ROLE_LEADER))
#define CASE_LEADER  (1u << ROLE_LEADER)
#define CASE_N(a)    (sizeof(a) / sizeof((a)[0]))
/* In a kind's definition: its table field f (and nf, its size) from array a. */
#define CASE_TABLE(f, a) .f = (a), .n##f = CASE_N(a)

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

struct case_view;
struct deadline_rule;

/*
 * One kind: its data (code, number prefix, names, subtypes, the state
 * machine: the first state is where a case starts) and its hooks, each
 * NULL when the kind has nothing to do there.
 */
struct case_kind {
	enum case_kind_id id;
	const char *code;   /* "kiem_tra" */
	const char *prefix; /* of the case number: "KT" */
	const char *vi, *en;
	const struct code_name *subtypes; /* the kind's types or purposes */
	size_t nsubtypes;
	const struct case_state *states;
	size_t nstates;
	const struct case_step *steps;
	size_t nsteps;
	unsigned flags; /* CASE_KIND_... */
	/* Check a step: 0 when case c may take step s with note (NULL when
	 * none), else an error saying what is missing (an appraisal's
	 * outcome, a trip's travellers, the reason for closing an
	 * inspection with remedies still open). */
	int (*check_step)(struct app *app, const struct case_row *c, const struct case_step *s,
	                  const char *note, struct err *e);
	/* Load its parts: v->part is set to the kind's own parts of case v->c
	 * (in a), computed fields included; the reader may already see the
	 * case. */
	int (*load)(struct app *app, const struct actor *who, struct case_view *v, struct arena *a,
	            struct err *e);
	/* Its view: adds the kind's parts to the case's JSON o.  part NULL:
	 * the same keys, empty (every case has every kind's keys). */
	void (*view)(json_t *o, const void *part);
	/* Its figures: those of the report catalogue (core/figure.h) that
	 * count its cases. */
	const enum figure *figures;
	size_t nfigures;
	/* Its deadlines: the default rules (deadline.h) of its work. */
	const struct deadline_rule *deadlines;
	size_t ndeadlines;
};

/* The kinds' objects, each in its file (the table in case-kinds.c). */
extern const struct case_kind case_kind_inspection;
extern const struct case_kind case_kind_supervision;
extern const struct case_kind case_kind_discipline;
extern const struct case_kind case_kind_appraisal;
extern const struct case_kind case_kind_admission;
extern const struct case_kind case_kind_trip;
extern const struct case_kind case_kind_stay;
extern const struct case_kind case_kind_denunciation;
extern const struct case_kind case_kind_complaint;

/* Every kind, in the enum's order; n set to their number (KIND__MAX). */
const struct case_kind *const *case_kinds(size_t *n);
/* The kind id (NULL past KIND__MAX), by code (NULL when none), of a case
 * as stored (NULL when its code is unknown). */
const struct case_kind *case_kind_get(enum case_kind_id id);
const struct case_kind *case_kind_find(const char *code);
const struct case_kind *case_kind_of(const struct case_row *c);
/* 1 when case c is of kind id. */
int case_is(const struct case_row *c, enum case_kind_id id);
const char *case_kind_code(enum case_kind_id id); /* "kiem_tra" */
const struct case_state *case_state_find(const struct case_kind *k, const char *code);
/* The step from -> to of kind k, or NULL when there is none. */
const struct case_step *case_step_find(const struct case_kind *k, const char *from, const char *to);
/* The kinds, their states and steps (GET /api/case-kinds, /api/codes):
 * subtypes as codes (named 0) or as {code, name, name_en} (named 1). */
json_t *case_kinds_json(int named);

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
	/* What opened the case records it in the same transaction, after the
	 * case is written (NULL: nothing): the register of incoming letters
	 * notes the case a letter opened.  It may add to the audit entry's
	 * detail. */
	int (*then)(struct app *app, void *arg, int64_t case_id, json_t *detail, struct err *e);
	void *then_arg;
};

/* Open the case in (its kind, subtype and title) linked to case from,
 * with from's handling organisation, confidentiality and subjects not
 * withdrawn - what a case found leads to (an inspection after a
 * supervision, a discipline after a denunciation).  The caller has
 * fetched from (case_fetch) and checked it may lead there; audited as
 * case_create. */
int case_open_linked(struct app *app, const struct actor *who, const struct case_row *from,
                     struct case_input *in, struct arena *a, int64_t *ret_id,
                     const char **ret_number, struct err *e);

/* 0 when the actor may open cases at all (officers and leaders), else
 * HOSO_E_DENIED: checked before anything is looked up. */
int case_may_open(const struct actor *who, struct err *e);

/* Officers and leaders create within their scope, up to
 * their clearance.  Returns the id and the number ("KT-2026-0001", copied
 * into a). */
int case_create(struct app *app, const struct actor *who, const struct case_input *in,
                struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e);

/* A name shown beside an id: an organisation's code and name, a user's
 * username and full name, a person's full name (code NULL).  NULL when the
 * reader may not see the record. */
struct case_name {
	const char *code, *name;
};

struct deadline;

/*
 * A case with everything attached, computed fields included: what
 * case_get returns and case_view_json turns into the one JSON of a case
 * (the HTTP API's and the CLI's --json).
 */
/* What a case waits for (notice.h): the step, and those who may take it. */
struct case_next {
	const struct case_step *step; /* NULL: a final state, nothing waits */
	struct case_name *actors;     /* username, full name */
	size_t nactors;
};

struct case_view {
	struct case_row c;
	const struct case_kind *kind;
	struct case_name org; /* the handling organisation on the case date */
	struct case_subject_list subjects;
	struct case_name *subject_names; /* beside subjects.v */
	struct case_event_list events;
	struct case_document_list documents;
	struct case_note_list notes;
	struct attachment_list attachments;
	struct id_list assignees;         /* user ids */
	struct case_name *assignee_names; /* beside assignees.v: username, full name */
	struct deadline *deadlines;       /* the kind's deadlines (deadline.h) */
	size_t ndeadlines;
	void *part; /* the kind's own parts (its load hook; its header says the type) */
	struct case_next next;
	struct case_name *event_users; /* beside events.v: who took each step */
	struct case_name *note_users;  /* beside notes.v: who wrote each note */
	/* The cases it is linked with that the reader may see: the one it
	 * links to (c.linked_case) and those linking to it (a complaint to
	 * the discipline it contests, a discipline to the denunciation that
	 * warranted it), oldest first. */
	struct case_row *related;
	size_t nrelated;
};

/* The case's JSON: its brief (as case_brief_json), the conclusion, the
 * linked case, the related cases (id, number, kind, state, title, their
 * names, and "relation": "linked" or "linked_from"), subjects, history,
 * documents, notes, assignees,
 * attachments, deadlines, and every kind's parts (its own filled).  The
 * caller owns it. */
json_t *case_view_json(const struct case_view *v);

/* A copy of c in a as a list of due items keeps it (case_each_visible's
 * row lives only during the call): its number, title, kind and state,
 * not its subtype, conclusion nor creation time.  0 or HOSO_E_NOMEM. */
int case_brief_copy(struct arena *a, const struct case_row *c, struct case_row *ret);

/* The brief JSON of a case in a list: id, number, kind, subtype, title,
 * opened, state, confidentiality (enum clearance), version, and the
 * handling organisation's code and name (org, org_name: null when hidden). */
json_t *case_brief_json(struct app *app, const struct actor *who, const struct case_row *c,
                        struct arena *a);

/* For the kinds' files: the names shown beside an organisation (its code
 * and name on day, else its latest) or a person (name: the full name);
 * NULLs when the reader may not see it. */
void case_org_name(struct app *app, const struct actor *who, int64_t org_id, int32_t day,
                   struct arena *a, struct case_name *ret);
void case_person_name(struct app *app, const struct actor *who, int64_t person_id, struct arena *a,
                      struct case_name *ret);

/*
 * For the kinds' files: one new record of a case, written by gate_write
 * with case_insert_write and this as its argument.  fn inserts row; the
 * new id, returned in *ret_id, joins the audit entry's detail under key
 * (NULL: it does not).
 */
struct gate_write;
struct case_insert {
	int (*fn)(struct store *s, const void *row, int64_t *ret_id);
	const void *row;
	int64_t *ret_id;
	const char *key;
};
int case_insert_write(struct app *app, void *arg, struct gate_write *w, struct err *e);

/* For the kinds' files: the case case_id of kind `kind`, after the actor's
 * role (one of roles) and sight of it are checked; HOSO_E_CONFLICT naming
 * "case" when it is of another kind. */
int case_of_kind(struct app *app, const struct actor *who, int64_t case_id, enum case_kind_id kind,
                 unsigned roles, struct arena *a, struct case_row *ret, struct err *e);

/* One case with everything attached (struct case_view); recorded in the
 * audit trail. */
int case_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
             struct case_view *ret, struct err *e);
/* The same, not recorded: for a use case that records what it does with
 * the case itself (a paper generated from it). */
int case_view_load(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                   struct case_view *ret, struct err *e);

struct case_filter {
	const char *kind, *state; /* NULL: any */
	int64_t org;              /* handled within this organisation's subtree (0: any) */
	int32_t from, to;         /* opened within [from, to] (0 or DATE_NONE: no bound) */
	int64_t assignee;         /* assigned to this user (0: anyone) */
	int overdue;              /* only cases with a deadline past due */
	int waiting;              /* only cases waiting for the caller (notice.h) */
	const char *q;            /* a word of the title, (part of) the number or a
	                           * subject's name (case-find.h); NULL: any */
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

/* 1 when user u may work on case c with one of roles: active, the
 * clearance reaching the case's, the handling organisation under the
 * user's scope today (walked as `how` says); 0 when not, < 0 on error.
 * The one rule behind assignment, the assignee picker and who acts next. */
int case_worker(struct app *app, const struct user_row *u, const struct case_row *c, unsigned roles,
                enum org_walk how);

/* 0 while case c is not in a final state; else HOSO_E_CONFLICT: nothing
 * (finding, remedy, document, scan) is added to a closed case until a
 * leader reopens it. */
int case_still_open(const struct case_row *c, struct err *e);

/*
 * Reopen a closed (or cancelled) case: back to the state it was in before
 * it closed, as its own audited action ("reopen", with the reason, which
 * is required, in the history as the step's note).  Leaders only; version
 * must be the case's.
 */
int case_reopen(struct app *app, const struct actor *who, int64_t id, const char *reason,
                int64_t version, struct err *e);

/*
 * Classify or declassify a case (level: enum clearance), its own audited
 * action ("confidentiality", before/after, the reason as the entry's
 * purpose); the report counters follow.  Leaders whose clearance reaches
 * both the case's level and the new one; version must be the case's.
 */
int case_set_confidentiality(struct app *app, const struct actor *who, int64_t id, int level,
                             int64_t version, const char *reason, struct err *e);

/* For case-edit.c: in's subjects (organisations in the actor's scope
 * existing on day, persons the actor may see) added to case case_id,
 * inside the caller's transaction, each listed in *detail
 * ("subject_orgs", "subject_persons"). */
int case_add_subjects(struct app *app, const struct actor *who, int64_t case_id,
                      const struct case_input *in, int32_t day, struct arena *a, json_t **detail,
                      struct err *e);

/*
 * Corrections of a case (case-edit.c, correct.h): its title, type,
 * opening date and handling organisation (only the fields sent change,
 * each audited before and after; the report counters follow) and
 * subjects added (their removal is a withdrawal: correct_withdraw).  The
 * handling organisation must be in the editor's scope, the opening date
 * not in the future nor after a later step of the case, the subject
 * organisations existing on it.  Officers and leaders, on an open case
 * they may see; version as read (0: no check).
 */
enum case_field { CASE_TITLE, CASE_SUBTYPE, CASE_OPENED, CASE_ORG };
struct case_edit_input {
	const char *title, *subtype;
	int32_t opened;
	int64_t handling_org;
	const int64_t *subject_orgs; /* to add */
	size_t nsubject_orgs;
	const int64_t *subject_persons;
	size_t nsubject_persons;
	unsigned sent; /* bits (1u << enum case_field), 0: all */
	int64_t version;
};
int case_edit(struct app *app, const struct actor *who, int64_t id,
              const struct case_edit_input *in, struct err *e);

/* A document of a case corrected (its number, date, issuer, title). */
enum document_field { DOCUMENT_NUMBER, DOCUMENT_DATE, DOCUMENT_ISSUER, DOCUMENT_TITLE };
struct document_input {
	const char *number_symbol, *issuer, *title;
	int32_t doc_date;
	unsigned sent;
	int64_t version;
};
int case_document_edit(struct app *app, const struct actor *who, int64_t id,
                       const struct document_input *in, struct err *e);

struct case_document_input {
	const char *number_symbol, *issuer, *title;
	int32_t doc_date;
};
int case_add_document(struct app *app, const struct actor *who, int64_t id,
                      const struct case_document_input *in, int64_t *ret_id, struct err *e);

#endif
