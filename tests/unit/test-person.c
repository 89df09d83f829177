/* Unit tests for src/app/person.c: validation, keys, search, membership. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/org.h"
#include "app/person.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	char dir[512];
	struct app *app;
	struct actor sys;
	struct err e;
	struct arena a;
	int64_t tu, c1, c2;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	fixture_open(f->dir, sizeof(f->dir), &f->app, &f->sys, &f->tu, &f->e, &f->a);
	f->c1 = fixture_org(f->app, &f->sys, "C1", "Chi bộ Một", "chi_bo_co_so", f->tu, &f->e);
	f->c2 = fixture_org(f->app, &f->sys, "C2", "Chi bộ Hai", "chi_bo_co_so", f->tu, &f->e);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	fixture_close(f->dir, f->app, &f->e, &f->a);
	free(f);
	return 0;
}

static int64_t add(struct fx *f, const char *name, int64_t org, const char *cccd)
{
	struct person_input in = {.full_name = name,
	                          .org_id = org,
	                          .cccd = cccd,
	                          .admission_date = "03/02/2010",
	                          .joined = "03/02/2010"};

	return fixture_person(f->app, &f->sys, in, &f->e);
}

static int prep(struct fx *f, struct person_input *in, struct person_row *r)
{
	return person_prepare(f->app, in, &f->a, r, &f->e);
}

static void test_validation_names_the_field(void **state)
{
	struct fx *f = *state;
	struct person_input in = {.full_name = "Nguyễn Văn An"};
	struct person_row r;

	in.cccd = "01109000001";
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_CCCD);
	assert_string_equal(f->e.field.buf, "cccd");
	in.cccd = "011 090 000 001";
	assert_int_equal(prep(f, &in, &r), 0);
	assert_string_equal(r.cccd, "011090000001");
	in.party_file_no = "12345DB";
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_PARTY_FILE);
	in.party_file_no = "012345-đb";
	assert_int_equal(prep(f, &in, &r), 0);
	assert_string_equal(r.party_file_no, "012345DB");
	in.birth_date = "31/02/1990";
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_DATE);
	assert_string_equal(f->e.field.buf, "birth_date");
	in.birth_date = "1962";
	assert_int_equal(prep(f, &in, &r), 0);
	assert_string_equal(r.birth_date, "1962");
	in.admission_date = "01/01/1975"; /* aged 13 */
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_DATE);
	assert_string_equal(f->e.field.buf, "admission_date");
	in.admission_date = "01/01/1985";
	in.full_member_date = "01/01/1984";
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_DATE);
	assert_string_equal(f->e.field.buf, "full_member_date");
	in.full_member_date = "01/01/1986";
	assert_int_equal(prep(f, &in, &r), 0);
	assert_string_equal(r.status, "chinh_thuc");
	in.sex = "nữ";
	in.status = "Đảng viên dự bị";
	assert_int_equal(prep(f, &in, &r), 0);
	assert_string_equal(r.sex, "nu");
	assert_string_equal(r.status, "du_bi");
	in.status = "vui vẻ";
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_ENUM);
	in.status = NULL;
	in.sex = "X";
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_ENUM);
	in.sex = NULL;
	in.full_name = "  ";
	assert_int_equal(prep(f, &in, &r), HOSO_E_MISSING);
	in.full_name = "Nguyễn 2 An";
	assert_int_equal(prep(f, &in, &r), HOSO_E_BAD_NAME);
	in.full_name = "Nguy\xE1\xBB";
	assert_true(prep(f, &in, &r) < 0);
	assert_string_equal(f->e.field.buf, "full_name");
}

static void test_nfc_and_split(void **state)
{
	struct fx *f = *state;
	/* "Lò Văn Muôn" typed decomposed (NFD), with extra spaces. */
	struct person_input in = {.full_name = "  Lo\xCC\x80  Va\xCC\x86n Muo\xCC\x82n "};
	struct person_row r;

	assert_int_equal(prep(f, &in, &r), 0);
	assert_string_equal(r.full_name, "Lò Văn Muôn");
	assert_string_equal(r.family_name, "Lò");
	assert_string_equal(r.middle_name, "Văn");
	assert_string_equal(r.given_name, "Muôn");
	assert_string_equal(r.search_key, "lo van muon");
	/* An edited split must spell the name. */
	in.full_name = "Mùa A Vảng";
	in.family_name = "Mùa A";
	in.given_name = "Vảng";
	assert_int_equal(prep(f, &in, &r), 0);
	assert_int_equal(r.name_manual, 1);
	assert_string_equal(r.family_name, "Mùa A");
	in.given_name = "Vàng";
	assert_int_equal(prep(f, &in, &r), HOSO_E_INVALID);
}

