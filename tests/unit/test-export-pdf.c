/*
 * Unit tests for src/export/pdf.c: the sample report (doc-sample.h) read
 * back with poppler's tools (pdftotext, pdffonts, pdfinfo, pdftoppm), its
 * text compared with a golden file, and small documents for the edges:
 * no blocks, a table without rows, empty cells, a paragraph longer than a
 * page, bad input and a cap too small.
 *
 * The golden file is tests/data/export/pdf-sample.txt, the output of
 * "pdftotext -layout" on the sample.  After a deliberate change of the
 * layout, regenerate it with
 *
 *     HOSO_UPDATE_GOLDEN=1 ./build/tests/unit/test-export-pdf
 *
 * (the test then writes the file instead of comparing) and review the diff.
 */
#include <dlfcn.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "core/buf.h"
#include "core/err.h"
#include "export/pdf.h"

#include "doc-sample.h"
#include "golden.h"
#include "helpers.h"

static char dir[512];
static char sample_path[4200];
static char *sample_text; /* pdftotext -layout of the sample */
static int sample_pages;

/* The standard output of a shell command, which must exit 0; free() it. */
static char *run(const char *fmt, ...)
{
	char cmd[8192], chunk[4096];
	struct buf b = BUF_INIT(64 << 20);
	va_list ap;
	FILE *f;
	size_t n;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	f = popen(cmd, "r");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		assert_int_equal(buf_add(&b, chunk, n), 0);
	st = pclose(f);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fail_msg("command failed (%d): %s", st, cmd);
	return buf_detach(&b, NULL);
}

/* Write d as dir/name; returns the PDF's size. */
static size_t write_pdf(const struct doc *d, const char *name, char *path, size_t n)
{
	struct buf b = BUF_INIT(BUF_MAX_DEFAULT);
	struct err e;
	FILE *f;
	size_t len;

	err_init(&e);
	assert_int_equal(pdf_write(d, &b, &e), 0);
	assert_true(b.len > 1000);
	assert_memory_equal(b.buf, "%PDF-", 5);
	snprintf(path, n, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b.buf, 1, b.len, f), b.len);
	assert_int_equal(fclose(f), 0);
	len = b.len;
	buf_release(&b);
	err_release(&e);
	return len;
}

/* pdftotext -layout of the file, pages first..last (0: all). */
static char *pdf_text(const char *path, int first, int last)
{
	if (first)
		return run("pdftotext -layout -f %d -l %d '%s' -", first, last, path);
	return run("pdftotext -layout '%s' -", path);
}

/* The value of a "Name:   value" line of pdfinfo's output, or NULL. */
static char *info_field(char *info, const char *name, char *out, size_t n)
{
	size_t len = strlen(name);
	char *s = info, *end;

	for (; s && *s; s = strchr(s, '\n'), s = s ? s + 1 : NULL) {
		if (strncmp(s, name, len) != 0 || s[len] != ':')
			continue;
		s += len + 1;
		s += strspn(s, " ");
		end = strchr(s, '\n');
		snprintf(out, n, "%.*s", (int)(end ? end - s : (long)strlen(s)), s);
		return out;
	}
	return NULL;
}

static int pdf_pages(const char *path)
{
	char *info = run("pdfinfo '%s'", path), v[64];
	int n;

	assert_non_null(info_field(info, "Pages", v, sizeof(v)));
	n = (int)strtol(v, NULL, 10);
	free(info);
	return n;
}

static int setup(void **state)
{
	(void)state;
	tmpdir_make(dir, sizeof(dir));
	write_pdf(doc_sample(), "sample.pdf", sample_path, sizeof(sample_path));
	sample_text = pdf_text(sample_path, 0, 0);
	sample_pages = pdf_pages(sample_path);
	return 0;
}

/* fontconfig (under pango) keeps its configuration for the life of the
 * process, out of LeakSanitizer's sight: 288 bytes however many documents
 * are written.  Free it, so that a leak of ours still shows.  Through
 * dlsym, because the tests do not link fontconfig themselves. */
static void fontconfig_fini(void)
{
	void *h = dlopen("libfontconfig.so.1", RTLD_LAZY), *sym;
	void (*fini)(void);

	if (!h)
		return;
	sym = dlsym(h, "FcFini");
	if (sym) {
		memcpy(&fini, &sym, sizeof(fini));
		fini();
	}
	dlclose(h);
}

