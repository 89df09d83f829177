/* Unit tests for src/app/report.c: the catalogue, the live counters kept
 * by the writers' own transactions, and the report over a subtree as at
 * the time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/appraisal.h"
#include "app/case.h"
#include "app/finding.h"
#include "app/letter.h"
#include "app/org.h"
#include "app/person.h"
#include "app/report.h"
#include "app/trip.h"
#include "core/buf.h"
#include "core/figure.h"
#include "fixture.h"
#include "store/store.h"

/* The store's table of counter definitions has an entry for exactly the
 * figures counted live (those from deadlines are computed when a report is
 * made): a figure added to the enum without its definition, or a
 * definition left for a figure now from a deadline, fails here. */
static void test_store_defines_every_counted_figure(void **state)
{
	size_t counted = 0;

	(void)state;
	for (int f = 0; f < FIGURE__MAX; f++) {
		struct buf sql = BUF_INIT(1 << 16);
		int has = store_counter_source_select((enum figure)f, &sql) == 0;

		if (has != (figure_def((enum figure)f)->source == FIGURE_COUNTED))
			fail_msg("figure %s: %s", figure_code((enum figure)f),
			         has ? "a counter definition, but it comes from a deadline"
			             : "no counter definition in the store");
		if (has)
			assert_non_null(strstr(sql.buf, figure_code((enum figure)f)));
		counted += has;
		buf_release(&sql);
	}
	assert_true(counted > 0 && counted < FIGURE__MAX);
	assert_int_equal(store_counter_source_select(FIGURE__MAX, &(struct buf)BUF_INIT(16)),
	                 HOSO_E_NOT_FOUND);
}

static int64_t figure(const struct report *r, enum figure f)
{
	assert_int_equal(r->nfigures, FIGURE__MAX);
	assert_ptr_equal(r->figures[f].def, figure_def(f));
	return r->figures[f].total;
}

static const struct report_figure *figure_of(const struct report *r, enum figure f)
{
	assert_int_equal(r->nfigures, FIGURE__MAX);
	return &r->figures[f];
}

