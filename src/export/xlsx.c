/*
 * xlsx.c - the XLSX writer (see xlsx.h), on libxlsxwriter.
 *
 * libxlsxwriter 1.1.4 writes to a named file only, so the workbook goes to
 * a file made with mkstemp() and is read back through the descriptor
 * mkstemp() returned (never reopened by name), then unlinked.  Everything
 * the library can refuse (a sheet name, a string too long, a full disk) is
 * checked and becomes a HOSO_E_* code; the input is checked before any file
 * exists, so a bad document leaves nothing behind.
 *
 * Sheet names: Excel allows 31 UTF-16 units, none of []:*?/\, no
 * apostrophe at either end, no "History", and compares names without case.
 * A name is cleaned to fit and, when taken, gets " (2)", " (3)" …; case is
 * folded for ASCII, Latin-1 and the Vietnamese letters, enough for the
 * names hoso makes.
 *
 * Numbers: a cell holds a double, so integers beyond 2^53 lose their last
 * digits (Excel keeps 15 significant digits anyway).  The number format
 * carries the Vietnamese locale ([$-42A]) so that LibreOffice groups digits
 * with "." whatever the reader's locale.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/buf.h"
#include "core/err.h"
#include "export/doc.h"
#include "export/xlsx.h"

#include "core/banned.h"

#define XLSX_FONT       "Times New Roman"
#define XLSX_NUM_FORMAT "[$-42A]#,##0"
#define XLSX_SHEET_MAX  31                       /* UTF-16 units in a sheet name */
#define XLSX_NAME_BYTES (XLSX_SHEET_MAX * 4 + 1) /* a name at most, as UTF-8 */
#define XLSX_FOOTER_MAX 255                      /* bytes in a print footer */
#define XLSX_PAPER_A4   9
#define XLSX_RED        0xC00000
#define XLSX_GREY       0xD9D9D9
#define XLSX_LINE_PT    16.0 /* the height of a line of 12-13 pt text */
/* Rows a sheet needs besides a table's own: the title block, the header,
 * the note and the footer. */
#define XLSX_ROWS_AROUND 16

/* The cell formats, made once per workbook. */
enum xlsx_fmt {
	XF_MARK,
	XF_ISSUER,
	XF_TYPE,
	XF_SUMMARY,
	XF_CAPTION,
	XF_HEAD,
	XF_TEXT,
	XF_TEXT_CENTRE, /* the "STT" column */
	XF_INT,
	XF_BLANK,
	XF_TOTAL_TEXT,
	XF_TOTAL_INT,
	XF_TOTAL_BLANK,
	XF_NOTE,
	XF_FOOTER,
	XF_PLAIN,
	XF__MAX
};

struct xlsx_style {
	double size;
	uint8_t align; /* LXW_ALIGN_* */
	unsigned bold : 1, italic : 1, red : 1, border : 1, wrap : 1, grey : 1, number : 1,
	    indent : 1;
};

static const struct xlsx_style xlsx_styles[XF__MAX] = {
    [XF_MARK] = {.size = 13, .align = LXW_ALIGN_CENTER, .bold = 1, .red = 1},
    [XF_ISSUER] = {.size = 13, .align = LXW_ALIGN_LEFT, .bold = 1},
    [XF_TYPE] = {.size = 15, .align = LXW_ALIGN_CENTER, .bold = 1},
    [XF_SUMMARY] = {.size = 13, .align = LXW_ALIGN_CENTER, .bold = 1, .wrap = 1},
    [XF_CAPTION] = {.size = 13, .align = LXW_ALIGN_CENTER, .bold = 1, .wrap = 1},
    [XF_HEAD] =
        {.size = 12, .align = LXW_ALIGN_CENTER, .bold = 1, .border = 1, .wrap = 1, .grey = 1},
    [XF_TEXT] = {.size = 12, .align = LXW_ALIGN_LEFT, .border = 1, .wrap = 1, .indent = 1},
    [XF_TEXT_CENTRE] = {.size = 12, .align = LXW_ALIGN_CENTER, .border = 1, .wrap = 1},
    [XF_INT] = {.size = 12, .align = LXW_ALIGN_RIGHT, .border = 1, .number = 1, .indent = 1},
    [XF_BLANK] = {.size = 12, .border = 1},
    [XF_TOTAL_TEXT] =
        {.size = 12, .align = LXW_ALIGN_LEFT, .bold = 1, .border = 1, .wrap = 1, .indent = 1},
    [XF_TOTAL_INT] =
        {.size = 12, .align = LXW_ALIGN_RIGHT, .bold = 1, .border = 1, .number = 1, .indent = 1},
    [XF_TOTAL_BLANK] = {.size = 12, .bold = 1, .border = 1},
    [XF_NOTE] = {.size = 12, .align = LXW_ALIGN_LEFT, .italic = 1, .wrap = 1},
    [XF_FOOTER] = {.size = 9, .align = LXW_ALIGN_LEFT, .italic = 1},
    [XF_PLAIN] = {.size = 12, .align = LXW_ALIGN_LEFT},
};

