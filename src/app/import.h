/*
 * import.h - importing organisations and persons from CSV or XLSX files.
 *
 * The first non-empty row is the header; columns are matched by name,
 * ignoring case and diacritics ("Họ và tên", "HO VA TEN", "họ tên").  Every
 * row is validated with the same rules as a user's edit; a bad row is
 * reported (row, column, reason in Vietnamese and English) and nothing of it
 * is written.  Valid rows go in one transaction.  With all_or_nothing any
 * bad row rejects the whole file.  A CCCD or party file number already on
 * record is a bad row unless update is set, in which case the existing
 * person is updated with the row's non-empty cells.
 */
#ifndef HOSO_APP_IMPORT_H
#define HOSO_APP_IMPORT_H

#include <stdio.h>

#include "app/app.h"

enum import_kind { IMPORT_ORGS, IMPORT_PERSONS, IMPORT_KIND__MAX };

struct import_opts {
	int all_or_nothing;
	int update;
	FILE *report;            /* one line per problem; NULL: not written */
	size_t max_report_lines; /* 0: unlimited */
	/* Called every few thousand rows with bytes done and total. */
	void (*progress)(size_t done, size_t total, long rows, void *arg);
	void *arg;
};

struct import_stats {
	long rows; /* data rows read */
	long inserted;
	long updated;
	long rejected; /* rows with a problem */
	int committed; /* 1 when the valid rows were written */
};

int import_kind_parse(const char *s, enum import_kind *ret);

/*
 * Import path.  Returns 0 when the file was read (even if some rows were
 * rejected: see stats), or a negative code when the file itself is unusable
 * (not found, not UTF-8, not CSV/XLSX, no recognisable header) or, with
 * all_or_nothing, when any row was rejected (HOSO_E_INVALID).
 */
int import_file(struct app *app, const struct actor *who, enum import_kind kind, const char *path,
                const struct import_opts *opts, struct import_stats *stats, struct err *e);

#endif
