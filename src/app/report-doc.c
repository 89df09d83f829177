/*
 * report-doc.c - a report as the Party's own document (report.h): the
 * header of the issuing committee, the figures written into section I with
 * the same period before, the narrative sections II-V as headings for staff
 * to write under, the statistical appendix by organisation below, a trend
 * by year, and the footer saying who produced it and when.  Laid out by the
 * writers of src/export (DOCX, PDF, XLSX; report-export.c picks the
 * writer and audits the export).
 */
#include "app/org.h"
#include "app/report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "export/doc.h"
#include "store/store.h"
#include "vi/vi.h"

#include "core/banned.h"

/* ---- the header: who issues it ---- */

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The committee that issues an organisation's documents, and the initials
 * of its document numbers: "Đảng bộ huyện Mường Nhé" -> "Huyện ủy Mường
 * Nhé", "HU"; the province's own is "Tỉnh ủy" alone (the line above names
 * the province). */
static const char *committee(struct arena *a, const struct org_row *o, int top,
                             const char **ret_initials)
{
	static const struct {
		const char *from, *to, *initials;
	} forms[] = {
	    {"Đảng bộ tỉnh ", "Tỉnh ủy ", "TU"},   {"Đảng bộ thành phố ", "Thành ủy ", "ThU"},
	    {"Đảng bộ huyện ", "Huyện ủy ", "HU"}, {"Đảng bộ thị xã ", "Thị ủy ", "TXU"},
	    {"Đảng bộ ", "Đảng ủy ", "ĐU"},        {"Chi bộ ", "Chi bộ ", "CB"},
	};

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (starts(o->name, forms[i].from)) {
			*ret_initials = forms[i].initials;
			if (top && i == 0)
				return "Tỉnh ủy";
			return arena_printf(a, "%s%s", forms[i].to,
			                    o->name + strlen(forms[i].from));
		}
	*ret_initials = "ĐU";
	return o->name;
}

/* The place in the date line: the province of the tree's top. */
static const char *place_of(const char *name)
{
	static const char *const marks[] = {"tỉnh ", "thành phố "};

	for (size_t i = 0; i < 2; i++) {
		const char *p = strstr(name, marks[i]);

		if (p)
			return p + strlen(marks[i]);
	}
	return name;
}

/* ---- the text ---- */

/* "năm 2019", "quý II năm 2019", "6 tháng đầu năm 2019", "giai đoạn
 * 2015 - 2019", or the dates. */
static const char *period_label(struct arena *a, int32_t from, int32_t to)
{
	static const char *const roman[] = {"I", "II", "III", "IV"};
	int y1, m1, d1, y2, m2, d2;
	char f[DATE_BUF], t[DATE_BUF];

	date_civil(from, &y1, &m1, &d1);
	date_civil(to, &y2, &m2, &d2);
	if (d1 == 1 && d2 == date_days_in_month(y2, m2)) {
		if (m1 == 1 && m2 == 12)
			return y1 == y2 ? arena_printf(a, "năm %d", y1)
			                : arena_printf(a, "giai đoạn %d - %d", y1, y2);
		if (y1 == y2 && m1 == m2)
			return arena_printf(a, "tháng %d năm %d", m1, y1);
		if (y1 == y2 && m2 - m1 == 2 && (m1 - 1) % 3 == 0)
			return arena_printf(a, "quý %s năm %d", roman[(m1 - 1) / 3], y1);
		if (y1 == y2 && m1 == 1 && (m2 == 6 || m2 == 9))
			return arena_printf(a, "%d tháng đầu năm %d", m2, y1);
		if (y1 == y2 && m1 == 7 && m2 == 12)
			return arena_printf(a, "6 tháng cuối năm %d", y1);
	}
	date_format_vn(from, f);
	date_format_vn(to, t);
	return arena_printf(a, "từ ngày %s đến ngày %s", f, t);
}

/* Whole calendar years the period covers (0 when it is not whole years). */
static int whole_years(int32_t from, int32_t to)
{
	int y1, m1, d1, y2, m2, d2;

	date_civil(from, &y1, &m1, &d1);
	date_civil(to, &y2, &m2, &d2);
	return m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31 ? y2 - y1 + 1 : 0;
}

