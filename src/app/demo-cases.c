/*
 * demo-cases.c - the demo province's cases, from 2015 to today, made
 * through the same use cases as a user's work (case_create,
 * case_transition, finding_add, trip_set, ...), so they obey every rule.
 *
 * The records opened in 2015-2019 give, for the province's whole tree,
 * exactly the figures of the Điện Biên five-year review (DOMAIN.md §1):
 *
 *   inspections (kiem_tra): 505 organisation and 824 member subjects
 *     (occurrences), of which 94 and 72 with a finding of violation (any
 *     conclusion but khong_vi_pham);
 *   thematic supervision (giam_sat, chuyen_de): 212 organisation and 421
 *     member subjects;
 *   778 political-standard appraisals (tham_dinh);
 *   512 trips abroad (ra_nuoc_ngoai; a private trip is a delegation of one)
 *     with 2,611 travellers (person-trips), every return report received.
 *
 * Each is counted in the year its case was opened.  Other years are drawn
 * around the same yearly means.  Every step is dated in working days from
 * the opening; a step that would fall after today is not taken, so recent
 * cases stay open where they are (some of them overdue): appraisals
 * waiting, letters unanswered, return reports missing, remedies not done.
 *
 * A province of the national dataset, with about five times the members,
 * has every quota times g->case_pct / 100 (its 2015-2019 figures are
 * exactly 5 times those above).  Each province is made on its own, with its
 * own tree, members and case registers; the memory used is freed before
 * the next one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/admission.h"
#include "app/appraisal.h"
#include "app/case.h"
#include "app/demoInt.h"
#include "app/denunciation.h"
#include "app/discipline.h"
#include "app/finding.h"
#include "app/inspection.h"
#include "app/letter.h"
#include "app/patch.h"
#include "app/petition.h"
#include "app/stay.h"
#include "app/trip.h"
#include "cal/cal.h"
#include "core/date.h"
#include "core/figure.h"
#include "store/store.h"

#include "core/banned.h"

#define FIRST_YEAR  2015
#define MAX_SUBJECT 8

/* The five-year review, 2015-2019 (DOMAIN.md §1): the figures a year's
 * records are drawn to give (the others are 0: not drawn). */
static const int review[FIGURE__MAX] = {
    [FIGURE_KT_TO_CHUC] = 505,
    [FIGURE_KT_TO_CHUC_VI_PHAM] = 94,
    [FIGURE_KT_DANG_VIEN] = 824,
    [FIGURE_KT_DANG_VIEN_VI_PHAM] = 72,
    [FIGURE_GS_CHUYEN_DE_TO_CHUC] = 212,
    [FIGURE_GS_CHUYEN_DE_DANG_VIEN] = 421,
    [FIGURE_TD_HO_SO] = 778,
    [FIGURE_RNN_DOAN] = 512,
    [FIGURE_RNN_LUOT] = 2611,
};

struct quota {
	int f[FIGURE__MAX];
	int admissions, regular, stays; /* not in the review's figures */
};

/* A place for a case: who handles it and whom it may be about. */
struct where {
	int64_t handler;
	int64_t self; /* the unit's own committee (a subject when the province handles) */
	const int64_t *pool;
	size_t npool;
	int unit; /* for its members */
};

struct cg {
	struct gen *g;
	struct app *app;
	const struct cal *cal;
	struct arena a;
	int32_t today, reform;
	int32_t horizon; /* the current case's work stops after this day */
	int64_t ncases;
	int year; /* being made, for the progress report */
	/* after the reform, each new commune's grassroots */
	int64_t *post_pool[10][8];
	size_t npost[10][8];
	int docno;
};

/* ---- small helpers ---- */

static int fail_nomem(struct cg *c)
{
	return err_set(c->g->e, HOSO_E_NOMEM, NULL, NULL, NULL);
}

/* The working day n working days after *t (n drawn from lo..hi); 0 when
 * that is after today (the step is not taken yet), else 1. */
static int next(struct cg *c, int32_t *t, int lo, int hi)
{
	int32_t r;

	if (cal_add_workdays(c->cal, *t, between(&c->g->rng, lo, hi), NULL, 0, &r) < 0 ||
	    r > c->horizon)
		return 0;
	*t = r;
	return 1;
}

static int32_t workday_on_or_after(struct cg *c, int32_t d)
{
	int32_t r = d;

	cal_add_workdays(c->cal, d, 0, NULL, 0, &r);
	return r;
}

/* A day of year y on which a case may open (never after today). */
static int32_t opening_day(struct cg *c, int y)
{
	int32_t lo = date_days(y, 1, 6), hi = date_days(y, 12, 10);

	if (hi > c->today)
		hi = c->today;
	return workday_on_or_after(c, lo + (int32_t)below(&c->g->rng, (uint32_t)(hi - lo + 1)));
}

/* Yearly parts of total over n years, each within ±15 % of the mean,
 * summing exactly to total. */
static void split(struct rng *r, int total, int n, int *out)
{
	int left = total;

	for (int i = 0; i < n; i++) {
		int mean = left / (n - i), j = mean * 15 / 100;

		out[i] = i == n - 1 ? left : mean + between(r, -j, j);
		left -= out[i];
	}
}

static void pick_where(struct cg *c, int32_t day, struct where *w)
{
	struct gen *g = c->g;
	int province = below(&g->rng, 100) < 15;
	int u = below(&g->rng, 100) < 70 ? (int)below(&g->rng, 10) : 10 + (int)below(&g->rng, 4);

	memset(w, 0, sizeof(*w));
	w->unit = u;
	if (u >= 10 || day < c->reform) {
		w->self = g->units[u].id;
		w->pool = g->units[u].grassroots;
		w->npool = g->units[u].ngrassroots;
	} else { /* a district is gone: one of its new communes */
		int i = (int)below(&g->rng, (uint32_t)g->nnew[u]);

		w->self = g->new_communes[u][i];
		w->pool = c->post_pool[u][i];
		w->npool = c->npost[u][i];
	}
	w->handler = province || !w->npool ? g->tu : w->self;
}

/* n distinct subject organisations from w (the unit's committee itself
 * when the province handles and the pool runs short). */
static size_t pick_orgs(struct cg *c, const struct where *w, size_t n, int64_t *out)
{
	size_t k = 0;

	if (w->handler == c->g->tu && (!w->npool || below(&c->g->rng, 100) < 20))
		out[k++] = w->self;
	for (int tries = 0; k < n && w->npool && tries < 50; tries++) {
		int64_t id = w->pool[below(&c->g->rng, (uint32_t)w->npool)];
		size_t i = 0;

		while (i < k && out[i] != id)
			i++;
		if (i == k)
			out[k++] = id;
	}
	return k;
}

/* A random person of w's unit (any status). */
static int64_t draw_person(struct cg *c, const struct where *w)
{
	const struct unit *u = &c->g->units[w->unit];

	return u->person_lo +
	       (int64_t)below(&c->g->rng, (uint32_t)(u->person_hi - u->person_lo + 1));
}

/* Whether person id was a member (full or probationary, for a year) on day;
 * its row in *ret. */
static int member_on(struct cg *c, int64_t id, int32_t day, struct person_row *ret)
{
	if (store_person_get(app_store(c->app), id, &c->a, ret) < 0)
		return 0;
	return ret->admission_date != DATE_NONE && ret->admission_date + 365 <= day &&
	       (strcmp(ret->status, "chinh_thuc") == 0 || strcmp(ret->status, "du_bi") == 0);
}

