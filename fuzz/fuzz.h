/*
 * fuzz.h - what the fuzz targets share: the input as a C string.
 */
#ifndef HOSO_FUZZ_H
#define HOSO_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* data[0..size) NUL-terminated, malloc'd (the caller frees it), or NULL. */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

#endif
