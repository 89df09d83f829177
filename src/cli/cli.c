/*
 * cli.c - option parsing and error reporting for the subcommands.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/patch.h"
#include "app/user.h"
#include "core/date.h"
#include "core/parse.h"

#include "core/banned.h"

int cli_usage(const struct cmd_entry *cmd, const char *vi, const char *en)
{
	if (vi)
		fprintf(stderr, "hoso: %s\nhoso: %s\n", vi, en ? en : "");
	fprintf(stderr, "Cách dùng / usage: hoso [--db FILE] %s\n", cmd->usage);
	return EXIT_USAGE;
}

int cli_parse(const struct cmd_entry *cmd, int argc, char **argv, int first,
              const struct cli_opt *opts, const char **pos, size_t npos_max, size_t *npos)
{
	*npos = 0;
	for (int i = first; i < argc; i++) {
		const char *a = argv[i];
		const struct cli_opt *o = NULL;

		if (a[0] == '-' && a[1] == '-' && a[2] == '\0') {
			/* "--": the rest is positional */
			for (i++; i < argc; i++) {
				if (*npos >= npos_max)
					return cli_usage(cmd, "Thừa tham số", "Too many arguments");
				pos[(*npos)++] = argv[i];
			}
			break;
		}
		if (a[0] == '-' && a[1] != '\0' && !(a[1] >= '0' && a[1] <= '9')) {
			for (const struct cli_opt *p = opts; p && p->name; p++)
				if (strcmp(p->name, a) == 0)
					o = p;
			if (!o) {
				char vi[512], en[512];

				snprintf(vi, sizeof(vi), "Tùy chọn không hợp lệ: %s", a);
				snprintf(en, sizeof(en), "Unknown option: %s", a);
				return cli_usage(cmd, vi, en);
			}
			if (o->flag) {
				*o->flag = 1;
				continue;
			}
			if (i + 1 >= argc) {
				char vi[512], en[512];

				snprintf(vi, sizeof(vi), "Tùy chọn %s cần một giá trị", a);
				snprintf(en, sizeof(en), "Option %s needs a value", a);
				return cli_usage(cmd, vi, en);
			}
			if (o->list) {
				if (*o->count >= o->max)
					return cli_usage(cmd, "Tùy chọn lặp lại quá nhiều lần",
					                 "Option repeated too many times");
				o->list[(*o->count)++] = argv[++i];
			} else {
				*o->val = argv[++i];
			}
			continue;
		}
		if (*npos >= npos_max)
			return cli_usage(cmd, "Thừa tham số", "Too many arguments");
		pos[(*npos)++] = a;
	}
	return 0;
}

int cli_fail(const struct err *e)
{
	if (e->field.len)
		fprintf(stderr, "hoso: lỗi [%s, %s]: %s\nhoso: error: %s\n", err_name(e->code),
		        e->field.buf, err_text_vi(e), err_text_en(e));
	else
		fprintf(stderr, "hoso: lỗi [%s]: %s\nhoso: error: %s\n", err_name(e->code),
		        err_text_vi(e), err_text_en(e));
	return EXIT_BAD_INPUT;
}

int cli_open(struct cli *c, int flags, struct app **ret)
{
	struct err e;
	int rc;

	err_init(&e);
	rc = app_open(c->db, flags, ret, &e);
	if (rc < 0)
		rc = cli_fail(&e);
	err_release(&e);
	return rc;
}

int cli_date(const char *opt, const char *s, int32_t *ret)
{
	struct pdate p;

	if (!s) {
		*ret = date_today();
		return 0;
	}
	if (pdate_parse(s, strlen(s), &p) < 0 || !pdate_is_full(&p)) {
		fprintf(stderr,
		        "hoso: lỗi [bad_date, %s]: Ngày '%s' không hợp lệ (dd/mm/yyyy hoặc "
		        "yyyy-mm-dd)\nhoso: error: '%s' is not a valid date (dd/mm/yyyy or "
		        "yyyy-mm-dd)\n",
		        opt, s, s);
		return EXIT_BAD_INPUT;
	}
	*ret = date_days(p.y, p.m, p.d);
	return 0;
}

int cli_number(const char *opt, const char *s, int64_t min, int64_t max, int64_t *ret)
{
	if (parse_i64(s, strlen(s), min, max, ret) < 0) {
		fprintf(stderr,
		        "hoso: lỗi [bad_number, %s]: '%s' không phải số hợp lệ (%lld..%lld)\n"
		        "hoso: error: '%s' is not a valid number (%lld..%lld)\n",
		        opt, s, (long long)min, (long long)max, s, (long long)min, (long long)max);
		return EXIT_BAD_INPUT;
	}
	return 0;
}

