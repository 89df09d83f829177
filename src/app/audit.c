/*
 * audit.c - the hash-chained audit trail and its group commit (audit.h).
 */
#include "app/audit.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/gate.h"
#include "app/scope.h"
#include "app/trail.h"

#include "core/banned.h"

static void put_text(crypto_hash_sha256_state *h, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : 0xffffffffu;
	unsigned char len[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16),
	                        (unsigned char)(n >> 8), (unsigned char)n};

	crypto_hash_sha256_update(h, len, 4);
	if (s)
		crypto_hash_sha256_update(h, (const unsigned char *)s, strlen(s));
}

static void put_int(crypto_hash_sha256_state *h, int64_t v)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)((uint64_t)v >> (56 - 8 * i));
	crypto_hash_sha256_update(h, b, 8);
}

/* The hash of an entry: its previous hash and every field, length-prefixed
 * so that no two different entries serialise alike. */
static void entry_hash(const struct audit_row *r, unsigned char out[32])
{
	crypto_hash_sha256_state h;
	unsigned char flag = r->flagged ? 1 : 0;

	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, r->prev_hash, 32);
	put_int(&h, r->id);
	put_text(&h, r->at);
	put_int(&h, r->user_id);
	put_text(&h, r->address);
	put_text(&h, r->action);
	put_text(&h, r->object_type);
	put_int(&h, r->object_id);
	put_text(&h, r->purpose);
	put_text(&h, r->detail);
	crypto_hash_sha256_update(&h, &flag, 1);
	crypto_hash_sha256_final(&h, out);
}

static void now_utc(char *out, size_t n)
{
	struct timespec ts;
	struct tm tm;
	char base[32];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, n, "%s.%03uZ", base, (unsigned)(ts.tv_nsec / 1000000) % 1000u);
}

static void fill(struct audit_row *r, const struct actor *who, const struct audit_entry *en,
                 char *at, size_t atn)
{
	memset(r, 0, sizeof(*r));
	now_utc(at, atn);
	r->at = at;
	r->user_id = who->user_id;
	r->address = who->address;
	r->purpose = who->purpose;
	r->action = en->action;
	r->object_type = en->object_type;
	r->object_id = en->object_id;
	r->detail = en->detail;
	r->flagged = en->flagged;
}

/* Chain r onto the current tail and insert it (inside a write tx). */
static int chain_insert(struct store *s, struct audit_row *r, int64_t *tail_id,
                        unsigned char *tail_hash)
{
	int rc;

	r->id = *tail_id + 1;
	memcpy(r->prev_hash, tail_hash, 32);
	entry_hash(r, r->hash);
	rc = store_audit_insert(s, r);
	if (rc == 0) {
		*tail_id = r->id;
		memcpy(tail_hash, r->hash, 32);
	}
	return rc;
}

int audit_append(struct app *app, const struct actor *who, const struct audit_entry *en,
                 struct err *e)
{
	struct audit_row r;
	unsigned char tail[32];
	int64_t tail_id;
	char at[64];
	int rc;

	fill(&r, who, en, at, sizeof(at));
	rc = store_audit_tail(app_store(app), &tail_id, tail);
	if (rc == 0)
		rc = chain_insert(app_store(app), &r, &tail_id, tail);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

/* json_object_set_new and json_array_append_new consume v even when they
 * fail. */
json_t *audit_detail_set(json_t *d, const char *key, json_t *v)
{
	if (!d || !v) {
		json_decref(v);
		json_decref(d);
		return NULL;
	}
	if (json_object_set_new(d, key, v) == 0)
		return d;
	json_decref(d);
	return NULL;
}

json_t *audit_detail_append(json_t *d, json_t *v)
{
	if (!d || !v) {
		json_decref(v);
		json_decref(d);
		return NULL;
	}
	if (json_array_append_new(d, v) == 0)
		return d;
	json_decref(d);
	return NULL;
}

/* Serialise detail (consumed) into en and append or record it. */
static int with_json(struct app *app, const struct actor *who, struct audit_entry en,
                     json_t *detail, int durable, struct err *e)
{
	char *text = app_json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS);
	int rc;

	json_decref(detail);
	if (!text)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	en.detail = text;
	rc = durable ? audit_record(app, who, &en, e) : audit_append(app, who, &en, e);
	free(text);
	return rc;
}

int audit_append_json(struct app *app, const struct actor *who, struct audit_entry en,
                      json_t *detail, struct err *e)
{
	return with_json(app, who, en, detail, 0, e);
}

