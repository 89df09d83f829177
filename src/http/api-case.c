/*
 * api-case.c - cases (the core every kind shares).
 *
 *   GET  /api/case-kinds                    the kinds, their states and steps
 *   GET  /api/cases?kind&state&org&from&to&assignee&overdue&before&limit
 *                                           the caller's cases, newest first
 *   PUT  /api/cases/{id}/assignees          who works on it
 *   POST /api/cases                         open a case (number assigned)
 *   GET  /api/cases/{id}                    one case with subjects, history,
 *                                           documents and notes (recorded)
 *   POST /api/cases/{id}/transition         take a step of its state machine
 *   POST /api/cases/{id}/notes              add a note
 *   POST /api/cases/{id}/documents          record a document
 *   (attachments: api-attachment.c)
 *   GET  /api/deadlines?level=early|late|overdue  what is due soon / overdue
 *   POST /api/cases/{id}/disciplines        record a discipline decision
 *   POST /api/cases/{id}/findings           an inspection's finding (per subject)
 *   POST /api/findings/{id}/remedies        a remedial action for a finding
 *   POST /api/remedies/{id}                 the action done
 *   GET  /api/remedies?limit=               remedial actions past due, not done
 *   PUT  /api/cases/{id}/stay               a member's stay abroad
 *   PUT  /api/cases/{id}/appraisal          an appraisal's requester, outcome, position
 *   POST /api/cases/{id}/appraisal-documents  a dossier document present or missing
 *   POST /api/cases/{id}/relatives          a person a background check covers
 *   PUT  /api/cases/{id}/trip               a trip's purpose, countries, dates
 *   POST /api/cases/{id}/travellers         a traveller (one person-trip)
 *   POST /api/travellers/{id}               commitment, departure, return, report
 *   GET  /api/return-reports?level=...      travellers back whose report is missing
 *   POST /api/cases/{id}/inspection         supervision found signs of
 *                                           violation: open a linked inspection
 *   POST /api/cases/{id}/letters            send a verification letter
 *   POST /api/letters/{id}                  its reminder, escalation, answer
 *   GET  /api/letters?level=...             unanswered letters near or past due
 *   GET  /api/deadline-rules                the rules in force
 *   PUT  /api/deadline-rules/{code}         change one (whole-tree admins)
 */
#include "http/api.h"

#include <string.h>

#include "app/admission.h"
#include "app/appraisal.h"
#include "app/case.h"
#include "app/deadline.h"
#include "app/discipline.h"
#include "app/finding.h"
#include "app/letter.h"
#include "app/stay.h"
#include "app/trip.h"
#include "app/user.h"
#include "app/org.h"
#include "app/person.h"
#include "cal/cal.h"
#include "core/parse.h"

#include "core/banned.h"

static json_t *date_json(int32_t d)
{
	char s[DATE_BUF];

	if (d == DATE_OPEN || d == DATE_NONE)
		return json_null();
	date_format_iso(d, s);
	return json_string(s);
}

static json_t *roles_json(unsigned roles)
{
	static const char *const names[ROLE__MAX] = {"admin", "officer", "leader", "viewer",
	                                             "auditor"};
	json_t *a = json_array();

	for (int i = 0; i < ROLE__MAX; i++)
		if (roles & (1u << i))
			json_array_append_new(a, json_string(names[i]));
	return a;
}

int api_case_kinds_get(struct http_req *r, struct err *e)
{
	size_t n;
	const struct case_kind *k = case_kinds(&n);
	json_t *kinds = json_array();

	(void)e;
	for (size_t i = 0; i < n; i++) {
		json_t *states = json_array(), *steps = json_array(), *sub = json_array();

		for (size_t s = 0; s < k[i].nstates; s++)
			json_array_append_new(
			    states,
			    json_pack("{s:s,s:s,s:s,s:b,s:b}", "code", k[i].states[s].code, "name",
			              k[i].states[s].vi, "name_en", k[i].states[s].en, "final",
			              (k[i].states[s].flags & CASE_FINAL) != 0, "paused",
			              (k[i].states[s].flags & CASE_PAUSES) != 0));
		for (size_t s = 0; s < k[i].nsteps; s++)
			json_array_append_new(
			    steps,
			    json_pack("{s:s,s:s,s:s,s:s,s:o,s:b}", "from", k[i].steps[s].from, "to",
			              k[i].steps[s].to, "name", k[i].steps[s].vi, "name_en",
			              k[i].steps[s].en, "roles", roles_json(k[i].steps[s].roles),
			              "conclusion", (k[i].steps[s].flags & CASE_CONCLUDES) != 0));
		for (const char *const *t = k[i].subtypes; t && *t; t++)
			json_array_append_new(sub, json_string(*t));
		json_array_append_new(kinds, json_pack("{s:s,s:s,s:s,s:s,s:o,s:o,s:o}", "code",
		                                       k[i].code, "prefix", k[i].prefix, "name",
		                                       k[i].vi, "name_en", k[i].en, "subtypes", sub,
		                                       "states", states, "steps", steps));
	}
	{
		size_t nf;
		const struct discipline_form *f = discipline_forms(&nf);
		json_t *fa = json_array();

		for (size_t i = 0; i < nf; i++) {
			json_t *subj = json_array();

			if (f[i].subjects & (1u << DISCIPLINE_ORG))
				json_array_append_new(subj, json_string("org"));
			if (f[i].subjects & (1u << DISCIPLINE_FULL_MEMBER))
				json_array_append_new(subj, json_string("chinh_thuc"));
			if (f[i].subjects & (1u << DISCIPLINE_PROBATIONARY))
				json_array_append_new(subj, json_string("du_bi"));
			json_array_append_new(
			    fa, json_pack("{s:s,s:s,s:s,s:i,s:o}", "code", f[i].code, "name",
			                  f[i].vi, "name_en", f[i].en, "limitation_years",
			                  f[i].limitation_years, "subjects", subj));
		}
		return http_reply(r, 200,
		                  json_pack("{s:o,s:o}", "kinds", kinds, "discipline_forms", fa));
	}
}

