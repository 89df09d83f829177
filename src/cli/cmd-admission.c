/*
 * cmd-admission.c - "hoso case" subcommand of admission background checks
 * (src/app/admission.c).
 *
 *   case relative ID --relation R --name N [--member] [--exempt REASON]
 */
#include <stdio.h>
#include <string.h>

#include "app/admission.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int relative_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct relative_row in = {0};
	const struct cli_opt opts[] = {{"--relation", &in.relation, .need = 1},
	                               {"--name", &in.full_name, .need = 1},
	                               {"--member", NULL, &in.is_member},
	                               {"--exempt", &in.exempt_reason},
	                               {NULL}};
	int64_t id, out;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID, --relation và --name",
	                      "ID, --relation and --name are needed")) != 0)
		return rc;
	rc = relative_add(x->app, &x->who, id, &in, &out, &x->err);
	return cli_print_id(rc, out);
}

const struct cli_subcmd cmd_case_admission[] = {
    {"relative", relative_cmd, "relative ID --relation R --name N [--member] [--exempt REASON]"},
    {NULL},
};
