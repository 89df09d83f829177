/*
 * api-user.c - accounts, for administrators (within their scope) and, for
 * the list, auditors.
 *
 *   GET  /api/users
 *   POST /api/users              {"username", "full_name", "roles": [...],
 *                                 "org", "clearance", "password"?}
 *                                 -> a generated password is returned once
 *   PUT  /api/users/{username}   any of {"roles", "clearance", "org",
 *                                 "disabled", "reset_password": true,
 *                                 "reset_totp": true}: only those sent
 *                                 change (all or nothing)
 */
#include "http/api.h"

#include <string.h>

#include "app/org.h"
#include "app/user.h"

#include "core/banned.h"

static int roles_from(const struct http_list *l, unsigned *ret, struct err *e)
{
	*ret = 0;
	if (!l->n)
		return err_set(e, HOSO_E_BAD_ENUM, "roles", "Cần danh sách vai trò",
		               "A list of roles is needed");
	for (size_t i = 0; i < l->n; i++) {
		unsigned one;

		if (role_parse_list(l->strs[i], &one) < 0)
			return err_set(e, HOSO_E_BAD_ENUM, "roles", "Vai trò không hợp lệ",
			               "Invalid role");
		*ret |= one;
	}
	return 0;
}

static int clearance_from(const char *s, enum clearance *ret, struct err *e)
{
	if (clearance_parse(s, ret) < 0)
		return err_set(e, HOSO_E_BAD_ENUM, "clearance", "Độ mật không hợp lệ",
		               "Invalid clearance");
	return 0;
}

/* What a user may do, from the body's names: the roles (when given), the
 * clearance and the organisation (a code; each when given). */
static int access_from(struct http_req *r, const struct http_list *roles, const char *clear,
                       const char *org, unsigned *ret_roles, enum clearance *ret_clearance,
                       int64_t *ret_org, struct err *e)
{
	int rc = roles->strs ? roles_from(roles, ret_roles, e) : 0;

	if (rc == 0 && clear)
		rc = clearance_from(clear, ret_clearance, e);
	if (rc == 0 && org)
		rc = org_find(r->app, &r->actor, org, ret_org, e);
	return rc;
}

int api_users_get(struct http_req *r, struct err *e)
{
	struct user_list l;
	json_t *arr;
	int rc = user_list(r->app, &r->actor, r->arena, &l, e);

	if (rc < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, user_view_json(r->app, &r->actor, &l.v[i], r->arena));
	return http_reply(r, 200, json_pack("{s:o}", "users", arr));
}

int api_users_post(struct http_req *r, struct err *e)
{
	struct buf pw = BUF_INIT(512);
	struct user_new u = {0};
	struct http_list roles = {0};
	const char *org = NULL, *clear = NULL;
	const struct http_field fields[] = {
	    {"username", HF_STRING, 1, &u.username, 0, 0},
	    {"full_name", HF_STRING, 1, &u.full_name, 0, 0},
	    {"roles", HF_STRINGS, 1, &roles, 0, 0},
	    {"org", HF_STRING, 0, &org, 0, 0},
	    {"clearance", HF_STRING, 0, &clear, 0, 0},
	    {"password", HF_STRING, 0, &u.password, 0, 0},
	};
	int rc;

	rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);
	if (rc == 0)
		rc = access_from(r, &roles, clear, org, &u.roles, &u.clearance, &u.org_id, e);
	if (rc == 0)
		rc = user_add(r->app, &r->actor, &u, NULL, &pw, e);
	if (rc == 0)
		rc = http_reply(r, 201,
		                json_pack("{s:s,s:s?}", "username", u.username, "password",
		                          u.password ? NULL : pw.buf));
	buf_release(&pw);
	return rc;
}

/* Only the fields sent change; each is applied or the whole request is
 * refused. */
int api_user_put(struct http_req *r, struct err *e)
{
	const char *name = http_param(r, "username");
	struct buf pw = BUF_INIT(512);
	struct user_change c = {0};
	struct http_list roles = {0};
	const char *org = NULL, *clear = NULL;
	int disabled = -1;
	const struct http_field fields[] = {
	    {"roles", HF_STRINGS, 0, &roles, 0, 0},
	    {"clearance", HF_STRING, 0, &clear, 0, 0},
	    {"org", HF_STRING, 0, &org, 0, 0},
	    {"disabled", HF_BOOL, 0, &disabled, 0, 0},
	    {"reset_password", HF_BOOL, 0, &c.reset_password, 0, 0},
	    {"reset_totp", HF_BOOL, 0, &c.reset_totp, 0, 0},
	};
	int rc;

	rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);
	c.set_roles = roles.strs != NULL;
	c.set_clearance = clear != NULL;
	c.set_org = org != NULL;
	c.set_disabled = disabled >= 0;
	c.disabled = disabled > 0;
	if (rc == 0)
		rc = access_from(r, &roles, clear, org, &c.roles, &c.clearance, &c.org_id, e);
	if (rc == 0)
		rc = user_update(r->app, &r->actor, name, &c, &pw, e);
	if (rc == 0)
		rc = http_reply(r, 200,
		                json_pack("{s:s,s:s?}", "username", name, "password",
		                          c.reset_password ? pw.buf : NULL));
	buf_release(&pw);
	return rc;
}
