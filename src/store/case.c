/*
 * case.c - the store's side of cases: the number registers, the case rows,
 * their subjects, state history, documents and notes.  Rules (which states,
 * who may do what, scope) live in src/app/case.c.
 */
#include "store/storeInt.h"

#include <string.h>

#include "core/banned.h"

static int exec_versioned(struct store *s, sqlite3_stmt *st);

int store_case_register_next(struct store *s, int64_t org_id, const char *kind, int year,
                             int64_t *ret_no)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_REGISTER_NEXT);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, org_id);
	store_bind_text(st, 2, kind);
	sqlite3_bind_int(st, 3, year);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*ret_no = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : store_rc(rc);
}

int store_case_insert(struct store *s, const struct case_row *c, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_INSERT);

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, c->number);
	store_bind_text(st, 2, c->kind);
	store_bind_text(st, 3, c->subtype);
	store_bind_text(st, 4, c->title);
	sqlite3_bind_int64(st, 5, c->handling_org);
	store_bind_date(st, 6, c->opened);
	store_bind_text(st, 7, c->state);
	sqlite3_bind_int(st, 8, c->confidentiality);
	store_bind_id(st, 9, c->linked_case);
	store_bind_id(st, 10, c->created_by);
	return store_exec_insert(s, st, ret_id);
}

static int read_case(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct case_row *c = item;

	c->id = sqlite3_column_int64(st, 0);
	c->number = store_col_text(st, 1, a);
	c->kind = store_col_text(st, 2, a);
	c->subtype = store_col_text(st, 3, a);
	c->title = store_col_text(st, 4, a);
	c->handling_org = sqlite3_column_int64(st, 5);
	c->opened = store_col_date(st, 6, DATE_NONE);
	c->state = store_col_text(st, 7, a);
	c->confidentiality = sqlite3_column_int(st, 8);
	c->conclusion = store_col_text(st, 9, a);
	c->linked_case = sqlite3_column_int64(st, 10);
	c->version = sqlite3_column_int64(st, 11);
	c->created_by = sqlite3_column_int64(st, 12);
	c->created_at = store_col_text(st, 13, a);
	return c->number && c->kind && c->title && c->state ? 0 : HOSO_E_NOMEM;
}

int store_case_get(struct store *s, int64_t id, struct arena *a, struct case_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_GET);
	struct case_row *v;
	size_t n;
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = store_read_rows(st, a, sizeof(*v), read_case, (void **)&v, &n);
	if (rc == 0 && n == 0)
		rc = HOSO_E_NOT_FOUND;
	if (rc == 0)
		*ret = v[0];
	return rc;
}

int store_case_set_state(struct store *s, int64_t id, const char *state, const char *conclusion,
                         int64_t version)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_SET_STATE);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, state);
	store_bind_text(st, 3, conclusion);
	sqlite3_bind_int64(st, 4, version);
	return exec_versioned(s, st);
}

int store_case_set_confidentiality(struct store *s, int64_t id, int conf, int64_t version)
{
	sqlite3_stmt *st;
	int rc = store_counters_case(s, id, -1);

	if (rc == 0 && !(st = store_stmt(s, STMT_CASE_SET_CONF)))
		rc = HOSO_E_DB;
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, conf);
		sqlite3_bind_int64(st, 3, version);
		rc = exec_versioned(s, st);
	}
	return rc == 0 ? store_counters_case(s, id, +1) : rc;
}

int store_case_list(struct store *s, int64_t before, const char *kind, const char *state,
                    size_t limit, struct arena *a, struct case_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_LIST);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, before > 0 ? before : INT64_MAX);
	store_bind_text(st, 2, kind);
	store_bind_text(st, 3, state);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)limit);
	return store_read_rows(st, a, sizeof(*ret->v), read_case, (void **)&ret->v, &ret->n);
}

int store_case_subject_insert(struct store *s, const struct case_subject_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_SUBJECT_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_id(st, 2, r->org_id);
	store_bind_id(st, 3, r->org_version_id);
	store_bind_id(st, 4, r->person_id);
	return store_exec_stmt(st);
}

