/*
 * report.c - the figures' catalogue and the report over live counters
 * (report.h).  How each figure is counted from the raw records is the
 * store's (src/store/counter.c, by the same codes); a unit test keeps the
 * two lists equal.
 */
#include "app/report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/admin.h"
#include "app/audit.h"
#include "app/deadline.h"
#include "app/letter.h"
#include "app/org.h"
#include "app/scope.h"
#include "app/term.h"
#include "app/trip.h"
#include "app/user.h"
#include "core/buf.h"
#include "core/period.h"
#include "store/store.h"

#include "core/banned.h"

#define READ_ROLES (1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER)

static const struct metric catalogue[] = {
    {"kt_to_chuc", "Tổ chức đảng được kiểm tra", "Party organisations inspected", "lượt",
     "occurrences", "subject organisations of inspections, by the day the case opened; by type",
     "tổ chức", "organisations"},
    {"kt_to_chuc_vi_pham", "Tổ chức đảng được kiểm tra có vi phạm",
     "Organisations inspected with violations", "lượt", "occurrences",
     "subject organisations with a finding other than no violation; by conclusion", "tổ chức",
     "organisations"},
    {"kt_dang_vien", "Đảng viên được kiểm tra", "Party members inspected", "lượt", "occurrences",
     "subject members of inspections, by the day the case opened; by type", "đảng viên", "members"},
    {"kt_dang_vien_vi_pham", "Đảng viên được kiểm tra có vi phạm",
     "Members inspected with violations", "lượt", "occurrences",
     "subject members with a finding other than no violation; by conclusion", "đảng viên",
     "members"},
    {"gs_chuyen_de_to_chuc", "Tổ chức đảng được giám sát chuyên đề",
     "Organisations under thematic supervision", "lượt", "occurrences",
     "subject organisations of thematic supervisions", "tổ chức", "organisations"},
    {"gs_chuyen_de_dang_vien", "Đảng viên được giám sát chuyên đề",
     "Members under thematic supervision", "lượt", "occurrences",
     "subject members of thematic supervisions", "đảng viên", "members"},
    {"gs_thuong_xuyen", "Cuộc giám sát thường xuyên", "Regular supervisions", "cuộc", "cases",
     "regular supervision cases"},
    {"kl_to_chuc", "Tổ chức đảng bị kỷ luật", "Organisations disciplined", "lượt", "decisions",
     "discipline decisions about organisations, by the day decided; by form", "tổ chức",
     "organisations"},
    {"kl_dang_vien", "Đảng viên bị kỷ luật", "Members disciplined", "lượt", "decisions",
     "discipline decisions about members, by the day decided; by form", "đảng viên", "members"},
    {"td_ho_so", "Hồ sơ thẩm định tiêu chuẩn chính trị", "Political-standard appraisals", "hồ sơ",
     "dossiers", "appraisal cases, by the day received; by purpose"},
    {"td_ket_qua", "Kết quả thẩm định", "Appraisal outcomes", "hồ sơ", "dossiers",
     "appraisals with an outcome recorded; by outcome"},
    {"ttll_ho_so", "Hồ sơ thẩm tra lý lịch người vào Đảng", "Admission background checks", "hồ sơ",
     "dossiers", "background-check cases, by the day received"},
    {"vb_tre_han", "Văn bản thẩm tra, xác minh được trả lời trễ hạn",
     "Verification letters answered late", "văn bản", "letters",
     "letters sent in the period, answered after their due date (rule thu_xac_minh.tra_loi, in "
     "working days)",
     .deadline = METRIC_LETTER},
    {"vb_qua_han", "Văn bản thẩm tra, xác minh quá hạn chưa được trả lời",
     "Verification letters overdue, unanswered", "văn bản", "letters",
     "letters sent in the period, past their due date today and not answered",
     .deadline = METRIC_LETTER},
    {"rnn_doan", "Đoàn ra nước ngoài", "Delegations abroad", "đoàn", "delegations",
     "trip cases (a private trip is a delegation of one); by kind"},
    {"rnn_luot", "Lượt người ra nước ngoài", "Person-trips abroad", "lượt", "person-trips",
     "travellers of the trips; by kind", "người", "persons"},
    {"rnn_bao_cao", "Báo cáo sau chuyến đi đã nhận", "Return reports received", "báo cáo",
     "reports", "travellers whose return report was received"},
    {"rnn_bao_cao_dung_han", "Báo cáo sau chuyến đi nộp đúng hạn", "Return reports on time",
     "báo cáo", "reports",
     "travellers back whose report came by its due date (rule ra_nuoc_ngoai.bao_cao: 7 working "
     "days after re-entry)",
     .deadline = METRIC_TRAVELLER},
    {"rnn_bao_cao_tre_han", "Báo cáo sau chuyến đi nộp trễ hạn", "Return reports late", "báo cáo",
     "reports", "travellers back whose report came after its due date",
     .deadline = METRIC_TRAVELLER},
    {"rnn_bao_cao_qua_han", "Báo cáo sau chuyến đi quá hạn chưa nộp",
     "Return reports overdue, not received", "báo cáo", "reports",
     "travellers back whose report is past its due date today and not received",
     .deadline = METRIC_TRAVELLER},
    {"onn_dang_vien", "Đảng viên ở nước ngoài", "Members staying abroad", "người", "members",
     "stay-abroad cases, by the day opened; by purpose"},
    {"kn_nhan", "Khiếu nại kỷ luật đã nhận", "Discipline complaints received", "đơn", "complaints",
     "steps into the complaint state, by their day"},
    {"kn_giai_quyet", "Khiếu nại kỷ luật đã giải quyết", "Discipline complaints resolved", "đơn",
     "complaints", "steps out of the complaint state, by their day"},
};