/* ---- group commit ----
 * Callers queue their entry and wait; one writer thread with its own
 * connection takes everything queued, writes it in one transaction (one
 * fsync) and wakes the callers of that batch. */

struct pending {
	const char *db; /* the caller's database (alive while the caller waits) */
	struct audit_row row;
	char at[64];
	char *strs; /* owned copies of the row's strings */
	uint64_t seq;
};

static struct {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	pthread_t thread;
	int started;
	struct pending *q;
	size_t n, cap;
	uint64_t next_seq, done_seq, failed_seq;
	int last_rc;
	uint64_t q_since; /* when the first entry of q was queued (ns), 0: q empty */
	/* For audit_writer_stats: written under mu, read without it, so that a
	 * health check never waits behind the writer. */
	atomic_uint_least64_t queued, oldest, commits, commit_ns, last_ns, failed;
} gc = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER};

static uint64_t mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Write entries [0, n) of batch (all of one database) in one transaction. */
static int write_run(struct store **s, char **open_db, struct pending *batch, size_t n,
                     struct err *e)
{
	int64_t tail_id;
	unsigned char tail[32];
	int rc = 0;

	if (!*open_db || strcmp(*open_db, batch[0].db) != 0) {
		store_close(*s);
		*s = NULL;
		free(*open_db);
		*open_db = strdup(batch[0].db);
		if (!*open_db)
			return HOSO_E_NOMEM;
		rc = store_open(*open_db, 0, s, e);
		if (rc < 0) {
			/* No connection: open again for the next batch (this one
			 * would otherwise find the name and use a NULL store). */
			free(*open_db);
			*open_db = NULL;
		}
	}
	if (rc == 0)
		rc = store_begin(*s);
	if (rc == 0)
		rc = store_audit_tail(*s, &tail_id, tail);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = chain_insert(*s, &batch[i].row, &tail_id, tail);
	if (rc == 0)
		rc = store_commit(*s);
	if (rc < 0 && *s)
		store_rollback(*s);
	return rc;
}

static void *writer_main(void *arg)
{
	struct store *s = NULL;
	char *open_db = NULL;
	struct err e;

	(void)arg;
	err_init(&e);
	pthread_mutex_lock(&gc.mu);
	for (;;) {
		struct pending *batch;
		size_t n, start = 0;
		uint64_t last, t0, took;
		int rc = 0;

		while (gc.n == 0)
			pthread_cond_wait(&gc.work, &gc.mu);
		batch = gc.q;
		n = gc.n;
		last = batch[n - 1].seq;
		gc.q = NULL;
		gc.n = gc.cap = 0;
		gc.q_since = 0;
		pthread_mutex_unlock(&gc.mu);
		t0 = mono_ns();

		/* Runs of entries for the same database, each one transaction. */
		while (start < n && rc == 0) {
			size_t end = start + 1;

			while (end < n && strcmp(batch[end].db, batch[start].db) == 0)
				end++;
			rc = write_run(&s, &open_db, batch + start, end - start, &e);
			start = end;
		}
		for (size_t i = 0; i < n; i++)
			free(batch[i].strs);
		free(batch);

		took = mono_ns() - t0;
		pthread_mutex_lock(&gc.mu);
		gc.done_seq = last;
		if (rc < 0) {
			gc.failed_seq = last;
			gc.last_rc = rc;
			atomic_fetch_add(&gc.failed, 1);
		}
		atomic_fetch_sub(&gc.queued, n);
		atomic_store(&gc.oldest, gc.q_since);
		atomic_fetch_add(&gc.commits, 1);
		atomic_fetch_add(&gc.commit_ns, took);
		atomic_store(&gc.last_ns, took);
		pthread_cond_broadcast(&gc.done);
	}
	return NULL;
}

/* Pack the row's strings into one allocation the queue owns. */
static int own_strings(struct pending *p)
{
	const char **f[] = {&p->row.address, &p->row.action, &p->row.object_type, &p->row.purpose,
	                    &p->row.detail};
	size_t total = 0;
	char *w;

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		total += *f[i] ? strlen(*f[i]) + 1 : 0;
	p->strs = malloc(total ? total : 1);
	if (!p->strs)
		return HOSO_E_NOMEM;
	w = p->strs;
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (!*f[i])
			continue;
		memcpy(w, *f[i], strlen(*f[i]) + 1);
		*f[i] = w;
		w += strlen(w) + 1;
	}
	p->row.at = p->at;
	return 0;
}

