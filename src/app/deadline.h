/*
 * deadline.h - due dates of cases, in Vietnamese working days (DOMAIN.md
 * §4-5).  A rule says: once a case of kind K enters state S, it must reach
 * one of the end states within N working days; time spent in a "paused"
 * state (waiting for documents) does not count.  Every due date comes from
 * src/cal (weekends, holidays, the year's swaps).  The defaults are here,
 * from DOMAIN.md, marked as defaults; an administrator may change the days
 * and the reminder thresholds (kept in the database).
 *
 * Reminders start early: a deadline is "due soon" once the early share of
 * its time is used (50 % by default), "due" at the late share (80 %), and
 * overdue after the due date; overdue items go to the leaders of the
 * handling organisation (their list shows them).
 */
#ifndef HOSO_APP_DEADLINE_H
#define HOSO_APP_DEADLINE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "core/arena.h"
#include "store/store.h"

struct cal;

/* A kind's rules are in its file (struct case_kind's deadlines); these are
 * the defaults, which an administrator may change. */
struct deadline_rule {
	const char *code;        /* "tham_dinh.thuong" */
	enum case_kind_id kind;  /* the case kind */
	const char *vi, *en;     /* what must be done */
	const char *start;       /* the state that starts the clock */
	const char *const *ends; /* NULL-terminated: states that stop it */
	int working_days;
	int remind_early, remind_late; /* % of the time used */
	int is_default;                /* 0 once an administrator changed it */
	const char *source;            /* where the default comes from */
};

/* The rules in force: the defaults with the administrator's changes. */
int deadline_rules(struct app *app, struct arena *a, const struct deadline_rule **ret,
                   size_t *ret_n, struct err *e);

/* The rule named code among rules[0..n), or NULL. */
const struct deadline_rule *deadline_rule_find(const struct deadline_rule *rules, size_t n,
                                               const char *code);

/* Change a rule's days and reminders (administrators of the whole tree;
 * audited with before/after). */
int deadline_rule_set(struct app *app, const struct actor *who, const char *code, int working_days,
                      int remind_early, int remind_late, struct err *e);

enum deadline_level {
	DEADLINE_OK,       /* in time, little used */
	DEADLINE_EARLY,    /* the early reminder: remind_early % used */
	DEADLINE_LATE,     /* the late reminder: remind_late % used */
	DEADLINE_OVERDUE,  /* past the due date, not done */
	DEADLINE_DONE,     /* done by the due date */
	DEADLINE_DONE_LATE /* done after it */
};
const char *deadline_level_name(enum deadline_level l); /* "ok", "early", ... */
/* The levels a due list starts from, "early", "late" or "overdue"
 * (HOSO_E_BAD_ENUM otherwise). */
int deadline_level_parse(const char *s, enum deadline_level *ret);
/* The levels (code set "deadline_level"), in the enum's order. */
extern const struct code_set deadline_levels;

struct deadline {
	const struct deadline_rule *rule;
	int32_t start, due, done; /* done: DATE_NONE while open */
	int paused;               /* 1 while the clock stands */
	int used, left;           /* working days (left < 0: overdue by -left) */
	enum deadline_level level;
};

/* The deadline of rule r for work started on `start` and done on `done`
 * (DATE_NONE: not yet), as of today, with no pause: a traveller's return
 * report, a verification letter's answer.  1, or 0 when start is
 * DATE_NONE (nothing started), < 0 on error. */
int deadline_span(const struct cal *c, const struct deadline_rule *r, int32_t start, int32_t done,
                  int32_t today, struct deadline *ret);

/* 1 when open case c has a deadline past its due date among rules[0..n),
 * 0 when not, < 0 on error. */
int deadline_case_overdue(struct app *app, const struct case_row *c,
                          const struct deadline_rule *rules, size_t n);

/* The deadline of rule r for a case with history ev[0..n) as of today: 1
 * when the rule applies (the case entered r->start), 0 when not, < 0 on
 * error.  Pure: the calendar and the history are all it reads. */
int deadline_compute(const struct cal *c, const struct deadline_rule *r,
                     const struct case_event_row *ev, size_t n, int32_t today,
                     struct deadline *ret);

/* Every deadline of one case (the caller already may see it). */
int deadline_of_case(struct app *app, const struct case_view *v, struct arena *a,
                     struct deadline **ret, size_t *ret_n, struct err *e);

/* The order of a list of due items, most urgent first: the higher level,
 * then the earlier due date; 0 when a and b are as urgent. */
int deadline_cmp(const struct deadline *a, const struct deadline *b);
/* The limit of a due list made for the inbox (notice.c) rather than
 * shown: every item, and no audit entry - the notices made from it say
 * what the reader is told, and opening one is audited as any read. */
#define DEADLINE_UNSHOWN ((size_t)0)
/* A list of due items found: n of them, of which the first limit are
 * shown (*ret_n), recorded in the audit trail as a search of object
 * ("deadline", "letter", "return_report") at min_level; for limit
 * DEADLINE_UNSHOWN all n, not recorded. */
int deadline_due_record(struct app *app, const struct actor *who, const char *object,
                        enum deadline_level min_level, size_t n, size_t limit, size_t *ret_n,
                        struct err *e);

/* A deadline's JSON: rule, name, name_en, start, due, done, working_days,
 * used, left, paused, level. */
json_t *deadline_json(const struct deadline *d);
/* A rule's JSON (GET /api/deadline-rules). */
json_t *deadline_rule_json(const struct deadline_rule *r);

struct deadline_item {
	struct case_row c;
	struct deadline d;
};

/* Every open deadline the caller may see at or above min_level, most
 * urgent first (all *ret_n of them).  Not audited: the caller records
 * what it shows. */
int deadline_scan(struct app *app, const struct actor *who, enum deadline_level min_level,
                  struct arena *a, struct deadline_item **ret, size_t *ret_n, struct err *e);
/* The caller's open deadlines at or above min_level (DEADLINE_EARLY: due
 * soon and overdue), most urgent first; at most limit. */
int deadline_due(struct app *app, const struct actor *who, enum deadline_level min_level,
                 size_t limit, struct arena *a, struct deadline_item **ret, size_t *ret_n,
                 struct err *e);
/* One of them as GET /api/deadlines lists it: the case's brief with its
 * "deadline". */
json_t *deadline_item_json(struct app *app, const struct actor *who, const struct deadline_item *it,
                           struct arena *a);

#endif
