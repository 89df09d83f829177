/*
 * case.c - the case core (case.h): numbering, creation with subjects,
 * reading (the whole view, each kind adding its parts through its hooks),
 * listing, steps of the state machine, documents and notes, with scope,
 * clearance and audit applied to each.
 */
#include "app/case.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/attachment.h"
#include "app/case-find.h"
#include "app/audit.h"
#include "app/correct.h"
#include "app/deadline.h"
#include "app/gate.h"
#include "app/notice.h"
#include "app/org.h"
#include "app/person.h"
#include "app/scope.h"
#include "app/user.h"

#include "core/banned.h"

#define TITLE_MAX    500
#define NOTE_MAX     4000
#define CONCLUDE_MAX 8000
#define SUBJECTS_MAX 200
#define WRITE_ROLES  (1u << ROLE_OFFICER | 1u << ROLE_LEADER)
#define READ_ROLES   GATE_RECORD_READERS

/* A case the actor may see: its handling organisation in scope, its
 * confidentiality within the actor's clearance. */
int case_visible(struct app *app, const struct actor *who, const struct case_row *c)
{
	return (int)who->clearance >= c->confidentiality &&
	       scope_contains(app, who, c->handling_org) == 1;
}

/* The case, if the actor may see it; a missing and a hidden case give the
 * same error. */
int case_fetch(struct app *app, const struct actor *who, int64_t id, struct arena *a,
               struct case_row *ret, struct err *e)
{
	int rc = store_case_get(app_store(app), id, a, ret);

	if (rc == HOSO_E_NOT_FOUND || (rc == 0 && !case_visible(app, who, ret)))
		return gate_not_found(e, "id", NOUN_CASE);
	return rc < 0 ? gate_store_error(e, rc, NOUN_CASE) : 0;
}

int case_of_kind(struct app *app, const struct actor *who, int64_t case_id, enum case_kind_id kind,
                 unsigned roles, struct arena *a, struct case_row *ret, struct err *e)
{
	const struct case_kind *k = case_kind_get(kind);
	int rc;

	if ((rc = gate_role(who, roles, e)) < 0 ||
	    (rc = case_fetch(app, who, case_id, a, ret, e)) < 0)
		return rc;
	if (!case_is(ret, kind)) {
		err_set(e, HOSO_E_CONFLICT, "case", "Việc này chỉ dành cho hồ sơ loại \"%s\"", NULL,
		        k->vi);
		return err_en(e, "Only a case of the kind \"%s\" has this", k->en);
	}
	return 0;
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
	if (in->subtype && *in->subtype && !code_find(k->subtypes, k->nsubtypes, in->subtype))
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
	if ((rc = gate_clearance(who, in->confidentiality, e)) < 0)
		return rc;
	if (in->nsubject_orgs + in->nsubject_persons > SUBJECTS_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "subjects", "Quá %d đối tượng",
		               "More than %d subjects", SUBJECTS_MAX);
	if (!in->handling_org || scope_contains(app, who, in->handling_org) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	*ret_kind = k;
	return 0;
}

int case_add_subjects(struct app *app, const struct actor *who, int64_t case_id,
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
	return gate_role(who, WRITE_ROLES, e);
}

struct create {
	const struct case_kind *k;
	const struct case_input *in;
	const struct actor *who;
	struct case_row c;
	struct arena *a;
	const char **ret_number;
	char number[64];
};

/* Inside the transaction: the number from the register, the case, its
 * subjects and its first state. */
static int write_case(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct create *x = arg;
	struct case_event_row ev = {0};
	int64_t no = 0;
	int year, m, d, rc;

	date_civil(x->c.opened, &year, &m, &d);
	if ((rc = store_case_register_next(app_store(app), x->c.handling_org, x->c.kind, year,
	                                   &no)) < 0)
		return rc;
	snprintf(x->number, sizeof(x->number), "%s-%d-%04lld", x->k->prefix, year, (long long)no);
	x->c.number = x->number;
	if ((rc = store_case_insert(app_store(app), &x->c, &x->c.id)) < 0)
		return rc;
	w->object_id = x->c.id;
	w->detail =
	    json_pack("{s:s,s:s,s:s?,s:s,s:I,s:i}", "number", x->c.number, "kind", x->c.kind,
	              "subtype", x->c.subtype, "title", x->c.title, "org",
	              (json_int_t)x->c.handling_org, "confidentiality", x->c.confidentiality);
	if ((rc = case_add_subjects(app, x->who, x->c.id, x->in, x->c.opened, x->a, &w->detail,
	                            e)) < 0)
		return rc;
	/* The number is copied out before the commit: a case that exists must
	 * not be reported as not made. */
	if (x->ret_number && !(*x->ret_number = arena_strdup(x->a, x->number)))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	ev = (struct case_event_row){.case_id = x->c.id,
	                             .to_state = x->c.state,
	                             .on_date = x->c.opened,
	                             .user_id = x->who->user_id};
	if ((rc = store_case_event_insert(app_store(app), &ev)) < 0)
		return rc;
	if (x->in->then && (rc = x->in->then(app, x->in->then_arg, x->c.id, w->detail, e)) < 0)
		return rc;
	return notice_waiting(app, x->who, &x->c, x->c.state, e);
}

int case_create(struct app *app, const struct actor *who, const struct case_input *in,
                struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e)
{
	struct create x = {.in = in, .who = who, .a = a, .ret_number = ret_number};
	struct gate_write w = {"create", "case", 0, NULL, NOUN_CASE};
	int rc;

	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0 ||
	    (rc = check_input(app, who, in, a, &x.k, &x.c.title, e)) < 0)
		return rc;
	x.c.kind = x.k->code;
	x.c.subtype = in->subtype && *in->subtype ? in->subtype : NULL;
	x.c.handling_org = in->handling_org;
	x.c.opened = in->opened == DATE_NONE ? date_today() : in->opened;
	x.c.state = x.k->states[0].code;
	x.c.confidentiality = in->confidentiality;
	x.c.created_by = who->user_id;
	if (in->linked_case) {
		struct case_row linked;

		if ((rc = case_fetch(app, who, in->linked_case, a, &linked, e)) < 0)
			return rc == HOSO_E_NOT_FOUND ? err_set(e, rc, "linked_case",
			                                        "Không tìm thấy vụ việc liên quan",
			                                        "The linked case is not found")
			                              : rc;
		x.c.linked_case = in->linked_case;
	}
	if ((rc = gate_write(app, who, &w, write_case, &x, e)) < 0)
		return rc;
	*ret_id = x.c.id;
	return 0;
}

