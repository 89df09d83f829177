/* Unit tests for src/app/org.c: the temporal organisation tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/admin.h"
#include "app/org.h"
#include "app/person.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	int64_t h1, h2, x1, x2, x3, cb1, cb2;
};

static int32_t D(int y, int m, int d)
{
	return date_days(y, m, d);
}

static int64_t mk(struct fx *f, const char *code, const char *name, const char *kind,
                  int64_t parent)
{
	struct org_new o = {code, name, kind, parent, D(2000, 1, 1), "QĐ thành lập"};
	int64_t id = 0;

	if (org_create(f->fx.app, &f->fx.sys, &o, &id, &f->fx.e) != 0)
		fail_msg("create %s: %s", code, err_text_en(&f->fx.e));
	return id;
}

static int setup(void **state)
{
	struct fx *f = fixture_alloc(sizeof(*f), 1);

	f->fx.tu = mk(f, "TU", "Đảng bộ tỉnh Điện Biên", "Đảng bộ tỉnh", 0);
	f->h1 = mk(f, "H1", "Đảng bộ huyện Mường Ảng", "dang_bo_truc_thuoc", f->fx.tu);
	f->h2 = mk(f, "H2", "Đảng bộ huyện Tuần Giáo", "dang_bo_truc_thuoc", f->fx.tu);
	f->x1 = mk(f, "X1", "Đảng bộ xã Búng Lao", "dang_bo_co_so", f->h1);
	f->x2 = mk(f, "X2", "Đảng bộ xã Ẳng Nưa", "dang_bo_co_so", f->h1);
	f->x3 = mk(f, "X3", "Đảng bộ xã Quài Tở", "dang_bo_co_so", f->h2);
	f->cb1 = mk(f, "CB1", "Chi bộ bản Co Mỵ", "chi_bo_truc_thuoc", f->x1);
	f->cb2 = mk(f, "CB2", "Chi bộ bản Hả", "chi_bo_truc_thuoc", f->x2);
	*state = f;
	return 0;
}

static void add_member(struct fx *f, const char *name, int64_t org)
{
	struct person_input in = {.full_name = name,
	                          .org_id = org,
	                          .joined = "01/01/2010",
	                          .admission_date = "01/01/2010"};

	if (person_create(f->fx.app, &f->fx.sys, &in, NULL, &f->fx.e) != 0)
		fail_msg("person %s: %s", name, err_text_en(&f->fx.e));
}

static void test_kinds(void **state)
{
	enum org_kind k;

	(void)state;
	assert_int_equal(org_kind_parse("chi_bo_co_so", &k), 0);
	assert_int_equal(k, ORG_KIND_GRASSROOTS_CELL);
	assert_int_equal(org_kind_parse("ĐẢNG BỘ CƠ SỞ", &k), 0);
	assert_int_equal(k, ORG_KIND_GRASSROOTS_COMMITTEE);
	assert_int_equal(org_kind_parse("dang bo bo phan", &k), 0);
	assert_int_equal(k, ORG_KIND_PARTIAL_COMMITTEE);
	assert_int_equal(org_kind_parse("Chi bộ", &k), HOSO_E_BAD_ENUM);
	assert_string_equal(org_kind_label("to_dang"), "Tổ đảng");
}

static void test_create_validation(void **state)
{
	struct fx *f = *state;
	struct org_new o = {"BAD CODE", "X", "chi_bo_co_so", f->h1, D(2001, 1, 1), NULL};

	assert_int_equal(org_create(f->fx.app, &f->fx.sys, &o, NULL, &f->fx.e), HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "code");
	o.code = "X1";
	assert_int_equal(org_create(f->fx.app, &f->fx.sys, &o, NULL, &f->fx.e), HOSO_E_DUPLICATE);
	o.code = "NEW";
	o.kind = "không có";
	assert_int_equal(org_create(f->fx.app, &f->fx.sys, &o, NULL, &f->fx.e), HOSO_E_BAD_ENUM);
	/* A grassroots organisation under a chi bộ: wrong level. */
	o.kind = "dang_bo_co_so";
	o.parent_id = f->cb1;
	assert_int_equal(org_create(f->fx.app, &f->fx.sys, &o, NULL, &f->fx.e), HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "parent");
	/* Parent not alive yet on the founding date. */
	o.parent_id = f->h1;
	o.from = D(1990, 1, 1);
	assert_int_equal(org_create(f->fx.app, &f->fx.sys, &o, NULL, &f->fx.e), HOSO_E_ORG_STATE);
	o.from = D(2001, 1, 1);
	o.name = "   ";
	assert_int_equal(org_create(f->fx.app, &f->fx.sys, &o, NULL, &f->fx.e), HOSO_E_MISSING);
}