int audit_record(struct app *app, const struct actor *who, const struct audit_entry *en,
                 struct err *e)
{
	struct pending p;
	uint64_t seq;
	int rc = 0;

#ifdef HOSO_BENCH_NO_AUDIT
	/* A benchmark build: measure the request without its audit entry. */
	(void)app;
	(void)who;
	(void)en;
	(void)e;
	(void)seq;
	(void)rc;
	(void)p;
	return 0;
#endif
	fill(&p.row, who, en, p.at, sizeof(p.at));
	if (own_strings(&p) < 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	p.db = store_path(app_store(app));
	pthread_mutex_lock(&gc.mu);
	if (!gc.started) {
		if (pthread_create(&gc.thread, NULL, writer_main, NULL) != 0) {
			pthread_mutex_unlock(&gc.mu);
			free(p.strs);
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		}
		pthread_detach(gc.thread);
		gc.started = 1;
	}
	if (gc.n == gc.cap) {
		size_t nc = gc.cap ? gc.cap * 2 : 64;
		struct pending *nq = realloc(gc.q, nc * sizeof(*nq));

		if (!nq) {
			pthread_mutex_unlock(&gc.mu);
			free(p.strs);
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		}
		gc.q = nq;
		gc.cap = nc;
	}
	p.seq = seq = ++gc.next_seq;
	if (gc.n == 0)
		gc.q_since = mono_ns();
	if (atomic_load(&gc.oldest) == 0)
		atomic_store(&gc.oldest, gc.q_since);
	atomic_fetch_add(&gc.queued, 1);
	gc.q[gc.n++] = p;
	pthread_cond_signal(&gc.work);
	while (gc.done_seq < seq)
		pthread_cond_wait(&gc.done, &gc.mu);
	if (gc.failed_seq >= seq && gc.failed_seq && gc.last_rc < 0)
		rc = gc.last_rc;
	pthread_mutex_unlock(&gc.mu);
	/* An entry that could not be written must stop the read it records. */
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

void audit_writer_stats(struct audit_writer_stats *ret)
{
	uint64_t oldest = atomic_load(&gc.oldest);

	ret->queued = atomic_load(&gc.queued);
	ret->commits = atomic_load(&gc.commits);
	ret->commit_ns = atomic_load(&gc.commit_ns);
	ret->last_commit_ns = atomic_load(&gc.last_ns);
	ret->failed = atomic_load(&gc.failed);
	ret->oldest_wait_ns = oldest ? mono_ns() - oldest : 0;
	ret->alive = ret->oldest_wait_ns < (uint64_t)AUDIT_STUCK_SECONDS * 1000000000u;
}

int audit_record_json(struct app *app, const struct actor *who, struct audit_entry en,
                      json_t *detail, struct err *e)
{
	return with_json(app, who, en, detail, 1, e);
}

/* ---- verification and listing ---- */

struct verify_state {
	struct audit_check *c;
	int64_t last_id;
	unsigned char prev[32];
};

static int verify_one(const struct audit_row *r, void *arg)
{
	struct verify_state *v = arg;
	unsigned char h[32];

	v->c->entries++;
	if (r->id != v->last_id + 1) {
		v->c->bad_id = r->id;
		v->c->problem = "Thiếu mục nhật ký ngay trước mục này (đã bị xóa)";
		v->c->problem_en = "Entries are missing just before this one (deleted)";
		return -1;
	}
	if (memcmp(r->prev_hash, v->prev, 32) != 0) {
		v->c->bad_id = r->id;
		v->c->problem = "Chuỗi băm bị đứt: mục trước đã bị sửa, xóa hoặc đổi chỗ";
		v->c->problem_en =
		    "The chain is broken: an earlier entry was edited, deleted or moved";
		return -1;
	}
	entry_hash(r, h);
	if (memcmp(h, r->hash, 32) != 0) {
		v->c->bad_id = r->id;
		v->c->problem = "Nội dung mục nhật ký đã bị sửa";
		v->c->problem_en = "This entry was edited";
		return -1;
	}
	v->last_id = r->id;
	memcpy(v->prev, r->hash, 32);
	return 0;
}

int audit_verify(struct app *app, const struct actor *who, struct audit_check *ret, struct err *e)
{
	struct verify_state v = {.c = ret};
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_AUDITOR | 1u << ROLE_ADMIN, e)) < 0)
		return rc;
	memset(ret, 0, sizeof(*ret));
	rc = store_audit_scan(app_store(app), verify_one, &v);
	if (rc < 0 && !ret->bad_id)
		return err_set(e, rc, NULL, NULL, NULL);
	memcpy(ret->head, v.prev, 32);
	return 0;
}