#define NMETRICS (sizeof(catalogue) / sizeof(catalogue[0]))

const struct metric *metrics(size_t *n)
{
	*n = NMETRICS;
	return catalogue;
}

const struct metric *metric_find(const char *code)
{
	for (size_t i = 0; code && i < NMETRICS; i++)
		if (strcmp(catalogue[i].code, code) == 0)
			return &catalogue[i];
	return NULL;
}

static size_t metric_index(const char *code)
{
	for (size_t i = 0; i < NMETRICS; i++)
		if (strcmp(catalogue[i].code, code) == 0)
			return i;
	return NMETRICS;
}

struct collect {
	struct app *app;
	struct arena *a;
	struct report *r;
	size_t caprows;
	size_t capby[NMETRICS];
	int rc;
};

static struct report_row *row_of(struct collect *c, int64_t org)
{
	struct report *r = c->r;

	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].org == org)
			return &r->rows[i];
	if (r->nrows == c->caprows) {
		size_t cap = c->caprows ? c->caprows * 2 : 64;
		struct report_row *v = arena_alloc(c->a, cap * sizeof(*v));

		if (!v)
			return NULL;
		if (r->nrows)
			memcpy(v, r->rows, r->nrows * sizeof(*v));
		r->rows = v;
		c->caprows = cap;
	}
	r->rows[r->nrows] = (struct report_row){.org = org};
	if (!(r->rows[r->nrows].n = arena_calloc(c->a, NMETRICS, sizeof(int64_t))) ||
	    !(r->rows[r->nrows].d = arena_calloc(c->a, NMETRICS, sizeof(int64_t))))
		return NULL;
	return &r->rows[r->nrows++];
}

static int add_by(struct collect *c, size_t m, const char *dim, int64_t n)
{
	struct report_figure *f = &c->r->figures[m];

	for (size_t i = 0; i < f->nby; i++)
		if (strcmp(f->by[i].dim, dim) == 0) {
			f->by[i].n += n;
			return 0;
		}
	if (f->nby == c->capby[m]) {
		size_t cap = c->capby[m] ? c->capby[m] * 2 : 8;
		struct report_by *v = arena_alloc(c->a, cap * sizeof(*v));

		if (!v)
			return HOSO_E_NOMEM;
		if (f->nby)
			memcpy(v, f->by, f->nby * sizeof(*v));
		f->by = v;
		c->capby[m] = cap;
	}
	if (!(f->by[f->nby].dim = arena_strdup(c->a, dim)))
		return HOSO_E_NOMEM;
	f->by[f->nby++].n = n;
	return 0;
}

/* A count of figure m, on a day of year `year`, under the row top. */
static int collect_one(struct collect *c, const struct report_cell *s, size_t m, int64_t top,
                       int year)
{
	struct report_row *row;

	if (!(row = row_of(c, top)))
		return c->rc = HOSO_E_NOMEM;
	row->n[m] += s->n;
	c->r->figures[m].total += s->n;
	if (s->n > 0 && s->conf > c->r->conf)
		c->r->conf = s->conf;
	if (c->r->nyears && year >= c->r->years[0].year &&
	    (size_t)(year - c->r->years[0].year) < c->r->nyears)
		c->r->years[year - c->r->years[0].year].n[m] += s->n;
	if (*s->dim && (c->rc = add_by(c, m, s->dim, s->n)) < 0)
		return c->rc;
	return 0;
}

