/*
 * Unit tests for src/export/csv.c: the sample Party report (doc-sample.h)
 * as CSV against a golden file, what a spreadsheet relies on (the BOM,
 * CRLF, the mark, the tables one after another, the footer last, plain
 * integers), the quoting of any text - read back by libcsv, the formula
 * apostrophe - and the failures that leave the buffer as it was.
 *
 * The golden file lives in tests/data/export/csv/ ($HOSO_TESTDATA); after
 * a deliberate change, rewrite it with
 *
 *   HOSO_UPDATE_GOLDEN=1 ./build/tests/unit/test-export-csv
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <csv.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "export/csv.h"
#include "export/doc.h"

#include "doc-sample.h"
#include "golden.h"
#include "helpers.h"

static void write_ok(const struct doc *d, struct buf *out)
{
	struct err e;

	err_init(&e);
	if (csv_doc_write(d, out, &e) != 0)
		fail_msg("csv_doc_write: %s", err_text_en(&e));
	err_release(&e);
}

static void test_golden(void **state)
{
	struct buf got = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	write_ok(doc_sample(), &got);
	golden_check(got.buf, got.len, "export/csv/sample.csv");
	buf_release(&got);
}

/* The records of a CSV file (its lines, CRLF-separated, quoted line ends
 * aside) as a NULL-terminated array in one allocation. */
static char **lines(const struct buf *b, size_t *ret_n)
{
	char **v = calloc(b->len + 2, sizeof(*v));
	char *s = malloc(b->len + 1);
	size_t n = 0, start = 0;
	int quoted = 0;

	assert_true(v && s);
	memcpy(s, b->buf, b->len + 1);
	for (size_t i = 0; i < b->len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		if (!quoted && s[i] == '\r' && s[i + 1] == '\n') {
			s[i] = '\0';
			v[n++] = s + start;
			start = i + 2;
			i++;
		}
	}
	assert_int_equal(start, b->len); /* the last record ends with CRLF too */
	v[n] = NULL;
	v[b->len + 1] = s; /* for lines_free */
	*ret_n = n;
	return v;
}

static void lines_free(char **v, size_t len)
{
	free(v[len + 1]);
	free(v);
}

/* The mark, then each table (title, header, rows, note) with an empty
 * record between them, then the footer; the narrative is not there. */
static void test_layout(void **state)
{
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT);
	size_t n;
	char **l;

	(void)state;
	write_ok(doc_sample(), &out);
	assert_memory_equal(out.buf, "\xef\xbb\xbf", 3);
	l = lines(&out, &n);
	assert_int_equal(n, 1 + 1 + 1 + (SAMPLE_ROWS + 1) + 1 + 1 + 1);
	assert_string_equal(l[0], "\xef\xbb\xbf\"MẬT\"");
	assert_string_equal(l[1], "\"Biểu 1. Kết quả kiểm tra theo đơn vị\"");
	assert_string_equal(l[2], "\"STT\",\"Đơn vị\",\"Tổ chức đảng được kiểm tra\",\"Đảng "
	                          "viên được kiểm tra\",\"Có vi phạm\"");
	assert_string_equal(l[3], "\"1\",\"Đảng ủy xã Mường Ảng số 1\",10,11,0");
	assert_string_equal(l[6], "\"4\",\"Đảng ủy xã Mường Ảng số 4\",13,311,"); /* empty */
	assert_string_equal(l[3 + SAMPLE_ROWS], ",\"Tổng cộng\",1180,78440,33");
	assert_string_equal(l[4 + SAMPLE_ROWS],
	                    "\"Số liệu tính theo cơ cấu tổ chức tại ngày 01/7/2025.\"");
	assert_string_equal(l[5 + SAMPLE_ROWS], "");
	assert_string_equal(l[6 + SAMPLE_ROWS], "\"Xuất bởi canbo1 lúc 15/11/2019 09:30\"");
	assert_null(strstr(out.buf, "KẾT QUẢ THỰC HIỆN"));
	assert_null(strstr(out.buf, "Chỉ thị"));
	lines_free(l, out.len);
	buf_release(&out);
}

/* libcsv's reading of a file: the fields of each record. */
struct readback {
	char fields[64][128];
	size_t n, records;
};

static void rb_field(void *s, size_t len, void *data)
{
	struct readback *r = data;

	assert_true(r->n < 64 && len < 128);
	if (len) /* s is NULL for an empty unquoted field (CSV_EMPTY_IS_NULL) */
		memcpy(r->fields[r->n], s, len);
	r->fields[r->n++][len] = '\0';
}

static void rb_record(int c, void *data)
{
	(void)c;
	((struct readback *)data)->records++;
}

/* Any text reads back as written - quotes, commas, line ends, Vietnamese
 * - except that a formula gets an apostrophe; integers are bare; tables
 * without a header have none; two tables are one empty record apart. */
