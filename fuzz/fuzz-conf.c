/*
 * fuzz-conf.c - libFuzzer target for src/core/conf.c: any bytes are a
 * configuration file or refused line by line, never a crash; an accepted
 * entry's key is [a-z_]+, its value has no blank at either end, no newline
 * and no NUL, is UTF-8, lies inside the input, and the entries come in the
 * order of their lines, each key once.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct conf_entry entries[CONF_ENTRIES_MAX];

static int count(void *arg, long line, int code, const char *vi, const char *en)
{
	(void)line;
	if (code >= 0 || !vi || !en)
		abort();
	(*(size_t *)arg)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	size_t n, errors = 0;
	int rc = conf_parse(text, size, entries, CONF_ENTRIES_MAX, &n, count, &errors);

	if ((rc == 0) != (errors == 0) || n > CONF_ENTRIES_MAX)
		abort();
	for (size_t i = 0; i < n; i++) {
		const struct conf_entry *e = &entries[i];

		if (e->key < text || e->key + e->key_len > text + size || e->value < text ||
		    e->value + e->value_len > text + size || e->key_len == 0)
			abort();
		for (size_t k = 0; k < e->key_len; k++)
			if (!((e->key[k] >= 'a' && e->key[k] <= 'z') || e->key[k] == '_'))
				abort();
		if (memchr(e->value, '\n', e->value_len) || memchr(e->value, '\0', e->value_len) ||
		    conf_utf8_valid(e->value, e->value_len) != e->value_len)
			abort();
		if (e->value_len &&
		    (e->value[0] == ' ' || e->value[0] == '\t' ||
		     e->value[e->value_len - 1] == ' ' || e->value[e->value_len - 1] == '\t'))
			abort();
		for (size_t j = 0; j < i; j++)
			if (entries[j].line >= e->line ||
			    (entries[j].key_len == e->key_len &&
			     memcmp(entries[j].key, e->key, e->key_len) == 0))
				abort();
	}
	return 0;
}