/* The organisation's code and name on day (else its latest), or nulls when
 * the caller may not see it. */
static void add_org(struct http_req *r, json_t *o, const char *key, int64_t id, int32_t day)
{
	struct org_row row;
	char name_key[40];
	int found = org_get(r->app, &r->actor, id, day, r->arena, &row, NULL) == 0 ||
	            org_get(r->app, &r->actor, id, DATE_OPEN, r->arena, &row, NULL) == 0;

	snprintf(name_key, sizeof(name_key), "%s_name", key);
	json_object_set_new(o, key, found ? json_string(row.code) : json_null());
	json_object_set_new(o, name_key, found ? json_string(row.name) : json_null());
}

static json_t *case_brief(struct http_req *r, const struct case_row *c)
{
	json_t *o =
	    json_pack("{s:I,s:s,s:s,s:s?,s:s,s:o,s:s,s:i,s:I}", "id", (json_int_t)c->id, "number",
	              c->number, "kind", c->kind, "subtype", c->subtype, "title", c->title,
	              "opened", date_json(c->opened), "state", c->state, "confidentiality",
	              c->confidentiality, "version", (json_int_t)c->version);

	add_org(r, o, "org", c->handling_org, c->opened);
	return o;
}

static int id_param(struct http_req *r, int64_t *ret, struct err *e)
{
	const char *s = http_param(r, "id");

	if (!s || parse_i64(s, strlen(s), 1, INT64_MAX, ret) < 0)
		return err_set(e, HOSO_E_NOT_FOUND, "id", "Không tìm thấy hồ sơ vụ việc",
		               "Case not found");
	return 0;
}

/* The list's filters beyond kind and state: org (a code: its subtree),
 * from and to (the opening date), assignee ("me" or a username), overdue. */
static int list_filter(struct http_req *r, struct case_filter *f, struct err *e)
{
	const char *org = http_query(r, "org"), *who = http_query(r, "assignee");
	const char *overdue = http_query(r, "overdue");
	int rc;

	f->from = f->to = DATE_NONE;
	if ((rc = http_query_date(r, "from", &f->from, e)) < 0 ||
	    (rc = http_query_date(r, "to", &f->to, e)) < 0)
		return rc;
	if (org && *org && (rc = org_find(r->app, &r->actor, org, &f->org, e)) < 0)
		return err_set(e, rc, "org", "Không tìm thấy tổ chức", "Organisation not found");
	if (who && strcmp(who, "me") == 0)
		f->assignee = r->actor.user_id;
	else if (who && *who && (rc = user_filter_id(r->app, &r->actor, who, &f->assignee, e)) < 0)
		return rc;
	if (overdue && strcmp(overdue, "1") != 0 && strcmp(overdue, "0") != 0)
		return err_set(e, HOSO_E_BAD_ENUM, "overdue", "overdue là 0 hoặc 1",
		               "overdue is 0 or 1");
	f->overdue = overdue && strcmp(overdue, "1") == 0;
	return 0;
}

