/*
 * fuzz-attachment.c - libFuzzer target for src/app/attachment.c: the type
 * of any bytes and the cleaning of any file name must not crash or leak,
 * and must agree: an accepted type is one of the four, a cleaned name has
 * no path separator and no control character, ends as its type allows,
 * and cleans to itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "app/attachment.h"
#include "core/arena.h"
#include "core/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct attachment_type *t = attachment_sniff(data, size);
	static const char pdf[] = "%PDF-";
	struct arena a;
	struct err e;
	const char *name, *again;
	char *s;

	if (t && strcmp(t->mime, "application/pdf") && strcmp(t->mime, "image/png") &&
	    strcmp(t->mime, "image/jpeg") && !strstr(t->mime, "wordprocessingml"))
		abort();
	/* The same bytes as a file name, for a PDF. */
	t = attachment_sniff(pdf, sizeof(pdf) - 1);
	if (!t || !(s = fuzz_string(data, size)))
		abort();
	arena_init(&a, 0);
	err_init(&e);
	if (attachment_name_clean(&a, s, t, &name, &e) == 0) {
		size_t n = strlen(name);

		if (!n || n > ATTACHMENT_NAME_MAX || strchr(name, '/') || strchr(name, '\\'))
			abort();
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)name[i] < 0x20)
				abort();
		if (attachment_name_clean(&a, name, t, &again, &e) != 0 || strcmp(name, again) != 0)
			abort();
	} else if (!e.code) {
		abort();
	}
	err_release(&e);
	arena_release(&a);
	free(s);
	return 0;
}
