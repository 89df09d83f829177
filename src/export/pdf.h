/*
 * pdf.h - the PDF writer: a Party document (doc.h) laid out on A4 pages
 * with cairo and pango, in Liberation Serif (metric twin of Times New
 * Roman), with its fonts embedded.
 */
#ifndef HOSO_EXPORT_PDF_H
#define HOSO_EXPORT_PDF_H

#include "core/buf.h"
#include "core/err.h"
#include "export/doc.h"

/* Limits of what fits on an A4 page; a document beyond them is refused. */
#define PDF_MAX_COLS 32 /* columns of a table */
#define PDF_MAX_BARS 60 /* categories of a chart */

/*
 * Append a complete PDF of d to out.  The bytes depend only on d (the
 * creation date comes from d->created), so the same document gives the same
 * file.  Returns 0, or HOSO_E_TOO_BIG when the file would pass out's cap,
 * HOSO_E_NOT_UTF8 for text that is not UTF-8, HOSO_E_INVALID or
 * HOSO_E_RANGE for a malformed document, HOSO_E_NOMEM; on failure e says
 * why and out is unchanged.
 */
int pdf_write(const struct doc *d, struct buf *out, struct err *e);

#endif
