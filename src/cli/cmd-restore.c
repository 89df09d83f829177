/*
 * cmd-restore.c - "hoso restore IN": replace the database's contents with a
 * backup made by "hoso backup" (checked before anything is replaced).
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"

#include "core/banned.h"

static int cmd_restore_exec(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	size_t npos;
	struct actor who;
	struct app *app;
	struct err e;
	char digest[65];
	int rc;

	if ((rc = cli_parse(&cmd_restore_entry, argc, argv, 1, NULL, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_restore_entry, "Thiếu tệp sao lưu",
		                 "The backup file is missing");
	if ((rc = cli_open(c, APP_CREATE, &app)) != 0)
		return rc;
	actor_system(&who, "restore");
	err_init(&e);
	rc = admin_restore(app, &who, pos[0], &e);
	if (rc == 0)
		rc = admin_digest(app, &who, digest, &e);
	if (rc < 0)
		rc = cli_fail(&e);
	else
		printf("Đã khôi phục %s từ %s (mã kiểm tra %s)\nRestored %s from %s (digest %s)\n",
		       c->db, pos[0], digest, c->db, pos[0], digest);
	err_release(&e);
	app_close(app);
	return rc;
}

const struct cmd_entry cmd_restore_entry = {
    .name = "restore",
    .usage = "restore IN",
    .help = "Khôi phục từ bản sao lưu / restore from a backup",
    .exec = cmd_restore_exec,
};
