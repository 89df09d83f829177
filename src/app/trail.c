/*
 * trail.c - an auditor's share of the audit trail (trail.h).
 *
 * Each entry is placed by its object (the organisation a record belongs
 * to, and its confidentiality) and by its author (the organisation of the
 * user who acted).  Places are looked up once per reading: a small cache
 * keeps the last ones, since a trail names the same records again and
 * again.
 */
#include "app/trail.h"

#include <stdlib.h>
#include <string.h>

#include "app/scope.h"

#include "core/banned.h"

#define CACHE_SLOTS 4096

enum place_kind {
	PLACE_NONE,
	PLACE_PERSON,
	PLACE_CASE,
	PLACE_ATTACHMENT,
	PLACE_ORG,
	PLACE_USER,
	PLACE_SUBMISSION,
	PLACE__MAX
};

struct slot {
	int64_t id;
	int64_t org; /* 0: nowhere (or the whole tree) */
	int conf;
	unsigned char kind; /* 0: empty */
	unsigned char found;
};

struct trail {
	struct app *app;
	const struct actor *who;
	struct arena a;
	struct slot cache[CACHE_SLOTS];
};

static const struct {
	const char *type;
	enum place_kind kind;
} types[] = {
    {"person", PLACE_PERSON},
    {"case", PLACE_CASE},
    {"attachment", PLACE_ATTACHMENT},
    {"org", PLACE_ORG},
    {"report", PLACE_ORG},
    {"user", PLACE_USER},
    {"report_submission", PLACE_SUBMISSION},
};

/* The shared settings: every auditor sees their changes. */
static const char *const settings[] = {"calendar", "deadline_rule", "counter", NULL};

int trail_sees_all(const struct actor *who)
{
	return who->scope_org == 0 && who->clearance == CLEARANCE_TOP_SECRET;
}

struct trail *trail_new(struct app *app, const struct actor *who)
{
	struct trail *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->app = app;
	t->who = who;
	arena_init(&t->a, 1 << 20);
	return t;
}

void trail_free(struct trail *t)
{
	if (!t)
		return;
	arena_release(&t->a);
	free(t);
}

/* Look a place up in the store. */
static void place_load(struct trail *t, enum place_kind k, int64_t id, struct slot *s)
{
	struct store *st = app_store(t->app);
	union {
		struct person_row p;
		struct case_row c;
		struct attachment_row at;
		struct user_row u;
		struct submission_row sub;
	} r;

	arena_reset(&t->a);
	s->found = 1;
	switch (k) {
	case PLACE_PERSON:
		s->found = store_person_get(st, id, &t->a, &r.p) == 0;
		s->org = r.p.org_id;
		s->conf = r.p.confidentiality;
		break;
	case PLACE_ATTACHMENT:
		if (!(s->found = store_attachment_get(st, id, &t->a, &r.at) == 0))
			break;
		id = r.at.case_id;
		/* fall through */
	case PLACE_CASE:
		s->found = store_case_get(st, id, &t->a, &r.c) == 0;
		s->org = r.c.handling_org;
		s->conf = r.c.confidentiality;
		break;
	case PLACE_ORG:
		s->org = id;
		break;
	case PLACE_USER:
		s->found = store_user_get(st, id, &t->a, &r.u) == 0;
		s->org = r.u.org_id;
		break;
	case PLACE_SUBMISSION:
		s->found = store_submission_get(st, id, &t->a, &r.sub) == 0;
		s->org = r.sub.org_id;
		break;
	default:
		s->found = 0;
	}
	if (!s->found) {
		s->org = 0;
		s->conf = 0;
	}
}

/* The place of record id of kind k (cached). */
static const struct slot *place(struct trail *t, enum place_kind k, int64_t id)
{
	struct slot *s = &t->cache[((uint64_t)id * 2654435761u + k) % CACHE_SLOTS];

	if (s->kind != k || s->id != id) {
		s->kind = (unsigned char)k;
		s->id = id;
		place_load(t, k, id, s);
	}
	return s;
}

/* 1 when org (0: nowhere) lies within who's scope. */
static int in_scope(struct trail *t, int64_t org)
{
	if (t->who->scope_org == 0)
		return 1;
	return org && scope_contains(t->app, t->who, org) == 1;
}

int trail_sees(struct trail *t, const struct audit_row *r, int *ret_whole)
{
	enum place_kind k = PLACE_NONE;
	int placed = 0, object_in = 0, author_in;

	for (size_t i = 0; r->object_type && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(r->object_type, types[i].type) == 0)
			k = types[i].kind;
	if (k != PLACE_NONE && r->object_id) {
		const struct slot *o = place(t, k, r->object_id);

		placed = 1;
		/* a record since removed: only the whole tree's auditors place it */
		object_in = (o->found || t->who->scope_org == 0) && in_scope(t, o->org);
		/* above the auditor's clearance: the entry, not its data */
		*ret_whole = object_in && o->conf <= (int)t->who->clearance;
	}
	author_in = r->user_id ? r->user_id == t->who->user_id ||
	                             in_scope(t, place(t, PLACE_USER, r->user_id)->org)
	                       : t->who->scope_org == 0; /* the local console: the whole tree's */
	if (!placed) {
		/* a search, a list, a setting: what the author did, shown whole */
		object_in = app_one_of(r->object_type, settings);
		*ret_whole = object_in || author_in;
	}
	return object_in || author_in;
}
