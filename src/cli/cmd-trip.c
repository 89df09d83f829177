/*
 * cmd-trip.c - "hoso case" subcommands of trips abroad (src/app/trip.c).
 *
 *   case trip ID --purpose P --countries C --depart D --return D [--funding F] [--in-plan]
 *   case traveller ID --person PID [--leader] [--commitment]
 *   case traveller-update TRAVELLER --event commitment|departed|returned|report [--date D]
 *
 * "case trip" changes the fields given (the others keep their value).
 */
#include <stdio.h>
#include <string.h>

#include "app/trip.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int trip_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct trip_input in = {0};
	const char *depart = NULL, *back = NULL;
	/* in the order of enum trip_field */
	const struct cli_opt opts[] = {
	    [TRIP_PURPOSE] = {"--purpose", &in.purpose, .need = 1},
	    [TRIP_COUNTRIES] = {"--countries", &in.countries, .need = 1},
	    [TRIP_FUNDING] = {"--funding", &in.funding},
	    [TRIP_DEPART] = {"--depart", &depart, .need = 1, .day = &in.depart},
	    [TRIP_COME_BACK] = {"--return", &back, .need = 1, .day = &in.come_back},
	    [TRIP_IN_PLAN] = {"--in-plan", NULL, &in.in_plan},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id,
	                      "Cần ID, --purpose, --countries, --depart và --return",
	                      "ID, --purpose, --countries, --depart and --return are needed")) != 0)
		return rc;
	in.sent = cli_sent(opts);
	return trip_set(x->app, &x->who, id, &in, &x->err);
}

static int traveller_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *person = NULL;
	int leader = 0, commitment = 0;
	const struct cli_opt opts[] = {{"--person", &person, .need = 1},
	                               {"--leader", NULL, &leader},
	                               {"--commitment", NULL, &commitment},
	                               {NULL}};
	int64_t id, pid, out;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --person",
	                      "ID and --person are needed")) != 0 ||
	    (rc = cli_id(person, &pid)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = traveller_add(x->app, &x->who, id, pid, leader, commitment, &out, &x->err);
	return cli_print_id(rc, out);
}

static int traveller_update_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *event = NULL, *date = NULL;
	int32_t day = DATE_NONE;
	int ev;
	const struct cli_opt opts[] = {
	    {"--event", &event, .need = 1, .codes = &traveller_events, .index = &ev},
	    {"--date", &date, .day = &day},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id,
	                      "Cần mã người đi và --event commitment|departed|returned|report",
	                      "The traveller and --event commitment|departed|returned|report are "
	                      "needed")) != 0)
		return rc;
	return traveller_record(x->app, &x->who, id, (enum traveller_event)ev, day, 0, &x->err);
}

const struct cli_subcmd cmd_case_trip[] = {
    {"trip", trip_cmd,
     "trip ID --purpose P --countries C --depart D --return D [--funding F] [--in-plan]"},
    {"traveller", traveller_cmd, "traveller ID --person PID [--leader] [--commitment]"},
    {"traveller-update", traveller_update_cmd, "traveller-update T --event E [--date D]"},
    {NULL},
};
