/*
 * api-case.c - cases: the core every kind shares.  Each kind's own routes
 * are in its file (api-trip.c, api-stay.c, api-appraisal.c,
 * api-admission.c, api-letter.c, api-finding.c, api-discipline.c,
 * api-supervision.c); the whole case, every kind's parts included, comes
 * from src/app (case_get, case_view_json).
 *
 *   GET  /api/case-kinds                    the kinds, their states and steps
 *   GET  /api/cases?kind&state&org&from&to&assignee&overdue&q&before&limit
 *                                           the caller's cases, newest first
 *   POST /api/cases                         open a case (number assigned)
 *   GET  /api/cases/{id}                    one case with everything attached
 *                                           (recorded)
 *   POST /api/cases/{id}/transition         take a step of its state machine
 *   POST /api/cases/{id}/reopen             reopen a closed case (leaders)
 *   PUT  /api/cases/{id}/assignees          who works on it
 *   POST /api/cases/{id}/notes              add a note
 *   POST /api/cases/{id}/documents          record a document
 *   (attachments: api-attachment.c)
 *   (the due lists, GET /api/deadlines among them: api-due.c)
 *   GET  /api/deadline-rules                the rules in force
 *   PUT  /api/deadline-rules/{code}         change one (whole-tree admins)
 */
#include "http/api-case.h"

#include <string.h>

#include "app/case.h"
#include "app/deadline.h"
#include "app/discipline.h"
#include "app/org.h"
#include "app/patch.h"
#include "app/user.h"
#include "core/parse.h"

#include "core/banned.h"

int api_id(struct http_req *r, enum gate_noun noun, int64_t *ret, struct err *e)
{
	const char *s = http_param(r, "id");

	if (!s || parse_i64(s, strlen(s), 1, INT64_MAX, ret) < 0)
		return gate_not_found(e, "id", noun);
	return 0;
}

/* The fields of a partial update present in body. */
static unsigned fields_sent(json_t *body, const struct http_field *fields, size_t n)
{
	unsigned sent = PATCH_LISTED;

	for (size_t i = 0; i < n && i < 31; i++)
		if (json_object_get(body, fields[i].name))
			sent |= 1u << i;
	return sent;
}

int api_id_fields(struct http_req *r, enum gate_noun noun, int64_t *ret_id,
                  const struct http_field *fields, size_t n, struct err *e)
{
	int rc = api_id(r, noun, ret_id, e);

	return rc < 0 ? rc : http_body_fields(r, fields, n, e);
}

int api_id_patch(struct http_req *r, enum gate_noun noun, int64_t *ret_id,
                 const struct http_field *fields, size_t n, unsigned *ret_sent, struct err *e)
{
	int rc = api_id_fields(r, noun, ret_id, fields, n, e);

	if (rc == 0)
		*ret_sent = fields_sent(r->body_json, fields, n - 1);
	return rc;
}

int api_reply_id(struct http_req *r, int rc, int status, int64_t id)
{
	return rc < 0 ? rc : http_reply(r, status, json_pack("{s:I}", "id", (json_int_t)id));
}

int api_reply_version(struct http_req *r, int rc, int64_t id, int64_t version)
{
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:I,s:I}", "id", (json_int_t)id, "version",
	                                     (json_int_t)version));
}

int api_case_kinds_get(struct http_req *r, struct err *e)
{
	(void)e;
	return http_reply(r, 200,
	                  json_pack("{s:o,s:o}", "kinds", case_kinds_json(0), "discipline_forms",
	                            discipline_forms_json()));
}

/* The list's filters beyond kind and state: org (a code: its subtree),
 * from and to (the opening date), assignee ("me" or a username), overdue. */
static int list_filter(struct http_req *r, struct case_filter *f, struct err *e)
{
	const char *org = http_query(r, "org"), *who = http_query(r, "assignee");
	const char *overdue = http_query(r, "overdue");
	int64_t waiting = 0;
	int rc;

	f->from = f->to = DATE_NONE;
	if ((rc = http_query_date(r, "from", &f->from, e)) < 0 ||
	    (rc = http_query_date(r, "to", &f->to, e)) < 0)
		return rc;
	if (org && *org && (rc = org_find(r->app, &r->actor, org, &f->org, e)) < 0)
		return rc == HOSO_E_NOT_FOUND ? gate_not_found(e, "org", NOUN_ORG) : rc;
	if (who && strcmp(who, "me") == 0)
		f->assignee = r->actor.user_id;
	else if (who && *who && (rc = user_filter_id(r->app, &r->actor, who, &f->assignee, e)) < 0)
		return rc;
	if (overdue && strcmp(overdue, "1") != 0 && strcmp(overdue, "0") != 0)
		return err_set(e, HOSO_E_BAD_ENUM, "overdue", "overdue là 0 hoặc 1",
		               "overdue is 0 or 1");
	f->overdue = overdue && strcmp(overdue, "1") == 0;
	if ((rc = http_query_i64(r, "waiting", 0, 1, &waiting, e)) < 0)
		return rc;
	f->waiting = (int)waiting;
	f->q = http_query(r, "q");
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
		json_array_append_new(arr, case_brief_json(r->app, &r->actor, &l.v[i], r->arena));
	return http_reply(r, 200, json_pack("{s:o}", "cases", arr));
}

