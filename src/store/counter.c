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
 *
 * The triggers are made from these definitions, so when the definitions
 * change the triggers must be made again and everything recounted.  No
 * migration is written for that: the triggers' SQL is hashed, the hash
 * of the definitions the counters were made with is kept in the meta
 * table, and opening the database reinstalls, recounts and verifies when
 * the two differ (store_counters_ensure).
 */
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "core/buf.h"
#include "store/storeInt.h"

#include "core/banned.h"

struct counter_source {
	const char *driver; /* the table whose rows are counted (alias r) */
	const char *join;   /* after "FROM driver r" */
	const char *where;
	const char *org, *day, *dim;
	const char *subject; /* who or what one occurrence is about, for the
	                      * distinct count beside it; NULL: none */
};

#define CASE_JOIN     "JOIN case_file c ON c.id = r.case_id"
#define FINDING_JOIN  "JOIN case_subject s ON s.id = r.subject_id " CASE_JOIN
#define FILE_JOIN     "JOIN case_file c ON c.id = r.id"
#define PETITION_JOIN "JOIN petition c ON c.id = r.id"
/* A record withdrawn as entered by mistake counts nowhere. */
#define LIVE "r.withdrawn_at IS NULL"

/* By figure (core/figure.h); the figures from deadlines have no entry:
 * nothing counts them ahead (a unit test checks that exactly the figures
 * of source FIGURE_COUNTED have one). */
