/*
 * csv.c - the CSV table reader (see table.h), on libcsv.
 *
 * Input goes to libcsv in 64 KiB chunks (fread, or slices of the caller's
 * buffer).  Its callbacks copy each field into a batch; the records a chunk
 * completes are queued and handed out one per table_next().  Memory stays
 * bounded by one chunk's records plus the record in progress (at most
 * TABLE_MAX_COLUMNS cells of TABLE_MAX_CELL bytes), whatever the file size.
 *
 * Row numbers count records, as a spreadsheet opening the file shows them:
 * the header is row 1, an empty line is a row (skipped, but counted), and a
 * record whose quoted cell spans several lines is one row.  So row numbers
 * are line numbers until the first such cell, and an error names the row of
 * the record it happened in.
 *
 * Quoting is strict (RFC 4180): a quote inside an unquoted cell, or text
 * after a closing quote, is an error rather than a guess, because libcsv's
 * lenient mode would silently merge cells.  Spaces and tabs around unquoted
 * cells and around quoted ones are dropped (libcsv's rule); quote a cell to
 * keep them.  Trailing empty cells are dropped, so ncells is one past the
 * last non-empty cell, and a row whose cells are all empty is skipped.
 */
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/tableInt.h"

#include "core/banned.h"

/* Why a callback stopped the batch; reported after the rows before it. */
enum csv_fail {
	CSV_FAIL_NONE,
	CSV_FAIL_COLUMNS, /* a non-empty cell past TABLE_MAX_COLUMNS */
	CSV_FAIL_CELL,    /* a cell longer than TABLE_MAX_CELL */
	CSV_FAIL_QUOTE,   /* misplaced quote (libcsv strict mode) */
	CSV_FAIL_EOF,     /* quoted cell still open at the end of the file */
	CSV_FAIL_IO,      /* fread failed */
	CSV_FAIL_NOMEM,
	CSV_FAIL__MAX
};

struct csv_span {
	size_t off, len; /* into text */
};

struct csv_rec {
	long row;
	size_t first, n; /* spans[first .. first + n) */
};

struct csv_table {
	struct table base; /* first: a struct table * is a struct csv_table * */

	FILE *fp;                 /* file input, else NULL */
	unsigned char *chunk;     /* file input: TABLE_CHUNK bytes */
	size_t head, headoff;     /* first chunk bytes read at open, and where to start */
	const unsigned char *mem; /* memory input */
	size_t memlen, mempos;
	size_t done, total; /* bytes handed to libcsv, input size */

	struct csv_parser p;
	int eof; /* input exhausted and csv_fini called */

	/* The batch: queued records, then the record in progress. */
	struct buf text;
	struct csv_span *spans;
	size_t nspans, aspans;
	struct csv_rec *recs;
	size_t nrecs, arecs, next;
	size_t cur;   /* first span of the record in progress */
	int cur_cols; /* cells seen in it, stored or not */
	long row;     /* records ended so far */
	int last_term;

	enum csv_fail fail;
	long fail_row;
	int fail_col;

	struct table_cell cells[TABLE_MAX_COLUMNS];
};

/* Cells in the batch: a record in progress may hold this much. */
#define CSV_TEXT_MAX  ((size_t)TABLE_MAX_COLUMNS * TABLE_MAX_CELL + 2 * TABLE_CHUNK)
#define CSV_SPANS_MAX ((size_t)TABLE_MAX_COLUMNS + 2 * TABLE_CHUNK)

static void csv_table_fail(struct csv_table *t, enum csv_fail why, int col)
{
	if (t->fail)
		return;
	t->fail = why;
	t->fail_row = t->row + 1;
	t->fail_col = col;
}

/* libcsv's field callback: copy the cell into the batch. */
static void csv_table_field(void *s, size_t len, void *data)
{
	struct csv_table *t = data;
	int col = t->cur_cols++;
	size_t n = t->nspans;

	if (t->fail)
		return;
	if (len > TABLE_MAX_CELL) {
		csv_table_fail(t, CSV_FAIL_CELL, col);
		return;
	}
	if (col >= TABLE_MAX_COLUMNS) {
		/* Empty cells past the limit are harmless (trailing separators). */
		if (len)
			csv_table_fail(t, CSV_FAIL_COLUMNS, col);
		return;
	}
	if (table_array_grow((void **)&t->spans, &t->aspans, n + 1, sizeof(*t->spans),
	                     CSV_SPANS_MAX) < 0 ||
	    buf_add(&t->text, s, len) < 0) {
		csv_table_fail(t, CSV_FAIL_NOMEM, col);
		return;
	}
	t->spans[n].off = t->text.len - len;
	t->spans[n].len = len;
	t->nspans = n + 1;
}

/*
 * libcsv's record callback (c is the CR or LF that ended it, -1 at the end
 * of input).  With CSV_REPALL_NL every unquoted line break ends a record, so
 * an empty line still counts as a row; the LF of a CRLF pair arrives as an
 * empty record right after the CR one and is not a row.
 */
