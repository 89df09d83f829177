/*
 * report.h - the figures of the periodic reports (DOMAIN.md §1, issue 6):
 * a catalogue declared once (metric codes, names, what they count), live
 * counters kept by the store in the writers' own transactions, and the
 * figures of an organisation's subtree over a period, as at the time of
 * each record.  Scope and clearance apply: a report is for an organisation
 * in the reader's scope, and counts only records up to the reader's
 * clearance; every report is in the audit trail.
 */
#ifndef HOSO_APP_REPORT_H
#define HOSO_APP_REPORT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"

/* Where a figure comes from: the live counters (by the store's definition
 * of the same code), or a deadline computed with the calendar when the
 * report is made - a traveller's return report, a verification letter's
 * answer - since working days, holidays and the rules' days cannot be
 * counted ahead by a trigger. */
enum metric_deadline { METRIC_COUNTED, METRIC_TRAVELLER, METRIC_LETTER };

struct metric {
	const char *code; /* "kt_to_chuc" */
	const char *vi, *en;
	const char *unit_vi, *unit_en;         /* what one counts: "lượt", "hồ sơ" */
	const char *what;                      /* how it is counted (English) */
	const char *distinct_vi, *distinct_en; /* what the distinct count beside
	                                        * the occurrences counts ("tổ
	                                        * chức"); NULL: none */
	enum metric_deadline deadline;
};

/* The catalogue, in report order; n set to its length. */
const struct metric *metrics(size_t *n);
const struct metric *metric_find(const char *code);

struct report_by {
	const char *dim; /* a breakdown value: inspection type, form, outcome... */
	int64_t n;
};
struct report_figure {
	const struct metric *m;
	int64_t total;
	int64_t previous; /* the same period before ("so với cùng kỳ"): a year
	                   * back, or the term before for a longer period */
	struct report_by *by;
	size_t nby;
	int64_t distinct; /* m->distinct_vi: how many organisations or persons
	                   * the occurrences are about, each counted once */
	int64_t distinct_previous;
};
struct report_row {
	int64_t org; /* a child of the report's organisation (or itself) */
	const char *code, *name;
	int64_t *n; /* per figure, in catalogue order */
	int64_t *d; /* the distinct counts, likewise (0 where none) */
};
struct report_year {
	int year;
	int64_t *n; /* per figure, in catalogue order */
};
struct report_change {
	int32_t day; /* the structure changed on this day, within the period */
	int64_t n;   /* successions that day */
};
struct report {
	int64_t org;
	const char *code, *name;
	int32_t from, to;
	int32_t prev_from, prev_to; /* the same period before */
	int32_t structure;          /* DATE_NONE: as at the time of each record */
	struct report_change *changes;
	size_t nchanges;
	struct report_figure *figures; /* in catalogue order */
	size_t nfigures;
	struct report_row *rows; /* by child organisation, as at the time */
	size_t nrows;
	struct report_year *years; /* a period over several calendar years:
	                            * each year's totals (within the period, as
	                            * at the time), for trend charts */
	size_t nyears;
	int conf;                  /* the highest confidentiality among the records counted
	                            * (enum clearance): the document's mark */
	int term_first, term_last; /* a party term's years ("nhiệm kỳ
	                            * 2020-2025"); 0: not a term */
};

/* A report's period: its days, the days of the same period before ("so
 * với cùng kỳ"), and for a party term its years. */
struct report_period {
	int32_t from, to;
	int32_t prev_from, prev_to;
	int term_first, term_last; /* 0: not a term */
};

/* Whether a period is well formed, before anything is looked up: a name
 * (period.h's forms, or a term "NK2020-2025") or from..to, not both.
 * HOSO_E_BAD_DATE, HOSO_E_MISSING or HOSO_E_INVALID naming "period",
 * "from" or "to". */
int report_period_check(const char *name, int32_t from, int32_t to, struct err *e);

