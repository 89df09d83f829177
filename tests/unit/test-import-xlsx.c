/*
 * Unit tests for src/import/xlsx.c: the fixtures libxlsxwriter wrote
 * (tests/data/import/make-fixtures.c), workbooks built here with libzip to
 * reach what libxlsxwriter never writes (sheet order, rich and phonetic
 * runs, 1904 dates, missing references), and broken or hostile files:
 * truncated zips, missing parts, malformed XML, DTDs, zip bombs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "import/table.h"
#include "helpers.h"
#include "table-dump.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG  "http://schemas.openxmlformats.org/package/2006/relationships"

#define PKG_RELS                                                                                   \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" NS_PKG "\">"           \
	"<Relationship Id=\"rId1\" Type=\"" NS_REL                                                 \
	"/officeDocument\" Target=\"xl/workbook.xml\"/>"                                           \
	"</Relationships>"
#define WB_RELS                                                                                    \
	"<Relationships xmlns=\"" NS_PKG "\">"                                                     \
	"<Relationship Id=\"rId1\" Type=\"" NS_REL                                                 \
	"/worksheet\" Target=\"worksheets/sheet1.xml\"/>"                                          \
	"<Relationship Id=\"rId2\" Type=\"" NS_REL                                                 \
	"/sharedStrings\" Target=\"sharedStrings.xml\"/>"                                          \
	"<Relationship Id=\"rId3\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>"             \
	"</Relationships>"
#define WB                                                                                         \
	"<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"                          \
	"<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define SST "<sst xmlns=\"" NS_MAIN "\"><si><t>zero</t></si><si><t>one</t></si></sst>"
#define STYLES                                                                                     \
	"<styleSheet xmlns=\"" NS_MAIN "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"              \
	"<xf numFmtId=\"14\"/></cellXfs></styleSheet>"
#define SHEET(rows) "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>" rows "</sheetData></worksheet>"

/* "Nguyễn Văn An" as make-fixtures.c writes it, ễ and ă decomposed (NFD). */
#define NFD_NAME "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An"

struct part {
	const char *name;
	const char *data;
};

