/*
 * Unit tests for src/export/docx.c: the sample Party report against golden
 * parts, what the writer must get right whatever the layout (escaping,
 * Vietnamese text byte for byte, the mark only when set, the total row,
 * empty cells and tables, bytes independent of the time zone), clean
 * failures that leave the output alone, and one LibreOffice conversion of
 * the sample to PDF whose text is checked.
 *
 * Golden files: tests/data/export/docx/{document,styles,footer1,core}.xml
 * are the sample's parts.  After a deliberate change to the layout, rewrite
 * them with
 *     HOSO_UPDATE_GOLDEN=1 meson test -C BUILD --suite unit export-docx
 * and review the diff before committing it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <libxml/parser.h>
#include <zip.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "export/doc.h"
#include "export/docx.h"
#include "doc-sample.h"
#include "golden.h"
#include "helpers.h"
#include "office.h"

static const char *const package_parts[] = {
    "[Content_Types].xml", "_rels/.rels",       "docProps/core.xml",
    "docProps/app.xml",    "word/document.xml", "word/styles.xml",
    "word/settings.xml",   "word/footer1.xml",  "word/_rels/document.xml.rels",
};

/* docx_write into out, which must succeed. */
static void write_ok(const struct doc *d, struct buf *out)
{
	struct err e;
	int r;

	err_init(&e);
	r = docx_write(d, out, &e);
	if (r < 0)
		fail_msg("docx_write: %d %s", r, err_text_en(&e));
	err_release(&e);
}

static void read_doc_xml(const struct doc *d, struct buf *xml)
{
	struct buf z = BUF_INIT(BUF_MAX_DEFAULT);

	write_ok(d, &z);
	assert_int_equal(office_zip_part(&z, "word/document.xml", xml), 0);
	buf_release(&z);
}

