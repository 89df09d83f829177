/*
 * period.c - report periods by name (see period.h).
 */
#include "core/period.h"

#include "core/date.h"
#include "core/err.h"

#include "core/banned.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2100
/* The Party's congresses and terms as the records know them. */
#define TERM_YEAR_MIN 1930

/* n decimal digits at s: the value, or -1. */
static int digits(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int months(int y, int m1, int m2, int32_t *from, int32_t *to)
{
	*from = date_days(y, m1, 1);
	*to = date_days(y, m2, date_days_in_month(y, m2));
	return 0;
}

int period_parse(const char *s, size_t len, int32_t *ret_from, int32_t *ret_to)
{
	int y = len >= 4 ? digits(s, 4) : -1, y2, n;

	if (!s || y < YEAR_MIN || y > YEAR_MAX)
		return HOSO_E_BAD_DATE;
	if (len == 4)
		return months(y, 1, 12, ret_from, ret_to);
	if (len < 7 || s[4] != '-')
		return HOSO_E_BAD_DATE;
	if (len == 9 && (y2 = digits(s + 5, 4)) >= y && y2 <= YEAR_MAX) {
		*ret_from = date_days(y, 1, 1);
		*ret_to = date_days(y2, 12, 31);
		return 0;
	}
	if (len != 7)
		return HOSO_E_BAD_DATE;
	if ((s[5] == 'Q' || s[5] == 'q') && s[6] >= '1' && s[6] <= '4') {
		n = s[6] - '0';
		return months(y, 3 * n - 2, 3 * n, ret_from, ret_to);
	}
	if ((s[5] == 'H' || s[5] == 'h') && (s[6] == '1' || s[6] == '2'))
		return s[6] == '1' ? months(y, 1, 6, ret_from, ret_to)
		                   : months(y, 7, 12, ret_from, ret_to);
	if (s[5] == '9' && (s[6] == 'M' || s[6] == 'm'))
		return months(y, 1, 9, ret_from, ret_to);
	if ((n = digits(s + 5, 2)) >= 1 && n <= 12)
		return months(y, n, n, ret_from, ret_to);
	return HOSO_E_BAD_DATE;
}

int period_parse_term(const char *s, size_t len, int *ret_first, int *ret_last)
{
	int y1, y2;

	if (!s || len != 11 || (s[0] != 'N' && s[0] != 'n') || (s[1] != 'K' && s[1] != 'k') ||
	    s[6] != '-')
		return HOSO_E_BAD_DATE;
	y1 = digits(s + 2, 4);
	y2 = digits(s + 7, 4);
	if (y1 < TERM_YEAR_MIN || y2 > YEAR_MAX || y2 - y1 < 2 || y2 - y1 > 5)
		return HOSO_E_BAD_DATE;
	*ret_first = y1;
	*ret_last = y2;
	return 0;
}
