/* Unit tests for src/app/report-export.c: the one download path - every
 * format by its table entry, each audited, named alike, nothing written
 * or audited on failure - and the plain tables a report's CSV carries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/report.h"
#include "core/buf.h"
#include "export/doc.h"
#include "fixture.h"

struct fx {
	struct fixture fx;
	struct report r;
};

/* TU with X1 below it, one inspection of X1 in 2019, and the report of
 * 2019 for TU. */
static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct case_input in = fixture_routine_inspection(date_days(2019, 5, 6));
	int64_t x1 = fixture_org(&f->fx, "X1", "Đảng bộ xã A", "dang_bo_truc_thuoc", f->fx.tu);

	fixture_case_of(&f->fx, &f->fx.sys, in, x1);
	assert_int_equal(report_figures(f->fx.app, &f->fx.sys, f->fx.tu, date_days(2019, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &f->fx.a, &f->r,
	                                &f->fx.e),
	                 0);
	*state = f;
	return 0;
}

/* The export entries of the audit trail, newest first. */
static size_t exports(struct fx *f, const char **ret_last_detail)
{
	struct audit_filter flt = {.action = "export", .object_type = "report", .limit = 100};
	struct audit_list l;

	assert_int_equal(audit_list(f->fx.app, &f->fx.sys, &flt, &f->fx.a, &l, &f->fx.e), 0);
	if (ret_last_detail)
		*ret_last_detail = l.n ? l.v[0].detail : NULL;
	return l.n;
}

static void test_formats(void **state)
{
	enum report_format f = REPORT_PDF;

	(void)state;
	for (int i = 0; i < REPORT_FORMAT__MAX; i++) {
		assert_non_null(report_format_name((enum report_format)i));
		assert_non_null(report_format_type((enum report_format)i));
		assert_int_equal(report_format_parse(report_format_name((enum report_format)i), &f),
		                 0);
		assert_int_equal(f, i);
	}
	assert_string_equal(report_format_name(REPORT_CSV), "csv");
	assert_string_equal(report_format_type(REPORT_CSV), "text/csv; charset=utf-8");
	assert_null(report_format_name(REPORT_FORMAT__MAX));
	assert_int_equal(report_format_parse("json", &f), HOSO_E_BAD_ENUM);
	assert_int_equal(report_format_parse("CSV", &f), HOSO_E_BAD_ENUM);
	assert_int_equal(report_format_parse(NULL, &f), HOSO_E_BAD_ENUM);
}

/* Every format through the same path: a file, its name, an audit entry. */
static void test_every_format_exports(void **state)
{
	struct fx *f = *state;
	struct buf out = BUF_INIT(16 << 20);
	const char *name, *detail;
	size_t before = exports(f, NULL);

	for (int i = 0; i < REPORT_FORMAT__MAX; i++) {
		char want[128];

		buf_reset(&out);
		assert_int_equal(report_export(f->fx.app, &f->fx.sys, &f->r, (enum report_format)i,
		                               &f->fx.a, &out, &name, &f->fx.e),
		                 0);
		assert_true(out.len > 500);
		snprintf(want, sizeof(want), "bao-cao-TU-2019-01-01-2019-12-31.%s",
		         report_format_name((enum report_format)i));
		assert_string_equal(name, want);
		assert_int_equal(exports(f, &detail), before + (size_t)i + 1);
		snprintf(want, sizeof(want), "\"format\":\"%s\"",
		         report_format_name((enum report_format)i));
		assert_non_null(strstr(detail, want));
	}
	assert_int_equal(report_export(f->fx.app, &f->fx.sys, &f->r, REPORT_FORMAT__MAX, &f->fx.a,
	                               &out, &name, &f->fx.e),
	                 HOSO_E_BAD_ENUM);
	buf_release(&out);
}

/* A file that does not fit is not written, nor audited. */
static void test_failure_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct buf small = BUF_INIT(600);
	const char *name;
	size_t before = exports(f, NULL);

	assert_int_equal(buf_adds(&small, "before"), 0);
	assert_int_equal(report_export(f->fx.app, &f->fx.sys, &f->r, REPORT_CSV, &f->fx.a, &small,
	                               &name, &f->fx.e),
	                 HOSO_E_TOO_BIG);
	assert_string_equal(small.buf, "before");
	assert_int_equal(exports(f, NULL), before);
	buf_release(&small);
}

/* The CSV's tables: the heading, every figure by code beside the period
 * before, the rows by child, the footer. */