/* An entry shown without the record's data (trail.h). */
static void withhold(struct audit_row *r)
{
	r->detail = NULL;
	r->purpose = NULL;
}

struct scan {
	struct trail *t;
	struct arena *a;
	struct audit_row *v;
	size_t n, cap, limit;
};

static const char *copy_text(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

/* Keep the entries the auditor sees, until the page is full. */
static int scan_row(const struct audit_row *r, void *arg)
{
	struct scan *x = arg;
	struct audit_row *o;
	int whole;

	if (!trail_sees(x->t, r, &whole))
		return 0;
	if (!(o = store_vec_grow(x->a, x->v, x->n, &x->cap, sizeof(*o))))
		return HOSO_E_NOMEM;
	x->v = o;
	o = &x->v[x->n++];
	*o = *r;
	o->at = copy_text(x->a, r->at);
	o->address = copy_text(x->a, r->address);
	o->action = copy_text(x->a, r->action);
	o->object_type = copy_text(x->a, r->object_type);
	o->purpose = copy_text(x->a, r->purpose);
	o->detail = copy_text(x->a, r->detail);
	o->username = copy_text(x->a, r->username);
	o->user_name = copy_text(x->a, r->user_name);
	if (!whole)
		withhold(o);
	return x->n == x->limit ? 1 : 0; /* 1: the page is full */
}

/* An auditor's page of the trail: what trail.h lets them see. */
static int auditor_list(struct app *app, const struct actor *who, struct audit_filter *q,
                        struct arena *a, struct audit_list *ret, struct err *e)
{
	struct scan x = {trail_new(app, who), a, NULL, 0, 0, q->limit};
	int rc;

	if (!x.t)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	q->limit = SIZE_MAX / 2; /* filtered here, page by page */
	rc = store_audit_query_each(app_store(app), q, scan_row, &x);
	trail_free(x.t);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	ret->v = x.v;
	ret->n = x.n;
	return 0;
}

int audit_list(struct app *app, const struct actor *who, const struct audit_filter *f,
               struct arena *a, struct audit_list *ret, struct err *e)
{
	struct audit_filter q = *f;
	int rc;

	if (q.limit == 0 || q.limit > 1000)
		q.limit = 100;
	if (actor_has_role(who, ROLE_AUDITOR) && !trail_sees_all(who)) {
		struct person_row p;

		/* a record's own log ("who viewed it"): a record they may see */
		if (q.object_type && strcmp(q.object_type, "person") == 0 && q.object_id &&
		    (store_person_get(app_store(app), q.object_id, a, &p) < 0 ||
		     (who->scope_org && scope_contains(app, who, p.org_id) != 1) ||
		     (int)who->clearance < p.confidentiality))
			return gate_not_found(e, "id", NOUN_RECORD);
		return auditor_list(app, who, &q, a, ret, e);
	}
	if (!actor_has_role(who, ROLE_AUDITOR)) {
		/* "Who viewed this record": its managers may see its own log. */
		struct person_row p;

		if (!q.object_type || strcmp(q.object_type, "person") != 0 || !q.object_id ||
		    !(who->roles & (1u << ROLE_ADMIN | 1u << ROLE_LEADER)))
			return gate_denied(e);
		rc = store_person_get(app_store(app), q.object_id, a, &p);
		if (rc < 0 || (who->scope_org && scope_contains(app, who, p.org_id) != 1) ||
		    (int)who->clearance < p.confidentiality)
			return gate_not_found(e, "id", NOUN_RECORD);
	}
	rc = store_audit_query(app_store(app), &q, a, ret);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

/* The UTC timestamp at which day begins in Vietnam (UTC+7, no summer
 * time): 17:00 of the day before. */
static void vn_day_start(int32_t day, char *out)
{
	char iso[DATE_BUF];

	date_format_iso(day - 1, iso);
	snprintf(out, AUDIT_DAYS_BUF / 2, "%sT17:00:00.000Z", iso);
}

int audit_filter_days(struct audit_filter *f, int32_t from, int32_t to, char *buf, struct err *e)
{
	if (from != DATE_NONE && to != DATE_NONE && to < from)
		return err_set(e, HOSO_E_RANGE, "to", "Ngày cuối (to) trước ngày đầu (from)",
		               "The end date (to) is before the start date (from)");
	f->at_from = f->at_until = NULL;
	if (from != DATE_NONE) {
		vn_day_start(from, buf);
		f->at_from = buf;
	}
	if (to != DATE_NONE) {
		vn_day_start(to + 1, buf + AUDIT_DAYS_BUF / 2);
		f->at_until = buf + AUDIT_DAYS_BUF / 2;
	}
	return 0;
}

json_t *audit_row_json(const struct audit_row *r)
{
	return json_pack("{s:I,s:s,s:I,s:s?,s:s?,s:s?,s:s,s:s?,s:I,s:s?,s:s?,s:b}", "id",
	                 (json_int_t)r->id, "at", r->at, "user", (json_int_t)r->user_id, "username",
	                 r->username, "user_name", r->user_name, "address", r->address, "action",
	                 r->action, "object_type", r->object_type, "object_id",
	                 (json_int_t)r->object_id, "purpose", r->purpose, "detail", r->detail,
	                 "flagged", r->flagged);
}

/* ---- CSV export ---- */

struct csv_state {
	struct buf *out;
	size_t n, limit;
	struct trail *t; /* NULL: every entry, whole */
};

static int csv_row(const struct audit_row *entry, void *arg)
{
	struct csv_state *c = arg;
	struct audit_row shown = *entry;
	const struct audit_row *r = &shown;
	const char *texts[] = {r->username, r->user_name, r->address, r->action, r->object_type};
	int whole = 1, rc;

	if (c->t && !trail_sees(c->t, entry, &whole))
		return 0;
	if (!whole)
		withhold(&shown);
	rc = buf_addf(c->out, "%lld,", (long long)r->id);

	if (rc == 0)
		rc = app_csv_field(c->out, r->at);
	if (rc == 0)
		rc = buf_addf(c->out, ",%lld", (long long)r->user_id);
	for (size_t i = 0; rc == 0 && i < sizeof(texts) / sizeof(texts[0]); i++)
		if ((rc = buf_addch(c->out, ',')) == 0)
			rc = app_csv_field(c->out, texts[i]);
	if (rc == 0)
		rc = buf_addf(c->out, ",%lld,", (long long)r->object_id);
	if (rc == 0)
		rc = app_csv_field(c->out, r->purpose);
	if (rc == 0 && (rc = buf_addch(c->out, ',')) == 0)
		rc = app_csv_field(c->out, r->detail);
	if (rc == 0)
		rc = buf_addf(c->out, ",%d\r\n", r->flagged ? 1 : 0);
	c->n++;
	return rc < 0 ? rc : c->n == c->limit ? 1 : 0;
}

int audit_export_csv(struct app *app, const struct actor *who, const struct audit_filter *f,
                     struct buf *out, size_t *ret_n, struct err *e)
{
	struct audit_filter q = *f;
	struct csv_state c = {out, 0, 0, NULL};
	size_t start = out->len;
	json_t *detail;
	int rc = gate_role(who, 1u << ROLE_AUDITOR, e);

	if (rc < 0)
		return rc;
	if (q.limit == 0 || q.limit > AUDIT_EXPORT_MAX)
		q.limit = AUDIT_EXPORT_MAX;
	c.limit = q.limit;
	if (!trail_sees_all(who)) {
		if (!(c.t = trail_new(app, who)))
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		q.limit = SIZE_MAX / 2; /* filtered in csv_row */
	}
	rc = buf_adds(out, "\xef\xbb\xbfid,at,user,username,user_name,address,action,object_type,"
	                   "object_id,purpose,detail,flagged\r\n");
	if (rc == 0)
		rc = store_audit_query_each(app_store(app), &q, csv_row, &c);
	trail_free(c.t);
	if (rc > 0)
		rc = 0; /* stopped at the limit */
	if (rc < 0) {
		buf_setlen(out, start);
		return err_set(e, rc, NULL, NULL, NULL);
	}
	/* What was exported (the filters, how many rows), never the rows. */
	detail = json_pack("{s:s,s:s?,s:I,s:I,s:s?,s:s?,s:s?,s:b,s:I,s:I}", "format", "csv",
	                   "object_type", q.object_type, "object_id", (json_int_t)q.object_id,
	                   "user", (json_int_t)q.user_id, "action", q.action, "from", q.at_from,
	                   "until", q.at_until, "flagged", q.flagged_only, "before",
	                   (json_int_t)q.before_id, "rows", (json_int_t)c.n);
	rc = audit_record_json(app, who, (struct audit_entry){"export", "audit", 0, NULL, 0},
	                       detail, e);
	if (rc < 0)
		buf_setlen(out, start);
	else if (ret_n)
		*ret_n = c.n;
	return rc;
}