/* "505 lượt tổ chức đảng (347 tổ chức; cùng kỳ 480 lượt)", or without the
 * distinct count "778 hồ sơ (cùng kỳ 700)" */
static const char *with_prev(struct arena *a, const struct report *r, enum figure code,
                             const char *what)
{
	const struct report_figure *f = &r->figures[code];
	char n[DOC_INT_MAX], p[DOC_INT_MAX], d[DOC_INT_MAX];

	if (!f->def->distinct_vi || f->distinct == f->total)
		return arena_printf(a, "%s %s (cùng kỳ %s)", doc_int(f->total, n), what,
		                    doc_int(f->previous, p));
	return arena_printf(a, "%s %s (%s %s; cùng kỳ %s %s)", doc_int(f->total, n), what,
	                    doc_int(f->distinct, d), f->def->distinct_vi, doc_int(f->previous, p),
	                    f->def->unit_vi);
}

static int by_dim(const void *x, const void *y)
{
	return strcmp(((const struct report_by *)x)->dim, ((const struct report_by *)y)->dim);
}

/* Figure f's breakdown in words, by its values' names in the order of
 * their codes: " (Tố cáo: 3; Kiến nghị, phản ánh: 1)"; "" when none. */
static const char *by_text(struct arena *a, const struct report *r, enum figure f)
{
	const struct report_figure *x = &r->figures[f];
	struct report_by *v;
	const char *out = "";

	if (!x->nby || !(v = arena_calloc(a, x->nby, sizeof(*v))))
		return out;
	memcpy(v, x->by, x->nby * sizeof(*v));
	qsort(v, x->nby, sizeof(*v), by_dim);
	for (size_t i = 0; out && i < x->nby; i++) {
		const char *vi, *en;
		char n[DOC_INT_MAX];

		report_dim_name(f, v[i].dim, &vi, &en);
		out = arena_printf(a, "%s%s%s: %s", out, i ? "; " : " (", vi ? vi : v[i].dim,
		                   doc_int(v[i].n, n));
	}
	return out ? arena_printf(a, "%s)", out) : "";
}

/* ---- the document ---- */

struct builder {
	struct arena *a;
	struct doc_block *v;
	size_t n, cap;
	int failed;
};

static void add(struct builder *b, struct doc_block blk)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 32;
		struct doc_block *v = arena_alloc(b->a, cap * sizeof(*v));

		if (!v) {
			b->failed = 1;
			return;
		}
		if (b->n)
			memcpy(v, b->v, b->n * sizeof(*v));
		b->v = v;
		b->cap = cap;
	}
	if (blk.kind != DOC_PAGE_BREAK && !blk.text && !blk.table && !blk.chart)
		b->failed = 1;
	b->v[b->n++] = blk;
}

static void heading(struct builder *b, int level, const char *text)
{
	add(b, (struct doc_block){.kind = DOC_HEADING, .level = level, .text = text});
}

static void para(struct builder *b, const char *text)
{
	add(b, (struct doc_block){.kind = DOC_PARA, .text = text});
}

static void placeholder(struct builder *b, const char *text)
{
	add(b, (struct doc_block){.kind = DOC_PLACEHOLDER, .text = text});
}

/* Biểu 1: every figure beside the same period before. */
static struct doc_table *main_table(struct arena *a, const struct report *r)
{
	static const char *const head[] = {"STT",
	                                   "Chỉ tiêu",
	                                   "Đơn vị tính",
	                                   "Kỳ này",
	                                   "Cùng kỳ",
	                                   "Tăng (+), giảm (-)",
	                                   "Số tổ chức, người (không trùng lặp)"};
	static const double widths[] = {0.75, 3.7, 1.0, 1.0, 1.0, 1.1, 1.35};
	struct doc_table *t = arena_calloc(a, 1, sizeof(*t));
	struct doc_cell *c = arena_calloc(a, r->nfigures * 7 + 1, sizeof(*c));