/* A member of w's unit who was a member on day: 40 draws at most. */
static int64_t pick_person(struct cg *c, const struct where *w, int32_t day, struct person_row *ret)
{
	for (int tries = 0; tries < 40; tries++) {
		int64_t id = draw_person(c, w);

		if (member_on(c, id, day, ret))
			return id;
	}
	return 0;
}

/* Up to n different members of w's unit on day into out[0..n), each from 40
 * draws at most (a draw already in out counts as a miss). */
static size_t pick_persons(struct cg *c, const struct where *w, int32_t day, size_t n, int64_t *out)
{
	struct person_row p;
	size_t k = 0;

	while (k < n) {
		int64_t id = 0;

		for (int tries = 0; tries < 40 && !id; tries++) {
			int64_t drawn = draw_person(c, w);
			size_t i = 0;

			while (i < k && out[i] != drawn)
				i++;
			if (i == k && member_on(c, drawn, day, &p))
				id = drawn;
		}
		if (!id)
			break;
		out[k++] = id;
	}
	return k;
}

static int open_case(struct cg *c, const char *kind, const char *subtype, const char *title,
                     const struct where *w, int32_t day, int conf, const int64_t *orgs,
                     size_t norgs, const int64_t *persons, size_t npersons, int64_t linked,
                     int64_t *ret)
{
	struct case_input in = {.kind = kind,
	                        .subtype = subtype,
	                        .title = title,
	                        .handling_org = w->handler,
	                        .opened = day,
	                        .confidentiality = conf,
	                        .linked_case = linked,
	                        .subject_orgs = orgs,
	                        .nsubject_orgs = norgs,
	                        .subject_persons = persons,
	                        .nsubject_persons = npersons};
	int rc = case_create(c->app, c->g->who, &in, &c->a, ret, NULL, c->g->e);

	/* A third of the cases of the last four months stall somewhere: what
	 * the overview shows as due and overdue. */
	c->horizon = c->today;
	if (c->today - day < 120 && below(&c->g->rng, 100) < 35)
		c->horizon = day + (int32_t)below(&c->g->rng, (uint32_t)(c->today - day + 1));
	if (rc == 0 && ++c->ncases % 500 == 0)
		demo_report(c->g, DEMO_STEP_CASES, c->ncases, c->year);
	return rc;
}

static int step(struct cg *c, int64_t id, const char *to, int32_t day, const char *note,
                const char *conclusion)
{
	struct case_row r;
	int rc = store_case_get(app_store(c->app), id, &c->a, &r);

	if (rc < 0)
		return err_set(c->g->e, rc, NULL, NULL, NULL);
	return case_transition(c->app, c->g->who, id, to, day, note, conclusion, r.version,
	                       c->g->e);
}

/* A document of the case: "Số 15-QĐ/UBKTTU" style number and symbol. */
static int document(struct cg *c, int64_t id, const struct where *w, const char *type,
                    const char *title, int32_t day)
{
	char ns[64];
	const char *sym = w->handler == c->g->tu ? "UBKTTU" : "UBKT";
	struct case_document_input in = {
	    .number_symbol = ns,
	    .issuer = w->handler == c->g->tu ? "Ủy ban Kiểm tra Tỉnh ủy" : "Ủy ban Kiểm tra cấp ủy",
	    .title = title,
	    .doc_date = day};
	int64_t did;

	snprintf(ns, sizeof(ns), "%d-%s/%s", ++c->docno % 900 + 1, type, sym);
	return case_add_document(c->app, c->g->who, id, &in, &did, c->g->e);
}

/* ---- inspection, and the discipline it may lead to ---- */

static const char *const inspection_titles[][2] = {
    {"chap_hanh", "Kiểm tra việc chấp hành nghị quyết, chỉ thị của Đảng năm %d"},
    {"chuyen_de", "Kiểm tra chuyên đề công tác bảo vệ chính trị nội bộ năm %d"},
    {"dau_hieu_vi_pham", "Kiểm tra khi có dấu hiệu vi phạm (%d)"},
    {"cap_duoi_kt_kl", "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, thi hành kỷ luật năm %d"},
    {"tai_chinh_dang_phi", "Kiểm tra tài chính đảng, thu nộp đảng phí năm %d"},
};

struct viol {
	int left, viol; /* subjects still to conclude this year, violations among them */
};

static const char *draw_conclusion(struct cg *c, struct viol *v)
{
	int hit = (int)below(&c->g->rng, (uint32_t)(v->left > 0 ? v->left : 1)) < v->viol;
	uint32_t r = below(&c->g->rng, 100);

	if (v->left > 0)
		v->left--;
	if (!hit)
		return "khong_vi_pham";
	v->viol--;
	return r < 55 ? "vi_pham_chua_den_muc" : r < 85 ? "vi_pham_phai_ky_luat" : "da_ky_luat";
}

static int discipline_case(struct cg *c, const struct where *w, int64_t inspection, int32_t t,
                           int64_t org, int64_t person)
{
	static const char *const person_forms[] = {"khien_trach", "canh_cao", "cach_chuc",
	                                           "khai_tru"};
	struct discipline_input d = {.org_id = org, .person_id = person, .decided = DATE_NONE};
	struct person_row p;
	struct org_row o;
	int64_t id, did;
	int32_t opened = t;
	int rc;

	/* An inspection open across 1/7/2025 may conclude after its subject
	 * was merged away: no organisation is left to discipline.  (Rare: it
	 * never happens in the demo province, only in the larger national
	 * provinces.) */
	if (org && store_org_at(app_store(c->app), org, t, &c->a, &o) < 0)
		return 0;
	if (person) {
		if (store_person_get(app_store(c->app), person, &c->a, &p) < 0)
			return 0;
		d.form = strcmp(p.status, "chinh_thuc") == 0 ? PICK(&c->g->rng, person_forms)
		         : below(&c->g->rng, 2)              ? "canh_cao"
		                                             : "khien_trach";
	} else {
		d.form = below(&c->g->rng, 3) ? "khien_trach" : "canh_cao";
	}
	rc = open_case(c, case_kind_code(KIND_DISCIPLINE), NULL,
	               "Xem xét thi hành kỷ luật sau kiểm tra", w, t, below(&c->g->rng, 4) == 0,
	               org ? &org : NULL, org ? 1 : 0, person ? &person : NULL, person ? 1 : 0,
	               inspection, &id);
	if (rc < 0 || !next(c, &t, 3, 10) ||
	    (rc = step(c, id, "xem_xet", t, "Tổ chức họp xem xét", NULL)) < 0 ||
	    !next(c, &t, 5, 15))
		return rc;
	d.violation = opened - between(&c->g->rng, 30, 400);
	d.decided = t;
	if ((rc = discipline_decide(c->app, c->g->who, id, &d, &did, c->g->e)) < 0 ||
	    (rc = step(c, id, "quyet_dinh", t, NULL, "Quyết định thi hành kỷ luật")) < 0 ||
	    (rc = document(c, id, w, "QĐ", "Quyết định thi hành kỷ luật", t)) < 0)
		return rc;
	if (person && below(&c->g->rng, 10) < 7) {
		if (!next(c, &t, 5, 35) ||
		    (rc = step(c, id, "thi_hanh", t,
		               "Đề nghị cơ quan, đơn vị xử lý kỷ luật hành chính", NULL)) < 0)
			return rc;
	}
	/* One in twenty waited for a complaint before closing; complaints are
	 * cases of their own now, made from the register's letters (demo
	 * petitions), and the draws stay so that every later figure does. */
	if (below(&c->g->rng, 20) == 0) {
		if (!next(c, &t, 5, 20) || !next(c, &t, 20, 100))
			return 0;
		return step(c, id, "dong", t, NULL, NULL);
	}
	if (!next(c, &t, 10, 40))
		return 0;
	return step(c, id, "dong", t, NULL, NULL);
}

