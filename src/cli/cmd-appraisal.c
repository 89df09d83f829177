/*
 * cmd-appraisal.c - "hoso case" subcommands of political-standard
 * appraisals (src/app/appraisal.c).
 *
 *   case appraisal ID [--requester R] [--outcome O] [--position P]
 *   case appraisal-doc ID --name N [--missing]
 *
 * "case appraisal" changes the fields given (the others keep their value).
 */
#include <stdio.h>
#include <string.h>

#include "app/appraisal.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int appraisal_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct appraisal_input in = {0};
	/* in the order of enum appraisal_field */
	const struct cli_opt opts[] = {[APPRAISAL_REQUESTER] = {"--requester", &in.requester},
	                               [APPRAISAL_OUTCOME] = {"--outcome", &in.outcome},
	                               [APPRAISAL_POSITION] = {"--position", &in.position},
	                               {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID", "ID is required")) != 0)
		return rc;
	in.sent = cli_sent(opts);
	return appraisal_set(x->app, &x->who, id, &in, &x->err);
}

static int appraisal_doc_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *name = NULL;
	int missing = 0;
	const struct cli_opt opts[] = {
	    {"--name", &name, .need = 1}, {"--missing", NULL, &missing}, {NULL}};
	int64_t id, doc;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --name",
	                      "ID and --name are required")) != 0)
		return rc;
	rc = appraisal_doc_put(x->app, &x->who, id, name, !missing, &doc, &x->err);
	return cli_print_id(rc, doc);
}

const struct cli_subcmd cmd_case_appraisal[] = {
    {"appraisal", appraisal_cmd, "appraisal ID [--requester R] [--outcome O] [--position P]"},
    {"appraisal-doc", appraisal_doc_cmd, "appraisal-doc ID --name N [--missing]"},
    {NULL},
};
