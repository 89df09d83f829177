/*
 * counter.c - live counters of the report figures (see store.h).
 *
 * Each figure is counted from one "driver" table: a row of it (aliased r),
 * joined to its case, gives the organisation that handled it, the day it
 * counts on, a breakdown value (dim) and the case's confidentiality.
 * Triggers generated from the same definitions keep the counter table in
 * step inside the writer's own transaction: after an insert the row is
 * added, before a delete it is taken away, an update does both.  The
 * recount (rebuild, verify) runs the same definitions over all rows, so
 * the two cannot disagree by construction of the SQL, only by a bug in the
 * triggers' firing - which verify is there to catch.
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/storeInt.h"

#include "core/banned.h"

struct counter_source {
	const char *metric;
	const char *driver; /* the table whose rows are counted (alias r) */
	const char *join;   /* after "FROM driver r" */
	const char *where;
	const char *org, *day, *dim;
	const char *subject; /* who or what one occurrence is about, for the
	                      * distinct count beside it; NULL: none */
};

#define CASE_JOIN "JOIN case_file c ON c.id = r.case_id"

static const struct counter_source sources[] = {
    {"kt_to_chuc", "case_subject", CASE_JOIN, "c.kind = 'kiem_tra' AND r.org_id IS NOT NULL",
     "c.handling_org", "c.opened", "coalesce(c.subtype, '')", "r.org_id"},
    {"kt_dang_vien", "case_subject", CASE_JOIN, "c.kind = 'kiem_tra' AND r.person_id IS NOT NULL",
     "c.handling_org", "c.opened", "coalesce(c.subtype, '')", "r.person_id"},
    {"kt_to_chuc_vi_pham", "case_finding", "JOIN case_subject s ON s.id = r.subject_id " CASE_JOIN,
     "c.kind = 'kiem_tra' AND s.org_id IS NOT NULL AND r.conclusion <> 'khong_vi_pham'",
     "c.handling_org", "c.opened", "r.conclusion", "s.org_id"},
    {"kt_dang_vien_vi_pham", "case_finding",
     "JOIN case_subject s ON s.id = r.subject_id " CASE_JOIN,
     "c.kind = 'kiem_tra' AND s.person_id IS NOT NULL AND r.conclusion <> 'khong_vi_pham'",
     "c.handling_org", "c.opened", "r.conclusion", "s.person_id"},
    {"gs_chuyen_de_to_chuc", "case_subject", CASE_JOIN,
     "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND r.org_id IS NOT NULL", "c.handling_org",
     "c.opened", "''", "r.org_id"},
    {"gs_chuyen_de_dang_vien", "case_subject", CASE_JOIN,
     "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND r.person_id IS NOT NULL",
     "c.handling_org", "c.opened", "''", "r.person_id"},
    {"gs_thuong_xuyen", "case_file", "JOIN case_file c ON c.id = r.id",
     "c.kind = 'giam_sat' AND coalesce(c.subtype, '') <> 'chuyen_de'", "c.handling_org", "c.opened",
     "''"},
    {"kl_to_chuc", "case_discipline", CASE_JOIN, "r.org_id IS NOT NULL", "c.handling_org",
     "r.decided", "r.form", "r.org_id"},
    {"kl_dang_vien", "case_discipline", CASE_JOIN, "r.person_id IS NOT NULL", "c.handling_org",
     "r.decided", "r.form", "r.person_id"},
    {"td_ho_so", "case_file", "JOIN case_file c ON c.id = r.id", "c.kind = 'tham_dinh'",
     "c.handling_org", "c.opened", "coalesce(c.subtype, '')"},
    {"td_ket_qua", "case_appraisal", CASE_JOIN, "r.outcome IS NOT NULL", "c.handling_org",
     "c.opened", "r.outcome"},
    {"ttll_ho_so", "case_file", "JOIN case_file c ON c.id = r.id", "c.kind = 'tham_tra_ly_lich'",
     "c.handling_org", "c.opened", "''"},
    {"rnn_doan", "case_file", "JOIN case_file c ON c.id = r.id", "c.kind = 'ra_nuoc_ngoai'",
     "c.handling_org", "c.opened", "coalesce(c.subtype, '')"},
    {"rnn_luot", "case_traveller", CASE_JOIN, "1", "c.handling_org", "c.opened",
     "coalesce(c.subtype, '')", "r.person_id"},
    {"rnn_bao_cao", "case_traveller", CASE_JOIN, "r.report_received IS NOT NULL", "c.handling_org",
     "c.opened", "''"},
    {"onn_dang_vien", "case_file", "JOIN case_file c ON c.id = r.id", "c.kind = 'o_nuoc_ngoai'",
     "c.handling_org", "c.opened", "coalesce(c.subtype, '')"},
    {"kn_nhan", "case_event", CASE_JOIN, "c.kind = 'ky_luat' AND r.to_state = 'khieu_nai'",
     "c.handling_org", "r.on_date", "''"},
    {"kn_giai_quyet", "case_event", CASE_JOIN, "c.kind = 'ky_luat' AND r.from_state = 'khieu_nai'",
     "c.handling_org", "r.on_date", "''"},
};

