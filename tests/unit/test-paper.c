/* Unit tests for src/app/paper.c and paper-render.c: the tables of papers
 * and fields, templates checked (unknown, foreign and protected fields),
 * a paper previewed, generated as a draft document and downloaded, a
 * template changed by an administrator - each refused to whoever may not
 * see the case, as if it did not exist. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/letter.h"
#include "app/paper.h"
#include "fixture.h"

struct fx {
	struct fixture fx;
	struct actor officer, other, viewer, admin;
	int64_t x1, x2, insp, check, trip;
};

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct case_input in = {.kind = "kiem_tra",
	                        .subtype = "dau_hieu_vi_pham",
	                        .title = "Kiểm tra việc chấp hành Điều lệ",
	                        .opened = date_days(2024, 1, 2)};

	fixture_communes(&f->fx, &f->x1, &f->x2);
	f->officer = fixture_actor(7, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->other = fixture_actor(9, ROLE_OFFICER, f->x2, CLEARANCE_NORMAL);
	f->viewer = fixture_actor(10, ROLE_VIEWER, f->x1, CLEARANCE_NORMAL);
	f->admin = fixture_actor(11, ROLE_ADMIN, 0, CLEARANCE_TOP_SECRET);
	f->insp = fixture_case_of(&f->fx, &f->officer, in, f->x1);
	in.kind = "tham_tra_ly_lich";
	in.subtype = NULL;
	in.title = "Thẩm tra lý lịch quần chúng";
	f->check = fixture_case_of(&f->fx, &f->officer, in, f->x1);
	in.kind = "ra_nuoc_ngoai";
	in.title = "Đi Lào";
	f->trip = fixture_case_of(&f->fx, &f->officer, in, f->x1);
	*state = f;
	return 0;
}

static void test_every_default_template_uses_fields_its_paper_has(void **state)
{
	size_t nf;
	const struct paper_field *fv = paper_fields(&nf);
	struct err e;

	(void)state;
	err_init(&e);
	for (int i = 0; i < PAPER__MAX; i++) {
		const struct paper *p = paper_get((enum paper_id)i);

		assert_non_null(p);
		assert_int_equal(p->id, i);
		assert_ptr_equal(paper_find(p->code), p);
		assert_non_null(case_kind_get(p->kind));
		assert_non_null(p->defaults.part[PAPER_BODY]);
		for (int k = 0; k < PAPER_PART__MAX; k++)
			if (paper_check_text(p, fv, nf, (enum paper_part)k, p->defaults.part[k],
			                     &e) != 0)
				fail_msg("%s.%s: %s", p->code, paper_part_code((enum paper_part)k),
				         err_text_en(&e));
	}
	for (size_t i = 0; i < nf; i++)
		for (size_t j = i + 1; j < nf; j++)
			assert_string_not_equal(fv[i].name, fv[j].name);
	assert_null(paper_find("khong_co"));
	assert_null(paper_get(PAPER__MAX));
	err_release(&e);
}

static void test_a_template_naming_an_unknown_field_is_refused(void **state)
{
	const struct paper *p = paper_get(PAPER_KT_QUYET_DINH);
	struct paper_template t;
	struct arena a;
	struct err e;
	json_t *o = json_pack("{s:s}", "body", "Kiểm tra {{case.number}} và {{case.numbr}}");

	(void)state;
	err_init(&e);
	arena_init(&a, 0);
	assert_int_equal(paper_template_parse(p, o, &a, &t, &e), HOSO_E_UNKNOWN_FIELD);
	assert_string_equal(e.field.buf, "body");
	assert_non_null(strstr(err_text_vi(&e), "{{case.numbr}}"));
	assert_non_null(strstr(err_text_en(&e), "unknown field: {{case.numbr}}"));
	json_decref(o);
	/* a field of another kind, and a letter's on a paper without one */
	o = json_pack("{s:s}", "summary", "Đi {{trip.countries}}");
	assert_int_equal(paper_template_parse(p, o, &a, &t, &e), HOSO_E_UNKNOWN_FIELD);
	assert_string_equal(e.field.buf, "summary");
	json_decref(o);
	o = json_pack("{s:s}", "body", "{{letter.recipient}}");
	assert_int_equal(paper_template_parse(p, o, &a, &t, &e), HOSO_E_UNKNOWN_FIELD);
	json_decref(o);
	/* a part there is none of; a malformed field */
	o = json_pack("{s:s}", "footer", "x");
	assert_int_equal(paper_template_parse(p, o, &a, &t, &e), HOSO_E_INVALID);
	json_decref(o);
	o = json_pack("{s:s}", "body", "{{case.number");
	assert_int_equal(paper_template_parse(p, o, &a, &t, &e), HOSO_E_INVALID);
	json_decref(o);
	o = json_pack("{s:s}", "body", "Kiểm tra {{ case.number }}");
	assert_int_equal(paper_template_parse(p, o, &a, &t, &e), 0);
	assert_string_equal(t.part[PAPER_BODY], "Kiểm tra {{ case.number }}");
	assert_null(t.part[PAPER_TYPE]);
	json_decref(o);
	arena_release(&a);
	err_release(&e);
}

