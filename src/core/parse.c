/*
 * parse.c - checked integer parsing (see parse.h).
 */
#include "core/parse.h"
#include "core/err.h"

#include "core/banned.h"

int parse_i64(const char *s, size_t len, int64_t min, int64_t max, int64_t *ret)
{
	uint64_t v = 0, lim;
	size_t i = 0;
	int neg = 0;

	if (!s || len == 0)
		return HOSO_E_BAD_NUMBER;
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		i = 1;
		if (len == 1)
			return HOSO_E_BAD_NUMBER;
	}
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < len; i++) {
		unsigned d;

		if (s[i] < '0' || s[i] > '9')
			return HOSO_E_BAD_NUMBER;
		d = (unsigned)(s[i] - '0');
		if (v > (lim - d) / 10)
			return HOSO_E_RANGE;
		v = v * 10 + d;
	}
	if (neg) {
		int64_t r = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;

		if (r < min || r > max)
			return HOSO_E_RANGE;
		*ret = r;
	} else {
		if ((int64_t)v < min || (int64_t)v > max)
			return HOSO_E_RANGE;
		*ret = (int64_t)v;
	}
	return 0;
}

static size_t nbsp_at(const char *s, size_t len)
{
	if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

void parse_trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len, k;

	for (;;) {
		if (n && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
			p++;
			n--;
		} else if ((k = nbsp_at(p, n)) != 0) {
			p += k;
			n -= k;
		} else {
			break;
		}
	}
	for (;;) {
		if (n &&
		    (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n')) {
			n--;
		} else if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 &&
		           (unsigned char)p[n - 1] == 0xA0) {
			n -= 2;
		} else {
			break;
		}
	}
	*s = p;
	*len = n;
}

int parse_all_digits(const char *s, size_t len)
{
	if (!len)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}