int api_cases_get(struct http_req *r, struct err *e)
{
	struct case_filter f = {.kind = http_query(r, "kind"), .state = http_query(r, "state")};
	struct case_list l;
	int64_t limit = 100, before = 0;
	json_t *arr;
	int rc;

	if ((rc = http_query_i64(r, "limit", 1, 1000, &limit, e)) < 0 ||
	    (rc = http_query_i64(r, "before", 1, INT64_MAX, &before, e)) < 0)
		return rc;
	f.limit = (size_t)limit;
	f.before = before;
	if ((rc = list_filter(r, &f, e)) < 0 ||
	    (rc = case_list(r->app, &r->actor, &f, r->arena, &l, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, case_brief(r, &l.v[i]));
	return http_reply(r, 200, json_pack("{s:o}", "cases", arr));
}

int api_cases_post(struct http_req *r, struct err *e)
{
	struct case_input in = {.opened = DATE_NONE};
	struct http_list orgs = {0}, persons = {0};
	const char *org = NULL, *number = NULL;
	int64_t conf = 0, linked = 0, id = 0;
	const struct http_field fields[] = {
	    {"kind", HF_STRING, 1, &in.kind, 0, 0},
	    {"subtype", HF_STRING, 0, &in.subtype, 0, 0},
	    {"title", HF_STRING, 1, &in.title, 0, 0},
	    {"org", HF_STRING, 1, &org, 0, 0},
	    {"opened", HF_DATE, 0, &in.opened, 0, 0},
	    {"confidentiality", HF_INT, 0, &conf, 0, CLEARANCE__MAX - 1},
	    {"linked_case", HF_INT, 0, &linked, 1, INT64_MAX},
	    {"subject_orgs", HF_STRINGS, 0, &orgs, 0, 0},
	    {"subject_persons", HF_IDS, 0, &persons, 0, 0},
	};
	int64_t *org_ids = NULL;
	json_t *body;
	int rc;

	if ((rc = case_may_open(&r->actor, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0 && (rc = org_find(r->app, &r->actor, org, &in.handling_org, e)) < 0)
		err_set(e, rc, "org", "Không tìm thấy tổ chức", "Organisation not found");
	if (rc == 0 && orgs.n && !(org_ids = arena_alloc(r->arena, orgs.n * sizeof(*org_ids))))
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; rc == 0 && i < orgs.n; i++)
		if ((rc = org_find(r->app, &r->actor, orgs.strs[i], &org_ids[i], e)) < 0)
			err_set(e, rc, "subject_orgs", "Không tìm thấy tổ chức '%s'",
			        "Organisation '%s' not found", orgs.strs[i]);
	if (rc == 0) {
		in.confidentiality = (int)conf;
		in.linked_case = linked;
		in.subject_orgs = org_ids;
		in.nsubject_orgs = orgs.n;
		in.subject_persons = persons.ids;
		in.nsubject_persons = persons.n;
		rc = case_create(r->app, &r->actor, &in, r->arena, &id, &number, e);
	}
	if (rc == 0)
		rc = http_reply(r, 201,
		                json_pack("{s:I,s:s}", "id", (json_int_t)id, "number", number));
	json_decref(body);
	return rc;
}

static json_t *subjects_json(struct http_req *r, const struct case_view *v)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < v->subjects.n; i++) {
		const struct case_subject_row *s = &v->subjects.v[i];
		json_t *o = json_pack("{s:I}", "id", (json_int_t)s->id);

		if (s->org_id) {
			/* the organisation as it was on the case date */
			add_org(r, o, "org", s->org_id, v->c.opened);
		} else {
			struct person_row p;
			int seen =
			    person_get(r->app, &r->actor, s->person_id, r->arena, &p, NULL) == 0;

			json_object_set_new(o, "person", json_integer(s->person_id));
			json_object_set_new(o, "full_name",
			                    seen ? json_string(p.full_name) : json_null());
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *deadline_json(const struct deadline *d)
{
	return json_pack("{s:s,s:s,s:s,s:o,s:o,s:o,s:i,s:i,s:i,s:b,s:s}", "rule", d->rule->code,
	                 "name", d->rule->vi, "name_en", d->rule->en, "start", date_json(d->start),
	                 "due", date_json(d->due), "done", date_json(d->done), "working_days",
	                 d->rule->working_days, "used", d->used, "left", d->left, "paused",
	                 d->paused, "level", deadline_level_name(d->level));
}

static json_t *letter_json(const struct letter_view *v)
{
	const struct letter_row *l = &v->l;

	return json_pack("{s:I,s:s,s:s?,s:s?,s:o,s:i,s:o,s:o,s:o,s:s?,s:I,s:o}", "id",
	                 (json_int_t)l->id, "recipient", l->recipient, "about", l->about, "number",
	                 l->number_symbol, "sent", date_json(l->sent), "reminders", l->reminders,
	                 "last_reminder", date_json(l->last_reminder), "escalated",
	                 date_json(l->escalated), "answered", date_json(l->answered), "result",
	                 l->result, "version", (json_int_t)l->version, "deadline",
	                 deadline_json(&v->d));
}

int api_case_get(struct http_req *r, struct err *e)
{
	struct case_view v;
	json_t *o, *events = json_array(), *docs = json_array(), *notes = json_array();
	int64_t id;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 ||
	    (rc = case_get(r->app, &r->actor, id, r->arena, &v, e)) < 0) {
		json_decref(events);
		json_decref(docs);
		json_decref(notes);
		return rc;
	}
	for (size_t i = 0; i < v.events.n; i++) {
		const struct case_event_row *x = &v.events.v[i];

		json_array_append_new(events, json_pack("{s:s?,s:s,s:o,s:s,s:I,s:s?}", "from",
		                                        x->from_state, "to", x->to_state, "date",
		                                        date_json(x->on_date), "at", x->at, "user",
		                                        (json_int_t)x->user_id, "note", x->note));
	}
	for (size_t i = 0; i < v.documents.n; i++) {
		const struct case_document_row *d = &v.documents.v[i];

		json_array_append_new(docs, json_pack("{s:I,s:s?,s:o,s:s?,s:s}", "id",
		                                      (json_int_t)d->id, "number", d->number_symbol,
		                                      "date", date_json(d->doc_date), "issuer",
		                                      d->issuer, "title", d->title));
	}
	for (size_t i = 0; i < v.notes.n; i++)
		json_array_append_new(
		    notes, json_pack("{s:I,s:s,s:I,s:s}", "id", (json_int_t)v.notes.v[i].id, "at",
		                     v.notes.v[i].at, "user", (json_int_t)v.notes.v[i].user_id,
		                     "text", v.notes.v[i].text));
	o = case_brief(r, &v.c);
	{
		struct deadline *d;
		size_t nd;
		json_t *arr = json_array();

		if ((rc = deadline_of_case(r->app, &v, r->arena, &d, &nd, e)) < 0) {
			json_decref(arr);
			json_decref(o);
			json_decref(events);
			json_decref(docs);
			json_decref(notes);
			return rc;
		}
		for (size_t i = 0; i < nd; i++)
			json_array_append_new(arr, deadline_json(&d[i]));
		json_object_set_new(o, "deadlines", arr);
	}
	{
		struct relative_list rl;
		struct admission_exemptions ex;
		json_t *arr = json_array();

		if ((rc = store_relatives_of_case(app_store(r->app), id, r->arena, &rl)) < 0) {
			json_decref(arr);
			json_decref(o);
			return err_set(e, rc, NULL, NULL, NULL);
		}
		for (size_t i = 0; i < rl.n; i++)
			json_array_append_new(
			    arr, json_pack("{s:I,s:s,s:s,s:b,s:s?}", "id", (json_int_t)rl.v[i].id,
			                   "relation", rl.v[i].relation, "full_name",
			                   rl.v[i].full_name, "is_member", rl.v[i].is_member,
			                   "exempt_reason", rl.v[i].exempt_reason));
		admission_exemptions(rl.v, rl.n, &ex);
		json_object_set_new(o, "relatives", arr);
		json_object_set_new(o, "exemptions",
		                    json_pack("{s:b,s:b}", "applicant", ex.applicant, "spouse_side",
		                              ex.spouse_side));
	}
	{
		struct appraisal_row ap;
		struct appraisal_doc_list adocs;
		int got = store_appraisal_get(app_store(r->app), id, r->arena, &ap);
		json_t *arr = json_array();

		if ((got < 0 && got != HOSO_E_NOT_FOUND) ||
		    (rc = store_appraisal_docs(app_store(r->app), id, r->arena, &adocs)) < 0) {
			json_decref(arr);
			json_decref(o);
			return err_set(e, got < 0 && got != HOSO_E_NOT_FOUND ? got : rc, NULL, NULL,
			               NULL);
		}
		json_object_set_new(o, "appraisal",
		                    got == 0
		                        ? json_pack("{s:s?,s:s?,s:s?}", "requester", ap.requester,
		                                    "outcome", ap.outcome, "position", ap.position)
		                        : json_null());
		for (size_t i = 0; i < adocs.n; i++)
			json_array_append_new(
			    arr, json_pack("{s:I,s:s,s:b}", "id", (json_int_t)adocs.v[i].id, "name",
			                   adocs.v[i].name, "present", adocs.v[i].present));
		json_object_set_new(o, "appraisal_documents", arr);
	}
	{
		struct stay_row st;
		int got = store_stay_get(app_store(r->app), id, r->arena, &st);

		if (got < 0 && got != HOSO_E_NOT_FOUND) {
			json_decref(o);
			return err_set(e, got, NULL, NULL, NULL);
		}
		json_object_set_new(
		    o, "stay",
		    got == 0 ? json_pack("{s:s,s:s,s:o,s:o,s:s,s:o}", "country", st.country,
		                         "purpose", st.purpose, "start", date_json(st.start),
		                         "expected_end", date_json(st.expected_end), "arrangement",
		                         st.arrangement, "last_contact", date_json(st.last_contact))
		             : json_null());
	}
	{
		struct traveller_view *tv;
		struct trip_row trip;
		int has_trip;
		size_t nt;
		json_t *arr = json_array();

		if ((rc = trip_view(r->app, &r->actor, id, r->arena, &trip, &has_trip, &tv, &nt,
		                    e)) < 0) {
			json_decref(arr);
			json_decref(o);
			return rc;
		}
		json_object_set_new(o, "trip",
		                    has_trip
		                        ? json_pack("{s:s,s:s,s:o,s:o,s:s?,s:b}", "purpose",
		                                    trip.purpose, "countries", trip.countries,
		                                    "depart", date_json(trip.depart), "come_back",
		                                    date_json(trip.come_back), "funding",
		                                    trip.funding, "in_plan", trip.in_plan)
		                        : json_null());
		for (size_t i = 0; i < nt; i++) {
			const struct traveller_row *x = &tv[i].t;

			json_array_append_new(
			    arr,
			    json_pack("{s:I,s:I,s:s?,s:b,s:b,s:o,s:o,s:o,s:I,s:s,s:o}", "id",
			              (json_int_t)x->id, "person", (json_int_t)x->person_id,
			              "full_name", tv[i].full_name, "leader", x->leader,
			              "commitment", x->commitment, "departed",
			              date_json(x->departed), "returned", date_json(x->returned),
			              "report_received", date_json(x->report_received), "version",
			              (json_int_t)x->version, "authority", tv[i].authority,
			              "report_deadline",
			              tv[i].has_report_deadline ? deadline_json(&tv[i].report)
			                                        : json_null()));
		}
		json_object_set_new(o, "travellers", arr);
	}
	{
		struct finding_list fl;
		struct remedy_list rl;
		json_t *arr = json_array();

		if ((rc = store_findings_of_case(app_store(r->app), id, r->arena, &fl)) < 0 ||
		    (rc = store_remedies_of_case(app_store(r->app), id, r->arena, &rl)) < 0) {
			json_decref(arr);
			json_decref(o);
			return err_set(e, rc, NULL, NULL, NULL);
		}
		for (size_t i = 0; i < fl.n; i++) {
			json_t *rem = json_array();

			for (size_t k = 0; k < rl.n; k++) {
				const struct remedy_row *x = &rl.v[k];

				if (x->finding_id != fl.v[i].id)
					continue;
				json_array_append_new(
				    rem, json_pack("{s:I,s:s,s:s,s:o,s:o,s:s?,s:I,s:b}", "id",
				                   (json_int_t)x->id, "action", x->action, "owner",
				                   x->owner, "due", date_json(x->due), "done",
				                   date_json(x->done), "result", x->result,
				                   "version", (json_int_t)x->version, "overdue",
				                   x->done == DATE_NONE && date_today() > x->due));
			}
			json_array_append_new(arr, json_pack("{s:I,s:o,s:s,s:s,s:o}", "id",
			                                     (json_int_t)fl.v[i].id, "subject",
			                                     fl.v[i].subject_id
			                                         ? json_integer(fl.v[i].subject_id)
			                                         : json_null(),
			                                     "text", fl.v[i].text, "conclusion",
			                                     fl.v[i].conclusion, "remedies", rem));
		}
		json_object_set_new(o, "findings", arr);
	}
	{
		struct discipline_list dl;
		json_t *arr = json_array();

		if ((rc = store_disciplines_of_case(app_store(r->app), id, r->arena, &dl)) < 0) {
			json_decref(arr);
			json_decref(o);
			return err_set(e, rc, NULL, NULL, NULL);
		}
		for (size_t i = 0; i < dl.n; i++) {
			const struct discipline_row *d = &dl.v[i];
			const struct discipline_form *f = discipline_form_find(d->form);
			json_t *x =
			    json_pack("{s:I,s:s,s:s?,s:o,s:o,s:o,s:b}", "id", (json_int_t)d->id,
			              "form", d->form, "form_name", f ? f->vi : NULL, "violation",
			              date_json(d->violation), "decided", date_json(d->decided),
			              "limitation_end",
			              date_json(f ? discipline_limitation_end(f, d->violation,
			                                                      d->internal_political)
			                          : DATE_OPEN),
			              "internal_political", d->internal_political);

			if (d->org_id) {
				add_org(r, x, "org", d->org_id, d->decided);
			} else {
				struct person_row p;
				int seen = person_get(r->app, &r->actor, d->person_id, r->arena, &p,
				                      NULL) == 0;

				json_object_set_new(x, "person", json_integer(d->person_id));
				json_object_set_new(x, "full_name",
				                    seen ? json_string(p.full_name) : json_null());
			}
			json_array_append_new(arr, x);
		}
		json_object_set_new(o, "disciplines", arr);
	}
	{
		struct letter_view *lv;
		size_t nl;
		json_t *arr = json_array();

		if ((rc = letter_of_case(r->app, id, r->arena, &lv, &nl, e)) < 0) {
			json_decref(arr);
			json_decref(o);
			return rc;
		}
		for (size_t i = 0; i < nl; i++)
			json_array_append_new(arr, letter_json(&lv[i]));
		json_object_set_new(o, "letters", arr);
	}
	json_object_set_new(o, "conclusion",
	                    v.c.conclusion ? json_string(v.c.conclusion) : json_null());
	json_object_set_new(o, "linked_case",
	                    v.c.linked_case ? json_integer(v.c.linked_case) : json_null());
	json_object_set_new(o, "subjects", subjects_json(r, &v));
	json_object_set_new(o, "history", events);
	json_object_set_new(o, "documents", docs);
	json_object_set_new(o, "notes", notes);
	{
		json_t *arr = json_array();

		for (size_t i = 0; i < v.assignees.n; i++) {
			const char *un = NULL, *fn = NULL;

			if (user_name_of(r->app, v.assignees.v[i], r->arena, &un, &fn) == 0)
				json_array_append_new(arr,
				                      json_pack("{s:I,s:s,s:s?}", "id",
				                                (json_int_t)v.assignees.v[i],
				                                "username", un, "full_name", fn));
		}
		json_object_set_new(o, "assignees", arr);
	}
	{
		json_t *arr = json_array();

		for (size_t i = 0; i < v.attachments.n; i++)
			json_array_append_new(arr, api_attachment_json(&v.attachments.v[i]));
		json_object_set_new(o, "attachments", arr);
	}
	return http_reply(r, 200, o);
}

int api_case_transition(struct http_req *r, struct err *e)
{
	const char *to = NULL, *note = NULL, *conclusion = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"to", HF_STRING, 1, &to, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0},
	    {"note", HF_STRING, 0, &note, 0, 0},
	    {"conclusion", HF_STRING, 0, &conclusion, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = case_transition(r->app, &r->actor, id, to, day, note, conclusion, version, e);
	if (rc == 0)
		rc = http_reply(r, 200,
		                json_pack("{s:I,s:s,s:I}", "id", (json_int_t)id, "state", to,
		                          "version", (json_int_t)(version + 1)));
	json_decref(body);
	return rc;
}

int api_case_assignees_put(struct http_req *r, struct err *e)
{
	struct http_list users = {0};
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"users", HF_STRINGS, 1, &users, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, 2, r->arena, e);
	if (rc == 0)
		rc = case_assign(r->app, &r->actor, id, users.strs, users.n, version, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 200, json_pack("{s:I}", "id", (json_int_t)id));
}

int api_case_note_post(struct http_req *r, struct err *e)
{
	const char *text = NULL;
	const struct http_field fields[] = {{"text", HF_STRING, 1, &text, 0, 0}};
	int64_t id, note = 0;
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, 1, r->arena, e);
	if (rc == 0)
		rc = case_add_note(r->app, &r->actor, id, text, &note, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)note));
}

