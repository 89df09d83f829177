/*
 * submission.c - period reports submitted to the level above, their
 * approval, and the locks an approval puts on the period (store.h).
 */
#include "store/storeInt.h"

#include <string.h>

#include "core/banned.h"

int store_submission_insert(struct store *s, const struct submission_row *r, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUBMISSION_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, r->org_id);
	store_bind_date(st, 2, r->from);
	store_bind_date(st, 3, r->to);
	store_bind_text(st, 4, r->figures);
	store_bind_text(st, 5, r->note);
	sqlite3_bind_int64(st, 6, r->submitted_by);
	return store_exec_insert(s, st, ret_id);
}

static int read_submission(sqlite3_stmt *st, struct arena *a, struct submission_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->org_id = sqlite3_column_int64(st, 1);
	r->from = store_col_date(st, 2, DATE_NONE);
	r->to = store_col_date(st, 3, DATE_NONE);
	r->state = store_col_text(st, 4, a);
	r->figures = store_col_text(st, 5, a);
	r->note = store_col_text(st, 6, a);
	r->submitted_by = sqlite3_column_int64(st, 7);
	r->submitted_at = store_col_text(st, 8, a);
	r->decided_by = sqlite3_column_int64(st, 9);
	r->decided_at = store_col_text(st, 10, a);
	r->reason = store_col_text(st, 11, a);
	r->version = sqlite3_column_int64(st, 12);
	return r->state && r->figures && r->submitted_at ? 0 : HOSO_E_NOMEM;
}

static int read_first(sqlite3_stmt *st, struct arena *a, struct submission_row *ret)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		rc = read_submission(st, a, ret);
	else
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	sqlite3_reset(st);
	return rc;
}

int store_submission_get(struct store *s, int64_t id, struct arena *a, struct submission_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUBMISSION_GET);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	return read_first(st, a, ret);
}

int store_submission_latest(struct store *s, int64_t org, int32_t from, int32_t to, struct arena *a,
                            struct submission_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUBMISSION_LATEST);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, org);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	return read_first(st, a, ret);
}

int store_submission_decide(struct store *s, int64_t id, int64_t version, const char *state,
                            int64_t by, const char *reason)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SUBMISSION_DECIDE);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	store_bind_text(st, 3, state);
	sqlite3_bind_int64(st, 4, by);
	store_bind_text(st, 5, reason);
	rc = store_exec_stmt(st);
	if (rc == 0 && sqlite3_changes(s->db) == 0)
		rc = HOSO_E_CONFLICT;
	return rc;
}

int store_period_lock(struct store *s, int64_t submission, int64_t org, int32_t from, int32_t to)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERIOD_LOCK);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, submission);
	sqlite3_bind_int64(st, 2, org);
	store_bind_date(st, 3, from);
	store_bind_date(st, 4, to);
	return store_exec_stmt(st);
}

int store_period_unlock(struct store *s, int64_t submission)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERIOD_UNLOCK);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, submission);
	return store_exec_stmt(st);
}

int store_period_locked(struct store *s, int64_t org, int32_t day, int64_t *ret_submission)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERIOD_LOCKED);
	int rc;

	*ret_submission = 0;
	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, org);
	store_bind_date(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*ret_submission = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_rc(rc);
	sqlite3_reset(st);
	return rc;
}
