/*
 * Unit tests for src/import/csv.c and the format dispatch in table.c:
 * delimiters, BOMs, quoting, line endings, row numbering, limits and errors,
 * from memory and from files (across 64 KiB chunk boundaries).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "import/table.h"
#include "helpers.h"
#include "table-dump.h"

/* Parse csv from memory; the rows dumped in out, the final code returned. */
static int dump_mem(const char *csv, size_t len, struct buf *out, struct err *e)
{
	struct table *t;
	int r;

	buf_reset(out);
	r = table_open_mem(csv, len, TABLE_AUTO, &t, e);
	if (r < 0)
		return r;
	assert_int_equal(table_format(t), TABLE_CSV);
	r = table_dump(t, TABLE_DUMP_TEXT, out, e);
	table_close(t);
	return r;
}

static void check(const char *csv, const char *want)
{
	struct buf out = BUF_INIT(1 << 20);
	struct err e;

	err_init(&e);
	assert_int_equal(dump_mem(csv, strlen(csv), &out, &e), 0);
	assert_string_equal(out.buf, want);
	buf_release(&out);
	err_release(&e);
}

/* The code, row and rows read before a failure. */
static void check_fail(const char *csv, size_t len, int code, long row, const char *want)
{
	struct buf out = BUF_INIT(1 << 20);
	struct err e;

	err_init(&e);
	assert_int_equal(dump_mem(csv, len, &out, &e), code);
	assert_table_error(&e, code, row);
	if (want)
		assert_string_equal(out.buf, want);
	buf_release(&out);
	err_release(&e);
}

