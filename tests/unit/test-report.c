/* Unit tests for src/app/report.c: the catalogue, the live counters kept
 * by the writers' own transactions, and the report over a subtree as at
 * the time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/finding.h"
#include "app/org.h"
#include "app/report.h"
#include "helpers.h"
#include "store/store.h"

/* The catalogue and the store's definitions name the same figures. */
static void test_catalogue_matches_the_store(void **state)
{
	size_t n, k = 0;
	const struct metric *m = metrics(&n);

	(void)state;
	for (; store_counter_metric(k); k++)
		assert_non_null(metric_find(store_counter_metric(k)));
	assert_int_equal(k, n);
	for (size_t i = 0; i < n; i++) {
		assert_true(strlen(m[i].vi) > 0 && strlen(m[i].en) > 0 && strlen(m[i].what) > 0);
		assert_ptr_equal(metric_find(m[i].code), &m[i]);
	}
}

static int64_t figure(const struct report *r, const char *code)
{
	for (size_t i = 0; i < r->nfigures; i++)
		if (strcmp(r->figures[i].m->code, code) == 0)
			return r->figures[i].total;
	fail_msg("no figure %s", code);
	return -1;
}

static void test_counters_follow_the_records(void **state)
{
	char dir[512], path[600];
	struct app *app;
	struct actor sys, officer, viewer, other;
	struct err e;
	struct arena a;
	struct org_new o = {"TU", "Đảng bộ tỉnh", "dang_bo_tinh", 0, date_days(2000, 1, 1), NULL};
	struct case_input in = {.kind = "kiem_tra",
	                        .subtype = "chap_hanh",
	                        .title = "Kiểm tra",
	                        .opened = date_days(2017, 5, 2)};
	struct case_subject_list subj;
	struct report r;
	int64_t tu, x1, x2, kt, secret, f;
	int64_t diffs = -1;

	(void)state;
	tmpdir_make(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	err_init(&e);
	arena_init(&a, 0);
	assert_int_equal(app_open(path, STORE_CREATE, &app, &e), 0);
	actor_system(&sys, "test");
	assert_int_equal(org_create(app, &sys, &o, &tu, &e), 0);
	o = (struct org_new){"X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", tu, date_days(2000, 1, 1)};
	assert_int_equal(org_create(app, &sys, &o, &x1, &e), 0);
	o = (struct org_new){"X2", "Đảng bộ xã B", "dang_bo_truc_thuoc", tu, date_days(2000, 1, 1)};
	assert_int_equal(org_create(app, &sys, &o, &x2, &e), 0);
	officer = (struct actor){7, 1u << ROLE_OFFICER, x1, CLEARANCE_NORMAL, NULL, "test"};
	viewer = (struct actor){8, 1u << ROLE_VIEWER, tu, CLEARANCE_NORMAL, NULL, "test"};
	other = (struct actor){9, 1u << ROLE_VIEWER, x2, CLEARANCE_TOP_SECRET, NULL, "test"};

	/* Two organisations inspected by X1, one with a violation. */
	in.handling_org = x1;
	in.subject_orgs = (int64_t[]){x1, x1};
	in.nsubject_orgs = 1;
	assert_int_equal(case_create(app, &officer, &in, &a, &kt, NULL, &e), 0);
	in.opened = date_days(2018, 3, 1);
	assert_int_equal(case_create(app, &officer, &in, &a, &kt, NULL, &e), 0);
	assert_int_equal(store_case_subjects(app_store(app), kt, &a, &subj), 0);
	assert_int_equal(finding_add(app, &officer, kt, subj.v[0].id, "Có vi phạm",
	                             "vi_pham_chua_den_muc", &f, &e),
	                 0);
	/* A secret one, by X2. */
	in.handling_org = x2;
	in.confidentiality = CLEARANCE_SECRET;
	in.subject_orgs = &x2;
	assert_int_equal(case_create(app, &sys, &in, &a, &secret, NULL, &e), 0);

	assert_int_equal(report_figures(app, &sys, tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &a, &r, &e),
	                 0);
	assert_int_equal(figure(&r, "kt_to_chuc"), 3);
	assert_int_equal(figure(&r, "kt_to_chuc_vi_pham"), 1);
	assert_int_equal(r.nrows, 2); /* by child: X1 and X2 */
	/* Clearance: the viewer does not count the secret case. */
	assert_int_equal(report_figures(app, &viewer, tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &a, &r, &e),
	                 0);
	assert_int_equal(figure(&r, "kt_to_chuc"), 2);
	/* A period, a subtree. */
	assert_int_equal(report_figures(app, &sys, x1, date_days(2018, 1, 1),
	                                date_days(2018, 12, 31), DATE_NONE, &a, &r, &e),
	                 0);
	assert_int_equal(figure(&r, "kt_to_chuc"), 1);
	assert_string_equal(r.figures[0].by[0].dim, "chap_hanh");
	/* ... beside the same period a year before. */
	assert_int_equal(r.prev_from, date_days(2017, 1, 1));
	assert_int_equal(r.prev_to, date_days(2017, 12, 31));
	assert_int_equal(r.figures[0].previous, 1);
	/* Scope: a report for an organisation outside it does not exist. */
	assert_int_equal(report_figures(app, &other, x1, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &a, &r, &e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(report_figures(app, &sys, tu, date_days(2019, 1, 1), date_days(2018, 1, 1),
	                                DATE_NONE, &a, &r, &e),
	                 HOSO_E_BAD_DATE);
	/* X1 merges into X2 on 1/7/2025: under that structure X1's records
	 * count under X2, with the change in the footnote of a period over it. */
	assert_int_equal(
	    org_merge(app, &sys, &x1, 1, x2, NULL, date_days(2025, 7, 1), "QĐ sáp nhập", NULL, &e),
	    0);
	assert_int_equal(report_figures(app, &sys, tu, date_days(2015, 1, 1),
	                                date_days(2025, 12, 31), date_days(2025, 7, 1), &a, &r, &e),
	                 0);
	assert_int_equal(figure(&r, "kt_to_chuc"), 3);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(r.rows[0].org, x2);
	assert_int_equal(r.rows[0].n[0], 3);
	assert_int_equal(r.nchanges, 1);
	assert_int_equal(r.changes[0].day, date_days(2025, 7, 1));
	assert_int_equal(report_figures(app, &sys, tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &a, &r, &e),
	                 0);
	assert_int_equal(r.nrows, 2); /* as at the time: X1 and X2 */
	assert_int_equal(r.nchanges, 0);

	/* The counters agree with a recount; only the whole tree's admins ask. */
	assert_int_equal(report_verify(app, &sys, &diffs, &e), 0);
	assert_int_equal(diffs, 0);
	assert_int_equal(report_verify(app, &viewer, &diffs, &e), HOSO_E_DENIED);
	assert_int_equal(report_rebuild(app, &sys, &e), 0);
	assert_int_equal(report_verify(app, &sys, &diffs, &e), 0);
	assert_int_equal(diffs, 0);

	app_close(app);
	err_release(&e);
	arena_release(&a);
	tmpdir_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalogue_matches_the_store),
	    cmocka_unit_test(test_counters_follow_the_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
