/*
 * table-rows.c - the reader contract the CSV and XLSX fuzz targets share.
 */
#include "table-rows.h"

#include <stdlib.h>

#include "core/err.h"

#include "core/banned.h"

/* Read every row, checking the contract; touch every byte of every cell. */
void fuzz_rows(struct table *t, struct err *e)
{
	struct table_row row;
	size_t done, total;
	long last = 0;
	unsigned sum = 0;
	int r;

	while ((r = table_next(t, &row, e)) == 1) {
		if (row.number <= last || row.ncells == 0 || row.ncells > TABLE_MAX_COLUMNS ||
		    row.cells[row.ncells - 1].type == TABLE_CELL_EMPTY)
			abort();
		last = row.number;
		for (size_t i = 0; i < row.ncells; i++) {
			const struct table_cell *c = &row.cells[i];

			if (c->type >= TABLE_CELL__MAX || c->len > TABLE_MAX_CELL ||
			    (c->type == TABLE_CELL_EMPTY) != (c->len == 0))
				abort();
			for (size_t k = 0; k < c->len; k++)
				sum += (unsigned char)c->s[k];
		}
		table_progress(t, &done, &total);
		if (done > total)
			abort();
	}
	if (r < 0 && (r != e->code || r <= HOSO_E__MIN))
		abort();
	/* A failed reader stays failed. */
	if (r < 0 && table_next(t, &row, e) != r)
		abort();
	(void)sum;
}

void fuzz_table(const void *data, size_t size, enum table_format fmt)
{
	struct table *t;
	struct err e;

	err_init(&e);
	if (table_open_mem(data, size, fmt, &t, &e) == 0) {
		fuzz_rows(t, &e);
		table_close(t);
	}
	err_release(&e);
}
