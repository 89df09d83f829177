/*
 * cmd-restore.c - "hoso restore IN": replace the database's contents with a
 * backup made by "hoso backup" (checked before anything is replaced).
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"

#include "core/banned.h"

static int restore(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	char digest[65];
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, pos, 1, "Thiếu tệp sao lưu",
	                   "The backup file is missing")) != 0 ||
	    (rc = cli_sub_open(x)) != 0 ||
	    (rc = admin_restore(x->app, &x->who, pos[0], &x->err)) != 0 ||
	    (rc = admin_digest(x->app, &x->who, digest, &x->err)) != 0)
		return rc;
	printf("Đã khôi phục %s từ %s (mã kiểm tra %s)\nRestored %s from %s (digest %s)\n",
	       x->c->db, pos[0], digest, x->c->db, pos[0], digest);
	return 0;
}

const struct cmd_entry cmd_restore_entry = {
    .name = "restore",
    .usage = "restore IN",
    .help = "Khôi phục từ bản sao lưu / restore from a backup",
    .run = restore,
    .flags = APP_CREATE,
};