	if (!t || !c)
		return NULL;
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct report_figure *f = &r->figures[i];
		struct doc_cell *row = &c[i * 7];

		row[0] =
		    (struct doc_cell){.kind = DOC_CELL_TEXT, .text = arena_printf(a, "%zu", i + 1)};
		row[1] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = f->def->vi};
		row[2] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = f->def->unit_vi};
		row[3] = (struct doc_cell){.kind = DOC_CELL_INT, .n = f->total};
		row[4] = (struct doc_cell){.kind = DOC_CELL_INT, .n = f->previous};
		row[5] = (struct doc_cell){.kind = DOC_CELL_INT, .n = f->total - f->previous};
		row[6] = f->def->distinct_vi
		             ? (struct doc_cell){.kind = DOC_CELL_INT, .n = f->distinct}
		             : (struct doc_cell){.kind = DOC_CELL_EMPTY};
		if (!row[0].text)
			return NULL;
	}
	*t = (struct doc_table){.title = "Biểu 1. Số liệu chủ yếu",
	                        .sheet = "Biểu 1",
	                        .ncols = 7,
	                        .head = head,
	                        .widths = widths,
	                        .nrows = r->nfigures,
	                        .cells = c};
	return t;
}

/* A table of some figures by organisation below (or by year), with its
 * total row. */
static struct doc_table *by_table(struct arena *a, const struct report *r, const char *title,
                                  const char *sheet, const char *first, const enum figure *figs,
                                  size_t nfigs, int by_year, const char *note)
{
	size_t nrows = by_year ? r->nyears : r->nrows, ncols = nfigs + 2;
	struct doc_table *t = arena_calloc(a, 1, sizeof(*t));
	struct doc_cell *c = arena_calloc(a, (nrows + 1) * ncols, sizeof(*c));
	const char **head = arena_calloc(a, ncols, sizeof(*head));
	double *widths = arena_calloc(a, ncols, sizeof(*widths));

	if (!t || !c || !head || !widths)
		return NULL;
	head[0] = "STT";
	head[1] = first;
	widths[0] = 0.75;
	widths[1] = by_year ? 0.9 : 2.6;
	for (size_t j = 0; j < nfigs; j++) {
		head[j + 2] = figure_def(figs[j])->vi;
		widths[j + 2] = 1.0;
	}
	for (size_t i = 0; i < nrows; i++) {
		struct doc_cell *row = &c[i * ncols];
		const int64_t *n = by_year ? r->years[i].n : r->rows[i].n;

		row[0] =
		    (struct doc_cell){.kind = DOC_CELL_TEXT, .text = arena_printf(a, "%zu", i + 1)};
		row[1] = (struct doc_cell){
		    .kind = DOC_CELL_TEXT,
		    .text = by_year ? arena_printf(a, "%d", r->years[i].year)
		                    : (r->rows[i].name ? r->rows[i].name : r->rows[i].code)};
		if (!row[0].text || !row[1].text)
			return NULL;
		for (size_t j = 0; j < nfigs; j++) {
			row[j + 2] = (struct doc_cell){.kind = DOC_CELL_INT, .n = n[figs[j]]};
			c[nrows * ncols + j + 2].n += n[figs[j]];
		}
	}
	c[nrows * ncols] = (struct doc_cell){.kind = DOC_CELL_EMPTY};
	c[nrows * ncols + 1] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = "Tổng cộng"};
	for (size_t j = 0; j < nfigs; j++)
		c[nrows * ncols + j + 2].kind = DOC_CELL_INT;
	*t = (struct doc_table){.title = title,
	                        .sheet = sheet,
	                        .ncols = ncols,
	                        .head = head,
	                        .widths = widths,
	                        .nrows = nrows + 1,
	                        .cells = c,
	                        .total_row = 1,
	                        .note = note};
	return t;
}

/* The chart: the organisations and members inspected by year, or, within
 * one year, the main figures beside the same period before. */
