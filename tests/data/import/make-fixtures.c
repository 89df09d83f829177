/*
 * make-fixtures.c - writes the XLSX fixtures of tests/unit/test-import-xlsx.c
 * with libxlsxwriter, so they come from a real, independent XLSX writer.
 *
 * Not part of the Meson build; the .xlsx files it writes are committed.
 * Rebuild them from the repository root with:
 *
 *   cc -std=c11 -o /tmp/make-fixtures tests/data/import/make-fixtures.c -lxlsxwriter
 *   /tmp/make-fixtures tests/data/import
 *
 * basic.xlsx   shared strings (one an NFD "Nguyễn", one rich text), a date
 *              as dd/mm/yyyy, a date with time, built-in format 14, a
 *              number, a non-date custom format, a boolean, a formula with
 *              a string result, sparse cells and an empty row; a second
 *              sheet that must not be read.
 * inline.xlsx  the same first rows in constant-memory mode, where
 *              libxlsxwriter writes inline strings instead of shared ones.
 */
#include <stdio.h>
#include <xlsxwriter.h>

/* "Nguyễn Văn An" with ễ decomposed: e, U+0302 (circumflex), U+0303 (tilde). */
#define NFD_NAME "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An"

static void header(lxw_worksheet *ws)
{
	worksheet_write_string(ws, 0, 0, "Họ và tên", NULL);
	worksheet_write_string(ws, 0, 1, "Ngày sinh", NULL);
	worksheet_write_string(ws, 0, 2, "Số", NULL);
	worksheet_write_string(ws, 0, 3, "Đảng viên", NULL);
	worksheet_write_string(ws, 0, 4, "Ghi chú", NULL);
}

/* Row 2 of both workbooks: one cell of every type (text, date as dmy,
 * number, boolean), then note. */
static void every_type(lxw_worksheet *ws, lxw_format *dmy, const char *note)
{
	lxw_datetime born = {.year = 1962, .month = 5, .day = 19};

	worksheet_write_string(ws, 1, 0, NFD_NAME, NULL);
	worksheet_write_datetime(ws, 1, 1, &born, dmy);
	worksheet_write_number(ws, 1, 2, 42.5, NULL);
	worksheet_write_boolean(ws, 1, 3, 1, NULL);
	worksheet_write_string(ws, 1, 4, note, NULL);
}

static int basic(const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Danh sách");
	lxw_worksheet *other = workbook_add_worksheet(wb, "Khác");
	lxw_format *dmy = workbook_add_format(wb);
	lxw_format *dmyhm = workbook_add_format(wb);
	lxw_format *builtin14 = workbook_add_format(wb);
	lxw_format *money = workbook_add_format(wb);
	lxw_format *bold = workbook_add_format(wb);
	lxw_datetime at = {.year = 2025, .month = 7, .day = 1, .hour = 18};
	lxw_rich_string_tuple r1 = {.format = bold, .string = "Chi bộ "};
	lxw_rich_string_tuple r2 = {.format = NULL, .string = "số 5"};
	lxw_rich_string_tuple *rich[] = {&r1, &r2, NULL};

	format_set_num_format(dmy, "dd/mm/yyyy");
	format_set_num_format(dmyhm, "dd/mm/yyyy hh:mm");
	format_set_num_format_index(builtin14, 14);
	format_set_num_format(money, "#,##0.00 \"đồng\"");
	format_set_bold(bold);

	header(ws);
	every_type(ws, dmy, "Có, \"ngoặc\"");
	/* Row 3: sparse, A and E only. */
	worksheet_write_string(ws, 2, 0, "Trần Thị Bình", NULL);
	worksheet_write_rich_string(ws, 2, 4, rich, NULL);
	/* Row 4 empty; row 5 starts at C; row 6 has blanks that stay empty. */
	worksheet_write_number(ws, 4, 2, -0.001, money);
	worksheet_write_blank(ws, 5, 0, bold);
	worksheet_write_number(ws, 5, 1, 3, NULL);
	/* Row 7: date-time, built-in date format, boolean false, formula text. */
	worksheet_write_datetime(ws, 6, 0, &at, dmyhm);
	worksheet_write_number(ws, 6, 1, 45839, builtin14);
	worksheet_write_boolean(ws, 6, 2, 0, NULL);
	worksheet_write_formula_str(ws, 6, 3, "=\"A\"&\"B\"", NULL, "AB");

	worksheet_write_string(other, 0, 0, "KHÔNG ĐƯỢC ĐỌC", NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

static int inline_strings(const char *path)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *dmy = workbook_add_format(wb);

	format_set_num_format(dmy, "dd/mm/yyyy");
	header(ws);
	every_type(ws, dmy, "  giữ khoảng trắng  ");
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

int main(int argc, char **argv)
{
	char path[4096];
	const char *dir = argc > 1 ? argv[1] : ".";
	int r = 0;

	snprintf(path, sizeof(path), "%s/basic.xlsx", dir);
	r |= basic(path);
	snprintf(path, sizeof(path), "%s/inline.xlsx", dir);
	r |= inline_strings(path);
	return r;
}