struct xlsx {
	const struct doc *d;
	lxw_workbook *wb;
	lxw_format *fmt[XF__MAX];
	char (*names)[XLSX_NAME_BYTES]; /* the sheet names given so far */
	size_t nnames;
	struct err *e;
};

/* libxlsxwriter's answer as a HOSO_E_* code, with what names the sheet or
 * the step; 0 for LXW_NO_ERROR. */
static int xlsx_fail(struct xlsx *x, lxw_error rc, const char *what)
{
	int code = HOSO_E_INVALID;

	if (rc == LXW_NO_ERROR)
		return 0;
	if (rc == LXW_ERROR_MEMORY_MALLOC_FAILED)
		code = HOSO_E_NOMEM;
	else if (rc >= LXW_ERROR_CREATING_XLSX_FILE && rc <= LXW_ERROR_ZIP_CLOSE)
		code = HOSO_E_IO;
	return err_set(x->e, code, what, "Không ghi được tệp XLSX (%s): %s",
	               "Could not write the XLSX file (%s): %s", what, lxw_strerror(rc));
}

/* The code point at s (n > 0 bytes left) into *cp; returns its length.  A
 * malformed sequence is one byte of U+FFFD. */
static size_t xlsx_utf8(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len;
	uint32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		len = 2, c = u[0] & 0x1F;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		len = 3, c = u[0] & 0x0F;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		len = 4, c = u[0] & 0x07;
	else
		goto bad;
	if (len > n)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = c << 6 | (u[i] & 0x3F);
	}
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

/* Characters in s (code points), for estimating how wide text is. */
static size_t xlsx_chars(const char *s, size_t n)
{
	size_t count = 0;
	uint32_t cp;

	for (size_t i = 0; i < n; count++)
		i += xlsx_utf8(s + i, n - i, &cp);
	return count;
}

/* Lower case for what sheet names compare: ASCII, Latin-1, Latin
 * Extended-A's pairs, Ơ, Ư and the Vietnamese letters U+1EA0..U+1EF9. */
static uint32_t xlsx_fold(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
	    (c >= 0x1EA0 && c <= 0x1EF9))
		return c | 1;
	if (c == 0x1A0 || c == 0x1AF)
		return c + 1;
	return c;
}

/* Whether Excel would take a and b for the same sheet name. */
static int xlsx_same(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i = 0, j = 0;
	uint32_t ca, cb;

	while (i < na && j < nb) {
		i += xlsx_utf8(a + i, na - i, &ca);
		j += xlsx_utf8(b + j, nb - j, &cb);
		if (xlsx_fold(ca) != xlsx_fold(cb))
			return 0;
	}
	return i == na && j == nb;
}

/* s as a valid sheet name of at most units UTF-16 units into out
 * (XLSX_NAME_BYTES): forbidden and control characters become "_", end
 * apostrophes go.  out may come out empty. */
