/*
 * doc.h - a document as the writers see it (DOCX, PDF, XLSX, CSV): a Party
 * document in the format of Hướng dẫn 36-HD/VPTW (DOMAIN.md §7), as the
 * header fields and a list of blocks.  XLSX and CSV carry its tables only.
 *
 * The model knows nothing of cases or reports: src/app fills it (figures,
 * tables, the narrative headings staff write under) and a writer in this
 * module lays it out.  All text is UTF-8 in NFC, owned by the caller and
 * alive while a writer runs.  Optional strings may be NULL.  Writers append
 * the whole file to a buffer, so the same bytes go to a file (CLI) or a
 * response (HTTP); they write nothing on failure.
 *
 * The layout every writer follows, top to bottom:
 *
 *   superior                        ĐẢNG CỘNG SẢN VIỆT NAM   (bold, ruled)
 *   ISSUER (bold)
 *   *                               place_date (italic)
 *   number
 *                         [mark: MẬT / TỐI MẬT, bold, boxed]
 *                         TYPE (bold, 15 pt)
 *                         summary (bold, may hold "\n")
 *   blocks... (body 14 pt, justified, first-line indent)
 *   recipients (left)               sign_for / sign_title / signer (right)
 *   footer on every page: footer text (small) and the page number
 */
#ifndef HOSO_EXPORT_DOC_H
#define HOSO_EXPORT_DOC_H

#include <stddef.h>
#include <stdint.h>

enum doc_block_kind {
	DOC_HEADING,     /* level 1: "I. KẾT QUẢ …" (bold, upper case as given);
	                  * level 2: "1. …" (bold); level 3: "a) …" (bold italic) */
	DOC_PARA,        /* a body paragraph */
	DOC_PLACEHOLDER, /* where staff write the narrative: shown as a hint in
	                  * italic (grey in PDF), a paragraph of its own */
	DOC_TABLE,
	DOC_CHART,
	DOC_PAGE_BREAK, /* e.g. before the statistical appendix */
};

enum doc_cell_kind {
	DOC_CELL_TEXT,
	DOC_CELL_INT, /* n; written "2.611" (Vietnamese grouping) in DOCX and
	               * PDF, a number with a Vietnamese format in XLSX */
	DOC_CELL_EMPTY,
};

struct doc_cell {
	enum doc_cell_kind kind;
	const char *text; /* DOC_CELL_TEXT */
	int64_t n;        /* DOC_CELL_INT */
};

struct doc_table {
	const char *title; /* the caption above it: "Biểu 1. Kết quả kiểm tra" */
	const char *sheet; /* XLSX sheet name (≤ 31 characters, no []:*?/\) */
	size_t ncols;
	const char *const *head; /* ncols column headings; repeated at the top
	                          * of every page the table spans (NULL: none,
	                          * which PDF refuses) */
	const double *widths;    /* ncols relative widths (NULL: equal) */
	size_t nrows;
	const struct doc_cell *cells; /* nrows × ncols, row by row */
	int total_row;                /* the last row is the total of the rows above: bold;
	                               * in XLSX its integer cells are SUM formulas */
	const char *note;             /* a footnote under the table (italic), or NULL */
};

struct doc_chart {
	const char *title;
	size_t n;
	const char *const *labels; /* n category labels */
	const int64_t *values;     /* n values, first series */
	const char *series;        /* the first series' name, or NULL */
	const int64_t *values2;    /* a second series (e.g. the period before), or NULL */
	const char *series2;
};

struct doc_block {
	enum doc_block_kind kind;
	int level;        /* DOC_HEADING: 1..3 */
	const char *text; /* DOC_HEADING, DOC_PARA, DOC_PLACEHOLDER */
	const struct doc_table *table;
	const struct doc_chart *chart;
};

struct doc {
	const char *mark;       /* "MẬT", "TỐI MẬT" or NULL (unclassified) */
	const char *superior;   /* "ĐẢNG BỘ TỈNH ĐIỆN BIÊN" */
	const char *issuer;     /* "TỈNH ỦY" */
	const char *number;     /* "Số 123-BC/TU" (no colon: a Party document) */
	const char *place_date; /* "Điện Biên, ngày 15 tháng 11 năm 2019" */
	const char *type;       /* "BÁO CÁO" */
	const char *summary;    /* "Sơ kết 5 năm thực hiện Chỉ thị 39-CT/TW …" */
	const struct doc_block *blocks;
	size_t nblocks;
	const char *sign_for;          /* "T/M BAN THƯỜNG VỤ" */
	const char *sign_title;        /* "BÍ THƯ" */
	const char *signer;            /* a name, or NULL to leave the space */
	const char *const *recipients; /* the "Nơi nhận:" lines */
	size_t nrecipients;
	const char *footer; /* "Xuất bởi … lúc …": on every page, small */
	const char *title;  /* document properties (DOCX/PDF/XLSX metadata) */
	const char *author;
	int64_t created; /* Unix seconds, UTC: the properties' creation time, so
	                  * the same document gives the same bytes */
};

/* n with Vietnamese digit grouping ("2.611", "-1.234.567") into out, which
 * holds at least DOC_INT_MAX bytes; returns out. */
#define DOC_INT_MAX 32
char *doc_int(int64_t n, char *out);

/* The date of a document's place line, "ngày 05 tháng 01 năm 2020": days
 * below 10 and the months 1 and 2 take a leading 0 (36-HD/VPTW), so the
 * line cannot be altered by adding a digit; out holds DOC_DATE_MAX bytes. */
#define DOC_DATE_MAX 48
char *doc_date(int y, int m, int d, char *out);

/* Whether a writer can carry text s: 0, HOSO_E_NOT_UTF8 for bytes that are
 * not UTF-8, HOSO_E_INVALID for control characters but tab, line feed and
 * carriage return, surrogates, U+FFFE or U+FFFF (XML cannot hold them, and
 * no text hoso keeps has them). */
int doc_text_check(const char *s);

#endif
