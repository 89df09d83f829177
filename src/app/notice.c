/*
 * notice.c - who acts next on a case, and the inbox that tells them
 * (notice.h).
 */
#include "app/notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/deadline.h"
#include "app/finding.h"
#include "app/letter.h"
#include "app/gate.h"
#include "app/org.h"
#include "app/trip.h"
#include "core/date.h"

#include "core/banned.h"

#define ACTORS_MAX 8   /* the names a case page lists */
#define INBOX_MAX  100 /* the notices one call shows */
#define UNREAD_MAX 99  /* the bell counts up to this ("99+" beyond) */

/* The step case state waits for: the first its kind lists from it. */
static const struct case_step *next_step(const struct case_kind *k, const char *state)
{
	for (size_t i = 0; k && state && i < k->nsteps; i++)
		if (strcmp(k->steps[i].from, state) == 0)
			return &k->steps[i];
	return NULL;
}

/* 1 when a leader's decision is waited for, 0 for an officer's step. */
static int for_leader(const struct case_step *s)
{
	return !(s->roles & (1u << ROLE_OFFICER));
}

int case_waits_for(const struct case_row *c, const struct actor *who, int assigned)
{
	const struct case_step *s = next_step(case_kind_of(c), c->state);

	if (!s)
		return 0;
	if (for_leader(s))
		return (who->roles & (1u << ROLE_LEADER)) != 0;
	return assigned && (who->roles & s->roles) != 0;
}

static int holds(const struct id_list *l, int64_t id)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (l->v[i] == id)
			return 1;
	return 0;
}

/* Whether user u may take step s of case c, as of today. */
static int may_take(struct app *app, const struct user_row *u, const struct case_row *c,
                    const struct case_step *s, const struct id_list *assignees)
{
	unsigned role = for_leader(s) ? 1u << ROLE_LEADER : 1u << ROLE_OFFICER;

	if (!for_leader(s) && assignees && assignees->n)
		return !u->disabled && u->clearance >= c->confidentiality &&
		       holds(assignees, u->id);
	return case_worker(app, u, c, role, ORG_WALK_OR_LAST) == 1;
}

/* Those who may take step s of case c (at most max of them). */
static int actors_of(struct app *app, const struct case_row *c, const struct case_step *s,
                     const struct id_list *assignees, size_t max, struct arena *a,
                     struct user_row **ret, size_t *ret_n)
{
	struct user_list users;
	int rc = store_user_list(app_store(app), a, &users);

	*ret_n = 0;
	if (rc < 0)
		return rc;
	*ret = arena_alloc(a, (users.n ? users.n : 1) * sizeof(**ret));
	if (!*ret)
		return HOSO_E_NOMEM;
	for (size_t i = 0; i < users.n && *ret_n < max; i++)
		if (may_take(app, &users.v[i], c, s, assignees))
			(*ret)[(*ret_n)++] = users.v[i];
	return 0;
}

int case_assignable(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                    struct case_name **ret, size_t *ret_n, struct err *e)
{
	const unsigned roles = 1u << ROLE_OFFICER | 1u << ROLE_LEADER;
	struct user_list users;
	struct case_row c;
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = gate_role(who, roles, e)) < 0 || (rc = case_fetch(app, who, id, a, &c, e)) < 0)
		return rc;
	if ((rc = store_user_list(app_store(app), a, &users)) < 0)
		return gate_store_error(e, rc, NOUN_USER);
	if (!(*ret = arena_alloc(a, (users.n ? users.n : 1) * sizeof(**ret))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < users.n; i++) {
		const struct user_row *u = &users.v[i];

		if ((rc = case_worker(app, u, &c, roles, ORG_WALK_AT)) < 0)
			return gate_store_error(e, rc, NOUN_ORG);
		if (rc == 1)
			(*ret)[(*ret_n)++] = (struct case_name){u->username, u->full_name};
	}
	return 0;
}

int case_next_load(struct app *app, const struct case_row *c, const struct id_list *assignees,
                   struct arena *a, struct case_next *ret, struct err *e)
{
	struct user_row *u;
	size_t n;
	int rc;

