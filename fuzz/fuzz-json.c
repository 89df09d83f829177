/*
 * fuzz-json.c - libFuzzer target for request bodies (http_parse_object):
 * any bytes are accepted as one JSON object or refused with an error that
 * has a message; what is accepted serialises and parses back to an equal
 * object, and its fields taken by a table (http_fields, as the case routes
 * do) are either all of the declared types or refused naming a field.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Take o's fields as the case routes would; refuse or accept coherently. */
static void take_fields(json_t *o)
{
	const char *kind = NULL, *title = NULL;
	int64_t conf = 0;
	int32_t day = INT32_MIN; /* no date */
	struct http_list ids = {0}, codes = {0};
	const struct http_field f[] = {
	    {"kind", HF_STRING, 1, &kind, 0, 0},
	    {"title", HF_STRING, 0, &title, 0, 0},
	    {"confidentiality", HF_INT, 0, &conf, 0, 2},
	    {"opened", HF_DATE, 0, &day, 0, 0},
	    {"subject_persons", HF_IDS, 0, &ids, 0, 0},
	    {"subject_orgs", HF_STRINGS, 0, &codes, 0, 0},
	};
	struct arena a;
	struct err e;
	int rc;

	arena_init(&a, 1 << 20);
	err_init(&e);
	rc = http_fields(o, f, sizeof(f) / sizeof(f[0]), &a, &e);
	if (rc == 0) {
		if (!kind || conf < 0 || conf > 2)
			abort();
		for (size_t i = 0; i < ids.n; i++)
			if (ids.ids[i] < 1)
				abort();
		for (size_t i = 0; i < codes.n; i++)
			if (!codes.strs[i])
				abort();
	} else if (!e.field.len || !*err_text_vi(&e)) {
		abort();
	}
	err_release(&e);
	arena_release(&a);
}

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
		take_fields(o);
		json_decref(back);
		json_decref(o);
	} else if (!e.code || !*err_text_vi(&e) || o) {
		abort();
	}
	err_release(&e);
	return 0;
}
