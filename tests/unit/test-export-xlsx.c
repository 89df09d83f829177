/*
 * Unit tests for src/export/xlsx.c: the sample report (doc-sample.h) as a
 * workbook, its parts compared with golden files, what a reader of the
 * sheet relies on (SUM formulas, frozen panes, the Vietnamese number
 * format, print setup, sheet names, escaping), the edge cases (no rows, no
 * tables, a buffer too small, bad input), and one LibreOffice conversion to
 * PDF.
 *
 * Golden files live in tests/data/export/xlsx/ ($HOSO_TESTDATA/export/xlsx).
 * After a deliberate change of the layout, rewrite them with
 *
 *   HOSO_UPDATE_GOLDEN=1 ./build/tests/unit/test-export-xlsx
 *
 * and look at the diff (and at the workbook in LibreOffice) before
 * committing them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <zip.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "export/doc.h"
#include "export/xlsx.h"

#include "doc-sample.h"
#include "golden.h"
#include "helpers.h"
#include "office.h"

/* The sample workbook, written once (xlsx_write is deterministic: the
 * golden test checks that). */
static struct buf sample = BUF_INIT(BUF_MAX_DEFAULT);

/* Part name of x, which must be there, into out (a NUL-terminated string). */
static void must_part(const struct buf *x, const char *name, struct buf *out)
{
	if (office_zip_part(x, name, out) != 0)
		fail_msg("no part %s in the workbook", name);
}

/* The element of cell ref ("E11") in the sheet XML, up to its first ">",
 * into out (n bytes); fails when the sheet has no such cell. */
static const char *cell(const char *sheet, const char *ref, char *out, size_t n)
{
	char key[32];
	const char *at, *end;

	snprintf(key, sizeof(key), "<c r=\"%s\"", ref);
	at = strstr(sheet, key);
	if (!at)
		fail_msg("no cell %s", ref);
	end = strchr(at, '>');
	assert_non_null(end);
	snprintf(out, n, "%.*s", (int)(end - at + 1), at);
	return out;
}

/* d written into out (emptied first); asserts success. */
static void write_ok(const struct doc *d, struct buf *out)
{
	struct err e;

	err_init(&e);
	buf_reset(out);
	if (xlsx_write(d, out, &e) != 0)
		fail_msg("xlsx_write: %s", err_text_en(&e));
	err_release(&e);
	assert_true(out->len > 4 && !memcmp(out->buf, "PK\3\4", 4));
}

static int setup(void **state)
{
	(void)state;
	write_ok(doc_sample(), &sample);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	buf_release(&sample);
	return 0;
}

/* The parts of the sample, byte for byte; the same bytes twice. */
static void test_golden(void **state)
{
	struct buf again = BUF_INIT(BUF_MAX_DEFAULT), p = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	office_golden_parts(&sample, "export/xlsx", "xl/worksheets/sheet1.xml",
	                    "xl/worksheets/sheet2.xml", "xl/styles.xml", "xl/sharedStrings.xml",
	                    "xl/charts/chart1.xml", "xl/workbook.xml");
	write_ok(doc_sample(), &again);
	assert_int_equal(again.len, sample.len);
	assert_memory_equal(again.buf, sample.buf, sample.len);
	/* d->created, not the clock: 1573785000 is 2019-11-15 02:30 UTC. */
	must_part(&sample, "docProps/core.xml", &p);
	assert_contains(p.buf,
	                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
	                "2019-11-15T02:30:00Z</dcterms:created>",
	                "<dc:title>Báo cáo sơ kết 5 năm</dc:title>",
	                "<dc:creator>hoso</dc:creator>");
	buf_release(&again);
	buf_release(&p);
}

/* The total row: a SUM of the 40 rows above for every integer column,
 * bold, with the sums as cached values. */
static void test_total_row(void **state)
{
	struct buf p = BUF_INIT(BUF_MAX_DEFAULT);
	const struct doc *d = doc_sample();
	const struct doc_cell *t = &d->blocks[5].table->cells[SAMPLE_ROWS * 5];
	char want[128], c[128];
	const char *r48, *r49;

	(void)state;
	must_part(&sample, "xl/worksheets/sheet1.xml", &p);
	assert_int_equal(office_count(p.buf, "<f>SUM("), 3);
	/* Title rows 1-6 (mark, issuer, type, summary, caption, blank), the
	 * header in row 7, the data in rows 8-47, the total in row 48. */
	for (int k = 0; k < 3; k++) {
		snprintf(want, sizeof(want), "<f>SUM(%c8:%c47)</f><v>%lld</v>", 'C' + k, 'C' + k,
		         (long long)t[2 + k].n);
		assert_non_null(strstr(p.buf, want));
	}
	/* The formulas are in the total row (48) alone, in a style of their
	 * own (bold) that the rows above do not have. */
	r48 = strstr(p.buf, "<row r=\"48\"");
	r49 = strstr(p.buf, "<row r=\"49\"");
	assert_true(r48 && r49 && strstr(p.buf, "<f>") > r48 && !strstr(r49, "<f>"));
	snprintf(want, sizeof(want), "%s", strstr(cell(p.buf, "C48", c, sizeof(c)), " s=\""));
	assert_string_not_equal(want, strstr(cell(p.buf, "C47", c, sizeof(c)), " s=\""));
	buf_release(&p);
}

