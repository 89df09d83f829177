/*
 * notice.h - who acts next on a case, and the inbox that tells them.
 *
 * A case waits for the first step its kind lists from its state (the kinds
 * list the main path first): a leader's decision, approval or conclusion,
 * or an officer's routine step.  Those who may take it are the active
 * users with the role, whose scope holds the handling organisation (as of
 * today) and whose clearance reaches the case's; an officer's step waits
 * for the case's assignees when it has any.
 *
 * The inbox: a notice goes to a user when work is assigned to them, when a
 * case comes to wait for them, and - found when they open their inbox or
 * the bell counts it - when a deadline of a case assigned to them reaches
 * its early or late reminder or passes (the kind's own, a verification
 * letter's answer, a traveller's return report, a remedy's date); an
 * overdue one also goes to the
 * leaders whose scope is the handling organisation itself (the escalation
 * of deadline.h).  Notices are made once each, never by the same event
 * twice; a notice about a case the reader may no longer see is not shown.
 */
#ifndef HOSO_APP_NOTICE_H
#define HOSO_APP_NOTICE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* What case c waits for (its view's "next"); the assignees are its own. */
int case_next_load(struct app *app, const struct case_row *c, const struct id_list *assignees,
                   struct arena *a, struct case_next *ret, struct err *e);
/* {"step": {to, name, name_en} | null, "waiting_for": "leader" | "officer"
 * | null, "text", "text_en", "actors": [{username, full_name}]}. */
json_t *case_next_json(const struct case_next *n);

/* 1 when case c (which who may see) waits for who: a leader's step and
 * who is a leader, or an officer's step of a case assigned to who. */
int case_waits_for(const struct case_row *c, const struct actor *who, int assigned);

/* Who may be assigned case id, which who (an officer or leader) may see:
 * the active officers and leaders whose scope holds its handling
 * organisation today and whose clearance reaches its level (username,
 * full name), as case_assign accepts them. */
int case_assignable(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                    struct case_name **ret, size_t *ret_n, struct err *e);

/* Inside a case's write: tell those case c (now in state) waits for, but
 * not who, its author. */
int notice_waiting(struct app *app, const struct actor *who, const struct case_row *c,
                   const char *state, struct err *e);
/* Inside an assignment's write: tell users ids[0..n) (not who) that case
 * c, at version, is theirs. */
int notice_assigned(struct app *app, const struct actor *who, const struct case_row *c,
                    const int64_t *ids, size_t n, int64_t version, struct err *e);

/* The caller's inbox, newest first: at most limit notices (0: none, only
 * the count) with id < before (0: from the newest), only unread ones when
 * unread_only; the deadlines' notices are brought up to date first.
 * *ret: {"unread": n, "notices": [{id, kind, text, text_en, at, read,
 * case: the case's brief}]}.  Showing notices is audited ("list",
 * "notice"). */
struct notice_query {
	size_t limit;
	int64_t before;
	int unread_only;
};
int notice_inbox(struct app *app, const struct actor *who, const struct notice_query *q,
                 struct arena *a, json_t **ret, struct err *e);
/* Mark one of the caller's notices read (id 0: every one). */
int notice_read(struct app *app, const struct actor *who, int64_t id, struct err *e);

#endif
