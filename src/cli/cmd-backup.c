/*
 * cmd-backup.c - "hoso backup OUT": an online, consistent copy of the
 * database (others may keep reading and writing meanwhile); "hoso restore
 * IN": the way back, replacing the database's contents with such a copy
 * (checked before anything is replaced).  Both end by printing the
 * database's digest, to compare with the other side.
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"

#include "core/banned.h"

/* One direction of the copy: the app's step and what is said. */
struct copy {
	int (*fn)(struct app *app, const struct actor *who, const char *path, struct err *e);
	const char *missing_vi, *missing_en;
	const char *done; /* printf format: db, file, digest, db, file, digest */
};

static const struct copy backup_copy = {
    admin_backup, "Thiếu tệp đích", "The output file is missing",
    "Đã sao lưu %s vào %s (mã kiểm tra %s)\nBacked up %s to %s (digest %s)\n"};

static const struct copy restore_copy = {
    admin_restore, "Thiếu tệp sao lưu", "The backup file is missing",
    "Đã khôi phục %s từ %s (mã kiểm tra %s)\nRestored %s from %s (digest %s)\n"};

static int copy(struct cli_sub *x, int argc, char **argv, const struct copy *how)
{
	const char *pos[1];
	char digest[65];
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, pos, 1, how->missing_vi, how->missing_en)) != 0 ||
	    (rc = cli_sub_open(x)) != 0 || (rc = how->fn(x->app, &x->who, pos[0], &x->err)) != 0 ||
	    (rc = admin_digest(x->app, &x->who, digest, &x->err)) != 0)
		return rc;
	printf(how->done, x->c->db, pos[0], digest, x->c->db, pos[0], digest);
	return 0;
}

static int backup(struct cli_sub *x, int argc, char **argv)
{
	return copy(x, argc, argv, &backup_copy);
}

static int restore(struct cli_sub *x, int argc, char **argv)
{
	return copy(x, argc, argv, &restore_copy);
}

const struct cmd_entry cmd_backup_entry = {
    .name = "backup",
    .usage = "backup OUT",
    .help = "Sao lưu trực tuyến / online backup to a new file",
    .run = backup,
};

const struct cmd_entry cmd_restore_entry = {
    .name = "restore",
    .usage = "restore IN",
    .help = "Khôi phục từ bản sao lưu / restore from a backup",
    .run = restore,
    .flags = APP_CREATE,
};
