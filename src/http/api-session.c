/*
 * api-session.c - signing in and out.
 *
 *   POST   /api/session           {"username", "password"} -> cookie + CSRF token
 *   GET    /api/session           who am I (and the CSRF token again)
 *   DELETE /api/session[?all=1]   sign out (everywhere)
 *   PUT    /api/session/password  {"old_password", "new_password"}
 *
 * The session cookie is HttpOnly and SameSite=Strict (Secure when the
 * server runs behind TLS); the CSRF token goes in the X-CSRF-Token header of
 * every state-changing request.
 */
#include "http/api.h"

#include <sodium.h>
#include <string.h>

#include "app/org.h"
#include "app/user.h"

#include "core/banned.h"

static json_t *user_json(struct http_req *r, const struct actor *a)
{
	struct user_row u;
	struct org_row o;
	json_t *roles = json_array();
	int have_org;

	if (user_me(r->app, a, r->arena, &u, NULL) < 0)
		return NULL;
	for (int k = 0; k < ROLE__MAX; k++)
		if (a->roles & (1u << k))
			json_array_append_new(roles, json_string(role_name((enum role)k)));
	have_org =
	    a->scope_org && org_get(r->app, a, a->scope_org, DATE_OPEN, r->arena, &o, NULL) == 0;
	return json_pack("{s:I,s:s,s:s,s:o,s:s,s:s?,s:s?}", "id", (json_int_t)u.id, "username",
	                 u.username, "full_name", u.full_name, "roles", roles, "clearance",
	                 clearance_name(a->clearance), "org", have_org ? o.code : NULL, "org_name",
	                 have_org ? o.name : NULL);
}

static const char *string_field(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int api_session_post(struct http_req *r, struct err *e)
{
	struct buf token = BUF_INIT(128), csrf = BUF_INIT(128);
	const char *user, *pass;
	struct actor a;
	json_t *body, *u;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	user = string_field(body, "username");
	pass = string_field(body, "password");
	if (!user || !pass)
		return err_set(e, HOSO_E_MISSING, !user ? "username" : "password",
		               "Cần tên đăng nhập và mật khẩu",
		               "User name and password are needed");
	rc = user_login(r->app, user, pass, string_field(body, "otp"), r->address, &token, &csrf,
	                &a, e);
	if (rc == 0) {
		u = user_json(r, &a);
		r->set_cookie =
		    arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s",
		                 HTTP_SESSION_COOKIE, token.buf, r->secure ? "; Secure" : "");
		rc = http_reply(
		    r, 200, json_pack("{s:o,s:s}", "user", u ? u : json_null(), "csrf", csrf.buf));
	}
	sodium_memzero(token.buf, token.len);
	buf_release(&token);
	buf_release(&csrf);
	return rc;
}

int api_session_get(struct http_req *r, struct err *e)
{
	json_t *u = user_json(r, &r->actor);

	if (!u)
		return err_set(e, HOSO_E_AUTH, NULL, NULL, NULL);
	return http_reply(r, 200, json_pack("{s:o,s:s}", "user", u, "csrf", r->csrf));
}

int api_session_delete(struct http_req *r, struct err *e)
{
	const char *all = http_query(r, "all");
	int rc = session_logout(r->app, r->session_token, all && strcmp(all, "1") == 0, e);

	if (rc < 0)
		return rc;
	r->set_cookie =
	    arena_printf(r->arena, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
	                 HTTP_SESSION_COOKIE, r->secure ? "; Secure" : "");
	return http_reply(r, 200, json_pack("{s:b}", "signed_out", 1));
}

int api_session_password_put(struct http_req *r, struct err *e)
{
	struct user_row u;
	const char *oldp, *newp;
	json_t *body;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	oldp = string_field(body, "old_password");
	newp = string_field(body, "new_password");
	rc = user_me(r->app, &r->actor, r->arena, &u, e);
	if (rc == 0 && (!oldp || !newp))
		rc =
		    err_set(e, HOSO_E_MISSING, !oldp ? "old_password" : "new_password", NULL, NULL);
	/* The old password proves it is the user at the keyboard. */
	if (rc == 0)
		rc = user_check_password(r->app, &r->actor, oldp, e);
	if (rc == 0)
		rc = user_set_password(r->app, &r->actor, u.username, newp, NULL, e);
	if (rc == 0)
		rc = http_reply(r, 200, json_pack("{s:b}", "changed", 1));
	return rc;
}

int api_session_totp_post(struct http_req *r, struct err *e)
{
	struct buf secret = BUF_INIT(128), uri = BUF_INIT(512);
	int rc = user_totp_begin(r->app, &r->actor, &secret, &uri, e);

	if (rc == 0)
		rc = http_reply(r, 200,
		                json_pack("{s:s,s:s}", "secret", secret.buf, "uri", uri.buf));
	sodium_memzero(secret.buf, secret.len);
	buf_release(&secret);
	buf_release(&uri);
	return rc;
}

int api_session_totp_put(struct http_req *r, struct err *e)
{
	struct buf codes = BUF_INIT(1024);
	json_t *body, *arr;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = user_totp_confirm(r->app, &r->actor, string_field(body, "code"), &codes, e);
	if (rc == 0) {
		arr = json_array();
		for (const char *p = codes.buf; *p;) {
			size_t n = strcspn(p, "\n");

			json_array_append_new(arr, json_stringn(p, n));
			p += n + (p[n] == '\n');
		}
		rc = http_reply(r, 200, json_pack("{s:o}", "recovery_codes", arr));
	}
	buf_release(&codes);
	return rc;
}
