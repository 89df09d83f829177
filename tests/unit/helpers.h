/*
 * helpers.h - small shared helpers for the unit tests: temporary
 * directories that clean up after themselves, the text a string function
 * writes, and the main() of a test program.
 */
#ifndef HOSO_TEST_HELPERS_H
#define HOSO_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"

/* A fresh directory under $TMPDIR (or /tmp); path written to out. */
static inline void tmpdir_make(char *out, size_t n)
{
	const char *base = getenv("TMPDIR");

	snprintf(out, n, "%s/hoso-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(out))
		abort();
}

/* Remove the directory and the files in it (one level). */
static inline void tmpdir_remove(const char *dir)
{
	char cmd[4096];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

/* A function that writes what it makes of the len bytes at s into out
 * (vi_search_key, vi_name_normalise, ...): 0 or a negative code. */
typedef int (*text_fn)(const char *s, size_t len, struct buf *out);

/* What f writes into out for the string s (out->buf, valid until out is
 * next written); the test fails, naming f by name, when f returns an error. */
#define text_of(f, s, out) text_of_fn(f, #f, s, out)

static inline const char *text_of_fn(text_fn f, const char *name, const char *s, struct buf *out)
{
	int r = f(s, strlen(s), out);

	if (r != 0)
		fail_msg("%s(%s) = %d", name, s, r);
	return out->buf;
}

/* Fail unless each of the strings after hay is found in hay, naming the
 * first one that is not. */
#define assert_contains(hay, ...)                                                                  \
	assert_contains_each(hay, (const char *const[]){__VA_ARGS__, NULL})

static inline void assert_contains_each(const char *hay, const char *const *needles)
{
	for (; *needles; needles++)
		if (!strstr(hay, *needles))
			fail_msg("\"%s\" not found", *needles);
}

/* A yes-or-no test of a string: request_media_is_json, route_path_ok, ... */
typedef int (*string_pred)(const char *s);

/* Fail unless ok says yes to every string of yes and no to every string of
 * no (both NULL-terminated), naming the first it gets wrong. */
static inline void assert_yes_no(string_pred ok, const char *const *yes, const char *const *no)
{
	for (; *yes; yes++)
		if (!ok(*yes))
			fail_msg("refused: \"%s\"", *yes);
	for (; *no; no++)
		if (ok(*no))
			fail_msg("accepted: \"%s\"", *no);
}

/* The main() of a test program: run the tests listed (cmocka_unit_test...)
 * as one group, with the group's setup and teardown (or NULL). */
#define TEST_MAIN_GROUP(group_setup, group_teardown, ...)                                          \
	int main(void)                                                                             \
	{                                                                                          \
		const struct CMUnitTest tests[] = {__VA_ARGS__};                                   \
		return cmocka_run_group_tests(tests, group_setup, group_teardown);                 \
	}

/* The main() of a test program whose group has no setup or teardown. */
#define TEST_MAIN(...) TEST_MAIN_GROUP(NULL, NULL, __VA_ARGS__)

#endif
