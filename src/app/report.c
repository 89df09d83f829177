/*
 * report.c - the report over live counters (report.h).  The figures are
 * core/figure.h's; how each is counted from the raw records is the
 * store's (src/store/counter.c, a table indexed by the same enum).
 */
#include "app/report.h"
#include "app/reportInt.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/admin.h"
#include "app/audit.h"
#include "app/deadline.h"
#include "app/gate.h"
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

#define READ_ROLES GATE_RECORD_READERS

struct collect {
	struct app *app;
	struct arena *a;
	struct report *r;
	size_t caprows;
	size_t capby[FIGURE__MAX];
	int rc;
};

static struct report_row *row_of(struct collect *c, int64_t org)
{
	struct report *r = c->r;
	struct report_row *v;

	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].org == org)
			return &r->rows[i];
	if (!(v = store_vec_grow(c->a, r->rows, r->nrows, &c->caprows, sizeof(*v))))
		return NULL;
	r->rows = v;
	r->rows[r->nrows] = (struct report_row){.org = org};
	if (!(r->rows[r->nrows].n = arena_calloc(c->a, FIGURE__MAX, sizeof(int64_t))) ||
	    !(r->rows[r->nrows].d = arena_calloc(c->a, FIGURE__MAX, sizeof(int64_t))))
		return NULL;
	return &r->rows[r->nrows++];
}

static int add_by(struct collect *c, enum figure m, const char *dim, int64_t n)
{
	struct report_figure *f = &c->r->figures[m];
	struct report_by *v;

	for (size_t i = 0; i < f->nby; i++)
		if (strcmp(f->by[i].dim, dim) == 0) {
			f->by[i].n += n;
			return 0;
		}
	if (!(v = store_vec_grow(c->a, f->by, f->nby, &c->capby[m], sizeof(*v))))
		return HOSO_E_NOMEM;
	f->by = v;
	if (!(f->by[f->nby].dim = arena_strdup(c->a, dim)))
		return HOSO_E_NOMEM;
	f->by[f->nby++].n = n;
	return 0;
}

