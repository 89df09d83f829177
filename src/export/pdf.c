/*
 * pdf.c - the PDF writer (see pdf.h): a Party document per Hướng dẫn
 * 36-HD/VPTW on A4, drawn with cairo, its text shaped by pango (HarfBuzz
 * places the Vietnamese tone marks) in Liberation Serif.
 *
 * The document is laid out and drawn twice.  The first pass only counts
 * pages (its bytes are discarded), so the second can write "Trang N/M" in
 * every footer.  Both passes run the same code on the same kind of surface
 * with the same font options (no hinting), so they break pages alike.
 *
 * Layout is a cursor moving down the page: every piece is measured before
 * it is drawn, and a piece that does not fit starts a new page.  Paragraphs
 * break between lines; a table breaks between rows and repeats its header
 * row at the top of each page it continues on; a heading keeps with the
 * lines after it; a chart and the signature block are never split; a page
 * break takes effect when something follows it, so it never leaves a blank
 * page.  Text reaches pango as plain text (never markup), so "&" and "<"
 * need no escaping.
 *
 * The bytes go to a temporary buffer capped at what is left of out's cap,
 * then to out in one append, so out is untouched on failure.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "export/pdf.h"

#include "core/banned.h"

#define MM(x) ((x)*72.0 / 25.4)

/* A4 in points, margins per 36-HD/VPTW; the footer sits in the bottom
 * margin. */
#define PAGE_W    595.28
#define PAGE_H    841.89
#define M_TOP     MM(20)
#define M_BOTTOM  MM(25)
#define M_LEFT    MM(30)
#define M_RIGHT   MM(15)
#define TEXT_W    (PAGE_W - M_LEFT - M_RIGHT)
#define BODY_END  (PAGE_H - M_BOTTOM)
#define FOOTER_Y  (PAGE_H - MM(17))
#define INDENT    MM(10)
#define FONT      "Liberation Serif"
#define SZ_BODY   14.0
#define SZ_TABLE  12.0
#define SZ_SMALL  10.0
#define SZ_CHART  9.0
#define CELL_PADX 3.0
#define CELL_PADY 2.5
#define LINE_W    0.6

enum text_flag {
	T_BOLD = 1 << 0,
	T_ITALIC = 1 << 1,
	T_CENTER = 1 << 2,
	T_RIGHT = 1 << 3,
	T_JUSTIFY = 1 << 4, /* justified, first-line indent, 1.15 spacing */
	T_UNDERLINE = 1 << 5,
};

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoFontMap *fontmap;
	PangoContext *pc;
	const struct doc *d;
	int page;   /* the page being drawn, from 1 */
	int npages; /* pages in all, known in the second pass; 0 in the first */
	double y;   /* the top of the free space on the page */
	int blank;  /* nothing drawn on this page yet */
	int brk;    /* a page break waits for what comes after it */
};

/* Where cairo's bytes go: counted (first pass) or kept in b. */
struct sink {
	struct buf *b; /* NULL: count only */
	size_t n, max;
	int err; /* HOSO_E_* of the first failed write */
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;
	int r;