void case_org_name(struct app *app, const struct actor *who, int64_t org_id, int32_t day,
                   struct arena *a, struct case_name *ret)
{
	struct org_row row;

	ret->code = ret->name = NULL;
	if (org_get(app, who, org_id, day, a, &row, NULL) == 0 ||
	    org_get(app, who, org_id, DATE_OPEN, a, &row, NULL) == 0) {
		ret->code = row.code;
		ret->name = row.name;
	}
}

void case_person_name(struct app *app, const struct actor *who, int64_t person_id, struct arena *a,
                      struct case_name *ret)
{
	struct person_row p;

	ret->code = NULL;
	ret->name = person_get(app, who, person_id, a, &p, NULL) == 0 ? p.full_name : NULL;
}

/* User id's user name and full name, both NULL when unknown (the local
 * system, a user since removed). */
static void user_name(struct app *app, int64_t id, struct arena *a, struct case_name *ret)
{
	if (!id || user_name_of(app, id, a, &ret->code, &ret->name) < 0)
		ret->code = ret->name = NULL;
}

/* Who took each step and wrote each note. */
static int authors(struct app *app, struct case_view *v, struct arena *a, struct err *e)
{
	v->event_users = arena_calloc(a, v->events.n + 1, sizeof(*v->event_users));
	v->note_users = arena_calloc(a, v->notes.n + 1, sizeof(*v->note_users));
	if (!v->event_users || !v->note_users)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < v->events.n; i++)
		user_name(app, v->events.v[i].user_id, a, &v->event_users[i]);
	for (size_t i = 0; i < v->notes.n; i++)
		user_name(app, v->notes.v[i].user_id, a, &v->note_users[i]);
	return 0;
}

/* The names beside the subjects (organisations as they were on the case
 * date), the assignees and the authors. */
static int load_names(struct app *app, const struct actor *who, struct case_view *v,
                      struct arena *a, struct err *e)
{
	v->subject_names = arena_calloc(a, v->subjects.n + 1, sizeof(*v->subject_names));
	v->assignee_names = arena_calloc(a, v->assignees.n + 1, sizeof(*v->assignee_names));
	if (!v->subject_names || !v->assignee_names)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	case_org_name(app, who, v->c.handling_org, v->c.opened, a, &v->org);
	for (size_t i = 0; i < v->subjects.n; i++) {
		if (v->subjects.v[i].org_id)
			case_org_name(app, who, v->subjects.v[i].org_id, v->c.opened, a,
			              &v->subject_names[i]);
		else
			case_person_name(app, who, v->subjects.v[i].person_id, a,
			                 &v->subject_names[i]);
	}
	for (size_t i = 0; i < v->assignees.n; i++)
		user_name(app, v->assignees.v[i], a, &v->assignee_names[i]);
	return authors(app, v, a, e);
}

int case_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
             struct case_view *ret, struct err *e)
{
	int rc = case_view_load(app, who, id, a, ret, e);

	if (rc == 0)
		rc = audit_record(app, who, &(struct audit_entry){"read", "case", id, NULL, 0}, e);
	return rc;
}