int cli_id(const char *s, int64_t *ret)
{
	return cli_number("ID", s, 1, INT64_MAX, ret);
}

int cli_done(int rc, struct err *e)
{
	if (rc < 0)
		rc = cli_fail(e);
	err_release(e);
	return rc;
}

int cli_sub_open(struct cli_sub *x)
{
	return x->app ? 0 : cli_open(x->c, x->flags, &x->app);
}

/* Run fn with x; report x->err when it returned < 0. */
static int cli_run(struct cli_sub *x, const char *purpose,
                   int (*fn)(struct cli_sub *, int, char **), int argc, char **argv)
{
	int rc;

	actor_system(&x->who, purpose);
	err_init(&x->err);
	arena_init(&x->a, CLI_ARENA_MAX);
	rc = cli_done(fn(x, argc, argv), &x->err);
	arena_release(&x->a);
	app_close(x->app);
	x->app = NULL;
	return rc;
}

/* The subcommand named name in the table subs (n entries, or up to a NULL
 * name when n is SIZE_MAX), or NULL. */
static const struct cli_subcmd *subcmd_in(const struct cli_subcmd *subs, size_t n, const char *name)
{
	for (size_t i = 0; i < n && subs && subs[i].name; i++)
		if (strcmp(subs[i].name, name) == 0)
			return &subs[i];
	return NULL;
}

int cli_part_usage(const struct cmd_entry *cmd, const struct cli_subcmd *part, struct buf *out)
{
	int rc = 0;

	for (const struct cli_subcmd *s = part; s->name; s++)
		if (s->usage)
			rc |= buf_addf(out, "%s%s %s", s == part ? "" : " | ", cmd->name, s->usage);
	return rc < 0 ? HOSO_E_NOMEM : 0;
}

int cli_exec(struct cli *c, const struct cmd_entry *cmd, int argc, char **argv)
{
	struct cli_sub x = {.c = c, .cmd = cmd, .first = 2, .flags = cmd->flags};
	const char *purpose = cmd->purpose ? cmd->purpose : cmd->name;
	const struct cli_subcmd *s;
	struct buf usage = BUF_INIT(4096);
	struct cmd_entry part = {.name = cmd->name};
	int rc;

	if (cmd->run) {
		x.first = 1;
		return cli_run(&x, purpose, cmd->run, argc, argv);
	}
	if (argc < 2)
		return cli_usage(cmd, "Thiếu lệnh con", "Missing subcommand");
	s = subcmd_in(cmd->subs, cmd->nsubs, argv[1]);
	for (const struct cli_subcmd *const *p = cmd->parts; !s && p && *p; p++) {
		/* a part's subcommand: its usage errors print the part's usage */
		if ((s = subcmd_in(*p, SIZE_MAX, argv[1])) &&
		    cli_part_usage(cmd, *p, &usage) == 0) {
			part.usage = usage.buf;
			x.cmd = &part;
		}
	}
	if (!s)
		return cli_usage(cmd, "Lệnh con không hợp lệ", "Unknown subcommand");
	rc = cli_run(&x, purpose, s->fn, argc, argv);
	buf_release(&usage);
	return rc;
}

/* 1 when an option marked need was not given, or one with codes is none
 * of them; else the codes' indexes stored. */
static int opts_wrong(const struct cli_opt *opts)
{
	for (const struct cli_opt *o = opts; o && o->name; o++) {
		int i;

		if (o->need && !*o->val)
			return 1;
		if (!o->codes || !*o->val)
			continue;
		if ((i = code_index(o->codes->codes, o->codes->n, *o->val)) < 0)
			return 1;
		*o->index = i;
	}
	return 0;
}

/* cli_args before the dates: the arguments parsed and checked. */
static int args_checked(struct cli_sub *x, int argc, char **argv, const struct cli_opt *opts,
                        const char **pos, size_t npos, const char *vi, const char *en)
{
	size_t n;
	int rc = cli_parse(x->cmd, argc, argv, x->first, opts, pos, npos, &n);

	if (rc == 0 && (n != npos || opts_wrong(opts)))
		rc = cli_usage(x->cmd, vi, en);
	return rc;
}