static const struct counter_source sources[FIGURE__MAX] = {
    [FIGURE_KT_TO_CHUC] = {"case_subject", CASE_JOIN,
                           "c.kind = 'kiem_tra' AND r.org_id IS NOT NULL AND " LIVE,
                           "c.handling_org", "c.opened", "coalesce(c.subtype, '')", "r.org_id"},
    [FIGURE_KT_DANG_VIEN] = {"case_subject", CASE_JOIN,
                             "c.kind = 'kiem_tra' AND r.person_id IS NOT NULL AND " LIVE,
                             "c.handling_org", "c.opened", "coalesce(c.subtype, '')",
                             "r.person_id"},
    [FIGURE_KT_TO_CHUC_VI_PHAM] = {"case_finding", FINDING_JOIN,
                                   "c.kind = 'kiem_tra' AND s.org_id IS NOT NULL AND "
                                   "r.conclusion <> 'khong_vi_pham' AND " LIVE,
                                   "c.handling_org", "c.opened", "r.conclusion", "s.org_id"},
    [FIGURE_KT_DANG_VIEN_VI_PHAM] = {"case_finding", FINDING_JOIN,
                                     "c.kind = 'kiem_tra' AND s.person_id IS NOT NULL AND "
                                     "r.conclusion <> 'khong_vi_pham' AND " LIVE,
                                     "c.handling_org", "c.opened", "r.conclusion", "s.person_id"},
    /* the actor is kept beside the inspection (migration 32) */
    [FIGURE_KT_CHU_THE] = {"case_inspection", CASE_JOIN, "c.kind = 'kiem_tra'", "c.handling_org",
                           "c.opened", "r.actor"},
    [FIGURE_GS_CHUYEN_DE_TO_CHUC] = {"case_subject", CASE_JOIN,
                                     "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND "
                                     "r.org_id IS NOT NULL AND " LIVE,
                                     "c.handling_org", "c.opened", "''", "r.org_id"},
    [FIGURE_GS_CHUYEN_DE_DANG_VIEN] = {"case_subject", CASE_JOIN,
                                       "c.kind = 'giam_sat' AND c.subtype = 'chuyen_de' AND "
                                       "r.person_id IS NOT NULL AND " LIVE,
                                       "c.handling_org", "c.opened", "''", "r.person_id"},
    [FIGURE_GS_THUONG_XUYEN] = {"case_file", FILE_JOIN,
                                "c.kind = 'giam_sat' AND coalesce(c.subtype, '') <> 'chuyen_de'",
                                "c.handling_org", "c.opened", "''"},
    [FIGURE_KL_TO_CHUC] = {"case_discipline", CASE_JOIN, "r.org_id IS NOT NULL", "c.handling_org",
                           "r.decided", "r.form", "r.org_id"},
    [FIGURE_KL_DANG_VIEN] = {"case_discipline", CASE_JOIN, "r.person_id IS NOT NULL",
                             "c.handling_org", "r.decided", "r.form", "r.person_id"},
    [FIGURE_TD_HO_SO] = {"case_file", FILE_JOIN, "c.kind = 'tham_dinh'", "c.handling_org",
                         "c.opened", "coalesce(c.subtype, '')"},
    [FIGURE_TD_KET_QUA] = {"case_appraisal", CASE_JOIN, "r.outcome IS NOT NULL", "c.handling_org",
                           "c.opened", "r.outcome"},
    [FIGURE_TTLL_HO_SO] = {"case_file", FILE_JOIN, "c.kind = 'tham_tra_ly_lich'", "c.handling_org",
                           "c.opened", "''"},
    /* the outcome is the background check's type, a closed set (admission.h) */
    [FIGURE_TTLL_KET_QUA] = {"case_file", FILE_JOIN,
                             "c.kind = 'tham_tra_ly_lich' AND coalesce(c.subtype, '') <> ''",
                             "c.handling_org", "c.opened", "c.subtype"},
    [FIGURE_RNN_DOAN] = {"case_file", FILE_JOIN, "c.kind = 'ra_nuoc_ngoai'", "c.handling_org",
                         "c.opened", "coalesce(c.subtype, '')"},
    [FIGURE_RNN_LUOT] = {"case_traveller", CASE_JOIN, LIVE, "c.handling_org", "c.opened",
                         "coalesce(c.subtype, '')", "r.person_id"},
    [FIGURE_RNN_BAO_CAO] = {"case_traveller", CASE_JOIN, "r.report_received IS NOT NULL AND " LIVE,
                            "c.handling_org", "c.opened", "''"},
    [FIGURE_ONN_DANG_VIEN] = {"case_file", FILE_JOIN, "c.kind = 'o_nuoc_ngoai'", "c.handling_org",
                              "c.opened", "coalesce(c.subtype, '')"},
    /* complaints about a discipline are cases of their own (migration 32) */
    [FIGURE_KN_NHAN] = {"case_file", FILE_JOIN, "c.kind = 'khieu_nai'", "c.handling_org",
                        "c.opened", "''"},
    [FIGURE_KN_GIAI_QUYET] = {"case_event", CASE_JOIN,
                              "c.kind = 'khieu_nai' AND r.to_state = 'quyet_dinh'",
                              "c.handling_org", "r.on_date", "coalesce(c.subtype, '')"},
    /* the register of letters: the letter is its own "case" (c), for its
     * confidentiality */
    [FIGURE_DT_NHAN] = {"petition", PETITION_JOIN, "true", "r.org_id", "r.received", "r.kind"},
    [FIGURE_DT_KENH] = {"petition", PETITION_JOIN, "true", "r.org_id", "r.received", "r.channel"},
    [FIGURE_DT_XU_LY] = {"petition", PETITION_JOIN, "r.state <> 'moi'", "r.org_id", "r.received",
                         "r.state"},
    [FIGURE_TC_HO_SO] = {"case_file", FILE_JOIN, "c.kind = 'to_cao'", "c.handling_org", "c.opened",
                         "''"},
    [FIGURE_TC_KET_LUAN] = {"case_point", CASE_JOIN,
                            "c.kind = 'to_cao' AND r.conclusion IS NOT NULL AND " LIVE,
                            "c.handling_org", "c.opened", "r.conclusion"},
    [FIGURE_KNKL_HO_SO] = {"case_file", FILE_JOIN, "c.kind = 'khieu_nai'", "c.handling_org",
                           "c.opened", "coalesce(c.subtype, '')"},
};

/* The definition of figure f, or NULL for a figure the store does not
 * count. */
static const struct counter_source *source_of(enum figure f)
{
	return (unsigned)f < FIGURE__MAX && sources[f].driver ? &sources[f] : NULL;
}

/* What is counted by: the breakdown (counter) or the subject
 * (counter_subject). */
enum counted { COUNTED_DIM, COUNTED_SUBJECT, COUNTED__MAX };
static const char *const counted_table[COUNTED__MAX] = {
    [COUNTED_DIM] = "counter", [COUNTED_SUBJECT] = "counter_subject"};
static const char *const counted_key[COUNTED__MAX] = {
    [COUNTED_DIM] = "dim", [COUNTED_SUBJECT] = "subject"};

