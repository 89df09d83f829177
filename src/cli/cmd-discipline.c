/*
 * cmd-discipline.c - "hoso case" subcommand of discipline decisions
 * (src/app/discipline.c).
 *
 *   case discipline ID --form F (--org CODE | --person ID) --violation D
 *                   [--decided D] [--internal-political]
 */
#include <stdio.h>
#include <string.h>

#include "app/discipline.h"
#include "app/org.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int discipline_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct discipline_input in = {.violation = DATE_NONE, .decided = DATE_NONE};
	const char *pos[1], *org = NULL, *person = NULL, *violation = NULL, *decided = NULL;
	const struct cli_opt opts[] = {
	    {"--form", &in.form},
	    {"--org", &org},
	    {"--person", &person},
	    {"--violation", &violation},
	    {"--decided", &decided},
	    {"--internal-political", NULL, &in.internal_political},
	    {NULL},
	};
	int64_t id, disc;
	size_t npos;
	int rc;

	if ((rc = cli_parse(x->cmd, argc, argv, x->first, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1 || !in.form || !violation || !org == !person)
		return cli_usage(x->cmd, "Cần ID, --form, --violation và --org hoặc --person",
		                 "ID, --form, --violation and --org or --person are needed");
	if ((rc = cli_id(pos[0], &id)) != 0 ||
	    (rc = cli_date("--violation", violation, &in.violation)) != 0 ||
	    (decided && (rc = cli_date("--decided", decided, &in.decided)) != 0) ||
	    (person && (rc = cli_id(person, &in.person_id)) != 0) || (rc = cli_sub_open(x)) != 0)
		return rc;
	if (org && (rc = org_find(x->app, &x->who, org, &in.org_id, &x->err)) < 0)
		return rc;
	rc = discipline_decide(x->app, &x->who, id, &in, &disc, &x->err);
	return cli_print_id(rc, disc);
}

const struct cli_subcmd cmd_case_discipline[] = {
    {"discipline", discipline_cmd,
     "discipline ID --form F (--org C | --person ID) --violation D [--decided D] "
     "[--internal-political]"},
    {NULL},
};
