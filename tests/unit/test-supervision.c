/* Unit tests for src/app/supervision.c: a supervision that finds signs of
 * violation opens an inspection linked to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/org.h"
#include "app/person.h"
#include "app/supervision.h"
#include "helpers.h"
#include "store/store.h"

struct fx {
	char dir[512];
	struct app *app;
	struct actor sys, officer, leader, other, viewer;
	struct err e;
	struct arena a;
	int64_t tu, c1, c2, p1, p2;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	char path[600];
	struct org_new o = {"TU", "Đảng bộ tỉnh", "dang_bo_tinh", 0, date_days(2000, 1, 1), NULL};
	struct person_input p = {.full_name = "Lò Văn Muôn", .joined = "01/01/2010"};

	tmpdir_make(f->dir, sizeof(f->dir));
	snprintf(path, sizeof(path), "%s/t.db", f->dir);
	err_init(&f->e);
	arena_init(&f->a, 0);
	if (app_open(path, STORE_CREATE, &f->app, &f->e) != 0)
		return -1;
	actor_system(&f->sys, "test");
	if (org_create(f->app, &f->sys, &o, &f->tu, &f->e) != 0)
		return -1;
	o = (struct org_new){"C1", "Đảng bộ xã Một", "dang_bo_co_so", f->tu, date_days(2000, 1, 1)};
	org_create(f->app, &f->sys, &o, &f->c1, &f->e);
	o = (struct org_new){"C2", "Đảng bộ xã Hai", "dang_bo_co_so", f->tu, date_days(2000, 1, 1)};
	org_create(f->app, &f->sys, &o, &f->c2, &f->e);
	p.org_id = f->c1;
	person_create(f->app, &f->sys, &p, &f->p1, &f->e);
	p.full_name = "Quàng Thị Hoa";
	p.org_id = f->c2;
	person_create(f->app, &f->sys, &p, &f->p2, &f->e);
	f->officer = (struct actor){7, 1u << ROLE_OFFICER, f->c1, CLEARANCE_SECRET, NULL, "test"};
	f->leader = (struct actor){8, 1u << ROLE_LEADER, f->c1, CLEARANCE_SECRET, NULL, "test"};
	f->other = (struct actor){9, 1u << ROLE_OFFICER, f->c2, CLEARANCE_SECRET, NULL, "test"};
	f->viewer = (struct actor){10, 1u << ROLE_VIEWER, f->c1, CLEARANCE_NORMAL, NULL, "test"};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	app_close(f->app);
	err_release(&f->e);
	arena_release(&f->a);
	tmpdir_remove(f->dir);
	free(f);
	return 0;
}

static void test_supervision_opens_a_linked_inspection(void **state)
{
	struct fx *f = *state;
	int64_t persons[] = {f->p1}, sup, insp;
	struct case_input in = {.kind = "giam_sat",
	                        .subtype = "chuyen_de",
	                        .title = "Giám sát chuyên đề",
	                        .handling_org = f->c1,
	                        .opened = date_days(2024, 6, 1),
	                        .confidentiality = 1,
	                        .subject_persons = persons,
	                        .nsubject_persons = 1};
	struct case_view v;
	const char *number;

	assert_int_equal(case_create(f->app, &f->officer, &in, &f->a, &sup, NULL, &f->e), 0);
	assert_int_equal(case_open_inspection(f->app, &f->officer, sup,
	                                      "Kiểm tra khi có dấu hiệu vi phạm", &f->a, &insp,
	                                      &number, &f->e),
	                 0);
	assert_int_equal(case_get(f->app, &f->officer, insp, &f->a, &v, &f->e), 0);
	assert_string_equal(v.c.kind, "kiem_tra");
	assert_string_equal(v.c.subtype, "dau_hieu_vi_pham");
	assert_int_equal(v.c.linked_case, sup);
	assert_int_equal(v.c.confidentiality, 1);
	assert_int_equal(v.subjects.n, 1);
	assert_int_equal(v.subjects.v[0].person_id, f->p1);
	/* only from a supervision; only within scope */
	assert_int_equal(
	    case_open_inspection(f->app, &f->officer, insp, "X", &f->a, &insp, NULL, &f->e),
	    HOSO_E_CONFLICT);
	assert_int_equal(
	    case_open_inspection(f->app, &f->other, sup, "X", &f->a, &insp, NULL, &f->e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    case_open_inspection(f->app, &f->viewer, sup, "X", &f->a, &insp, NULL, &f->e),
	    HOSO_E_DENIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_supervision_opens_a_linked_inspection, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
