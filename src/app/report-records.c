/*
 * report-records.c - the records behind a figure of a report (report.h,
 * report_records): "94 tổ chức có vi phạm" opens on those 94
 * organisations, and "120 lượt" on the 120 findings counted.
 *
 * The records are read by the same definitions the counters are kept by
 * (store_figure_records), under the same root, days and clearance, and
 * placed like the report's (as at the time by the store, or under a
 * structure date by report_placed_top); the deadline figures keep the
 * travellers and letters whose deadline gives the figure, as the report
 * computes it.  So the list's count is the report's figure by
 * construction, and a unit test holds them equal on the demo data.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/appraisal.h"
#include "app/case.h"
#include "app/codes.h"
#include "app/denunciation.h"
#include "app/discipline.h"
#include "app/finding.h"
#include "app/inspection.h"
#include "app/gate.h"
#include "app/petition.h"
#include "app/report.h"
#include "app/reportInt.h"
#include "app/scope.h"
#include "app/user.h"
#include "core/date.h"
#include "store/store.h"

#include "core/banned.h"

#define READ_ROLES GATE_RECORD_READERS

/* One record kept while reading: what the page needs later. */
struct kept {
	int64_t case_id, who, top;
	int person;
	int32_t day;
	const char *dim;
};

struct gathering {
	const struct report_records_query *q;
	int64_t row;           /* q->row's organisation (-1: none such) */
	struct restructure *x; /* NULL: as at the time */
	struct report_deadlines dl;
	struct arena *a;
	struct kept *v;
	size_t n, cap;
};

static int keep(struct gathering *g, const struct report_cell *c, int64_t top)
{
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 256;
		struct kept *v = realloc(g->v, cap * sizeof(*v));

		if (!v)
			return HOSO_E_NOMEM;
		g->v = v;
		g->cap = cap;
	}
	/* the breakdown values are few and short: a copy each costs little */
	g->v[g->n] =
	    (struct kept){c->case_id, c->who, top, c->person, c->day, arena_strdup(g->a, c->dim)};
	return g->v[g->n++].dim ? 0 : HOSO_E_NOMEM;
}

static int gather_one(const struct report_cell *c, void *arg)
{
	struct gathering *g = arg;
	int64_t top = c->top;
	int rc = 0;

	if (report_line_timed(c->line)) {
		if (report_deadline_figure(&g->dl, c, &rc) != g->q->figure)
			return rc;
	}
	if (g->x && !(top = report_placed_top(g->x, top)))
		return 0;
	if ((g->q->dim && strcmp(g->q->dim, c->dim) != 0) || (g->q->row && g->row != top))
		return 0;
	return keep(g, c, top);
}

/* By subject, then newest first within it (the records come newest first,
 * and the sort keeps that order by comparing it last). */
static int cmp_subject(const void *a, const void *b)
{
	const struct kept *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	if (x->who != y->who)
		return x->who < y->who ? -1 : 1;
	if (x->day != y->day)
		return x->day > y->day ? -1 : 1;
	return x->case_id > y->case_id ? -1 : x->case_id < y->case_id;
}

/* The subjects of the kept records, each once, with how many records are
 * about it and its newest case; most records first. */
