/*
 * cmd-user.c - "hoso user ...": accounts, run by the operator at the
 * console (the local system actor).
 *
 *   user add USERNAME --name NAME --role R[,R] [--org CODE]
 *            [--clearance thuong|mat|toi_mat] [--password-stdin]
 *   user list [--json]
 *   user disable USERNAME | user enable USERNAME
 *   user passwd USERNAME [--password-stdin]
 *   user role USERNAME [--role R[,R]] [--clearance C] [--org CODE]
 *
 * Without --password-stdin a password is generated and printed once.
 */
#include <stdio.h>
#include <string.h>

#include "app/org.h"
#include "app/user.h"
#include "cli/cli.h"

#include "core/banned.h"

static int parse_roles(const char *s, unsigned *ret)
{
	if (role_parse_list(s, ret) < 0) {
		fprintf(stderr,
		        "hoso: lỗi [bad_value, --role]: Vai trò '%s' không hợp lệ (admin, officer, "
		        "leader, viewer, auditor)\nhoso: error: invalid roles '%s'\n",
		        s, s);
		return EXIT_BAD_INPUT;
	}
	return 0;
}

static int parse_clearance(const char *s, enum clearance *ret)
{
	if (clearance_parse(s, ret) < 0) {
		fprintf(
		    stderr,
		    "hoso: lỗi [bad_value, --clearance]: Độ mật '%s' không hợp lệ (thuong, mat, "
		    "toi_mat)\nhoso: error: invalid clearance '%s'\n",
		    s, s);
		return EXIT_BAD_INPUT;
	}
	return 0;
}

static int add_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *name = NULL, *role = NULL, *org = NULL, *clear = NULL, *pos[1];
	int from_stdin = 0, rc;
	const struct cli_opt opts[] = {{"--name", &name, .need = 1},
	                               {"--role", &role, .need = 1},
	                               {"--org", &org},
	                               {"--clearance", &clear},
	                               {"--password-stdin", NULL, &from_stdin},
	                               {NULL}};
	struct user_new u = {0};
	struct buf given = BUF_INIT(512), pw = BUF_INIT(512);

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Cần tên đăng nhập, --name và --role",
	                   "USERNAME, --name and --role are required")) != 0 ||
	    (rc = parse_roles(role, &u.roles)) != 0 ||
	    (clear && (rc = parse_clearance(clear, &u.clearance)) != 0) ||
	    (from_stdin && (rc = cli_read_password(&given)) != 0))
		return rc;
	if ((rc = cli_sub_open(x)) != 0 ||
	    (org && (rc = org_find(x->app, &x->who, org, &u.org_id, &x->err)) < 0))
		goto out;
	u.username = pos[0];
	u.full_name = name;
	u.password = from_stdin ? given.buf : NULL;
	rc = user_add(x->app, &x->who, &u, NULL, &pw, &x->err);
	if (rc == 0) {
		printf("Đã tạo người dùng %s / user created\n", pos[0]);
		if (!from_stdin)
			printf("Mật khẩu (chỉ hiện một lần) / password (shown once): %s\n", pw.buf);
	}
out:
	buf_release(&given);
	buf_release(&pw);
	return rc;
}

static int list_cmd(struct cli_sub *x, int argc, char **argv)
{
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct user_list l;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = user_list(x->app, &x->who, &x->a, &l, &x->err);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr, user_view_json(x->app, &x->who, &l.v[i], &x->a));
		cli_print_json(arr);
	} else if (rc == 0) {
		for (size_t i = 0; i < l.n; i++) {
			printf("%-20s ", l.v[i].username);
			cli_print_padded(l.v[i].full_name, 26);
			printf(" ");
			for (int k = 0, first = 1; k < ROLE__MAX; k++)
				if (l.v[i].roles & (1u << k)) {
					printf("%s%s", first ? "" : ",", role_name((enum role)k));
					first = 0;
				}
			printf("  %s%s\n", clearance_name((enum clearance)l.v[i].clearance),
			       l.v[i].disabled ? "  (đã khóa / disabled)" : "");
		}
	}
	return rc;
}

/* user disable|enable|totp-reset USERNAME: the change c to the user named
 * (*ret_name). */
