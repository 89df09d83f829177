/*
 * fuzz-request.c - libFuzzer target for what a request's headers and query
 * arguments must be (src/http/request.c): any bytes as a Content-Type or
 * as a query argument are judged without a crash; a value judged good
 * holds no NUL, and a media type judged JSON starts with it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http/request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);

	if (!s)
		return 0;
	if (request_value_ok(s, size) && memchr(s, '\0', size))
		abort();
	if (request_media_is_json(s)) {
		const char *p = s;

		while (*p == ' ' || *p == '\t')
			p++;
		for (const char *w = "application/json"; *w; w++, p++)
			if (lower((unsigned char)*p) != *w)
				abort();
	}
	free(s);
	return 0;
}
