/*
 * report-doc.c - a report as the Party's own document (report.h): the
 * header of the issuing committee, the figures written into section I with
 * the same period before, the narrative sections II-V as headings for staff
 * to write under, the statistical appendix by organisation below, a trend
 * by year, and the footer saying who produced it and when.  Laid out by the
 * writers of src/export (DOCX, PDF, XLSX); every export is audited.
 */
#include "app/report.h"

#include <string.h>
#include <time.h>

#include "app/audit.h"
#include "core/buf.h"
#include "export/doc.h"
#include "export/docx.h"
#include "export/pdf.h"
#include "export/xlsx.h"
#include "store/store.h"
#include "vi/vi.h"

#include "core/banned.h"

static const char *const format_names[] = {"docx", "pdf", "xlsx"};
static const char *const format_types[] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

int report_format_parse(const char *s, enum report_format *ret)
{
	for (int i = 0; i < REPORT_FORMAT__MAX; i++)
		if (s && strcmp(s, format_names[i]) == 0) {
			*ret = (enum report_format)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

const char *report_format_name(enum report_format f)
{
	return (unsigned)f < REPORT_FORMAT__MAX ? format_names[f] : NULL;
}

const char *report_format_type(enum report_format f)
{
	return (unsigned)f < REPORT_FORMAT__MAX ? format_types[f] : NULL;
}

/* ---- the header: who issues it ---- */

static const char *upper(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT(1 << 12);
	const char *r = NULL;

	if (s && vi_upper(s, strlen(s), &b) == 0)
		r = arena_strdup(a, b.buf);
	buf_release(&b);
	return r ? r : s;
}

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

static const struct report_figure *fig(const struct report *r, const char *code)
{
	for (size_t i = 0; i < r->nfigures; i++)
		if (strcmp(r->figures[i].m->code, code) == 0)
			return &r->figures[i];
	return NULL;
}

/* "505 lượt tổ chức đảng (347 tổ chức; cùng kỳ 480 lượt)", or without the
 * distinct count "778 hồ sơ (cùng kỳ 700)" */
static const char *with_prev(struct arena *a, const struct report *r, const char *code,
                             const char *what)
{
	const struct report_figure *f = fig(r, code);
	char n[DOC_INT_MAX], p[DOC_INT_MAX], d[DOC_INT_MAX];

	if (!f)
		return "";
	if (!f->m->distinct_vi || f->distinct == f->total)
		return arena_printf(a, "%s %s (cùng kỳ %s)", doc_int(f->total, n), what,
		                    doc_int(f->previous, p));
	return arena_printf(a, "%s %s (%s %s; cùng kỳ %s %s)", doc_int(f->total, n), what,
	                    doc_int(f->distinct, d), f->m->distinct_vi, doc_int(f->previous, p),
	                    f->m->unit_vi);
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
		row[1] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = f->m->vi};
		row[2] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = f->m->unit_vi};
		row[3] = (struct doc_cell){.kind = DOC_CELL_INT, .n = f->total};
		row[4] = (struct doc_cell){.kind = DOC_CELL_INT, .n = f->previous};
		row[5] = (struct doc_cell){.kind = DOC_CELL_INT, .n = f->total - f->previous};
		row[6] = f->m->distinct_vi
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
                                  const char *sheet, const char *first, const char *const *codes,
                                  size_t ncodes, int by_year, const char *note)
{
	size_t nrows = by_year ? r->nyears : r->nrows, ncols = ncodes + 2, idx[16];
	struct doc_table *t = arena_calloc(a, 1, sizeof(*t));
	struct doc_cell *c = arena_calloc(a, (nrows + 1) * ncols, sizeof(*c));
	const char **head = arena_calloc(a, ncols, sizeof(*head));
	double *widths = arena_calloc(a, ncols, sizeof(*widths));

	if (!t || !c || !head || !widths || ncodes > 16)
		return NULL;
	head[0] = "STT";
	head[1] = first;
	widths[0] = 0.75;
	widths[1] = by_year ? 0.9 : 2.6;
	for (size_t j = 0; j < ncodes; j++) {
		const struct metric *m = metric_find(codes[j]);

		idx[j] = 0;
		while (idx[j] < r->nfigures && r->figures[idx[j]].m != m)
			idx[j]++;
		if (!m || idx[j] == r->nfigures)
			return NULL;
		head[j + 2] = m->vi;
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
		for (size_t j = 0; j < ncodes; j++) {
			row[j + 2] = (struct doc_cell){.kind = DOC_CELL_INT, .n = n[idx[j]]};
			c[nrows * ncols + j + 2].n += n[idx[j]];
		}
	}
	c[nrows * ncols] = (struct doc_cell){.kind = DOC_CELL_EMPTY};
	c[nrows * ncols + 1] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = "Tổng cộng"};
	for (size_t j = 0; j < ncodes; j++)
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
	static const char *const main[] = {
	    "kt_to_chuc", "kt_dang_vien", "gs_chuyen_de_to_chuc", "gs_chuyen_de_dang_vien",
	    "td_ho_so",   "rnn_doan"};
	static const char *const short_names[] = {"KT tổ chức",   "KT đảng viên", "GS tổ chức",
	                                          "GS đảng viên", "Thẩm định",    "Đoàn ra"};
	struct doc_chart *ch = arena_calloc(a, 1, sizeof(*ch));
	size_t n = r->nyears >= 2 ? r->nyears : 6;
	const char **labels = arena_calloc(a, n, sizeof(*labels));
	int64_t *v1 = arena_calloc(a, n, sizeof(*v1)), *v2 = arena_calloc(a, n, sizeof(*v2));
	size_t k1 = 0, k2 = 0;

	if (!ch || !labels || !v1 || !v2)
		return NULL;
	if (r->nyears >= 2) {
		while (k1 < r->nfigures && strcmp(r->figures[k1].m->code, "kt_to_chuc") != 0)
			k1++;
		while (k2 < r->nfigures && strcmp(r->figures[k2].m->code, "kt_dang_vien") != 0)
			k2++;
		if (k1 == r->nfigures || k2 == r->nfigures)
			return NULL;
		for (size_t i = 0; i < n; i++) {
			labels[i] = arena_printf(a, "%d", r->years[i].year);
			v1[i] = r->years[i].n[k1];
			v2[i] = r->years[i].n[k2];
			if (!labels[i])
				return NULL;
		}
		*ch =
		    (struct doc_chart){.title = "Tổ chức đảng và đảng viên được kiểm tra theo năm",
		                       .n = n,
		                       .labels = labels,
		                       .values = v1,
		                       .series = "Tổ chức đảng (lượt)",
		                       .values2 = v2,
		                       .series2 = "Đảng viên (lượt)"};
		return ch;
	}
	for (size_t i = 0; i < n; i++) {
		const struct report_figure *f = fig(r, main[i]);

		if (!f)
			return NULL;
		labels[i] = short_names[i];
		v1[i] = f->total;
		v2[i] = f->previous;
	}
	*ch = (struct doc_chart){.title = "Số liệu chủ yếu so với cùng kỳ",
	                         .n = n,
	                         .labels = labels,
	                         .values = v1,
	                         .series = "Kỳ này",
	                         .values2 = v2,
	                         .series2 = "Cùng kỳ"};
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

