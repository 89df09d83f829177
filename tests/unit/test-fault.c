/*
 * test-fault.c - the write paths under allocation and I/O faults, as SQLite
 * tests itself.
 *
 * Each write path (person create, update and transfer; organisation
 * create, rename and merge; case create, step, note and correction; a
 * finding withdrawn; user creation; a
 * CSV import; an audited read, whose entry goes through audit_record's
 * group commit) runs once without faults on a copy of a prepared database
 * (the reference), then again for N = 1, 2, ... with the N-th event of one
 * kind failing (fault.h: an allocation anywhere in hoso, jansson or
 * SQLite; a read, write, write to a full disk, or fsync of a database
 * file), each kind once failing only the N-th event and once failing it
 * and every later one, until a run completes without reaching the fault.
 * Every run must:
 *
 *   - return 0, or a negative code with the struct err filled (e.code set
 *     to it); never crash;
 *   - after a failure, leave no transaction open (another connection takes
 *     the write lock at once), leave the audit chain whole (audit_verify on
 *     the same connection, which must still work), and leave the database
 *     as it was: every table, the schema included, hashes as before, and
 *     PRAGMA integrity_check says "ok";
 *   - after a success, leave the database exactly as the reference run did
 *     (the clock and the random stream are frozen, so time stamps, salts
 *     and audit hashes match): a fault that was absorbed must not change
 *     what is written, and the write is there exactly once (each path
 *     names a count that goes from 0 to its value);
 *   - leak nothing: the sanitizer build runs this with LeakSanitizer.
 *
 * How the runs stay comparable and cheap.  One connection (struct app)
 * stays open on the path's work file from run to run, as a server's does,
 * and each run starts it cold: no statement prepared, no page cached, the
 * scope caches to be rebuilt (store_release_memory, scope_changed), the
 * schema loaded, and whatever the last failure left for the next
 * transaction done (a transaction begun and rolled back).  So every run
 * counts its events from the same start, the numbers are reproducible, and
 * a connection that a failure left unusable shows in the next run.  The
 * file is only restored after a run that changed it: the prepared content
 * copied back with SQLite's backup API, while the connections stay open
 * (restore() says how).  Process-wide tables built once (ICU's, the
 * letter and lunar tables) are built while the prepared file is made.  A
 * path through the audit writer thread re-warms the writer before each run
 * with one entry of its own.  Whether a failed run committed anything is
 * read from the data_version of a side connection (a moved WAL index);
 * only then are the tables compared; PRAGMA integrity_check runs after
 * every I/O fault and every change.  fsync is counted and failed, never
 * done; password hashing runs at libsodium's least cost (fault.c).
 *
 * meson runs the paths in parts side by side (test-fault --part K/N).  To
 * look into a problem: HOSO_FAULT_ONLY=<path> runs one path;
 * HOSO_FAULT_KINDS=alloc,read,... limits the kinds; HOSO_FAULT_AT=
 * alloc:586[:after][,...] makes just those runs (each problem names its
 * own); HOSO_FAULT_KEEP=<dir> keeps a copy of the database of each problem
 * there; HOSO_FAULT_SQLITE_LOG=1 prints SQLite's error log.
 */
#include <setjmp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <sodium.h>

#include "app/attachment.h"
#include "app/audit.h"
#include "app/case.h"
#include "app/correct.h"
#include "app/finding.h"
#include "app/import.h"
#include "app/org.h"
#include "app/paper.h"
#include "app/person.h"
#include "app/petition.h"
#include "app/scope.h"
#include "app/user.h"
#include "fault.h"
#include "helpers.h"

/* ---- the prepared database ---- */

static struct {
	char dir[512];
	char tmpl[600]; /* the prepared file: only ever copied */
	char csv[600];  /* three persons to import */
	struct actor sys, officer;
	int64_t tu, c1, c2, m1, m2, p1, p1_version, k1, k1_version, f1, pt1;
} g;

/* The letter the petition paths register (one is in the prepared file). */
static int64_t letter_persons[1];
static struct petition_input letter = {.channel = "buu_dien",
                                       .kind = "to_cao",
                                       .sender_status = "ro_ten",
                                       .sender_name = "Nguyễn Văn Tố",
                                       .sender_address = "Bản Na",
                                       .summary = "Tố cáo vi phạm về đất đai",
                                       .persons = letter_persons,
                                       .npersons = 1,
                                       .decision_received = DATE_NONE};

static void must(int rc, const char *what, struct err *e)
{
	if (rc != 0) {
		fprintf(stderr, "setup: %s: %s\n", what, err_text_en(e));
		abort();
	}
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;

	if (!in || !out)
		abort();
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			abort();
	if (ferror(in) || fclose(out) != 0)
		abort();
	fclose(in);
}

static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "setup: %s: %s\n", sql, sqlite3_errmsg(db));
		abort();
	}
	sqlite3_close(db);
}

static int64_t add_org(struct app *app, struct err *e, const char *code, const char *name,
                       const char *kind, int64_t parent)
{
	struct org_new o = {code, name, kind, parent, date_days(2000, 1, 1), NULL};
	int64_t id;

	must(org_create(app, &g.sys, &o, &id, e), code, e);
	return id;
}