static int teardown(void **state)
{
	(void)state;
	free(sample_text);
	tmpdir_remove(dir);
	fontconfig_fini();
	return 0;
}

/* The text of the sample, as pdftotext lays it out, is the golden file's. */
static void test_golden_text(void **state)
{
	(void)state;
	assert_non_null(getenv("HOSO_TESTDATA"));
	golden_check(sample_text, strlen(sample_text), "export/pdf-sample.txt");
}

/* Every font is embedded (pdffonts' "emb" column says yes), and the body
 * font is Liberation Serif in its four faces. */
static void test_fonts_embedded(void **state)
{
	char *out = run("pdffonts '%s'", sample_path), *sep = strstr(out, "\n---"), *ln;
	size_t from = 0, to = 0, col = 0, group = 0;
	int fonts = 0;

	(void)state;
	assert_non_null(sep);
	sep++;
	/* the fourth run of dashes in the rule under the heading is "emb" */
	for (size_t i = 0; sep[i] && sep[i] != '\n'; i++) {
		if (sep[i] == '-' && (i == 0 || sep[i - 1] != '-') && ++group == 4)
			from = i;
		if (group == 4 && sep[i] == '-')
			to = i + 1;
	}
	assert_true(to > from);
	for (ln = strchr(sep, '\n'); ln && ln[1]; ln = strchr(ln + 1, '\n')) {
		char field[16] = "";

		col = 0;
		for (size_t i = from; i < to && ln[1 + i] && ln[1 + i] != '\n'; i++)
			if (ln[1 + i] != ' ' && col + 1 < sizeof(field))
				field[col++] = ln[1 + i];
		field[col] = '\0';
		assert_string_equal(field, "yes");
		fonts++;
	}
	assert_true(fonts >= 4);
	assert_contains(out, "LiberationSerif-Bold ", "LiberationSerif-Italic ",
	                "LiberationSerif-BoldItalic ", "LiberationSerif ");
	free(out);
}

/* A4, several pages, the title, author and creation date of the document. */
static void test_info(void **state)
{
	char *info = run("pdfinfo -isodates '%s'", sample_path), v[256];

	(void)state;
	assert_true(sample_pages >= 2);
	assert_string_equal(info_field(info, "Page size", v, sizeof(v)),
	                    "595.28 x 841.89 pts (A4)");
	assert_string_equal(info_field(info, "Title", v, sizeof(v)), "Báo cáo sơ kết 5 năm");
	assert_string_equal(info_field(info, "Author", v, sizeof(v)), "hoso");
	/* 1573785000 is 2019-11-15 02:30:00 UTC */
	assert_string_equal(info_field(info, "CreationDate", v, sizeof(v)), "2019-11-15T02:30:00Z");
	free(info);
}

/* The table spans pages 1 and 2 and its header row opens page 2 too. */
static void test_header_repeated(void **state)
{
	char *p1 = pdf_text(sample_path, 1, 1), *p2 = pdf_text(sample_path, 2, 2);

	(void)state;
	assert_contains(p1, "STT", "Đảng ủy xã Mường Ảng số 1 ");
	assert_contains(p2, "STT", "Đơn vị", "Đảng ủy xã Mường Ảng số 40 ");
	/* the header row comes before the first row of the page */
	assert_true(strstr(p2, "STT") < strstr(p2, "Đảng ủy xã"));
	free(p1);
	free(p2);
}

/* Every page has the footer and "Trang N/M". */
static void test_footer(void **state)
{
	(void)state;
	for (int k = 1; k <= sample_pages; k++) {
		char *t = pdf_text(sample_path, k, k), want[32];

		snprintf(want, sizeof(want), "Trang %d/%d", k, sample_pages);
		assert_non_null(strstr(t, want));
		assert_non_null(strstr(t, "Xuất bởi canbo1 lúc 15/11/2019 09:30"));
		free(t);
	}
}

/* Vietnamese text comes back byte for byte (NFC), and "&", "<", ">" and
 * curly quotes are text, not markup. */
