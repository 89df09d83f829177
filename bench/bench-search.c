/*
 * bench-search.c - name search latency over a dataset built by "hoso demo",
 * beside two baselines in the same run and on the same rows:
 *   plain  FTS5 with tokenize='unicode61 remove_diacritics 2' over the full
 *          names as typed (what SQLite gives out of the box);
 *   like   a LIKE '%...%' scan over person.full_name (no index), on a
 *          subset of the queries because each one reads the whole table.
 * Queries are generated from names in the database, in the forms users type
 * them: with diacritics, without, in capitals, with old/new tone placement
 * or i/y swapped, and as prefixes.  For each engine it prints p50, p99 and
 * how often the person the query was made from is among the results.
 *
 * Usage: bench-search DB [NQUERIES [scoped]]   (the plain FTS5 table is cached
 * in DB.plain-fts.db next to DB; "scoped": only the searches within a scope)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/org.h"
#include "app/person.h"
#include "app/scope.h"
#include "core/buf.h"
#include "store/store.h"
#include "vi/vi.h"
#include "bench.h"

static double pct(double *v, size_t n, double p)
{
	size_t i;

	if (!n)
		return 0;
	sort_times(v, n);
	i = (size_t)(p * (double)(n - 1) + 0.5);
	return v[i];
}

struct query {
	char text[256];
	long long id;  /* the person it was made from */
	char key[256]; /* that person's folded name */
	int kind;
};

/*
 * Did the engine find the person the query was made from?  With millions
 * of people many share a name, so "found" means a result with the same
 * name (folded); for a prefix query, a result whose name starts that way.
 */
static int same_name(const struct query *q, const char *name)
{
	struct buf k = BUF_INIT(1024);
	int same;

	if (!name || vi_search_key(name, strlen(name), &k) < 0) {
		buf_release(&k);
		return 0;
	}
	if (q->kind == 4) {
		const char *a = q->text, *b = k.buf;

		same = 1;
		while (*a && same) {
			size_t wa = strcspn(a, " "), wb = strcspn(b, " ");

			same = wa <= wb && memcmp(a, b, wa) == 0;
			a += wa;
			b += wb;
			while (*a == ' ')
				a++;
			while (*b == ' ')
				b++;
		}
	} else {
		same = strcmp(k.buf, q->key) == 0;
	}
	buf_release(&k);
	return same;
}

static const char *const kind_names[] = {"as typed", "no diacritics", "CAPITALS",
                                         "tone/i-y variant", "prefixes"};

/* Replace the first occurrence of from by to in s (same buffer, bounded). */
static int swap(char *s, size_t cap, const char *from, const char *to)
{
	char *p = strstr(s, from);
	size_t fl = strlen(from), tl = strlen(to), n = strlen(s);

	if (!p || n - fl + tl + 1 > cap)
		return 0;
	memmove(p + tl, p + fl, n - (size_t)(p - s) - fl + 1);
	memcpy(p, to, tl);
	return 1;
}

static void make_query(struct query *q, const char *name, int kind)
{
	struct buf key = BUF_INIT(1024), up = BUF_INIT(1024);

	snprintf(q->text, sizeof(q->text), "%s", name);
	switch (kind) {
	case 1:
		if (vi_search_key(name, strlen(name), &key) == 0)
			snprintf(q->text, sizeof(q->text), "%s", key.buf);
		break;
	case 2: /* capitals, keeping diacritics: ICU-free, via the display form */
		for (char *p = q->text; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 32);
		break;
	case 3:
		/* The other spelling of the same name. */
		if (!swap(q->text, sizeof(q->text), "Hòa", "Hoà") &&
		    !swap(q->text, sizeof(q->text), "Hoà", "Hòa") &&
		    !swap(q->text, sizeof(q->text), "Thủy", "Thuỷ") &&
		    !swap(q->text, sizeof(q->text), "Thuỷ", "Thủy") &&
		    !swap(q->text, sizeof(q->text), "Quý", "Quí") &&
		    !swap(q->text, sizeof(q->text), "Quí", "Quý") &&
		    !swap(q->text, sizeof(q->text), "Kỳ", "Kì") &&
		    !swap(q->text, sizeof(q->text), "Kì", "Kỳ") &&
		    !swap(q->text, sizeof(q->text), "Mỷ", "Mỉ") &&
		    !swap(q->text, sizeof(q->text), "Đ", "D"))
			swap(q->text, sizeof(q->text), "đ", "d");
		break;
	case 4: { /* the first three letters of each word, folded */
		char out[256];
		size_t o = 0;
		const char *p;

		if (vi_search_key(name, strlen(name), &key) < 0)
			break;
		for (p = key.buf; *p;) {
			size_t w = strcspn(p, " ");

			if (o + 5 >= sizeof(out))
				break;
			memcpy(out + o, p, w < 3 ? w : 3);
			o += w < 3 ? w : 3;
			out[o++] = ' ';
			p += w;
			while (*p == ' ')
				p++;
		}
		out[o ? o - 1 : 0] = '\0';
		snprintf(q->text, sizeof(q->text), "%s", out);
		break;
	}
	default:
		break;
	}
	buf_release(&key);
	buf_release(&up);
}