int api_case_document_post(struct http_req *r, struct err *e)
{
	struct case_document_input in = {.doc_date = DATE_NONE};
	const struct http_field fields[] = {
	    {"title", HF_STRING, 1, &in.title, 0, 0},
	    {"date", HF_DATE, 1, &in.doc_date, 0, 0},
	    {"number", HF_STRING, 0, &in.number_symbol, 0, 0},
	    {"issuer", HF_STRING, 0, &in.issuer, 0, 0},
	};
	int64_t id, doc = 0;
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = case_add_document(r->app, &r->actor, id, &in, &doc, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)doc));
}

/* ?level=early|late|overdue (default early: the least urgent to list) and
 * ?limit=1..1000 of the due lists. */
static int due_params(struct http_req *r, enum deadline_level *ret, int64_t *limit, struct err *e)
{
	static const char *const levels[] = {"early", "late", "overdue"};
	const char *level = http_query(r, "level");
	size_t i = 0;

	if (level) {
		while (i < 3 && strcmp(levels[i], level) != 0)
			i++;
		if (i == 3)
			return err_set(e, HOSO_E_BAD_ENUM, "level",
			               "Mức nhắc là early, late hoặc overdue",
			               "The level is early, late or overdue");
		*ret = (enum deadline_level)(DEADLINE_EARLY + i);
	}
	return http_query_i64(r, "limit", 1, 1000, limit, e);
}

