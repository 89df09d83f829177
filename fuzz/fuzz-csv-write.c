/*
 * fuzz-csv-write.c - libFuzzer target for the CSV writer (export/csv.c), the
 * boundary where any text becomes CSV: the input, split at NUL bytes, is a
 * row of text cells (an integer cell after them).  When every text is one a
 * writer can carry, the file must read back through libcsv's strict parser
 * to exactly those fields, each with the apostrophe before a formula;
 * otherwise the write must fail and leave the buffer as it was.
 */
#include <csv.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/buf.h"
#include "core/err.h"
#include "export/csv.h"
#include "export/doc.h"

#define MAX_CELLS 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct readback {
	const struct doc_cell *want;
	size_t n, ncells, records;
};

/* Each field read must be the next cell as written (CSV_EMPTY_IS_NULL
 * gives NULL for an empty unquoted field: the integer cell is not empty). */
static void field(void *s, size_t len, void *data)
{
	struct readback *r = data;
	const struct doc_cell *c = &r->want[r->n++];
	char num[24];
	const char *text = c->text;
	size_t skip = 0;

	if (r->n > r->ncells)
		abort();
	if (c->kind == DOC_CELL_INT) {
		snprintf(num, sizeof(num), "%lld", (long long)c->n);
		text = num;
	} else if (text[0] && strchr("=+-@\t\r", text[0])) {
		if (len == 0 || ((const char *)s)[0] != '\'')
			abort();
		skip = 1;
	}
	if (!s ? *text != '\0'
	       : len - skip != strlen(text) ||
	             memcmp((const char *)s + skip, text, len - skip) != 0)
		abort();
}

static void record(int c, void *data)
{
	(void)c;
	((struct readback *)data)->records++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = fuzz_string(data, size);
	struct doc_cell cells[MAX_CELLS + 1];
	struct doc_table t = {.nrows = 1, .cells = cells};
	struct doc_block b = {.kind = DOC_TABLE, .table = &t};
	struct doc d = {.blocks = &b, .nblocks = 1};
	struct buf out = BUF_INIT(1 << 20);
	struct readback r = {.want = cells};
	struct csv_parser p;
	int ok = 1, rc;
	struct err e;

	if (!copy)
		return 0;
	for (char *s = copy; t.ncols < MAX_CELLS && s <= copy + size; s += strlen(s) + 1) {
		cells[t.ncols++] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = s};
		ok = ok && doc_text_check(s) == 0;
	}
	cells[t.ncols++] = (struct doc_cell){.kind = DOC_CELL_INT, .n = (int64_t)size * -7};
	err_init(&e);
	rc = buf_adds(&out, "x");
	if (rc == 0)
		rc = csv_doc_write(&d, &out, &e);
	if (!ok) {
		if (rc == 0 || out.len != 1)
			abort();
	} else if (rc == 0) {
		if (out.len < 4 || memcmp(out.buf + 1, "\xef\xbb\xbf", 3) != 0 ||
		    csv_init(&p, CSV_STRICT | CSV_EMPTY_IS_NULL) != 0)
			abort();
		r.ncells = t.ncols;
		if (csv_parse(&p, out.buf + 4, out.len - 4, field, record, &r) != out.len - 4 ||
		    csv_fini(&p, field, record, &r) != 0 || r.n != t.ncols || r.records != 1)
			abort();
		csv_free(&p);
	} else if (rc != HOSO_E_TOO_BIG || out.len != 1) {
		abort();
	}
	err_release(&e);
	buf_release(&out);
	free(copy);
	return 0;
}
