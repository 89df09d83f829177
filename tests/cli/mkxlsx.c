/*
 * mkxlsx.c - writes the messy Excel workbook the CLI import tests read:
 * a header typed in decomposed Unicode (NFD), names with old-style tone
 * placement, a CCCD stored as a number (its leading zero lost, as Excel
 * does), dates as Excel serial numbers with a date format, a year typed as
 * a number, an unknown column, an empty row and several bad rows.  A second
 * sheet must be ignored.  Usage: mkxlsx OUT.xlsx
 */
#include <stdio.h>
#include <xlsxwriter.h>

#define NCOLS 8

/* Write the text cells of row r (NULL: none there). */
static void put_row(lxw_worksheet *ws, lxw_row_t r, const char *const cells[NCOLS])
{
	for (int c = 0; c < NCOLS; c++)
		if (cells[c])
			worksheet_write_string(ws, r, (lxw_col_t)c, cells[c], NULL);
}

int main(int argc, char **argv)
{
	lxw_workbook *wb;
	lxw_worksheet *ws, *other;
	lxw_format *datefmt;
	const char *const head[NCOLS] = {
	    "Ho\xCC\xA3 va\xCC\x80 te\xCC\x82n", /* Họ và tên, NFD */
	    "Nga\xCC\x80y sinh",                 /* Ngày sinh, NFD */
	    "GIỚI TÍNH",
	    "Số CCCD",
	    "Ngày vào Đảng",
	    "Mã tổ chức",
	    "Quê quán",
	    "Ghi chú",
	};

	if (argc != 2) {
		fprintf(stderr, "usage: mkxlsx OUT.xlsx\n");
		return 2;
	}
	wb = workbook_new(argv[1]);
	ws = workbook_add_worksheet(wb, "Đảng viên");
	other = workbook_add_worksheet(wb, "Khác");
	datefmt = workbook_add_format(wb);
	format_set_num_format(datefmt, "dd/mm/yyyy");
	put_row(ws, 0, head);

	/* Row 2: NFD name, serial dates, CCCD as a number. */
	put_row(ws, 1,
	        (const char *[NCOLS]){"Lo\xCC\x80 Va\xCC\x86n Muo\xCC\x82n", NULL, "Nam", NULL,
	                              NULL, "C1", "Xã Mường Phăng", "ghi chú bị bỏ qua"});
	worksheet_write_number(ws, 1, 1, 27526, datefmt);      /* 12/05/1975 */
	worksheet_write_number(ws, 1, 3, 11075000123.0, NULL); /* 011075000123 */
	worksheet_write_number(ws, 1, 4, 37136, datefmt);      /* 02/09/2001 */
	/* Row 3: old tone placement, year as a number. */
	put_row(
	    ws, 2,
	    (const char *[NCOLS]){"Quàng Thị Hòa", NULL, "nữ", "011180000456", "15/03/2005", "C1"});
	worksheet_write_number(ws, 2, 1, 1980, NULL);
	/* Row 4: month/year birth date. */
	put_row(ws, 3,
	        (const char *[NCOLS]){"Thào A Dế", "03/1990", "Nam", NULL, "12/12/2015", "C2"});
	/* Row 5: impossible date. */
	put_row(ws, 4, (const char *[NCOLS]){"Lường Văn Ún", "31/02/1990", NULL, NULL, NULL, "C1"});
	/* Row 6: CCCD too short. */
	put_row(ws, 5, (const char *[NCOLS]){"Cà Văn Bun", NULL, NULL, "12345", NULL, "C1"});
	/* Row 7: unknown organisation. */
	put_row(ws, 6, (const char *[NCOLS]){"Vì Văn Ươi", NULL, NULL, NULL, NULL, "NOPE"});
	/* Row 8 left empty. */
	/* Row 9: fine. */
	put_row(ws, 8, (const char *[NCOLS]){"Tòng Văn Xôm", NULL, NULL, NULL, NULL, "C2"});
	worksheet_write_number(ws, 8, 1, 30000, datefmt);
	/* Row 10: digits in a name. */
	put_row(ws, 9, (const char *[NCOLS]){"Lò Văn 3", NULL, NULL, NULL, NULL, "C2"});

	worksheet_write_string(other, 0, 0, "Họ và tên", NULL);
	worksheet_write_string(other, 1, 0, "Không được đọc", NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
