/*
 * finding.c - findings and remedial actions of an inspection (finding.h),
 * and the inspection's parts of the case view.
 */
#include "app/finding.h"

#include <jansson.h>
#include <string.h>

#include "app/audit.h"
#include "app/correct.h"
#include "app/deadline.h"
#include "app/gate.h"
#include "cal/cal.h"

#include "core/banned.h"

#define READ_ROLES (CASE_OFFICER | 1u << ROLE_VIEWER | 1u << ROLE_ADMIN)

static const struct code_name conclusions[] = {
    {"khong_vi_pham", "Không vi phạm", "No violation"},
    {"vi_pham_chua_den_muc", "Vi phạm chưa đến mức kỷ luật",
     "Violation below the discipline threshold"},
    {"vi_pham_phai_ky_luat", "Vi phạm đến mức phải kỷ luật", "Violation calling for discipline"},
    {"da_ky_luat", "Đã kỷ luật", "Disciplined"},
};

const struct code_set finding_conclusions = CODE_SET(conclusions);

int finding_conclusion_valid(const char *code)
{
	return code_find(conclusions, CASE_N(conclusions), code) != NULL;
}

static int insert_finding(struct store *s, const void *row, int64_t *ret_id)
{
	return store_finding_insert(s, row, ret_id);
}

static int insert_remedy(struct store *s, const void *row, int64_t *ret_id)
{
	return store_remedy_insert(s, row, ret_id);
}

static int check_finding(struct app *app, int64_t case_id, int64_t subject_id,
                         const char *conclusion, struct arena *a, struct err *e)
{
	struct case_subject_list subj;
	int rc, found = subject_id == 0;

	if (!finding_conclusion_valid(conclusion))
		return code_refuse(e, "conclusion", "Kết luận", "The conclusion", conclusions,
		                   CASE_N(conclusions));
	if ((rc = store_case_subjects(app_store(app), case_id, a, &subj)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; i < subj.n; i++)
		found |= subj.v[i].id == subject_id && !subj.v[i].withdrawn.at;
	if (!found)
		return err_set(e, HOSO_E_NOT_FOUND, "subject", "Không phải đối tượng của hồ sơ này",
		               "Not a subject of this case");
	return 0;
}

/* Only a leader concludes that a subject's violation calls for discipline
 * (DOMAIN.md §4: the decision to consider discipline is the committee's). */
static int check_concluder(const struct actor *who, const char *conclusion, struct err *e)
{
	if (!conclusion || strcmp(conclusion, "vi_pham_phai_ky_luat") != 0 ||
	    (who->roles & CASE_LEADER))
		return 0;
	return err_set(e, HOSO_E_DENIED, "conclusion",
	               "Chỉ lãnh đạo kết luận vi phạm đến mức phải kỷ luật",
	               "Only a leader concludes that a violation calls for discipline");
}

int finding_add(struct app *app, const struct actor *who, int64_t case_id, int64_t subject_id,
                const char *text, const char *conclusion, int64_t *ret_id, struct err *e)
{
	struct finding_row r = {
	    .case_id = case_id, .subject_id = subject_id, .user_id = who->user_id};
	struct case_insert in = {insert_finding, &r, ret_id, "id"};
	struct gate_write w = {"finding", "case", case_id, NULL, NOUN_CASE};
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = case_of_kind(app, who, case_id, KIND_INSPECTION, CASE_OFFICER, &a, &c, e)) < 0 ||
	    (rc = case_still_open(&c, e)) < 0 ||
	    (rc = check_finding(app, case_id, subject_id, conclusion, &a, e)) < 0 ||
	    (rc = check_concluder(who, conclusion, e)) < 0 ||
	    (rc = app_text_need(&a, text, "text", 8000, &r.text, "Thiếu nội dung",
	                        "The text is missing", e)) < 0)
		goto out;
	r.conclusion = conclusion;
	w.detail =
	    json_pack("{s:I,s:s}", "subject", (json_int_t)subject_id, "conclusion", conclusion);
	rc = gate_write(app, who, &w, case_insert_write, &in, e);
out:
	arena_release(&a);
	return rc;
}

/* For who to add a remedy to finding finding_id, or to record remedy
 * remedy_id (when not 0; read into *r) done: refused before anything is
 * looked up unless who may; then the finding and its case, which who may
 * see (one hidden is refused as a missing one). */
static int remedy_case(struct app *app, const struct actor *who, int64_t finding_id,
                       int64_t remedy_id, struct arena *a, struct remedy_row *r,
                       struct finding_row *f, struct case_row *c, struct err *e)
{
	int rc = gate_role(who, CASE_OFFICER, e);