static void test_counters_follow_the_records(void **state)
{
	struct fixture *fx = *state;
	struct actor officer, viewer, other;
	struct case_input in = {.kind = "kiem_tra",
	                        .subtype = "chap_hanh",
	                        .title = "Kiểm tra",
	                        .opened = date_days(2017, 5, 2)};
	struct case_subject_list subj;
	struct report r;
	int64_t x1, x2, kt, secret, f;
	int64_t diffs = -1;

	x1 = fixture_org(fx, "X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", fx->tu);
	x2 = fixture_org(fx, "X2", "Đảng bộ xã B", "dang_bo_truc_thuoc", fx->tu);
	officer = fixture_actor(7, ROLE_OFFICER, x1, CLEARANCE_NORMAL);
	viewer = fixture_actor(8, ROLE_VIEWER, fx->tu, CLEARANCE_NORMAL);
	other = fixture_actor(9, ROLE_VIEWER, x2, CLEARANCE_TOP_SECRET);

	/* Two organisations inspected by X1, one with a violation. */
	in.handling_org = x1;
	in.subject_orgs = (int64_t[]){x1, x1};
	in.nsubject_orgs = 1;
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &kt, NULL, &fx->e), 0);
	in.opened = date_days(2018, 3, 1);
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &kt, NULL, &fx->e), 0);
	assert_int_equal(store_case_subjects(app_store(fx->app), kt, &fx->a, &subj), 0);
	assert_int_equal(finding_add(fx->app, &officer, kt, subj.v[0].id, "Có vi phạm",
	                             "vi_pham_chua_den_muc", &f, &fx->e),
	                 0);
	/* A secret one, by X2. */
	in.handling_org = x2;
	in.confidentiality = CLEARANCE_SECRET;
	in.subject_orgs = &x2;
	assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &secret, NULL, &fx->e), 0);

	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 3);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC_VI_PHAM), 1);
	assert_int_equal(r.nrows, 2); /* by child: X1 and X2 */
	/* Beside the occurrences, the organisations: X1 twice and X2 once
	 * are 3 occurrences about 2 organisations; by row, X1's 2 are 1. */
	assert_int_equal(figure_of(&r, FIGURE_KT_TO_CHUC)->distinct, 2);
	assert_int_equal(figure_of(&r, FIGURE_KT_TO_CHUC_VI_PHAM)->distinct, 1);
	assert_null(figure_of(&r, FIGURE_RNN_DOAN)->def->distinct_vi);
	assert_int_equal(r.rows[0].org, x1);
	assert_int_equal(r.rows[0].n[0], 2);
	assert_int_equal(r.rows[0].d[0], 1);
	assert_int_equal(r.rows[1].d[0], 1);
	/* Clearance: the viewer does not count the secret case. */
	assert_int_equal(report_figures(fx->app, &viewer, fx->tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 2);
	assert_int_equal(figure_of(&r, FIGURE_KT_TO_CHUC)->distinct, 1);
	/* A period, a subtree. */
	assert_int_equal(report_figures(fx->app, &fx->sys, x1, date_days(2018, 1, 1),
	                                date_days(2018, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 1);
	assert_string_equal(r.figures[0].by[0].dim, "chap_hanh");
	/* ... beside the same period a year before. */
	assert_int_equal(r.prev_from, date_days(2017, 1, 1));
	assert_int_equal(r.prev_to, date_days(2017, 12, 31));
	assert_int_equal(r.figures[0].previous, 1);
	assert_int_equal(r.figures[0].distinct_previous, 1);
	/* Scope: a report for an organisation outside it does not exist. */
	assert_int_equal(report_figures(fx->app, &other, x1, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2019, 1, 1),
	                                date_days(2018, 1, 1), DATE_NONE, &fx->a, &r, &fx->e),
	                 HOSO_E_BAD_DATE);
	/* X1 merges into X2 on 1/7/2025: under that structure X1's records
	 * count under X2, with the change in the footnote of a period over it. */
	assert_int_equal(org_merge(fx->app, &fx->sys, &x1, 1, x2, NULL, date_days(2025, 7, 1),
	                           "QĐ sáp nhập", NULL, &fx->e),
	                 0);
	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2015, 1, 1),
	                                date_days(2025, 12, 31), date_days(2025, 7, 1), &fx->a, &r,
	                                &fx->e),
	                 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 3);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(r.rows[0].org, x2);
	assert_int_equal(r.rows[0].n[0], 3);
	/* The subjects stay the organisations they were: still two. */
	assert_int_equal(r.rows[0].d[0], 2);
	assert_int_equal(figure_of(&r, FIGURE_KT_TO_CHUC)->distinct, 2);
	assert_int_equal(r.nchanges, 1);
	assert_int_equal(r.changes[0].day, date_days(2025, 7, 1));
	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(r.nrows, 2); /* as at the time: X1 and X2 */
	assert_int_equal(r.nchanges, 0);

	/* The counters agree with a recount; only the whole tree's admins ask. */
	assert_int_equal(report_verify(fx->app, &fx->sys, &diffs, &fx->e), 0);
	assert_int_equal(diffs, 0);
	assert_int_equal(report_verify(fx->app, &viewer, &diffs, &fx->e), HOSO_E_DENIED);
	assert_int_equal(report_rebuild(fx->app, &fx->sys, &fx->e), 0);
	assert_int_equal(report_verify(fx->app, &fx->sys, &diffs, &fx->e), 0);
	assert_int_equal(diffs, 0);
}

/* Under the structure of a day, the records of an organisation of another
 * tree merged into this one count here (23 provinces were merged into
 * others in 2025), and no longer there. */
