/*
 * fuzz-router.c - libFuzzer target for the path router (src/http/router.c):
 * any bytes as a path are accepted or refused by route_path_ok without a
 * crash, and matching them against every registered route keeps every
 * captured parameter inside the path and free of '/'.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_string(data, size);

	if (!path)
		return 0;
	if (route_path_ok(path)) {
		size_t len = strlen(path);

		for (size_t i = 0; http_routes[i].method; i++) {
			struct route_params p;

			if (!route_match(http_routes[i].pattern, path, &p))
				continue;
			for (size_t k = 0; k < p.n; k++) {
				if (p.v[k].value < path ||
				    p.v[k].value + p.v[k].value_len > path + len ||
				    p.v[k].value_len == 0 ||
				    memchr(p.v[k].value, '/', p.v[k].value_len))
					abort();
			}
		}
	}
	free(path);
	return 0;
}
