/*
 * cal.h - the Vietnamese calendar: lunar dates, public holidays and working
 * days.
 *
 * Dates are day numbers (see core/date.h).  The lunar calendar is computed
 * from astronomical formulas (Meeus) at UTC+7, for solar years 1900..2100.
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

/* Replace the yearly entries (copied).  0 or HOSO_E_NOMEM/HOSO_E_INVALID. */
int cal_set_entries(struct cal *c, const struct cal_entry *e, size_t n);

/* Is the day a working day (Mon-Fri, not a holiday or day off, or an
 * announced working weekend day)? */
int cal_is_workday(const struct cal *c, int32_t day);

/* Holidays and days off of a year: the statutory ones (with compensatory
 * days) merged with the yearly entries.  *ret is malloc'd, caller frees;
 * names and sources point into static or calendar storage. */
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
 * day).  Paused days are skipped.  0, or HOSO_E_RANGE past CAL_MAX_YEAR.
 */
int cal_add_workdays(const struct cal *c, int32_t from, int n, const struct cal_pause *pauses,
		     size_t npauses, int32_t *ret);

/* Working days in (from, to]: after from, up to and including to; negative
 * when to < from.  Paused days are not counted. */
int cal_count_workdays(const struct cal *c, int32_t from, int32_t to,
		       const struct cal_pause *pauses, size_t npauses, int *ret);

#endif
