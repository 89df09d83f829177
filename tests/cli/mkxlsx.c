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

int main(int argc, char **argv)
{
	lxw_workbook *wb;
	lxw_worksheet *ws, *other;
	lxw_format *datefmt;
	const char *const head[] = {
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
	for (int c = 0; c < 8; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);

	/* Row 2: NFD name, serial dates, CCCD as a number. */
	worksheet_write_string(ws, 1, 0, "Lo\xCC\x80 Va\xCC\x86n Muo\xCC\x82n", NULL);
	worksheet_write_number(ws, 1, 1, 27526, datefmt); /* 12/05/1975 */
	worksheet_write_string(ws, 1, 2, "Nam", NULL);
	worksheet_write_number(ws, 1, 3, 11075000123.0, NULL); /* 011075000123 */
	worksheet_write_number(ws, 1, 4, 37136, datefmt);      /* 02/09/2001 */
	worksheet_write_string(ws, 1, 5, "C1", NULL);
	worksheet_write_string(ws, 1, 6, "Xã Mường Phăng", NULL);
	worksheet_write_string(ws, 1, 7, "ghi chú bị bỏ qua", NULL);
	/* Row 3: old tone placement, year as a number. */
	worksheet_write_string(ws, 2, 0, "Quàng Thị Hòa", NULL);
	worksheet_write_number(ws, 2, 1, 1980, NULL);
	worksheet_write_string(ws, 2, 2, "nữ", NULL);
	worksheet_write_string(ws, 2, 3, "011180000456", NULL);
	worksheet_write_string(ws, 2, 4, "15/03/2005", NULL);
	worksheet_write_string(ws, 2, 5, "C1", NULL);
	/* Row 4: month/year birth date. */
	worksheet_write_string(ws, 3, 0, "Thào A Dế", NULL);
	worksheet_write_string(ws, 3, 1, "03/1990", NULL);
	worksheet_write_string(ws, 3, 2, "Nam", NULL);
	worksheet_write_string(ws, 3, 4, "12/12/2015", NULL);
	worksheet_write_string(ws, 3, 5, "C2", NULL);
	/* Row 5: impossible date. */
	worksheet_write_string(ws, 4, 0, "Lường Văn Ún", NULL);
	worksheet_write_string(ws, 4, 1, "31/02/1990", NULL);
	worksheet_write_string(ws, 4, 5, "C1", NULL);
	/* Row 6: CCCD too short. */
	worksheet_write_string(ws, 5, 0, "Cà Văn Bun", NULL);
	worksheet_write_string(ws, 5, 3, "12345", NULL);
	worksheet_write_string(ws, 5, 5, "C1", NULL);
	/* Row 7: unknown organisation. */
	worksheet_write_string(ws, 6, 0, "Vì Văn Ươi", NULL);
	worksheet_write_string(ws, 6, 5, "NOPE", NULL);
	/* Row 8 left empty. */
	/* Row 9: fine. */
	worksheet_write_string(ws, 8, 0, "Tòng Văn Xôm", NULL);
	worksheet_write_number(ws, 8, 1, 30000, datefmt);
	worksheet_write_string(ws, 8, 5, "C2", NULL);
	/* Row 10: digits in a name. */
	worksheet_write_string(ws, 9, 0, "Lò Văn 3", NULL);
	worksheet_write_string(ws, 9, 5, "C2", NULL);

	worksheet_write_string(other, 0, 0, "Họ và tên", NULL);
	worksheet_write_string(other, 1, 0, "Không được đọc", NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
