/*
 * files.c - the commands that keep a file with a record and write one
 * back out (cli.h): a case's attachments, a letter's scans.
 *
 *   ... ID FILE [--name N]      keep FILE (at most ATTACHMENT_MAX bytes)
 *   ... FILE_ID --out PATH      write its contents to PATH
 */
#include <stdio.h>

#include "app/attachment.h"
#include "cli/cli.h"

#include "core/banned.h"

/* Read all of path (at most max bytes) into a; HOSO_E_TOO_BIG beyond. */
static int slurp(const char *path, size_t max, struct arena *a, void **ret, size_t *ret_len,
                 struct err *e)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p;
	size_t n;

	if (!f)
		return err_set(e, HOSO_E_IO, "file", "Không mở được tệp %s", "Cannot open %s",
		               path);
	p = arena_alloc(a, max + 1);
	n = p ? fread(p, 1, max + 1, f) : 0;
	if (!p || ferror(f)) {
		fclose(f);
		return err_set(e, p ? HOSO_E_IO : HOSO_E_NOMEM, "file", "Không đọc được tệp %s",
		               "Cannot read %s", path);
	}
	fclose(f);
	if (n > max)
		return err_set(e, HOSO_E_TOO_BIG, "file", "Tệp lớn hơn %zu MiB",
		               "The file is larger than %zu MiB", max >> 20);
	*ret = p;
	*ret_len = n;
	return 0;
}

int cli_file_add(struct cli_sub *x, int argc, char **argv, cli_file_adder *add)
{
	const char *pos[2], *name = NULL;
	const struct cli_opt opts[] = {{"--name", &name}, {NULL}};
	struct attachment_row got;
	void *data = NULL;
	size_t len = 0;
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, pos, 2, &id, "Cần ID và tệp",
	                      "ID and FILE are required")) != 0)
		return rc;
	if ((rc = slurp(pos[1], ATTACHMENT_MAX, &x->a, &data, &len, &x->err)) == 0 &&
	    (rc = cli_sub_open(x)) == 0)
		rc =
		    add(x->app, &x->who, id, name ? name : pos[1], data, len, &x->a, &got, &x->err);
	if (rc == 0)
		printf("%lld\t%s\t%s\t%lld\t%s\n", (long long)got.id, got.filename, got.mime,
		       (long long)got.size, got.sha256);
	return rc;
}

int cli_file_get(struct cli_sub *x, int argc, char **argv, cli_file_reader *read)
{
	const char *out = NULL;
	const struct cli_opt opts[] = {{"--out", &out, .need = 1}, {NULL}};
	struct attachment_row got;
	const void *data;
	size_t len;
	int64_t id;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã tệp và --out",
	                      "The file's id and --out are required")) != 0)
		return rc;
	rc = read(x->app, &x->who, id, &x->a, &got, &data, &len, &x->err);
	if (rc == 0) {
		FILE *f = fopen(out, "wb");

		if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
			if (f)
				fclose(f);
			rc = err_set(&x->err, HOSO_E_IO, "out", "Không ghi được %s",
			             "Cannot write %s", out);
		} else {
			printf("%s\t%s\t%lld\n", got.filename, got.mime, (long long)got.size);
		}
	}
	return rc;
}