/* The days of the date options given, in the table's order; 0 or the exit
 * status of the first that is not a date. */
static int opts_days(const struct cli_opt *opts)
{
	int rc = 0;

	for (const struct cli_opt *o = opts; rc == 0 && o && o->name; o++)
		if (o->day && *o->val && o->none && strcmp(*o->val, "none") == 0)
			*o->day = DATE_NONE;
		else if (o->day && *o->val)
			rc = cli_date(o->name, *o->val, o->day);
	return rc;
}

int cli_args(struct cli_sub *x, int argc, char **argv, const struct cli_opt *opts, const char **pos,
             size_t npos, const char *vi, const char *en)
{
	int rc = args_checked(x, argc, argv, opts, pos, npos, vi, en);

	return rc != 0 ? rc : opts_days(opts);
}

int cli_args_id(struct cli_sub *x, int argc, char **argv, const struct cli_opt *opts,
                const char **pos, size_t npos, int64_t *ret_id, const char *vi, const char *en)
{
	const char *id[1];
	int rc = args_checked(x, argc, argv, opts, pos ? pos : id, npos, vi, en);

	if (rc == 0)
		rc = cli_id(pos ? pos[0] : id[0], ret_id);
	return rc != 0 ? rc : opts_days(opts);
}

int cli_open_id(struct cli_sub *x, int argc, char **argv, const struct cli_opt *opts,
                const char **pos, size_t npos, int64_t *ret_id, const char *vi, const char *en)
{
	int rc = cli_args_id(x, argc, argv, opts, pos, npos, ret_id, vi, en);

	return rc != 0 ? rc : cli_sub_open(x);
}

int cli_search_args(struct cli_sub *x, int argc, char **argv, int64_t max, struct cli_search *ret)
{
	const char *limit_s = NULL;
	const struct cli_opt opts[] = {{"--limit", &limit_s}, {"--json", NULL, &ret->json}, {NULL}};
	int64_t limit = 20;
	int rc;

	ret->json = 0;
	if ((rc = cli_args(x, argc, argv, opts, &ret->query, 1, "Thiếu chuỗi tìm kiếm",
	                   "The search text is missing")) != 0 ||
	    (limit_s && (rc = cli_number("--limit", limit_s, 1, max, &limit)) != 0))
		return rc;
	ret->limit = (size_t)limit;
	return cli_sub_open(x);
}

unsigned cli_sent(const struct cli_opt *opts)
{
	unsigned sent = PATCH_LISTED;

	for (unsigned i = 0; opts[i].name && i < 31; i++)
		if ((opts[i].val && *opts[i].val) || (opts[i].flag && *opts[i].flag))
			sent |= 1u << i;
	return sent;
}

unsigned cli_cleared(const struct cli_opt *opts)
{
	unsigned sent = cli_sent(opts);

	for (const struct cli_opt *o = opts; o->name; o++)
		if (o->none && *o->val && strcmp(*o->val, "none") == 0)
			*o->val = NULL;
	return sent;
}

int cli_clearance(struct cli_sub *x, const char *s, const char *vi, const char *en,
                  enum clearance *ret)
{
	char vi_text[128], en_text[128];

	if (clearance_parse(s, ret) == 0)
		return 0;
	snprintf(vi_text, sizeof(vi_text), "%s là thuong, mat hoặc toi_mat", vi);
	snprintf(en_text, sizeof(en_text), "%s is thuong, mat or toi_mat", en);
	return cli_usage(x->cmd, vi_text, en_text);
}

int cli_print_id(int rc, int64_t id)
{
	if (rc == 0)
		printf("%lld\n", (long long)id);
	return rc;
}

void cli_print_json(json_t *j)
{
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(j);
}

void cli_print_padded(const char *s, int width)
{
	int chars = 0;

	for (const char *p = s; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	fputs(s, stdout);
	for (; chars < width; chars++)
		putchar(' ');
}

int cli_read_password(struct buf *out)
{
	char line[512];
	size_t n;

	if (!fgets(line, sizeof(line), stdin)) {
		fprintf(stderr, "hoso: lỗi: không đọc được mật khẩu từ stdin\n"
		                "hoso: error: no password on standard input\n");
		return EXIT_BAD_INPUT;
	}
	n = strcspn(line, "\r\n");
	buf_reset(out);
	buf_add(out, line, n);
	memset(line, 0, sizeof(line));
	return 0;
}

int cli_isatty_err(void)
{
	return isatty(STDERR_FILENO);
}
