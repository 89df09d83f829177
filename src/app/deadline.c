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
#include "app/scope.h"
#include "cal/cal.h"

#include "core/banned.h"

static const char *const appraisal_ends[] = {"ket_luan", "chuyen_cap_tren", NULL};
static const char *const report_ends[] = {"da_nop_bao_cao", "da_xem_xet", NULL};
static const char *const state_body_ends[] = {"thi_hanh", "dong", NULL};
static const char *const complaint_ends[] = {"dong", NULL};
static const char *const letter_ends[] = {"tra_loi", NULL};

/* The defaults (DOMAIN.md §4; [config] there means the province sets it). */
static const struct deadline_rule defaults[] = {
    {"tham_dinh.thuong", "tham_dinh", "Thẩm định tiêu chuẩn chính trị",
     "Political-standard appraisal", "tiep_nhan", appraisal_ends, 5, 50, 80, 1,
     "DOMAIN.md §4: 5 ngày làm việc (hồ sơ thông thường, ví dụ của một tỉnh); thời gian chờ "
     "bổ sung hồ sơ không tính"},
    {"ra_nuoc_ngoai.bao_cao", "ra_nuoc_ngoai", "Nộp báo cáo sau chuyến đi",
     "Return report after the trip", "da_ve", report_ends, 7, 50, 80, 1,
     "DOMAIN.md §4: 7 ngày làm việc kể từ ngày nhập cảnh"},
    {"ky_luat.chinh_quyen", "ky_luat", "Đề nghị chính quyền, đoàn thể xử lý kỷ luật",
     "Ask the State or mass body to apply its discipline", "quyet_dinh", state_body_ends, 30, 50,
     80, 1, "DOMAIN.md §4: 30 ngày làm việc sau khi thi hành kỷ luật đảng"},
    {"ky_luat.khieu_nai", "ky_luat", "Giải quyết khiếu nại kỷ luật (cấp tỉnh)",
     "Answer a discipline complaint (province level)", "khieu_nai", complaint_ends, 90, 50, 80, 1,
     "DOMAIN.md §4: 90 ngày làm việc ở cấp tỉnh (180 ở Trung ương)"},
    {"thu_xac_minh.tra_loi", "tham_tra_ly_lich", "Trả lời văn bản thẩm tra, xác minh",
     "Answer to a verification letter", "gui", letter_ends, 30, 50, 80, 1,
     "Giả định 30 ngày làm việc: DOMAIN.md §4 để tỉnh tự quy định [config]"},
};

#define NDEFAULTS (sizeof(defaults) / sizeof(defaults[0]))

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
	static const char *const names[] = {"ok", "early", "late", "overdue", "done", "done_late"};

	return (size_t)l < sizeof(names) / sizeof(names[0]) ? names[l] : "ok";
}