/* One inspection of subjects orgs or persons (one of the two). */
/* Who inspects: the commission on signs of violation, finances and the
 * lower bodies' own inspection; the committee or its standing committee
 * for compliance and thematic ones.  Chosen without a draw (by the case's
 * id), so that the cases after it stay what they were. */
static int inspection_actor(struct cg *c, int64_t id, const char *type)
{
	struct inspection_input in = {.sent = PATCH_LISTED | 1u << INSPECTION_ACTOR};
	enum inspection_actor a = INSPECTION_UBKT;

	if (strcmp(type, "chap_hanh") == 0 || strcmp(type, "chuyen_de") == 0)
		a = id % 3 == 0 ? INSPECTION_CAP_UY : INSPECTION_BAN_THUONG_VU;
	in.actor = inspection_actor_name(a);
	return inspection_set(c->app, c->g->who, id, &in, c->g->e);
}

static int inspection(struct cg *c, int y, const struct where *w, int32_t t, const int64_t *orgs,
                      size_t norgs, const int64_t *persons, size_t npersons, void *arg)
{
	struct viol *v = arg;
	const char *const *tt = inspection_titles[0];
	uint32_t r = below(&c->g->rng, 100);
	struct case_subject_list subj;
	char title[200], concl[200];
	int64_t id, findings[MAX_SUBJECT];
	const char *what[MAX_SUBJECT];
	int discipline = 0, nviol = 0, open = 0, rc;

	if (norgs)
		tt = inspection_titles[r < 60 ? 0 : r < 75 ? 1 : r < 85 ? 2 : r < 95 ? 3 : 4];
	else
		tt = inspection_titles[r < 45 ? 2 : 0];
	snprintf(title, sizeof(title), tt[1], y);
	rc = open_case(c, case_kind_code(KIND_INSPECTION), tt[0], title, w, t,
	               below(&c->g->rng, 4) == 0, orgs, norgs, persons, npersons, 0, &id);
	if (rc == 0)
		rc = inspection_actor(c, id, tt[0]);
	if (rc < 0 || !next(c, &t, 2, 10) || (rc = step(c, id, "quyet_dinh", t, NULL, NULL)) < 0 ||
	    (rc = document(c, id, w, "QĐ", "Quyết định kiểm tra", t)) < 0 || !next(c, &t, 5, 15) ||
	    (rc = step(c, id, "tu_kiem_diem", t, NULL, NULL)) < 0 || !next(c, &t, 5, 15) ||
	    (rc = step(c, id, "tham_tra", t, NULL, NULL)) < 0 || !next(c, &t, 5, 20))
		return rc;
	if ((rc = store_case_subjects(app_store(c->app), id, &c->a, &subj)) < 0)
		return err_set(c->g->e, rc, NULL, NULL, NULL);
	for (size_t i = 0; i < subj.n && i < MAX_SUBJECT; i++) {
		what[i] = draw_conclusion(c, v);
		nviol += strcmp(what[i], "khong_vi_pham") != 0;
		discipline |= strcmp(what[i], "vi_pham_phai_ky_luat") == 0;
		rc = finding_add(c->app, c->g->who, id, subj.v[i].id,
		                 strcmp(what[i], "khong_vi_pham") == 0
		                     ? "Thực hiện đúng quy định"
		                     : "Có thiếu sót, vi phạm trong lãnh đạo, chỉ đạo và thực hiện",
		                 what[i], &findings[i], c->g->e);
		if (rc < 0)
			return rc;
	}
	snprintf(concl, sizeof(concl), "Kết luận: %d/%zu đối tượng có vi phạm", nviol, subj.n);
	if ((rc = step(c, id, "ket_luan", t, NULL, concl)) < 0 || !next(c, &t, 2, 8) ||
	    (rc = step(c, id, "thong_bao", t, NULL, NULL)) < 0 ||
	    (rc = document(c, id, w, "TB", "Thông báo kết luận kiểm tra", t)) < 0)
		return rc;
	if (discipline) {
		if (!next(c, &t, 2, 8) || (rc = step(c, id, "ky_luat", t, NULL, NULL)) < 0)
			return rc;
		for (size_t i = 0; i < subj.n && i < MAX_SUBJECT; i++) {
			int32_t horizon = c->horizon; /* the discipline case has its own */

			if (strcmp(what[i], "vi_pham_phai_ky_luat") == 0 &&
			    (rc = discipline_case(c, w, id, t, subj.v[i].org_id,
			                          subj.v[i].person_id)) < 0)
				return rc;
			c->horizon = horizon;
		}
	}
	if (!next(c, &t, 3, 10) || (rc = step(c, id, "theo_doi", t, NULL, NULL)) < 0)
		return rc;
	for (size_t i = 0; i < subj.n && i < MAX_SUBJECT; i++) {
		int64_t rid;
		int32_t due, done = t;

		if (strcmp(what[i], "khong_vi_pham") == 0)
			continue;
		if (cal_add_workdays(c->cal, t, between(&c->g->rng, 20, 60), NULL, 0, &due) < 0)
			due = t + 60;
		rc = remedy_add(c->app, c->g->who, findings[i],
		                "Tổ chức kiểm điểm, khắc phục hạn chế, thiếu sót đã được chỉ ra",
		                subj.v[i].org_id ? "Cấp ủy được kiểm tra"
		                                 : "Đảng viên được kiểm tra",
		                due, &rid, c->g->e);
		if (rc < 0)
			return rc;
		/* Most remedies are done in time, some late, recent ones not yet. */
		if (!next(c, &done, 15, below(&c->g->rng, 5) ? 55 : 80))
			open++;
		else if ((rc = remedy_done(c->app, c->g->who, rid, done, "Đã khắc phục xong", 1,
		                           c->g->e)) < 0)
			return rc;
	}
	if (!next(c, &t, 40, 90))
		return 0;
	return step(c, id, "dong", t,
	            open ? "Kết thúc theo dõi tại cấp kiểm tra; cấp ủy cơ sở tiếp tục theo dõi "
	                   "các biện pháp còn lại"
	                 : NULL,
	            NULL);
}

/* Opens and carries one case about the subjects given (organisations or
 * members). */
typedef int (*make_fn)(struct cg *c, int y, const struct where *w, int32_t t, const int64_t *orgs,
                       size_t norgs, const int64_t *persons, size_t npersons, void *arg);

/* Cases made by make until total subjects are covered (members when
 * persons, else organisations), lo..hi subjects a case. */
static int cover(struct cg *c, int y, int total, int persons, int lo, int hi, make_fn make,
                 void *arg)
{
	int64_t s[MAX_SUBJECT];
	int rc = 0;

	for (int left = total; rc == 0 && left > 0;) {
		struct where w;
		int32_t t = opening_day(c, y);
		size_t want = (size_t)between(&c->g->rng, lo, hi), k;

		pick_where(c, t, &w);
		if (want > (size_t)left)
			want = (size_t)left;
		k = persons ? pick_persons(c, &w, t, want, s) : pick_orgs(c, &w, want, s);
		if (k == 0)
			continue;
		rc = persons ? make(c, y, &w, t, NULL, 0, s, k, arg)
		             : make(c, y, &w, t, s, k, NULL, 0, arg);
		left -= (int)k;
		arena_reset(&c->a); /* a year of national cases would not fit */
	}
	return rc;
}