/* Under a structure date: each organisation counted, mapped to its
 * successor on that day, then to the child of the root it sits under.  The
 * placements are remembered for the whole report (the period and the one
 * before it are placed alike) in two open-addressing tables: by the
 * organisation counted, and by its successor. */
struct memo {
	struct placed {
		int64_t org, top; /* org 0: an empty slot; top 0: not under the root */
	} * v;
	size_t cap, n; /* cap a power of two, n < cap / 2 */
};

struct restructure {
	struct app *app;
	int64_t root;
	int32_t day;
	struct memo placed, tops;
};

static struct placed *memo_slot(struct memo *m, int64_t org)
{
	size_t i = ((uint64_t)org * 0x9E3779B97F4A7C15ull) >> 20;

	for (i &= m->cap - 1; m->v[i].org && m->v[i].org != org; i = (i + 1) & (m->cap - 1))
		;
	return &m->v[i];
}

/* The entry of org (found, or new with top -1); NULL when out of memory. */
static struct placed *memo_get(struct memo *m, int64_t org)
{
	struct placed *p;

	if (2 * (m->n + 1) > m->cap) {
		struct memo bigger = {calloc(m->cap ? 2 * m->cap : 1024, sizeof(*m->v)),
		                      m->cap ? 2 * m->cap : 1024, m->n};

		if (!bigger.v)
			return NULL;
		for (size_t i = 0; i < m->cap; i++)
			if (m->v[i].org)
				*memo_slot(&bigger, m->v[i].org) = m->v[i];
		free(m->v);
		*m = bigger;
	}
	p = memo_slot(m, org);
	if (!p->org) {
		*p = (struct placed){org, -1};
		m->n++;
	}
	return p;
}

static int64_t top_at(struct restructure *x, int64_t org)
{
	struct placed *memo = memo_get(&x->tops, org);
	int64_t top = 0, at = org;
	struct arena a;

	if (memo && memo->top >= 0)
		return memo->top;
	arena_init(&a, 1 << 12);
	for (int depth = 0; at && depth < 64; depth++) {
		struct org_row o;

		if (at == x->root) {
			top = x->root;
			break;
		}
		if (store_org_at(app_store(x->app), at, x->day, &a, &o) < 0)
			break;
		if (o.parent_id == x->root) {
			top = at;
			break;
		}
		at = o.parent_id;
		arena_reset(&a);
	}
	arena_release(&a);
	if (memo)
		memo->top = top;
	return top;
}

/* The child of the root that org's successor on the structure date sits
 * under; 0 when it is not under the root. */
static int64_t placed_top(struct restructure *x, int64_t org)
{
	struct placed *memo = memo_get(&x->placed, org);
	int64_t now = 0, top;
	struct err e;

	if (memo && memo->top >= 0)
		return memo->top;
	err_init(&e);
	if (org_map_any(x->app, org, x->day, &now, &e) < 0)
		now = 0; /* it did not exist yet on that day */
	err_release(&e);
	top = now ? top_at(x, now) : 0; /* top_at uses the other table */
	if (memo)
		memo->top = top;
	return top;
}

/* The subjects of the figures about organisations or persons, for the
 * distinct counts: (row, subject, figure). */
struct subject {
	int64_t top, subject;
	size_t m;
};
struct subjects {
	struct subject *v;
	size_t n, cap;
};

static int subject_one(struct subjects *s, size_t m, int64_t top, int64_t who)
{
	if (!catalogue[m].distinct_vi)
		return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		struct subject *v = realloc(s->v, cap * sizeof(*v));

		if (!v)
			return HOSO_E_NOMEM;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = (struct subject){top, who, m};
	return 0;
}

/* By figure, subject, row: the same (figure, subject) pairs are adjacent,
 * and within them the same rows. */
static int cmp_subject(const void *a, const void *b)
{
	const struct subject *x = a, *y = b;

	if (x->m != y->m)
		return x->m < y->m ? -1 : 1;
	if (x->subject != y->subject)
		return x->subject < y->subject ? -1 : 1;
	return x->top < y->top ? -1 : x->top > y->top;
}

/* Distinct counts: the (row, figure, subject) triples the store gives,
 * placed like the counters, then counted once each per figure and once
 * each per row and figure, from one sort. */
static int count_distinct(struct collect *c, struct subjects *s)
{
	struct report_row *row = NULL;

	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), cmp_subject);
	for (size_t i = 0; i < s->n; i++) {
		const struct subject *p = i ? &s->v[i - 1] : NULL, *x = &s->v[i];

		if (!p || p->m != x->m || p->subject != x->subject)
			c->r->figures[x->m].distinct++;
		else if (p->top == x->top)
			continue; /* the same subject in the same row again */
		if ((!row || row->org != x->top) && !(row = row_of(c, x->top)))
			return HOSO_E_NOMEM;
		row->d[x->m]++;
	}
	return 0;
}

