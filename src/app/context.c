/*
 * context.c - a record in its context (context.h): the cases about a
 * person, with what each says of them, and the cases of an organisation.
 * Cases are read by id from the store's two indexes of who a case is
 * about, then kept only when case_visible says the reader may see them.
 */
#include "app/context.h"

#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/codes.h"
#include "app/discipline.h"
#include "app/finding.h"
#include "app/gate.h"
#include "app/org.h"
#include "app/person.h"

#include "core/banned.h"

#define READ_ROLES GATE_RECORD_READERS
#define BATCH      256

/* What one case says about a person. */
struct about {
	json_t *as, *findings, *disciplines, *travel, *stay;
};

/* The findings of case c about the person, whose subject rows are subj. */
static int findings_about(struct app *app, const struct case_row *c,
                          const struct case_subject_list *subj, int64_t person_id, struct arena *a,
                          json_t *out)
{
	struct finding_list fl;
	int rc;

	if ((rc = store_findings_of_case(app_store(app), c->id, a, &fl)) < 0)
		return rc;
	for (size_t i = 0; i < fl.n; i++) {
		const struct code_name *cn;
		size_t j = 0;

		while (j < subj->n &&
		       !(subj->v[j].id == fl.v[i].subject_id && subj->v[j].person_id == person_id))
			j++;
		if (j == subj->n)
			continue;
		cn =
		    code_find(finding_conclusions.codes, finding_conclusions.n, fl.v[i].conclusion);
		json_array_append_new(out, json_pack("{s:I,s:s,s:s,s:s?,s:s?}", "id",
		                                     (json_int_t)fl.v[i].id, "text", fl.v[i].text,
		                                     "conclusion", fl.v[i].conclusion,
		                                     "conclusion_name", cn ? cn->vi : NULL,
		                                     "conclusion_name_en", cn ? cn->en : NULL));
	}
	return 0;
}

static int disciplines_about(struct app *app, const struct case_row *c, int64_t person_id,
                             struct arena *a, json_t *out)
{
	struct discipline_list dl;
	int rc;

	if ((rc = store_disciplines_of_case(app_store(app), c->id, a, &dl)) < 0)
		return rc;
	for (size_t i = 0; i < dl.n; i++) {
		const struct discipline_form *f = discipline_form_find(dl.v[i].form);

		if (dl.v[i].person_id != person_id)
			continue;
		json_array_append_new(
		    out, json_pack("{s:I,s:s,s:s?,s:s?,s:o}", "id", (json_int_t)dl.v[i].id, "form",
		                   dl.v[i].form, "form_name", f ? f->vi : NULL, "form_name_en",
		                   f ? f->en : NULL, "decided", code_date_json(dl.v[i].decided)));
	}
	return 0;
}

/* The person's part in trip c: the trip and their own journey, or NULL
 * when they are not among its travellers. */
static int travel_about(struct app *app, const struct case_row *c, int64_t person_id,
                        struct arena *a, json_t **ret)
{
	struct traveller_list tl;
	struct trip_row t;
	int rc, have;

	*ret = NULL;
	if ((rc = store_travellers_of_case(app_store(app), c->id, a, &tl)) < 0)
		return rc;
	for (size_t i = 0; i < tl.n; i++) {
		const struct traveller_row *r = &tl.v[i];

		if (r->person_id != person_id)
			continue;
		if ((rc = store_trip_get(app_store(app), c->id, a, &t)) < 0 &&
		    rc != HOSO_E_NOT_FOUND)
			return rc;
		have = rc == 0;
		*ret = json_pack(
		    "{s:s?,s:o,s:o,s:b,s:o,s:o,s:o}", "countries", have ? t.countries : NULL,
		    "depart", code_date_json(have ? t.depart : DATE_NONE), "come_back",
		    code_date_json(have ? t.come_back : DATE_NONE), "leader", r->leader, "departed",
		    code_date_json(r->departed), "returned", code_date_json(r->returned),
		    "report_received", code_date_json(r->report_received));
		return 0;
	}
	return 0;
}

