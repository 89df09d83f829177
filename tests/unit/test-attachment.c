/* Unit tests for src/app/attachment.c: files attached to a case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/attachment.h"
#include "app/audit.h"
#include "app/case.h"
#include "app/org.h"
#include "fixture.h"
#include "store/store.h"

static const char pdf[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
static const char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF";
static const char docx[] = "PK\x03\x04 [Content_Types].xml ... PK\x03\x04 word/document.xml";
static const char xlsx[] = "PK\x03\x04 [Content_Types].xml ... PK\x03\x04 xl/workbook.xml";

static void test_attachment_sniff(void **state)
{
	(void)state;
	assert_string_equal(attachment_sniff(pdf, sizeof(pdf) - 1)->mime, "application/pdf");
	assert_string_equal(attachment_sniff(png, sizeof(png) - 1)->mime, "image/png");
	assert_string_equal(attachment_sniff(jpeg, sizeof(jpeg) - 1)->mime, "image/jpeg");
	assert_non_null(strstr(attachment_sniff(docx, sizeof(docx) - 1)->mime, "wordprocessingml"));
	/* Not accepted: a spreadsheet, HTML, a script, too short to tell. */
	assert_null(attachment_sniff(xlsx, sizeof(xlsx) - 1));
	assert_null(attachment_sniff("<html><script>", 14));
	assert_null(attachment_sniff("#!/bin/sh\n", 10));
	assert_null(attachment_sniff("%PDF", 4));
	assert_null(attachment_sniff("", 0));
	assert_null(attachment_sniff(NULL, 10));
}

static void test_attachment_name(void **state)
{
	const struct attachment_type *t = attachment_sniff(pdf, sizeof(pdf) - 1);
	struct arena a;
	struct err e;
	const char *got;

	(void)state;
	arena_init(&a, 0);
	err_init(&e);
	assert_int_equal(attachment_name_clean(&a, "C:\\Tài liệu\\QĐ 15.PDF", t, &got, &e), 0);
	assert_string_equal(got, "QĐ 15.PDF");
	/* NFD in, NFC out; white space collapsed. */
	assert_int_equal(
	    attachment_name_clean(&a, "../a/Quye\xcc\x82\xcc\x81t  \xc4\x91i\xcc\xa3nh.pdf", t,
	                          &got, &e),
	    0);
	assert_string_equal(got, "Quyết định.pdf");
	assert_int_equal(attachment_name_clean(&a, "ketluan.docx", t, &got, &e), HOSO_E_BAD_FILE);
	assert_string_equal(e.field.buf, "name");
	assert_int_equal(attachment_name_clean(&a, ".pdf", t, &got, &e), HOSO_E_BAD_FILE);
	assert_int_equal(attachment_name_clean(&a, "a/..", t, &got, &e), HOSO_E_MISSING);
	assert_int_equal(attachment_name_clean(&a, "dir/", t, &got, &e), HOSO_E_MISSING);
	assert_int_equal(attachment_name_clean(&a, NULL, t, &got, &e), HOSO_E_MISSING);
	assert_int_equal(attachment_name_clean(&a, "a\r\nb.pdf", t, &got, &e), HOSO_E_BAD_NAME);
	err_release(&e);
	arena_release(&a);
}

