/*
 * csv.h - the CSV writer: a document's tables (doc.h) as a file that a
 * spreadsheet opens as it is - UTF-8 with a byte-order mark (so that Excel
 * reads the Vietnamese letters), fields separated by commas, records by
 * CRLF (RFC 4180).
 *
 * What a CSV carries: the mark of a classified document first (a record
 * of one field), then each DOC_TABLE block in document order - its title
 * when it has one, its header row when it has one, its rows, its note -
 * with an empty line between tables, and the footer last after an empty
 * line.  The narrative (headings, paragraphs, charts, page breaks) and the
 * header fields belong to DOCX and PDF.  Text is always quoted, quotes
 * doubled; text a spreadsheet would take for a formula (starting with =,
 * +, -, @, tab or CR) gets a leading apostrophe.  Integers are plain
 * digits, so a spreadsheet reads numbers; an empty cell is an empty field.
 *
 * Named csv_doc_* beside libcsv's own csv_* (which quotes each field).
 */
#ifndef HOSO_EXPORT_CSV_H
#define HOSO_EXPORT_CSV_H

#include "core/buf.h"
#include "core/err.h"
#include "export/doc.h"

/*
 * Append the CSV file of d to out.  Returns 0, or HOSO_E_INVALID (a table
 * without columns or cells, control characters in text), HOSO_E_NOT_UTF8,
 * HOSO_E_TOO_BIG (past out's cap) or HOSO_E_NOMEM, with e filled; on
 * failure out is as it was.  The bytes depend on d alone.
 */
int csv_doc_write(const struct doc *d, struct buf *out, struct err *e);

/* One quoted field for s (NULL: an empty field), with the apostrophe
 * before a formula, appended to out: for the other CSV files hoso writes
 * (the audit trail, lists). */
int csv_doc_field(struct buf *out, const char *s);

#endif