static int stay_about(struct app *app, const struct case_row *c, struct arena *a, json_t **ret)
{
	struct stay_row s;
	int rc = store_stay_get(app_store(app), c->id, a, &s);

	*ret = NULL;
	if (rc == HOSO_E_NOT_FOUND)
		return 0;
	if (rc < 0)
		return rc;
	*ret = json_pack("{s:s,s:o,s:o}", "country", s.country, "start", code_date_json(s.start),
	                 "expected_end", code_date_json(s.expected_end));
	return 0;
}

/* What case c says about person_id (struct about, new references). */
static int about_person(struct app *app, const struct case_row *c, int64_t person_id,
                        struct arena *a, struct about *ret)
{
	struct case_subject_list subj;
	int subject = 0, rc;

	ret->as = json_array();
	ret->findings = json_array();
	ret->disciplines = json_array();
	ret->travel = ret->stay = NULL;
	if ((rc = store_case_subjects(app_store(app), c->id, a, &subj)) < 0)
		return rc;
	for (size_t i = 0; i < subj.n; i++)
		subject |= subj.v[i].person_id == person_id;
	if (subject)
		json_array_append_new(ret->as, json_string("subject"));
	if ((subject && (rc = findings_about(app, c, &subj, person_id, a, ret->findings)) < 0) ||
	    (rc = disciplines_about(app, c, person_id, a, ret->disciplines)) < 0)
		return rc;
	if (json_array_size(ret->disciplines))
		json_array_append_new(ret->as, json_string("discipline"));
	if (case_is(c, KIND_TRIP) && (rc = travel_about(app, c, person_id, a, &ret->travel)) < 0)
		return rc;
	if (ret->travel)
		json_array_append_new(ret->as, json_string("traveller"));
	if (subject && case_is(c, KIND_STAY))
		return stay_about(app, c, a, &ret->stay);
	return 0;
}

/* The brief of case c with what it says about person_id, appended to arr. */
static int person_case(struct app *app, const struct actor *who, const struct case_row *c,
                       int64_t person_id, struct arena *a, json_t *arr)
{
	struct about x;
	int rc = about_person(app, c, person_id, a, &x);
	json_t *o = case_brief_json(app, who, c, a);

	if (o) {
		json_object_set(o, "as", x.as);
		json_object_set(o, "findings", x.findings);
		json_object_set(o, "disciplines", x.disciplines);
		json_object_set(o, "travel", x.travel ? x.travel : json_null());
		json_object_set(o, "stay", x.stay ? x.stay : json_null());
	}
	json_decref(x.as);
	json_decref(x.findings);
	json_decref(x.disciplines);
	json_decref(x.travel);
	json_decref(x.stay);
	if (rc == 0 && (!o || json_array_append_new(arr, o) < 0))
		return HOSO_E_NOMEM;
	if (rc < 0)
		json_decref(o);
	return rc;
}

/* The case id when the reader may see it: 1 and *ret set, 0 when it is
 * gone or hidden, or < 0. */
static int visible_case(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                        struct case_row *ret)
{
	int rc = store_case_get(app_store(app), id, a, ret);

	if (rc == HOSO_E_NOT_FOUND)
		return 0;
	return rc < 0 ? rc : case_visible(app, who, ret);
}

/* The end of a search for the cases of holder id ("person", "org"): rc
 * (< 0) from the walk reported as a store error, else the search audited
 * with the number of cases found.  0, or < 0 with arr freed. */
static int cases_found(struct app *app, const struct actor *who, const char *holder, int64_t id,
                       json_t *arr, int rc, struct err *e)
{
	if (rc < 0)
		rc = gate_store_error(e, rc, NOUN_CASE);
	else
		rc = audit_record_json(app, who, (struct audit_entry){"search", "case", 0, NULL, 0},
		                       json_pack("{s:I,s:I}", holder, (json_int_t)id, "results",
		                                 (json_int_t)json_array_size(arr)),
		                       e);
	if (rc < 0)
		json_decref(arr);
	return rc;
}