static int cmp_busiest(const void *a, const void *b)
{
	const struct report_subject *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int subjects_of(struct gathering *g, struct report_records *ret)
{
	struct report_subject *s = NULL;
	size_t n = 0;

	if (g->n)
		qsort(g->v, g->n, sizeof(*g->v), cmp_subject);
	if (g->n && !(s = arena_calloc(g->a, g->n, sizeof(*s))))
		return HOSO_E_NOMEM;
	for (size_t i = 0; i < g->n; i++) {
		const struct kept *k = &g->v[i];

		if (i && k->who == g->v[i - 1].who && k->person == g->v[i - 1].person) {
			s[n - 1].n++;
			continue;
		}
		s[n++] = (struct report_subject){.id = k->who,
		                                 .person = k->person,
		                                 .n = 1,
		                                 .case_id = k->case_id,
		                                 .day = k->day};
	}
	if (n)
		qsort(s, n, sizeof(*s), cmp_busiest);
	ret->distinct = (int64_t)n;
	ret->subjects = n ? s : NULL;
	ret->nsubjects = n;
	return 0;
}

/* The name of a subject, as the reader may see it (NULLs when not). */
static void subject_name(struct app *app, const struct actor *who, int person, int64_t id,
                         int32_t day, struct arena *a, struct case_name *ret)
{
	ret->code = ret->name = NULL;
	if (!id)
		return;
	if (person)
		case_person_name(app, who, id, a, ret);
	else
		case_org_name(app, who, id, day, a, ret);
}

/* The page of records: each case as the reader may see it (NULL when
 * counted but outside their sight today: an organisation since moved out
 * of their scope), its subject named. */
static int page_records(struct app *app, const struct actor *who, struct gathering *g,
                        struct report_records *ret)
{
	size_t end = ret->offset + ret->limit < g->n ? ret->offset + ret->limit : g->n;
	struct report_record *v;

	ret->nrecords = end > ret->offset ? end - ret->offset : 0;
	if (!ret->nrecords)
		return 0;
	if (!(v = arena_calloc(g->a, ret->nrecords, sizeof(*v))))
		return HOSO_E_NOMEM;
	for (size_t i = 0; i < ret->nrecords; i++) {
		const struct kept *k = &g->v[ret->offset + i];
		struct case_row *c = arena_alloc(g->a, sizeof(*c));
		struct err e;

		if (!c)
			return HOSO_E_NOMEM;
		v[i] = (struct report_record){.case_id = k->case_id,
		                              .dim = k->dim,
		                              .day = k->day,
		                              .subject = k->who,
		                              .person = k->person};
		err_init(&e);
		/* a letter of the register counts without a case (case 0) */
		if (k->case_id && case_fetch(app, who, k->case_id, g->a, c, &e) == 0) {
			v[i].c = c;
			subject_name(app, who, k->person, k->who, k->day, g->a, &v[i].name);
		}
		err_release(&e);
	}
	ret->records = v;
	return 0;
}

static int page_subjects(struct app *app, const struct actor *who, struct arena *a,
                         struct report_records *ret)
{
	size_t end =
	    ret->offset + ret->limit < ret->nsubjects ? ret->offset + ret->limit : ret->nsubjects;

	if (ret->offset >= ret->nsubjects) {
		ret->subjects = NULL;
		ret->nsubjects = 0;
		return 0;
	}
	ret->subjects += ret->offset;
	ret->nsubjects = end - ret->offset;
	for (size_t i = 0; i < ret->nsubjects; i++) {
		struct report_subject *s = &ret->subjects[i];
		struct case_row c;
		struct err e;

		err_init(&e);
		/* named only when the reader may see a case about it */
		if (case_fetch(app, who, s->case_id, a, &c, &e) == 0)
			subject_name(app, who, s->person, s->id, s->day, a, &s->name);
		err_release(&e);
	}
	return 0;
}

static int records_check(struct app *app, const struct actor *who, int64_t org,
                         const struct report_period *p, const struct report_records_query *q,
                         struct err *e)
{
	const struct figure_def *def = figure_def(q->figure);
	int rc;

	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (!def)
		return err_set(e, HOSO_E_BAD_ENUM, "figure", "Không có số liệu này",
		               "No such figure");
	if (q->subjects && !def->distinct_vi)
		return err_set(e, HOSO_E_INVALID, "subjects",
		               "Số liệu này không đếm theo tổ chức hay đảng viên",
		               "This figure is not counted by organisation or member");
	if (q->limit < 1 || q->limit > REPORT_RECORDS_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "limit", "Mỗi trang từ 1 đến %d dòng",
		               "A page has 1 to %d lines", REPORT_RECORDS_MAX);
	if (p->to < p->from)
		return err_set(e, HOSO_E_BAD_DATE, "to", "Kỳ báo cáo kết thúc trước khi bắt đầu",
		               "The period ends before it starts");
	if (scope_contains(app, who, org) != 1)
		return err_set(e, HOSO_E_NOT_FOUND, "org", "Không tìm thấy tổ chức",
		               "Organisation not found");
	return 0;
}

int report_records(struct app *app, const struct actor *who, int64_t org,
                   const struct report_period *p, int32_t structure,
                   const struct report_records_query *q, struct arena *a,
                   struct report_records *ret, struct err *e)
{
	struct restructure x = {.app = app, .root = org, .day = structure};
	struct gathering g = {.q = q, .x = structure == DATE_NONE ? NULL : &x, .a = a};
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = records_check(app, who, org, p, q, e)) < 0)
		return rc;
	*ret = (struct report_records){.figure = q->figure,
	                               .org = org,
	                               .from = p->from,
	                               .to = p->to,
	                               .structure = structure,
	                               .offset = q->offset,
	                               .limit = q->limit};
	/* a row named by a code that is none of the report's lists nothing,
	 * as a row of the report with no records does */
	if (q->row && store_org_by_code(app_store(app), q->row, NULL, &g.row) < 0)
		g.row = -1;
	if ((rc = report_deadlines_load(app, a, &g.dl)) == 0)
		rc = store_figure_records(app_store(app), q->figure, org, structure == DATE_NONE,
		                          p->from, p->to, (int)who->clearance, gather_one, &g);
	report_restructure_release(&x);
	ret->count = (int64_t)g.n;
	if (rc == 0)
		rc = page_records(app, who, &g, ret);
	if (rc == 0 && figure_def(q->figure)->distinct_vi && (rc = subjects_of(&g, ret)) == 0) {
		if (q->subjects) {
			ret->records = NULL;
			ret->nrecords = 0;
			rc = page_subjects(app, who, a, ret);
		} else {
			ret->subjects = NULL;
			ret->nsubjects = 0;
		}
	}
	free(g.v);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	return audit_record_json(
	    app, who, (struct audit_entry){"report_records", "org", org, NULL, 0},
	    json_pack("{s:s,s:I,s:I,s:I,s:s?,s:s?,s:I}", "figure", figure_code(q->figure), "from",
	              (json_int_t)p->from, "to", (json_int_t)p->to, "structure",
	              (json_int_t)(structure == DATE_NONE ? 0 : structure), "dim", q->dim, "row",
	              q->row, "count", (json_int_t)ret->count),
	    e);
}