static const char *counted_col(const struct counter_source *x, enum counted k)
{
	return k == COUNTED_DIM ? x->dim : x->subject;
}

/* "SELECT org AS o, day AS d, 'code' AS m, dim AS x, conf AS k FROM
 * driver r join WHERE where" and the extra condition given; with the
 * subject in place of dim for counter_subject. */
static int source_select(enum figure f, enum counted k, const char *extra, struct buf *out)
{
	const struct counter_source *x = source_of(f);

	return buf_addf(out,
	                "SELECT %s AS o, %s AS d, '%s' AS m, %s AS x, c.confidentiality AS k FROM "
	                "%s r %s WHERE %s AND %s AND %s IS NOT NULL AND %s IS NOT NULL",
	                x->org, x->day, figure_code(f), counted_col(x, k), x->driver, x->join,
	                x->where, extra, x->day, counted_col(x, k)) < 0
	           ? HOSO_E_NOMEM
	           : 0;
}

/* 1 on PostgreSQL, where the SQL made here differs: $N parameters, the
 * triggers as PL/pgSQL functions, the walks of the tree as in stmt-pg.c. */
static int pg(struct store *s)
{
	return db_engine(s->db) == DB_POSTGRESQL;
}

static int exec(struct store *s, const char *sql)
{
	return db_exec(s->db, sql) == 0 ? 0 : HOSO_E_DB;
}

int store_counter_source_select(enum figure f, struct buf *out)
{
	return source_of(f) ? source_select(f, COUNTED_DIM, "true", out) : HOSO_E_NOT_FOUND;
}

/* Whether the store keeps counts of figure f in table k. */
static int counted(enum figure f, enum counted k)
{
	return source_of(f) && counted_col(source_of(f), k);
}