static void test_rename_keeps_history(void **state)
{
	struct fx *f = *state;
	struct org_history h;
	struct org_row r;

	assert_int_equal(org_rename(f->fx.app, &f->fx.sys, f->x1, "Đảng bộ xã Búng Lao mới",
	                            D(2020, 5, 1), "QĐ 12-QĐ/HU", &f->fx.e),
	                 0);
	assert_int_equal(
	    org_get(f->fx.app, &f->fx.sys, f->x1, D(2020, 4, 30), &f->fx.a, &r, &f->fx.e), 0);
	assert_string_equal(r.name, "Đảng bộ xã Búng Lao");
	assert_int_equal(
	    org_get(f->fx.app, &f->fx.sys, f->x1, D(2020, 5, 1), &f->fx.a, &r, &f->fx.e), 0);
	assert_string_equal(r.name, "Đảng bộ xã Búng Lao mới");
	assert_int_equal(org_history(f->fx.app, &f->fx.sys, f->x1, &f->fx.a, &h, &f->fx.e), 0);
	assert_int_equal(h.versions.n, 2);
	assert_int_equal(h.successions.n, 1);
	assert_string_equal(h.successions.v[0].kind, "rename");
	assert_string_equal(h.successions.v[0].document, "QĐ 12-QĐ/HU");
	/* Backdating before the last change is refused. */
	assert_int_equal(
	    org_rename(f->fx.app, &f->fx.sys, f->x1, "Tên khác", D(2019, 1, 1), NULL, &f->fx.e),
	    HOSO_E_ORG_STATE);
}

static void test_move_and_cycle(void **state)
{
	struct fx *f = *state;
	struct org_list anc;

	assert_int_equal(
	    org_move(f->fx.app, &f->fx.sys, f->x3, f->h1, D(2021, 1, 1), NULL, &f->fx.e), 0);
	assert_int_equal(
	    org_ancestors(f->fx.app, &f->fx.sys, f->x3, D(2021, 1, 1), &f->fx.a, &anc, &f->fx.e),
	    0);
	assert_int_equal(anc.n, 3);
	assert_string_equal(anc.v[0].code, "TU");
	assert_string_equal(anc.v[1].code, "H1");
	assert_int_equal(
	    org_ancestors(f->fx.app, &f->fx.sys, f->x3, D(2020, 12, 31), &f->fx.a, &anc, &f->fx.e),
	    0);
	assert_string_equal(anc.v[1].code, "H2");
	/* H1 under its own grandchild: a cycle.  (Level rules refuse it too.) */
	assert_true(org_move(f->fx.app, &f->fx.sys, f->h1, f->x1, D(2022, 1, 1), NULL, &f->fx.e) <
	            0);
}

