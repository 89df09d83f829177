/*
 * cmd-report.c - "hoso report run --org CODE --from D --to D [--json]"
 * (the figures of an organisation's subtree over a period, as at the time
 * of each record, with rows by child organisation; as JSON, the one view
 * of report_json; as a file in any format, report_export), "hoso report
 * records --org CODE ... --figure F" (the records behind a figure, or with
 * --subjects the organisations or persons they are about), "hoso report verify"
 * (recount the raw records and compare with the live counters; exit 1 on
 * any difference), "hoso report rebuild" (recovery only), and the period
 * submissions: "submit", "submissions" (who has submitted), "approve",
 * "return" and "reopen" (submission.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/org.h"
#include "app/report.h"
#include "app/submission.h"
#include "cli/cli.h"
#include "core/buf.h"

#include "core/banned.h"

/* Write len bytes to path: 0, or an error set in e. */
static int write_file(const char *path, const char *data, size_t len, struct err *e)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		if (f)
			fclose(f);
		return err_set(e, HOSO_E_IO, "out", "Không ghi được %s", "Cannot write %s", path);
	}
	return 0;
}

/* The figures as a table: this period, the same period before, and the
 * distinct organisations or persons beside the occurrences where both
 * make sense. */
static void print_text(const struct report *r)
{
	char f[DATE_BUF], t[DATE_BUF];

	date_format_vn(r->from, f);
	date_format_vn(r->to, t);
	/* aligned by hand: printf pads bytes, not letters */
	printf("%s — %s, %s – %s", r->code, r->name, f, t);
	if (r->term_first)
		printf(" (nhiệm kỳ %d-%d)", r->term_first, r->term_last);
	printf("\n%-24s     Kỳ này    Cùng kỳ  Không trùng lặp\n", "");
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct report_figure *x = &r->figures[i];

		printf("%-24s %10lld %10lld ", x->def->code, (long long)x->total,
		       (long long)x->previous);
		if (x->def->distinct_vi)
			printf("%16lld  ", (long long)x->distinct);
		else
			printf("%16s  ", "");
		cli_print_padded(x->def->vi, 44);
		if (x->def->distinct_vi)
			printf(" (%lld %s, %lld %s)", (long long)x->total, x->def->unit_vi,
			       (long long)x->distinct, x->def->distinct_vi);
		printf("\n");
	}
}

/* --org CODE with --period P or --from D --to D: the organisation and the
 * period (a term's days come from its congresses). */
static int org_period(struct cli_sub *x, const char *org, const char *period, const char *from_s,
                      const char *to_s, int64_t *ret_org, struct report_period *ret)
{
	int32_t from = DATE_NONE, to = DATE_NONE;
	struct err pe;
	int rc = 0;

	if (!org || (!period && (!from_s || !to_s)) || (period && (from_s || to_s)))
		return cli_usage(x->cmd, "Cần --org và --period, hoặc --from và --to",
		                 "--org and --period, or --from and --to, are needed");
	if (period) {
		err_init(&pe);
		rc = report_period_check(period, DATE_NONE, DATE_NONE, &pe);
		err_release(&pe);
	}
	if (rc < 0)
		return cli_usage(x->cmd,
		                 "--period là 2019, 2019-Q2, 2019-H1, 2019-9M, 2019-05, 2015-2019 "
		                 "hoặc nhiệm kỳ NK2020-2025",
		                 "--period is 2019, 2019-Q2, 2019-H1, 2019-9M, 2019-05, 2015-2019 "
		                 "or the term NK2020-2025");
	if ((!period && (rc = cli_date("--from", from_s, &from)) != 0) ||
	    (!period && (rc = cli_date("--to", to_s, &to)) != 0) || (rc = cli_sub_open(x)) != 0)
		return rc;
	if ((rc = org_find(x->app, &x->who, org, ret_org, &x->err)) < 0)
		return rc;
	return report_period_of(x->app, &x->who, *ret_org, period, from, to, &x->a, ret, &x->err);
}

/* Which report: the organisation, the period, the structure date. */
struct which {
	const char *org, *period, *from, *to, *structure;
};
/* The options that fill a struct which. */
/* clang-format off */
#define WHICH_OPTS(w)                                                                              \
	{"--org", &(w).org}, {"--period", &(w).period}, {"--from", &(w).from}, {"--to", &(w).to},  \
	{"--structure-date", &(w).structure}
/* clang-format on */

static int which_report(struct cli_sub *x, const struct which *w, int64_t *ret_org,
                        struct report_period *ret, int32_t *ret_structure)
{
	int rc;

	*ret_structure = DATE_NONE;
	if (w->structure && (rc = cli_date("--structure-date", w->structure, ret_structure)) != 0)
		return rc;
	return org_period(x, w->org, w->period, w->from, w->to, ret_org, ret);
}

/* The report as JSON, on stdout or into the file out. */
static int write_json(const struct report *r, const char *out, struct err *e)
{
	json_t *j = report_json(r);
	char *text;
	int rc;

	if (!out) {
		cli_print_json(j);
		return 0;
	}
	text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	rc = text ? write_file(out, text, strlen(text), e)
	          : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	free(text);
	json_decref(j);
	return rc;
}