static int read_subject(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct case_subject_row *r = item;

	(void)a;
	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->org_id = sqlite3_column_int64(st, 2);
	r->org_version_id = sqlite3_column_int64(st, 3);
	r->person_id = sqlite3_column_int64(st, 4);
	return 0;
}

/* The rows of one of the per-case child tables, by case id. */
static int read_of_case(struct store *s, enum stmt which, int64_t case_id, struct arena *a,
                        size_t elem, store_row_fn fn, void **ret, size_t *ret_n)
{
	sqlite3_stmt *st = store_stmt(s, which);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, case_id);
	return store_read_rows(st, a, elem, fn, ret, ret_n);
}

/* The one row of `which` for id (copied into *ret, elem bytes), or
 * HOSO_E_NOT_FOUND. */
static int read_one(struct store *s, enum stmt which, int64_t id, struct arena *a, size_t elem,
                    store_row_fn fn, void *ret)
{
	void *v;
	size_t n;
	int rc = read_of_case(s, which, id, a, elem, fn, &v, &n);

	if (rc == 0 && n == 0)
		rc = HOSO_E_NOT_FOUND;
	if (rc == 0)
		memcpy(ret, v, elem);
	return rc;
}

/* Run an UPDATE guarded by "version = ?": HOSO_E_CONFLICT when it changed
 * nothing (the version moved on, or the row is closed). */
static int exec_versioned(struct store *s, sqlite3_stmt *st)
{
	int rc = store_exec_stmt(st);

	if (rc == 0 && sqlite3_changes(s->db) == 0)
		rc = HOSO_E_CONFLICT;
	return rc;
}

int store_case_subjects(struct store *s, int64_t case_id, struct arena *a,
                        struct case_subject_list *ret)
{
	return read_of_case(s, STMT_CASE_SUBJECTS, case_id, a, sizeof(*ret->v), read_subject,
	                    (void **)&ret->v, &ret->n);
}

int store_case_event_insert(struct store *s, const struct case_event_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_EVENT_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->from_state);
	store_bind_text(st, 3, r->to_state);
	store_bind_date(st, 4, r->on_date);
	store_bind_id(st, 5, r->user_id);
	store_bind_text(st, 6, r->note);
	return store_exec_stmt(st);
}

static int read_event(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct case_event_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->from_state = store_col_text(st, 2, a);
	r->to_state = store_col_text(st, 3, a);
	r->on_date = store_col_date(st, 4, DATE_NONE);
	r->at = store_col_text(st, 5, a);
	r->user_id = sqlite3_column_int64(st, 6);
	r->note = store_col_text(st, 7, a);
	return 0;
}

int store_case_events(struct store *s, int64_t case_id, struct arena *a,
                      struct case_event_list *ret)
{
	return read_of_case(s, STMT_CASE_EVENTS, case_id, a, sizeof(*ret->v), read_event,
	                    (void **)&ret->v, &ret->n);
}

int store_case_document_insert(struct store *s, const struct case_document_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_DOCUMENT_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->number_symbol);
	store_bind_date(st, 3, r->doc_date);
	store_bind_text(st, 4, r->issuer);
	store_bind_text(st, 5, r->title);
	store_bind_id(st, 6, r->user_id);
	return store_exec_insert(s, st, ret_id);
}

static int read_document(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct case_document_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->number_symbol = store_col_text(st, 2, a);
	r->doc_date = store_col_date(st, 3, DATE_NONE);
	r->issuer = store_col_text(st, 4, a);
	r->title = store_col_text(st, 5, a);
	r->user_id = sqlite3_column_int64(st, 6);
	r->at = store_col_text(st, 7, a);
	return 0;
}

int store_case_documents(struct store *s, int64_t case_id, struct arena *a,
                         struct case_document_list *ret)
{
	return read_of_case(s, STMT_CASE_DOCUMENTS, case_id, a, sizeof(*ret->v), read_document,
	                    (void **)&ret->v, &ret->n);
}

int store_case_note_insert(struct store *s, const struct case_note_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_NOTE_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_id(st, 2, r->user_id);
	store_bind_text(st, 3, r->text);
	return store_exec_insert(s, st, ret_id);
}

static int read_note(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct case_note_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->user_id = sqlite3_column_int64(st, 2);
	r->at = store_col_text(st, 3, a);
	r->text = store_col_text(st, 4, a);
	return 0;
}

