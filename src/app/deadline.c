/*
 * deadline.c - due dates in working days (deadline.h): the default rules,
 * the administrator's changes, the computation over a case's history, and
 * the list of what is due soon or overdue.
 */
#include "app/deadline.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/admin.h"
#include "app/audit.h"
#include "app/gate.h"
#include "cal/cal.h"

#include "core/banned.h"

static const struct code_name levels[] = {
    [DEADLINE_OK] = {"ok", "Trong hạn", "In time"},
    [DEADLINE_EARLY] = {"early", "Sắp đến hạn", "Due soon"},
    [DEADLINE_LATE] = {"late", "Gần hết hạn", "Nearly due"},
    [DEADLINE_OVERDUE] = {"overdue", "Quá hạn", "Overdue"},
    [DEADLINE_DONE] = {"done", "Xong đúng hạn", "Done in time"},
    [DEADLINE_DONE_LATE] = {"done_late", "Xong quá hạn", "Done late"},
};

const struct code_set deadline_levels = CODE_SET(levels);

const struct deadline_rule *deadline_rule_find(const struct deadline_rule *rules, size_t n,
                                               const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rules[i].code, code) == 0)
			return &rules[i];
	return NULL;
}

const char *deadline_level_name(enum deadline_level l)
{
	return (size_t)l < CASE_N(levels) ? levels[l].code : "ok";
}

int deadline_level_parse(const char *s, enum deadline_level *ret)
{
	int i = code_index(levels, CASE_N(levels), s);

	if (i < DEADLINE_EARLY || i > DEADLINE_OVERDUE)
		return HOSO_E_BAD_ENUM;
	*ret = (enum deadline_level)i;
	return 0;
}

/* The defaults: every kind's rules (DOMAIN.md §4; [config] there means the
 * province sets it), in the kinds' order. */
static int defaults(struct arena *a, struct deadline_rule **ret, size_t *ret_n)
{
	const struct case_kind *const *k;
	struct deadline_rule *v;
	size_t nk, n = 0, m = 0;

	k = case_kinds(&nk);
	for (size_t i = 0; i < nk; i++)
		n += k[i]->ndeadlines;
	if (!(v = arena_alloc(a, (n ? n : 1) * sizeof(*v))))
		return HOSO_E_NOMEM;
	for (size_t i = 0; i < nk; i++)
		for (size_t j = 0; j < k[i]->ndeadlines; j++)
			v[m++] = k[i]->deadlines[j];
	*ret = v;
	*ret_n = n;
	return 0;
}

