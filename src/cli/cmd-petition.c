/*
 * cmd-petition.c - the register of incoming letters from the command line
 * (app/petition.h), for the local operator:
 *
 *   hoso petition add --org CODE --received D --channel C --kind K
 *        --sender-status S [--sender-name N] [--sender-address A]
 *        --summary T [--subject-org CODE]... [--subject-person ID]...
 *        [--contested-case ID] [--decision-received D] [--confidentiality C]
 *   hoso petition list [--org CODE] [--state S] [--json]
 *   hoso petition show ID            (never the sender)
 *   hoso petition sender ID          (audited)
 *   hoso petition classify ID --action thu_ly|chuyen|luu [--transfer-to T]
 *        [--transfer-number N] [--transfer-date D] [--reason R] [--note N]
 *   hoso petition scan ID FILE [--name N]   a scan kept with the letter
 *   hoso petition scan-get SCAN --out FILE  (read as the sender is; audited)
 */
#include <stdio.h>
#include <string.h>

#include "app/org.h"
#include "app/petition.h"
#include "app/user.h"
#include "cli/cli.h"

#include "core/banned.h"

static int subjects(struct cli_sub *x, const char **orgs_s, size_t norgs, int64_t *orgs,
                    const char **persons_s, size_t npersons, int64_t *persons)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < npersons; i++)
		rc = cli_id(persons_s[i], &persons[i]);
	if (rc == 0)
		rc = cli_sub_open(x);
	for (size_t i = 0; rc == 0 && i < norgs; i++)
		rc = org_find(x->app, &x->who, orgs_s[i], &orgs[i], &x->err);
	return rc;
}

static int add_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *org = NULL, *received = NULL, *contested = NULL, *decided = NULL, *conf = NULL;
	const char *orgs_s[PETITION_SUBJECTS_MAX], *persons_s[PETITION_SUBJECTS_MAX];
	size_t norgs = 0, npersons = 0;
	struct petition_input in = {.decision_received = DATE_NONE};
	const struct cli_opt opts[] = {
	    {"--org", &org, .need = 1},
	    {"--received", &received, .need = 1, .day = &in.received},
	    {"--channel", &in.channel, .need = 1},
	    {"--kind", &in.kind, .need = 1},
	    {"--sender-status", &in.sender_status, .need = 1},
	    {"--sender-name", &in.sender_name},
	    {"--sender-address", &in.sender_address},
	    {"--summary", &in.summary, .need = 1},
	    {"--contested-case", &contested},
	    {"--decision-received", &decided, .day = &in.decision_received},
	    {"--confidentiality", &conf},
	    {"--subject-org", NULL, NULL, orgs_s, &norgs, PETITION_SUBJECTS_MAX},
	    {"--subject-person", NULL, NULL, persons_s, &npersons, PETITION_SUBJECTS_MAX},
	    {NULL},
	};
	int64_t orgs[PETITION_SUBJECTS_MAX], persons[PETITION_SUBJECTS_MAX], id = 0;
	enum clearance c = CLEARANCE_NORMAL;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0,
	                   "Cần --org, --received, --channel, --kind, --sender-status, --summary",
	                   "--org, --received, --channel, --kind, --sender-status, --summary "
	                   "are required")) != 0 ||
	    (contested && (rc = cli_id(contested, &in.contested_case)) != 0) ||
	    (conf &&
	     (rc = cli_clearance(x, conf, "--confidentiality", "--confidentiality", &c)) != 0))
		return rc;
	if ((rc = subjects(x, orgs_s, norgs, orgs, persons_s, npersons, persons)) != 0)
		return rc;
	in.confidentiality = (int)c;
	in.orgs = orgs;
	in.norgs = norgs;
	in.persons = persons;
	in.npersons = npersons;
	if ((rc = org_find(x->app, &x->who, org, &in.org, &x->err)) == 0)
		rc = petition_add(x->app, &x->who, &in, &id, &x->err);
	return cli_print_id(rc, id);
}

