/*
 * fuzz-period.c - libFuzzer target for src/core/period.c: any bytes are a
 * period or refused, never a crash; an accepted period starts on the 1st of
 * a month, ends on a month's last day, not before it starts, and within
 * the years accepted; an accepted term name lasts 2 to 5 years within them.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/date.h"
#include "core/period.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int32_t f, t;
	int y, m, d, y2, m2, d2;

	if (period_parse_term((const char *)data, size, &y, &y2) == 0 &&
	    (y < 1930 || y2 > 2100 || y2 - y < 2 || y2 - y > 5))
		abort();
	if (period_parse((const char *)data, size, &f, &t) != 0)
		return 0;
	date_civil(f, &y, &m, &d);
	date_civil(t, &y2, &m2, &d2);
	if (f > t || d != 1 || d2 != date_days_in_month(y2, m2) || y < 1900 || y2 > 2100)
		abort();
	return 0;
}
