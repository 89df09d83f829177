/* Unit tests for src/app/context.c: a member's cases and an
 * organisation's cases, as a commune officer (clearance thường) sees
 * them, with a case of the province about the member and a mật case
 * beside them that must be neither listed nor counted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/context.h"
#include "app/discipline.h"
#include "app/finding.h"
#include "app/stay.h"
#include "app/trip.h"
#include "fixture.h"

struct fx {
	struct fixture fx;
	struct actor officer, leader, province;
	int64_t x1, x2, pm, px;
	int64_t k, d, t, s, above, secret, far;
};

static int64_t open_about(struct fx *f, const char *kind, const char *title, int64_t org,
                          int32_t day, int conf, int64_t person)
{
	struct case_input in = {.kind = kind,
	                        .title = title,
	                        .handling_org = org,
	                        .opened = day,
	                        .confidentiality = conf,
	                        .subject_persons = person ? &person : NULL,
	                        .nsubject_persons = person ? 1 : 0};

	return fixture_case(&f->fx, &f->fx.sys, in);
}

static void fail_on(int rc, struct fx *f)
{
	if (rc != 0)
		fail_msg("%s", err_text_en(&f->fx.e));
}

/* Lò Văn Muôn of X1: the subject of an inspection with a finding about
 * him, disciplined, a traveller, staying abroad; the province's case and
 * a mật case about him; a case of X2 about another. */
static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct person_input p = {
	    .full_name = "Lò Văn Muôn", .joined = "01/01/2010", .status = "chinh_thuc"};
	struct discipline_input di = {
	    0, 0, "khien_trach", date_days(2025, 3, 1), date_days(2025, 4, 10), 0};
	struct trip_input ti = {
	    "hoc_tap", "Nhật Bản", NULL, date_days(2025, 6, 1), date_days(2025, 6, 10), 0};
	struct stay_input si = {
	    "Hàn Quốc", "lao_dong", "tu_sinh_hoat", date_days(2025, 6, 1), date_days(2027, 6, 1),
	    DATE_NONE};
	struct case_view v;
	int64_t id;

	fixture_communes(&f->fx, &f->x1, &f->x2);
	p.org_id = f->x1;
	f->pm = fixture_person(&f->fx, p);
	p.full_name = "Lò Văn Pánh";
	p.org_id = f->x2;
	f->px = fixture_person(&f->fx, p);
	f->officer = fixture_actor(7, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->leader = fixture_actor(8, ROLE_LEADER, f->x1, CLEARANCE_SECRET);
	f->province = fixture_actor(9, ROLE_OFFICER, f->fx.tu, CLEARANCE_SECRET);
	f->k = open_about(f, "kiem_tra", "Kiểm tra chi bộ bản Nà Khoang", f->x1,
	                  date_days(2025, 3, 1), 0, f->pm);
	fail_on(case_get(f->fx.app, &f->fx.sys, f->k, &f->fx.a, &v, &f->fx.e), f);
	fail_on(finding_add(f->fx.app, &f->fx.sys, f->k, v.subjects.v[0].id, "Chưa kê khai",
	                    "vi_pham_chua_den_muc", &id, &f->fx.e),
	        f);
	f->d = open_about(f, "ky_luat", "Xem xét kỷ luật", f->x1, date_days(2025, 4, 1), 0, 0);
	di.person_id = f->pm;
	fail_on(discipline_decide(f->fx.app, &f->fx.sys, f->d, &di, &id, &f->fx.e), f);
	f->t = open_about(f, "ra_nuoc_ngoai", "Đi Nhật Bản", f->x1, date_days(2025, 5, 1), 0, 0);
	fail_on(trip_set(f->fx.app, &f->fx.sys, f->t, &ti, &f->fx.e), f);
	fail_on(traveller_add(f->fx.app, &f->fx.sys, f->t, f->pm, 1, 0, &id, &f->fx.e), f);
	f->s = open_about(f, "o_nuoc_ngoai", "Ở Hàn Quốc", f->x1, date_days(2025, 6, 1), 0, f->pm);
	fail_on(stay_set(f->fx.app, &f->fx.sys, f->s, &si, &f->fx.e), f);
	f->above = fixture_case(&f->fx, &f->fx.sys,
	                        (struct case_input){.kind = "kiem_tra",
	                                            .title = "Kiểm tra của tỉnh",
	                                            .handling_org = f->fx.tu,
	                                            .opened = date_days(2025, 7, 1),
	                                            .subject_orgs = &f->x1,
	                                            .nsubject_orgs = 1,
	                                            .subject_persons = &f->pm,
	                                            .nsubject_persons = 1});
	f->secret =
	    open_about(f, "kiem_tra", "Kiểm tra mật", f->x1, date_days(2025, 7, 2), 1, f->pm);
	f->far = open_about(f, "kiem_tra", "Kiểm tra xã B", f->x2, date_days(2025, 7, 3), 0, f->px);
	*state = f;
	return 0;
}

