/*
 * helpers.h - small shared helpers for the unit tests: temporary
 * directories that clean up after themselves, and the main() of a test
 * program.
 */
#ifndef HOSO_TEST_HELPERS_H
#define HOSO_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