int api_deadlines_get(struct http_req *r, struct err *e)
{
	enum deadline_level min = DEADLINE_EARLY;
	struct deadline_item *v;
	int64_t limit = 200;
	size_t n;
	json_t *arr;
	int rc;

	if ((rc = due_params(r, &min, &limit, e)) < 0 ||
	    (rc = deadline_due(r->app, &r->actor, min, (size_t)limit, r->arena, &v, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = case_brief(r, &v[i].c);

		json_object_set_new(o, "deadline", deadline_json(&v[i].d));
		json_array_append_new(arr, o);
	}
	return http_reply(r, 200, json_pack("{s:o}", "items", arr));
}

int api_deadline_rules_get(struct http_req *r, struct err *e)
{
	const struct deadline_rule *rules;
	size_t n;
	json_t *arr;
	int rc;

	if ((rc = deadline_rules(r->app, r->arena, &rules, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *ends = json_array();

		for (const char *const *x = rules[i].ends; *x; x++)
			json_array_append_new(ends, json_string(*x));
		json_array_append_new(
		    arr, json_pack("{s:s,s:s,s:s,s:s,s:s,s:o,s:i,s:i,s:i,s:b,s:s}", "code",
		                   rules[i].code, "kind", rules[i].kind, "name", rules[i].vi,
		                   "name_en", rules[i].en, "start", rules[i].start, "ends", ends,
		                   "working_days", rules[i].working_days, "remind_early",
		                   rules[i].remind_early, "remind_late", rules[i].remind_late,
		                   "default", rules[i].is_default, "source", rules[i].source));
	}
	return http_reply(r, 200, json_pack("{s:o}", "rules", arr));
}

int api_deadline_rule_put(struct http_req *r, struct err *e)
{
	int64_t days = 0, early = 50, late = 80;
	const struct http_field fields[] = {
	    {"working_days", HF_INT, 1, &days, 1, 1000},
	    {"remind_early", HF_INT, 0, &early, 1, 99},
	    {"remind_late", HF_INT, 0, &late, 1, 99},
	};
	const char *code = http_param(r, "code");
	json_t *body;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	json_decref(body);
	if (rc == 0)
		rc =
		    deadline_rule_set(r->app, &r->actor, code, (int)days, (int)early, (int)late, e);
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:s,s:I,s:I,s:I}", "code", code, "working_days",
	                                     (json_int_t)days, "remind_early", (json_int_t)early,
	                                     "remind_late", (json_int_t)late));
}

int api_case_letter_post(struct http_req *r, struct err *e)
{
	struct letter_input in = {.sent = DATE_NONE};
	const struct http_field fields[] = {
	    {"recipient", HF_STRING, 1, &in.recipient, 0, 0},
	    {"about", HF_STRING, 0, &in.about, 0, 0},
	    {"number", HF_STRING, 0, &in.number_symbol, 0, 0},
	    {"sent", HF_DATE, 0, &in.sent, 0, 0},
	};
	int64_t id, letter = 0;
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = letter_add(r->app, &r->actor, id, &in, &letter, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)letter));
}