#define NSOURCES (sizeof(sources) / sizeof(sources[0]))

const char *store_counter_metric(size_t i)
{
	return i < NSOURCES ? sources[i].metric : NULL;
}

/* "SELECT org AS o, day AS d, 'metric' AS m, dim AS x, conf AS k FROM
 * driver r join WHERE where" and the extra condition given. */
static int source_select(const struct counter_source *x, const char *extra, struct buf *out)
{
	return buf_addf(
	           out,
	           "SELECT %s AS o, %s AS d, '%s' AS m, %s AS x, c.confidentiality AS k FROM %s "
	           "r %s WHERE %s AND %s AND %s IS NOT NULL",
	           x->org, x->day, x->metric, x->dim, x->driver, x->join, x->where, extra,
	           x->day) < 0
	           ? HOSO_E_NOMEM
	           : 0;
}

static int exec(struct store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : HOSO_E_DB;
}

int store_counter_source_select(size_t i, struct buf *out)
{
	return i < NSOURCES ? source_select(&sources[i], "1", out) : HOSO_E_NOT_FOUND;
}

int store_counters_rebuild(struct store *s)
{
	int rc = exec(s, "DELETE FROM counter");

	for (size_t i = 0; rc == 0 && i < NSOURCES; i++) {
		struct buf sql = BUF_INIT(1 << 16);

		if (buf_adds(&sql,
		             "INSERT INTO counter(org_id, day, metric, dim, conf, n) SELECT o, "
		             "d, m, x, k, count(*) FROM (") < 0 ||
		    (rc = source_select(&sources[i], "1", &sql)) < 0 ||
		    buf_adds(&sql, ") GROUP BY o, d, m, x, k") < 0)
			rc = rc < 0 ? rc : HOSO_E_NOMEM;
		if (rc == 0)
			rc = exec(s, sql.buf);
		buf_release(&sql);
	}
	/* A recount is recovery: what it changes in a locked period corrects
	 * the counters, it does not change the approved records. */
	if (rc == 0 && s->locks)
		rc = exec(s, "DELETE FROM lock_delta");
	return rc;
}