static struct doc_chart *chart(struct arena *a, const struct report *r)
{
	static const enum figure main[] = {FIGURE_KT_TO_CHUC,
	                                   FIGURE_KT_DANG_VIEN,
	                                   FIGURE_GS_CHUYEN_DE_TO_CHUC,
	                                   FIGURE_GS_CHUYEN_DE_DANG_VIEN,
	                                   FIGURE_TD_HO_SO,
	                                   FIGURE_RNN_DOAN};
	static const char *const short_names[] = {"KT tổ chức",   "KT đảng viên", "GS tổ chức",
	                                          "GS đảng viên", "Thẩm định",    "Đoàn ra"};
	int by_year = r->nyears >= 2;
	struct doc_chart *ch = arena_calloc(a, 1, sizeof(*ch));
	size_t n = by_year ? r->nyears : 6;
	const char **labels = arena_calloc(a, n, sizeof(*labels));
	int64_t *v1 = arena_calloc(a, n, sizeof(*v1)), *v2 = arena_calloc(a, n, sizeof(*v2));

	if (!ch || !labels || !v1 || !v2)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		labels[i] = by_year ? arena_printf(a, "%d", r->years[i].year) : short_names[i];
		v1[i] = by_year ? r->years[i].n[FIGURE_KT_TO_CHUC] : r->figures[main[i]].total;
		v2[i] = by_year ? r->years[i].n[FIGURE_KT_DANG_VIEN] : r->figures[main[i]].previous;
		if (!labels[i])
			return NULL;
	}
	*ch =
	    (struct doc_chart){.title = by_year ? "Tổ chức đảng và đảng viên được kiểm tra theo năm"
	                                        : "Số liệu chủ yếu so với cùng kỳ",
	                       .n = n,
	                       .labels = labels,
	                       .values = v1,
	                       .series = by_year ? "Tổ chức đảng (lượt)" : "Kỳ này",
	                       .values2 = v2,
	                       .series2 = by_year ? "Đảng viên (lượt)" : "Cùng kỳ"};
	return ch;
}

/* "Lập bởi canbo (Lê Văn Cán) lúc 25/11/2026 10:30 trên hoso" */
static const char *footer(struct app *app, const struct actor *who, struct arena *a)
{
	struct buf b = BUF_INIT(1 << 12);
	const char *r = report_produced_by(app, who, a, 0, &b) == 0 ? arena_strdup(a, b.buf) : NULL;

	buf_release(&b);
	return r;
}

/* Keeps the last organisation of a walk up the tree: its root. */
static int keep_last(const struct org_row *o, void *arg)
{
	*(struct org_row *)arg = *o;
	return 0;
}

/* s in upper case, copied into a; NULL when out of memory. */
static const char *upper(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT(1 << 12);
	const char *r = NULL;

	if (s && vi_upper(s, strlen(s), &b) == 0)
		r = arena_strdup(a, b.buf);
	buf_release(&b);
	return r;
}

int report_issuing(struct app *app, int64_t org, struct arena *a, struct report_issuing *ret)
{
	const char *pi = NULL;
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = store_org_latest(app_store(app), org, a, &ret->o)) < 0)
		return rc;
	ret->top = ret->o;
	if (ret->o.parent_id) {
		rc = store_org_latest(app_store(app), ret->o.parent_id, a, &ret->parent);
		if (rc < 0 && rc != HOSO_E_NOT_FOUND)
			return rc;
		ret->has_parent = rc == 0;
	}
	/* the top of the tree, for the place the document is issued at */
	if ((rc = org_walk_up(app, ret->o.id, DATE_OPEN, ORG_WALK_AT, a, keep_last, &ret->top)) < 0)
		return rc;
	ret->issuer = committee(a, &ret->o, !ret->has_parent, &ret->initials);
	if (ret->has_parent)
		ret->parent_issuer = committee(a, &ret->parent, !ret->parent.parent_id, &pi);
	ret->place = place_of(ret->top.name);
	ret->superior_upper = upper(a, ret->has_parent ? ret->parent.name : ret->o.name);
	ret->issuer_upper = upper(a, ret->issuer);
	ret->sign_for = !strcmp(ret->initials, "CB") ? "T/M CHI BỘ" : "T/M BAN THƯỜNG VỤ";
	if (!ret->issuer || (ret->has_parent && !ret->parent_issuer) || !ret->superior_upper ||
	    !ret->issuer_upper)
		return HOSO_E_NOMEM;
	return 0;
}

