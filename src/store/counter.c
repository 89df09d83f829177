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
 *
 * Figures about organisations or persons also name the subject of each
 * occurrence.  A second table, counter_subject, counts them by subject in
 * place of the breakdown, kept by a second set of triggers: the distinct
 * subjects of any subtree and period are then read from one table, as the
 * sums are, instead of from the raw records.
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

/* What is counted by: the breakdown (counter) or the subject
 * (counter_subject). */
enum counted { COUNTED_DIM, COUNTED_SUBJECT, COUNTED__MAX };
static const char *const counted_table[COUNTED__MAX] = {"counter", "counter_subject"};
static const char *const counted_key[COUNTED__MAX] = {"dim", "subject"};

static const char *counted_col(const struct counter_source *x, enum counted k)
{
	return k == COUNTED_DIM ? x->dim : x->subject;
}

/* "SELECT org AS o, day AS d, 'metric' AS m, dim AS x, conf AS k FROM
 * driver r join WHERE where" and the extra condition given; with the
 * subject in place of dim for counter_subject. */
static int source_select(const struct counter_source *x, enum counted k, const char *extra,
                         struct buf *out)
{
	return buf_addf(out,
	                "SELECT %s AS o, %s AS d, '%s' AS m, %s AS x, c.confidentiality AS k FROM "
	                "%s r %s WHERE %s AND %s AND %s IS NOT NULL AND %s IS NOT NULL",
	                x->org, x->day, x->metric, counted_col(x, k), x->driver, x->join, x->where,
	                extra, x->day, counted_col(x, k)) < 0
	           ? HOSO_E_NOMEM
	           : 0;
}

static int exec(struct store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : HOSO_E_DB;
}

int store_counter_source_select(size_t i, struct buf *out)
{
	return i < NSOURCES ? source_select(&sources[i], COUNTED_DIM, "1", out) : HOSO_E_NOT_FOUND;
}