/* Panes frozen below the header, the header repeated on printed pages, A4
 * portrait fit to one page wide, footer with page numbers. */
static void test_view_and_print(void **state)
{
	struct buf p = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	must_part(&sample, "xl/worksheets/sheet1.xml", &p);
	assert_non_null(strstr(p.buf,
	                       "<pane ySplit=\"7\" topLeftCell=\"A8\" activePane=\"bottomLeft\" "
	                       "state=\"frozen\"/>"));
	assert_contains(p.buf,
	                "<pageSetup paperSize=\"9\" fitToHeight=\"0\" "
	                "orientation=\"portrait\"",
	                "<pageSetUpPr fitToPage=\"1\"/>",
	                "<oddFooter>&amp;L&amp;\"Times New Roman,Italic\"&amp;8"
	                "Xuất bởi canbo1 lúc 15/11/2019 09:30",
	                "&amp;P/&amp;N</oddFooter>");
	/* Merged title block and note across the five columns. */
	assert_contains(p.buf, "<mergeCell ref=\"A1:E1\"/>", "<mergeCell ref=\"A49:E49\"/>");
	must_part(&sample, "xl/workbook.xml", &p);
	assert_non_null(strstr(p.buf, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
	                              "'Biểu 1'!$7:$7</definedName>"));
	buf_release(&p);
}

/* Integers are numbers with the Vietnamese format; text, bold, red. */
static void test_styles(void **state)
{
	struct buf p = BUF_INIT(BUF_MAX_DEFAULT), s = BUF_INIT(BUF_MAX_DEFAULT);
	char c[128];

	(void)state;
	must_part(&sample, "xl/styles.xml", &s);
	assert_contains(s.buf, "formatCode=\"[$-42A]#,##0\"", "<color rgb=\"FFC00000\"/>",
	                "<fgColor rgb=\"FFD9D9D9\"/>", "<name val=\"Times New Roman\"/>");
	must_part(&sample, "xl/worksheets/sheet1.xml", &p);
	/* Row 8 is the first data row: "1", the name, 10, 11, 0. */
	assert_non_null(strstr(p.buf, "<c r=\"C8\" s=\""));
	assert_non_null(strstr(strstr(p.buf, "<c r=\"C8\" s=\""), "\"><v>10</v></c>"));
	/* Row 11 (i = 3) has an empty cell in E: blank, with a style (the
	 * border), no value. */
	assert_non_null(strstr(cell(p.buf, "E11", c, sizeof(c)), " s=\""));
	assert_non_null(strstr(c, "/>"));
	assert_null(strstr(cell(p.buf, "E10", c, sizeof(c)), "/>"));
	buf_release(&p);
	buf_release(&s);
}

/* Sheet names: from the tables, cleaned, cut to 31 characters, unique
 * whatever the case; "Biểu N" and "Biểu đồ N" when there is none. */
