/*
 * doc-sample.h - one Party report for the document writers' tests
 * (test-export-docx, -pdf, -xlsx): every kind of block, Vietnamese text
 * with every tone mark, a table long enough to span pages, a total row, a
 * chart with two series, a confidentiality mark; and what every writer
 * must do when its output buffer is too small.  Include after <cmocka.h>,
 * core/buf.h and core/err.h.
 */
#ifndef HOSO_TEST_DOC_SAMPLE_H
#define HOSO_TEST_DOC_SAMPLE_H

#include <stdio.h>

#include "export/doc.h"

#define SAMPLE_ROWS 40

static const char *const sample_head[] = {"STT", "Đơn vị", "Tổ chức đảng được kiểm tra",
                                          "Đảng viên được kiểm tra", "Có vi phạm"};
static const double sample_widths[] = {0.6, 3.0, 1.6, 1.6, 1.2};
static char sample_names[SAMPLE_ROWS][64], sample_stt[SAMPLE_ROWS][8];
static struct doc_cell sample_cells[(SAMPLE_ROWS + 1) * 5];
static const char *sample_labels[] = {"2015", "2016", "2017", "2018", "2019"};
static const int64_t sample_values[] = {98, 104, 101, 97, 105};
static const int64_t sample_values2[] = {90, 99, 110, 95, 100};
static const char *const sample_recipients[] = {
    "- Ban Tổ chức Trung ương,", "- Thường trực Tỉnh ủy,", "- Lưu Văn phòng Tỉnh ủy."};
static struct doc_table sample_table = {
    .title = "Biểu 1. Kết quả kiểm tra theo đơn vị",
    .sheet = "Biểu 1",
    .ncols = 5,
    .head = sample_head,
    .widths = sample_widths,
    .nrows = SAMPLE_ROWS + 1,
    .cells = sample_cells,
    .total_row = 1,
    .note = "Số liệu tính theo cơ cấu tổ chức tại ngày 01/7/2025.",
};
static struct doc_chart sample_chart = {
    .title = "Tổ chức đảng được kiểm tra theo năm",
    .n = 5,
    .labels = sample_labels,
    .values = sample_values,
    .series = "Kỳ này",
    .values2 = sample_values2,
    .series2 = "Cùng kỳ",
};
static struct doc_block sample_blocks[] = {
    {.kind = DOC_PARA,
     .text = "Thực hiện Chỉ thị số 39-CT/TW ngày 18/10/2019 của Bộ Chính trị, Ban Thường vụ "
             "Tỉnh ủy báo cáo kết quả như sau:"},
    {.kind = DOC_HEADING, .level = 1, .text = "I. KẾT QUẢ THỰC HIỆN"},
    {.kind = DOC_HEADING, .level = 2, .text = "1. Công tác kiểm tra, giám sát"},
    {.kind = DOC_PARA,
     .text = "Các cấp ủy, ủy ban kiểm tra đã kiểm tra 505 tổ chức đảng và 824 đảng viên; "
             "phát hiện 94 tổ chức và 72 đảng viên có vi phạm."},
    {.kind = DOC_HEADING, .level = 3, .text = "a) Kiểm tra khi có dấu hiệu vi phạm"},
    {.kind = DOC_TABLE, .table = &sample_table},
    {.kind = DOC_CHART, .chart = &sample_chart},
    {.kind = DOC_HEADING, .level = 1, .text = "II. ĐÁNH GIÁ CHUNG"},
    {.kind = DOC_PLACEHOLDER, .text = "(Ưu điểm; hạn chế, khuyết điểm và nguyên nhân.)"},
    {.kind = DOC_PAGE_BREAK},
    {.kind = DOC_HEADING, .level = 1, .text = "PHỤ LỤC SỐ LIỆU"},
    {.kind = DOC_PARA, .text = "Ỷ ỹ ẵ ẳ ữ ử ự ờ ở ỡ ợ đ Đ — “ngoặc kép” & <thẻ>"},
};

