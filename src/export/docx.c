/*
 * docx.c - the DOCX writer (see docx.h): a Party document laid out per
 * Hướng dẫn 36-HD/VPTW as WordprocessingML.
 *
 * Every XML part is written with libxml2's xmlTextWriter into memory, so
 * text is escaped by the writer and can never become markup; the parts are
 * then zipped with libzip into a memory source whose bytes are appended to
 * the output in one step.  The look lives in real Word styles (styles.xml):
 * Normal is Times New Roman 14 pt, justified, with a first-line indent;
 * headings, the document type, captions, table text, notes and the footer
 * each have a style of their own, so staff who edit the file keep the format.
 *
 * Layout on an A4 page (twips; 1 mm = 56.7):
 *   - the header block: a borderless two-column table, the issuing body on
 *     the left and "ĐẢNG CỘNG SẢN VIỆT NAM" with its rule on the right;
 *   - the mark (boxed), the type, the summary and the five hyphens under it;
 *   - the blocks; tables repeat their header row on every page and never
 *     split a row; a chart becomes a small table of its figures;
 *   - the signature block: another borderless table, "Nơi nhận:" left;
 *   - the footer on every page: the footer text and the page number.
 *
 * Writers are sticky-error: each helper does nothing once a part has
 * failed, and the first failure is reported when the part is finished.
 * Output is a function of the model only: zip entry times and the core
 * properties come from d->created.
 */
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "export/docx.h"

#include "core/banned.h"

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT  "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_CP  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_EP  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* A4 and the margins of 36-HD/VPTW: top and bottom 20 mm, left 30 mm,
 * right 15 mm; the header and footer sit 10 mm from the edge. */
enum {
	PAGE_W = 11906,
	PAGE_H = 16838,
	MARGIN_TOP = 1134,
	MARGIN_BOTTOM = 1134,
	MARGIN_LEFT = 1701,
	MARGIN_RIGHT = 850,
	MARGIN_EDGE = 567,
	TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT,
	/* The header and signature blocks: left and right columns. */
	BLOCK_LEFT_W = 4253,
	BLOCK_RIGHT_W = TEXT_W - BLOCK_LEFT_W,
	/* Word's limit. */
	TABLE_MAX_COLS = 63,
	/* Vietnam's offset from UTC (no daylight saving): zip entry times are
	 * local times. */
	VN_UTC_OFFSET = 7 * 3600,
};

/* One XML part being written. */
struct xw {
	xmlBufferPtr xbuf;
	xmlTextWriterPtr tw;
	struct buf seg; /* a piece of text between breaks, NUL-terminated */
	int rc;         /* the first failure; later calls do nothing */
	const char *why_vi, *why_en;
	size_t block; /* 1-based index of the block being written, or 0 */
};

static void xw_fail(struct xw *w, int rc, const char *why_vi, const char *why_en)
{
	if (w->rc)
		return;
	w->rc = rc;
	w->why_vi = why_vi;
	w->why_en = why_en;
}

/* libxml2's writer fails on allocation only: it writes to memory. */
static void xw_check(struct xw *w, int r)
{
	if (r < 0)
		xw_fail(w, HOSO_E_NOMEM, NULL, NULL);
}

static void x_start(struct xw *w, const char *name)
{
	if (!w->rc)
		xw_check(w, xmlTextWriterStartElement(w->tw, BAD_CAST name));
}

static void x_end(struct xw *w)
{
	if (!w->rc)
		xw_check(w, xmlTextWriterEndElement(w->tw));
}

static void x_attr(struct xw *w, const char *name, const char *value)
{
	if (!w->rc)
		xw_check(w, xmlTextWriterWriteAttribute(w->tw, BAD_CAST name, BAD_CAST value));
}

static void x_attr_int(struct xw *w, const char *name, long v)
{
	char s[24];

	snprintf(s, sizeof(s), "%ld", v);
	x_attr(w, name, s);
}

/* <name w:val="value"/>, or <name/> when value is NULL. */
static void x_val(struct xw *w, const char *name, const char *value)
{
	x_start(w, name);
	if (value)
		x_attr(w, "w:val", value);
	x_end(w);
}

static void x_val_int(struct xw *w, const char *name, long v)
{
	x_start(w, name);
	x_attr_int(w, "w:val", v);
	x_end(w);
}

/* <name w:w="v" w:type="dxa"/>: a width in twips. */
static void x_dxa(struct xw *w, const char *name, long v)
{
	x_start(w, name);
	x_attr_int(w, "w:w", v);
	x_attr(w, "w:type", "dxa");
	x_end(w);
}

/* A single line, sz eighths of a point, space points from the text. */
static void x_border(struct xw *w, const char *name, const char *sz, const char *space)
{
	x_start(w, name);
	x_attr(w, "w:val", "single");
	x_attr(w, "w:sz", sz);
	if (space)
		x_attr(w, "w:space", space);
	x_attr(w, "w:color", "auto");
	x_end(w);
}

/* Spacing of single lines with none after (TableGrid, the defaults). */
static void x_spacing_single(struct xw *w)
{
	x_start(w, "w:spacing");
	x_attr(w, "w:after", "0");
	x_attr(w, "w:line", "240");
	x_attr(w, "w:lineRule", "auto");
	x_end(w);
}

static int xw_text_ok(struct xw *w, const char *s)
{
	int r = doc_text_check(s);

	if (r == HOSO_E_NOT_UTF8)
		xw_fail(w, r, "văn bản không phải UTF-8 hợp lệ", "text is not valid UTF-8");
	else if (r < 0)
		xw_fail(w, r, "văn bản có ký tự điều khiển", "text holds control characters");
	return !w->rc;
}