static int64_t add_person(struct app *app, struct err *e, const char *name, const char *cccd,
                          int64_t org)
{
	struct person_input in = {.full_name = name,
	                          .sex = "Nam",
	                          .birth_date = "1970",
	                          .cccd = cccd,
	                          .admission_date = "01/01/2010",
	                          .status = "chinh_thuc",
	                          .org_id = org};
	int64_t id;

	must(person_create(app, &g.officer, &in, &id, e), name, e);
	return id;
}

static int group_setup(void **state)
{
	struct user_new u = {"canbo", "Trần Văn Cán",       0,
	                     0,       CLEARANCE_TOP_SECRET, "mat-khau-rat-dai-1"};
	struct case_input ci = {
	    .kind = "kiem_tra", .title = "Kiểm tra chi bộ Một", .opened = date_days(2024, 3, 1)};
	int64_t f1_remedy;
	char build[700];
	struct app *app;
	struct arena a;
	struct person_row pr;
	struct case_row cr;
	struct err e;
	FILE *f;

	(void)state;
	tmpdir_make(g.dir, sizeof(g.dir));
	snprintf(build, sizeof(build), "%s/build.db", g.dir);
	snprintf(g.tmpl, sizeof(g.tmpl), "%s/template.db", g.dir);
	snprintf(g.csv, sizeof(g.csv), "%s/persons.csv", g.dir);
	err_init(&e);
	arena_init(&a, 0);
	actor_system(&g.sys, "test");
	must(app_open(build, APP_CREATE, &app, &e), "app_open", &e);
	g.tu = add_org(app, &e, "TU", "Đảng bộ tỉnh", "dang_bo_tinh", 0);
	g.c1 = add_org(app, &e, "C1", "Chi bộ Một", "chi_bo_co_so", g.tu);
	g.c2 = add_org(app, &e, "C2", "Chi bộ Hai", "chi_bo_co_so", g.tu);
	g.m1 = add_org(app, &e, "M1", "Chi bộ Bản Mường", "chi_bo_co_so", g.tu);
	g.m2 = add_org(app, &e, "M2", "Chi bộ Bản Phủ", "chi_bo_co_so", g.tu);
	/* The acting user: an administrator, officer and leader of the whole
	 * province, by scope (so every path checks its scope) with a real
	 * account behind it. */
	u.org_id = g.tu;
	u.roles = 1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER;
	must(user_add(app, &g.sys, &u, &g.officer.user_id, NULL, &e), "user_add", &e);
	g.officer.roles = u.roles;
	g.officer.scope_org = g.tu;
	g.officer.clearance = CLEARANCE_TOP_SECRET;
	g.officer.purpose = "test";
	g.officer.address = "127.0.0.1";
	g.p1 = add_person(app, &e, "Lò Văn Muôn", "011070000001", g.c1);
	add_person(app, &e, "Mùa A Vảng", "011070000002", g.m1);
	add_person(app, &e, "Quàng Thị Xuân", "011070000003", g.m2);
	must(person_get(app, &g.officer, g.p1, &a, &pr, &e), "person_get", &e);
	g.p1_version = pr.version;
	ci.handling_org = g.c1;
	ci.subject_orgs = &g.c1;
	ci.nsubject_orgs = 1;
	must(case_create(app, &g.officer, &ci, &a, &g.k1, NULL, &e), "case_create", &e);
	must(case_fetch(app, &g.officer, g.k1, &a, &cr, &e), "case_fetch", &e);
	g.k1_version = cr.version;
	must(finding_add(app, &g.officer, g.k1, 0, "Chưa họp định kỳ", "vi_pham_chua_den_muc",
	                 &g.f1, &e),
	     "finding_add", &e);
	must(remedy_add(app, &g.officer, g.f1, "Họp hằng tháng", "Chi ủy", date_days(2024, 6, 30),
	                &f1_remedy, &e),
	     "remedy_add", &e);
	letter.org = g.c1;
	letter.received = date_days(2024, 3, 1);
	letter_persons[0] = g.p1;
	must(petition_add(app, &g.officer, &letter, &g.pt1, &e), "petition_add", &e);
	app_close(app);
	arena_release(&a);
	err_release(&e);
	/* The prepared file: everything in the main file, no WAL to copy. */
	sql_exec(build, "PRAGMA wal_checkpoint(TRUNCATE)");
	copy_file(build, g.tmpl);
	f = fopen(g.csv, "w");
	if (!f)
		abort();
	fputs("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã tổ chức,Ngày vào Đảng\n"
	      "Mùa A Chứ,1985,Nam,011085000111,C1,12/05/2012\n"
	      "Lò Thị Hoa,02/03/1990,Nữ,011090000222,C2,01/09/2015\n"
	      "Nguyễn Văn Ba,1975,Nam,011075000333,C1,03/02/2005\n",
	      f);
	fclose(f);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	tmpdir_remove(g.dir);
	return 0;
}

/* ---- what a database holds ---- */

#define SNAP_TABLES 160

/* Every table's row count and hash (the schema as one more table), and
 * whether PRAGMA integrity_check says ok. */
struct snap {
	size_t n;
	struct {
		char name[64];
		long rows;
		unsigned char hash[16];
	} t[SNAP_TABLES];
	int intact;
	char problem[200];
};