static void xlsx_clean(const char *s, size_t units, char *out)
{
	size_t n = strlen(s), i = 0, o = 0, used = 0, len, u;
	uint32_t cp;

	while (i < n && s[i] == '\'')
		i++;
	while (i < n) {
		len = xlsx_utf8(s + i, n - i, &cp);
		u = cp > 0xFFFF ? 2 : 1;
		if (used + u > units)
			break;
		if (cp < 0x20 || cp == 0xFFFD || (cp < 0x80 && strchr("[]:*?/\\", (int)cp)))
			out[o++] = '_';
		else {
			memcpy(out + o, s + i, len);
			o += len;
		}
		used += u;
		i += len;
	}
	while (o && out[o - 1] == '\'')
		o--;
	out[o] = '\0';
}

/* A sheet name from want (or fallback when want is NULL or cleans to
 * nothing) that no sheet of the workbook has yet, into out
 * (XLSX_NAME_BYTES), and remembered. */
static void xlsx_name(struct xlsx *x, const char *want, const char *fallback, char *out)
{
	char base[XLSX_NAME_BYTES], suffix[24];

	xlsx_clean(want ? want : "", XLSX_SHEET_MAX, base);
	if (!*base)
		xlsx_clean(fallback, XLSX_SHEET_MAX, base);
	for (unsigned k = 1;; k++) {
		size_t i, bl;

		if (k == 1)
			snprintf(out, XLSX_NAME_BYTES, "%s", base);
		else {
			snprintf(suffix, sizeof(suffix), " (%u)", k);
			xlsx_clean(base, XLSX_SHEET_MAX - strlen(suffix), out);
			bl = strlen(out);
			snprintf(out + bl, XLSX_NAME_BYTES - bl, "%s", suffix);
		}
		if (xlsx_same(out, "History"))
			continue;
		for (i = 0; i < x->nnames && !xlsx_same(out, x->names[i]); i++)
			;
		if (i == x->nnames)
			break;
	}
	snprintf(x->names[x->nnames++], XLSX_NAME_BYTES, "%s", out);
}

static int xlsx_formats(struct xlsx *x)
{
	for (int i = 0; i < XF__MAX; i++) {
		const struct xlsx_style *s = &xlsx_styles[i];
		lxw_format *f = workbook_add_format(x->wb);

		if (!f)
			return xlsx_fail(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "format");
		format_set_font_name(f, XLSX_FONT);
		format_set_font_size(f, s->size);
		if (s->align)
			format_set_align(f, s->align);
		format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
		if (s->bold)
			format_set_bold(f);
		if (s->italic)
			format_set_italic(f);
		if (s->red)
			format_set_font_color(f, XLSX_RED);
		if (s->border)
			format_set_border(f, LXW_BORDER_THIN);
		if (s->wrap)
			format_set_text_wrap(f);
		if (s->indent)
			format_set_indent(f, 1);
		if (s->grey) {
			format_set_pattern(f, LXW_PATTERN_SOLID);
			format_set_bg_color(f, XLSX_GREY);
		}
		if (s->number)
			format_set_num_format(f, XLSX_NUM_FORMAT);
		x->fmt[i] = f;
	}
	return 0;
}

/* Lines text takes in a cell width characters wide (a rough measure: a
 * character of Times New Roman is about a "0" of the default font). */
static unsigned xlsx_lines(const char *text, double width)
{
	unsigned lines = 0;
	const char *p = text;

	if (width < 2)
		width = 2;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		double chars = (double)xlsx_chars(p, n) * 1.1;
		unsigned l = (unsigned)(chars / (width - 1)) + 1;

		lines += l;
		if (!nl)
			break;
		p = nl + 1;
	}
	return lines;
}

/* One line of text in row across columns 0..last (merged when last > 0),
 * the row tall enough for it when the text wraps. */
