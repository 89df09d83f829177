/*
 * office.h - what the export tests do with an office file a writer made:
 * read its parts (and check them against golden files), put it on disk,
 * have LibreOffice print it to PDF, and read the PDF's text back with
 * pdftotext.  Include after <cmocka.h>, <zip.h>, core/buf.h and golden.h.
 */
#ifndef HOSO_TEST_OFFICE_H
#define HOSO_TEST_OFFICE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Part name of the zip archive in zbuf into out (NUL-terminated); 0, or
 * -1 when it is absent. */
static inline int office_zip_part(const struct buf *zbuf, const char *name, struct buf *out)
{
	zip_source_t *src;
	zip_error_t ze;
	zip_file_t *zf;
	zip_stat_t st;
	zip_t *za;
	char tmp[8192];
	zip_int64_t n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(zbuf->buf, zbuf->len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	zip_error_fini(&ze);
	buf_reset(out);
	if (zip_stat(za, name, 0, &st) < 0) {
		zip_close(za);
		return -1;
	}
	zf = zip_fopen(za, name, 0);
	assert_non_null(zf);
	while ((n = zip_fread(zf, tmp, sizeof(tmp))) > 0)
		assert_int_equal(buf_add(out, tmp, (size_t)n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(out->len, st.size);
	zip_fclose(zf);
	zip_close(za);
	return 0;
}

/* Each part named after dir of the zip archive in z must be there and be
 * the golden file dir/BASENAME, BASENAME its name's last component
 * (golden_check_part). */
#define office_golden_parts(z, dir, ...)                                                           \
	office_golden_parts_each(z, dir, (const char *const[]){__VA_ARGS__, NULL})

static inline void office_golden_parts_each(const struct buf *z, const char *dir,
                                            const char *const *names)
{
	struct buf part = BUF_INIT(BUF_MAX_DEFAULT);
	const char *slash;

	for (; *names; names++) {
		if (office_zip_part(z, *names, &part) != 0)
			fail_msg("no part %s in the archive", *names);
		slash = strrchr(*names, '/');
		golden_check_part(dir, slash ? slash + 1 : *names, &part);
	}
	buf_release(&part);
}

/* Write the file path with contents n bytes of data. */
static inline void office_put_file(const char *path, const void *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* Occurrences of needle in hay. */
static inline size_t office_count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* LibreOffice, with its profile in dir/lo, prints dir/name to a PDF in
 * dir, whose path it writes to pdf (n bytes); the test fails unless the
 * PDF is there and more than a few bytes long. */
static inline void office_to_pdf(const char *dir, const char *name, char *pdf, size_t n)
{
	char cmd[2048];
	const char *dot = strrchr(name, '.');
	struct stat st;

	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && timeout 240 soffice -env:UserInstallation=file://%s/lo --headless "
	         "--convert-to pdf --outdir '%s' '%s' >/dev/null 2>&1",
	         dir, dir, dir, name);
	assert_int_equal(system(cmd), 0);
	snprintf(pdf, n, "%s/%.*s.pdf", dir, (int)(dot ? dot - name : (long)strlen(name)), name);
	assert_int_equal(stat(pdf, &st), 0);
	assert_true(st.st_size > 1000);
}

/* The text pdftotext (with options, e.g. "-layout") finds in the PDF at
 * path, into out. */
static inline void office_pdf_text(const char *path, const char *options, struct buf *out)
{
	char cmd[2048], tmp[8192];
	size_t n;
	FILE *fp;

	snprintf(cmd, sizeof(cmd), "pdftotext %s '%s' -", options, path);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	buf_reset(out);
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		assert_int_equal(buf_add(out, tmp, n), 0);
	assert_int_equal(pclose(fp), 0);
}

#endif
