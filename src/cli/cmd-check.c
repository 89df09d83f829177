/*
 * cmd-check.c - "hoso check": integrity and foreign-key check of the
 * database, and its content digest.
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"

#include "core/banned.h"

static int check(struct cli_sub *x, int argc, char **argv)
{
	char digest[65];
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0 || (rc = admin_check(x->app, &x->who, &x->err)) != 0 ||
	    (rc = admin_digest(x->app, &x->who, digest, &x->err)) != 0)
		return rc;
	printf("Toàn vẹn: tốt / integrity: ok\ndigest %s\n", digest);
	return 0;
}

const struct cmd_entry cmd_check_entry = {
    .name = "check",
    .usage = "check",
    .help = "Kiểm tra toàn vẹn cơ sở dữ liệu / check database integrity",
    .run = check,
};