/* Text content of the open element, checked. */
static void x_text(struct xw *w, const char *s)
{
	if (!w->rc && xw_text_ok(w, s))
		xw_check(w, xmlTextWriterWriteString(w->tw, BAD_CAST s));
}

/* <w:t> holding s[0..n), keeping its edge spaces. */
static void w_t(struct xw *w, const char *s, size_t n)
{
	int r;

	if (w->rc)
		return;
	buf_reset(&w->seg);
	r = buf_add(&w->seg, s, n);
	if (r < 0) {
		xw_fail(w, r, NULL, NULL);
		return;
	}
	x_start(w, "w:t");
	if (s[0] == ' ' || s[n - 1] == ' ')
		x_attr(w, "xml:space", "preserve");
	if (!w->rc)
		xw_check(w, xmlTextWriterWriteString(w->tw, BAD_CAST w->seg.buf));
	x_end(w);
}

/* Run properties. */
enum {
	R_B = 1 << 0,
	R_I = 1 << 1,
	R_BOX = 1 << 2, /* a border round the run: the confidentiality mark */
};

/* Bold, italic (R_B, R_I) and size of run properties, for the text and
 * the complex scripts alike. */
static void x_look(struct xw *w, unsigned fl, int sz)
{
	if (fl & R_B) {
		x_val(w, "w:b", NULL);
		x_val(w, "w:bCs", NULL);
	}
	if (fl & R_I) {
		x_val(w, "w:i", NULL);
		x_val(w, "w:iCs", NULL);
	}
	if (sz) {
		x_val_int(w, "w:sz", sz);
		x_val_int(w, "w:szCs", sz);
	}
}

static void w_rpr(struct xw *w, unsigned fl, int sz)
{
	if (!fl && !sz)
		return;
	x_start(w, "w:rPr");
	x_look(w, fl, sz);
	if (fl & R_BOX)
		x_border(w, "w:bdr", "8", "2");
	x_end(w);
}

/*
 * One run of text with the given look (sz in half-points, 0: the style's):
 * "\n" becomes a line break, "\t" a tab, "\r" is dropped.
 */
static void w_run(struct xw *w, const char *text, unsigned fl, int sz)
{
	const char *p, *q;

	if (w->rc || !text || !*text || !xw_text_ok(w, text))
		return;
	x_start(w, "w:r");
	w_rpr(w, fl, sz);
	for (p = text; *p; p = q) {
		q = p + strcspn(p, "\t\n\r");
		if (q > p)
			w_t(w, p, (size_t)(q - p));
		if (*q == '\n')
			x_val(w, "w:br", NULL);
		else if (*q == '\t')
			x_val(w, "w:tab", NULL);
		if (*q)
			q++;
	}
	x_end(w);
}

/* Paragraph properties beyond the style's. */
struct ppr {
	const char *style;
	int rule;   /* a rule under the paragraph */
	int before; /* space before, twips; 0: the style's */
	const char *jc;
};

static void w_ppr(struct xw *w, const struct ppr *p)
{
	if (!p || (!p->style && !p->rule && !p->before && !p->jc))
		return;
	x_start(w, "w:pPr");
	if (p->style)
		x_val(w, "w:pStyle", p->style);
	if (p->rule) {
		x_start(w, "w:pBdr");
		x_border(w, "w:bottom", "6", "1");
		x_end(w);
	}
	if (p->before) {
		x_start(w, "w:spacing");
		x_attr_int(w, "w:before", p->before);
		x_end(w);
	}
	if (p->jc)
		x_val(w, "w:jc", p->jc);
	x_end(w);
}

/* A paragraph of one run (none when text is NULL or empty). */
static void w_para(struct xw *w, const struct ppr *p, const char *text, unsigned fl, int sz)
{
	x_start(w, "w:p");
	w_ppr(w, p);
	w_run(w, text, fl, sz);
	x_end(w);
}

#define P(...) (&(const struct ppr){__VA_ARGS__})

/* Open a table of n columns tw[] twips wide: borderless when style is NULL,
 * centred when narrower than the text. */
static void w_tbl_start(struct xw *w, const char *style, const int *tw, size_t n)
{
	long total = 0;

	for (size_t i = 0; i < n; i++)
		total += tw[i];
	x_start(w, "w:tbl");
	x_start(w, "w:tblPr");
	if (style)
		x_val(w, "w:tblStyle", style);
	x_dxa(w, "w:tblW", total);
	if (total < TEXT_W)
		x_val(w, "w:jc", "center");
	x_start(w, "w:tblLayout");
	x_attr(w, "w:type", "fixed");
	x_end(w);
	x_end(w);
	x_start(w, "w:tblGrid");
	for (size_t i = 0; i < n; i++) {
		x_start(w, "w:gridCol");
		x_attr_int(w, "w:w", tw[i]);
		x_end(w);
	}
	x_end(w);
}

/* Rows never split across pages; a header row repeats on each page. */
static void w_tr_start(struct xw *w, int header)
{
	x_start(w, "w:tr");
	x_start(w, "w:trPr");
	x_val(w, "w:cantSplit", NULL);
	if (header)
		x_val(w, "w:tblHeader", NULL);
	x_end(w);
}

static void w_tc_start(struct xw *w, int width, int vcenter)
{
	x_start(w, "w:tc");
	x_start(w, "w:tcPr");
	x_dxa(w, "w:tcW", width);
	if (vcenter)
		x_val(w, "w:vAlign", "center");
	x_end(w);
}

/* Column widths in twips from relative widths (NULL or any not positive
 * and finite: equal), adding up to total exactly. */