static int inspections(struct cg *c, int y, const struct quota *q)
{
	struct viol vo = {q->f[FIGURE_KT_TO_CHUC], q->f[FIGURE_KT_TO_CHUC_VI_PHAM]},
	            vp = {q->f[FIGURE_KT_DANG_VIEN], q->f[FIGURE_KT_DANG_VIEN_VI_PHAM]};
	int rc = cover(c, y, q->f[FIGURE_KT_TO_CHUC], 0, 1, 3, inspection, &vo);

	return rc < 0 ? rc : cover(c, y, q->f[FIGURE_KT_DANG_VIEN], 1, 1, 3, inspection, &vp);
}

/* ---- supervision ---- */

static int supervision(struct cg *c, int y, const struct where *w, int32_t t, int thematic,
                       const int64_t *orgs, size_t norgs, const int64_t *persons, size_t npersons)
{
	static const char *const themes[] = {
	    "Giám sát chuyên đề việc thực hiện Chỉ thị 39-CT/TW năm %d",
	    "Giám sát chuyên đề việc tu dưỡng, rèn luyện đạo đức, lối sống năm %d",
	    "Giám sát chuyên đề việc kê khai tài sản, thu nhập năm %d",
	    "Giám sát chuyên đề công tác bảo vệ chính trị nội bộ năm %d",
	};
	char title[200];
	int64_t id;
	int rc;

	snprintf(title, sizeof(title),
	         thematic ? PICK(&c->g->rng, themes) : "Giám sát thường xuyên năm %d", y);
	rc = open_case(c, case_kind_code(KIND_SUPERVISION), thematic ? "chuyen_de" : "thuong_xuyen",
	               title, w, t, 0, orgs, norgs, persons, npersons, 0, &id);
	if (rc < 0)
		return rc;
	if (!thematic) {
		if (!next(c, &t, 1, 5) || (rc = step(c, id, "thuc_hien", t, NULL, NULL)) < 0 ||
		    !next(c, &t, 40, 120))
			return rc;
		return step(c, id, "dong", t, NULL, "Không phát hiện dấu hiệu vi phạm");
	}
	if (!next(c, &t, 2, 10) || (rc = step(c, id, "quyet_dinh", t, NULL, NULL)) < 0 ||
	    (rc = document(c, id, w, "QĐ", "Quyết định giám sát chuyên đề", t)) < 0 ||
	    !next(c, &t, 3, 10) || (rc = step(c, id, "thuc_hien", t, NULL, NULL)) < 0 ||
	    !next(c, &t, 15, 45) ||
	    (rc = step(c, id, "thong_bao", t, NULL,
	               "Cơ bản thực hiện tốt; còn một số hạn chế cần khắc phục")) < 0 ||
	    (rc = document(c, id, w, "TB", "Thông báo kết quả giám sát", t)) < 0 ||
	    !next(c, &t, 5, 20))
		return rc;
	return step(c, id, "dong", t, NULL, NULL);
}

static int thematic(struct cg *c, int y, const struct where *w, int32_t t, const int64_t *orgs,
                    size_t norgs, const int64_t *persons, size_t npersons, void *arg)
{
	(void)arg;
	return supervision(c, y, w, t, 1, orgs, norgs, persons, npersons);
}

static int supervisions(struct cg *c, int y, const struct quota *q)
{
	int64_t s[MAX_SUBJECT];
	int rc = cover(c, y, q->f[FIGURE_GS_CHUYEN_DE_TO_CHUC], 0, 1, 3, thematic, NULL);

	if (rc == 0)
		rc = cover(c, y, q->f[FIGURE_GS_CHUYEN_DE_DANG_VIEN], 1, 2, 5, thematic, NULL);
	for (int i = 0; rc == 0 && i < q->regular; i++) {
		struct where w;
		int32_t t = opening_day(c, y);

		pick_where(c, t, &w);
		if (pick_orgs(c, &w, 1, s) == 1)
			rc = supervision(c, y, &w, t, 0, s, 1, NULL, 0);
		arena_reset(&c->a);
	}
	return rc;
}

/* ---- political-standard appraisal ---- */

static int appraisals(struct cg *c, int y, const struct quota *q)
{
	static const char *const purposes[][4] = {
	    {"bo_nhiem", "bổ nhiệm", "Trưởng phòng", "bổ nhiệm chức vụ Trưởng phòng"},
	    {"bau_cu", "bầu cử", "Ủy viên Ban Chấp hành đảng bộ cấp huyện",
	     "ứng cử cấp ủy cấp huyện"},
	    {"quy_hoach", "quy hoạch", "cấp phó phòng", "đưa vào quy hoạch cấp phó phòng"},
	    {"luan_chuyen", "luân chuyển", "Phó Bí thư Đảng ủy xã", "luân chuyển về cấp xã"},
	    {"dao_tao_nuoc_ngoai", "đào tạo ở nước ngoài", "đi đào tạo ở nước ngoài",
	     "đi đào tạo ở nước ngoài"},
	    {"khac", "khác", "đến cấp trưởng phòng", "đảm nhiệm chức vụ đến cấp trưởng phòng"},
	};
	int rc = 0;

	for (int i = 0; rc == 0 && i < q->f[FIGURE_TD_HO_SO];) {
		const char *const *p = purposes[below(&c->g->rng, 6)];
		struct appraisal_input ai = {0};
		struct person_row pr;
		struct where w;
		int32_t t = opening_day(c, y);
		char title[160], concl[300];
		int64_t person, id, doc;
		uint32_t r = below(&c->g->rng, 100);

		arena_reset(&c->a);
		pick_where(c, t, &w);
		if (!(person = pick_person(c, &w, t, &pr)))
			continue;
		i++;
		snprintf(title, sizeof(title), "Thẩm định tiêu chuẩn chính trị (%s)", p[1]);
		ai.requester = w.handler == c->g->tu ? "Ban Tổ chức Tỉnh ủy" : "Ban Tổ chức cấp ủy";
		if ((rc = open_case(c, case_kind_code(KIND_APPRAISAL), p[0], title, &w, t,
		                    below(&c->g->rng, 5) == 0, NULL, 0, &person, 1, 0, &id)) < 0 ||
		    (rc = appraisal_set(c->app, c->g->who, id, &ai, c->g->e)) < 0 ||
		    (rc = appraisal_doc_put(c->app, c->g->who, id, "Sơ yếu lý lịch", 1, &doc,
		                            c->g->e)) < 0 ||
		    (rc = appraisal_doc_put(c->app, c->g->who, id, "Bản tự kiểm điểm", r >= 20,
		                            &doc, c->g->e)) < 0)
			break;
		if (r < 20) { /* a document missing: the clock pauses */
			if (!next(c, &t, 1, 3) ||
			    (rc = step(c, id, "cho_bo_sung", t, "Thiếu bản tự kiểm điểm", NULL)) <
			        0 ||
			    !next(c, &t, 3, 12) ||
			    (rc = appraisal_doc_put(c->app, c->g->who, id, "Bản tự kiểm điểm", 1,
			                            &doc, c->g->e)) < 0 ||
			    (rc = step(c, id, "tiep_nhan", t, NULL, NULL)) < 0)
				continue;
		} else if (r < 40) { /* a verification first */
			if (!next(c, &t, 1, 2) ||
			    (rc = step(c, id, "xac_minh", t, NULL, NULL)) < 0 ||
			    !next(c, &t, 5, 15) ||
			    (rc = step(c, id, "tiep_nhan", t, "Đã có kết quả xác minh", NULL)) < 0)
				continue;
		}
		if (!next(c, &t, 1, below(&c->g->rng, 10) ? 5 : 9))
			continue;
		r = below(&c->g->rng, 100);
		if (r < 3) {
			ai.outcome = "chuyen_cap_tren";
			if ((rc = appraisal_set(c->app, c->g->who, id, &ai, c->g->e)) == 0)
				rc =
				    step(c, id, "chuyen_cap_tren", t, NULL,
				         "Có vấn đề về lịch sử chính trị; chuyển cấp trên xem xét");
			continue;
		}
		if (r < 5) {
			ai.outcome = "khong_dat";
			snprintf(concl, sizeof(concl),
			         "Đồng chí %s chưa đủ tiêu chuẩn chính trị để %s", pr.full_name,
			         p[3]);
		} else {
			ai.outcome = "dat";
			ai.position = p[2];
			snprintf(concl, sizeof(concl), "Đồng chí %s đủ tiêu chuẩn chính trị để %s",
			         pr.full_name, p[3]);
		}
		if ((rc = appraisal_set(c->app, c->g->who, id, &ai, c->g->e)) == 0)
			rc = step(c, id, "ket_luan", t, NULL, concl);
	}
	return rc;
}