static int note_change(int32_t day, int64_t n, void *arg)
{
	struct collect *c = arg;
	struct report *r = c->r;
	struct report_change *v = arena_alloc(c->a, (r->nchanges + 1) * sizeof(*v));

	if (!v)
		return HOSO_E_NOMEM;
	if (r->nchanges)
		memcpy(v, r->changes, r->nchanges * sizeof(*v));
	v[r->nchanges++] = (struct report_change){day, n};
	r->changes = v;
	return 0;
}

/* A period over several calendar years gets each year's totals (a trend). */
static int years_of(int32_t from, int32_t to, struct arena *a, struct report *r)
{
	int y1, y2, m, d;

	date_civil(from, &y1, &m, &d);
	date_civil(to, &y2, &m, &d);
	r->years = NULL;
	r->nyears = 0;
	r->conf = 0;
	if (y2 <= y1)
		return 0;
	if (!(r->years = arena_calloc(a, (size_t)(y2 - y1 + 1), sizeof(*r->years))))
		return HOSO_E_NOMEM;
	for (int y = y1; y <= y2; y++) {
		r->years[y - y1].year = y;
		if (!(r->years[y - y1].n = arena_calloc(a, NMETRICS, sizeof(int64_t))))
			return HOSO_E_NOMEM;
	}
	r->nyears = (size_t)(y2 - y1 + 1);
	return 0;
}

/* A report's reading: the period (0) and the one before (1), each with
 * its sums and its subjects; x places them under a structure date. */
struct reading {
	struct collect c[2];
	struct subjects subj[2];
	struct restructure *x; /* NULL: as at the time, placed by the store */
	/* the deadlines of travellers' reports and of letters' answers */
	const struct cal *cal;
	const struct deadline_rule *report_rule, *letter_rule;
	int32_t today;
};

/* The figure a traveller's report or a letter's answer counts in, by its
 * deadline as of today: NMETRICS for none (in time and not yet done). */
static size_t deadline_metric(struct reading *rd, const struct report_cell *cell, int *ret_rc)
{
	static const char *const codes[2][3] = {
	    {"rnn_bao_cao_dung_han", "rnn_bao_cao_tre_han", "rnn_bao_cao_qua_han"},
	    {NULL, "vb_tre_han", "vb_qua_han"}};
	const struct deadline_rule *r = cell->subject == 2 ? rd->report_rule : rd->letter_rule;
	const char *const *c = codes[cell->subject == 2 ? 0 : 1];
	const char *code = NULL;
	struct deadline d;
	int rc;

	if (!r || (rc = deadline_span(rd->cal, r, cell->start, cell->done, rd->today, &d)) != 1) {
		*ret_rc = r && rc < 0 ? rc : 0;
		return NMETRICS;
	}
	*ret_rc = 0;
	if (d.level == DEADLINE_DONE)
		code = c[0];
	else if (d.level == DEADLINE_DONE_LATE)
		code = c[1];
	else if (d.level == DEADLINE_OVERDUE)
		code = c[2];
	return code ? metric_index(code) : NMETRICS;
}

static int cell_one(const struct report_cell *cell, void *arg)
{
	struct reading *rd = arg;
	size_t m;
	int64_t top = cell->top;
	int y, mo, d, rc = 0;

	m = cell->subject >= 2 ? deadline_metric(rd, cell, &rc) : metric_index(cell->metric);
	if (m == NMETRICS) /* not counted, or by the store and not (yet) in the catalogue */
		return rc;
	if (rd->x && !(top = placed_top(rd->x, top)))
		return 0;
	date_civil(cell->day, &y, &mo, &d);
	/* the period, the one before, or (for odd ranges) both */
	for (int p = 0; rc == 0 && p < 2; p++) {
		if (cell->day < rd->c[p].r->from || cell->day > rd->c[p].r->to)
			continue;
		rc = cell->subject == 1 ? subject_one(&rd->subj[p], m, top, cell->who)
		                        : collect_one(&rd->c[p], cell, m, top, y);
	}
	return rc;
}

