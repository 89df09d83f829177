/*
 * cmd-paper.c - "hoso case" subcommands of the papers of a case
 * (src/app/paper.h), run as the local operator.
 *
 *   case papers [--json]                          the papers and their fields
 *   case paper-preview ID PAPER [--letter L] [--template FILE]
 *                                                 a paper filled from case ID (JSON)
 *   case paper ID PAPER [--letter L]              kept as a draft document
 *   case paper-get DOC [--format docx|pdf] --out FILE
 *   case paper-template PAPER --file FILE [--version N]
 *                                                 change a template (JSON of its parts)
 */
#include <stdio.h>
#include <string.h>

#include "app/paper.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

static int papers_cmd(struct cli_sub *x, int argc, char **argv)
{
	int json = 0;
	const struct cli_opt opts[] = {{"--json", .flag = &json}, {NULL}};
	json_t *o;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	if ((rc = paper_catalogue(x->app, &x->who, &x->a, &o, &x->err)) < 0)
		return rc;
	if (json) {
		cli_print_json(o);
		return 0;
	}
	for (size_t i = 0; i < json_array_size(json_object_get(o, "papers")); i++) {
		json_t *p = json_array_get(json_object_get(o, "papers"), i);

		printf("%-16s %-18s v%-3lld %s\n", json_string_value(json_object_get(p, "code")),
		       json_string_value(json_object_get(p, "kind")),
		       (long long)json_integer_value(json_object_get(p, "version")),
		       json_string_value(json_object_get(p, "name")));
	}
	json_decref(o);
	return 0;
}

/* The JSON object in file path (a template), or NULL with e set. */
static json_t *template_file(const char *path, struct err *e)
{
	json_error_t je;
	json_t *o = json_load_file(path, JSON_REJECT_DUPLICATES, &je);

	if (!o || !json_is_object(o)) {
		json_decref(o);
		err_set(e, HOSO_E_BAD_FILE, "file", "%s: không phải đối tượng JSON (%s)",
		        "%s: not a JSON object (%s)", path, o ? "" : je.text);
	}
	return o;
}

/* "ID PAPER [--letter L]", and [--template FILE] when tpl is not NULL:
 * the case into *ret_id and the request into rq; 0 or the exit status. */
static int request_args(struct cli_sub *x, int argc, char **argv, int64_t *ret_id,
                        struct paper_request *rq, const char **tpl)
{
	const char *pos[2], *letter = NULL;
	/* without tpl, the list ends before --template */
	const struct cli_opt opts[] = {
	    {"--letter", &letter}, {tpl ? "--template" : NULL, tpl}, {NULL}};
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 2, "Cần ID và loại giấy tờ",
	                   "ID and the paper are required")) != 0 ||
	    (rc = cli_id(pos[0], ret_id)) != 0 ||
	    (letter && (rc = cli_number("--letter", letter, 1, INT64_MAX, &rq->letter)) != 0))
		return rc;
	rq->paper = pos[1];
	return cli_sub_open(x);
}

static int preview_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *file = NULL;
	struct paper_request rq = {NULL, 0, NULL};
	int64_t id;
	json_t *o = NULL;
	int rc;

	if ((rc = request_args(x, argc, argv, &id, &rq, &file)) != 0)
		return rc;
	if (file && !(rq.tpl = template_file(file, &x->err)))
		return HOSO_E_BAD_FILE;
	rc = paper_preview(x->app, &x->who, id, &rq, &x->a, &o, &x->err);
	json_decref(rq.tpl);
	if (rc == 0)
		cli_print_json(o);
	return rc;
}

static int generate_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct paper_request rq = {NULL, 0, NULL};
	int64_t id, doc = 0;
	int rc;

	if ((rc = request_args(x, argc, argv, &id, &rq, NULL)) != 0)
		return rc;
	rc = paper_generate(x->app, &x->who, id, &rq, &doc, &x->err);
	return cli_print_id(rc, doc);
}

static int get_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *format = NULL, *out = NULL, *name, *type;
	const struct cli_opt opts[] = {{"--format", &format}, {"--out", &out, .need = 1}, {NULL}};
	struct buf b = BUF_INIT((size_t)16 << 20);
	FILE *f;
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần số văn bản và --out",
	                      "The document and --out are required")) != 0)
		return rc;
	rc = paper_download(x->app, &x->who, id, format, &x->a, &b, &name, &type, &x->err);
	if (rc == 0) {
		f = fopen(out, "wb");
		if (!f || fwrite(b.buf, 1, b.len, f) != b.len || fclose(f) != 0) {
			if (f)
				fclose(f);
			rc = err_set(&x->err, HOSO_E_IO, "out", "Không ghi được %s",
			             "Cannot write %s", out);
		}
	}
	buf_release(&b);
	return rc;
}

static int template_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1], *file = NULL, *version = NULL;
	const struct cli_opt opts[] = {
	    {"--file", &file, .need = 1}, {"--version", &version}, {NULL}};
	int64_t v = 0;
	json_t *t;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Cần loại giấy tờ và --file",
	                   "The paper and --file are required")) != 0 ||
	    (version && (rc = cli_number("--version", version, 0, INT64_MAX, &v)) != 0) ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	if (!(t = template_file(file, &x->err)))
		return HOSO_E_BAD_FILE;
	rc = paper_template_set(x->app, &x->who, pos[0], t, v, &x->err);
	json_decref(t);
	return rc;
}

const struct cli_subcmd cmd_case_paper[] = {
    {"papers", papers_cmd, "papers [--json]"},
    {"paper-preview", preview_cmd, "paper-preview ID PAPER [--letter L] [--template FILE]"},
    {"paper", generate_cmd, "paper ID PAPER [--letter L]"},
    {"paper-get", get_cmd, "paper-get DOC [--format docx|pdf] --out FILE"},
    {"paper-template", template_cmd, "paper-template PAPER --file FILE [--version N]"},
    {NULL},
};