static int xlsx_line(struct xlsx *x, lxw_worksheet *ws, const char *what, lxw_row_t row,
                     lxw_col_t last, double width, const char *text, enum xlsx_fmt f)
{
	lxw_error rc;

	if (last > 0)
		rc = worksheet_merge_range(ws, row, 0, row, last, text, x->fmt[f]);
	else
		rc = worksheet_write_string(ws, row, 0, text, x->fmt[f]);
	if (!rc && xlsx_styles[f].wrap)
		rc = worksheet_set_row(ws, row, XLSX_LINE_PT * xlsx_lines(text, width) + 2, NULL);
	return xlsx_fail(x, rc, what);
}

/* The rows above a sheet's content: mark, issuer, type, summary, caption
 * and a blank row, across columns 0..last (width characters in all).
 * *row is the next free row on return. */
static int xlsx_top(struct xlsx *x, lxw_worksheet *ws, const char *what, lxw_col_t last,
                    double width, const char *caption, lxw_row_t *row)
{
	const struct doc *d = x->d;
	const struct {
		const char *text;
		enum xlsx_fmt f;
	} lines[] = {
	    {d->mark, XF_MARK},       {d->issuer, XF_ISSUER}, {d->type, XF_TYPE},
	    {d->summary, XF_SUMMARY}, {caption, XF_CAPTION},
	};
	int rc;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		if (!lines[i].text || !*lines[i].text)
			continue;
		rc = xlsx_line(x, ws, what, (*row)++, last, width, lines[i].text, lines[i].f);
		if (rc)
			return rc;
	}
	(*row)++;
	return 0;
}

/* d->footer in the given row, and in the print footer of every page with
 * "page/pages" on the right; A4, fit to the page width. */
static int xlsx_page(struct xlsx *x, lxw_worksheet *ws, const char *what, lxw_row_t row,
                     lxw_col_t last, int landscape)
{
	static const char pre[] = "&L&\"" XLSX_FONT ",Italic\"&8";
	static const char post[] = "&R&\"" XLSX_FONT ",Regular\"&9&P/&N";
	const char *text = x->d->footer ? x->d->footer : "";
	char footer[XLSX_FOOTER_MAX + 1];
	size_t o = 0, n = strlen(text), len;
	lxw_error rc;
	uint32_t cp;

	if (*text) {
		if (last > 0)
			rc = worksheet_merge_range(ws, row, 0, row, last, text, x->fmt[XF_FOOTER]);
		else
			rc = worksheet_write_string(ws, row, 0, text, x->fmt[XF_FOOTER]);
		if (rc)
			return xlsx_fail(x, rc, what);
	}
	/* "&" is a code in a print footer: "&&" prints one.  A footer too long
	 * for Excel is cut at a character. */
	memcpy(footer, pre, sizeof(pre) - 1);
	o = sizeof(pre) - 1;
	for (size_t i = 0; i < n; i += len) {
		len = xlsx_utf8(text + i, n - i, &cp);
		if (o + len + (cp == '&') + sizeof(post) - 1 > XLSX_FOOTER_MAX)
			break;
		if (cp == '&')
			footer[o++] = '&';
		memcpy(footer + o, text + i, len);
		o += len;
	}
	memcpy(footer + o, post, sizeof(post));
	rc = worksheet_set_footer(ws, footer);
	if (rc)
		return xlsx_fail(x, rc, what);
	worksheet_set_paper(ws, XLSX_PAPER_A4);
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	/* 36-HD/VPTW margins: 30 mm left, 15 mm right, 20 mm top and bottom. */
	worksheet_set_margins(ws, 1.18, 0.59, 0.79, 0.79);
	worksheet_fit_to_pages(ws, 1, 0);
	return 0;
}

/* Column c's width in characters: the relative widths scaled to the
 * printed page's width. */
static double xlsx_width(const struct doc_table *t, size_t c)
{
	double total = t->ncols > 5 ? 130 : 85, sum = 0, w;

	if (t->widths)
		for (size_t i = 0; i < t->ncols; i++)
			sum += t->widths[i] > 0 ? t->widths[i] : 0;
	w = sum > 0 ? total * (t->widths[c] > 0 ? t->widths[c] : 0) / sum
	            : total / (double)t->ncols;
	return w < 4 ? 4 : w > 100 ? 100 : w;
}

