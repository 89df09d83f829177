/*
 * case.c - the store's side of cases: the number registers, the case rows,
 * their subjects, state history, documents and notes.  Rules (which states,
 * who may do what, scope) live in src/app/case.c.
 */
#include "store/storeInt.h"

#include "core/banned.h"

int store_case_register_next(struct store *s, int64_t org_id, const char *kind, int year,
                             int64_t *ret_no)
{
	return store_int(s, STMT_CASE_REGISTER_NEXT, ret_no, "Isi", org_id, kind, year);
}

int store_case_insert(struct store *s, const struct case_row *c, int64_t *ret_id)
{
	return store_insert(s, STMT_CASE_INSERT, ret_id, "ssssIdsirr", c->number, c->kind,
	                    c->subtype, c->title, c->handling_org, c->opened, c->state,
	                    c->confidentiality, c->linked_case, c->created_by);
}

static int read_case(struct db_stmt *st, struct arena *a, void *item)
{
	struct case_row *c = item;

	return store_cols(st, a, "IssssIdsisIIIs", &c->id, &c->number, &c->kind, &c->subtype,
	                  &c->title, &c->handling_org, &c->opened, &c->state, &c->confidentiality,
	                  &c->conclusion, &c->linked_case, &c->version, &c->created_by,
	                  &c->created_at);
}

int store_case_get(struct store *s, int64_t id, struct arena *a, struct case_row *ret)
{
	return store_row(s, STMT_CASE_GET, a, sizeof(*ret), read_case, ret, "I", id);
}

int store_case_set_state(struct store *s, int64_t id, const char *state, const char *conclusion,
                         int64_t version)
{
	return store_change(s, STMT_CASE_SET_STATE, HOSO_E_CONFLICT, "IssI", id, state, conclusion,
	                    version);
}

int store_case_set_confidentiality(struct store *s, int64_t id, int conf, int64_t version)
{
	int rc = store_counters_case(s, id, -1);

	if (rc == 0)
		rc = store_change(s, STMT_CASE_SET_CONF, HOSO_E_CONFLICT, "IiI", id, conf, version);
	return rc == 0 ? store_counters_case(s, id, +1) : rc;
}

int store_case_list(struct store *s, int64_t before, const char *kind, const char *state,
                    size_t limit, struct arena *a, struct case_list *ret)
{
	return store_rows(s, STMT_CASE_LIST, a, sizeof(*ret->v), read_case, (void **)&ret->v,
	                  &ret->n, "IssI", before > 0 ? before : INT64_MAX, kind, state,
	                  (int64_t)limit);
}

int store_case_subject_insert(struct store *s, const struct case_subject_row *r)
{
	return store_exec(s, STMT_CASE_SUBJECT_INSERT, "Irrr", r->case_id, r->org_id,
	                  r->org_version_id, r->person_id);
}

static int read_subject(struct db_stmt *st, struct arena *a, void *item)
{
	struct case_subject_row *r = item;

	int rc = store_cols(st, a, "IIIIII", &r->id, &r->case_id, &r->org_id, &r->org_version_id,
	                    &r->person_id, &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 6, a, &r->withdrawn);
}

int store_case_subjects(struct store *s, int64_t case_id, struct arena *a,
                        struct case_subject_list *ret)
{
	return store_rows(s, STMT_CASE_SUBJECTS, a, sizeof(*ret->v), read_subject, (void **)&ret->v,
	                  &ret->n, "I", case_id);
}

int store_case_event_insert(struct store *s, const struct case_event_row *r)
{
	return store_exec(s, STMT_CASE_EVENT_INSERT, "Issdrs", r->case_id, r->from_state,
	                  r->to_state, r->on_date, r->user_id, r->note);
}

static int read_event(struct db_stmt *st, struct arena *a, void *item)
{
	struct case_event_row *r = item;

	return store_cols(st, a, "IIssdsIs", &r->id, &r->case_id, &r->from_state, &r->to_state,
	                  &r->on_date, &r->at, &r->user_id, &r->note);
}

