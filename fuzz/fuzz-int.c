/*
 * fuzz-int.c - libFuzzer target for the integer parsers (core/parse.c), which
 * read every number that comes from outside: query arguments (limit, offset,
 * ids), CLI options and import cells.
 *
 * Properties checked on any bytes:
 *   - what parse_i64 accepts over the full range formats with %lld and
 *     re-parses to the same value;
 *   - a narrow range accepts exactly the full-range values inside it;
 *   - a run of at most 18 ASCII digits is always accepted;
 *   - parse_trim returns a slice inside its input, without the spaces at
 *     either end.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"

#include "core/banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int edge_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *t = s;
	int64_t v = 0, w = 0, n = 0;
	int full, narrow;
	size_t tl = size;
	char out[32];

	full = parse_i64(s, size, INT64_MIN, INT64_MAX, &v) == 0;
	narrow = parse_i64(s, size, 1, 1000, &n) == 0;
	if (full) {
		snprintf(out, sizeof out, "%" PRId64, v);
		if (parse_i64(out, strlen(out), INT64_MIN, INT64_MAX, &w) != 0 || w != v)
			abort();
	}
	if (narrow != (full && v >= 1 && v <= 1000) || (narrow && n != v))
		abort();
	if (parse_all_digits(s, size) && size <= 18 && !full)
		abort();

	parse_trim(&t, &tl);
	if (t < s || t + tl > s + size)
		abort();
	if (tl && (edge_space(t[0]) || edge_space(t[tl - 1])))
		abort();
	return 0;
}
