/*
 * csv.c - the CSV writer (see csv.h): a document's tables, one record per
 * line, for a spreadsheet.  The document is checked first (every table
 * laid out, every text UTF-8 without control characters), then written
 * straight into the caller's buffer, which is cut back on failure.
 */
#include <string.h>

#include "export/csv.h"

#include "core/banned.h"

int csv_doc_field(struct buf *out, const char *s)
{
	size_t start = out->len;
	int rc;

	if (!s)
		return 0;
	rc = buf_addch(out, '"');
	/* inside the quotes: a spreadsheet shows '=1+1 as the text =1+1 */
	if (rc == 0 && s[0] && strchr("=+-@\t\r", s[0]))
		rc = buf_addch(out, '\'');
	for (const char *p = s; rc == 0 && *p;) {
		size_t n = strcspn(p, "\"");

		if ((rc = buf_add(out, p, n)) == 0 && p[n] == '"')
			rc = buf_adds(out, "\"\"");
		p += n + (p[n] == '"');
	}
	if (rc == 0)
		rc = buf_addch(out, '"');
	if (rc < 0)
		buf_setlen(out, start);
	return rc;
}

/* A record of one field. */
static int one(struct buf *out, const char *s)
{
	int rc = csv_doc_field(out, s);

	return rc == 0 ? buf_adds(out, "\r\n") : rc;
}

static int cell(struct buf *out, const struct doc_cell *c)
{
	switch (c->kind) {
	case DOC_CELL_TEXT:
		return csv_doc_field(out, c->text);
	case DOC_CELL_INT:
		return buf_addf(out, "%lld", (long long)c->n);
	case DOC_CELL_EMPTY:
		return 0;
	}
	return HOSO_E_INVALID;
}

/* The title, the header row, the rows and the note of a table. */
static int table(struct buf *out, const struct doc_table *t)
{
	int rc = t->title ? one(out, t->title) : 0;

	for (size_t c = 0; rc == 0 && t->head && c < t->ncols; c++)
		if ((rc = c ? buf_addch(out, ',') : 0) == 0)
			rc = csv_doc_field(out, t->head[c]);
	if (rc == 0 && t->head)
		rc = buf_adds(out, "\r\n");
	for (size_t r = 0; rc == 0 && r < t->nrows; r++) {
		for (size_t c = 0; rc == 0 && c < t->ncols; c++)
			if ((rc = c ? buf_addch(out, ',') : 0) == 0)
				rc = cell(out, &t->cells[r * t->ncols + c]);
		if (rc == 0)
			rc = buf_adds(out, "\r\n");
	}
	if (rc == 0 && t->note)
		rc = one(out, t->note);
	return rc;
}

/* The text of the document a CSV carries, each checked: 0, or the code of
 * the first that cannot be written, with e filled. */
static int text_ok(const char *s, const char *where, size_t block, struct err *e)
{
	int rc = s ? doc_text_check(s) : 0;

	if (rc == HOSO_E_NOT_UTF8)
		return err_set(e, rc, where, "Văn bản ở khối %zu không phải UTF-8 hợp lệ.",
		               "The text in block %zu is not valid UTF-8.", block);
	if (rc < 0)
		return err_set(e, rc, where, "Văn bản ở khối %zu có ký tự điều khiển.",
		               "The text in block %zu holds control characters.", block);
	return 0;
}

static int table_ok(const struct doc_table *t, size_t block, struct err *e)
{
	int rc;

	if (!t || !t->ncols || (t->nrows && !t->cells))
		return err_set(e, HOSO_E_INVALID, "table", "Biểu ở khối %zu không có cột hoặc ô.",
		               "The table in block %zu has no columns or cells.", block);
	if ((rc = text_ok(t->title, "table", block, e)) < 0 ||
	    (rc = text_ok(t->note, "table", block, e)) < 0)
		return rc;
	for (size_t c = 0; t->head && c < t->ncols; c++)
		if ((rc = text_ok(t->head[c], "table", block, e)) < 0)
			return rc;
	for (size_t c = 0; c < t->nrows * t->ncols; c++)
		if (t->cells[c].kind == DOC_CELL_TEXT &&
		    (rc = text_ok(t->cells[c].text, "table", block, e)) < 0)
			return rc;
	return 0;
}

static int check(const struct doc *d, struct err *e)
{
	int rc;

	if (d->nblocks && !d->blocks)
		return err_set(e, HOSO_E_INVALID, "blocks", "Tài liệu thiếu nội dung.",
		               "The document has no blocks.");
	if ((rc = text_ok(d->mark, "mark", 0, e)) < 0 ||
	    (rc = text_ok(d->footer, "footer", 0, e)) < 0)
		return rc;
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_TABLE &&
		    (rc = table_ok(d->blocks[i].table, i + 1, e)) < 0)
			return rc;
	return 0;
}

int csv_doc_write(const struct doc *d, struct buf *out, struct err *e)
{
	size_t start = out->len;
	int rc, tables = 0;

	if ((rc = check(d, e)) < 0)
		return rc;
	rc = buf_adds(out, "\xef\xbb\xbf");
	if (rc == 0 && d->mark)
		rc = one(out, d->mark);
	for (size_t i = 0; rc == 0 && i < d->nblocks; i++) {
		if (d->blocks[i].kind != DOC_TABLE)
			continue;
		if (tables++)
			rc = buf_adds(out, "\r\n");
		if (rc == 0)
			rc = table(out, d->blocks[i].table);
	}
	if (rc == 0 && d->footer && (rc = buf_adds(out, "\r\n")) == 0)
		rc = one(out, d->footer);
	if (rc < 0) {
		buf_setlen(out, start);
		return err_set(e, rc, NULL, NULL, NULL);
	}
	return 0;
}