static void test_sheet_names(void **state)
{
	static const char *const head[] = {"A"};
	static const struct doc_cell cells[] = {{.kind = DOC_CELL_INT, .n = 1}};
	static const char *const names[] = {
	    "Biểu 1",
	    "BIỂU 1",
	    "A/B:C*?[x]\\",
	    NULL,
	    "Một tên rất dài của trang tính vượt quá ba mươi mốt ký tự",
	    "'trích'",
	    "history",
	    "Biểu đồ 1",
	    "''",
	};
	static const char *const want[] = {
	    "Biểu 1", "BIỂU 1 (2)",  "A_B_C___x__", "Biểu 4", "Một tên rất dài của trang tính ",
	    "trích",  "history (2)", "Biểu đồ 1",   "Biểu 9", "Biểu đồ 1 (2)",
	};
	enum { N = sizeof(names) / sizeof(names[0]) };
	struct doc_table tables[N];
	struct doc_block blocks[N + 1];
	struct doc d = {.blocks = blocks, .nblocks = N + 1, .created = 1};
	struct doc_chart chart = {.title = "T", .n = 0};
	struct buf x = BUF_INIT(BUF_MAX_DEFAULT), p = BUF_INIT(BUF_MAX_DEFAULT);
	char s[256];
	const char *at;

	(void)state;
	for (size_t i = 0; i < N; i++) {
		tables[i] = (struct doc_table){
		    .sheet = names[i], .ncols = 1, .head = head, .nrows = 1, .cells = cells};
		blocks[i] = (struct doc_block){.kind = DOC_TABLE, .table = &tables[i]};
	}
	blocks[N] = (struct doc_block){.kind = DOC_CHART, .chart = &chart};
	write_ok(&d, &x);
	must_part(&x, "xl/workbook.xml", &p);
	at = p.buf;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(s, sizeof(s), "<sheet name=\"%s\" sheetId=\"%zu\"", want[i], i + 1);
		at = strstr(at, s);
		if (!at)
			fail_msg("no sheet %s in %s", s, p.buf);
	}
	buf_release(&x);
	buf_release(&p);
}

/* Text goes through escaped; Vietnamese (NFC) comes out byte for byte; a
 * table of no rows is its header; a total row alone is a number. */
static void test_text_and_rows(void **state)
{
	static const char *const head[] = {"Tên & <mã>", "Số"};
	static const struct doc_cell cells[] = {
	    {.kind = DOC_CELL_TEXT, .text = "Ỷ ỹ ẵ ẳ ữ ử ự “ngoặc kép” & <thẻ>"},
	    {.kind = DOC_CELL_INT, .n = 2611},
	    {.kind = DOC_CELL_TEXT, .text = NULL},
	    {.kind = DOC_CELL_INT, .n = -1234567},
	};
	static const struct doc_cell total[] = {
	    {.kind = DOC_CELL_TEXT, .text = "Tổng"},
	    {.kind = DOC_CELL_INT, .n = 7},
	};
	struct doc_table t0 = {.title = "Không dòng", .ncols = 2, .head = head, .nrows = 0};
	struct doc_table t1 = {.ncols = 2, .head = head, .nrows = 2, .cells = cells};
	struct doc_table t2 = {
	    .ncols = 2, .head = head, .nrows = 1, .cells = total, .total_row = 1};
	struct doc_block blocks[] = {
	    {.kind = DOC_TABLE, .table = &t0},
	    {.kind = DOC_TABLE, .table = &t1},
	    {.kind = DOC_TABLE, .table = &t2},
	};
	struct doc d = {.issuer = "TỈNH ỦY", .blocks = blocks, .nblocks = 3, .created = 1};
	struct buf x = BUF_INIT(BUF_MAX_DEFAULT), p = BUF_INIT(BUF_MAX_DEFAULT);
	char c[128];

	(void)state;
	write_ok(&d, &x);
	must_part(&x, "xl/sharedStrings.xml", &p);
	assert_contains(p.buf, "<t>Ỷ ỹ ẵ ẳ ữ ử ự “ngoặc kép” &amp; &lt;thẻ&gt;</t>",
	                "<t>Tên &amp; &lt;mã&gt;</t>");
	assert_null(strstr(p.buf, "<thẻ>"));
	assert_null(strstr(p.buf, "MẬT")); /* no mark: none shown */
	assert_non_null(strstr(p.buf, "<t>TỈNH ỦY</t>"));

	/* No rows: issuer, caption, a blank row, the header in row 4. */
	must_part(&x, "xl/worksheets/sheet1.xml", &p);
	assert_non_null(strstr(p.buf, "<row r=\"4\""));
	assert_null(strstr(p.buf, "<row r=\"5\""));
	assert_non_null(strstr(p.buf, "state=\"frozen\""));

	/* Numbers as numbers; the text cell without text is blank. */
	must_part(&x, "xl/worksheets/sheet2.xml", &p);
	assert_contains(p.buf, "<v>2611</v>", "<v>-1234567</v>");
	assert_non_null(strstr(cell(p.buf, "A5", c, sizeof(c)), " s=\""));
	assert_non_null(strstr(c, "/>"));
	assert_null(strstr(c, "t=\"s\""));

	/* A total row with no rows above has nothing to sum. */
	must_part(&x, "xl/worksheets/sheet3.xml", &p);
	assert_null(strstr(p.buf, "<f>"));
	assert_non_null(strstr(p.buf, "<v>7</v>"));
	buf_release(&x);
	buf_release(&p);
}