	if (s->err)
		return CAIRO_STATUS_WRITE_ERROR;
	if (len > s->max - s->n) {
		s->err = HOSO_E_TOO_BIG;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	if (s->b && (r = buf_add(s->b, data, len)) != 0) {
		s->err = r;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	s->n += len;
	return CAIRO_STATUS_SUCCESS;
}

static int failed(const struct pdf *p)
{
	return cairo_status(p->cr) != CAIRO_STATUS_SUCCESS;
}

/* A layout of s, width points wide, in the style flags say. */
static PangoLayout *text(struct pdf *p, const char *s, double size, unsigned flags, double width)
{
	PangoLayout *l = pango_layout_new(p->pc);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, FONT);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pango_font_description_set_weight(fd,
	                                  flags & T_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, flags & T_ITALIC ? PANGO_STYLE_ITALIC
	                                                      : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, pango_units_from_double(width));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (flags & T_CENTER)
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	else if (flags & T_RIGHT)
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	if (flags & T_JUSTIFY) {
		pango_layout_set_justify(l, TRUE);
		pango_layout_set_indent(l, pango_units_from_double(INDENT));
		pango_layout_set_line_spacing(l, 1.15f);
	}
	if (flags & T_UNDERLINE) {
		PangoAttrList *al = pango_attr_list_new();

		pango_attr_list_insert(al, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
		pango_layout_set_attributes(l, al);
		pango_attr_list_unref(al);
	}
	pango_layout_set_text(l, s ? s : "", -1);
	return l;
}

static double height(PangoLayout *l)
{
	PangoRectangle r;

	pango_layout_get_extents(l, NULL, &r);
	return pango_units_to_double(r.height);
}

/* The width of the widest line, ink aside. */
static double width(PangoLayout *l)
{
	PangoRectangle r;

	pango_layout_get_extents(l, NULL, &r);
	return pango_units_to_double(r.width);
}

static void draw_at(struct pdf *p, PangoLayout *l, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	p->blank = 0;
}

/* Draw, measure and free: a layout that never crosses a page. */
static double put(struct pdf *p, PangoLayout *l, double x, double y)
{
	double h = height(l);

	draw_at(p, l, x, y);
	g_object_unref(l);
	return h;
}

static void line(struct pdf *p, double x0, double y0, double x1, double y1, double w)
{
	cairo_set_line_width(p->cr, w);
	cairo_move_to(p->cr, x0, y0);
	cairo_line_to(p->cr, x1, y1);
	cairo_stroke(p->cr);
}

/* The footer of the current page: d->footer at left, the page at right. */
static void footer(struct pdf *p)
{
	char num[48];

	if (p->npages)
		snprintf(num, sizeof(num), "Trang %d/%d", p->page, p->npages);
	else
		snprintf(num, sizeof(num), "Trang %d", p->page);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	line(p, M_LEFT, FOOTER_Y - 3, M_LEFT + TEXT_W, FOOTER_Y - 3, 0.4);
	if (p->d->footer) {
		PangoLayout *l = text(p, p->d->footer, SZ_SMALL, 0, TEXT_W * 0.78);

		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l, 0); /* one line */
		put(p, l, M_LEFT, FOOTER_Y);
	}
	put(p, text(p, num, SZ_SMALL, T_RIGHT, TEXT_W * 0.2), M_LEFT + TEXT_W * 0.8, FOOTER_Y);
	cairo_restore(p->cr);
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = M_TOP;
	p->blank = 1;
}

/* Start a new page unless h more points fit on this one (or it is blank:
 * what fits nowhere goes where it starts). */
static void need(struct pdf *p, double h)
{
	if (!p->blank && p->y + h > BODY_END)
		new_page(p);
}

/* Draw l at x from the cursor down, starting a new page between two lines
 * when the next one does not fit; frees l. */
static void flow(struct pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double y0 = p->y, off = 0; /* layout y off is drawn at page y y0 */

	do {
		PangoRectangle lr;
		int top, bottom;
		double base;

		pango_layout_iter_get_line_yrange(it, &top, &bottom);
		if (y0 + pango_units_to_double(bottom) - off > BODY_END &&
		    y0 + pango_units_to_double(top) - off > M_TOP + 0.5) {
			new_page(p);
			y0 = p->y;
			off = pango_units_to_double(top);
		}
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		base = pango_units_to_double(pango_layout_iter_get_baseline(it));
		cairo_move_to(p->cr, x + pango_units_to_double(lr.x), y0 + base - off);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		p->blank = 0;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y = y0 + height(l) - off;
	g_object_unref(l);
}

/* The header block, the mark, the type and the summary. */
static void head(struct pdf *p)
{
	const struct doc *d = p->d;
	double lw = TEXT_W * 0.44, rx = M_LEFT + lw, rw = TEXT_W - lw;
	double ly = M_TOP, ry = M_TOP, star = 0, h;
	PangoLayout *l;

	if (d->superior)
		ly += put(p, text(p, d->superior, SZ_BODY, T_CENTER, lw), M_LEFT, ly);
	if (d->issuer)
		ly += put(p, text(p, d->issuer, SZ_BODY, T_CENTER | T_BOLD, lw), M_LEFT, ly);
	star = ly;
	if (d->superior || d->issuer)
		ly += put(p, text(p, "*", SZ_BODY, T_CENTER, lw), M_LEFT, ly);
	if (d->number)
		ly += put(p, text(p, d->number, SZ_BODY, T_CENTER, lw), M_LEFT, ly);

	l = text(p, "ĐẢNG CỘNG SẢN VIỆT NAM", 15, T_CENTER | T_BOLD, rw);
	h = height(l);
	{
		double w = width(l), cx = rx + rw / 2;

		put(p, l, rx, ry);
		ry += h + 1.5;
		line(p, cx - w / 2, ry, cx + w / 2, ry, LINE_W);
		ry += 4;
	}
	if (d->place_date) {
		if (star > ry)
			ry = star;
		ry += put(p, text(p, d->place_date, SZ_BODY, T_CENTER | T_ITALIC, rw), rx, ry);
	}
	p->y = (ly > ry ? ly : ry) + 14;

	if (d->mark) {
		double w, x;

		l = text(p, d->mark, SZ_BODY, T_BOLD, TEXT_W);
		w = width(l);
		h = height(l);
		x = M_LEFT + (TEXT_W - w) / 2;
		cairo_set_line_width(p->cr, 1.0);
		cairo_rectangle(p->cr, x - 6, p->y - 2, w + 12, h + 4);
		cairo_stroke(p->cr);
		put(p, l, x, p->y);
		p->y += h + 12;
	}
	if (d->type)
		flow(p, text(p, d->type, 16, T_CENTER | T_BOLD, TEXT_W), M_LEFT);
	if (d->summary) {
		p->y += 2;
		flow(p, text(p, d->summary, SZ_BODY, T_CENTER | T_BOLD, TEXT_W * 0.85),
		     M_LEFT + TEXT_W * 0.075);
	}
	if (d->type || d->summary) {
		p->y += 4;
		line(p, M_LEFT + TEXT_W / 2 - 25, p->y, M_LEFT + TEXT_W / 2 + 25, p->y, LINE_W);
	}
	p->y += 14;
}

/* A text cell of digits only ("12", the STT column) is centred. */
static int digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* One row of t (row -1: the header row) at the cursor; a row that does not
 * fit starts a new page, which opens with the header row again. */
static void table_row(struct pdf *p, const struct doc_table *t, const double *colw, long row)
{
	PangoLayout *cl[PDF_MAX_COLS];
	double rowh = 0, x;
	int bold = row < 0 || (t->total_row && (size_t)row + 1 == t->nrows);

	for (size_t c = 0; c < t->ncols; c++) {
		double w = colw[c] - 2 * CELL_PADX;
		unsigned f = bold ? T_BOLD : 0;
		char num[DOC_INT_MAX];

		cl[c] = NULL;
		if (row < 0) {
			cl[c] = text(p, t->head[c], SZ_TABLE, T_BOLD | T_CENTER, w);
		} else {
			const struct doc_cell *cell = &t->cells[(size_t)row * t->ncols + c];

			if (cell->kind == DOC_CELL_INT)
				cl[c] = text(p, doc_int(cell->n, num), SZ_TABLE, f | T_RIGHT, w);
			else if (cell->kind == DOC_CELL_TEXT && cell->text)
				cl[c] = text(p, cell->text, SZ_TABLE,
				             f | (digits(cell->text) ? T_CENTER : 0), w);
		}
		if (cl[c] && height(cl[c]) > rowh)
			rowh = height(cl[c]);
	}
	if (rowh == 0) {
		PangoLayout *l = text(p, " ", SZ_TABLE, 0, TEXT_W);

		rowh = height(l);
		g_object_unref(l);
	}
	rowh += 2 * CELL_PADY;
	if (!p->blank && p->y + rowh > BODY_END) {
		new_page(p);
		if (row >= 0)
			table_row(p, t, colw, -1);
	}
	x = M_LEFT;
	for (size_t c = 0; c < t->ncols; c++) {
		if (row < 0) {
			cairo_set_source_rgb(p->cr, 0.90, 0.90, 0.90);
			cairo_rectangle(p->cr, x, p->y, colw[c], rowh);
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		}
		if (cl[c]) {
			double h = height(cl[c]);

			put(p, cl[c], x + CELL_PADX, p->y + (rowh - h) / 2);
		}
		cairo_set_line_width(p->cr, LINE_W);
		cairo_rectangle(p->cr, x, p->y, colw[c], rowh);
		cairo_stroke(p->cr);
		x += colw[c];
	}
	p->blank = 0;
	p->y += rowh;
}

static void table(struct pdf *p, const struct doc_table *t)
{
	double colw[PDF_MAX_COLS], sum = 0;

	for (size_t c = 0; c < t->ncols; c++)
		sum += t->widths && t->widths[c] > 0 ? t->widths[c] : 0;
	for (size_t c = 0; c < t->ncols; c++)
		colw[c] = sum > 0 ? TEXT_W * (t->widths[c] > 0 ? t->widths[c] : 0) / sum
		                  : TEXT_W / (double)t->ncols;

	p->y += 4;
	if (t->title) {
		PangoLayout *l = text(p, t->title, SZ_BODY, T_BOLD | T_CENTER, TEXT_W);

		/* the caption keeps with the header row and a row or two */
		need(p, height(l) + 80);
		flow(p, l, M_LEFT);
		p->y += 4;
	}
	if (t->ncols) {
		need(p, 60);
		table_row(p, t, colw, -1);
		for (size_t r = 0; r < t->nrows && !failed(p); r++)
			table_row(p, t, colw, (long)r);
	}
	if (t->note) {
		p->y += 3;
		flow(p, text(p, t->note, SZ_TABLE, T_ITALIC, TEXT_W), M_LEFT);
	}
	p->y += 10;
}

/* A round step for about five ticks from 0 to max, at least 1. */
static double tick_step(double max)
{
	double raw = max / 5, mag, n;

	if (raw <= 1)
		return 1;
	mag = pow(10, floor(log10(raw)));
	n = raw / mag;
	if (n <= 1)
		return mag;
	if (n <= 2)
		return 2 * mag;
	if (n <= 2.5 && mag >= 10)
		return 2.5 * mag;
	if (n <= 5)
		return 5 * mag;
	return 10 * mag;
}

static const double series_rgb[2][3] = {{0.13, 0.25, 0.47}, {0.62, 0.64, 0.68}};

/* A chart's plot: its axis at ax, aw wide and ph tall from py, each
 * category gw wide; the scale from 0 to top in nt steps of step; ns
 * series. */
struct plot {
	double ax, aw, py, ph, gw;
	double step, top;
	int nt, ns;
};

/* The scale: round steps up to the largest value. */
static void plot_scale(const struct doc_chart *c, struct plot *g)
{
	double vmax = 0;

	for (size_t i = 0; i < c->n; i++) {
		if ((double)c->values[i] > vmax)
			vmax = (double)c->values[i];
		if (c->values2 && (double)c->values2[i] > vmax)
			vmax = (double)c->values2[i];
	}
	if (vmax > 1e17)
		vmax = 1e17; /* ticks stay within int64; taller bars are cut */
	g->step = tick_step(vmax);
	g->nt = (int)ceil(vmax / g->step);
	if (g->nt < 1)
		g->nt = 1;
	g->top = g->nt * g->step;
}

/* The grid, the ticks and their values (in the column from x0). */
static void plot_grid(struct pdf *p, const struct plot *g, double x0)
{
	char num[DOC_INT_MAX];

	for (int k = 0; k <= g->nt; k++) {
		double y = g->py + g->ph - g->ph * k / g->nt;
		PangoLayout *l = text(p, doc_int((int64_t)(g->step * k), num), SZ_CHART, T_RIGHT,
		                      g->ax - x0 - 6);

		cairo_set_source_rgb(p->cr, 0.85, 0.85, 0.85);
		if (k)
			line(p, g->ax, y, g->ax + g->aw, y, 0.4);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		line(p, g->ax - 3, y, g->ax, y, LINE_W);
		put(p, l, x0, y - height(l) / 2);
	}
}

/* The bars, their values above them, the category labels lab below. */
static void plot_bars(struct pdf *p, const struct doc_chart *c, const struct plot *g,
                      PangoLayout **lab)
{
	char num[DOC_INT_MAX];

	for (size_t i = 0; i < c->n; i++) {
		double bw = g->gw * 0.64 / g->ns, bx = g->ax + g->gw * (double)i + g->gw * 0.18;

		for (int s = 0; s < g->ns; s++) {
			int64_t v = s ? c->values2[i] : c->values[i];
			double h =
			    v > 0 ? g->ph * ((double)v > g->top ? g->top : (double)v) / g->top : 0;
			PangoLayout *l;

			cairo_set_source_rgb(p->cr, series_rgb[s][0], series_rgb[s][1],
			                     series_rgb[s][2]);
			cairo_rectangle(p->cr, bx + bw * s, g->py + g->ph - h, bw, h);
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0.2, 0.2, 0.2);
			l = text(p, doc_int(v, num), 8, T_CENTER, bw + 8);
			put(p, l, bx + bw * s - 4, g->py + g->ph - h - 10);
		}
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		put(p, lab[i], g->ax + g->gw * (double)i + 1, g->py + g->ph + 4);
	}
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	line(p, g->ax, g->py, g->ax, g->py + g->ph, LINE_W);
	line(p, g->ax, g->py + g->ph, g->ax + g->aw, g->py + g->ph, LINE_W);
}

/* The legend: a swatch and a name per series, centred under the plot. */
static void plot_legend(struct pdf *p, const struct doc_chart *c, const struct plot *g, double cw)
{
	PangoLayout *nl[2];
	double lw = 0, x, yl;

	for (int s = 0; s < g->ns; s++) {
		const char *name = s ? c->series2 : c->series;

		nl[s] = text(p, name ? name : (s ? "Dãy 2" : "Dãy 1"), SZ_CHART, 0, cw);
		lw += 10 + 4 + width(nl[s]) + (s ? 0 : 16);
	}
	x = g->ax + (g->aw - lw) / 2;
	yl = p->y;
	for (int s = 0; s < g->ns; s++) {
		double h = height(nl[s]);

		cairo_set_source_rgb(p->cr, series_rgb[s][0], series_rgb[s][1], series_rgb[s][2]);
		cairo_rectangle(p->cr, x, yl + (h - 9) / 2, 10, 9);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		x += 14 + width(nl[s]) + 16;
		put(p, nl[s], x - 16 - width(nl[s]), yl);
	}
	p->y += 14;
}

/* A vertical bar chart, 60 % of the text width, centred; one or two series
 * from 0 up (a negative value draws no bar). */
static void chart(struct pdf *p, const struct doc_chart *c)
{
	const double cw = TEXT_W * 0.6, x0 = M_LEFT + (TEXT_W - cw) / 2;
	struct plot g = {.ph = 150, .ns = c->values2 ? 2 : 1};
	int legend = c->series || c->series2 || g.ns == 2;
	PangoLayout *title = text(p, c->title ? c->title : "", 12, T_BOLD | T_CENTER, cw);
	PangoLayout *lab[PDF_MAX_BARS];
	double labh = 0, titleh = height(title);
	char num[DOC_INT_MAX];

	plot_scale(c, &g);
	/* the axis labels' column is as wide as the widest, the top one */
	{
		PangoLayout *l = text(p, doc_int((int64_t)g.top, num), SZ_CHART, 0, cw);

		g.ax = x0 + width(l) + 6;
		g_object_unref(l);
	}
	g.aw = x0 + cw - g.ax;
	g.gw = c->n ? g.aw / (double)c->n : g.aw;
	for (size_t i = 0; i < c->n; i++) {
		lab[i] = text(p, c->labels && c->labels[i] ? c->labels[i] : "", SZ_CHART, T_CENTER,
		              g.gw - 2);
		if (height(lab[i]) > labh)
			labh = height(lab[i]);
	}

	p->y += 6;
	need(p, titleh + 8 + g.ph + 4 + labh + (legend ? 22 : 0) + 10);
	p->y += put(p, title, x0, p->y) + 8;
	g.py = p->y;
	plot_grid(p, &g, x0);
	plot_bars(p, c, &g, lab);
	p->y = g.py + g.ph + 4 + labh + 6;
	if (legend)
		plot_legend(p, c, &g, cw);
	p->y += 10;
}

static void block(struct pdf *p, const struct doc_block *b)
{
	static const unsigned heading[] = {0, T_BOLD, T_BOLD, T_BOLD | T_ITALIC}; /* by level */
	int lv = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
	PangoLayout *l;

	if (b->kind != DOC_PAGE_BREAK && p->brk) {
		p->brk = 0;
		if (!p->blank)
			new_page(p);
	}
	switch (b->kind) {
	case DOC_HEADING:
		l = text(p, b->text, SZ_BODY, T_JUSTIFY | heading[lv], TEXT_W);
		pango_layout_set_justify(l, FALSE);
		p->y += 4;
		/* keeps with two lines of what follows */
		need(p, height(l) + 2 * SZ_BODY * 1.3);
		flow(p, l, M_LEFT);
		p->y += 4;
		break;
	case DOC_PARA:
		flow(p, text(p, b->text, SZ_BODY, T_JUSTIFY, TEXT_W), M_LEFT);
		p->y += 6;
		break;
	case DOC_PLACEHOLDER:
		cairo_set_source_rgb(p->cr, 0.45, 0.45, 0.45);
		flow(p, text(p, b->text, SZ_BODY, T_JUSTIFY | T_ITALIC, TEXT_W), M_LEFT);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		p->y += 6;
		break;
	case DOC_TABLE:
		table(p, b->table);
		break;
	case DOC_CHART:
		chart(p, b->chart);
		break;
	case DOC_PAGE_BREAK:
		p->brk = 1; /* at the end of the document, or doubled, it opens no blank page */
		break;
	}
}

/* Recipients at left, the signature at right, kept together. */
static void signature(struct pdf *p)
{
	const struct doc *d = p->d;
	double lw = TEXT_W * 0.45, rx = M_LEFT + lw, rw = TEXT_W - lw, lh = 0, rh = 0, y;
	PangoLayout *left[3], *right[4];
	int nl = 0, nr = 0;
	struct buf rec = BUF_INIT(1 << 20);

	if (d->nrecipients) {
		left[nl++] = text(p, "Nơi nhận:", 12, T_BOLD | T_ITALIC | T_UNDERLINE, lw);
		for (size_t i = 0; i < d->nrecipients; i++)
			if (buf_adds(&rec, d->recipients[i] ? d->recipients[i] : "") ||
			    (i + 1 < d->nrecipients && buf_addch(&rec, '\n')))
				break; /* a megabyte of recipients: the rest is cut */
		left[nl++] = text(p, rec.buf, 11, 0, lw);
		buf_release(&rec);
	}
	if (d->sign_for)
		right[nr++] = text(p, d->sign_for, SZ_BODY, T_BOLD | T_CENTER, rw);
	if (d->sign_title)
		right[nr++] = text(p, d->sign_title, SZ_BODY, T_BOLD | T_CENTER, rw);
	if (d->signer)
		right[nr++] = text(p, d->signer, SZ_BODY, T_BOLD | T_CENTER, rw);
	for (int i = 0; i < nl; i++)
		lh += height(left[i]);
	for (int i = 0; i < nr; i++)
		rh += height(right[i]);
	rh += 70; /* room for the signature and the seal */
	if (!nl && !nr)
		return;
	if (p->brk && !p->blank)
		new_page(p);
	p->y += 10;
	need(p, lh > rh ? lh : rh);
	y = p->y;
	for (int i = 0; i < nl; i++)
		y += put(p, left[i], M_LEFT, y);
	lh = y;
	y = p->y;
	for (int i = 0; i < nr; i++) {
		if (d->signer && i == nr - 1)
			y += 70;
		y += put(p, right[i], rx, y);
	}
	p->y = lh > y ? lh : y;
}

/* Lay out and draw d once onto a PDF stream; returns the cairo status. */
static cairo_status_t render(struct pdf *p, struct sink *s, const char *created)
{
	const struct doc *d = p->d;
	cairo_font_options_t *fo;
	cairo_status_t st;

	p->surface = cairo_pdf_surface_create_for_stream(sink_write, s, PAGE_W, PAGE_H);
	if (d->title)
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, d->title);
	if (d->author)
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_AUTHOR, d->author);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "hoso");
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_MOD_DATE, created);
	p->cr = cairo_create(p->surface);

	/* its own font map, freed below; points as units; no hinting, so both
	 * passes (and every machine) measure alike */
	p->fontmap = pango_cairo_font_map_new();
	p->pc = pango_font_map_create_context(p->fontmap);
	pango_cairo_context_set_resolution(p->pc, 72);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pc, fo);
	cairo_font_options_destroy(fo);

	p->page = 1;
	p->y = M_TOP;
	p->blank = 1;
	p->brk = 0;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	head(p);
	for (size_t i = 0; i < d->nblocks && !failed(p); i++)
		block(p, &d->blocks[i]);
	signature(p);
	footer(p);
	cairo_show_page(p->cr);

	st = cairo_status(p->cr);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(p->surface);
	cairo_surface_destroy(p->surface);
	g_object_unref(p->pc);
	g_object_unref(p->fontmap);
	return st;
}