/* ---- admission background checks and their letters ---- */

static int letter(struct cg *c, int64_t case_id, const char *recipient, const char *about,
                  int32_t sent, int32_t *ret_answered)
{
	struct letter_input in = {.recipient = recipient, .about = about, .sent = sent};
	int64_t id, version = 1;
	int32_t t = sent, answer = sent;
	int late = below(&c->g->rng, 4) == 0, rc;

	*ret_answered = DATE_NONE;
	if ((rc = letter_add(c->app, c->g->who, case_id, &in, &id, c->g->e)) < 0)
		return rc;
	if (!next(c, &answer, 8, late ? 50 : 28)) /* unanswered yet */
		answer = DATE_NONE;
	/* A reminder after 25 working days, escalation after 35, if unanswered. */
	if (cal_add_workdays(c->cal, sent, 25, NULL, 0, &t) == 0 && t <= c->today &&
	    (answer == DATE_NONE || answer > t)) {
		if ((rc = letter_update(c->app, c->g->who, id, LETTER_REMIND, t, NULL, version++, 1,
		                        c->g->e)) < 0)
			return rc;
		if (cal_add_workdays(c->cal, sent, 35, NULL, 0, &t) == 0 && t <= c->today &&
		    (answer == DATE_NONE || answer > t) &&
		    (rc = letter_update(c->app, c->g->who, id, LETTER_ESCALATE, t, NULL, version++,
		                        1, c->g->e)) < 0)
			return rc;
	}
	if (answer == DATE_NONE)
		return 0;
	*ret_answered = answer;
	return letter_update(c->app, c->g->who, id, LETTER_ANSWER, answer,
	                     "Xác nhận đúng như lý lịch đã khai", version, 1, c->g->e);
}

/* A background check concluded on day t: its outcome recorded first (the
 * case's type), most agreed, one in twenty referred to the standing
 * committee, one in twenty held - chosen by the case's id, without a
 * draw, so that the cases after it stay what they were. */
static int admission_conclude(struct cg *c, int64_t id, int32_t t, enum admission_outcome *ret)
{
	static const char *const text[ADMISSION_OUTCOME__MAX] = {
	    [ADMISSION_DONG_Y] = "Đủ điều kiện xem xét kết nạp vào Đảng",
	    [ADMISSION_BAO_CAO_THUONG_VU] =
	        "Có vấn đề về lịch sử chính trị cần báo cáo Ban Thường vụ xem xét",
	    [ADMISSION_TAM_DUNG] = "Tạm dừng để thẩm tra thêm lý lịch của người thân"};
	struct case_edit_input in = {.sent = PATCH_LISTED | 1u << CASE_SUBTYPE};
	struct case_row r;
	int rc;

	*ret = id % 20 == 3    ? ADMISSION_BAO_CAO_THUONG_VU
	       : id % 20 == 11 ? ADMISSION_TAM_DUNG
	                       : ADMISSION_DONG_Y;
	in.subtype = admission_outcome_name(*ret);
	if ((rc = store_case_get(app_store(c->app), id, &c->a, &r)) < 0)
		return err_set(c->g->e, rc, NULL, NULL, NULL);
	in.version = r.version;
	if ((rc = case_edit(c->app, c->g->who, id, &in, c->g->e)) < 0)
		return rc;
	return step(c, id, "ket_luan", t, NULL, text[*ret]);
}

static int admission(struct cg *c, int y)
{
	static const char *const rels[] = {"bo", "me", "vo_chong", "anh_chi_em"};
	struct where w;
	int32_t t = opening_day(c, y), last = t;
	char name[160], title[220];
	int64_t id, rid;
	int female = below(&c->g->rng, 2), married = below(&c->g->rng, 100) < 40;
	int nletters = 0, unanswered = 0, rc;
	enum admission_outcome outcome;

	pick_where(c, t, &w);
	demo_person_name(c->g, w.unit >= 10, female, name, sizeof(name));
	snprintf(title, sizeof(title), "Thẩm tra lý lịch người vào Đảng: %s", name);
	if ((rc = open_case(c, case_kind_code(KIND_ADMISSION), NULL, title, &w, t, 0, NULL, 0, NULL,
	                    0, 0, &id)) < 0)
		return rc;
	for (int i = 0; i < 5; i++) {
		struct relative_row r = {.relation = i == 0 ? "ban_than" : rels[i - 1],
		                         .full_name = name};
		char rn[160];

		if ((i == 3 && !married) || (i == 4 && below(&c->g->rng, 2)))
			continue;
		if (i > 0) {
			demo_person_name(c->g, w.unit >= 10, i == 2 || (i == 3 && !female), rn,
			                 sizeof(rn));
			r.full_name = rn;
			r.is_member = below(&c->g->rng, 100) < 25;
		}
		if ((rc = relative_add(c->app, c->g->who, id, &r, &rid, c->g->e)) < 0)
			return rc;
	}
	if (!next(c, &t, 1, 5) || (rc = step(c, id, "dang_tham_tra", t, NULL, NULL)) < 0)
		return rc;
	nletters = between(&c->g->rng, 1, 3);
	for (int i = 0; i < nletters; i++) {
		char recipient[200], about[200], rn[160];
		int32_t answered;

		demo_person_name(c->g, w.unit >= 10, 0, rn, sizeof(rn));
		snprintf(recipient, sizeof(recipient), "Đảng ủy xã %s",
		         i == 0   ? "nơi cư trú của bố mẹ"
		         : i == 1 ? "nơi cư trú của người vào Đảng"
		                  : "nơi công tác của anh, chị, em");
		snprintf(about, sizeof(about), "%s: %s",
		         i == 0   ? "Bố đẻ"
		         : i == 1 ? "Người vào Đảng"
		                  : "Anh ruột",
		         rn);
		if ((rc = letter(c, id, recipient, about, t, &answered)) < 0)
			return rc;
		if (answered == DATE_NONE)
			unanswered = 1;
		else if (answered > last)
			last = answered;
	}
	if (unanswered)
		return 0;
	t = last > t ? last : t;
	if (!next(c, &t, 2, 10) || (rc = admission_conclude(c, id, t, &outcome)) < 0 ||
	    !next(c, &t, 1, 5))
		return rc;
	/* held: back to checking, the outcome kept until the next conclusion */
	return step(c, id, outcome == ADMISSION_TAM_DUNG ? "dang_tham_tra" : "dong", t, NULL, NULL);
}

/* ---- trips abroad ---- */