static int no_values(struct paper_ctx *c, struct paper_values *ret)
{
	(void)c;
	ret->n = 0;
	return 0;
}

static void test_a_protected_field_never_reaches_a_paper_to_the_subject(void **state)
{
	/* as the denunciation's sender will be declared */
	static const struct paper_field fv[] = {
	    {"case.number", "Số", "Number", 0, 0, no_values},
	    {"sender.name", "Người tố cáo", "Sender", 0, PAPER_FIELD_PROTECTED, no_values},
	};
	const struct paper *to_subject = paper_get(PAPER_KL_QUYET_DINH);
	const struct paper *to_state = paper_get(PAPER_KL_DE_NGHI);
	struct err e;

	(void)state;
	err_init(&e);
	assert_true(to_subject->flags & PAPER_TO_SUBJECT);
	assert_false(to_state->flags & PAPER_TO_SUBJECT);
	assert_int_equal(
	    paper_check_text(to_subject, fv, 2, PAPER_BODY, "Ông {{sender.name}} tố cáo", &e),
	    HOSO_E_PROTECTED_FIELD);
	assert_non_null(strstr(err_text_vi(&e), "{{sender.name}}"));
	assert_int_equal(
	    paper_check_text(to_subject, fv, 2, PAPER_RECIPIENTS, "- {{sender.name}}", &e),
	    HOSO_E_PROTECTED_FIELD);
	assert_int_equal(paper_check_text(to_state, fv, 2, PAPER_BODY, "{{sender.name}}", &e), 0);
	assert_int_equal(paper_check_text(to_subject, fv, 2, PAPER_BODY, "{{case.number}}", &e), 0);
	err_release(&e);
}

/* The text of line i of a preview's body. */
static const char *line(json_t *o, size_t i)
{
	return json_string_value(
	    json_object_get(json_array_get(json_object_get(o, "body"), i), "text"));
}

static int body_has(json_t *o, const char *s)
{
	json_t *body = json_object_get(o, "body");

	for (size_t i = 0; i < json_array_size(body); i++)
		if (strstr(line(o, i), s))
			return 1;
	return 0;
}

