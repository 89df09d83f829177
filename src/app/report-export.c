/*
 * report-export.c - the one download path of a report (report.h): the
 * formats in one table, each with the document it writes and its writer
 * in src/export, and the plain tables a CSV carries.  Every export is
 * audited here, whatever the format and whoever asks (HTTP or CLI).
 */
#include "app/report.h"

#include <string.h>

#include "app/audit.h"
#include "core/buf.h"
#include "core/date.h"
#include "export/csv.h"
#include "export/doc.h"
#include "export/docx.h"
#include "export/pdf.h"
#include "export/xlsx.h"

#include "core/banned.h"

typedef int (*report_build_fn)(struct app *app, const struct actor *who, const struct report *r,
                               struct arena *a, struct doc *ret, struct err *e);
typedef int (*doc_write_fn)(const struct doc *d, struct buf *out, struct err *e);

static const struct {
	const char *name, *type; /* "csv", its MIME type */
	report_build_fn build;   /* the document written */
	doc_write_fn write;
} formats[REPORT_FORMAT__MAX] = {
    [REPORT_CSV] = {"csv", "text/csv; charset=utf-8", report_tables, csv_doc_write},
    [REPORT_DOCX] = {"docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     report_document, docx_write},
    [REPORT_PDF] = {"pdf", "application/pdf", report_document, pdf_write},
    [REPORT_XLSX] = {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     report_document, xlsx_write},
};

int report_format_parse(const char *s, enum report_format *ret)
{
	for (int i = 0; s && i < REPORT_FORMAT__MAX; i++)
		if (strcmp(s, formats[i].name) == 0) {
			*ret = (enum report_format)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

const char *report_format_name(enum report_format f)
{
	return (unsigned)f < REPORT_FORMAT__MAX ? formats[f].name : NULL;
}

const char *report_format_type(enum report_format f)
{
	return (unsigned)f < REPORT_FORMAT__MAX ? formats[f].type : NULL;
}

/* A table of nrows rows of ncols cells in a, its cells in *ret_cells to
 * fill; NULL when out of memory. */
static struct doc_table *table_new(struct arena *a, size_t nrows, size_t ncols,
                                   const char *const *head, struct doc_cell **ret_cells)
{
	struct doc_table *t = arena_calloc(a, 1, sizeof(*t));
	struct doc_cell *c = arena_calloc(a, nrows * ncols + 1, sizeof(*c));

	if (!t || !c)
		return NULL;
	*t = (struct doc_table){.ncols = ncols, .head = head, .nrows = nrows, .cells = c};
	*ret_cells = c;
	return t;
}

static struct doc_cell text(const char *s)
{
	return s ? (struct doc_cell){.kind = DOC_CELL_TEXT, .text = s}
	         : (struct doc_cell){.kind = DOC_CELL_EMPTY};
}

static struct doc_cell num(int64_t n)
{
	return (struct doc_cell){.kind = DOC_CELL_INT, .n = n};
}

/* Whose report, which period, which structure, and the days the structure
 * changed: two columns, no header. */
static struct doc_table *heading_table(struct arena *a, const struct report *r)
{
	struct doc_cell *c;
	struct doc_table *t = table_new(a, 3 + r->nchanges, 2, NULL, &c);
	char from[DATE_BUF], to[DATE_BUF], day[DATE_BUF];

	if (!t)
		return NULL;
	date_format_vn(r->from, from);
	date_format_vn(r->to, to);
	c[0] = text("BÁO CÁO SỐ LIỆU");
	c[1] = text(arena_printf(a, "%s — %s", r->code, r->name));
	c[2] = text("Kỳ báo cáo");
	c[3] = text(arena_printf(a, "%s – %s", from, to));
	c[4] = text("Cơ cấu tổ chức");
	if (r->structure == DATE_NONE) {
		c[5] = text("theo thời điểm phát sinh");
	} else {
		date_format_vn(r->structure, day);
		c[5] = text(arena_printf(a, "theo cơ cấu ngày %s", day));
	}
	for (size_t i = 0; i < r->nchanges; i++) {
		date_format_vn(r->changes[i].day, day);
		c[6 + 2 * i] = text("Ghi chú");
		c[7 + 2 * i] = text(arena_printf(a, "Kỳ báo cáo có sắp xếp tổ chức ngày %s", day));
	}
	for (size_t i = 0; i < t->nrows * 2; i++)
		if (c[i].kind != DOC_CELL_TEXT)
			return NULL;
	return t;
}

/* Every figure by its code, beside the same period before, with its
 * distinct count where it has one. */
static struct doc_table *figures_table(struct arena *a, const struct report *r)
{
	static const char *const head[] = {"Mã",
	                                   "Chỉ tiêu",
	                                   "Đơn vị",
	                                   "Kỳ này",
	                                   "Cùng kỳ",
	                                   "Không trùng lặp",
	                                   "Đơn vị (không trùng lặp)",
	                                   "Cùng kỳ (không trùng lặp)"};
	struct doc_cell *c;
	struct doc_table *t = table_new(a, r->nfigures, 8, head, &c);

	for (size_t i = 0; t && i < r->nfigures; i++) {
		const struct report_figure *f = &r->figures[i];
		struct doc_cell *row = &c[i * 8];
		int d = f->def->distinct_vi != NULL;

		row[0] = text(f->def->code);
		row[1] = text(f->def->vi);
		row[2] = text(f->def->unit_vi);
		row[3] = num(f->total);
		row[4] = num(f->previous);
		row[5] = d ? num(f->distinct) : text(NULL);
		row[6] = text(f->def->distinct_vi);
		row[7] = d ? num(f->distinct_previous) : text(NULL);
	}
	return t;
}

/* The rows by child organisation: every figure, then the distinct counts,
 * headed by the figures' short names ("Kiểm tra tổ chức"), never codes. */
static struct doc_table *rows_table(struct arena *a, const struct report *r)
{
	size_t nd = 0, ncols, k = 2;
	const char **head;
	struct doc_table *t;
	struct doc_cell *c;

	for (size_t j = 0; j < r->nfigures; j++)
		nd += r->figures[j].def->distinct_vi != NULL;
	ncols = 2 + r->nfigures + nd;
	if (!(head = arena_calloc(a, ncols, sizeof(*head))) ||
	    !(t = table_new(a, r->nrows, ncols, head, &c)))
		return NULL;
	head[0] = "Tổ chức";
	head[1] = "Tên";
	for (size_t j = 0; j < r->nfigures; j++)
		head[k++] = r->figures[j].def->short_vi;
	for (size_t j = 0; j < r->nfigures; j++)
		if (r->figures[j].def->distinct_vi &&
		    !(head[k++] =
		          arena_printf(a, "%s (số %s không trùng lặp)", r->figures[j].def->short_vi,
		                       r->figures[j].def->distinct_vi)))
			return NULL;
	for (size_t i = 0; i < r->nrows; i++) {
		struct doc_cell *row = &c[i * ncols];

		k = 2;
		row[0] = text(r->rows[i].code);
		row[1] = text(r->rows[i].name);
		for (size_t j = 0; j < r->nfigures; j++)
			row[k++] = num(r->rows[i].n[j]);
		for (size_t j = 0; j < r->nfigures; j++)
			if (r->figures[j].def->distinct_vi)
				row[k++] = num(r->rows[i].d[j]);
	}
	return t;
}

int report_tables(struct app *app, const struct actor *who, const struct report *r, struct arena *a,
                  struct doc *ret, struct err *e)
{
	struct doc_block *b = arena_calloc(a, 3, sizeof(*b));
	struct buf footer = BUF_INIT(1 << 12);

	memset(ret, 0, sizeof(*ret));
	if (!b || report_produced_by(app, who, a, 1, &footer) < 0) {
		buf_release(&footer);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	b[0] = (struct doc_block){.kind = DOC_TABLE, .table = heading_table(a, r)};
	b[1] = (struct doc_block){.kind = DOC_TABLE, .table = figures_table(a, r)};
	b[2] = (struct doc_block){.kind = DOC_TABLE, .table = rows_table(a, r)};
	*ret = (struct doc){.mark = report_mark(r),
	                    .blocks = b,
	                    .nblocks = 3,
	                    .footer = arena_strdup(a, footer.buf),
	                    .title = r->name};
	buf_release(&footer);
	if (!b[0].table || !b[1].table || !b[2].table || !ret->footer)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return 0;
}

int report_export(struct app *app, const struct actor *who, const struct report *r,
                  enum report_format f, struct arena *a, struct buf *out, const char **ret_name,
                  struct err *e)
{
	char from[DATE_BUF], to[DATE_BUF];
	size_t start = out->len;
	struct doc d;
	int rc;

	if ((unsigned)f >= REPORT_FORMAT__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "format",
		               "Định dạng là csv, docx, pdf hoặc xlsx",
		               "The format is csv, docx, pdf or xlsx");
	date_format_iso(r->from, from);
	date_format_iso(r->to, to);
	if (!(*ret_name =
	          arena_printf(a, "bao-cao-%s-%s-%s.%s", r->code, from, to, formats[f].name)))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = formats[f].build(app, who, r, a, &d, e)) < 0 ||
	    (rc = formats[f].write(&d, out, e)) < 0)
		return rc;
	rc = audit_record_json(app, who, (struct audit_entry){"export", "report", r->org, NULL, 0},
	                       json_pack("{s:s,s:I,s:I,s:i}", "format", formats[f].name, "from",
	                                 (json_int_t)r->from, "to", (json_int_t)r->to,
	                                 "confidentiality", r->conf),
	                       e);
	if (rc < 0)
		buf_setlen(out, start);
	return rc;
}
