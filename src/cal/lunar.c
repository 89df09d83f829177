/*
 * lunar.c - the Vietnamese lunar calendar, computed from astronomy.
 *
 * Everything is derived from two quantities taken from Meeus, Astronomical
 * Algorithms (2nd ed.): the instant of each true new moon (ch. 49: mean
 * phase plus the periodic and planetary corrections) and the Sun's apparent
 * longitude (ch. 25, the low-accuracy theory, good to 0.01 degree).  Both
 * are in Terrestrial Time; Universal Time is TT minus Delta T, taken from
 * the Espenak-Meeus polynomials (NASA, 2006).
 *
 * The rules:
 *   - a month starts on the local civil day that contains the new moon;
 *   - month 11 is the month that contains the winter solstice (the Sun's
 *     longitude reaching 270 degrees);
 *   - when 13 months start between two month-11s, the first of them after
 *     month 11 that contains no principal term (a multiple of 30 degrees)
 *     is the leap month; it repeats the number of the month before it;
 *   - "local" is UTC+7 from 1968 on.  Before 1968 Vietnam kept the lunar
 *     calendar of Beijing time (UTC+8); the Democratic Republic switched
 *     from the lunar year 1968 on, which is why the North celebrated Tết Mậu
 *     Thân on 29/01/1968 and the South on 30/01.  Published Vietnamese
 *     tables follow this, and so do we (LUNAR_ZONE_SWITCH_YEAR).  Before
 *     1929 the historical calendar used the local mean time of Beijing; we
 *     keep UTC+8 there, which moves four month starts by a day.
 *
 * tests/data/lunar holds an independent table (from the npm package
 * @dqcai/vn-lunar) that test-cal-lunar checks for every day 1901..2100;
 * differences.txt there lists and explains the six months where we differ.
 *
 * The month table from month 11 of 1899 to month 11 of 2101 (about 2500
 * months) is computed once, on first use, under pthread_once; after
 * that every conversion is a binary search.
 */
#include "cal/cal.h"
#include "core/date.h"
#include "core/err.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "core/banned.h"

#define PI  3.14159265358979323846
#define RAD (PI / 180.0)

/* Julian day of the day number 0 (1970-01-01) at 0h UT. */
#define JD_UNIX_EPOCH 2440587.5

/* Local days from 1968-01-01 on are reckoned at UTC+7, earlier ones at
 * UTC+8 (see the banner). */
#define LUNAR_ZONE_SWITCH_YEAR 1968

/* The table spans these solar dates (a little past both ends of the range). */
#define TABLE_FIRST_YEAR  1899
#define TABLE_FIRST_MONTH 9
#define TABLE_LAST_YEAR   2102
#define TABLE_LAST_MONTH  2
#define TABLE_MAX         2600

struct lunar_month {
	int32_t start; /* day number of day 1 */
	int16_t year;  /* lunar year */
	int8_t month;  /* 1..12 */
	int8_t leap;   /* 1 for the leap month */
};

static struct lunar_month months[TABLE_MAX];
static int nmonths;
/* Index in months[] of month 1 of each lunar year (TABLE_FIRST_YEAR + i);
 * -1 when the table does not hold it. */