static void test_text_exact(void **state)
{
	(void)state;
	assert_contains(
	    sample_text, "Ỷ ỹ ẵ ẳ ữ ử ự ờ ở ỡ ợ đ Đ — “ngoặc kép” & <thẻ>",
	    "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "Số 123-BC/TU",
	    "Điện Biên, ngày 15 tháng 11 năm 2019", "BÁO CÁO",
	    "Sơ kết 5 năm thực hiện Chỉ thị 39-CT/TW", "về công tác bảo vệ chính trị nội bộ",
	    "(Ưu điểm; hạn chế, khuyết điểm và nguyên nhân.)",
	    "Nơi nhận:", "- Lưu Văn phòng Tỉnh ủy.", "T/M BAN THƯỜNG VỤ", "Nguyễn Văn Mẫu");
	assert_null(strstr(sample_text, "&amp;"));
	/* the page break: the appendix opens a page */
	{
		const char *a = strstr(sample_text, "PHỤ LỤC SỐ LIỆU"), *s = a;

		assert_non_null(a);
		while (s > sample_text && (s[-1] == ' ' || s[-1] == '\n'))
			s--;
		assert_true(s > sample_text && s[-1] == '\f');
	}
	assert_null(strstr(sample_text, "&lt;"));
}

/* The total row holds the sums with Vietnamese grouping; integers are
 * grouped in body rows too. */
static void test_total_row(void **state)
{
	char *ln = strstr(sample_text, "Tổng cộng"), *end;

	(void)state;
	assert_non_null(ln);
	end = strchr(ln, '\n');
	assert_non_null(end);
	*end = '\0';
	assert_contains(ln, " 1.180 ", " 78.440 ", " 33");
	*end = '\n';
	assert_non_null(strstr(sample_text, "3.911")); /* row 40: 100 * 39 + 11 */
}

/* The chart's title, categories, tick values and legend are drawn. */
static void test_chart(void **state)
{
	(void)state;
	assert_contains(sample_text, "Tổ chức đảng được kiểm tra theo năm", "2015", "2019",
	                "Kỳ này", "Cùng kỳ", "125");
}

/* The mark is there only when set. */
static void test_mark(void **state)
{
	struct doc d = *doc_sample();
	char path[4200], *t;

	(void)state;
	assert_non_null(strstr(sample_text, "MẬT"));
	assert_null(strstr(sample_text, "TỐI MẬT"));
	d.mark = NULL;
	write_pdf(&d, "nomark.pdf", path, sizeof(path));
	t = pdf_text(path, 0, 0);
	assert_null(strstr(t, "MẬT"));
	free(t);
	d.mark = "TỐI MẬT";
	write_pdf(&d, "topsecret.pdf", path, sizeof(path));
	t = pdf_text(path, 0, 0);
	assert_non_null(strstr(t, "TỐI MẬT"));
	free(t);
}

/* A document with nothing but a blank page; a table without rows; empty
 * cells; a one-series chart without categories. */
static void test_small_documents(void **state)
{
	static const char *const head[] = {"Cột A", "Cột B", "Cột C"};
	static const struct doc_cell cells[] = {
	    {.kind = DOC_CELL_TEXT, .text = "Dòng một"}, {.kind = DOC_CELL_EMPTY},
	    {.kind = DOC_CELL_INT, .n = 1234567},        {.kind = DOC_CELL_EMPTY},
	    {.kind = DOC_CELL_TEXT, .text = NULL},       {.kind = DOC_CELL_INT, .n = -5},
	};
	struct doc_table empty = {.title = "Biểu rỗng", .ncols = 3, .head = head};
	struct doc_table holes = {.ncols = 3, .head = head, .nrows = 2, .cells = cells};
	struct doc_chart ch = {.title = "Không có số liệu"};
	struct doc_block blocks[] = {
	    {.kind = DOC_TABLE, .table = &empty},
	    {.kind = DOC_TABLE, .table = &holes},
	    {.kind = DOC_CHART, .chart = &ch},
	    {.kind = DOC_PAGE_BREAK},
	};
	struct doc nothing = {.created = 0};
	struct doc d = {.blocks = blocks, .nblocks = 4, .created = 0};
	char path[4200], *t;

	(void)state;
	write_pdf(&nothing, "nothing.pdf", path, sizeof(path));
	assert_int_equal(pdf_pages(path), 1);
	t = pdf_text(path, 0, 0);
	assert_contains(t, "ĐẢNG CỘNG SẢN VIỆT NAM", "Trang 1/1");
	free(t);

	write_pdf(&d, "small.pdf", path, sizeof(path));
	/* a page break at the end opens no blank page */
	assert_int_equal(pdf_pages(path), 1);
	t = pdf_text(path, 0, 0);
	assert_contains(t, "Biểu rỗng", "Cột A", "Dòng một", "1.234.567", "-5", "Không có số liệu");
	free(t);
}