/* Whether column c numbers the rows ("STT", "TT"): centred. */
static int xlsx_is_stt(const struct doc_table *t, size_t c)
{
	const char *h = t->head ? t->head[c] : NULL;

	return h && (!strcmp(h, "STT") || !strcmp(h, "TT"));
}

/* One cell of the table at (row, c); total: the total row, whose integers
 * are the sum of the rows first..row-1 above it. */
static int xlsx_cell(struct xlsx *x, lxw_worksheet *ws, const char *what, const struct doc_table *t,
                     size_t r, size_t c, lxw_row_t first, int total)
{
	const struct doc_cell *cell = &t->cells[r * t->ncols + c];
	lxw_row_t row = first + (lxw_row_t)r;
	lxw_col_t col = (lxw_col_t)c;
	char range[LXW_MAX_CELL_RANGE_LENGTH], formula[LXW_MAX_CELL_RANGE_LENGTH + 16];
	lxw_error rc;
	double sum = 0;

	/* A text cell without text is an empty cell. */
	enum doc_cell_kind kind = cell->kind == DOC_CELL_TEXT && (!cell->text || !*cell->text)
	                              ? DOC_CELL_EMPTY
	                              : cell->kind;

	switch (kind) {
	case DOC_CELL_TEXT:
		rc = worksheet_write_string(ws, row, col, cell->text,
		                            x->fmt[total               ? XF_TOTAL_TEXT
		                                   : xlsx_is_stt(t, c) ? XF_TEXT_CENTRE
		                                                       : XF_TEXT]);
		break;
	case DOC_CELL_EMPTY:
	default:
		rc = worksheet_write_blank(ws, row, col, x->fmt[total ? XF_TOTAL_BLANK : XF_BLANK]);
		break;
	case DOC_CELL_INT:
		if (!total || r == 0) {
			rc = worksheet_write_number(ws, row, col, (double)cell->n,
			                            x->fmt[total ? XF_TOTAL_INT : XF_INT]);
			break;
		}
		/* The formula with its value, for viewers that do not recalculate. */
		for (size_t i = 0; i < r; i++) {
			const struct doc_cell *above = &t->cells[i * t->ncols + c];

			if (above->kind == DOC_CELL_INT)
				sum += (double)above->n;
		}
		lxw_rowcol_to_range(range, first, col, row - 1, col);
		snprintf(formula, sizeof(formula), "=SUM(%s)", range);
		rc = worksheet_write_formula_num(ws, row, col, formula, x->fmt[XF_TOTAL_INT], sum);
		break;
	}
	return xlsx_fail(x, rc, what);
}

/* A new sheet named want (or fallback), its name (made unique) into name. */
static int xlsx_sheet(struct xlsx *x, const char *want, const char *fallback, char *name,
                      lxw_worksheet **ret)
{
	lxw_error lrc;

	xlsx_name(x, want, fallback, name);
	lrc = workbook_validate_sheet_name(x->wb, name);
	if (lrc)
		return xlsx_fail(x, lrc, name);
	*ret = workbook_add_worksheet(x->wb, name);
	return *ret ? 0 : xlsx_fail(x, LXW_ERROR_MEMORY_MALLOC_FAILED, name);
}

