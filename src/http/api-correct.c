/*
 * api-correct.c - corrections of what was entered in a case
 * (src/app/correct.c, case-edit.c): the case itself and its documents
 * edited, and every record withdrawn with a reason.
 *
 *   PATCH /api/cases/{id}              title, subtype, opened, org (a code),
 *                                      subjects added (subject_orgs: codes,
 *                                      subject_persons: ids); only the
 *                                      fields sent change
 *   PATCH /api/documents/{id}          number, date, issuer, title
 *   POST  /api/<noun>/{id}/withdraw    {"reason", "version"}: findings,
 *                                      remedies, documents, notes,
 *                                      travellers, relatives, letters,
 *                                      subjects, attachments, points
 */
#include "http/api-case.h"

#include "app/case.h"
#include "app/correct.h"
#include "app/org.h"

#include "core/banned.h"

/* The organisation codes of subjects to add, as ids. */
static int org_ids(struct http_req *r, const struct http_list *codes, int64_t **ret, struct err *e)
{
	int64_t *ids = NULL;
	int rc;

	if (codes->n && !(ids = arena_alloc(r->arena, codes->n * sizeof(*ids))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < codes->n; i++)
		if ((rc = org_find(r->app, &r->actor, codes->strs[i], &ids[i], e)) < 0)
			return err_set(e, rc, "subject_orgs", "Không tìm thấy tổ chức '%s'",
			               "Organisation '%s' not found", codes->strs[i]);
	*ret = ids;
	return 0;
}

int api_case_patch(struct http_req *r, struct err *e)
{
	struct case_edit_input in = {.opened = DATE_NONE};
	struct http_list orgs = {0}, persons = {0};
	const char *org = NULL;
	int64_t id, *ids = NULL;
	/* in the order of enum case_field; "version" last */
	const struct http_field fields[] = {
	    [CASE_TITLE] = {"title", HF_STRING, 0, &in.title, 0, 0},
	    [CASE_SUBTYPE] = {"subtype", HF_STRING, 0, &in.subtype, 0, 0},
	    [CASE_OPENED] = {"opened", HF_DATE, 0, &in.opened, 0, 0},
	    [CASE_ORG] = {"org", HF_STRING, 0, &org, 0, 0},
	    {"subject_orgs", HF_STRINGS, 0, &orgs, 0, 0},
	    {"subject_persons", HF_IDS, 0, &persons, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc;

	if ((rc = case_may_open(&r->actor, e)) < 0 ||
	    (rc = api_id_patch(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                       &in.sent, e)) < 0)
		return rc;
	/* the subjects are additions, not fields of the case */
	in.sent &= ~(1u << 4 | 1u << 5);
	if (org && (rc = org_find(r->app, &r->actor, org, &in.handling_org, e)) < 0)
		return rc == HOSO_E_NOT_FOUND ? gate_not_found(e, "org", NOUN_ORG) : rc;
	if ((rc = org_ids(r, &orgs, &ids, e)) < 0)
		return rc;
	in.subject_orgs = ids;
	in.nsubject_orgs = orgs.n;
	in.subject_persons = persons.ids;
	in.nsubject_persons = persons.n;
	rc = case_edit(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}

int api_document_patch(struct http_req *r, struct err *e)
{
	struct document_input in = {.doc_date = DATE_NONE};
	int64_t id;
	const struct http_field fields[] = {
	    [DOCUMENT_NUMBER] = {"number", HF_STRING, 0, &in.number_symbol, 0, 0},
	    [DOCUMENT_DATE] = {"date", HF_DATE, 0, &in.doc_date, 0, 0},
	    [DOCUMENT_ISSUER] = {"issuer", HF_STRING, 0, &in.issuer, 0, 0},
	    [DOCUMENT_TITLE] = {"title", HF_STRING, 0, &in.title, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_DOCUMENT, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0)
		rc = case_document_edit(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}

static int withdraw(struct http_req *r, enum store_record k, struct err *e)
{
	const char *reason = NULL;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"reason", HF_STRING, 1, &reason, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, correct_record_noun(k), &id, fields,
	                       sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = correct_withdraw(r->app, &r->actor, k, id, reason, version, e);
	return api_reply_version(r, rc, id, version + 1);
}

int api_finding_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_FINDING, e);
}

int api_remedy_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_REMEDY, e);
}

int api_document_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_DOCUMENT, e);
}

int api_note_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_NOTE, e);
}

int api_traveller_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_TRAVELLER, e);
}

int api_relative_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_RELATIVE, e);
}

int api_letter_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_LETTER, e);
}

int api_subject_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_SUBJECT, e);
}

int api_point_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_POINT, e);
}

int api_attachment_withdraw(struct http_req *r, struct err *e)
{
	return withdraw(r, STORE_REC_ATTACHMENT, e);
}