static void test_a_preview_is_filled_from_the_case(void **state)
{
	struct fx *f = *state;
	struct paper_request rq = {"kt_quyet_dinh", 0, NULL};
	json_t *o = NULL;

	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->insp, &rq, &f->fx.a, &o, &f->fx.e), 0);
	assert_string_equal(json_string_value(json_object_get(o, "superior")), "ĐẢNG ỦY XÃ A");
	assert_string_equal(json_string_value(json_object_get(o, "issuer")), "ỦY BAN KIỂM TRA");
	assert_string_equal(json_string_value(json_object_get(o, "type")), "QUYẾT ĐỊNH");
	assert_string_equal(json_string_value(json_object_get(o, "summary")),
	                    "Về việc kiểm tra Đảng bộ xã A");
	assert_string_equal(json_string_value(json_object_get(o, "number")), "Số        -QĐ/UBKT");
	assert_true(body_has(o, "ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ A QUYẾT ĐỊNH"));
	assert_true(body_has(o, "hồ sơ số KT-2024-0001"));
	/* no assignee yet: the team's line is left out, not printed empty */
	assert_false(body_has(o, "- Đồng chí"));
	assert_true(json_is_null(json_object_get(o, "mark")));
	json_decref(o);
	/* an unsaved template tried on the case */
	rq.tpl = json_pack("{s:s,s:s}", "type", "QUYẾT ĐỊNH", "body",
	                   "# {{org.committee}}\n\n{{case.title}}");
	assert_int_equal(paper_preview(f->fx.app, &f->admin, f->insp, &rq, &f->fx.a, &o, &f->fx.e),
	                 0);
	assert_string_equal(line(o, 0), "Đảng ủy xã A");
	assert_string_equal(line(o, 1), "Kiểm tra việc chấp hành Điều lệ");
	assert_int_equal(json_array_size(json_object_get(o, "body")), 2);
	json_decref(o);
	json_decref(rq.tpl);
}

static void test_a_preview_is_refused_as_for_a_missing_case(void **state)
{
	struct fx *f = *state;
	struct paper_request rq = {"kt_quyet_dinh", 0, NULL};
	json_t *o = NULL;

	assert_int_equal(paper_preview(f->fx.app, &f->other, f->insp, &rq, &f->fx.a, &o, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(paper_preview(f->fx.app, &f->other, 9999, &rq, &f->fx.a, &o, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(paper_preview(f->fx.app, &f->viewer, f->insp, &rq, &f->fx.a, &o, &f->fx.e),
	                 HOSO_E_DENIED);
	rq.paper = "rnn_dong_y";
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->insp, &rq, &f->fx.a, &o, &f->fx.e),
	    HOSO_E_CONFLICT);
	rq.paper = "khong_co";
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->insp, &rq, &f->fx.a, &o, &f->fx.e),
	    HOSO_E_BAD_ENUM);
	assert_null(o);
}

static void test_a_verification_letter_is_one_per_letter(void **state)
{
	struct fx *f = *state;
	struct letter_input in = {.recipient = "Đảng ủy xã Thanh Nưa",
	                          .about = "Bố đẻ: Lò Văn Pánh",
	                          .sent = date_days(2024, 6, 3)};
	struct paper_request rq = {"ttll_xac_minh", 0, NULL};
	int64_t letter;
	json_t *o = NULL;

	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check, &in, &letter, &f->fx.e), 0);
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->check, &rq, &f->fx.a, &o, &f->fx.e),
	    HOSO_E_MISSING);
	rq.letter = letter + 100;
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->check, &rq, &f->fx.a, &o, &f->fx.e),
	    HOSO_E_NOT_FOUND);
	rq.letter = letter;
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->check, &rq, &f->fx.a, &o, &f->fx.e), 0);
	assert_string_equal(line(o, 0), "Kính gửi: Đảng ủy xã Thanh Nưa");
	assert_true(body_has(o, "cho ý kiến về: Bố đẻ: Lò Văn Pánh."));
	assert_true(body_has(o, "quần chúng Đảng bộ xã A"));
	json_decref(o);
	rq.paper = "ttll_don_doc";
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->check, &rq, &f->fx.a, &o, &f->fx.e), 0);
	assert_true(body_has(o, "Ngày 03/06/2024, Đảng ủy xã A đã có văn bản số"));
	json_decref(o);
}

/* paper_download of document id as who in format fmt into out (emptied
 * first), its file name and type in *ret_name and *ret_type; a download
 * that fails must leave out empty. */
static int download(struct fx *f, const struct actor *who, int64_t id, const char *fmt,
                    struct buf *out, const char **ret_name, const char **ret_type)
{
	int r;

	buf_setlen(out, 0);
	r = paper_download(f->fx.app, who, id, fmt, &f->fx.a, out, ret_name, ret_type, &f->fx.e);
	if (r < 0)
		assert_int_equal(out->len, 0);
	return r;
}