/* The sheet of the n-th table (1-based). */
static int xlsx_table(struct xlsx *x, const struct doc_table *t, size_t n)
{
	char name[XLSX_NAME_BYTES], fallback[32];
	lxw_worksheet *ws;
	lxw_col_t last = (lxw_col_t)(t->ncols - 1);
	lxw_row_t row = 0, head, first;
	double width = 0, w;
	unsigned lines = 1;
	lxw_error lrc;
	int rc;

	snprintf(fallback, sizeof(fallback), "Biểu %zu", n);
	if ((rc = xlsx_sheet(x, t->sheet, fallback, name, &ws)) != 0)
		return rc;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *h = t->head && t->head[c] ? t->head[c] : "";
		unsigned l;

		w = xlsx_width(t, c);
		width += w;
		lrc = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
		if (lrc)
			return xlsx_fail(x, lrc, name);
		l = *h ? xlsx_lines(h, w) : 1;
		lines = l > lines ? l : lines;
	}
	rc = xlsx_top(x, ws, name, last, width, t->title, &row);
	if (rc)
		return rc;

	head = row;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *h = t->head && t->head[c] ? t->head[c] : "";

		lrc = *h ? worksheet_write_string(ws, head, (lxw_col_t)c, h, x->fmt[XF_HEAD])
		         : worksheet_write_blank(ws, head, (lxw_col_t)c, x->fmt[XF_HEAD]);
		if (lrc)
			return xlsx_fail(x, lrc, name);
	}
	lrc = worksheet_set_row(ws, head, XLSX_LINE_PT * lines + 4, NULL);
	if (lrc)
		return xlsx_fail(x, lrc, name);

	first = head + 1;
	for (size_t r = 0; r < t->nrows; r++) {
		int total = t->total_row && r + 1 == t->nrows;

		for (size_t c = 0; c < t->ncols; c++) {
			rc = xlsx_cell(x, ws, name, t, r, c, first, total);
			if (rc)
				return rc;
		}
	}
	row = first + (lxw_row_t)t->nrows;
	if (t->note && *t->note) {
		rc = xlsx_line(x, ws, name, row++, last, width, t->note, XF_NOTE);
		if (rc)
			return rc;
	}

	worksheet_freeze_panes(ws, first, 0);
	lrc = worksheet_repeat_rows(ws, head, head);
	if (lrc)
		return xlsx_fail(x, lrc, name);
	return xlsx_page(x, ws, name, row + 1, last, t->ncols > 5);
}

/* The sheet of the n-th chart (1-based): its data and a column chart. */
static int xlsx_chart(struct xlsx *x, const struct doc_chart *ch, size_t n)
{
	static const double widths[] = {30, 16, 16};
	char name[XLSX_NAME_BYTES], fallback[32];
	const int64_t *values[2] = {ch->values, ch->values2};
	const char *series[2] = {ch->series, ch->series2};
	lxw_col_t nseries = ch->values2 ? 2 : 1;
	lxw_row_t row = 0, head, first;
	lxw_chart *chart;
	lxw_worksheet *ws;
	lxw_error lrc;
	int rc;

	snprintf(fallback, sizeof(fallback), "Biểu đồ %zu", n);
	if ((rc = xlsx_sheet(x, fallback, fallback, name, &ws)) != 0)
		return rc;
	for (lxw_col_t c = 0; c < 3; c++) {
		lrc = worksheet_set_column(ws, c, c, widths[c], NULL);
		if (lrc)
			return xlsx_fail(x, lrc, name);
	}
	rc = xlsx_top(x, ws, name, 2, widths[0] + widths[1] + widths[2], ch->title, &row);
	if (rc)
		return rc;

	head = row;
	lrc = worksheet_write_blank(ws, head, 0, x->fmt[XF_HEAD]);
	for (lxw_col_t s = 0; s < nseries && !lrc; s++)
		lrc = worksheet_write_string(ws, head, 1 + s,
		                             series[s] && *series[s] ? series[s]
		                             : s                     ? "Số liệu 2"
		                                                     : "Số liệu",
		                             x->fmt[XF_HEAD]);
	first = head + 1;
	for (size_t i = 0; i < ch->n && !lrc; i++) {
		lxw_row_t r = first + (lxw_row_t)i;
		const char *label = ch->labels[i];

		lrc = label && *label ? worksheet_write_string(ws, r, 0, label, x->fmt[XF_TEXT])
		                      : worksheet_write_blank(ws, r, 0, x->fmt[XF_BLANK]);
		for (lxw_col_t s = 0; s < nseries && !lrc; s++)
			lrc = worksheet_write_number(ws, r, 1 + s, (double)values[s][i],
			                             x->fmt[XF_INT]);
	}
	if (lrc)
		return xlsx_fail(x, lrc, name);
	row = first + (lxw_row_t)ch->n;

	if (ch->n == 0) {
		lrc = worksheet_write_string(ws, row, 0, "Không có số liệu.", x->fmt[XF_NOTE]);
		if (lrc)
			return xlsx_fail(x, lrc, name);
		return xlsx_page(x, ws, name, row + 2, 2, 0);
	}
	chart = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
	if (!chart)
		return xlsx_fail(x, LXW_ERROR_MEMORY_MALLOC_FAILED, name);
	for (lxw_col_t s = 0; s < nseries; s++) {
		lxw_chart_series *cs = chart_add_series(chart, NULL, NULL);

		if (!cs)
			return xlsx_fail(x, LXW_ERROR_MEMORY_MALLOC_FAILED, name);
		chart_series_set_categories(cs, name, first, 0, row - 1, 0);
		chart_series_set_values(cs, name, first, 1 + s, row - 1, 1 + s);
		chart_series_set_name_range(cs, name, head, 1 + s);
	}
	if (ch->title && *ch->title) {
		lxw_chart_font font = {.name = XLSX_FONT, .size = 13, .bold = 1};

		chart_title_set_name(chart, ch->title);
		chart_title_set_name_font(chart, &font);
	}
	chart_axis_set_num_format(chart->y_axis, XLSX_NUM_FORMAT);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lrc = worksheet_insert_chart(ws, row + 1, 0, chart);
	if (lrc)
		return xlsx_fail(x, lrc, name);
	/* The chart takes 15 default rows (288 px) below the data. */
	return xlsx_page(x, ws, name, row + 17, 2, 0);
}

