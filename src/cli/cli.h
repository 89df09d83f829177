/*
 * cli.h - what the hoso subcommands share: the command table entry, option
 * parsing, and reporting errors once, at the edge.
 *
 * Exit status: 0 success, 1 bad input or a failed operation (with a clear
 * message on stderr), 2 wrong usage.
 */
#ifndef HOSO_CLI_H
#define HOSO_CLI_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/codes.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE     2
#define CLI_ARENA_MAX  ((size_t)1 << 31) /* a command's working memory */

struct hoso_conf;

struct cli {
	const char *db; /* --db, $HOSO_DB, the configuration file's or ./hoso.db */
	const char *prog;
	/* The configuration (cli/config.h): --config FILE, $HOSO_CONFIG or
	 * <sysconfdir>/hoso/hoso.conf; never NULL once main has run. */
	struct hoso_conf *conf;
};

struct cli_sub;
struct cli_subcmd;

struct cmd_entry {
	const char *name;
	const char *usage;   /* "org tree [--as-of YYYY-MM-DD] [--json]" */
	const char *help;    /* one line, Vietnamese / English */
	const char *purpose; /* why the local operator acts, for the audit trail
	                      * (NULL: the command's name) */
	/* A command of its own ("backup OUT"): run, opening the database
	 * with flags. */
	int (*run)(struct cli_sub *x, int argc, char **argv);
	int flags;
	/* A command made of subcommands ("org tree", "user add"...): they.
	 * A command in parts (each case kind's subcommands in its own file,
	 * cmd-<noun>.c): the parts too, NULL-terminated, each a table of
	 * subcommands ending with a NULL name, whose usage line is made of
	 * theirs (cli_part_usage). */
	const struct cli_subcmd *const *parts;
	const struct cli_subcmd *subs;
	size_t nsubs;
};

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_org_entry;
extern const struct cmd_entry cmd_person_entry;
extern const struct cmd_entry cmd_case_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_cal_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_restore_entry;
extern const struct cmd_entry cmd_upgrade_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_serve_entry;
extern const struct cmd_entry cmd_user_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_report_entry;
extern const struct cmd_entry cmd_petition_entry;
extern const struct cmd_entry cmd_config_entry;

/* Options of one command.  A string option stores its value in *val, a flag
 * sets *flag to 1.  Repeatable string options append to list (n in *count).
 * A string option marked need must be given, one with codes must be one of
 * them, its index (the enum's value) stored in *index; one with day is a
 * date, its day stored there (left as it is when the option is absent;
 * DATE_NONE for "none" when the option is marked none: see cli_cleared)
 * (see cli_args). */
struct cli_opt {
	const char *name; /* "--as-of" */
	const char **val;
	int *flag;
	const char **list;
	size_t *count;
	size_t max;
	int need;
	const struct code_set *codes; /* &letter_actions... */
	int *index;
	int32_t *day;
	int none; /* "none" clears it (a correction) */
};

/*
 * Parse argv[first..argc) against opts; positional arguments are collected
 * in pos (at most npos_max, count in *npos).  On a usage error prints the
 * message and usage, and returns EXIT_USAGE; else 0.
 */
int cli_parse(const struct cmd_entry *cmd, int argc, char **argv, int first,
              const struct cli_opt *opts, const char **pos, size_t npos_max, size_t *npos);

/* Print a usage error: "hoso: <vi>" then the usage line.  Returns EXIT_USAGE. */
int cli_usage(const struct cmd_entry *cmd, const char *vi, const char *en);

/* Report e on stderr (Vietnamese, then English); returns EXIT_BAD_INPUT. */
int cli_fail(const struct err *e);

/* Open the database; on failure reports and returns EXIT_BAD_INPUT. */
int cli_open(struct cli *c, int flags, struct app **ret);

/* Parse a date argument (dd/mm/yyyy or yyyy-mm-dd, full).  NULL: today.
 * On failure reports naming the option and returns EXIT_BAD_INPUT. */
int cli_date(const char *opt, const char *s, int32_t *ret);

/* Parse a count argument in [min, max]. */
int cli_number(const char *opt, const char *s, int64_t min, int64_t max, int64_t *ret);
/* Parse a record's id (a positional ID, or the option opt). */
int cli_id(const char *s, int64_t *ret);

/* Report e when rc < 0 (see cli_fail), release e, return the exit status. */
int cli_done(int rc, struct err *e);

/*
 * A command's context, made by cli_exec.  The command (a run or a
 * subcommand's fn) parses its arguments first and opens the database only
 * then (cli_sub_open, once), so usage errors come first.  It returns 0, an
 * exit status, or the negative code of a failed operation with its detail
 * in err, which cli_exec reports, once, before it closes the database.
 */
