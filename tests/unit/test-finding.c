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
	struct fixture fx;
	struct actor officer, other, viewer;
	int64_t x1, x2, insp, sup, subject;
};

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct case_input in = {
	    .kind = "kiem_tra", .title = "Kiểm tra chấp hành", .opened = date_days(2024, 3, 1)};
	struct case_view v;

	fixture_communes(&f->fx, &f->x1, &f->x2);
	f->officer = fixture_actor(7, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->other = fixture_actor(9, ROLE_OFFICER, f->x2, CLEARANCE_NORMAL);
	f->viewer = fixture_actor(10, ROLE_VIEWER, f->x1, CLEARANCE_NORMAL);
	in.handling_org = f->x1;
	in.subject_orgs = &f->x1;
	in.nsubject_orgs = 1;
	case_create(f->fx.app, &f->officer, &in, &f->fx.a, &f->insp, NULL, &f->fx.e);
	in.kind = "giam_sat";
	case_create(f->fx.app, &f->officer, &in, &f->fx.a, &f->sup, NULL, &f->fx.e);
	case_get(f->fx.app, &f->officer, f->insp, &f->fx.a, &v, &f->fx.e);
	f->subject = v.subjects.v[0].id;
	*state = f;
	return 0;
}

static void test_findings_and_their_remedies(void **state)
{
	struct fx *f = *state;
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
	assert_int_equal(
	    finding_add(f->fx.app, &f->officer, f->insp, f->subject, "X", "co_loi", &x, &f->fx.e),
	    HOSO_E_BAD_ENUM);
	assert_int_equal(
	    finding_add(f->fx.app, &f->officer, f->insp, 99999, "X", "khong_vi_pham", &x, &f->fx.e),
	    HOSO_E_NOT_FOUND);
	assert_string_equal(f->fx.e.field.buf, "subject");
	assert_int_equal(
	    finding_add(f->fx.app, &f->officer, f->sup, 0, "X", "khong_vi_pham", &x, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(
	    finding_add(f->fx.app, &f->officer, f->insp, 0, " ", "khong_vi_pham", &x, &f->fx.e),
	    HOSO_E_MISSING);
	assert_int_equal(
	    finding_add(f->fx.app, &f->viewer, f->insp, 0, "X", "khong_vi_pham", &x, &f->fx.e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    finding_add(f->fx.app, &f->other, f->insp, 0, "X", "khong_vi_pham", &x, &f->fx.e),
	    HOSO_E_NOT_FOUND);
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

TEST_MAIN(FIXTURE_TEST(test_findings_and_their_remedies, setup))