/* The one sheet of a document without tables or charts. */
static int xlsx_none(struct xlsx *x)
{
	char name[XLSX_NAME_BYTES];
	lxw_worksheet *ws;
	lxw_row_t row = 0;
	lxw_error lrc;
	int rc;

	if ((rc = xlsx_sheet(x, "Phụ lục", "Phụ lục", name, &ws)) != 0)
		return rc;
	lrc = worksheet_set_column(ws, 0, 0, 85, NULL);
	if (lrc)
		return xlsx_fail(x, lrc, name);
	rc = xlsx_top(x, ws, name, 0, 85, NULL, &row);
	if (rc)
		return rc;
	lrc =
	    worksheet_write_string(ws, row, 0, "Tài liệu không có biểu số liệu.", x->fmt[XF_PLAIN]);
	if (lrc)
		return xlsx_fail(x, lrc, name);
	return xlsx_page(x, ws, name, row + 2, 0, 0);
}

/* Whether every table and chart can be laid out, before any file exists. */
static int xlsx_check(const struct doc *d, struct err *e)
{
	if (d->nblocks && !d->blocks)
		return err_set(e, HOSO_E_INVALID, "blocks", "Tài liệu thiếu nội dung.",
		               "The document has no blocks.");
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		const struct doc_table *t = b->table;
		const struct doc_chart *c = b->chart;

		if (b->kind == DOC_TABLE) {
			if (!t || !t->ncols || (t->nrows && !t->cells))
				return err_set(e, HOSO_E_INVALID, "table",
				               "Biểu ở khối %zu không có cột hoặc ô.",
				               "The table in block %zu has no columns or cells.",
				               i + 1);
			if (t->ncols > LXW_COL_MAX ||
			    t->nrows > (size_t)LXW_ROW_MAX - XLSX_ROWS_AROUND)
				return err_set(e, HOSO_E_TOO_BIG, "table",
				               "Biểu ở khối %zu quá lớn cho một trang tính.",
				               "The table in block %zu is too big for a worksheet.",
				               i + 1);
		} else if (b->kind == DOC_CHART) {
			if (!c || (c->n && (!c->labels || !c->values)))
				return err_set(e, HOSO_E_INVALID, "chart",
				               "Biểu đồ ở khối %zu thiếu số liệu.",
				               "The chart in block %zu has no data.", i + 1);
			if (c->n > (size_t)LXW_ROW_MAX - XLSX_ROWS_AROUND - 20)
				return err_set(e, HOSO_E_TOO_BIG, "chart",
				               "Biểu đồ ở khối %zu quá lớn.",
				               "The chart in block %zu is too big.", i + 1);
		}
	}
	return 0;
}