static void col_widths(const double *rel, size_t n, int total, int *tw)
{
	double sum = 0;
	int used = 0;

	for (size_t i = 0; rel && i < n; i++) {
		if (!(rel[i] > 0) || !isfinite(rel[i])) {
			rel = NULL;
			break;
		}
		sum += rel[i];
	}
	if (!rel || !isfinite(sum))
		sum = (double)n;
	for (size_t i = 0; i < n; i++) {
		double r = rel ? rel[i] : 1.0;

		tw[i] = i + 1 < n ? (int)floor(total * (r / sum)) : total - used;
		used += tw[i];
	}
}

static void write_cell(struct xw *w, int width, const struct doc_cell *c, int total)
{
	char num[DOC_INT_MAX];
	unsigned fl = total ? R_B : 0;

	w_tc_start(w, width, 1);
	switch (c->kind) {
	case DOC_CELL_INT:
		w_para(w, P(.style = "TableText", .jc = "right"), doc_int(c->n, num), fl, 0);
		break;
	case DOC_CELL_TEXT:
		w_para(w, P(.style = "TableText", .jc = total ? "center" : NULL), c->text, fl, 0);
		break;
	case DOC_CELL_EMPTY:
		w_para(w, P(.style = "TableText"), NULL, 0, 0);
		break;
	default:
		xw_fail(w, HOSO_E_INVALID, "ô bảng không rõ loại", "a table cell of unknown kind");
	}
	x_end(w);
}

/*
 * A table width twips wide: the caption above, the header row, the rows
 * (the last one bold when it is the total), the note below.  A paragraph
 * always follows the table, so two tables in a row stay two tables.
 */
static void write_table(struct xw *w, const struct doc_table *t, int width)
{
	int tw[TABLE_MAX_COLS];

	if (t->ncols == 0 || t->ncols > TABLE_MAX_COLS) {
		xw_fail(w, HOSO_E_INVALID, "bảng phải có từ 1 đến 63 cột",
		        "a table needs 1 to 63 columns");
		return;
	}
	if (t->nrows && (!t->cells || t->nrows > SIZE_MAX / t->ncols)) {
		xw_fail(w, HOSO_E_INVALID, "bảng thiếu ô", "a table without its cells");
		return;
	}
	col_widths(t->widths, t->ncols, width, tw);
	if (t->title)
		w_para(w, P(.style = "Caption"), t->title, 0, 0);
	if (t->head || t->nrows) {
		w_tbl_start(w, "TableGrid", tw, t->ncols);
		if (t->head) {
			w_tr_start(w, 1);
			for (size_t c = 0; c < t->ncols; c++) {
				w_tc_start(w, tw[c], 1);
				w_para(w, P(.style = "TableHead"), t->head[c], 0, 0);
				x_end(w);
			}
			x_end(w);
		}
		for (size_t r = 0; r < t->nrows && !w->rc; r++) {
			int total = t->total_row && r + 1 == t->nrows;

			w_tr_start(w, 0);
			for (size_t c = 0; c < t->ncols; c++)
				write_cell(w, tw[c], &t->cells[r * t->ncols + c], total);
			x_end(w);
		}
		x_end(w);
	}
	if (t->note)
		w_para(w, P(.style = "TableNote"), t->note, 0, 0);
	else
		w_para(w, P(.style = "Block"), NULL, 0, 0);
}

/* A chart as the table of its figures: label | series | series2. */
static void write_chart(struct xw *w, const struct doc_chart *ch)
{
	static const double widths[] = {2.0, 1.0, 1.0};
	size_t ncols = ch->values2 ? 3 : 2;
	const char *head[3] = {"", ch->series ? ch->series : "Số lượng",
	                       ch->series2 ? ch->series2 : ""};
	struct doc_cell *cells;

	if (ch->n && (!ch->labels || !ch->values)) {
		xw_fail(w, HOSO_E_INVALID, "biểu đồ thiếu số liệu", "a chart without its figures");
		return;
	}
	if (ch->n > SIZE_MAX / sizeof(*cells) / 3) {
		xw_fail(w, HOSO_E_TOO_BIG, NULL, NULL);
		return;
	}
	cells = calloc(ch->n * ncols + 1, sizeof(*cells));
	if (!cells) {
		xw_fail(w, HOSO_E_NOMEM, NULL, NULL);
		return;
	}
	for (size_t i = 0; i < ch->n; i++) {
		struct doc_cell *c = &cells[i * ncols];

		c[0] = ch->labels[i]
		           ? (struct doc_cell){.kind = DOC_CELL_TEXT, .text = ch->labels[i]}
		           : (struct doc_cell){.kind = DOC_CELL_EMPTY};
		c[1] = (struct doc_cell){.kind = DOC_CELL_INT, .n = ch->values[i]};
		if (ch->values2)
			c[2] = (struct doc_cell){.kind = DOC_CELL_INT, .n = ch->values2[i]};
	}
	write_table(w,
	            &(const struct doc_table){.title = ch->title,
	                                      .ncols = ncols,
	                                      .head = head,
	                                      .widths = widths,
	                                      .nrows = ch->n,
	                                      .cells = cells},
	            TEXT_W * 2 / 3);
	free(cells);
}