	if (rc == 0 && remedy_id && (rc = store_remedy_get(app_store(app), remedy_id, a, r)) == 0)
		finding_id = r->finding_id;
	if (rc == 0)
		rc = store_finding_get(app_store(app), finding_id, a, f);
	if (rc == 0)
		rc = case_fetch(app, who, f->case_id, a, c, NULL);
	if (rc == HOSO_E_NOT_FOUND && !remedy_id)
		return gate_not_found(e, "finding", NOUN_FINDING);
	return gate_store_error(e, rc, remedy_id ? NOUN_REMEDY : NOUN_FINDING);
}

/* The case of finding finding_id to which who adds remedy r (its action
 * and owner cleaned into a): a finding standing in an open case, the
 * action and its owner, a due date not before the case was opened. */
static int remedy_to_add(struct app *app, const struct actor *who, int64_t finding_id,
                         struct remedy_row *r, const char *action, const char *owner,
                         struct arena *a, int64_t *ret_case, struct err *e)
{
	struct finding_row f;
	struct case_row c;
	int rc = remedy_case(app, who, finding_id, 0, a, NULL, &f, &c, e);

	if (rc < 0)
		return rc;
	if (f.withdrawn.at)
		return err_set(e, HOSO_E_CONFLICT, "finding", "Nội dung kết luận đã được rút lại",
		               "The finding has been withdrawn");
	if ((rc = case_still_open(&c, e)) < 0 ||
	    (rc = app_text_clean(a, action, "action", 2000, &r->action, e)) < 0 ||
	    (rc = app_text_clean(a, owner, "owner", 300, &r->owner, e)) < 0)
		return rc;
	if (!r->action || !r->owner)
		return err_set(e, HOSO_E_MISSING, !r->action ? "action" : "owner",
		               "Cần nội dung khắc phục và người (tổ chức) thực hiện",
		               "The action and its owner are needed");
	if (r->due == DATE_NONE || r->due < c.opened)
		return err_set(e, HOSO_E_BAD_DATE, "due",
		               "Hạn khắc phục phải có, không trước ngày mở hồ sơ",
		               "The due date is needed, not before the case was opened");
	*ret_case = c.id;
	return 0;
}

int remedy_add(struct app *app, const struct actor *who, int64_t finding_id, const char *action,
               const char *owner, int32_t due, int64_t *ret_id, struct err *e)
{
	struct remedy_row r = {.finding_id = finding_id, .due = due, .done = DATE_NONE};
	struct case_insert in = {insert_remedy, &r, ret_id, "id"};
	struct gate_write w = {"remedy", "case", 0, NULL, NOUN_CASE};
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = remedy_to_add(app, who, finding_id, &r, action, owner, &a, &w.object_id, e)) < 0)
		goto out;
	w.detail = json_pack("{s:I,s:s}", "finding", (json_int_t)finding_id, "owner", r.owner);
	rc = gate_write(app, who, &w, case_insert_write, &in, e);
out:
	arena_release(&a);
	return rc;
}

struct done_args {
	int64_t id, version;
	int32_t day;
	const char *result;
};

static int write_done(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct done_args *d = arg;

	(void)e;
	if (json_object_set_new(w->detail, "id", json_integer(d->id)) < 0)
		return HOSO_E_NOMEM;
	return store_remedy_done(app_store(app), d->id, d->day, d->result, d->version);
}

int remedy_done(struct app *app, const struct actor *who, int64_t remedy_id, int32_t day,
                const char *result, int64_t version, struct err *e)
{
	struct done_args d = {.id = remedy_id, .version = version};
	struct gate_write w = {"remedy_done", "case", 0, NULL, NOUN_REMEDY};
	struct remedy_row r;
	struct finding_row f;
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = remedy_case(app, who, 0, remedy_id, &a, &r, &f, &c, e)) < 0)
		goto out;
	d.day = day == DATE_NONE ? date_today() : day;
	if (d.day < c.opened) {
		rc = err_set(e, HOSO_E_BAD_DATE, "date", "Ngày trước ngày mở hồ sơ",
		             "The date is before the case was opened");
		goto out;
	}
	if ((rc = app_text_need(&a, result, "result", 2000, &d.result, "Cần kết quả khắc phục",
	                        "What was done is needed", e)) < 0)
		goto out;
	w.object_id = f.case_id;
	w.detail = json_pack("{s:s}", "result", d.result);
	rc = gate_write(app, who, &w, write_done, &d, e);
out:
	arena_release(&a);
	return rc;
}

struct finding_check {
	struct app *app;
	const struct actor *who;
	struct finding_row was;
	struct arena *a;
};

static void seen_finding(void *arg, const void *record, struct arena *a)
{
	struct finding_check *x = arg;

	x->was = *(const struct finding_row *)record;
	x->a = a;
}

