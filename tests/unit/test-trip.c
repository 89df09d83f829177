/* Unit tests for src/app/trip.c: trip details, travellers (person-trips),
 * approval checks, the return report per traveller, the approving
 * authority. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/correct.h"
#include "app/org.h"
#include "app/patch.h"
#include "app/person.h"
#include "app/trip.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	struct actor officer, leader;
	int64_t x1, x2, p1, p2, p3, cadre;
};

static int64_t person(struct fx *f, const char *name, int64_t org, const char *level)
{
	struct person_input in = {
	    .full_name = name, .org_id = org, .joined = "01/01/2010", .management_level = level};

	return fixture_person(&f->fx, in);
}

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));

	fixture_communes(&f->fx, &f->x1, &f->x2);
	f->p1 = person(f, "Lò Văn Muôn", f->x1, NULL);
	f->p2 = person(f, "Quàng Thị Hoa", f->x1, NULL);
	f->p3 = person(f, "Vàng A Chá", f->x2, NULL);
	f->cadre = person(f, "Điêu Chính Tới", f->x1, "Diện Ban Thường vụ Tỉnh ủy quản lý");
	f->officer = fixture_actor(7, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->leader = fixture_actor(8, ROLE_LEADER, f->x1, CLEARANCE_NORMAL);
	*state = f;
	return 0;
}

static int64_t trip_case(struct fx *f, const char *subtype)
{
	struct case_input in = {.kind = "ra_nuoc_ngoai",
	                        .subtype = subtype,
	                        .title = "Chuyến đi",
	                        .handling_org = f->x1,
	                        .opened = date_days(2024, 5, 2)};

	return fixture_case(&f->fx, &f->officer, in);
}

static void test_details_and_travellers_are_checked(void **state)
{
	struct fx *f = *state;
	int64_t id = trip_case(f, "viec_rieng"), t;
	struct trip_input in = {"tham_than",           "Lào", NULL, date_days(2024, 5, 20),
	                        date_days(2024, 6, 3), 0};

	in.purpose = "nghi_mat";
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &in, &f->fx.e), HOSO_E_BAD_ENUM);
	in.purpose = "tham_than";
	in.come_back = date_days(2024, 5, 1);
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &in, &f->fx.e), HOSO_E_BAD_DATE);
	in.come_back = date_days(2024, 6, 3);
	in.countries = " ";
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &in, &f->fx.e), HOSO_E_MISSING);
	in.countries = "Lào";
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &in, &f->fx.e), 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, id, f->p3, 0, 0, &t, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, id, f->p1, 0, 0, &t, &f->fx.e), 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, id, f->p1, 0, 0, &t, &f->fx.e),
	                 HOSO_E_DUPLICATE);
	/* a private trip is one person's */
	assert_int_equal(traveller_add(f->fx.app, &f->officer, id, f->p2, 0, 0, &t, &f->fx.e),
	                 HOSO_E_CONFLICT);
}

static void test_approval_waits_for_a_complete_trip(void **state)
{
	struct fx *f = *state;
	int64_t priv = trip_case(f, "viec_rieng"), off = trip_case(f, "cong_vu"), t1, t2;
	struct trip_input in = {"tham_than",           "Lào", NULL, date_days(2024, 5, 20),
	                        date_days(2024, 6, 3), 0};

	assert_int_equal(case_transition(f->fx.app, &f->officer, priv, "y_kien_chi_bo", DATE_NONE,
	                                 NULL, NULL, 1, &f->fx.e),
	                 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, priv, "dong_y", DATE_NONE, NULL,
	                                 NULL, 2, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "trip");
	assert_int_equal(trip_set(f->fx.app, &f->officer, priv, &in, &f->fx.e), 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, priv, "dong_y", DATE_NONE, NULL,
	                                 NULL, 2, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "travellers");
	assert_int_equal(traveller_add(f->fx.app, &f->officer, priv, f->p1, 0, 0, &t1, &f->fx.e),
	                 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, priv, "dong_y", DATE_NONE, NULL,
	                                 NULL, 2, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "commitment");
	assert_int_equal(traveller_record(f->fx.app, &f->officer, t1, TRAVELLER_COMMITMENT,
	                                  DATE_NONE, 1, &f->fx.e),
	                 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, priv, "dong_y", DATE_NONE, NULL,
	                                 NULL, 2, &f->fx.e),
	                 0);
	/* an official delegation must be in the year's plan */
	in.purpose = "cong_tac";
	assert_int_equal(trip_set(f->fx.app, &f->officer, off, &in, &f->fx.e), 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, off, f->cadre, 1, 0, &t1, &f->fx.e),
	                 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, off, f->p2, 0, 0, &t2, &f->fx.e), 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, off, "dong_y", DATE_NONE, NULL,
	                                 NULL, 1, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "in_plan");
	in.in_plan = 1;
	assert_int_equal(trip_set(f->fx.app, &f->officer, off, &in, &f->fx.e), 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, off, "dong_y", DATE_NONE, NULL,
	                                 NULL, 1, &f->fx.e),
	                 0);
}

