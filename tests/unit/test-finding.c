/* Unit tests for src/app/finding.c: findings per subject with their
 * conclusion, remedial actions and their follow-up; and the inspection's
 * other part, who inspects (src/app/inspection.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/finding.h"
#include "app/inspection.h"
#include "app/org.h"
#include "app/patch.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	struct actor officer, other, viewer;
	int64_t x1, x2, insp, sup, subject;
};

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct case_input in = {
	    .kind = "kiem_tra", .title = "Kiểm tra chấp hành", .opened = date_days(2024, 3, 1)};

	fixture_communes(&f->fx, &f->x1, &f->x2);
	fixture_commune_staff(f->x1, f->x2, &f->officer, &f->other, &f->viewer);
	f->insp = fixture_case_of(&f->fx, &f->officer, in, f->x1);
	in.kind = "giam_sat";
	f->sup = fixture_case_of(&f->fx, &f->officer, in, f->x1);
	f->subject = fixture_first_subject(&f->fx, &f->officer, f->insp);
	*state = f;
	return 0;
}

static void test_findings_and_their_remedies(void **state)
{
	struct fx *f = *state;
	/* A bad conclusion, an unknown subject, a case that is no inspection,
	 * no text, a viewer, and another commune's officer. */
	const struct refusal {
		const struct actor *who;
		int64_t id, subject;
		const char *text, *conclusion;
		int code;
		const char *field; /* the field the error names, or NULL */
	} refused[] = {
	    {&f->officer, f->insp, f->subject, "X", "co_loi", HOSO_E_BAD_ENUM, NULL},
	    {&f->officer, f->insp, 99999, "X", "khong_vi_pham", HOSO_E_NOT_FOUND, "subject"},
	    {&f->officer, f->sup, 0, "X", "khong_vi_pham", HOSO_E_CONFLICT, NULL},
	    {&f->officer, f->insp, 0, " ", "khong_vi_pham", HOSO_E_MISSING, NULL},
	    {&f->viewer, f->insp, 0, "X", "khong_vi_pham", HOSO_E_DENIED, NULL},
	    {&f->other, f->insp, 0, "X", "khong_vi_pham", HOSO_E_NOT_FOUND, NULL},
	};
	struct finding_list fl;
	struct remedy_list rl;
	int64_t fid, rid, x;

	assert_int_equal(finding_add(f->fx.app, &f->officer, f->insp, f->subject,
	                             "Chưa thực hiện đúng quy chế làm việc", "vi_pham_chua_den_muc",
	                             &fid, &f->fx.e),
	                 0);
	assert_int_equal(finding_add(f->fx.app, &f->officer, f->insp, 0, "Nhận xét chung",
	                             "khong_vi_pham", &x, &f->fx.e),
	                 0);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		const struct refusal *r = &refused[i];

		assert_int_equal(finding_add(f->fx.app, r->who, r->id, r->subject, r->text,
		                             r->conclusion, &x, &f->fx.e),
		                 r->code);
		if (r->field)
			assert_string_equal(f->fx.e.field.buf, r->field);
	}
	assert_int_equal(remedy_add(f->fx.app, &f->officer, fid, "Sửa đổi quy chế làm việc",
	                            "Ban Thường vụ Đảng ủy xã A", date_days(2024, 6, 30), &rid,
	                            &f->fx.e),
	                 0);
	assert_int_equal(
	    remedy_add(f->fx.app, &f->officer, fid, "X", " ", date_days(2024, 6, 30), &x, &f->fx.e),
	    HOSO_E_MISSING);
	assert_int_equal(
	    remedy_add(f->fx.app, &f->officer, fid, "X", "Y", date_days(2023, 6, 30), &x, &f->fx.e),
	    HOSO_E_BAD_DATE);
	assert_int_equal(
	    remedy_add(f->fx.app, &f->other, fid, "X", "Y", date_days(2024, 6, 30), &x, &f->fx.e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    remedy_done(f->fx.app, &f->officer, rid, date_days(2024, 6, 20), NULL, 1, &f->fx.e),
	    HOSO_E_MISSING);
	assert_int_equal(remedy_done(f->fx.app, &f->officer, rid, date_days(2024, 6, 20),
	                             "Đã ban hành quy chế mới", 1, &f->fx.e),
	                 0);
	assert_int_equal(
	    remedy_done(f->fx.app, &f->officer, rid, date_days(2024, 6, 21), "lại", 2, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(store_findings_of_case(app_store(f->fx.app), f->insp, &f->fx.a, &fl), 0);
	assert_int_equal(fl.n, 2);
	assert_string_equal(fl.v[0].conclusion, "vi_pham_chua_den_muc");
	assert_int_equal(fl.v[0].subject_id, f->subject);
	assert_int_equal(store_remedies_of_case(app_store(f->fx.app), f->insp, &f->fx.a, &rl), 0);
	assert_int_equal(rl.n, 1);
	assert_int_equal(rl.v[0].done, date_days(2024, 6, 20));
	assert_string_equal(rl.v[0].result, "Đã ban hành quy chế mới");
}

/* Take case id to `to` as actor who, with note and conclusion. */
static int walk(struct fx *f, const struct actor *who, int64_t id, const char *to, const char *note,
                const char *conclusion)
{
	struct case_view v;

	assert_int_equal(case_get(f->fx.app, who, id, &f->fx.a, &v, &f->fx.e), 0);
	return case_transition(f->fx.app, who, id, to, DATE_NONE, note, conclusion, v.c.version,
	                       &f->fx.e);
}

static const char *state_of(struct fx *f, int64_t id)
{
	struct case_view v;

	assert_int_equal(case_get(f->fx.app, &f->fx.sys, id, &f->fx.a, &v, &f->fx.e), 0);
	return v.c.state;
}

static void test_workflow_rules(void **state)
{
	struct fx *f = *state;
	struct actor leader = fixture_actor(8, ROLE_LEADER, f->x1, CLEARANCE_NORMAL);
	struct case_document_input doc = {.title = "Báo cáo", .doc_date = date_days(2024, 3, 2)};
	static const char *const steps[] = {"quyet_dinh", "tu_kiem_diem", "tham_tra",
	                                    "ket_luan",   "thong_bao",    "theo_doi"};
	struct case_view v;
	int64_t fid, rid, x;

	/* Only a leader concludes that discipline is called for. */
	assert_int_equal(finding_add(f->fx.app, &f->officer, f->insp, f->subject,
	                             "Vi phạm nghiêm trọng", "vi_pham_phai_ky_luat", &x, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_string_equal(f->fx.e.field.buf, "conclusion");
	assert_int_equal(finding_add(f->fx.app, &leader, f->insp, f->subject,
	                             "Vi phạm nghiêm trọng", "vi_pham_phai_ky_luat", &fid,
	                             &f->fx.e),
	                 0);
	assert_int_equal(remedy_add(f->fx.app, &f->officer, fid, "Kiểm điểm", "Chi bộ",
	                            date_days(2024, 6, 30), &rid, &f->fx.e),
	                 0);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		assert_int_equal(walk(f, &leader, f->insp, steps[i], NULL, "Có vi phạm"), 0);
	/* Closing with a remedy open needs the leader's reason. */
	assert_int_equal(walk(f, &leader, f->insp, "dong", NULL, NULL), HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "note");
	assert_non_null(strstr(err_text_en(&f->fx.e), "1 remedy is still open"));
	assert_int_equal(walk(f, &leader, f->insp, "dong", "Chi bộ tiếp tục theo dõi", NULL), 0);
	/* Nothing but notes is added to a closed case. */
	assert_int_equal(
	    finding_add(f->fx.app, &leader, f->insp, 0, "X", "khong_vi_pham", &x, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(
	    remedy_add(f->fx.app, &leader, fid, "X", "Y", date_days(2024, 6, 30), &x, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(case_add_document(f->fx.app, &leader, f->insp, &doc, &x, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(
	    case_add_note(f->fx.app, &f->officer, f->insp, "Đã lưu hồ sơ", &x, &f->fx.e), 0);
	/* Reopening: a leader's step, with a reason, back where it was. */
	assert_int_equal(case_get(f->fx.app, &leader, f->insp, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(case_reopen(f->fx.app, &f->officer, f->insp, "Sai", v.c.version, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(case_reopen(f->fx.app, &leader, f->insp, " ", v.c.version, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_int_equal(case_reopen(f->fx.app, &leader, f->insp, "Sai", v.c.version + 1, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(
	    case_reopen(f->fx.app, &leader, f->insp, "Bổ sung kết luận", v.c.version, &f->fx.e), 0);
	assert_string_equal(state_of(f, f->insp), "theo_doi");
	assert_int_equal(
	    case_reopen(f->fx.app, &leader, f->insp, "Lần nữa", v.c.version + 1, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(case_add_document(f->fx.app, &leader, f->insp, &doc, &x, &f->fx.e), 0);
	assert_int_equal(
	    remedy_done(f->fx.app, &f->officer, rid, DATE_NONE, "Đã kiểm điểm", 1, &f->fx.e), 0);
	assert_int_equal(walk(f, &leader, f->insp, "dong", NULL, NULL), 0);
}

static void test_findings_and_remedies_corrected(void **state)
{
	struct fx *f = *state;
	struct actor leader = fixture_actor(8, ROLE_LEADER, f->x1, CLEARANCE_NORMAL);
	struct finding_input fi = {.conclusion = "vi_pham_phai_ky_luat",
	                           .sent = PATCH_LISTED | 1u << FINDING_CONCLUSION};
	struct remedy_input ri = {.done = DATE_NONE, .sent = PATCH_LISTED | 1u << REMEDY_DONE};
	struct remedy_row r;
	int64_t fid, rid;

	assert_int_equal(finding_add(f->fx.app, &f->officer, f->insp, f->subject, "Chưa họp",
	                             "vi_pham_chua_den_muc", &fid, &f->fx.e),
	                 0);
	/* the conclusion calling for discipline is a leader's, in an edit too */
	assert_int_equal(finding_edit(f->fx.app, &f->officer, fid, &fi, &f->fx.e), HOSO_E_DENIED);
	assert_string_equal(f->fx.e.field.buf, "conclusion");
	assert_int_equal(finding_edit(f->fx.app, &leader, fid, &fi, &f->fx.e), 0);
	fi.conclusion = "khong_vi_pham";
	assert_int_equal(finding_edit(f->fx.app, &f->officer, fid, &fi, &f->fx.e), HOSO_E_DENIED);
	fi = (struct finding_input){
	    .text = "Chưa họp định kỳ", .sent = PATCH_LISTED | 1u << FINDING_TEXT, .version = 2};
	assert_int_equal(finding_edit(f->fx.app, &f->other, fid, &fi, &f->fx.e), HOSO_E_NOT_FOUND);
	assert_int_equal(finding_edit(f->fx.app, &f->officer, fid, &fi, &f->fx.e), 0);
	fi.subject = 99999;
	fi.sent |= 1u << FINDING_SUBJECT;
	fi.version = 3;
	assert_int_equal(finding_edit(f->fx.app, &leader, fid, &fi, &f->fx.e), HOSO_E_NOT_FOUND);
	assert_string_equal(f->fx.e.field.buf, "subject");
	/* "done" recorded by mistake, undone: its result goes with it */
	assert_int_equal(remedy_add(f->fx.app, &f->officer, fid, "Họp hằng tháng", "Chi ủy",
	                            date_days(2024, 6, 30), &rid, &f->fx.e),
	                 0);
	assert_int_equal(
	    remedy_done(f->fx.app, &f->officer, rid, date_days(2024, 5, 2), "Đã họp", 1, &f->fx.e),
	    0);
	ri.version = 1;
	assert_int_equal(remedy_edit(f->fx.app, &f->officer, rid, &ri, &f->fx.e), HOSO_E_CONFLICT);
	ri.version = 2;
	assert_int_equal(remedy_edit(f->fx.app, &f->viewer, rid, &ri, &f->fx.e), HOSO_E_DENIED);
	assert_int_equal(remedy_edit(f->fx.app, &f->officer, rid, &ri, &f->fx.e), 0);
	assert_int_equal(store_remedy_get(app_store(f->fx.app), rid, &f->fx.a, &r), 0);
	assert_int_equal(r.done, DATE_NONE);
	assert_null(r.result);
	assert_int_equal(r.version, 3);
	/* a done date needs its result; a due date not before the opening */
	ri = (struct remedy_input){.done = date_days(2024, 5, 3),
	                           .sent = PATCH_LISTED | 1u << REMEDY_DONE};
	assert_int_equal(remedy_edit(f->fx.app, &f->officer, rid, &ri, &f->fx.e), HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "result");
	ri = (struct remedy_input){.due = date_days(2020, 1, 1),
	                           .sent = PATCH_LISTED | 1u << REMEDY_DUE};
	assert_int_equal(remedy_edit(f->fx.app, &f->officer, rid, &ri, &f->fx.e), HOSO_E_BAD_DATE);
	assert_int_equal(remedy_done(f->fx.app, &f->officer, rid, date_days(2024, 5, 3),
	                             "Đã họp lại", 3, &f->fx.e),
	                 0);
}

/* The actor: one of the codes, required, against the part's version;
 * an officer of the case's scope, on an inspection only; shown in the
 * case's view. */
static void test_inspection_actor(void **state)
{
	struct fx *f = *state;
	struct inspection_input in = {.actor = "uy_ban",
	                              .sent = PATCH_LISTED | 1u << INSPECTION_ACTOR};
	enum inspection_actor a = INSPECTION_CAP_UY;
	const struct inspection_part *p;
	struct case_view v;

	assert_int_equal(inspection_actor_parse("chi_bo", &a), 0);
	assert_int_equal(a, INSPECTION_CHI_BO);
	assert_int_equal(inspection_actor_parse("Chi bộ", &a), HOSO_E_BAD_ENUM);
	assert_string_equal(inspection_actor_name(INSPECTION_UBKT), "ubkt");
	assert_null(inspection_actor_name(INSPECTION_ACTOR__MAX));
	assert_non_null(inspection_actors.codes);
	assert_int_equal(inspection_actors.n, INSPECTION_ACTOR__MAX);
	assert_int_equal(inspection_set(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_BAD_ENUM);
	assert_string_equal(f->fx.e.field.buf, "actor");
	in.actor = NULL;
	assert_int_equal(inspection_set(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_MISSING);
	in.actor = "ubkt";
	assert_int_equal(inspection_set(f->fx.app, &f->viewer, f->insp, &in, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(inspection_set(f->fx.app, &f->other, f->insp, &in, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(inspection_set(f->fx.app, &f->officer, f->sup, &in, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(inspection_set(f->fx.app, &f->officer, f->insp, &in, &f->fx.e), 0);
	in.actor = "ban_thuong_vu";
	in.version = 2;
	assert_int_equal(inspection_set(f->fx.app, &f->officer, f->insp, &in, &f->fx.e),
	                 HOSO_E_CONFLICT);
	in.version = 1;
	assert_int_equal(inspection_set(f->fx.app, &f->officer, f->insp, &in, &f->fx.e), 0);
	assert_int_equal(case_get(f->fx.app, &f->officer, f->insp, &f->fx.a, &v, &f->fx.e), 0);
	p = v.part;
	assert_string_equal(p->ins.actor, "ban_thuong_vu");
	assert_int_equal(p->ins.version, 2);
}

TEST_MAIN(FIXTURE_TEST(test_findings_and_their_remedies, setup),
          FIXTURE_TEST(test_inspection_actor, setup), FIXTURE_TEST(test_workflow_rules, setup),
          FIXTURE_TEST(test_findings_and_remedies_corrected, setup))