/* A report with no figures yet, for org over from..to. */
static int report_start(struct report *r, int64_t org, int32_t from, int32_t to, int32_t structure,
                        struct arena *a)
{
	r->org = org;
	r->from = from;
	r->to = to;
	r->structure = structure;
	r->nfigures = NMETRICS;
	if (!(r->figures = arena_calloc(a, NMETRICS, sizeof(*r->figures))))
		return HOSO_E_NOMEM;
	for (size_t i = 0; i < NMETRICS; i++)
		r->figures[i].m = &catalogue[i];
	return years_of(from, to, a, r);
}

/* The distinct counts, the structure changes and the rows' names of one
 * period read. */
static int report_finish(struct app *app, struct collect *c, struct subjects *subj)
{
	struct report *r = c->r;
	int rc = count_distinct(c, subj);

	if (rc == 0)
		rc = store_successions_between(app_store(app), r->from, r->to, note_change, c);
	if (rc < 0)
		return rc;
	/* Name the rows as the organisations were at the end of the period, or
	 * on the structure date. */
	for (size_t i = 0; i < r->nrows; i++) {
		struct org_row o;
		int32_t day = r->structure == DATE_NONE ? r->to : r->structure;

		if (store_org_at(app_store(app), r->rows[i].org, day, c->a, &o) == 0 ||
		    store_org_latest(app_store(app), r->rows[i].org, c->a, &o) == 0) {
			r->rows[i].code = o.code;
			r->rows[i].name = o.name;
		}
	}
	return 0;
}

/* The figures of org over the period p into ret and over the period
 * before into prev, as at the time (x NULL) or placed by x, in one reading
 * of the counters (no checks, no audit: report_run does those). */
static int gather(struct app *app, const struct actor *who, int64_t org,
                  const struct report_period *p, struct restructure *x, struct arena *a,
                  struct report *ret, struct report *prev)
{
	int32_t structure = x ? x->day : DATE_NONE;
	struct reading rd = {.c = {{.app = app, .a = a, .r = ret}, {.app = app, .a = a, .r = prev}},
	                     .x = x,
	                     .cal = app_cal(app),
	                     .today = date_today()};
	const struct deadline_rule *rules;
	size_t nrules;
	struct err e;
	int rc;

	if ((rc = report_start(ret, org, p->from, p->to, structure, a)) < 0 ||
	    (rc = report_start(prev, org, p->prev_from, p->prev_to, structure, a)) < 0)
		return rc;
	err_init(&e);
	rc = deadline_rules(app, a, &rules, &nrules, &e);
	err_release(&e);
	if (rc < 0)
		return rc;
	rd.report_rule = deadline_rule_find(rules, nrules, TRIP_REPORT_RULE);
	rd.letter_rule = deadline_rule_find(rules, nrules, LETTER_RULE);
	/* Both periods in one reading, over the days from the first to the
	 * last: the period before mostly ends where this one starts. */
	rc = store_report_cells(
	    app_store(app), org, x == NULL, p->prev_from < p->from ? p->prev_from : p->from,
	    p->prev_to > p->to ? p->prev_to : p->to, (int)who->clearance, cell_one, &rd);
	for (int i = 0; i < 2; i++) {
		if (rc == 0 && rd.c[i].rc < 0)
			rc = rd.c[i].rc;
		if (rc == 0)
			rc = report_finish(app, &rd.c[i], &rd.subj[i]);
		free(rd.subj[i].v);
	}
	return rc;
}

/* How far back "the same period before" lies, in years (at least 1). */
static int period_years(int32_t from, int32_t to)
{
	int years = (int)((to - from + 1 + 182) / 365);

	return years < 1 ? 1 : years;
}

int report_period_check(const char *name, int32_t from, int32_t to, struct err *e)
{
	int32_t f, t;
	int y1, y2;

	if (name && (from != DATE_NONE || to != DATE_NONE))
		return err_set(e, HOSO_E_INVALID, "period",
		               "Dùng period hoặc from và to, không cả hai",
		               "Give period, or from and to, not both");
	if (name) {
		if (period_parse(name, strlen(name), &f, &t) == 0 ||
		    period_parse_term(name, strlen(name), &y1, &y2) == 0)
			return 0;
		return err_set(e, HOSO_E_BAD_DATE, "period",
		               "Kỳ '%s' không hợp lệ (2019, 2019-Q2, 2019-H1, 2019-9M, 2019-05, "
		               "2015-2019, NK2020-2025)",
		               "Invalid period '%s' (2019, 2019-Q2, 2019-H1, 2019-9M, 2019-05, "
		               "2015-2019, NK2020-2025)",
		               name);
	}
	if (from == DATE_NONE || to == DATE_NONE)
		return err_set(e, HOSO_E_MISSING, from == DATE_NONE ? "from" : "to",
		               "Cần kỳ báo cáo (from, to)", "The period (from, to) is needed");
	if (to < from)
		return err_set(e, HOSO_E_BAD_DATE, "to", "Kỳ báo cáo kết thúc trước khi bắt đầu",
		               "The period ends before it starts");
	return 0;
}

