/* Unit tests for src/app/discipline.c: forms per subject, limitation
 * periods, and recording a decision. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/discipline.h"
#include "app/org.h"
#include "app/person.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	struct actor leader, officer;
	int64_t x1, x2, full, prob, applicant, kl, kt;
};

static int64_t person(struct fx *f, const char *name, const char *status)
{
	struct person_input in = {
	    .full_name = name, .org_id = f->x1, .joined = "01/01/2010", .status = status};

	return fixture_person(&f->fx, in);
}

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct case_input c = {
	    .kind = "ky_luat", .title = "Xem xét kỷ luật", .opened = date_days(2024, 1, 2)};

	fixture_communes(&f->fx, &f->x1, &f->x2);
	f->full = person(f, "Lò Văn Muôn", "chinh_thuc");
	f->prob = person(f, "Quàng Thị Hoa", "du_bi");
	f->applicant = person(f, "Vàng A Chá", "quan_chung");
	f->leader = fixture_actor(8, ROLE_LEADER, f->x1, CLEARANCE_NORMAL);
	f->officer = fixture_actor(7, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	c.handling_org = f->x1;
	case_create(f->fx.app, &f->leader, &c, &f->fx.a, &f->kl, NULL, &f->fx.e);
	c.kind = "kiem_tra";
	case_create(f->fx.app, &f->leader, &c, &f->fx.a, &f->kt, NULL, &f->fx.e);
	*state = f;
	return 0;
}

static int decide(struct fx *f, const struct actor *who, int64_t case_id, int64_t org,
                  int64_t person_id, const char *form, int32_t violation, int32_t decided,
                  int internal)
{
	struct discipline_input in = {org, person_id, form, violation, decided, internal};
	int64_t id;

	return discipline_decide(f->fx.app, who, case_id, &in, &id, &f->fx.e);
}

static void test_forms_suit_their_subjects(void **state)
{
	struct fx *f = *state;
	int32_t v = date_days(2023, 6, 1), d = date_days(2024, 6, 1);

	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "cach_chuc", v, d, 0), 0);
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "khai_tru", v, d, 0), 0);
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->prob, "canh_cao", v, d, 0), 0);
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->prob, "cach_chuc", v, d, 0),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "form");
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->prob, "khai_tru", v, d, 0),
	                 HOSO_E_CONFLICT);
	assert_int_equal(decide(f, &f->leader, f->kl, f->x1, 0, "giai_tan", v, d, 0), 0);
	assert_int_equal(decide(f, &f->leader, f->kl, f->x1, 0, "khai_tru", v, d, 0),
	                 HOSO_E_CONFLICT);
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "giai_tan", v, d, 0),
	                 HOSO_E_CONFLICT);
	/* striking off is not a discipline form; a non-member cannot be disciplined */
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "xoa_ten", v, d, 0),
	                 HOSO_E_BAD_ENUM);
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->applicant, "khien_trach", v, d, 0),
	                 HOSO_E_CONFLICT);
	/* only leaders, only on discipline cases, only subjects in scope */
	assert_int_equal(decide(f, &f->officer, f->kl, 0, f->full, "khien_trach", v, d, 0),
	                 HOSO_E_DENIED);
	assert_int_equal(decide(f, &f->leader, f->kt, 0, f->full, "khien_trach", v, d, 0),
	                 HOSO_E_CONFLICT);
	assert_int_equal(decide(f, &f->leader, f->kl, f->x2, 0, "khien_trach", v, d, 0),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(decide(f, &f->leader, f->kl, f->x1, f->full, "khien_trach", v, d, 0),
	                 HOSO_E_MISSING);
}

static void test_limitation_periods(void **state)
{
	struct fx *f = *state;
	int32_t v = date_days(2019, 3, 1);

	/* reprimand: 5 years — the last day is 1/3/2024 */
	assert_int_equal(discipline_limitation_end(discipline_form_find("khien_trach"), v, 0),
	                 date_days(2024, 3, 1));
	assert_int_equal(
	    decide(f, &f->leader, f->kl, 0, f->full, "khien_trach", v, date_days(2024, 3, 1), 0),
	    0);
	assert_int_equal(
	    decide(f, &f->leader, f->kl, 0, f->full, "khien_trach", v, date_days(2024, 3, 2), 0),
	    HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "violation");
	assert_non_null(strstr(err_text_vi(&f->fx.e), "hết thời hiệu"));
	/* warning: 10 years */
	assert_int_equal(
	    decide(f, &f->leader, f->kl, 0, f->full, "canh_cao", v, date_days(2024, 3, 2), 0), 0);
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "canh_cao", date_days(2010, 1, 1),
	                        date_days(2024, 3, 2), 0),
	                 HOSO_E_CONFLICT);
	/* none for expulsion, or for internal political protection */
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "khai_tru", date_days(1990, 1, 1),
	                        date_days(2024, 3, 2), 0),
	                 0);
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "khien_trach",
	                        date_days(2000, 1, 1), date_days(2024, 3, 2), 1),
	                 0);
	/* 29 February: the period ends on the 28th in a common year */
	assert_int_equal(discipline_limitation_end(discipline_form_find("khien_trach"),
	                                           date_days(2020, 2, 29), 0),
	                 date_days(2025, 2, 28));
	/* a violation after the decision is refused */
	assert_int_equal(decide(f, &f->leader, f->kl, 0, f->full, "khien_trach",
	                        date_days(2024, 5, 1), date_days(2024, 3, 2), 0),
	                 HOSO_E_BAD_DATE);
}

TEST_MAIN(FIXTURE_TEST(test_forms_suit_their_subjects, setup),
          FIXTURE_TEST(test_limitation_periods, setup))