static void hash_rows(sqlite3 *db, const char *sql, long *rows, unsigned char out[16])
{
	crypto_generichash_state h;
	sqlite3_stmt *st;
	int ncol;

	*rows = 0;
	crypto_generichash_init(&h, NULL, 0, 16);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("snapshot: %s: %s", sql, sqlite3_errmsg(db));
	ncol = sqlite3_column_count(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		(*rows)++;
		for (int c = 0; c < ncol; c++) {
			unsigned char type = (unsigned char)sqlite3_column_type(st, c);
			const void *v = sqlite3_column_blob(st, c);
			int n = sqlite3_column_bytes(st, c);

			crypto_generichash_update(&h, &type, 1);
			crypto_generichash_update(&h, (const unsigned char *)&n, sizeof(n));
			if (v && n > 0)
				crypto_generichash_update(&h, v, (size_t)n);
		}
	}
	sqlite3_finalize(st);
	crypto_generichash_final(&h, out, 16);
}

static sqlite3 *open_raw(const char *path)
{
	sqlite3 *db;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("cannot open %s: %s", path, sqlite3_errmsg(db));
	return db;
}

static void snap_take(sqlite3 *db, struct snap *s)
{
	sqlite3_stmt *st;

	memset(s, 0, sizeof(*s));
	snprintf(s->t[0].name, sizeof(s->t[0].name), "(schema)");
	hash_rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name",
	          &s->t[0].rows, s->t[0].hash);
	s->n = 1;
	if (sqlite3_prepare_v2(db,
	                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
	                       "sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
	                       -1, &st, NULL) != SQLITE_OK)
		fail_msg("snapshot: %s", sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		char sql[200];

		assert_true(s->n < SNAP_TABLES);
		snprintf(s->t[s->n].name, sizeof(s->t[s->n].name), "%s",
		         sqlite3_column_text(st, 0));
		snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"", s->t[s->n].name);
		hash_rows(db, sql, &s->t[s->n].rows, s->t[s->n].hash);
		s->n++;
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		fail_msg("integrity_check: %s", sqlite3_errmsg(db));
	s->intact = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (!t || strcmp(t, "ok") != 0) {
			s->intact = 0;
			snprintf(s->problem, sizeof(s->problem), "%s", t ? t : "?");
		}
	}
	sqlite3_finalize(st);
}

/* "" when a and b hold the same; else which tables differ, in out. */
static const char *snap_diff(const struct snap *a, const struct snap *b, char *out, size_t n)
{
	size_t len = 0;

	out[0] = '\0';
	if (a->n != b->n)
		len += (size_t)snprintf(out, n, "tables %zu/%zu ", a->n, b->n);
	for (size_t i = 0; i < a->n && i < b->n && len < n; i++)
		if (strcmp(a->t[i].name, b->t[i].name) != 0 || a->t[i].rows != b->t[i].rows ||
		    memcmp(a->t[i].hash, b->t[i].hash, 16) != 0)
			len += (size_t)snprintf(out + len, n - len, "%s (%ld/%ld rows) ",
			                        a->t[i].name, a->t[i].rows, b->t[i].rows);
	return out;
}

static long count_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ---- the write paths ---- */

struct wpath {
	const char *name;
	int (*run)(struct app *app, struct err *e);
	const char *once; /* a count that the write takes from 0 to want */
	long want;
	int writer; /* goes through audit_record's writer thread */
};

static int run_person_create(struct app *app, struct err *e)
{
	struct person_input in = {.full_name = "Lò Văn Pánh",
	                          .sex = "Nam",
	                          .birth_date = "12/03/1980",
	                          .cccd = "011080000123",
	                          .party_file_no = "123456DB",
	                          .admission_date = "19/05/2010",
	                          .home_town = "Mường Phăng, Điện Biên",
	                          .status = "chinh_thuc",
	                          .org_id = g.c1};
	int64_t id = 0;

	return person_create(app, &g.officer, &in, &id, e);
}

static int run_person_update(struct app *app, struct err *e)
{
	struct person_input in = {.full_name = "Lò Văn Muôn",
	                          .sex = "Nam",
	                          .birth_date = "1970",
	                          .cccd = "011070000001",
	                          .admission_date = "01/01/2010",
	                          .status = "chinh_thuc",
	                          .residence = "Bản Che Căn, Mường Phăng",
	                          .confidentiality = CLEARANCE_SECRET};

	return person_update(app, &g.officer, g.p1, g.p1_version, &in, e);
}

static int run_person_transfer(struct app *app, struct err *e)
{
	return person_transfer(app, &g.officer, g.p1, g.c2, date_days(2024, 1, 15),
	                       "Chuyển sinh hoạt", e);
}

static int run_org_create(struct app *app, struct err *e)
{
	struct org_new o = {"C9", "Chi bộ Chín",         "chi_bo_co_so",
	                    g.tu, date_days(2020, 1, 1), "QĐ 9-QĐ/TU"};
	int64_t id;

	return org_create(app, &g.officer, &o, &id, e);
}

static int run_org_rename(struct app *app, struct err *e)
{
	return org_rename(app, &g.officer, g.c2, "Chi bộ Hai Mới", date_days(2024, 6, 1),
	                  "QĐ 12-QĐ/TU", e);
}