static void test_delimiters(void **state)
{
	(void)state;
	check("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
	check("a;b;c\n1;2,5;3\n", "1:a|b|c\n2:1|2,5|3\n");
	check("a\tb\tc\n1\t2\t3\n", "1:a|b|c\n2:1|2|3\n");
	/* The first record decides, and separators inside quotes do not count. */
	check("\"x,y,z\";b\n1;2\n", "1:x,y,z|b\n2:1|2\n");
	check("a;b,c;d\n", "1:a|b,c|d\n");
	/* One column: ',' */
	check("ten\nAn\n", "1:ten\n2:An\n");
	/* Leading blank lines do not hide the first record. */
	check("\n\na;b\n", "3:a|b\n");
}

static void test_bom(void **state)
{
	(void)state;
	check("\xEF\xBB\xBFHọ tên;Ngày sinh\nNguyễn Văn An;01/02/1960\n",
	      "1:Họ tên|Ngày sinh\n2:Nguyễn Văn An|01/02/1960\n");
	check("\xEF\xBB\xBF", "");
	check("", "");
}

static void test_utf16_refused(void **state)
{
	static const char le[] = "\xFF\xFE"
	                         "a\0,\0b\0";
	static const char be[] = "\xFE\xFF"
	                         "\0a\0,\0b";
	static const char le32[] = "\xFF\xFE\0\0"
	                           "a\0\0\0";
	static const char be32[] = "\0\0\xFE\xFF"
	                           "\0\0\0a";
	struct table *t = (struct table *)1;
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(table_open_mem(le, sizeof(le) - 1, TABLE_AUTO, &t, &e), HOSO_E_NOT_UTF8);
	assert_null(t);
	assert_non_null(strstr(e.msg_en.buf, "UTF-16"));
	assert_non_null(strstr(e.msg_vi.buf, "UTF-16"));
	assert_int_equal(table_open_mem(be, sizeof(be) - 1, TABLE_CSV, &t, &e), HOSO_E_NOT_UTF8);
	assert_int_equal(table_open_mem(le32, sizeof(le32) - 1, TABLE_CSV, &t, &e),
	                 HOSO_E_NOT_UTF8);
	assert_int_equal(table_open_mem(be32, sizeof(be32) - 1, TABLE_CSV, &t, &e),
	                 HOSO_E_NOT_UTF8);
	err_release(&e);
}

static void test_quotes(void **state)
{
	(void)state;
	check("\"a \"\"quoted\"\" word\",\"b,c\",\"\"\n", "1:a \"quoted\" word|b,c\n");
	/* Spaces around unquoted cells go; inside quotes they stay. */
	check("  a  , \" b \" ,c\n", "1:a| b |c\n");
	/* A quote inside an unquoted cell or after a closing quote is an error. */
	check_fail("a,b\nx\"y,z\n", 10, HOSO_E_BAD_FILE, 2, "1:a|b\n");
	check_fail("a,b\n\"x\"y,z\n", 10, HOSO_E_BAD_FILE, 2, "1:a|b\n");
}

static void test_embedded_newlines(void **state)
{
	(void)state;
	/* A record spanning lines is one row: numbers count records. */
	check("ten,ghi chu\n\"An\",\"dong 1\ndong 2\r\ndong 3\"\nBinh,x\n",
	      "1:ten|ghi chu\n2:An|dong 1\ndong 2\r\ndong 3\n3:Binh|x\n");
}

static void test_line_endings(void **state)
{
	(void)state;
	check("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	check("a,b\rc,d\r", "1:a|b\n2:c|d\n");
	check("a,b\nc,d", "1:a|b\n2:c|d\n");
	check("a,b\r\n\r\nc,d\r\n", "1:a|b\n3:c|d\n");
	check("a,b\r\rc,d", "1:a|b\n3:c|d\n");
	check("a\n\n\nb\n", "1:a\n4:b\n");
}

static void test_ragged_and_empty(void **state)
{
	(void)state;
	check("a,b,c\n1\n1,2,3,4\n", "1:a|b|c\n2:1\n3:1|2|3|4\n");
	/* Trailing empty cells are dropped; empty middle cells kept. */
	check("a,,c,,\n,,\n,b\n", "1:a|_|c\n3:_|b\n");
	/* Blank, space-only and separator-only lines are skipped but counted. */
	check("h\n\n   \n,,,\n\"\"\nx\n", "1:h\n6:x\n");
}

/* csv set to before, n bytes "z" (one long cell), then after. */
static void long_cell(struct buf *csv, const char *before, size_t n, const char *after)
{
	buf_reset(csv);
	buf_adds(csv, before);
	for (size_t i = 0; i < n; i++)
		buf_addch(csv, 'z');
	buf_adds(csv, after);
}

static void test_limits(void **state)
{
	struct buf csv = BUF_INIT(4 << 20), out = BUF_INIT(4 << 20);
	struct err e;
	int n;

	(void)state;
	err_init(&e);
	/* 256 columns is fine, trailing empties past them too. */
	buf_adds(&csv, "h\n");
	for (int i = 0; i < TABLE_MAX_COLUMNS; i++)
		buf_adds(&csv, i ? ",x" : "x");
	buf_adds(&csv, ",,,\n");
	assert_int_equal(dump_mem(csv.buf, csv.len, &out, &e), 0);
	n = 0;
	for (size_t i = 0; i < out.len; i++)
		n += out.buf[i] == '|';
	assert_int_equal(n, TABLE_MAX_COLUMNS - 1);

	/* 257 non-empty columns: too big, at row 3. */
	buf_adds(&csv, "y");
	for (int i = 0; i < TABLE_MAX_COLUMNS; i++)
		buf_adds(&csv, ",y");
	buf_adds(&csv, "\n");
	check_fail(csv.buf, csv.len, HOSO_E_TOO_BIG, 3, NULL);

	/* A cell one byte past the limit, unquoted and quoted. */
	long_cell(&csv, "a\nb\n", TABLE_MAX_CELL + 1, "\nc\n");
	check_fail(csv.buf, csv.len, HOSO_E_TOO_BIG, 3, "1:a\n2:b\n");
	long_cell(&csv, "a\nb\n\"", TABLE_MAX_CELL + 1, "\"\nc\n");
	check_fail(csv.buf, csv.len, HOSO_E_TOO_BIG, 3, "1:a\n2:b\n");

	/* A cell of exactly the limit is fine. */
	long_cell(&csv, "a\n", TABLE_MAX_CELL, "");
	assert_int_equal(dump_mem(csv.buf, csv.len, &out, &e), 0);
	assert_int_equal(out.len, 4 + 2 + TABLE_MAX_CELL + 1);

	/* An unterminated quote swallowing megabytes stops at the cell limit. */
	buf_reset(&csv);
	buf_adds(&csv, "a\n\"");
	for (int i = 0; i < 3 * TABLE_MAX_CELL; i++)
		buf_adds(&csv, i % 80 ? "q" : "\n");
	check_fail(csv.buf, csv.len, HOSO_E_TOO_BIG, 2, "1:a\n");

	buf_release(&csv);
	buf_release(&out);
	err_release(&e);
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	check_fail("a,b\nc,\"d\ne\n", 11, HOSO_E_BAD_FILE, 2, "1:a|b\n");
	check_fail("a\n\n\"", 4, HOSO_E_BAD_FILE, 3, "1:a\n");
}

static void test_error_is_sticky(void **state)
{
	struct table_row row;
	struct table *t;
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(table_open_mem("a\n\"b", 4, TABLE_CSV, &t, &e), 0);
	assert_int_equal(table_next(t, &row, &e), 1);
	assert_int_equal(table_next(t, &row, &e), HOSO_E_BAD_FILE);
	assert_int_equal(table_next(t, &row, &e), HOSO_E_BAD_FILE);
	table_close(t);
	err_release(&e);
}

/* A file of many rows reads the same from a path and from memory. */
static void test_file_and_progress(void **state)
{
	char path[] = "/tmp/hoso-test-csv-XXXXXX";
	struct buf csv = BUF_INIT(8 << 20), a = BUF_INIT(16 << 20), b = BUF_INIT(16 << 20);
	size_t done, total;
	struct table *t;
	struct err e;
	FILE *fp;
	int fd;

	(void)state;
	err_init(&e);
	buf_adds(&csv, "\xEF\xBB\xBFstt;ho_ten;ghi_chu\r\n");
	for (int i = 1; i <= 20000; i++)
		buf_addf(&csv, "%d;Nguyễn Văn %d;\"dòng\r\n\"\"%d\"\"\"\r\n", i, i, i);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(csv.buf, 1, csv.len, fp), csv.len);
	fclose(fp);

	assert_int_equal(table_open(path, TABLE_AUTO, &t, &e), 0);
	table_progress(t, &done, &total);
	assert_int_equal(total, csv.len);
	assert_int_equal(table_dump(t, TABLE_DUMP_TEXT, &a, &e), 0);
	table_progress(t, &done, &total);
	assert_int_equal(done, total);
	table_close(t);
	assert_int_equal(dump_mem(csv.buf, csv.len, &b, &e), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	assert_non_null(strstr(a.buf, "\n20001:20000|Nguyễn Văn 20000|dòng\r\n\"20000\"\n"));

	assert_int_equal(table_open("/nonexistent/x.csv", TABLE_AUTO, &t, &e), HOSO_E_NOT_FOUND);
	assert_null(t);
	unlink(path);
	buf_release(&csv);
	buf_release(&a);
	buf_release(&b);
	err_release(&e);
}

static void test_sniffing(void **state)
{
	static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest";
	struct table *t;
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(table_open_mem(ole2, sizeof(ole2) - 1, TABLE_AUTO, &t, &e),
	                 HOSO_E_BAD_FILE);
	assert_non_null(strstr(e.msg_en.buf, ".xls"));
	/* Asked for CSV, a zip is read as (odd) CSV, not sniffed. */
	assert_int_equal(table_open_mem("PK\3\4,x", 6, TABLE_CSV, &t, &e), 0);
	assert_int_equal(table_format(t), TABLE_CSV);
	table_close(t);
	assert_int_equal(table_open_mem("a", 1, TABLE_FORMAT__MAX, &t, &e), HOSO_E_INVALID);
	table_close(NULL);
	err_release(&e);
}

TEST_MAIN(cmocka_unit_test(test_delimiters), cmocka_unit_test(test_bom),
          cmocka_unit_test(test_utf16_refused), cmocka_unit_test(test_quotes),
          cmocka_unit_test(test_embedded_newlines), cmocka_unit_test(test_line_endings),
          cmocka_unit_test(test_ragged_and_empty), cmocka_unit_test(test_limits),
          cmocka_unit_test(test_unterminated_quote), cmocka_unit_test(test_error_is_sticky),
          cmocka_unit_test(test_file_and_progress), cmocka_unit_test(test_sniffing))