int case_open_linked(struct app *app, const struct actor *who, const struct case_row *from,
                     struct case_input *in, struct arena *a, int64_t *ret_id,
                     const char **ret_number, struct err *e)
{
	struct case_subject_list subj;
	int64_t *orgs, *persons;
	int rc;

	if ((rc = store_case_subjects(app_store(app), from->id, a, &subj)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	orgs = arena_alloc(a, (subj.n + 1) * sizeof(*orgs));
	persons = arena_alloc(a, (subj.n + 1) * sizeof(*persons));
	if (!orgs || !persons)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	in->nsubject_orgs = in->nsubject_persons = 0;
	for (size_t i = 0; i < subj.n; i++) {
		if (subj.v[i].withdrawn.at)
			continue;
		if (subj.v[i].org_id)
			orgs[in->nsubject_orgs++] = subj.v[i].org_id;
		else
			persons[in->nsubject_persons++] = subj.v[i].person_id;
	}
	in->subject_orgs = orgs;
	in->subject_persons = persons;
	in->handling_org = from->handling_org;
	in->confidentiality = from->confidentiality;
	in->linked_case = from->id;
	in->opened = DATE_NONE;
	return case_create(app, who, in, a, ret_id, ret_number, e);
}

#define RELATED_MAX 50

/* The cases v is linked with, those the reader may see. */
static int load_related(struct app *app, const struct actor *who, struct case_view *v,
                        struct arena *a, struct err *e)
{
	struct id_list ids = {0};
	struct case_row r;
	int rc;

	if ((rc = store_cases_linked_to(app_store(app), v->c.id, RELATED_MAX, a, &ids)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if (!(v->related = arena_calloc(a, ids.n + 1, sizeof(*v->related))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i <= ids.n; i++) {
		int64_t id = i == 0 ? v->c.linked_case : ids.v[i - 1];

		if (!id)
			continue;
		rc = store_case_get(app_store(app), id, a, &r);
		if (rc == HOSO_E_NOT_FOUND || (rc == 0 && !case_visible(app, who, &r)))
			continue;
		if (rc < 0)
			return gate_store_error(e, rc, NOUN_CASE);
		v->related[v->nrelated++] = r;
	}
	return 0;
}

int case_view_load(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                   struct case_view *ret, struct err *e)
{
	struct store *s = app_store(app);
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = gate_role(who, READ_ROLES, e)) < 0 ||
	    (rc = case_fetch(app, who, id, a, &ret->c, e)) < 0)
		return rc;
	ret->kind = case_kind_of(&ret->c);
	if ((rc = store_case_subjects(s, id, a, &ret->subjects)) < 0 ||
	    (rc = store_case_events(s, id, a, &ret->events)) < 0 ||
	    (rc = store_case_documents(s, id, a, &ret->documents)) < 0 ||
	    (rc = store_case_notes(s, id, a, &ret->notes)) < 0 ||
	    (rc = store_attachments_of_case(s, id, a, &ret->attachments)) < 0 ||
	    (rc = store_case_assignees(s, id, a, &ret->assignees)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if ((rc = load_names(app, who, ret, a, e)) < 0 ||
	    (rc = load_related(app, who, ret, a, e)) < 0 ||
	    (rc = deadline_of_case(app, ret, a, &ret->deadlines, &ret->ndeadlines, e)) < 0 ||
	    (rc = case_next_load(app, &ret->c, &ret->assignees, a, &ret->next, e)) < 0)
		return rc;
	return ret->kind && ret->kind->load ? ret->kind->load(app, who, ret, a, e) : 0;
}

/* "<key>" and "<key>_name" of o: a code and a name, null when hidden. */
static void put_name(json_t *o, const char *key, const char *name_key, const struct case_name *n)
{
	json_object_set_new(o, key, n->code ? json_string(n->code) : json_null());
	json_object_set_new(o, name_key, n->name ? json_string(n->name) : json_null());
}

static json_t *brief_json(const struct case_row *c, const struct case_name *org)
{
	json_t *o =
	    json_pack("{s:I,s:s,s:s,s:s?,s:s,s:o,s:s,s:i,s:I}", "id", (json_int_t)c->id, "number",
	              c->number, "kind", c->kind, "subtype", c->subtype, "title", c->title,
	              "opened", code_date_json(c->opened), "state", c->state, "confidentiality",
	              c->confidentiality, "version", (json_int_t)c->version);

	put_name(o, "org", "org_name", org);
	return o;
}

int case_brief_copy(struct arena *a, const struct case_row *c, struct case_row *ret)
{
	const struct case_kind *k = case_kind_of(c);

	*ret = *c;
	ret->number = arena_strdup(a, c->number);
	ret->title = arena_strdup(a, c->title);
	ret->kind = k ? k->code : NULL;
	ret->state = arena_strdup(a, c->state);
	ret->subtype = NULL;
	ret->conclusion = NULL;
	ret->created_at = NULL;
	return ret->number && ret->title && ret->state ? 0 : HOSO_E_NOMEM;
}

json_t *case_brief_json(struct app *app, const struct actor *who, const struct case_row *c,
                        struct arena *a)
{
	struct case_name org;

	case_org_name(app, who, c->handling_org, c->opened, a, &org);
	return brief_json(c, &org);
}

static json_t *subjects_json(const struct case_view *v)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < v->subjects.n; i++) {
		const struct case_subject_row *s = &v->subjects.v[i];
		json_t *o = json_pack("{s:I}", "id", (json_int_t)s->id);

		if (s->org_id) {
			put_name(o, "org", "org_name", &v->subject_names[i]);
		} else {
			json_object_set_new(o, "person", json_integer(s->person_id));
			json_object_set_new(o, "full_name",
			                    v->subject_names[i].name
			                        ? json_string(v->subject_names[i].name)
			                        : json_null());
		}
		correct_json(o, s->version, &s->withdrawn);
		json_array_append_new(arr, o);
	}
	return arr;
}

/* The case's history, documents and notes. */
static void records_json(const struct case_view *v, json_t *o)
{
	json_t *events = json_array(), *docs = json_array(), *notes = json_array();

	for (size_t i = 0; i < v->events.n; i++) {
		const struct case_event_row *x = &v->events.v[i];

		json_array_append_new(
		    events,
		    json_pack("{s:s?,s:s,s:o,s:s,s:I,s:s?,s:s?,s:s?}", "from", x->from_state, "to",
		              x->to_state, "date", code_date_json(x->on_date), "at", x->at, "user",
		              (json_int_t)x->user_id, "username", v->event_users[i].code,
		              "user_name", v->event_users[i].name, "note", x->note));
	}
	for (size_t i = 0; i < v->documents.n; i++) {
		const struct case_document_row *d = &v->documents.v[i];

		json_t *x =
		    json_pack("{s:I,s:s?,s:o,s:s?,s:s,s:s?}", "id", (json_int_t)d->id, "number",
		              d->number_symbol, "date", code_date_json(d->doc_date), "issuer",
		              d->issuer, "title", d->title, "paper", d->paper);

		correct_json(x, d->version, &d->withdrawn);
		json_array_append_new(docs, x);
	}
	for (size_t i = 0; i < v->notes.n; i++) {
		json_t *x =
		    json_pack("{s:I,s:s,s:I,s:s?,s:s?,s:s}", "id", (json_int_t)v->notes.v[i].id,
		              "at", v->notes.v[i].at, "user", (json_int_t)v->notes.v[i].user_id,
		              "username", v->note_users[i].code, "user_name", v->note_users[i].name,
		              "text", v->notes.v[i].text);

		correct_json(x, v->notes.v[i].version, &v->notes.v[i].withdrawn);
		json_array_append_new(notes, x);
	}
	json_object_set_new(o, "history", events);
	json_object_set_new(o, "documents", docs);
	json_object_set_new(o, "notes", notes);
}

/* Who works on it, what is attached, what is due. */
static void work_json(const struct case_view *v, json_t *o)
{
	json_t *who = json_array(), *files = json_array(), *due = json_array();

	for (size_t i = 0; i < v->assignees.n; i++)
		if (v->assignee_names[i].code)
			json_array_append_new(
			    who, json_pack("{s:I,s:s,s:s?}", "id", (json_int_t)v->assignees.v[i],
			                   "username", v->assignee_names[i].code, "full_name",
			                   v->assignee_names[i].name));
	for (size_t i = 0; i < v->attachments.n; i++)
		json_array_append_new(files, attachment_json(&v->attachments.v[i]));
	for (size_t i = 0; i < v->ndeadlines; i++)
		json_array_append_new(due, deadline_json(&v->deadlines[i]));
	json_object_set_new(o, "assignees", who);
	json_object_set_new(o, "attachments", files);
	json_object_set_new(o, "deadlines", due);
}

static json_t *related_json(const struct case_view *v)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < v->nrelated; i++) {
		const struct case_row *r = &v->related[i];
		const struct case_kind *k = case_kind_of(r);
		const struct case_state *st = k ? case_state_find(k, r->state) : NULL;

		json_array_append_new(
		    arr,
		    json_pack("{s:I,s:s,s:s,s:s?,s:s?,s:s,s:s?,s:s?,s:s,s:s}", "id",
		              (json_int_t)r->id, "number", r->number, "kind", r->kind, "kind_name",
		              k ? k->vi : NULL, "kind_name_en", k ? k->en : NULL, "state", r->state,
		              "state_name", st ? st->vi : NULL, "state_name_en", st ? st->en : NULL,
		              "title", r->title, "relation",
		              r->id == v->c.linked_case ? "linked" : "linked_from"));
	}
	return arr;
}

json_t *case_view_json(const struct case_view *v)
{
	const struct case_kind *const *kinds;
	json_t *o = brief_json(&v->c, &v->org);
	size_t nk;

	/* Every kind's keys, empty; then the case's own kind fills its own. */
	kinds = case_kinds(&nk);
	for (size_t i = 0; i < nk; i++)
		if (kinds[i]->view && kinds[i] != v->kind)
			kinds[i]->view(o, NULL);
	if (v->kind && v->kind->view)
		v->kind->view(o, v->part);
	json_object_set_new(o, "conclusion",
	                    v->c.conclusion ? json_string(v->c.conclusion) : json_null());
	json_object_set_new(o, "linked_case",
	                    v->c.linked_case ? json_integer(v->c.linked_case) : json_null());
	json_object_set_new(o, "related", related_json(v));
	json_object_set_new(o, "subjects", subjects_json(v));
	records_json(v, o);
	work_json(v, o);
	json_object_set_new(o, "next", case_next_json(&v->next));
	return o;
}

static int bound(int32_t d)
{
	return d != DATE_NONE && d != 0;
}

/* What a list filter needs beyond the filter itself. */
struct match {
	struct id_list assigned; /* the assignee's cases, ascending */
	struct id_list mine;     /* the caller's, for f->waiting */
	const struct actor *who;
	const struct deadline_rule *rules;
	size_t nrules;
	struct case_find *find; /* f->q prepared, or NULL */
	int64_t memo_org[64];   /* handling organisations already placed */
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
			if ((rc = org_is_under(app, f->org, c->handling_org, date_today(),
			                       ORG_WALK_AT)) < 0)
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
	if (f->waiting && !case_waits_for(c, m->who,
	                                  m->mine.n && bsearch(&c->id, m->mine.v, m->mine.n,
	                                                       sizeof(int64_t), cmp_id)))
		return 0;
	if (m->find && (rc = case_find_matches(m->find, c)) <= 0)
		return rc;
	if (f->overdue)
		return deadline_case_overdue(app, c, m->rules, m->nrules);
	return 1;
}

/* 0 when filter f names a kind and state that exist, a period in order
 * and a limit in range; else the error. */
static int check_filter(const struct case_filter *f, size_t limit, struct err *e)
{
	const struct case_kind *k = NULL;

	if (limit > 1000)
		return err_set(e, HOSO_E_RANGE, "limit", "Tối đa 1000 dòng một lần",
		               "At most 1000 rows at a time");
	if (f->kind && !(k = case_kind_find(f->kind)))
		return err_set(e, HOSO_E_BAD_ENUM, "kind", "Loại vụ việc '%s' không có",
		               "There is no case kind '%s'", f->kind);
	if (f->state && k && !case_state_find(k, f->state))
		return err_set(e, HOSO_E_BAD_ENUM, "state", "Trạng thái '%s' không có ở loại này",
		               "Kind has no state '%s'", f->state);
	if (f->state && !k) {
		/* Without a kind, a state some kind has ("dong": every closed case). */
		size_t nk, i = 0;
		const struct case_kind *const *all = case_kinds(&nk);

		while (i < nk && !case_state_find(all[i], f->state))
			i++;
		if (i == nk)
			return err_set(e, HOSO_E_BAD_ENUM, "state", "Không có trạng thái '%s'",
			               "There is no state '%s'", f->state);
	}
	if (bound(f->from) && bound(f->to) && f->from > f->to)
		return err_set(e, HOSO_E_BAD_DATE, "to", "Khoảng thời gian ngược (từ sau đến)",
		               "The period ends before it starts");
	return 0;
}

/* What the filter needs looked up before the walk (struct match). */
static int match_prepare(struct app *app, const struct actor *who, const struct case_filter *f,
                         struct arena *a, struct match *m, struct err *e)
{
	int rc;

	if (f->assignee &&
	    (rc = store_cases_of_assignee(app_store(app), f->assignee, a, &m->assigned)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (f->waiting && who->user_id &&
	    (rc = store_cases_of_assignee(app_store(app), who->user_id, a, &m->mine)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (f->overdue && (rc = deadline_rules(app, a, &m->rules, &m->nrules, e)) < 0)
		return rc;
	if (f->q && *f->q) {
		if (!(m->find = arena_alloc(a, sizeof(*m->find))))
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		return case_find_prepare(app, who, f->q, a, m->find, e);
	}
	return 0;
}

/* Newest first, in batches, keeping what the actor may see: a page is
 * always `limit` visible cases (or the end), in a stable order. */
static int walk(struct app *app, const struct actor *who, const struct case_filter *f,
                struct match *m, struct arena *a, struct case_row *out, size_t limit, size_t *ret_n,
                struct err *e)
{
	int64_t before = f->before;
	size_t n = 0;
	int rc;

	for (;;) {
		struct case_list batch;

		if ((rc = store_case_list(app_store(app), before, f->kind, f->state, 256, a,
		                          &batch)) < 0)
			return err_set(e, rc, NULL, NULL, NULL);
		for (size_t i = 0; i < batch.n && n < limit; i++) {
			if (!case_visible(app, who, &batch.v[i]) ||
			    (rc = case_matches(app, f, m, &batch.v[i])) == 0)
				continue;
			if (rc < 0)
				return err_set(e, rc, NULL, NULL, NULL);
			out[n++] = batch.v[i];
		}
		if (n == limit || batch.n < 256)
			break;
		before = batch.v[batch.n - 1].id;
	}
	*ret_n = n;
	return 0;
}

int case_list(struct app *app, const struct actor *who, const struct case_filter *f,
              struct arena *a, struct case_list *ret, struct err *e)
{
	struct case_row *out;
	struct match m = {.who = who};
	size_t n = 0, limit = f->limit ? f->limit : 100;
	int rc;

	ret->v = NULL;
	ret->n = 0;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0 || (rc = check_filter(f, limit, e)) < 0)
		return rc;
	if (!(out = arena_alloc(a, limit * sizeof(*out))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = match_prepare(app, who, f, a, &m, e)) == 0)
		rc = walk(app, who, f, &m, a, out, limit, &n, e);
	if (m.find)
		case_find_release(m.find);
	if (rc < 0)
		return rc;
	ret->v = out;
	ret->n = n;
	return audit_record_json(
	    app, who, (struct audit_entry){"search", "case", 0, NULL, 0},
	    json_pack(
	        "{s:s?,s:s?,s:I,s:I,s:I,s:I,s:b,s:b,s:s?,s:I}", "kind", f->kind, "state", f->state,
	        "org", (json_int_t)f->org, "from", (json_int_t)(bound(f->from) ? f->from : 0), "to",
	        (json_int_t)(bound(f->to) ? f->to : 0), "assignee", (json_int_t)f->assignee,
	        "overdue", f->overdue, "waiting", f->waiting, "q", f->q, "results", (json_int_t)n),
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

/* The step of case c's kind from its state to `to` that the actor may
 * take, or an error saying why there is none. */
static int step_of(const struct actor *who, const struct case_row *c, const char *to,
                   const struct case_step **ret, struct err *e)
{
	const struct case_kind *k = case_kind_of(c);
	const struct case_step *step = k ? case_step_find(k, c->state, to) : NULL;

	if (!step) {
		const struct case_state *from = k ? case_state_find(k, c->state) : NULL;

		return err_set(e, HOSO_E_CONFLICT, "to", "Không thể chuyển từ '%s' sang '%s'",
		               "Cannot go from '%s' to '%s'", from ? from->vi : c->state,
		               to ? to : "");
	}
	if (!(who->roles & step->roles))
		return err_set(e, HOSO_E_DENIED, "to", "Bước '%s' cần vai trò lãnh đạo",
		               "Step '%s' needs the leader role", step->vi);
	*ret = step;
	return 0;
}

/* Steps follow one another in time, from the case's opening: the
 * deadlines are counted from their dates. */
static int check_day(struct app *app, const struct case_row *c, int32_t day, struct arena *a,
                     struct err *e)
{
	struct case_event_list hist;
	char last[DATE_BUF];
	int rc;

	if (day < c->opened)
		return err_set(e, HOSO_E_BAD_DATE, "date", "Ngày thực hiện trước ngày lập hồ sơ",
		               "The date is before the case was opened");
	if ((rc = store_case_events(app_store(app), c->id, a, &hist)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if (hist.n && day < hist.v[hist.n - 1].on_date) {
		date_format_vn(hist.v[hist.n - 1].on_date, last);
		return err_set(e, HOSO_E_BAD_DATE, "date",
		               "Ngày thực hiện trước bước trước đó (%s)",
		               "The date is before the previous step (%s)", last);
	}
	return 0;
}

struct step_write {
	struct case_event_row ev;
	const char *conclusion;
	int64_t version;
	const struct actor *who;
	const struct case_row *c;
};

static int write_step(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct step_write *x = arg;
	int rc = store_case_set_state(app_store(app), x->ev.case_id, x->ev.to_state, x->conclusion,
	                              x->version);

	(void)w;
	if (rc == HOSO_E_CONFLICT)
		return err_set(e, rc, "version", "Hồ sơ vừa được người khác thay đổi; hãy tải lại",
		               "Someone else changed the case; reload it");
	if (rc < 0 || (rc = store_case_event_insert(app_store(app), &x->ev)) < 0)
		return rc;
	return notice_waiting(app, x->who, x->c, x->ev.to_state, e);
}

int case_transition(struct app *app, const struct actor *who, int64_t id, const char *to,
                    int32_t day, const char *note, const char *conclusion, int64_t version,
                    struct err *e)
{
	const struct case_kind *k;
	const struct case_step *step = NULL;
	struct case_row c;
	struct step_write x = {.version = version, .who = who, .c = &c};
	struct gate_write w = {"update", "case", id, NULL, NOUN_CASE};
	struct arena a;
	int rc;

	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, id, &a, &c, e)) < 0 ||
	    (rc = step_of(who, &c, to, &step, e)) < 0 ||
	    (rc = app_text_clean(&a, note, "note", NOTE_MAX, &x.ev.note, e)) < 0 ||
	    (rc = app_text_clean(&a, conclusion, "conclusion", CONCLUDE_MAX, &x.conclusion, e)) < 0)
		goto out;
	/* The kind's own conditions (an appraisal's outcome, a trip's
	 * travellers...). */
	k = case_kind_of(&c);
	if (k->check_step && (rc = k->check_step(app, &c, step, x.ev.note, e)) < 0)
		goto out;
	if ((step->flags & CASE_CONCLUDES) && !x.conclusion) {
		rc = err_set(e, HOSO_E_MISSING, "conclusion", "Bước '%s' cần nội dung kết luận",
		             "Step '%s' needs the conclusion", step->vi);
		goto out;
	}
	x.ev.case_id = id;
	x.ev.from_state = c.state;
	x.ev.to_state = step->to;
	x.ev.on_date = day == DATE_NONE ? date_today() : day;
	x.ev.user_id = who->user_id;
	if ((rc = check_day(app, &c, x.ev.on_date, &a, e)) < 0)
		goto out;
	w.detail = json_pack("{s:{s:s,s:s},s:s?}", "state", "before", c.state, "after", step->to,
	                     "conclusion", x.conclusion);
	rc = gate_write(app, who, &w, write_step, &x, e);
out:
	arena_release(&a);
	return rc;
}

int case_still_open(const struct case_row *c, struct err *e)
{
	const struct case_kind *k = case_kind_of(c);
	const struct case_state *s = k ? case_state_find(k, c->state) : NULL;

	if (!s || !(s->flags & CASE_FINAL))
		return 0;
	return err_set(e, HOSO_E_CONFLICT, "state",
	               "Hồ sơ đã kết thúc; lãnh đạo mở lại hồ sơ trước khi bổ sung",
	               "The case is closed; a leader reopens it before anything is added");
}

/* The state case c was in before it entered its current (final) one. */
static int state_before(struct app *app, const struct case_row *c, struct arena *a,
                        const char **ret, struct err *e)
{
	struct case_event_list hist;
	int rc = store_case_events(app_store(app), c->id, a, &hist);

	if (rc < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = hist.n; i-- > 0;)
		if (strcmp(hist.v[i].to_state, c->state) == 0) {
			*ret = hist.v[i].from_state;
			return 0;
		}
	return err_set(e, HOSO_E_CONFLICT, "state", "Không rõ hồ sơ ở bước nào trước khi kết thúc",
	               "The state before the case closed is not known");
}

int case_reopen(struct app *app, const struct actor *who, int64_t id, const char *reason,
                int64_t version, struct err *e)
{
	struct case_row c;
	struct step_write x = {.version = version, .who = who, .c = &c};
	struct gate_write w = {"reopen", "case", id, NULL, NOUN_CASE};
	struct arena a;
	int rc;

	if ((rc = gate_role(who, CASE_LEADER, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, id, &a, &c, e)) < 0 ||
	    (rc = app_text_clean(&a, reason, "reason", NOTE_MAX, &x.ev.note, e)) < 0)
		goto out;
	if (!x.ev.note) {
		rc = err_set(e, HOSO_E_MISSING, "reason", "Cần ghi lý do mở lại hồ sơ",
		             "The reason for reopening is needed");
		goto out;
	}
	if (case_still_open(&c, NULL) == 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "state", "Hồ sơ chưa kết thúc",
		             "The case is not closed");
		goto out;
	}
	if ((rc = state_before(app, &c, &a, &x.ev.to_state, e)) < 0)
		goto out;
	x.ev.case_id = id;
	x.ev.from_state = c.state;
	x.ev.on_date = date_today();
	x.ev.user_id = who->user_id;
	w.detail = json_pack("{s:{s:s,s:s},s:s}", "state", "before", c.state, "after",
	                     x.ev.to_state, "reason", x.ev.note);
	rc = gate_write(app, who, &w, write_step, &x, e);
out:
	arena_release(&a);
	return rc;
}

int case_insert_write(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	const struct case_insert *x = arg;
	int rc = x->fn(app_store(app), x->row, x->ret_id);

	(void)e;
	if (rc == 0 && x->key)
		w->detail = audit_detail_set(w->detail, x->key, json_integer(*x->ret_id));
	return rc;
}

/* Checks the actor may see case id; then writes the record, audited as
 * `action` with detail (consumed). */
static int attach(struct app *app, const struct actor *who, int64_t id, const char *action,
                  int (*fn)(struct store *s, const void *row, int64_t *ret_id), const void *row,
                  json_t *detail, int64_t *ret_id, struct err *e)
{
	struct case_insert x = {fn, row, ret_id, "id"};
	struct gate_write w = {action, "case", id, detail, NOUN_CASE};
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, id, &a, &c, e)) == 0 &&
	    (strcmp(action, "note") == 0 || (rc = case_still_open(&c, e)) == 0))
		rc = gate_write(app, who, &w, case_insert_write, &x, e);
	json_decref(w.detail);
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

	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0)
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

	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0)
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

