/*
 * table-rows.h - the reader contract the CSV and XLSX fuzz targets share.
 */
#ifndef HOSO_FUZZ_TABLE_ROWS_H
#define HOSO_FUZZ_TABLE_ROWS_H

#include "import/table.h"

struct err;

/* Read every row of t, aborting when table.h's promises are broken: rows
 * ascend, cells stay within the limits, no trailing empty cell, progress
 * never passes the total, and a failed reader stays failed with its error
 * code in e.  Touches every byte of every cell. */
void fuzz_rows(struct table *t, struct err *e);

/* Open data[0..size) as a table of format fmt and, when it opens, read it
 * all with fuzz_rows. */
void fuzz_table(const void *data, size_t size, enum table_format fmt);

#endif
