/*
 * doc.c - what every document writer does the same way: integers with
 * Vietnamese digit grouping, the date of the place line, and the check of
 * the text a writer is given.
 */
#include <stdio.h>

#include "core/err.h"
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

/*
 * 0 when s is valid UTF-8 that XML can carry: no control characters but
 * tab, line feed and carriage return, no surrogates, no U+FFFE or U+FFFF.
 */
int doc_text_check(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		uint32_t c = *p, min;
		int n;

		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				return HOSO_E_INVALID;
			p++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1, c &= 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2, c &= 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3, c &= 0x07, min = 0x10000;
		} else {
			return HOSO_E_NOT_UTF8;
		}
		for (int i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return HOSO_E_NOT_UTF8;
			c = c << 6 | (p[i] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return HOSO_E_NOT_UTF8;
		if (c == 0xFFFE || c == 0xFFFF)
			return HOSO_E_INVALID;
		p += n + 1;
	}
	return 0;
}
