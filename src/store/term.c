/*
 * term.c - the party terms (nhiệm kỳ) of organisations: the congress that
 * opened each (store.h).
 */
#include "store/storeInt.h"

#include "core/banned.h"

int store_term_insert(struct store *s, const struct term_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_TERM_INSERT, ret_id, "IiidsI", r->org_id, r->first_year,
	                    r->last_year, r->congress, r->document, r->created_by);
}

static int read_term(struct db_stmt *st, struct arena *a, void *item)
{
	struct term_row *r = item;

	return store_cols(st, a, "IIiids", &r->id, &r->org_id, &r->first_year, &r->last_year,
	                  &r->congress, &r->document);
}

int store_terms_of_org(struct store *s, int64_t org, struct arena *a, struct term_list *ret)
{
	return store_rows(s, STMT_TERMS_OF_ORG, a, sizeof(*ret->v), read_term, (void **)&ret->v,
	                  &ret->n, "I", org);
}