/* The summary line under "BÁO CÁO", by the kind of period. */
static const char *summary_of(struct arena *a, const struct report *r, const char *label)
{
	int years = whole_years(r->from, r->to);

	if (r->term_first)
		return arena_printf(a, "Kết quả công tác bảo vệ chính trị nội bộ Đảng %s", label);
	if (years >= 10)
		return arena_printf(
		    a, "Tổng kết %d năm công tác bảo vệ chính trị nội bộ Đảng\n(%s)", years, label);
	if (years >= 5)
		return arena_printf(a,
		                    "Sơ kết %d năm thực hiện Chỉ thị số 39-CT/TW của Bộ Chính trị\n"
		                    "về công tác bảo vệ chính trị nội bộ Đảng (%s)",
		                    years, label);
	return arena_printf(a, "Kết quả công tác bảo vệ chính trị nội bộ %s", label);
}

/* The footnote of the tables by organisation: how records are placed, and
 * the days the structure changed within the period. */
static const char *structure_note(struct arena *a, const struct report *r)
{
	const char *note;
	char st[DATE_BUF];

	if (r->structure == DATE_NONE) {
		note = "Số liệu tính theo thời điểm phát sinh, theo cơ cấu tổ chức lúc đó.";
	} else {
		date_format_vn(r->structure, st);
		note = arena_printf(
		    a,
		    "Số liệu tính theo cơ cấu tổ chức tại ngày %s: hồ sơ của tổ chức đã "
		    "hợp nhất, sáp nhập, chia tách, giải thể được tính cho tổ chức kế "
		    "thừa.",
		    st);
	}
	for (size_t i = 0; note && i < r->nchanges; i++) {
		date_format_vn(r->changes[i].day, st);
		note = arena_printf(a, "%s Trong kỳ có sắp xếp tổ chức ngày %s.", note, st);
	}
	return note;
}

/* Section I.4: the letters received and how they were handled, the
 * denunciations and the complaints resolved, on time or not. */
static void letters(struct builder *b, const struct report *r)
{
	struct arena *a = b->a;

	heading(b, 2, "4. Tiếp nhận, xử lý đơn thư; giải quyết tố cáo, khiếu nại kỷ luật đảng");
	para(b, arena_printf(
	            a, "Tiếp nhận %s%s%s%s. Đã phân loại, xử lý %s%s.",
	            with_prev(a, r, FIGURE_DT_NHAN, "đơn thư"), by_text(a, r, FIGURE_DT_NHAN),
	            r->figures[FIGURE_DT_KENH].nby ? "; theo nguồn tiếp nhận" : "",
	            by_text(a, r, FIGURE_DT_KENH), with_prev(a, r, FIGURE_DT_XU_LY, "đơn thư"),
	            by_text(a, r, FIGURE_DT_XU_LY)));
	para(b, arena_printf(a,
	                     "Thụ lý giải quyết %s; kết luận %s%s. Giải quyết đúng hạn %s, quá "
	                     "hạn %s; %s quá hạn chưa giải quyết.",
	                     with_prev(a, r, FIGURE_TC_HO_SO, "vụ tố cáo"),
	                     with_prev(a, r, FIGURE_TC_KET_LUAN, "nội dung"),
	                     by_text(a, r, FIGURE_TC_KET_LUAN),
	                     with_prev(a, r, FIGURE_TC_DUNG_HAN, "vụ"),
	                     with_prev(a, r, FIGURE_TC_TRE_HAN, "vụ"),
	                     with_prev(a, r, FIGURE_TC_QUA_HAN, "vụ")));
	para(b,
	     arena_printf(a,
	                  "Khiếu nại kỷ luật đảng: tiếp nhận, thụ lý %s; giải quyết %s%s. Các vụ "
	                  "nhận trong kỳ: giải quyết đúng hạn %s, quá hạn %s; %s quá hạn chưa "
	                  "giải quyết.",
	                  with_prev(a, r, FIGURE_KNKL_HO_SO, "vụ"),
	                  with_prev(a, r, FIGURE_KN_GIAI_QUYET, "vụ"),
	                  by_text(a, r, FIGURE_KN_GIAI_QUYET),
	                  with_prev(a, r, FIGURE_KNKL_DUNG_HAN, "vụ"),
	                  with_prev(a, r, FIGURE_KNKL_TRE_HAN, "vụ"),
	                  with_prev(a, r, FIGURE_KNKL_QUA_HAN, "vụ")));
}