static int trip(struct cg *c, int y, int official, size_t ntravellers)
{
	static const char *const near[] = {"Lào", "Lào", "Lào", "Trung Quốc", "Thái Lan"};
	static const char *const far[] = {
	    "Hàn Quốc", "Nhật Bản", "Singapore", "Cộng hòa Liên bang Đức", "Úc", "Cu Ba"};
	static const char *const private_purposes[][2] = {{"du_lich", "du lịch"},
	                                                  {"tham_than", "thăm thân"},
	                                                  {"chua_benh", "chữa bệnh"},
	                                                  {"hoc_tap", "học tập"}};
	int64_t persons[64], trav[64], id;
	size_t n;
	struct where w;
	int32_t t = opening_day(c, y), depart, back, ret_day[64];
	const char *const *pp = private_purposes[below(&c->g->rng, 4)];
	const char *country =
	    below(&c->g->rng, 100) < 70 ? PICK(&c->g->rng, near) : PICK(&c->g->rng, far);
	char title[200];
	struct trip_input ti;
	int rc;

	if (ntravellers > 64)
		ntravellers = 64;
	pick_where(c, t, &w);
	if ((n = pick_persons(c, &w, t, ntravellers, persons)) < ntravellers)
		return 1; /* not enough members here: the caller tries elsewhere */
	if (official)
		snprintf(title, sizeof(title), "Đoàn công tác đi %s năm %d", country, y);
	else
		snprintf(title, sizeof(title), "Đi nước ngoài việc riêng (%s)", pp[1]);
	if ((rc = open_case(c, case_kind_code(KIND_TRIP), official ? "cong_vu" : "viec_rieng",
	                    title, &w, t, 0, NULL, 0, NULL, 0, 0, &id)) < 0)
		return rc;
	depart = back = t;
	cal_add_workdays(c->cal, t, between(&c->g->rng, 8, 25), NULL, 0, &depart);
	back = depart + between(&c->g->rng, 4, official ? 10 : 21);
	ti = (struct trip_input){
	    .purpose = official ? (below(&c->g->rng, 5) ? "cong_tac" : "hoc_tap") : pp[0],
	    .countries = country,
	    .funding = official ? "Ngân sách nhà nước" : "Tự túc",
	    .depart = depart,
	    .come_back = back,
	    .in_plan = official};
	if ((rc = trip_set(c->app, c->g->who, id, &ti, c->g->e)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = traveller_add(c->app, c->g->who, id, persons[i], official && i == 0,
		                        !strcmp(ti.purpose, "tham_than"), &trav[i], c->g->e)) < 0)
			return rc;
	if (!official) {
		if (!next(c, &t, 1, 4) ||
		    (rc = step(c, id, "y_kien_chi_bo", t, "Chi bộ đồng ý", NULL)) < 0)
			return rc;
	}
	if (!next(c, &t, 1, 4) || (rc = step(c, id, "dong_y", t, NULL, NULL)) < 0 ||
	    depart > c->today)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = traveller_record(c->app, c->g->who, trav[i], TRAVELLER_DEPARTED, depart,
		                           0, c->g->e)) < 0)
			return rc;
	if ((rc = step(c, id, "dang_di", depart, NULL, NULL)) < 0 || back > c->today)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = traveller_record(c->app, c->g->who, trav[i], TRAVELLER_RETURNED, back, 0,
		                           c->g->e)) < 0)
			return rc;
	if ((rc = step(c, id, "da_ve", back, NULL, NULL)) < 0)
		return rc;
	/* Reports: mostly within 7 working days, a few late, recent ones
	 * missing. */
	t = back;
	for (size_t i = 0; i < n; i++) {
		ret_day[i] = back;
		if (!next(c, &ret_day[i], 1, below(&c->g->rng, 10) ? 7 : 14)) {
			ret_day[i] = DATE_NONE;
			continue;
		}
		if ((rc = traveller_record(c->app, c->g->who, trav[i], TRAVELLER_REPORT, ret_day[i],
		                           0, c->g->e)) < 0)
			return rc;
		if (ret_day[i] > t)
			t = ret_day[i];
	}
	for (size_t i = 0; i < n; i++)
		if (ret_day[i] == DATE_NONE)
			return 0;
	if ((rc = step(c, id, "da_nop_bao_cao", t, NULL, NULL)) < 0 || !next(c, &t, 1, 10))
		return rc;
	return step(c, id, "da_xem_xet", t, NULL,
	            "Chấp hành đúng quy định trong thời gian ở nước ngoài");
}

static int trips(struct cg *c, int y, const struct quota *q)
{
	int ntrips = q->f[FIGURE_RNN_DOAN], ntrav = q->f[FIGURE_RNN_LUOT];
	int priv = ntrips * 35 / 100, official, extra, rc = 0;
	size_t *size = calloc((size_t)ntrips + 1, sizeof(*size));

	if (!size)
		return fail_nomem(c);
	/* Official delegations of 2 or more, sharing what the private trips
	 * leave (never fewer travellers than trips). */
	while (priv > 0 && ntrav - priv < 2 * (ntrips - priv))
		priv--;
	official = ntrips - priv;
	extra = ntrav - priv - 2 * official;
	for (int i = 0; i < official; i++)
		size[i] = 2;
	for (; official && extra > 0; extra--) {
		int i = (int)below(&c->g->rng, (uint32_t)official);

		if (size[i] < 40)
			size[i]++;
		else
			extra++;
	}
	/* trip() returns 1 when the members drawn fall short: another try. */
	for (int i = 0; rc >= 0 && i < priv;) {
		if ((rc = trip(c, y, 0, 1)) == 0)
			i++;
		arena_reset(&c->a);
	}
	for (int i = 0; rc >= 0 && i < official;) {
		if ((rc = trip(c, y, 1, size[i])) == 0)
			i++;
		arena_reset(&c->a);
	}
	free(size);
	return rc < 0 ? rc : 0;
}

/* ---- members staying abroad ---- */

static int stay(struct cg *c, int y)
{
	static const char *const countries[] = {
	    "Hàn Quốc", "Nhật Bản", "Đài Loan (Trung Quốc)", "Cộng hòa Liên bang Đức", "Úc", "Lào"};
	static const char *const purposes[] = {"lao_dong", "lao_dong", "hoc_tap", "cong_tac",
	                                       "gia_dinh"};
	static const char *const arrangements[] = {"tu_sinh_hoat", "chi_bo_nuoc_ngoai",
	                                           "chi_bo_tam_thoi", "khong_chuyen"};
	struct person_row p;
	struct stay_input in;
	struct where w;
	int32_t t = opening_day(c, y), back;
	char title[200];
	int64_t person, id;
	int rc;

	pick_where(c, t, &w);
	if (!(person = pick_person(c, &w, t, &p)))
		return 0;
	in = (struct stay_input){.country = PICK(&c->g->rng, countries),
	                         .purpose = PICK(&c->g->rng, purposes),
	                         .arrangement = PICK(&c->g->rng, arrangements),
	                         .start = t,
	                         .expected_end = t + between(&c->g->rng, 370, 1100),
	                         .last_contact = DATE_NONE};
	snprintf(title, sizeof(title), "Đảng viên ở nước ngoài: %s (%s)", p.full_name, in.country);
	if ((rc = open_case(c, case_kind_code(KIND_STAY), in.purpose, title, &w, t, 0, NULL, 0,
	                    &person, 1, 0, &id)) < 0)
		return rc;
	back = in.expected_end;
	in.last_contact = back - between(&c->g->rng, 20, 200);
	if (in.last_contact > c->today)
		in.last_contact = c->today - between(&c->g->rng, 5, 120);
	if (in.last_contact < t)
		in.last_contact = t;
	if ((rc = stay_set(c->app, c->g->who, id, &in, c->g->e)) < 0)
		return rc;
	back = workday_on_or_after(c, back);
	if (back > c->today || (rc = step(c, id, "da_ve", back, NULL, NULL)) < 0 ||
	    !next(c, &back, 5, 20) ||
	    (rc = step(c, id, "da_tu_danh_gia", back, "Bản tự kiểm điểm thời gian ở nước ngoài",
	               NULL)) < 0 ||
	    !next(c, &back, 3, 15))
		return rc;
	return step(c, id, "dong", back, NULL,
	            "Giữ vững phẩm chất chính trị; chấp hành tốt quy định");
}