static void test_structure_brings_records_from_another_tree(void **state)
{
	struct fixture *fx = *state;
	struct case_input in = {.kind = "kiem_tra",
	                        .subtype = "chap_hanh",
	                        .title = "Kiểm tra",
	                        .opened = date_days(2019, 5, 2)};
	struct report r;
	int64_t p2, x1, y2, kt;
	int32_t from = date_days(2019, 1, 1), to = date_days(2019, 12, 31),
	        d = date_days(2025, 7, 1);

	x1 = fixture_org(fx, "X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", fx->tu);
	p2 = fixture_org(fx, "P2", "Đảng bộ tỉnh khác", "dang_bo_tinh", 0);
	y2 = fixture_org(fx, "Y2", "Đảng bộ xã Y", "dang_bo_truc_thuoc", p2);
	in.handling_org = y2;
	in.subject_orgs = &y2;
	in.nsubject_orgs = 1;
	assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &kt, NULL, &fx->e), 0);
	assert_int_equal(
	    org_merge(fx->app, &fx->sys, &y2, 1, x1, NULL, d, "QĐ sáp nhập", NULL, &fx->e), 0);

	assert_int_equal(
	    report_figures(fx->app, &fx->sys, fx->tu, from, to, DATE_NONE, &fx->a, &r, &fx->e), 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 0);
	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, from, to, d, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 1);
	assert_int_equal(figure_of(&r, FIGURE_KT_TO_CHUC)->distinct, 1);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(r.rows[0].org, x1);
	assert_int_equal(r.rows[0].d[0], 1);
	assert_int_equal(
	    report_figures(fx->app, &fx->sys, p2, from, to, DATE_NONE, &fx->a, &r, &fx->e), 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 1);
	assert_int_equal(report_figures(fx->app, &fx->sys, p2, from, to, d, &fx->a, &r, &fx->e), 0);
	assert_int_equal(figure(&r, FIGURE_KT_TO_CHUC), 0);
	assert_int_equal(figure_of(&r, FIGURE_KT_TO_CHUC)->distinct, 0);
}

/* Return reports on time, late, or overdue and missing; letters answered
 * late or overdue unanswered: by the deadlines in working days, as of
 * today, in the period of the trip's opening or the letter's sending. */
static void test_figures_from_deadlines(void **state)
{
	struct fixture *fx = *state;
	struct case_input trip = {.kind = "ra_nuoc_ngoai",
	                          .subtype = "cong_vu",
	                          .title = "Đoàn công tác",
	                          .opened = date_days(2019, 3, 1)};
	struct case_input check = {.kind = "tham_tra_ly_lich",
	                           .title = "Thẩm tra lý lịch",
	                           .opened = date_days(2019, 3, 1)};
	struct letter_input li = {.recipient = "Đảng ủy xã Thanh Nưa"};
	struct report r;
	int64_t x1, trip_id, check_id, tid, lid, pid;
	/* returned Monday 11/3/2019: due 7 working days later, 20/3/2019 */
	const int32_t back = date_days(2019, 3, 11);
	const int32_t received[3] = {date_days(2019, 3, 20), date_days(2019, 3, 21), DATE_NONE};
	/* sent Monday 4/3/2019: due 30 working days later (in April, past
	 * the Giỗ Tổ and 30/4 holidays); answered in time, late, never */
	const int32_t answered[3] = {date_days(2019, 3, 25), date_days(2019, 8, 1), DATE_NONE};

	x1 = fixture_org(fx, "X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", fx->tu);
	trip.handling_org = check.handling_org = x1;
	assert_int_equal(case_create(fx->app, &fx->sys, &trip, &fx->a, &trip_id, NULL, &fx->e), 0);
	assert_int_equal(case_create(fx->app, &fx->sys, &check, &fx->a, &check_id, NULL, &fx->e),
	                 0);
	for (int i = 0; i < 3; i++) {
		struct person_input p = {
		    .full_name = "Lò Văn Muôn", .joined = "01/01/2010", .org_id = x1};

		assert_int_equal(person_create(fx->app, &fx->sys, &p, &pid, &fx->e), 0);
		assert_int_equal(traveller_add(fx->app, &fx->sys, trip_id, pid, 0, 0, &tid, &fx->e),
		                 0);
		assert_int_equal(traveller_record(fx->app, &fx->sys, tid, TRAVELLER_DEPARTED,
		                                  back - 5, 0, &fx->e),
		                 0);
		assert_int_equal(
		    traveller_record(fx->app, &fx->sys, tid, TRAVELLER_RETURNED, back, 0, &fx->e),
		    0);
		if (received[i] != DATE_NONE)
			assert_int_equal(traveller_record(fx->app, &fx->sys, tid, TRAVELLER_REPORT,
			                                  received[i], 0, &fx->e),
			                 0);
		li.sent = date_days(2019, 3, 4);
		assert_int_equal(letter_add(fx->app, &fx->sys, check_id, &li, &lid, &fx->e), 0);
		if (answered[i] != DATE_NONE)
			assert_int_equal(letter_update(fx->app, &fx->sys, lid, LETTER_ANSWER,
			                               answered[i], "Không có vấn đề gì", 0, 1,
			                               &fx->e),
			                 0);
	}
	/* and a letter sent today, not yet due */
	li.sent = DATE_NONE;
	assert_int_equal(letter_add(fx->app, &fx->sys, check_id, &li, &lid, &fx->e), 0);

	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2019, 1, 1),
		                                date_days(2019, 12, 31),
		                                pass ? date_days(2025, 7, 1) : DATE_NONE, &fx->a,
		                                &r, &fx->e),
		                 0);
		assert_int_equal(figure(&r, FIGURE_RNN_LUOT), 3);
		assert_int_equal(figure(&r, FIGURE_RNN_BAO_CAO), 2);
		assert_int_equal(figure(&r, FIGURE_RNN_BAO_CAO_DUNG_HAN), 1);
		assert_int_equal(figure(&r, FIGURE_RNN_BAO_CAO_TRE_HAN), 1);
		assert_int_equal(figure(&r, FIGURE_RNN_BAO_CAO_QUA_HAN), 1);
		assert_int_equal(figure(&r, FIGURE_VB_TRE_HAN), 1);
		assert_int_equal(figure(&r, FIGURE_VB_QUA_HAN), 1);
		assert_int_equal(r.nrows, 1);
		assert_int_equal(r.rows[0].org, x1);
		assert_int_equal(r.rows[0].n[FIGURE_RNN_BAO_CAO_QUA_HAN], 1);
		/* the year after: nothing of theirs, and they are the period before */
		assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2020, 1, 1),
		                                date_days(2020, 12, 31),
		                                pass ? date_days(2025, 7, 1) : DATE_NONE, &fx->a,
		                                &r, &fx->e),
		                 0);
		assert_int_equal(figure(&r, FIGURE_VB_QUA_HAN), 0);
		assert_int_equal(figure_of(&r, FIGURE_VB_QUA_HAN)->previous, 1);
		assert_int_equal(figure_of(&r, FIGURE_RNN_BAO_CAO_DUNG_HAN)->previous, 1);
	}
	/* The letter sent today is not overdue yet. */
	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_today() - 30, date_today(),
	                                DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(figure(&r, FIGURE_VB_QUA_HAN), 0);
	assert_int_equal(figure(&r, FIGURE_VB_TRE_HAN), 0);
}

