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

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"
#include "core/buf.h"
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
/* audit_append and audit_record with the detail given as JSON (consumed;
 * serialised with sorted keys in place of en->detail).  A NULL detail is
 * one that could not be built: HOSO_E_NOMEM, and nothing is recorded (an
 * entry that lost what it says must not stand in for it). */
int audit_append_json(struct app *app, const struct actor *who, struct audit_entry en,
                      json_t *detail, struct err *e);
int audit_record_json(struct app *app, const struct actor *who, struct audit_entry en,
                      json_t *detail, struct err *e);

/* The group commit's writer, as a health check and /metrics see it.  Read
 * without taking its lock.  The writer is alive unless an entry has
 * waited AUDIT_STUCK_SECONDS for it (an idle writer, or one not started
 * yet, is alive: it starts with the first entry). */
#define AUDIT_STUCK_SECONDS 15
struct audit_writer_stats {
	int alive;
	uint64_t queued;         /* entries waiting or being written */
	uint64_t oldest_wait_ns; /* how long the oldest of them has waited */
	uint64_t commits;        /* batches written (one transaction each) */
	uint64_t commit_ns;      /* time spent writing them, in all */
	uint64_t last_commit_ns; /* ... the last one */
	uint64_t failed;         /* batches that could not be written */
};
void audit_writer_stats(struct audit_writer_stats *ret);

/* Build a detail without losing a field for want of memory: set key to v
 * (consumed) in the object d and return d; when d or v is NULL, or the set
 * fails, free both and return NULL.  audit_detail_append appends v to the
 * array d in the same way. */
json_t *audit_detail_set(json_t *d, const char *key, json_t *v);
json_t *audit_detail_append(json_t *d, json_t *v);

struct audit_check {
	int64_t entries;     /* entries read */
	int64_t bad_id;      /* 0 when the chain is whole */
	const char *problem; /* Vietnamese, static */
	const char *problem_en;
	unsigned char head[32]; /* the last hash: record it elsewhere to detect truncation */
};
/* Recompute the chain.  0 whether or not it is whole (see ret->bad_id). */
int audit_verify(struct app *app, const struct actor *who, struct audit_check *ret, struct err *e);

/* Entries f selects, newest first (f->limit 0 or over 1000: 100), for
 * auditors (all) and, for one person record, for the leaders and
 * administrators who manage it ("who viewed this"). */
int audit_list(struct app *app, const struct actor *who, const struct audit_filter *f,
               struct arena *a, struct audit_list *ret, struct err *e);

/*
 * Select the entries of the civil days from..to (inclusive; DATE_NONE: no
 * bound) in Vietnam time (UTC+7, Asia/Ho_Chi_Minh): f->at_from and
 * f->at_until are set to UTC timestamps written in buf (AUDIT_DAYS_BUF
 * bytes, which must outlive f).  HOSO_E_RANGE naming "to" when to < from.
 */
#define AUDIT_DAYS_BUF 96
int audit_filter_days(struct audit_filter *f, int32_t from, int32_t to, char *buf, struct err *e);

/* One entry as the API and the CLI show it: {"id", "at", "user",
 * "username", "user_name", "address", "action", "object_type", "object_id",
 * "purpose", "detail", "flagged"}; a new reference, NULL on OOM. */
json_t *audit_row_json(const struct audit_row *r);

/*
 * The entries f selects (newest first, at most f->limit, 0 meaning
 * AUDIT_EXPORT_MAX) as CSV appended to out: UTF-8 with a byte-order mark,
 * a header row, the columns of audit_row_json, RFC 4180 quoting, and a
 * leading ' on text that a spreadsheet would take for a formula.  Auditors
 * only.  The export itself is recorded (action "export", object_type
 * "audit", detail: the filters and the number of rows) before it returns;
 * *ret_n (may be NULL) receives the number of rows.
 */
#define AUDIT_EXPORT_MAX 100000
int audit_export_csv(struct app *app, const struct actor *who, const struct audit_filter *f,
                     struct buf *out, size_t *ret_n, struct err *e);

#endif
