/*
 * submission.c - period reports submitted to the level above, their
 * approval, and the locks an approval puts on the period (store.h).
 */
#include "store/storeInt.h"

#include "core/banned.h"

int store_submission_insert(struct store *s, const struct submission_row *r, int64_t *ret_id)
{
	return store_insert(s, STMT_SUBMISSION_INSERT, ret_id, "IddssI", r->org_id, r->from, r->to,
	                    r->figures, r->note, r->submitted_by);
}

static int read_submission(struct db_stmt *st, struct arena *a, void *item)
{
	struct submission_row *r = item;

	return store_cols(st, a, "IIddsssIsIssI", &r->id, &r->org_id, &r->from, &r->to, &r->state,
	                  &r->figures, &r->note, &r->submitted_by, &r->submitted_at, &r->decided_by,
	                  &r->decided_at, &r->reason, &r->version);
}

int store_submission_get(struct store *s, int64_t id, struct arena *a, struct submission_row *ret)
{
	return store_row(s, STMT_SUBMISSION_GET, a, sizeof(*ret), read_submission, ret, "I", id);
}

int store_submission_latest(struct store *s, int64_t org, int32_t from, int32_t to, struct arena *a,
                            struct submission_row *ret)
{
	return store_row(s, STMT_SUBMISSION_LATEST, a, sizeof(*ret), read_submission, ret, "Idd",
	                 org, from, to);
}

int store_submission_decide(struct store *s, int64_t id, int64_t version, const char *state,
                            int64_t by, const char *reason)
{
	return store_change(s, STMT_SUBMISSION_DECIDE, HOSO_E_CONFLICT, "IIsIs", id, version, state,
	                    by, reason);
}

int store_period_lock(struct store *s, int64_t submission, int64_t org, int32_t from, int32_t to)
{
	return store_exec(s, STMT_PERIOD_LOCK, "IIdd", submission, org, from, to);
}

int store_period_unlock(struct store *s, int64_t submission)
{
	return store_exec(s, STMT_PERIOD_UNLOCK, "I", submission);
}

int store_period_locked(struct store *s, int64_t org, int32_t day, int64_t *ret_submission)
{
	int rc;

	*ret_submission = 0;
	rc = store_int(s, STMT_PERIOD_LOCKED, ret_submission, "Id", org, day);
	return rc == HOSO_E_NOT_FOUND ? 0 : rc;
}