/* The period named (name) or from..to for a report of org.  The period
 * before is a year back for a year or less, else as many whole years as
 * the period spans; for a term, the term before it (term.h).
 * HOSO_E_NOT_FOUND (field "period") for a term not recorded for org or
 * above it. */
int report_period_of(struct app *app, const struct actor *who, int64_t org, const char *name,
                     int32_t from, int32_t to, struct arena *a, struct report_period *ret,
                     struct err *e);

/* The figures of org's subtree over from..to, under the structure of the
 * day `structure`: each record counted under its organisation's successor
 * on that day (merges, splits, dissolutions; DOMAIN.md §2), rows by org's
 * children then.  structure = DATE_NONE: as at the time of each record,
 * rows by the children it then sat under.  HOSO_E_NOT_FOUND when org is not
 * in the reader's scope; HOSO_E_BAD_DATE when to < from. */
int report_figures(struct app *app, const struct actor *who, int64_t org, int32_t from, int32_t to,
                   int32_t structure, struct arena *a, struct report *ret, struct err *e);
/* The same for a period from report_period_of (a term, its own period
 * before). */
int report_run(struct app *app, const struct actor *who, int64_t org, const struct report_period *p,
               int32_t structure, struct arena *a, struct report *ret, struct err *e);

/* The report as JSON: {"org", "name", "from", "to", "structure",
 * "previous": {"from", "to"}, "restructured": [{"date", "successions"}],
 * "figures": [{"code", "name", "name_en", "unit", "total", "previous",
 * "by": {dim: n}}],
 * "distinct", "distinct_previous", "distinct_unit", "distinct_unit_en"
 * (figures about organisations or persons)}],
 * "rows": [{"org", "name", "figures": {code: n}, "distinct": {code: n}}],
 * "years": [{"year", "figures": {code: n}}] (several calendar years only),
 * "confidentiality": 0..2, "term": "2020-2025" or null} (a new
 * reference). */
json_t *report_json(const struct report *r);

/* The report as CSV (UTF-8 with a BOM, for Excel): a heading, the figures
 * with the same period a year before, the rows by child organisation, and
 * a footer saying who produced it and when; appended to out; audited as an
 * export. */
struct buf;
int report_export_csv(struct app *app, const struct actor *who, const struct report *r,
                      struct arena *a, struct buf *out, struct err *e);

/* "Lập bởi <user> (<name>) lúc dd/mm/yyyy HH:MM" (Vietnam time), with the
 * English beside it when with_en, appended to out: the footer of every
 * export. */
int report_produced_by(struct app *app, const struct actor *who, struct arena *a, int with_en,
                       struct buf *out);

/* The Party's own document of a report (DOMAIN.md §7): the committee's
 * header, section I with the figures beside the same period before, the
 * narrative sections II-V as headings with hints for staff to write, the
 * appendix by organisation below (and by year over several years), the
 * mark of the most confidential record counted, and a footer with who
 * produced it and when.  The model lives in a; nothing is audited. */
struct doc;
int report_document(struct app *app, const struct actor *who, const struct report *r,
                    struct arena *a, struct doc *ret, struct err *e);

enum report_format { REPORT_DOCX, REPORT_PDF, REPORT_XLSX, REPORT_FORMAT__MAX };
int report_format_parse(const char *s, enum report_format *ret); /* "docx", "pdf", "xlsx" */
const char *report_format_name(enum report_format f);
const char *report_format_type(enum report_format f); /* the MIME type */

/* The document written as DOCX, PDF or XLSX (the statistical tables),
 * appended to out; audited as an export. */
int report_export_doc(struct app *app, const struct actor *who, const struct report *r,
                      enum report_format f, struct arena *a, struct buf *out, struct err *e);

/* Recount every figure from the raw records and compare with the live
 * counters: *ret_diffs is the number of keys that differ (0: they agree).
 * Administrators of the whole tree; audited. */
int report_verify(struct app *app, const struct actor *who, int64_t *ret_diffs, struct err *e);
/* Rebuild the counters from the raw records (recovery only). */
int report_rebuild(struct app *app, const struct actor *who, struct err *e);

#endif
