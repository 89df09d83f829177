/*
 * doc.c - what every document writer formats the same way: integers with
 * Vietnamese digit grouping and the date of the place line.
 */
#include <stdio.h>

#include "export/doc.h"

#include "core/banned.h"

char *doc_int(int64_t n, char *out)
{
	char digits[24];
	uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	size_t nd = 0, o = 0;

	do {
		digits[nd++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (n < 0)
		out[o++] = '-';
	while (nd) {
		out[o++] = digits[--nd];
		if (nd && nd % 3 == 0)
			out[o++] = '.';
	}
	out[o] = '\0';
	return out;
}

char *doc_date(int y, int m, int d, char *out)
{
	snprintf(out, DOC_DATE_MAX, "ngày %s%d tháng %s%d năm %d", d < 10 ? "0" : "", d,
	         m <= 2 ? "0" : "", m, y);
	return out;
}
