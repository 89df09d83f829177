/* Unit tests for src/app/correct.c and case-edit.c: records of a case
 * withdrawn with a reason (kept, out of every figure and rule, final),
 * the case itself and its documents corrected, as a commune's officer
 * with another commune's and a mật case beside. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/correct.h"
#include "app/finding.h"
#include "app/org.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	struct actor officer, leader, other, viewer;
	int64_t x1, x2, insp, theirs, secret, subject;
};

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct case_input in = {
	    .kind = "kiem_tra", .title = "Kiểm tra chấp hành", .opened = date_days(2024, 3, 1)};

	fixture_communes(&f->fx, &f->x1, &f->x2);
	fixture_commune_staff(f->x1, f->x2, &f->officer, &f->other, &f->viewer);
	f->leader = fixture_actor(8, ROLE_LEADER, f->x1, CLEARANCE_SECRET);
	f->insp = fixture_case_of(&f->fx, &f->officer, in, f->x1);
	f->theirs = fixture_case_of(&f->fx, &f->other, in, f->x2);
	in.confidentiality = CLEARANCE_SECRET;
	f->secret = fixture_case_of(&f->fx, &f->leader, in, f->x1);
	f->subject = fixture_first_subject(&f->fx, &f->officer, f->insp);
	*state = f;
	return 0;
}

/* correct_withdraw of the record kind id as who, with reason, at version. */
static int withdraw(struct fx *f, const struct actor *who, enum store_record kind, int64_t id,
                    const char *reason, int64_t version)
{
	return correct_withdraw(f->fx.app, who, kind, id, reason, version, &f->fx.e);
}

/* The findings of the inspection standing with a violation. */
static int64_t violations(struct fx *f)
{
	struct case_view v;
	struct finding_part *p;
	int64_t n = 0;

	assert_int_equal(case_get(f->fx.app, &f->fx.sys, f->insp, &f->fx.a, &v, &f->fx.e), 0);
	p = v.part;
	for (size_t i = 0; i < p->n; i++)
		n += !p->v[i].f.withdrawn.at && strcmp(p->v[i].f.conclusion, "khong_vi_pham") != 0;
	return n;
}

static void test_withdrawn_finding_kept_out_of_rules(void **state)
{
	struct fx *f = *state;
	struct case_view v;
	struct finding_part *p;
	size_t open = 9;
	int64_t fid, rid, x;

	assert_int_equal(finding_add(f->fx.app, &f->officer, f->insp, f->subject,
	                             "Chưa họp định kỳ", "vi_pham_chua_den_muc", &fid, &f->fx.e),
	                 0);
	assert_int_equal(remedy_add(f->fx.app, &f->officer, fid, "Họp hằng tháng", "Chi ủy",
	                            date_days(2024, 6, 30), &rid, &f->fx.e),
	                 0);
	assert_int_equal(violations(f), 1);
	/* refusals first: role, sight, reason, version */
	assert_int_equal(withdraw(f, &f->viewer, STORE_REC_FINDING, fid, "Nhầm", 1), HOSO_E_DENIED);
	assert_int_equal(withdraw(f, &f->other, STORE_REC_FINDING, fid, "Nhầm", 1),
	                 HOSO_E_NOT_FOUND);
	assert_string_equal(f->fx.e.msg_vi.buf, "Không tìm thấy nội dung kết luận");
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_FINDING, 999999, "Nhầm", 1),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_FINDING, fid, "  ", 1), HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "reason");
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_FINDING, fid, "Nhầm", 2),
	                 HOSO_E_CONFLICT);
	/* a subject with a finding standing stays */
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_SUBJECT, f->subject, "Nhầm", 1),
	                 HOSO_E_CONFLICT);
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_FINDING, fid, "Nhập nhầm đối tượng", 1),
	                 0);
	/* kept, with its remedy, both withdrawn; out of the count and the rules */
	assert_int_equal(case_get(f->fx.app, &f->officer, f->insp, &f->fx.a, &v, &f->fx.e), 0);
	p = v.part;
	assert_int_equal(p->n, 1);
	assert_string_equal(p->v[0].f.withdrawn.reason, "Nhập nhầm đối tượng");
	assert_int_equal(p->v[0].f.withdrawn.by, 7);
	assert_non_null(p->v[0].remedies[0].r.withdrawn.at);
	assert_int_equal(violations(f), 0);
	assert_int_equal(finding_open_remedies(f->fx.app, f->insp, &open, &f->fx.e), 0);
	assert_int_equal(open, 0);
	/* final */
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_FINDING, fid, "Lần nữa", 2),
	                 HOSO_E_CONFLICT);
	assert_int_equal(
	    remedy_add(f->fx.app, &f->officer, fid, "X", "Y", date_days(2024, 6, 30), &x, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(remedy_done(f->fx.app, &f->officer, rid, DATE_NONE, "Xong", 2, &f->fx.e),
	                 HOSO_E_CONFLICT);
	/* the subject now goes, and a finding about it is refused */
	assert_int_equal(
	    withdraw(f, &f->officer, STORE_REC_SUBJECT, f->subject, "Không phải đối tượng", 0), 0);
	assert_int_equal(finding_add(f->fx.app, &f->officer, f->insp, f->subject, "X",
	                             "khong_vi_pham", &x, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
}

static void test_a_leaders_conclusion_is_a_leaders_to_withdraw(void **state)
{
	struct fx *f = *state;
	int64_t fid;

	assert_int_equal(finding_add(f->fx.app, &f->leader, f->insp, f->subject,
	                             "Vi phạm nghiêm trọng", "vi_pham_phai_ky_luat", &fid,
	                             &f->fx.e),
	                 0);
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_FINDING, fid, "Nhầm", 1),
	                 HOSO_E_DENIED);
	assert_string_equal(f->fx.e.field.buf, "conclusion");
	assert_int_equal(withdraw(f, &f->leader, STORE_REC_FINDING, fid, "Nhầm", 1), 0);
}

static void test_case_corrected(void **state)
{
	struct fx *f = *state;
	int64_t person = fixture_person(
	    &f->fx, (struct person_input){.full_name = "Lò Văn Muôn", .org_id = f->x1});
	int64_t stranger = fixture_person(
	    &f->fx, (struct person_input){.full_name = "Lò Văn Pánh", .org_id = f->x2});
	struct case_edit_input in = {.title = "Kiểm tra việc chấp hành",
	                             .sent = PATCH_LISTED | 1u << CASE_TITLE,
	                             .version = 1};
	struct case_row c;

	assert_int_equal(case_edit(f->fx.app, &f->viewer, f->insp, &in, &f->fx.e), HOSO_E_DENIED);
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->theirs, &in, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->secret, &in, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e), 0);
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(case_fetch(f->fx.app, &f->officer, f->insp, &f->fx.a, &c, &f->fx.e), 0);
	assert_string_equal(c.title, "Kiểm tra việc chấp hành");
	assert_int_equal(c.version, 2);
	/* another commune is not the officer's to hand the case to */
	in = (struct case_edit_input){.handling_org = f->x2, .sent = PATCH_LISTED | 1u << CASE_ORG};
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_string_equal(f->fx.e.field.buf, "org");
	/* no opening in the future, nor before the subject organisation was */
	in = (struct case_edit_input){.opened = date_today() + 1,
	                              .sent = PATCH_LISTED | 1u << CASE_OPENED};
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	in.opened = date_days(1999, 1, 1);
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	in.opened = date_days(2024, 2, 1);
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e), 0);
	/* subjects added: the officer's own member, not another commune's */
	in = (struct case_edit_input){
	    .subject_persons = &stranger, .nsubject_persons = 1, .sent = PATCH_LISTED};
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	in.subject_persons = &person;
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e), 0);
	assert_int_equal(case_edit(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_DUPLICATE);
}

