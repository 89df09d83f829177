/* Unit tests for src/app/report-doc.c: a report as the Party's document
 * (the model the writers lay out; test-report-export.c writes it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/inspection.h"
#include "app/report.h"
#include "export/doc.h"
#include "fixture.h"

/* The text of every block, and the cells of every table, joined. */
static void all_text(const struct doc *d, struct buf *out)
{
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (b->text)
			assert_int_equal(buf_addf(out, "%s\n", b->text), 0);
		if (b->table) {
			assert_int_equal(buf_addf(out, "%s\n", b->table->title), 0);
			for (size_t c = 0; c < b->table->nrows * b->table->ncols; c++)
				if (b->table->cells[c].kind == DOC_CELL_TEXT)
					assert_int_equal(
					    buf_addf(out, "%s|", b->table->cells[c].text), 0);
		}
	}
}

static const struct doc_table *table_titled(const struct doc *d, const char *prefix)
{
	for (size_t i = 0; i < d->nblocks; i++)
		if (d->blocks[i].table &&
		    strncmp(d->blocks[i].table->title, prefix, strlen(prefix)) == 0)
			return d->blocks[i].table;
	fail_msg("no table %s", prefix);
	return NULL;
}

static void test_report_document(void **state)
{
	struct fixture *fx = *state;
	struct actor viewer;
	struct case_input in = {.kind = "kiem_tra", .subtype = "chap_hanh", .title = "Kiểm tra"};
	struct report r;
	struct doc d;
	struct buf text = BUF_INIT(1 << 20);
	int64_t x1, x2, id;
	const struct doc_table *t;

	/* Renamed before any record: the name the documents carry. */
	assert_int_equal(org_rename(fx->app, &fx->sys, fx->tu, "Đảng bộ tỉnh Điện Biên",
	                            date_days(2000, 1, 1), NULL, &fx->e),
	                 0);
	x1 = fixture_org(fx, "X1", "Đảng bộ huyện Mường Nhé", "dang_bo_truc_thuoc", fx->tu);
	x2 = fixture_org(fx, "X2", "Đảng bộ xã Thanh Nưa", "dang_bo_truc_thuoc", fx->tu);
	viewer = fixture_actor(8, ROLE_VIEWER, fx->tu, CLEARANCE_NORMAL);
	in.nsubject_orgs = 1;
	for (int y = 2015; y <= 2019; y++) {
		in.handling_org = y % 2 ? x1 : x2;
		in.subject_orgs = y % 2 ? &x1 : &x2;
		in.opened = date_days(y, 3, 2);
		assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &id, NULL, &fx->e), 0);
	}
	in.confidentiality = CLEARANCE_SECRET;
	in.opened = date_days(2018, 9, 9);
	assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &id, NULL, &fx->e), 0);

	/* The 5-year review, read by the system (sees the secret case). */
	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(r.nyears, 5);
	assert_int_equal(r.years[0].year, 2015);
	assert_int_equal(r.years[3].n[0], 2); /* 2018: two inspections */
	assert_int_equal(r.conf, CLEARANCE_SECRET);
	assert_int_equal(report_document(fx->app, &fx->sys, &r, &fx->a, &d, &fx->e), 0);
	assert_string_equal(d.mark, "MẬT");
	assert_string_equal(d.superior, "ĐẢNG BỘ TỈNH ĐIỆN BIÊN");
	assert_string_equal(d.issuer, "TỈNH ỦY");
	assert_non_null(strstr(d.number, "-BC/TU"));
	assert_non_null(strstr(d.place_date, "Điện Biên, ngày "));
	assert_string_equal(d.type, "BÁO CÁO");
	assert_non_null(strstr(d.summary, "Sơ kết 5 năm"));
	assert_non_null(strstr(d.summary, "giai đoạn 2015 - 2019"));
	all_text(&d, &text);
	assert_non_null(strstr(text.buf, "kiểm tra 6 lượt tổ chức đảng"));
	for (const char *h =
	         "I. KẾT QUẢ THỰC HIỆN\0II. ĐÁNH GIÁ CHUNG\0III. BÀI HỌC KINH NGHIỆM\0IV. "
	         "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI\0V. ĐỀ XUẤT, KIẾN NGHỊ\0";
	     *h; h += strlen(h) + 1)
		assert_non_null(strstr(text.buf, h));
	/* The appendix: rows by organisation below, totals the figures'. */
	t = table_titled(&d, "Biểu 2");
	assert_true(t->total_row);
	assert_int_equal(t->nrows, r.nrows + 1);
	assert_int_equal(t->cells[(t->nrows - 1) * t->ncols + 2].n, 6);
	t = table_titled(&d, "Biểu 4"); /* by year */
	assert_int_equal(t->nrows, 6);
	assert_int_equal(t->cells[3 * t->ncols + 2].n, 2);
	assert_string_equal(d.sign_for, "T/M BAN THƯỜNG VỤ");
	assert_non_null(strstr(d.footer, "Lập bởi hệ thống lúc"));

	/* The viewer does not count the secret case: no mark. */
	assert_int_equal(report_figures(fx->app, &viewer, fx->tu, date_days(2015, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(r.conf, CLEARANCE_NORMAL);
	assert_int_equal(report_document(fx->app, &viewer, &r, &fx->a, &d, &fx->e), 0);
	assert_null(d.mark);

	/* A district's quarter: its own committee, the province above it. */
	assert_int_equal(report_figures(fx->app, &fx->sys, x1, date_days(2019, 4, 1),
	                                date_days(2019, 6, 30), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(r.nyears, 0);
	assert_int_equal(report_document(fx->app, &fx->sys, &r, &fx->a, &d, &fx->e), 0);
	assert_string_equal(d.superior, "ĐẢNG BỘ TỈNH ĐIỆN BIÊN");
	assert_string_equal(d.issuer, "HUYỆN ỦY MƯỜNG NHÉ");
	assert_non_null(strstr(d.number, "-BC/HU"));
	assert_non_null(strstr(d.summary, "quý II năm 2019"));
	assert_non_null(strstr(d.recipients[0], "Tỉnh ủy"));
	/* Other periods by their names. */
	{
		static const struct {
			int m1, d1, m2, d2;
			const char *label;
		} p[] = {{1, 1, 6, 30, "6 tháng đầu năm 2019"},
		         {1, 1, 9, 30, "9 tháng đầu năm 2019"},
		         {7, 1, 12, 31, "6 tháng cuối năm 2019"},
		         {5, 1, 5, 31, "tháng 5 năm 2019"},
		         {1, 1, 12, 31, "năm 2019"},
		         {3, 15, 8, 20, "từ ngày 15/03/2019 đến ngày 20/08/2019"}};

		for (size_t i = 0; i < sizeof(p) / sizeof(p[0]); i++) {
			assert_int_equal(report_figures(fx->app, &fx->sys, x2,
			                                date_days(2019, p[i].m1, p[i].d1),
			                                date_days(2019, p[i].m2, p[i].d2),
			                                DATE_NONE, &fx->a, &r, &fx->e),
			                 0);
			assert_int_equal(report_document(fx->app, &fx->sys, &r, &fx->a, &d, &fx->e),
			                 0);
			if (!strstr(d.summary, p[i].label))
				fail_msg("'%s' lacks '%s'", d.summary, p[i].label);
			assert_string_equal(d.issuer, "ĐẢNG ỦY XÃ THANH NƯA");
		}
	}
	buf_release(&text);
}

/* Section I: the inspections by actor, with the actors' names; section
 * I.4 on the letters, its breakdowns left out when there is nothing to
 * break down; no outcome sentence while no background check has one. */
static void test_actors_and_letters_in_words(void **state)
{
	struct fixture *fx = *state;
	struct case_input in = {.kind = "kiem_tra",
	                        .subtype = "chap_hanh",
	                        .title = "Kiểm tra",
	                        .handling_org = fx->tu,
	                        .opened = date_days(2019, 3, 2)};
	struct report r;
	struct doc d;
	struct buf text = BUF_INIT(1 << 20);
	int64_t id;

	assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &id, NULL, &fx->e), 0);
	assert_int_equal(inspection_set(fx->app, &fx->sys, id,
	                                &(struct inspection_input){.actor = "ubkt"}, &fx->e),
	                 0);
	assert_int_equal(report_figures(fx->app, &fx->sys, fx->tu, date_days(2019, 1, 1),
	                                date_days(2019, 12, 31), DATE_NONE, &fx->a, &r, &fx->e),
	                 0);
	assert_int_equal(report_document(fx->app, &fx->sys, &r, &fx->a, &d, &fx->e), 0);
	all_text(&d, &text);
	assert_non_null(strstr(text.buf, "Theo chủ thể kiểm tra: 1 cuộc kiểm tra (cùng kỳ 0) (Ủy "
	                                 "ban kiểm tra: 1)."));
	assert_non_null(strstr(text.buf, "4. Tiếp nhận, xử lý đơn thư; giải quyết tố cáo"));
	assert_non_null(strstr(text.buf, "Tiếp nhận 0 đơn thư (cùng kỳ 0). Đã phân loại"));
	assert_null(strstr(text.buf, "Kết quả thẩm tra lý lịch: "));
	buf_release(&text);
}

TEST_MAIN(FIXTURE_TEST(test_report_document, fixture_setup),
          FIXTURE_TEST(test_actors_and_letters_in_words, fixture_setup))