static void csv_table_record(int c, void *data)
{
	struct csv_table *t = data;
	size_t n;

	if (t->fail)
		return;
	if (c == '\n' && t->last_term == '\r' && t->cur_cols == 0) {
		t->last_term = c;
		return;
	}
	t->last_term = c;
	t->row++;
	while (t->nspans > t->cur && t->spans[t->nspans - 1].len == 0)
		t->nspans--;
	t->cur_cols = 0;
	n = t->nspans - t->cur;
	if (n == 0)
		return;
	if (table_array_grow((void **)&t->recs, &t->arecs, t->nrecs + 1, sizeof(*t->recs),
	                     CSV_SPANS_MAX) < 0) {
		t->row--;
		csv_table_fail(t, CSV_FAIL_NOMEM, -1);
		return;
	}
	t->recs[t->nrecs].row = t->row;
	t->recs[t->nrecs].first = t->cur;
	t->recs[t->nrecs].n = n;
	t->nrecs++;
	t->cur = t->nspans;
}

/* Drop the records handed out; move the one in progress to the front. */
static void csv_table_compact(struct csv_table *t)
{
	size_t k = t->nspans - t->cur, off, i;

	off = k ? t->spans[t->cur].off : t->text.len;
	memmove(t->text.buf, t->text.buf + off, t->text.len - off);
	buf_setlen(&t->text, t->text.len - off);
	for (i = 0; i < k; i++) {
		t->spans[i] = t->spans[t->cur + i];
		t->spans[i].off -= off;
	}
	t->nspans = k;
	t->cur = 0;
	t->nrecs = 0;
	t->next = 0;
}

/* The next slice of input; *len 0 at the end.  0 or CSV_FAIL_IO recorded. */
static void csv_table_input(struct csv_table *t, const unsigned char **ret, size_t *len)
{
	size_t n;

	*ret = NULL;
	*len = 0;
	if (!t->fp) {
		n = t->memlen - t->mempos;
		if (n > TABLE_CHUNK)
			n = TABLE_CHUNK;
		*ret = t->mem + t->mempos;
		*len = n;
		t->mempos += n;
		return;
	}
	if (t->head) {
		*ret = t->chunk + t->headoff;
		*len = t->head - t->headoff;
		t->head = 0;
		return;
	}
	n = fread(t->chunk, 1, TABLE_CHUNK, t->fp);
	if (n == 0 && ferror(t->fp))
		csv_table_fail(t, CSV_FAIL_IO, -1);
	*ret = t->chunk;
	*len = n;
}

/* Parse input until a record is queued, the input ends or a failure. */
static void csv_table_fill(struct csv_table *t)
{
	const unsigned char *s;
	size_t n;

	csv_table_compact(t);
	while (t->nrecs == 0 && !t->eof && !t->fail) {
		csv_table_input(t, &s, &n);
		if (t->fail)
			break;
		if (n == 0) {
			t->eof = 1;
			if (csv_fini(&t->p, csv_table_field, csv_table_record, t) != 0)
				csv_table_fail(t, CSV_FAIL_EOF, -1);
			break;
		}
		t->done += n;
		if (csv_parse(&t->p, s, n, csv_table_field, csv_table_record, t) != n)
			csv_table_fail(
			    t, csv_error(&t->p) == CSV_EPARSE ? CSV_FAIL_QUOTE : CSV_FAIL_NOMEM,
			    t->cur_cols);
		/* A quoted cell growing across chunks: stop it before it grows on. */
		if (t->p.entry_pos > TABLE_MAX_CELL)
			csv_table_fail(t, CSV_FAIL_CELL, t->cur_cols);
	}
}

static int csv_table_report(struct csv_table *t, struct err *e)
{
	char col[TABLE_COL_NAME];
	long row = t->fail_row;
	int r;

	table_col_name(t->fail_col, col);
	switch (t->fail) {
	case CSV_FAIL_COLUMNS:
		r = err_set(e, HOSO_E_TOO_BIG, col, "Dòng %ld có quá %d cột",
		            "Row %ld has more than %d columns", row, TABLE_MAX_COLUMNS);
		break;
	case CSV_FAIL_CELL:
		r = err_set(e, HOSO_E_TOO_BIG, col, "Ô %s%ld dài quá %d byte",
		            "Cell %s%ld is longer than %d bytes", col, row, TABLE_MAX_CELL);
		break;
	case CSV_FAIL_QUOTE:
		r = err_set(e, HOSO_E_BAD_FILE, col,
		            "Dòng %ld: dấu ngoặc kép đặt sai chỗ (ô chứa dấu ngoặc kép phải "
		            "được bao trong ngoặc kép, và dấu bên trong viết thành \"\")",
		            "Row %ld: misplaced quote (a cell containing quotes must be quoted, "
		            "with the quotes inside doubled as \"\")",
		            row);
		break;
	case CSV_FAIL_EOF:
		r = err_set(e, HOSO_E_BAD_FILE, NULL,
		            "Dòng %ld: ô mở dấu ngoặc kép nhưng không đóng đến hết tệp",
		            "Row %ld: a quoted cell is not closed before the end of the file", row);
		break;
	case CSV_FAIL_IO:
		r = err_set(e, HOSO_E_IO, NULL, "Lỗi đọc tệp CSV ở dòng %ld",
		            "Error reading the CSV file at row %ld", row);
		break;
	default:
		r = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		break;
	}
	return table_err_row(e, r, row);
}