int context_person_cases(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                         json_t **ret, struct err *e)
{
	struct person_row p;
	struct id_list ids;
	struct case_row c;
	json_t *arr;
	int rc;

	*ret = NULL;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0 ||
	    (rc = person_get(app, who, id, a, &p, e)) < 0)
		return rc;
	if ((rc = store_cases_of_person(app_store(app), id, CONTEXT_PERSON_MAX, a, &ids)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if (!(arr = json_array()))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; rc >= 0 && i < ids.n; i++)
		if ((rc = visible_case(app, who, ids.v[i], a, &c)) > 0)
			rc = person_case(app, who, &c, id, a, arr);
	if ((rc = cases_found(app, who, "person", id, arr, rc, e)) < 0)
		return rc;
	*ret = json_pack("{s:I,s:o}", "person", (json_int_t)id, "cases", arr);
	return *ret ? 0 : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
}

/* The brief of case c of organisation org, with its part ("handling",
 * "subject"), appended to arr. */
static int org_case(struct app *app, const struct actor *who, const struct case_row *c, int64_t org,
                    struct arena *a, json_t *arr)
{
	struct case_subject_list subj;
	json_t *as = json_array(), *o;
	size_t i = 0;
	int rc;

	if ((rc = store_case_subjects(app_store(app), c->id, a, &subj)) < 0) {
		json_decref(as);
		return rc;
	}
	while (i < subj.n && subj.v[i].org_id != org)
		i++;
	if (c->handling_org == org)
		json_array_append_new(as, json_string("handling"));
	if (i < subj.n)
		json_array_append_new(as, json_string("subject"));
	if (!(o = case_brief_json(app, who, c, a)) || json_object_set_new(o, "as", as) < 0 ||
	    json_array_append_new(arr, o) < 0)
		return HOSO_E_NOMEM;
	return 0;
}

int context_org_cases(struct app *app, const struct actor *who, int64_t id, int64_t before,
                      size_t limit, struct arena *a, json_t **ret, struct err *e)
{
	struct org_row o;
	int64_t cursor = before > 0 ? before : INT64_MAX, next = 0;
	json_t *arr;
	int rc = 0;

	*ret = NULL;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (limit < 1 || limit > CONTEXT_ORG_MAX)
		return err_set(e, HOSO_E_RANGE, "limit", "Tối đa %d dòng một lần",
		               "At most %d rows at a time", CONTEXT_ORG_MAX);
	if ((rc = org_get(app, who, id, DATE_OPEN, a, &o, e)) < 0)
		return rc;
	if (!(arr = json_array()))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	/* Newest first, in batches, keeping the cases the reader may see, until
	 * a page is full (next: where the following page starts) or none is
	 * left. */
	for (;;) {
		struct id_list ids;
		struct case_row c;
		size_t i = 0;

		if ((rc = store_cases_of_org(app_store(app), id, cursor, BATCH, a, &ids)) < 0)
			break;
		for (; rc >= 0 && i < ids.n && json_array_size(arr) < limit; i++)
			if ((rc = visible_case(app, who, ids.v[i], a, &c)) > 0)
				rc = org_case(app, who, &c, id, a, arr);
		if (rc < 0)
			break;
		if (json_array_size(arr) == limit) {
			next = ids.v[i - 1];
			break;
		}
		if (ids.n < BATCH)
			break;
		cursor = ids.v[ids.n - 1];
	}
	if ((rc = cases_found(app, who, "org", id, arr, rc, e)) < 0)
		return rc;
	*ret =
	    json_pack("{s:o,s:o}", "cases", arr, "next", next ? json_integer(next) : json_null());
	return *ret ? 0 : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
}