/* A zip of the parts, built in memory with libzip, into out. */
static void make_zip(const struct part *parts, size_t n, struct buf *out)
{
	zip_source_t *src, *zs;
	zip_error_t ze;
	zip_stat_t st;
	zip_t *za;
	char *tmp;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	zip_source_keep(src);
	for (size_t i = 0; i < n; i++) {
		zs = zip_source_buffer(za, parts[i].data, strlen(parts[i].data), 0);
		assert_non_null(zs);
		assert_true(zip_file_add(za, parts[i].name, zs, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	zip_stat_init(&st);
	assert_int_equal(zip_source_stat(src, &st), 0);
	assert_int_equal(zip_source_open(src), 0);
	tmp = malloc(st.size);
	assert_non_null(tmp);
	assert_int_equal(zip_source_read(src, tmp, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	buf_reset(out);
	assert_int_equal(buf_add(out, tmp, st.size), 0);
	free(tmp);
}

/* The usual parts around a sheet, replaced where the caller gives its own. */
static void make_xlsx(const char *sheet, const char *sst, const char *styles, struct buf *out)
{
	const struct part parts[] = {
	    {"_rels/.rels", PKG_RELS},
	    {"xl/workbook.xml", WB},
	    {"xl/_rels/workbook.xml.rels", WB_RELS},
	    {"xl/sharedStrings.xml", sst ? sst : SST},
	    {"xl/styles.xml", styles ? styles : STYLES},
	    {"xl/worksheets/sheet1.xml", sheet},
	};

	make_zip(parts, sizeof(parts) / sizeof(parts[0]), out);
}

/*
 * Set the declared uncompressed size of entry name, in its local header and
 * in the central directory, to size.
 */
static void patch_size(struct buf *zip, const char *name, uint32_t size)
{
	unsigned char *s = (unsigned char *)zip->buf;
	size_t nlen = strlen(name), hits = 0;

	for (size_t i = 0; i + 46 + nlen <= zip->len; i++) {
		size_t at = 0, off = 0;

		if (memcmp(s + i, "PK\3\4", 4) == 0 && s[i + 26] == nlen && s[i + 27] == 0 &&
		    memcmp(s + i + 30, name, nlen) == 0) {
			at = i + 22;
		} else if (memcmp(s + i, "PK\1\2", 4) == 0 && s[i + 28] == nlen && s[i + 29] == 0 &&
		           memcmp(s + i + 46, name, nlen) == 0) {
			at = i + 24;
		}
		if (!at)
			continue;
		for (off = 0; off < 4; off++)
			s[at + off] = (unsigned char)(size >> (8 * off));
		hits++;
	}
	assert_int_equal(hits, 2);
}

static void read_file(const char *name, struct buf *out)
{
	const char *dir = getenv("HOSO_TESTDATA");
	char path[4096], tmp[65536];
	size_t n;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/import/%s", dir ? dir : "tests/data", name);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	buf_reset(out);
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		buf_add(out, tmp, n);
	fclose(fp);
}

static void fixture_path(const char *name, char *out, size_t size)
{
	const char *dir = getenv("HOSO_TESTDATA");

	snprintf(out, size, "%s/import/%s", dir ? dir : "tests/data", name);
}

/* Open zip from memory and dump it; the first failure's code, or 0. */
static int dump_mem(const struct buf *zip, struct buf *out, struct err *e)
{
	struct table *t;
	int r;

	buf_reset(out);
	r = table_open_mem(zip->buf, zip->len, TABLE_AUTO, &t, e);
	if (r < 0) {
		assert_null(t);
		return r;
	}
	assert_int_equal(table_format(t), TABLE_XLSX);
	r = table_dump(t, TABLE_DUMP_TYPED, out, e);
	table_close(t);
	return r;
}

/* What most tests work with: a zip made in memory, the dump of what the
 * reader read from it, and its error; made before each test and freed
 * after it, whether it passed or not. */
struct io {
	struct buf zip, out;
	struct err e;
};

static int io_setup(void **state)
{
	struct io *io = malloc(sizeof(*io));

	if (!io)
		return -1;
	*io = (struct io){.zip = BUF_INIT(1 << 20), .out = BUF_INIT(1 << 20)};
	err_init(&io->e);
	*state = io;
	return 0;
}

static int io_teardown(void **state)
{
	struct io *io = *state;

	buf_release(&io->zip);
	buf_release(&io->out);
	err_release(&io->e);
	free(io);
	return 0;
}

/* A test run with a fresh struct io in *state. */
#define IO_TEST(test) cmocka_unit_test_setup_teardown(test, io_setup, io_teardown)

/* The sheet with the default parts: expect its dump, or a failure. */
static void check_sheet(const char *sheet, int code, long row, const char *want)
{
	struct buf zip = BUF_INIT(1 << 20), out = BUF_INIT(1 << 20);
	struct err e;

	err_init(&e);
	make_xlsx(sheet, NULL, NULL, &zip);
	assert_int_equal(dump_mem(&zip, &out, &e), code);
	if (code) {
		assert_table_error(&e, code, row);
	}
	if (want)
		assert_string_equal(out.buf, want);
	buf_release(&zip);
	buf_release(&out);
	err_release(&e);
}

static void test_basic_fixture(void **state)
{
	char path[4096];
	struct buf out = BUF_INIT(1 << 20);
	struct table_row row;
	size_t done, total;
	struct table *t;
	struct err e;

	(void)state;
	err_init(&e);
	fixture_path("basic.xlsx", path, sizeof(path));
	assert_int_equal(table_open(path, TABLE_AUTO, &t, &e), 0);
	assert_int_equal(table_format(t), TABLE_XLSX);
	table_progress(t, &done, &total);
	assert_true(total > 1000 && done < total);
	assert_int_equal(table_dump(t, TABLE_DUMP_TYPED, &out, &e), 0);
	assert_string_equal(out.buf, "1:t:Họ và tên|t:Ngày sinh|t:Số|t:Đảng viên|t:Ghi chú\n"
	                             "2:t:" NFD_NAME "|d:22785|n:42.5|b:1|t:Có, \"ngoặc\"\n"
	                             "3:t:Trần Thị Bình|_|_|_|t:Chi bộ số 5\n"
	                             "5:_|_|n:-0.001\n"
	                             "6:_|n:3\n"
	                             "7:d:45839.75|d:45839|b:0|t:AB\n");
	table_progress(t, &done, &total);
	assert_int_equal(done, total);
	assert_int_equal(table_next(t, &row, &e), 0);
	table_close(t);

	/* The NFD bytes come through as stored, not normalised. */
	assert_non_null(strstr(out.buf, "Nguye\xCC\x82\xCC\x83n"));
	/* Numbers carry both the value and the literal. */
	assert_int_equal(table_open(path, TABLE_XLSX, &t, &e), 0);
	assert_int_equal(table_next(t, &row, &e), 1);
	assert_int_equal(table_next(t, &row, &e), 1);
	assert_int_equal(row.number, 2);
	assert_int_equal(row.cells[1].type, TABLE_CELL_DATE);
	assert_true(row.cells[1].num == 22785.0);
	assert_int_equal(row.cells[1].len, 5);
	assert_memory_equal(row.cells[1].s, "22785", 5);
	assert_int_equal(row.cells[2].type, TABLE_CELL_NUMBER);
	assert_true(row.cells[2].num == 42.5);
	assert_int_equal(row.cells[3].type, TABLE_CELL_BOOL);
	assert_true(row.cells[3].num == 1.0);
	table_close(t);
	buf_release(&out);
	err_release(&e);
}

static void test_inline_fixture(void **state)
{
	struct io *io = *state;

	read_file("inline.xlsx", &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), 0);
	assert_string_equal(io->out.buf,
	                    "1:t:Họ và tên|t:Ngày sinh|t:Số|t:Đảng viên|t:Ghi chú\n"
	                    "2:t:" NFD_NAME "|d:22785|n:42.5|b:1|t:  giữ khoảng trắng  \n");
	/* The same bytes but truncated: refused when opened. */
	io->zip.len /= 2;
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
}

/*
 * What libxlsxwriter never writes: the first sheet in workbook order is not
 * sheet1.xml, an absolute and a "../" target, 1904 dates, custom formats,
 * rich and phonetic runs, missing r attributes, t="d", formulas without a
 * value, a style out of range.
 */
static void test_handmade(void **state)
{
	static const char wb[] =
	    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
	    "<workbookPr date1904=\"1\"/><sheets>"
	    "<sheet name=\"Đầu\" sheetId=\"5\" r:id=\"rId7\"/>"
	    "<sheet name=\"Sau\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	static const char rels[] =
	    "<Relationships xmlns=\"" NS_PKG "\">"
	    "<Relationship Id=\"rId1\" Type=\"" NS_REL
	    "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	    "<Relationship Id=\"rId7\" Type=\"" NS_REL "/worksheet\" "
	    "Target=\"./worksheets/../worksheets/data.xml\"/>"
	    "<Relationship Id=\"rId9\" Type=\"" NS_REL "/hyperlink\" Target=\"http://x/\" "
	    "TargetMode=\"External\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" NS_REL "/styles\" Target=\"/xl/styles.xml\"/>"
	    "<Relationship Id=\"rId4\" Type=\"" NS_REL "/sharedStrings\" Target=\"strings.xml\"/>"
	    "</Relationships>";
	static const char styles[] =
	    "<styleSheet xmlns=\"" NS_MAIN "\"><numFmts count=\"4\">"
	    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
	    "<numFmt numFmtId=\"165\" formatCode=\"[Red]#,##0\"/>"
	    "<numFmt numFmtId=\"166\" formatCode=\"&quot;d&quot;0\\m\"/>"
	    "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm\"/></numFmts>"
	    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
	    "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
	    "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"><alignment/></xf><xf numFmtId=\"14\"/>"
	    "<xf numFmtId=\"47\"/></cellXfs></styleSheet>";
	static const char sst[] =
	    "<sst xmlns=\"" NS_MAIN "\" count=\"99\" uniqueCount=\"99\">"
	    "<si><t xml:space=\"preserve\"> a </t></si>"
	    "<si><r><t>Nguy</t></r><r><rPr><b/></rPr><t>ễn</t></r>"
	    "<rPh sb=\"0\" eb=\"1\"><t>NGUYEN</t></rPh><phoneticPr fontId=\"1\"/></si>"
	    "<si/><si><t>x&amp;y&#x1EC5;<![CDATA[<z>]]></t></si></sst>";
	static const char data[] = SHEET(
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c>"
	    "<c t=\"s\"><v>2</v></c><c t=\"s\"><v>3</v></c></row>"
	    "<row><c r=\"A2\" s=\"1\"><v>100</v></c><c r=\"B2\" s=\"2\"><v>5</v></c>"
	    "<c r=\"C2\" s=\"3\"><v>6</v></c><c r=\"D2\" s=\"4\"><v>0.5</v></c>"
	    "<c r=\"E2\" s=\"5\"><v>1</v></c><c r=\"F2\" s=\"6\"><v>2</v></c>"
	    "<c r=\"G2\" s=\"99\"><v>7</v></c></row>"
	    "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><r><t>in</t></r>"
	    "<r><t xml:space=\"preserve\">line </t></r><rPh><t>X</t></rPh></is></c>"
	    "<c r=\"C4\" t=\"e\"><v>#N/A</v></c><c r=\"D4\" t=\"str\"><f>1</f><v>s</v></c>"
	    "<c r=\"E4\" t=\"b\"><v>true</v></c><c r=\"F4\" t=\"d\"><v>2024-02-29T12:00:00</v></c>"
	    "<c r=\"G4\" t=\"n\"><v>1.5E+3</v></c><c r=\"H4\"><f>A1</f></c><c r=\"I4\" t=\"s\"/>"
	    "</row><row r=\"5\"/><row r=\"6\" spans=\"1:1\"><c r=\"A6\"><v></v></c></row>"
	    "<row r=\"7\"><c r=\"XFD7\" s=\"1\"/><c r=\"A7\"/></row>"
	    "<row r=\"8\"><c r=\"A8\"><v>1</v></c></row>");
	const struct part parts[] = {
	    {"_rels/.rels", PKG_RELS},
	    {"xl/workbook.xml", wb},
	    {"xl/_rels/workbook.xml.rels", rels},
	    {"xl/strings.xml", sst},
	    {"xl/styles.xml", styles},
	    {"xl/worksheets/sheet1.xml", SHEET("<row r=\"1\"><c r=\"A1\"><v>666</v></c></row>")},
	    {"xl/worksheets/data.xml", data},
	};
	struct io *io = *state;

	make_zip(parts, sizeof(parts) / sizeof(parts[0]), &io->zip);
	/* XFD7 before A7 is out of order: the row 7 cells are checked below. */
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_int_equal(io->e.row, 7);
	assert_string_equal(io->out.buf, "1:t: a |t:Nguyễn|_|t:x&yễ<z>\n"
	                                 "2:d:1562|n:5|n:6|d:1462.5|d:1463|d:1464|n:7\n"
	                                 "4:_|t:inline |e:#N/A|t:s|b:1|d:45351.5|n:1.5E+3\n");
}

static void test_sparse_and_limits(void **state)
{
	(void)state;
	/* Styled empty cells far right are ignored; a value past 256 columns is not. */
	check_sheet(
	    SHEET("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"XFD3\" s=\"1\"/></row>"), 0,
	    0, "3:_|t:one\n");
	check_sheet(SHEET("<row r=\"1\"><c r=\"IV1\"><v>1</v></c></row>"), 0, 0, NULL);
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
	                  "<row r=\"2\"><c r=\"IW2\"><v>1</v></c></row>"),
	            HOSO_E_TOO_BIG, 2, "1:n:1\n");
	check_sheet(SHEET("<row r=\"20000001\"><c r=\"A1\"><v>1</v></c></row>"), HOSO_E_TOO_BIG,
	            20000001, "");
	/* Rows and cells must move forward. */
	check_sheet(SHEET("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"2\"/>"),
	            HOSO_E_BAD_FILE, 3, "2:n:1\n");
	check_sheet(SHEET("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>1</v></c></row>"),
	            HOSO_E_BAD_FILE, 1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>1</v></c></row>"),
	            HOSO_E_BAD_FILE, 1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"), HOSO_E_BAD_FILE, 1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"AAAA1\"><v>1</v></c></row>"), HOSO_E_BAD_FILE, 1,
	            "");
	check_sheet(SHEET("<row r=\"x\"/>"), HOSO_E_BAD_FILE, 1, "");
	check_sheet(SHEET(""), 0, 0, "");
	check_sheet("<worksheet xmlns=\"" NS_MAIN "\"/>", 0, 0, "");
}

static void test_bad_cells(void **state)
{
	(void)state;
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c></row>"), HOSO_E_BAD_FILE,
	            1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>"), HOSO_E_BAD_FILE,
	            1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\" t=\"q\"><v>1</v></c></row>"), HOSO_E_BAD_FILE,
	            1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><v>1,5</v></c></row>"), HOSO_E_BAD_FILE, 1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><v>nan</v></c></row>"), HOSO_E_BAD_FILE, 1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><v>1e999</v></c></row>"), HOSO_E_BAD_FILE, 1,
	            "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>2</v></c></row>"), HOSO_E_BAD_FILE,
	            1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\" s=\"x\"><v>2</v></c></row>"), HOSO_E_BAD_FILE,
	            1, "");
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><c r=\"B1\"/></c></row>"), HOSO_E_BAD_FILE, 1,
	            "");
	check_sheet(SHEET("<c r=\"A1\"><v>1</v></c>"), HOSO_E_BAD_FILE, 0, "");
}