int store_case_notes(struct store *s, int64_t case_id, struct arena *a, struct case_note_list *ret)
{
	return read_of_case(s, STMT_CASE_NOTES, case_id, a, sizeof(*ret->v), read_note,
	                    (void **)&ret->v, &ret->n);
}

static int read_rule(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct deadline_rule_row *r = item;

	r->code = store_col_text(st, 0, a);
	r->working_days = sqlite3_column_int(st, 1);
	r->remind_early = sqlite3_column_int(st, 2);
	r->remind_late = sqlite3_column_int(st, 3);
	return r->code ? 0 : HOSO_E_NOMEM;
}

int store_deadline_rules(struct store *s, struct arena *a, struct deadline_rule_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_DEADLINE_RULES);

	if (!st)
		return HOSO_E_DB;
	return store_read_rows(st, a, sizeof(*ret->v), read_rule, (void **)&ret->v, &ret->n);
}

int store_deadline_rule_put(struct store *s, const struct deadline_rule_row *r, int64_t user_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_DEADLINE_RULE_PUT);

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, r->code);
	sqlite3_bind_int(st, 2, r->working_days);
	sqlite3_bind_int(st, 3, r->remind_early);
	sqlite3_bind_int(st, 4, r->remind_late);
	store_bind_id(st, 5, user_id);
	return store_exec_stmt(st);
}

int store_letter_insert(struct store *s, const struct letter_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_LETTER_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->recipient);
	store_bind_text(st, 3, r->about);
	store_bind_text(st, 4, r->number_symbol);
	store_bind_date(st, 5, r->sent);
	return store_exec_insert(s, st, ret_id);
}

static int read_letter(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct letter_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->recipient = store_col_text(st, 2, a);
	r->about = store_col_text(st, 3, a);
	r->number_symbol = store_col_text(st, 4, a);
	r->sent = store_col_date(st, 5, DATE_NONE);
	r->reminders = sqlite3_column_int(st, 6);
	r->last_reminder = store_col_date(st, 7, DATE_NONE);
	r->escalated = store_col_date(st, 8, DATE_NONE);
	r->answered = store_col_date(st, 9, DATE_NONE);
	r->result = store_col_text(st, 10, a);
	r->version = sqlite3_column_int64(st, 11);
	return r->recipient ? 0 : HOSO_E_NOMEM;
}

int store_letter_get(struct store *s, int64_t id, struct arena *a, struct letter_row *ret)
{
	return read_one(s, STMT_LETTER_GET, id, a, sizeof(*ret), read_letter, ret);
}

int store_letters_of_case(struct store *s, int64_t case_id, struct arena *a,
                          struct letter_list *ret)
{
	return read_of_case(s, STMT_LETTERS_OF_CASE, case_id, a, sizeof(*ret->v), read_letter,
	                    (void **)&ret->v, &ret->n);
}

int store_letters_open(struct store *s, int64_t before, size_t limit, struct arena *a,
                       struct letter_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_LETTERS_OPEN);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, before > 0 ? before : INT64_MAX);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	return store_read_rows(st, a, sizeof(*ret->v), read_letter, (void **)&ret->v, &ret->n);
}

int store_letter_update(struct store *s, const struct letter_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_LETTER_UPDATE);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int(st, 2, r->reminders);
	store_bind_date(st, 3, r->last_reminder);
	store_bind_date(st, 4, r->escalated);
	store_bind_date(st, 5, r->answered);
	store_bind_text(st, 6, r->result);
	sqlite3_bind_int64(st, 7, r->version);
	return exec_versioned(s, st);
}

int store_discipline_insert(struct store *s, const struct discipline_row *r, int64_t user_id,
                            int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_DISCIPLINE_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_id(st, 2, r->org_id);
	store_bind_id(st, 3, r->person_id);
	store_bind_text(st, 4, r->form);
	store_bind_date(st, 5, r->violation);
	store_bind_date(st, 6, r->decided);
	sqlite3_bind_int(st, 7, r->internal_political);
	store_bind_id(st, 8, user_id);
	return store_exec_insert(s, st, ret_id);
}

