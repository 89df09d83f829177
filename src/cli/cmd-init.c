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
static int first_admin(struct app *app, int from_stdin)
{
	struct user_new u = {"admin",          "Quản trị hệ thống",  0,
	                     1u << ROLE_ADMIN, CLEARANCE_TOP_SECRET, NULL};
	struct buf given = BUF_INIT(512), pw = BUF_INIT(512);
	struct actor sys;
	struct err e;
	int64_t n = 0;
	int rc;

	if (user_count(app, &n) < 0 || n > 0)
		return 0;
	if (from_stdin) {
		char line[512];

		if (!fgets(line, sizeof(line), stdin)) {
			fprintf(stderr, "hoso: lỗi: không đọc được mật khẩu từ stdin\n"
			                "hoso: error: no password on standard input\n");
			return EXIT_BAD_INPUT;
		}
		buf_add(&given, line, strcspn(line, "\r\n"));
		u.password = given.buf;
	}
	actor_system(&sys, "init");
	err_init(&e);
	rc = user_add(app, &sys, &u, NULL, &pw, &e);
	if (rc == 0) {
		printf("Quản trị viên đầu tiên / first administrator: admin\n");
		if (!from_stdin)
			printf("Mật khẩu (chỉ hiện một lần) / password (shown once): %s\n", pw.buf);
	}
	buf_release(&given);
	buf_release(&pw);
	return cli_done(rc, &e);
}

static int cmd_init_exec(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	int from_stdin = 0;
	const struct cli_opt opts[] = {{"--admin-password-stdin", NULL, &from_stdin}, {NULL}};
	size_t npos;
	struct app *app;
	int existed = access(c->db, F_OK) == 0, rc;

	if ((rc = cli_parse(&cmd_init_entry, argc, argv, 1, opts, pos, 0, &npos)) != 0)
		return rc;
	if ((rc = cli_open(c, APP_CREATE, &app)) != 0)
		return rc;
	if (existed)
		printf("Cơ sở dữ liệu %s đã có, đã cập nhật lên phiên bản %d\n"
		       "Database %s exists; schema is at version %d\n",
		       c->db, app_latest_schema_version(), c->db, app_latest_schema_version());
	else
		printf("Đã tạo cơ sở dữ liệu %s\nCreated database %s\n", c->db, c->db);
	rc = first_admin(app, from_stdin);
	app_close(app);
	return rc;
}

const struct cmd_entry cmd_init_entry = {
    .name = "init",
    .usage = "init [--admin-password-stdin]",
    .help = "Tạo cơ sở dữ liệu mới / create the database",
    .exec = cmd_init_exec,
};
