/*
 * user.h - users, roles, clearance, passwords, sign-in and sessions.
 *
 * Passwords are hashed with argon2id (libsodium).  A session is a random
 * 256-bit token given to the browser (cookie) and stored only as its hash,
 * with a CSRF token for state-changing requests.  Five wrong passwords lock
 * an account for 15 minutes.  Sessions end after 30 idle minutes or 12
 * hours, at sign-out, or when the user is disabled or changes password.
 */
#ifndef HOSO_APP_USER_H
#define HOSO_APP_USER_H

#include <jansson.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "core/buf.h"
#include "store/store.h"

#define USER_PASSWORD_MIN    10
#define USER_LOCK_AFTER      5
#define USER_LOCK_SECONDS    (15 * 60)
#define SESSION_IDLE_SECONDS (30 * 60)
#define SESSION_MAX_SECONDS  (12 * 3600)
#define SESSION_TOKEN_HEX    64 /* 256 bits */

const char *role_name(enum role r);
/* "admin,officer" (codes or Vietnamese names) into a bit set. */
int role_parse_list(const char *s, unsigned *ret);
const char *clearance_name(enum clearance c); /* "thuong", "mat", "toi_mat" */
int clearance_parse(const char *s, enum clearance *ret);
/* The code sets "role" and "clearance" (in the enums' order) as
 * [{code, name, name_en}...]. */
json_t *role_codes_json(void);
json_t *clearance_codes_json(void);

struct user_new {
	const char *username; /* 3-32 of [a-z0-9._-] */
	const char *full_name;
	int64_t org_id; /* scope; 0 only for administrators of the whole tree */
	unsigned roles;
	enum clearance clearance;
	const char *password; /* NULL: generate one, returned in ret_password */
};

/* Administrators only, within their scope, never above their own
 * clearance, for an organisation alive today.  ret_password (may be NULL)
 * receives a generated password, to be shown once. */
int user_add(struct app *app, const struct actor *who, const struct user_new *u, int64_t *ret_id,
             struct buf *ret_password, struct err *e);
int user_list(struct app *app, const struct actor *who, struct arena *a, struct user_list *ret,
              struct err *e);

/* An account as the API and the CLI show it: {"username", "full_name",
 * "roles", "clearance", "org" (its code, null for the whole tree or out of
 * the reader's scope), "disabled", "totp"}; a new reference. */
json_t *user_view_json(struct app *app, const struct actor *who, const struct user_row *u,
                       struct arena *a);

/*
 * What an administrator changes in an account: only the fields whose set_
 * flag is on; nothing is reset by being left out.
 */
struct user_change {
	int set_roles;
	unsigned roles;
	int set_clearance;
	enum clearance clearance;
	int set_org;
	int64_t org_id;
	int set_disabled;
	int disabled;
	int reset_password; /* a generated password, into ret_password */
	int reset_totp;     /* the second factor off (a lost device) */
};
/*
 * Change an account, all of c or nothing, in one transaction with one audit
 * entry ("user_update", the fields' before and after).  Administrators
 * only, for a user within their scope (else HOSO_E_NOT_FOUND, as for a name
 * nobody has) whose clearance is not above their own (HOSO_E_DENIED); a
 * clearance above their own is never granted (HOSO_E_DENIED naming
 * "clearance"); a new scope must be alive today (HOSO_E_ORG_STATE naming
 * the successors of an ended one).  Ends the user's sessions.
 */
int user_update(struct app *app, const struct actor *who, const char *username,
                const struct user_change *c, struct buf *ret_password, struct err *e);
/* A new password (NULL: generate, into ret_password).  Administrators for
 * the users they manage (user_update's rule); a user for themself.  Ends
 * the user's sessions. */
int user_set_password(struct app *app, const struct actor *who, const char *username,
                      const char *password, struct buf *ret_password, struct err *e);
int user_count(struct app *app, int64_t *ret);
/* The id of a user named in a filter ("cases assigned to"): -1, which
 * matches nothing, when there is no such user, so that a filter cannot
 * tell whether an account exists.  Signed-in users only. */
int user_filter_id(struct app *app, const struct actor *who, const char *username, int64_t *ret,
                   struct err *e);
/* A user's name for showing beside records (assignees). */
int user_name_of(struct app *app, int64_t id, struct arena *a, const char **ret_username,
                 const char **ret_full_name);
/* The signed-in user's own record (without the password hash). */
int user_me(struct app *app, const struct actor *who, struct arena *a, struct user_row *ret,
            struct err *e);

/*
 * Sign in.  On success ret_token (SESSION_TOKEN_HEX chars) and ret_csrf are
 * filled and *ret describes the user.  HOSO_E_AUTH for a wrong name or
 * password (the same answer for both), HOSO_E_LOCKED while locked.
 */
int user_login(struct app *app, const char *username, const char *password, const char *otp,
               const char *address, struct buf *ret_token, struct buf *ret_csrf, struct actor *ret,
               struct err *e);

/* Check the signed-in user's own password (before changing it); a wrong
 * one counts towards the lockout.  HOSO_E_AUTH when wrong. */
int user_check_password(struct app *app, const struct actor *who, const char *password,
                        struct err *e);

/*
 * Second factor (TOTP, RFC 6238: 6 digits, 30 s).  Enrolment: begin gives a
 * new secret (base32) and an otpauth:// URI for the authenticator app;
 * confirm with a current code turns it on and returns 8 recovery codes,
 * shown once (each works once instead of a code).  Once on, user_login
 * needs otp: HOSO_E_AUTH with field "otp" when it is missing or wrong.
 * Administrators reset it for users who lost their device (user_update).
 */
#define TOTP_RECOVERY_CODES 8
int user_totp_begin(struct app *app, const struct actor *who, struct buf *ret_secret,
                    struct buf *ret_uri, struct err *e);
int user_totp_confirm(struct app *app, const struct actor *who, const char *code,
                      struct buf *ret_codes, struct err *e);

/* The actor of a session token, and its CSRF token.  HOSO_E_AUTH when the
 * token is unknown, expired, or its user disabled. */
int session_actor(struct app *app, const char *token, struct actor *ret, struct buf *ret_csrf,
                  struct err *e);
/* End one session, or (all) every session of its user. */
int session_logout(struct app *app, const char *token, int all, struct err *e);

#endif
