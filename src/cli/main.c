/*
 * main.c - the hoso command: global options, then one subcommand from the
 * table below (one file per subcommand: cmd-<name>.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "build.h"
#include "cli/cli.h"
#include "cli/config.h"

#include "core/banned.h"

static const struct cmd_entry *const commands[] = {
    &cmd_init_entry,    &cmd_demo_entry,   &cmd_org_entry,      &cmd_person_entry,
    &cmd_case_entry,    &cmd_import_entry, &cmd_cal_entry,      &cmd_backup_entry,
    &cmd_restore_entry, &cmd_check_entry,  &cmd_serve_entry,    &cmd_user_entry,
    &cmd_audit_entry,   &cmd_report_entry, &cmd_petition_entry, &cmd_config_entry,
    &cmd_upgrade_entry,
};

static void usage(FILE *f)
{
	fprintf(f,
	        "hoso %s - hồ sơ công tác bảo vệ chính trị nội bộ\n"
	        "Cách dùng / usage: hoso [--db FILE] [--config FILE] <lệnh> ...\n\n",
	        HOSO_VERSION);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		fprintf(f, "  hoso %s\n", commands[i]->usage);
		for (const struct cli_subcmd *const *p = commands[i]->parts; p && *p; p++) {
			struct buf part = BUF_INIT(4096);

			if (cli_part_usage(commands[i], *p, &part) == 0)
				fprintf(f, "  hoso %s\n", part.buf);
			buf_release(&part);
		}
		fprintf(f, "      %s\n", commands[i]->help);
	}
	fprintf(f,
	        "\nCơ sở dữ liệu / database: --db FILE, hoặc $HOSO_DB, hoặc tệp cấu hình / "
	        "or the configuration file, hoặc / or ./hoso.db\n"
	        "Tệp cấu hình / configuration file: --config FILE, hoặc $HOSO_CONFIG, hoặc "
	        "/ or %s (xem / see man hoso)\n",
	        HOSO_CONFIG_FILE);
}

/* The command named name, or NULL. */
static const struct cmd_entry *command(const char *name)
{
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(commands[k]->name, name) == 0)
			return commands[k];
	return NULL;
}

int main(int argc, char **argv)
{
	struct cli c = {.prog = argv[0]};
	const char *db_opt = NULL, *config_opt = NULL;
	const struct cmd_entry *cmd;
	struct hoso_conf conf;
	int i = 1, rc;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--config") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "hoso: %s cần tên tệp / %s needs a file name\n",
				        argv[i], argv[i]);
				return EXIT_USAGE;
			}
			if (strcmp(argv[i], "--db") == 0)
				db_opt = argv[++i];
			else
				config_opt = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("hoso %s (bản dựng / build %s; lược đồ CSDL / schema %d)\n",
			       HOSO_VERSION, HOSO_BUILD, app_latest_schema_version());
			return 0;
		} else {
			fprintf(stderr, "hoso: tùy chọn không hợp lệ / unknown option: %s\n",
			        argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!(cmd = command(argv[i]))) {
		fprintf(stderr, "hoso: lệnh không hợp lệ / unknown command: %s\n", argv[i]);
		usage(stderr);
		return EXIT_USAGE;
	}
	/* A bad configuration stops every command but `hoso config`, which
	 * reports it itself. */
	config_init(&conf);
	if (config_setup(&conf, config_opt, db_opt, cmd == &cmd_config_entry ? NULL : stderr) > 0 &&
	    cmd != &cmd_config_entry) {
		fprintf(stderr,
		        "hoso: tệp cấu hình có lỗi / the configuration file has errors: %s\n",
		        conf.path);
		config_release(&conf);
		return EXIT_BAD_INPUT;
	}
	c.db = conf.db;
	c.conf = &conf;
	rc = cli_exec(&c, cmd, argc - i, argv + i);
	config_release(&conf);
	return rc;
}