static void test_malformed_xml(void **state)
{
	struct io *io = *state;

	/*
	 * Unclosed <c>: the error names the row.  (The rows before it may or may
	 * not come first: the parser reads ahead of the rows handed out.)
	 */
	check_sheet(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
	                  "<row r=\"2\"><c r=\"A2\"><v>2</v></row>"),
	            HOSO_E_BAD_FILE, 2, NULL);
	check_sheet("<worksheet><sheetData><row r=\"1\">", HOSO_E_BAD_FILE, 1, "");
	check_sheet("", HOSO_E_BAD_FILE, 0, "");
	check_sheet("\xFF\xFE<\0w\0", HOSO_E_BAD_FILE, 0, "");

	/* Broken shared strings or workbook: refused at open. */
	make_xlsx(SHEET(""), "<sst><si><t>a</si></sst>", NULL, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "xl/sharedStrings.xml"));
	make_xlsx(SHEET(""), "<sst><si><si/></si></sst>", NULL, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	make_xlsx(SHEET(""), NULL,
	          "<styleSheet><cellXfs><xf numFmtId=\"x\"/></cellXfs></styleSheet>", &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "xl/styles.xml"));
}

static void test_missing_parts(void **state)
{
	const struct part no_wb[] = {
	    {"_rels/.rels", PKG_RELS},
	    {"xl/_rels/workbook.xml.rels", WB_RELS},
	    {"xl/worksheets/sheet1.xml", SHEET("")},
	};
	const struct part no_rels[] = {
	    {"xl/workbook.xml", WB},
	    {"xl/worksheets/sheet1.xml", SHEET("")},
	};
	const struct part no_sheet[] = {
	    {"xl/workbook.xml", WB},
	    {"xl/_rels/workbook.xml.rels",
	     "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"s.xml\"/>"
	     "</Relationships>"},
	};
	const struct part no_sheets[] = {
	    {"xl/workbook.xml", "<workbook><sheets/></workbook>"},
	    {"xl/_rels/workbook.xml.rels", WB_RELS},
	};
	const struct part escape[] = {
	    {"_rels/.rels", "<Relationships><Relationship Id=\"a\" Type=\"x/officeDocument\" "
	                    "Target=\"../../etc/passwd\"/></Relationships>"},
	};
	/* No package rels: xl/workbook.xml is assumed; sheet found by its rel only. */
	const struct part minimal[] = {
	    {"xl/workbook.xml", WB},
	    {"xl/_rels/workbook.xml.rels",
	     "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
	     "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
	    {"xl/worksheets/sheet1.xml",
	     SHEET("<row><c t=\"inlineStr\"><is><t>ok</t></is></c></row>")},
	};
	struct io *io = *state;

	make_zip(no_wb, 3, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "xl/workbook.xml"));
	make_zip(no_rels, 2, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "xl/_rels/workbook.xml.rels"));
	make_zip(no_sheet, 2, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "xl/s.xml"));
	make_zip(no_sheets, 2, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	make_zip(escape, 1, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	make_zip(minimal, 3, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), 0);
	assert_string_equal(io->out.buf, "1:t:ok\n");
	/* A zip with nothing in it, and a zip header followed by junk. */
	buf_reset(&io->zip);
	buf_add(&io->zip, "PK\5\6\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	buf_reset(&io->zip);
	buf_adds(&io->zip, "PK\3\4 this is not a zip at all");
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_int_equal(table_open_mem("a,b\n", 4, TABLE_XLSX, &(struct table *){NULL}, &io->e),
	                 HOSO_E_BAD_FILE);
}

/* A DTD is refused wherever it appears: no entities, no external loads. */
static void test_dtd_refused(void **state)
{
	struct io *io = *state;

	make_xlsx("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	          "<worksheet xmlns=\"" NS_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" "
	          "t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>",
	          NULL, NULL, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "DTD"));
	assert_string_equal(io->out.buf, "");
	make_xlsx(SHEET(""),
	          "<!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
	          "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><sst><si><t>&c;</t></si></sst>",
	          NULL, &io->zip);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "DTD"));
}