int api_subject_orgs(struct http_req *r, const struct http_list *orgs, int64_t **ret, struct err *e)
{
	int64_t *ids = NULL;
	int rc;

	if (orgs->n && !(ids = arena_alloc(r->arena, orgs->n * sizeof(*ids))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < orgs->n; i++)
		if ((rc = org_find(r->app, &r->actor, orgs->strs[i], &ids[i], e)) < 0)
			return err_set(e, rc, "subject_orgs", "Không tìm thấy tổ chức '%s'",
			               "Organisation '%s' not found", orgs->strs[i]);
	*ret = ids;
	return 0;
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
	    {"opened", HF_DATE, 0, &in.opened, 0, 0, DATE_RULE_PAST},
	    {"confidentiality", HF_INT, 0, &conf, 0, CLEARANCE__MAX - 1},
	    {"linked_case", HF_INT, 0, &linked, 1, INT64_MAX},
	    {"subject_orgs", HF_STRINGS, 0, &orgs, 0, 0},
	    {"subject_persons", HF_IDS, 0, &persons, 0, 0},
	};
	int64_t *org_ids = NULL;
	int rc;

	if ((rc = case_may_open(&r->actor, e)) < 0)
		return rc;
	rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);
	if (rc == 0 &&
	    (rc = org_find(r->app, &r->actor, org, &in.handling_org, e)) == HOSO_E_NOT_FOUND)
		gate_not_found(e, "org", NOUN_ORG);
	if (rc == 0 && (rc = api_subject_orgs(r, &orgs, &org_ids, e)) == 0) {
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
	return rc;
}

int api_case_get(struct http_req *r, struct err *e)
{
	struct case_view v;
	int64_t id;
	int rc;

	if ((rc = api_id(r, NOUN_CASE, &id, e)) < 0 ||
	    (rc = case_get(r->app, &r->actor, id, r->arena, &v, e)) < 0)
		return rc;
	return http_reply(r, 200, case_view_json(&v));
}

int api_case_transition(struct http_req *r, struct err *e)
{
	const char *to = NULL, *note = NULL, *conclusion = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"to", HF_STRING, 1, &to, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0, DATE_RULE_PAST},
	    {"note", HF_STRING, 0, &note, 0, 0},
	    {"conclusion", HF_STRING, 0, &conclusion, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = case_transition(r->app, &r->actor, id, to, day, note, conclusion, version, e);
	if (rc == 0)
		rc = http_reply(r, 200,
		                json_pack("{s:I,s:s,s:I}", "id", (json_int_t)id, "state", to,
		                          "version", (json_int_t)(version + 1)));
	return rc;
}

int api_case_reopen(struct http_req *r, struct err *e)
{
	const char *reason = NULL;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"reason", HF_STRING, 1, &reason, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, 2, e);

	if (rc == 0)
		rc = case_reopen(r->app, &r->actor, id, reason, version, e);
	return api_reply_id(r, rc, 200, id);
}

int api_case_assignees_put(struct http_req *r, struct err *e)
{
	struct http_list users = {0};
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"users", HF_STRINGS, 1, &users, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, 2, e);

	if (rc == 0)
		rc = case_assign(r->app, &r->actor, id, users.strs, users.n, version, e);
	return api_reply_id(r, rc, 200, id);
}

int api_case_note_post(struct http_req *r, struct err *e)
{
	const char *text = NULL;
	const struct http_field fields[] = {{"text", HF_STRING, 1, &text, 0, 0}};
	int64_t id, note = 0;
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, 1, e);

	if (rc == 0)
		rc = case_add_note(r->app, &r->actor, id, text, &note, e);
	return api_reply_id(r, rc, 201, note);
}

int api_case_document_post(struct http_req *r, struct err *e)
{
	struct case_document_input in = {.doc_date = DATE_NONE};
	const struct http_field fields[] = {
	    {"title", HF_STRING, 1, &in.title, 0, 0},
	    {"date", HF_DATE, 1, &in.doc_date, 0, 0, DATE_RULE_PAST},
	    {"number", HF_STRING, 0, &in.number_symbol, 0, 0},
	    {"issuer", HF_STRING, 0, &in.issuer, 0, 0},
	};
	int64_t id, doc = 0;
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = case_add_document(r->app, &r->actor, id, &in, &doc, e);
	return api_reply_id(r, rc, 201, doc);
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
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, deadline_rule_json(&rules[i]));
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
	int rc;

	rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);
	if (rc == 0)
		rc =
		    deadline_rule_set(r->app, &r->actor, code, (int)days, (int)early, (int)late, e);
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:s,s:I,s:I,s:I}", "code", code, "working_days",
	                                     (json_int_t)days, "remind_early", (json_int_t)early,
	                                     "remind_late", (json_int_t)late));
}