int deadline_rules(struct app *app, struct arena *a, const struct deadline_rule **ret,
                   size_t *ret_n, struct err *e)
{
	struct deadline_rule *v = arena_alloc(a, sizeof(defaults));
	struct deadline_rule_list over;
	int rc;

	if (!v)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	memcpy(v, defaults, sizeof(defaults));
	if ((rc = store_deadline_rules(app_store(app), a, &over)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	for (size_t i = 0; i < over.n; i++)
		for (size_t k = 0; k < NDEFAULTS; k++)
			if (strcmp(v[k].code, over.v[i].code) == 0) {
				v[k].working_days = over.v[i].working_days;
				v[k].remind_early = over.v[i].remind_early;
				v[k].remind_late = over.v[i].remind_late;
				v[k].is_default = 0;
			}
	*ret = v;
	*ret_n = NDEFAULTS;
	return 0;
}

int deadline_rule_set(struct app *app, const struct actor *who, const char *code, int working_days,
                      int remind_early, int remind_late, struct err *e)
{
	const struct deadline_rule *rules, *r = NULL;
	struct deadline_rule_row row = {code, working_days, remind_early, remind_late};
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
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = store_deadline_rule_put(app_store(app), &row, who->user_id)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(
		    app, who, (struct audit_entry){"update", "deadline_rule", 0, NULL, 0},
		    json_pack("{s:s,s:{s:i,s:i},s:{s:i,s:i},s:{s:i,s:i}}", "code", code,
		              "working_days", "before", r->working_days, "after", working_days,
		              "remind_early", "before", r->remind_early, "after", remind_early,
		              "remind_late", "before", r->remind_late, "after", remind_late),
		    e);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
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
	const struct case_kind *k = case_kind_find(r->kind);
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
		if (strcmp(rules[i].kind, v->c.kind) != 0)
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
	const struct case_kind *k = case_kind_find(c->kind);
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

		if (strcmp(rules[i].kind, c->kind) == 0 &&
		    (rc = deadline_compute(app_cal(app), &rules[i], ev.v, ev.n, date_today(),
		                           &d)) == 1)
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
	const struct case_kind *k = case_kind_find(c->kind);
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
		struct deadline d;

		if (strcmp(s->rules[i].kind, c->kind) != 0)
			continue;
		rc = deadline_compute(app_cal(s->app), &s->rules[i], ev.v, ev.n, date_today(), &d);
		if (rc != 1 || d.level < s->min || d.level >= DEADLINE_DONE)
			continue;
		if (s->n == s->cap) {
			size_t cap = s->cap ? s->cap * 2 : 64;
			struct deadline_item *v = arena_alloc(s->a, cap * sizeof(*v));

			if (!v) {
				rc = HOSO_E_NOMEM;
				break;
			}
			if (s->n)
				memcpy(v, s->v, s->n * sizeof(*v));
			s->v = v;
			s->cap = cap;
		}
		s->v[s->n].c = *c;
		s->v[s->n].c.number = arena_strdup(s->a, c->number);
		s->v[s->n].c.title = arena_strdup(s->a, c->title);
		s->v[s->n].c.kind = k->code;
		s->v[s->n].c.state = st->code;
		s->v[s->n].c.subtype = NULL;
		s->v[s->n].c.conclusion = NULL;
		s->v[s->n].c.created_at = NULL;
		s->v[s->n].d = d;
		if (!s->v[s->n].c.number || !s->v[s->n].c.title) {
			rc = HOSO_E_NOMEM;
			break;
		}
		s->n++;
		rc = 0;
	}
out:
	arena_release(&tmp);
	s->rc = rc < 0 ? rc : 0;
	return rc < 0 ? 1 : 0;
}

static int urgency(const void *x, const void *y)
{
	const struct deadline_item *a = x, *b = y;

	if (a->d.level != b->d.level)
		return a->d.level > b->d.level ? -1 : 1;
	if (a->d.due != b->d.due)
		return a->d.due < b->d.due ? -1 : 1;
	return a->c.id < b->c.id ? -1 : a->c.id > b->c.id;
}

int deadline_due(struct app *app, const struct actor *who, enum deadline_level min_level,
                 size_t limit, struct arena *a, struct deadline_item **ret, size_t *ret_n,
                 struct err *e)
{
	struct due_scan s = {.app = app, .min = min_level, .a = a};
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = scope_require_role(
	         who, 1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER,
	         e)) < 0 ||
	    (rc = deadline_rules(app, a, &s.rules, &s.nrules, e)) < 0)
		return rc;
	if ((rc = case_each_visible(app, who, due_one, &s, e)) < 0)
		return rc;
	if (s.rc < 0)
		return err_set(e, s.rc, NULL, NULL, NULL);
	if (s.n)
		qsort(s.v, s.n, sizeof(*s.v), urgency);
	*ret = s.v;
	*ret_n = s.n < limit ? s.n : limit;
	return audit_record_json(app, who, (struct audit_entry){"search", "deadline", 0, NULL, 0},
	                         json_pack("{s:s,s:I}", "min_level", deadline_level_name(min_level),
	                                   "results", (json_int_t)*ret_n),
	                         e);
}