struct cli_sub {
	struct cli *c;
	const struct cmd_entry *cmd; /* whose usage a usage error prints */
	int first;                   /* argv[first] is the first argument */
	int flags;                   /* app_open's, for cli_sub_open */
	struct app *app;
	struct actor who;
	struct err err;
	struct arena a; /* the command's working memory, freed when it ends */
};
/* Open the database, as x->app (once); 0 or the exit status. */
int cli_sub_open(struct cli_sub *x);

/* A subcommand ("org tree", "user add"...).  One of a part says how it
 * is used after the command's name ("trip ID --purpose P ..."), or NULL
 * when it shares the usage of the one before (withdraw-finding,
 * withdraw-remedy...). */
struct cli_subcmd {
	const char *name;
	int (*fn)(struct cli_sub *x, int argc, char **argv);
	const char *usage;
};

/* The usage line of part, a part of cmd: each of its subcommands' usage
 * after cmd's name, joined by " | ", appended to out.  0 or HOSO_E_NOMEM. */
int cli_part_usage(const struct cmd_entry *cmd, const struct cli_subcmd *part, struct buf *out);

/* Run cmd (argv[0] is its name) as the local operator: its run, or the
 * subcommand named by argv[1] (its own, cmd->subs, or its parts'); usage
 * errors for a missing or unknown one.  Returns the exit status. */
int cli_exec(struct cli *c, const struct cmd_entry *cmd, int argc, char **argv);

/*
 * cli_parse of a command's arguments (from x->first), then a usage error
 * (vi, en) unless exactly npos positional arguments came (into pos), every
 * option marked need was given and every one with codes is one of them;
 * then the date options' days (a bad one reported: EXIT_BAD_INPUT).  0 or
 * the exit status.
 */
int cli_args(struct cli_sub *x, int argc, char **argv, const struct cli_opt *opts, const char **pos,
             size_t npos, const char *vi, const char *en);

/* cli_args of a command whose first positional argument is a record's id:
 * the id parsed into *ret_id (pos may be NULL when npos is 1, the id
 * alone), before the dates.  0 or the exit status. */
int cli_args_id(struct cli_sub *x, int argc, char **argv, const struct cli_opt *opts,
                const char **pos, size_t npos, int64_t *ret_id, const char *vi, const char *en);
/* cli_args_id, then the database opened (cli_sub_open). */
int cli_open_id(struct cli_sub *x, int argc, char **argv, const struct cli_opt *opts,
                const char **pos, size_t npos, int64_t *ret_id, const char *vi, const char *en);

/* The arguments of a search, "QUERY [--limit N] [--json]" (N from 1 to
 * max, 20 by default); cli_search_args parses them, then opens the
 * database.  0 or the exit status. */
struct cli_search {
	const char *query;
	size_t limit;
	int json;
};
int cli_search_args(struct cli_sub *x, int argc, char **argv, int64_t max, struct cli_search *ret);

/* The fields of a partial update given on the command line, when opts is
 * in the order of the record's fields: bit (1u << i) for each opts[i]
 * given (a value, or a flag set), with PATCH_LISTED (app/patch.h). */
unsigned cli_sent(const struct cli_opt *opts);

/* The fields a correction gives (cli_sent), and then each option marked
 * none given as "none" cleared: its value NULL (a date's day is DATE_NONE
 * already, see cli_opt). */
unsigned cli_cleared(const struct cli_opt *opts);

/* A level of confidentiality (thuong, mat, toi_mat) into *ret; else a
 * usage error naming it (vi, en: "Độ mật", "LEVEL").  0 or EXIT_USAGE. */
int cli_clearance(struct cli_sub *x, const char *s, const char *vi, const char *en,
                  enum clearance *ret);

/* When rc is 0, print id (a new record's) on its own line; returns rc. */
int cli_print_id(int rc, int64_t id);

/* JSON output: pretty-printed to stdout, j released. */
void cli_print_json(json_t *j);

/* Print s to stdout padded with spaces to width characters (not bytes). */
void cli_print_padded(const char *s, int width);

/* A password: one line from stdin, without its newline, into out.  0, or
 * EXIT_BAD_INPUT (reported) when there is none. */
int cli_read_password(struct buf *out);

/* 1 when stdout is a terminal (progress bars). */
int cli_isatty_err(void);

/* The commands that keep a file with a record and write one out
 * (files.c): "ID FILE [--name N]" kept by add (attachment_add,
 * petition_scan_add), printing its id, name, type, size and SHA-256;
 * "FILE_ID --out PATH" read by read and written to PATH. */
struct attachment_row;
typedef int cli_file_adder(struct app *app, const struct actor *who, int64_t id,
                           const char *filename, const void *data, size_t len, struct arena *a,
                           struct attachment_row *ret, struct err *e);
typedef int cli_file_reader(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                            struct attachment_row *ret, const void **ret_data, size_t *ret_len,
                            struct err *e);
int cli_file_add(struct cli_sub *x, int argc, char **argv, cli_file_adder *add);
int cli_file_get(struct cli_sub *x, int argc, char **argv, cli_file_reader *read);

#endif
