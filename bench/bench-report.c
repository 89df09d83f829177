/*
 * bench-report.c - the 5-year review (all figures, rows by the province's
 * children under the structure of a date after the restructuring) from
 * hoso's live counters, beside the same figures computed in the same run
 * by one recursive-CTE SQL query over the raw records: each record mapped
 * to its organisation's successor on the structure date through the
 * succession links, then to the province's child it sits under that day.
 * Prints the median of each and the ratio, and whether the totals agree.
 * Then the report's files: the median time to build the document and write
 * it as CSV (the report's tables), DOCX, PDF and XLSX (the Party's
 * document), with the size of each.
 *
 * Usage: bench-report DB ROOT_CODE FROM TO STRUCTURE [RUNS]
 *   e.g. bench-report bench/out/province.db DB 2015-01-01 2019-12-31 2025-07-01 50
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/org.h"
#include "app/report.h"
#include "core/buf.h"
#include "export/csv.h"
#include "export/doc.h"
#include "export/docx.h"
#include "export/pdf.h"
#include "export/xlsx.h"
#include "store/store.h"
#include "bench.h"

static double median(double *v, int n)
{
	sort_times(v, (size_t)n);
	return v[n / 2];
}

/* The baseline: the raw records of every figure (the store's own
 * definitions), their organisations mapped to successors on :s by a
 * recursive walk of the succession links, then placed under the root's
 * children on :s by a recursive walk down the versions valid that day. */
