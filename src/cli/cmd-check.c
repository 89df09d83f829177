/*
 * cmd-check.c - "hoso check": integrity and foreign-key check of the
 * database, and its content digest.
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"

#include "core/banned.h"

static int cmd_check_exec(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	size_t npos;
	struct actor who;
	struct app *app;
	struct err e;
	char digest[65];
	int rc;

	if ((rc = cli_parse(&cmd_check_entry, argc, argv, 1, NULL, pos, 0, &npos)) != 0)
		return rc;
	if ((rc = cli_open(c, 0, &app)) != 0)
		return rc;
	actor_system(&who, "check");
	err_init(&e);
	rc = admin_check(app, &who, &e);
	if (rc == 0)
		rc = admin_digest(app, &who, digest, &e);
	if (rc < 0)
		rc = cli_fail(&e);
	else
		printf("Toàn vẹn: tốt / integrity: ok\ndigest %s\n", digest);
	err_release(&e);
	app_close(app);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
    .name = "check",
    .usage = "check",
    .help = "Kiểm tra toàn vẹn cơ sở dữ liệu / check database integrity",
    .exec = cmd_check_exec,
};