static int year_first[TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1];
static int8_t year_leap[TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/*
 * Delta T = TT - UT in seconds for a decimal year, Espenak & Meeus (2006),
 * the pieces that cover 1900..2150.
 */
static double delta_t(double y)
{
	double t;

	if (y < 1920) {
		t = y - 1900;
		return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
		       0.000197 * t * t * t * t;
	}
	if (y < 1941) {
		t = y - 1920;
		return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
	}
	if (y < 1961) {
		t = y - 1950;
		return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
	}
	if (y < 1986) {
		t = y - 1975;
		return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
	}
	if (y < 2005) {
		t = y - 2000;
		return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
		       0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
	}
	if (y < 2050) {
		t = y - 2000;
		return 62.92 + 0.32217 * t + 0.005589 * t * t;
	}
	t = (y - 1820) / 100;
	return -20 + 32 * t * t - 0.5628 * (2150 - y);
}

/* Delta T in days for a Julian day. */
static double delta_t_days(double jd)
{
	return delta_t(2000.0 + (jd - 2451544.5) / 365.2425) / 86400.0;
}

/*
 * Julian Ephemeris Day (TT) of the true new moon number k (k = 0 is the new
 * moon of 2000-01-06).  Meeus ch. 49, error below a minute for 1900..2100.
 */
static double new_moon_jde(int k)
{
	static const double planetary[14][3] = {
	    {299.77, 0.107408, 0.000325},  {251.88, 0.016321, 0.000165},
	    {251.83, 26.651886, 0.000164}, {349.42, 36.412478, 0.000126},
	    {84.66, 18.206239, 0.000110},  {141.74, 53.303771, 0.000062},
	    {207.14, 2.453732, 0.000060},  {154.84, 7.306860, 0.000056},
	    {34.52, 27.261239, 0.000047},  {207.19, 0.121824, 0.000042},
	    {291.34, 1.844379, 0.000040},  {161.72, 24.198154, 0.000037},
	    {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
	};
	double T = k / 1236.85, T2 = T * T, T3 = T2 * T, T4 = T3 * T;
	double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.000000150 * T3 +
	             0.00000000073 * T4;
	double E = 1 - 0.002516 * T - 0.0000074 * T2;
	double M = (2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3) * RAD;
	double Mp =
	    (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) *
	    RAD;
	double F =
	    (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) *
	    RAD;
	double Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * RAD;
	double c;
	int i;

	c = -0.40720 * sin(Mp) + 0.17241 * E * sin(M) + 0.01608 * sin(2 * Mp) +
	    0.01039 * sin(2 * F) + 0.00739 * E * sin(Mp - M) - 0.00514 * E * sin(Mp + M) +
	    0.00208 * E * E * sin(2 * M) - 0.00111 * sin(Mp - 2 * F) - 0.00057 * sin(Mp + 2 * F) +
	    0.00056 * E * sin(2 * Mp + M) - 0.00042 * sin(3 * Mp) + 0.00042 * E * sin(M + 2 * F) +
	    0.00038 * E * sin(M - 2 * F) - 0.00024 * E * sin(2 * Mp - M) - 0.00017 * sin(Om) -
	    0.00007 * sin(Mp + 2 * M) + 0.00004 * sin(2 * Mp - 2 * F) + 0.00004 * sin(3 * M) +
	    0.00003 * sin(Mp + M - 2 * F) + 0.00003 * sin(2 * Mp + 2 * F) -
	    0.00003 * sin(Mp + M + 2 * F) + 0.00003 * sin(Mp - M + 2 * F) -
	    0.00002 * sin(Mp - M - 2 * F) - 0.00002 * sin(3 * Mp + M) + 0.00002 * sin(4 * Mp);
	for (i = 0; i < 14; i++) {
		double a = planetary[i][0] + planetary[i][1] * k;

		if (i == 0)
			a -= 0.009173 * T2;
		c += planetary[i][2] * sin(a * RAD);
	}
	return jde + c;
}

/* The Sun's apparent longitude in degrees [0, 360) at a JDE (Meeus ch. 25). */
static double sun_longitude(double jde)
{
	double T = (jde - 2451545.0) / 36525, T2 = T * T;
	double L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T2;
	double M = (357.52911 + 35999.05029 * T - 0.0001537 * T2) * RAD;
	double C = (1.914602 - 0.004817 * T - 0.000014 * T2) * sin(M) +
	           (0.019993 - 0.000101 * T) * sin(2 * M) + 0.000289 * sin(3 * M);
	double Om = (125.04 - 1934.136 * T) * RAD;
	double l = L0 + C - 0.00569 - 0.00478 * sin(Om);

	l = fmod(l, 360.0);
	return l < 0 ? l + 360.0 : l;
}

/* Hours east of UTC of the lunar calendar on a local day. */
static int zone_hours(int32_t day)
{
	return day < date_days(LUNAR_ZONE_SWITCH_YEAR, 1, 1) ? 8 : 7;
}

/* The local day containing the new moon number k. */
static int32_t new_moon_day(int k)
{
	double jde = new_moon_jde(k);
	double ut = jde - delta_t_days(jde) - JD_UNIX_EPOCH;
	int32_t day = (int32_t)floor(ut + 7.0 / 24);

	if (zone_hours(day) != 7)
		day = (int32_t)floor(ut + 8.0 / 24);
	return day;
}

/* Which 30-degree sector (0..11) the Sun is in at local midnight starting
 * a day; term n (n * 30 degrees) falls in the month when the sector changes. */
static int sun_sector(int32_t day)
{
	double ut = day + JD_UNIX_EPOCH - zone_hours(day) / 24.0;

	return (int)(sun_longitude(ut + delta_t_days(ut)) / 30.0) % 12;
}

/* Does the month [start, next) contain the principal term at sector
 * boundary b (b * 30 degrees)?  s0, s1 are the sectors at the two starts. */
static int holds_term(int s0, int s1, int b)
{
	int span = (s1 - s0 + 12) % 12;
	int need = (b - s0 + 12) % 12;

	return need >= 1 && need <= span;
}

static void table_build(void)
{
	int32_t first = date_days(TABLE_FIRST_YEAR, TABLE_FIRST_MONTH, 1);
	int32_t last = date_days(TABLE_LAST_YEAR, TABLE_LAST_MONTH, 1);
	static int32_t start[TABLE_MAX + 1];
	static int8_t sector[TABLE_MAX + 1];
	int k, n = 0, i, prev11 = -1;

	/* k = 0 is 2000-01-06; 29.53 days a lunation. */
	k = (int)floor((first - date_days(2000, 1, 6)) / 29.530588853) - 1;
	for (; n <= TABLE_MAX; k++) {
		int32_t d = new_moon_day(k);

		if (d < first)
			continue;
		start[n] = d;
		sector[n] = (int8_t)sun_sector(d);
		n++;
		if (d > last)
			break;
	}
	for (i = 0; i <= TABLE_LAST_YEAR - TABLE_FIRST_YEAR; i++)
		year_first[i] = -1;
	/* Number the months between successive month-11s; the last start in
	 * start[] only closes the month before it. */
	nmonths = 0;
	for (i = 0; i + 1 < n; i++) {
		int y, m, j, leap_at = -1, count;

		if (!holds_term(sector[i], sector[i + 1], 9))
			continue;
		if (prev11 < 0) {
			prev11 = i;
			continue;
		}
		count = i - prev11;
		if (count == 13) {
			for (j = prev11 + 1; j < i; j++) {
				if (sector[j] == sector[j + 1]) {
					leap_at = j;
					break;
				}
			}
		}
		date_civil(start[prev11], &y, &m, &j);
		m = 11;
		for (j = prev11; j < i; j++) {
			struct lunar_month *lm = &months[nmonths];

			if (j == leap_at) {
				lm->leap = 1;
			} else {
				lm->leap = 0;
				if (j != prev11)
					m = m % 12 + 1;
				if (m == 1 && j != prev11)
					y++;
			}
			lm->start = start[j];
			lm->year = (int16_t)y;
			lm->month = (int8_t)m;
			if (m == 1 && !lm->leap)
				year_first[y - TABLE_FIRST_YEAR] = nmonths;
			if (lm->leap)
				year_leap[y - TABLE_FIRST_YEAR] = (int8_t)m;
			nmonths++;
		}
		prev11 = i;
	}
	/* A sentinel: the start of the month after the last numbered one. */
	months[nmonths].start = start[prev11];
}

static void table_init(void)
{
	pthread_once(&table_once, table_build);
}

static int32_t range_first(void)
{
	return date_days(CAL_MIN_YEAR, 1, 31);
}

static int32_t range_last(void)
{
	return date_days(CAL_MAX_YEAR, 12, 31);
}

/* Index of the month containing day (the table must cover it). */
static int month_index(int32_t day)
{
	int lo = 0, hi = nmonths - 1;

	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (months[mid].start <= day)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

int cal_solar_to_lunar(int32_t day, struct lunar_date *ret)
{
	const struct lunar_month *m;

	if (day < range_first() || day > range_last())
		return HOSO_E_RANGE;
	table_init();
	m = &months[month_index(day)];
	ret->year = m->year;
	ret->month = m->month;
	ret->day = (int)(day - m->start) + 1;
	ret->leap = m->leap;
	return 0;
}

/* Index in months[] of a lunar month, or a negative error code. */
static int find_month(int year, int month, int leap)
{
	int i, end;

	if (year < CAL_MIN_YEAR || year > CAL_MAX_YEAR)
		return HOSO_E_RANGE;
	if (month < 1 || month > 12 || (leap != 0 && leap != 1))
		return HOSO_E_BAD_DATE;
	table_init();
	i = year_first[year - TABLE_FIRST_YEAR];
	end = year_first[year + 1 - TABLE_FIRST_YEAR];
	for (; i < end; i++)
		if (months[i].month == month && months[i].leap == leap)
			return i;
	return HOSO_E_BAD_DATE;
}

int cal_lunar_to_solar(const struct lunar_date *l, int32_t *ret)
{
	int i = find_month(l->year, l->month, l->leap);
	int32_t d;

	if (i < 0)
		return i;
	if (l->day < 1 || l->day > months[i + 1].start - months[i].start)
		return HOSO_E_BAD_DATE;
	d = months[i].start + l->day - 1;
	if (d < range_first() || d > range_last())
		return HOSO_E_RANGE;
	*ret = d;
	return 0;
}

int cal_lunar_month_days(int lunar_year, int month, int leap)
{
	int i = find_month(lunar_year, month, leap);

	return i < 0 ? i : (int)(months[i + 1].start - months[i].start);
}

int cal_leap_month(int lunar_year)
{
	if (lunar_year < CAL_MIN_YEAR || lunar_year > CAL_MAX_YEAR)
		return 0;
	table_init();
	return year_leap[lunar_year - TABLE_FIRST_YEAR];
}