static void write_block(struct xw *w, const struct doc_block *b)
{
	static const char *const headings[] = {"Heading1", "Heading2", "Heading3"};

	switch (b->kind) {
	case DOC_HEADING:
		if (b->level < 1 || b->level > 3) {
			xw_fail(w, HOSO_E_INVALID, "đề mục phải ở cấp 1 đến 3",
			        "a heading's level must be 1 to 3");
			return;
		}
		w_para(w, P(.style = headings[b->level - 1]), b->text, 0, 0);
		break;
	case DOC_PARA:
		w_para(w, NULL, b->text, 0, 0);
		break;
	case DOC_PLACEHOLDER:
		w_para(w, P(.style = "Hint"), b->text, 0, 0);
		break;
	case DOC_TABLE:
		if (!b->table)
			xw_fail(w, HOSO_E_INVALID, "khối bảng không có bảng",
			        "a table block without a table");
		else
			write_table(w, b->table, TEXT_W);
		break;
	case DOC_CHART:
		if (!b->chart)
			xw_fail(w, HOSO_E_INVALID, "khối biểu đồ không có biểu đồ",
			        "a chart block without a chart");
		else
			write_chart(w, b->chart);
		break;
	case DOC_PAGE_BREAK:
		x_start(w, "w:p");
		x_start(w, "w:r");
		x_start(w, "w:br");
		x_attr(w, "w:type", "page");
		x_end(w);
		x_end(w);
		x_end(w);
		break;
	default:
		xw_fail(w, HOSO_E_INVALID, "khối không rõ loại", "a block of unknown kind");
	}
}

/* The header and signature blocks: a borderless table of one row, its
 * left cell opened by block_start, its right one by block_right. */
static const int block_tw[2] = {BLOCK_LEFT_W, BLOCK_RIGHT_W};

static void block_start(struct xw *w)
{
	w_tbl_start(w, NULL, block_tw, 2);
	w_tr_start(w, 0);
	w_tc_start(w, block_tw[0], 0);
}

static void block_right(struct xw *w)
{
	x_end(w);
	w_tc_start(w, block_tw[1], 0);
}

static void block_end(struct xw *w)
{
	x_end(w);
	x_end(w);
	x_end(w);
}

/* Superior, issuer, "*" and number left; the Party's name, ruled, and the
 * place and date right. */
static void write_header_block(struct xw *w, const struct doc *d)
{
	block_start(w);
	w_para(w, P(.style = "Block"), d->superior, 0, 0);
	w_para(w, P(.style = "Block"), d->issuer, R_B, 0);
	w_para(w, P(.style = "Block"), "*", 0, 0);
	w_para(w, P(.style = "Block"), d->number, 0, 0);
	block_right(w);
	w_para(w, P(.style = "Block", .rule = 1), "ĐẢNG CỘNG SẢN VIỆT NAM", R_B, 30);
	w_para(w, P(.style = "Block"), NULL, 0, 0);
	w_para(w, P(.style = "Block"), d->place_date, R_I, 0);
	block_end(w);
	if (d->mark && *d->mark)
		w_para(w, P(.style = "Block", .before = 240), d->mark, R_B | R_BOX, 0);
	if (d->type)
		w_para(w, P(.style = "Title"), d->type, 0, 0);
	if (d->summary)
		w_para(w, P(.style = "Subtitle"), d->summary, 0, 0);
	if (d->type || d->summary)
		w_para(w, P(.style = "Subtitle"), "-----", 0, 0);
}

/* "Nơi nhận:" and the recipients left; who signs right, with room for the
 * signature and seal. */
static void write_signature(struct xw *w, const struct doc *d)
{
	if (!d->nrecipients && !d->sign_for && !d->sign_title && !d->signer)
		return;
	if (d->nrecipients && !d->recipients) {
		xw_fail(w, HOSO_E_INVALID, "thiếu nơi nhận", "recipients missing");
		return;
	}
	w_para(w, P(.style = "Block"), NULL, 0, 0);
	block_start(w);
	w_para(w, P(.style = "Block", .jc = "left"), d->nrecipients ? "Nơi nhận:" : NULL, R_B | R_I,
	       24);
	for (size_t i = 0; i < d->nrecipients; i++)
		w_para(w, P(.style = "Block", .jc = "left"), d->recipients[i], 0, 22);
	block_right(w);
	w_para(w, P(.style = "Block"), d->sign_for, R_B, 0);
	w_para(w, P(.style = "Block"), d->sign_title, R_B, 0);
	w_para(w, P(.style = "Block", .before = 1600), d->signer, R_B, 0);
	block_end(w);
}

static void write_document(struct xw *w, const struct doc *d)
{
	x_start(w, "w:document");
	x_attr(w, "xmlns:w", NS_W);
	x_attr(w, "xmlns:r", NS_R);
	x_start(w, "w:body");
	write_header_block(w, d);
	if (d->nblocks && !d->blocks)
		xw_fail(w, HOSO_E_INVALID, "thiếu các khối nội dung", "blocks missing");
	for (size_t i = 0; i < d->nblocks && !w->rc; i++) {
		w->block = i + 1;
		write_block(w, &d->blocks[i]);
	}
	if (!w->rc)
		w->block = 0;
	write_signature(w, d);
	/* The body ends with a paragraph, as Word's own files do. */
	w_para(w, P(.style = "Block"), NULL, 0, 0);
	x_start(w, "w:sectPr");
	x_start(w, "w:footerReference");
	x_attr(w, "w:type", "default");
	x_attr(w, "r:id", "rId3");
	x_end(w);
	x_start(w, "w:pgSz");
	x_attr_int(w, "w:w", PAGE_W);
	x_attr_int(w, "w:h", PAGE_H);
	x_end(w);
	x_start(w, "w:pgMar");
	x_attr_int(w, "w:top", MARGIN_TOP);
	x_attr_int(w, "w:right", MARGIN_RIGHT);
	x_attr_int(w, "w:bottom", MARGIN_BOTTOM);
	x_attr_int(w, "w:left", MARGIN_LEFT);
	x_attr_int(w, "w:header", MARGIN_EDGE);
	x_attr_int(w, "w:footer", MARGIN_EDGE);
	x_attr(w, "w:gutter", "0");
	x_end(w);
	x_end(w);
	x_end(w);
	x_end(w);
}