static int csv_table_next(struct table *base, struct table_row *ret, struct err *e)
{
	struct csv_table *t = (struct csv_table *)base;
	const struct csv_rec *rec;
	size_t i;

	if (t->next == t->nrecs) {
		if (t->fail)
			return csv_table_report(t, e);
		if (t->eof)
			return 0;
		csv_table_fill(t);
		if (t->next == t->nrecs)
			return t->fail ? csv_table_report(t, e) : 0;
	}
	rec = &t->recs[t->next++];
	for (i = 0; i < rec->n; i++) {
		const struct csv_span *sp = &t->spans[rec->first + i];

		t->cells[i].type = sp->len ? TABLE_CELL_TEXT : TABLE_CELL_EMPTY;
		t->cells[i].s = t->text.buf + sp->off;
		t->cells[i].len = sp->len;
		t->cells[i].num = 0;
	}
	ret->number = rec->row;
	ret->ncells = rec->n;
	ret->cells = t->cells;
	return 1;
}

static void csv_table_progress(const struct table *base, size_t *ret_done, size_t *ret_total)
{
	const struct csv_table *t = (const struct csv_table *)base;

	*ret_done = t->done;
	*ret_total = t->total;
}

static void csv_table_free(struct table *base)
{
	struct csv_table *t = (struct csv_table *)base;

	csv_free(&t->p);
	if (t->fp)
		fclose(t->fp);
	free(t->chunk);
	buf_release(&t->text);
	free(t->spans);
	free(t->recs);
	free(t);
}

static const struct table_vtab csv_table_vtab = {
    .next = csv_table_next,
    .progress = csv_table_progress,
    .free = csv_table_free,
};

/*
 * The delimiter of the first record: whichever of ',' ';' TAB occurs most
 * outside quotes before its line ends (',' on a tie or when none does).
 */
static unsigned char csv_table_delim(const unsigned char *s, size_t len)
{
	static const unsigned char cand[] = {',', ';', '\t'};
	size_t count[sizeof(cand)] = {0}, i, best = 0;
	int quoted = 0, seen = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (!quoted && (c == '\n' || c == '\r')) {
			if (seen)
				break;
			continue;
		}
		seen = 1;
		if (c == '"')
			quoted = !quoted;
		else if (!quoted)
			for (size_t k = 0; k < sizeof(cand); k++)
				if (c == cand[k])
					count[k]++;
	}
	for (i = 1; i < sizeof(cand); i++)
		if (count[i] > count[best])
			best = i;
	return cand[best];
}

/* Bytes of a UTF-8 BOM at s, 0 if none; HOSO_E_NOT_UTF8 for UTF-16/32. */
static int csv_table_bom(const unsigned char *s, size_t len, struct err *e)
{
	if ((len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) ||
	    (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF))
		return err_set(e, HOSO_E_NOT_UTF8, NULL,
		               "Tệp CSV dùng mã UTF-16 hoặc UTF-32; hãy lưu lại dưới dạng "
		               "\"CSV UTF-8\"",
		               "The CSV file is in UTF-16 or UTF-32; save it as \"CSV UTF-8\"");
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

int csv_table_open(FILE *fp, unsigned char *head, size_t headlen, size_t total, const void *data,
                   size_t len, struct table **ret, struct err *e)
{
	const unsigned char *s = fp ? head : data;
	size_t n = fp ? headlen : len;
	struct csv_table *t;
	int r, bom;

	*ret = NULL;
	t = calloc(1, sizeof(*t));
	if (!t) {
		if (fp)
			fclose(fp);
		free(head);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	t->base.format = TABLE_CSV;
	t->base.vt = &csv_table_vtab;
	buf_init(&t->text, CSV_TEXT_MAX);
	t->fp = fp;
	t->chunk = head;
	t->head = headlen;
	t->mem = data;
	t->memlen = len;
	t->total = total;
	/* Initialised before anything can fail, so csv_table_free() may run. */
	if (csv_init(&t->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
		r = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto fail;
	}
	bom = csv_table_bom(s, n, e);
	if (bom < 0) {
		r = bom;
		goto fail;
	}
	t->headoff = fp ? (size_t)bom : 0;
	t->mempos = fp ? 0 : (size_t)bom;
	t->done = (size_t)bom;
	csv_set_delim(&t->p, csv_table_delim(s + bom, n - (size_t)bom));
	*ret = &t->base;
	return 0;

fail:
	csv_table_free(&t->base);
	return r;
}
