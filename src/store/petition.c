/*
 * petition.c - the register of incoming letters (store.h, petition_row):
 * the letters, their subjects, and the search for an earlier letter of the
 * same sender about the same subjects.
 */
#include <string.h>

#include "store/storeInt.h"

#include "core/banned.h"

int store_petition_insert(struct store *s, const struct petition_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_PETITION_INSERT, ret_id, "IdssssssirdrIk", r->org_id,
	                    r->received, r->channel, r->kind, r->sender_status, r->sender_name,
	                    r->sender_address, r->summary, r->confidentiality, r->contested_case,
	                    r->decision_received, r->duplicate_of, r->created_by, r->sender_name);
}

static int read_petition(struct db_stmt *st, struct arena *a, void *item)
{
	struct petition_row *r = item;

	return store_cols(
	    st, a, "IIdssssssiIdsIsdsssIIIsI", &r->id, &r->org_id, &r->received, &r->channel,
	    &r->kind, &r->sender_status, &r->sender_name, &r->sender_address, &r->summary,
	    &r->confidentiality, &r->contested_case, &r->decision_received, &r->state, &r->case_id,
	    &r->transfer_to, &r->transfer_date, &r->transfer_number, &r->reason, &r->note,
	    &r->duplicate_of, &r->created_by, &r->classified_by, &r->classified_at, &r->version);
}

int store_petition_get(struct store *s, int64_t id, struct arena *a, struct petition_row *ret)
{
	return store_row(s, STMT_PETITION_GET, a, sizeof(*ret), read_petition, ret, "I", id);
}

int store_petitions(struct store *s, const char *orgs, int max_conf, int32_t from, int32_t to,
                    const char *state, int64_t before, size_t limit, struct arena *a,
                    struct petition_list *ret)
{
	return store_rows(s, STMT_PETITION_LIST, a, sizeof(*ret->v), read_petition,
	                  (void **)&ret->v, &ret->n, "siddsII", orgs, max_conf, from, to, state,
	                  before, (int64_t)limit);
}

int store_petition_classify(struct store *s, const struct petition_row *r)
{
	return store_change(s, STMT_PETITION_CLASSIFY, HOSO_E_CONFLICT, "IsrsdsssII", r->id,
	                    r->state, r->case_id, r->transfer_to, r->transfer_date,
	                    r->transfer_number, r->reason, r->note, r->classified_by, r->version);
}

int store_petition_subject_add(struct store *s, int64_t petition_id, int64_t org_id,
                               int64_t person_id)
{
	return store_insert(s, STMT_PETITION_SUBJECT_INSERT, NULL, "Irr", petition_id, org_id,
	                    person_id);
}

static int read_subject(struct db_stmt *st, struct arena *a, void *item)
{
	struct petition_subject_row *r = item;

	return store_cols(st, a, "II", &r->org_id, &r->person_id);
}

int store_petition_subjects(struct store *s, int64_t petition_id, struct arena *a,
                            struct petition_subject_list *ret)
{
	return store_rows(s, STMT_PETITION_SUBJECTS, a, sizeof(*ret->v), read_subject,
	                  (void **)&ret->v, &ret->n, "I", petition_id);
}

int store_petition_same(struct store *s, const char *sender, int64_t org, const char *orgs,
                        const char *persons, int64_t *ret_id)
{
	int rc = store_row(s, STMT_PETITION_SAME, NULL, sizeof(*ret_id), store_read_id, ret_id,
	                   "kIss", sender, org, orgs, persons);

	if (rc == HOSO_E_NOT_FOUND) {
		*ret_id = 0;
		return 0;
	}
	return rc;
}

int store_petition_of_case(struct store *s, int64_t case_id, int64_t *ret_id)
{
	return store_row(s, STMT_PETITION_OF_CASE, NULL, sizeof(*ret_id), store_read_id, ret_id,
	                 "I", case_id);
}