static json_t *person_cases(struct fx *f, const struct actor *who, int64_t id, int want)
{
	json_t *v = NULL;

	assert_int_equal(context_person_cases(f->fx.app, who, id, &f->fx.a, &v, &f->fx.e), want);
	return v;
}

/* The ids of view's "cases", in order, into ids (at most 16); how many. */
static size_t ids_of(json_t *view, int64_t *ids)
{
	json_t *c;
	size_t i, n = 0;

	json_array_foreach(json_object_get(view, "cases"), i, c)
	{
		if (n < 16)
			ids[n++] = json_integer_value(json_object_get(c, "id"));
	}
	return n;
}

static const char *as_of(json_t *view, size_t i)
{
	json_t *c = json_array_get(json_object_get(view, "cases"), i);

	return json_string_value(json_array_get(json_object_get(c, "as"), 0));
}

static void test_a_members_cases_within_scope_and_clearance(void **state)
{
	struct fx *f = *state;
	json_t *v = person_cases(f, &f->officer, f->pm, 0), *c;
	int64_t ids[16];

	assert_int_equal(ids_of(v, ids), 4); /* not the province's, not the mật one */
	assert_true(ids[0] == f->s && ids[1] == f->t && ids[2] == f->d && ids[3] == f->k);
	assert_string_equal(as_of(v, 0), "subject");
	assert_string_equal(as_of(v, 1), "traveller");
	assert_string_equal(as_of(v, 2), "discipline");
	assert_string_equal(as_of(v, 3), "subject");
	c = json_array_get(json_object_get(v, "cases"), 0);
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(c, "stay"), "country")), "Hàn Quốc");
	c = json_array_get(json_object_get(v, "cases"), 1);
	assert_true(json_is_true(json_object_get(json_object_get(c, "travel"), "leader")));
	c = json_array_get(json_object_get(v, "cases"), 2);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(c, "disciplines"), 0), "form_name")),
	                    "Khiển trách");
	c = json_array_get(json_object_get(v, "cases"), 3);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(c, "findings"), 0), "conclusion")),
	                    "vi_pham_chua_den_muc");
	assert_string_equal(json_string_value(json_object_get(c, "org_name")), "Đảng bộ xã A");
	json_decref(v);
	/* the mật leader of X1 sees the mật case; the province's officer the
	 * province's case too */
	v = person_cases(f, &f->leader, f->pm, 0);
	assert_int_equal(ids_of(v, ids), 5);
	assert_int_equal(ids[0], f->secret);
	json_decref(v);
	v = person_cases(f, &f->province, f->pm, 0);
	assert_int_equal(ids_of(v, ids), 6);
	json_decref(v);
}

static void test_a_member_out_of_scope_is_not_found(void **state)
{
	struct fx *f = *state;
	struct actor auditor = fixture_actor(10, ROLE_AUDITOR, f->x1, CLEARANCE_SECRET);

	assert_null(person_cases(f, &f->officer, f->px, HOSO_E_NOT_FOUND));
	assert_null(person_cases(f, &f->officer, 424242, HOSO_E_NOT_FOUND));
	assert_null(person_cases(f, &auditor, f->pm, HOSO_E_DENIED));
}

static void test_an_organisations_cases_and_its_pages(void **state)
{
	struct fx *f = *state;
	json_t *v = NULL;
	int64_t ids[16];

	assert_int_equal(
	    context_org_cases(f->fx.app, &f->officer, f->x1, 0, 100, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(ids_of(v, ids), 4);
	assert_true(ids[0] == f->s && ids[3] == f->k);
	assert_string_equal(as_of(v, 0), "handling");
	assert_true(json_is_null(json_object_get(v, "next")));
	json_decref(v);
	/* the province's officer, a page of two, then the rest */
	assert_int_equal(
	    context_org_cases(f->fx.app, &f->province, f->x1, 0, 2, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(ids_of(v, ids), 2);
	assert_true(ids[0] == f->secret && ids[1] == f->above);
	assert_string_equal(as_of(v, 1), "subject"); /* the province's case about X1 */
	assert_int_equal(json_integer_value(json_object_get(v, "next")), f->above);
	json_decref(v);
	assert_int_equal(context_org_cases(f->fx.app, &f->province, f->x1, f->above, 100, &f->fx.a,
	                                   &v, &f->fx.e),
	                 0);
	assert_int_equal(ids_of(v, ids), 4);
	json_decref(v);
	/* out of scope, a bad limit */
	assert_int_equal(
	    context_org_cases(f->fx.app, &f->officer, f->x2, 0, 100, &f->fx.a, &v, &f->fx.e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    context_org_cases(f->fx.app, &f->officer, f->x1, 0, 0, &f->fx.a, &v, &f->fx.e),
	    HOSO_E_RANGE);
	assert_string_equal(f->fx.e.field.buf, "limit");
}

TEST_MAIN(FIXTURE_TEST(test_a_members_cases_within_scope_and_clearance, setup),
          FIXTURE_TEST(test_a_member_out_of_scope_is_not_found, setup),
          FIXTURE_TEST(test_an_organisations_cases_and_its_pages, setup))