/* A document without tables or charts: one sheet that says so. */
static void test_no_tables(void **state)
{
	struct doc_block para = {.kind = DOC_PARA, .text = "Chỉ có lời."};
	struct doc d0 = {.type = "BÁO CÁO", .created = 1};
	struct doc d1 = {.type = "BÁO CÁO", .blocks = &para, .nblocks = 1, .created = 1};
	struct buf x = BUF_INIT(BUF_MAX_DEFAULT), p = BUF_INIT(BUF_MAX_DEFAULT);
	const struct doc *docs[] = {&d0, &d1};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		write_ok(docs[i], &x);
		must_part(&x, "xl/workbook.xml", &p);
		assert_int_equal(office_count(p.buf, "<sheet "), 1);
		assert_non_null(strstr(p.buf, "<sheet name=\"Phụ lục\""));
		must_part(&x, "xl/sharedStrings.xml", &p);
		assert_contains(p.buf, "<t>Tài liệu không có biểu số liệu.</t>", "<t>BÁO CÁO</t>");
		assert_null(strstr(p.buf, "Chỉ có lời"));
	}
	buf_release(&x);
	buf_release(&p);
}

/* The chart: a native column chart of two series over the labels, with
 * its data on its own sheet. */
static void test_chart(void **state)
{
	struct buf p = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	must_part(&sample, "xl/charts/chart1.xml", &p);
	assert_non_null(strstr(p.buf, "<c:barDir val=\"col\"/>"));
	assert_int_equal(office_count(p.buf, "<c:ser>"), 2);
	assert_contains(p.buf, "<c:f>'Biểu đồ 1'!$A$8:$A$12</c:f>",
	                "<c:f>'Biểu đồ 1'!$B$8:$B$12</c:f>", "<c:f>'Biểu đồ 1'!$C$8:$C$12</c:f>",
	                "Tổ chức đảng được kiểm tra theo năm");
	must_part(&sample, "xl/worksheets/sheet2.xml", &p);
	assert_contains(p.buf, "<drawing r:id=\"rId1\"/>", "<v>105</v>");
	buf_release(&p);
}

