/*
 * cmd-backup.c - "hoso backup OUT": an online, consistent copy of the
 * database (others may keep reading and writing meanwhile).
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"

#include "core/banned.h"

static int backup(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	char digest[65];
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, pos, 1, "Thiếu tệp đích",
	                   "The output file is missing")) != 0 ||
	    (rc = cli_sub_open(x)) != 0 ||
	    (rc = admin_backup(x->app, &x->who, pos[0], &x->err)) != 0 ||
	    (rc = admin_digest(x->app, &x->who, digest, &x->err)) != 0)
		return rc;
	printf("Đã sao lưu %s vào %s (mã kiểm tra %s)\nBacked up %s to %s (digest %s)\n", x->c->db,
	       pos[0], digest, x->c->db, pos[0], digest);
	return 0;
}

const struct cmd_entry cmd_backup_entry = {
    .name = "backup",
    .usage = "backup OUT",
    .help = "Sao lưu trực tuyến / online backup to a new file",
    .run = backup,
};