/* A paragraph longer than a page breaks between lines and loses none. */
static void test_long_paragraph(void **state)
{
	struct buf para = BUF_INIT(1 << 20);
	struct doc_block b = {.kind = DOC_PARA};
	struct doc d = {.blocks = &b, .nblocks = 1};
	char path[4200], *t, word[32];

	(void)state;
	for (int i = 0; i < 900; i++)
		assert_int_equal(buf_addf(&para, "từ%d ", i), 0);
	b.text = para.buf;
	write_pdf(&d, "long.pdf", path, sizeof(path));
	assert_true(pdf_pages(path) >= 2);
	t = run("pdftotext '%s' -", path);
	for (int i = 0; i < 900; i += 7) {
		snprintf(word, sizeof(word), "từ%d ", i);
		if (!strstr(t, word))
			snprintf(word, sizeof(word), "từ%d\n", i);
		assert_non_null(strstr(t, word));
	}
	free(t);
	buf_release(&para);
}

/* A cap too small fails cleanly: an error, and the buffer as it was. */
static void test_cap_too_small(void **state)
{
	(void)state;
	doc_sample_too_big(pdf_write, 5000);
}

/* Bad input is refused before anything is written. */
static void test_bad_input(void **state)
{
	static const char *const head[PDF_MAX_COLS + 1] = {"a"};
	struct doc_table wide = {.ncols = PDF_MAX_COLS + 1, .head = head};
	struct doc_table headless = {.ncols = 2};
	struct doc_block bad_text = {.kind = DOC_PARA, .text = "Ng\xc6 x\xff"};
	struct doc_block bwide = {.kind = DOC_TABLE, .table = &wide};
	struct doc_block bheadless = {.kind = DOC_TABLE, .table = &headless};
	struct doc_block nochart = {.kind = DOC_CHART};
	struct {
		struct doc_block *b;
		int code;
	} cases[] = {
	    {&bad_text, HOSO_E_NOT_UTF8},
	    {&bwide, HOSO_E_RANGE},
	    {&bheadless, HOSO_E_INVALID},
	    {&nochart, HOSO_E_INVALID},
	};
	struct buf b;
	struct err e;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc d = {.blocks = cases[i].b, .nblocks = 1};

		err_init(&e);
		buf_init(&b, 0);
		assert_int_equal(pdf_write(&d, &b, &e), cases[i].code);
		assert_int_equal(e.code, cases[i].code);
		assert_int_equal(b.len, 0);
		buf_release(&b);
		err_release(&e);
	}
}

/* The same document gives the same bytes. */
static void test_deterministic(void **state)
{
	struct buf a = BUF_INIT(BUF_MAX_DEFAULT), b = BUF_INIT(BUF_MAX_DEFAULT);
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(pdf_write(doc_sample(), &a, &e), 0);
	assert_int_equal(pdf_write(doc_sample(), &b, &e), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.buf, b.buf, a.len);
	buf_release(&a);
	buf_release(&b);
	err_release(&e);
}

/* pdftoppm renders every page without an error. */
static void test_renders(void **state)
{
	char *ls;
	int n = 0;

	(void)state;
	free(run("pdftoppm -r 20 -png '%s' '%s/page' 2>'%s/pdftoppm.err'", sample_path, dir, dir));
	ls = run("cat '%s/pdftoppm.err'", dir);
	assert_string_equal(ls, "");
	free(ls);
	ls = run("ls '%s' | grep -c '^page-.*\\.png$'", dir);
	n = (int)strtol(ls, NULL, 10);
	free(ls);
	assert_int_equal(n, sample_pages);
}

TEST_MAIN_GROUP(setup, teardown, cmocka_unit_test(test_golden_text),
                cmocka_unit_test(test_fonts_embedded), cmocka_unit_test(test_info),
                cmocka_unit_test(test_header_repeated), cmocka_unit_test(test_footer),
                cmocka_unit_test(test_text_exact), cmocka_unit_test(test_total_row),
                cmocka_unit_test(test_chart), cmocka_unit_test(test_mark),
                cmocka_unit_test(test_small_documents), cmocka_unit_test(test_long_paragraph),
                cmocka_unit_test(test_cap_too_small), cmocka_unit_test(test_bad_input),
                cmocka_unit_test(test_deterministic), cmocka_unit_test(test_renders))