/* The triggers of source x on its driver table. */
static int install_one(struct store *s, const struct counter_source *x)
{
	static const char *const when[] = {"AFTER INSERT", "BEFORE DELETE", "BEFORE UPDATE",
	                                   "AFTER UPDATE"};
	static const char *const tag[] = {"ai", "bd", "bu", "au"};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < 4; i++) {
		struct buf sql = BUF_INIT(1 << 16);
		int adds = i == 0 || i == 3;

		if (buf_addf(&sql, "CREATE TRIGGER cnt_%s_%s %s ON %s BEGIN ", x->metric, tag[i],
		             when[i], x->driver) < 0 ||
		    buf_adds(&sql, adds
		                       ? "INSERT INTO counter(org_id, day, metric, dim, conf, n) "
		                         "SELECT *, 1 FROM ("
		                       : "UPDATE counter SET n = n - 1 WHERE (org_id, day, metric, "
		                         "dim, conf) IN (") < 0 ||
		    (rc = source_select(x, adds ? "r.rowid = NEW.rowid" : "r.rowid = OLD.rowid",
		                        &sql)) < 0 ||
		    buf_adds(&sql,
		             adds ? ") WHERE 1 ON CONFLICT (org_id, day, metric, dim, conf) DO "
		                    "UPDATE SET n = n + 1; END"
		                  : "); END") < 0)
			rc = rc < 0 ? rc : HOSO_E_NOMEM;
		if (rc == 0)
			rc = exec(s, sql.buf);
		buf_release(&sql);
	}
	return rc;
}

int store_counters_install(struct store *s)
{
	sqlite3_stmt *st;
	char drop[256];
	int rc = 0;

	/* Drop the old triggers (their names start with cnt_), then create. */
	for (;;) {
		const unsigned char *name = NULL;

		if (sqlite3_prepare_v2(s->db,
		                       "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
		                       "name LIKE 'cnt\\_%' ESCAPE '\\' LIMIT 1",
		                       -1, &st, NULL) != SQLITE_OK)
			return HOSO_E_DB;
		if (sqlite3_step(st) == SQLITE_ROW)
			name = sqlite3_column_text(st, 0);
		if (name)
			snprintf(drop, sizeof(drop), "DROP TRIGGER \"%s\"", (const char *)name);
		sqlite3_finalize(st);
		if (!name)
			break;
		if ((rc = exec(s, drop)) < 0)
			return rc;
	}
	for (size_t i = 0; rc == 0 && i < NSOURCES; i++)
		rc = install_one(s, &sources[i]);
	return rc == 0 ? store_counters_rebuild(s) : rc;
}

int store_counters_verify(struct store *s, int64_t *ret_diffs)
{
	int64_t diffs = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < NSOURCES; i++) {
		struct buf sql = BUF_INIT(1 << 16);
		sqlite3_stmt *st;

		/* Keys whose recount differs from the counter, both ways. */
		if (buf_adds(&sql, "WITH q AS (SELECT o, d, m, x, k, count(*) AS n FROM (") < 0 ||
		    (rc = source_select(&sources[i], "1", &sql)) < 0 ||
		    buf_addf(
		        &sql,
		        ") GROUP BY o, d, m, x, k), c AS (SELECT org_id AS o, day AS d, metric "
		        "AS m, dim AS x, conf AS k, n FROM counter WHERE metric = '%s' AND n <> "
		        "0) SELECT (SELECT count(*) FROM (SELECT * FROM q EXCEPT SELECT * FROM "
		        "c)) + (SELECT count(*) FROM (SELECT * FROM c EXCEPT SELECT * FROM q))",
		        sources[i].metric) < 0)
			rc = rc < 0 ? rc : HOSO_E_NOMEM;
		if (rc == 0 && sqlite3_prepare_v2(s->db, sql.buf, -1, &st, NULL) != SQLITE_OK)
			rc = HOSO_E_DB;
		if (rc == 0) {
			if (sqlite3_step(st) == SQLITE_ROW)
				diffs += sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
		buf_release(&sql);
	}
	*ret_diffs = diffs;
	return rc;
}

int store_counter_has_subjects(const char *metric)
{
	for (size_t i = 0; metric && i < NSOURCES; i++)
		if (strcmp(sources[i].metric, metric) == 0)
			return sources[i].subject != NULL;
	return 0;
}

/* One SELECT of the distinct subjects of x: placed under the root's
 * children as at the time, or by their organisation among those that may
 * count under the root under some structure. */