static int read_discipline(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct discipline_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->org_id = sqlite3_column_int64(st, 2);
	r->person_id = sqlite3_column_int64(st, 3);
	r->form = store_col_text(st, 4, a);
	r->violation = store_col_date(st, 5, DATE_NONE);
	r->decided = store_col_date(st, 6, DATE_NONE);
	r->internal_political = sqlite3_column_int(st, 7);
	return r->form ? 0 : HOSO_E_NOMEM;
}

int store_disciplines_of_case(struct store *s, int64_t case_id, struct arena *a,
                              struct discipline_list *ret)
{
	return read_of_case(s, STMT_DISCIPLINES_OF_CASE, case_id, a, sizeof(*ret->v),
	                    read_discipline, (void **)&ret->v, &ret->n);
}

int store_finding_insert(struct store *s, const struct finding_row *r, int64_t user_id,
                         int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_FINDING_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_id(st, 2, r->subject_id);
	store_bind_text(st, 3, r->text);
	store_bind_text(st, 4, r->conclusion);
	store_bind_id(st, 5, user_id);
	return store_exec_insert(s, st, ret_id);
}

static int read_finding(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct finding_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->subject_id = sqlite3_column_int64(st, 2);
	r->text = store_col_text(st, 3, a);
	r->conclusion = store_col_text(st, 4, a);
	return r->text && r->conclusion ? 0 : HOSO_E_NOMEM;
}

int store_findings_of_case(struct store *s, int64_t case_id, struct arena *a,
                           struct finding_list *ret)
{
	return read_of_case(s, STMT_FINDINGS_OF_CASE, case_id, a, sizeof(*ret->v), read_finding,
	                    (void **)&ret->v, &ret->n);
}

int store_finding_get(struct store *s, int64_t id, struct arena *a, struct finding_row *ret)
{
	return read_one(s, STMT_FINDING_GET, id, a, sizeof(*ret), read_finding, ret);
}

int store_remedy_insert(struct store *s, const struct remedy_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_REMEDY_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->finding_id);
	store_bind_text(st, 2, r->action);
	store_bind_text(st, 3, r->owner);
	store_bind_date(st, 4, r->due);
	return store_exec_insert(s, st, ret_id);
}

static int read_remedy(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct remedy_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->finding_id = sqlite3_column_int64(st, 1);
	r->action = store_col_text(st, 2, a);
	r->owner = store_col_text(st, 3, a);
	r->due = store_col_date(st, 4, DATE_NONE);
	r->done = store_col_date(st, 5, DATE_NONE);
	r->result = store_col_text(st, 6, a);
	r->version = sqlite3_column_int64(st, 7);
	return r->action && r->owner ? 0 : HOSO_E_NOMEM;
}

int store_remedies_of_case(struct store *s, int64_t case_id, struct arena *a,
                           struct remedy_list *ret)
{
	return read_of_case(s, STMT_REMEDIES_OF_CASE, case_id, a, sizeof(*ret->v), read_remedy,
	                    (void **)&ret->v, &ret->n);
}

static int read_remedy_of_case(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct remedy_row *r = item;
	int rc = read_remedy(st, a, item);

	r->case_id = sqlite3_column_int64(st, 8);
	return rc;
}

int store_remedies_overdue(struct store *s, int32_t day, struct arena *a, struct remedy_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_REMEDIES_OVERDUE);

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, day);
	return store_read_rows(st, a, sizeof(*ret->v), read_remedy_of_case, (void **)&ret->v,
	                       &ret->n);
}

int store_remedy_get(struct store *s, int64_t id, struct arena *a, struct remedy_row *ret)
{
	return read_one(s, STMT_REMEDY_GET, id, a, sizeof(*ret), read_remedy, ret);
}

int store_remedy_done(struct store *s, int64_t id, int32_t done, const char *result,
                      int64_t version)
{
	sqlite3_stmt *st = store_stmt(s, STMT_REMEDY_DONE);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_date(st, 2, done);
	store_bind_text(st, 3, result);
	sqlite3_bind_int64(st, 4, version);
	return exec_versioned(s, st);
}