static int run_org_merge(struct app *app, struct err *e)
{
	struct org_new spec = {"M9", "Chi bộ Bản Mường Phủ", "chi_bo_co_so",
	                       g.tu, date_days(2025, 7, 1),  NULL};
	int64_t sources[2] = {g.m1, g.m2}, into = 0;

	return org_merge(app, &g.officer, sources, 2, 0, &spec, date_days(2025, 7, 1), "NQ 1-NQ/TU",
	                 &into, e);
}

static int run_case_create(struct app *app, struct err *e)
{
	int64_t persons[1] = {g.p1}, orgs[1] = {g.c1}, id;
	struct case_input in = {.kind = "kiem_tra",
	                        .title = "Kiểm tra đảng viên Lò Văn Muôn",
	                        .handling_org = g.c1,
	                        .opened = date_days(2024, 5, 2),
	                        .subject_orgs = orgs,
	                        .nsubject_orgs = 1,
	                        .subject_persons = persons,
	                        .nsubject_persons = 1};
	struct arena a;
	int rc;

	const char *number;

	arena_init(&a, 0);
	rc = case_create(app, &g.officer, &in, &a, &id, &number, e);
	arena_release(&a);
	return rc;
}

static int run_case_transition(struct app *app, struct err *e)
{
	return case_transition(app, &g.officer, g.k1, "quyet_dinh", date_days(2024, 3, 4),
	                       "QĐ số 12-QĐ/UBKT", NULL, g.k1_version, e);
}

/* A paper generated from a case: its draft document, audited. */
static int run_paper_generate(struct app *app, struct err *e)
{
	struct paper_request rq = {"kt_quyet_dinh", 0, NULL};
	int64_t doc;

	return paper_generate(app, &g.officer, g.k1, &rq, &doc, e);
}

/* A paper's template changed by the administrator, checked first. */
static int run_paper_template(struct app *app, struct err *e)
{
	json_t *t = json_pack("{s:s,s:s}", "sign_title", "PHÓ CHỦ NHIỆM", "body",
	                      "Kiểm tra {{subjects}} ({{case.number}}).");
	int rc = t ? paper_template_set(app, &g.sys, "kt_quyet_dinh", t, 0, e)
	           : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);

	json_decref(t);
	return rc;
}

static int run_case_note(struct app *app, struct err *e)
{
	int64_t id;

	return case_add_note(app, &g.officer, g.k1, "Đã làm việc với chi bộ.", &id, e);
}

/* A case corrected: its title and opening date (the report counters
 * move with it, the subject organisation relinked). */
static int run_case_edit(struct app *app, struct err *e)
{
	/* The title only: a new opening date moves the report counters, whose
	 * statements are prepared anew (29,000 allocation points, three
	 * minutes here and half an hour under the sanitizers); that path is
	 * covered by test-correct.c and t-correct.sh, not under faults. */
	struct case_edit_input in = {.title = "Kiểm tra chi bộ Một (đã sửa)",
	                             .sent = PATCH_LISTED | 1u << CASE_TITLE,
	                             .version = g.k1_version};

	return case_edit(app, &g.officer, g.k1, &in, e);
}

/* A finding withdrawn, its remedy with it (out of the counters). */
static int run_withdraw(struct app *app, struct err *e)
{
	return correct_withdraw(app, &g.officer, STORE_REC_FINDING, g.f1, "Nhập nhầm", 1, e);
}

/* A letter registered: the letter, its subject and its audit entry, or
 * none of them. */
static int run_petition_add(struct app *app, struct err *e)
{
	struct petition_input again = letter;
	int64_t id;

	again.summary = "Tố cáo lần hai";
	return petition_add(app, &g.officer, &again, &id, e);
}

/* A letter classified as handled here: the denunciation case it opens and
 * the letter's state, or neither. */
static int run_petition_classify(struct app *app, struct err *e)
{
	struct petition_classify_input in = {.action = PETITION_HANDLE, .version = 1};
	int64_t id;

	return petition_classify(app, &g.officer, g.pt1, &in, &id, e);
}

static int run_user_add(struct app *app, struct err *e)
{
	struct user_new u = {"vanthu",           "Nguyễn Thị Văn", g.c1,
	                     1u << ROLE_OFFICER, CLEARANCE_NORMAL, "mat-khau-van-thu-1"};
	int64_t id;

	return user_add(app, &g.officer, &u, &id, NULL, e);
}

static int run_import(struct app *app, struct err *e)
{
	struct import_opts o = {.report = getenv("HOSO_FAULT_AT") ? stderr : NULL};
	struct import_stats st;

	return import_file(app, &g.officer, IMPORT_PERSONS, g.csv, &o, &st, e);
}

/* A small PDF: its first bytes are what the attachment check looks at. */
static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

/* A case's attachment: the row, its blob and its audit entry, or none. */
static int run_attachment_add(struct app *app, struct err *e)
{
	struct attachment_row r;
	struct arena a;
	int rc;

	arena_init(&a, 0);
	rc = attachment_add(app, &g.officer, g.k1, "bien-ban.pdf", pdf, sizeof(pdf) - 1, &a, &r, e);
	arena_release(&a);
	return rc;
}

/* A letter's scan, kept before any classification: the same. */
static int run_scan_add(struct app *app, struct err *e)
{
	struct attachment_row r;
	struct arena a;
	int rc;

	arena_init(&a, 0);
	rc = petition_scan_add(app, &g.officer, g.pt1, "don.pdf", pdf, sizeof(pdf) - 1, &a, &r, e);
	arena_release(&a);
	return rc;
}