/*
 * The query for the plain FTS5 table at one stage, as hoso does it (every
 * word whole; the last a prefix; every word a prefix), so both engines run
 * the same plan and differ only in what their index holds.
 */
static void plain_match(const char *q, int stage, char *out, size_t cap)
{
	size_t o = 0;
	int words = 0, nwords = 0;

	for (const char *p = q; *p; p++)
		nwords += *p != ' ' && (p == q || p[-1] == ' ');
	while (*q && o + 8 < cap) {
		while (*q == ' ')
			q++;
		if (!*q)
			break;
		if (o)
			out[o++] = ' ';
		out[o++] = '"';
		while (*q && *q != ' ' && o + 4 < cap) {
			if (*q != '"')
				out[o++] = *q;
			q++;
		}
		out[o++] = '"';
		words++;
		if (stage == 2 || (stage == 1 && words == nwords))
			out[o++] = '*';
	}
	out[o] = '\0';
}

/*
 * Searches within a scope (issue 14), in the same run: the queries made
 * from persons who belong to a commune committee (a committee directly
 * under a province, code Pnn.Xnn, after the 1/7/2025 restructuring), each
 * run three times - as a commune officer scoped to that commune, as a
 * provincial officer scoped to its province, and over the whole tree - in
 * five forms (as typed, without diacritics, the first two words as the
 * issue's users typed them - "hoang van", "lo van" -, the family name
 * alone, 3-letter prefixes).  found: a result whose words start with the
 * query's.  The connection's scope cache is made current before each timed
 * search (it is rebuilt once a minute, or when the scope changes); its
 * rebuild is timed apart.
 */
enum { SC_COMMUNE, SC_PROVINCE, SC_WHOLE, SC__MAX };
static const char *const sc_names[SC__MAX] = {"commune officer", "province officer", "whole tree"};

struct scoped_query {
	char text[256];
	int64_t scope[SC__MAX];
};

/* The commune and province of a person's organisation, or -1. */
static int roots_of(struct app *app, const struct actor *sys, int64_t org, int64_t *commune,
                    int64_t *province)
{
	struct arena a;
	struct org_list l;
	struct err e;
	int rc;

	arena_init(&a, 0);
	err_init(&e);
	rc = org_ancestors(app, sys, org, date_today(), &a, &l, &e);
	if (rc == 0 && l.n >= 2 && strlen(l.v[1].code) >= 5 && l.v[1].code[3] == '.' &&
	    l.v[1].code[4] == 'X') {
		*province = l.v[0].id;
		*commune = l.v[1].id;
	} else {
		rc = -1;
	}
	arena_release(&a);
	err_release(&e);
	return rc;
}

/* The query of form k from a folded name: 0 as typed, 1 folded, 2 the
 * first two words, 3 the first word, 4 3-letter prefixes. */
static void scoped_text(char *out, size_t cap, const char *name, const char *key, int k)
{
	struct query q;
	const char *p = key;
	size_t n = 0;

	if (k == 0 || k == 1 || k == 4) {
		make_query(&q, name, k);
		snprintf(out, cap, "%s", q.text);
		return;
	}
	for (int w = 0; w < (k == 2 ? 2 : 1) && p[n]; w++) {
		n += strcspn(p + n, " ");
		if (w == 0 && k == 2 && p[n] == ' ')
			n++;
	}
	snprintf(out, cap, "%.*s", (int)n, key);
}