static void test_person_trips_and_their_reports(void **state)
{
	struct fx *f = *state;
	int64_t off = trip_case(f, "cong_vu"), t1, t2;
	struct trip_input in = {"cong_tac",
	                        "Lào, Trung Quốc",
	                        "Ngân sách tỉnh",
	                        date_days(2024, 5, 20),
	                        date_days(2024, 6, 3),
	                        1};
	struct traveller_view *v;
	struct trip_row trip;
	int has;
	size_t n;

	assert_int_equal(trip_set(f->fx.app, &f->officer, off, &in, &f->fx.e), 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, off, f->cadre, 1, 0, &t1, &f->fx.e),
	                 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, off, f->p2, 0, 0, &t2, &f->fx.e), 0);
	/* in order: departure, return, report */
	assert_int_equal(traveller_record(f->fx.app, &f->officer, t1, TRAVELLER_RETURNED,
	                                  date_days(2024, 6, 3), 1, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	assert_int_equal(traveller_record(f->fx.app, &f->officer, t1, TRAVELLER_DEPARTED,
	                                  date_days(2024, 5, 20), 1, &f->fx.e),
	                 0);
	assert_int_equal(traveller_record(f->fx.app, &f->officer, t1, TRAVELLER_RETURNED,
	                                  date_days(2024, 6, 3), 1, &f->fx.e),
	                 HOSO_E_CONFLICT); /* stale version */
	assert_int_equal(traveller_record(f->fx.app, &f->officer, t1, TRAVELLER_RETURNED,
	                                  date_days(2024, 6, 3), 2, &f->fx.e),
	                 0);
	assert_int_equal(
	    trip_view(f->fx.app, &f->officer, off, &f->fx.a, &trip, &has, &v, &n, &f->fx.e), 0);
	assert_true(has);
	assert_string_equal(trip.countries, "Lào, Trung Quốc");
	assert_int_equal(n, 2);
	/* the head of the delegation first; a cadre of the standing committee
	 * goes through the provincial organisation board */
	assert_int_equal(v[0].t.id, t1);
	assert_string_equal(v[0].authority, "Ban Tổ chức Tỉnh ủy");
	assert_string_equal(v[1].authority, "Sở Ngoại vụ");
	/* back on Monday 3/6/2024: the report is due Wednesday 12/6 */
	assert_true(v[0].has_report_deadline);
	assert_int_equal(v[0].report.due, date_days(2024, 6, 12));
	assert_int_equal(v[0].report.level, DEADLINE_OVERDUE);
	assert_false(v[1].has_report_deadline);
	{
		struct report_item *items;
		size_t ni;
		struct actor other = f->officer;

		assert_int_equal(trip_reports_due(f->fx.app, &f->officer, DEADLINE_OVERDUE, 100,
		                                  &f->fx.a, &items, &ni, &f->fx.e),
		                 0);
		assert_int_equal(ni, 1);
		assert_int_equal(items[0].v.t.id, t1);
		assert_int_equal(items[0].c.id, off);
		other.scope_org = f->x2;
		assert_int_equal(trip_reports_due(f->fx.app, &other, DEADLINE_OK, 100, &f->fx.a,
		                                  &items, &ni, &f->fx.e),
		                 0);
		assert_int_equal(ni, 0);
	}
	assert_int_equal(traveller_record(f->fx.app, &f->officer, t1, TRAVELLER_REPORT,
	                                  date_days(2024, 6, 11), 3, &f->fx.e),
	                 0);
	assert_int_equal(
	    trip_view(f->fx.app, &f->officer, off, &f->fx.a, &trip, &has, &v, &n, &f->fx.e), 0);
	assert_int_equal(v[0].report.level, DEADLINE_DONE);
}

/* The latest audit entry's detail about case id, as JSON (the caller frees). */
static json_t *last_detail(struct fx *f, int64_t id, const char *action)
{
	struct audit_filter af = {
	    .object_type = "case", .object_id = id, .action = action, .limit = 1};
	struct audit_list l;

	assert_int_equal(store_audit_query(app_store(f->fx.app), &af, &f->fx.a, &l), 0);
	assert_int_equal(l.n, 1);
	return json_loads(l.v[0].detail, 0, NULL);
}

/* A partial update changes only the fields sent, a NULL clears the
 * funding, a stale version is refused, and the trail has each field
 * changed, before and after. */
static void test_a_trip_is_updated_in_part(void **state)
{
	struct fx *f = *state;
	int64_t id = trip_case(f, "cong_vu");
	struct trip_input in = {
	    "cong_tac", "Lào", "Ngân sách tỉnh", date_days(2024, 5, 20), date_days(2024, 6, 3), 1};
	struct trip_row got;
	json_t *d;

	/* the first write needs the purpose, the countries and both dates */
	struct trip_input part = {.countries = "Lào", .sent = PATCH_LISTED | 1u << TRIP_COUNTRIES};

	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &part, &f->fx.e), HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "purpose");
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &in, &f->fx.e), 0);
	assert_int_equal(store_trip_get(app_store(f->fx.app), id, &f->fx.a, &got), 0);
	assert_int_equal(got.version, 1);
	/* only the countries change: the funding and the plan stay */
	part = (struct trip_input){.countries = "Lào, Campuchia",
	                           .sent = PATCH_LISTED | 1u << TRIP_COUNTRIES,
	                           .version = 1};
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &part, &f->fx.e), 0);
	assert_int_equal(store_trip_get(app_store(f->fx.app), id, &f->fx.a, &got), 0);
	assert_string_equal(got.countries, "Lào, Campuchia");
	assert_string_equal(got.funding, "Ngân sách tỉnh");
	assert_string_equal(got.purpose, "cong_tac");
	assert_true(got.in_plan);
	assert_int_equal(got.version, 2);
	d = last_detail(f, id, "trip");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(d, "countries"), "before")), "Lào");
	assert_int_equal(json_object_size(d), 1);
	json_decref(d);
	/* the version read before is stale now: nothing changes */
	part = (struct trip_input){
	    .funding = NULL, .sent = PATCH_LISTED | 1u << TRIP_FUNDING, .version = 1};
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &part, &f->fx.e), HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "version");
	assert_int_equal(store_trip_get(app_store(f->fx.app), id, &f->fx.a, &got), 0);
	assert_string_equal(got.funding, "Ngân sách tỉnh");
	/* with the right one, a NULL clears the funding; a required field
	 * cannot be cleared */
	part.version = 2;
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &part, &f->fx.e), 0);
	assert_int_equal(store_trip_get(app_store(f->fx.app), id, &f->fx.a, &got), 0);
	assert_null(got.funding);
	part = (struct trip_input){.depart = DATE_NONE, .sent = PATCH_LISTED | 1u << TRIP_DEPART};
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &part, &f->fx.e), HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "depart");
	/* nothing sent: nothing changes, nothing is recorded */
	part = (struct trip_input){.sent = PATCH_LISTED};
	assert_int_equal(trip_set(f->fx.app, &f->officer, id, &part, &f->fx.e), 0);
	assert_int_equal(store_trip_get(app_store(f->fx.app), id, &f->fx.a, &got), 0);
	assert_int_equal(got.version, 3);
}

