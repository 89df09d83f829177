/*
 * user.c - the store's side of users and sessions.  Rules (who may do what,
 * lockout, expiry) live in src/app/user.c and src/app/session.c.
 */
#include "store/storeInt.h"

#include <string.h>

#include "core/banned.h"

#define TOTP_KEY 20 /* bytes of a second factor's secret */

static int read_user(struct db_stmt *st, struct arena *a, void *item)
{
	struct user_row *u = item;
	int rc =
	    store_cols(st, a, "IssI-isiiI-iIs", &u->id, &u->username, &u->full_name, &u->org_id,
	               &u->clearance, &u->password_hash, &u->disabled, &u->failed_logins,
	               &u->locked_until, &u->totp_enabled, &u->totp_last_step, &u->recovery_codes);

	u->roles = (unsigned)(int)db_int(st, 4);
	u->totp_secret = NULL;
	if (rc == 0 && (int)db_bytes(st, 10) == TOTP_KEY) {
		unsigned char *k = arena_alloc(a, TOTP_KEY);

		if (!k)
			return HOSO_E_NOMEM;
		memcpy(k, db_blob(st, 10), TOTP_KEY);
		u->totp_secret = k;
	}
	return rc;
}

int store_user_insert(struct store *s, const struct user_row *u, int64_t *ret_id)
{
	return store_insert(s, STMT_USER_INSERT, ret_id, "ssriis", u->username, u->full_name,
	                    u->org_id, (int)u->roles, u->clearance, u->password_hash);
}

int store_user_by_name(struct store *s, const char *username, struct arena *a, struct user_row *ret)
{
	return store_row(s, STMT_USER_BY_NAME, a, sizeof(*ret), read_user, ret, "s", username);
}

int store_user_get(struct store *s, int64_t id, struct arena *a, struct user_row *ret)
{
	return store_row(s, STMT_USER_GET, a, sizeof(*ret), read_user, ret, "I", id);
}

int store_user_list(struct store *s, struct arena *a, struct user_list *ret)
{
	return store_rows(s, STMT_USER_LIST, a, sizeof(*ret->v), read_user, (void **)&ret->v,
	                  &ret->n, "");
}

int store_user_update(struct store *s, const struct user_row *u)
{
	return store_change(s, STMT_USER_UPDATE, HOSO_E_NOT_FOUND, "IsriisiiIbiIs", u->id,
	                    u->full_name, u->org_id, (int)u->roles, u->clearance, u->password_hash,
	                    u->disabled ? 1 : 0, u->failed_logins, u->locked_until, u->totp_secret,
	                    (size_t)TOTP_KEY, u->totp_enabled ? 1 : 0, u->totp_last_step,
	                    u->recovery_codes);
}

int store_user_count(struct store *s, int64_t *ret)
{
	return store_int(s, STMT_USER_COUNT, ret, "");
}

int store_session_active(struct store *s, int64_t seen_after, int64_t created_after, int64_t *ret)
{
	return store_int(s, STMT_SESSION_ACTIVE, ret, "II", seen_after, created_after);
}

int store_session_insert(struct store *s, const unsigned char *hash, int64_t user_id,
                         const char *csrf, int64_t now, const char *address)
{
	return store_exec(s, STMT_SESSION_INSERT, "hIsIs", hash, user_id, csrf, now, address);
}

static int read_session(struct db_stmt *st, struct arena *a, void *item)
{
	struct session_row *r = item;

	return store_cols(st, a, "IsII", &r->user_id, &r->csrf, &r->created_at, &r->last_seen);
}

int store_session_get(struct store *s, const unsigned char *hash, struct arena *a,
                      struct session_row *ret)
{
	return store_row(s, STMT_SESSION_GET, a, sizeof(*ret), read_session, ret, "h", hash);
}

int store_session_touch(struct store *s, const unsigned char *hash, int64_t now)
{
	return store_exec(s, STMT_SESSION_TOUCH, "hI", hash, now);
}

int store_session_delete(struct store *s, const unsigned char *hash)
{
	return store_exec(s, STMT_SESSION_DELETE, "h", hash);
}

int store_session_delete_user(struct store *s, int64_t user_id)
{
	return store_exec(s, STMT_SESSION_DELETE_USER, "I", user_id);
}
