/*
 * api-user.c - accounts, for administrators (within their scope) and, for
 * the list, auditors.
 *
 *   GET  /api/users
 *   POST /api/users              {"username", "full_name", "roles": [...],
 *                                 "org", "clearance", "password"?}
 *                                 -> a generated password is returned once
 *   PUT  /api/users/{username}   {"roles", "clearance", "org", "disabled",
 *                                 "reset_password": true}
 */
#include "http/api.h"

#include <string.h>

#include "app/org.h"
#include "app/user.h"

#include "core/banned.h"

static json_t *roles_json(unsigned roles)
{
	json_t *a = json_array();

	for (int k = 0; k < ROLE__MAX; k++)
		if (roles & (1u << k))
			json_array_append_new(a, json_string(role_name((enum role)k)));
	return a;
}

static int roles_from(json_t *v, unsigned *ret, struct err *e)
{
	size_t i;
	json_t *x;

	*ret = 0;
	if (!json_is_array(v) || json_array_size(v) == 0)
		return err_set(e, HOSO_E_BAD_ENUM, "roles", "Cần danh sách vai trò",
		               "A list of roles is needed");
	json_array_foreach(v, i, x)
	{
		unsigned one;

		if (!json_is_string(x) || role_parse_list(json_string_value(x), &one) < 0)
			return err_set(e, HOSO_E_BAD_ENUM, "roles", "Vai trò không hợp lệ",
			               "Invalid role");
		*ret |= one;
	}
	return 0;
}

int api_users_get(struct http_req *r, struct err *e)
{
	struct user_list l;
	json_t *arr;
	int rc = user_list(r->app, &r->actor, r->arena, &l, e);

	if (rc < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++) {
		struct org_row o;
		int have = l.v[i].org_id && org_get(r->app, &r->actor, l.v[i].org_id, DATE_OPEN,
		                                    r->arena, &o, NULL) == 0;

		json_array_append_new(
		    arr, json_pack("{s:s,s:s,s:o,s:s,s:s?,s:b}", "username", l.v[i].username,
		                   "full_name", l.v[i].full_name, "roles", roles_json(l.v[i].roles),
		                   "clearance", clearance_name((enum clearance)l.v[i].clearance),
		                   "org", have ? o.code : NULL, "disabled", l.v[i].disabled));
	}
	return http_reply(r, 200, json_pack("{s:o}", "users", arr));
}

int api_users_post(struct http_req *r, struct err *e)
{
	struct buf pw = BUF_INIT(512);
	struct user_new u = {0};
	const char *org, *clear;
	json_t *body;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	u.username = json_string_value(json_object_get(body, "username"));
	u.full_name = json_string_value(json_object_get(body, "full_name"));
	u.password = json_string_value(json_object_get(body, "password"));
	org = json_string_value(json_object_get(body, "org"));
	clear = json_string_value(json_object_get(body, "clearance"));
	rc = roles_from(json_object_get(body, "roles"), &u.roles, e);
	if (rc == 0 && clear && clearance_parse(clear, &u.clearance) < 0)
		rc = err_set(e, HOSO_E_BAD_ENUM, "clearance", "Độ mật không hợp lệ",
		             "Invalid clearance");
	if (rc == 0 && org)
		rc = org_find(r->app, &r->actor, org, &u.org_id, e);
	if (rc == 0)
		rc = user_add(r->app, &r->actor, &u, NULL, &pw, e);
	if (rc == 0)
		rc = http_reply(r, 201,
		                json_pack("{s:s,s:s?}", "username", u.username, "password",
		                          u.password ? NULL : pw.buf));
	json_decref(body);
	buf_release(&pw);
	return rc;
}

int api_user_put(struct http_req *r, struct err *e)
{
	const char *name = http_param(r, "username");
	struct buf pw = BUF_INIT(512);
	json_t *body, *roles, *dis, *reset;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	roles = json_object_get(body, "roles");
	dis = json_object_get(body, "disabled");
	reset = json_object_get(body, "reset_password");
	if (roles) {
		unsigned set;
		enum clearance c = CLEARANCE_NORMAL;
		const char *clear = json_string_value(json_object_get(body, "clearance"));
		const char *org = json_string_value(json_object_get(body, "org"));
		int64_t org_id = -1;

		rc = roles_from(roles, &set, e);
		if (rc == 0 && clear && clearance_parse(clear, &c) < 0)
			rc = err_set(e, HOSO_E_BAD_ENUM, "clearance", "Độ mật không hợp lệ",
			             "Invalid clearance");
		if (rc == 0 && org)
			rc = org_find(r->app, &r->actor, org, &org_id, e);
		if (rc == 0)
			rc = user_set_roles(r->app, &r->actor, name, set, (int)c, org_id, e);
	}
	if (rc == 0 && dis) {
		if (!json_is_boolean(dis))
			rc = err_set(e, HOSO_E_INVALID, "disabled", "Cần true hoặc false",
			             "true or false is needed");
		else
			rc = user_set_disabled(r->app, &r->actor, name, json_is_true(dis), e);
	}
	if (rc == 0 && json_is_true(json_object_get(body, "reset_totp")))
		rc = user_totp_reset(r->app, &r->actor, name, e);
	if (rc == 0 && json_is_true(reset)) {
		if (!actor_has_role(&r->actor, ROLE_ADMIN))
			rc = err_set(e, HOSO_E_DENIED, NULL, NULL, NULL);
		else
			rc = user_set_password(r->app, &r->actor, name, NULL, &pw, e);
	}
	if (rc == 0)
		rc = http_reply(r, 200,
		                json_pack("{s:s,s:s?}", "username", name, "password",
		                          json_is_true(reset) ? pw.buf : NULL));
	json_decref(body);
	buf_release(&pw);
	return rc;
}
