/*
 * workday.c - struct cal: one deployment's calendar of working days.
 *
 * A calendar is a bitmap of the working days 1900-01-01 .. 2100-12-31
 * (9 KB), built from the statutory rules and the yearly entries whenever
 * the entries change.  Reading it is a bit test, so deadline arithmetic
 * is cheap; nothing changes it after cal_set_entries(), so any number of
 * threads may read one calendar (swap in a new calendar rather than
 * calling cal_set_entries() on one that others are reading).
 */
#include "cal/cal.h"
#include "cal/calInt.h"
#include "core/date.h"
#include "core/err.h"

#include <stdlib.h>
#include <string.h>

#include "core/banned.h"

static int32_t first_day(void)
{
	return date_days(CAL_MIN_YEAR, 1, 1);
}

static int32_t last_day(void)
{
	return date_days(CAL_MAX_YEAR, 12, 31);
}

static void set_bit(struct cal *c, int32_t day, int on)
{
	int32_t i = day - first_day();

	if (i < 0 || i >= CAL_NDAYS)
		return;
	if (on)
		c->work[i / 8] |= (uint8_t)(1u << (i % 8));
	else
		c->work[i / 8] &= (uint8_t) ~(1u << (i % 8));
}

static int weekday_works(int32_t day)
{
	int w = date_weekday(day);

	return w != 0 && w != 6;
}

/* Recompute the bitmap from the rules and c->entries. */
static void build(struct cal *c)
{
	struct cal_holiday h[CAL_STATUTORY_MAX];
	int32_t d, last = last_day();
	size_t i, n;
	int y;

	for (d = first_day(); d <= last; d++)
		set_bit(c, d, weekday_works(d));
	for (y = CAL_MIN_YEAR; y <= CAL_MAX_YEAR; y++) {
		n = cal_statutory(y, c->entries, c->nentries, h);
		for (i = 0; i < n; i++)
			set_bit(c, h[i].day, 0);
	}
	for (i = 0; i < c->nentries; i++) {
		const struct cal_entry *e = &c->entries[i];

		set_bit(c, e->day,
		        e->kind == CAL_WORK_DAY  ? 1
		        : e->kind == CAL_DAY_OFF ? 0
		                                 : weekday_works(e->day));
	}
}

struct cal *cal_new(void)
{
	struct cal *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	build(c);
	return c;
}

void cal_free(struct cal *c)
{
	if (!c)
		return;
	free(c->entries);
	free(c->strings);
	free(c);
}