int api_letter_post(struct http_req *r, struct err *e)
{
	const char *action = NULL, *result = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	enum letter_action act;
	const struct http_field fields[] = {
	    {"action", HF_STRING, 1, &action, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0},
	    {"result", HF_STRING, 0, &result, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0 && letter_action_parse(action, &act) < 0)
		rc = err_set(e, HOSO_E_BAD_ENUM, "action", "action là remind, escalate hoặc answer",
		             "action is remind, escalate or answer");
	if (rc == 0)
		rc = letter_update(r->app, &r->actor, id, act, day, result, version, e);
	json_decref(body);
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:I,s:I}", "id", (json_int_t)id, "version",
	                                     (json_int_t)(version + 1)));
}

int api_letters_get(struct http_req *r, struct err *e)
{
	enum deadline_level min = DEADLINE_EARLY;
	struct letter_item *v;
	int64_t limit = 200;
	size_t n;
	json_t *arr;
	int rc;

	if ((rc = due_params(r, &min, &limit, e)) < 0 ||
	    (rc = letter_due(r->app, &r->actor, min, (size_t)limit, r->arena, &v, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = case_brief(r, &v[i].c);

		json_object_set_new(o, "letter", letter_json(&v[i].v));
		json_array_append_new(arr, o);
	}
	return http_reply(r, 200, json_pack("{s:o}", "items", arr));
}

int api_case_discipline_post(struct http_req *r, struct err *e)
{
	struct discipline_input in = {.violation = DATE_NONE, .decided = DATE_NONE};
	const char *org = NULL;
	int64_t id, person = 0, internal = 0, disc = 0;
	const struct http_field fields[] = {
	    {"form", HF_STRING, 1, &in.form, 0, 0},
	    {"org", HF_STRING, 0, &org, 0, 0},
	    {"person", HF_INT, 0, &person, 1, INT64_MAX},
	    {"violation", HF_DATE, 1, &in.violation, 0, 0},
	    {"decided", HF_DATE, 0, &in.decided, 0, 0},
	    {"internal_political", HF_INT, 0, &internal, 0, 1},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0 && org && (rc = org_find(r->app, &r->actor, org, &in.org_id, e)) < 0)
		err_set(e, rc, "org", "Không tìm thấy tổ chức", "Organisation not found");
	if (rc == 0) {
		in.person_id = person;
		in.internal_political = (int)internal;
		rc = discipline_decide(r->app, &r->actor, id, &in, &disc, e);
	}
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)disc));
}