int store_case_events(struct store *s, int64_t case_id, struct arena *a,
                      struct case_event_list *ret)
{
	return store_rows(s, STMT_CASE_EVENTS, a, sizeof(*ret->v), read_event, (void **)&ret->v,
	                  &ret->n, "I", case_id);
}

int store_case_document_insert(struct store *s, const struct case_document_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_CASE_DOCUMENT_INSERT, ret_id, "Isdssr", r->case_id,
	                    r->number_symbol, r->doc_date, r->issuer, r->title, r->user_id);
}

static int read_document(struct db_stmt *st, struct arena *a, void *item)
{
	struct case_document_row *r = item;

	int rc = store_cols(st, a, "IIsdssIsI", &r->id, &r->case_id, &r->number_symbol,
	                    &r->doc_date, &r->issuer, &r->title, &r->user_id, &r->at, &r->version);

	if (rc == 0)
		rc = store_col_withdrawal(st, 9, a, &r->withdrawn);
	return rc < 0 ? rc : store_cols(st, a, "------------s", &r->paper);
}

int store_case_documents(struct store *s, int64_t case_id, struct arena *a,
                         struct case_document_list *ret)
{
	return store_rows(s, STMT_CASE_DOCUMENTS, a, sizeof(*ret->v), read_document,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int store_case_note_insert(struct store *s, const struct case_note_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_CASE_NOTE_INSERT, ret_id, "Irs", r->case_id, r->user_id,
	                    r->text);
}

static int read_note(struct db_stmt *st, struct arena *a, void *item)
{
	struct case_note_row *r = item;

	int rc = store_cols(st, a, "IIIssI", &r->id, &r->case_id, &r->user_id, &r->at, &r->text,
	                    &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 6, a, &r->withdrawn);
}

int store_case_notes(struct store *s, int64_t case_id, struct arena *a, struct case_note_list *ret)
{
	return store_rows(s, STMT_CASE_NOTES, a, sizeof(*ret->v), read_note, (void **)&ret->v,
	                  &ret->n, "I", case_id);
}

static int read_rule(struct db_stmt *st, struct arena *a, void *item)
{
	struct deadline_rule_row *r = item;

	return store_cols(st, a, "siii", &r->code, &r->working_days, &r->remind_early,
	                  &r->remind_late);
}

int store_deadline_rules(struct store *s, struct arena *a, struct deadline_rule_list *ret)
{
	return store_rows(s, STMT_DEADLINE_RULES, a, sizeof(*ret->v), read_rule, (void **)&ret->v,
	                  &ret->n, "");
}

int store_deadline_rule_put(struct store *s, const struct deadline_rule_row *r, int64_t user_id)
{
	return store_exec(s, STMT_DEADLINE_RULE_PUT, "siiir", r->code, r->working_days,
	                  r->remind_early, r->remind_late, user_id);
}

int store_letter_insert(struct store *s, const struct letter_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_LETTER_INSERT, ret_id, "Isssd", r->case_id, r->recipient,
	                    r->about, r->number_symbol, r->sent);
}

static int read_letter(struct db_stmt *st, struct arena *a, void *item)
{
	struct letter_row *r = item;

	int rc = store_cols(st, a, "IIsssdidddsI", &r->id, &r->case_id, &r->recipient, &r->about,
	                    &r->number_symbol, &r->sent, &r->reminders, &r->last_reminder,
	                    &r->escalated, &r->answered, &r->result, &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 12, a, &r->withdrawn);
}

int store_letter_get(struct store *s, int64_t id, struct arena *a, struct letter_row *ret)
{
	return store_row(s, STMT_LETTER_GET, a, sizeof(*ret), read_letter, ret, "I", id);
}