/* The workbook of d, closed (written to its file).  Frees it either way. */
static int xlsx_book(struct xlsx *x)
{
	const struct doc *d = x->d;
	lxw_doc_properties props = {
	    .title = (char *)d->title,
	    .author = (char *)d->author,
	    /* 0 would make libxlsxwriter write the current time. */
	    .created = d->created ? (time_t)d->created : 1,
	};
	size_t ntables = 0, ncharts = 0;
	lxw_error lrc;
	int rc;

	rc = xlsx_formats(x);
	if (!rc)
		rc = xlsx_fail(x, workbook_set_properties(x->wb, &props), "properties");
	for (size_t i = 0; i < d->nblocks && !rc; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->kind == DOC_TABLE)
			rc = xlsx_table(x, b->table, ++ntables);
		else if (b->kind == DOC_CHART)
			rc = xlsx_chart(x, b->chart, ++ncharts);
	}
	if (!rc && !ntables && !ncharts)
		rc = xlsx_none(x);
	if (rc) {
		lxw_workbook_free(x->wb);
		x->wb = NULL;
		return rc;
	}
	lrc = workbook_close(x->wb);
	x->wb = NULL;
	return xlsx_fail(x, lrc, "workbook");
}

/* The file open as fd appended to out; out unchanged on failure. */
static int xlsx_slurp(int fd, struct buf *out, struct err *e)
{
	struct stat st;
	size_t size, got = 0;
	ssize_t n;
	int rc;

	if (fstat(fd, &st) < 0)
		return err_set(e, HOSO_E_IO, "", "Không đọc được tệp tạm: %s",
		               "Could not read the temporary file: %s", strerror(errno));
	size = (size_t)st.st_size;
	rc = buf_grow(out, size);
	if (rc)
		return err_set(e, rc, "", NULL, NULL);
	while (got < size) {
		n = pread(fd, out->buf + out->len + got, size - got, (off_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return err_set(e, HOSO_E_IO, "", "Không đọc được tệp tạm: %s",
			               "Could not read the temporary file: %s",
			               n ? strerror(errno) : "short read");
		got += (size_t)n;
	}
	buf_setlen(out, out->len + size);
	return 0;
}

int xlsx_write(const struct doc *d, struct buf *out, struct err *e)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	struct xlsx x = {.d = d, .e = e};
	lxw_workbook_options opts = {0};
	int fd, rc, n;

	if (!d || !out)
		return err_set(e, HOSO_E_INVALID, "", NULL, NULL);
	rc = xlsx_check(d, e);
	if (rc)
		return rc;
	if (!dir || !*dir)
		dir = "/tmp";
	n = snprintf(path, sizeof(path), "%s/hoso-xlsx-XXXXXX", dir);
	if (n < 0 || (size_t)n >= sizeof(path))
		return err_set(e, HOSO_E_IO, "TMPDIR", "Đường dẫn thư mục tạm quá dài.",
		               "The temporary directory's path is too long.");
	fd = mkstemp(path);
	if (fd < 0)
		return err_set(e, HOSO_E_IO, "TMPDIR", "Không tạo được tệp tạm: %s",
		               "Could not create a temporary file: %s", strerror(errno));

	/* A name for every table and chart, and one for an empty workbook. */
	x.names = calloc(d->nblocks + 1, sizeof(*x.names));
	if (!x.names) {
		rc = err_set(e, HOSO_E_NOMEM, "", NULL, NULL);
		goto out;
	}
	opts.tmpdir = (char *)dir;
	x.wb = workbook_new_opt(path, &opts);
	if (!x.wb) {
		rc = err_set(e, HOSO_E_NOMEM, "", NULL, NULL);
		goto out;
	}
	rc = xlsx_book(&x);
	if (!rc)
		rc = xlsx_slurp(fd, out, e);
out:
	free(x.names);
	unlink(path);
	close(fd);
	return rc;
}
