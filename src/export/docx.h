/*
 * docx.h - the DOCX writer: a Party document (doc.h) as a Word file that
 * Word and LibreOffice open, laid out per Hướng dẫn 36-HD/VPTW.
 */
#ifndef HOSO_EXPORT_DOCX_H
#define HOSO_EXPORT_DOCX_H

#include "core/buf.h"
#include "core/err.h"
#include "export/doc.h"

/*
 * Append a complete .docx (a zip of WordprocessingML parts) for d to out.
 * The bytes depend only on d (the zip entries and the properties carry
 * d->created, never the current time).  Returns 0, or a negative HOSO_E_*
 * code with e filled: HOSO_E_INVALID for a malformed model (a table with no
 * columns, a heading level outside 1..3, control characters in text),
 * HOSO_E_NOT_UTF8, HOSO_E_TOO_BIG when out's cap is too small, HOSO_E_NOMEM.
 * On failure out is unchanged.
 */
int docx_write(const struct doc *d, struct buf *out, struct err *e);

#endif
