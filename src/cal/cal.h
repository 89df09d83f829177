/*
 * cal.h - the Vietnamese calendar: lunar dates, public holidays and working
 * days.
 *
 * Dates are day numbers (see core/date.h).  The lunar calendar is computed
 * from astronomical formulas (Meeus) at UTC+7, for solar years 1900..2100;
 * dates before 1968 follow the calendar Vietnam then kept, reckoned at
 * UTC+8 (see lunar.c).  Conversions are thread-safe.
 *
 * A struct cal holds one deployment's calendar: the statutory holidays it
 * computes itself (Labour Code 2019 art. 112) plus the yearly entries an
 * administrator edits (announced Tết spans, day swaps, make-up Saturdays,
 * extra days off).  src/cal has no SQL: the store loads the entries and
 * hands them over with cal_set_entries().
 */
#ifndef HOSO_CAL_H
#define HOSO_CAL_H

#include <stddef.h>
#include <stdint.h>

#define CAL_MIN_YEAR 1900
#define CAL_MAX_YEAR 2100

struct lunar_date {
	int year;  /* lunar year (the solar year in which it mostly falls) */
	int month; /* 1..12 */
	int day;   /* 1..30 */
	int leap;  /* 1 when month is the leap (nhuận) month */
};

/* 0 or HOSO_E_RANGE (outside 1900-01-31 .. 2100-12-31). */
int cal_solar_to_lunar(int32_t day, struct lunar_date *ret);

/* 0, HOSO_E_RANGE, or HOSO_E_BAD_DATE when no such lunar date exists
 * (day 30 of a 29-day month, a leap flag on a month that is not leap). */
int cal_lunar_to_solar(const struct lunar_date *l, int32_t *ret);

/* The leap month of a lunar year (1..12), or 0 when the year has none. */
int cal_leap_month(int lunar_year);

/* Days in a lunar month (29 or 30), or HOSO_E_BAD_DATE / HOSO_E_RANGE. */
int cal_lunar_month_days(int lunar_year, int month, int leap);

/* Kinds of yearly entries. */
enum cal_entry_kind {
	CAL_DAY_OFF,  /* a day off: announced holiday, Tết day, swapped day off */
	CAL_WORK_DAY, /* a working day on a weekend: make-up Saturday */
	CAL_NOT_OFF,  /* cancels a statutory holiday the rules would compute */
	CAL_ENTRY__MAX
};

struct cal_entry {
	int32_t day;
	enum cal_entry_kind kind;
	const char *name;   /* "Tết Nguyên đán", "Làm bù cho ngày 02/01/2023" */
	const char *source; /* deciding document: "Thông báo 6150/TB-LĐTBXH" */
};

/* Name of an entry kind: "off", "work", "not_off"; NULL when out of range. */
const char *cal_entry_kind_name(enum cal_entry_kind k);
int cal_entry_kind_parse(const char *s, enum cal_entry_kind *ret);

/* The announced entries shipped with hoso (2015 onward), static storage. */
const struct cal_entry *cal_default_entries(size_t *ret_n);

struct cal;

/* A calendar with no yearly entries (statutory rules only).  NULL on OOM. */
struct cal *cal_new(void);
void cal_free(struct cal *c);

/*
 * Replace the yearly entries (copied, strings too).  0 or HOSO_E_NOMEM /
 * HOSO_E_INVALID (kind out of range, NULL name, day outside 1900..2100, two
 * entries on one day); on error c is unchanged.  Not safe while other
 * threads read c: build a new calendar and swap it in instead.
 *
 * Entries override the statutory day they fall on.  Two holidays are
 * announced as spans: when any entry lies within 15 days of Tết (1/1 lunar),
 * the computed Tết days and their compensatory days are dropped and the
 * entries alone give that year's Tết; likewise an entry within 8 days of 2/9
 * replaces the computed adjacent day of 2/9 and its compensation.
 */
int cal_set_entries(struct cal *c, const struct cal_entry *e, size_t n);

/* Is the day a working day (Mon-Fri, not a holiday or day off, or an
 * announced working weekend day)?  Outside 1900..2100: Mon-Fri. */
int cal_is_workday(const struct cal *c, int32_t day);

/*
 * Holidays and days off of a year: the statutory ones (with compensatory
 * days) merged with the yearly entries, one row a day, sorted; an entry
 * replaces a statutory row on its day, and CAL_WORK_DAY / CAL_NOT_OFF
 * entries are listed with their kind.  *ret is malloc'd, caller frees;
 * names and sources point into static or calendar storage (valid until the
 * next cal_set_entries or cal_free).  0, HOSO_E_RANGE or HOSO_E_NOMEM.
 *
 * Statutory (Labour Code 2019 art. 112): 1/1; Tết: the last day of the
 * lunar year and 1..4 Giêng; Giỗ Tổ 10/3 lunar; 30/4; 1/5; 2/9 and, from
 * 2021, one adjacent day (1/9 when 2/9 is a Tuesday, Friday or Saturday,
 * else 3/9).  A holiday on Saturday or Sunday gives a compensatory day on
 * the next working day (art. 111(3)).
 */
struct cal_holiday {
	int32_t day;
	enum cal_entry_kind kind;
	const char *name;
	const char *source; /* "Bộ luật Lao động 2019, Điều 112" for statutory */
};
int cal_holidays(const struct cal *c, int year, struct cal_holiday **ret, size_t *ret_n);

/* A clock pause: working days in [from, to] (inclusive) do not count. */
struct cal_pause {
	int32_t from;
	int32_t to;
};

/*
 * The day that is n working days after from (n >= 0; from itself does not
 * count; n = 0 returns from when it is a working day, else the next working
 * day).  Paused days are skipped.  0, HOSO_E_RANGE (from or the result
 * outside 1900..2100) or HOSO_E_INVALID (n < 0, a pause with from > to).
 */
int cal_add_workdays(const struct cal *c, int32_t from, int n, const struct cal_pause *pauses,
                     size_t npauses, int32_t *ret);

/* Working days in (from, to]: after from, up to and including to; negative
 * (minus the count in (to, from]) when to < from.  Paused days are not
 * counted.  0, HOSO_E_RANGE or HOSO_E_INVALID (as above). */
int cal_count_workdays(const struct cal *c, int32_t from, int32_t to,
                       const struct cal_pause *pauses, size_t npauses, int *ret);

#endif
