/*
 * date.c - civil date arithmetic and partial dates (see date.h).
 *
 * The day-number conversions are the classic era-based algorithms (400-year
 * cycles of 146097 days), exact for the whole proleptic Gregorian range.
 */
#include "core/date.h"
#include "core/err.h"
#include "core/parse.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/banned.h"

int32_t date_days(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_civil(int32_t days, int *ret_y, int *ret_m, int *ret_d)
{
	int32_t z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = (int)(z - era * 146097);
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp + (mp < 10 ? 3 : -9);

	*ret_y = y + (m <= 2);
	*ret_m = m;
	*ret_d = d;
}

int date_weekday(int32_t days)
{
	int w = (int)((days % 7 + 7 + 4) % 7); /* 1970-01-01 was a Thursday */

	return w;
}

int date_is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap_year(y) ? 29 : dim[m];
}

int date_valid(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

int32_t date_add_years(int32_t days, int n)
{
	int y, m, d;

	date_civil(days, &y, &m, &d);
	if (d > date_days_in_month(y + n, m))
		d = date_days_in_month(y + n, m);
	return date_days(y + n, m, d);
}

void date_format_iso(int32_t days, char *out)
{
	int y, m, d;

	date_civil(days, &y, &m, &d);
	snprintf(out, DATE_BUF, "%04d-%02d-%02d", y % 10000, m, d);
}

void date_format_vn(int32_t days, char *out)
{
	int y, m, d;

	date_civil(days, &y, &m, &d);
	snprintf(out, DATE_BUF, "%02d/%02d/%04d", d, m, y % 10000);
}

static int digits(const char *s, size_t len, int *ret)
{
	int64_t v;

	if (!parse_all_digits(s, len) || parse_i64(s, len, 0, 99999, &v) < 0)
		return -1;
	*ret = (int)v;
	return 0;
}

int date_parse_iso(const char *s, size_t len, int32_t *ret)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) < 0 ||
	    digits(s + 5, 2, &m) < 0 || digits(s + 8, 2, &d) < 0 || !date_valid(y, m, d))
		return HOSO_E_BAD_DATE;
	*ret = date_days(y, m, d);
	return 0;
}

int32_t date_today(void)
{
	time_t now = time(NULL) + 7 * 3600;

	return (int32_t)(now / 86400 - (now % 86400 < 0));
}

/* The floor of each rule's range, and how many years after today its
 * ceiling is (-1: the whole calendar). */
static const struct date_rule_def {
	int first_year;
	int years_ahead;
} date_rules[DATE_RULE__MAX] = {
    [DATE_RULE_ANY] = {DATE_MIN_YEAR, -1},
    [DATE_RULE_PAST] = {1930, 0},
    [DATE_RULE_PLAN] = {1930, DATE_PLAN_YEARS},
    [DATE_RULE_BIRTH] = {1900, 0},
};

int date_rule_range(enum date_rule rule, int32_t today, int32_t *ret_min, int32_t *ret_max)
{
	const struct date_rule_def *d;

	if ((unsigned)rule >= DATE_RULE__MAX)
		return HOSO_E_INVALID;
	d = &date_rules[rule];
	*ret_min = date_days(d->first_year, 1, 1);
	*ret_max = d->years_ahead < 0 ? date_days(DATE_MAX_YEAR, 12, 31)
	                              : date_add_years(today, d->years_ahead);
	return 0;
}

int date_rule_check(enum date_rule rule, int32_t day, int32_t today, const char *field,
                    const char *label_vi, const char *label_en, struct err *e)
{
	int32_t lo, hi;
	char a[DATE_BUF], b[DATE_BUF];

	if (date_rule_range(rule, today, &lo, &hi) < 0)
		return err_set(e, HOSO_E_INVALID, field, NULL, NULL);
	if (day >= lo && day <= hi)
		return 0;
	date_format_vn(lo, a);
	date_format_vn(hi, b);
	if (day > hi && hi == today) {
		err_set(e, HOSO_E_RANGE, field, "%s không được sau hôm nay (%s)", NULL, label_vi,
		        b);
		if (e)
			err_en(e, "%s cannot be after today (%s)", label_en, b);
		return HOSO_E_RANGE;
	}
	err_set(e, HOSO_E_RANGE, field, "%s phải từ %s đến %s", NULL, label_vi, a, b);
	if (e)
		err_en(e, "%s must be from %s to %s", label_en, a, b);
	return HOSO_E_RANGE;
}

