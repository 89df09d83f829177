/*
 * date.h - civil dates (proleptic Gregorian) as day numbers, and partial
 * dates as people know them ("born 1962", "admitted 03/1985").
 *
 * A day number counts days from 1970-01-01 (day 0); it is what src/cal does
 * arithmetic on.  Business dates are civil dates in Asia/Ho_Chi_Minh and are
 * stored as ISO text ("2025-07-01"), which sorts correctly.
 */
#ifndef HOSO_DATE_H
#define HOSO_DATE_H

#include <stddef.h>
#include <stdint.h>

struct err;

#define DATE_OPEN INT32_MAX /* an interval without end */
#define DATE_NONE INT32_MIN /* no date recorded */

#define DATE_MIN_YEAR 1
#define DATE_MAX_YEAR 9999

int32_t date_days(int y, int m, int d);
void date_civil(int32_t days, int *ret_y, int *ret_m, int *ret_d);
int date_weekday(int32_t days); /* 0 = Sunday .. 6 = Saturday */
int date_is_leap_year(int y);
int date_days_in_month(int y, int m);
int date_valid(int y, int m, int d);
/* The same day n years later (n < 0: earlier); 29/2 becomes 28/2. */
int32_t date_add_years(int32_t days, int n);

/* Output buffers for the formatters below are DATE_BUF bytes. */
#define DATE_ISO_LEN 10
#define DATE_BUF     24
/* "2025-07-01" into out. */
void date_format_iso(int32_t days, char *out);
/* "01/07/2025" into out. */
void date_format_vn(int32_t days, char *out);

/* Strict yyyy-mm-dd.  0 or HOSO_E_BAD_DATE. */
int date_parse_iso(const char *s, size_t len, int32_t *ret);

/* Today's civil date in Asia/Ho_Chi_Minh (UTC+7, no DST). */
int32_t date_today(void);

/*
 * The sensible range of a kind of date a person types (docs/dates.md), one
 * table indexed by the enum.  A fact that has happened (a case opened, a
 * step taken, a decision, a letter sent) is not after today; a date
 * planned ahead (a remedy's due date, a trip, a stay, an organisation's
 * change) is at most DATE_PLAN_YEARS ahead; neither is before 1930, when
 * the Party was founded.  A birth date is from 1900 to today.  The web
 * UI's date fields keep the same table (web/src/dates.ts).
 */
enum date_rule {
	DATE_RULE_ANY,   /* any real date: filters, report periods */
	DATE_RULE_PAST,  /* a fact: 01/01/1930 .. today */
	DATE_RULE_PLAN,  /* planned: 01/01/1930 .. today + DATE_PLAN_YEARS */
	DATE_RULE_BIRTH, /* 01/01/1900 .. today */
	DATE_RULE__MAX
};
#define DATE_PLAN_YEARS 5

/* The first and last day of rule's range on the day today (DATE_RULE_ANY:
 * the whole calendar).  0, or HOSO_E_INVALID for an unknown rule. */
int date_rule_range(enum date_rule rule, int32_t today, int32_t *ret_min, int32_t *ret_max);

/*
 * 0 when day is within rule's range on the day today, else HOSO_E_RANGE
 * with a message naming the field by its label (label_vi "Ngày mở hồ sơ",
 * label_en "Opening date") and the range in dd/mm/yyyy, in e under the
 * field name field.  e may be NULL.
 */
int date_rule_check(enum date_rule rule, int32_t day, int32_t today, const char *field,
                    const char *label_vi, const char *label_en, struct err *e);

/*
 * A partial date: year always known, month and day 0 when unknown.
 */
struct pdate {
	int16_t y;
	int8_t m;
	int8_t d;
};

/*
 * Parse a date as Vietnamese users type it: dd/mm/yyyy (also with '-' or '.'
 * as separator and one-digit day or month), mm/yyyy, yyyy, or ISO
 * yyyy-mm-dd / yyyy-mm.  Years 1800..2200.  0 or HOSO_E_BAD_DATE.
 */
int pdate_parse(const char *s, size_t len, struct pdate *ret);

/* Storage form: "1962", "1985-03" or "1985-03-12"; out is DATE_BUF bytes. */
void pdate_format_iso(const struct pdate *p, char *out);
/* Display form: "1962", "03/1985" or "12/03/1985"; out is DATE_BUF bytes. */
void pdate_format_vn(const struct pdate *p, char *out);
int pdate_is_full(const struct pdate *p);

/* An Excel serial day (1900 date system, with its 1900-02-29 bug). */
int date_from_excel_serial(double serial, int32_t *ret);

#endif