static int entry_cmp(const void *a, const void *b)
{
	const struct cal_entry *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

/*
 * Entries must have a kind in range, a name, a day in 1900..2100 and at
 * most one entry a day (HOSO_E_INVALID otherwise; c is then unchanged).
 * Names and sources are copied into one block owned by c.
 */
int cal_set_entries(struct cal *c, const struct cal_entry *e, size_t n)
{
	struct cal_entry *v = NULL;
	char *strings = NULL, *p;
	size_t i, len = 0;

	if (n && !e)
		return HOSO_E_INVALID;
	for (i = 0; i < n; i++) {
		if ((unsigned)e[i].kind >= CAL_ENTRY__MAX || !e[i].name || e[i].day < first_day() ||
		    e[i].day > last_day())
			return HOSO_E_INVALID;
		len += strlen(e[i].name) + 1 + (e[i].source ? strlen(e[i].source) : 0) + 1;
	}
	if (n) {
		v = malloc(n * sizeof(*v));
		strings = malloc(len);
		if (!v || !strings) {
			free(v);
			free(strings);
			return HOSO_E_NOMEM;
		}
	}
	p = strings;
	for (i = 0; i < n; i++) {
		const char *src = e[i].source ? e[i].source : "";
		size_t a = strlen(e[i].name) + 1, b = strlen(src) + 1;

		v[i] = e[i];
		memcpy(p, e[i].name, a);
		v[i].name = p;
		p += a;
		memcpy(p, src, b);
		v[i].source = p;
		p += b;
	}
	if (n)
		qsort(v, n, sizeof(*v), entry_cmp);
	for (i = 1; i < n; i++) {
		if (v[i].day == v[i - 1].day) {
			free(v);
			free(strings);
			return HOSO_E_INVALID;
		}
	}
	free(c->entries);
	free(c->strings);
	c->entries = v;
	c->nentries = n;
	c->strings = strings;
	build(c);
	return 0;
}

int cal_is_workday(const struct cal *c, int32_t day)
{
	int32_t i = day - first_day();

	if (i < 0 || i >= CAL_NDAYS)
		return weekday_works(day);
	return (c->work[i / 8] >> (i % 8)) & 1;
}

/*
 * Statutory days and entries of the year, one row a day, sorted; an entry
 * replaces the statutory day it falls on (CAL_NOT_OFF rows are listed, so
 * an editor can see what was cancelled).
 */
int cal_holidays(const struct cal *c, int year, struct cal_holiday **ret, size_t *ret_n)
{
	struct cal_holiday h[CAL_STATUTORY_MAX], *v;
	int32_t from = date_days(year, 1, 1), to = date_days(year, 12, 31);
	size_t n, i, j, k = 0, ne = 0;

	*ret = NULL;
	*ret_n = 0;
	if (year < CAL_MIN_YEAR || year > CAL_MAX_YEAR)
		return HOSO_E_RANGE;
	n = cal_statutory(year, c->entries, c->nentries, h);
	for (i = 0; i < c->nentries; i++)
		ne += c->entries[i].day >= from && c->entries[i].day <= to;
	v = malloc((n + ne + 1) * sizeof(*v));
	if (!v)
		return HOSO_E_NOMEM;
	/* Merge two sorted lists; on the same day the entry wins. */
	i = 0;
	j = 0;
	while (j < c->nentries && c->entries[j].day < from)
		j++;
	while (i < n || (j < c->nentries && c->entries[j].day <= to)) {
		int take_entry = j < c->nentries && c->entries[j].day <= to &&
		                 (i >= n || c->entries[j].day <= h[i].day);

		if (take_entry) {
			const struct cal_entry *e = &c->entries[j++];

			if (i < n && h[i].day == e->day)
				i++;
			v[k].day = e->day;
			v[k].kind = e->kind;
			v[k].name = e->name;
			v[k].source = e->source;
		} else {
			v[k] = h[i++];
		}
		k++;
	}
	*ret = v;
	*ret_n = k;
	return 0;
}

/* Is day inside one of the pauses? */
static int paused(const struct cal_pause *p, size_t n, int32_t day)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (day >= p[i].from && day <= p[i].to)
			return 1;
	return 0;
}

static int check_pauses(const struct cal_pause *p, size_t n)
{
	size_t i;

	if (n && !p)
		return HOSO_E_INVALID;
	for (i = 0; i < n; i++)
		if (p[i].from > p[i].to)
			return HOSO_E_INVALID;
	return 0;
}

static int counts(const struct cal *c, int32_t day, const struct cal_pause *p, size_t np)
{
	return cal_is_workday(c, day) && !paused(p, np, day);
}

int cal_add_workdays(const struct cal *c, int32_t from, int n, const struct cal_pause *pauses,
                     size_t npauses, int32_t *ret)
{
	int32_t d = from, last = last_day();
	int rc = check_pauses(pauses, npauses);

	if (rc < 0)
		return rc;
	if (n < 0)
		return HOSO_E_INVALID;
	if (from < first_day() || from > last)
		return HOSO_E_RANGE;
	if (n == 0) {
		while (!counts(c, d, pauses, npauses)) {
			if (++d > last)
				return HOSO_E_RANGE;
		}
		*ret = d;
		return 0;
	}
	while (n > 0) {
		if (++d > last)
			return HOSO_E_RANGE;
		n -= counts(c, d, pauses, npauses);
	}
	*ret = d;
	return 0;
}

int cal_count_workdays(const struct cal *c, int32_t from, int32_t to,
                       const struct cal_pause *pauses, size_t npauses, int *ret)
{
	int32_t a = from < to ? from : to, b = from < to ? to : from, d;
	int rc = check_pauses(pauses, npauses), n = 0;

	if (rc < 0)
		return rc;
	if (a < first_day() - 1 || b > last_day())
		return HOSO_E_RANGE;
	for (d = a + 1; d <= b; d++)
		n += counts(c, d, pauses, npauses);
	*ret = to < from ? -n : n;
	return 0;
}