static void test_zip_bombs(void **state)
{
	struct io *io = *state;

	/* Declared past TABLE_MAX_XML_PART: refused before inflating anything. */
	make_xlsx(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), NULL, NULL, &io->zip);
	patch_size(&io->zip, "xl/worksheets/sheet1.xml", (uint32_t)TABLE_MAX_XML_PART + 1);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_TOO_BIG);
	assert_non_null(strstr(io->e.msg_en.buf, "sheet1.xml"));
	/* 100 MB claimed from a hundred bytes: an absurd ratio. */
	make_xlsx(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), NULL, NULL, &io->zip);
	patch_size(&io->zip, "xl/worksheets/sheet1.xml", 100u << 20);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	assert_non_null(strstr(io->e.msg_en.buf, "zip bomb"));
	/* Inflating past the declared size is caught while reading. */
	make_xlsx(SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), NULL, NULL, &io->zip);
	patch_size(&io->zip, "xl/worksheets/sheet1.xml", 20);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
	make_xlsx(SHEET(""), NULL, NULL, &io->zip);
	patch_size(&io->zip, "xl/sharedStrings.xml", 10);
	assert_int_equal(dump_mem(&io->zip, &io->out, &io->e), HOSO_E_BAD_FILE);
}

/* A 30 MB sheet inflating from a few MB streams in bounded memory. */
static void test_big_sheet_streams(void **state)
{
	struct buf sheet = BUF_INIT(64 << 20), zip = BUF_INIT(8 << 20);
	struct table_row row;
	size_t done, total, seen = 0;
	struct table *t;
	struct err e;
	long n = 0;
	int r;

	(void)state;
	err_init(&e);
	buf_adds(&sheet, "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>");
	for (int i = 1; i <= 200000; i++)
		buf_addf(&sheet,
		         "<row r=\"%d\"><c r=\"A%d\" t=\"s\"><v>1</v></c><c r=\"B%d\"><v>%d</v></c>"
		         "<c r=\"C%d\" t=\"inlineStr\"><is><t>Nguyễn Văn An</t></is></c></row>",
		         i, i, i, i, i);
	buf_adds(&sheet, "</sheetData></worksheet>");
	make_xlsx(sheet.buf, NULL, NULL, &zip);
	assert_true(zip.len < sheet.len / 5);
	assert_int_equal(table_open_mem(zip.buf, zip.len, TABLE_AUTO, &t, &e), 0);
	while ((r = table_next(t, &row, &e)) == 1) {
		n++;
		assert_int_equal(row.number, n);
		assert_int_equal(row.ncells, 3);
		table_progress(t, &done, &total);
		assert_true(done >= seen && done <= total);
		seen = done;
	}
	assert_int_equal(r, 0);
	assert_int_equal(n, 200000);
	assert_int_equal(total, sheet.len);
	assert_int_equal(seen, sheet.len);
	table_close(t);
	buf_release(&sheet);
	buf_release(&zip);
	err_release(&e);
}

TEST_MAIN(cmocka_unit_test(test_basic_fixture), IO_TEST(test_inline_fixture),
          IO_TEST(test_handmade), cmocka_unit_test(test_sparse_and_limits),
          cmocka_unit_test(test_bad_cells), IO_TEST(test_malformed_xml),
          IO_TEST(test_missing_parts), IO_TEST(test_dtd_refused), IO_TEST(test_zip_bombs),
          cmocka_unit_test(test_big_sheet_streams))