static int by_commune(const void *x, const void *y)
{
	const struct scoped_query *a = x, *b = y;

	return (a->scope[SC_COMMUNE] > b->scope[SC_COMMUNE]) -
	       (a->scope[SC_COMMUNE] < b->scope[SC_COMMUNE]);
}

static void scoped_runs(struct app *app, sqlite3 *raw, long long maxid, size_t nq)
{
	struct scoped_query *qs = calloc(nq, sizeof(*qs));
	double *t[SC__MAX], rebuild[16];
	size_t found[SC__MAX] = {0}, n = 0, nreb = 0;
	unsigned long long seed = 4242;
	struct actor sys;
	sqlite3_stmt *st;

	actor_system(&sys, "benchmark");
	for (int c = 0; c < SC__MAX; c++)
		t[c] = calloc(nq, sizeof(double));
	sqlite3_prepare_v2(raw,
	                   "SELECT org_id, full_name, search_key FROM person WHERE id >= ? "
	                   "AND org_id IS NOT NULL LIMIT 1",
	                   -1, &st, NULL);
	for (size_t tries = 0; n < nq && tries < nq * 20; tries++) {
		int64_t commune, province;

		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1,
		                   1 + (long long)((seed >> 33) % (unsigned long long)maxid));
		if (sqlite3_step(st) != SQLITE_ROW ||
		    roots_of(app, &sys, sqlite3_column_int64(st, 0), &commune, &province) < 0)
			continue;
		scoped_text(qs[n].text, sizeof(qs[n].text),
		            (const char *)sqlite3_column_text(st, 1),
		            (const char *)sqlite3_column_text(st, 2), (int)(n % 5));
		qs[n].scope[SC_COMMUNE] = commune;
		qs[n].scope[SC_PROVINCE] = province;
		n++;
	}
	sqlite3_finalize(st);
	/* By commune, as a connection serves its user: the cache is rebuilt
	 * when the commune changes. */
	qsort(qs, n, sizeof(*qs), by_commune);
	for (int c = 0; c < SC__MAX; c++)
		for (size_t i = 0; i < n; i++) {
			struct actor who = {.user_id = 1,
			                    .roles = 1u << ROLE_OFFICER,
			                    .scope_org = qs[i].scope[c],
			                    .clearance = CLEARANCE_TOP_SECRET};
			struct query fq = {.kind = 4};
			struct person_list l;
			struct arena a;
			struct err e;
			double t0 = now_ms();

			scope_contains(app, &who, who.scope_org); /* the cache made current */
			if (nreb < 16 && now_ms() - t0 > 1.0)
				rebuild[nreb++] = now_ms() - t0;
			arena_init(&a, 0);
			err_init(&e);
			t0 = now_ms();
			person_search_unaudited(app, &who, qs[i].text, 20, &a, &l, &e);
			t[c][i] = now_ms() - t0;
			{
				struct buf k = BUF_INIT(1024);

				vi_search_key(qs[i].text, strlen(qs[i].text), &k);
				snprintf(fq.text, sizeof(fq.text), "%s", k.buf);
				buf_release(&k);
			}
			for (size_t r = 0; r < l.n; r++)
				if (same_name(&fq, l.v[r].full_name)) {
					found[c]++;
					break;
				}
			arena_release(&a);
			err_release(&e);
		}
	printf("name search within a scope, %zu queries from members of communes (20 results)\n",
	       n);
	for (int c = 0; c < SC__MAX; c++)
		printf("  %-22s p50 %7.3f ms  p99 %7.3f ms  found %5.1f%%\n", sc_names[c],
		       pct(t[c], n, 0.5), pct(t[c], n, 0.99),
		       100.0 * (double)found[c] / (double)(n ? n : 1));
	printf("  scope cache rebuilds (per connection, once a minute or on a new scope): p50 "
	       "%.1f ms over %zu\n",
	       pct(rebuild, nreb, 0.5), nreb);
	for (int c = 0; c < SC__MAX; c++)
		free(t[c]);
	free(qs);
}

