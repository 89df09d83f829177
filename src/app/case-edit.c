/*
 * case-edit.c - corrections of a case itself and of its documents
 * (case.h): what was typed wrong when the case was opened - its title,
 * type, opening date, handling organisation, a subject left out - and a
 * document's particulars.  Audited as "edit" with each field before and
 * after.
 */
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/correct.h"
#include "app/gate.h"
#include "app/scope.h"

#include "core/banned.h"

#define TITLE_MAX 500

struct case_edit {
	const struct actor *who;
	const struct case_edit_input *in;
	struct case_row was, c;
	const struct case_kind *k;
	struct case_subject_list subjects;
	struct arena *a;
};

/* The opening date: not in the future, not after a later step of the
 * case, and every subject organisation existing on it. */
static int check_opened(struct app *app, struct case_edit *x, struct err *e)
{
	struct case_event_list ev;
	int rc;

	if (x->c.opened == x->was.opened)
		return 0;
	if (x->c.opened > date_today())
		return err_set(e, HOSO_E_BAD_DATE, "opened", "Ngày mở hồ sơ không được sau hôm nay",
		               "The opening date cannot be after today");
	if ((rc = store_case_events(app_store(app), x->c.id, x->a, &ev)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 1; i < ev.n; i++)
		if (ev.v[i].on_date < x->c.opened)
			return err_set(e, HOSO_E_BAD_DATE, "opened",
			               "Ngày mở hồ sơ không được sau một bước đã làm của hồ sơ",
			               "The opening date cannot be after a step already taken");
	for (size_t i = 0; i < x->subjects.n; i++) {
		struct case_subject_row *s = &x->subjects.v[i];
		struct org_row o;

		if (!s->org_id || s->withdrawn.at)
			continue;
		if (store_org_at(app_store(app), s->org_id, x->c.opened, x->a, &o) < 0)
			return err_set(e, HOSO_E_BAD_DATE, "opened",
			               "Một tổ chức là đối tượng chưa có vào ngày mở hồ sơ này",
			               "A subject organisation did not exist on this opening date");
		s->org_version_id = o.version_id;
	}
	return 0;
}

static int check_case(struct app *app, struct case_edit *x, struct err *e)
{
	const struct case_edit_input *in = x->in;
	int rc;

	if (x->c.subtype && !code_find(x->k->subtypes, x->k->nsubtypes, x->c.subtype))
		return err_set(e, HOSO_E_BAD_ENUM, "subtype", "Loại '%s' không áp dụng cho %s",
		               "Type '%s' does not apply to %s", x->c.subtype, x->k->vi);
	if (x->c.handling_org != x->was.handling_org &&
	    scope_contains(app, x->who, x->c.handling_org) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	if ((rc = check_opened(app, x, e)) < 0)
		return rc;
	if (in->nsubject_orgs + in->nsubject_persons > 200)
		return err_set(e, HOSO_E_TOO_BIG, "subjects", "Quá %d đối tượng",
		               "More than %d subjects", 200);
	for (size_t i = 0; i < x->subjects.n; i++) {
		const struct case_subject_row *s = &x->subjects.v[i];

		for (size_t k = 0; !s->withdrawn.at && k < in->nsubject_orgs; k++)
			if (s->org_id && s->org_id == in->subject_orgs[k])
				return err_set(
				    e, HOSO_E_DUPLICATE, "subject_orgs",
				    "Tổ chức này đã là đối tượng của hồ sơ",
				    "This organisation is already a subject of the case");
		for (size_t k = 0; !s->withdrawn.at && k < in->nsubject_persons; k++)
			if (s->person_id && s->person_id == in->subject_persons[k])
				return err_set(e, HOSO_E_DUPLICATE, "subject_persons",
				               "Người này đã là đối tượng của hồ sơ",
				               "This person is already a subject of the case");
	}
	return 0;
}

/* Inside the transaction: the case row, its subjects' organisation
 * versions for a new date, the subjects added. */
static int write_case_edit(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct case_edit *x = arg;
	struct case_input add = {.subject_orgs = x->in->subject_orgs,
	                         .nsubject_orgs = x->in->nsubject_orgs,
	                         .subject_persons = x->in->subject_persons,
	                         .nsubject_persons = x->in->nsubject_persons};
	int figures = x->c.opened != x->was.opened || x->c.handling_org != x->was.handling_org ||
	              (x->c.subtype != x->was.subtype &&
	               (!x->c.subtype || !x->was.subtype || strcmp(x->c.subtype, x->was.subtype)));
	int rc = store_case_edit(app_store(app), &x->c, figures);

	if (rc == HOSO_E_DUPLICATE)
		return err_set(e, rc, "org", "Tổ chức này đã có hồ sơ mang số %s",
		               "That organisation already has a case numbered %s", x->c.number);
	for (size_t i = 0; rc == 0 && x->c.opened != x->was.opened && i < x->subjects.n; i++)
		if (x->subjects.v[i].org_id && !x->subjects.v[i].withdrawn.at)
			rc = store_case_subject_relink(app_store(app), x->subjects.v[i].id,
			                               x->subjects.v[i].org_version_id);
	if (rc == 0 && add.nsubject_orgs + add.nsubject_persons)
		rc =
		    case_add_subjects(app, x->who, x->c.id, &add, x->c.opened, x->a, &w->detail, e);
	return rc;
}

int case_edit(struct app *app, const struct actor *who, int64_t id,
              const struct case_edit_input *in, struct err *e)
{
	struct case_edit x = {.who = who, .in = in};
	const struct patch_field fields[] = {
	    [CASE_TITLE] = {"title", PATCH_TEXT, TITLE_MAX, &x.c.title, &in->title},
	    [CASE_SUBTYPE] = {"subtype", PATCH_CODE, 0, &x.c.subtype, &in->subtype},
	    [CASE_OPENED] = {"opened", PATCH_DATE, 0, &x.c.opened, &in->opened},
	    [CASE_ORG] = {"org", PATCH_ID, 0, &x.c.handling_org, &in->handling_org},
	};
	struct gate_write w = {"edit", "case", id, NULL, NOUN_CASE};
	json_t *changes = NULL;
	struct arena a;
	int rc;

	if ((rc = gate_role(who, CASE_OFFICER, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	x.a = &a;
	if ((rc = case_fetch(app, who, id, &a, &x.was, e)) < 0 ||
	    (rc = case_still_open(&x.was, e)) < 0)
		goto out;
	if (in->version && in->version != x.was.version) {
		rc = gate_store_error(e, HOSO_E_CONFLICT, NOUN_CASE);
		goto out;
	}
	x.c = x.was;
	x.k = case_kind_of(&x.was);
	if ((rc = store_case_subjects(app_store(app), id, &a, &x.subjects)) < 0) {
		rc = gate_store_error(e, rc, NOUN_CASE);
		goto out;
	}
	if ((rc = patch_apply(&a, fields, CASE_N(fields), in->sent, &changes, e)) < 0 ||
	    (rc = patch_required(fields, CASE_N(fields),
	                         1u << CASE_TITLE | 1u << CASE_OPENED | 1u << CASE_ORG, e)) < 0 ||
	    (rc = check_case(app, &x, e)) < 0)
		goto out;
	if (!json_object_size(changes) && !in->nsubject_orgs && !in->nsubject_persons)
		goto out;
	w.detail =
	    json_pack("{s:s,s:I,s:O}", "record", "case", "id", (json_int_t)id, "changes", changes);
	rc = gate_write(app, who, &w, write_case_edit, &x, e);
out:
	json_decref(changes);
	arena_release(&a);
	return rc;
}

static int check_document(void *arg, const struct case_row *c, const void *record, struct err *e)
{
	const struct case_document_row *d = record;

	(void)arg;
	(void)c;
	if (d->doc_date > date_today())
		return err_set(e, HOSO_E_BAD_DATE, "date", "Ngày văn bản không được sau hôm nay",
		               "The document's date cannot be after today");
	return 0;
}

int case_document_edit(struct app *app, const struct actor *who, int64_t id,
                       const struct document_input *in, struct err *e)
{
	struct case_document_row d;
	const struct patch_field fields[] = {
	    [DOCUMENT_NUMBER] = {"number", PATCH_TEXT, 100, &d.number_symbol, &in->number_symbol},
	    [DOCUMENT_DATE] = {"date", PATCH_DATE, 0, &d.doc_date, &in->doc_date},
	    [DOCUMENT_ISSUER] = {"issuer", PATCH_TEXT, 300, &d.issuer, &in->issuer},
	    [DOCUMENT_TITLE] = {"title", PATCH_TEXT, TITLE_MAX, &d.title, &in->title},
	};
	const struct correct_edit x = {.k = STORE_REC_DOCUMENT,
	                               .id = id,
	                               .version = in->version,
	                               .fields = fields,
	                               .nfields = CASE_N(fields),
	                               .sent = in->sent,
	                               .required = 1u << DOCUMENT_DATE | 1u << DOCUMENT_TITLE,
	                               .check = check_document,
	                               .record = &d};

	return correct_edit(app, who, &x, e);
}
