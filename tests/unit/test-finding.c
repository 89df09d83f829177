/* Unit tests for src/app/finding.c: findings per subject with their
 * conclusion, remedial actions and their follow-up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/finding.h"
#include "app/org.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	char dir[512];
	struct app *app;
	struct actor sys, officer, other, viewer;
	struct err e;
	struct arena a;
	int64_t tu, x1, x2, insp, sup, subject;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct case_input in = {
	    .kind = "kiem_tra", .title = "Kiểm tra chấp hành", .opened = date_days(2024, 3, 1)};
	struct case_view v;

	fixture_open(f->dir, sizeof(f->dir), &f->app, &f->sys, &f->tu, &f->e, &f->a);
	f->x1 = fixture_org(f->app, &f->sys, "X1", "Đảng bộ xã A", "dang_bo_co_so", f->tu, &f->e);
	f->x2 = fixture_org(f->app, &f->sys, "X2", "Đảng bộ xã B", "dang_bo_co_so", f->tu, &f->e);
	f->officer = fixture_actor(7, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->other = fixture_actor(9, ROLE_OFFICER, f->x2, CLEARANCE_NORMAL);
	f->viewer = fixture_actor(10, ROLE_VIEWER, f->x1, CLEARANCE_NORMAL);
	in.handling_org = f->x1;
	in.subject_orgs = &f->x1;
	in.nsubject_orgs = 1;
	case_create(f->app, &f->officer, &in, &f->a, &f->insp, NULL, &f->e);
	in.kind = "giam_sat";
	case_create(f->app, &f->officer, &in, &f->a, &f->sup, NULL, &f->e);
	case_get(f->app, &f->officer, f->insp, &f->a, &v, &f->e);
	f->subject = v.subjects.v[0].id;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	fixture_close(f->dir, f->app, &f->e, &f->a);
	free(f);
	return 0;
}

static void test_findings_and_their_remedies(void **state)
{
	struct fx *f = *state;
	struct finding_list fl;
	struct remedy_list rl;
	int64_t fid, rid, x;

	assert_int_equal(finding_add(f->app, &f->officer, f->insp, f->subject,
	                             "Chưa thực hiện đúng quy chế làm việc", "vi_pham_chua_den_muc",
	                             &fid, &f->e),
	                 0);
	assert_int_equal(finding_add(f->app, &f->officer, f->insp, 0, "Nhận xét chung",
	                             "khong_vi_pham", &x, &f->e),
	                 0);
	assert_int_equal(
	    finding_add(f->app, &f->officer, f->insp, f->subject, "X", "co_loi", &x, &f->e),
	    HOSO_E_BAD_ENUM);
	assert_int_equal(
	    finding_add(f->app, &f->officer, f->insp, 99999, "X", "khong_vi_pham", &x, &f->e),
	    HOSO_E_NOT_FOUND);
	assert_string_equal(f->e.field.buf, "subject");
	assert_int_equal(
	    finding_add(f->app, &f->officer, f->sup, 0, "X", "khong_vi_pham", &x, &f->e),
	    HOSO_E_CONFLICT);
	assert_int_equal(
	    finding_add(f->app, &f->officer, f->insp, 0, " ", "khong_vi_pham", &x, &f->e),
	    HOSO_E_MISSING);
	assert_int_equal(
	    finding_add(f->app, &f->viewer, f->insp, 0, "X", "khong_vi_pham", &x, &f->e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    finding_add(f->app, &f->other, f->insp, 0, "X", "khong_vi_pham", &x, &f->e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(remedy_add(f->app, &f->officer, fid, "Sửa đổi quy chế làm việc",
	                            "Ban Thường vụ Đảng ủy xã A", date_days(2024, 6, 30), &rid,
	                            &f->e),
	                 0);
	assert_int_equal(
	    remedy_add(f->app, &f->officer, fid, "X", " ", date_days(2024, 6, 30), &x, &f->e),
	    HOSO_E_MISSING);
	assert_int_equal(
	    remedy_add(f->app, &f->officer, fid, "X", "Y", date_days(2023, 6, 30), &x, &f->e),
	    HOSO_E_BAD_DATE);
	assert_int_equal(
	    remedy_add(f->app, &f->other, fid, "X", "Y", date_days(2024, 6, 30), &x, &f->e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    remedy_done(f->app, &f->officer, rid, date_days(2024, 6, 20), NULL, 1, &f->e),
	    HOSO_E_MISSING);
	assert_int_equal(remedy_done(f->app, &f->officer, rid, date_days(2024, 6, 20),
	                             "Đã ban hành quy chế mới", 1, &f->e),
	                 0);
	assert_int_equal(
	    remedy_done(f->app, &f->officer, rid, date_days(2024, 6, 21), "lại", 2, &f->e),
	    HOSO_E_CONFLICT);
	assert_int_equal(store_findings_of_case(app_store(f->app), f->insp, &f->a, &fl), 0);
	assert_int_equal(fl.n, 2);
	assert_string_equal(fl.v[0].conclusion, "vi_pham_chua_den_muc");
	assert_int_equal(fl.v[0].subject_id, f->subject);
	assert_int_equal(store_remedies_of_case(app_store(f->app), f->insp, &f->a, &rl), 0);
	assert_int_equal(rl.n, 1);
	assert_int_equal(rl.v[0].done, date_days(2024, 6, 20));
	assert_string_equal(rl.v[0].result, "Đã ban hành quy chế mới");
}

/* Take case id to `to` as actor who, with note and conclusion. */
static int walk(struct fx *f, const struct actor *who, int64_t id, const char *to, const char *note,
                const char *conclusion)
{
	struct case_view v;

	assert_int_equal(case_get(f->app, who, id, &f->a, &v, &f->e), 0);
	return case_transition(f->app, who, id, to, DATE_NONE, note, conclusion, v.c.version,
	                       &f->e);
}