	memset(ret, 0, sizeof(*ret));
	ret->step = next_step(case_kind_of(c), c->state);
	if (!ret->step)
		return 0;
	if ((rc = actors_of(app, c, ret->step, assignees, ACTORS_MAX, a, &u, &n)) < 0)
		return gate_store_error(e, rc, NOUN_USER);
	if (n && !(ret->actors = arena_alloc(a, n * sizeof(*ret->actors))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		ret->actors[i] = (struct case_name){u[i].username, u[i].full_name};
	ret->nactors = n;
	return 0;
}

json_t *case_next_json(const struct case_next *n)
{
	const struct case_step *s = n->step;
	json_t *actors = json_array();
	char vi[400], en[400];

	if (!s)
		return json_pack("{s:n,s:n,s:s,s:s,s:o}", "step", "waiting_for", "text",
		                 "Hồ sơ đã kết thúc", "text_en", "The case is closed", "actors",
		                 actors);
	for (size_t i = 0; i < n->nactors; i++)
		json_array_append_new(actors, json_pack("{s:s,s:s?}", "username", n->actors[i].code,
		                                        "full_name", n->actors[i].name));
	snprintf(vi, sizeof(vi), "Chờ %s: %s", for_leader(s) ? "lãnh đạo" : "cán bộ", s->vi);
	snprintf(en, sizeof(en), "Waiting for %s: %s", for_leader(s) ? "a leader" : "an officer",
	         s->en);
	return json_pack("{s:{s:s,s:s,s:s},s:s,s:s,s:s,s:o}", "step", "to", s->to, "name", s->vi,
	                 "name_en", s->en, "waiting_for", for_leader(s) ? "leader" : "officer",
	                 "text", vi, "text_en", en, "actors", actors);
}

/* Add a notice about case c to user, unless the same one exists. */
static int tell(struct app *app, int64_t user, const struct case_row *c, const char *kind,
                const char *ref, const char *vi, const char *en)
{
	struct notice_row r = {
	    .user_id = user, .case_id = c->id, .kind = kind, .ref = ref, .text = vi, .text_en = en};

	return store_notice_add(app_store(app), &r);
}

int notice_waiting(struct app *app, const struct actor *who, const struct case_row *c,
                   const char *state, struct err *e)
{
	struct case_row now = *c;
	const struct case_step *s;
	struct id_list assignees;
	struct user_row *u;
	struct arena a;
	char vi[600], en[600];
	size_t n = 0;
	int rc;

	now.state = state;
	if (!(s = next_step(case_kind_of(&now), state)))
		return 0;
	arena_init(&a, 1 << 16);
	rc = store_case_assignees(app_store(app), c->id, &a, &assignees);
	if (rc == 0)
		rc = actors_of(app, &now, s, &assignees, SIZE_MAX, &a, &u, &n);
	snprintf(vi, sizeof(vi), "Hồ sơ %s chờ bạn: %s (%s)", c->number, s->vi, c->title);
	snprintf(en, sizeof(en), "Case %s waits for you: %s (%s)", c->number, s->en, c->title);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (u[i].id != who->user_id)
			rc = tell(app, u[i].id, c, "waiting", state, vi, en);
	arena_release(&a);
	return rc < 0 ? gate_store_error(e, rc, NOUN_CASE) : 0;
}

int notice_assigned(struct app *app, const struct actor *who, const struct case_row *c,
                    const int64_t *ids, size_t n, int64_t version, struct err *e)
{
	char vi[600], en[600], ref[32];
	int rc = 0;

	snprintf(vi, sizeof(vi), "Bạn được giao hồ sơ %s: %s", c->number, c->title);
	snprintf(en, sizeof(en), "Case %s is assigned to you: %s", c->number, c->title);
	snprintf(ref, sizeof(ref), "%lld", (long long)version);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (ids[i] != who->user_id)
			rc = tell(app, ids[i], c, "assigned", ref, vi, en);
	return rc < 0 ? gate_store_error(e, rc, NOUN_CASE) : 0;
}

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

/* What is due, for a notice: the case, its deadline, what the deadline
 * is for ("Trả lời văn bản thẩm tra, xác minh — Công an huyện"), and
 * which item it is (ref: one notice per item, level and reader). */
struct due {
	const struct case_row *c;
	struct deadline d;
	char vi[300], en[300], ref[200];
};

/* A due item's notice: its level's words. */
static int tell_due(struct app *app, int64_t user, const struct due *x, int escalated)
{
	static const char *const vi[] = {[DEADLINE_EARLY] = "sắp đến hạn",
	                                 [DEADLINE_LATE] = "gần hết hạn",
	                                 [DEADLINE_OVERDUE] = "đã quá hạn"};
	static const char *const en[] = {[DEADLINE_EARLY] = "is due soon",
	                                 [DEADLINE_LATE] = "is nearly due",
	                                 [DEADLINE_OVERDUE] = "is overdue"};
	char due[DATE_BUF], tv[800], te[800];
	enum deadline_level l = x->d.level;

	date_format_vn(x->d.due, due);
	snprintf(tv, sizeof(tv), "%sHồ sơ %s: %s %s (hạn %s)", escalated ? "Báo lãnh đạo — " : "",
	         x->c->number, x->vi, vi[l], due);
	snprintf(te, sizeof(te), "%sCase %s: %s %s (due %s)", escalated ? "For the leader — " : "",
	         x->c->number, x->en, en[l], due);
	return tell(app, user, x->c, escalated ? "escalated" : deadline_level_name(l), x->ref, tv,
	            te);
}

/* The notices a reader's due items make, gathered before any is written
 * (the scans read much; the write lock is taken only to add them). */
struct due_reader {
	struct app *app;
	struct arena *a;
	const struct actor *who;
	struct id_list mine; /* the cases assigned to the reader, ascending */
	int leader;
	struct due_notice {
		struct due x;
		int escalated;
	} * v;
	size_t n, cap;
};

static int due_add(struct due_reader *r, const struct due *x, int escalated)
{
	struct due_notice *v = store_vec_grow(r->a, r->v, r->n, &r->cap, sizeof(*v));

	if (!v)
		return HOSO_E_NOMEM;
	r->v = v;
	r->v[r->n++] = (struct due_notice){*x, escalated};
	return 0;
}

/* Whom a due item tells: the reader when the case is assigned to them,
 * and a leader whose scope is the handling organisation itself when it is
 * overdue (the escalation of deadline.h). */
static int due_one(struct due_reader *r, const struct due *x)
{
	int rc = 0;

	if (x->d.level < DEADLINE_EARLY || x->d.level > DEADLINE_OVERDUE)
		return 0;
	if (r->mine.n && bsearch(&x->c->id, r->mine.v, r->mine.n, sizeof(*r->mine.v), cmp_id))
		rc = due_add(r, x, 0);
	if (rc == 0 && r->leader && x->d.level == DEADLINE_OVERDUE &&
	    x->c->handling_org == r->who->scope_org)
		rc = due_add(r, x, 1);
	return rc;
}

/* The kinds' own deadlines of the cases the reader may see. */
static int due_cases(struct due_reader *r, struct arena *a, struct err *e)
{
	struct deadline_item *v;
	size_t n;
	int rc = deadline_scan(r->app, r->who, DEADLINE_EARLY, a, &v, &n, e);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct due x = {.c = &v[i].c, .d = v[i].d};

		/* a trip's reports are told traveller by traveller, by name */
		if (strcmp(v[i].d.rule->code, TRIP_REPORT_RULE) == 0)
			continue;
		snprintf(x.vi, sizeof(x.vi), "%s", v[i].d.rule->vi);
		snprintf(x.en, sizeof(x.en), "%s", v[i].d.rule->en);
		snprintf(x.ref, sizeof(x.ref), "%s:%d", v[i].d.rule->code, v[i].d.start);
		rc = due_one(r, &x);
	}
	return rc;
}

/* The answers awaited from verification letters, the travellers' return
 * reports and the remedial actions past their due date. */
static int due_named(struct due_reader *r, struct arena *a, struct err *e)
{
	struct letter_item *l;
	struct report_item *t;
	struct remedy_item *m;
	size_t nl, nt, nm;
	int rc = letter_due(r->app, r->who, DEADLINE_EARLY, DEADLINE_UNSHOWN, a, &l, &nl, e);

	for (size_t i = 0; rc == 0 && i < nl; i++) {
		struct due x = {.c = &l[i].c, .d = l[i].v.d};

		snprintf(x.vi, sizeof(x.vi), "%s — %s", l[i].v.d.rule->vi, l[i].v.l.recipient);
		snprintf(x.en, sizeof(x.en), "%s — %s", l[i].v.d.rule->en, l[i].v.l.recipient);
		snprintf(x.ref, sizeof(x.ref), "letter:%lld", (long long)l[i].v.l.id);
		rc = due_one(r, &x);
	}
	if (rc == 0)
		rc = trip_reports_due(r->app, r->who, DEADLINE_EARLY, DEADLINE_UNSHOWN, a, &t, &nt,
		                      e);
	for (size_t i = 0; rc == 0 && i < nt; i++) {
		struct due x = {.c = &t[i].c, .d = t[i].v.report};
		const char *name = t[i].v.full_name ? t[i].v.full_name : "?";

		snprintf(x.vi, sizeof(x.vi), "%s — %s", t[i].v.report.rule->vi, name);
		snprintf(x.en, sizeof(x.en), "%s — %s", t[i].v.report.rule->en, name);
		snprintf(x.ref, sizeof(x.ref), "traveller:%lld", (long long)t[i].v.t.id);
		rc = due_one(r, &x);
	}
	if (rc == 0)
		rc = remedy_overdue(r->app, r->who, DEADLINE_UNSHOWN, a, &m, &nm, e);
	for (size_t i = 0; rc == 0 && i < nm; i++) {
		struct due x = {.c = &m[i].c, .d = {.due = m[i].r.due, .level = DEADLINE_OVERDUE}};

		snprintf(x.vi, sizeof(x.vi), "Khắc phục \"%s\"", m[i].r.action);
		snprintf(x.en, sizeof(x.en), "Remedy \"%s\"", m[i].r.action);
		snprintf(x.ref, sizeof(x.ref), "remedy:%lld", (long long)m[i].r.id);
		rc = due_one(r, &x);
	}
	return rc;
}

/* Bring the caller's deadline notices up to date: those of the cases
 * assigned to them - the kinds' deadlines, letters awaiting an answer,
 * travellers' reports, overdue remedies - and the overdue ones of their
 * own organisation for a leader.  Derived from the cases, so not audited. */
static int sync_deadlines(struct app *app, const struct actor *who, struct arena *a, struct err *e)
{
	struct due_reader r = {
	    .app = app, .a = a, .who = who, .leader = (who->roles & (1u << ROLE_LEADER)) != 0};
	int rc;

	/* an auditor reads the trail, not the cases: no deadline is theirs */
	if (!(who->roles & GATE_RECORD_READERS))
		return 0;
	if ((rc = store_cases_of_assignee(app_store(app), who->user_id, a, &r.mine)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if ((rc = due_cases(&r, a, e)) < 0 || (rc = due_named(&r, a, e)) < 0)
		return e->code ? rc : err_set(e, rc, NULL, NULL, NULL);
	if (r.n == 0)
		return 0;
	if ((rc = store_begin(app_store(app))) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; rc == 0 && i < r.n; i++)
		rc = tell_due(app, who->user_id, &r.v[i].x, r.v[i].escalated);
	if (rc == 0 && (rc = store_commit(app_store(app))) == 0)
		return 0;
	store_rollback(app_store(app));
	return gate_store_error(e, rc, NOUN_CASE);
}

/* Notice r as the inbox shows it, or NULL when its case is hidden. */
static json_t *notice_json(struct app *app, const struct actor *who, const struct notice_row *r,
                           struct arena *a)
{
	struct case_row c;

	if (case_fetch(app, who, r->case_id, a, &c, NULL) < 0)
		return NULL;
	return json_pack("{s:I,s:s,s:s,s:s,s:s,s:b,s:o}", "id", (json_int_t)r->id, "kind", r->kind,
	                 "text", r->text, "text_en", r->text_en, "at", r->at, "read",
	                 r->read_at != NULL, "case", case_brief_json(app, who, &c, a));
}

/* How many of the caller's unread notices they may still see. */
static int unread_count(struct app *app, const struct actor *who, struct arena *a, size_t *ret)
{
	struct notice_list l;
	struct case_row c;
	int rc = store_notices(app_store(app), who->user_id, 0, 1, UNREAD_MAX + 1, a, &l);

	*ret = 0;
	for (size_t i = 0; rc == 0 && i < l.n; i++)
		*ret += case_fetch(app, who, l.v[i].case_id, a, &c, NULL) == 0;
	return rc;
}

int notice_inbox(struct app *app, const struct actor *who, const struct notice_query *q,
                 struct arena *a, json_t **ret, struct err *e)
{
	size_t limit = q->limit < INBOX_MAX ? q->limit : INBOX_MAX, unread;
	struct notice_list l = {0};
	json_t *items;
	int rc;

	*ret = NULL;
	if (!who->user_id)
		return err_set(e, HOSO_E_DENIED, NULL, "Hộp thư là của người dùng đã đăng nhập",
		               "The inbox belongs to a signed-in user");
	items = json_array();
	if ((rc = sync_deadlines(app, who, a, e)) < 0 ||
	    (limit && (rc = store_notices(app_store(app), who->user_id, q->before, q->unread_only,
	                                  limit, a, &l)) < 0) ||
	    (rc = unread_count(app, who, a, &unread)) < 0) {
		json_decref(items);
		return gate_store_error(e, rc, NOUN_CASE);
	}
	for (size_t i = 0; i < l.n; i++) {
		json_t *o = notice_json(app, who, &l.v[i], a);

		if (o)
			json_array_append_new(items, o);
	}
	if (limit &&
	    (rc = audit_record_json(
	         app, who, (struct audit_entry){"list", "notice", 0, NULL, 0},
	         json_pack("{s:I}", "results", (json_int_t)json_array_size(items)), e)) < 0) {
		json_decref(items);
		return rc;
	}
	*ret = json_pack("{s:I,s:o}", "unread", (json_int_t)unread, "notices", items);
	return 0;
}

int notice_read(struct app *app, const struct actor *who, int64_t id, struct err *e)
{
	struct gate_write w = {"read", "notice", id, NULL, NOUN_RECORD, 1};

	if (!who->user_id)
		return err_set(e, HOSO_E_DENIED, NULL, "Hộp thư là của người dùng đã đăng nhập",
		               "The inbox belongs to a signed-in user");
	if (gate_begin(app, e) < 0)
		return e->code;
	return gate_end(app, who, store_notice_read(app_store(app), who->user_id, id), &w, e);
}
