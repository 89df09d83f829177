/* Unit tests for src/app/report-records.c: the records behind a figure are
 * exactly those the report counts - for every figure, as at the time and
 * under a structure date after the 2025 restructuring, for the whole
 * province, each row, each breakdown value, and for a commune officer of
 * ordinary clearance - on the national test dataset (two provinces with
 * ten years of cases and the July 2025 restructuring). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/demo.h"
#include "app/report.h"
#include "app/scope.h"
#include "core/figure.h"
#include "fixture.h"

struct fx {
	struct fixture fx;
	int64_t province;
};

static int setup(void **state)
{
	struct fx *f = fixture_alloc(sizeof(*f), 1);
	struct demo_stats st;

	if (demo_build(f->fx.app, &f->fx.sys, DEMO_NATIONAL_TEST, 3, NULL, NULL, &st, &f->fx.e) !=
	        0 ||
	    org_find(f->fx.app, &f->fx.sys, "P01", &f->province, &f->fx.e) != 0)
		fixture_fail("demo", &f->fx.e);
	*state = f;
	return 0;
}

static struct report_period period(int32_t from, int32_t to)
{
	return (struct report_period){from, to, date_add_years(from, -5), date_add_years(to, -5),
	                              0,    0};
}

/* The count behind figure f of the report (q's row, dim) by who. */
static int64_t count_of(struct fx *f, const struct actor *who, int64_t org,
                        const struct report_period *p, int32_t structure,
                        struct report_records_query q, int64_t *ret_distinct)
{
	struct report_records r;

	q.limit = q.limit ? q.limit : 1;
	if (report_records(f->fx.app, who, org, p, structure, &q, &f->fx.a, &r, &f->fx.e) != 0)
		fail_msg("%s: %s", figure_code(q.figure), err_text_en(&f->fx.e));
	if (ret_distinct)
		*ret_distinct = r.distinct;
	return r.count;
}

/* Whether the rows of figure f are checked one by one: a figure of each
 * source and each way of placing (each call is a reading and an audit
 * entry, so not every figure's every row). */
static int rows_checked(enum figure f)
{
	return f == FIGURE_KT_TO_CHUC_VI_PHAM || f == FIGURE_RNN_LUOT ||
	       f == FIGURE_RNN_BAO_CAO_TRE_HAN || f == FIGURE_VB_TRE_HAN || f == FIGURE_TD_HO_SO ||
	       f == FIGURE_TC_DUNG_HAN || f == FIGURE_KT_CHU_THE || f == FIGURE_DT_KENH;
}

/* Every figure, its distinct count, each of its breakdown values and,
 * for some figures, each row of the report of org by who, equal to the
 * list's counts. */
static void check_report(struct fx *f, const struct actor *who, int64_t org,
                         const struct report_period *p, int32_t structure, int rows)
{
	struct report rep;
	int64_t nonzero = 0;

	if (report_run(f->fx.app, who, org, p, structure, &f->fx.a, &rep, &f->fx.e) != 0)
		fail_msg("report: %s", err_text_en(&f->fx.e));
	for (int i = 0; i < FIGURE__MAX; i++) {
		const struct report_figure *x = &rep.figures[i];
		struct report_records_query q = {.figure = (enum figure)i};
		int64_t distinct = 0;

		assert_int_equal(count_of(f, who, org, p, structure, q, &distinct), x->total);
		if (x->def->distinct_vi)
			assert_int_equal(distinct, x->distinct);
		nonzero += x->total > 0;
		for (size_t j = 0; j < x->nby; j++) {
			q.dim = x->by[j].dim;
			assert_int_equal(count_of(f, who, org, p, structure, q, NULL), x->by[j].n);
		}
		q.dim = NULL;
		for (size_t j = 0; rows && rows_checked(q.figure) && j < rep.nrows; j++) {
			q.row = rep.rows[j].code;
			assert_int_equal(count_of(f, who, org, p, structure, q, &distinct),
			                 rep.rows[j].n[i]);
			if (x->def->distinct_vi)
				assert_int_equal(distinct, rep.rows[j].d[i]);
		}
	}
	/* the data exercise most figures */
	assert_true(nonzero >= FIGURE__MAX / 2);
}

static void test_every_figure_as_at_the_time(void **state)
{
	struct fx *f = *state;
	struct report_period p = period(date_days(2021, 1, 1), date_days(2025, 12, 31));

	check_report(f, &f->fx.sys, f->province, &p, DATE_NONE, 1);
}

/* A single year: a record counted by another day than the report's
 * (a discipline by its decision, not its case's opening) shows at the
 * edges of a short period. */