static int run_person_read(struct app *app, struct err *e)
{
	struct person_row r;
	struct membership_list ms;
	struct position_list ps;
	struct arena a;
	int rc;

	arena_init(&a, 0);
	rc = person_read(app, &g.officer, g.p1, NULL, &a, &r, &ms, &ps, e);
	arena_release(&a);
	return rc;
}

/*
 * The paths, heaviest first: meson runs them as parts of six (the paths
 * whose index is K modulo 6), so each of the heavy first six shares its
 * part with one of the light last six.
 */
static const struct wpath paths[] = {
    {"case_create", run_case_create,
     "SELECT count(*) FROM case_file WHERE title = 'Kiểm tra đảng viên Lò Văn Muôn'", 1},
    {"case_transition", run_case_transition,
     "SELECT count(*) FROM case_event WHERE to_state = 'quyet_dinh'", 1},
    {"import_file", run_import,
     "SELECT count(*) FROM person WHERE cccd IN ('011085000111', '011090000222', "
     "'011075000333')",
     3},
    {"org_merge", run_org_merge, "SELECT count(*) FROM succession WHERE kind = 'merge'", 1},
    {"org_rename", run_org_rename, "SELECT count(*) FROM org_version WHERE name = 'Chi bộ Hai Mới'",
     1},
    {"person_update", run_person_update,
     "SELECT count(*) FROM audit WHERE action = 'update' AND object_type = 'person'", 1},
    {"case_add_note", run_case_note, "SELECT count(*) FROM case_note", 1},
    {"user_add", run_user_add,
     "SELECT (SELECT count(*) FROM app_user WHERE username = 'vanthu') + "
     "(SELECT count(*) FROM audit WHERE action = 'user_create' AND object_id = "
     "(SELECT id FROM app_user WHERE username = 'vanthu'))",
     2},
    {"person_read", run_person_read,
     "SELECT count(*) FROM audit WHERE action = 'read' AND object_type = 'person'", 1, 1},
    {"org_create", run_org_create, "SELECT count(*) FROM org WHERE code = 'C9'", 1},
    {"person_create", run_person_create, "SELECT count(*) FROM person WHERE cccd = '011080000123'",
     1},
    {"person_transfer", run_person_transfer,
     "SELECT count(*) FROM membership WHERE note = 'Chuyển sinh hoạt'", 1},
    {"case_edit", run_case_edit,
     "SELECT count(*) FROM case_file WHERE title = 'Kiểm tra chi bộ Một (đã sửa)'", 1},
    {"petition_add", run_petition_add,
     "SELECT (SELECT count(*) FROM petition WHERE summary = 'Tố cáo lần hai') + (SELECT count(*) "
     "FROM petition_subject WHERE petition_id IN (SELECT id FROM petition WHERE summary = 'Tố cáo "
     "lần hai')) + (SELECT count(*) FROM audit WHERE object_type = 'petition' AND object_id IN "
     "(SELECT id FROM petition WHERE summary = 'Tố cáo lần hai'))",
     3},
    {"petition_classify", run_petition_classify,
     "SELECT (SELECT count(*) FROM case_file WHERE kind = 'to_cao') + (SELECT count(*) FROM "
     "petition WHERE state = 'thu_ly' AND case_id IS NOT NULL) + (SELECT count(*) FROM "
     "case_subject s JOIN case_file c ON c.id = s.case_id WHERE c.kind = 'to_cao')",
     3},
    {"correct_withdraw", run_withdraw,
     "SELECT (SELECT count(*) FROM case_finding WHERE withdrawn_at IS NOT NULL) + "
     "(SELECT count(*) FROM case_remedy WHERE withdrawn_at IS NOT NULL)",
     2},
    {"paper_generate", run_paper_generate,
     "SELECT count(*) FROM case_document WHERE paper = 'kt_quyet_dinh'", 1, 1},
    {"paper_template", run_paper_template, "SELECT count(*) FROM paper_template", 1},
    {"attachment_add", run_attachment_add,
     "SELECT (SELECT count(*) FROM case_attachment WHERE filename = 'bien-ban.pdf') + "
     "(SELECT count(*) FROM audit WHERE action = 'attach' AND object_type = 'case')",
     2},
    {"petition_scan_add", run_scan_add,
     "SELECT (SELECT count(*) FROM petition_scan WHERE filename = 'don.pdf') + "
     "(SELECT count(*) FROM audit WHERE action = 'attach' AND object_type = 'petition')",
     2},
};

/* ---- the loop ---- */

struct run_state {
	const struct wpath *w;
	char work[700];
	int stale;                 /* work changed: restore it before the next run */
	int reopen;                /* the connection is not to be trusted: a new one */
	struct app *app;           /* open on work, from one run to the next */
	sqlite3 *side;             /* open on work too: keeps its WAL, sees commits */
	long version;              /* side's PRAGMA data_version after the restore */
	struct snap before, after; /* work as restored; after the reference run */
	int problems;
	long runs, absorbed; /* runs; those that succeeded through a fault */
};

