/*
 * fuzz-json.c - libFuzzer target for request bodies (http_parse_object):
 * any bytes are accepted as one JSON object or refused with an error that
 * has a message; what is accepted serialises and parses back to an equal
 * object.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e;
	json_t *o = NULL, *back = NULL;
	char *text;

	err_init(&e);
	if (http_parse_object((const char *)data, size, &o, &e) == 0) {
		if (!json_is_object(o))
			abort();
		text = json_dumps(o, JSON_COMPACT | JSON_ENCODE_ANY);
		if (!text || http_parse_object(text, strlen(text), &back, &e) != 0 ||
		    !json_equal(o, back))
			abort();
		free(text);
		json_decref(back);
		json_decref(o);
	} else if (!e.code || !*err_text_vi(&e) || o) {
		abort();
	}
	err_release(&e);
	return 0;
}
