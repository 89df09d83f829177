/*
 * fuzz-date.c - libFuzzer target for the date parsers (core/date.c):
 * pdate_parse and date_parse_iso must accept or refuse any bytes without
 * crashing, and whatever they accept must format and re-parse to itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pdate p, q;
	char out[DATE_BUF];
	int32_t d, d2;

	if (pdate_parse((const char *)data, size, &p) == 0) {
		pdate_format_iso(&p, out);
		if (pdate_parse(out, strlen(out), &q) != 0 || p.y != q.y || p.m != q.m ||
		    p.d != q.d)
			abort();
		pdate_format_vn(&p, out);
		if (pdate_parse(out, strlen(out), &q) != 0 || p.y != q.y || p.m != q.m ||
		    p.d != q.d)
			abort();
	}
	if (date_parse_iso((const char *)data, size, &d) == 0) {
		date_format_iso(d, out);
		if (date_parse_iso(out, strlen(out), &d2) != 0 || d != d2)
			abort();
	}
	return 0;
}