static int exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "sql: %s\n", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct app *app;
	struct actor who;
	struct err e;
	sqlite3 *raw, *plain;
	sqlite3_stmt *st;
	struct query *qs;
	size_t nq = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 1000, nlike;
	double *t_hoso, *t_plain, *t_like;
	size_t found_hoso[5] = {0}, found_plain[5] = {0}, per_kind[5] = {0}, found_like = 0;
	long long maxid = 0, rows = 0;
	char plain_path[4096], match[1024];
	unsigned long long seed = 42;

	if (argc < 2 || nq == 0 || nq > 100000) {
		fprintf(stderr, "usage: bench-search DB [NQUERIES]\n");
		return 2;
	}
	err_init(&e);
	if (app_open(argv[1], 0, &app, &e) != 0) {
		fprintf(stderr, "%s\n", err_text_en(&e));
		return 1;
	}
	actor_system(&who, "benchmark");
	if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return 1;
	sqlite3_prepare_v2(raw, "SELECT max(id), count(*) FROM person", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW) {
		maxid = sqlite3_column_int64(st, 0);
		rows = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rows == 0) {
		fprintf(stderr, "no persons in %s\n", argv[1]);
		return 1;
	}

	if (argc > 3 && strcmp(argv[3], "scoped") == 0) { /* the scoped runs alone */
		scoped_runs(app, raw, maxid, nq);
		sqlite3_close(raw);
		app_close(app);
		err_release(&e);
		return 0;
	}
	/* The baseline index, built once over the same rows. */
	snprintf(plain_path, sizeof(plain_path), "%s.plain-fts.db", argv[1]);
	if (sqlite3_open(plain_path, &plain) != SQLITE_OK)
		return 1;
	exec(plain, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF");
	if (sqlite3_prepare_v2(plain, "SELECT count(*) FROM plain", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int64(st, 0) != rows) {
		char sql[8192];
		double t0 = now_ms();

		sqlite3_finalize(st);
		st = NULL;
		fprintf(stderr, "building the plain FTS5 baseline over %lld names...\n", rows);
		exec(plain, "DROP TABLE IF EXISTS plain");
		exec(plain, "CREATE VIRTUAL TABLE plain USING fts5(full_name, tokenize = "
		            "'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = 'none')");
		snprintf(sql, sizeof(sql), "ATTACH DATABASE 'file:%s?mode=ro' AS src", argv[1]);
		if (sqlite3_db_config(plain, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL) ||
		    exec(plain, sql) < 0 ||
		    exec(plain, "INSERT INTO plain(rowid, full_name) SELECT id, full_name FROM "
		                "src.person") < 0 ||
		    exec(plain, "DETACH DATABASE src") < 0)
			return 1;
		fprintf(stderr, "  built in %.1f s\n", (now_ms() - t0) / 1e3);
	}
	sqlite3_finalize(st);

	/* Queries from random persons. */
	qs = calloc(nq, sizeof(*qs));
	t_hoso = calloc(nq, sizeof(double));
	t_plain = calloc(nq, sizeof(double));
	t_like = calloc(nq, sizeof(double));
	sqlite3_prepare_v2(raw, "SELECT id, full_name FROM person WHERE id >= ? LIMIT 1", -1, &st,
	                   NULL);
	for (size_t i = 0; i < nq; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1,
		                   1 + (long long)((seed >> 33) % (unsigned long long)maxid));
		if (sqlite3_step(st) != SQLITE_ROW)
			continue;
		qs[i].id = sqlite3_column_int64(st, 0);
		qs[i].kind = (int)(i % 5);
		make_query(&qs[i], (const char *)sqlite3_column_text(st, 1), qs[i].kind);
		{
			struct buf k = BUF_INIT(1024);
			const char *nm = (const char *)sqlite3_column_text(st, 1);

			if (vi_search_key(nm, strlen(nm), &k) == 0)
				snprintf(qs[i].key, sizeof(qs[i].key), "%s", k.buf);
			buf_release(&k);
		}
	}
	sqlite3_finalize(st);

	/* hoso */
	for (size_t i = 0; i < nq; i++) {
		struct arena a;
		struct person_list l;
		double t0;

		arena_init(&a, 0);
		t0 = now_ms();
		person_search_unaudited(app, &who, qs[i].text, 20, &a, &l, &e);
		t_hoso[i] = now_ms() - t0;
		per_kind[qs[i].kind]++;
		for (size_t k = 0; k < l.n; k++)
			if (same_name(&qs[i], l.v[k].full_name)) {
				found_hoso[qs[i].kind]++;
				break;
			}
		arena_release(&a);
	}
	/* plain FTS5: the same plan and candidate count (200), names as stored. */
	sqlite3_prepare_v2(plain,
	                   "SELECT rowid, full_name FROM plain WHERE plain MATCH ? LIMIT 200", -1,
	                   &st, NULL);
	for (size_t i = 0; i < nq; i++) {
		double t0 = now_ms();
		int hit = 0, n = 0;

		for (int stage = 0; stage < 3 && n < 20; stage++) {
			plain_match(qs[i].text, stage, match, sizeof(match));
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *nm = (const char *)sqlite3_column_text(st, 1);

				if (n++ < 20 && same_name(&qs[i], nm))
					hit = 1;
			}
		}
		t_plain[i] = now_ms() - t0;
		found_plain[qs[i].kind] += hit;
	}
	sqlite3_finalize(st);
	/* LIKE scan on a few queries (each reads the whole table). */
	nlike = nq < 20 ? nq : 20;
	sqlite3_prepare_v2(raw, "SELECT full_name FROM person WHERE full_name LIKE ? LIMIT 20", -1,
	                   &st, NULL);
	for (size_t i = 0; i < nlike; i++) {
		char pat[300];
		double t0 = now_ms();
		int hit = 0;

		snprintf(pat, sizeof(pat), "%%%s%%", qs[i].text);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, pat, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(st) == SQLITE_ROW)
			hit |= same_name(&qs[i], (const char *)sqlite3_column_text(st, 0));
		t_like[i] = now_ms() - t0;
		found_like += hit;
	}
	sqlite3_finalize(st);

	{
		size_t fh = 0, fp = 0;
		double h50 = pct(t_hoso, nq, 0.5), h99 = pct(t_hoso, nq, 0.99);
		double p50 = pct(t_plain, nq, 0.5), p99 = pct(t_plain, nq, 0.99);

		for (int k = 0; k < 5; k++) {
			fh += found_hoso[k];
			fp += found_plain[k];
		}
		printf("name search over %lld persons, %zu queries (20 results from at most 200 "
		       "candidates a stage)\n",
		       rows, nq);
		printf("  %-22s p50 %7.3f ms  p99 %7.3f ms  found %5.1f%%\n", "hoso (folded keys)",
		       h50, h99, 100.0 * (double)fh / (double)nq);
		printf("  %-22s p50 %7.3f ms  p99 %7.3f ms  found %5.1f%%\n",
		       "plain FTS5 unicode61", p50, p99, 100.0 * (double)fp / (double)nq);
		printf("  %-22s p50 %7.3f ms  p99 %7.3f ms  found %5.1f%%  (%zu queries)\n",
		       "LIKE scan", pct(t_like, nlike, 0.5), pct(t_like, nlike, 0.99),
		       100.0 * (double)found_like / (double)nlike, nlike);
		printf("  ratio hoso/plain at p50: %.2f\n", p50 > 0 ? h50 / p50 : 0);
		printf("  found by query form (hoso / plain):\n");
		for (int k = 0; k < 5; k++)
			printf("    %-18s %5.1f%% / %5.1f%%\n", kind_names[k],
			       100.0 * (double)found_hoso[k] /
			           (double)(per_kind[k] ? per_kind[k] : 1),
			       100.0 * (double)found_plain[k] /
			           (double)(per_kind[k] ? per_kind[k] : 1));
	}
	scoped_runs(app, raw, maxid, nq);
	free(qs);
	free(t_hoso);
	free(t_plain);
	free(t_like);
	sqlite3_close(raw);
	sqlite3_close(plain);
	app_close(app);
	err_release(&e);
	return 0;
}