int deadline_rules(struct app *app, struct arena *a, const struct deadline_rule **ret,
                   size_t *ret_n, struct err *e)
{
	struct deadline_rule *v;
	struct deadline_rule_list over;
	size_t n;
	int rc;

	if ((rc = defaults(a, &v, &n)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if ((rc = store_deadline_rules(app_store(app), a, &over)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	for (size_t i = 0; i < over.n; i++)
		for (size_t k = 0; k < n; k++)
			if (strcmp(v[k].code, over.v[i].code) == 0) {
				v[k].working_days = over.v[i].working_days;
				v[k].remind_early = over.v[i].remind_early;
				v[k].remind_late = over.v[i].remind_late;
				v[k].is_default = 0;
			}
	*ret = v;
	*ret_n = n;
	return 0;
}

struct rule_put {
	struct deadline_rule_row row;
	int64_t user_id;
};

static int write_rule(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	const struct rule_put *p = arg;

	(void)w;
	(void)e;
	return store_deadline_rule_put(app_store(app), &p->row, p->user_id);
}

int deadline_rule_set(struct app *app, const struct actor *who, const char *code, int working_days,
                      int remind_early, int remind_late, struct err *e)
{
	const struct deadline_rule *rules, *r = NULL;
	struct rule_put p = {{code, working_days, remind_early, remind_late}, who->user_id};
	struct gate_write w = {"update", "deadline_rule", 0, NULL, NOUN_RECORD};
	struct arena a;
	size_t n;
	int rc;

	if ((rc = admin_whole_tree(app, who, e)) < 0)
		return rc;
	if (working_days < 1 || working_days > 1000)
		return err_set(e, HOSO_E_RANGE, "working_days", "Số ngày làm việc từ 1 đến 1000",
		               "Working days from 1 to 1000");
	if (remind_early < 1 || remind_late > 99 || remind_early >= remind_late)
		return err_set(e, HOSO_E_RANGE, "remind_early",
		               "Nhắc sớm và nhắc muộn là tỉ lệ % từ 1 đến 99, nhắc sớm nhỏ hơn",
		               "Reminders are percentages from 1 to 99, the early one smaller");
	arena_init(&a, 1 << 16);
	if ((rc = deadline_rules(app, &a, &rules, &n, e)) < 0)
		goto out;
	if (!code || !(r = deadline_rule_find(rules, n, code))) {
		rc = err_set(e, HOSO_E_NOT_FOUND, "code", "Không có quy tắc thời hạn '%s'",
		             "There is no deadline rule '%s'", code ? code : "");
		goto out;
	}
	w.detail = json_pack("{s:s,s:{s:i,s:i},s:{s:i,s:i},s:{s:i,s:i}}", "code", code,
	                     "working_days", "before", r->working_days, "after", working_days,
	                     "remind_early", "before", r->remind_early, "after", remind_early,
	                     "remind_late", "before", r->remind_late, "after", remind_late);
	rc = gate_write(app, who, &w, write_rule, &p, e);
out:
	arena_release(&a);
	return rc;
}

int deadline_span(const struct cal *c, const struct deadline_rule *r, int32_t start, int32_t done,
                  int32_t today, struct deadline *ret)
{
	struct case_event_row ev[2] = {{.to_state = r->start, .on_date = start},
	                               {.to_state = r->ends[0], .on_date = done}};

	if (start == DATE_NONE) {
		memset(ret, 0, sizeof(*ret));
		return 0;
	}
	return deadline_compute(c, r, ev, done == DATE_NONE ? 1 : 2, today, ret);
}

int deadline_compute(const struct cal *c, const struct deadline_rule *r,
                     const struct case_event_row *ev, size_t n, int32_t today, struct deadline *ret)
{
	const struct case_kind *k = case_kind_get(r->kind);
	struct cal_pause pauses[64];
	size_t i = 0, np = 0;
	int32_t paused_from = DATE_NONE, end;
	int rc;

	memset(ret, 0, sizeof(*ret));
	ret->rule = r;
	ret->done = DATE_NONE;
	while (i < n && strcmp(ev[i].to_state, r->start) != 0)
		i++;
	if (!k || i == n)
		return 0;
	ret->start = ev[i].on_date;
	for (size_t j = i + 1; j < n && ret->done == DATE_NONE; j++) {
		const struct case_state *st = case_state_find(k, ev[j].to_state);

		/* A pause runs from the day after it began to the day it ended. */
		if (paused_from != DATE_NONE && ev[j].on_date > paused_from && np < 64)
			pauses[np++] = (struct cal_pause){paused_from + 1, ev[j].on_date};
		paused_from = DATE_NONE;
		if (app_one_of(ev[j].to_state, r->ends))
			ret->done = ev[j].on_date;
		else if (st && (st->flags & CASE_PAUSES))
			paused_from = ev[j].on_date;
	}
	if (paused_from != DATE_NONE) {
		ret->paused = 1;
		if (today > paused_from && np < 64)
			pauses[np++] = (struct cal_pause){paused_from + 1, today};
	}
	if ((rc = cal_add_workdays(c, ret->start, r->working_days, pauses, np, &ret->due)) < 0)
		return rc;
	end = ret->done != DATE_NONE ? ret->done : today;
	if (end < ret->start)
		end = ret->start;
	if ((rc = cal_count_workdays(c, ret->start, end, pauses, np, &ret->used)) < 0)
		return rc;
	ret->left = r->working_days - ret->used;
	if (ret->done != DATE_NONE)
		ret->level = ret->done <= ret->due ? DEADLINE_DONE : DEADLINE_DONE_LATE;
	else if (today > ret->due)
		ret->level = DEADLINE_OVERDUE;
	else if (ret->used * 100 >= r->remind_late * r->working_days)
		ret->level = DEADLINE_LATE;
	else if (ret->used * 100 >= r->remind_early * r->working_days)
		ret->level = DEADLINE_EARLY;
	else
		ret->level = DEADLINE_OK;
	return 1;
}

int deadline_of_case(struct app *app, const struct case_view *v, struct arena *a,
                     struct deadline **ret, size_t *ret_n, struct err *e)
{
	const struct deadline_rule *rules;
	struct deadline *out;
	size_t n, m = 0;
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = deadline_rules(app, a, &rules, &n, e)) < 0)
		return rc;
	if (!(out = arena_alloc(a, n * sizeof(*out))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		if (!v->kind || rules[i].kind != v->kind->id)
			continue;
		rc = deadline_compute(app_cal(app), &rules[i], v->events.v, v->events.n,
		                      date_today(), &out[m]);
		if (rc < 0)
			return err_set(e, rc, NULL, NULL, NULL);
		m += (size_t)rc;
	}
	*ret = out;
	*ret_n = m;
	return 0;
}

int deadline_case_overdue(struct app *app, const struct case_row *c,
                          const struct deadline_rule *rules, size_t n)
{
	const struct case_kind *k = case_kind_of(c);
	const struct case_state *st = k ? case_state_find(k, c->state) : NULL;
	struct case_event_list ev;
	struct arena tmp;
	int rc, over = 0;

	if (!st || (st->flags & CASE_FINAL))
		return 0;
	arena_init(&tmp, 1 << 20);
	rc = store_case_events(app_store(app), c->id, &tmp, &ev);
	for (size_t i = 0; rc >= 0 && !over && i < n; i++) {
		struct deadline d;

		if (rules[i].kind == k->id && (rc = deadline_compute(app_cal(app), &rules[i], ev.v,
		                                                     ev.n, date_today(), &d)) == 1)
			over = d.level == DEADLINE_OVERDUE;
	}
	arena_release(&tmp);
	return rc < 0 ? rc : over;
}

struct due_scan {
	struct app *app;
	const struct deadline_rule *rules;
	size_t nrules;
	enum deadline_level min;
	struct arena *a;
	struct deadline_item *v;
	size_t n, cap;
	int rc;
};

static int due_one(const struct case_row *c, void *arg)
{
	struct due_scan *s = arg;
	const struct case_kind *k = case_kind_of(c);
	const struct case_state *st = k ? case_state_find(k, c->state) : NULL;
	struct case_event_list ev;
	struct arena tmp;
	int rc = 0;

	if (!st || (st->flags & CASE_FINAL))
		return 0;
	arena_init(&tmp, 1 << 20);
	if ((rc = store_case_events(app_store(s->app), c->id, &tmp, &ev)) < 0)
		goto out;
	for (size_t i = 0; rc >= 0 && i < s->nrules; i++) {
		struct deadline_item *v;
		struct deadline d;

		if (s->rules[i].kind != k->id)
			continue;
		rc = deadline_compute(app_cal(s->app), &s->rules[i], ev.v, ev.n, date_today(), &d);
		if (rc != 1 || d.level < s->min || d.level >= DEADLINE_DONE)
			continue;
		if ((v = store_vec_grow(s->a, s->v, s->n, &s->cap, sizeof(*v))))
			s->v = v;
		if (!v || case_brief_copy(s->a, c, &v[s->n].c) < 0) {
			rc = HOSO_E_NOMEM;
			break;
		}
		v[s->n].d = d;
		s->n++;
		rc = 0;
	}
out:
	arena_release(&tmp);
	s->rc = rc < 0 ? rc : 0;
	return rc < 0 ? 1 : 0;
}

int deadline_cmp(const struct deadline *a, const struct deadline *b)
{
	if (a->level != b->level)
		return a->level > b->level ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return 0;
}

static int urgency(const void *x, const void *y)
{
	const struct deadline_item *a = x, *b = y;
	int c = deadline_cmp(&a->d, &b->d);

	return c ? c : (a->c.id > b->c.id) - (a->c.id < b->c.id);
}

int deadline_due_record(struct app *app, const struct actor *who, const char *object,
                        enum deadline_level min_level, size_t n, size_t limit, size_t *ret_n,
                        struct err *e)
{
	if (limit == DEADLINE_UNSHOWN) {
		*ret_n = n;
		return 0;
	}
	*ret_n = n < limit ? n : limit;
	return audit_record_json(app, who, (struct audit_entry){"search", object, 0, NULL, 0},
	                         json_pack("{s:s,s:I}", "min_level", deadline_level_name(min_level),
	                                   "results", (json_int_t)*ret_n),
	                         e);
}

int deadline_scan(struct app *app, const struct actor *who, enum deadline_level min_level,
                  struct arena *a, struct deadline_item **ret, size_t *ret_n, struct err *e)
{
	struct due_scan s = {.app = app, .min = min_level, .a = a};
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = gate_role(who, GATE_RECORD_READERS, e)) < 0 ||
	    (rc = deadline_rules(app, a, &s.rules, &s.nrules, e)) < 0)
		return rc;
	if ((rc = case_each_visible(app, who, due_one, &s, e)) < 0)
		return rc;
	if (s.rc < 0)
		return err_set(e, s.rc, NULL, NULL, NULL);
	if (s.n)
		qsort(s.v, s.n, sizeof(*s.v), urgency);
	*ret = s.v;
	*ret_n = s.n;
	return 0;
}

int deadline_due(struct app *app, const struct actor *who, enum deadline_level min_level,
                 size_t limit, struct arena *a, struct deadline_item **ret, size_t *ret_n,
                 struct err *e)
{
	size_t n;
	int rc = deadline_scan(app, who, min_level, a, ret, &n, e);

	*ret_n = 0;
	return rc < 0 ? rc
	              : deadline_due_record(app, who, "deadline", min_level, n, limit, ret_n, e);
}

json_t *deadline_json(const struct deadline *d)
{
	return json_pack("{s:s,s:s,s:s,s:o,s:o,s:o,s:i,s:i,s:i,s:b,s:s}", "rule", d->rule->code,
	                 "name", d->rule->vi, "name_en", d->rule->en, "start",
	                 code_date_json(d->start), "due", code_date_json(d->due), "done",
	                 code_date_json(d->done), "working_days", d->rule->working_days, "used",
	                 d->used, "left", d->left, "paused", d->paused, "level",
	                 deadline_level_name(d->level));
}

json_t *deadline_rule_json(const struct deadline_rule *r)
{
	json_t *ends = json_array();

	for (const char *const *x = r->ends; *x; x++)
		json_array_append_new(ends, json_string(*x));
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:o,s:i,s:i,s:i,s:b,s:s}", "code", r->code, "kind",
	                 case_kind_code(r->kind), "name", r->vi, "name_en", r->en, "start",
	                 r->start, "ends", ends, "working_days", r->working_days, "remind_early",
	                 r->remind_early, "remind_late", r->remind_late, "default", r->is_default,
	                 "source", r->source);
}

json_t *deadline_item_json(struct app *app, const struct actor *who, const struct deadline_item *it,
                           struct arena *a)
{
	json_t *o = case_brief_json(app, who, &it->c, a);

	json_object_set_new(o, "deadline", deadline_json(&it->d));
	return o;
}
