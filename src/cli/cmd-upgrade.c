/*
 * cmd-upgrade.c - "hoso upgrade [--backup-dir DIR] [--key FILE]": bring
 * the database to this program's schema, after a verified backup of a
 * database that holds data (the service's ExecStartPre=).  Refuses a
 * database newer than this program.
 */
#include <stdio.h>

#include "app/admin.h"
#include "cli/cli.h"
#include "cli/config.h"

#include "core/banned.h"

static int upgrade(struct cli_sub *x, int argc, char **argv)
{
	/* the backup directory and key a configuration file names, unless
	 * given (else beside the database, as before) */
	const struct hoso_conf *conf = x->c->conf;
	const char *dir = conf->origin[CONFIG_BACKUP_DIR].from == CONFIG_FROM_FILE
	                      ? conf->backup_dir
	                      : NULL,
	           *key = conf->backup_key && *conf->backup_key ? conf->backup_key : NULL;
	const struct cli_opt opts[] = {{"--backup-dir", &dir}, {"--key", &key}, {NULL}};
	struct admin_upgrade_done d;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, "Thừa tham số", "Too many arguments")) !=
	        0 ||
	    (rc = admin_upgrade(x->c->db, &x->who, dir, key, &d, &x->err)) < 0)
		return rc;
	if (d.missing) {
		printf("Chưa có cơ sở dữ liệu %s: không có gì để nâng cấp\n"
		       "No database at %s yet: nothing to upgrade\n",
		       x->c->db, x->c->db);
		return 0;
	}
	if (d.from == d.to) {
		printf("%s đã ở phiên bản lược đồ %d, không cần nâng cấp\n"
		       "%s is at schema version %d already: nothing to do\n",
		       x->c->db, d.to, x->c->db, d.to);
		return 0;
	}
	if (d.backed_up)
		printf(
		    "Đã sao lưu trước khi nâng cấp vào %s (đã kiểm tra bằng cách nâng cấp thử một "
		    "bản sao; SHA-256 %s)\n"
		    "Backed up before the upgrade to %s (verified by upgrading a copy of it; "
		    "SHA-256 %s)\n",
		    d.backup.path, d.backup.sha256, d.backup.path, d.backup.sha256);
	printf("Đã nâng cấp %s từ phiên bản lược đồ %d lên %d\n"
	       "Upgraded %s from schema version %d to %d\n",
	       x->c->db, d.from, d.to, x->c->db, d.from, d.to);
	return 0;
}

const struct cmd_entry cmd_upgrade_entry = {
    .name = "upgrade",
    .usage = "upgrade [--backup-dir DIR] [--key FILE]",
    .help = "Nâng cấp cơ sở dữ liệu, sao lưu trước / upgrade the database, backing it up first",
    .run = upgrade,
};