static int check_finding_edit(void *arg, const struct case_row *c, const void *record,
                              struct err *e)
{
	const struct finding_check *x = arg;
	const struct finding_row *now = record;
	int rc;

	if ((rc = check_finding(x->app, c->id, now->subject_id, now->conclusion, x->a, e)) < 0)
		return rc;
	/* a leader's conclusion is a leader's to change */
	if (strcmp(x->was.conclusion, now->conclusion) != 0 &&
	    ((rc = check_concluder(x->who, x->was.conclusion, e)) < 0 ||
	     (rc = check_concluder(x->who, now->conclusion, e)) < 0))
		return rc;
	return 0;
}

int finding_edit(struct app *app, const struct actor *who, int64_t id,
                 const struct finding_input *in, struct err *e)
{
	struct finding_row r;
	const struct patch_field fields[] = {
	    [FINDING_TEXT] = {"text", PATCH_TEXT, 8000, &r.text, &in->text},
	    [FINDING_CONCLUSION] = {"conclusion", PATCH_CODE, 0, &r.conclusion, &in->conclusion},
	    [FINDING_SUBJECT] = {"subject", PATCH_ID, 0, &r.subject_id, &in->subject},
	};
	struct finding_check chk = {.app = app, .who = who};
	const struct correct_edit x = {.k = STORE_REC_FINDING,
	                               .id = id,
	                               .version = in->version,
	                               .fields = fields,
	                               .nfields = CASE_N(fields),
	                               .sent = in->sent,
	                               .required = 1u << FINDING_TEXT | 1u << FINDING_CONCLUSION,
	                               .seen = seen_finding,
	                               .check = check_finding_edit,
	                               .record = &r,
	                               .arg = &chk};

	return correct_edit(app, who, &x, e);
}

static int check_remedy_edit(void *arg, const struct case_row *c, const void *record, struct err *e)
{
	const struct remedy_row *r = record;
	int rc;

	(void)arg;
	if (r->due < c->opened)
		return err_set(e, HOSO_E_BAD_DATE, "due", "Hạn khắc phục không trước ngày mở hồ sơ",
		               "The due date is not before the case was opened");
	if ((rc = correct_day(c, r->done, "done", e)) < 0)
		return rc;
	if (r->done != DATE_NONE && !r->result)
		return err_set(e, HOSO_E_MISSING, "result", "Cần kết quả khắc phục",
		               "What was done is needed");
	if (r->done == DATE_NONE && r->result)
		return err_set(e, HOSO_E_CONFLICT, "result",
		               "Việc chưa xong thì chưa có kết quả khắc phục",
		               "An action not done has no result yet");
	return 0;
}

int remedy_edit(struct app *app, const struct actor *who, int64_t id,
                const struct remedy_input *in_, struct err *e)
{
	struct remedy_input in = *in_;
	struct remedy_row r;
	const struct patch_field fields[] = {
	    [REMEDY_ACTION] = {"action", PATCH_TEXT, 2000, &r.action, &in.action},
	    [REMEDY_OWNER] = {"owner", PATCH_TEXT, 300, &r.owner, &in.owner},
	    [REMEDY_DUE] = {"due", PATCH_DATE, 0, &r.due, &in.due},
	    [REMEDY_DONE] = {"done", PATCH_DATE, 0, &r.done, &in.done},
	    [REMEDY_RESULT] = {"result", PATCH_TEXT, 2000, &r.result, &in.result},
	};
	struct correct_edit x = {.k = STORE_REC_REMEDY,
	                         .id = id,
	                         .version = in.version,
	                         .fields = fields,
	                         .nfields = CASE_N(fields),
	                         .sent = in.sent,
	                         .required =
	                             1u << REMEDY_ACTION | 1u << REMEDY_OWNER | 1u << REMEDY_DUE,
	                         .check = check_remedy_edit,
	                         .record = &r};

	/* "done" recorded by mistake: undoing it takes its result away too */
	if (patch_sent(in.sent, REMEDY_DONE) && in.done == DATE_NONE &&
	    !patch_sent(in.sent, REMEDY_RESULT)) {
		x.sent |= 1u << REMEDY_RESULT;
		in.result = NULL;
	}
	return correct_edit(app, who, &x, e);
}