static void test_closed_case_refuses_corrections(void **state)
{
	struct fx *f = *state;
	struct case_document_input d = {.title = "Quyết định", .doc_date = date_days(2024, 3, 2)};
	struct document_input in = {.number_symbol = "Số 1-QĐ",
	                            .sent = PATCH_LISTED | 1u << DOCUMENT_NUMBER};
	struct case_row c;
	int64_t doc, note;

	assert_int_equal(case_add_document(f->fx.app, &f->officer, f->insp, &d, &doc, &f->fx.e), 0);
	assert_int_equal(
	    case_add_note(f->fx.app, &f->officer, f->insp, "Ghi nhầm", &note, &f->fx.e), 0);
	assert_int_equal(case_document_edit(f->fx.app, &f->officer, doc, &in, &f->fx.e), 0);
	assert_int_equal(case_fetch(f->fx.app, &f->leader, f->insp, &f->fx.a, &c, &f->fx.e), 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, f->insp, "huy", DATE_NONE, "Hủy",
	                                 NULL, c.version, &f->fx.e),
	                 0);
	in.number_symbol = "Số 2-QĐ";
	assert_int_equal(case_document_edit(f->fx.app, &f->officer, doc, &in, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "state");
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_DOCUMENT, doc, "Trùng", 0),
	                 HOSO_E_CONFLICT);
	/* a note, which a closed case takes, is withdrawn from it too */
	assert_int_equal(withdraw(f, &f->officer, STORE_REC_NOTE, note, "Nhầm hồ sơ", 1), 0);
}

/* Only the records edited whole are read and written by kind: a note, a
 * subject or an attachment is not, nor a kind past the last. */
static void test_records_edited_whole_by_kind(void **state)
{
	struct fx *f = *state;
	struct store *s = app_store(f->fx.app);
	struct finding_row r;
	const enum store_record not_edited[] = {STORE_REC_NOTE, STORE_REC_SUBJECT,
	                                        STORE_REC_ATTACHMENT, STORE_REC__MAX};

	for (size_t i = 0; i < sizeof(not_edited) / sizeof(not_edited[0]); i++) {
		assert_int_equal(store_record_get(s, not_edited[i], 1, &f->fx.a, &r),
		                 HOSO_E_INVALID);
		assert_int_equal(store_record_edit(s, not_edited[i], &r), HOSO_E_INVALID);
	}
	assert_int_equal(store_record_get(s, STORE_REC_FINDING, 999999, &f->fx.a, &r),
	                 HOSO_E_NOT_FOUND);
}

TEST_MAIN(FIXTURE_TEST(test_withdrawn_finding_kept_out_of_rules, setup),
          FIXTURE_TEST(test_a_leaders_conclusion_is_a_leaders_to_withdraw, setup),
          FIXTURE_TEST(test_case_corrected, setup),
          FIXTURE_TEST(test_closed_case_refuses_corrections, setup),
          FIXTURE_TEST(test_records_edited_whole_by_kind, setup))