/* Every string of d is UTF-8, every array there, every size within the
 * limits. */
static int check(const struct doc *d, struct err *e)
{
	const char *top[] = {d->mark,   d->superior, d->issuer,   d->number,     d->place_date,
	                     d->type,   d->summary,  d->sign_for, d->sign_title, d->signer,
	                     d->footer, d->title,    d->author};

#define UTF8(s)                                                                                    \
	do {                                                                                       \
		if ((s) && !g_utf8_validate((s), -1, NULL))                                        \
			return err_set(e, HOSO_E_NOT_UTF8, NULL, NULL, NULL);                      \
	} while (0)

	for (size_t i = 0; i < sizeof(top) / sizeof(top[0]); i++)
		UTF8(top[i]);
	if ((d->nrecipients && !d->recipients) || (d->nblocks && !d->blocks))
		return err_set(e, HOSO_E_INVALID, NULL, NULL, NULL);
	for (size_t i = 0; i < d->nrecipients; i++)
		UTF8(d->recipients[i]);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		const struct doc_table *t = b->table;
		const struct doc_chart *c = b->chart;

		UTF8(b->text);
		if (b->kind == DOC_TABLE) {
			if (!t || (t->ncols && !t->head) || (t->ncols && t->nrows && !t->cells))
				return err_set(e, HOSO_E_INVALID, "table", NULL, NULL);
			if (t->ncols > PDF_MAX_COLS)
				return err_set(
				    e, HOSO_E_RANGE, "table",
				    "Bảng có %zu cột, quá %d cột vừa trang A4",
				    "A table of %zu columns, more than the %d that fit A4",
				    t->ncols, PDF_MAX_COLS);
			UTF8(t->title);
			UTF8(t->note);
			for (size_t k = 0; k < t->ncols; k++)
				UTF8(t->head[k]);
			for (size_t k = 0; k < t->nrows * t->ncols; k++)
				if (t->cells[k].kind == DOC_CELL_TEXT)
					UTF8(t->cells[k].text);
		} else if (b->kind == DOC_CHART) {
			if (!c || (c->n && !c->values))
				return err_set(e, HOSO_E_INVALID, "chart", NULL, NULL);
			if (c->n > PDF_MAX_BARS)
				return err_set(
				    e, HOSO_E_RANGE, "chart", "Biểu đồ có %zu cột, quá %d cột",
				    "A chart of %zu categories, more than %d", c->n, PDF_MAX_BARS);
			UTF8(c->title);
			UTF8(c->series);
			UTF8(c->series2);
			for (size_t k = 0; c->labels && k < c->n; k++)
				UTF8(c->labels[k]);
		} else if (b->kind > DOC_PAGE_BREAK || (int)b->kind < 0) {
			return err_set(e, HOSO_E_INVALID, "block", NULL, NULL);
		}
	}