/* A count of figure m, on a day of year `year`, under the row top. */
static int collect_one(struct collect *c, const struct report_cell *s, enum figure m, int64_t top,
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

/* Stops the walk at the child of the root an organisation sits under. */
struct top_walk {
	int64_t root, top;
};

static int top_step(const struct org_row *o, void *arg)
{
	struct top_walk *w = arg;

	if (o->id == w->root || o->parent_id == w->root) {
		w->top = o->id;
		return 1;
	}
	return 0;
}

static int64_t top_at(struct restructure *x, int64_t org)
{
	struct placed *memo = memo_get(&x->tops, org);
	struct top_walk w = {x->root, 0};
	struct arena a;

	if (memo && memo->top >= 0)
		return memo->top;
	arena_init(&a, 1 << 12);
	org_walk_up(x->app, org, x->day, ORG_WALK_AT, &a, top_step, &w);
	arena_release(&a);
	if (memo)
		memo->top = w.top;
	return w.top;
}

int64_t report_placed_top(struct restructure *x, int64_t org)
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

void report_restructure_release(struct restructure *x)
{
	free(x->placed.v);
	free(x->tops.v);
	x->placed = x->tops = (struct memo){0};
}

/* The subjects of the figures about organisations or persons, for the
 * distinct counts: (row, subject, figure). */
struct subject {
	int64_t top, subject;
	enum figure m;
};
struct subjects {
	struct subject *v;
	size_t n, cap;
};

static int subject_one(struct subjects *s, enum figure m, int64_t top, int64_t who)
{
	if (!figure_def(m)->distinct_vi)
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
		if (!(r->years[y - y1].n = arena_calloc(a, FIGURE__MAX, sizeof(int64_t))))
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
	struct report_deadlines dl;
};

int report_deadlines_load(struct app *app, struct arena *a, struct report_deadlines *ret)
{
	const struct deadline_rule *rules;
	size_t nrules;
	struct err e;
	int rc;

	*ret = (struct report_deadlines){.app = app, .cal = app_cal(app), .today = date_today()};
	err_init(&e);
	rc = deadline_rules(app, a, &rules, &nrules, &e);
	err_release(&e);
	if (rc < 0)
		return rc;
	ret->report_rule = deadline_rule_find(rules, nrules, TRIP_REPORT_RULE);
	ret->letter_rule = deadline_rule_find(rules, nrules, LETTER_RULE);
	ret->rules = rules;
	ret->nrules = nrules;
	return 0;
}

int report_line_timed(enum report_line line)
{
	return line == REPORT_LINE_TRAVELLER || line == REPORT_LINE_LETTER ||
	       line == REPORT_LINE_DENUNCIATION || line == REPORT_LINE_COMPLAINT;
}

/* The outcome of case_id's deadlines, from its history as of today: each
 * rule of its kind that applies (the resolution; an extension, once
 * taken), the worst of them - overdue if any is, untimed while any runs in
 * time, late if any was done late, else on time.  FIGURE_UNTIMED when none
 * applies; < 0 on error. */
static int case_timing(const struct report_deadlines *dl, enum case_kind_id kind, int64_t case_id,
                       enum figure_timing *ret)
{
	struct case_event_list ev;
	struct arena a;
	int rc, any = 0, open = 0, late = 0, overdue = 0;

	*ret = FIGURE_UNTIMED;
	arena_init(&a, 1 << 20);
	rc = store_case_events(app_store(dl->app), case_id, &a, &ev);
	for (size_t i = 0; rc >= 0 && i < dl->nrules; i++) {
		struct deadline d;

		if (dl->rules[i].kind != kind ||
		    (rc = deadline_compute(dl->cal, &dl->rules[i], ev.v, ev.n, dl->today, &d)) != 1)
			continue;
		any = 1;
		overdue |= d.level == DEADLINE_OVERDUE;
		late |= d.level == DEADLINE_DONE_LATE;
		open |= d.level != DEADLINE_DONE && d.level != DEADLINE_DONE_LATE;
	}
	arena_release(&a);
	if (rc < 0)
		return rc;
	if (overdue)
		*ret = FIGURE_OVERDUE;
	else if (any && !open)
		*ret = late ? FIGURE_LATE : FIGURE_ON_TIME;
	return 0;
}

/* The source of a timed line's figures and the rule of its deadline. */
static enum figure_source line_source(const struct report_deadlines *dl, enum report_line line,
                                      const struct deadline_rule **ret_rule)
{
	switch (line) {
	case REPORT_LINE_TRAVELLER:
		*ret_rule = dl->report_rule;
		return FIGURE_TRAVELLER;
	case REPORT_LINE_DENUNCIATION:
		*ret_rule = NULL;
		return FIGURE_DENUNCIATION;
	case REPORT_LINE_COMPLAINT:
		*ret_rule = NULL;
		return FIGURE_COMPLAINT;
	default:
		*ret_rule = dl->letter_rule;
		return FIGURE_LETTER;
	}
}

enum figure report_deadline_figure(const struct report_deadlines *dl,
                                   const struct report_cell *cell, int *ret_rc)
{
	const struct deadline_rule *r;
	enum figure_source source = line_source(dl, cell->line, &r);
	enum figure_timing t = FIGURE_UNTIMED;
	struct deadline d;
	int rc;

	*ret_rc = 0;
	if (source == FIGURE_DENUNCIATION || source == FIGURE_COMPLAINT) {
		rc =
		    case_timing(dl, source == FIGURE_COMPLAINT ? KIND_COMPLAINT : KIND_DENUNCIATION,
		                cell->case_id, &t);
		*ret_rc = rc < 0 ? rc : 0;
	} else if (r &&
	           (rc = deadline_span(dl->cal, r, cell->start, cell->done, dl->today, &d)) == 1) {
		t = d.level == DEADLINE_DONE        ? FIGURE_ON_TIME
		    : d.level == DEADLINE_DONE_LATE ? FIGURE_LATE
		    : d.level == DEADLINE_OVERDUE   ? FIGURE_OVERDUE
		                                    : FIGURE_UNTIMED;
	} else if (r && rc < 0) {
		*ret_rc = rc;
	}
	return t == FIGURE_UNTIMED ? FIGURE__MAX : figure_of_deadline(source, t);
}

static int cell_one(const struct report_cell *cell, void *arg)
{
	struct reading *rd = arg;
	enum figure m = cell->figure;
	int64_t top = cell->top;
	int y, mo, d, rc = 0;

	if (report_line_timed(cell->line))
		m = report_deadline_figure(&rd->dl, cell, &rc);
	if ((unsigned)m >= FIGURE__MAX) /* not counted */
		return rc;
	if (rd->x && !(top = report_placed_top(rd->x, top)))
		return 0;
	date_civil(cell->day, &y, &mo, &d);
	/* the period, the one before, or (for odd ranges) both */
	for (int p = 0; rc == 0 && p < 2; p++) {
		if (cell->day < rd->c[p].r->from || cell->day > rd->c[p].r->to)
			continue;
		rc = cell->line == REPORT_LINE_SUBJECT
		         ? subject_one(&rd->subj[p], m, top, cell->who)
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
	r->nfigures = FIGURE__MAX;
	if (!(r->figures = arena_calloc(a, FIGURE__MAX, sizeof(*r->figures))))
		return HOSO_E_NOMEM;
	for (int i = 0; i < FIGURE__MAX; i++)
		r->figures[i].def = figure_def((enum figure)i);
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
	                     .x = x};
	int rc;

	if ((rc = report_start(ret, org, p->from, p->to, structure, a)) < 0 ||
	    (rc = report_start(prev, org, p->prev_from, p->prev_to, structure, a)) < 0 ||
	    (rc = report_deadlines_load(app, a, &rd.dl)) < 0)
		return rc;
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
	if ((rc = gate_role(who, READ_ROLES, e)) < 0 ||
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
	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
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
	report_restructure_release(&x);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	ret->code = o.code;
	ret->name = o.name;
	ret->prev_from = prev.from;
	ret->prev_to = prev.to;
	ret->term_first = p->term_first;
	ret->term_last = p->term_last;
	for (size_t i = 0; i < FIGURE__MAX; i++) {
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

/* One figure of the report: its catalogue entry and its numbers. */
static json_t *figure_json(const struct report_figure *f)
{
	const struct figure_def *def = f->def;
	json_t *by = json_object(), *o;

	for (size_t j = 0; j < f->nby; j++)
		json_object_set_new(by, f->by[j].dim, json_integer(f->by[j].n));
	o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s?,s:I,s:I,s:o}", "code", def->code, "name",
	              def->vi, "name_en", def->en, "short", def->short_vi, "short_en",
	              def->short_en, "unit", def->unit_vi, "unit_en", def->unit_en, "kind",
	              def->kind, "total", (json_int_t)f->total, "previous", (json_int_t)f->previous,
	              "by", by);
	if (o && def->distinct_vi)
		json_object_update_new(o, json_pack("{s:I,s:I,s:s,s:s}", "distinct",
		                                    (json_int_t)f->distinct, "distinct_previous",
		                                    (json_int_t)f->distinct_previous,
		                                    "distinct_unit", def->distinct_vi,
		                                    "distinct_unit_en", def->distinct_en));
	return o;
}

/* {code: n} for the figures (only those with a distinct count when
 * distinct_only). */
static json_t *by_code_json(const struct report *r, const int64_t *n, int distinct_only)
{
	json_t *o = json_object();

	for (size_t i = 0; i < r->nfigures; i++)
		if (!distinct_only || r->figures[i].def->distinct_vi)
			json_object_set_new(o, r->figures[i].def->code, json_integer(n[i]));
	return o;
}

json_t *report_json(const struct report *r)
{
	json_t *figs = json_array(), *rows = json_array(), *changes = json_array();
	json_t *years = json_array(), *formats = json_array();
	char from[DATE_BUF], to[DATE_BUF], structure[DATE_BUF], pfrom[DATE_BUF], pto[DATE_BUF];
	char term[32];

	for (size_t i = 0; i < r->nfigures; i++)
		json_array_append_new(figs, figure_json(&r->figures[i]));
	for (size_t i = 0; i < r->nyears; i++)
		json_array_append_new(years,
		                      json_pack("{s:i,s:o}", "year", r->years[i].year, "figures",
		                                by_code_json(r, r->years[i].n, 0)));
	for (size_t i = 0; i < r->nrows; i++)
		json_array_append_new(rows, json_pack("{s:s?,s:s?,s:o,s:o}", "org", r->rows[i].code,
		                                      "name", r->rows[i].name, "figures",
		                                      by_code_json(r, r->rows[i].n, 0), "distinct",
		                                      by_code_json(r, r->rows[i].d, 1)));
	for (size_t i = 0; i < r->nchanges; i++) {
		char d[DATE_BUF];

		date_format_iso(r->changes[i].day, d);
		json_array_append_new(changes, json_pack("{s:s,s:I}", "date", d, "successions",
		                                         (json_int_t)r->changes[i].n));
	}
	for (int f = 0; f < REPORT_FORMAT__MAX; f++)
		json_array_append_new(formats,
		                      json_string(report_format_name((enum report_format)f)));
	date_format_iso(r->from, from);
	date_format_iso(r->to, to);
	if (r->structure != DATE_NONE)
		date_format_iso(r->structure, structure);
	date_format_iso(r->prev_from, pfrom);
	date_format_iso(r->prev_to, pto);
	if (r->term_first)
		snprintf(term, sizeof(term), "%d-%d", r->term_first, r->term_last);
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:{s:s,s:s},s:o,s:o,s:o,s:o,s:i,s:s?,s:o}", "org",
	                 r->code, "name", r->name, "from", from, "to", to, "structure",
	                 r->structure == DATE_NONE ? "at_the_time" : structure, "previous", "from",
	                 pfrom, "to", pto, "restructured", changes, "figures", figs, "rows", rows,
	                 "years", years, "confidentiality", r->conf, "term",
	                 r->term_first ? term : NULL, "formats", formats);
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
	struct gate_write w = {"rebuild", "counter", 0, NULL, NOUN_RECORD, 1};
	int rc;

	if ((rc = admin_whole_tree(app, who, e)) < 0 || (rc = gate_begin(app, e)) < 0)
		return rc;
	return gate_end(app, who, store_counters_rebuild(app_store(app)), &w, e);
}