int remedy_overdue(struct app *app, const struct actor *who, size_t limit, struct arena *a,
                   struct remedy_item **ret, size_t *ret_n, struct err *e)
{
	struct remedy_list l;
	struct remedy_item *out;
	size_t n = 0;
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if ((rc = store_remedies_overdue(app_store(app), date_today(), a, &l)) < 0)
		return gate_store_error(e, rc, NOUN_REMEDY);
	if (!(out = arena_alloc(a, (l.n ? l.n : 1) * sizeof(*out))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < l.n && (limit == DEADLINE_UNSHOWN || n < limit); i++) {
		/* Remedies of one case come together (by due date, mostly): one
		 * look-up per case. */
		if (n && out[n - 1].c.id == l.v[i].case_id) {
			out[n] = (struct remedy_item){out[n - 1].c, l.v[i], 0};
		} else if ((rc = case_fetch(app, who, l.v[i].case_id, a, &out[n].c, NULL)) ==
		           HOSO_E_NOT_FOUND) {
			continue;
		} else if (rc < 0) {
			return gate_store_error(e, rc, NOUN_CASE);
		} else {
			out[n].r = l.v[i];
		}
		out[n].days_late = 0;
		cal_count_workdays(app_cal(app), l.v[i].due, date_today(), NULL, 0,
		                   &out[n].days_late);
		n++;
	}
	*ret = out;
	*ret_n = n;
	if (limit == DEADLINE_UNSHOWN)
		return 0;
	return audit_record_json(
	    app, who, (struct audit_entry){"search", "remedy", 0, NULL, 0},
	    json_pack("{s:s,s:I}", "level", "overdue", "results", (json_int_t)n), e);
}

json_t *remedy_item_json(struct app *app, const struct actor *who, const struct remedy_item *it,
                         struct arena *a)
{
	json_t *o = case_brief_json(app, who, &it->c, a);

	json_object_set_new(o, "remedy",
	                    json_pack("{s:I,s:s,s:s,s:o,s:i,s:I}", "id", (json_int_t)it->r.id,
	                              "action", it->r.action, "owner", it->r.owner, "due",
	                              code_date_json(it->r.due), "days_late", it->days_late,
	                              "version", (json_int_t)it->r.version));
	return o;
}

int finding_open_remedies(struct app *app, int64_t case_id, size_t *ret, struct err *e)
{
	struct remedy_list l;
	struct arena a;
	int rc;

	*ret = 0;
	arena_init(&a, 1 << 16);
	rc = store_remedies_of_case(app_store(app), case_id, &a, &l);
	for (size_t i = 0; rc == 0 && i < l.n; i++)
		*ret += l.v[i].done == DATE_NONE && !l.v[i].withdrawn.at;
	arena_release(&a);
	return rc < 0 ? gate_store_error(e, rc, NOUN_CASE) : 0;
}

int finding_part_load(struct app *app, const struct actor *who, struct case_view *v,
                      struct arena *a, struct err *e)
{
	struct finding_part *p = arena_calloc(a, 1, sizeof(*p));
	struct finding_list fl;
	struct remedy_list rl;
	int32_t today = date_today();
	int rc;

	(void)who;
	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = store_findings_of_case(app_store(app), v->c.id, a, &fl)) < 0 ||
	    (rc = store_remedies_of_case(app_store(app), v->c.id, a, &rl)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if (fl.n && !(p->v = arena_calloc(a, fl.n, sizeof(*p->v))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < fl.n; i++) {
		struct finding_detail *d = &p->v[p->n++];

		d->f = fl.v[i];
		if (rl.n && !(d->remedies = arena_calloc(a, rl.n, sizeof(*d->remedies))))
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		for (size_t k = 0; k < rl.n; k++)
			if (rl.v[k].finding_id == fl.v[i].id)
				d->remedies[d->nremedies++] = (struct remedy_detail){
				    rl.v[k], rl.v[k].done == DATE_NONE && !rl.v[k].withdrawn.at &&
				                 today > rl.v[k].due};
	}
	v->part = p;
	return 0;
}

static json_t *finding_json(const struct finding_detail *d)
{
	json_t *rem = json_array();

	json_t *o;

	for (size_t k = 0; k < d->nremedies; k++) {
		const struct remedy_row *x = &d->remedies[k].r;

		o = json_pack("{s:I,s:s,s:s,s:o,s:o,s:s?,s:b}", "id", (json_int_t)x->id, "action",
		              x->action, "owner", x->owner, "due", code_date_json(x->due), "done",
		              code_date_json(x->done), "result", x->result, "overdue",
		              d->remedies[k].overdue);
		correct_json(o, x->version, &x->withdrawn);
		json_array_append_new(rem, o);
	}
	o = json_pack("{s:I,s:o,s:s,s:s,s:o}", "id", (json_int_t)d->f.id, "subject",
	              d->f.subject_id ? json_integer(d->f.subject_id) : json_null(), "text",
	              d->f.text, "conclusion", d->f.conclusion, "remedies", rem);
	correct_json(o, d->f.version, &d->f.withdrawn);
	return o;
}

void finding_part_view(json_t *o, const void *part)
{
	const struct finding_part *p = part;
	json_t *arr = json_array();

	for (size_t i = 0; p && i < p->n; i++)
		json_array_append_new(arr, finding_json(&p->v[i]));
	json_object_set_new(o, "findings", arr);
}