int store_counters_rebuild(struct store *s)
{
	int rc = exec(s, "DELETE FROM counter");

	if (rc == 0)
		rc = exec(s, "DELETE FROM counter_subject");
	for (int i = 0; rc == 0 && i < FIGURE__MAX * COUNTED__MAX; i++) {
		enum figure f = (enum figure)(i / COUNTED__MAX);
		enum counted k = (enum counted)(i % COUNTED__MAX);
		struct buf sql = BUF_INIT(1 << 16);

		if (!counted(f, k))
			continue;
		if (buf_addf(
		        &sql,
		        "INSERT INTO %s(org_id, day, metric, %s, conf, n) SELECT o, d, m, x, k, "
		        "count(*) FROM (",
		        counted_table[k], counted_key[k]) < 0 ||
		    (rc = source_select(f, k, "true", &sql)) < 0 ||
		    buf_adds(&sql, ") AS q GROUP BY o, d, m, x, k") < 0)
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

/*
 * One case's share of the counts, taken out (sign < 0) or put back: around
 * a change of the case's own row that the counts key on - its
 * confidentiality - which the triggers of the other driver tables (its
 * subjects, findings, travellers...) do not see.  The same definitions as
 * the triggers and the recount, limited to the case (?1).
 */
int store_counters_case(struct store *s, int64_t case_id, int sign)
{
	int rc = 0;

	for (int i = 0; rc == 0 && i < FIGURE__MAX * COUNTED__MAX; i++) {
		enum figure f = (enum figure)(i / COUNTED__MAX);
		enum counted k = (enum counted)(i % COUNTED__MAX);
		const char *t = counted_table[k], *key = counted_key[k];
		struct buf sql = BUF_INIT(1 << 16);
		struct db_stmt *st = NULL;

		/* the figures counted from the case row itself: its own triggers */
		if (!counted(f, k) || strcmp(source_of(f)->driver, "case_file") == 0)
			continue;
		if ((sign > 0
		         ? buf_addf(&sql,
		                    "INSERT INTO %s(org_id, day, metric, %s, conf, n) SELECT o, d, "
		                    "m, x, k, count(*) FROM (",
		                    t, key)
		         : buf_addf(&sql,
		                    "UPDATE %s SET n = %s.n - g.n FROM (SELECT o, d, m, x, k, "
		                    "count(*) AS n FROM (",
		                    t, t)) < 0 ||
		    (rc = source_select(f, k, pg(s) ? "c.id = $1" : "c.id = ?1", &sql)) < 0 ||
		    (sign > 0
		         ? buf_addf(&sql,
		                    ") AS q WHERE true GROUP BY o, d, m, x, k ON CONFLICT (org_id, "
		                    "day, metric, %s, conf) DO UPDATE SET n = %s.n + excluded.n",
		                    key, t)
		         : buf_addf(&sql,
		                    ") AS q GROUP BY o, d, m, x, k) AS g WHERE %s.org_id = g.o AND "
		                    "%s.day = g.d AND %s.metric = g.m AND %s.%s = g.x AND "
		                    "%s.conf = g.k",
		                    t, t, t, t, key, t)) < 0)
			rc = rc < 0 ? rc : HOSO_E_NOMEM;
		if (rc == 0 && db_prepare(s->db, sql.buf, 0, &st) < 0)
			rc = db_error(s->db);
		if (rc == 0) {
			db_bind_int(st, 1, case_id);
			rc = db_step(st) == DB_DONE ? 0 : db_error(s->db);
		}
		db_finalize(st);
		buf_release(&sql);
	}
	return rc;
}

/* The moments a trigger fires: after an insert the row is added, before a
 * delete it is taken away, an update does both. */
enum moment { MOMENT_AI, MOMENT_BD, MOMENT_BU, MOMENT_AU, MOMENT__MAX };
static const char *const moment_when[MOMENT__MAX] = {
    [MOMENT_AI] = "AFTER INSERT",
    [MOMENT_BD] = "BEFORE DELETE",
    [MOMENT_BU] = "BEFORE UPDATE",
    [MOMENT_AU] = "AFTER UPDATE",
};
static const char *const moment_tag[MOMENT__MAX] = {
    [MOMENT_AI] = "ai", [MOMENT_BD] = "bd", [MOMENT_BU] = "bu", [MOMENT_AU] = "au"};

/* The column that names a row of the driver table: SQLite's rowid; on
 * PostgreSQL the id, or the case for a table of one row a case. */
static const char *row_key(const char *driver)
{
	return strcmp(driver, "case_inspection") == 0 || strcmp(driver, "case_appraisal") == 0
	           ? "case_id"
	           : "id";
}

/*
 * The trigger of figure f on its driver table at moment m, for one table
 * of counts, appended to sql: on SQLite a trigger whose body is the SQL
 * below; on PostgreSQL (pgsql) a function with the same SQL, and the
 * trigger that runs it for each row (a BEFORE trigger lets the row go on
 * by returning it).
 */
static int trigger_sql(enum figure f, enum counted k, enum moment m, int pgsql, struct buf *sql)
{
	const char *t = counted_table[k], *key = counted_key[k], *driver = source_of(f)->driver;
	const char *rk = pgsql ? row_key(driver) : "rowid";
	int adds = m == MOMENT_AI || m == MOMENT_AU, rc = 0;
	char name[96], cond[64];

	snprintf(name, sizeof(name), "cnt_%s_%s%s", figure_code(f), moment_tag[m],
	         k == COUNTED_DIM ? "" : "_s");
	snprintf(cond, sizeof(cond), "r.%s = %s.%s", rk, adds ? "NEW" : "OLD", rk);
	if ((pgsql ? buf_addf(sql,
	                      "CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ",
	                      name)
	           : buf_addf(sql, "CREATE TRIGGER %s %s ON %s BEGIN ", name, moment_when[m],
	                      driver)) < 0 ||
	    (adds ? buf_addf(sql,
	                     "INSERT INTO %s(org_id, day, metric, %s, conf, n) SELECT q.*, 1 "
	                     "FROM (",
	                     t, key)
	          : buf_addf(sql,
	                     "UPDATE %s SET n = n - 1 WHERE (org_id, day, metric, %s, conf) "
	                     "IN (",
	                     t, key)) < 0 ||
	    (rc = source_select(f, k, cond, sql)) < 0 ||
	    (adds ? buf_addf(sql,
	                     ") AS q WHERE true ON CONFLICT (org_id, day, metric, %s, conf) DO "
	                     "UPDATE SET n = %s.n + 1; ",
	                     key, t)
	          : buf_adds(sql, "); ")) < 0 ||
	    (pgsql ? buf_addf(sql,
	                      "RETURN %s; END $$; CREATE TRIGGER %s %s ON %s FOR EACH ROW EXECUTE "
	                      "FUNCTION %s()",
	                      adds             ? "NULL"
	                      : m == MOMENT_BD ? "OLD"
	                                       : "NEW",
	                      name, moment_when[m], driver, name)
	           : buf_adds(sql, "END")) < 0)
		return rc < 0 ? rc : HOSO_E_NOMEM;
	return 0;
}

/* Every trigger that keeps the counters, in turn, to fn (which returns 0
 * to go on, or a negative code to stop with): SQLite's (pgsql 0) or
 * PostgreSQL's. */
static int triggers_each(int pgsql, int (*fn)(const char *sql, void *arg), void *arg)
{
	int rc = 0;

	for (int i = 0; rc == 0 && i < FIGURE__MAX * COUNTED__MAX * MOMENT__MAX; i++) {
		enum figure f = (enum figure)(i / (COUNTED__MAX * MOMENT__MAX));
		enum counted k = (enum counted)(i / MOMENT__MAX % COUNTED__MAX);
		enum moment m = (enum moment)(i % MOMENT__MAX);
		struct buf sql = BUF_INIT(1 << 16);

		if (!counted(f, k))
			continue;
		if ((rc = trigger_sql(f, k, m, pgsql, &sql)) == 0)
			rc = fn(sql.buf, arg);
		buf_release(&sql);
	}
	return rc;
}

static int hash_one(const char *sql, void *arg)
{
	/* with its NUL, so that no two lists of statements hash alike */
	crypto_generichash_update(arg, (const unsigned char *)sql, strlen(sql) + 1);
	return 0;
}

/* The definitions are the program's own, so their hash is made once a
 * process (about a millisecond of SQL text) and kept, not on every open. */
static struct {
	pthread_once_t once;
	int rc;
	char hex[STORE_COUNTERS_HASH_HEX];
} defs_hash = {PTHREAD_ONCE_INIT, 0, ""};

static void defs_hash_make(void)
{
	crypto_generichash_state h;
	unsigned char md[32];

	if (sodium_init() < 0) {
		defs_hash.rc = HOSO_E_NOMEM;
		return;
	}
	crypto_generichash_init(&h, NULL, 0, sizeof(md));
	/* both engines' triggers: a change to either makes them again */
	if ((defs_hash.rc = triggers_each(0, hash_one, &h)) < 0 ||
	    (defs_hash.rc = triggers_each(1, hash_one, &h)) < 0)
		return;
	crypto_generichash_final(&h, md, sizeof(md));
	sodium_bin2hex(defs_hash.hex, STORE_COUNTERS_HASH_HEX, md, sizeof(md));
}

int store_counters_hash(char out[STORE_COUNTERS_HASH_HEX])
{
	pthread_once(&defs_hash.once, defs_hash_make);
	if (defs_hash.rc < 0)
		return defs_hash.rc;
	memcpy(out, defs_hash.hex, STORE_COUNTERS_HASH_HEX);
	return 0;
}

static int exec_one(const char *sql, void *arg)
{
	return exec(arg, sql);
}

/* (Re)create the triggers that keep the counters, then recount. */
static int counters_install(struct store *s)
{
	int rc = 0;

	/* Drop the old triggers (their names start with cnt_), then create:
	 * on PostgreSQL their functions, and the triggers with them. */
	while (rc == 0) {
		struct db_stmt *st;
		char *drop = NULL;

		if (db_prepare(s->db,
		               pg(s) ? "SELECT proname FROM pg_proc WHERE proname LIKE 'cnt\\_%' "
		                       "ESCAPE '\\' LIMIT 1"
		                     : "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
		                       "name LIKE 'cnt\\_%' ESCAPE '\\' LIMIT 1",
		               0, &st) < 0)
			return HOSO_E_DB;
		if (db_step(st) == DB_ROW)
			drop = pg(s) ? store_drop_sql("FUNCTION", db_text(st, 0), " CASCADE")
			             : store_drop_sql("TRIGGER", db_text(st, 0), "");
		db_finalize(st);
		if (!drop)
			break;
		rc = exec(s, drop);
		free(drop);
	}
	if (rc == 0)
		rc = triggers_each(pg(s), exec_one, s);
	return rc == 0 ? store_counters_rebuild(s) : rc;
}

/* The hash of the trigger definitions the counters were last made with. */
#define META_KEY "counter_triggers"

/* 1 when the counters were made with the definitions hashed want, 0 when
 * not (or not known: a database from before the hash was kept). */
static int made_with(struct store *s, const char *want)
{
	struct db_stmt *st = store_stmt(s, STMT_META_GET);
	int rc, same;

	if (!st)
		return HOSO_E_DB;
	db_bind_text(st, 1, META_KEY);
	rc = db_step(st);
	same = rc == DB_ROW && db_text(st, 0) && strcmp(db_text(st, 0), want) == 0;
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? same : db_rc(rc);
}

/* Reinstall, recount and verify, and remember the definitions' hash, in
 * one transaction - unless another connection did it while this one
 * waited for the write lock. */
static int counters_reinstall(struct store *s, const char *hash, struct err *e)
{
	struct db_stmt *st;
	int64_t diffs = 0;
	int rc;

	if ((rc = store_begin(s)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if ((rc = made_with(s, hash)) == 1) {
		store_rollback(s);
		return 0;
	}
	if (rc == 0 && (rc = counters_install(s)) == 0 &&
	    (rc = store_counters_verify(s, &diffs)) == 0 && diffs)
		rc = HOSO_E_DB;
	if (rc == 0 && !(st = store_stmt(s, STMT_META_PUT)))
		rc = HOSO_E_DB;
	if (rc == 0) {
		db_bind_text(st, 1, META_KEY);
		db_bind_text_copy(st, 2, hash);
		rc = store_exec_stmt(st);
	}
	if (rc == 0 && (rc = store_commit(s)) == 0)
		return 0;
	store_rollback(s);
	return err_set(
	    e, rc, NULL,
	    "Không cài lại được bộ đếm số liệu báo cáo (%lld số liệu lệch sau khi đếm lại)",
	    "Cannot reinstall the report counters (%lld figures differ after the recount)",
	    (long long)diffs);
}

int store_counters_ensure(struct store *s, struct err *e)
{
	char want[STORE_COUNTERS_HASH_HEX];
	int rc;

	if ((rc = store_counters_hash(want)) < 0 || (rc = made_with(s, want)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (rc == 1)
		return 0;
	/* A reader cannot write the new triggers: it would read counts kept
	 * by other definitions. */
	if (s->readonly)
		return err_set(e, HOSO_E_SCHEMA, "db",
		               "Bộ đếm số liệu báo cáo cần cài lại: hãy mở cơ sở dữ liệu một lần ở "
		               "chế độ ghi",
		               "The report counters need reinstalling: open the database once for "
		               "writing");
	return counters_reinstall(s, want, e);
}

int store_counters_verify(struct store *s, int64_t *ret_diffs)
{
	int64_t diffs = 0;
	int rc = 0;

	for (int i = 0; rc == 0 && i < FIGURE__MAX * COUNTED__MAX; i++) {
		enum figure f = (enum figure)(i / COUNTED__MAX);
		enum counted k = (enum counted)(i % COUNTED__MAX);
		struct buf sql = BUF_INIT(1 << 16);
		struct db_stmt *st;

		if (!counted(f, k))
			continue;
		/* Keys whose recount differs from the counter, both ways. */
		if (buf_adds(&sql, "WITH q AS (SELECT o, d, m, x, k, count(*) AS n FROM (") < 0 ||
		    (rc = source_select(f, k, "true", &sql)) < 0 ||
		    buf_addf(
		        &sql,
		        ") AS r GROUP BY o, d, m, x, k), c AS (SELECT org_id AS o, day AS d, "
		        "metric AS m, %s AS x, conf AS k, n FROM %s WHERE metric = '%s' AND n <> "
		        "0) SELECT (SELECT count(*) FROM (SELECT * FROM q EXCEPT SELECT * FROM "
		        "c) AS a) + (SELECT count(*) FROM (SELECT * FROM c EXCEPT SELECT * FROM q) "
		        "AS "
		        "b)",
		        counted_key[k], counted_table[k], figure_code(f)) < 0)
			rc = rc < 0 ? rc : HOSO_E_NOMEM;
		if (rc == 0 && db_prepare(s->db, sql.buf, 0, &st) < 0)
			rc = HOSO_E_DB;
		if (rc == 0) {
			if (db_step(st) == DB_ROW)
				diffs += db_int(st, 0);
			db_finalize(st);
		}
		buf_release(&sql);
	}
	*ret_diffs = diffs;
	return rc;
}

/* Bind a report's reading (root ?1, days ?2..?3, confidentiality up to
 * ?4) to st and give each line to fn: the report's, whose figure is read
 * from the line (f FIGURE__MAX), or figure f's records, with their case
 * and subject's kind in two more columns.  st is reset. */
static int cells_read(struct db_stmt *st, enum figure f, int64_t root, int32_t from, int32_t to,
                      int max_conf, int (*fn)(const struct report_cell *c, void *arg), void *arg)
{
	int rc, stop = 0;

	db_bind_int(st, 1, root);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	db_bind_int(st, 4, max_conf);
	while (!stop && (rc = db_step(st)) == DB_ROW) {
		struct report_cell c = {
		    .line = (enum report_line)(int)db_int(st, 0),
		    .top = db_int(st, 1),
		    .figure = f,
		    .dim = db_text(st, 3),
		    .who = db_int(st, 4),
		    .n = db_int(st, 5),
		    .day = store_col_date(st, 6, DATE_NONE),
		    .conf = (int)db_int(st, 7),
		    .start = store_col_date(st, 8, DATE_NONE),
		    .done = store_col_date(st, 9, DATE_NONE),
		    .case_id = db_int(st, 10),
		};
		int known = (unsigned)c.line < REPORT_LINE__MAX;

		if (f != FIGURE__MAX) {
			c.person = (int)db_int(st, 11);
		} else if (known &&
		           (c.line == REPORT_LINE_COUNT || c.line == REPORT_LINE_SUBJECT)) {
			/* Counts of a figure this program does not know (none,
			 * while the triggers follow the definitions) are left
			 * out. */
			known = figure_parse(db_text(st, 2), &c.figure) == 0;
		}
		if (known && c.dim && c.day != DATE_NONE)
			stop = fn(&c, arg);
	}
	db_reset(st);
	return stop ? stop : rc == DB_DONE ? 0 : db_rc(rc);
}

int store_report_cells(struct store *s, int64_t root, int at_the_time, int32_t from, int32_t to,
                       int max_conf, int (*fn)(const struct report_cell *c, void *arg), void *arg)
{
	struct db_stmt *st = store_stmt(s, at_the_time ? STMT_REPORT_UNDER : STMT_REPORT_BY_ORG);

	return st ? cells_read(st, FIGURE__MAX, root, from, to, max_conf, fn, arg) : HOSO_E_DB;
}

int store_successions_between(struct store *s, int32_t after, int32_t until,
                              int (*fn)(int32_t day, int64_t n, void *arg), void *arg)
{
	struct db_stmt *st = store_stmt(s, STMT_SUCCESSIONS_BETWEEN);
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, after);
	store_bind_date(st, 2, until);
	while ((rc = db_step(st)) == DB_ROW) {
		if ((rc = fn(store_col_date(st, 0, DATE_NONE), db_int(st, 1), arg)) != 0) {
			db_reset(st);
			return rc;
		}
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : db_rc(rc);
}

/* The records a deadline figure is computed from: a traveller back from a
 * trip (its report due from the return), a verification letter (its answer
 * due from the day it was sent), a denunciation or a complaint not
 * withdrawn (its resolution due, from its history) - as the report's
 * reading has them (stmt.c, REPORT_DEADLINES). */
struct deadline_source {
	const char *driver, *join, *where, *day, *start, *done, *subject;
	enum report_line line;
};
static const struct deadline_source deadline_sources[FIGURE_SOURCE__MAX] = {
    [FIGURE_TRAVELLER] = {.driver = "case_traveller",
                          .join = CASE_JOIN,
                          .where = "c.kind = 'ra_nuoc_ngoai' AND r.returned IS NOT NULL AND " LIVE,
                          .day = "c.opened",
                          .start = "r.returned",
                          .done = "r.report_received",
                          .subject = "r.person_id",
                          .line = REPORT_LINE_TRAVELLER},
    [FIGURE_LETTER] = {.driver = "case_letter",
                       .join = CASE_JOIN,
                       .where = LIVE,
                       .day = "r.sent",
                       .start = "r.sent",
                       .done = "r.answered",
                       .subject = "0",
                       .line = REPORT_LINE_LETTER},
    [FIGURE_DENUNCIATION] = {.driver = "case_file",
                             .join = FILE_JOIN,
                             .where = "c.kind = 'to_cao' AND c.state <> 'huy'",
                             .day = "c.opened",
                             .start = "c.opened",
                             .done = "NULL",
                             .subject = "0",
                             .line = REPORT_LINE_DENUNCIATION},
    [FIGURE_COMPLAINT] = {.driver = "case_file",
                          .join = FILE_JOIN,
                          .where = "c.kind = 'khieu_nai' AND c.state <> 'huy'",
                          .day = "c.opened",
                          .start = "c.opened",
                          .done = "NULL",
                          .subject = "0",
                          .line = REPORT_LINE_COMPLAINT},
};

/* Whether the subject column of a definition names a person (else an
 * organisation): the columns are person_id or org_id of a subject row. */
static int subject_is_person(const char *col)
{
	return col && strstr(col, "person_id") != NULL;
}

/* The SELECT of figure f's records under root (?1), days ?2..?3, up to
 * confidentiality ?4, as store_report_cells reads their counts: each
 * line (line, top, '', dim, subject, 1, day, conf, start, done, case,
 * person). */
static int records_select(enum figure f, int at_the_time, int pgsql, struct buf *sql)
{
	const struct figure_def *def = figure_def(f);
	const struct counter_source *x = source_of(f);
	const struct deadline_source *d =
	    def->source == FIGURE_COUNTED ? NULL : &deadline_sources[def->source];
	const char *walk = at_the_time ? (pgsql ? STORE_UNDER_CTE_PG : STORE_UNDER_CTE)
	                               : (pgsql ? STORE_CANDIDATES_CTE_PG : STORE_CANDIDATES_CTE);
	const char p = pgsql ? '$' : '?';
	const char *org, *day, *subject, *case_col;

	if (!d && !x)
		return HOSO_E_NOT_FOUND;
	org = x ? x->org : "c.handling_org";
	day = d ? d->day : x->day;
	subject = d ? d->subject : x->subject ? x->subject : "0";
	/* a letter of the register counts without a case */
	case_col = x && strcmp(x->join, PETITION_JOIN) == 0 ? "0" : "c.id";
	if (buf_adds(sql, walk) < 0 ||
	    buf_addf(sql,
	             "SELECT %d, %s, '', %s, %s, 1, %s, c.confidentiality, %s, %s, %s, %d "
	             "FROM %s r %s ",
	             d ? (int)d->line : (int)REPORT_LINE_COUNT, at_the_time ? "u.top" : org,
	             d ? "''" : x->dim, subject, day, d ? d->start : "NULL", d ? d->done : "NULL",
	             case_col, subject_is_person(subject), d ? d->driver : x->driver,
	             d ? d->join : x->join) < 0 ||
	    (at_the_time ? buf_addf(sql, "JOIN under u ON u.org_id = %s AND %s >= u.f AND %s < u.t",
	                            org, day, day)
	                 : buf_addf(sql, "JOIN cand u ON u.org_id = %s", org)) < 0 ||
	    buf_addf(sql,
	             " WHERE %s AND %s BETWEEN %c2 AND %c3 AND c.confidentiality <= %c4 AND %s "
	             "IS NOT NULL ORDER BY %s DESC, c.id DESC",
	             d ? d->where : x->where, day, p, p, p, d ? "true" : x->dim, day) < 0)
		return HOSO_E_NOMEM;
	return 0;
}

int store_figure_records(struct store *s, enum figure f, int64_t root, int at_the_time,
                         int32_t from, int32_t to, int max_conf,
                         int (*fn)(const struct report_cell *c, void *arg), void *arg)
{
	struct buf sql = BUF_INIT(1 << 16);
	struct db_stmt *st = NULL;
	int rc;

	if ((unsigned)f >= FIGURE__MAX)
		return HOSO_E_NOT_FOUND;
	if ((rc = records_select(f, at_the_time, pg(s), &sql)) == 0 &&
	    db_prepare(s->db, sql.buf, 0, &st) < 0)
		rc = db_error(s->db);
	buf_release(&sql);
	if (rc == 0)
		rc = cells_read(st, f, root, from, to, max_conf, fn, arg);
	db_finalize(st);
	return rc;
}
