/*
 * cmd-finding.c - "hoso case" subcommands of an inspection's findings and
 * remedial actions (src/app/finding.c).
 *
 *   case actor ID --actor A        who inspects (src/app/inspection.c)
 *   case finding ID --text T --conclusion C [--subject SUBJECT_ID]
 *   case remedy FINDING --action A --owner O --due D
 *   case remedy-done REMEDY --result R [--date D]
 *   case remedies
 */
#include <stdio.h>
#include <string.h>

#include "app/finding.h"
#include "app/inspection.h"
#include "app/patch.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int actor_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct inspection_input in = {.sent = PATCH_LISTED | 1u << INSPECTION_ACTOR};
	const struct cli_opt opts[] = {{"--actor", &in.actor, .need = 1}, {NULL}};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --actor",
	                      "ID and --actor are needed")) != 0)
		return rc;
	return inspection_set(x->app, &x->who, id, &in, &x->err);
}

static int finding_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *text = NULL, *conclusion = NULL, *subject = NULL;
	const struct cli_opt opts[] = {{"--text", &text, .need = 1},
	                               {"--conclusion", &conclusion, .need = 1},
	                               {"--subject", &subject},
	                               {NULL}};
	int64_t id, subj = 0, out;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID, --text và --conclusion",
	                      "ID, --text and --conclusion are needed")) != 0 ||
	    (subject && (rc = cli_id(subject, &subj)) != 0) || (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = finding_add(x->app, &x->who, id, subj, text, conclusion, &out, &x->err);
	return cli_print_id(rc, out);
}

static int remedy_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *action = NULL, *owner = NULL, *due_s = NULL;
	int32_t due;
	const struct cli_opt opts[] = {{"--action", &action, .need = 1},
	                               {"--owner", &owner, .need = 1},
	                               {"--due", &due_s, .need = 1, .day = &due},
	                               {NULL}};
	int64_t id, out;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id,
	                      "Cần mã nội dung kết luận, --action, --owner và --due",
	                      "The finding, --action, --owner and --due are needed")) != 0)
		return rc;
	rc = remedy_add(x->app, &x->who, id, action, owner, due, &out, &x->err);
	return cli_print_id(rc, out);
}

static int remedy_done_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *result = NULL, *date = NULL;
	int32_t day = DATE_NONE;
	const struct cli_opt opts[] = {
	    {"--result", &result, .need = 1}, {"--date", &date, .day = &day}, {NULL}};
	int64_t id, version = 1;
	int rc;

	if ((rc =
	         cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã việc khắc phục và --result",
	                     "The remedial action and --result are needed")) != 0)
		return rc;
	/* an action is done once: its first version is the one to close */
	return remedy_done(x->app, &x->who, id, day, result, version, &x->err);
}

static int remedies_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct remedy_item *v;
	size_t n;
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = remedy_overdue(x->app, &x->who, 1000, &x->a, &v, &n, &x->err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char due[DATE_BUF];

		date_format_vn(v[i].r.due, due);
		printf("%lld\t%s\thạn %s\t%s\t%s\n", (long long)v[i].r.id, v[i].c.number, due,
		       v[i].r.owner, v[i].r.action);
	}
	return rc;
}

const struct cli_subcmd cmd_case_finding[] = {
    {"actor", actor_cmd, "actor ID --actor A"},
    {"finding", finding_cmd, "finding ID --text T --conclusion C [--subject S]"},
    {"remedy", remedy_cmd, "remedy FINDING --action A --owner O --due D"},
    {"remedy-done", remedy_done_cmd, "remedy-done REMEDY --result R [--date D]"},
    {"remedies", remedies_cmd, "remedies"},
    {NULL},
};