/* The opening and section I: the figures in sentences beside the same
 * period before, Biểu 1 and the chart. */
static void results(struct builder *b, const struct report *r, const char *issuer,
                    const char *label)
{
	struct arena *a = b->a;

	para(b,
	     arena_printf(a,
	                  "Thực hiện Chỉ thị số 39-CT/TW của Bộ Chính trị về "
	                  "công tác bảo vệ chính trị nội bộ Đảng, %s báo cáo kết quả %s như sau:",
	                  issuer, label));
	heading(b, 1, "I. KẾT QUẢ THỰC HIỆN");
	heading(b, 2, "1. Công tác kiểm tra, giám sát");
	para(b,
	     arena_printf(a,
	                  "Cấp ủy, ủy ban kiểm tra các cấp đã kiểm tra %s và %s; qua kiểm tra, kết "
	                  "luận %s và %s có vi phạm. Giám sát chuyên đề %s và %s.",
	                  with_prev(a, r, FIGURE_KT_TO_CHUC, "lượt tổ chức đảng"),
	                  with_prev(a, r, FIGURE_KT_DANG_VIEN, "lượt đảng viên"),
	                  with_prev(a, r, FIGURE_KT_TO_CHUC_VI_PHAM, "lượt tổ chức đảng"),
	                  with_prev(a, r, FIGURE_KT_DANG_VIEN_VI_PHAM, "lượt đảng viên"),
	                  with_prev(a, r, FIGURE_GS_CHUYEN_DE_TO_CHUC, "lượt tổ chức đảng"),
	                  with_prev(a, r, FIGURE_GS_CHUYEN_DE_DANG_VIEN, "lượt đảng viên")));
	if (r->figures[FIGURE_KT_CHU_THE].total)
		para(b, arena_printf(a, "Theo chủ thể kiểm tra: %s%s.",
		                     with_prev(a, r, FIGURE_KT_CHU_THE, "cuộc kiểm tra"),
		                     by_text(a, r, FIGURE_KT_CHU_THE)));
	para(b, arena_printf(a, "Thi hành kỷ luật %s và %s.",
	                     with_prev(a, r, FIGURE_KL_TO_CHUC, "lượt tổ chức đảng"),
	                     with_prev(a, r, FIGURE_KL_DANG_VIEN, "lượt đảng viên")));
	heading(b, 2, "2. Thẩm định tiêu chuẩn chính trị, thẩm tra lý lịch");
	para(b, arena_printf(a,
	                     "Thẩm định tiêu chuẩn chính trị %s; thẩm tra, xác minh lý lịch %s "
	                     "người vào Đảng. Văn bản thẩm tra, xác minh gửi các cơ quan, tổ chức: "
	                     "%s được trả lời trễ hạn, %s quá hạn chưa được trả lời.",
	                     with_prev(a, r, FIGURE_TD_HO_SO, "hồ sơ"),
	                     with_prev(a, r, FIGURE_TTLL_HO_SO, "hồ sơ"),
	                     with_prev(a, r, FIGURE_VB_TRE_HAN, "văn bản"),
	                     with_prev(a, r, FIGURE_VB_QUA_HAN, "văn bản")));
	if (r->figures[FIGURE_TTLL_KET_QUA].total)
		para(b, arena_printf(a, "Kết quả thẩm tra lý lịch: %s%s.",
		                     with_prev(a, r, FIGURE_TTLL_KET_QUA, "hồ sơ"),
		                     by_text(a, r, FIGURE_TTLL_KET_QUA)));
	heading(b, 2, "3. Quản lý đảng viên đi nước ngoài, đảng viên ở nước ngoài");
	para(b, arena_printf(a,
	                     "Cử và quản lý %s với %s ra nước ngoài; đã nhận %s sau chuyến đi, "
	                     "trong đó %s nộp đúng hạn, %s nộp trễ hạn; %s quá hạn chưa nộp. "
	                     "Quản lý %s ở nước ngoài.",
	                     with_prev(a, r, FIGURE_RNN_DOAN, "đoàn"),
	                     with_prev(a, r, FIGURE_RNN_LUOT, "lượt người"),
	                     with_prev(a, r, FIGURE_RNN_BAO_CAO, "báo cáo"),
	                     with_prev(a, r, FIGURE_RNN_BAO_CAO_DUNG_HAN, "báo cáo"),
	                     with_prev(a, r, FIGURE_RNN_BAO_CAO_TRE_HAN, "báo cáo"),
	                     with_prev(a, r, FIGURE_RNN_BAO_CAO_QUA_HAN, "báo cáo"),
	                     with_prev(a, r, FIGURE_ONN_DANG_VIEN, "đảng viên")));
	letters(b, r);
	add(b, (struct doc_block){.kind = DOC_TABLE, .table = main_table(a, r)});
	add(b, (struct doc_block){.kind = DOC_CHART, .chart = chart(a, r)});
}

