/*
 * cmd-init.c - "hoso init": create (or upgrade) the database file.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/store.h"

#include "core/banned.h"

static int cmd_init_exec(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	size_t npos;
	struct app *app;
	int existed = access(c->db, F_OK) == 0, rc;

	if ((rc = cli_parse(&cmd_init_entry, argc, argv, 1, NULL, pos, 0, &npos)) != 0)
		return rc;
	if ((rc = cli_open(c, STORE_CREATE, &app)) != 0)
		return rc;
	app_close(app);
	if (existed)
		printf("Cơ sở dữ liệu %s đã có, đã cập nhật lên phiên bản %d\n"
		       "Database %s exists; schema is at version %d\n",
		       c->db, store_latest_schema_version(), c->db, store_latest_schema_version());
	else
		printf("Đã tạo cơ sở dữ liệu %s\nCreated database %s\n", c->db, c->db);
	return 0;
}

const struct cmd_entry cmd_init_entry = {
    .name = "init",
    .usage = "init",
    .help = "Tạo cơ sở dữ liệu mới / create the database",
    .exec = cmd_init_exec,
};
