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

#include <string.h>

#include "app/case.h"
#include "app/correct.h"
#include "app/org.h"

#include "core/banned.h"

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
	if ((rc = api_subject_orgs(r, &orgs, &ids, e)) < 0)
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

/* The records a case's users may withdraw, by the word that names them in
 * the path: POST /api/<word>/{id}/withdraw. */
static const struct {
	const char *word;
	enum store_record kind;
} withdrawable[] = {
    {"findings", STORE_REC_FINDING},     {"remedies", STORE_REC_REMEDY},
    {"documents", STORE_REC_DOCUMENT},   {"notes", STORE_REC_NOTE},
    {"travellers", STORE_REC_TRAVELLER}, {"relatives", STORE_REC_RELATIVE},
    {"letters", STORE_REC_LETTER},       {"subjects", STORE_REC_SUBJECT},
    {"points", STORE_REC_POINT},         {"attachments", STORE_REC_ATTACHMENT},
};

int api_withdraw(struct http_req *r, struct err *e)
{
	const char *word = r->path + strlen("/api/");
	size_t len = strcspn(word, "/");

	for (size_t i = 0; i < sizeof(withdrawable) / sizeof(withdrawable[0]); i++)
		if (strlen(withdrawable[i].word) == len &&
		    memcmp(withdrawable[i].word, word, len) == 0)
			return withdraw(r, withdrawable[i].kind, e);
	return gate_not_found(e, NULL, NOUN_RECORD);
}