static void test_a_paper_is_kept_as_a_draft_and_downloaded(void **state)
{
	struct fx *f = *state;
	struct paper_request rq = {"kt_quyet_dinh", 0, NULL};
	struct case_view v;
	struct buf out = BUF_INIT(1 << 24);
	const char *name, *type;
	int64_t doc = 0, plain = 0;
	struct case_document_input d = {.title = "Tờ trình", .doc_date = date_days(2024, 1, 3)};

	assert_int_equal(paper_generate(f->fx.app, &f->viewer, f->insp, &rq, &doc, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(paper_generate(f->fx.app, &f->other, f->insp, &rq, &doc, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(paper_generate(f->fx.app, &f->officer, f->insp, &rq, &doc, &f->fx.e), 0);
	assert_true(doc > 0);
	assert_int_equal(case_get(f->fx.app, &f->officer, f->insp, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(v.documents.n, 1);
	assert_string_equal(v.documents.v[0].paper, "kt_quyet_dinh");
	assert_null(v.documents.v[0].number_symbol);
	assert_string_equal(v.documents.v[0].title, "Quyết định kiểm tra - KT-2024-0001");
	assert_int_equal(download(f, &f->viewer, doc, "docx", &out, &name, &type), 0);
	assert_memory_equal(out.buf, "PK", 2);
	assert_string_equal(name, "kt_quyet_dinh-KT-2024-0001.docx");
	assert_int_equal(download(f, &f->officer, doc, "pdf", &out, &name, &type), 0);
	assert_memory_equal(out.buf, "%PDF", 4);
	assert_string_equal(type, "application/pdf");
	assert_int_equal(download(f, &f->other, doc, "pdf", &out, &name, &type), HOSO_E_NOT_FOUND);
	assert_int_equal(download(f, &f->officer, doc, "odt", &out, &name, &type), HOSO_E_BAD_ENUM);
	/* a document typed in, not made from a template */
	assert_int_equal(case_add_document(f->fx.app, &f->officer, f->insp, &d, &plain, &f->fx.e),
	                 0);
	assert_int_equal(download(f, &f->officer, plain, "pdf", &out, &name, &type),
	                 HOSO_E_NOT_FOUND);
	buf_release(&out);
}

static void test_an_administrator_changes_a_template(void **state)
{
	struct fx *f = *state;
	struct paper_request rq = {"rnn_dong_y", 0, NULL};
	json_t *t =
	    json_pack("{s:s,s:s,s:s}", "issuer", "BAN THƯỜNG VỤ", "sign_title", "PHÓ BÍ THƯ",
	              "body", "Đồng ý cho {{travellers}} đi {{trip.countries}}.");
	json_t *bad = json_pack("{s:s}", "body", "{{trip.country}}");
	json_t *o = NULL;

	assert_int_equal(paper_template_set(f->fx.app, &f->officer, "rnn_dong_y", t, 0, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(paper_template_set(f->fx.app, &f->admin, "khong_co", t, 0, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(paper_template_set(f->fx.app, &f->admin, "rnn_dong_y", bad, 0, &f->fx.e),
	                 HOSO_E_UNKNOWN_FIELD);
	assert_non_null(strstr(err_text_vi(&f->fx.e), "{{trip.country}}"));
	assert_int_equal(paper_template_set(f->fx.app, &f->admin, "rnn_dong_y", t, 0, &f->fx.e), 0);
	/* the version read is checked */
	assert_int_equal(paper_template_set(f->fx.app, &f->admin, "rnn_dong_y", t, 0, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(paper_template_set(f->fx.app, &f->admin, "rnn_dong_y", t, 1, &f->fx.e), 0);
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->trip, &rq, &f->fx.a, &o, &f->fx.e), 0);
	assert_string_equal(json_string_value(json_object_get(o, "issuer")), "BAN THƯỜNG VỤ");
	assert_string_equal(json_string_value(json_object_get(o, "sign_title")), "PHÓ BÍ THƯ");
	/* no trip recorded yet: the empty values leave the sentence */
	assert_string_equal(line(o, 0), "Đồng ý cho  đi .");
	json_decref(o);
	json_decref(t);
	json_decref(bad);
}

static void test_a_classified_case_gives_a_marked_paper_to_those_cleared(void **state)
{
	struct fx *f = *state;
	struct actor cleared = fixture_actor(12, ROLE_OFFICER, f->x1, CLEARANCE_SECRET);
	struct case_input in = {.kind = "kiem_tra",
	                        .title = "Kiểm tra mật",
	                        .opened = date_days(2024, 1, 2),
	                        .confidentiality = CLEARANCE_SECRET};
	struct paper_request rq = {"kt_thong_bao", 0, NULL};
	int64_t secret = fixture_case_of(&f->fx, &cleared, in, f->x1), doc;
	json_t *o = NULL;

	assert_int_equal(paper_preview(f->fx.app, &cleared, secret, &rq, &f->fx.a, &o, &f->fx.e),
	                 0);
	assert_string_equal(json_string_value(json_object_get(o, "mark")), "MẬT");
	json_decref(o);
	/* above the officer's clearance: as missing */
	assert_int_equal(paper_preview(f->fx.app, &f->officer, secret, &rq, &f->fx.a, &o, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(paper_generate(f->fx.app, &f->officer, secret, &rq, &doc, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
}

/* A stored template naming a field the program no longer has (renamed in
 * a later version): refused when rendered, shown to the administrator
 * with what is wrong, and mended. */
static void test_a_stale_template_is_shown_and_mended(void **state)
{
	struct fx *f = *state;
	struct paper_request rq = {"kt_quyet_dinh", 0, NULL};
	json_t *o = NULL, *good = json_pack("{s:s}", "body", "{{case.number}}");
	const char *problem = NULL;

	assert_int_equal(store_paper_template_put(app_store(f->fx.app), "kt_quyet_dinh",
	                                          "{\"body\": \"{{case.so}}\"}", 0, 0),
	                 0);
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->insp, &rq, &f->fx.a, &o, &f->fx.e),
	    HOSO_E_UNKNOWN_FIELD);
	assert_int_equal(paper_catalogue(f->fx.app, &f->admin, &f->fx.a, &o, &f->fx.e), 0);
	for (size_t i = 0; i < json_array_size(json_object_get(o, "papers")); i++) {
		json_t *p = json_array_get(json_object_get(o, "papers"), i);

		if (strcmp(json_string_value(json_object_get(p, "code")), "kt_quyet_dinh") == 0) {
			problem = json_string_value(json_object_get(p, "problem"));
			assert_string_equal(json_string_value(json_object_get(
			                        json_object_get(p, "template"), "body")),
			                    "{{case.so}}");
		} else {
			assert_true(json_is_null(json_object_get(p, "problem")));
		}
	}
	assert_non_null(problem);
	assert_non_null(strstr(problem, "{{case.so}}"));
	json_decref(o);
	assert_int_equal(
	    paper_template_set(f->fx.app, &f->admin, "kt_quyet_dinh", good, 1, &f->fx.e), 0);
	assert_int_equal(
	    paper_preview(f->fx.app, &f->officer, f->insp, &rq, &f->fx.a, &o, &f->fx.e), 0);
	assert_string_equal(line(o, 0), "KT-2024-0001");
	json_decref(o);
	json_decref(good);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_default_template_uses_fields_its_paper_has),
	    cmocka_unit_test(test_a_template_naming_an_unknown_field_is_refused),
	    cmocka_unit_test(test_a_protected_field_never_reaches_a_paper_to_the_subject),
	    T(test_a_preview_is_filled_from_the_case),
	    T(test_a_preview_is_refused_as_for_a_missing_case),
	    T(test_a_verification_letter_is_one_per_letter),
	    T(test_a_paper_is_kept_as_a_draft_and_downloaded),
	    T(test_an_administrator_changes_a_template),
	    T(test_a_classified_case_gives_a_marked_paper_to_those_cleared),
	    T(test_a_stale_template_is_shown_and_mended),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