/* Case c moves to each state of to[] on the day beside it (by sys). */
static void steps(struct fixture *fx, int64_t c, const char *const *to, const int32_t *on)
{
	for (size_t i = 0; to[i]; i++) {
		struct case_view v;

		assert_int_equal(case_get(fx->app, &fx->sys, c, &fx->a, &v, &fx->e), 0);
		if (case_transition(fx->app, &fx->sys, c, to[i], on[i], NULL, "Kết luận",
		                    v.c.version, &fx->e) != 0)
			fail_msg("%s: %s", to[i], err_text_en(&fx->e));
	}
}

/* Complaints decided on time or late, denunciations overdue - a
 * denunciation waiting for another body is not (its clock stands), one
 * extended in time is by its extension's limit - by the rules' working
 * days from each case's history, in the period of the letter's receipt; a
 * complaint withdrawn counts nowhere; the drill-down lists the same
 * cases. */
static void test_resolutions_on_time_and_late(void **state)
{
	struct fixture *fx = *state;
	const int32_t opened = date_days(2019, 3, 1);
	struct case_input kn = {.kind = "khieu_nai",
	                        .subtype = "giu_nguyen",
	                        .title = "Khiếu nại kỷ luật",
	                        .opened = opened,
	                        .handling_org = fx->tu};
	struct case_input tc = {
	    .kind = "to_cao", .title = "Tố cáo", .opened = opened, .handling_org = fx->tu};
	static const char *const decide[] = {"xem_xet", "quyet_dinh", NULL};
	static const char *const withdraw[] = {"huy", NULL};
	static const char *const wait[] = {"quyet_dinh", "xac_minh", "cho_co_quan_khac", NULL};
	static const char *const extend[] = {"quyet_dinh", "xac_minh", "gia_han", NULL};
	const int32_t in_time[] = {date_days(2019, 3, 4), date_days(2019, 4, 15)};
	const int32_t late[] = {date_days(2019, 3, 4), date_days(2019, 12, 2)};
	const int32_t waiting[] = {date_days(2019, 3, 4), date_days(2019, 3, 5),
	                           date_days(2019, 3, 6)};
	const int32_t extended[] = {date_days(2019, 3, 4), date_days(2019, 3, 5),
	                            date_days(2019, 6, 3)};
	struct report_period p = {date_days(2019, 1, 1),
	                          date_days(2019, 12, 31),
	                          date_days(2018, 1, 1),
	                          date_days(2018, 12, 31),
	                          0,
	                          0};
	struct report_records_query q = {.figure = FIGURE_TC_QUA_HAN, .limit = 10};
	struct report_records rr;
	struct report r;
	int64_t id[6];

	for (int i = 0; i < 6; i++)
		assert_int_equal(
		    case_create(fx->app, &fx->sys, i < 3 ? &kn : &tc, &fx->a, &id[i], NULL, &fx->e),
		    0);
	steps(fx, id[0], decide, in_time);
	steps(fx, id[1], decide, late);
	steps(fx, id[2], withdraw, in_time);
	steps(fx, id[4], wait, waiting);
	steps(fx, id[5], extend, extended);
	assert_int_equal(
	    report_figures(fx->app, &fx->sys, fx->tu, p.from, p.to, DATE_NONE, &fx->a, &r, &fx->e),
	    0);
	assert_int_equal(figure(&r, FIGURE_KNKL_HO_SO), 3);
	assert_int_equal(figure(&r, FIGURE_KN_GIAI_QUYET), 2);
	assert_int_equal(figure(&r, FIGURE_KNKL_DUNG_HAN), 1);
	assert_int_equal(figure(&r, FIGURE_KNKL_TRE_HAN), 1);
	assert_int_equal(figure(&r, FIGURE_KNKL_QUA_HAN), 0);
	assert_int_equal(figure(&r, FIGURE_TC_DUNG_HAN), 0);
	assert_int_equal(figure(&r, FIGURE_TC_TRE_HAN), 0);
	assert_int_equal(figure(&r, FIGURE_TC_QUA_HAN), 2);
	assert_int_equal(
	    report_records(fx->app, &fx->sys, fx->tu, &p, DATE_NONE, &q, &fx->a, &rr, &fx->e), 0);
	assert_int_equal(rr.count, 2);
	assert_true((rr.records[0].case_id == id[3] && rr.records[1].case_id == id[5]) ||
	            (rr.records[0].case_id == id[5] && rr.records[1].case_id == id[3]));
}