/* ---- the register of incoming letters ---- */

/* The content points of a denunciation, each concluded. */
static int points(struct cg *c, int64_t id)
{
	static const char *const contents[] = {"Sử dụng đất công sai mục đích",
	                                       "Kê khai tài sản, thu nhập không đầy đủ",
	                                       "Vi phạm quy định về tổ chức việc cưới, việc tang",
	                                       "Thiếu trách nhiệm để cấp dưới vi phạm"};
	static const char *const ends[] = {"dung", "dung_mot_phan", "sai", "sai"};
	int n = 1 + (int)below(&c->g->rng, 3), rc = 0;

	for (int i = 0; rc == 0 && i < n; i++) {
		struct point_input in = {.conclusion = PICK(&c->g->rng, ends),
		                         .sent = PATCH_LISTED | 1u << POINT_CONCLUSION,
		                         .version = 1};
		int64_t pid;

		if ((rc = point_add(c->app, c->g->who, id, PICK(&c->g->rng, contents), &pid,
		                    c->g->e)) == 0)
			rc = point_edit(c->app, c->g->who, pid, &in, c->g->e);
	}
	return rc;
}

/* A denunciation case carried as far as the days allow: the decision, the
 * verification, the conclusion on its points, the notices, the close. */
static int denunciation(struct cg *c, int64_t id, int32_t t)
{
	static const char *const findings[] = {
	    "Nội dung tố cáo đúng một phần; yêu cầu kiểm điểm rút kinh nghiệm",
	    "Nội dung tố cáo không đúng", "Nội dung tố cáo đúng; đề nghị xem xét kỷ luật"};
	int rc = 0;

	c->horizon = c->today;
	if (c->today - t < 200 && below(&c->g->rng, 100) < 40)
		c->horizon = t + (int32_t)below(&c->g->rng, (uint32_t)(c->today - t + 1));
	if (!next(c, &t, 3, 10) || (rc = step(c, id, "quyet_dinh", t, NULL, NULL)) < 0 ||
	    !next(c, &t, 2, 6) || (rc = step(c, id, "xac_minh", t, NULL, NULL)) < 0 ||
	    (rc = points(c, id)) < 0 || !next(c, &t, 30, 95) ||
	    (rc = step(c, id, "ket_luan", t, NULL, PICK(&c->g->rng, findings))) < 0 ||
	    !next(c, &t, 3, 10) || (rc = step(c, id, "thong_bao", t, NULL, NULL)) < 0 ||
	    !next(c, &t, 2, 10))
		return rc;
	return step(c, id, "dong", t, NULL, NULL);
}

/* How a leader classifies a letter received on t (DATE_NONE: not yet). */
static int classify(struct cg *c, int64_t id, const char *kind, const char *sender, int32_t t)
{
	struct petition_classify_input in = {.version = 1, .transfer_date = DATE_NONE};
	int64_t case_id = 0;
	int rc, r = (int)below(&c->g->rng, 100);

	if (c->today - t < 8 && r < 60)
		return 0; /* still to be classified */
	if (strcmp(sender, "giau_ten") == 0 || strcmp(sender, "mao_ten") == 0) {
		in.action = PETITION_KEEP;
		in.reason = sender;
	} else if (strcmp(kind, "kien_nghi") == 0 || r < 25) {
		in.action = PETITION_TRANSFER;
		in.transfer_to = PICK(
		    &c->g->rng, ((const char *const[]){"Ủy ban Kiểm tra Tỉnh ủy", "Thanh tra tỉnh",
		                                       "Công an tỉnh", "Ủy ban nhân dân tỉnh"}));
		in.transfer_number = "CV/UBKT";
		in.transfer_date = workday_on_or_after(c, t + between(&c->g->rng, 2, 10));
		if (in.transfer_date > c->today)
			in.transfer_date = c->today;
	} else if (r < 35) {
		in.action = PETITION_KEEP;
		in.reason =
		    PICK(&c->g->rng,
		         ((const char *const[]){"trung_lap", "da_giai_quyet", "khong_cu_the"}));
	} else {
		in.action = PETITION_HANDLE;
	}
	if ((rc = petition_classify(c->app, c->g->who, id, &in, &case_id, c->g->e)) < 0 || !case_id)
		return rc;
	c->ncases++;
	return strcmp(kind, "to_cao") == 0 ? denunciation(c, case_id, t) : 0;
}

/* One letter received in year y (or on day, not yet classified) about a
 * member of some unit. */
static int petition(struct cg *c, int y, int32_t day)
{
	static const char *const kinds[] = {"to_cao",    "to_cao",    "to_cao", "to_cao",
	                                    "kien_nghi", "kien_nghi", "to_cao"};
	static const char *const senders[] = {"ro_ten",   "ro_ten",   "ro_ten", "khong_dia_chi",
	                                      "giau_ten", "giau_ten", "mao_ten"};
	static const char *const channels[] = {"buu_dien", "truc_tiep", "chuyen_den", "hop_thu"};
	static const char *const topics[] = {
	    "vi phạm quy định về quản lý, sử dụng đất đai", "kê khai tài sản không trung thực",
	    "vi phạm những điều đảng viên không được làm", "thiếu trách nhiệm trong công tác",
	    "vi phạm chính sách dân số"};
	struct petition_input in = {.decision_received = DATE_NONE};
	char summary[300], name[100];
	struct person_row p;
	struct where w;
	int64_t person, id;
	int rc;

	in.received = day != DATE_NONE ? day : opening_day(c, y);
	pick_where(c, in.received, &w);
	if (!(person = pick_person(c, &w, in.received, &p)))
		return 0;
	in.org = w.handler;
	in.channel = PICK(&c->g->rng, channels);
	in.kind = PICK(&c->g->rng, kinds);
	in.sender_status = PICK(&c->g->rng, senders);
	if (strcmp(in.sender_status, "giau_ten") != 0) {
		demo_person_name(c->g, w.unit, (int)below(&c->g->rng, 2), name, sizeof(name));
		in.sender_name = name;
		in.sender_address =
		    strcmp(in.sender_status, "ro_ten") == 0 ? "Tổ dân phố, bản" : NULL;
	}
	snprintf(summary, sizeof(summary), "%s đảng viên %s %s",
	         strcmp(in.kind, "to_cao") == 0 ? "Tố cáo" : "Phản ánh", p.full_name,
	         PICK(&c->g->rng, topics));
	in.summary = summary;
	in.persons = &person;
	in.npersons = 1;
	if ((rc = petition_add(c->app, c->g->who, &in, &id, c->g->e)) < 0 || day != DATE_NONE)
		return rc;
	return classify(c, id, in.kind, in.sender_status, in.received);
}