static int subjects_select(const struct counter_source *x, int at_the_time, struct buf *out)
{
	int rc =
	    buf_addf(out, "SELECT DISTINCT %s, '%s', %s FROM %s r %s ",
	             at_the_time ? "u.top" : x->org, x->metric, x->subject, x->driver, x->join);

	if (rc == 0 && at_the_time)
		rc = buf_addf(out, "JOIN under u ON u.org_id = %s AND %s >= u.f AND %s < u.t ",
		              x->org, x->day, x->day);
	else if (rc == 0)
		rc = buf_addf(out, "JOIN cand ON cand.org_id = %s ", x->org);
	if (rc == 0)
		rc =
		    buf_addf(out,
		             "WHERE %s AND %s BETWEEN ?2 AND ?3 AND c.confidentiality <= ?4 AND %s "
		             "IS NOT NULL",
		             x->where, x->day, x->subject);
	return rc < 0 ? HOSO_E_NOMEM : 0;
}

int store_distinct_subjects(struct store *s, int64_t root, int at_the_time, int32_t from,
                            int32_t to, int max_conf,
                            int (*fn)(const struct distinct_subject *r, void *arg), void *arg)
{
	struct buf sql = BUF_INIT(1 << 16);
	sqlite3_stmt *st = NULL;
	int rc = 0, first = 1, stop = 0;

	if (buf_adds(&sql, at_the_time ? STORE_UNDER_CTE : STORE_CANDIDATES_CTE) < 0)
		rc = HOSO_E_NOMEM;
	for (size_t i = 0; rc == 0 && i < NSOURCES; i++) {
		if (!sources[i].subject)
			continue;
		if (!first && buf_adds(&sql, " UNION ALL ") < 0)
			rc = HOSO_E_NOMEM;
		if (rc == 0)
			rc = subjects_select(&sources[i], at_the_time, &sql);
		first = 0;
	}
	if (rc == 0 && sqlite3_prepare_v2(s->db, sql.buf, -1, &st, NULL) != SQLITE_OK)
		rc = HOSO_E_DB;
	buf_release(&sql);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, root);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	sqlite3_bind_int(st, 4, max_conf);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct distinct_subject r = {
		    .top = sqlite3_column_int64(st, 0),
		    .metric = (const char *)sqlite3_column_text(st, 1),
		    .subject = sqlite3_column_int64(st, 2),
		};

		if ((stop = fn(&r, arg)) != 0)
			break;
	}
	sqlite3_finalize(st);
	return stop ? stop : rc == SQLITE_DONE ? 0 : store_rc(rc);
}

static int sums(struct store *s, enum stmt which, int64_t root, int32_t from, int32_t to,
                int max_conf, int (*fn)(const struct counter_sum *r, void *arg), void *arg)
{
	sqlite3_stmt *st = store_stmt(s, which);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, root);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	sqlite3_bind_int(st, 4, max_conf);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct counter_sum r = {
		    .top = sqlite3_column_int64(st, 0),
		    .metric = (const char *)sqlite3_column_text(st, 1),
		    .dim = (const char *)sqlite3_column_text(st, 2),
		    .n = sqlite3_column_int64(st, 3),
		    .year = sqlite3_column_int(st, 4),
		    .conf = sqlite3_column_int(st, 5),
		};

		if ((rc = fn(&r, arg)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_rc(rc);
}

int store_counters_sum(struct store *s, int64_t root, int32_t from, int32_t to, int max_conf,
                       int (*fn)(const struct counter_sum *r, void *arg), void *arg)
{
	return sums(s, STMT_COUNTERS_SUM, root, from, to, max_conf, fn, arg);
}

int store_counters_by_org(struct store *s, int64_t root, int32_t from, int32_t to, int max_conf,
                          int (*fn)(const struct counter_sum *r, void *arg), void *arg)
{
	return sums(s, STMT_COUNTERS_BY_ORG, root, from, to, max_conf, fn, arg);
}

int store_successions_between(struct store *s, int32_t after, int32_t until,
                              int (*fn)(int32_t day, int64_t n, void *arg), void *arg)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUCCESSIONS_BETWEEN);
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, after);
	store_bind_date(st, 2, until);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = fn(store_col_date(st, 0, DATE_NONE), sqlite3_column_int64(st, 1), arg)) !=
		    0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_rc(rc);
}
