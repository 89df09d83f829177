/*
 * reportInt.h - what the report (report.c) shares with the list of the
 * records behind its figures (report-records.c): placing a record under
 * a structure date, and the deadline figures computed when the report is
 * made.  For those two files only: the list must count exactly as the
 * report does.
 */
#ifndef HOSO_APP_REPORTINT_H
#define HOSO_APP_REPORTINT_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/deadline.h"
#include "core/arena.h"
#include "core/figure.h"
#include "store/store.h"

/* Under a structure date: each organisation counted, mapped to its
 * successor on that day, then to the child of the root it sits under.  The
 * placements are remembered for the whole report (the period and the one
 * before it are placed alike) in two open-addressing tables: by the
 * organisation counted, and by its successor. */
struct memo {
	struct placed {
		int64_t org, top; /* org 0: an empty slot; top 0: not under the root */
	} * v;
	size_t cap, n; /* cap a power of two, n < cap / 2 */
};

struct restructure {
	struct app *app;
	int64_t root;
	int32_t day;
	struct memo placed, tops;
};

/* The child of the root that org's successor on the structure date sits
 * under; 0 when it is not under the root. */
int64_t report_placed_top(struct restructure *x, int64_t org);
void report_restructure_release(struct restructure *x);

/* What the deadline figures are computed with: the calendar, the rules of
 * a traveller's report and of a letter's answer, every rule in force (a
 * denunciation's or complaint's are those of its kind: the resolution, an
 * extension), and today; the store, for a case's history. */
struct report_deadlines {
	struct app *app;
	const struct cal *cal;
	const struct deadline_rule *report_rule, *letter_rule;
	const struct deadline_rule *rules;
	size_t nrules;
	int32_t today;
};
int report_deadlines_load(struct app *app, struct arena *a, struct report_deadlines *ret);

/* Whether a line's figure is computed from a deadline (a traveller, a
 * letter, a denunciation or complaint case) rather than read. */
int report_line_timed(enum report_line line);

/* The figure a traveller's report, a letter's answer or a case's
 * resolution (a timed line) counts in, by its deadline as of today:
 * FIGURE__MAX for none (in time and not yet done, or a letter answered in
 * time); *ret_rc < 0 on error. */
enum figure report_deadline_figure(const struct report_deadlines *dl,
                                   const struct report_cell *cell, int *ret_rc);

#endif
