/*
 * cmd-letter.c - "hoso case" subcommands of verification letters
 * (src/app/letter.c).
 *
 *   case letter ID --to RECIPIENT [--about A] [--number N] [--sent D]
 *   case letter-update LETTER --action remind|escalate|answer [--date D] [--result R]
 *                      [--confirm-past]
 *   case letters [--level early|late|overdue]
 */
#include <stdio.h>
#include <string.h>

#include "app/letter.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int letter_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct letter_input in = {.sent = DATE_NONE};
	const char *sent = NULL;
	const struct cli_opt opts[] = {
	    {"--to", &in.recipient, .need = 1},
	    {"--about", &in.about},
	    {"--number", &in.number_symbol},
	    {"--sent", &sent, .day = &in.sent},
	    {NULL},
	};
	int64_t id, letter;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --to",
	                      "ID and --to are required")) != 0)
		return rc;
	rc = letter_add(x->app, &x->who, id, &in, &letter, &x->err);
	return cli_print_id(rc, letter);
}

static int letter_update_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *action = NULL, *date = NULL, *result = NULL;
	int32_t day = DATE_NONE;
	int act, past = 0;
	const struct cli_opt opts[] = {
	    {"--action", &action, .need = 1, .codes = &letter_actions, .index = &act},
	    {"--date", &date, .day = &day},
	    {"--result", &result},
	    {"--confirm-past", .flag = &past},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id,
	                      "Cần số văn bản và --action remind|escalate|answer",
	                      "The letter and --action remind|escalate|answer are needed")) != 0)
		return rc;
	/* the operator acts on the letter as it is now (version 0) */
	return letter_update(x->app, &x->who, id, (enum letter_action)act, day, result, 0, past,
	                     &x->err);
}

static int letters_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *level = NULL;
	const struct cli_opt opts[] = {{"--level", &level}, {NULL}};
	enum deadline_level min = DEADLINE_EARLY;
	struct letter_item *v;
	size_t n, i = 0;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cmd_case_level(x->cmd, level, &min)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	if ((rc = letter_due(x->app, &x->who, min, 1000, &x->a, &v, &n, &x->err)) == 0)
		for (i = 0; i < n; i++) {
			char due[DATE_BUF];

			date_format_vn(v[i].v.d.due, due);
			printf("%-8s %6lld %-14s hạn %s  đôn đốc %d lần  %s — %s\n",
			       deadline_level_name(v[i].v.d.level), (long long)v[i].v.l.id,
			       v[i].c.number, due, v[i].v.l.reminders, v[i].v.l.recipient,
			       v[i].v.l.about ? v[i].v.l.about : "");
		}
	return rc;
}

const struct cli_subcmd cmd_case_letter[] = {
    {"letter", letter_cmd, "letter ID --to R [--about A] [--number N] [--sent D]"},
    {"letter-update", letter_update_cmd,
     "letter-update LETTER --action remind|escalate|answer [--date D] [--result R] "
     "[--confirm-past]"},
    {"letters", letters_cmd, "letters [--level L]"},
    {NULL},
};