static void test_quoting_reads_back(void **state)
{
	static const char *const texts[] = {"a \"quoted\" word",
	                                    "one, two",
	                                    "line\r\nbreak",
	                                    "Lò Văn Muôn",
	                                    "=SUM(A1:A9)",
	                                    "+84",
	                                    "-1",
	                                    "@cmd",
	                                    "\tTab",
	                                    "plain"};
	struct doc_cell cells[12];
	struct doc_table t1 = {.ncols = 12, .nrows = 1, .cells = cells};
	struct doc_cell two[] = {{.kind = DOC_CELL_TEXT, .text = "x"},
	                         {.kind = DOC_CELL_INT, .n = 2}};
	struct doc_table t2 = {.ncols = 2, .nrows = 1, .cells = two};
	struct doc_block blocks[] = {{.kind = DOC_TABLE, .table = &t1},
	                             {.kind = DOC_PARA, .text = "not in a CSV"},
	                             {.kind = DOC_TABLE, .table = &t2}};
	struct doc d = {.blocks = blocks, .nblocks = 3};
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT);
	struct readback rb = {0};
	struct csv_parser p;

	(void)state;
	for (size_t i = 0; i < 10; i++)
		cells[i] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = texts[i]};
	cells[10] = (struct doc_cell){.kind = DOC_CELL_INT, .n = -1234567};
	cells[11] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = NULL};
	write_ok(&d, &out);
	assert_non_null(strstr(out.buf, ",-1234567,\r\n\r\n\"x\",2\r\n"));
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_EMPTY_IS_NULL), 0);
	assert_int_equal(csv_parse(&p, out.buf + 3, out.len - 3, rb_field, rb_record, &rb),
	                 out.len - 3);
	csv_fini(&p, rb_field, rb_record, &rb);
	csv_free(&p);
	assert_int_equal(rb.n, 14);
	assert_int_equal(rb.records, 2); /* libcsv skips the empty record */
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(rb.fields[i], texts[i]);
	assert_string_equal(rb.fields[4], "'=SUM(A1:A9)");
	assert_string_equal(rb.fields[5], "'+84");
	assert_string_equal(rb.fields[6], "'-1");
	assert_string_equal(rb.fields[7], "'@cmd");
	assert_string_equal(rb.fields[8], "'\tTab");
	assert_string_equal(rb.fields[9], "plain");
	assert_string_equal(rb.fields[10], "-1234567");
	assert_string_equal(rb.fields[11], "");
	assert_string_equal(rb.fields[12], "x");
	assert_string_equal(rb.fields[13], "2");
	buf_release(&out);
}

static void test_field(void **state)
{
	struct buf out = BUF_INIT(64);

	(void)state;
	assert_int_equal(csv_doc_field(&out, NULL), 0);
	assert_int_equal(out.len, 0);
	assert_int_equal(csv_doc_field(&out, ""), 0);
	assert_int_equal(csv_doc_field(&out, "=1"), 0);
	assert_int_equal(csv_doc_field(&out, "\"\""), 0);
	assert_string_equal(out.buf, "\"\""
	                             "\"'=1\""
	                             "\"\"\"\"\"\"");
	/* past the cap: nothing of the field is left */
	buf_reset(&out);
	assert_int_equal(csv_doc_field(&out, "0123456789012345678901234567890123456789"), 0);
	assert_int_equal(csv_doc_field(&out, "0123456789012345678901234567890123456789"),
	                 HOSO_E_TOO_BIG);
	assert_int_equal(out.len, 42);
	buf_release(&out);
}

/* A document that cannot be written leaves the buffer as it was. */
static void test_failures_write_nothing(void **state)
{
	struct doc_cell bad[] = {{.kind = DOC_CELL_TEXT, .text = "\xc3\x28"}};
	struct doc_cell ctl[] = {{.kind = DOC_CELL_TEXT, .text = "a\x01"}};
	struct doc_table t = {.ncols = 1, .nrows = 1, .cells = bad};
	struct doc_table none = {.ncols = 0};
	struct doc_block block = {.kind = DOC_TABLE, .table = &t};
	struct doc d = {.blocks = &block, .nblocks = 1};
	struct buf out = BUF_INIT(BUF_MAX_DEFAULT), small = BUF_INIT(1000);
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(buf_adds(&out, "before"), 0);
	assert_int_equal(csv_doc_write(&d, &out, &e), HOSO_E_NOT_UTF8);
	t.cells = ctl;
	assert_int_equal(csv_doc_write(&d, &out, &e), HOSO_E_INVALID);
	block.table = &none;
	assert_int_equal(csv_doc_write(&d, &out, &e), HOSO_E_INVALID);
	assert_int_equal(out.len, 6);
	assert_string_equal(out.buf, "before");
	assert_int_equal(buf_adds(&small, "before"), 0);
	assert_int_equal(csv_doc_write(doc_sample(), &small, &e), HOSO_E_TOO_BIG);
	assert_int_equal(small.len, 6);
	assert_string_equal(small.buf, "before");
	buf_release(&out);
	buf_release(&small);
	err_release(&e);
}

TEST_MAIN(cmocka_unit_test(test_golden), cmocka_unit_test(test_layout),
          cmocka_unit_test(test_quoting_reads_back), cmocka_unit_test(test_field),
          cmocka_unit_test(test_failures_write_nothing))