static const char *state_of(struct fx *f, int64_t id)
{
	struct case_view v;

	assert_int_equal(case_get(f->app, &f->sys, id, &f->a, &v, &f->e), 0);
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
	assert_int_equal(finding_add(f->app, &f->officer, f->insp, f->subject,
	                             "Vi phạm nghiêm trọng", "vi_pham_phai_ky_luat", &x, &f->e),
	                 HOSO_E_DENIED);
	assert_string_equal(f->e.field.buf, "conclusion");
	assert_int_equal(finding_add(f->app, &leader, f->insp, f->subject, "Vi phạm nghiêm trọng",
	                             "vi_pham_phai_ky_luat", &fid, &f->e),
	                 0);
	assert_int_equal(remedy_add(f->app, &f->officer, fid, "Kiểm điểm", "Chi bộ",
	                            date_days(2024, 6, 30), &rid, &f->e),
	                 0);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		assert_int_equal(walk(f, &leader, f->insp, steps[i], NULL, "Có vi phạm"), 0);
	/* Closing with a remedy open needs the leader's reason. */
	assert_int_equal(walk(f, &leader, f->insp, "dong", NULL, NULL), HOSO_E_CONFLICT);
	assert_string_equal(f->e.field.buf, "note");
	assert_non_null(strstr(err_text_en(&f->e), "1 remedy is still open"));
	assert_int_equal(walk(f, &leader, f->insp, "dong", "Chi bộ tiếp tục theo dõi", NULL), 0);
	/* Nothing but notes is added to a closed case. */
	assert_int_equal(finding_add(f->app, &leader, f->insp, 0, "X", "khong_vi_pham", &x, &f->e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(
	    remedy_add(f->app, &leader, fid, "X", "Y", date_days(2024, 6, 30), &x, &f->e),
	    HOSO_E_CONFLICT);
	assert_int_equal(case_add_document(f->app, &leader, f->insp, &doc, &x, &f->e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(case_add_note(f->app, &f->officer, f->insp, "Đã lưu hồ sơ", &x, &f->e), 0);
	/* Reopening: a leader's step, with a reason, back where it was. */
	assert_int_equal(case_get(f->app, &leader, f->insp, &f->a, &v, &f->e), 0);
	assert_int_equal(case_reopen(f->app, &f->officer, f->insp, "Sai", v.c.version, &f->e),
	                 HOSO_E_DENIED);
	assert_int_equal(case_reopen(f->app, &leader, f->insp, " ", v.c.version, &f->e),
	                 HOSO_E_MISSING);
	assert_int_equal(case_reopen(f->app, &leader, f->insp, "Sai", v.c.version + 1, &f->e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(
	    case_reopen(f->app, &leader, f->insp, "Bổ sung kết luận", v.c.version, &f->e), 0);
	assert_string_equal(state_of(f, f->insp), "theo_doi");
	assert_int_equal(case_reopen(f->app, &leader, f->insp, "Lần nữa", v.c.version + 1, &f->e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(case_add_document(f->app, &leader, f->insp, &doc, &x, &f->e), 0);
	assert_int_equal(remedy_done(f->app, &f->officer, rid, DATE_NONE, "Đã kiểm điểm", 1, &f->e),
	                 0);
	assert_int_equal(walk(f, &leader, f->insp, "dong", NULL, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_findings_and_their_remedies, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_workflow_rules, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