static void test_attachment_store_and_read(void **state)
{
	struct fixture *fx = *state;
	struct actor officer, viewer, other;
	struct org_new h = {"TU.H1", "Đảng bộ huyện",       "dang_bo_truc_thuoc",
	                    0,       date_days(2000, 1, 1), NULL};
	struct case_input in = {
	    .kind = "kiem_tra", .title = "Kiểm tra chuyên đề", .opened = date_days(2024, 9, 3)};
	struct attachment_row r1, r2, got;
	struct case_view v;
	const void *data;
	size_t len;
	int64_t h1, kt, secret;
	char big_head[8] = "%PDF-1.";

	h.parent_id = fx->tu;
	assert_int_equal(org_create(fx->app, &fx->sys, &h, &h1, &fx->e), 0);
	officer = fixture_actor(7, ROLE_OFFICER, fx->tu, CLEARANCE_NORMAL);
	viewer = fixture_actor(8, ROLE_VIEWER, fx->tu, CLEARANCE_NORMAL);
	other = fixture_actor(9, ROLE_OFFICER, h1, CLEARANCE_NORMAL);
	in.handling_org = fx->tu;
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &kt, NULL, &fx->e), 0);
	in.confidentiality = CLEARANCE_SECRET;
	assert_int_equal(case_create(fx->app, &fx->sys, &in, &fx->a, &secret, NULL, &fx->e), 0);

	/* Attach: the type from the bytes, stored once however often sent. */
	assert_int_equal(attachment_add(fx->app, &officer, kt, "QĐ 15-QĐ/UBKTTU.pdf", pdf,
	                                sizeof(pdf) - 1, &fx->a, &r1, &fx->e),
	                 0);
	assert_string_equal(r1.filename, "UBKTTU.pdf"); /* '/' ends a path component */
	assert_string_equal(r1.mime, "application/pdf");
	assert_int_equal(strlen(r1.sha256), 64);
	assert_int_equal(attachment_add(fx->app, &officer, kt, "ban sao.pdf", pdf, sizeof(pdf) - 1,
	                                &fx->a, &r2, &fx->e),
	                 0);
	assert_string_equal(r1.sha256, r2.sha256);
	assert_true(r2.id > r1.id);

	/* Refused, nothing written. */
	assert_int_equal(attachment_add(fx->app, &viewer, kt, "a.pdf", pdf, sizeof(pdf) - 1, &fx->a,
	                                &got, &fx->e),
	                 HOSO_E_DENIED);
	assert_int_equal(
	    attachment_add(fx->app, &officer, kt, "a.pdf", "<html>", 6, &fx->a, &got, &fx->e),
	    HOSO_E_BAD_FILE);
	assert_string_equal(fx->e.field.buf, "file");
	assert_int_equal(attachment_add(fx->app, &officer, kt, "a.png", pdf, sizeof(pdf) - 1,
	                                &fx->a, &got, &fx->e),
	                 HOSO_E_BAD_FILE);
	assert_int_equal(
	    attachment_add(fx->app, &officer, kt, "a.pdf", pdf, 0, &fx->a, &got, &fx->e),
	    HOSO_E_MISSING);
	assert_int_equal(attachment_add(fx->app, &officer, kt, "a.pdf", big_head,
	                                ATTACHMENT_MAX + 1, &fx->a, &got, &fx->e),
	                 HOSO_E_TOO_BIG);
	/* A case one may not see is not there, for writes and reads alike. */
	assert_int_equal(attachment_add(fx->app, &officer, secret, "a.pdf", pdf, sizeof(pdf) - 1,
	                                &fx->a, &got, &fx->e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(attachment_add(fx->app, &other, kt, "a.pdf", pdf, sizeof(pdf) - 1, &fx->a,
	                                &got, &fx->e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(case_get(fx->app, &viewer, kt, &fx->a, &v, &fx->e), 0);
	assert_int_equal(v.attachments.n, 2);

	/* Read back: the same bytes; the reader is in the audit trail. */
	assert_int_equal(
	    attachment_read(fx->app, &viewer, r1.id, &fx->a, &got, &data, &len, &fx->e), 0);
	assert_int_equal(len, sizeof(pdf) - 1);
	assert_memory_equal(data, pdf, len);
	assert_string_equal(got.filename, "UBKTTU.pdf");
	assert_int_equal(attachment_read(fx->app, &other, r1.id, &fx->a, &got, &data, &len, &fx->e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(attachment_read(fx->app, &viewer, 999, &fx->a, &got, &data, &len, &fx->e),
	                 HOSO_E_NOT_FOUND);
	{
		struct audit_filter f = {.object_type = "attachment", .limit = 10};
		struct audit_list l;

		assert_int_equal(audit_list(fx->app, &fx->sys, &f, &fx->a, &l, &fx->e), 0);
		assert_int_equal(l.n, 1);
		assert_int_equal(l.v[0].user_id, 8);
		assert_string_equal(l.v[0].action, "read");
	}
}

TEST_MAIN(cmocka_unit_test(test_attachment_sniff), cmocka_unit_test(test_attachment_name),
          FIXTURE_TEST(test_attachment_store_and_read, fixture_setup))
