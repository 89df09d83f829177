/*
 * correct.c - corrections of the records of a case (store.h): a record's
 * head (its case, version, whether withdrawn), its withdrawal, and the
 * edits of records written whole.  Every write is guarded by the version
 * the writer read and refuses a withdrawn record (HOSO_E_CONFLICT).
 */
#include "store/storeInt.h"

#include "core/banned.h"

static const enum stmt heads[STORE_REC__MAX] = {
    [STORE_REC_FINDING] = STMT_HEAD_FINDING,       [STORE_REC_REMEDY] = STMT_HEAD_REMEDY,
    [STORE_REC_DOCUMENT] = STMT_HEAD_DOCUMENT,     [STORE_REC_NOTE] = STMT_HEAD_NOTE,
    [STORE_REC_TRAVELLER] = STMT_HEAD_TRAVELLER,   [STORE_REC_RELATIVE] = STMT_HEAD_RELATIVE,
    [STORE_REC_LETTER] = STMT_HEAD_LETTER,         [STORE_REC_SUBJECT] = STMT_HEAD_SUBJECT,
    [STORE_REC_ATTACHMENT] = STMT_HEAD_ATTACHMENT, [STORE_REC_POINT] = STMT_HEAD_POINT,
};

static const enum stmt withdraws[STORE_REC__MAX] = {
    [STORE_REC_FINDING] = STMT_WITHDRAW_FINDING,
    [STORE_REC_REMEDY] = STMT_WITHDRAW_REMEDY,
    [STORE_REC_DOCUMENT] = STMT_WITHDRAW_DOCUMENT,
    [STORE_REC_NOTE] = STMT_WITHDRAW_NOTE,
    [STORE_REC_TRAVELLER] = STMT_WITHDRAW_TRAVELLER,
    [STORE_REC_RELATIVE] = STMT_WITHDRAW_RELATIVE,
    [STORE_REC_LETTER] = STMT_WITHDRAW_LETTER,
    [STORE_REC_SUBJECT] = STMT_WITHDRAW_SUBJECT,
    [STORE_REC_ATTACHMENT] = STMT_WITHDRAW_ATTACHMENT,
    [STORE_REC_POINT] = STMT_WITHDRAW_POINT,
};

static int read_head(struct db_stmt *st, struct arena *a, void *item)
{
	struct store_record_head *h = item;

	return store_cols(st, a, "IIi", &h->case_id, &h->version, &h->withdrawn);
}

int store_record_head(struct store *s, enum store_record k, int64_t id,
                      struct store_record_head *ret)
{
	if ((unsigned)k >= STORE_REC__MAX)
		return HOSO_E_INVALID;
	return store_row(s, heads[k], NULL, sizeof(*ret), read_head, ret, "I", id);
}

int store_record_withdraw(struct store *s, enum store_record k, int64_t id, int64_t version,
                          int64_t user_id, const char *reason)
{
	int rc;

	if ((unsigned)k >= STORE_REC__MAX)
		return HOSO_E_INVALID;
	rc = store_change(s, withdraws[k], HOSO_E_CONFLICT, "IIrs", id, version, user_id, reason);
	if (rc == 0 && k == STORE_REC_FINDING)
		rc = store_exec(s, STMT_WITHDRAW_REMEDIES_OF_FINDING, "Irs", id, user_id, reason);
	return rc;
}

/* Record id of kind k read into *get when get is set, else *edit written
 * whole; HOSO_E_INVALID for a kind not edited whole. */
static int whole(struct store *s, enum store_record k, int64_t id, struct arena *a, void *get,
                 const void *edit)
{
	switch (k) {
	case STORE_REC_FINDING:
		return get ? store_finding_get(s, id, a, get) : store_finding_edit(s, edit);
	case STORE_REC_REMEDY:
		return get ? store_remedy_get(s, id, a, get) : store_remedy_edit(s, edit);
	case STORE_REC_DOCUMENT:
		return get ? store_document_get(s, id, a, get) : store_document_edit(s, edit);
	case STORE_REC_TRAVELLER:
		return get ? store_traveller_get(s, id, a, get) : store_traveller_edit(s, edit);
	case STORE_REC_RELATIVE:
		return get ? store_relative_get(s, id, a, get) : store_relative_edit(s, edit);
	case STORE_REC_LETTER:
		return get ? store_letter_get(s, id, a, get) : store_letter_edit(s, edit);
	case STORE_REC_POINT:
		return get ? store_point_get(s, id, a, get) : store_point_edit(s, edit);
	default:
		return HOSO_E_INVALID;
	}
}

int store_record_get(struct store *s, enum store_record k, int64_t id, struct arena *a, void *ret)
{
	return whole(s, k, id, a, ret, NULL);
}

int store_record_edit(struct store *s, enum store_record k, const void *r)
{
	return whole(s, k, 0, NULL, NULL, r);
}

int store_subject_findings(struct store *s, int64_t subject_id, int64_t *ret)
{
	return store_int(s, STMT_SUBJECT_FINDINGS, ret, "I", subject_id);
}

int store_case_edit(struct store *s, const struct case_row *r, int figures)
{
	/* the case's figures follow its type, organisation and date */
	int rc = figures ? store_counters_case(s, r->id, -1) : 0;

	if (rc == 0)
		rc = store_change(s, STMT_CASE_EDIT, HOSO_E_CONFLICT, "IssdII", r->id, r->title,
		                  r->subtype, r->opened, r->handling_org, r->version);
	return rc == 0 && figures ? store_counters_case(s, r->id, +1) : rc;
}

int store_case_subject_relink(struct store *s, int64_t subject_id, int64_t org_version_id)
{
	return store_change(s, STMT_CASE_SUBJECT_RELINK, HOSO_E_NOT_FOUND, "II", subject_id,
	                    org_version_id);
}

int store_finding_edit(struct store *s, const struct finding_row *r)
{
	return store_change(s, STMT_FINDING_EDIT, HOSO_E_CONFLICT, "IrssI", r->id, r->subject_id,
	                    r->text, r->conclusion, r->version);
}

int store_remedy_edit(struct store *s, const struct remedy_row *r)
{
	return store_change(s, STMT_REMEDY_EDIT, HOSO_E_CONFLICT, "IssddsI", r->id, r->action,
	                    r->owner, r->due, r->done, r->result, r->version);
}

int store_document_edit(struct store *s, const struct case_document_row *r)
{
	return store_change(s, STMT_DOCUMENT_EDIT, HOSO_E_CONFLICT, "IsdssI", r->id,
	                    r->number_symbol, r->doc_date, r->issuer, r->title, r->version);
}

int store_letter_edit(struct store *s, const struct letter_row *r)
{
	return store_change(s, STMT_LETTER_EDIT, HOSO_E_CONFLICT, "IsssdI", r->id, r->recipient,
	                    r->about, r->number_symbol, r->sent, r->version);
}

int store_traveller_edit(struct store *s, const struct traveller_row *r)
{
	return store_change(s, STMT_TRAVELLER_EDIT, HOSO_E_CONFLICT, "IiidddI", r->id, r->leader,
	                    r->commitment, r->departed, r->returned, r->report_received,
	                    r->version);
}

int store_relative_edit(struct store *s, const struct relative_row *r)
{
	return store_change(s, STMT_RELATIVE_EDIT, HOSO_E_CONFLICT, "IssisI", r->id, r->relation,
	                    r->full_name, r->is_member, r->exempt_reason, r->version);
}