static void test_tables(void **state)
{
	struct fx *f = *state;
	struct buf out = BUF_INIT(1 << 20);
	const struct doc_table *h, *fig, *rows;
	const char *name;
	struct doc d;

	assert_int_equal(report_tables(f->fx.app, &f->fx.sys, &f->r, &f->fx.a, &d, &f->fx.e), 0);
	assert_int_equal(d.nblocks, 3);
	h = d.blocks[0].table;
	fig = d.blocks[1].table;
	rows = d.blocks[2].table;
	assert_null(h->head);
	assert_string_equal(h->cells[1].text, "TU — Đảng bộ tỉnh");
	assert_string_equal(h->cells[3].text, "01/01/2019 – 31/12/2019");
	assert_string_equal(h->cells[5].text, "theo thời điểm phát sinh");
	assert_int_equal(fig->nrows, FIGURE__MAX);
	for (int i = 0; i < FIGURE__MAX; i++)
		assert_string_equal(fig->cells[i * fig->ncols].text, figure_code((enum figure)i));
	assert_int_equal(fig->cells[FIGURE_KT_TO_CHUC * fig->ncols + 3].n, 1);
	assert_int_equal(fig->cells[FIGURE_KT_TO_CHUC * fig->ncols + 5].n, 1);
	assert_string_equal(fig->cells[FIGURE_KT_TO_CHUC * fig->ncols + 6].text, "tổ chức");
	assert_int_equal(fig->cells[FIGURE_GS_THUONG_XUYEN * fig->ncols + 5].kind, DOC_CELL_EMPTY);
	/* Headed in words, never by the figures' codes. */
	assert_string_equal(rows->head[2], "Kiểm tra tổ chức");
	assert_string_equal(rows->head[2 + FIGURE__MAX],
	                    "Kiểm tra tổ chức (số tổ chức không trùng lặp)");
	for (size_t j = 2; j < rows->ncols; j++)
		if (strchr(rows->head[j], '_'))
			fail_msg("column %zu is headed by a code: %s", j, rows->head[j]);
	assert_int_equal(rows->nrows, 1);
	assert_string_equal(rows->cells[0].text, "X1");
	assert_int_equal(rows->cells[2 + FIGURE_KT_TO_CHUC].n, 1);
	assert_non_null(strstr(d.footer, "Lập bởi / produced by hệ thống"));
	/* as the writer puts it */
	assert_int_equal(report_export(f->fx.app, &f->fx.sys, &f->r, REPORT_CSV, &f->fx.a, &out,
	                               &name, &f->fx.e),
	                 0);
	assert_memory_equal(out.buf,
	                    "\xef\xbb\xbf\"BÁO CÁO SỐ LIỆU\",\"TU — Đảng bộ tỉnh\"\r\n\"Kỳ báo "
	                    "cáo\",\"01/01/2019 – 31/12/2019\"\r\n",
	                    strlen("\xef\xbb\xbf\"BÁO CÁO SỐ LIỆU\",\"TU — Đảng bộ tỉnh\"\r\n\"Kỳ "
	                           "báo cáo\",\"01/01/2019 – 31/12/2019\"\r\n"));
	assert_non_null(strstr(out.buf,
	                       "\r\n\"kt_to_chuc\",\"Tổ chức đảng được kiểm tra\",\"lượt\","
	                       "1,0,1,\"tổ chức\",0\r\n"));
	assert_non_null(strstr(out.buf, "\r\n\"Tổ chức\",\"Tên\",\"Kiểm tra tổ chức\",\"Tổ "
	                                "chức có vi phạm\","));
	assert_null(strstr(out.buf, "\"kt_to_chuc (không"));
	assert_non_null(strstr(out.buf, "\r\n\"gs_thuong_xuyen\",\"Cuộc giám sát thường "
	                                "xuyên\",\"cuộc\",0,0,,,\r\n"));
	buf_release(&out);
}

/* A report that counts classified records is marked in its CSV too. */
static void test_csv_carries_the_mark(void **state)
{
	struct fx *f = *state;
	struct buf out = BUF_INIT(1 << 20);
	const char *name;

	f->r.conf = CLEARANCE_SECRET;
	assert_int_equal(report_export(f->fx.app, &f->fx.sys, &f->r, REPORT_CSV, &f->fx.a, &out,
	                               &name, &f->fx.e),
	                 0);
	assert_memory_equal(out.buf, "\xef\xbb\xbf\"MẬT\"\r\n", strlen("\xef\xbb\xbf\"MẬT\"\r\n"));
	buf_release(&out);
}

TEST_MAIN(cmocka_unit_test(test_formats), FIXTURE_TEST(test_every_format_exports, setup),
          FIXTURE_TEST(test_failure_writes_nothing, setup), FIXTURE_TEST(test_tables, setup),
          FIXTURE_TEST(test_csv_carries_the_mark, setup))
