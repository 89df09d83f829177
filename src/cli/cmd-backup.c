/*
 * cmd-backup.c - "hoso backup OUT": an online, consistent copy of the
 * database (others may keep reading and writing meanwhile).
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"

#include "core/banned.h"

static int cmd_backup_exec(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	size_t npos;
	struct actor who;
	struct app *app;
	struct err e;
	char digest[65];
	int rc;

	if ((rc = cli_parse(&cmd_backup_entry, argc, argv, 1, NULL, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_backup_entry, "Thiếu tệp đích", "The output file is missing");
	if ((rc = cli_open(c, 0, &app)) != 0)
		return rc;
	actor_system(&who, "backup");
	err_init(&e);
	rc = admin_backup(app, &who, pos[0], &e);
	if (rc == 0)
		rc = admin_digest(app, &who, digest, &e);
	if (rc < 0) {
		rc = cli_fail(&e);
	} else {
		printf("Đã sao lưu %s vào %s (mã kiểm tra %s)\nBacked up %s to %s (digest %s)\n",
		       c->db, pos[0], digest, c->db, pos[0], digest);
	}
	err_release(&e);
	app_close(app);
	return rc;
}

const struct cmd_entry cmd_backup_entry = {
    .name = "backup",
    .usage = "backup OUT",
    .help = "Sao lưu trực tuyến / online backup to a new file",
    .exec = cmd_backup_exec,
};