/* The sample, filled in (idempotent). */
static inline const struct doc *doc_sample(void)
{
	static struct doc d = {
	    .mark = "MẬT",
	    .superior = "ĐẢNG BỘ TỈNH ĐIỆN BIÊN",
	    .issuer = "TỈNH ỦY",
	    .number = "Số 123-BC/TU",
	    .place_date = "Điện Biên, ngày 15 tháng 11 năm 2019",
	    .type = "BÁO CÁO",
	    .summary =
	        "Sơ kết 5 năm thực hiện Chỉ thị 39-CT/TW\nvề công tác bảo vệ chính trị nội bộ",
	    .blocks = sample_blocks,
	    .nblocks = sizeof(sample_blocks) / sizeof(sample_blocks[0]),
	    .sign_for = "T/M BAN THƯỜNG VỤ",
	    .sign_title = "BÍ THƯ",
	    .signer = "Nguyễn Văn Mẫu",
	    .recipients = sample_recipients,
	    .nrecipients = 3,
	    .footer = "Xuất bởi canbo1 lúc 15/11/2019 09:30",
	    .title = "Báo cáo sơ kết 5 năm",
	    .author = "hoso",
	    .created = 1573785000,
	};
	int64_t s2 = 0, s3 = 0, s4 = 0;

	for (int i = 0; i < SAMPLE_ROWS; i++) {
		struct doc_cell *c = &sample_cells[i * 5];

		snprintf(sample_stt[i], sizeof(sample_stt[i]), "%d", i + 1);
		snprintf(sample_names[i], sizeof(sample_names[i]), "Đảng ủy xã Mường Ảng số %d",
		         i + 1);
		c[0] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = sample_stt[i]};
		c[1] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = sample_names[i]};
		c[2] = (struct doc_cell){.kind = DOC_CELL_INT, .n = 10 + i};
		c[3] = (struct doc_cell){.kind = DOC_CELL_INT, .n = 100 * i + 11};
		c[4] = i % 7 == 3 ? (struct doc_cell){.kind = DOC_CELL_EMPTY}
		                  : (struct doc_cell){.kind = DOC_CELL_INT, .n = i % 3};
		s2 += c[2].n;
		s3 += c[3].n;
		s4 += c[4].kind == DOC_CELL_INT ? c[4].n : 0;
	}
	struct doc_cell *t = &sample_cells[SAMPLE_ROWS * 5];
	t[0] = (struct doc_cell){.kind = DOC_CELL_EMPTY};
	t[1] = (struct doc_cell){.kind = DOC_CELL_TEXT, .text = "Tổng cộng"};
	t[2] = (struct doc_cell){.kind = DOC_CELL_INT, .n = s2};
	t[3] = (struct doc_cell){.kind = DOC_CELL_INT, .n = s3};
	t[4] = (struct doc_cell){.kind = DOC_CELL_INT, .n = s4};
	return &d;
}

/* A document writer: docx_write, pdf_write, xlsx_write. */
typedef int (*doc_writer)(const struct doc *d, struct buf *out, struct err *e);

/* write, given the sample and a buffer capped at cap that already holds
 * "abc", fails with HOSO_E_TOO_BIG (in its return and in the error) and
 * leaves the buffer as it was. */
static inline void doc_sample_too_big(doc_writer write, size_t cap)
{
	struct buf b;
	struct err e;

	err_init(&e);
	buf_init(&b, cap);
	assert_int_equal(buf_adds(&b, "abc"), 0);
	assert_int_equal(write(doc_sample(), &b, &e), HOSO_E_TOO_BIG);
	assert_int_equal(e.code, HOSO_E_TOO_BIG);
	assert_int_equal(b.len, 3);
	assert_string_equal(b.buf, "abc");
	buf_release(&b);
	err_release(&e);
}

#endif