/* The users named, each one who may work on case c (ids in ascending
 * order, usernames in the order given, once each). */
int case_worker(struct app *app, const struct user_row *u, const struct case_row *c, unsigned roles,
                enum org_walk how)
{
	if (u->disabled || !(u->roles & roles) || u->clearance < c->confidentiality)
		return 0;
	return u->org_id == 0 ? 1
	                      : org_is_under(app, u->org_id, c->handling_org, date_today(), how);
}

static int assignees_of(struct app *app, const struct case_row *c, const char *const *usernames,
                        size_t n, struct arena *a, int64_t *ids, size_t *ret_k, json_t *now,
                        struct err *e)
{
	size_t k = 0;
	int rc;

	for (size_t i = 0; i < n; i++) {
		struct user_row u;
		size_t j = 0;

		rc = usernames[i] ? store_user_by_name(app_store(app), usernames[i], a, &u)
		                  : HOSO_E_NOT_FOUND;
		if (rc < 0 && rc != HOSO_E_NOT_FOUND)
			return gate_store_error(e, rc, NOUN_USER);
		/* One refusal for a name nobody has and for a user who may not
		 * work on this case: it must not tell who has an account. */
		if (rc == HOSO_E_NOT_FOUND ||
		    (rc = case_worker(app, &u, c, WRITE_ROLES, ORG_WALK_AT)) != 1) {
			if (rc < 0 && rc != HOSO_E_NOT_FOUND)
				return gate_store_error(e, rc, NOUN_ORG);
			return err_set(e, HOSO_E_INVALID, "users",
			               "Không giao được cho '%s': không có chuyên viên, lãnh đạo "
			               "nào có tên đăng nhập này phụ trách được hồ sơ",
			               "Cannot assign '%s': no officer or leader with this user "
			               "name can be responsible for this case",
			               usernames[i] ? usernames[i] : "");
		}
		while (j < k && ids[j] != u.id)
			j++;
		if (j == k) {
			ids[k++] = u.id;
			json_array_append_new(now, json_string(u.username));
		}
	}
	qsort(ids, k, sizeof(ids[0]), cmp_id);
	*ret_k = k;
	return 0;
}