static void test_the_delegation_has_one_leader(void **state)
{
	struct fx *f = *state;
	int64_t trip = trip_case(f, "cong_vu"), a, b;
	struct traveller_input in = {.leader = 1, .sent = PATCH_LISTED | 1u << TRAVELLER_F_LEADER};

	assert_int_equal(traveller_add(f->fx.app, &f->officer, trip, f->p1, 1, 0, &a, &f->fx.e), 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, trip, f->p2, 0, 0, &b, &f->fx.e), 0);
	/* the leader marked on the wrong person: a second one is refused */
	assert_int_equal(traveller_edit(f->fx.app, &f->officer, b, &in, &f->fx.e), HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "leader");
	in.leader = 0;
	assert_int_equal(traveller_edit(f->fx.app, &f->officer, a, &in, &f->fx.e), 0);
	in.leader = 1;
	in.version = 1;
	assert_int_equal(traveller_edit(f->fx.app, &f->officer, b, &in, &f->fx.e), 0);
	in.version = 2; /* the same again: nothing changes */
	assert_int_equal(traveller_edit(f->fx.app, &f->officer, b, &in, &f->fx.e), 0);
	in.version = 1;
	in.leader = 0;
	assert_int_equal(traveller_edit(f->fx.app, &f->officer, b, &in, &f->fx.e), HOSO_E_CONFLICT);
	/* dates in order, not in the future */
	in = (struct traveller_input){.returned = date_days(2024, 5, 10),
	                              .sent = PATCH_LISTED | 1u << TRAVELLER_F_RETURNED};
	assert_int_equal(traveller_edit(f->fx.app, &f->officer, a, &in, &f->fx.e), HOSO_E_BAD_DATE);
	/* withdrawn, the person may be entered again */
	assert_int_equal(correct_withdraw(f->fx.app, &f->officer, STORE_REC_TRAVELLER, a,
	                                  "Nhầm người", 0, &f->fx.e),
	                 0);
	assert_int_equal(traveller_add(f->fx.app, &f->officer, trip, f->p1, 0, 0, &a, &f->fx.e), 0);
}

TEST_MAIN(FIXTURE_TEST(test_details_and_travellers_are_checked, setup),
          FIXTURE_TEST(test_approval_waits_for_a_complete_trip, setup),
          FIXTURE_TEST(test_person_trips_and_their_reports, setup),
          FIXTURE_TEST(test_a_trip_is_updated_in_part, setup),
          FIXTURE_TEST(test_the_delegation_has_one_leader, setup))