int store_trip_put(struct store *s, const struct trip_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_TRIP_PUT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->purpose);
	store_bind_text(st, 3, r->countries);
	store_bind_date(st, 4, r->depart);
	store_bind_date(st, 5, r->come_back);
	store_bind_text(st, 6, r->funding);
	sqlite3_bind_int(st, 7, r->in_plan);
	sqlite3_bind_int64(st, 8, r->version);
	return exec_versioned(s, st);
}

static int read_trip(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct trip_row *r = item;

	r->case_id = sqlite3_column_int64(st, 0);
	r->purpose = store_col_text(st, 1, a);
	r->countries = store_col_text(st, 2, a);
	r->depart = store_col_date(st, 3, DATE_NONE);
	r->come_back = store_col_date(st, 4, DATE_NONE);
	r->funding = store_col_text(st, 5, a);
	r->in_plan = sqlite3_column_int(st, 6);
	r->version = sqlite3_column_int64(st, 7);
	return r->purpose && r->countries ? 0 : HOSO_E_NOMEM;
}

int store_trip_get(struct store *s, int64_t case_id, struct arena *a, struct trip_row *ret)
{
	return read_one(s, STMT_TRIP_GET, case_id, a, sizeof(*ret), read_trip, ret);
}

int store_traveller_insert(struct store *s, const struct traveller_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_TRAVELLER_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	sqlite3_bind_int64(st, 2, r->person_id);
	sqlite3_bind_int(st, 3, r->leader);
	sqlite3_bind_int(st, 4, r->commitment);
	return store_exec_insert(s, st, ret_id);
}

static int read_traveller(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct traveller_row *r = item;

	(void)a;
	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->person_id = sqlite3_column_int64(st, 2);
	r->leader = sqlite3_column_int(st, 3);
	r->commitment = sqlite3_column_int(st, 4);
	r->departed = store_col_date(st, 5, DATE_NONE);
	r->returned = store_col_date(st, 6, DATE_NONE);
	r->report_received = store_col_date(st, 7, DATE_NONE);
	r->version = sqlite3_column_int64(st, 8);
	return 0;
}

int store_travellers_of_case(struct store *s, int64_t case_id, struct arena *a,
                             struct traveller_list *ret)
{
	return read_of_case(s, STMT_TRAVELLERS_OF_CASE, case_id, a, sizeof(*ret->v), read_traveller,
	                    (void **)&ret->v, &ret->n);
}

int store_traveller_get(struct store *s, int64_t id, struct arena *a, struct traveller_row *ret)
{
	return read_one(s, STMT_TRAVELLER_GET, id, a, sizeof(*ret), read_traveller, ret);
}

int store_traveller_update(struct store *s, const struct traveller_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_TRAVELLER_UPDATE);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int(st, 2, r->commitment);
	store_bind_date(st, 3, r->departed);
	store_bind_date(st, 4, r->returned);
	store_bind_date(st, 5, r->report_received);
	sqlite3_bind_int64(st, 6, r->version);
	return exec_versioned(s, st);
}

int store_stay_put(struct store *s, const struct stay_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_STAY_PUT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->country);
	store_bind_text(st, 3, r->purpose);
	store_bind_date(st, 4, r->start);
	store_bind_date(st, 5, r->expected_end);
	store_bind_text(st, 6, r->arrangement);
	store_bind_date(st, 7, r->last_contact);
	sqlite3_bind_int64(st, 8, r->version);
	return exec_versioned(s, st);
}

static int read_stay(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct stay_row *r = item;

	r->case_id = sqlite3_column_int64(st, 0);
	r->country = store_col_text(st, 1, a);
	r->purpose = store_col_text(st, 2, a);
	r->start = store_col_date(st, 3, DATE_NONE);
	r->expected_end = store_col_date(st, 4, DATE_NONE);
	r->arrangement = store_col_text(st, 5, a);
	r->last_contact = store_col_date(st, 6, DATE_NONE);
	r->version = sqlite3_column_int64(st, 7);
	return r->country && r->purpose && r->arrangement ? 0 : HOSO_E_NOMEM;
}

int store_stay_get(struct store *s, int64_t case_id, struct arena *a, struct stay_row *ret)
{
	return read_one(s, STMT_STAY_GET, case_id, a, sizeof(*ret), read_stay, ret);
}

