/*
 * cmd-config.c - "hoso config check [FILE]": validate a configuration file,
 * every error with its line; "hoso config show": the settings in effect
 * and where each came from (config.h).
 */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/config.h"

#include "core/banned.h"

/* Load path into a configuration of its own, errors on stderr; the
 * number of errors, summed up on stderr when there are any. */
static size_t load_reporting(const char *path)
{
	struct hoso_conf c;
	size_t n;

	config_init(&c);
	n = config_load(&c, path, stderr);
	config_release(&c);
	if (n)
		fprintf(stderr, "hoso: %zu lỗi trong / %zu error(s) in %s\n", n, n, path);
	return n;
}

static int check_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1], *path;
	size_t npos;
	int rc = cli_parse(x->cmd, argc, argv, x->first, NULL, pos, 1, &npos);

	if (rc != 0)
		return rc;
	path = npos ? pos[0] : x->c->conf->path;
	if (!path) {
		printf("Không có tệp cấu hình: dùng giá trị mặc định / no configuration file: the "
		       "built-in defaults apply (%s)\n",
		       HOSO_CONFIG_FILE);
		return 0;
	}
	if (load_reporting(path) > 0)
		return EXIT_BAD_INPUT;
	printf("Cấu hình hợp lệ / configuration valid: %s\n", path);
	return 0;
}

static int show_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct hoso_conf *c = x->c->conf;
	size_t npos;
	int rc = cli_parse(x->cmd, argc, argv, x->first, NULL, NULL, 0, &npos);

	if (rc != 0)
		return rc;
	if (c->failed) {
		load_reporting(c->path);
		return EXIT_BAD_INPUT;
	}
	printf("# tệp cấu hình / configuration file: %s\n", c->path ? c->path : "không có / none");
	for (int k = 0; k < CONFIG__MAX; k++)
		printf("%s = %s  # %s\n", config_key_name(k), config_value(c, k),
		       config_origin(c, k));
	return 0;
}

static const struct cli_subcmd subs[] = {{"check", check_cmd}, {"show", show_cmd}};

const struct cmd_entry cmd_config_entry = {
    .name = "config",
    .usage = "config check [FILE] | config show",
    .help = "Kiểm tra tệp cấu hình, xem cấu hình đang dùng / check the configuration file, show "
            "the settings in effect",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