/* The paragraph styles, in styles.xml order. */
enum ind { IND_INHERIT, IND_NONE, IND_FIRST_LINE };

struct pstyle {
	const char *id, *name, *based, *next;
	int keep_next;
	int outline; /* heading level, 0: none */
	int spacing; /* write before, after (twips) and line (240ths) */
	int before, after, line;
	enum ind ind;
	const char *jc;
	unsigned fl;
	int sz;     /* half-points, 0: inherit */
	int fonts;  /* name the fonts (Normal) */
	int footer; /* a rule above and a right tab for the page number */
};

static const struct pstyle pstyles[] = {
    {.id = "Normal",
     .name = "Normal",
     .spacing = 1,
     .after = 120,
     .line = 288,
     .ind = IND_FIRST_LINE,
     .jc = "both",
     .sz = 28,
     .fonts = 1},
    {.id = "Heading1",
     .name = "heading 1",
     .based = "Normal",
     .next = "Normal",
     .keep_next = 1,
     .outline = 1,
     .spacing = 1,
     .before = 120,
     .after = 120,
     .line = 288,
     .fl = R_B},
    {.id = "Heading2",
     .name = "heading 2",
     .based = "Normal",
     .next = "Normal",
     .keep_next = 1,
     .outline = 2,
     .spacing = 1,
     .before = 60,
     .after = 120,
     .line = 288,
     .fl = R_B},
    {.id = "Heading3",
     .name = "heading 3",
     .based = "Normal",
     .next = "Normal",
     .keep_next = 1,
     .outline = 3,
     .spacing = 1,
     .before = 60,
     .after = 120,
     .line = 288,
     .fl = R_B | R_I},
    {.id = "Title",
     .name = "Title",
     .based = "Normal",
     .next = "Subtitle",
     .keep_next = 1,
     .spacing = 1,
     .before = 240,
     .line = 240,
     .ind = IND_NONE,
     .jc = "center",
     .fl = R_B,
     .sz = 32},
    {.id = "Subtitle",
     .name = "Subtitle",
     .based = "Normal",
     .next = "Normal",
     .keep_next = 1,
     .spacing = 1,
     .line = 240,
     .ind = IND_NONE,
     .jc = "center",
     .fl = R_B},
    {.id = "Caption",
     .name = "caption",
     .based = "Normal",
     .next = "Normal",
     .keep_next = 1,
     .spacing = 1,
     .before = 120,
     .after = 60,
     .line = 240,
     .ind = IND_NONE,
     .jc = "center",
     .fl = R_B},
    {.id = "TableText",
     .name = "Table Text",
     .based = "Normal",
     .spacing = 1,
     .before = 20,
     .after = 20,
     .line = 240,
     .ind = IND_NONE,
     .jc = "left",
     .sz = 24},
    {.id = "TableHead", .name = "Table Heading", .based = "TableText", .jc = "center", .fl = R_B},
    {.id = "TableNote",
     .name = "Table Note",
     .based = "Normal",
     .next = "Normal",
     .spacing = 1,
     .before = 60,
     .after = 120,
     .line = 240,
     .ind = IND_NONE,
     .jc = "left",
     .fl = R_I,
     .sz = 24},
    {.id = "Hint", .name = "Writing Hint", .based = "Normal", .next = "Normal", .fl = R_I},
    {.id = "Block",
     .name = "Header Block",
     .based = "Normal",
     .spacing = 1,
     .line = 240,
     .ind = IND_NONE,
     .jc = "center"},
    {.id = "Footer",
     .name = "footer",
     .based = "Normal",
     .spacing = 1,
     .line = 240,
     .ind = IND_NONE,
     .jc = "left",
     .sz = 18,
     .footer = 1},
};

