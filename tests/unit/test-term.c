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
	struct fixture *fx = *state;
	struct actor admin_x1, viewer_x1, officer;
	struct org_new o;
	struct term *v, t;
	size_t n;
	int64_t x1, x2, id;
	int32_t pf, pt;
	int first, last;

	x1 = fixture_org(fx, "X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", fx->tu);
	o = (struct org_new){"X2", "Đảng bộ xã B", "dang_bo_truc_thuoc", fx->tu,
	                     date_days(2018, 1, 1)};
	assert_int_equal(org_create(fx->app, &fx->sys, &o, &x2, &fx->e), 0);
	admin_x1 = fixture_actor(7, ROLE_ADMIN, x1, CLEARANCE_NORMAL);
	viewer_x1 = fixture_actor(8, ROLE_VIEWER, x1, CLEARANCE_NORMAL);
	officer = fixture_actor(9, ROLE_OFFICER, fx->tu, CLEARANCE_NORMAL);

	/* Names. */
	assert_int_equal(term_name_parse("2020-2025", &first, &last, &fx->e), 0);
	assert_int_equal(first * 10000 + last, 20202025);
	assert_int_equal(term_name_parse("NK2015-2020", &first, &last, &fx->e), 0);
	assert_int_equal(term_name_parse("2020-2021", &first, &last, &fx->e), HOSO_E_INVALID);
	assert_int_equal(term_name_parse("2020", &first, &last, &fx->e), HOSO_E_INVALID);
	assert_int_equal(term_name_parse(NULL, &first, &last, &fx->e), HOSO_E_INVALID);

	/* Nothing recorded: no terms, and a term period is not found. */
	assert_int_equal(term_list(fx->app, &viewer_x1, x1, &fx->a, &v, &n, &fx->e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(
	    term_find(fx->app, &viewer_x1, x1, 2020, 2025, &fx->a, &t, &pf, &pt, &fx->e),
	    HOSO_E_NOT_FOUND);
	assert_string_equal(fx->e.field.buf, "period");
	err_clear(&fx->e);

	/* The province's congresses. */
	assert_int_equal(term_add(fx->app, &fx->sys, fx->tu, 2015, 2020, date_days(2015, 10, 14),
	                          NULL, &id, &fx->e),
	                 0);
	assert_int_equal(term_add(fx->app, &fx->sys, fx->tu, 2020, 2025, date_days(2020, 10, 15),
	                          "NQ Đại hội", &id, &fx->e),
	                 0);
	/* Refused: bad years, a congress outside the first year or before
	 * the organisation existed, the same term twice, the wrong people. */
	assert_int_equal(term_add(fx->app, &fx->sys, fx->tu, 2020, 2021, date_days(2020, 10, 1),
	                          NULL, &id, &fx->e),
	                 HOSO_E_INVALID);
	assert_int_equal(term_add(fx->app, &fx->sys, fx->tu, 2025, 2030, date_days(2024, 12, 1),
	                          NULL, &id, &fx->e),
	                 HOSO_E_BAD_DATE);
	assert_string_equal(fx->e.field.buf, "congress");
	assert_int_equal(
	    term_add(fx->app, &fx->sys, x2, 2015, 2020, date_days(2015, 6, 1), NULL, &id, &fx->e),
	    HOSO_E_BAD_DATE);
	assert_int_equal(term_add(fx->app, &fx->sys, fx->tu, 2020, 2025, date_days(2020, 11, 1),
	                          NULL, &id, &fx->e),
	                 HOSO_E_DUPLICATE);
	assert_int_equal(term_add(fx->app, &officer, fx->tu, 2025, 2030, date_days(2025, 10, 1),
	                          NULL, &id, &fx->e),
	                 HOSO_E_DENIED);
	assert_int_equal(term_add(fx->app, &admin_x1, fx->tu, 2025, 2030, date_days(2025, 10, 1),
	                          NULL, &id, &fx->e),
	                 HOSO_E_NOT_FOUND);
	err_clear(&fx->e);

	/* X1 has none of its own: the province's apply, each to the day
	 * before the next congress, the last to the end of its last year. */
	assert_int_equal(term_list(fx->app, &viewer_x1, x1, &fx->a, &v, &n, &fx->e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].congress, date_days(2015, 10, 14));
	assert_int_equal(v[0].end, date_days(2020, 10, 14));
	assert_int_equal(v[1].end, date_days(2025, 12, 31));
	assert_int_equal(v[1].org, fx->tu);
	/* The term before is the one recorded before it. */
	assert_int_equal(
	    term_find(fx->app, &viewer_x1, x1, 2020, 2025, &fx->a, &t, &pf, &pt, &fx->e), 0);
	assert_int_equal(t.congress, date_days(2020, 10, 15));
	assert_int_equal(pf, date_days(2015, 10, 14));
	assert_int_equal(pt, date_days(2020, 10, 14));
	/* Without it recorded: the same days five years back. */
	assert_int_equal(
	    term_find(fx->app, &viewer_x1, x1, 2015, 2020, &fx->a, &t, &pf, &pt, &fx->e), 0);
	assert_int_equal(pf, date_days(2010, 10, 14));
	assert_int_equal(pt, date_days(2015, 10, 14));

	/* X1's own congress, recorded by its administrator, comes first. */
	assert_int_equal(
	    term_add(fx->app, &admin_x1, x1, 2020, 2025, date_days(2020, 6, 20), NULL, &id, &fx->e),
	    0);
	assert_int_equal(term_list(fx->app, &viewer_x1, x1, &fx->a, &v, &n, &fx->e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].org, x1);
	assert_int_equal(v[0].congress, date_days(2020, 6, 20));
	/* Outside the reader's scope: not found. */
	assert_int_equal(term_list(fx->app, &viewer_x1, x2, &fx->a, &v, &n, &fx->e),
	                 HOSO_E_NOT_FOUND);
}

/* A report for a term: its days, the term before, and its name. */
static void test_report_for_a_term(void **state)
{
	struct fixture *fx = *state;
	struct report_period p;
	struct report r;
	int64_t id;

	assert_int_equal(term_add(fx->app, &fx->sys, fx->tu, 2015, 2020, date_days(2015, 10, 14),
	                          NULL, &id, &fx->e),
	                 0);
	assert_int_equal(term_add(fx->app, &fx->sys, fx->tu, 2020, 2025, date_days(2020, 10, 15),
	                          NULL, &id, &fx->e),
	                 0);
	assert_int_equal(report_period_of(fx->app, &fx->sys, fx->tu, "NK2020-2025", DATE_NONE,
	                                  DATE_NONE, &fx->a, &p, &fx->e),
	                 0);
	assert_int_equal(p.from, date_days(2020, 10, 15));
	assert_int_equal(p.to, date_days(2025, 12, 31));
	assert_int_equal(p.prev_from, date_days(2015, 10, 14));
	assert_int_equal(p.prev_to, date_days(2020, 10, 14));
	assert_int_equal(p.term_first, 2020);
	assert_int_equal(report_run(fx->app, &fx->sys, fx->tu, &p, DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(r.term_first, 2020);
	assert_int_equal(r.prev_from, date_days(2015, 10, 14));
	/* Other names and from..to keep their meaning; both at once is refused. */
	assert_int_equal(report_period_of(fx->app, &fx->sys, fx->tu, "2019", DATE_NONE, DATE_NONE,
	                                  &fx->a, &p, &fx->e),
	                 0);
	assert_int_equal(p.prev_from, date_days(2018, 1, 1));
	assert_int_equal(p.term_first, 0);
	assert_int_equal(report_period_of(fx->app, &fx->sys, fx->tu, "2015-2019", DATE_NONE,
	                                  DATE_NONE, &fx->a, &p, &fx->e),
	                 0);
	assert_int_equal(p.prev_from, date_days(2010, 1, 1));
	assert_int_equal(report_period_check("2019", date_days(2019, 1, 1), DATE_NONE, &fx->e),
	                 HOSO_E_INVALID);
	assert_int_equal(report_period_check("NK2030-2035", DATE_NONE, DATE_NONE, &fx->e), 0);
	assert_int_equal(report_period_check("NK2030", DATE_NONE, DATE_NONE, &fx->e),
	                 HOSO_E_BAD_DATE);
	assert_int_equal(report_period_check(NULL, date_days(2019, 1, 1), DATE_NONE, &fx->e),
	                 HOSO_E_MISSING);
	assert_int_equal(
	    report_period_check(NULL, date_days(2019, 1, 1), date_days(2018, 1, 1), &fx->e),
	    HOSO_E_BAD_DATE);
	assert_int_equal(report_period_of(fx->app, &fx->sys, fx->tu, "NK2025-2030", DATE_NONE,
	                                  DATE_NONE, &fx->a, &p, &fx->e),
	                 HOSO_E_NOT_FOUND);
}

TEST_MAIN(FIXTURE_TEST(test_terms_recorded_and_inherited, fixture_setup),
          FIXTURE_TEST(test_report_for_a_term, fixture_setup))