static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* What each case with a subject was about, for a recount of the distinct
 * figures made in the test, without the store. */
struct made {
	int fig; /* 0: kt_to_chuc, 1: gs_chuyen_de_to_chuc, -1: neither */
	int32_t day;
	int64_t subject; /* also the handling organisation */
};
/* When an organisation ended (merged or split, on a random day that may
 * precede records already made for it). */
struct ended {
	int64_t org;
	int32_t day;
};

/* Whether m counts in figure fig over 2015-2024: as at the time (pass 0)
 * only while its organisation existed; under the structure of 31/12/2024
 * (pass 1) under its successor whenever it was. */
static int counted(const struct made *m, int fig, int pass, const struct ended *ended,
                   size_t nended)
{
	if (m->fig != fig || m->day > date_days(2024, 12, 31))
		return 0;
	for (size_t i = 0; !pass && i < nended; i++)
		if (ended[i].org == m->subject && m->day >= ended[i].day)
			return 0;
	return 1;
}

/* Property: after any sequence of writes - cases opened with subjects,
 * findings, travellers and their reports, steps, appraisal outcomes changed
 * back and forth, organisations merged and split - the live counters equal
 * a recount from the raw records, and the report's total equals the sum of
 * its rows under either structure. */
static void test_counters_equal_a_recount_after_random_writes(void **state)
{
	struct fixture *fx = *state;
	struct org_new o;
	int64_t orgs[64], cases[400], diffs = -1;
	size_t norgs = 0, ncases = 0;
	int done[8] = {0}; /* writes that went through, by kind */
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	const char *kinds[] = {"kiem_tra", "giam_sat", "tham_dinh", "ra_nuoc_ngoai"};
	char code[32], name[64];
	struct report r;
	struct made made[600];
	size_t nmade = 0;
	struct ended ended[64];
	size_t nended = 0;

	for (int i = 0; i < 6; i++) {
		snprintf(code, sizeof(code), "X%d", i);
		snprintf(name, sizeof(name), "Đảng bộ xã %d", i);
		o = (struct org_new){code, name, "dang_bo_truc_thuoc", fx->tu,
		                     date_days(2000, 1, 1)};
		assert_int_equal(org_create(fx->app, &fx->sys, &o, &orgs[norgs++], &fx->e), 0);
	}
	for (int step = 0; step < 600; step++) {
		uint64_t x = next_rand(&seed);
		uint64_t y = next_rand(&seed);
		int32_t day = date_days(2015, 1, 1) + (int32_t)(y % 3000);
		int64_t org = orgs[(y >> 16) % norgs];
		struct case_row c;
		int op = (int)(x % 8), got = 0;

		arena_reset(&fx->a);
		err_init(&fx->e);
		if (op >= 3 && op <= 6 &&
		    (!ncases ||
		     store_case_get(app_store(fx->app), cases[y % ncases], &fx->a, &c) < 0))
			op = -1;
		switch (op) {
		case 0:
		case 1:
		case 2: { /* a case, with a subject or not */
			struct case_input in = {.kind = kinds[(y >> 24) % 4],
			                        .title = "Hồ sơ",
			                        .handling_org = org,
			                        .opened = day,
			                        .confidentiality = (int)((y >> 30) % 3),
			                        .subject_orgs = &org,
			                        .nsubject_orgs = (y >> 33) % 4 ? 1 : 0};
			int64_t id;

			if (strcmp(in.kind, "giam_sat") == 0)
				in.subtype = (y >> 35) % 2 ? "chuyen_de" : "thuong_xuyen";
			got = case_create(fx->app, &fx->sys, &in, &fx->a, &id, NULL, &fx->e) == 0;
			if (got && ncases < 400)
				cases[ncases++] = id;
			if (got && in.nsubject_orgs)
				made[nmade++] = (struct made){
				    strcmp(in.kind, "kiem_tra") == 0                     ? 0
				    : in.subtype && strcmp(in.subtype, "chuyen_de") == 0 ? 1
				                                                         : -1,
				    day, org};
			op = 0;
			break;
		}
		case 3: { /* a finding on an inspection's subject */
			struct case_subject_list subj;
			int64_t f;

			got = strcmp(c.kind, "kiem_tra") == 0 &&
			      store_case_subjects(app_store(fx->app), c.id, &fx->a, &subj) == 0 &&
			      subj.n &&
			      finding_add(fx->app, &fx->sys, c.id, subj.v[0].id, "Nhận xét",
			                  (y >> 40) % 2 ? "vi_pham_chua_den_muc" : "khong_vi_pham",
			                  &f, &fx->e) == 0;
			break;
		}
		case 4: { /* a step along the machine */
			const struct case_kind *k = case_kind_find(c.kind);

			for (size_t i = 0; i < k->nsteps; i++)
				if (strcmp(k->steps[i].from, c.state) == 0) {
					got = case_transition(fx->app, &fx->sys, c.id,
					                      k->steps[i].to, c.opened + 5, NULL,
					                      "Kết luận", c.version, &fx->e) == 0;
					break;
				}
			break;
		}
		case 5: { /* an appraisal outcome, set and changed */
			struct appraisal_input ai = {.outcome = (y >> 44) % 2 ? "khong_dat" : NULL};

			got = strcmp(c.kind, "tham_dinh") == 0 &&
			      appraisal_set(fx->app, &fx->sys, c.id, &ai, &fx->e) == 0;
			break;
		}
		case 6: { /* a traveller, back, and maybe the report */
			struct person_input p = {
			    .full_name = "Lò Văn Muôn", .joined = "01/01/2010", .org_id = fx->tu};
			int64_t pid, tid;

			got =
			    strcmp(c.kind, "ra_nuoc_ngoai") == 0 &&
			    person_create(fx->app, &fx->sys, &p, &pid, &fx->e) == 0 &&
			    traveller_add(fx->app, &fx->sys, c.id, pid, 0, 0, &tid, &fx->e) == 0 &&
			    traveller_record(fx->app, &fx->sys, tid, TRAVELLER_DEPARTED,
			                     c.opened + 1, 0, &fx->e) == 0 &&
			    traveller_record(fx->app, &fx->sys, tid, TRAVELLER_RETURNED,
			                     c.opened + 3, 0, &fx->e) == 0;
			if (got && (y >> 48) % 2)
				traveller_record(fx->app, &fx->sys, tid, TRAVELLER_REPORT,
				                 c.opened + 5, 0, &fx->e);
			break;
		}
		case 7: /* the structure changes: a merge or a split */
			if (norgs > 3 && (y >> 50) % 2) {
				int64_t from = orgs[0], into = orgs[1];

				got = org_merge(fx->app, &fx->sys, &from, 1, into, NULL, day, "QĐ",
				                NULL, &fx->e) == 0;
				if (got) {
					ended[nended++] = (struct ended){from, day};
					memmove(orgs, orgs + 1, (norgs - 1) * sizeof(orgs[0]));
					norgs--;
				}
			} else if (norgs < 60) {
				struct org_new parts[2];
				char c1[32], c2[32];
				int64_t ids[2];

				snprintf(c1, sizeof(c1), "S%da", step);
				snprintf(c2, sizeof(c2), "S%db", step);
				parts[0] = (struct org_new){c1, "Phần A", "dang_bo_truc_thuoc",
				                            fx->tu, day};
				parts[1] = (struct org_new){c2, "Phần B", "dang_bo_truc_thuoc",
				                            fx->tu, day};
				got = org_split(fx->app, &fx->sys, org, parts, 2, 0, NULL, 0, day,
				                "QĐ", ids, &fx->e) == 0;
				if (got) {
					ended[nended++] = (struct ended){org, day};
					for (size_t i = 0; i < norgs; i++)
						if (orgs[i] == org)
							orgs[i] = ids[0];
					orgs[norgs++] = ids[1];
				}
			}
			break;
		default:
			break;
		}
		if (op >= 0)
			done[op] += got;
		err_release(&fx->e);
	}
	err_init(&fx->e);
	print_message("cases %d, findings %d, steps %d, outcomes %d, travellers %d, "
	              "merges or splits %d\n",
	              done[0], done[3], done[4], done[5], done[6], done[7]);
	assert_true(done[0] > 50 && done[3] > 0 && done[4] > 0 && done[5] > 0 && done[6] > 0 &&
	            done[7] > 0);
	assert_int_equal(report_verify(fx->app, &fx->sys, &diffs, &fx->e), 0);
	assert_int_equal(diffs, 0);
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2015, 1, 1),
		                                date_days(2024, 12, 31),
		                                pass ? date_days(2024, 12, 31) : DATE_NONE, &fx->a,
		                                &r, &fx->e),
		                 0);
		for (size_t m = 0; m < r.nfigures; m++) {
			int64_t sum = 0, dsum = 0;

			for (size_t i = 0; i < r.nrows; i++) {
				sum += r.rows[i].n[m];
				dsum += r.rows[i].d[m];
				assert_true(r.rows[i].d[m] <= r.rows[i].n[m]);
			}
			assert_int_equal(sum, r.figures[m].total);
			/* an organisation may count in two rows, never in none */
			assert_true(r.figures[m].distinct <= r.figures[m].total);
			assert_true(dsum >= r.figures[m].distinct);
			assert_true(r.figures[m].distinct > 0 || r.figures[m].total == 0 ||
			            !r.figures[m].def->distinct_vi);
		}
		/* The distinct organisations inspected and under thematic
		 * supervision, recounted from what was made. */
		for (int fig = 0; fig < 2; fig++) {
			int64_t want = 0;

			for (size_t i = 0; i < nmade; i++) {
				size_t j = 0;

				if (!counted(&made[i], fig, pass, ended, nended))
					continue;
				while (j < i && !(counted(&made[j], fig, pass, ended, nended) &&
				                  made[j].subject == made[i].subject))
					j++;
				want += j == i;
			}
			assert_true(want > 0);
			assert_int_equal(
			    figure_of(&r, fig ? FIGURE_GS_CHUYEN_DE_TO_CHUC : FIGURE_KT_TO_CHUC)
			        ->distinct,
			    want);
		}
	}
}

TEST_MAIN(cmocka_unit_test(test_store_defines_every_counted_figure),
          FIXTURE_TEST(test_counters_follow_the_records, fixture_setup),
          FIXTURE_TEST(test_structure_brings_records_from_another_tree, fixture_setup),
          FIXTURE_TEST(test_figures_from_deadlines, fixture_setup),
          FIXTURE_TEST(test_resolutions_on_time_and_late, fixture_setup),
          FIXTURE_TEST(test_counters_equal_a_recount_after_random_writes, fixture_setup))
