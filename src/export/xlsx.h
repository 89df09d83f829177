/*
 * xlsx.h - the XLSX writer: the statistical appendix of a document (doc.h)
 * as a workbook that Excel and LibreOffice open, print and recalculate.
 *
 * One worksheet per DOC_TABLE block, in document order, named from the
 * table's sheet (made valid and unique; "Biểu N" when there is none): the
 * mark (bold red), the issuer, the type and summary and the caption above
 * the table; the header row (repeated on every printed page, panes frozen
 * below it); integers as numbers shown with Vietnamese digit grouping
 * ("2.611"); the total row as SUM formulas; the note and the footer below.
 * Printed on A4 (landscape past 5 columns), fit to the page width, with the
 * footer and "page/pages" at the foot of every page.  One worksheet
 * "Biểu đồ N" per DOC_CHART block holds its data and a native column chart.
 * A document with neither tables nor charts gives one sheet that says so.
 * The other blocks (the narrative) belong to DOCX and PDF.
 */
#ifndef HOSO_EXPORT_XLSX_H
#define HOSO_EXPORT_XLSX_H

#include "core/buf.h"
#include "core/err.h"
#include "export/doc.h"

/*
 * Append the .xlsx file of d to out.  Returns 0, HOSO_E_INVALID (a table
 * without columns, a chart without values, a string Excel cannot hold),
 * HOSO_E_TOO_BIG (past out's cap or Excel's row and column limits),
 * HOSO_E_NOMEM or HOSO_E_IO (the temporary file libxlsxwriter writes), with
 * e filled; on failure out is as it was.  The bytes depend on d alone:
 * d->created is the workbook's creation time (0 is written as one second
 * past the epoch, never as the current time).  The temporary file lives in
 * $TMPDIR (or /tmp) while the call runs.
 */
int xlsx_write(const struct doc *d, struct buf *out, struct err *e);

#endif