/* Sections II-V: the narrative staff write, as headings with hints. */
static void narrative(struct builder *b)
{
	heading(b, 1, "II. ĐÁNH GIÁ CHUNG");
	heading(b, 2, "1. Ưu điểm");
	placeholder(b, "(Cán bộ soạn thảo: nêu những kết quả nổi bật, so với mục tiêu đề ra.)");
	heading(b, 2, "2. Hạn chế, khuyết điểm và nguyên nhân");
	placeholder(b, "(Cán bộ soạn thảo: nêu hạn chế, khuyết điểm; nguyên nhân khách quan, chủ "
	               "quan.)");
	heading(b, 1, "III. BÀI HỌC KINH NGHIỆM");
	placeholder(b, "(Cán bộ soạn thảo.)");
	heading(b, 1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI");
	placeholder(b, "(Cán bộ soạn thảo.)");
	heading(b, 1, "V. ĐỀ XUẤT, KIẾN NGHỊ");
	placeholder(b, "(Cán bộ soạn thảo.)");
}

/* The tables of the statistical appendix: Biểu 2 and 3 by organisation
 * below (with the note on how records are placed), Biểu 4 by year over
 * several years. */
#define APPENDIX_FIGS 6
static const struct {
	const char *title, *sheet, *first;
	enum figure figs[APPENDIX_FIGS];
	int by_year;
} appendix_tables[] = {
    {"Biểu 2. Kiểm tra, giám sát theo đơn vị trực thuộc",
     "Biểu 2",
     "Đơn vị",
     {FIGURE_KT_TO_CHUC, FIGURE_KT_TO_CHUC_VI_PHAM, FIGURE_KT_DANG_VIEN,
      FIGURE_KT_DANG_VIEN_VI_PHAM, FIGURE_GS_CHUYEN_DE_TO_CHUC, FIGURE_GS_CHUYEN_DE_DANG_VIEN},
     0},
    {"Biểu 3. Thẩm định, thẩm tra lý lịch, đi nước ngoài, khiếu nại theo đơn vị trực thuộc",
     "Biểu 3",
     "Đơn vị",
     {FIGURE_TD_HO_SO, FIGURE_TTLL_HO_SO, FIGURE_RNN_DOAN, FIGURE_RNN_LUOT, FIGURE_ONN_DANG_VIEN,
      FIGURE_KN_NHAN},
     0},
    {"Biểu 4. Số liệu chủ yếu theo năm",
     "Biểu 4",
     "Năm",
     {FIGURE_KT_TO_CHUC, FIGURE_KT_DANG_VIEN, FIGURE_GS_CHUYEN_DE_TO_CHUC, FIGURE_TD_HO_SO,
      FIGURE_RNN_DOAN, FIGURE_RNN_LUOT},
     1},
};

/* The statistical appendix, on a page of its own. */
static void appendix(struct builder *b, const struct report *r, const char *note)
{
	add(b, (struct doc_block){.kind = DOC_PAGE_BREAK});
	heading(b, 1, "PHỤ LỤC SỐ LIỆU");
	for (size_t i = 0; i < sizeof(appendix_tables) / sizeof(appendix_tables[0]); i++) {
		int by_year = appendix_tables[i].by_year;

		if (by_year && r->nyears < 2)
			continue;
		add(b, (struct doc_block){.kind = DOC_TABLE,
		                          .table = by_table(b->a, r, appendix_tables[i].title,
		                                            appendix_tables[i].sheet,
		                                            appendix_tables[i].first,
		                                            appendix_tables[i].figs, 6, by_year,
		                                            by_year ? NULL : note)});
	}
}

/* "Nơi nhận:": the level above, the standing committee, the archive;
 * NULL when out of memory. */
static const char **recipients_of(struct arena *a, const struct report_issuing *w)
{
	const char **v = arena_calloc(a, 3, sizeof(*v));

	if (!v)
		return NULL;
	v[0] = w->has_parent ? arena_printf(a, "- %s (để báo cáo),", w->parent_issuer)
	                     : "- Ban Tổ chức Trung ương (để báo cáo),";
	v[1] = "- Các đồng chí Ủy viên Ban Thường vụ,";
	v[2] = arena_printf(a, "- Lưu Văn phòng %s.", w->issuer);
	return v[0] && v[2] ? v : NULL;
}

const char *report_mark(const struct report *r)
{
	return r->conf >= CLEARANCE_TOP_SECRET ? "TỐI MẬT"
	       : r->conf >= CLEARANCE_SECRET   ? "MẬT"
	                                       : NULL;
}

int report_document(struct app *app, const struct actor *who, const struct report *r,
                    struct arena *a, struct doc *ret, struct err *e)
{
	struct builder b = {.a = a};
	struct report_issuing w;
	const char *label, *summary, *note, **recipients;
	int rc;
	char today[DOC_DATE_MAX];
	time_t now = time(NULL) + 7 * 3600;
	struct tm tm;

	memset(ret, 0, sizeof(*ret));
	if ((rc = report_issuing(app, r->org, a, &w)) < 0)
		return rc == HOSO_E_NOT_FOUND ? err_set(e, rc, "org", "Không tìm thấy tổ chức",
		                                        "Organisation not found")
		                              : err_set(e, rc, NULL, NULL, NULL);
	label = r->term_first ? arena_printf(a, "nhiệm kỳ %d - %d", r->term_first, r->term_last)
	                      : period_label(a, r->from, r->to);
	summary = summary_of(a, r, label);
	note = structure_note(a, r);
	gmtime_r(&now, &tm);
	doc_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, today);
	results(&b, r, w.issuer, label);
	narrative(&b);
	appendix(&b, r, note);
	recipients = recipients_of(a, &w);
	if (b.failed || !recipients || !summary || !note)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	*ret = (struct doc){
	    .mark = report_mark(r),
	    .superior = w.superior_upper,
	    .issuer = w.issuer_upper,
	    .number = arena_printf(a, "Số        -BC/%s", w.initials),
	    .place_date = arena_printf(a, "%s, %s", w.place, today),
	    .type = "BÁO CÁO",
	    .summary = summary,
	    .blocks = b.v,
	    .nblocks = b.n,
	    .sign_for = w.sign_for,
	    .sign_title = "BÍ THƯ",
	    .recipients = recipients,
	    .nrecipients = 3,
	    .footer = footer(app, who, a),
	    .title = arena_printf(a, "Báo cáo %s", summary),
	    .author = w.issuer,
	    .created = (int64_t)time(NULL),
	};
	if (!ret->number || !ret->place_date || !ret->footer || !ret->title)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return 0;
}
