/*
 * table.c - one reader interface over CSV and XLSX (see table.h).
 *
 * Sniffs the format from the first bytes, opens csv.c's or xlsx.c's reader,
 * and wraps its calls with what both share: the row limit and a sticky error
 * (after a failure the reader is never called again, so a half-consumed
 * parser state is never touched).
 */
#include "import/table.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import/tableInt.h"

#include "core/banned.h"

static const unsigned char zip_magic[] = {'P', 'K', 3, 4};
static const unsigned char zip_empty_magic[] = {'P', 'K', 5, 6};
/* OLE2 compound file: an old .xls, or an encrypted .xlsx. */
static const unsigned char ole2_magic[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

static int table_has_magic(const unsigned char *s, size_t len, const unsigned char *magic,
                           size_t mlen)
{
	return len >= mlen && memcmp(s, magic, mlen) == 0;
}

/*
 * The format the first bytes say, or the one asked for.  An OLE2 file is
 * refused with a hint, unless the caller insisted on CSV.
 */
static int table_sniff(const unsigned char *s, size_t len, enum table_format fmt,
                       enum table_format *ret, struct err *e)
{
	if (fmt != TABLE_CSV && table_has_magic(s, len, ole2_magic, sizeof(ole2_magic)))
		return err_set(e, HOSO_E_BAD_FILE, NULL,
		               "Tệp là bảng tính Excel cũ (.xls) hoặc đã đặt mật khẩu; hãy lưu "
		               "lại dưới dạng .xlsx không mật khẩu",
		               "The file is an old Excel workbook (.xls) or password-protected; "
		               "save it as .xlsx without a password");
	if (fmt == TABLE_AUTO)
		fmt = table_has_magic(s, len, zip_magic, sizeof(zip_magic)) ||
		              table_has_magic(s, len, zip_empty_magic, sizeof(zip_empty_magic))
		          ? TABLE_XLSX
		          : TABLE_CSV;
	if (fmt != TABLE_CSV && fmt != TABLE_XLSX)
		return err_set(e, HOSO_E_INVALID, NULL, "Định dạng bảng không hợp lệ",
		               "Invalid table format");
	*ret = fmt;
	return 0;
}

int table_open(const char *path, enum table_format fmt, struct table **ret, struct err *e)
{
	unsigned char *head = NULL;
	size_t n = 0, total = 0;
	struct stat st;
	FILE *fp;
	int r;

	*ret = NULL;
	fp = fopen(path, "rb");
	if (!fp)
		return err_set(e, errno == ENOENT ? HOSO_E_NOT_FOUND : HOSO_E_IO, NULL,
		               "Không mở được tệp %s: %s", "Cannot open %s: %s", path,
		               strerror(errno));
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		total = (size_t)st.st_size;
	head = malloc(TABLE_CHUNK);
	if (!head) {
		fclose(fp);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	/* Read the first chunk whole: the CSV reader detects its delimiter there. */
	while (n < TABLE_CHUNK) {
		size_t got = fread(head + n, 1, TABLE_CHUNK - n, fp);

		if (got == 0)
			break;
		n += got;
	}
	if (ferror(fp)) {
		r = err_set(e, HOSO_E_IO, NULL, "Lỗi đọc tệp %s", "Error reading %s", path);
		goto fail;
	}
	r = table_sniff(head, n, fmt, &fmt, e);
	if (r < 0)
		goto fail;
	if (fmt == TABLE_CSV)
		return csv_table_open(fp, head, n, total, NULL, 0, ret, e);
	free(head);
	fclose(fp);
	return xlsx_table_open(path, NULL, 0, ret, e);

fail:
	free(head);
	fclose(fp);
	return r;
}

int table_open_mem(const void *data, size_t len, enum table_format fmt, struct table **ret,
                   struct err *e)
{
	int r;

	*ret = NULL;
	if (!data && len)
		return err_set(e, HOSO_E_INVALID, NULL, NULL, NULL);
	if (!data)
		data = "";
	r = table_sniff(data, len, fmt, &fmt, e);
	if (r < 0)
		return r;
	if (fmt == TABLE_CSV)
		return csv_table_open(NULL, NULL, 0, len, data, len, ret, e);
	return xlsx_table_open(NULL, data, len, ret, e);
}

int table_next(struct table *t, struct table_row *ret, struct err *e)
{
	int r;

	if (t->failed)
		return err_set(e, t->failed, NULL, NULL, NULL);
	r = t->vt->next(t, ret, e);
	if (r == 1 && ret->number > TABLE_MAX_ROWS)
		r = table_err_row(e,
		                  err_set(e, HOSO_E_TOO_BIG, NULL, "Tệp có quá %ld dòng",
		                          "The file has more than %ld rows", TABLE_MAX_ROWS),
		                  ret->number);
	if (r < 0)
		t->failed = r;
	return r;
}

enum table_format table_format(const struct table *t)
{
	return t->format;
}

void table_progress(const struct table *t, size_t *ret_done, size_t *ret_total)
{
	*ret_done = 0;
	*ret_total = 0;
	if (t)
		t->vt->progress(t, ret_done, ret_total);
	if (*ret_done > *ret_total)
		*ret_done = *ret_total;
}

void table_close(struct table *t)
{
	if (t)
		t->vt->free(t);
}

void table_col_name(int col, char out[TABLE_COL_NAME])
{
	char tmp[TABLE_COL_NAME];
	size_t n = 0, i;

	if (col < 0) {
		out[0] = '\0';
		return;
	}
	/* Bijective base 26: A..Z, AA..ZZ, AAA.. */
	col++;
	while (col > 0 && n < sizeof(tmp) - 1) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

int table_array_grow(void **arr, size_t *alloc, size_t need, size_t size, size_t max)
{
	size_t n;
	void *p;

	if (need <= *alloc)
		return 0;
	if (need > max)
		return HOSO_E_TOO_BIG;
	n = *alloc ? *alloc : 16;
	while (n < need)
		n = n < max / 2 ? n * 2 : max;
	if (n > SIZE_MAX / size)
		return HOSO_E_TOO_BIG;
	p = realloc(*arr, n * size);
	if (!p)
		return HOSO_E_NOMEM;
	*arr = p;
	*alloc = n;
	return 0;
}

int table_err_row(struct err *e, int code, long row)
{
	if (e)
		e->row = row;
	return code;
}
