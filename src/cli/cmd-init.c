/*
 * cmd-init.c - "hoso init": create (or upgrade) the database file.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/user.h"
#include "cli/cli.h"

#include "core/banned.h"

/* The first administrator (whole tree, top secret), when there is no user:
 * the password comes from stdin or is generated and printed once. */
static int first_admin(struct cli_sub *x, int from_stdin)
{
	struct user_new u = {"admin",          "Quản trị hệ thống",  0,
	                     1u << ROLE_ADMIN, CLEARANCE_TOP_SECRET, NULL};
	struct buf given = BUF_INIT(512), pw = BUF_INIT(512);
	int64_t n = 0;
	int rc;

	if (user_count(x->app, &n) < 0 || n > 0)
		return 0;
	if (from_stdin && (rc = cli_read_password(&given)) != 0)
		return rc;
	u.password = from_stdin ? given.buf : NULL;
	rc = user_add(x->app, &x->who, &u, NULL, &pw, &x->err);
	if (rc == 0) {
		printf("Quản trị viên đầu tiên / first administrator: admin\n");
		if (!from_stdin)
			printf("Mật khẩu (chỉ hiện một lần) / password (shown once): %s\n", pw.buf);
	}
	buf_release(&given);
	buf_release(&pw);
	return rc;
}

static int init(struct cli_sub *x, int argc, char **argv)
{
	const char *db = x->c->db;
	int from_stdin = 0;
	const struct cli_opt opts[] = {{"--admin-password-stdin", NULL, &from_stdin}, {NULL}};
	int existed = access(db, F_OK) == 0, rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	if (existed)
		printf("Cơ sở dữ liệu %s đã có, đã cập nhật lên phiên bản %d\n"
		       "Database %s exists; schema is at version %d\n",
		       db, app_latest_schema_version(), db, app_latest_schema_version());
	else
		printf("Đã tạo cơ sở dữ liệu %s\nCreated database %s\n", db, db);
	return first_admin(x, from_stdin);
}

const struct cmd_entry cmd_init_entry = {
    .name = "init",
    .usage = "init [--admin-password-stdin]",
    .help = "Tạo cơ sở dữ liệu mới / create the database",
    .run = init,
    .flags = APP_CREATE,
};