/* The usernames of those assigned now (ids of users gone). */
static int assigned_json(struct app *app, int64_t id, struct arena *a, json_t *was, struct err *e)
{
	struct id_list before;
	int rc;

	if ((rc = store_case_assignees(app_store(app), id, a, &before)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; i < before.n; i++) {
		struct user_row u;

		json_array_append_new(was, store_user_get(app_store(app), before.v[i], a, &u) == 0
		                               ? json_string(u.username)
		                               : json_integer(before.v[i]));
	}
	return 0;
}

struct assign_write {
	int64_t id, version;
	const int64_t *ids;
	size_t k;
	const struct actor *who;
	const struct case_row *c;
	struct arena *a;
};

/* The new assignees are told (notice.h); those kept are not again. */
static int write_assignees(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct assign_write *x = arg;
	int64_t added[CASE_ASSIGNEES_MAX];
	struct id_list was;
	size_t n = 0;
	int rc = store_case_touch(app_store(app), x->id, x->version);

	(void)w;
	if (rc == HOSO_E_CONFLICT)
		return err_set(e, rc, "version", "Hồ sơ vừa được người khác thay đổi; hãy tải lại",
		               "Someone else changed the case; reload it");
	if (rc < 0 || (rc = store_case_assignees(app_store(app), x->id, x->a, &was)) < 0 ||
	    (rc = store_case_assignees_set(app_store(app), x->id, x->ids, x->k)) < 0)
		return rc;
	for (size_t i = 0; i < x->k; i++) {
		size_t j = 0;

		while (j < was.n && was.v[j] != x->ids[i])
			j++;
		if (j == was.n)
			added[n++] = x->ids[i];
	}
	return notice_assigned(app, x->who, x->c, added, n, x->version + 1, e);
}

int case_assign(struct app *app, const struct actor *who, int64_t id, const char *const *usernames,
                size_t n, int64_t version, struct err *e)
{
	int64_t ids[CASE_ASSIGNEES_MAX];
	struct case_row c;
	struct arena a;
	struct assign_write x = {id, version, ids, 0, who, &c, &a};
	struct gate_write w = {"assign", "case", id, NULL, NOUN_CASE};
	json_t *was = json_array(), *now = json_array();
	int rc;

	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0 ||
	    (n > CASE_ASSIGNEES_MAX &&
	     (rc = err_set(e, HOSO_E_TOO_BIG, "users", "Quá %d người được giao",
	                   "More than %d assignees", CASE_ASSIGNEES_MAX)) < 0)) {
		json_decref(was);
		json_decref(now);
		return rc;
	}
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, id, &a, &c, e)) == 0 &&
	    (rc = assignees_of(app, &c, usernames, n, &a, ids, &x.k, now, e)) == 0 &&
	    (rc = assigned_json(app, id, &a, was, e)) == 0) {
		w.detail = json_pack("{s:{s:O,s:O}}", "assignees", "before", was, "after", now);
		rc = gate_write(app, who, &w, write_assignees, &x, e);
	}
	json_decref(was);
	json_decref(now);
	arena_release(&a);
	return rc;
}