static void test_every_figure_of_one_year(void **state)
{
	struct fx *f = *state;

	for (int y = 2023; y <= 2025; y++) {
		struct report_period p = period(date_days(y, 1, 1), date_days(y, 12, 31));

		check_report(f, &f->fx.sys, f->province, &p, DATE_NONE, 0);
	}
}

static void test_every_figure_under_a_structure_date(void **state)
{
	struct fx *f = *state;
	struct report_period p = period(date_days(2021, 1, 1), date_days(2025, 12, 31));

	check_report(f, &f->fx.sys, f->province, &p, date_days(2025, 12, 31), 1);
}

/* A commune officer of ordinary clearance: their report and its records
 * agree, and none of what they list is above their clearance or outside
 * their commune. */
static void test_a_commune_officer(void **state)
{
	struct fx *f = *state;
	struct report_period p = period(date_days(2016, 1, 1), date_days(2026, 12, 31));
	struct actor who;
	struct report_records r;
	struct report_records_query q = {.figure = FIGURE_KT_DANG_VIEN,
	                                 .limit = REPORT_RECORDS_MAX};
	struct report prov;
	int64_t commune = 0;

	/* the commune under the province with most inspected members */
	assert_int_equal(report_run(f->fx.app, &f->fx.sys, f->province, &p, DATE_NONE, &f->fx.a,
	                            &prov, &f->fx.e),
	                 0);
	for (size_t j = 0, best = 0; j < prov.nrows; j++)
		if (prov.rows[j].org != f->province && (size_t)prov.rows[j].n[q.figure] > best) {
			best = (size_t)prov.rows[j].n[q.figure];
			commune = prov.rows[j].org;
		}
	assert_true(commune > 0);
	who = fixture_actor(7, ROLE_OFFICER, commune, CLEARANCE_NORMAL);
	check_report(f, &who, commune, &p, DATE_NONE, 0);
	assert_int_equal(
	    report_records(f->fx.app, &who, commune, &p, DATE_NONE, &q, &f->fx.a, &r, &f->fx.e), 0);
	assert_true(r.nrecords > 0);
	for (size_t i = 0; i < r.nrecords; i++)
		if (r.records[i].c) {
			assert_int_equal(r.records[i].c->confidentiality, CLEARANCE_NORMAL);
			assert_int_equal(
			    scope_contains(f->fx.app, &who, r.records[i].c->handling_org), 1);
		}
	/* the province is not theirs: not found, as for one that is not */
	assert_int_equal(
	    report_records(f->fx.app, &who, f->province, &p, DATE_NONE, &q, &f->fx.a, &r, &f->fx.e),
	    HOSO_E_NOT_FOUND);
}

/* Pages follow each other without a gap or a repeat; subjects are each
 * listed once, their records adding up to the figure. */
static void test_pages_and_subjects(void **state)
{
	struct fx *f = *state;
	struct report_period p = period(date_days(2021, 1, 1), date_days(2025, 12, 31));
	struct report_records_query q = {.figure = FIGURE_KT_TO_CHUC, .limit = 7};
	struct report_records r, all;
	int64_t sum = 0;

	assert_int_equal(report_records(f->fx.app, &f->fx.sys, f->province, &p, DATE_NONE,
	                                &(struct report_records_query){.figure = q.figure,
	                                                               .limit = REPORT_RECORDS_MAX},
	                                &f->fx.a, &all, &f->fx.e),
	                 0);
	assert_true(all.count > 7 && all.count <= REPORT_RECORDS_MAX);
	for (q.offset = 0; q.offset < (size_t)all.count; q.offset += q.limit) {
		assert_int_equal(report_records(f->fx.app, &f->fx.sys, f->province, &p, DATE_NONE,
		                                &q, &f->fx.a, &r, &f->fx.e),
		                 0);
		for (size_t i = 0; i < r.nrecords; i++) {
			assert_int_equal(r.records[i].case_id, all.records[q.offset + i].case_id);
			assert_int_equal(r.records[i].subject, all.records[q.offset + i].subject);
			assert_non_null(r.records[i].name.name);
			if (i || q.offset)
				assert_true(r.records[i].day <=
				            all.records[q.offset + i - 1].day); /* newest first */
		}
	}
	q = (struct report_records_query){
	    .figure = q.figure, .subjects = 1, .limit = REPORT_RECORDS_MAX};
	assert_int_equal(report_records(f->fx.app, &f->fx.sys, f->province, &p, DATE_NONE, &q,
	                                &f->fx.a, &r, &f->fx.e),
	                 0);
	assert_int_equal((int64_t)r.nsubjects, r.distinct);
	for (size_t i = 0; i < r.nsubjects; i++) {
		sum += r.subjects[i].n;
		assert_false(r.subjects[i].person);
		assert_non_null(r.subjects[i].name.name);
		if (i)
			assert_true(r.subjects[i].n <= r.subjects[i - 1].n);
	}
	assert_int_equal(sum, r.count);
}

