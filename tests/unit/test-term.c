/* Unit tests for src/app/term.c: party terms recorded by congress, taken
 * from the nearest ancestor, and the days of a term for a report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/report.h"
#include "app/term.h"
#include "fixture.h"

static void test_terms_recorded_and_inherited(void **state)
{
	char dir[512];
	struct app *app;
	struct actor sys, admin_x1, viewer_x1, officer;
	struct err e;
	struct arena a;
	struct org_new o;
	struct term *v, t;
	size_t n;
	int64_t tu, x1, x2, id;
	int32_t pf, pt;
	int first, last;

	(void)state;
	fixture_open(dir, sizeof(dir), &app, &sys, &tu, &e, &a);
	o = (struct org_new){"X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", tu, date_days(2000, 1, 1)};
	assert_int_equal(org_create(app, &sys, &o, &x1, &e), 0);
	o = (struct org_new){"X2", "Đảng bộ xã B", "dang_bo_truc_thuoc", tu, date_days(2018, 1, 1)};
	assert_int_equal(org_create(app, &sys, &o, &x2, &e), 0);
	admin_x1 = (struct actor){7, 1u << ROLE_ADMIN, x1, CLEARANCE_NORMAL, NULL, "test"};
	viewer_x1 = (struct actor){8, 1u << ROLE_VIEWER, x1, CLEARANCE_NORMAL, NULL, "test"};
	officer = (struct actor){9, 1u << ROLE_OFFICER, tu, CLEARANCE_NORMAL, NULL, "test"};

	/* Names. */
	assert_int_equal(term_name_parse("2020-2025", &first, &last, &e), 0);
	assert_int_equal(first * 10000 + last, 20202025);
	assert_int_equal(term_name_parse("NK2015-2020", &first, &last, &e), 0);
	assert_int_equal(term_name_parse("2020-2021", &first, &last, &e), HOSO_E_INVALID);
	assert_int_equal(term_name_parse("2020", &first, &last, &e), HOSO_E_INVALID);
	assert_int_equal(term_name_parse(NULL, &first, &last, &e), HOSO_E_INVALID);

	/* Nothing recorded: no terms, and a term period is not found. */
	assert_int_equal(term_list(app, &viewer_x1, x1, &a, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(term_find(app, &viewer_x1, x1, 2020, 2025, &a, &t, &pf, &pt, &e),
	                 HOSO_E_NOT_FOUND);
	assert_string_equal(e.field.buf, "period");
	err_clear(&e);

	/* The province's congresses. */
	assert_int_equal(
	    term_add(app, &sys, tu, 2015, 2020, date_days(2015, 10, 14), NULL, &id, &e), 0);
	assert_int_equal(
	    term_add(app, &sys, tu, 2020, 2025, date_days(2020, 10, 15), "NQ Đại hội", &id, &e), 0);
	/* Refused: bad years, a congress outside the first year or before
	 * the organisation existed, the same term twice, the wrong people. */
	assert_int_equal(term_add(app, &sys, tu, 2020, 2021, date_days(2020, 10, 1), NULL, &id, &e),
	                 HOSO_E_INVALID);
	assert_int_equal(term_add(app, &sys, tu, 2025, 2030, date_days(2024, 12, 1), NULL, &id, &e),
	                 HOSO_E_BAD_DATE);
	assert_string_equal(e.field.buf, "congress");
	assert_int_equal(term_add(app, &sys, x2, 2015, 2020, date_days(2015, 6, 1), NULL, &id, &e),
	                 HOSO_E_BAD_DATE);
	assert_int_equal(term_add(app, &sys, tu, 2020, 2025, date_days(2020, 11, 1), NULL, &id, &e),
	                 HOSO_E_DUPLICATE);
	assert_int_equal(
	    term_add(app, &officer, tu, 2025, 2030, date_days(2025, 10, 1), NULL, &id, &e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    term_add(app, &admin_x1, tu, 2025, 2030, date_days(2025, 10, 1), NULL, &id, &e),
	    HOSO_E_NOT_FOUND);
	err_clear(&e);

	/* X1 has none of its own: the province's apply, each to the day
	 * before the next congress, the last to the end of its last year. */
	assert_int_equal(term_list(app, &viewer_x1, x1, &a, &v, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].congress, date_days(2015, 10, 14));
	assert_int_equal(v[0].end, date_days(2020, 10, 14));
	assert_int_equal(v[1].end, date_days(2025, 12, 31));
	assert_int_equal(v[1].org, tu);
	/* The term before is the one recorded before it. */
	assert_int_equal(term_find(app, &viewer_x1, x1, 2020, 2025, &a, &t, &pf, &pt, &e), 0);
	assert_int_equal(t.congress, date_days(2020, 10, 15));
	assert_int_equal(pf, date_days(2015, 10, 14));
	assert_int_equal(pt, date_days(2020, 10, 14));
	/* Without it recorded: the same days five years back. */
	assert_int_equal(term_find(app, &viewer_x1, x1, 2015, 2020, &a, &t, &pf, &pt, &e), 0);
	assert_int_equal(pf, date_days(2010, 10, 14));
	assert_int_equal(pt, date_days(2015, 10, 14));

	/* X1's own congress, recorded by its administrator, comes first. */
	assert_int_equal(
	    term_add(app, &admin_x1, x1, 2020, 2025, date_days(2020, 6, 20), NULL, &id, &e), 0);
	assert_int_equal(term_list(app, &viewer_x1, x1, &a, &v, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].org, x1);
	assert_int_equal(v[0].congress, date_days(2020, 6, 20));
	/* Outside the reader's scope: not found. */
	assert_int_equal(term_list(app, &viewer_x1, x2, &a, &v, &n, &e), HOSO_E_NOT_FOUND);
	fixture_close(dir, app, &e, &a);
}

/* A report for a term: its days, the term before, and its name. */
static void test_report_for_a_term(void **state)
{
	char dir[512];
	struct app *app;
	struct actor sys;
	struct err e;
	struct arena a;
	struct report_period p;
	struct report r;
	int64_t tu, id;

	(void)state;
	fixture_open(dir, sizeof(dir), &app, &sys, &tu, &e, &a);
	assert_int_equal(
	    term_add(app, &sys, tu, 2015, 2020, date_days(2015, 10, 14), NULL, &id, &e), 0);
	assert_int_equal(
	    term_add(app, &sys, tu, 2020, 2025, date_days(2020, 10, 15), NULL, &id, &e), 0);
	assert_int_equal(
	    report_period_of(app, &sys, tu, "NK2020-2025", DATE_NONE, DATE_NONE, &a, &p, &e), 0);
	assert_int_equal(p.from, date_days(2020, 10, 15));
	assert_int_equal(p.to, date_days(2025, 12, 31));
	assert_int_equal(p.prev_from, date_days(2015, 10, 14));
	assert_int_equal(p.prev_to, date_days(2020, 10, 14));
	assert_int_equal(p.term_first, 2020);
	assert_int_equal(report_run(app, &sys, tu, &p, DATE_NONE, &a, &r, &e), 0);
	assert_int_equal(r.term_first, 2020);
	assert_int_equal(r.prev_from, date_days(2015, 10, 14));
	/* Other names and from..to keep their meaning; both at once is refused. */
	assert_int_equal(report_period_of(app, &sys, tu, "2019", DATE_NONE, DATE_NONE, &a, &p, &e),
	                 0);
	assert_int_equal(p.prev_from, date_days(2018, 1, 1));
	assert_int_equal(p.term_first, 0);
	assert_int_equal(
	    report_period_of(app, &sys, tu, "2015-2019", DATE_NONE, DATE_NONE, &a, &p, &e), 0);
	assert_int_equal(p.prev_from, date_days(2010, 1, 1));
	assert_int_equal(report_period_check("2019", date_days(2019, 1, 1), DATE_NONE, &e),
	                 HOSO_E_INVALID);
	assert_int_equal(report_period_check("NK2030-2035", DATE_NONE, DATE_NONE, &e), 0);
	assert_int_equal(report_period_check("NK2030", DATE_NONE, DATE_NONE, &e), HOSO_E_BAD_DATE);
	assert_int_equal(report_period_check(NULL, date_days(2019, 1, 1), DATE_NONE, &e),
	                 HOSO_E_MISSING);
	assert_int_equal(
	    report_period_check(NULL, date_days(2019, 1, 1), date_days(2018, 1, 1), &e),
	    HOSO_E_BAD_DATE);
	assert_int_equal(
	    report_period_of(app, &sys, tu, "NK2025-2030", DATE_NONE, DATE_NONE, &a, &p, &e),
	    HOSO_E_NOT_FOUND);
	fixture_close(dir, app, &e, &a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_terms_recorded_and_inherited),
	    cmocka_unit_test(test_report_for_a_term),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