static long data_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	long v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		fail_msg("data_version: %s", sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void open_app(struct run_state *rs)
{
	struct err e;

	err_init(&e);
	app_close(rs->app);
	if (app_open(rs->work, 0, &rs->app, &e) != 0)
		fail_msg("%s: app_open: %s", rs->w->name, err_text_en(&e));
	err_release(&e);
	rs->reopen = 0;
}

static void close_work(struct run_state *rs)
{
	app_close(rs->app);
	rs->app = NULL;
	sqlite3_close(rs->side);
	rs->side = NULL;
}

/*
 * The work file as prepared: its content copied back from the prepared
 * file page by page (SQLite's backup API, from a connection of its own),
 * while the other connections stay open, then the WAL emptied into the
 * file (so that no run's commit has a checkpoint to do: every run writes
 * the same).  The backup bumps the schema cookie, to make every connection
 * read the schema again, which costs as much as a run; the schema is the
 * same (snap compares it as one more table), so the old cookie is written
 * back into page 1 of the file, through SQLite's own file handle (closing
 * another descriptor of the file would drop the process's locks).  The
 * other connections see the WAL reset, drop their page caches, and keep
 * their schema.  For a path through the audit writer, one entry is then
 * recorded (fault-free, at the frozen time, so always the same): the
 * writer is open on the file with its statements prepared, as a server's
 * is, whatever the last run left it in.
 */
static void restore(struct run_state *rs)
{
	sqlite3 *from = open_raw(g.tmpl), *to = open_raw(rs->work);
	sqlite3_backup *b;
	sqlite3_stmt *st;
	sqlite3_file *f = NULL;
	unsigned char cookie[4];
	int busy = 1;

	if (sqlite3_prepare_v2(to, "PRAGMA schema_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		fail_msg("%s: restore: %s", rs->w->name, sqlite3_errmsg(to));
	for (int i = 0; i < 4; i++)
		cookie[i] = (unsigned char)((unsigned)sqlite3_column_int(st, 0) >> (24 - 8 * i));
	sqlite3_finalize(st);
	b = sqlite3_backup_init(to, "main", from, "main");
	if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE)
		fail_msg("%s: restore: %s", rs->w->name, sqlite3_errmsg(to));
	sqlite3_backup_finish(b);
	if (sqlite3_wal_checkpoint_v2(to, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, &busy) !=
	        SQLITE_OK ||
	    busy || sqlite3_file_control(to, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK ||
	    !f || f->pMethods->xWrite(f, cookie, 4, 40) != SQLITE_OK)
		fail_msg("%s: restore: %s", rs->w->name, sqlite3_errmsg(to));
	sqlite3_close(to);
	sqlite3_close(from);
	if (rs->w->writer) {
		struct err e;

		err_init(&e);
		fault_freeze(1);
		if (audit_record(rs->app, &g.sys, &(struct audit_entry){"warm", "test", 0, NULL, 0},
		                 &e) != 0)
			fail_msg("%s: warming the audit writer: %s", rs->w->name, err_text_en(&e));
		fault_freeze(0);
		err_release(&e);
	}
	rs->version = data_version(rs->side);
	rs->stale = 0;
}

/* The work file: a copy of the prepared one, named for the path (the audit
 * writer may hold another path's file open until its next entry). */
static void start_work(struct run_state *rs)
{
	snprintf(rs->work, sizeof(rs->work), "%s/%s.db", g.dir, rs->w->name);
	copy_file(g.tmpl, rs->work);
	rs->side = open_raw(rs->work);
	open_app(rs);
	rs->stale = 1;
	restore(rs);
}

/*
 * Every run starts from the same cold connection, without the price of a
 * new one: no statement prepared, no page cached, every scope cache to be
 * rebuilt, but the schema loaded (as app_open leaves it; a failure may
 * have dropped it).
 */
static void cold(struct run_state *rs)
{
	int64_t id;

	if (rs->reopen)
		open_app(rs); /* closing the old one rolled back what it held */
	if (rs->stale || rs->w->writer)
		restore(rs);
	/* A transaction begun and rolled back: what the last failure left for
	 * the next transaction to do (store_begin resets the schema after
	 * SQLite gave a transaction up) is done now, not in the run. */
	if (store_begin(app_store(rs->app)) != 0)
		fail_msg("%s: the connection no longer begins", rs->w->name);
	store_rollback(app_store(rs->app));
	if (store_org_by_code(app_store(rs->app), "TU", NULL, &id) != 0)
		fail_msg("%s: the connection no longer reads", rs->w->name);
	store_release_memory(app_store(rs->app));
	scope_changed();
}

/* 1 when no connection holds a transaction open on the work file. */
static int write_lock_free(struct run_state *rs)
{
	int ok = sqlite3_exec(rs->side, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;

	sqlite3_exec(rs->side, "ROLLBACK", NULL, NULL, NULL);
	return ok;
}

/* PRAGMA integrity_check on the side connection: NULL when "ok". */
static const char *integrity_problem(struct run_state *rs, char *out, size_t n)
{
	sqlite3_stmt *st;
	const char *bad = NULL;

	if (sqlite3_prepare_v2(rs->side, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		fail_msg("integrity_check: %s", sqlite3_errmsg(rs->side));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (!t || strcmp(t, "ok") != 0) {
			snprintf(out, n, "%s", t ? t : "?");
			bad = out;
		}
	}
	sqlite3_finalize(st);
	return bad;
}

static void problem(struct run_state *rs, enum fault_kind k, long n, int sticky, const char *fmt,
                    ...) __attribute__((format(printf, 5, 6)));

static void problem(struct run_state *rs, enum fault_kind k, long n, int sticky, const char *fmt,
                    ...)
{
	va_list ap;

	if (getenv("HOSO_FAULT_KEEP")) {
		char to[800];

		sqlite3_exec(rs->side, "PRAGMA wal_checkpoint", NULL, NULL, NULL);
		snprintf(to, sizeof(to), "%s/%s-%s-%ld%s.db", getenv("HOSO_FAULT_KEEP"),
		         rs->w->name, fault_kind_name(k), n, sticky ? "-after" : "");
		copy_file(rs->work, to);
	}
	if (rs->problems++ >= 20)
		return;
	fprintf(stderr, "%s: %s fault at event %ld%s (HOSO_FAULT_AT=%s:%ld%s): ", rs->w->name,
	        fault_kind_name(k), n, sticky ? " and after" : "", fault_kind_name(k), n,
	        sticky ? ":after" : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* One run with the n-th event of kind k failing (and, sticky, every one
 * after it); 1 when the fault fired. */
static int one_run(struct run_state *rs, enum fault_kind k, long n, int sticky)
{
	struct snap now;
	struct err e;
	char diff[400];
	long fired;
	int rc, changed;

	cold(rs);
	err_init(&e);
	fault_freeze(1);
	fault_arm(k, n, sticky);
	rc = rs->w->run(rs->app, &e);
	fired = fault_disarm();
	rs->runs++;
	if (rc > 0 || (rc < 0 && !fired))
		problem(rs, k, n, sticky, "returned %d (%s) without a fault", rc, err_text_en(&e));
	if (rc < 0 && e.code != rc)
		problem(rs, k, n, sticky, "returned %d but reported %d (%s)", rc, e.code,
		        err_text_en(&e));
	if (rc < 0 && !write_lock_free(rs)) {
		problem(rs, k, n, sticky, "a transaction was left open");
		rs->reopen = 1;
	}
	if (rc < 0) {
		struct audit_check c = {0};
		struct err ve;

		err_init(&ve);
		if (audit_verify(rs->app, &g.sys, &c, &ve) != 0 || c.bad_id != 0)
			problem(rs, k, n, sticky,
			        "after the failure the audit chain does not verify: %s",
			        c.bad_id ? c.problem_en : err_text_en(&ve));
		err_release(&ve);
	}
	fault_freeze(0);
	/* The WAL index unchanged since the restore (the side connection's
	 * data_version moves with every commit of another connection, and
	 * with a restart of the WAL): nothing was committed, the content is
	 * the restored one, and the main file untouched (in WAL mode only a
	 * checkpoint writes it).  Else compare every table.  PRAGMA
	 * integrity_check after every I/O fault, and after anything
	 * committed. */
	changed = data_version(rs->side) != rs->version;
	if ((changed || k != FAULT_ALLOC) && integrity_problem(rs, diff, sizeof(diff)))
		problem(rs, k, n, sticky, "integrity_check: %s", diff);
	if (changed || rc == 0)
		snap_take(rs->side, &now);
	if (rc < 0 && changed && *snap_diff(&rs->before, &now, diff, sizeof(diff)))
		problem(rs, k, n, sticky, "failed with %s but wrote: %s", err_name(rc), diff);
	if (rc == 0 && *snap_diff(&rs->after, &now, diff, sizeof(diff)))
		problem(rs, k, n, sticky, "succeeded%s but wrote other than the reference: %s",
		        fired ? " through the fault" : "", diff);
	if (rc == 0 && count_of(rs->side, rs->w->once) != rs->w->want)
		problem(rs, k, n, sticky, "succeeded but the write is there %ld times, not %ld",
		        count_of(rs->side, rs->w->once), rs->w->want);
	if (changed)
		rs->stale = 1;
	if (rc == 0 && fired)
		rs->absorbed++;
	err_release(&e);
	return fired > 0;
}

static int kind_wanted(enum fault_kind k)
{
	const char *only = getenv("HOSO_FAULT_KINDS");
	const char *name = fault_kind_name(k);
	const char *p;
	size_t n = strlen(name);

	if (!only || !*only)
		return 1;
	for (p = strstr(only, name); p; p = strstr(p + 1, name))
		if ((p == only || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

/* HOSO_FAULT_AT=alloc:586[:after][,read:12...]: those runs, in turn. */
static void run_at(struct run_state *rs, const char *at)
{
	for (; at && *at; at = strchr(at, ',') ? strchr(at, ',') + 1 : NULL) {
		const char *end = strchr(at, ',');
		const char *after = strstr(at, ":after");

		if (strncmp(at, "reopen", 6) == 0) {
			/* a new connection on the same file */
			struct err e;

			err_init(&e);
			app_close(rs->app);
			if (app_open(rs->work, 0, &rs->app, &e) != 0)
				fail_msg("reopen: %s", err_text_en(&e));
			err_release(&e);
		}
		for (int k = 0; k < FAULT__MAX; k++) {
			const char *name = fault_kind_name((enum fault_kind)k);
			size_t kn = strlen(name);

			if (strncmp(at, name, kn) == 0 && at[kn] == ':')
				one_run(rs, (enum fault_kind)k, strtol(at + kn + 1, NULL, 10),
				        after && (!end || after < end));
		}
	}
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static struct run_state rs_static;

static void test_path(void **state)
{
	const struct wpath *w = *state;
	struct run_state *rs = &rs_static;
	const char *only = getenv("HOSO_FAULT_ONLY");
	struct timespec t0;
	char line[400];
	size_t len = 0;
	int rc;

	if (only && *only && strcmp(only, w->name) != 0)
		skip();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(rs, 0, sizeof(*rs));
	rs->w = w;
	/* The reference: the same operation, without a fault. */
	start_work(rs);
	snap_take(rs->side, &rs->before);
	assert_true(rs->before.intact);
	assert_int_equal(count_of(rs->side, w->once), 0);
	{
		struct err e;

		err_init(&e);
		fault_freeze(1);
		rc = w->run(rs->app, &e);
		fault_freeze(0);
		if (rc != 0)
			fail_msg("%s without a fault: %s", w->name, err_text_en(&e));
		err_release(&e);
	}
	snap_take(rs->side, &rs->after);
	assert_int_equal(count_of(rs->side, w->once), w->want);
	rs->stale = 1;
	if (getenv("HOSO_FAULT_AT")) {
		run_at(rs, getenv("HOSO_FAULT_AT"));
	} else {
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%-16s", w->name);
		for (int k = 0; k < FAULT__MAX; k++) {
			long n, points[2];

			if (!kind_wanted((enum fault_kind)k))
				continue;
			for (int sticky = 0; sticky <= 1; sticky++) {
				for (n = 1;
				     n < 1000000 && one_run(rs, (enum fault_kind)k, n, sticky); n++)
					;
				points[sticky] = n - 1;
			}
			/* A one-shot and a lasting fault reach different numbers of
			 * points when a failure makes the code take another way. */
			len += (size_t)snprintf(line + len, sizeof(line) - len, " %s %ld",
			                        fault_kind_name((enum fault_kind)k), points[0]);
			if (points[1] != points[0])
				len += (size_t)snprintf(line + len, sizeof(line) - len, "/%ld",
				                        points[1]);
		}
		printf("%s points; %ld runs (%ld through a fault) in %.1f s\n", line, rs->runs,
		       rs->absorbed, seconds_since(&t0));
		fflush(stdout);
	}
	close_work(rs);
	if (rs->problems)
		fail_msg("%s: %d problems (the first 20 above)", w->name, rs->problems);
}

/*
 * The audit writer opens its own connection to a database the first time
 * an entry for it comes.  When that open failed, it kept the name and lost
 * the connection, and the next entry for the same database crashed on a
 * NULL store.  For each of the first allocations of a cold writer (its
 * queue, the name, and well into store_open), fail it, then record again
 * without a fault: the second entry must land, and only it.
 */
static void test_writer_reopens(void **state)
{
	(void)state;
	for (long n = 1; n <= 60; n++) {
		char path[700];
		struct app *app;
		struct err e;
		sqlite3 *db;
		int rc;

		snprintf(path, sizeof(path), "%s/writer-%ld.db", g.dir, n);
		copy_file(g.tmpl, path);
		err_init(&e);
		assert_int_equal(app_open(path, 0, &app, &e), 0);
		fault_arm(FAULT_ALLOC, n, 0);
		rc = audit_record(app, &g.sys, &(struct audit_entry){"first", "test", 0, NULL, 0},
		                  &e);
		fault_disarm();
		assert_true(rc == 0 || e.code == rc);
		assert_int_equal(audit_record(app, &g.sys,
		                              &(struct audit_entry){"second", "test", 0, NULL, 0},
		                              &e),
		                 0);
		app_close(app);
		db = open_raw(path);
		assert_int_equal(count_of(db, "SELECT count(*) FROM audit WHERE action = 'second'"),
		                 1);
		assert_int_equal(count_of(db, "SELECT count(*) FROM audit WHERE action = 'first'"),
		                 rc == 0);
		sqlite3_close(db);
		err_release(&e);
	}
}

/* test-fault [--part K/N]: all the paths, or those whose index is K
 * modulo N (meson runs the parts side by side). */
int main(int argc, char **argv)
{
	struct CMUnitTest tests[sizeof(paths) / sizeof(paths[0]) + 1];
	size_t n = 0, k = 0, parts = 1;

	if (argc == 3 && strcmp(argv[1], "--part") == 0) {
		char *end;

		k = strtoul(argv[2], &end, 10);
		parts = *end == '/' ? strtoul(end + 1, NULL, 10) : 0;
	}
	if (parts == 0 || k >= parts || (argc != 1 && argc != 3)) {
		fprintf(stderr, "usage: %s [--part K/N]\n", argv[0]);
		return 2;
	}
	fault_init();
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		if (i % parts == k)
			tests[n++] = (struct CMUnitTest){paths[i].name, test_path, NULL, NULL,
			                                 (void *)&paths[i]};
	if (k == 0)
		tests[n++] =
		    (struct CMUnitTest){"writer_reopens", test_writer_reopens, NULL, NULL, NULL};
	return _cmocka_run_group_tests("fault", tests, n, group_setup, group_teardown);
}