#undef UTF8
	return 0;
}

int pdf_write(const struct doc *d, struct buf *out, struct err *e)
{
	struct pdf p = {.d = d};
	struct buf tmp;
	struct sink s;
	struct tm tm;
	time_t t = (time_t)d->created;
	char created[32];
	cairo_status_t st;
	int r;

	if ((r = check(d, e)) != 0)
		return r;
	if (!gmtime_r(&t, &tm) ||
	    strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return err_set(e, HOSO_E_RANGE, "created", NULL, NULL);

	/* pass 1: count the pages (and stop early when the cap is passed) */
	s = (struct sink){.b = NULL, .max = out->max - out->len};
	st = render(&p, &s, created);
	if (st == CAIRO_STATUS_SUCCESS) {
		p.npages = p.page;
		buf_init(&tmp, s.max ? s.max : 1);
		s = (struct sink){.b = &tmp, .max = s.max};
		st = render(&p, &s, created);
		if (st == CAIRO_STATUS_SUCCESS && (r = buf_add(out, tmp.buf, tmp.len)) != 0)
			s.err = r;
		buf_release(&tmp);
	}
	if (s.err == HOSO_E_TOO_BIG)
		return err_set(e, HOSO_E_TOO_BIG, NULL, "Tệp PDF vượt quá %zu byte",
		               "The PDF would pass %zu bytes", out->max - out->len);
	if (s.err)
		return err_set(e, s.err, NULL, NULL, NULL);
	if (st == CAIRO_STATUS_NO_MEMORY)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if (st != CAIRO_STATUS_SUCCESS)
		return err_set(e, HOSO_E_INVALID, NULL, "Không vẽ được tệp PDF: %s",
		               "Could not draw the PDF: %s", cairo_status_to_string(st));
	return 0;
}
