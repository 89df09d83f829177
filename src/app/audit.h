/*
 * audit.h - the audit trail: who read or changed what, when, from where and
 * why.  Entries name records by id, never copy their data (changes carry
 * before/after values of the fields changed).  The trail is append-only
 * (triggers refuse UPDATE and DELETE) and hash-chained: each entry's hash
 * covers its fields and the previous entry's hash, so "hoso audit verify"
 * finds any edit, deletion or reordering, and says where.
 *
 * Reads are recorded with audit_record, which makes the entry durable before
 * it returns and lets concurrent callers share one transaction and one
 * fsync (group commit).  Changes are recorded with audit_append inside the
 * transaction of the change itself, so both land or neither does.
 */
#ifndef HOSO_APP_AUDIT_H
#define HOSO_APP_AUDIT_H

#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

struct audit_entry {
	const char *action;      /* "read", "search", "export", "create", "update", ... */
	const char *object_type; /* "person", "org", ... or NULL */
	int64_t object_id;
	const char *detail; /* JSON text or NULL */
	int flagged;        /* outside the actor's normal scope */
};

/* Durable on return (group commit).  The actor gives who, where and why. */
int audit_record(struct app *app, const struct actor *who, const struct audit_entry *en,
                 struct err *e);
/* Append inside the caller's open write transaction. */
int audit_append(struct app *app, const struct actor *who, const struct audit_entry *en,
                 struct err *e);

struct audit_check {
	int64_t entries;     /* entries read */
	int64_t bad_id;      /* 0 when the chain is whole */
	const char *problem; /* Vietnamese, static */
	const char *problem_en;
	unsigned char head[32]; /* the last hash: record it elsewhere to detect truncation */
};
/* Recompute the chain.  0 whether or not it is whole (see ret->bad_id). */
int audit_verify(struct app *app, const struct actor *who, struct audit_check *ret, struct err *e);

/* Entries, newest first, for auditors (all) and, for one person record,
 * for the leaders and administrators who manage it ("who viewed this"). */
int audit_list(struct app *app, const struct actor *who, const char *object_type, int64_t object_id,
               int64_t user_id, int64_t before_id, size_t limit, struct arena *a,
               struct audit_list *ret, struct err *e);

#endif
