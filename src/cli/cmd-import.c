/*
 * cmd-import.c - "hoso import orgs|persons FILE [--report FILE]
 * [--all-or-nothing] [--update]": load organisations or persons from a CSV
 * or XLSX file.  Bad rows are listed (row, column, reason) in the report
 * file, or on stderr; valid rows are written in one transaction.
 */
#include <stdio.h>
#include <string.h>

#include "app/import.h"
#include "cli/cli.h"

#include "core/banned.h"

static void progress(size_t done, size_t total, long rows, void *arg)
{
	(void)arg;
	if (!total)
		return;
	fprintf(stderr, "\r  %5.1f%%  %ld dòng / rows   ", 100.0 * (double)done / (double)total,
	        rows);
	fflush(stderr);
}

static int import(struct cli_sub *x, int argc, char **argv)
{
	const char *report = NULL, *pos[2];
	int aon = 0, update = 0, rc;
	const struct cli_opt opts[] = {
	    {"--report", &report},
	    {"--all-or-nothing", NULL, &aon},
	    {"--update", NULL, &update},
	    {NULL},
	};
	struct import_opts io = {0};
	struct import_stats st;
	enum import_kind kind;
	FILE *rf = NULL;
	size_t npos;

	if ((rc = cli_parse(x->cmd, argc, argv, x->first, opts, pos, 2, &npos)) != 0)
		return rc;
	if (npos != 2 || import_kind_parse(pos[0], &kind) < 0)
		return cli_usage(x->cmd, "Cần 'orgs' hoặc 'persons' và tên tệp",
		                 "'orgs' or 'persons' and a file name are required");
	if (report && !(rf = fopen(report, "w"))) {
		fprintf(stderr,
		        "hoso: lỗi [io_error, --report]: Không ghi được tệp báo cáo '%s'\n"
		        "hoso: error: cannot write the report file '%s'\n",
		        report, report);
		return EXIT_BAD_INPUT;
	}
	if ((rc = cli_sub_open(x)) != 0) {
		if (rf)
			fclose(rf);
		return rc;
	}
	io.all_or_nothing = aon;
	io.update = update;
	io.report = rf ? rf : stderr;
	io.max_report_lines = rf ? 0 : 100;
	io.progress = cli_isatty_err() ? progress : NULL;
	rc = import_file(x->app, &x->who, kind, pos[1], &io, &st, &x->err);
	if (io.progress)
		fputc('\n', stderr);
	if (rc < 0) {
		/* reported before the report file's own failure, if any */
		rc = cli_fail(&x->err);
	} else {
		printf("Đã đọc %ld dòng: thêm %ld, cập nhật %ld, lỗi %ld\n"
		       "Read %ld rows: %ld inserted, %ld updated, %ld rejected\n",
		       st.rows, st.inserted, st.updated, st.rejected, st.rows, st.inserted,
		       st.updated, st.rejected);
		if (st.rejected && report)
			printf("Chi tiết lỗi / details: %s\n", report);
		rc = st.rejected ? EXIT_BAD_INPUT : 0;
	}
	if (rf && fclose(rf) != 0) {
		fprintf(stderr,
		        "hoso: lỗi: không ghi được tệp báo cáo / cannot write the report\n");
		rc = EXIT_BAD_INPUT;
	}
	return rc;
}

const struct cmd_entry cmd_import_entry = {
    .name = "import",
    .usage = "import orgs|persons FILE [--report FILE] [--all-or-nothing] [--update]",
    .help = "Nhập tổ chức hoặc đảng viên từ CSV/XLSX / import organisations or persons",
    .run = import,
};