int api_case_inspection_post(struct http_req *r, struct err *e)
{
	const char *title = NULL, *number = NULL;
	const struct http_field fields[] = {{"title", HF_STRING, 1, &title, 0, 0}};
	int64_t id, insp = 0;
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, 1, r->arena, e);
	if (rc == 0)
		rc =
		    case_open_inspection(r->app, &r->actor, id, title, r->arena, &insp, &number, e);
	json_decref(body);
	return rc < 0
	           ? rc
	           : http_reply(r, 201,
	                        json_pack("{s:I,s:s}", "id", (json_int_t)insp, "number", number));
}

int api_case_finding_post(struct http_req *r, struct err *e)
{
	const char *text = NULL, *conclusion = NULL;
	int64_t id, subject = 0, finding = 0;
	const struct http_field fields[] = {
	    {"text", HF_STRING, 1, &text, 0, 0},
	    {"conclusion", HF_STRING, 1, &conclusion, 0, 0},
	    {"subject", HF_INT, 0, &subject, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = finding_add(r->app, &r->actor, id, subject, text, conclusion, &finding, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)finding));
}

int api_finding_remedy_post(struct http_req *r, struct err *e)
{
	const char *action = NULL, *owner = NULL;
	int32_t due = DATE_NONE;
	int64_t id, remedy = 0;
	const struct http_field fields[] = {
	    {"action", HF_STRING, 1, &action, 0, 0},
	    {"owner", HF_STRING, 1, &owner, 0, 0},
	    {"due", HF_DATE, 1, &due, 0, 0},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = remedy_add(r->app, &r->actor, id, action, owner, due, &remedy, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)remedy));
}

int api_remedy_post(struct http_req *r, struct err *e)
{
	const char *result = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"result", HF_STRING, 1, &result, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = remedy_done(r->app, &r->actor, id, day, result, version, e);
	json_decref(body);
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:I,s:I}", "id", (json_int_t)id, "version",
	                                     (json_int_t)(version + 1)));
}

int api_case_trip_put(struct http_req *r, struct err *e)
{
	struct trip_input in = {.depart = DATE_NONE, .come_back = DATE_NONE};
	int64_t id, in_plan = 0;
	const struct http_field fields[] = {
	    {"purpose", HF_STRING, 1, &in.purpose, 0, 0},
	    {"countries", HF_STRING, 1, &in.countries, 0, 0},
	    {"depart", HF_DATE, 1, &in.depart, 0, 0},
	    {"come_back", HF_DATE, 1, &in.come_back, 0, 0},
	    {"funding", HF_STRING, 0, &in.funding, 0, 0},
	    {"in_plan", HF_INT, 0, &in_plan, 0, 1},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0) {
		in.in_plan = (int)in_plan;
		rc = trip_set(r->app, &r->actor, id, &in, e);
	}
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 200, json_pack("{s:I}", "id", (json_int_t)id));
}

int api_case_traveller_post(struct http_req *r, struct err *e)
{
	int64_t id, person = 0, leader = 0, commitment = 0, out = 0;
	const struct http_field fields[] = {
	    {"person", HF_INT, 1, &person, 1, INT64_MAX},
	    {"leader", HF_INT, 0, &leader, 0, 1},
	    {"commitment", HF_INT, 0, &commitment, 0, 1},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = traveller_add(r->app, &r->actor, id, person, (int)leader, (int)commitment,
		                   &out, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)out));
}