void report_dim_name(enum figure f, const char *dim, const char **vi, const char **en)
{
	const struct figure_def *def = figure_def(f);
	const struct discipline_form *form;
	const struct case_kind *k;
	struct code_set t = {0};
	const struct code_name *c;

	*vi = *en = NULL;
	if (!def || !dim || !*dim)
		return;
	switch (f) {
	case FIGURE_KT_TO_CHUC_VI_PHAM:
	case FIGURE_KT_DANG_VIEN_VI_PHAM:
		t = finding_conclusions;
		break;
	case FIGURE_TD_KET_QUA:
		t = appraisal_outcomes;
		break;
	case FIGURE_TC_KET_LUAN:
		t = point_conclusions;
		break;
	case FIGURE_DT_NHAN:
		t = petition_kinds;
		break;
	case FIGURE_DT_KENH:
		t = petition_channels;
		break;
	case FIGURE_KT_CHU_THE:
		t = inspection_actors;
		break;
	case FIGURE_DT_XU_LY:
		t = petition_states;
		break;
	case FIGURE_KL_TO_CHUC:
	case FIGURE_KL_DANG_VIEN:
		if ((form = discipline_form_find(dim))) {
			*vi = form->vi;
			*en = form->en;
		}
		return;
	default: /* the subtypes of the figure's kind of case */
		if (def->kind && (k = case_kind_find(def->kind))) {
			t.codes = k->subtypes;
			t.n = k->nsubtypes;
		}
	}
	if ((c = code_find(t.codes, t.n, dim))) {
		*vi = c->vi;
		*en = c->en;
	}
}

static json_t *subject_json(int person, int64_t id, const struct case_name *name)
{
	if (!id)
		return json_null();
	if (!name->name)
		return json_pack("{s:s,s:n}", "kind", person ? "person" : "org", "name");
	return json_pack("{s:s,s:I,s:s?,s:s}", "kind", person ? "person" : "org", "id",
	                 (json_int_t)id, "code", name->code, "name", name->name);
}

json_t *report_records_json(struct app *app, const struct actor *who,
                            const struct report_records *r, struct arena *a)
{
	const struct figure_def *def = figure_def(r->figure);
	json_t *records = json_array(), *subjects = json_array(), *o;
	char from[DATE_BUF], to[DATE_BUF], structure[DATE_BUF];

	for (size_t i = 0; i < r->nrecords; i++) {
		const struct report_record *x = &r->records[i];
		char day[DATE_BUF];

		const char *vi, *en;

		date_format_iso(x->day, day);
		report_dim_name(r->figure, x->dim, &vi, &en);
		json_array_append_new(
		    records,
		    json_pack("{s:o,s:o,s:s,s:s?,s:s?,s:s}", "case",
		              x->c ? case_brief_json(app, who, x->c, a) : json_null(), "subject",
		              x->c ? subject_json(x->person, x->subject, &x->name) : json_null(),
		              "dim", x->dim, "dim_name", vi, "dim_name_en", en, "date", day));
	}
	for (size_t i = 0; i < r->nsubjects; i++) {
		const struct report_subject *s = &r->subjects[i];
		json_t *j = subject_json(s->person, s->id, &s->name);

		json_object_set_new(j, "n", json_integer(s->n));
		json_object_set_new(j, "case",
		                    s->name.name ? json_integer(s->case_id) : json_null());
		json_array_append_new(subjects, j);
	}
	date_format_iso(r->from, from);
	date_format_iso(r->to, to);
	if (r->structure != DATE_NONE)
		date_format_iso(r->structure, structure);
	o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:o,s:o}", "figure", def->code,
	              "name", def->vi, "name_en", def->en, "unit", def->unit_vi, "unit_en",
	              def->unit_en, "from", from, "to", to, "structure",
	              r->structure == DATE_NONE ? "at_the_time" : structure, "count",
	              (json_int_t)r->count, "offset", (json_int_t)r->offset, "limit",
	              (json_int_t)r->limit, "records", records, "subjects", subjects);
	if (o) {
		struct case_name org;

		case_org_name(app, who, r->org, r->to, a, &org);
		json_object_update_new(
		    o, json_pack("{s:s?,s:s?}", "org", org.code, "org_name", org.name));
	}
	if (o && def->distinct_vi)
		json_object_update_new(o, json_pack("{s:I,s:s,s:s}", "distinct",
		                                    (json_int_t)r->distinct, "distinct_unit",
		                                    def->distinct_vi, "distinct_unit_en",
		                                    def->distinct_en));
	return o;
}
