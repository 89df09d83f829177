/*
 * cmd-stay.c - "hoso case" subcommand of a member's stay abroad
 * (src/app/stay.c).
 *
 *   case stay ID --country C --purpose P --arrangement A --start D --until D [--last-contact D]
 */
#include <stdio.h>
#include <string.h>

#include "app/stay.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int stay_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct stay_input in = {.last_contact = DATE_NONE};
	const char *start = NULL, *until = NULL, *contact = NULL;
	/* in the order of enum stay_field */
	const struct cli_opt opts[] = {
	    [STAY_COUNTRY] = {"--country", &in.country, .need = 1},
	    [STAY_PURPOSE] = {"--purpose", &in.purpose, .need = 1},
	    [STAY_ARRANGEMENT] = {"--arrangement", &in.arrangement, .need = 1},
	    [STAY_START] = {"--start", &start, .need = 1, .day = &in.start},
	    [STAY_EXPECTED_END] = {"--until", &until, .need = 1, .day = &in.expected_end},
	    [STAY_LAST_CONTACT] = {"--last-contact", &contact, .day = &in.last_contact},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id,
	                      "Cần ID, --country, --purpose, --arrangement, --start, --until",
	                      "ID, --country, --purpose, --arrangement, --start, --until are "
	                      "needed")) != 0)
		return rc;
	in.sent = cli_sent(opts);
	return stay_set(x->app, &x->who, id, &in, &x->err);
}

const struct cli_subcmd cmd_case_stay[] = {
    {"stay", stay_cmd,
     "stay ID --country C --purpose P --arrangement A --start D --until D [--last-contact D]"},
    {NULL},
};
