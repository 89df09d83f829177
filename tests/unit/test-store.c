/* Unit tests for src/store: migrations, the statement table, organisations
 * and persons at the storage level, backup and restore, the counter
 * triggers reinstalled when their definitions change.
 *
 *   test-store      on SQLite files in a temporary directory
 *   test-store pg   the tests that go through the store alone, on the
 *                   PostgreSQL database $HOSO_TEST_PG names (emptied
 *                   first; scripts/test.sh starts one): a failure when it
 *                   is not set */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "helpers.h"
#include "store/db.h"
#include "store/store.h"
#include "store/storeInt.h"
#include "store/storeInt.h"

struct fx {
	char dir[512];
	char path[600];
	struct store *s;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct err e;

	err_init(&e);
	tmpdir_make(f->dir, sizeof(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	if (store_open(f->path, STORE_CREATE, &f->s, &e) != 0) {
		fprintf(stderr, "%s\n", err_text_en(&e));
		return -1;
	}
	err_release(&e);
	*state = f;
	return 0;
}

/* The PostgreSQL database, emptied, with the schema made by opening it. */
static int setup_pg(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	const char *url = getenv("HOSO_TEST_PG");
	struct db *db = NULL;
	struct err e;

	err_init(&e);
	if (!f || !url || db_open(url, 0, &db) < 0 ||
	    db_exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public") < 0) {
		fprintf(stderr, "test-store pg: %s\n",
		        db ? db_errmsg(db) : "HOSO_TEST_PG is not set");
		db_close(db);
		free(f);
		return -1;
	}
	db_close(db);
	snprintf(f->path, sizeof(f->path), "%s", url);
	if (store_open(f->path, STORE_CREATE, &f->s, &e) != 0) {
		fprintf(stderr, "%s\n", err_text_en(&e));
		free(f);
		return -1;
	}
	err_release(&e);
	*state = f;
	return 0;
}

static int teardown_pg(void **state)
{
	struct fx *f = *state;

	store_close(f->s);
	free(f);
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->s);
	tmpdir_remove(f->dir);
	free(f);
	return 0;
}

/* Every statement has its SQL for both engines: a statement added for one
 * only is found here, on any machine, not first on a PostgreSQL server. */
static void test_every_statement_has_both_forms(void **state)
{
	(void)state;
	for (int i = 0; i < STMT__MAX; i++)
		if (!stmt_sqlite[i] || !stmt_pg[i])
			fail_msg("statement %d has no SQL for %s", i,
			         stmt_sqlite[i] ? "PostgreSQL" : "SQLite");
}

static void test_every_statement_prepares(void **state)
{
	struct fx *f = *state;
	struct err e;

	err_init(&e);
	assert_int_equal(store_check_statements(f->s, &e), 0);
	assert_int_equal(store_check_integrity(f->s, &e), 0);
	err_release(&e);
}

static void test_migrations_apply_once(void **state)
{
	struct fx *f = *state;
	struct store *again;
	struct err e;

	err_init(&e);
	assert_int_equal(store_schema_version(f->s), store_latest_schema_version());
	assert_int_equal(store_open(f->path, 0, &again, &e), 0);
	assert_int_equal(store_schema_version(again), store_latest_schema_version());
	store_close(again);
	err_release(&e);
}

/* The last migration's C step fails (injected through the list the test
 * gives store_migrate_list). */
static int failing_step(struct store *s)
{
	(void)s;
	return HOSO_E_IO;
}

/* Rows of sqlite_schema and of org, as one text (to compare). */
static void schema_and_data(const char *path, char *out, size_t n)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t len = 0;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT (SELECT user_version FROM pragma_user_version)"
	                                    " || (SELECT group_concat(name || sql, ';') FROM"
	                                    " (SELECT name, sql FROM sqlite_schema ORDER BY name))"
	                                    " || (SELECT group_concat(code) FROM org)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	len = (size_t)sqlite3_column_bytes(st, 0);
	assert_true(len < n);
	memcpy(out, sqlite3_column_text(st, 0), len + 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Two new migrations, the last of which fails: the file is left as it
 * was (both or neither: the first one's table is not there either), and
 * the version stays. */
static void test_failed_migration_leaves_the_file(void **state)
{
	struct fx *f = *state;
	int n;
	const struct store_migration *real = store_migrations(&n);
	struct store_migration *list = calloc((size_t)n + 2, sizeof(*list));
	int64_t id;
	char *before = malloc(1 << 20), *after = malloc(1 << 20);
	struct store *again;
	struct err e;

	err_init(&e);
	assert_int_equal(store_org_insert(f->s, "TU", date_days(2000, 1, 1), "Tỉnh", "dang_bo_tinh",
	                                  0, NULL, &id),
	                 0);
	store_close(f->s);
	f->s = NULL;
	schema_and_data(f->path, before, 1 << 20);

	memcpy(list, real, (size_t)n * sizeof(*list));
	list[n].sql = "CREATE TABLE added_by_a_new_migration(x INTEGER) STRICT;"
	              "INSERT INTO added_by_a_new_migration VALUES (1);";
	list[n + 1].sql = "UPDATE org SET code = 'CHANGED';";
	list[n + 1].step = failing_step;
	assert_int_equal(store_open(f->path, 0, &again, &e), 0);
	assert_int_equal(store_migrate_list(again, list, n + 2, &e), HOSO_E_IO);
	assert_non_null(strstr(err_text_en(&e), "stays at version"));
	store_close(again);
	schema_and_data(f->path, after, 1 << 20);
	assert_string_equal(after, before);

	/* the same list without the failure goes through */
	list[n + 1].step = NULL;
	assert_int_equal(store_open(f->path, 0, &again, &e), 0);
	assert_int_equal(store_migrate_list(again, list, n + 2, &e), 0);
	assert_int_equal(store_schema_version(again), n + 2);
	store_close(again);
	free(list);
	free(before);
	free(after);
	err_release(&e);
}

/* A file newer than this program is refused, saying which versions. */
static void test_newer_schema_refused(void **state)
{
	struct fx *f = *state;
	char sql[64], want[128];
	struct store *again = NULL;
	sqlite3 *db;
	struct err e;

	err_init(&e);
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", store_latest_schema_version() + 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	snprintf(want, sizeof(want), "schema version %d; this program knows up to %d",
	         store_latest_schema_version() + 1, store_latest_schema_version());
	for (int flags = 0; flags <= STORE_READONLY; flags += STORE_READONLY) {
		assert_int_equal(store_open(f->path, flags, &again, &e), HOSO_E_SCHEMA);
		assert_null(again);
		assert_non_null(strstr(err_text_en(&e), want));
		assert_non_null(strstr(err_text_en(&e), "needs a newer hoso"));
		assert_non_null(strstr(err_text_vi(&e), "cần bản hoso mới hơn"));
	}
	err_release(&e);
}

static void test_missing_file_is_not_created(void **state)
{
	struct fx *f = *state;
	struct store *s = NULL;
	struct err e;
	char p[700];

	err_init(&e);
	snprintf(p, sizeof(p), "%s/nope.db", f->dir);
	assert_int_equal(store_open(p, 0, &s, &e), HOSO_E_NOT_FOUND);
	assert_null(s);
	assert_int_equal(access(p, F_OK), -1);
	err_release(&e);
}

static void test_not_a_database(void **state)
{
	struct fx *f = *state;
	struct store *s = NULL;
	struct err e;
	char p[700];
	FILE *fp;

	err_init(&e);
	snprintf(p, sizeof(p), "%s/junk.db", f->dir);
	fp = fopen(p, "w");
	fputs("this is not sqlite, just some text that is long enough to be a header....", fp);
	fclose(fp);
	assert_true(store_open(p, 0, &s, &e) < 0);
	assert_null(s);
	err_release(&e);
}

static void test_org_versions_and_time(void **state)
{
	struct fx *f = *state;
	struct arena a;
	struct org_row r;
	struct org_list l;
	int64_t root, child;
	int32_t d2000 = date_days(2000, 1, 1), d2025 = date_days(2025, 7, 1);

	arena_init(&a, 0);
	assert_int_equal(store_org_insert(f->s, "R", d2000, "Tỉnh", "dang_bo_tinh", 0, NULL, &root),
	                 0);
	assert_int_equal(
	    store_org_insert(f->s, "C", d2000, "Cũ", "dang_bo_co_so", root, NULL, &child), 0);
	assert_int_equal(
	    store_org_insert(f->s, "C", d2000, "Again", "dang_bo_co_so", root, NULL, NULL),
	    HOSO_E_DUPLICATE);
	assert_int_equal(
	    store_org_new_version(f->s, child, d2025, "Mới", "dang_bo_co_so", root, "QĐ 1"), 0);
	assert_int_equal(store_org_at(f->s, child, d2025 - 1, &a, &r), 0);
	assert_string_equal(r.name, "Cũ");
	assert_int_equal(r.ver_to, d2025);
	assert_int_equal(store_org_at(f->s, child, d2025, &a, &r), 0);
	assert_string_equal(r.name, "Mới");
	assert_int_equal(store_org_at(f->s, child, d2000 - 1, &a, &r), HOSO_E_NOT_FOUND);
	/* A change before the current version is refused. */
	assert_int_equal(
	    store_org_new_version(f->s, child, d2000 + 5, "X", "dang_bo_co_so", root, NULL),
	    HOSO_E_ORG_STATE);
	assert_int_equal(store_org_versions(f->s, child, &a, &l), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(store_org_end(f->s, child, d2025 + 10), 0);
	assert_int_equal(store_org_at(f->s, child, d2025 + 10, &a, &r), HOSO_E_NOT_FOUND);
	assert_int_equal(store_org_all_at(f->s, d2025 + 10, &a, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(store_org_all_at(f->s, d2025, &a, &l), 0);
	assert_int_equal(l.n, 2);
	arena_release(&a);
}

static void test_orgs_are_never_deleted(void **state)
{
	struct fx *f = *state;
	int64_t id;

	sqlite3 *raw;
	char *msg = NULL;

	assert_int_equal(
	    store_org_insert(f->s, "Z", date_days(2001, 1, 1), "Z", "dang_bo_tinh", 0, NULL, &id),
	    0);
	/* Even a raw connection cannot delete an organisation or its history. */
	assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(raw, "DELETE FROM org", NULL, NULL, &msg), SQLITE_OK);
	assert_non_null(strstr(msg, "never deleted"));
	sqlite3_free(msg);
	assert_int_not_equal(sqlite3_exec(raw, "DELETE FROM org_version", NULL, NULL, NULL),
	                     SQLITE_OK);
	sqlite3_close(raw);
}

static void person_fill(struct person_row *p, const char *name, const char *cccd)
{
	memset(p, 0, sizeof(*p));
	p->full_name = name;
	p->family_name = "";
	p->middle_name = "";
	p->given_name = name;
	p->status = "chinh_thuc";
	p->search_key = "lo van muon";
	p->sort_key = "k";
	p->sort_key_len = 1;
	p->cccd = cccd;
	p->admission_date = DATE_NONE;
	p->full_member_date = DATE_NONE;
}

static void test_person_unique_ids_and_fts(void **state)
{
	struct fx *f = *state;
	struct person_row p, got;
	struct person_list l;
	struct arena a;
	struct err e;
	int64_t id, id2;

	arena_init(&a, 0);
	err_init(&e);
	person_fill(&p, "Lò Văn Muôn", "011090000001");
	assert_int_equal(store_person_insert(f->s, &p, &id, &e), 0);
	assert_int_equal(store_person_insert(f->s, &p, &id2, &e), HOSO_E_DUPLICATE);
	assert_string_equal(e.field.buf, "cccd");
	assert_int_equal(store_person_search_fts(f->s, "\"lo\"* \"mu\"*", 10, &a, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(store_person_search_ids(f->s, "01109", 10, &a, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(store_person_search_ids(f->s, "01108", 10, &a, &l), 0);
	assert_int_equal(l.n, 0);
	/* Update the key: the index follows. */
	assert_int_equal(store_person_get(f->s, id, &a, &got), 0);
	got.search_key = "quang thi hoa";
	assert_int_equal(store_person_update(f->s, &got, &e), 0);
	assert_int_equal(store_person_search_fts(f->s, "\"muon\"*", 10, &a, &l), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_person_search_fts(f->s, "\"hoa\"", 10, &a, &l), 0);
	assert_int_equal(l.n, 1);
	/* Stale version: conflict, not overwrite. */
	assert_int_equal(store_person_update(f->s, &got, &e), HOSO_E_CONFLICT);
	/* A malformed MATCH is the caller's bad input. */
	assert_int_equal(store_person_search_fts(f->s, "\"unterminated", 10, &a, &l),
	                 HOSO_E_INVALID);
	err_release(&e);
	arena_release(&a);
}

/*
 * Issue 14: a search within a scope filters inside the query, before the
 * limit.  300 namesakes elsewhere come first in rowid order; the 2 of the
 * scope are still found, by either plan (the full-text candidates filtered,
 * or the scope's names read from person_by_org), and a secret one only
 * with the clearance.
 */
static void test_person_search_within_scope(void **state)
{
	struct fx *f = *state;
	int32_t d2000 = date_days(2000, 1, 1);
	struct store_scope in = {NULL, 0, 0};
	struct person_row p;
	struct person_list l;
	struct arena a;
	struct err e;
	int64_t root, far, near, id;
	char cccd[16], orgs[64];

	arena_init(&a, 0);
	err_init(&e);
	assert_int_equal(store_org_insert(f->s, "R", d2000, "Tỉnh", "dang_bo_tinh", 0, NULL, &root),
	                 0);
	assert_int_equal(
	    store_org_insert(f->s, "FAR", d2000, "Xa", "chi_bo_co_so", root, NULL, &far), 0);
	assert_int_equal(
	    store_org_insert(f->s, "NEAR", d2000, "Gần", "chi_bo_co_so", root, NULL, &near), 0);
	for (int i = 0; i < 303; i++) {
		snprintf(cccd, sizeof(cccd), "0110900%05d", i);
		person_fill(&p, "Hoàng Văn Nam", cccd);
		p.search_key = "hoang van nam";
		p.org_id = i < 300 ? far : near;
		p.confidentiality = i == 302 ? 2 : 0; /* the last one is secret */
		assert_int_equal(store_person_insert(f->s, &p, &id, &e), 0);
	}
	snprintf(orgs, sizeof(orgs), "[%lld]", (long long)near);
	in.orgs = orgs;
	/* The full-text plan reads the index between the scope's ids only. */
	assert_int_equal(store_person_id_range(f->s, orgs, &in.lo, &in.hi), 0);
	assert_int_equal(in.hi - in.lo, 2);
	for (in.scan = 0; in.scan <= 1; in.scan++) {
		assert_int_equal(
		    store_person_search_fts_in(f->s, "\"hoang\" \"van\"", &in, 200, &a, &l), 0);
		assert_int_equal(l.n, 2);
		assert_int_equal(l.v[0].org_id, near);
		assert_int_equal(l.v[1].org_id, near);
		assert_int_equal(
		    store_person_search_fts_in(f->s, "\"ho\"* \"na\"*", &in, 200, &a, &l), 0);
		assert_int_equal(l.n, 2);
		assert_int_equal(
		    store_person_search_fts_in(f->s, "\"van\" \"hoang\"", &in, 200, &a, &l), 0);
		assert_int_equal(l.n, 2); /* any order, as FTS5 */
		assert_int_equal(
		    store_person_search_fts_in(f->s, "\"hoan\" \"van\"", &in, 200, &a, &l), 0);
		assert_int_equal(l.n, 0); /* a whole word is not a prefix */
	}
	assert_int_equal(store_person_search_exact_in(f->s, "hoang van nam", 0, &in, 200, &a, &l),
	                 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(store_person_search_exact_in(f->s, "hoang va", 1, &in, 200, &a, &l), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(store_person_search_exact_in(f->s, "hoang van", 0, &in, 200, &a, &l), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_person_search_exact_in(f->s, "hoang van nam ", 1, &in, 200, &a, &l),
	                 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_person_search_ids_in(f->s, "0110900003", &in, 200, &a, &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].cccd, "011090000300");
	in.clearance = 2;
	assert_int_equal(store_person_search_exact_in(f->s, "hoang van nam", 0, &in, 200, &a, &l),
	                 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(store_person_search_fts_in(f->s, "\"nam\"", &in, 200, &a, &l), 0);
	assert_int_equal(l.n, 3);
	/* Filtering after a cut would have found none: the namesakes fill it. */
	assert_int_equal(store_person_search_exact(f->s, "hoang van nam", 200, &a, &l), 0);
	assert_int_equal(l.n, 200);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.v[i].org_id, far);
	err_release(&e);
	arena_release(&a);
}

/* Organisations by folded name or code, alive on the day, among the ids
 * given; each with its parent's name. */
static void test_org_search(void **state)
{
	struct fx *f = *state;
	int32_t d2000 = date_days(2000, 1, 1), d2025 = date_days(2025, 7, 1);
	struct org_hit_list l;
	struct arena a;
	int64_t root, x1, x2, old;
	char orgs[64];

	arena_init(&a, 0);
	assert_int_equal(
	    store_org_insert(f->s, "R", d2000, "Đảng bộ tỉnh", "dang_bo_tinh", 0, NULL, &root), 0);
	assert_int_equal(store_org_insert(f->s, "R.X1", d2025, "Đảng bộ xã Mường Phăng",
	                                  "dang_bo_truc_thuoc", root, NULL, &x1),
	                 0);
	assert_int_equal(store_org_insert(f->s, "R.X2", d2025, "Đảng bộ xã Mường Pồn",
	                                  "dang_bo_truc_thuoc", root, NULL, &x2),
	                 0);
	assert_int_equal(store_org_insert(f->s, "R.H1", d2000, "Đảng bộ huyện Mường Ảng",
	                                  "dang_bo_truc_thuoc", root, NULL, &old),
	                 0);
	assert_int_equal(store_org_end(f->s, old, d2025), 0);
	assert_int_equal(
	    store_org_search(f->s, d2025, "\"xa\"* \"muong\"*", "xa muong", NULL, NULL, 10, &a, &l),
	    0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].parent_name, "Đảng bộ tỉnh");
	assert_string_equal(l.v[0].parent_code, "R");
	/* Ended organisations are not found on a later day; the renamed
	 * version's key is the new name's. */
	assert_int_equal(
	    store_org_search(f->s, d2025, "\"muong\"*", "muong", NULL, NULL, 10, &a, &l), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(store_org_new_version(f->s, x2, d2025 + 10, "Đảng bộ phường Điện Biên",
	                                       "dang_bo_truc_thuoc", root, NULL),
	                 0);
	assert_int_equal(store_org_search(f->s, d2025 + 10, "\"dien\"* \"bien\"*", "dien bien",
	                                  NULL, NULL, 10, &a, &l),
	                 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, x2);
	/* By code, any case; only among the ids given. */
	assert_int_equal(store_org_search(f->s, d2025, NULL, NULL, "r.x", NULL, 10, &a, &l), 0);
	assert_int_equal(l.n, 2);
	snprintf(orgs, sizeof(orgs), "[%lld]", (long long)x1);
	assert_int_equal(store_org_search(f->s, d2025, NULL, NULL, "r.x", orgs, 10, &a, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, x1);
	assert_int_equal(l.v[0].rank, 1);
	arena_release(&a);
}

static void test_calendar_seeded(void **state)
{
	struct fx *f = *state;
	struct cal_entry_list l;
	struct arena a;

	arena_init(&a, 0);
	assert_int_equal(store_cal_entries(f->s, &a, &l), 0);
	assert_true(l.n > 20);
	assert_int_equal(store_cal_entry_delete(f->s, date_days(1999, 1, 1)), HOSO_E_NOT_FOUND);
	arena_release(&a);
}

static void test_backup_restore_identical(void **state)
{
	struct fx *f = *state;
	struct store *other;
	struct person_row p;
	struct err e;
	char bak[700], p2[700], d1[65], d2[65];
	int64_t id;

	err_init(&e);
	person_fill(&p, "Giàng A Dình", "011090000002");
	assert_int_equal(store_person_insert(f->s, &p, &id, &e), 0);
	snprintf(bak, sizeof(bak), "%s/backup.db", f->dir);
	assert_int_equal(store_backup(f->s, bak, &e), 0);
	/* Refuses to overwrite. */
	assert_int_equal(store_backup(f->s, bak, &e), HOSO_E_DUPLICATE);
	snprintf(p2, sizeof(p2), "%s/restored.db", f->dir);
	assert_int_equal(store_open(p2, STORE_CREATE, &other, &e), 0);
	assert_int_equal(store_restore(other, bak, &e), 0);
	assert_int_equal(store_content_digest(f->s, d1, &e), 0);
	assert_int_equal(store_content_digest(other, d2, &e), 0);
	assert_string_equal(d1, d2);
	assert_int_equal(store_check_integrity(other, &e), 0);
	/* Restoring junk fails and leaves the database as it was. */
	assert_true(store_restore(other, f->dir, &e) < 0);
	assert_int_equal(store_content_digest(other, d2, &e), 0);
	assert_string_equal(d1, d2);
	store_close(other);
	err_release(&e);
}

/* Run sql on the file behind the store, through a connection of its own. */
static void raw(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

/* The first integer sql gives on the file. */
static int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

#define KT_COUNT   "SELECT coalesce(sum(n), 0) FROM counter WHERE metric = 'kt_to_chuc'"
#define KT_TRIGGER "SELECT count(*) FROM sqlite_master WHERE name = 'cnt_kt_to_chuc_ai'"
#define STALE      "UPDATE meta SET value = 'an older definition' WHERE key = 'counter_triggers';"

/* The counter triggers follow the hash of their definitions: a database
 * whose counters were made with other definitions (another hash in meta)
 * gets them reinstalled, recounted and verified when it is opened; one
 * with the same hash is left alone; a reader refuses a stale one. */
static void test_counter_triggers_follow_their_hash(void **state)
{
	struct fx *f = *state;
	char want[STORE_COUNTERS_HASH_HEX], sql[256];
	struct store *ro = NULL;
	int64_t diffs = -1;
	struct err e;

	err_init(&e);
	assert_int_equal(store_counters_hash(want), 0);
	assert_int_equal(strlen(want), 64);
	store_close(f->s);
	f->s = NULL;
	snprintf(sql, sizeof(sql), "SELECT value = '%s' FROM meta WHERE key = 'counter_triggers'",
	         want);
	assert_int_equal(raw_int(f->path, sql), 1);
	/* An inspection of TU, counted by the triggers. */
	raw(f->path, "INSERT INTO org(id, code, valid_from) VALUES (1, 'TU', '2000-01-01');"
	             "INSERT INTO case_file(id, number, kind, title, handling_org, opened, state, "
	             "created_at) VALUES (1, 'KT-1', 'kiem_tra', 'Kiểm tra', 1, '2019-05-06', "
	             "'mo', '2019-05-06T00:00:00Z');"
	             "INSERT INTO case_subject(case_id, org_id) VALUES (1, 1);");
	assert_int_equal(raw_int(f->path, KT_COUNT), 1);
	/* Counters made by other definitions: a trigger missing, a count off. */
	raw(f->path, STALE "DROP TRIGGER cnt_kt_to_chuc_ai; UPDATE counter SET n = n + 5;");
	assert_int_equal(raw_int(f->path, KT_TRIGGER), 0);
	assert_int_equal(store_open(f->path, STORE_READONLY, &ro, &e), HOSO_E_SCHEMA);
	assert_null(ro);
	assert_int_equal(store_open(f->path, 0, &f->s, &e), 0);
	assert_int_equal(raw_int(f->path, KT_TRIGGER), 1);
	assert_int_equal(raw_int(f->path, sql), 1);
	assert_int_equal(store_counters_verify(f->s, &diffs), 0);
	assert_int_equal(diffs, 0);
	assert_int_equal(raw_int(f->path, KT_COUNT), 1);
	raw(f->path, "INSERT INTO case_subject(case_id, org_id) VALUES (1, 1);");
	assert_int_equal(raw_int(f->path, KT_COUNT), 2);
	/* The same hash: opening does not recount (verify finds the change). */
	store_close(f->s);
	raw(f->path, "UPDATE counter SET n = n + 5;");
	assert_int_equal(store_open(f->path, 0, &f->s, &e), 0);
	assert_int_equal(store_counters_verify(f->s, &diffs), 0);
	assert_true(diffs > 0);
	assert_int_equal(store_open(f->path, STORE_READONLY, &ro, &e), 0);
	store_close(ro);
	/* A database from before the hash (none in meta) is brought up too. */
	store_close(f->s);
	raw(f->path, "DELETE FROM meta WHERE key = 'counter_triggers';");
	assert_int_equal(store_open(f->path, 0, &f->s, &e), 0);
	assert_int_equal(store_counters_verify(f->s, &diffs), 0);
	assert_int_equal(diffs, 0);
	assert_int_equal(raw_int(f->path, sql), 1);
	err_release(&e);
}

/* Migration 32 on a database of version 31: an inspection handled by a
 * party cell gets the cell as its actor, the others none; a background
 * check's free-text conclusion becomes its outcome code when it names one
 * (the hold first, any case or tone marks), a refusal or no conclusion
 * stays without, a code already there is kept; the counters are remade
 * and count the outcomes. */
static void test_migration_32_actor_and_outcome(void **state)
{
	struct fx *f = *state;
	int64_t diffs = -1;
	struct err e;

	err_init(&e);
	store_close(f->s);
	raw(f->path,
	    "INSERT INTO org(id, code, valid_from) VALUES (1, 'R', '2000-01-01'), (2, 'C', "
	    "'2000-01-01');"
	    "INSERT INTO org_version(org_id, valid_from, name, kind, parent_id) VALUES (1, "
	    "'2000-01-01', 'Tỉnh', 'dang_bo_tinh', NULL), (2, '2000-01-01', 'Chi bộ A', "
	    "'chi_bo_co_so', 1);"
	    "INSERT INTO case_file(id, number, kind, subtype, title, handling_org, opened, state, "
	    "conclusion, created_at) VALUES"
	    " (1, 'T1', 'tham_tra_ly_lich', NULL, 'a', 1, '2020-01-02', 'dong', 'Đủ điều kiện "
	    "xem xét kết nạp vào Đảng', 'x'),"
	    " (2, 'T2', 'tham_tra_ly_lich', NULL, 'a', 1, '2020-01-02', 'dong', 'Chưa đủ điều "
	    "kiện kết nạp', 'x'),"
	    " (3, 'T3', 'tham_tra_ly_lich', NULL, 'a', 1, '2020-01-02', 'ket_luan', 'Báo cáo "
	    "Ban Thường vụ Huyện ủy xem xét', 'x'),"
	    " (4, 'T4', 'tham_tra_ly_lich', NULL, 'a', 1, '2020-01-02', 'ket_luan', 'TẠM DỪNG "
	    "để thẩm tra thêm, bản thân đủ điều kiện', 'x'),"
	    " (5, 'T5', 'tham_tra_ly_lich', NULL, 'a', 1, '2020-01-02', 'dang_tham_tra', NULL, "
	    "'x'),"
	    " (6, 'T6', 'tham_tra_ly_lich', 'dong_y', 'a', 1, '2020-01-02', 'ket_luan', 'Tạm "
	    "dừng', 'x'),"
	    " (7, 'K7', 'kiem_tra', 'chap_hanh', 'b', 2, '2020-01-02', 'ke_hoach', NULL, 'x'),"
	    " (8, 'K8', 'kiem_tra', 'chap_hanh', 'c', 1, '2020-01-02', 'ke_hoach', NULL, 'x');"
	    "DROP TABLE case_inspection; DELETE FROM meta WHERE key = 'counter_triggers';"
	    "PRAGMA user_version = 31;");
	assert_int_equal(store_open(f->path, 0, &f->s, &e), 0);
	assert_int_equal(store_schema_version(f->s), store_latest_schema_version());
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM case_file WHERE (id, subtype) IN "
	                                  "(VALUES (1, 'dong_y'), (3, 'bao_cao_thuong_vu'), (4, "
	                                  "'tam_dung'), (6, 'dong_y'))"),
	                 4);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM case_file WHERE id IN (2, 5) AND "
	                                  "subtype IS NULL"),
	                 2);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM case_inspection WHERE case_id = 7 "
	                                  "AND actor = 'chi_bo'"),
	                 1);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM case_inspection"), 1);
	assert_int_equal(raw_int(f->path, "SELECT coalesce(sum(n), 0) FROM counter WHERE metric = "
	                                  "'ttll_ket_qua'"),
	                 4);
	assert_int_equal(raw_int(f->path, "SELECT coalesce(sum(n), 0) FROM counter WHERE metric = "
	                                  "'kt_chu_the' AND dim = 'chi_bo'"),
	                 1);
	assert_int_equal(store_counters_verify(f->s, &diffs), 0);
	assert_int_equal(diffs, 0);
	err_release(&e);
}

/* What goes through the store alone, on PostgreSQL. */
static const struct CMUnitTest on_pg[] = {
    cmocka_unit_test_setup_teardown(test_every_statement_prepares, setup_pg, teardown_pg),
    cmocka_unit_test_setup_teardown(test_org_versions_and_time, setup_pg, teardown_pg),
    cmocka_unit_test_setup_teardown(test_person_unique_ids_and_fts, setup_pg, teardown_pg),
    cmocka_unit_test_setup_teardown(test_person_search_within_scope, setup_pg, teardown_pg),
    cmocka_unit_test_setup_teardown(test_org_search, setup_pg, teardown_pg),
    cmocka_unit_test_setup_teardown(test_calendar_seeded, setup_pg, teardown_pg),
};

static const struct CMUnitTest on_sqlite[] = {
    cmocka_unit_test(test_every_statement_has_both_forms),
    cmocka_unit_test_setup_teardown(test_every_statement_prepares, setup, teardown),
    cmocka_unit_test_setup_teardown(test_migrations_apply_once, setup, teardown),
    cmocka_unit_test_setup_teardown(test_failed_migration_leaves_the_file, setup, teardown),
    cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
    cmocka_unit_test_setup_teardown(test_migration_32_actor_and_outcome, setup, teardown),
    cmocka_unit_test_setup_teardown(test_missing_file_is_not_created, setup, teardown),
    cmocka_unit_test_setup_teardown(test_not_a_database, setup, teardown),
    cmocka_unit_test_setup_teardown(test_org_versions_and_time, setup, teardown),
    cmocka_unit_test_setup_teardown(test_orgs_are_never_deleted, setup, teardown),
    cmocka_unit_test_setup_teardown(test_person_unique_ids_and_fts, setup, teardown),
    cmocka_unit_test_setup_teardown(test_person_search_within_scope, setup, teardown),
    cmocka_unit_test_setup_teardown(test_org_search, setup, teardown),
    cmocka_unit_test_setup_teardown(test_calendar_seeded, setup, teardown),
    cmocka_unit_test_setup_teardown(test_backup_restore_identical, setup, teardown),
    cmocka_unit_test_setup_teardown(test_counter_triggers_follow_their_hash, setup, teardown)};

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "pg") == 0) {
		if (!getenv("HOSO_TEST_PG")) {
			fprintf(stderr, "test-store pg: HOSO_TEST_PG is not set (scripts/test.sh "
			                "starts PostgreSQL with scripts/pg.sh and sets it)\n");
			return 1;
		}
		return cmocka_run_group_tests_name("store on PostgreSQL", on_pg, NULL, NULL);
	}
	return cmocka_run_group_tests_name("store on SQLite", on_sqlite, NULL, NULL);
}
