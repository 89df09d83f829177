/*
 * table.h - reading rows from CSV and XLSX files.
 *
 * One interface over both formats, streaming row by row so a million-row
 * file never sits in memory.  A row's cells are slices into the reader's own
 * storage, valid until the next table_next() call.  The reader checks the
 * structure of the file (CSV quoting, the XLSX zip and XML), not its text:
 * the caller validates encoding with src/vi and meaning with its own rules.
 */
#ifndef HOSO_TABLE_H
#define HOSO_TABLE_H

#include <stddef.h>

#include "core/err.h"

enum table_format { TABLE_AUTO, TABLE_CSV, TABLE_XLSX, TABLE_FORMAT__MAX };

enum table_cell_type {
	TABLE_CELL_EMPTY,
	TABLE_CELL_TEXT,   /* s/len hold the text (UTF-8 as found) */
	TABLE_CELL_NUMBER, /* num holds it; s/len hold the literal as stored */
	TABLE_CELL_DATE,   /* XLSX number with a date format: num is the serial in the
	                      1900 date system (1904 workbooks are converted); s/len
	                      hold the literal as stored */
	TABLE_CELL_BOOL,   /* num is 0 or 1; s/len hold the literal ("1", "true") */
	TABLE_CELL_ERROR,  /* an Excel error value such as #N/A: s/len hold it */
	TABLE_CELL__MAX
};

struct table_cell {
	enum table_cell_type type;
	const char *s;
	size_t len;
	double num;
};

/*
 * A row: cells past ncells are empty, and the last of the ncells is never
 * empty (trailing empty cells are dropped), so ncells is never 0.  In CSV
 * the row number counts records: a quoted cell spanning lines keeps its
 * record one row, as in a spreadsheet, so it differs from the text line
 * number after such a cell.
 */
struct table_row {
	long number; /* 1-based row number in the file as a spreadsheet shows it */
	size_t ncells;
	const struct table_cell *cells; /* column 0 is A */
};

/* Limits: a reader refuses files past these with HOSO_E_TOO_BIG. */
#define TABLE_MAX_COLUMNS  256
#define TABLE_MAX_CELL     65536 /* bytes in one cell */
#define TABLE_MAX_ROWS     20000000L
#define TABLE_MAX_XML_PART (512L << 20) /* uncompressed size of one XLSX part */

struct table;

/*
 * Open a file.  TABLE_AUTO looks at the first bytes (a zip is XLSX, else
 * CSV).  For CSV: a UTF-8 BOM is skipped, a UTF-16/32 BOM is refused
 * (HOSO_E_NOT_UTF8), the delimiter (',' or ';' or tab) is detected from the
 * first line outside quotes; quoting is strict (a quote inside an unquoted
 * cell or after a closing quote is HOSO_E_BAD_FILE, never a guess) and
 * spaces around unquoted cells are dropped.  For XLSX: the first worksheet
 * in workbook order (chart sheets are passed over); shared strings, inline
 * strings, numbers, booleans, errors, and date styles (built-in date formats
 * 14-22, 45-47 and custom formats made of date/time tokens) are recognised.
 * On failure *ret is NULL and e says why.
 */
int table_open(const char *path, enum table_format fmt, struct table **ret, struct err *e);

/* The same over a buffer in memory (not copied: keep it alive until close). */
int table_open_mem(const void *data, size_t len, enum table_format fmt, struct table **ret,
                   struct err *e);

/*
 * The next non-empty row.  Returns 1 with *ret set, 0 at the end, or a
 * negative code with e set (row number in e->row).  Empty rows are skipped
 * (their numbers still count).  After an error every further call returns
 * the same code.  For XLSX the XML parser reads a little ahead, so the rows
 * just before a damaged one may not have been handed out; e->row names the
 * damaged row.
 */
int table_next(struct table *t, struct table_row *ret, struct err *e);

enum table_format table_format(const struct table *t);

/* Bytes of input consumed so far and the total (for a progress bar);
 * for XLSX, of the uncompressed sheet part. */
void table_progress(const struct table *t, size_t *ret_done, size_t *ret_total);

void table_close(struct table *t);

#endif