int report_period_of(struct app *app, const struct actor *who, int64_t org, const char *name,
                     int32_t from, int32_t to, struct arena *a, struct report_period *ret,
                     struct err *e)
{
	int rc, back, y1, y2;

	memset(ret, 0, sizeof(*ret));
	if ((rc = report_period_check(name, from, to, e)) < 0)
		return rc;
	if (name && period_parse_term(name, strlen(name), &y1, &y2) == 0) {
		struct term t;

		if ((rc = term_find(app, who, org, y1, y2, a, &t, &ret->prev_from, &ret->prev_to,
		                    e)) < 0)
			return rc;
		ret->from = t.congress;
		ret->to = t.end;
		ret->term_first = y1;
		ret->term_last = y2;
		return 0;
	}
	if (name)
		period_parse(name, strlen(name), &from, &to);
	/* The same period before ("so với cùng kỳ"): a year back for a period
	 * of a year or less, else as many whole years as it spans (the term
	 * before a 5-year review). */
	back = period_years(from, to);
	*ret = (struct report_period){
	    from, to, date_add_years(from, -back), date_add_years(to, -back), 0, 0};
	return 0;
}

int report_figures(struct app *app, const struct actor *who, int64_t org, int32_t from, int32_t to,
                   int32_t structure, struct arena *a, struct report *ret, struct err *e)
{
	struct report_period p;
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = scope_require_role(who, READ_ROLES, e)) < 0 ||
	    (rc = report_period_of(app, who, org, NULL, from, to, a, &p, e)) < 0)
		return rc;
	return report_run(app, who, org, &p, structure, a, ret, e);
}

int report_run(struct app *app, const struct actor *who, int64_t org, const struct report_period *p,
               int32_t structure, struct arena *a, struct report *ret, struct err *e)
{
	struct restructure x = {.app = app, .root = org, .day = structure};
	struct report prev;
	struct org_row o;
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = scope_require_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (p->to < p->from || p->prev_to < p->prev_from)
		return err_set(e, HOSO_E_BAD_DATE, "to", "Kỳ báo cáo kết thúc trước khi bắt đầu",
		               "The period ends before it starts");
	if (scope_contains(app, who, org) != 1 || store_org_latest(app_store(app), org, a, &o) < 0)
		return err_set(e, HOSO_E_NOT_FOUND, "org", "Không tìm thấy tổ chức",
		               "Organisation not found");
	/* The period, and the same period before, under the same structure. */
	memset(&prev, 0, sizeof(prev));
	rc = gather(app, who, org, p, structure == DATE_NONE ? NULL : &x, a, ret, &prev);
	free(x.placed.v);
	free(x.tops.v);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	ret->code = o.code;
	ret->name = o.name;
	ret->prev_from = prev.from;
	ret->prev_to = prev.to;
	ret->term_first = p->term_first;
	ret->term_last = p->term_last;
	for (size_t i = 0; i < NMETRICS; i++) {
		ret->figures[i].previous = prev.figures[i].total;
		ret->figures[i].distinct_previous = prev.figures[i].distinct;
	}
	return audit_record_json(
	    app, who, (struct audit_entry){"report", "org", org, NULL, 0},
	    json_pack("{s:I,s:I,s:I,s:I,s:I}", "from", (json_int_t)p->from, "to", (json_int_t)p->to,
	              "structure", (json_int_t)(structure == DATE_NONE ? 0 : structure),
	              "prev_from", (json_int_t)p->prev_from, "prev_to", (json_int_t)p->prev_to),
	    e);
}