/* The report in format f (report_export) into the file out. */
static int write_export(struct app *app, const struct actor *who, const struct report *r,
                        enum report_format f, const char *out, struct arena *a, struct err *e)
{
	struct buf file = BUF_INIT((size_t)64 << 20);
	const char *name;
	int rc = report_export(app, who, r, f, a, &file, &name, e);

	if (rc == 0)
		rc = write_file(out, file.buf, file.len, e);
	buf_release(&file);
	return rc;
}

static int run_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *format = NULL, *out = NULL;
	struct which w = {0};
	int json = 0, rc;
	const struct cli_opt opts[] = {
	    WHICH_OPTS(w), {"--format", &format}, {"--out", &out}, {"--json", NULL, &json}, {NULL},
	};
	int32_t structure;
	struct report_period p;
	enum report_format f = REPORT_FORMAT__MAX;
	struct report r;
	int64_t id;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0)
		return rc;
	if (json)
		format = "json";
	if (format && strcmp(format, "json") != 0 && strcmp(format, "text") != 0 &&
	    report_format_parse(format, &f) < 0)
		return cli_usage(x->cmd, "--format là text, json, csv, docx, pdf hoặc xlsx",
		                 "--format is text, json, csv, docx, pdf or xlsx");
	if (f != REPORT_FORMAT__MAX && !out)
		return cli_usage(x->cmd, "Cần --out cho tệp CSV, DOCX, PDF hoặc XLSX",
		                 "--out is needed for a CSV, DOCX, PDF or XLSX file");
	rc = which_report(x, &w, &id, &p, &structure);
	if (rc == 0)
		rc = report_run(x->app, &x->who, id, &p, structure, &x->a, &r, &x->err);
	if (rc == 0 && f != REPORT_FORMAT__MAX)
		rc = write_export(x->app, &x->who, &r, f, out, &x->a, &x->err);
	else if (rc == 0 && format && strcmp(format, "json") == 0)
		rc = write_json(&r, out, &x->err);
	else if (rc == 0)
		print_text(&r);
	return rc;
}

/* The records behind a figure, one a line: date, case number, subject,
 * breakdown value; or its subjects with their counts. */
static void print_records(const struct report_records *r)
{
	const struct figure_def *def = figure_def(r->figure);
	char d[DATE_BUF];

	printf("%s: %lld %s", def->vi, (long long)r->count, def->unit_vi);
	if (def->distinct_vi)
		printf(", %lld %s", (long long)r->distinct, def->distinct_vi);
	printf("\n");
	for (size_t i = 0; i < r->nrecords; i++) {
		const struct report_record *x = &r->records[i];
		const char *vi, *en;

		date_format_vn(x->day, d);
		if (!x->c) {
			printf("%s  (ngoài phạm vi xem / outside your sight)\n", d);
			continue;
		}
		printf("%s  %-16s %s", d, x->c->number ? x->c->number : "", x->c->title);
		if (x->name.name)
			printf(" — %s%s%s", x->name.code ? x->name.code : "",
			       x->name.code ? " " : "", x->name.name);
		report_dim_name(r->figure, x->dim, &vi, &en);
		printf("%s%s\n", vi ? "  " : "", vi ? vi : "");
	}
	for (size_t i = 0; i < r->nsubjects; i++) {
		const struct report_subject *x = &r->subjects[i];

		printf("%5lld  %s%s%s\n", (long long)x->n, x->name.code ? x->name.code : "",
		       x->name.code ? " " : "", x->name.name ? x->name.name : "(ẩn / hidden)");
	}
}

static int records_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *figure = NULL, *offset_s = NULL, *limit_s = NULL;
	struct report_records_query q = {.limit = 100};
	struct which w = {0};
	int json = 0, rc;
	const struct cli_opt opts[] = {
	    WHICH_OPTS(w),
	    {"--figure", &figure},
	    {"--dim", &q.dim},
	    {"--row", &q.row},
	    {"--offset", &offset_s},
	    {"--limit", &limit_s},
	    {"--subjects", NULL, &q.subjects},
	    {"--json", NULL, &json},
	    {NULL},
	};
	int64_t id, offset = 0, limit = 100;
	int32_t structure;
	struct report_records r;
	struct report_period p;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0)
		return rc;
	if (!figure || figure_parse(figure, &q.figure) < 0)
		return cli_usage(x->cmd, "Cần --figure là mã một số liệu (kt_to_chuc_vi_pham, ...)",
		                 "--figure, a figure's code (kt_to_chuc_vi_pham, ...), is needed");
	if ((offset_s && (rc = cli_number("--offset", offset_s, 0, INT32_MAX, &offset)) != 0) ||
	    (limit_s && (rc = cli_number("--limit", limit_s, 1, REPORT_RECORDS_MAX, &limit)) != 0))
		return rc;
	q.offset = (size_t)offset;
	q.limit = (size_t)limit;
	rc = which_report(x, &w, &id, &p, &structure);
	if (rc == 0)
		rc = report_records(x->app, &x->who, id, &p, structure, &q, &x->a, &r, &x->err);
	if (rc == 0 && json)
		cli_print_json(report_records_json(x->app, &x->who, &r, &x->a));
	else if (rc == 0)
		print_records(&r);
	return rc;
}

