/*
 * golden.h - golden files for the export tests: what a writer produced,
 * compared byte for byte with a file under $HOSO_TESTDATA (tests/data by
 * default).  After a deliberate change, HOSO_UPDATE_GOLDEN=1 rewrites the
 * files instead of comparing.  Include after <cmocka.h> and core/buf.h.
 */
#ifndef HOSO_TEST_GOLDEN_H
#define HOSO_TEST_GOLDEN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The path of rel (e.g. "export/csv/sample.csv") under the test data. */
static inline void golden_path(const char *rel, char *out, size_t n)
{
	const char *data = getenv("HOSO_TESTDATA");

	snprintf(out, n, "%s/%s", data && *data ? data : "tests/data", rel);
}

/* Whether HOSO_UPDATE_GOLDEN=1 asks for the golden files to be rewritten. */
static inline int golden_updating(void)
{
	const char *update = getenv("HOSO_UPDATE_GOLDEN");

	return update && strcmp(update, "1") == 0;
}

/* Fail the test unless the n bytes at got are those of the golden file rel
 * (naming the first byte that differs); under HOSO_UPDATE_GOLDEN=1 write
 * them to it instead, making its directory (one level) if need be. */
static inline void golden_check(const char *got, size_t n, const char *rel)
{
	struct buf want = BUF_INIT(BUF_MAX_DEFAULT);
	char path[4096], tmp[8192];
	size_t k, i = 0;
	FILE *fp;

	golden_path(rel, path, sizeof(path));
	if (golden_updating()) {
		char dir[4096], *slash;

		snprintf(dir, sizeof(dir), "%s", path);
		if ((slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			mkdir(dir, 0755);
		}
		assert_non_null(fp = fopen(path, "wb"));
		assert_int_equal(fwrite(got, 1, n, fp), n);
		assert_int_equal(fclose(fp), 0);
		fprintf(stderr, "rewrote %s\n", path);
		return;
	}
	if (!(fp = fopen(path, "rb")))
		fail_msg("no golden file %s (HOSO_UPDATE_GOLDEN=1 writes it)", path);
	while ((k = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		assert_int_equal(buf_add(&want, tmp, k), 0);
	fclose(fp);
	while (i < want.len && i < n && want.buf[i] == got[i])
		i++;
	if (i != want.len || i != n)
		fail_msg("%s differs from its golden file at byte %zu of %zu (got %zu): \"%.60s\" "
		         "want \"%.60s\"; HOSO_UPDATE_GOLDEN=1 rewrites it",
		         rel, i, want.len, n, got + i, want.buf + i);
	buf_release(&want);
}

/* golden_check of a part of a package: got against the file dir/name. */
static inline void golden_check_part(const char *dir, const char *name, const struct buf *got)
{
	char rel[512];

	snprintf(rel, sizeof(rel), "%s/%s", dir, name);
	golden_check(got->buf, got->len, rel);
}

#endif