static void test_merge_moves_children_and_members(void **state)
{
	struct fx *f = *state;
	const int64_t src[2] = {f->x1, f->x2};
	struct org_new spec = {"XN",     "Đảng bộ xã Mường Ảng", "dang_bo_truc_thuoc",
	                       f->fx.tu, D(2025, 7, 1),          NULL};
	struct org_tree before, after;
	int64_t into, mapped;

	add_member(f, "Lò Văn Muôn", f->cb1);
	add_member(f, "Quàng Thị Hoa", f->x2);
	assert_int_equal(org_merge(f->fx.app, &f->fx.sys, src, 2, 0, &spec, D(2025, 7, 1),
	                           "QĐ 1000", &into, &f->fx.e),
	                 0);
	assert_int_equal(
	    org_tree_at(f->fx.app, &f->fx.sys, D(2025, 6, 30), 0, &f->fx.a, &before, &f->fx.e), 0);
	assert_int_equal(
	    org_tree_at(f->fx.app, &f->fx.sys, D(2025, 7, 1), 0, &f->fx.a, &after, &f->fx.e), 0);
	assert_int_equal(before.n, 8);
	assert_int_equal(after.n, 8 - 2 + 1);
	assert_int_equal(before.members, 2);
	assert_int_equal(after.members, 2);
	/* The chi bộ now sits under the new commune. */
	{
		struct org_row r;

		assert_int_equal(
		    org_get(f->fx.app, &f->fx.sys, f->cb1, D(2025, 7, 1), &f->fx.a, &r, &f->fx.e),
		    0);
		assert_int_equal(r.parent_id, into);
	}
	/* Where old records go. */
	assert_int_equal(org_map(f->fx.app, &f->fx.sys, f->x1, D(2025, 7, 1), &mapped, &f->fx.e),
	                 0);
	assert_int_equal(mapped, into);
	assert_int_equal(org_map(f->fx.app, &f->fx.sys, f->x1, D(2025, 6, 30), &mapped, &f->fx.e),
	                 0);
	assert_int_equal(mapped, f->x1);
	assert_int_equal(org_map(f->fx.app, &f->fx.sys, into, D(2024, 1, 1), &mapped, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	/* A merged organisation cannot merge again. */
	assert_int_equal(org_merge(f->fx.app, &f->fx.sys, src, 1, f->h2, NULL, D(2025, 8, 1), NULL,
	                           NULL, &f->fx.e),
	                 HOSO_E_ORG_STATE);
}

static void test_split_with_main_successor(void **state)
{
	struct fx *f = *state;
	struct org_new parts[2] = {
	    {"XA", "Đảng bộ xã A", "dang_bo_truc_thuoc", f->fx.tu, 0, NULL},
	    {"XB", "Đảng bộ xã B", "dang_bo_truc_thuoc", f->fx.tu, 0, NULL},
	};
	struct org_assign as[1] = {{0, 1}};
	struct org_row r;
	int64_t ids[2], mapped;

	as[0].child = f->x2;
	assert_int_equal(org_split(f->fx.app, &f->fx.sys, f->h1, parts, 2, 0, as, 1, D(2025, 7, 1),
	                           "QĐ 1000", ids, &f->fx.e),
	                 0);
	assert_int_equal(
	    org_get(f->fx.app, &f->fx.sys, f->x1, D(2025, 7, 1), &f->fx.a, &r, &f->fx.e), 0);
	assert_int_equal(r.parent_id, ids[0]); /* unassigned child: main successor */
	assert_int_equal(
	    org_get(f->fx.app, &f->fx.sys, f->x2, D(2025, 7, 1), &f->fx.a, &r, &f->fx.e), 0);
	assert_int_equal(r.parent_id, ids[1]);
	assert_int_equal(org_map(f->fx.app, &f->fx.sys, f->h1, D(2026, 1, 1), &mapped, &f->fx.e),
	                 0);
	assert_int_equal(mapped, ids[0]);
	/* Chained: merge the main successor later, map follows. */
	{
		const int64_t src[1] = {ids[0]};

		assert_int_equal(org_merge(f->fx.app, &f->fx.sys, src, 1, ids[1], NULL,
		                           D(2026, 1, 1), NULL, NULL, &f->fx.e),
		                 0);
		assert_int_equal(
		    org_map(f->fx.app, &f->fx.sys, f->h1, D(2026, 1, 1), &mapped, &f->fx.e), 0);
		assert_int_equal(mapped, ids[1]);
	}
}

static void test_dissolve(void **state)
{
	struct fx *f = *state;
	int64_t mapped;
	char d1[65], d2[65];

	/* Children and no receiver: refused, nothing changed. */
	assert_int_equal(admin_digest(f->fx.app, &f->fx.sys, d1, &f->fx.e), 0);
	assert_int_equal(
	    org_dissolve(f->fx.app, &f->fx.sys, f->x1, 0, D(2024, 1, 1), NULL, &f->fx.e),
	    HOSO_E_ORG_STATE);
	assert_int_equal(admin_digest(f->fx.app, &f->fx.sys, d2, &f->fx.e), 0);
	assert_string_equal(d1, d2);
	/* An empty one dissolves; its records go to its last parent. */
	assert_int_equal(
	    org_dissolve(f->fx.app, &f->fx.sys, f->cb2, 0, D(2024, 1, 1), NULL, &f->fx.e), 0);
	assert_int_equal(org_map(f->fx.app, &f->fx.sys, f->cb2, D(2024, 1, 1), &mapped, &f->fx.e),
	                 0);
	assert_int_equal(mapped, f->x2);
	/* With a receiver, children move. */
	assert_int_equal(
	    org_dissolve(f->fx.app, &f->fx.sys, f->x1, f->x3, D(2024, 1, 1), "QĐ 5", &f->fx.e), 0);
	assert_int_equal(org_map(f->fx.app, &f->fx.sys, f->x1, D(2024, 2, 1), &mapped, &f->fx.e),
	                 0);
	assert_int_equal(mapped, f->x3);
}

static void test_scope_limits_what_is_seen(void **state)
{
	struct fx *f = *state;
	struct actor viewer = {.user_id = 7, .roles = 1u << ROLE_VIEWER, .scope_org = f->h1};
	struct org_tree t;
	int64_t id;

	assert_int_equal(org_find(f->fx.app, &viewer, "X1", &id, &f->fx.e), 0);
	assert_int_equal(org_find(f->fx.app, &viewer, "X3", &id, &f->fx.e), HOSO_E_NOT_FOUND);
	assert_int_equal(org_find(f->fx.app, &viewer, "NOPE", &id, &f->fx.e), HOSO_E_NOT_FOUND);
	assert_int_equal(org_tree_at(f->fx.app, &viewer, D(2024, 1, 1), 0, &f->fx.a, &t, &f->fx.e),
	                 0);
	assert_int_equal(t.n, 5); /* H1, X1, CB1, X2, CB2 */
	assert_string_equal(t.nodes[0].row.code, "H1");
	/* Viewers change nothing. */
	assert_int_equal(org_rename(f->fx.app, &viewer, f->x1, "Y", D(2024, 1, 1), NULL, &f->fx.e),
	                 HOSO_E_DENIED);
}

/* Issue 14: a picker finds today's organisations by folded name or code,
 * within the scope only, each with its parent to tell namesakes apart. */
static void test_search_by_name_or_code(void **state)
{
	struct fx *f = *state;
	struct actor officer = {.user_id = 8, .roles = 1u << ROLE_OFFICER, .scope_org = f->h1};
	int64_t twin = mk(f, "CB3", "Chi bộ bản Hả", "chi_bo_truc_thuoc", f->x1);
	struct org_hit_list l;
	struct arena a;

	arena_init(&a, 0);
	assert_int_equal(org_search(f->fx.app, &officer, "xa", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 2); /* Búng Lao, Ẳng Nưa; not Quài Tở (H2) */
	assert_string_equal(l.v[0].code, "X2");
	assert_string_equal(l.v[0].parent_name, "Đảng bộ huyện Mường Ảng");
	assert_string_equal(l.v[1].code, "X1");
	assert_int_equal(org_search(f->fx.app, &officer, "ANG nua", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].name, "Đảng bộ xã Ẳng Nưa");
	assert_int_equal(org_search(f->fx.app, &officer, "quai to", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(org_search(f->fx.app, &f->fx.sys, "quai to", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	/* The same name twice: told apart by the parent. */
	assert_int_equal(org_search(f->fx.app, &officer, "chi bo ban ha", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].rank, 0);
	assert_true(l.v[0].id == twin || l.v[1].id == twin);
	assert_string_not_equal(l.v[0].parent_name, l.v[1].parent_name);
	/* By code, any case, within the scope only. */
	assert_int_equal(org_search(f->fx.app, &officer, "cb", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(org_search(f->fx.app, &officer, "x3", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(org_search(f->fx.app, &officer, "h1", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].rank, 0);
	/* Nothing to search for: nothing found; a limit is kept. */
	assert_int_equal(org_search(f->fx.app, &officer, " !? ", 20, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(org_search(f->fx.app, &officer, "dang bo", 1, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	arena_release(&a);
}

static void test_tree_order_and_totals(void **state)
{
	struct fx *f = *state;
	struct org_tree t;

	add_member(f, "Lò Văn Muôn", f->cb1);
	add_member(f, "Giàng A Dình", f->cb1);
	add_member(f, "Mùa A Vảng", f->x3);
	assert_int_equal(
	    org_tree_at(f->fx.app, &f->fx.sys, D(2024, 1, 1), 0, &f->fx.a, &t, &f->fx.e), 0);
	assert_int_equal(t.n, 8);
	assert_string_equal(t.nodes[0].row.code, "TU");
	assert_int_equal(t.nodes[0].members_total, 3);
	assert_int_equal(t.nodes[0].subtree_size, 8);
	assert_string_equal(t.nodes[1].row.code, "H1");
	assert_int_equal(t.nodes[1].members_total, 2);
	assert_string_equal(t.nodes[2].row.code, "X1");
	assert_string_equal(t.nodes[3].row.code, "CB1");
	assert_int_equal(t.nodes[3].depth, 3);
	assert_int_equal(t.counts_by_kind[ORG_KIND_GRASSROOTS_COMMITTEE], 3);
}

TEST_MAIN(cmocka_unit_test(test_kinds), FIXTURE_TEST(test_create_validation, setup),
          FIXTURE_TEST(test_rename_keeps_history, setup), FIXTURE_TEST(test_move_and_cycle, setup),
          FIXTURE_TEST(test_merge_moves_children_and_members, setup),
          FIXTURE_TEST(test_split_with_main_successor, setup), FIXTURE_TEST(test_dissolve, setup),
          FIXTURE_TEST(test_scope_limits_what_is_seen, setup),
          FIXTURE_TEST(test_tree_order_and_totals, setup),
          FIXTURE_TEST(test_search_by_name_or_code, setup))