static int has(const struct person_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return 1;
	return 0;
}

static void test_search_folds_and_ranks(void **state)
{
	struct fx *f = *state;
	struct person_list l;
	int64_t muon = add(f, "Lò Văn Muôn", f->c1, "011090000001");
	int64_t muong = add(f, "Lò Văn Muông", f->c1, NULL);
	int64_t hoa1 = add(f, "Quàng Thị Hòa", f->c1, NULL);
	int64_t hoa2 = add(f, "Quàng Thị Hoà", f->c2, NULL);
	int64_t hoa0 = add(f, "Quàng Thị Hoa", f->c1, NULL);
	int64_t quy = add(f, "Trần Văn Quý", f->c2, NULL);
	int64_t ky = add(f, "Nguyễn Văn Kỳ", f->c2, NULL);
	int64_t duc = add(f, "Đặng Đức Hùng", f->c2, NULL);

	assert_int_equal(person_search(f->app, &f->sys, "lo van muon", 10, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, muon); /* exact first, then the prefix match */
	assert_int_equal(l.v[1].id, muong);
	assert_int_equal(person_search(f->app, &f->sys, "LÒ VĂN MUÔN", 10, &f->a, &l, &f->e), 0);
	assert_int_equal(l.v[0].id, muon);
	assert_int_equal(
	    person_search(f->app, &f->sys, "Lo\xCC\x80 Va\xCC\x86n", 10, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(person_search(f->app, &f->sys, "quang thi hoà", 10, &f->a, &l, &f->e), 0);
	assert_true(has(&l, hoa1) && has(&l, hoa2) && has(&l, hoa0));
	/* Typed with its diacritics (either tone placement, any case), the name
	 * itself comes before the same letters without the tone. */
	assert_int_equal(person_search(f->app, &f->sys, "QUÀNG THỊ HÒA", 10, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[2].id, hoa0);
	assert_int_equal(person_search(f->app, &f->sys, "quí", 10, &f->a, &l, &f->e), 0);
	assert_true(has(&l, quy));
	assert_int_equal(person_search(f->app, &f->sys, "ki", 10, &f->a, &l, &f->e), 0);
	assert_true(has(&l, ky));
	assert_int_equal(person_search(f->app, &f->sys, "dang duc", 10, &f->a, &l, &f->e), 0);
	assert_true(has(&l, duc));
	assert_int_equal(person_search(f->app, &f->sys, "011090000001", 10, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, muon);
	/* Typing: the last word is a prefix, then every word is. */
	assert_int_equal(person_search(f->app, &f->sys, "lo van mu", 10, &f->a, &l, &f->e), 0);
	assert_true(has(&l, muon) && has(&l, muong));
	assert_int_equal(person_search(f->app, &f->sys, "l v m", 10, &f->a, &l, &f->e), 0);
	assert_true(has(&l, muon) && has(&l, muong));
	/* Whole words fill the page before any prefix match is looked for. */
	assert_int_equal(person_search(f->app, &f->sys, "lo van muon", 1, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, muon);
	assert_int_equal(person_search(f->app, &f->sys, "!!! ???", 10, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(person_search(f->app, &f->sys, "\"*) OR (", 10, &f->a, &l, &f->e), 0);
}

static void test_list_sorted_vietnamese_way(void **state)
{
	struct fx *f = *state;
	struct person_list l;

	add(f, "Lê Đức", f->c1, NULL);
	add(f, "Trần Văn An", f->c1, NULL);
	add(f, "Nguyễn Thị Bình", f->c1, NULL);
	add(f, "Vũ Dũng", f->c1, NULL);
	assert_int_equal(person_list_by_org(f->app, &f->sys, f->c1, 100, 0, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0].given_name, "An");
	assert_string_equal(l.v[1].given_name, "Bình");
	assert_string_equal(l.v[2].given_name, "Dũng");
	assert_string_equal(l.v[3].given_name, "Đức");
}

static void test_transfer_and_history(void **state)
{
	struct fx *f = *state;
	struct membership_list ms;
	struct person_row p;
	int64_t id = add(f, "Giàng A Dình", f->c1, NULL);

	assert_int_equal(
	    person_transfer(f->app, &f->sys, id, f->c2, date_days(2020, 1, 1), "chuyển", &f->e), 0);
	assert_int_equal(person_memberships(f->app, &f->sys, id, &f->a, &ms, &f->e), 0);
	assert_int_equal(ms.n, 2);
	assert_int_equal(ms.v[0].org_id, f->c1);
	assert_int_equal(ms.v[0].valid_to, date_days(2020, 1, 1));
	assert_int_equal(ms.v[1].org_id, f->c2);
	assert_int_equal(person_get(f->app, &f->sys, id, &f->a, &p, &f->e), 0);
	assert_int_equal(p.org_id, f->c2);
	/* Before the current membership started: refused. */
	assert_int_equal(
	    person_transfer(f->app, &f->sys, id, f->c1, date_days(2019, 1, 1), NULL, &f->e),
	    HOSO_E_BAD_DATE);
}

static void test_update_version_check(void **state)
{
	struct fx *f = *state;
	struct person_input in = {.full_name = "Mùa A Vảng", .birth_date = "1970"};
	struct person_row p;
	int64_t id = add(f, "Mùa A Vảng", f->c1, NULL);

	assert_int_equal(person_update(f->app, &f->sys, id, 1, &in, &f->e), 0);
	assert_int_equal(person_update(f->app, &f->sys, id, 1, &in, &f->e), HOSO_E_CONFLICT);
	assert_int_equal(person_get(f->app, &f->sys, id, &f->a, &p, &f->e), 0);
	assert_string_equal(p.birth_date, "1970");
	assert_int_equal(p.version, 2);
}

/* An update changes the fields it names: the others, the confidentiality
 * and the identifiers among them, stay; "" clears one. */
static void test_update_is_partial(void **state)
{
	struct fx *f = *state;
	struct person_input in = {.full_name = "Lò Thị Ơn",
	                          .org_id = f->c1,
	                          .cccd = "011090000123",
	                          .residence = "Bản Cũ",
	                          .admission_date = "03/02/2010",
	                          .confidentiality = CLEARANCE_TOP_SECRET};
	struct person_row p;
	int64_t id;

	assert_int_equal(person_create(f->app, &f->sys, &in, &id, &f->e), 0);
	assert_int_equal(person_update(f->app, &f->sys, id, 1,
	                               &(struct person_input){.residence = "Bản Mới"}, &f->e),
	                 0);
	assert_int_equal(person_get(f->app, &f->sys, id, &f->a, &p, &f->e), 0);
	assert_string_equal(p.residence, "Bản Mới");
	assert_string_equal(p.cccd, "011090000123");
	assert_string_equal(p.full_name, "Lò Thị Ơn");
	assert_string_equal(p.status, "du_bi");
	assert_int_equal(p.confidentiality, CLEARANCE_TOP_SECRET);
	assert_int_equal(p.admission_date, date_days(2010, 2, 3));
	/* "" clears; the full name cannot be cleared */
	assert_int_equal(
	    person_update(f->app, &f->sys, id, 2, &(struct person_input){.cccd = ""}, &f->e), 0);
	assert_int_equal(person_get(f->app, &f->sys, id, &f->a, &p, &f->e), 0);
	assert_null(p.cccd);
	assert_int_equal(
	    person_update(f->app, &f->sys, id, 3, &(struct person_input){.full_name = ""}, &f->e),
	    HOSO_E_MISSING);
	/* a full-membership date makes the derived status follow */
	assert_int_equal(person_update(f->app, &f->sys, id, 3,
	                               &(struct person_input){.full_member_date = "03/02/2011"},
	                               &f->e),
	                 0);
	assert_int_equal(person_get(f->app, &f->sys, id, &f->a, &p, &f->e), 0);
	assert_string_equal(p.status, "chinh_thuc");
}

/* The confidentiality is changed by leaders and administrators only, never
 * above their own clearance. */
static void test_confidentiality_is_its_own_action(void **state)
{
	struct fx *f = *state;
	struct actor officer = {.user_id = 7, .roles = 1u << ROLE_OFFICER, .clearance = 2};
	struct actor leader = {.user_id = 8, .roles = 1u << ROLE_LEADER, .clearance = 1};
	struct person_row p;
	int64_t id = add(f, "Cà Văn Ba", f->c1, NULL);

	assert_int_equal(person_set_confidentiality(f->app, &officer, id, 1, 1, NULL, &f->e),
	                 HOSO_E_DENIED);
	assert_int_equal(person_set_confidentiality(f->app, &leader, id, 2, 1, NULL, &f->e),
	                 HOSO_E_DENIED);
	assert_string_equal(f->e.field.buf, "confidentiality");
	assert_int_equal(
	    person_set_confidentiality(f->app, &leader, id, 1, 1, "Có yếu tố nước ngoài", &f->e),
	    0);
	assert_int_equal(person_set_confidentiality(f->app, &leader, id, 0, 1, NULL, &f->e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(person_get(f->app, &f->sys, id, &f->a, &p, &f->e), 0);
	assert_int_equal(p.confidentiality, 1);
	/* above the leader now: refused as missing */
	assert_int_equal(person_set_confidentiality(f->app, &f->sys, id, 2, 2, NULL, &f->e), 0);
	assert_int_equal(person_set_confidentiality(f->app, &leader, id, 0, 3, NULL, &f->e),
	                 HOSO_E_NOT_FOUND);
}

/* An identifier held by a hidden record: kept and flagged, not refused. */
static void test_hidden_duplicate_is_flagged(void **state)
{
	struct fx *f = *state;
	struct actor officer = {
	    .user_id = 7, .roles = 1u << ROLE_OFFICER | 1u << ROLE_ADMIN, .scope_org = 0};
	struct person_input in = {
	    .full_name = "Vàng A Chá", .org_id = f->c1, .cccd = "011090000042"};
	struct person_dup_pair *v;
	struct person_row p;
	size_t n;
	int64_t hidden = add(f, "Sùng A Lử", f->c2, "011090000042"), id;

	officer.scope_org = f->c1;
	assert_int_equal(person_create(f->app, &officer, &in, &id, &f->e), 0);
	assert_int_equal(person_get(f->app, &f->sys, id, &f->a, &p, &f->e), 0);
	assert_int_equal(p.dup_of, hidden);
	/* the officer's own records stay unique */
	in.full_name = "Vàng A Dình";
	assert_int_equal(person_create(f->app, &officer, &in, NULL, &f->e), HOSO_E_DUPLICATE);
	assert_non_null(strstr(err_text_en(&f->e), "Citizen ID"));
	assert_int_equal(person_duplicates(f->app, &f->sys, &f->a, &v, &n, &f->e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].p.id, id);
	assert_int_equal(v[0].of.id, hidden);
	assert_int_equal(person_duplicates(f->app, &officer, &f->a, &v, &n, &f->e), 0);
	assert_int_equal(n, 0);
}

static void test_duplicate_ids_refused(void **state)
{
	struct fx *f = *state;
	struct person_input in = {.full_name = "Vàng A Chá", .cccd = "011090000009"};

	add(f, "Sùng A Lử", f->c1, "011090000009");
	assert_int_equal(person_create(f->app, &f->sys, &in, NULL, &f->e), HOSO_E_DUPLICATE);
	assert_string_equal(f->e.field.buf, "cccd");
}

static void test_scope_and_clearance(void **state)
{
	struct fx *f = *state;
	struct actor v = {.user_id = 3, .roles = 1u << ROLE_VIEWER, .scope_org = f->c1};
	struct person_input secret = {
	    .full_name = "Lò Thị Ươi", .org_id = f->c1, .confidentiality = CLEARANCE_SECRET};
	struct person_list l;
	struct person_row p;
	int64_t mine = add(f, "Lò Văn Muôn", f->c1, NULL);
	int64_t other = add(f, "Lò Văn Pánh", f->c2, NULL);
	int64_t hidden;

	assert_int_equal(person_create(f->app, &f->sys, &secret, &hidden, &f->e), 0);
	assert_int_equal(person_get(f->app, &v, mine, &f->a, &p, &f->e), 0);
	assert_int_equal(person_get(f->app, &v, other, &f->a, &p, &f->e), HOSO_E_NOT_FOUND);
	assert_int_equal(person_get(f->app, &v, hidden, &f->a, &p, &f->e), HOSO_E_NOT_FOUND);
	assert_int_equal(person_get(f->app, &v, 999999, &f->a, &p, &f->e), HOSO_E_NOT_FOUND);
	assert_int_equal(person_search(f->app, &v, "lo", 50, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, mine);
	assert_int_equal(person_list_by_org(f->app, &v, f->c2, 50, 0, &f->a, &l, &f->e),
	                 HOSO_E_NOT_FOUND);
	/* A viewer cannot write. */
	assert_int_equal(
	    person_transfer(f->app, &v, mine, f->c1, date_days(2024, 1, 1), NULL, &f->e),
	    HOSO_E_DENIED);
}

/*
 * Issue 14: a commune officer searching by a partial name finds the
 * members of their own commune although more namesakes than the search's
 * candidates (200 a stage) live elsewhere; never those outside the scope
 * or above the clearance.  Exact names still come first.
 */
static void test_search_scope_inside_the_query(void **state)
{
	struct fx *f = *state;
	struct actor officer = {.user_id = 5, .roles = 1u << ROLE_OFFICER, .scope_org = f->c1};
	struct person_input secret = {
	    .full_name = "Vàng Thị Mai", .org_id = f->c1, .confidentiality = CLEARANCE_SECRET};
	static const char *const far[] = {"Hoàng Văn Nam", "Lò Văn Nam", "Vàng A Nam"};
	static const char *const queries[] = {"hoang van", "lo van", "vang", "HOÀNG VĂN", "lo va"};
	struct person_list l;
	int64_t hoang, hoang_nam, lo, vang, hidden;

	/* The namesakes first: the full-text index yields them first. */
	for (int i = 0; i < 3 * 210; i++)
		add(f, far[i % 3], f->c2, NULL);
	hoang = add(f, "Hoàng Văn Thắng", f->c1, NULL);
	hoang_nam = add(f, "Hoàng Văn Nam", f->c1, NULL);
	lo = add(f, "Lò Văn Pọm", f->c1, NULL);
	vang = add(f, "Vàng A Dơ", f->c1, NULL);
	assert_int_equal(person_create(f->app, &f->sys, &secret, &hidden, &f->e), 0);
	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
		size_t n = 0;

		assert_int_equal(person_search(f->app, &officer, queries[q], 20, &f->a, &l, &f->e),
		                 0);
		for (size_t i = 0; i < l.n; i++) {
			assert_int_equal(l.v[i].org_id, f->c1);
			assert_int_not_equal(l.v[i].id, hidden);
			n += l.v[i].id == hoang || l.v[i].id == hoang_nam || l.v[i].id == lo ||
			     l.v[i].id == vang;
		}
		assert_int_equal(n, q == 2 ? 1 : 2 - (q == 1 || q == 4));
	}
	/* The exact name first, then the whole words, in the scope only. */
	assert_int_equal(person_search(f->app, &officer, "hoang van nam", 20, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, hoang_nam);
	assert_int_equal(person_search(f->app, &officer, "van", 20, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 4); /* 3 "Văn", then "Vàng" as a prefix */
	assert_int_equal(l.v[3].id, vang);
	/* The whole tree still sees them all, the namesakes first by name. */
	assert_int_equal(person_search(f->app, &f->sys, "hoang van nam", 500, &f->a, &l, &f->e), 0);
	assert_int_equal(l.n, 211);
}

/* A read returns the positions held with the record, also when a leader
 * breaks the glass (the record is read whole, once, and audited once). */
static void test_read_with_positions(void **state)
{
	struct fx *f = *state;
	struct actor lead = {.user_id = 4, .roles = 1u << ROLE_LEADER, .scope_org = f->c1};
	struct membership_list ms;
	struct position_list ps;
	struct person_row p;
	int64_t id = add(f, "Quàng Văn Hặc", f->c2, NULL);

	assert_int_equal(person_add_position(f->app, &f->sys, id, f->c2, "Bí thư chi bộ",
	                                     date_days(2015, 1, 1), date_days(2020, 1, 1), NULL,
	                                     &f->e),
	                 0);
	assert_int_equal(person_add_position(f->app, &f->sys, id, 0, "Trưởng bản",
	                                     date_days(2020, 6, 1), DATE_OPEN, NULL, &f->e),
	                 0);
	assert_int_equal(person_read(f->app, &f->sys, id, NULL, &f->a, &p, &ms, &ps, &f->e), 0);
	assert_int_equal(ps.n, 2);
	assert_string_equal(ps.v[0].title, "Bí thư chi bộ");
	assert_int_equal(ps.v[0].org_id, f->c2);
	assert_int_equal(ps.v[1].valid_to, DATE_OPEN);
	assert_int_equal(person_read(f->app, &lead, id, NULL, &f->a, &p, NULL, &ps, &f->e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(person_read(f->app, &lead, id, "Kiểm tra theo Quyết định 15", &f->a, &p,
	                             NULL, &ps, &f->e),
	                 0);
	assert_int_equal(ps.n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_validation_names_the_field, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_nfc_and_split, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_search_folds_and_ranks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_list_sorted_vietnamese_way, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_transfer_and_history, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_update_version_check, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_update_is_partial, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_confidentiality_is_its_own_action, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_hidden_duplicate_is_flagged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_duplicate_ids_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_scope_and_clearance, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_search_scope_inside_the_query, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_with_positions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