static int verify_cmd(struct cli_sub *x, int argc, char **argv)
{
	int64_t diffs = 0;
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0 ||
	    (rc = report_verify(x->app, &x->who, &diffs, &x->err)) != 0)
		return rc;
	if (diffs) {
		fprintf(
		    stderr,
		    "hoso: %lld số liệu lệch giữa bộ đếm và hồ sơ gốc; chạy \"hoso report "
		    "rebuild\"\n"
		    "hoso: %lld figures differ between the counters and the records; run \"hoso "
		    "report rebuild\"\n",
		    (long long)diffs, (long long)diffs);
		return EXIT_BAD_INPUT;
	}
	printf("Bộ đếm khớp với hồ sơ gốc / the counters agree with the records\n");
	return 0;
}

static int rebuild_cmd(struct cli_sub *x, int argc, char **argv)
{
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	if ((rc = report_rebuild(x->app, &x->who, &x->err)) == 0)
		printf("Đã đếm lại / recounted\n");
	return rc;
}

static int submit_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *org = NULL, *from_s = NULL, *to_s = NULL, *period = NULL, *note = NULL;
	const struct cli_opt opts[] = {{"--org", &org},       {"--from", &from_s}, {"--to", &to_s},
	                               {"--period", &period}, {"--note", &note},   {NULL}};
	struct report_period p;
	int64_t org_id, id;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = org_period(x, org, period, from_s, to_s, &org_id, &p)) != 0)
		return rc;
	rc = submission_submit(x->app, &x->who, org_id, p.from, p.to, note, &id, &x->err);
	return cli_print_id(rc, id);
}

static int submissions_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *org = NULL, *from_s = NULL, *to_s = NULL, *period = NULL;
	const struct cli_opt opts[] = {
	    {"--org", &org}, {"--from", &from_s}, {"--to", &to_s}, {"--period", &period}, {NULL}};
	struct report_period p;
	int64_t org_id;
	json_t *j = NULL;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0)
		return rc;
	rc = org_period(x, org, period, from_s, to_s, &org_id, &p);
	if (rc == 0)
		rc = submission_overview(x->app, &x->who, org_id, p.from, p.to, &x->a, &j, &x->err);
	if (rc == 0)
		cli_print_json(j);
	return rc;
}

/* approve ID | return ID --reason R | reopen ID --reason R */
static int decide(struct cli_sub *x, int argc, char **argv, enum submission_action act)
{
	const char *reason = NULL;
	const struct cli_opt opts[] = {{"--reason", &reason}, {NULL}};
	json_t *j = NULL;
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID của báo cáo đã nộp",
	                      "The submission's ID is needed")) != 0)
		return rc;
	rc = submission_get(x->app, &x->who, id, &x->a, &j, &x->err);
	if (rc == 0)
		rc = submission_decide(x->app, &x->who, id,
		                       json_integer_value(json_object_get(j, "version")), act,
		                       reason, &x->err);
	json_decref(j);
	j = NULL;
	if (rc == 0 && (rc = submission_get(x->app, &x->who, id, &x->a, &j, &x->err)) == 0)
		printf("%s\n", json_string_value(json_object_get(j, "state")));
	json_decref(j);
	return rc;
}

static int approve_cmd(struct cli_sub *x, int argc, char **argv)
{
	return decide(x, argc, argv, SUBMISSION_APPROVE);
}

static int return_cmd(struct cli_sub *x, int argc, char **argv)
{
	return decide(x, argc, argv, SUBMISSION_RETURN);
}

static int reopen_cmd(struct cli_sub *x, int argc, char **argv)
{
	return decide(x, argc, argv, SUBMISSION_REOPEN);
}

static const struct cli_subcmd subs[] = {
    {"run", run_cmd},         {"records", records_cmd}, {"verify", verify_cmd},
    {"rebuild", rebuild_cmd}, {"submit", submit_cmd},   {"submissions", submissions_cmd},
    {"approve", approve_cmd}, {"return", return_cmd},   {"reopen", reopen_cmd},
};

const struct cmd_entry cmd_report_entry = {
    .name = "report",
    .usage = "report run --org CODE (--period P | --from D --to D) [--structure-date D] [--format "
             "text|json|csv|docx|pdf|xlsx] [--out FILE] | records --org CODE (--period P | --from "
             "D --to D) --figure F [--dim X] [--row CODE] [--subjects] [--structure-date D] "
             "[--offset N] [--limit N] [--json] | verify | rebuild | submit --org CODE "
             "(--period P | --from D "
             "--to D) [--note T] | submissions --org CODE (--period P | --from D --to D) | "
             "approve ID | return ID --reason R | reopen ID --reason R",
    .help = "Báo cáo số liệu; kiểm tra bộ đếm / report figures; check the live counters",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
