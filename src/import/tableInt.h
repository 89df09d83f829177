/*
 * tableInt.h - what the table readers share (table.c, csv.c, xlsx.c).
 *
 * A reader is a struct that starts with struct table (so a pointer to one is
 * a pointer to the other) and fills in a table_vtab.  table.c sniffs the
 * format, opens the right reader and wraps its calls with the checks common
 * to both: the row limit and a sticky error, so a reader is never called
 * again after it failed.
 */
#ifndef HOSO_TABLE_INT_H
#define HOSO_TABLE_INT_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "import/table.h"

/* Bytes read from a file or taken from a buffer at a time. */
#define TABLE_CHUNK ((size_t)64 << 10)

struct table_vtab {
	/* 1 with *ret set, 0 at the end, or a negative code with e set. */
	int (*next)(struct table *t, struct table_row *ret, struct err *e);
	void (*progress)(const struct table *t, size_t *ret_done, size_t *ret_total);
	/* Frees everything, also a half-built reader. */
	void (*free)(struct table *t);
};

struct table {
	enum table_format format;
	const struct table_vtab *vt;
	int failed; /* the code of the first error; table_next returns it again */
};

/*
 * Open a CSV reader.  File input: fp (taken over: closed by the reader, also
 * on failure) with the first bytes already read into head[0..headlen) (taken
 * over too, malloc'ed, TABLE_CHUNK bytes); total is the file size or 0 when
 * unknown.  Memory input: fp NULL, head NULL, data/len the whole file (not
 * copied).
 */
int csv_table_open(FILE *fp, unsigned char *head, size_t headlen, size_t total, const void *data,
                   size_t len, struct table **ret, struct err *e);

/* Open an XLSX reader on the file at path, or on data/len when path is NULL. */
int xlsx_table_open(const char *path, const void *data, size_t len, struct table **ret,
                    struct err *e);

/* Column letters as a spreadsheet shows them: 0 is "A", 26 is "AA". */
#define TABLE_COL_NAME 8
void table_col_name(int col, char out[TABLE_COL_NAME]);

/*
 * Make room for need elements of size bytes in *arr, which holds *alloc.
 * 0, HOSO_E_NOMEM, or HOSO_E_TOO_BIG past max elements; *arr is kept on
 * failure.
 */
int table_array_grow(void **arr, size_t *alloc, size_t need, size_t size, size_t max);

/* Record the row of a failure in e (which may be NULL); returns code. */
int table_err_row(struct err *e, int code, long row);

#endif