json_t *report_json(const struct report *r)
{
	json_t *figs = json_array(), *rows = json_array(), *changes = json_array();
	json_t *years = json_array();
	char from[DATE_BUF], to[DATE_BUF], structure[DATE_BUF], pfrom[DATE_BUF], pto[DATE_BUF];
	char term[32];

	for (size_t i = 0; i < r->nfigures; i++) {
		const struct report_figure *f = &r->figures[i];
		json_t *by = json_object();

		for (size_t j = 0; j < f->nby; j++)
			json_object_set_new(by, f->by[j].dim, json_integer(f->by[j].n));
		json_t *o =
		    json_pack("{s:s,s:s,s:s,s:s,s:I,s:I,s:o}", "code", f->m->code, "name", f->m->vi,
		              "name_en", f->m->en, "unit", f->m->unit_vi, "total",
		              (json_int_t)f->total, "previous", (json_int_t)f->previous, "by", by);

		if (o && f->m->distinct_vi)
			json_object_update_new(
			    o, json_pack("{s:I,s:I,s:s,s:s}", "distinct", (json_int_t)f->distinct,
			                 "distinct_previous", (json_int_t)f->distinct_previous,
			                 "distinct_unit", f->m->distinct_vi, "distinct_unit_en",
			                 f->m->distinct_en));
		json_array_append_new(figs, o);
	}
	for (size_t i = 0; i < r->nyears; i++) {
		json_t *f = json_object();

		for (size_t k = 0; k < r->nfigures; k++)
			json_object_set_new(f, r->figures[k].m->code,
			                    json_integer(r->years[i].n[k]));
		json_array_append_new(
		    years, json_pack("{s:i,s:o}", "year", r->years[i].year, "figures", f));
	}
	for (size_t i = 0; i < r->nrows; i++) {
		json_t *n = json_object(), *d = json_object();

		for (size_t j = 0; j < r->nfigures; j++) {
			json_object_set_new(n, r->figures[j].m->code,
			                    json_integer(r->rows[i].n[j]));
			if (r->figures[j].m->distinct_vi)
				json_object_set_new(d, r->figures[j].m->code,
				                    json_integer(r->rows[i].d[j]));
		}
		json_array_append_new(rows, json_pack("{s:s?,s:s?,s:o,s:o}", "org", r->rows[i].code,
		                                      "name", r->rows[i].name, "figures", n,
		                                      "distinct", d));
	}
	for (size_t i = 0; i < r->nchanges; i++) {
		char d[DATE_BUF];

		date_format_iso(r->changes[i].day, d);
		json_array_append_new(changes, json_pack("{s:s,s:I}", "date", d, "successions",
		                                         (json_int_t)r->changes[i].n));
	}
	date_format_iso(r->from, from);
	date_format_iso(r->to, to);
	if (r->structure != DATE_NONE)
		date_format_iso(r->structure, structure);
	date_format_iso(r->prev_from, pfrom);
	date_format_iso(r->prev_to, pto);
	if (r->term_first)
		snprintf(term, sizeof(term), "%d-%d", r->term_first, r->term_last);
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:{s:s,s:s},s:o,s:o,s:o,s:o,s:i,s:s?}", "org",
	                 r->code, "name", r->name, "from", from, "to", to, "structure",
	                 r->structure == DATE_NONE ? "at_the_time" : structure, "previous", "from",
	                 pfrom, "to", pto, "restructured", changes, "figures", figs, "rows", rows,
	                 "years", years, "confidentiality", r->conf, "term",
	                 r->term_first ? term : NULL);
}

/* "Lập bởi quantri (Nguyễn Văn Quản) lúc 25/11/2026 09:40" */
int report_produced_by(struct app *app, const struct actor *who, struct arena *a, int with_en,
                       struct buf *out)
{
	const char *username = NULL, *full = NULL;
	char when[32];
	time_t now = time(NULL) + 7 * 3600;
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%d/%m/%Y %H:%M", &tm);
	if (!who->user_id || user_name_of(app, who->user_id, a, &username, &full) < 0)
		username = with_en ? "hệ thống / system" : "hệ thống";
	return buf_addf(out,
	                with_en ? "Lập bởi / produced by %s%s%s%s lúc / at %s"
	                        : "Lập bởi %s%s%s%s lúc %s trên hoso",
	                username, full ? " (" : "", full ? full : "", full ? ")" : "", when);
}

int report_export_csv(struct app *app, const struct actor *who, const struct report *r,
                      struct arena *a, struct buf *out, struct err *e)
{
	struct buf line = BUF_INIT(1 << 16);
	char from[DATE_BUF], to[DATE_BUF], st[DATE_BUF];
	size_t start = out->len;
	int rc;