struct classify {
	int64_t id, version;
	int level;
};

static int write_level(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct classify *x = arg;

	(void)w;
	(void)e;
	return store_case_set_confidentiality(app_store(app), x->id, x->level, x->version);
}

int case_set_confidentiality(struct app *app, const struct actor *who, int64_t id, int level,
                             int64_t version, const char *reason, struct err *e)
{
	struct classify x = {id, version, level};
	struct gate_write w = {"confidentiality", "case", id, NULL, NOUN_CASE};
	struct actor why = *who;
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_LEADER, e)) < 0)
		return rc;
	if (level < 0 || level >= CLEARANCE__MAX)
		return err_set(e, HOSO_E_RANGE, "confidentiality", "Độ mật là 0, 1 hoặc 2",
		               "Confidentiality is 0, 1 or 2");
	arena_init(&a, 1 << 16);
	/* case_fetch refuses a case above the actor's clearance as missing */
	if ((rc = case_fetch(app, who, id, &a, &c, e)) == 0 &&
	    (rc = gate_clearance(who, level, e)) == 0) {
		w.detail = json_pack("{s:{s:i,s:i}}", "confidentiality", "before",
		                     c.confidentiality, "after", level);
		why.purpose = reason && *reason ? reason : who->purpose;
		rc = gate_write(app, &why, &w, write_level, &x, e);
	}
	arena_release(&a);
	return rc;
}
