/*
 * case.c - the case core (case.h): numbering, creation with subjects,
 * reading, listing, steps of the state machine, documents and notes, with
 * scope, clearance and audit applied to each.
 */
#include "app/case.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appraisal.h"
#include "app/audit.h"
#include "app/deadline.h"
#include "app/person.h"
#include "app/scope.h"
#include "app/trip.h"

#include "core/banned.h"

#define TITLE_MAX    500
#define NOTE_MAX     4000
#define CONCLUDE_MAX 8000
#define SUBJECTS_MAX 200
#define WRITE_ROLES  (1u << ROLE_OFFICER | 1u << ROLE_LEADER)
#define READ_ROLES   (1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER)

/* A case the actor may see: its handling organisation in scope, its
 * confidentiality within the actor's clearance. */
int case_visible(struct app *app, const struct actor *who, const struct case_row *c)
{
	return (int)who->clearance >= c->confidentiality &&
	       scope_contains(app, who, c->handling_org) == 1;
}

static int not_found(struct err *e)
{
	return err_set(e, HOSO_E_NOT_FOUND, "id", "Không tìm thấy hồ sơ vụ việc", "Case not found");
}

/* The case, if the actor may see it; a missing and a hidden case give the
 * same error. */
int case_fetch(struct app *app, const struct actor *who, int64_t id, struct arena *a,
               struct case_row *ret, struct err *e)
{
	int rc = store_case_get(app_store(app), id, a, ret);

	if (rc == HOSO_E_NOT_FOUND || (rc == 0 && !case_visible(app, who, ret)))
		return not_found(e);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

static int check_input(struct app *app, const struct actor *who, const struct case_input *in,
                       struct arena *a, const struct case_kind **ret_kind, const char **ret_title,
                       struct err *e)
{
	const struct case_kind *k = case_kind_find(in->kind);
	int rc;

	if (!k)
		return err_set(e, HOSO_E_BAD_ENUM, "kind", "Loại vụ việc '%s' không có",
		               "There is no case kind '%s'", in->kind ? in->kind : "");
	if (in->subtype && *in->subtype && !app_one_of(in->subtype, k->subtypes))
		return err_set(e, HOSO_E_BAD_ENUM, "subtype", "Loại '%s' không áp dụng cho %s",
		               "Type '%s' does not apply to %s", in->subtype, k->vi);
	if ((rc = app_text_clean(a, in->title, "title", TITLE_MAX, ret_title, e)) < 0)
		return rc;
	if (!*ret_title)
		return err_set(e, HOSO_E_MISSING, "title", "Thiếu tên vụ việc",
		               "The title is missing");
	if (in->confidentiality < 0 || in->confidentiality >= CLEARANCE__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "confidentiality", "Độ mật không hợp lệ",
		               "Invalid confidentiality level");
	if (in->confidentiality > (int)who->clearance)
		return err_set(e, HOSO_E_DENIED, "confidentiality",
		               "Không được lập hồ sơ có độ mật cao hơn mức được tiếp cận",
		               "A case cannot be more confidential than one's clearance");
	if (in->nsubject_orgs + in->nsubject_persons > SUBJECTS_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "subjects", "Quá %d đối tượng",
		               "More than %d subjects", SUBJECTS_MAX);
	if (!in->handling_org || scope_contains(app, who, in->handling_org) != 1)
		return err_set(e, HOSO_E_NOT_FOUND, "org", "Không tìm thấy tổ chức",
		               "Organisation not found");
	*ret_kind = k;
	return 0;
}

/* The subjects, checked against the actor's scope and linked to the
 * organisation version of the case date. */
static int add_subjects(struct app *app, const struct actor *who, int64_t case_id,
                        const struct case_input *in, int32_t day, struct arena *a, json_t **detail,
                        struct err *e)
{
	json_t *orgs = json_array(), *persons = json_array();
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < in->nsubject_orgs; i++) {
		struct case_subject_row s = {.case_id = case_id, .org_id = in->subject_orgs[i]};
		struct org_row o;

		if (scope_contains(app, who, s.org_id) != 1 ||
		    store_org_at(app_store(app), s.org_id, day, a, &o) < 0) {
			rc = err_set(e, HOSO_E_NOT_FOUND, "subject_orgs",
			             "Không tìm thấy tổ chức là đối tượng (vào ngày lập hồ sơ)",
			             "A subject organisation is not found (on the case date)");
			break;
		}
		s.org_version_id = o.version_id;
		if ((rc = store_case_subject_insert(app_store(app), &s)) < 0)
			err_set(e, rc, NULL, NULL, NULL);
		orgs = audit_detail_append(orgs, json_integer(s.org_id));
	}
	for (size_t i = 0; rc == 0 && i < in->nsubject_persons; i++) {
		struct case_subject_row s = {.case_id = case_id,
		                             .person_id = in->subject_persons[i]};
		struct person_row p;

		if ((rc = person_get(app, who, s.person_id, a, &p, e)) < 0) {
			if (rc == HOSO_E_NOT_FOUND)
				err_set(e, rc, "subject_persons",
				        "Không tìm thấy người là đối tượng",
				        "A subject person is not found");
			break;
		}
		if ((rc = store_case_subject_insert(app_store(app), &s)) < 0)
			err_set(e, rc, NULL, NULL, NULL);
		persons = audit_detail_append(persons, json_integer(s.person_id));
	}
	/* NULL when out of memory: the audit entry then refuses it. */
	*detail = audit_detail_set(audit_detail_set(*detail, "subject_orgs", orgs),
	                           "subject_persons", persons);
	return rc;
}