	date_format_vn(r->from, from);
	date_format_vn(r->to, to);
	if (r->structure != DATE_NONE)
		date_format_vn(r->structure, st);
	rc = buf_adds(out, "\xef\xbb\xbf");
	if (rc == 0 && (rc = buf_addf(&line, "%s — %s", r->code, r->name)) == 0 &&
	    (rc = buf_adds(out, "BÁO CÁO SỐ LIỆU,")) == 0 &&
	    (rc = app_csv_field(out, line.buf)) == 0)
		rc = buf_addf(out, "\r\nKỳ báo cáo,%s – %s\r\nCơ cấu tổ chức,%s%s\r\n", from, to,
		              r->structure == DATE_NONE ? "theo thời điểm phát sinh"
		                                        : "theo cơ cấu ngày ",
		              r->structure == DATE_NONE ? "" : st);
	for (size_t i = 0; rc == 0 && i < r->nchanges; i++) {
		char d[DATE_BUF];

		date_format_vn(r->changes[i].day, d);
		rc = buf_addf(out, "Ghi chú,Kỳ báo cáo có sắp xếp tổ chức ngày %s\r\n", d);
	}
	if (rc == 0)
		rc = buf_adds(out, "\r\nMã,Chỉ tiêu,Đơn vị,Kỳ này,Cùng kỳ,Không trùng lặp,Đơn vị "
		                   "(không trùng lặp),Cùng kỳ (không trùng lặp)\r\n");
	for (size_t i = 0; rc == 0 && i < r->nfigures; i++) {
		const struct report_figure *f = &r->figures[i];

		if ((rc = buf_addf(out, "%s,", f->m->code)) == 0 &&
		    (rc = app_csv_field(out, f->m->vi)) == 0 && (rc = buf_addch(out, ',')) == 0 &&
		    (rc = app_csv_field(out, f->m->unit_vi)) == 0)
			rc = buf_addf(out, ",%lld,%lld", (long long)f->total,
			              (long long)f->previous);
		if (rc == 0)
			rc = f->m->distinct_vi
			         ? buf_addf(out, ",%lld,%s,%lld\r\n", (long long)f->distinct,
			                    f->m->distinct_vi, (long long)f->distinct_previous)
			         : buf_adds(out, ",,,\r\n");
	}
	if (rc == 0)
		rc = buf_adds(out, "\r\nTổ chức,Tên");
	for (size_t i = 0; rc == 0 && i < r->nfigures; i++)
		rc = buf_addf(out, ",%s", r->figures[i].m->code);
	for (size_t i = 0; rc == 0 && i < r->nfigures; i++)
		if (r->figures[i].m->distinct_vi)
			rc = buf_addf(out, ",%s (không trùng lặp)", r->figures[i].m->code);
	if (rc == 0)
		rc = buf_adds(out, "\r\n");
	for (size_t i = 0; rc == 0 && i < r->nrows; i++) {
		if ((rc = app_csv_field(out, r->rows[i].code)) == 0 &&
		    (rc = buf_addch(out, ',')) == 0)
			rc = app_csv_field(out, r->rows[i].name);
		for (size_t j = 0; rc == 0 && j < r->nfigures; j++)
			rc = buf_addf(out, ",%lld", (long long)r->rows[i].n[j]);
		for (size_t j = 0; rc == 0 && j < r->nfigures; j++)
			if (r->figures[j].m->distinct_vi)
				rc = buf_addf(out, ",%lld", (long long)r->rows[i].d[j]);
		if (rc == 0)
			rc = buf_adds(out, "\r\n");
	}
	buf_setlen(&line, 0);
	if (rc == 0 && (rc = report_produced_by(app, who, a, 1, &line)) == 0 &&
	    (rc = buf_adds(out, "\r\n")) == 0 && (rc = app_csv_field(out, line.buf)) == 0)
		rc = buf_adds(out, "\r\n");
	buf_release(&line);
	if (rc < 0) {
		buf_setlen(out, start);
		return err_set(e, rc, NULL, NULL, NULL);
	}
	rc = audit_record_json(app, who, (struct audit_entry){"export", "report", r->org, NULL, 0},
	                       json_pack("{s:s,s:I,s:I}", "format", "csv", "from",
	                                 (json_int_t)r->from, "to", (json_int_t)r->to),
	                       e);
	if (rc < 0)
		buf_setlen(out, start);
	return rc;
}

int report_verify(struct app *app, const struct actor *who, int64_t *ret_diffs, struct err *e)
{
	int rc;

	if ((rc = admin_whole_tree(app, who, e)) < 0)
		return rc;
	if ((rc = store_counters_verify(app_store(app), ret_diffs)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	return audit_record_json(app, who, (struct audit_entry){"verify", "counter", 0, NULL, 0},
	                         json_pack("{s:I}", "differences", (json_int_t)*ret_diffs), e);
}

int report_rebuild(struct app *app, const struct actor *who, struct err *e)
{
	int rc;

	if ((rc = admin_whole_tree(app, who, e)) < 0)
		return rc;
	if ((rc = store_begin(app_store(app))) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	rc = store_counters_rebuild(app_store(app));
	if (rc == 0)
		rc = audit_append(app, who, &(struct audit_entry){"rebuild", "counter", 0, NULL, 0},
		                  e);
	else
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
	return rc;
}