static void test_refusals(void **state)
{
	struct fx *f = *state;
	struct report_period p = period(date_days(2021, 1, 1), date_days(2025, 12, 31));
	struct report_records r;
	struct {
		struct report_records_query q;
		int rc;
		const char *field;
	} cases[] = {
	    {{.figure = FIGURE__MAX, .limit = 1}, HOSO_E_BAD_ENUM, "figure"},
	    {{.figure = FIGURE_GS_THUONG_XUYEN, .subjects = 1, .limit = 1},
	     HOSO_E_INVALID,
	     "subjects"},
	    {{.figure = FIGURE_KT_TO_CHUC, .limit = 0}, HOSO_E_TOO_BIG, "limit"},
	    {{.figure = FIGURE_KT_TO_CHUC, .limit = REPORT_RECORDS_MAX + 1},
	     HOSO_E_TOO_BIG,
	     "limit"},
	};
	struct actor nobody = fixture_actor(9, ROLE_AUDITOR, f->province, CLEARANCE_TOP_SECRET);

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(report_records(f->fx.app, &f->fx.sys, f->province, &p, DATE_NONE,
		                                &cases[i].q, &f->fx.a, &r, &f->fx.e),
		                 cases[i].rc);
		assert_string_equal(f->fx.e.field.buf, cases[i].field);
	}
	/* a row that is none of the report's lists nothing */
	assert_int_equal(
	    count_of(f, &f->fx.sys, f->province, &p, DATE_NONE,
	             (struct report_records_query){.figure = FIGURE_KT_TO_CHUC, .row = "NO.SUCH"},
	             NULL),
	    0);
	/* an auditor reads the trail, not the records */
	assert_int_equal(
	    report_records(f->fx.app, &nobody, f->province, &p, DATE_NONE,
	                   &(struct report_records_query){.figure = FIGURE_KT_TO_CHUC, .limit = 1},
	                   &f->fx.a, &r, &f->fx.e),
	    HOSO_E_DENIED);
}

/* The figures added for the letters, the denunciations, the actors and
 * the outcomes have records in the data, so that the checks above compare
 * counts, not zeros (the data at this size have too few complaints:
 * test-report.c lists those of a complaint decided late). */
static void test_new_figures_have_records(void **state)
{
	static const enum figure added[] = {FIGURE_KT_CHU_THE, FIGURE_TTLL_KET_QUA, FIGURE_DT_KENH,
	                                    FIGURE_TC_DUNG_HAN, FIGURE_TC_TRE_HAN};
	struct fx *f = *state;
	struct report_period p = period(date_days(2015, 1, 1), date_days(2025, 12, 31));
	struct report rep;

	assert_int_equal(
	    report_run(f->fx.app, &f->fx.sys, f->province, &p, DATE_NONE, &f->fx.a, &rep, &f->fx.e),
	    0);
	for (size_t i = 0; i < sizeof(added) / sizeof(added[0]); i++)
		if (rep.figures[added[i]].total == 0)
			fail_msg("%s: no records", figure_code(added[i]));
}

/* Each breakdown value the demo's records have is named. */
static void test_breakdown_values_are_named(void **state)
{
	struct fx *f = *state;
	struct report_period p = period(date_days(2016, 1, 1), date_days(2025, 12, 31));
	struct report rep;

	assert_int_equal(
	    report_run(f->fx.app, &f->fx.sys, f->province, &p, DATE_NONE, &f->fx.a, &rep, &f->fx.e),
	    0);
	for (int i = 0; i < FIGURE__MAX; i++)
		for (size_t j = 0; j < rep.figures[i].nby; j++) {
			const char *vi, *en;

			report_dim_name((enum figure)i, rep.figures[i].by[j].dim, &vi, &en);
			if (!vi || !en)
				fail_msg("%s: no name for '%s'", figure_code((enum figure)i),
				         rep.figures[i].by[j].dim);
		}
}

TEST_MAIN_GROUP(setup, fixture_teardown, cmocka_unit_test(test_every_figure_as_at_the_time),
                cmocka_unit_test(test_every_figure_of_one_year),
                cmocka_unit_test(test_every_figure_under_a_structure_date),
                cmocka_unit_test(test_a_commune_officer), cmocka_unit_test(test_pages_and_subjects),
                cmocka_unit_test(test_refusals), cmocka_unit_test(test_breakdown_values_are_named),
                cmocka_unit_test(test_new_figures_have_records))