int store_letters_of_case(struct store *s, int64_t case_id, struct arena *a,
                          struct letter_list *ret)
{
	return store_rows(s, STMT_LETTERS_OF_CASE, a, sizeof(*ret->v), read_letter,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int store_letters_open(struct store *s, int64_t before, size_t limit, struct arena *a,
                       struct letter_list *ret)
{
	return store_rows(s, STMT_LETTERS_OPEN, a, sizeof(*ret->v), read_letter, (void **)&ret->v,
	                  &ret->n, "II", before > 0 ? before : INT64_MAX, (int64_t)limit);
}

int store_letter_update(struct store *s, const struct letter_row *r)
{
	return store_change(s, STMT_LETTER_UPDATE, HOSO_E_CONFLICT, "IidddsI", r->id, r->reminders,
	                    r->last_reminder, r->escalated, r->answered, r->result, r->version);
}

int store_discipline_insert(struct store *s, const struct discipline_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_DISCIPLINE_INSERT, ret_id, "Irrsddir", r->case_id, r->org_id,
	                    r->person_id, r->form, r->violation, r->decided, r->internal_political,
	                    r->user_id);
}

static int read_discipline(struct db_stmt *st, struct arena *a, void *item)
{
	struct discipline_row *r = item;

	return store_cols(st, a, "IIIIsddi", &r->id, &r->case_id, &r->org_id, &r->person_id,
	                  &r->form, &r->violation, &r->decided, &r->internal_political);
}

int store_disciplines_of_case(struct store *s, int64_t case_id, struct arena *a,
                              struct discipline_list *ret)
{
	return store_rows(s, STMT_DISCIPLINES_OF_CASE, a, sizeof(*ret->v), read_discipline,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int store_finding_insert(struct store *s, const struct finding_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_FINDING_INSERT, ret_id, "Irssr", r->case_id, r->subject_id,
	                    r->text, r->conclusion, r->user_id);
}

static int read_finding(struct db_stmt *st, struct arena *a, void *item)
{
	struct finding_row *r = item;

	int rc = store_cols(st, a, "IIIssI", &r->id, &r->case_id, &r->subject_id, &r->text,
	                    &r->conclusion, &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 6, a, &r->withdrawn);
}

int store_findings_of_case(struct store *s, int64_t case_id, struct arena *a,
                           struct finding_list *ret)
{
	return store_rows(s, STMT_FINDINGS_OF_CASE, a, sizeof(*ret->v), read_finding,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int store_finding_get(struct store *s, int64_t id, struct arena *a, struct finding_row *ret)
{
	return store_row(s, STMT_FINDING_GET, a, sizeof(*ret), read_finding, ret, "I", id);
}

int store_remedy_insert(struct store *s, const struct remedy_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_REMEDY_INSERT, ret_id, "Issd", r->finding_id, r->action,
	                    r->owner, r->due);
}

static int read_remedy(struct db_stmt *st, struct arena *a, void *item)
{
	struct remedy_row *r = item;

	int rc = store_cols(st, a, "IIssddsI", &r->id, &r->finding_id, &r->action, &r->owner,
	                    &r->due, &r->done, &r->result, &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 8, a, &r->withdrawn);
}

int store_remedies_of_case(struct store *s, int64_t case_id, struct arena *a,
                           struct remedy_list *ret)
{
	return store_rows(s, STMT_REMEDIES_OF_CASE, a, sizeof(*ret->v), read_remedy,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

/* A remedy with the case of its finding (column 11). */
static int read_remedy_of_case(struct db_stmt *st, struct arena *a, void *item)
{
	struct remedy_row *r = item;

	r->case_id = db_int(st, 11);
	return read_remedy(st, a, item);
}

int store_remedies_overdue(struct store *s, int32_t day, struct arena *a, struct remedy_list *ret)
{
	return store_rows(s, STMT_REMEDIES_OVERDUE, a, sizeof(*ret->v), read_remedy_of_case,
	                  (void **)&ret->v, &ret->n, "d", day);
}

int store_remedy_get(struct store *s, int64_t id, struct arena *a, struct remedy_row *ret)
{
	return store_row(s, STMT_REMEDY_GET, a, sizeof(*ret), read_remedy, ret, "I", id);
}

int store_remedy_done(struct store *s, int64_t id, int32_t done, const char *result,
                      int64_t version)
{
	return store_change(s, STMT_REMEDY_DONE, HOSO_E_CONFLICT, "IdsI", id, done, result,
	                    version);
}

int store_trip_put(struct store *s, const struct trip_row *r)
{
	return store_change(s, STMT_TRIP_PUT, HOSO_E_CONFLICT, "IssddsiI", r->case_id, r->purpose,
	                    r->countries, r->depart, r->come_back, r->funding, r->in_plan,
	                    r->version);
}

static int read_trip(struct db_stmt *st, struct arena *a, void *item)
{
	struct trip_row *r = item;

	return store_cols(st, a, "IssddsiI", &r->case_id, &r->purpose, &r->countries, &r->depart,
	                  &r->come_back, &r->funding, &r->in_plan, &r->version);
}

int store_trip_get(struct store *s, int64_t case_id, struct arena *a, struct trip_row *ret)
{
	return store_row(s, STMT_TRIP_GET, a, sizeof(*ret), read_trip, ret, "I", case_id);
}

int store_traveller_insert(struct store *s, const struct traveller_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_TRAVELLER_INSERT, ret_id, "IIii", r->case_id, r->person_id,
	                    r->leader, r->commitment);
}

static int read_traveller(struct db_stmt *st, struct arena *a, void *item)
{
	struct traveller_row *r = item;

	int rc = store_cols(st, a, "IIIiidddI", &r->id, &r->case_id, &r->person_id, &r->leader,
	                    &r->commitment, &r->departed, &r->returned, &r->report_received,
	                    &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 9, a, &r->withdrawn);
}

int store_travellers_of_case(struct store *s, int64_t case_id, struct arena *a,
                             struct traveller_list *ret)
{
	return store_rows(s, STMT_TRAVELLERS_OF_CASE, a, sizeof(*ret->v), read_traveller,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int store_traveller_get(struct store *s, int64_t id, struct arena *a, struct traveller_row *ret)
{
	return store_row(s, STMT_TRAVELLER_GET, a, sizeof(*ret), read_traveller, ret, "I", id);
}

int store_traveller_update(struct store *s, const struct traveller_row *r)
{
	return store_change(s, STMT_TRAVELLER_UPDATE, HOSO_E_CONFLICT, "IidddI", r->id,
	                    r->commitment, r->departed, r->returned, r->report_received,
	                    r->version);
}

int store_stay_put(struct store *s, const struct stay_row *r)
{
	return store_change(s, STMT_STAY_PUT, HOSO_E_CONFLICT, "IssddsdI", r->case_id, r->country,
	                    r->purpose, r->start, r->expected_end, r->arrangement, r->last_contact,
	                    r->version);
}

static int read_stay(struct db_stmt *st, struct arena *a, void *item)
{
	struct stay_row *r = item;

	return store_cols(st, a, "IssddsdI", &r->case_id, &r->country, &r->purpose, &r->start,
	                  &r->expected_end, &r->arrangement, &r->last_contact, &r->version);
}

int store_stay_get(struct store *s, int64_t case_id, struct arena *a, struct stay_row *ret)
{
	return store_row(s, STMT_STAY_GET, a, sizeof(*ret), read_stay, ret, "I", case_id);
}

int store_relative_insert(struct store *s, const struct relative_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_RELATIVE_INSERT, ret_id, "Issis", r->case_id, r->relation,
	                    r->full_name, r->is_member, r->exempt_reason);
}

static int read_relative(struct db_stmt *st, struct arena *a, void *item)
{
	struct relative_row *r = item;

	int rc = store_cols(st, a, "IIssisI", &r->id, &r->case_id, &r->relation, &r->full_name,
	                    &r->is_member, &r->exempt_reason, &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 7, a, &r->withdrawn);
}

int store_relatives_of_case(struct store *s, int64_t case_id, struct arena *a,
                            struct relative_list *ret)
{
	return store_rows(s, STMT_RELATIVES_OF_CASE, a, sizeof(*ret->v), read_relative,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int store_relative_get(struct store *s, int64_t id, struct arena *a, struct relative_row *ret)
{
	return store_row(s, STMT_RELATIVE_GET, a, sizeof(*ret), read_relative, ret, "I", id);
}

int store_document_get(struct store *s, int64_t id, struct arena *a, struct case_document_row *ret)
{
	return store_row(s, STMT_DOCUMENT_GET, a, sizeof(*ret), read_document, ret, "I", id);
}

int store_case_touch(struct store *s, int64_t id, int64_t version)
{
	return store_change(s, STMT_CASE_TOUCH, HOSO_E_CONFLICT, "II", id, version);
}

int store_case_assignees_set(struct store *s, int64_t case_id, const int64_t *ids, size_t n)
{
	int rc = store_exec(s, STMT_ASSIGNEES_CLEAR, "I", case_id);

	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = store_exec(s, STMT_ASSIGNEE_ADD, "II", case_id, ids[i]);
	return rc;
}

int store_case_assignees(struct store *s, int64_t case_id, struct arena *a, struct id_list *ret)
{
	return store_rows(s, STMT_ASSIGNEES_OF_CASE, a, sizeof(*ret->v), store_read_id,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int store_cases_of_assignee(struct store *s, int64_t user_id, struct arena *a, struct id_list *ret)
{
	return store_rows(s, STMT_CASES_OF_ASSIGNEE, a, sizeof(*ret->v), store_read_id,
	                  (void **)&ret->v, &ret->n, "I", user_id);
}

int store_cases_of_person(struct store *s, int64_t person_id, size_t limit, struct arena *a,
                          struct id_list *ret)
{
	return store_rows(s, STMT_CASES_OF_PERSON, a, sizeof(*ret->v), store_read_id,
	                  (void **)&ret->v, &ret->n, "II", person_id, (int64_t)limit);
}

int store_cases_linked_to(struct store *s, int64_t case_id, size_t limit, struct arena *a,
                          struct id_list *ret)
{
	return store_rows(s, STMT_CASES_LINKED_TO, a, sizeof(*ret->v), store_read_id,
	                  (void **)&ret->v, &ret->n, "II", case_id, (int64_t)limit);
}

int store_cases_of_org(struct store *s, int64_t org_id, int64_t before, size_t limit,
                       struct arena *a, struct id_list *ret)
{
	return store_rows(s, STMT_CASES_OF_ORG, a, sizeof(*ret->v), store_read_id, (void **)&ret->v,
	                  &ret->n, "III", org_id, before, (int64_t)limit);
}

int store_appraisal_put(struct store *s, const struct appraisal_row *r)
{
	return store_change(s, STMT_APPRAISAL_PUT, HOSO_E_CONFLICT, "IsssI", r->case_id,
	                    r->requester, r->outcome, r->position, r->version);
}

static int read_appraisal(struct db_stmt *st, struct arena *a, void *item)
{
	struct appraisal_row *r = item;

	return store_cols(st, a, "IsssI", &r->case_id, &r->requester, &r->outcome, &r->position,
	                  &r->version);
}

int store_appraisal_get(struct store *s, int64_t case_id, struct arena *a,
                        struct appraisal_row *ret)
{
	return store_row(s, STMT_APPRAISAL_GET, a, sizeof(*ret), read_appraisal, ret, "I", case_id);
}

int store_inspection_put(struct store *s, const struct inspection_row *r)
{
	return store_change(s, STMT_INSPECTION_PUT, HOSO_E_CONFLICT, "IsI", r->case_id, r->actor,
	                    r->version);
}

static int read_inspection(struct db_stmt *st, struct arena *a, void *item)
{
	struct inspection_row *r = item;

	return store_cols(st, a, "IsI", &r->case_id, &r->actor, &r->version);
}

int store_inspection_get(struct store *s, int64_t case_id, struct arena *a,
                         struct inspection_row *ret)
{
	return store_row(s, STMT_INSPECTION_GET, a, sizeof(*ret), read_inspection, ret, "I",
	                 case_id);
}

int store_appraisal_doc_put(struct store *s, int64_t case_id, const char *name, int present,
                            int64_t *ret_id)
{
	return store_int(s, STMT_APPRAISAL_DOC_PUT, ret_id, "Isi", case_id, name, present ? 1 : 0);
}

static int read_appraisal_doc(struct db_stmt *st, struct arena *a, void *item)
{
	struct appraisal_doc_row *r = item;

	return store_cols(st, a, "IIsi", &r->id, &r->case_id, &r->name, &r->present);
}

int store_appraisal_docs(struct store *s, int64_t case_id, struct arena *a,
                         struct appraisal_doc_list *ret)
{
	return store_rows(s, STMT_APPRAISAL_DOCS, a, sizeof(*ret->v), read_appraisal_doc,
	                  (void **)&ret->v, &ret->n, "I", case_id);
}

int64_t store_case_max_id(struct store *s)
{
	int64_t id = 0;

	return store_int(s, STMT_CASE_MAX_ID, &id, "") == 0 ? id : 0;
}

int store_point_insert(struct store *s, int64_t case_id, const char *content, int64_t *ret_id)
{
	return store_insert(s, STMT_POINT_INSERT, ret_id, "Is", case_id, content);
}

static int read_point(struct db_stmt *st, struct arena *a, void *item)
{
	struct point_row *r = item;
	int rc = store_cols(st, a, "IIssI", &r->id, &r->case_id, &r->content, &r->conclusion,
	                    &r->version);

	return rc < 0 ? rc : store_col_withdrawal(st, 5, a, &r->withdrawn);
}

int store_point_get(struct store *s, int64_t id, struct arena *a, struct point_row *ret)
{
	return store_row(s, STMT_POINT_GET, a, sizeof(*ret), read_point, ret, "I", id);
}

int store_points_of_case(struct store *s, int64_t case_id, struct arena *a, struct point_list *ret)
{
	return store_rows(s, STMT_POINTS_OF_CASE, a, sizeof(*ret->v), read_point, (void **)&ret->v,
	                  &ret->n, "I", case_id);
}

int store_point_edit(struct store *s, const struct point_row *r)
{
	return store_change(s, STMT_POINT_EDIT, HOSO_E_CONFLICT, "IssI", r->id, r->content,
	                    r->conclusion, r->version);
}

/* ---- papers ---- */

static int read_template(struct db_stmt *st, struct arena *a, void *item)
{
	struct paper_template_row *r = item;

	return store_cols(st, a, "ssIIs", &r->code, &r->body, &r->version, &r->user_id, &r->at);
}

int store_paper_templates(struct store *s, struct arena *a, struct paper_template_list *ret)
{
	return store_rows(s, STMT_PAPER_TEMPLATES, a, sizeof(*ret->v), read_template,
	                  (void **)&ret->v, &ret->n, "");
}

int store_paper_template_put(struct store *s, const char *code, const char *body, int64_t version,
                             int64_t user_id)
{
	return store_change(s, STMT_PAPER_TEMPLATE_PUT, HOSO_E_CONFLICT, "ssIr", code, body,
	                    version, user_id);
}

int store_case_paper_insert(struct store *s, const struct case_document_row *r, const char *body,
                            int64_t *ret_id)
{
	return store_insert(s, STMT_CASE_PAPER_INSERT, ret_id, "Idssrss", r->case_id, r->doc_date,
	                    r->issuer, r->title, r->user_id, r->paper, body);
}

static int read_paper(struct db_stmt *st, struct arena *a, void *item)
{
	const char **v = item;

	return store_cols(st, a, "ss", &v[0], &v[1]);
}

int store_case_paper_get(struct store *s, int64_t id, struct arena *a, const char **ret_paper,
                         const char **ret_body)
{
	const char *v[2] = {NULL, NULL};
	int rc = store_row(s, STMT_CASE_PAPER_GET, a, sizeof(v), read_paper, v, "I", id);

	*ret_paper = v[0];
	*ret_body = v[1];
	return rc;
}