int case_may_open(const struct actor *who, struct err *e)
{
	return scope_require_role(who, WRITE_ROLES, e);
}

int case_create(struct app *app, const struct actor *who, const struct case_input *in,
                struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e)
{
	const struct case_kind *k = NULL;
	struct case_row c = {0};
	struct case_event_row ev = {0};
	int64_t no = 0;
	int year, m, d, rc;
	char number[64];
	json_t *detail;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0 ||
	    (rc = check_input(app, who, in, a, &k, &c.title, e)) < 0)
		return rc;
	c.kind = k->code;
	c.subtype = in->subtype && *in->subtype ? in->subtype : NULL;
	c.handling_org = in->handling_org;
	c.opened = in->opened == DATE_NONE ? date_today() : in->opened;
	c.state = k->states[0].code;
	c.confidentiality = in->confidentiality;
	c.created_by = who->user_id;
	if (in->linked_case) {
		struct case_row linked;

		if ((rc = case_fetch(app, who, in->linked_case, a, &linked, e)) < 0)
			return rc == HOSO_E_NOT_FOUND ? err_set(e, rc, "linked_case",
			                                        "Không tìm thấy vụ việc liên quan",
			                                        "The linked case is not found")
			                              : rc;
		c.linked_case = in->linked_case;
	}
	date_civil(c.opened, &year, &m, &d);
	if ((rc = store_begin(app_store(app))) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	rc = store_case_register_next(app_store(app), c.handling_org, c.kind, year, &no);
	if (rc == 0) {
		snprintf(number, sizeof(number), "%s-%d-%04lld", k->prefix, year, (long long)no);
		c.number = number;
		rc = store_case_insert(app_store(app), &c, &c.id);
	}
	if (rc < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto fail;
	}
	detail = json_pack("{s:s,s:s,s:s?,s:s,s:I,s:i}", "number", c.number, "kind", c.kind,
	                   "subtype", c.subtype, "title", c.title, "org",
	                   (json_int_t)c.handling_org, "confidentiality", c.confidentiality);
	rc = add_subjects(app, who, c.id, in, c.opened, a, &detail, e);
	ev = (struct case_event_row){
	    .case_id = c.id, .to_state = c.state, .on_date = c.opened, .user_id = who->user_id};
	if (rc == 0 && (rc = store_case_event_insert(app_store(app), &ev)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(
		    app, who, (struct audit_entry){"create", "case", c.id, NULL, 0}, detail, e);
	else
		json_decref(detail);
	/* The number is copied out before the commit: a case that exists must
	 * not be reported as not made. */
	if (rc == 0 && ret_number && !(*ret_number = arena_strdup(a, number)))
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		goto fail;
	*ret_id = c.id;
	return 0;
fail:
	store_rollback(app_store(app));
	return rc;
}

int case_open_inspection(struct app *app, const struct actor *who, int64_t id, const char *title,
                         struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e)
{
	struct case_input in = {.kind = "kiem_tra",
	                        .subtype = "dau_hieu_vi_pham",
	                        .title = title,
	                        .opened = DATE_NONE,
	                        .linked_case = id};
	struct case_subject_list subj;
	struct case_row c;
	int64_t *orgs, *persons;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0 ||
	    (rc = case_fetch(app, who, id, a, &c, e)) < 0)
		return rc;
	if (strcmp(c.kind, "giam_sat") != 0)
		return err_set(e, HOSO_E_CONFLICT, "id",
		               "Chỉ từ hồ sơ giám sát mới mở kiểm tra khi có dấu hiệu vi phạm",
		               "Only a supervision case opens an inspection on signs of violation");
	if ((rc = store_case_subjects(app_store(app), id, a, &subj)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	orgs = arena_alloc(a, (subj.n + 1) * sizeof(*orgs));
	persons = arena_alloc(a, (subj.n + 1) * sizeof(*persons));
	if (!orgs || !persons)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < subj.n; i++) {
		if (subj.v[i].org_id)
			orgs[in.nsubject_orgs++] = subj.v[i].org_id;
		else
			persons[in.nsubject_persons++] = subj.v[i].person_id;
	}
	in.subject_orgs = orgs;
	in.subject_persons = persons;
	in.handling_org = c.handling_org;
	in.confidentiality = c.confidentiality;
	return case_create(app, who, &in, a, ret_id, ret_number, e);
}

int case_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
             struct case_view *ret, struct err *e)
{
	struct store *s = app_store(app);
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = scope_require_role(who, READ_ROLES, e)) < 0 ||
	    (rc = case_fetch(app, who, id, a, &ret->c, e)) < 0)
		return rc;
	if ((rc = store_case_subjects(s, id, a, &ret->subjects)) < 0 ||
	    (rc = store_case_events(s, id, a, &ret->events)) < 0 ||
	    (rc = store_case_documents(s, id, a, &ret->documents)) < 0 ||
	    (rc = store_case_notes(s, id, a, &ret->notes)) < 0 ||
	    (rc = store_attachments_of_case(s, id, a, &ret->attachments)) < 0 ||
	    (rc = store_case_assignees(s, id, a, &ret->assignees)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	return audit_record(app, who, &(struct audit_entry){"read", "case", id, NULL, 0}, e);
}

/* 1 when organisation id lies in the subtree of root as of today (walking
 * up its parents), 0 when not, < 0 on error. */
static int org_under(struct app *app, int64_t root, int64_t id)
{
	struct arena a;
	int32_t today = date_today();
	int rc = 0;

	arena_init(&a, 1 << 12);
	for (int depth = 0; rc == 0 && id && depth < 64; depth++) {
		struct org_row o;

		if (id == root) {
			rc = 1;
			break;
		}
		if ((rc = store_org_at(app_store(app), id, today, &a, &o)) < 0)
			rc = rc == HOSO_E_NOT_FOUND ? 0 : rc;
		else
			id = o.parent_id;
		if (rc == 0 && !id)
			break;
		arena_reset(&a);
	}
	arena_release(&a);
	return rc;
}

static int bound(int32_t d)
{
	return d != DATE_NONE && d != 0;
}

/* What a list filter needs beyond the filter itself. */
struct match {
	struct id_list assigned; /* the assignee's cases, ascending */
	const struct deadline_rule *rules;
	size_t nrules;
	int64_t memo_org[64]; /* handling organisations already placed */
	int memo_in[64];
	size_t nmemo;
};

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

/* 1 when case c passes the filter f (besides kind and state), else 0, or
 * < 0 on error. */
static int case_matches(struct app *app, const struct case_filter *f, struct match *m,
                        const struct case_row *c)
{
	int rc;

	if ((bound(f->from) && c->opened < f->from) || (bound(f->to) && c->opened > f->to))
		return 0;
	if (f->assignee && (!m->assigned.n || !bsearch(&c->id, m->assigned.v, m->assigned.n,
	                                               sizeof(int64_t), cmp_id)))
		return 0;
	if (f->org) {
		size_t i = 0;

		while (i < m->nmemo && m->memo_org[i] != c->handling_org)
			i++;
		if (i == m->nmemo) {
			if ((rc = org_under(app, f->org, c->handling_org)) < 0)
				return rc;
			if (m->nmemo < 64) {
				m->memo_org[m->nmemo] = c->handling_org;
				m->memo_in[m->nmemo++] = rc;
			}
			if (!rc)
				return 0;
		} else if (!m->memo_in[i]) {
			return 0;
		}
	}
	if (f->overdue)
		return deadline_case_overdue(app, c, m->rules, m->nrules);
	return 1;
}

int case_list(struct app *app, const struct actor *who, const struct case_filter *f,
              struct arena *a, struct case_list *ret, struct err *e)
{
	const struct case_kind *k = NULL;
	struct case_row *out;
	struct match m = {0};
	size_t n = 0, limit = f->limit ? f->limit : 100;
	int64_t before = f->before;
	int rc;

	ret->v = NULL;
	ret->n = 0;
	if ((rc = scope_require_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (limit > 1000)
		return err_set(e, HOSO_E_RANGE, "limit", "Tối đa 1000 dòng một lần",
		               "At most 1000 rows at a time");
	if (f->kind && !(k = case_kind_find(f->kind)))
		return err_set(e, HOSO_E_BAD_ENUM, "kind", "Loại vụ việc '%s' không có",
		               "There is no case kind '%s'", f->kind);
	if (f->state && k && !case_state_find(k, f->state))
		return err_set(e, HOSO_E_BAD_ENUM, "state", "Trạng thái '%s' không có ở loại này",
		               "Kind has no state '%s'", f->state);
	if (bound(f->from) && bound(f->to) && f->from > f->to)
		return err_set(e, HOSO_E_BAD_DATE, "to", "Khoảng thời gian ngược (từ sau đến)",
		               "The period ends before it starts");
	out = arena_alloc(a, limit * sizeof(*out));
	if (!out)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if (f->assignee &&
	    (rc = store_cases_of_assignee(app_store(app), f->assignee, a, &m.assigned)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (f->overdue && (rc = deadline_rules(app, a, &m.rules, &m.nrules, e)) < 0)
		return rc;
	/* Newest first, in batches, keeping what the actor may see: a page is
	 * always `limit` visible cases (or the end), in a stable order. */
	for (;;) {
		struct case_list batch;

		if ((rc = store_case_list(app_store(app), before, f->kind, f->state, 256, a,
		                          &batch)) < 0)
			return err_set(e, rc, NULL, NULL, NULL);
		for (size_t i = 0; i < batch.n && n < limit; i++) {
			if (!case_visible(app, who, &batch.v[i]) ||
			    (rc = case_matches(app, f, &m, &batch.v[i])) == 0)
				continue;
			if (rc < 0)
				return err_set(e, rc, NULL, NULL, NULL);
			out[n++] = batch.v[i];
		}
		if (n == limit || batch.n < 256)
			break;
		before = batch.v[batch.n - 1].id;
	}
	ret->v = out;
	ret->n = n;
	return audit_record_json(
	    app, who, (struct audit_entry){"search", "case", 0, NULL, 0},
	    json_pack("{s:s?,s:s?,s:I,s:I,s:I,s:I,s:b,s:I}", "kind", f->kind, "state", f->state,
	              "org", (json_int_t)f->org, "from", (json_int_t)(bound(f->from) ? f->from : 0),
	              "to", (json_int_t)(bound(f->to) ? f->to : 0), "assignee",
	              (json_int_t)f->assignee, "overdue", f->overdue, "results", (json_int_t)n),
	    e);
}

int case_each_visible(struct app *app, const struct actor *who,
                      int (*fn)(const struct case_row *c, void *arg), void *arg, struct err *e)
{
	int64_t before = 0;
	int rc;

	for (;;) {
		struct case_list batch;
		struct arena a;

		arena_init(&a, 1 << 24);
		if ((rc = store_case_list(app_store(app), before, NULL, NULL, 256, &a, &batch)) <
		    0) {
			arena_release(&a);
			return err_set(e, rc, NULL, NULL, NULL);
		}
		for (size_t i = 0; rc == 0 && i < batch.n; i++)
			if (case_visible(app, who, &batch.v[i]))
				rc = fn(&batch.v[i], arg);
		before = batch.n ? batch.v[batch.n - 1].id : 0;
		arena_release(&a);
		if (rc != 0 || batch.n < 256)
			return rc;
	}
}

int case_transition(struct app *app, const struct actor *who, int64_t id, const char *to,
                    int32_t day, const char *note, const char *conclusion, int64_t version,
                    struct err *e)
{
	const struct case_kind *k;
	const struct case_step *step;
	struct case_row c;
	struct case_event_row ev = {0};
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, id, &a, &c, e)) < 0)
		goto out;
	k = case_kind_find(c.kind);
	step = k ? case_step_find(k, c.state, to) : NULL;
	if (!step) {
		const struct case_state *from = k ? case_state_find(k, c.state) : NULL;

		rc =
		    err_set(e, HOSO_E_CONFLICT, "to", "Không thể chuyển từ '%s' sang '%s'",
		            "Cannot go from '%s' to '%s'", from ? from->vi : c.state, to ? to : "");
		goto out;
	}
	if (!(who->roles & step->roles)) {
		rc = err_set(e, HOSO_E_DENIED, "to", "Bước '%s' cần vai trò lãnh đạo",
		             "Step '%s' needs the leader role", step->vi);
		goto out;
	}
	if ((rc = app_text_clean(&a, note, "note", NOTE_MAX, &ev.note, e)) < 0 ||
	    (rc = app_text_clean(&a, conclusion, "conclusion", CONCLUDE_MAX, &conclusion, e)) < 0)
		goto out;
	/* An appraisal concludes only with its outcome and a full dossier. */
	if (strcmp(c.kind, "tham_dinh") == 0 &&
	    (rc = appraisal_check_step(app, id, step->to, e)) < 0)
		goto out;
	/* A trip is approved only once it is complete (trip.c says why not). */
	if (strcmp(c.kind, "ra_nuoc_ngoai") == 0 && strcmp(step->to, "dong_y") == 0 &&
	    (rc = trip_check_approval(app, id, c.subtype, e)) < 0)
		goto out;
	if ((step->flags & CASE_CONCLUDES) && !conclusion) {
		rc = err_set(e, HOSO_E_MISSING, "conclusion", "Bước '%s' cần nội dung kết luận",
		             "Step '%s' needs the conclusion", step->vi);
		goto out;
	}
	ev = (struct case_event_row){.case_id = id,
	                             .from_state = c.state,
	                             .to_state = step->to,
	                             .on_date = day == DATE_NONE ? date_today() : day,
	                             .user_id = who->user_id,
	                             .note = ev.note};
	if (ev.on_date < c.opened) {
		rc = err_set(e, HOSO_E_BAD_DATE, "date", "Ngày thực hiện trước ngày lập hồ sơ",
		             "The date is before the case was opened");
		goto out;
	}
	/* Steps follow one another in time: the deadlines are counted from
	 * their dates. */
	{
		struct case_event_list hist;
		char last[DATE_BUF];

		if ((rc = store_case_events(app_store(app), id, &a, &hist)) < 0) {
			err_set(e, rc, NULL, NULL, NULL);
			goto out;
		}
		if (hist.n && ev.on_date < hist.v[hist.n - 1].on_date) {
			date_format_vn(hist.v[hist.n - 1].on_date, last);
			rc = err_set(e, HOSO_E_BAD_DATE, "date",
			             "Ngày thực hiện trước bước trước đó (%s)",
			             "The date is before the previous step (%s)", last);
			goto out;
		}
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	rc = store_case_set_state(app_store(app), id, step->to, conclusion, version);
	if (rc == HOSO_E_CONFLICT)
		err_set(e, rc, "version", "Hồ sơ vừa được người khác thay đổi; hãy tải lại",
		        "Someone else changed the case; reload it");
	else if (rc == 0 && (rc = store_case_event_insert(app_store(app), &ev)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	else if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc =
		    audit_append_json(app, who, (struct audit_entry){"update", "case", id, NULL, 0},
		                      json_pack("{s:{s:s,s:s},s:s?}", "state", "before", c.state,
		                                "after", step->to, "conclusion", conclusion),
		                      e);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
out:
	arena_release(&a);
	return rc;
}

/* Checks the actor may write to case id; then runs fn inside a transaction
 * with an audit entry of `action`. */
static int attach(struct app *app, const struct actor *who, int64_t id, const char *action,
                  int (*fn)(struct store *s, const void *row, int64_t *ret_id), const void *row,
                  json_t *detail, int64_t *ret_id, struct err *e)
{
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, id, &a, &c, e)) < 0)
		goto out;
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = fn(app_store(app), row, ret_id)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0) {
		detail = audit_detail_set(detail, "id", json_integer(*ret_id));
		rc = audit_append_json(app, who, (struct audit_entry){action, "case", id, NULL, 0},
		                       detail, e);
		detail = NULL;
	}
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
out:
	json_decref(detail);
	arena_release(&a);
	return rc;
}

static int insert_note(struct store *s, const void *row, int64_t *ret_id)
{
	return store_case_note_insert(s, row, ret_id);
}

static int insert_document(struct store *s, const void *row, int64_t *ret_id)
{
	return store_case_document_insert(s, row, ret_id);
}

int case_add_note(struct app *app, const struct actor *who, int64_t id, const char *text,
                  int64_t *ret_id, struct err *e)
{
	struct case_note_row r = {.case_id = id, .user_id = who->user_id};
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 16);
	rc = app_text_clean(&a, text, "text", NOTE_MAX, &r.text, e);
	if (rc == 0 && !r.text)
		rc = err_set(e, HOSO_E_MISSING, "text", "Ghi chú trống", "The note is empty");
	if (rc == 0)
		rc = attach(app, who, id, "note", insert_note, &r, json_object(), ret_id, e);
	arena_release(&a);
	return rc;
}