static int change_user(struct cli_sub *x, int argc, char **argv, const struct user_change *c,
                       const char **ret_name)
{
	const char *pos[1];
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, pos, 1, "Thiếu tên đăng nhập",
	                   "The user name is missing")) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	*ret_name = pos[0];
	return user_update(x->app, &x->who, pos[0], c, NULL, &x->err);
}

static int enable_cmd(struct cli_sub *x, int argc, char **argv, int disabled)
{
	const char *name;
	int rc = change_user(x, argc, argv,
	                     &(struct user_change){.set_disabled = 1, .disabled = disabled}, &name);

	if (rc == 0)
		printf("%s: %s\n", name, disabled ? "đã khóa / disabled" : "đã mở / enabled");
	return rc;
}

static int disable_cmd(struct cli_sub *x, int argc, char **argv)
{
	return enable_cmd(x, argc, argv, 1);
}

static int enable_cmd_(struct cli_sub *x, int argc, char **argv)
{
	return enable_cmd(x, argc, argv, 0);
}

static int totp_reset_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *name;
	int rc = change_user(x, argc, argv, &(struct user_change){.reset_totp = 1}, &name);

	if (rc == 0)
		printf("Đã tắt xác thực hai lớp của %s / two-factor sign-in reset\n", name);
	return rc;
}

static int passwd_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	int from_stdin = 0, rc;
	const struct cli_opt opts[] = {{"--password-stdin", NULL, &from_stdin}, {NULL}};
	struct buf given = BUF_INIT(512), pw = BUF_INIT(512);

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu tên đăng nhập",
	                   "The user name is missing")) != 0 ||
	    (from_stdin && (rc = cli_read_password(&given)) != 0) || (rc = cli_sub_open(x)) != 0)
		return rc;
	rc =
	    user_set_password(x->app, &x->who, pos[0], from_stdin ? given.buf : NULL, &pw, &x->err);
	if (rc == 0) {
		printf("Đã đổi mật khẩu của %s / password changed\n", pos[0]);
		if (!from_stdin)
			printf("Mật khẩu mới (chỉ hiện một lần) / new password (shown once): %s\n",
			       pw.buf);
	}
	buf_release(&given);
	buf_release(&pw);
	return rc;
}

/* Only what is given changes: --role, --clearance, --org. */
static int role_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *role = NULL, *clear = NULL, *org = NULL, *pos[1];
	const struct cli_opt opts[] = {
	    {"--role", &role}, {"--clearance", &clear}, {"--org", &org}, {NULL}};
	struct user_change c = {0};
	size_t npos;
	int rc;

	if ((rc = cli_parse(x->cmd, argc, argv, x->first, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1 || (!role && !clear && !org))
		return cli_usage(x->cmd, "Cần tên đăng nhập và --role, --clearance hoặc --org",
		                 "USERNAME and --role, --clearance or --org are required");
	c.set_roles = role != NULL;
	c.set_clearance = clear != NULL;
	c.set_org = org != NULL;
	if ((role && (rc = parse_roles(role, &c.roles)) != 0) ||
	    (clear && (rc = parse_clearance(clear, &c.clearance)) != 0) ||
	    (rc = cli_sub_open(x)) != 0 ||
	    (org && (rc = org_find(x->app, &x->who, org, &c.org_id, &x->err)) < 0))
		return rc;
	rc = user_update(x->app, &x->who, pos[0], &c, NULL, &x->err);
	if (rc == 0)
		printf("Đã cập nhật quyền của %s / roles updated\n", pos[0]);
	return rc;
}

static const struct cli_subcmd subs[] = {
    {"totp-reset", totp_reset_cmd},
    {"add", add_cmd},
    {"list", list_cmd},
    {"disable", disable_cmd},
    {"enable", enable_cmd_},
    {"passwd", passwd_cmd},
    {"role", role_cmd},
};

const struct cmd_entry cmd_user_entry = {
    .name = "user",
    .usage = "user add USERNAME --name NAME --role R[,R] [--org CODE] [--clearance C] "
             "[--password-stdin] | list [--json] | disable|enable USERNAME | passwd USERNAME "
             "[--password-stdin] | role USERNAME [--role R[,R]] [--clearance C] [--org CODE] | "
             "totp-reset "
             "USERNAME",
    .help = "Người dùng, vai trò, độ mật / users, roles, clearance",
    .purpose = "user admin",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