static void assert_well_formed(const struct buf *xml)
{
	xmlDocPtr x = xmlReadMemory(xml->buf, (int)xml->len, "part.xml", NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	assert_non_null(x);
	xmlFreeDoc(x);
}

/* ---- golden parts ------------------------------------------------------ */

static void test_golden(void **state)
{
	struct buf z = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	write_ok(doc_sample(), &z);
	office_golden_parts(&z, "export/docx", "word/document.xml", "word/styles.xml",
	                    "word/footer1.xml", "docProps/core.xml");
	buf_release(&z);
}

/* ---- the package ------------------------------------------------------- */

static void test_package(void **state)
{
	struct buf z = BUF_INIT(BUF_MAX_DEFAULT), part = BUF_INIT(BUF_MAX_DEFAULT);
	struct buf ct = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	write_ok(doc_sample(), &z);
	assert_true(z.len > 4);
	assert_memory_equal(z.buf, "PK\x03\x04", 4);
	assert_int_equal(office_zip_part(&z, "[Content_Types].xml", &ct), 0);
	for (size_t i = 0; i < sizeof(package_parts) / sizeof(package_parts[0]); i++) {
		char name[128];

		assert_int_equal(office_zip_part(&z, package_parts[i], &part), 0);
		assert_well_formed(&part);
		assert_memory_equal(part.buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"", 36);
		snprintf(name, sizeof(name), "\"/%s\"", package_parts[i]);
		if (strstr(package_parts[i], ".rels") || i == 0)
			assert_null(strstr(ct.buf, name));
		else
			assert_non_null(strstr(ct.buf, name));
	}
	assert_int_equal(office_zip_part(&z, "word/settings.xml", &part), 0);
	assert_non_null(strstr(part.buf, "compatibilityMode"));
	assert_int_equal(office_zip_part(&z, "docProps/core.xml", &part), 0);
	assert_contains(part.buf, "<dc:title>Báo cáo sơ kết 5 năm</dc:title>",
	                "<dc:creator>hoso</dc:creator>");
	/* 1573785000 is 2019-11-15 02:30:00 UTC. */
	assert_non_null(strstr(part.buf, ">2019-11-15T02:30:00Z</dcterms:created>"));
	assert_int_equal(office_zip_part(&z, "word/_rels/document.xml.rels", &part), 0);
	assert_contains(part.buf, "Id=\"rId3\"", "Target=\"footer1.xml\"");
	assert_int_equal(office_zip_part(&z, "word/document.xml", &part), 0);
	assert_contains(part.buf, "<w:footerReference w:type=\"default\" r:id=\"rId3\"/>",
	                "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
	assert_int_equal(office_zip_part(&z, "word/nothing.xml", &part), -1);
	buf_release(&ct);
	buf_release(&part);
	buf_release(&z);
}

/* The same document gives the same bytes, whatever the clock or TZ says:
 * libzip's own time setter goes through the local time zone. */
static void test_deterministic(void **state)
{
	struct buf a = BUF_INIT(BUF_MAX_DEFAULT), b = BUF_INIT(BUF_MAX_DEFAULT);
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	zip_source_t *src;
	zip_error_t ze;
	zip_stat_t st;
	zip_t *za;
	struct tm tm;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	write_ok(doc_sample(), &a);
	setenv("TZ", "America/New_York", 1);
	tzset();
	write_ok(doc_sample(), &b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);

	/* The entries are dated 2019-11-15 09:30, Vietnam's time of created;
	 * libzip reads the MS-DOS fields back as local time. */
	setenv("TZ", "UTC", 1);
	tzset();
	zip_error_init(&ze);
	src = zip_source_buffer_create(a.buf, a.len, 0, &ze);
	za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(za);
	assert_int_equal(zip_stat(za, "word/document.xml", 0, &st), 0);
	assert_non_null(gmtime_r(&st.mtime, &tm));
	assert_int_equal(tm.tm_year + 1900, 2019);
	assert_int_equal(tm.tm_mon + 1, 11);
	assert_int_equal(tm.tm_mday, 15);
	assert_int_equal(tm.tm_hour, 9);
	assert_int_equal(tm.tm_min, 30);
	zip_close(za);
	zip_error_fini(&ze);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	buf_release(&a);
	buf_release(&b);
}

/* ---- text -------------------------------------------------------------- */

static void test_escaping(void **state)
{
	const struct doc_block blocks[] = {
	    {.kind = DOC_PARA, .text = "a & b < c > d \"e\" 'f' </w:t><w:b/>"},
	};
	const struct doc d = {.issuer = "TỈNH ỦY & <BAN>", .blocks = blocks, .nblocks = 1};
	struct buf xml = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	read_doc_xml(&d, &xml);
	assert_well_formed(&xml);
	assert_non_null(
	    strstr(xml.buf, "a &amp; b &lt; c &gt; d &quot;e&quot; 'f' &lt;/w:t&gt;&lt;w:b/&gt;"));
	assert_non_null(strstr(xml.buf, "TỈNH ỦY &amp; &lt;BAN&gt;"));
	assert_null(strstr(xml.buf, "< c"));
	buf_release(&xml);

	/* The sample's last paragraph. */
	read_doc_xml(doc_sample(), &xml);
	assert_non_null(strstr(xml.buf, "“ngoặc kép” &amp; &lt;thẻ&gt;</w:t>"));
	buf_release(&xml);
}

/* NFC bytes in, the same bytes out: nothing decomposed or re-encoded. */
static void test_vietnamese(void **state)
{
	/* "Ỷ ỹ ẵ ẳ ữ ử ự ờ ở ỡ ợ đ Đ —" spelt out in UTF-8, precomposed. */
	static const char nfc[] = "\xe1\xbb\xb6 \xe1\xbb\xb9 \xe1\xba\xb5 \xe1\xba\xb3 "
	                          "\xe1\xbb\xaf \xe1\xbb\xad \xe1\xbb\xb1 \xe1\xbb\x9d "
	                          "\xe1\xbb\x9f \xe1\xbb\xa1 \xe1\xbb\xa3 \xc4\x91 \xc4\x90 "
	                          "\xe2\x80\x94";
	struct buf xml = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	read_doc_xml(doc_sample(), &xml);
	assert_non_null(strstr(xml.buf, nfc));
	assert_contains(xml.buf, ">ĐẢNG CỘNG SẢN VIỆT NAM</w:t>",
	                ">Điện Biên, ngày 15 tháng 11 năm 2019</w:t>", ">Số 123-BC/TU</w:t>");
	/* The summary's "\n" is a line break inside one run. */
	assert_non_null(strstr(xml.buf, "<w:t>Sơ kết 5 năm thực hiện Chỉ thị 39-CT/TW</w:t><w:br/>"
	                                "<w:t>về công tác bảo vệ chính trị nội bộ</w:t>"));
	/* No character references: Vietnamese stays readable UTF-8. */
	assert_null(strstr(xml.buf, "&#"));
	buf_release(&xml);
}

static void test_mark(void **state)
{
	struct doc d = *doc_sample();
	struct buf xml = BUF_INIT(BUF_MAX_DEFAULT);
	const char *m;

	(void)state;
	read_doc_xml(&d, &xml);
	m = strstr(xml.buf, ">MẬT</w:t>");
	assert_non_null(m);
	assert_int_equal(office_count(xml.buf, "MẬT"), 1);
	assert_int_equal(office_count(xml.buf, "<w:bdr "), 1);
	/* Boxed and bold, before the type. */
	assert_true(strstr(xml.buf, "<w:bdr ") < m);
	assert_true(m < strstr(xml.buf, ">BÁO CÁO</w:t>"));

	d.mark = NULL;
	read_doc_xml(&d, &xml);
	assert_null(strstr(xml.buf, "MẬT"));
	assert_null(strstr(xml.buf, "<w:bdr "));
	d.mark = "";
	read_doc_xml(&d, &xml);
	assert_null(strstr(xml.buf, "<w:bdr "));
	d.mark = "TỐI MẬT";
	read_doc_xml(&d, &xml);
	assert_non_null(strstr(xml.buf, ">TỐI MẬT</w:t>"));
	buf_release(&xml);
}

/* ---- tables ------------------------------------------------------------ */

/* The w:tr element holding needle. */
static void row_of(const char *xml, const char *needle, struct buf *out)
{
	const char *at = strstr(xml, needle), *start = at, *end;

	assert_non_null(at);
	while (start > xml && strncmp(start, "<w:tr>", 6) != 0)
		start--;
	end = strstr(at, "</w:tr>");
	assert_non_null(end);
	buf_reset(out);
	buf_add(out, start, (size_t)(end - start) + 7);
}

static void test_table(void **state)
{
	struct buf xml = BUF_INIT(BUF_MAX_DEFAULT), row = BUF_INIT(BUF_MAX_DEFAULT);
	const char *caption, *table, *note;

	(void)state;
	read_doc_xml(doc_sample(), &xml);
	/* The sample's table and the chart's: header rows repeat, no row splits. */
	assert_int_equal(office_count(xml.buf, "<w:tblHeader/>"), 2);
	assert_int_equal(office_count(xml.buf, "<w:tblStyle w:val=\"TableGrid\"/>"), 2);
	/* 1 + 41 rows, 1 + 5 rows, and the two borderless blocks' rows. */
	assert_int_equal(office_count(xml.buf, "<w:cantSplit/>"), 42 + 6 + 2);
	/* Caption above, note below. */
	caption = strstr(xml.buf, ">Biểu 1. Kết quả kiểm tra theo đơn vị</w:t>");
	table = strstr(xml.buf, ">Tổ chức đảng được kiểm tra</w:t>");
	note = strstr(xml.buf, ">Số liệu tính theo cơ cấu tổ chức tại ngày 01/7/2025.</w:t>");
	assert_non_null(caption);
	assert_non_null(table);
	assert_non_null(note);
	assert_true(caption < table && table < note);
	assert_non_null(
	    strstr(xml.buf, "<w:pStyle w:val=\"TableNote\"/></w:pPr><w:r><w:t>Số liệu"));
	/* Widths 0.6:3.0:1.6:1.6:1.2 of 9355 twips. */
	assert_non_null(strstr(xml.buf, "<w:gridCol w:w=\"701\"/><w:gridCol w:w=\"3508\"/>"
	                                "<w:gridCol w:w=\"1871\"/><w:gridCol w:w=\"1871\"/>"
	                                "<w:gridCol w:w=\"1404\"/>"));

	/* The total row: bold, grouped figures right-aligned, and the last. */
	row_of(xml.buf, ">Tổng cộng<", &row);
	assert_int_equal(office_count(row.buf, "<w:b/>"), 4);
	assert_contains(row.buf,
	                "<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/>"
	                "</w:rPr><w:t>1.180</w:t>",
	                "<w:t>78.440</w:t>");
	assert_null(strstr(row.buf, "<w:tblHeader/>"));
	assert_true(strstr(xml.buf, ">Tổng cộng<") > strstr(xml.buf, "Mường Ảng số 40<"));
	/* A data row: not bold; "3.911" is row 40's 100 × 39 + 11. */
	row_of(xml.buf, ">Đảng ủy xã Mường Ảng số 40<", &row);
	assert_null(strstr(row.buf, "<w:b/>"));
	assert_non_null(strstr(row.buf, "<w:t>3.911</w:t>"));
	/* Row 4 (i = 3) has an empty cell: a bare paragraph. */
	row_of(xml.buf, ">Đảng ủy xã Mường Ảng số 4<", &row);
	assert_int_equal(office_count(row.buf, "<w:tc>"), 5);
	assert_non_null(strstr(
	    row.buf, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc></w:tr>"));

	/* The chart as the table of its figures, series named in the header. */
	row_of(xml.buf, ">Kỳ này<", &row);
	assert_contains(row.buf, "<w:tblHeader/>", ">Cùng kỳ<");
	row_of(xml.buf, ">2017<", &row);
	assert_contains(row.buf, "<w:t>101</w:t>", "<w:t>110</w:t>");
	buf_release(&row);
	buf_release(&xml);
}

static void test_table_edges(void **state)
{
	static const char *const head[] = {"A", "B"};
	static const struct doc_cell cells[] = {
	    {.kind = DOC_CELL_EMPTY},
	    {.kind = DOC_CELL_INT, .n = -1234567},
	};
	static const struct doc_table empty = {.title = "Biểu rỗng", .ncols = 2, .head = head};
	static const struct doc_table one = {.ncols = 2, .head = head, .nrows = 1, .cells = cells};
	static const struct doc_table bare = {.title = "Không có gì", .ncols = 3};
	const struct doc_block blocks[] = {
	    {.kind = DOC_TABLE, .table = &empty},
	    {.kind = DOC_TABLE, .table = &one},
	    {.kind = DOC_TABLE, .table = &bare},
	    {.kind = DOC_PAGE_BREAK},
	};
	const struct doc d = {.blocks = blocks, .nblocks = 4};
	struct buf xml = BUF_INIT(BUF_MAX_DEFAULT), row = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	read_doc_xml(&d, &xml);
	assert_well_formed(&xml);
	/* Zero rows: the caption and the header row alone. */
	assert_non_null(strstr(xml.buf, ">Biểu rỗng</w:t>"));
	assert_int_equal(office_count(xml.buf, "<w:tblHeader/>"), 2);
	/* No header and no rows: the caption, and no empty w:tbl. */
	assert_non_null(strstr(xml.buf, ">Không có gì</w:t>"));
	assert_int_equal(office_count(xml.buf, "<w:tbl>"), 1 + 2);
	/* Equal widths when none are given. */
	assert_non_null(strstr(xml.buf, "<w:gridCol w:w=\"4677\"/><w:gridCol w:w=\"4678\"/>"));
	row_of(xml.buf, ">-1.234.567<", &row);
	assert_int_equal(office_count(row.buf, "<w:tc>"), 2);
	assert_non_null(strstr(xml.buf, "<w:br w:type=\"page\"/>"));
	/* Two tables in a row are kept apart by a paragraph. */
	assert_null(strstr(xml.buf, "</w:tbl><w:tbl>"));
	buf_release(&row);
	buf_release(&xml);
}

/* Nothing but the model's zero value: still a valid file. */
static void test_no_blocks(void **state)
{
	const struct doc d = {.created = 0};
	struct buf z = BUF_INIT(BUF_MAX_DEFAULT), part = BUF_INIT(BUF_MAX_DEFAULT);

	(void)state;
	write_ok(&d, &z);
	for (size_t i = 0; i < sizeof(package_parts) / sizeof(package_parts[0]); i++) {
		assert_int_equal(office_zip_part(&z, package_parts[i], &part), 0);
		assert_well_formed(&part);
	}
	assert_int_equal(office_zip_part(&z, "word/document.xml", &part), 0);
	assert_null(strstr(part.buf, "Nơi nhận"));
	assert_null(strstr(part.buf, "TableGrid"));
	assert_null(strstr(part.buf, "<w:bdr "));
	assert_non_null(strstr(part.buf, "</w:p><w:sectPr>"));
	assert_int_equal(office_zip_part(&z, "docProps/core.xml", &part), 0);
	assert_null(strstr(part.buf, "dc:title"));
	assert_non_null(strstr(part.buf, ">1970-01-01T00:00:00Z<"));
	buf_release(&part);
	buf_release(&z);
}

/* ---- failures ---------------------------------------------------------- */

static void expect_fail(const struct doc *d, int code)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	struct err e;

	err_init(&e);
	assert_int_equal(buf_adds(&b, "before"), 0);
	assert_int_equal(docx_write(d, &b, &e), code);
	assert_int_equal(e.code, code);
	assert_string_equal(b.buf, "before");
	assert_int_equal(b.len, 6);
	err_release(&e);
	buf_release(&b);
}

static void test_too_small(void **state)
{
	struct buf b;
	struct err e;
	size_t need;

	(void)state;
	err_init(&e);
	buf_init(&b, BUF_MAX_DEFAULT);
	write_ok(doc_sample(), &b);
	need = b.len;
	buf_release(&b);

	buf_init(&b, 100);
	assert_int_equal(docx_write(doc_sample(), &b, &e), HOSO_E_TOO_BIG);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.buf, "");
	buf_release(&b);

	/* One byte short, with something already in the buffer. */
	buf_init(&b, need + 2);
	assert_int_equal(buf_adds(&b, "abc"), 0);
	assert_int_equal(docx_write(doc_sample(), &b, &e), HOSO_E_TOO_BIG);
	assert_int_equal(e.code, HOSO_E_TOO_BIG);
	assert_int_equal(b.len, 3);
	assert_string_equal(b.buf, "abc");
	/* Exactly enough. */
	b.max = need + 3;
	assert_int_equal(docx_write(doc_sample(), &b, &e), 0);
	assert_int_equal(b.len, need + 3);
	assert_memory_equal(b.buf, "abcPK", 5);
	buf_release(&b);
	err_release(&e);
}

static void test_invalid(void **state)
{
	static const struct doc_table nocols = {.ncols = 0};
	static const struct doc_table nocells = {.ncols = 2, .nrows = 3};
	const struct doc_block heading4[] = {{.kind = DOC_HEADING, .level = 4, .text = "x"}};
	const struct doc_block badutf8[] = {{.kind = DOC_PARA, .text = "Vi\xe1\xbb"}};
	const struct doc_block overlong[] = {{.kind = DOC_PARA, .text = "\xc0\xaf"}};
	const struct doc_block control[] = {{.kind = DOC_PARA, .text = "a\x01"}};
	const struct doc_block tables[] = {{.kind = DOC_TABLE, .table = &nocols}};
	const struct doc_block cells[] = {{.kind = DOC_TABLE, .table = &nocells}};
	const struct doc_block notable[] = {{.kind = DOC_TABLE}};
	const struct doc_block kind[] = {{.kind = (enum doc_block_kind)99}};
	/* one bad block each, and the error it gets */
	const struct {
		const struct doc_block *blocks;
		int code;
	} bad[] = {
	    {heading4, HOSO_E_INVALID}, {badutf8, HOSO_E_NOT_UTF8}, {overlong, HOSO_E_NOT_UTF8},
	    {control, HOSO_E_INVALID},  {tables, HOSO_E_INVALID},   {cells, HOSO_E_INVALID},
	    {notable, HOSO_E_INVALID},  {kind, HOSO_E_INVALID},
	};
	struct doc d = {.nblocks = 1};
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	struct err e;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		d.blocks = bad[i].blocks;
		expect_fail(&d, bad[i].code);
	}
	expect_fail(&(const struct doc){.footer = "\xff"}, HOSO_E_NOT_UTF8);
	expect_fail(&(const struct doc){.title = "a\x02"}, HOSO_E_INVALID);

	/* The detail names the block and the reason. */
	err_init(&e);
	d.blocks = heading4;
	assert_int_equal(docx_write(&d, &b, &e), HOSO_E_INVALID);
	assert_string_equal(e.field.buf, "blocks");
	assert_non_null(strstr(err_text_en(&e), "block 1"));
	assert_non_null(strstr(err_text_vi(&e), "cấp 1 đến 3"));
	assert_int_equal(docx_write(NULL, &b, &e), HOSO_E_INVALID);
	assert_int_equal(b.len, 0);
	err_release(&e);
	buf_release(&b);
}

/* ---- the file in LibreOffice ------------------------------------------- */

/*
 * The sample as a file: unzip finds the archive sound, LibreOffice turns it
 * into a PDF (the one LibreOffice run of this executable), and the PDF's
 * text has the Party's name, the type, the mark, the total row and the
 * table header repeated on the pages the table spans.
 */
static void test_libreoffice(void **state)
{
	struct buf z = BUF_INIT(BUF_MAX_DEFAULT), text = BUF_INIT(BUF_MAX_DEFAULT);
	char dir[256], path[512], cmd[1024];

	(void)state;
	if (system("command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && "
	           "command -v unzip >/dev/null 2>&1") != 0) {
		/* scripts/deps.sh tests installs them: their absence is a failure. */
		fail_msg("soffice, pdftotext or unzip missing (scripts/deps.sh tests)");
	}
	write_ok(doc_sample(), &z);
	tmpdir_make(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/sample.docx", dir);
	office_put_file(path, z.buf, z.len);

	snprintf(cmd, sizeof(cmd), "unzip -tq '%s' >/dev/null", path);
	assert_int_equal(system(cmd), 0);
	office_to_pdf(dir, "sample.docx", path, sizeof(path));
	office_pdf_text(path, "-enc UTF-8", &text);
	assert_contains(text.buf, "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "MẬT", "Tổng cộng", "78.440",
	                "Nơi nhận:", "Xuất bởi canbo1 lúc 15/11/2019 09:30");
	/* The 41-row table spans two pages: its header row is on both. */
	assert_true(office_count(text.buf, "STT") >= 2);
	/* Pages are separated by form feeds; at least three pages (the page
	 * break before the appendix). */
	assert_true(office_count(text.buf, "\f") >= 3);
	tmpdir_remove(dir);
	buf_release(&text);
	buf_release(&z);
}

TEST_MAIN(cmocka_unit_test(test_golden), cmocka_unit_test(test_package),
          cmocka_unit_test(test_deterministic), cmocka_unit_test(test_escaping),
          cmocka_unit_test(test_vietnamese), cmocka_unit_test(test_mark),
          cmocka_unit_test(test_table), cmocka_unit_test(test_table_edges),
          cmocka_unit_test(test_no_blocks), cmocka_unit_test(test_too_small),
          cmocka_unit_test(test_invalid), cmocka_unit_test(test_libreoffice))
