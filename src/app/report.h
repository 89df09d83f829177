/*
 * report.h - the figures of the periodic reports (DOMAIN.md §1, issue 6):
 * a catalogue declared once (core/figure.h: an enum and its table), live
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
#include "core/figure.h"
#include "app/case.h"

struct report_by {
	const char *dim; /* a breakdown value: inspection type, form, outcome... */
	int64_t n;
};
struct report_figure {
	const struct figure_def *def; /* figures[f].def is figure_def(f) */
	int64_t total;
	int64_t previous; /* the same period before ("so với cùng kỳ"): a year
	                   * back, or the term before for a longer period */
	struct report_by *by;
	size_t nby;
	int64_t distinct; /* def->distinct_vi: how many organisations or persons
	                   * the occurrences are about, each counted once */
	int64_t distinct_previous;
};
struct report_row {
	int64_t org; /* a child of the report's organisation (or itself) */
	const char *code, *name;
	int64_t *n; /* per figure, indexed by enum figure */
	int64_t *d; /* the distinct counts, likewise (0 where none) */
};
struct report_year {
	int year;
	int64_t *n; /* per figure, indexed by enum figure */
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
	struct report_figure *figures; /* indexed by enum figure */
	size_t nfigures;               /* FIGURE__MAX */
	struct report_row *rows;       /* by child organisation, as at the time */
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

/*
 * The records behind a figure of the report of org over p (under the
 * structure of day `structure`, or as at the time: DATE_NONE), counted
 * exactly as the report counts them: count is the report's figure (or
 * its row's, or its breakdown value's, when q names one), distinct its
 * distinct count.  A page of them: the records newest first, or for
 * q->subjects the organisations or persons they are about, those with
 * most records first.  A record whose case the reader may not open
 * today (its organisation has since left their scope) is counted and
 * listed without its case or subject.  Audited ("report_records").
 */
#define REPORT_RECORDS_MAX 500
struct report_records_query {
	enum figure figure;
	const char *dim;      /* only records with this breakdown value (NULL: any) */
	const char *row;      /* only those under this row of the report: its
	                       * organisation's code (NULL: any) */
	int subjects;         /* list the subjects, not the records */
	size_t offset, limit; /* limit 1..REPORT_RECORDS_MAX */
};
struct case_row;
struct report_record {
	int64_t case_id;
	const struct case_row *c; /* NULL: outside the reader's sight today */
	int64_t subject;          /* the organisation or person (0: none) */
	int person;
	struct case_name name; /* the subject's (NULLs: not to be shown) */
	const char *dim;
	int32_t day;
};
struct report_subject {
	int64_t id;
	int person;
	struct case_name name;
	int64_t n;       /* its records */
	int64_t case_id; /* the case of its newest record */
	int32_t day;
};
struct report_records {
	enum figure figure;
	int64_t org;
	int32_t from, to, structure;
	int64_t count, distinct;
	size_t offset, limit;
	struct report_record *records; /* the page (records mode) */
	size_t nrecords;
	struct report_subject *subjects; /* the page (subjects mode) */
	size_t nsubjects;
};
int report_records(struct app *app, const struct actor *who, int64_t org,
                   const struct report_period *p, int32_t structure,
                   const struct report_records_query *q, struct arena *a,
                   struct report_records *ret, struct err *e);
/* The name of a breakdown value of figure f ("vi_pham_phai_ky_luat": "Vi
 * phạm đến mức phải kỷ luật"): a subtype of its kind of case, a finding's
 * conclusion, a discipline form, an appraisal's outcome.  NULLs for none
 * (the empty value, an unknown code).  Static storage. */
void report_dim_name(enum figure f, const char *dim, const char **vi, const char **en);
/* {"figure", "name", "name_en", "unit", "unit_en", "org", "org_name", "from", "to",
 * "structure", "count", "offset", "limit", "records": [{"case": brief or
 * null, "subject": {"kind": "org"|"person", "id", "code", "name"} or null,
 * "dim", "date"}], "subjects": [{"kind", "id", "code", "name", "n",
 * "case"}], and for figures about organisations or persons "distinct",
 * "distinct_unit", "distinct_unit_en"} (a new reference). */
json_t *report_records_json(struct app *app, const struct actor *who,
                            const struct report_records *r, struct arena *a);

/* The report as JSON - the one view of a report, for the HTTP API and the
 * CLI alike: {"org", "name", "from", "to", "structure",
 * "previous": {"from", "to"}, "restructured": [{"date", "successions"}],
 * "figures": [{"code", "name", "name_en", "unit", "unit_en", "kind" (the
 * case kind it counts, or null), "total", "previous", "by": {dim: n},
 * and for figures about organisations or persons "distinct",
 * "distinct_previous", "distinct_unit", "distinct_unit_en"}] in report
 * order, "rows": [{"org", "name", "figures": {code: n}, "distinct":
 * {code: n}}], "years": [{"year", "figures": {code: n}}] (several
 * calendar years only), "confidentiality": 0..2, "term": "2020-2025" or
 * null, "formats": ["csv", "docx", ...] (the downloads, report_export)}
 * (a new reference). */
json_t *report_json(const struct report *r);

/* "Lập bởi <user> (<name>) lúc dd/mm/yyyy HH:MM" (Vietnam time), with the
 * English beside it when with_en, appended to out: the footer of every
 * export. */
struct buf;
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

/* Who issues the documents of organisation org (the Party format of
 * DOMAIN.md §7, for reports and papers alike): the organisation, its parent
 * (the body above), the top of its tree; their committees ("Huyện ủy Mường
 * Nhé"), the initials of its document numbers ("HU"), the place of the
 * date line ("Điện Biên"), and the lines of the header in upper case.  In
 * a; HOSO_E_NOT_FOUND when org is unknown. */
struct report_issuing {
	struct org_row o, parent, top;
	int has_parent;
	const char *issuer, *initials, *parent_issuer, *place;
	const char *superior_upper, *issuer_upper; /* the header's two lines */
	const char *sign_for;                      /* "T/M BAN THƯỜNG VỤ", "T/M CHI BỘ" */
};
int report_issuing(struct app *app, int64_t org, struct arena *a, struct report_issuing *ret);

/* The mark of a report's documents, its CSV included: "TỐI MẬT", "MẬT"
 * after the most confidential record counted, or NULL. */
const char *report_mark(const struct report *r);
/* The report's figures as plain tables, for a spreadsheet to read (what a
 * CSV carries): a heading (organisation, period, structure, the days the
 * structure changed), every figure by its code beside the same period
 * before and its distinct count, the rows by child organisation, and the
 * footer with who produced it and when (English beside).  The model lives
 * in a; nothing is audited. */
int report_tables(struct app *app, const struct actor *who, const struct report *r, struct arena *a,
                  struct doc *ret, struct err *e);

/* The formats a report downloads in, each with its document (the tables
 * for CSV, the Party's document for the others) and its writer in
 * src/export. */
enum report_format { REPORT_CSV, REPORT_DOCX, REPORT_PDF, REPORT_XLSX, REPORT_FORMAT__MAX };
/* "csv", "docx", "pdf", "xlsx": 0, or HOSO_E_BAD_ENUM. */
int report_format_parse(const char *s, enum report_format *ret);
const char *report_format_name(enum report_format f);
const char *report_format_type(enum report_format f); /* the MIME type */

/* The one download path: the report written in format f, appended to out
 * (on failure out is as it was), and the export audited.  *ret_name (in a)
 * is the file's name, "bao-cao-<org>-<from>-<to>.<format>". */
int report_export(struct app *app, const struct actor *who, const struct report *r,
                  enum report_format f, struct arena *a, struct buf *out, const char **ret_name,
                  struct err *e);

/* Recount every figure from the raw records and compare with the live
 * counters: *ret_diffs is the number of keys that differ (0: they agree).
 * Administrators of the whole tree; audited. */
int report_verify(struct app *app, const struct actor *who, int64_t *ret_diffs, struct err *e);
/* Rebuild the counters from the raw records (recovery only). */
int report_rebuild(struct app *app, const struct actor *who, struct err *e);

#endif