static int baseline_sql(struct buf *sql)
{
	int rc = buf_adds(sql, "WITH RECURSIVE raw AS ("), n = 0;

	for (int f = 0; rc == 0 && f < FIGURE__MAX; f++) {
		if (figure_def((enum figure)f)->source != FIGURE_COUNTED)
			continue;
		if (n++)
			rc = buf_adds(sql, " UNION ALL ");
		if (rc == 0)
			rc = store_counter_source_select((enum figure)f, sql);
	}
	if (rc == 0)
		rc = buf_adds(
		    sql,
		    "), alive(org_id) AS (SELECT org_id FROM org_version WHERE valid_from <= :s "
		    "AND "
		    "(valid_to IS NULL OR valid_to > :s)), "
		    "walk(src, cur, depth) AS (SELECT DISTINCT o, o, 0 FROM raw WHERE d BETWEEN :f "
		    "AND "
		    ":t UNION ALL SELECT w.src, (SELECT l.to_org FROM succession_link l WHERE "
		    "l.from_org = w.cur AND l.to_org IS NOT NULL ORDER BY l.is_main DESC, "
		    "l.to_org LIMIT 1), w.depth + 1 FROM walk w WHERE w.cur NOT IN (SELECT org_id "
		    "FROM alive) AND w.depth < 32 AND w.cur IS NOT NULL), "
		    "mapped(src, now) AS (SELECT src, cur FROM walk WHERE cur IN (SELECT org_id "
		    "FROM "
		    "alive)), "
		    "under(org_id, top) AS (SELECT :root, :root UNION ALL SELECT v.org_id, CASE "
		    "WHEN "
		    "u.org_id = :root THEN v.org_id ELSE u.top END FROM org_version v JOIN under u "
		    "ON "
		    "v.parent_id = u.org_id WHERE v.valid_from <= :s AND (v.valid_to IS NULL OR "
		    "v.valid_to > :s)) "
		    "SELECT u.top, r.m, count(*) FROM raw r JOIN mapped p ON p.src = r.o JOIN "
		    "under u "
		    "ON u.org_id = p.now WHERE r.d BETWEEN :f AND :t AND r.k <= 2 GROUP BY u.top, "
		    "r.m");
	return rc;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "bench/out/province.db";
	const char *code = argc > 2 ? argv[2] : "DB";
	int32_t from, to, structure;
	int runs = argc > 6 ? atoi(argv[6]) : 50;
	double *th, *tb, *tt, first;
	struct app *app;
	struct actor sys;
	struct err e;
	struct arena a;
	struct report r;
	struct buf sql = BUF_INIT(1 << 20);
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	int64_t root, hoso_total = 0, base_total = 0;

	if (date_parse_iso(argc > 3 ? argv[3] : "2015-01-01", 10, &from) < 0 ||
	    date_parse_iso(argc > 4 ? argv[4] : "2019-12-31", 10, &to) < 0 ||
	    date_parse_iso(argc > 5 ? argv[5] : "2025-07-01", 10, &structure) < 0 || runs < 1) {
		fprintf(stderr, "usage: bench-report DB ROOT FROM TO STRUCTURE [RUNS]\n");
		return 2;
	}
	th = calloc((size_t)runs, sizeof(*th));
	tb = calloc((size_t)runs, sizeof(*tb));
	tt = calloc((size_t)runs, sizeof(*tt));
	err_init(&e);
	arena_init(&a, (size_t)1 << 26);
	actor_system(&sys, "bench");
	if (!th || !tb || !tt || app_open(path, 0, &app, &e) != 0 ||
	    org_find(app, &sys, code, &root, &e) != 0) {
		fprintf(stderr, "bench-report: cannot open %s or find %s\n", path, code);
		return 1;
	}
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();

		arena_reset(&a);
		if (report_figures(app, &sys, root, from, to, structure, &a, &r, &e) != 0) {
			fprintf(stderr, "bench-report: %s\n", err_text_en(&e));
			return 1;
		}
		th[i] = now_ms() - t0;
	}
	first = th[0];
	/* the baseline counts the counted figures only, not those from deadlines */
	for (size_t i = 0; i < r.nfigures; i++)
		if (r.figures[i].def->source == FIGURE_COUNTED)
			hoso_total += r.figures[i].total;
	/* The same report as at the time of each record, for comparison. */
	for (int i = 0; i < runs; i++) {
		struct report rt;
		double t0 = now_ms();

		if (report_figures(app, &sys, root, from, to, DATE_NONE, &a, &rt, &e) != 0) {
			fprintf(stderr, "bench-report: %s\n", err_text_en(&e));
			return 1;
		}
		tt[i] = now_ms() - t0;
	}

	/* db is opened only once the query is built: no error message to ask
	 * it for before that */
	if (baseline_sql(&sql) < 0) {
		fprintf(stderr, "bench-report: baseline: cannot build the query\n");
		return 1;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql.buf, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-report: baseline: %s\n", sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	for (int i = 0; i < runs; i++) {
		char f[DATE_BUF], t[DATE_BUF], s[DATE_BUF];
		double t0 = now_ms();

		date_format_iso(from, f);
		date_format_iso(to, t);
		date_format_iso(structure, s);
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":f"), f, -1,
		                  SQLITE_TRANSIENT);
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":t"), t, -1,
		                  SQLITE_TRANSIENT);
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":s"), s, -1,
		                  SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":root"), root);
		base_total = 0;
		while (sqlite3_step(st) == SQLITE_ROW)
			base_total += sqlite3_column_int64(st, 2);
		sqlite3_reset(st);
		tb[i] = now_ms() - t0;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	{
		double mh = median(th, runs), mb = median(tb, runs);

		printf(
		    "report %s %s..%s under the structure of %s, %zu figures, %zu rows, %d runs\n",
		    code, argc > 3 ? argv[3] : "2015-01-01", argc > 4 ? argv[4] : "2019-12-31",
		    argc > 5 ? argv[5] : "2025-07-01", r.nfigures, r.nrows, runs);
		printf("  hoso (live counters)        p50 %8.2f ms (first run %.2f ms); with the "
		       "period before and the distinct counts\n",
		       mh, first);
		printf("  hoso, as at the time        p50 %8.2f ms\n", median(tt, runs));
		printf("  recursive CTE over records  p50 %8.2f ms\n", mb);
		printf("  ratio %.1fx; totals %s (%lld, %lld)\n", mb / mh,
		       hoso_total == base_total ? "agree" : "DIFFER", (long long)hoso_total,
		       (long long)base_total);
	}
	{
		static const char *const names[] = {"CSV", "DOCX", "PDF", "XLSX"};
		static int (*const builders[])(struct app *, const struct actor *,
		                               const struct report *, struct arena *, struct doc *,
		                               struct err *) = {report_tables, report_document,
		                                                report_document, report_document};
		static int (*const writers[])(const struct doc *, struct buf *, struct err *) = {
		    csv_doc_write, docx_write, pdf_write, xlsx_write};
		int n = runs < 10 ? runs : 10;
		struct arena da;

		arena_init(&da, (size_t)1 << 24);
		for (int w = 0; w < 4; w++) {
			struct buf out = BUF_INIT((size_t)64 << 20);
			struct doc d;

			for (int i = 0; i < n; i++) {
				double t0 = now_ms();

				arena_reset(&da);
				buf_reset(&out);
				if (builders[w](app, &sys, &r, &da, &d, &e) != 0 ||
				    writers[w](&d, &out, &e) != 0) {
					fprintf(stderr, "bench-report: %s: %s\n", names[w],
					        err_text_en(&e));
					return 1;
				}
				th[i] = now_ms() - t0;
			}
			printf("  document %-4s (build + write)  p50 %8.2f ms, %zu bytes\n",
			       names[w], median(th, n), out.len);
			buf_release(&out);
		}
		arena_release(&da);
	}
	buf_release(&sql);
	arena_release(&a);
	app_close(app);
	err_release(&e);
	free(th);
	free(tb);
	free(tt);
	return 0;
}