#define PDATE_MIN_YEAR 1800
#define PDATE_MAX_YEAR 2200

static int pdate_set(struct pdate *ret, int y, int m, int d)
{
	if (y < PDATE_MIN_YEAR || y > PDATE_MAX_YEAR)
		return HOSO_E_BAD_DATE;
	if (m && (m < 1 || m > 12))
		return HOSO_E_BAD_DATE;
	if (d && (!m || !date_valid(y, m, d)))
		return HOSO_E_BAD_DATE;
	ret->y = (int16_t)y;
	ret->m = (int8_t)m;
	ret->d = (int8_t)d;
	return 0;
}

int pdate_parse(const char *s, size_t len, struct pdate *ret)
{
	size_t start[3], plen[3], n = 0, i, b = 0;
	int v[3];
	char sep = 0;

	parse_trim(&s, &len);
	if (len == 0 || len > 10)
		return HOSO_E_BAD_DATE;
	for (i = 0; i <= len; i++) {
		if (i == len || s[i] == '/' || s[i] == '-' || s[i] == '.') {
			if (i < len) {
				if (sep && s[i] != sep)
					return HOSO_E_BAD_DATE;
				sep = s[i];
			}
			if (n == 3 || i == b)
				return HOSO_E_BAD_DATE;
			start[n] = b;
			plen[n] = i - b;
			if (plen[n] > 4 || digits(s + b, plen[n], &v[n]) < 0)
				return HOSO_E_BAD_DATE;
			n++;
			b = i + 1;
		}
	}
	(void)start;
	if (n == 1)
		return plen[0] == 4 ? pdate_set(ret, v[0], 0, 0) : HOSO_E_BAD_DATE;
	if (plen[0] == 4) {
		/* ISO order: yyyy-mm or yyyy-mm-dd, only with '-'. */
		if (sep != '-' || plen[1] != 2 || (n == 3 && plen[2] != 2))
			return HOSO_E_BAD_DATE;
		return pdate_set(ret, v[0], v[1], n == 3 ? v[2] : 0);
	}
	if (n == 2)
		return plen[0] <= 2 && plen[1] == 4 ? pdate_set(ret, v[1], v[0], 0)
		                                    : HOSO_E_BAD_DATE;
	if (plen[0] > 2 || plen[1] > 2 || plen[2] != 4)
		return HOSO_E_BAD_DATE;
	if (v[0] == 0 || v[1] == 0)
		return HOSO_E_BAD_DATE;
	return pdate_set(ret, v[2], v[1], v[0]);
}

void pdate_format_iso(const struct pdate *p, char *out)
{
	if (p->d)
		snprintf(out, DATE_BUF, "%04d-%02d-%02d", p->y, p->m, p->d);
	else if (p->m)
		snprintf(out, DATE_BUF, "%04d-%02d", p->y, p->m);
	else
		snprintf(out, DATE_BUF, "%04d", p->y);
}

void pdate_format_vn(const struct pdate *p, char *out)
{
	if (p->d)
		snprintf(out, DATE_BUF, "%02d/%02d/%04d", p->d, p->m, p->y);
	else if (p->m)
		snprintf(out, DATE_BUF, "%02d/%04d", p->m, p->y);
	else
		snprintf(out, DATE_BUF, "%04d", p->y);
}

int pdate_is_full(const struct pdate *p)
{
	return p->m != 0 && p->d != 0;
}

int date_from_excel_serial(double serial, int32_t *ret)
{
	double whole;

	if (!isfinite(serial) || serial < 1 || serial > 2958465)
		return HOSO_E_BAD_DATE;
	whole = floor(serial);
	if (whole == 60) /* 1900-02-29 does not exist; Excel counts it anyway */
		return HOSO_E_BAD_DATE;
	if (whole > 60)
		whole -= 1;
	/* Serial 1 is 1900-01-01. */
	*ret = date_days(1900, 1, 1) + (int32_t)whole - 1;
	return 0;
}