/* Bad input and a buffer too small: a negative code, the buffer as it was. */
static void test_failures(void **state)
{
	static const char *const head[] = {"A"};
	struct doc_table t = {.ncols = 0, .head = head};
	struct doc_chart c = {.n = 2};
	struct doc_block bt = {.kind = DOC_TABLE, .table = &t};
	struct doc_block bc = {.kind = DOC_CHART, .chart = &c};
	struct doc_block bn = {.kind = DOC_TABLE};
	struct doc dt = {.blocks = &bt, .nblocks = 1}, dc = {.blocks = &bc, .nblocks = 1};
	struct doc dn = {.blocks = &bn, .nblocks = 1};
	struct buf b;
	struct err e;

	(void)state;
	doc_sample_too_big(xlsx_write, 1000);
	err_init(&e);
	buf_init(&b, 1000);
	assert_int_equal(buf_adds(&b, "abc"), 0);
	assert_int_equal(xlsx_write(&dt, &b, &e), HOSO_E_INVALID);
	assert_int_equal(xlsx_write(&dc, &b, &e), HOSO_E_INVALID);
	assert_int_equal(xlsx_write(&dn, &b, &e), HOSO_E_INVALID);
	assert_int_equal(xlsx_write(NULL, &b, &e), HOSO_E_INVALID);
	assert_int_equal(b.len, 3);
	assert_string_equal(b.buf, "abc");

	/* libxlsxwriter refuses a string past 32767 characters: the workbook
	 * is dropped, no temporary file stays behind. */
	{
		static char huge[40000];
		struct doc_cell hc = {.kind = DOC_CELL_TEXT, .text = huge};
		struct doc_table ht = {.ncols = 1, .head = head, .nrows = 1, .cells = &hc};
		struct doc_block hb = {.kind = DOC_TABLE, .table = &ht};
		struct doc dh = {.blocks = &hb, .nblocks = 1, .created = 1};
		const char *old = getenv("TMPDIR");
		char dir[512], *keep = old ? strdup(old) : NULL;
		struct dirent *de;
		DIR *dp;

		memset(huge, 'a', sizeof(huge) - 1);
		tmpdir_make(dir, sizeof(dir));
		assert_int_equal(setenv("TMPDIR", dir, 1), 0);
		assert_int_equal(xlsx_write(&dh, &b, &e), HOSO_E_INVALID);
		assert_int_equal(b.len, 3);
		assert_string_equal(b.buf, "abc");
		dp = opendir(dir);
		assert_non_null(dp);
		while ((de = readdir(dp)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
				fail_msg("left behind: %s", de->d_name);
		closedir(dp);
		assert_int_equal(keep ? setenv("TMPDIR", keep, 1) : unsetenv("TMPDIR"), 0);
		free(keep);
		tmpdir_remove(dir);
	}
	buf_release(&b);

	/* Enough room: the workbook goes after what was there. */
	buf_init(&b, sample.len + 3);
	assert_int_equal(buf_adds(&b, "abc"), 0);
	assert_int_equal(xlsx_write(doc_sample(), &b, &e), 0);
	assert_int_equal(b.len, sample.len + 3);
	assert_memory_equal(b.buf, "abc", 3);
	assert_memory_equal(b.buf + 3, sample.buf, sample.len);
	buf_release(&b);
	err_release(&e);
}

/* A LibreOffice profile that recalculates an .xlsx on load (by default
 * it shows the values cached in the file). */
#define LO_RECALC                                                                                  \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
	"<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "                            \
	"xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "                                           \
	"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"                               \
	"<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"                             \
	"<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"      \
	"</oor:items>\n"

/* LibreOffice opens the sample and prints it: the PDF shows the figures
 * with Vietnamese grouping whatever LibreOffice's locale, and the totals
 * it computed from the SUM formulas (the cached values are zeroed first,
 * and the profile recalculates on load).  The one LibreOffice run. */
static void test_libreoffice(void **state)
{
	static const char *const cached[][2] = {
	    {"</f><v>1180</v>", "</f><v>0</v>"},
	    {"</f><v>78440</v>", "</f><v>0</v>"},
	    {"</f><v>33</v>", "</f><v>0</v>"},
	};
	char dir[512], path[600], *at;
	struct buf txt = BUF_INIT(BUF_MAX_DEFAULT), sheet = BUF_INIT(BUF_MAX_DEFAULT);
	const char *total;
	zip_source_t *zs;
	zip_t *za;
	size_t n;
	int zerr;

	(void)state;
	tmpdir_make(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/lo", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/lo/user", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/lo/user/registrymodifications.xcu", dir);
	office_put_file(path, LO_RECALC, strlen(LO_RECALC));

	/* The sample, its totals' cached values set to 0. */
	snprintf(path, sizeof(path), "%s/bao-cao.xlsx", dir);
	office_put_file(path, sample.buf, sample.len);
	must_part(&sample, "xl/worksheets/sheet1.xml", &sheet);
	for (size_t i = 0; i < 3; i++) {
		at = strstr(sheet.buf, cached[i][0]);
		assert_non_null(at);
		n = strlen(cached[i][1]);
		memcpy(at, cached[i][1], n);
		memmove(at + n, at + strlen(cached[i][0]), strlen(at + strlen(cached[i][0])) + 1);
		sheet.len = strlen(sheet.buf);
	}
	za = zip_open(path, 0, &zerr);
	assert_non_null(za);
	zs = zip_source_buffer(za, sheet.buf, sheet.len, 0);
	assert_non_null(zs);
	assert_true(zip_file_add(za, "xl/worksheets/sheet1.xml", zs, ZIP_FL_OVERWRITE) >= 0);
	assert_int_equal(zip_close(za), 0);

	office_to_pdf(dir, "bao-cao.xlsx", path, sizeof(path));
	office_pdf_text(path, "-layout", &txt);
	/* Row 40's count is 100 * 39 + 11. */
	assert_contains(txt.buf, "MẬT", "Biểu 1. Kết quả kiểm tra theo đơn vị",
	                "Đảng ủy xã Mường Ảng số 40", "3.911");
	/* The totals LibreOffice computed: 1.180, 78.440, 33. */
	total = strstr(txt.buf, "Tổng cộng");
	assert_non_null(total);
	assert_contains(total, "1.180", "78.440", "33");
	assert_true(strstr(total, "1.180") < strchr(total, '\n'));
	assert_true(strstr(total, "33") < strchr(total, '\n'));
	/* The chart sheet, with its data. */
	assert_contains(txt.buf, "Tổ chức đảng được kiểm tra theo năm", "Kỳ này");
	buf_release(&txt);
	buf_release(&sheet);
	tmpdir_remove(dir);
}

TEST_MAIN_GROUP(setup, teardown, cmocka_unit_test(test_golden), cmocka_unit_test(test_total_row),
                cmocka_unit_test(test_view_and_print), cmocka_unit_test(test_styles),
                cmocka_unit_test(test_sheet_names), cmocka_unit_test(test_text_and_rows),
                cmocka_unit_test(test_no_tables), cmocka_unit_test(test_chart),
                cmocka_unit_test(test_failures), cmocka_unit_test(test_libreoffice))
