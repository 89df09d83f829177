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

static const struct cmd_entry *self(void)
{
	return &cmd_case_admission;
}

static int relative_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct app *app = NULL;
	struct relative_row in = {0};
	const char *pos[1];
	const struct cli_opt opts[] = {{"--relation", &in.relation},
	                               {"--name", &in.full_name},
	                               {"--member", NULL, &in.is_member},
	                               {"--exempt", &in.exempt_reason},
	                               {NULL}};
	int64_t id, out;
	struct err e;
	size_t npos;
	int rc;

	if ((rc = cli_parse(self(), argc, argv, 2, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1 || !in.relation || !in.full_name)
		return cli_usage(self(), "Cần ID, --relation và --name",
		                 "ID, --relation and --name are needed");
	if ((rc = cli_id(pos[0], &id)) != 0)
		return rc;
	err_init(&e);
	if ((rc = cli_sub_open(x, &app)) != 0)
		return rc;
	if ((rc = relative_add(app, &x->who, id, &in, &out, &e)) == 0)
		printf("%lld\n", (long long)out);
	return cli_done(rc, &e);
}

static const struct cli_subcmd subs[] = {
    {"relative", relative_cmd},
};

const struct cmd_entry cmd_case_admission = {
    .name = "case",
    .usage = "case relative ID --relation R --name N [--member] [--exempt REASON]",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