int report_document(struct app *app, const struct actor *who, const struct report *r,
                    struct arena *a, struct doc *ret, struct err *e)
{
	static const char *const kt_codes[] = {"kt_to_chuc",           "kt_to_chuc_vi_pham",
	                                       "kt_dang_vien",         "kt_dang_vien_vi_pham",
	                                       "gs_chuyen_de_to_chuc", "gs_chuyen_de_dang_vien"};
	static const char *const other_codes[] = {"td_ho_so", "ttll_ho_so",    "rnn_doan",
	                                          "rnn_luot", "onn_dang_vien", "kn_nhan"};
	static const char *const year_codes[] = {
	    "kt_to_chuc", "kt_dang_vien", "gs_chuyen_de_to_chuc",
	    "td_ho_so",   "rnn_doan",     "rnn_luot"};
	struct builder b = {.a = a};
	struct org_row o, parent, top;
	const char *issuer, *initials, *parent_issuer = NULL, *pi, *label, *summary, *note;
	const char **recipients;
	char today[DOC_DATE_MAX], st[DATE_BUF];
	int years = whole_years(r->from, r->to), has_parent;
	time_t now = time(NULL) + 7 * 3600;
	struct tm tm;

	memset(ret, 0, sizeof(*ret));
	if (store_org_latest(app_store(app), r->org, a, &o) < 0)
		return err_set(e, HOSO_E_NOT_FOUND, "org", "Không tìm thấy tổ chức",
		               "Organisation not found");
	top = o;
	has_parent = o.parent_id && store_org_latest(app_store(app), o.parent_id, a, &parent) == 0;
	while (top.parent_id && store_org_latest(app_store(app), top.parent_id, a, &top) == 0)
		;
	issuer = committee(a, &o, !has_parent, &initials);
	if (has_parent)
		parent_issuer = committee(a, &parent, !parent.parent_id, &pi);
	label = r->term_first ? arena_printf(a, "nhiệm kỳ %d - %d", r->term_first, r->term_last)
	                      : period_label(a, r->from, r->to);
	if (r->term_first)
		summary =
		    arena_printf(a, "Kết quả công tác bảo vệ chính trị nội bộ Đảng %s", label);
	else if (years >= 10)
		summary = arena_printf(
		    a, "Tổng kết %d năm công tác bảo vệ chính trị nội bộ Đảng\n(%s)", years, label);
	else if (years >= 5)
		summary =
		    arena_printf(a,
		                 "Sơ kết %d năm thực hiện Chỉ thị số 39-CT/TW của Bộ Chính trị\n"
		                 "về công tác bảo vệ chính trị nội bộ Đảng (%s)",
		                 years, label);
	else
		summary = arena_printf(a, "Kết quả công tác bảo vệ chính trị nội bộ %s", label);
	gmtime_r(&now, &tm);
	doc_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, today);
	if (r->structure == DATE_NONE)
		note = "Số liệu tính theo thời điểm phát sinh, theo cơ cấu tổ chức lúc đó.";
	else {
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

	para(&b,
	     arena_printf(a,
	                  "Thực hiện Chỉ thị số 39-CT/TW của Bộ Chính trị về "
	                  "công tác bảo vệ chính trị nội bộ Đảng, %s báo cáo kết quả %s như sau:",
	                  issuer, label));
	heading(&b, 1, "I. KẾT QUẢ THỰC HIỆN");
	heading(&b, 2, "1. Công tác kiểm tra, giám sát");
	para(&b,
	     arena_printf(a,
	                  "Cấp ủy, ủy ban kiểm tra các cấp đã kiểm tra %s và %s; qua kiểm tra, kết "
	                  "luận %s và %s có vi phạm. Giám sát chuyên đề %s và %s.",
	                  with_prev(a, r, "kt_to_chuc", "lượt tổ chức đảng"),
	                  with_prev(a, r, "kt_dang_vien", "lượt đảng viên"),
	                  with_prev(a, r, "kt_to_chuc_vi_pham", "lượt tổ chức đảng"),
	                  with_prev(a, r, "kt_dang_vien_vi_pham", "lượt đảng viên"),
	                  with_prev(a, r, "gs_chuyen_de_to_chuc", "lượt tổ chức đảng"),
	                  with_prev(a, r, "gs_chuyen_de_dang_vien", "lượt đảng viên")));
	para(&b, arena_printf(a, "Thi hành kỷ luật %s và %s.",
	                      with_prev(a, r, "kl_to_chuc", "lượt tổ chức đảng"),
	                      with_prev(a, r, "kl_dang_vien", "lượt đảng viên")));
	heading(&b, 2, "2. Thẩm định tiêu chuẩn chính trị, thẩm tra lý lịch");
	para(&b, arena_printf(
	             a,
	             "Thẩm định tiêu chuẩn chính trị %s; thẩm tra, xác minh lý lịch %s "
	             "người vào Đảng. Văn bản thẩm tra, xác minh gửi các cơ quan, tổ chức: "
	             "%s được trả lời trễ hạn, %s quá hạn chưa được trả lời.",
	             with_prev(a, r, "td_ho_so", "hồ sơ"), with_prev(a, r, "ttll_ho_so", "hồ sơ"),
	             with_prev(a, r, "vb_tre_han", "văn bản"),
	             with_prev(a, r, "vb_qua_han", "văn bản")));
	heading(&b, 2, "3. Quản lý đảng viên đi nước ngoài, đảng viên ở nước ngoài");
	para(&b, arena_printf(a,
	                      "Cử và quản lý %s với %s ra nước ngoài; đã nhận %s sau chuyến đi, "
	                      "trong đó %s nộp đúng hạn, %s nộp trễ hạn; %s quá hạn chưa nộp. "
	                      "Quản lý %s ở nước ngoài.",
	                      with_prev(a, r, "rnn_doan", "đoàn"),
	                      with_prev(a, r, "rnn_luot", "lượt người"),
	                      with_prev(a, r, "rnn_bao_cao", "báo cáo"),
	                      with_prev(a, r, "rnn_bao_cao_dung_han", "báo cáo"),
	                      with_prev(a, r, "rnn_bao_cao_tre_han", "báo cáo"),
	                      with_prev(a, r, "rnn_bao_cao_qua_han", "báo cáo"),
	                      with_prev(a, r, "onn_dang_vien", "đảng viên")));
	heading(&b, 2, "4. Giải quyết khiếu nại kỷ luật đảng");
	para(&b, arena_printf(a, "Tiếp nhận %s; giải quyết %s.", with_prev(a, r, "kn_nhan", "đơn"),
	                      with_prev(a, r, "kn_giai_quyet", "đơn")));
	add(&b, (struct doc_block){.kind = DOC_TABLE, .table = main_table(a, r)});
	add(&b, (struct doc_block){.kind = DOC_CHART, .chart = chart(a, r)});
	heading(&b, 1, "II. ĐÁNH GIÁ CHUNG");
	heading(&b, 2, "1. Ưu điểm");
	placeholder(&b, "(Cán bộ soạn thảo: nêu những kết quả nổi bật, so với mục tiêu đề ra.)");
	heading(&b, 2, "2. Hạn chế, khuyết điểm và nguyên nhân");
	placeholder(&b, "(Cán bộ soạn thảo: nêu hạn chế, khuyết điểm; nguyên nhân khách quan, chủ "
	                "quan.)");
	heading(&b, 1, "III. BÀI HỌC KINH NGHIỆM");
	placeholder(&b, "(Cán bộ soạn thảo.)");
	heading(&b, 1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI");
	placeholder(&b, "(Cán bộ soạn thảo.)");
	heading(&b, 1, "V. ĐỀ XUẤT, KIẾN NGHỊ");
	placeholder(&b, "(Cán bộ soạn thảo.)");
	add(&b, (struct doc_block){.kind = DOC_PAGE_BREAK});
	heading(&b, 1, "PHỤ LỤC SỐ LIỆU");
	add(&b, (struct doc_block){.kind = DOC_TABLE,
	                           .table = by_table(a, r,
	                                             "Biểu 2. Kiểm tra, giám sát theo đơn vị trực "
	                                             "thuộc",
	                                             "Biểu 2", "Đơn vị", kt_codes, 6, 0, note)});
	add(&b, (struct doc_block){.kind = DOC_TABLE,
	                           .table = by_table(a, r,
	                                             "Biểu 3. Thẩm định, thẩm tra lý lịch, đi nước "
	                                             "ngoài, khiếu nại theo đơn vị trực thuộc",
	                                             "Biểu 3", "Đơn vị", other_codes, 6, 0, note)});
	if (r->nyears >= 2)
		add(&b,
		    (struct doc_block){.kind = DOC_TABLE,
		                       .table = by_table(a, r, "Biểu 4. Số liệu chủ yếu theo năm",
		                                         "Biểu 4", "Năm", year_codes, 6, 1, NULL)});
	recipients = arena_calloc(a, 3, sizeof(*recipients));
	if (b.failed || !recipients || !summary || !note)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	recipients[0] = has_parent ? arena_printf(a, "- %s (để báo cáo),", parent_issuer)
	                           : "- Ban Tổ chức Trung ương (để báo cáo),";
	recipients[1] = "- Các đồng chí Ủy viên Ban Thường vụ,";
	recipients[2] = arena_printf(a, "- Lưu Văn phòng %s.", issuer);
	*ret = (struct doc){
	    .mark = r->conf >= CLEARANCE_TOP_SECRET ? "TỐI MẬT"
	            : r->conf >= CLEARANCE_SECRET   ? "MẬT"
	                                            : NULL,
	    .superior = upper(a, has_parent ? parent.name : o.name),
	    .issuer = upper(a, issuer),
	    .number = arena_printf(a, "Số        -BC/%s", initials),
	    .place_date = arena_printf(a, "%s, %s", place_of(top.name), today),
	    .type = "BÁO CÁO",
	    .summary = summary,
	    .blocks = b.v,
	    .nblocks = b.n,
	    .sign_for = !strcmp(initials, "CB") ? "T/M CHI BỘ" : "T/M BAN THƯỜNG VỤ",
	    .sign_title = "BÍ THƯ",
	    .recipients = recipients,
	    .nrecipients = 3,
	    .footer = footer(app, who, a),
	    .title = arena_printf(a, "Báo cáo %s", summary),
	    .author = issuer,
	    .created = (int64_t)time(NULL),
	};
	if (!ret->number || !ret->place_date || !ret->footer || !ret->title || !recipients[0] ||
	    !recipients[2])
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return 0;
}

int report_export_doc(struct app *app, const struct actor *who, const struct report *r,
                      enum report_format f, struct arena *a, struct buf *out, struct err *e)
{
	static int (*const writers[])(const struct doc *, struct buf *,
	                              struct err *) = {docx_write, pdf_write, xlsx_write};
	size_t start = out->len;
	struct doc d;
	int rc;

	if ((unsigned)f >= REPORT_FORMAT__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "format", "Định dạng là docx, pdf hoặc xlsx",
		               "The format is docx, pdf or xlsx");
	if ((rc = report_document(app, who, r, a, &d, e)) < 0 || (rc = writers[f](&d, out, e)) < 0)
		return rc;
	rc = audit_record_json(app, who, (struct audit_entry){"export", "report", r->org, NULL, 0},
	                       json_pack("{s:s,s:I,s:I,s:i}", "format", format_names[f], "from",
	                                 (json_int_t)r->from, "to", (json_int_t)r->to,
	                                 "confidentiality", r->conf),
	                       e);
	if (rc < 0)
		buf_setlen(out, start);
	return rc;
}