/* A complaint about discipline decision d (of a member) of case k. */
static int complaint(struct cg *c, const struct case_row *k, const struct discipline_row *d)
{
	struct petition_input in = {.org = c->g->tu,
	                            .channel = "buu_dien",
	                            .kind = below(&c->g->rng, 5) ? "khieu_nai" : "khieu_nai_to_cao",
	                            .sender_status = "ro_ten",
	                            .summary = "Khiếu nại quyết định kỷ luật",
	                            .contested_case = k->id};
	struct person_row p;
	int64_t id, case_id;
	int rc;

	if (store_person_get(app_store(c->app), d->person_id, &c->a, &p) < 0)
		return 0;
	in.decision_received = d->decided + between(&c->g->rng, 1, 7);
	in.received = in.decision_received + between(&c->g->rng, 5, 28);
	if (in.received > c->today)
		return 0;
	in.sender_name = p.full_name;
	in.sender_address = "Nơi cư trú của người khiếu nại";
	in.persons = &d->person_id;
	in.npersons = 1;
	in.confidentiality = k->confidentiality;
	if ((rc = petition_add(c->app, c->g->who, &in, &id, c->g->e)) < 0 ||
	    (rc = petition_classify(
	         c->app, c->g->who, id,
	         &(struct petition_classify_input){.action = PETITION_HANDLE, .version = 1},
	         &case_id, c->g->e)) < 0)
		return rc;
	c->ncases++;
	c->horizon = c->today;
	{
		int32_t t = in.received;

		struct case_row r;
		struct case_edit_input decided = {.subtype = below(&c->g->rng, 4) ? "giu_nguyen"
		                                                                  : "thay_doi",
		                                  .sent = PATCH_LISTED | 1u << CASE_SUBTYPE};

		if (!next(c, &t, 3, 10) || (rc = step(c, case_id, "xem_xet", t, NULL, NULL)) < 0 ||
		    !next(c, &t, 30, 100))
			return rc;
		if ((rc = store_case_get(app_store(c->app), case_id, &c->a, &r)) < 0)
			return err_set(c->g->e, rc, NULL, NULL, NULL);
		decided.version = r.version;
		if ((rc = case_edit(c->app, c->g->who, case_id, &decided, c->g->e)) < 0)
			return rc;
		if ((rc = step(c, case_id, "quyet_dinh", t, NULL,
		               strcmp(decided.subtype, "giu_nguyen") == 0
		                   ? "Giữ nguyên hình thức kỷ luật"
		                   : "Thay đổi hình thức kỷ luật")) < 0 ||
		    !next(c, &t, 3, 10) || (rc = step(c, case_id, "thong_bao", t, NULL, NULL)) < 0)
			return rc;
	}
	return 0;
}

/* Complaints about one in twelve of the members' discipline decisions of
 * the cases made (ids after first). */
static int complaints(struct cg *c, int64_t first)
{
	struct case_row k;
	int rc = 0;

	for (int64_t id = first + 1;
	     rc == 0 && store_case_get(app_store(c->app), id, &c->a, &k) == 0; id++) {
		struct discipline_list l;

		if (strcmp(k.kind, case_kind_code(KIND_DISCIPLINE)) != 0 ||
		    store_disciplines_of_case(app_store(c->app), id, &c->a, &l) < 0)
			continue;
		for (size_t i = 0; rc == 0 && i < l.n; i++)
			if (l.v[i].person_id && below(&c->g->rng, 12) == 0)
				rc = complaint(c, &k, &l.v[i]);
		arena_reset(&c->a);
	}
	return rc;
}

/* The letters of every year, drawn from a stream of their own so that
 * the other cases stay what they were. */
static int petitions(struct cg *c, int64_t first, int last)
{
	struct rng kept = c->g->rng;
	int rc;

	c->g->rng.s ^= 0x5DEECE66Dull;
	rc = complaints(c, first);
	for (int y = FIRST_YEAR; rc == 0 && y <= last; y++) {
		int share = y < last ? 100 : (int)((c->today - date_days(y, 1, 1)) * 100 / 365);
		int n = 30 * c->g->case_pct * share / 10000;

		c->year = y;
		for (int i = 0; rc == 0 && i < n; i++) {
			rc = petition(c, y, DATE_NONE);
			arena_reset(&c->a);
		}
	}
	/* the last days' letters wait for a leader */
	for (int i = 0; rc == 0 && i < 1 + c->g->case_pct / 40; i++) {
		rc = petition(c, last, c->today - (int32_t)below(&c->g->rng, 6));
		arena_reset(&c->a);
	}
	c->g->rng = kept;
	return rc;
}

/* ---- the years ---- */

static int post_pools(struct cg *c)
{
	struct gen *g = c->g;

	for (int d = 0; d < 10; d++)
		for (int i = 0; i < g->nnew[d]; i++) {
			c->post_pool[d][i] = calloc((size_t)g->nother[d], sizeof(int64_t));
			if (!c->post_pool[d][i])
				return fail_nomem(c);
			for (int x = 0; x < g->nother[d]; x++)
				if (x % g->nnew[d] == i)
					c->post_pool[d][i][c->npost[d][i]++] =
					    g->other_grassroots[d][x];
		}
	return 0;
}

/* Around the review's yearly mean (x 80-120 %), times the share (in %)
 * of the year that has passed, times pct / 100. */
static void other_year(struct rng *r, int share, int pct, struct quota *q)
{
	int f = between(r, 80, 120) * share / 100;

	for (int i = 0; i < FIGURE__MAX; i++)
		q->f[i] = (int)((int64_t)review[i] * pct * f / 50000);
	if (q->f[FIGURE_RNN_LUOT] < q->f[FIGURE_RNN_DOAN])
		q->f[FIGURE_RNN_LUOT] = q->f[FIGURE_RNN_DOAN];
}

static int year(struct cg *c, int y, int share, struct quota *q)
{
	int pct = c->g->case_pct, rc;

	c->year = y;
	demo_report(c->g, DEMO_STEP_CASES, c->ncases, y);
	q->admissions = 120 * pct * share / 10000;
	q->regular = 20 * pct * share / 10000;
	q->stays = 8 * pct * share / 10000;
	if ((rc = inspections(c, y, q)) < 0 || (rc = supervisions(c, y, q)) < 0 ||
	    (rc = appraisals(c, y, q)) < 0 || (rc = trips(c, y, q)) < 0)
		return rc;
	for (int i = 0; rc == 0 && i < q->admissions; i++) {
		rc = admission(c, y);
		arena_reset(&c->a);
	}
	for (int i = 0; rc == 0 && i < q->stays; i++) {
		rc = stay(c, y);
		arena_reset(&c->a);
	}
	return rc;
}

int demo_cases(struct gen *g, int64_t *ncases)
{
	struct cg c = {.g = g, .app = g->app, .cal = app_cal(g->app)};
	struct quota q[5];
	int parts[5], last, m, d, rc;
	int64_t first;

	c.today = date_today();
	c.reform = date_days(2025, 7, 1);
	date_civil(c.today, &last, &m, &d);
	arena_init(&c.a, (size_t)1 << 24);
	memset(q, 0, sizeof(q));
	for (int f = 0; f < FIGURE__MAX; f++) {
		if (!review[f])
			continue; /* not drawn (and no draws taken) */
		split(&g->rng, review[f] * g->case_pct / 100, 5, parts);
		for (int i = 0; i < 5; i++)
			q[i].f[f] = parts[i];
	}
	rc = post_pools(&c);
	first = store_case_max_id(app_store(c.app));
	for (int y = FIRST_YEAR; rc == 0 && y <= last; y++) {
		struct quota oq = {0};
		int share = y < last ? 100 : (int)((c.today - date_days(y, 1, 1)) * 100 / 365);

		if (y - FIRST_YEAR < 5) {
			rc = year(&c, y, share, &q[y - FIRST_YEAR]);
		} else {
			other_year(&g->rng, share, g->case_pct, &oq);
			rc = year(&c, y, share, &oq);
		}
		arena_reset(&c.a);
	}
	if (rc == 0)
		rc = petitions(&c, first, last);
	for (int dd = 0; dd < 10; dd++)
		for (int i = 0; i < 8; i++)
			free(c.post_pool[dd][i]);
	arena_release(&c.a);
	*ncases += c.ncases;
	return rc;
}
