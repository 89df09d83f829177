/*
 * cmd-case.h - what the parts of "hoso case" share: the core in
 * cmd-case.c, each kind's subcommands in its cmd-<noun>.c.
 */
#ifndef HOSO_CLI_CMD_CASE_H
#define HOSO_CLI_CMD_CASE_H

#include "app/deadline.h"
#include "cli/cli.h"

/* The kinds' parts of the case command, each in its file: a table of
 * subcommands ending with a NULL name (cli_subcmd). */
extern const struct cli_subcmd cmd_case_trip[];
extern const struct cli_subcmd cmd_case_stay[];
extern const struct cli_subcmd cmd_case_appraisal[];
extern const struct cli_subcmd cmd_case_admission[];
extern const struct cli_subcmd cmd_case_letter[];
extern const struct cli_subcmd cmd_case_paper[];
extern const struct cli_subcmd cmd_case_finding[];
extern const struct cli_subcmd cmd_case_discipline[];
extern const struct cli_subcmd cmd_case_correct[];

/* --level early|late|overdue of the due lists: the least urgent to list
 * (*ret unchanged when level is NULL); a usage error of cmd otherwise. */
int cmd_case_level(const struct cmd_entry *cmd, const char *level, enum deadline_level *ret);

#endif