int store_relative_insert(struct store *s, const struct relative_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_RELATIVE_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->relation);
	store_bind_text(st, 3, r->full_name);
	sqlite3_bind_int(st, 4, r->is_member);
	store_bind_text(st, 5, r->exempt_reason);
	return store_exec_insert(s, st, ret_id);
}

static int read_relative(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct relative_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->relation = store_col_text(st, 2, a);
	r->full_name = store_col_text(st, 3, a);
	r->is_member = sqlite3_column_int(st, 4);
	r->exempt_reason = store_col_text(st, 5, a);
	return r->relation && r->full_name ? 0 : HOSO_E_NOMEM;
}

int store_relatives_of_case(struct store *s, int64_t case_id, struct arena *a,
                            struct relative_list *ret)
{
	return read_of_case(s, STMT_RELATIVES_OF_CASE, case_id, a, sizeof(*ret->v), read_relative,
	                    (void **)&ret->v, &ret->n);
}

int store_case_touch(struct store *s, int64_t id, int64_t version)
{
	sqlite3_stmt *st = store_stmt(s, STMT_CASE_TOUCH);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	return exec_versioned(s, st);
}

int store_case_assignees_set(struct store *s, int64_t case_id, const int64_t *ids, size_t n)
{
	sqlite3_stmt *st = store_stmt(s, STMT_ASSIGNEES_CLEAR);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, case_id);
	rc = store_exec_stmt(st);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (!(st = store_stmt(s, STMT_ASSIGNEE_ADD)))
			return HOSO_E_DB;
		sqlite3_bind_int64(st, 1, case_id);
		sqlite3_bind_int64(st, 2, ids[i]);
		rc = store_exec_stmt(st);
	}
	return rc;
}

int store_case_assignees(struct store *s, int64_t case_id, struct arena *a, struct id_list *ret)
{
	return read_of_case(s, STMT_ASSIGNEES_OF_CASE, case_id, a, sizeof(*ret->v), store_read_id,
	                    (void **)&ret->v, &ret->n);
}

int store_cases_of_assignee(struct store *s, int64_t user_id, struct arena *a, struct id_list *ret)
{
	return read_of_case(s, STMT_CASES_OF_ASSIGNEE, user_id, a, sizeof(*ret->v), store_read_id,
	                    (void **)&ret->v, &ret->n);
}

int store_appraisal_put(struct store *s, const struct appraisal_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STMT_APPRAISAL_PUT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->case_id);
	store_bind_text(st, 2, r->requester);
	store_bind_text(st, 3, r->outcome);
	store_bind_text(st, 4, r->position);
	sqlite3_bind_int64(st, 5, r->version);
	return exec_versioned(s, st);
}

static int read_appraisal(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct appraisal_row *r = item;

	r->case_id = sqlite3_column_int64(st, 0);
	r->requester = store_col_text(st, 1, a);
	r->outcome = store_col_text(st, 2, a);
	r->position = store_col_text(st, 3, a);
	r->version = sqlite3_column_int64(st, 4);
	return 0;
}

int store_appraisal_get(struct store *s, int64_t case_id, struct arena *a,
                        struct appraisal_row *ret)
{
	return read_one(s, STMT_APPRAISAL_GET, case_id, a, sizeof(*ret), read_appraisal, ret);
}

int store_appraisal_doc_put(struct store *s, int64_t case_id, const char *name, int present,
                            int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_APPRAISAL_DOC_PUT);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, case_id);
	store_bind_text(st, 2, name);
	sqlite3_bind_int(st, 3, present ? 1 : 0);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*ret_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : store_rc(rc);
}

static int read_appraisal_doc(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct appraisal_doc_row *r = item;

	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	r->name = store_col_text(st, 2, a);
	r->present = sqlite3_column_int(st, 3);
	return 0;
}

int store_appraisal_docs(struct store *s, int64_t case_id, struct arena *a,
                         struct appraisal_doc_list *ret)
{
	return read_of_case(s, STMT_APPRAISAL_DOCS, case_id, a, sizeof(*ret->v), read_appraisal_doc,
	                    (void **)&ret->v, &ret->n);
}