static void x_fonts(struct xw *w)
{
	static const char *const attrs[] = {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"};

	x_start(w, "w:rFonts");
	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		x_attr(w, attrs[i], "Times New Roman");
	x_end(w);
}

static void write_pstyle(struct xw *w, const struct pstyle *s)
{
	x_start(w, "w:style");
	x_attr(w, "w:type", "paragraph");
	if (!s->based)
		x_attr(w, "w:default", "1");
	x_attr(w, "w:styleId", s->id);
	x_val(w, "w:name", s->name);
	if (s->based)
		x_val(w, "w:basedOn", s->based);
	if (s->next)
		x_val(w, "w:next", s->next);
	x_val(w, "w:qFormat", NULL);
	x_start(w, "w:pPr");
	if (s->keep_next)
		x_val(w, "w:keepNext", NULL);
	if (s->footer) {
		x_start(w, "w:pBdr");
		x_border(w, "w:top", "4", "1");
		x_end(w);
		x_start(w, "w:tabs");
		x_start(w, "w:tab");
		x_attr(w, "w:val", "right");
		x_attr_int(w, "w:pos", TEXT_W);
		x_end(w);
		x_end(w);
	}
	if (s->spacing) {
		x_start(w, "w:spacing");
		x_attr_int(w, "w:before", s->before);
		x_attr_int(w, "w:after", s->after);
		x_attr_int(w, "w:line", s->line);
		x_attr(w, "w:lineRule", "auto");
		x_end(w);
	}
	if (s->ind != IND_INHERIT) {
		x_start(w, "w:ind");
		x_attr(w, "w:firstLine", s->ind == IND_FIRST_LINE ? "567" : "0");
		x_end(w);
	}
	if (s->jc)
		x_val(w, "w:jc", s->jc);
	if (s->outline)
		x_val_int(w, "w:outlineLvl", s->outline - 1);
	x_end(w);
	if (s->fonts || s->fl || s->sz) {
		x_start(w, "w:rPr");
		if (s->fonts)
			x_fonts(w);
		x_look(w, s->fl, s->sz);
		x_end(w);
	}
	x_end(w);
}

/* Table styles: Word's default (no borders: the header and signature
 * blocks) and a grid of thin single lines for the figures. */
static void write_tstyles(struct xw *w)
{
	static const char *const edges[] = {"w:top",   "w:left",    "w:bottom",
	                                    "w:right", "w:insideH", "w:insideV"};

	x_start(w, "w:style");
	x_attr(w, "w:type", "table");
	x_attr(w, "w:default", "1");
	x_attr(w, "w:styleId", "TableNormal");
	x_val(w, "w:name", "Normal Table");
	x_val_int(w, "w:uiPriority", 99);
	x_val(w, "w:semiHidden", NULL);
	x_val(w, "w:unhideWhenUsed", NULL);
	x_start(w, "w:tblPr");
	x_dxa(w, "w:tblInd", 0);
	x_start(w, "w:tblCellMar");
	x_dxa(w, "w:top", 0);
	x_dxa(w, "w:left", 108);
	x_dxa(w, "w:bottom", 0);
	x_dxa(w, "w:right", 108);
	x_end(w);
	x_end(w);
	x_end(w);

	x_start(w, "w:style");
	x_attr(w, "w:type", "table");
	x_attr(w, "w:styleId", "TableGrid");
	x_val(w, "w:name", "Table Grid");
	x_val(w, "w:basedOn", "TableNormal");
	x_val_int(w, "w:uiPriority", 39);
	x_start(w, "w:pPr");
	x_spacing_single(w);
	x_end(w);
	x_start(w, "w:tblPr");
	x_start(w, "w:tblBorders");
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
		x_border(w, edges[i], "4", "0");
	x_end(w);
	x_start(w, "w:tblCellMar");
	x_dxa(w, "w:left", 85);
	x_dxa(w, "w:right", 85);
	x_end(w);
	x_end(w);
	x_end(w);
}

static void write_styles(struct xw *w, const struct doc *d)
{
	(void)d;
	x_start(w, "w:styles");
	x_attr(w, "xmlns:w", NS_W);
	x_start(w, "w:docDefaults");
	x_start(w, "w:rPrDefault");
	x_start(w, "w:rPr");
	x_fonts(w);
	x_look(w, 0, 28);
	x_start(w, "w:lang");
	x_attr(w, "w:val", "vi-VN");
	x_attr(w, "w:eastAsia", "en-US");
	x_attr(w, "w:bidi", "ar-SA");
	x_end(w);
	x_end(w);
	x_end(w);
	x_start(w, "w:pPrDefault");
	x_start(w, "w:pPr");
	x_spacing_single(w);
	x_end(w);
	x_end(w);
	x_end(w);
	for (size_t i = 0; i < sizeof(pstyles) / sizeof(pstyles[0]); i++)
		write_pstyle(w, &pstyles[i]);
	write_tstyles(w);
	x_end(w);
}

/* The footer text left, the page number (a PAGE field) right. */
static void write_footer(struct xw *w, const struct doc *d)
{
	static const char *const field[] = {"begin", NULL, "separate", "1", "end"};

	x_start(w, "w:ftr");
	x_attr(w, "xmlns:w", NS_W);
	x_attr(w, "xmlns:r", NS_R);
	x_start(w, "w:p");
	w_ppr(w, P(.style = "Footer"));
	w_run(w, d->footer, 0, 0);
	w_run(w, "\t", 0, 0);
	for (size_t i = 0; i < sizeof(field) / sizeof(field[0]); i++) {
		x_start(w, "w:r");
		if (i == 1) {
			x_start(w, "w:instrText");
			x_attr(w, "xml:space", "preserve");
			x_text(w, " PAGE ");
			x_end(w);
		} else if (i == 3) {
			x_start(w, "w:t");
			x_text(w, field[i]);
			x_end(w);
		} else {
			x_start(w, "w:fldChar");
			x_attr(w, "w:fldCharType", field[i]);
			x_end(w);
		}
		x_end(w);
	}
	x_end(w);
	x_end(w);
}

static void write_settings(struct xw *w, const struct doc *d)
{
	(void)d;
	x_start(w, "w:settings");
	x_attr(w, "xmlns:w", NS_W);
	x_start(w, "w:zoom");
	x_attr(w, "w:percent", "100");
	x_end(w);
	x_val_int(w, "w:defaultTabStop", 720);
	x_val(w, "w:characterSpacingControl", "doNotCompress");
	x_start(w, "w:compat");
	x_start(w, "w:compatSetting");
	x_attr(w, "w:name", "compatibilityMode");
	x_attr(w, "w:uri", "http://schemas.microsoft.com/office/word");
	x_attr(w, "w:val", "15");
	x_end(w);
	x_end(w);
	x_val(w, "w:themeFontLang", "vi-VN");
	x_end(w);
}

static void x_elem_text(struct xw *w, const char *name, const char *text)
{
	x_start(w, name);
	x_text(w, text);
	x_end(w);
}

/* Title, author and d->created as W3CDTF (UTC). */
static void write_core(struct xw *w, const struct doc *d)
{
	static const char *const stamps[] = {"dcterms:created", "dcterms:modified"};
	time_t t = (time_t)d->created;
	char when[64];
	struct tm tm;

	if ((int64_t)t != d->created || !gmtime_r(&t, &tm) || tm.tm_year < -1899 ||
	    tm.tm_year > 9999 - 1900) {
		xw_fail(w, HOSO_E_INVALID, "thời điểm tạo không hợp lệ",
		        "creation time out of range");
		return;
	}
	snprintf(when, sizeof(when), "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	x_start(w, "cp:coreProperties");
	x_attr(w, "xmlns:cp", NS_CP);
	x_attr(w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	x_attr(w, "xmlns:dcterms", "http://purl.org/dc/terms/");
	x_attr(w, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
	x_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	if (d->title)
		x_elem_text(w, "dc:title", d->title);
	if (d->author) {
		x_elem_text(w, "dc:creator", d->author);
		x_elem_text(w, "cp:lastModifiedBy", d->author);
	}
	for (size_t i = 0; i < sizeof(stamps) / sizeof(stamps[0]); i++) {
		x_start(w, stamps[i]);
		x_attr(w, "xsi:type", "dcterms:W3CDTF");
		x_text(w, when);
		x_end(w);
	}
	x_end(w);
}

static void write_app(struct xw *w, const struct doc *d)
{
	(void)d;
	x_start(w, "Properties");
	x_attr(w, "xmlns", NS_EP);
	x_elem_text(w, "Application", "hoso");
	x_elem_text(w, "DocSecurity", "0");
	x_end(w);
}

static void write_content_types(struct xw *w, const struct doc *d);
static void write_pkg_rels(struct xw *w, const struct doc *d);
static void write_doc_rels(struct xw *w, const struct doc *d);

enum part {
	PART_CONTENT_TYPES,
	PART_RELS,
	PART_CORE,
	PART_APP,
	PART_DOCUMENT,
	PART_STYLES,
	PART_SETTINGS,
	PART_FOOTER,
	PART_DOCUMENT_RELS,
	PART__MAX
};

/* The package, in zip order.  A part with a rel is listed by its owner's
 * relationships part under id, as target (relative to the owner). */
static const struct part_def {
	const char *name;
	const char *type; /* content type override; NULL: a Default covers it */
	enum part owner;
	const char *id, *rel, *target;
	void (*write)(struct xw *w, const struct doc *d);
} parts[PART__MAX] = {
    [PART_CONTENT_TYPES] = {.name = "[Content_Types].xml", .write = write_content_types},
    [PART_RELS] = {.name = "_rels/.rels", .write = write_pkg_rels},
    [PART_CORE] = {.name = "docProps/core.xml",
                   .type = "application/vnd.openxmlformats-package.core-properties+xml",
                   .owner = PART_RELS,
                   .id = "rId2",
                   .rel = NS_PKG "/metadata/core-properties",
                   .target = "docProps/core.xml",
                   .write = write_core},
    [PART_APP] = {.name = "docProps/app.xml",
                  .type = "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                  .owner = PART_RELS,
                  .id = "rId3",
                  .rel = NS_R "/extended-properties",
                  .target = "docProps/app.xml",
                  .write = write_app},
    [PART_DOCUMENT] = {.name = "word/document.xml",
                       .type = CT_WML "document.main+xml",
                       .owner = PART_RELS,
                       .id = "rId1",
                       .rel = NS_R "/officeDocument",
                       .target = "word/document.xml",
                       .write = write_document},
    [PART_STYLES] = {.name = "word/styles.xml",
                     .type = CT_WML "styles+xml",
                     .owner = PART_DOCUMENT_RELS,
                     .id = "rId1",
                     .rel = NS_R "/styles",
                     .target = "styles.xml",
                     .write = write_styles},
    [PART_SETTINGS] = {.name = "word/settings.xml",
                       .type = CT_WML "settings+xml",
                       .owner = PART_DOCUMENT_RELS,
                       .id = "rId2",
                       .rel = NS_R "/settings",
                       .target = "settings.xml",
                       .write = write_settings},
    /* write_document names the footer by its id, rId3. */
    [PART_FOOTER] = {.name = "word/footer1.xml",
                     .type = CT_WML "footer+xml",
                     .owner = PART_DOCUMENT_RELS,
                     .id = "rId3",
                     .rel = NS_R "/footer",
                     .target = "footer1.xml",
                     .write = write_footer},
    [PART_DOCUMENT_RELS] = {.name = "word/_rels/document.xml.rels", .write = write_doc_rels},
};

static void write_content_types(struct xw *w, const struct doc *d)
{
	static const char *const defaults[][2] = {
	    {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
	    {"xml", "application/xml"},
	};

	(void)d;
	x_start(w, "Types");
	x_attr(w, "xmlns", NS_CT);
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		x_start(w, "Default");
		x_attr(w, "Extension", defaults[i][0]);
		x_attr(w, "ContentType", defaults[i][1]);
		x_end(w);
	}
	for (size_t i = 0; i < PART__MAX; i++) {
		char name[64];

		if (!parts[i].type)
			continue;
		snprintf(name, sizeof(name), "/%s", parts[i].name);
		x_start(w, "Override");
		x_attr(w, "PartName", name);
		x_attr(w, "ContentType", parts[i].type);
		x_end(w);
	}
	x_end(w);
}

static void write_rels(struct xw *w, enum part owner)
{
	x_start(w, "Relationships");
	x_attr(w, "xmlns", NS_PKG);
	for (size_t i = 0; i < PART__MAX; i++) {
		if (!parts[i].rel || parts[i].owner != owner)
			continue;
		x_start(w, "Relationship");
		x_attr(w, "Id", parts[i].id);
		x_attr(w, "Type", parts[i].rel);
		x_attr(w, "Target", parts[i].target);
		x_end(w);
	}
	x_end(w);
}

static void write_pkg_rels(struct xw *w, const struct doc *d)
{
	(void)d;
	write_rels(w, PART_RELS);
}

static void write_doc_rels(struct xw *w, const struct doc *d)
{
	(void)d;
	write_rels(w, PART_DOCUMENT_RELS);
}

static int xw_open(struct xw *w)
{
	memset(w, 0, sizeof(*w));
	buf_init(&w->seg, 0);
	w->xbuf = xmlBufferCreate();
	if (!w->xbuf)
		return HOSO_E_NOMEM;
	w->tw = xmlNewTextWriterMemory(w->xbuf, 0);
	if (!w->tw)
		return HOSO_E_NOMEM;
	xw_check(w, xmlTextWriterStartDocument(w->tw, NULL, "UTF-8", "yes"));
	return 0;
}

/* End the document and flush it into w->xbuf. */
static void xw_finish(struct xw *w)
{
	if (!w->rc)
		xw_check(w, xmlTextWriterEndDocument(w->tw));
	if (!w->rc)
		xw_check(w, xmlTextWriterFlush(w->tw));
	xmlFreeTextWriter(w->tw);
	w->tw = NULL;
}

static void xw_release(struct xw *w)
{
	if (w->tw)
		xmlFreeTextWriter(w->tw);
	if (w->xbuf)
		xmlBufferFree(w->xbuf);
	buf_release(&w->seg);
	w->tw = NULL;
	w->xbuf = NULL;
}

/* A Unix time as an MS-DOS date and time, Vietnam's local time, within
 * the years MS-DOS can hold (1980 to 2107). */
static void dos_time(int64_t created, zip_uint16_t *ret_time, zip_uint16_t *ret_date)
{
	time_t t = (time_t)(created + VN_UTC_OFFSET);
	struct tm tm;

	if (created > INT64_MAX - VN_UTC_OFFSET || !gmtime_r(&t, &tm) || tm.tm_year < 80) {
		*ret_time = 0;
		*ret_date = 1 << 5 | 1; /* 1980-01-01 */
		return;
	}
	if (tm.tm_year > 207) {
		*ret_time = 23 << 11 | 59 << 5 | 29;
		*ret_date = (zip_uint16_t)(127 << 9 | 12 << 5 | 31);
		return;
	}
	*ret_time = (zip_uint16_t)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
	*ret_date = (zip_uint16_t)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

/*
 * Zip the parts into a memory source and append the archive to out.  The
 * entry times are set as MS-DOS fields directly: zip_file_set_mtime() goes
 * through the process's time zone, which would make the bytes depend on TZ.
 */
static int zip_parts(struct xw *w, int64_t created, struct buf *out, struct err *e)
{
	zip_uint16_t dtime, ddate;
	zip_source_t *src, *zs;
	zip_error_t ze;
	zip_stat_t st;
	zip_t *za;
	zip_int64_t idx, n;
	int r;

	dos_time(created, &dtime, &ddate);
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	zip_error_fini(&ze);
	if (!za) {
		zip_source_free(src);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	zip_source_keep(src);
	for (size_t i = 0; i < PART__MAX; i++) {
		zs = zip_source_buffer(za, xmlBufferContent(w[i].xbuf),
		                       (zip_uint64_t)xmlBufferLength(w[i].xbuf), 0);
		if (!zs)
			goto fail;
		idx = zip_file_add(za, parts[i].name, zs, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(zs);
			goto fail;
		}
		if (zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) < 0)
			goto fail;
	}
	if (zip_close(za) < 0)
		goto fail;
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    st.size > SIZE_MAX / 2) {
		zip_source_free(src);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	r = buf_grow(out, (size_t)st.size);
	if (r < 0) {
		zip_source_free(src);
		return err_set(e, r, NULL, "Tệp DOCX lớn hơn mức cho phép",
		               "the DOCX file is larger than allowed");
	}
	if (zip_source_open(src) < 0) {
		zip_source_free(src);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	n = zip_source_read(src, out->buf + out->len, st.size);
	zip_source_close(src);
	zip_source_free(src);
	if (n < 0 || (zip_uint64_t)n != st.size) {
		out->buf[out->len] = '\0';
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	buf_setlen(out, out->len + (size_t)n);
	return 0;

fail:
	zip_discard(za);
	zip_source_free(src);
	return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
}

/* Fill e from a part's failure: which block, and why. */
static void xw_report(const struct xw *w, struct err *e)
{
	const char *vi = w->why_vi ? w->why_vi : err_message_vi(w->rc);
	const char *en = w->why_en ? w->why_en : err_message_en(w->rc);

	if (w->block) {
		err_set(e, w->rc, "blocks", "Không tạo được tệp DOCX: khối %zu: %s", NULL, w->block,
		        vi);
		err_en(e, "could not write the DOCX file: block %zu: %s", w->block, en);
	} else {
		err_set(e, w->rc, NULL, "Không tạo được tệp DOCX: %s", NULL, vi);
		err_en(e, "could not write the DOCX file: %s", en);
	}
}

int docx_write(const struct doc *d, struct buf *out, struct err *e)
{
	struct xw w[PART__MAX];
	int rc = 0;

	if (!d || !out)
		return err_set(e, HOSO_E_INVALID, NULL, NULL, NULL);
	memset(w, 0, sizeof(w));
	for (size_t i = 0; i < PART__MAX && !rc; i++) {
		rc = xw_open(&w[i]);
		if (rc < 0) {
			err_set(e, rc, NULL, NULL, NULL);
			break;
		}
		parts[i].write(&w[i], d);
		xw_finish(&w[i]);
		rc = w[i].rc;
		if (rc < 0)
			xw_report(&w[i], e);
	}
	if (!rc)
		rc = zip_parts(w, d->created, out, e);
	for (size_t i = 0; i < PART__MAX; i++)
		xw_release(&w[i]);
	return rc;
}