int case_add_document(struct app *app, const struct actor *who, int64_t id,
                      const struct case_document_input *in, int64_t *ret_id, struct err *e)
{
	struct case_document_row r = {
	    .case_id = id, .doc_date = in->doc_date, .user_id = who->user_id};
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 16);
	if ((rc = app_text_clean(&a, in->title, "title", TITLE_MAX, &r.title, e)) == 0 &&
	    (rc = app_text_clean(&a, in->number_symbol, "number", 100, &r.number_symbol, e)) == 0 &&
	    (rc = app_text_clean(&a, in->issuer, "issuer", 300, &r.issuer, e)) == 0) {
		if (!r.title)
			rc = err_set(e, HOSO_E_MISSING, "title", "Thiếu trích yếu văn bản",
			             "The document's title is missing");
		else if (r.doc_date == DATE_NONE || r.doc_date == DATE_OPEN)
			rc = err_set(e, HOSO_E_MISSING, "date", "Thiếu ngày văn bản",
			             "The document's date is missing");
	}
	if (rc == 0)
		rc = attach(app, who, id, "document", insert_document, &r,
		            json_pack("{s:s?,s:s}", "number", r.number_symbol, "title", r.title),
		            ret_id, e);
	arena_release(&a);
	return rc;
}

int case_assign(struct app *app, const struct actor *who, int64_t id, const char *const *usernames,
                size_t n, int64_t version, struct err *e)
{
	struct store *s = app_store(app);
	struct id_list before;
	struct case_row c;
	struct arena a;
	int64_t ids[CASE_ASSIGNEES_MAX];
	json_t *was = NULL, *now = NULL;
	size_t k = 0;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	if (n > CASE_ASSIGNEES_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "users", "Quá %d người được giao",
		               "More than %d assignees", CASE_ASSIGNEES_MAX);
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, id, &a, &c, e)) < 0)
		goto out;
	now = json_array();
	for (size_t i = 0; i < n; i++) {
		struct user_row u;
		size_t j = 0;

		rc = usernames[i] ? store_user_by_name(s, usernames[i], &a, &u) : HOSO_E_NOT_FOUND;
		if (rc == HOSO_E_NOT_FOUND || (rc == 0 && u.disabled)) {
			rc = err_set(e, HOSO_E_INVALID, "users", "Không có người dùng '%s'",
			             "There is no user '%s'", usernames[i] ? usernames[i] : "");
			goto out;
		}
		if (rc < 0) {
			err_set(e, rc, NULL, NULL, NULL);
			goto out;
		}
		if (!(u.roles & WRITE_ROLES) || u.clearance < c.confidentiality ||
		    (u.org_id && (rc = org_under(app, u.org_id, c.handling_org)) != 1)) {
			rc = rc < 0
			         ? err_set(e, rc, NULL, NULL, NULL)
			         : err_set(
			               e, HOSO_E_INVALID, "users",
			               "Không giao được cho '%s': không phải chuyên viên, lãnh "
			               "đạo phụ trách hồ sơ này",
			               "Cannot assign '%s': not an officer or leader responsible "
			               "for this case",
			               u.username);
			goto out;
		}
		while (j < k && ids[j] != u.id)
			j++;
		if (j == k) {
			ids[k++] = u.id;
			json_array_append_new(now, json_string(u.username));
		}
	}
	qsort(ids, k, sizeof(ids[0]), cmp_id);
	if ((rc = store_case_assignees(s, id, &a, &before)) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	was = json_array();
	for (size_t i = 0; i < before.n; i++) {
		struct user_row u;

		json_array_append_new(was, store_user_get(s, before.v[i], &a, &u) == 0
		                               ? json_string(u.username)
		                               : json_integer(before.v[i]));
	}
	if ((rc = store_begin(s)) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	rc = store_case_touch(s, id, version);
	if (rc == HOSO_E_CONFLICT)
		err_set(e, rc, "version", "Hồ sơ vừa được người khác thay đổi; hãy tải lại",
		        "Someone else changed the case; reload it");
	else if (rc == 0 && (rc = store_case_assignees_set(s, id, ids, k)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	else if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0) {
		rc = audit_append_json(
		    app, who, (struct audit_entry){"assign", "case", id, NULL, 0},
		    json_pack("{s:{s:o,s:o}}", "assignees", "before", was, "after", now), e);
		was = now = NULL;
	}
	if (rc == 0 && (rc = store_commit(s)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(s);
out:
	json_decref(was);
	json_decref(now);
	arena_release(&a);
	return rc;
}