int api_traveller_post(struct http_req *r, struct err *e)
{
	const char *event = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	enum traveller_event ev;
	const struct http_field fields[] = {
	    {"event", HF_STRING, 1, &event, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0 && traveller_event_parse(event, &ev) < 0)
		rc = err_set(e, HOSO_E_BAD_ENUM, "event",
		             "event là commitment, departed, returned hoặc report",
		             "event is commitment, departed, returned or report");
	if (rc == 0)
		rc = traveller_record(r->app, &r->actor, id, ev, day, version, e);
	json_decref(body);
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:I,s:I}", "id", (json_int_t)id, "version",
	                                     (json_int_t)(version + 1)));
}

int api_case_stay_put(struct http_req *r, struct err *e)
{
	struct stay_input in = {
	    .start = DATE_NONE, .expected_end = DATE_NONE, .last_contact = DATE_NONE};
	const struct http_field fields[] = {
	    {"country", HF_STRING, 1, &in.country, 0, 0},
	    {"purpose", HF_STRING, 1, &in.purpose, 0, 0},
	    {"arrangement", HF_STRING, 1, &in.arrangement, 0, 0},
	    {"start", HF_DATE, 1, &in.start, 0, 0},
	    {"expected_end", HF_DATE, 1, &in.expected_end, 0, 0},
	    {"last_contact", HF_DATE, 0, &in.last_contact, 0, 0},
	};
	int64_t id;
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = stay_set(r->app, &r->actor, id, &in, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 200, json_pack("{s:I}", "id", (json_int_t)id));
}

int api_case_appraisal_put(struct http_req *r, struct err *e)
{
	struct appraisal_input in = {0};
	const struct http_field fields[] = {
	    {"requester", HF_STRING, 0, &in.requester, 0, 0},
	    {"outcome", HF_STRING, 0, &in.outcome, 0, 0},
	    {"position", HF_STRING, 0, &in.position, 0, 0},
	};
	int64_t id;
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0)
		rc = appraisal_set(r->app, &r->actor, id, &in, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 200, json_pack("{s:I}", "id", (json_int_t)id));
}

int api_case_appraisal_doc_post(struct http_req *r, struct err *e)
{
	const char *name = NULL;
	int64_t id, present = 1, doc = 0;
	const struct http_field fields[] = {
	    {"name", HF_STRING, 1, &name, 0, 0},
	    {"present", HF_INT, 0, &present, 0, 1},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, 2, r->arena, e);
	if (rc == 0)
		rc = appraisal_doc_put(r->app, &r->actor, id, name, (int)present, &doc, e);
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 200, json_pack("{s:I}", "id", (json_int_t)doc));
}

int api_case_relative_post(struct http_req *r, struct err *e)
{
	struct relative_row in = {0};
	int64_t id, member = 0, out = 0;
	const struct http_field fields[] = {
	    {"relation", HF_STRING, 1, &in.relation, 0, 0},
	    {"full_name", HF_STRING, 1, &in.full_name, 0, 0},
	    {"is_member", HF_INT, 0, &member, 0, 1},
	    {"exempt_reason", HF_STRING, 0, &in.exempt_reason, 0, 0},
	};
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = http_fields(body, fields, sizeof(fields) / sizeof(fields[0]), r->arena, e);
	if (rc == 0) {
		in.is_member = (int)member;
		rc = relative_add(r->app, &r->actor, id, &in, &out, e);
	}
	json_decref(body);
	return rc < 0 ? rc : http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)out));
}

int api_return_reports_get(struct http_req *r, struct err *e)
{
	enum deadline_level min = DEADLINE_EARLY;
	struct report_item *v;
	int64_t limit = 200;
	size_t n;
	json_t *arr;
	int rc;

	if ((rc = due_params(r, &min, &limit, e)) < 0 ||
	    (rc = trip_reports_due(r->app, &r->actor, min, (size_t)limit, r->arena, &v, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = case_brief(r, &v[i].c);

		json_object_set_new(
		    o, "traveller",
		    json_pack("{s:I,s:I,s:s?,s:o,s:o}", "id", (json_int_t)v[i].v.t.id, "person",
		              (json_int_t)v[i].v.t.person_id, "full_name", v[i].v.full_name,
		              "returned", date_json(v[i].v.t.returned), "deadline",
		              deadline_json(&v[i].v.report)));
		json_array_append_new(arr, o);
	}
	return http_reply(r, 200, json_pack("{s:o}", "items", arr));
}

int api_remedies_overdue_get(struct http_req *r, struct err *e)
{
	struct remedy_item *v;
	int64_t limit = 200;
	size_t n;
	json_t *arr;
	int rc;

	if ((rc = http_query_i64(r, "limit", 1, 1000, &limit, e)) < 0 ||
	    (rc = remedy_overdue(r->app, &r->actor, (size_t)limit, r->arena, &v, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = case_brief(r, &v[i].c);
		int left = 0;

		cal_count_workdays(app_cal(r->app), v[i].r.due, date_today(), NULL, 0, &left);
		json_object_set_new(
		    o, "remedy",
		    json_pack("{s:I,s:s,s:s,s:o,s:i,s:I}", "id", (json_int_t)v[i].r.id, "action",
		              v[i].r.action, "owner", v[i].r.owner, "due", date_json(v[i].r.due),
		              "days_late", left, "version", (json_int_t)v[i].r.version));
		json_array_append_new(arr, o);
	}
	return http_reply(r, 200, json_pack("{s:o}", "items", arr));
}
