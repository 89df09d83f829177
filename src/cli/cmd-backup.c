/*
 * cmd-backup.c - "hoso backup OUT [--key FILE]": a verified, consistent
 * copy of the database taken while others go on writing (encrypted with
 * --key); "hoso backup --to-dir DIR [--keep-daily N] [--keep-weekly N]
 * [--keep-monthly N] [--key FILE]": the same, named by the time, with
 * grandfather-father-son retention (the timer's job); "hoso backup keygen
 * FILE": a new key file; "hoso restore IN [--key FILE]": the way back,
 * the backup checked before it replaces the database, which is kept
 * aside.  Backup and restore end by printing the database's digest, to
 * compare with the other side.
 */
#include <stdio.h>
#include <string.h>

#include "app/admin.h"
#include "app/backup.h"
#include "cli/cli.h"
#include "cli/config.h"

#include "core/banned.h"

static void said_pruned(const char *path, void *arg)
{
	(void)arg;
	printf("Đã xoá bản cũ / pruned: %s\n", path);
}

static int keygen(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	size_t npos;
	int rc = cli_parse(x->cmd, argc, argv, 2, NULL, pos, 1, &npos);

	if (rc != 0)
		return rc;
	if (npos != 1)
		return cli_usage(x->cmd, "Thiếu tệp khoá", "The key file is missing");
	if ((rc = backup_key_generate(pos[0], &x->err)) < 0)
		return rc;
	printf("Đã tạo khoá %s (chỉ người dùng này đọc được; hãy cất một bản sao ở nơi an toàn, "
	       "mất khoá là mất bản sao lưu)\n"
	       "Created the key %s (readable by this user only; keep a copy somewhere safe: "
	       "without it the backups cannot be read)\n",
	       pos[0], pos[0]);
	return 0;
}

/* The configuration's backup key (backup_key), or NULL for none. */
static const char *conf_key(const struct cli_sub *x)
{
	const char *k = x->c->conf->backup_key;

	return k && *k ? k : NULL;
}

/* How many of a period's backups to keep: the option's, else the
 * configuration's (keep_daily...). */
static int keep_count(const char *opt, const char *s, int64_t conf, int *ret)
{
	int64_t n = conf;
	int rc = s ? cli_number(opt, s, 0, 100000, &n) : 0;

	*ret = (int)n;
	return rc;
}

static int backup(struct cli_sub *x, int argc, char **argv)
{
	const struct hoso_conf *conf = x->c->conf;
	const char *key = conf_key(x), *dir = NULL, *kd = NULL, *kw = NULL, *km = NULL, *pos[1];
	int scheduled = 0;
	const struct cli_opt opts[] = {{"--key", &key},
	                               {"--to-dir", &dir},
	                               {"--keep-daily", &kd},
	                               {"--keep-weekly", &kw},
	                               {"--keep-monthly", &km},
	                               {"--scheduled", NULL, &scheduled},
	                               {NULL}};
	struct admin_backup_done d;
	int daily, weekly, monthly, rc;
	size_t npos;

	if (argc > 1 && strcmp(argv[1], "keygen") == 0)
		return keygen(x, argc, argv);
	if ((rc = cli_parse(x->cmd, argc, argv, x->first, opts, pos, 1, &npos)) != 0)
		return rc;
	/* the timer's backup: where and how many the configuration says */
	if (scheduled && !dir)
		dir = conf->backup_dir;
	if ((npos == 1) == (dir != NULL))
		return cli_usage(x->cmd, "Cần đúng một trong hai: tệp đích hoặc --to-dir",
		                 "Give either the output file or --to-dir");
	if (!dir && (kd || kw || km))
		return cli_usage(x->cmd, "--keep-* chỉ đi cùng --to-dir",
		                 "--keep-* go with --to-dir only");
	if ((rc = keep_count("--keep-daily", kd, conf->keep_daily, &daily)) != 0 ||
	    (rc = keep_count("--keep-weekly", kw, conf->keep_weekly, &weekly)) != 0 ||
	    (rc = keep_count("--keep-monthly", km, conf->keep_monthly, &monthly)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = dir ? admin_backup_dir(x->app, &x->who, dir, key, daily, weekly, monthly, said_pruned,
	                            NULL, &d, &x->err)
	         : admin_backup(x->app, &x->who, pos[0], key, &d, &x->err);
	if (rc < 0)
		return rc;
	printf("Đã sao lưu %s vào %s (%s%lld byte, %.2f giây; đã kiểm tra: toàn vẹn, chuỗi nhật "
	       "ký %lld mục)\n"
	       "Backed up %s to %s (%s%lld bytes, %.2f s; verified: integrity, audit chain of %lld "
	       "entries)\n"
	       "SHA-256 %s (%s.sha256)\n"
	       "Mã kiểm tra / digest %s\n",
	       x->c->db, d.path, d.encrypted ? "mã hoá, " : "", (long long)d.bytes, d.seconds,
	       (long long)d.entries, x->c->db, d.path, d.encrypted ? "encrypted, " : "",
	       (long long)d.bytes, d.seconds, (long long)d.entries, d.sha256, d.path, d.digest);
	return 0;
}

static int restore(struct cli_sub *x, int argc, char **argv)
{
	const char *key = conf_key(x), *pos[1];
	const struct cli_opt opts[] = {{"--key", &key}, {NULL}};
	struct admin_restore_done d;
	char digest[65];
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu tệp sao lưu",
	                   "The backup file is missing")) != 0 ||
	    (rc = admin_restore(x->c->db, &x->who, pos[0], key, &d, &x->err)) < 0)
		return rc;
	if (d.aside[0])
		printf("Đã giữ lại cơ sở dữ liệu cũ tại %s\nThe replaced database is kept as %s\n",
		       d.aside, d.aside);
	if ((rc = cli_sub_open(x)) != 0 ||
	    (rc = admin_digest(x->app, &x->who, digest, &x->err)) != 0)
		return rc;
	printf("Đã khôi phục %s từ %s (đã kiểm tra: toàn vẹn, chuỗi nhật ký %lld mục)\n"
	       "Restored %s from %s (verified: integrity, audit chain of %lld entries)\n"
	       "Mã kiểm tra / digest %s\n",
	       x->c->db, pos[0], (long long)d.entries, x->c->db, pos[0], (long long)d.entries,
	       digest);
	return 0;
}

const struct cmd_entry cmd_backup_entry = {
    .name = "backup",
    .usage = "backup OUT [--key FILE] | backup --to-dir DIR|--scheduled [--keep-daily N] "
             "[--keep-weekly N] [--keep-monthly N] [--key FILE] | backup keygen FILE",
    .help = "Sao lưu trực tuyến, đã kiểm tra / online, verified backup",
    .run = backup,
};

const struct cmd_entry cmd_restore_entry = {
    .name = "restore",
    .usage = "restore IN [--key FILE]",
    .help = "Khôi phục từ bản sao lưu (kiểm tra trước) / restore from a backup (checked first)",
    .run = restore,
    .flags = APP_CREATE,
};