static int list_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *org = NULL;
	struct petition_filter f = {.from = DATE_NONE, .to = DATE_NONE, .limit = 500};
	int json = 0, rc;
	const struct cli_opt opts[] = {
	    {"--org", &org}, {"--state", &f.state}, {"--json", NULL, &json}, {NULL}};
	json_t *j = NULL, *v;
	size_t i;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0 ||
	    (org && (rc = org_find(x->app, &x->who, org, &f.org, &x->err)) != 0) ||
	    (rc = petition_list(x->app, &x->who, &f, &x->a, &j, &x->err)) != 0)
		return rc;
	if (json) {
		cli_print_json(j);
		return 0;
	}
	json_array_foreach(json_object_get(j, "petitions"), i, v)
	{
		printf("%6lld  %s  %-16s %-8s %-10s ",
		       (long long)json_integer_value(json_object_get(v, "id")),
		       json_string_value(json_object_get(v, "received")),
		       json_string_value(json_object_get(v, "kind")),
		       json_string_value(json_object_get(v, "state")),
		       json_string_value(json_object_get(v, "org")));
		cli_print_padded(json_string_value(json_object_get(v, "summary")), 50);
		printf("\n");
	}
	json_decref(j);
	return 0;
}

/* show ID | sender ID */
static int one_id(struct cli_sub *x, int argc, char **argv, int64_t *ret)
{
	const char *pos[1];
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, pos, 1, "Cần ID của đơn",
	                   "The letter's ID is needed")) != 0 ||
	    (rc = cli_id(pos[0], ret)) != 0)
		return rc;
	return cli_sub_open(x);
}

static int show_cmd(struct cli_sub *x, int argc, char **argv)
{
	json_t *j = NULL;
	int64_t id;
	int rc;

	if ((rc = one_id(x, argc, argv, &id)) != 0 ||
	    (rc = petition_get(x->app, &x->who, id, &x->a, &j, &x->err)) != 0)
		return rc;
	cli_print_json(j);
	return 0;
}

static int sender_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *name, *address;
	int64_t id;
	int rc;

	if ((rc = one_id(x, argc, argv, &id)) != 0 ||
	    (rc = petition_sender(x->app, &x->who, id, &x->a, &name, &address, &x->err)) != 0)
		return rc;
	printf("%s\n%s\n", name ? name : "", address ? address : "");
	return 0;
}

static int classify_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *action = NULL, *day = NULL;
	struct petition_classify_input in = {.transfer_date = DATE_NONE};
	const struct cli_opt opts[] = {
	    {"--action", &action, .need = 1},
	    {"--transfer-to", &in.transfer_to},
	    {"--transfer-number", &in.transfer_number},
	    {"--transfer-date", &day, .day = &in.transfer_date},
	    {"--reason", &in.reason},
	    {"--note", &in.note},
	    {NULL},
	};
	json_t *j = NULL;
	int64_t id, case_id = 0;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID của đơn và --action",
	                      "The letter's ID and --action are needed")) != 0)
		return rc;
	if (petition_action_parse(action, &in.action) < 0)
		return cli_usage(x->cmd, "--action là thu_ly, chuyen hoặc luu",
		                 "--action is thu_ly, chuyen or luu");
	if ((rc = cli_sub_open(x)) != 0 ||
	    (rc = petition_get(x->app, &x->who, id, &x->a, &j, &x->err)) != 0)
		return rc;
	in.version = json_integer_value(json_object_get(j, "version"));
	json_decref(j);
	if ((rc = petition_classify(x->app, &x->who, id, &in, &case_id, &x->err)) == 0 && case_id)
		printf("%s %lld\n", action, (long long)case_id);
	else if (rc == 0)
		printf("%s\n", action);
	return rc;
}

static int scan_cmd(struct cli_sub *x, int argc, char **argv)
{
	return cli_file_add(x, argc, argv, petition_scan_add);
}

static int scan_get_cmd(struct cli_sub *x, int argc, char **argv)
{
	return cli_file_get(x, argc, argv, petition_scan_read);
}

static const struct cli_subcmd subs[] = {
    {"add", add_cmd},           {"list", list_cmd},         {"show", show_cmd},
    {"sender", sender_cmd},     {"classify", classify_cmd}, {"scan", scan_cmd},
    {"scan-get", scan_get_cmd},
};

const struct cmd_entry cmd_petition_entry = {
    .name = "petition",
    .usage = "petition add --org CODE --received D --channel C --kind K --sender-status S "
             "[--sender-name N] [--sender-address A] --summary T [--subject-org CODE]... "
             "[--subject-person ID]... [--contested-case ID] [--decision-received D] "
             "[--confidentiality C] | list [--org CODE] [--state S] [--json] | show ID | sender "
             "ID | classify ID --action thu_ly|chuyen|luu [--transfer-to T] [--transfer-number N] "
             "[--transfer-date D] [--reason R] [--note N] | scan ID FILE [--name N] | scan-get "
             "SCAN --out FILE",
    .help = "Sổ tiếp nhận đơn thư / the register of incoming letters",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
