/*
 * user.c - the store's side of users and sessions.  Rules (who may do what,
 * lockout, expiry) live in src/app/user.c and src/app/session.c.
 */
#include "store/storeInt.h"

#include <string.h>

#include "core/banned.h"

static int read_user(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct user_row *u = item;

	u->id = sqlite3_column_int64(st, 0);
	u->username = store_col_text(st, 1, a);
	u->full_name = store_col_text(st, 2, a);
	u->org_id = sqlite3_column_int64(st, 3);
	u->roles = (unsigned)sqlite3_column_int(st, 4);
	u->clearance = sqlite3_column_int(st, 5);
	u->password_hash = store_col_text(st, 6, a);
	u->disabled = sqlite3_column_int(st, 7);
	u->failed_logins = sqlite3_column_int(st, 8);
	u->locked_until = sqlite3_column_int64(st, 9);
	u->totp_secret = NULL;
	if (sqlite3_column_bytes(st, 10) == 20) {
		unsigned char *k = arena_alloc(a, 20);

		if (!k)
			return HOSO_E_NOMEM;
		memcpy(k, sqlite3_column_blob(st, 10), 20);
		u->totp_secret = k;
	}
	u->totp_enabled = sqlite3_column_int(st, 11);
	u->totp_last_step = sqlite3_column_int64(st, 12);
	u->recovery_codes = store_col_text(st, 13, a);
	return u->username && u->full_name && u->password_hash ? 0 : HOSO_E_NOMEM;
}

static int one_user(sqlite3_stmt *st, struct arena *a, struct user_row *ret)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		rc = read_user(st, a, ret);
	else
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	sqlite3_reset(st);
	return rc;
}

int store_user_insert(struct store *s, const struct user_row *u, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_USER_INSERT);

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, u->username);
	store_bind_text(st, 2, u->full_name);
	store_bind_id(st, 3, u->org_id);
	sqlite3_bind_int(st, 4, (int)u->roles);
	sqlite3_bind_int(st, 5, u->clearance);
	store_bind_text(st, 6, u->password_hash);
	return store_exec_insert(s, st, ret_id);
}

int store_user_by_name(struct store *s, const char *username, struct arena *a, struct user_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_USER_BY_NAME);

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, username);
	return one_user(st, a, ret);
}

int store_user_get(struct store *s, int64_t id, struct arena *a, struct user_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_USER_GET);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	return one_user(st, a, ret);
}

int store_user_list(struct store *s, struct arena *a, struct user_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_USER_LIST);

	if (!st)
		return HOSO_E_DB;
	return store_read_rows(st, a, sizeof(*ret->v), read_user, (void **)&ret->v, &ret->n);
}

int store_user_update(struct store *s, const struct user_row *u)
{
	sqlite3_stmt *st = store_stmt(s, STMT_USER_UPDATE);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, u->id);
	store_bind_text(st, 2, u->full_name);
	store_bind_id(st, 3, u->org_id);
	sqlite3_bind_int(st, 4, (int)u->roles);
	sqlite3_bind_int(st, 5, u->clearance);
	store_bind_text(st, 6, u->password_hash);
	sqlite3_bind_int(st, 7, u->disabled ? 1 : 0);
	sqlite3_bind_int(st, 8, u->failed_logins);
	sqlite3_bind_int64(st, 9, u->locked_until);
	if (u->totp_secret)
		sqlite3_bind_blob(st, 10, u->totp_secret, 20, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_int(st, 11, u->totp_enabled ? 1 : 0);
	sqlite3_bind_int64(st, 12, u->totp_last_step);
	store_bind_text(st, 13, u->recovery_codes);
	rc = store_exec_stmt(st);
	if (rc == 0 && sqlite3_changes(s->db) == 0)
		return HOSO_E_NOT_FOUND;
	return rc;
}

int store_user_count(struct store *s, int64_t *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_USER_COUNT);
	int rc;

	if (!st)
		return HOSO_E_DB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*ret = sqlite3_column_int64(st, 0);
		rc = 0;
	} else {
		rc = store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_session_insert(struct store *s, const unsigned char *hash, int64_t user_id,
                         const char *csrf, int64_t now, const char *address)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SESSION_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	store_bind_text(st, 3, csrf);
	sqlite3_bind_int64(st, 4, now);
	store_bind_text(st, 5, address);
	return store_exec_stmt(st);
}

int store_session_get(struct store *s, const unsigned char *hash, struct arena *a,
                      struct session_row *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SESSION_GET);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		ret->user_id = sqlite3_column_int64(st, 0);
		ret->csrf = store_col_text(st, 1, a);
		ret->created_at = sqlite3_column_int64(st, 2);
		ret->last_seen = sqlite3_column_int64(st, 3);
		rc = ret->csrf ? 0 : HOSO_E_NOMEM;
	} else {
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

static int session_exec(struct store *s, enum stmt which, const unsigned char *hash, int64_t now)
{
	sqlite3_stmt *st = store_stmt(s, which);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	if (which == STMT_SESSION_TOUCH)
		sqlite3_bind_int64(st, 2, now);
	return store_exec_stmt(st);
}

int store_session_touch(struct store *s, const unsigned char *hash, int64_t now)
{
	return session_exec(s, STMT_SESSION_TOUCH, hash, now);
}

int store_session_delete(struct store *s, const unsigned char *hash)
{
	return session_exec(s, STMT_SESSION_DELETE, hash, 0);
}

int store_session_delete_user(struct store *s, int64_t user_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_SESSION_DELETE_USER);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, user_id);
	return store_exec_stmt(st);
}