int store_counters_rebuild(struct store *s)
{
	int rc = exec(s, "DELETE FROM counter");

	if (rc == 0)
		rc = exec(s, "DELETE FROM counter_subject");
	for (size_t i = 0; rc == 0 && i < NSOURCES * COUNTED__MAX; i++) {
		const struct counter_source *x = &sources[i % NSOURCES];
		enum counted k = (enum counted)(i / NSOURCES);
		struct buf sql = BUF_INIT(1 << 16);

		if (!counted_col(x, k))
			continue;
		if (buf_addf(
		        &sql,
		        "INSERT INTO %s(org_id, day, metric, %s, conf, n) SELECT o, d, m, x, k, "
		        "count(*) FROM (",
		        counted_table[k], counted_key[k]) < 0 ||
		    (rc = source_select(x, k, "1", &sql)) < 0 ||
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

/* The triggers of source x on its driver table, for one table of counts. */
static int install_one(struct store *s, const struct counter_source *x, enum counted k)
{
	static const char *const when[] = {"AFTER INSERT", "BEFORE DELETE", "BEFORE UPDATE",
	                                   "AFTER UPDATE"};
	static const char *const tag[] = {"ai", "bd", "bu", "au"};
	const char *t = counted_table[k], *key = counted_key[k];
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < 4; i++) {
		struct buf sql = BUF_INIT(1 << 16);
		int adds = i == 0 || i == 3;

		if (buf_addf(&sql, "CREATE TRIGGER cnt_%s_%s%s %s ON %s BEGIN ", x->metric, tag[i],
		             k == COUNTED_DIM ? "" : "_s", when[i], x->driver) < 0 ||
		    (adds
		         ? buf_addf(&sql,
		                    "INSERT INTO %s(org_id, day, metric, %s, conf, n) SELECT *, 1 "
		                    "FROM (",
		                    t, key)
		         : buf_addf(&sql,
		                    "UPDATE %s SET n = n - 1 WHERE (org_id, day, metric, %s, conf) "
		                    "IN (",
		                    t, key)) < 0 ||
		    (rc = source_select(x, k, adds ? "r.rowid = NEW.rowid" : "r.rowid = OLD.rowid",
		                        &sql)) < 0 ||
		    (adds ? buf_addf(&sql,
		                     ") WHERE 1 ON CONFLICT (org_id, day, metric, %s, conf) DO "
		                     "UPDATE SET n = n + 1; END",
		                     key)
		          : buf_adds(&sql, "); END")) < 0)
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
	int rc;

	/* The counts by subject arrived after the counters (migration 19);
	 * made here so that every schema version installs the same triggers. */
	rc = exec(s, "CREATE TABLE IF NOT EXISTS counter_subject("
	             " org_id INTEGER NOT NULL,"
	             " day TEXT NOT NULL,"
	             " metric TEXT NOT NULL,"
	             " subject INTEGER NOT NULL,"
	             " conf INTEGER NOT NULL,"
	             " n INTEGER NOT NULL,"
	             " PRIMARY KEY (org_id, day, metric, subject, conf)) STRICT, WITHOUT ROWID");
	/* Drop the old triggers (their names start with cnt_), then create. */
	while (rc == 0) {
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
		rc = exec(s, drop);
	}
	for (size_t i = 0; rc == 0 && i < NSOURCES; i++) {
		rc = install_one(s, &sources[i], COUNTED_DIM);
		if (rc == 0 && sources[i].subject)
			rc = install_one(s, &sources[i], COUNTED_SUBJECT);
	}
	return rc == 0 ? store_counters_rebuild(s) : rc;
}

int store_counters_verify(struct store *s, int64_t *ret_diffs)
{
	int64_t diffs = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < NSOURCES * COUNTED__MAX; i++) {
		const struct counter_source *x = &sources[i % NSOURCES];
		enum counted k = (enum counted)(i / NSOURCES);
		struct buf sql = BUF_INIT(1 << 16);
		sqlite3_stmt *st;

		if (!counted_col(x, k))
			continue;
		/* Keys whose recount differs from the counter, both ways. */
		if (buf_adds(&sql, "WITH q AS (SELECT o, d, m, x, k, count(*) AS n FROM (") < 0 ||
		    (rc = source_select(x, k, "1", &sql)) < 0 ||
		    buf_addf(
		        &sql,
		        ") GROUP BY o, d, m, x, k), c AS (SELECT org_id AS o, day AS d, metric "
		        "AS m, %s AS x, conf AS k, n FROM %s WHERE metric = '%s' AND n <> "
		        "0) SELECT (SELECT count(*) FROM (SELECT * FROM q EXCEPT SELECT * FROM "
		        "c)) + (SELECT count(*) FROM (SELECT * FROM c EXCEPT SELECT * FROM q))",
		        counted_key[k], counted_table[k], x->metric) < 0)
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

int store_report_cells(struct store *s, int64_t root, int at_the_time, int32_t from, int32_t to,
                       int max_conf, int (*fn)(const struct report_cell *c, void *arg), void *arg)
{
	sqlite3_stmt *st = store_stmt(s, at_the_time ? STMT_REPORT_UNDER : STMT_REPORT_BY_ORG);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, root);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	sqlite3_bind_int(st, 4, max_conf);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_cell c = {
		    .subject = sqlite3_column_int(st, 0),
		    .top = sqlite3_column_int64(st, 1),
		    .metric = (const char *)sqlite3_column_text(st, 2),
		    .dim = (const char *)sqlite3_column_text(st, 3),
		    .who = sqlite3_column_int64(st, 4),
		    .n = sqlite3_column_int64(st, 5),
		    .day = store_col_date(st, 6, DATE_NONE),
		    .conf = sqlite3_column_int(st, 7),
		    .start = store_col_date(st, 8, DATE_NONE),
		    .done = store_col_date(st, 9, DATE_NONE),
		};

		if (!c.metric || !c.dim || c.day == DATE_NONE)
			continue;
		if ((rc = fn(&c, arg)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_rc(rc);
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
