/* Unit tests for src/app/denunciation.c: a denunciation case carried from
 * its acceptance to its close by a commune's officer and leader - who may
 * take each step, the conclusion a leader's, the 90-working-day limit
 * [config] that stands while another body is awaited. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/deadline.h"
#include "app/denunciation.h"
#include "app/patch.h"
#include "fixture.h"

static int64_t version_of(struct fixture *fx, const struct actor *who, int64_t id)
{
	struct case_row c;

	assert_int_equal(case_fetch(fx->app, who, id, &fx->a, &c, &fx->e), 0);
	return c.version;
}

static int step(struct fixture *fx, const struct actor *who, int64_t id, const char *to,
                int32_t day, const char *conclusion)
{
	return case_transition(fx->app, who, id, to, day, "Ghi chú", conclusion,
	                       version_of(fx, who, id), &fx->e);
}

static const struct deadline *rule_in(const struct case_view *v, const char *code)
{
	for (size_t i = 0; i < v->ndeadlines; i++)
		if (strcmp(v->deadlines[i].rule->code, code) == 0)
			return &v->deadlines[i];
	return NULL;
}

/* A commune (x1, beside x2) with a member p1, its officer and leader, and
 * a denunciation of p1 the officer opened on day opened (id). */
struct den {
	int64_t x1, x2, p1, id;
	struct actor officer, leader;
};

static void open_denunciation(struct fixture *fx, struct den *d, int32_t opened)
{
	struct case_input in = {.kind = "to_cao", .title = "Giải quyết tố cáo", .opened = opened};

	fixture_communes(fx, &d->x1, &d->x2);
	d->p1 =
	    fixture_person(fx, (struct person_input){.full_name = "Lò Văn Sáng", .org_id = d->x1});
	d->officer = fixture_actor(7, ROLE_OFFICER, d->x1, CLEARANCE_NORMAL);
	d->leader = fixture_actor(8, ROLE_LEADER, d->x1, CLEARANCE_NORMAL);
	in.handling_org = d->x1;
	in.subject_persons = &d->p1;
	in.nsubject_persons = 1;
	assert_int_equal(case_create(fx->app, &d->officer, &in, &fx->a, &d->id, NULL, &fx->e), 0);
}

static void test_a_denunciation_from_acceptance_to_close(void **state)
{
	struct fixture *fx = *state;
	struct den dn;
	struct case_view v;
	const struct deadline *d;
	int32_t t0 = date_today() - 20;
	int used;

	open_denunciation(fx, &dn, t0);
	/* the decision to resolve is a leader's */
	assert_int_equal(step(fx, &dn.officer, dn.id, "quyet_dinh", t0 + 1, NULL), HOSO_E_DENIED);
	assert_int_equal(step(fx, &dn.leader, dn.id, "quyet_dinh", t0 + 1, NULL), 0);
	assert_int_equal(step(fx, &dn.officer, dn.id, "xac_minh", t0 + 2, NULL), 0);
	/* waiting for another body stops the clock */
	assert_int_equal(case_get(fx->app, &dn.officer, dn.id, &fx->a, &v, &fx->e), 0);
	assert_non_null(d = rule_in(&v, "to_cao.giai_quyet"));
	assert_int_equal(d->rule->working_days, 90);
	assert_non_null(strstr(d->rule->source, "22-QĐ/TW"));
	assert_non_null(strstr(d->rule->source, "[config]"));
	used = d->used;
	assert_int_equal(step(fx, &dn.officer, dn.id, "cho_co_quan_khac", t0 + 3, NULL), 0);
	assert_int_equal(case_get(fx->app, &dn.officer, dn.id, &fx->a, &v, &fx->e), 0);
	assert_non_null(d = rule_in(&v, "to_cao.giai_quyet"));
	assert_true(d->paused);
	assert_true(d->used < used + 1);
	assert_int_equal(step(fx, &dn.officer, dn.id, "xac_minh", date_today(), NULL), 0);
	/* the points first, each concluded */
	assert_int_equal(
	    step(fx, &dn.leader, dn.id, "ket_luan", date_today(), "Tố cáo đúng một phần"),
	    HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "points");
	{
		int64_t p1i, p2i;
		struct point_input pin = {.conclusion = "dung",
		                          .sent = PATCH_LISTED | 1u << POINT_CONCLUSION,
		                          .version = 1};

		assert_int_equal(point_add(fx->app, &dn.officer, dn.id, "  ", &p1i, &fx->e),
		                 HOSO_E_MISSING);
		assert_int_equal(point_add(fx->app, &dn.officer, dn.id, "Sử dụng đất sai mục đích",
		                           &p1i, &fx->e),
		                 0);
		assert_int_equal(point_add(fx->app, &dn.officer, dn.id,
		                           "Kê khai tài sản không đầy đủ", &p2i, &fx->e),
		                 0);
		assert_int_equal(point_edit(fx->app, &dn.officer, p1i, &pin, &fx->e), 0);
		assert_int_equal(step(fx, &dn.leader, dn.id, "ket_luan", date_today(), "Kết luận"),
		                 HOSO_E_CONFLICT);
		pin.conclusion = "dung_lam";
		assert_int_equal(point_edit(fx->app, &dn.officer, p2i, &pin, &fx->e),
		                 HOSO_E_BAD_ENUM);
		pin.conclusion = "sai";
		assert_int_equal(point_edit(fx->app, &dn.officer, p2i, &pin, &fx->e), 0);
		pin.version = 1; /* stale */
		assert_int_equal(point_edit(fx->app, &dn.officer, p2i, &pin, &fx->e),
		                 HOSO_E_CONFLICT);
	}
	/* the conclusion is a leader's, with its text */
	assert_int_equal(
	    step(fx, &dn.officer, dn.id, "ket_luan", date_today(), "Tố cáo đúng một phần"),
	    HOSO_E_DENIED);
	assert_int_equal(step(fx, &dn.leader, dn.id, "ket_luan", date_today(), NULL),
	                 HOSO_E_MISSING);
	assert_int_equal(
	    step(fx, &dn.leader, dn.id, "ket_luan", date_today(), "Tố cáo đúng một phần"), 0);
	assert_int_equal(step(fx, &dn.officer, dn.id, "thong_bao", date_today(), NULL), 0);
	assert_int_equal(step(fx, &dn.leader, dn.id, "dong", date_today(), NULL), 0);
	assert_int_equal(case_get(fx->app, &dn.officer, dn.id, &fx->a, &v, &fx->e), 0);
	assert_non_null(d = rule_in(&v, "to_cao.giai_quyet"));
	assert_int_equal(d->done, date_today());
}

static void test_the_time_limit_is_extended_once(void **state)
{
	struct fixture *fx = *state;
	struct den dn;
	int64_t pt;
	struct point_input pin = {
	    .conclusion = "dung", .sent = PATCH_LISTED | 1u << POINT_CONCLUSION, .version = 1};
	struct case_view v;
	const struct deadline *d;
	int32_t t0 = date_today() - 100, ext = date_today() - 5;

	open_denunciation(fx, &dn, t0);
	assert_int_equal(step(fx, &dn.leader, dn.id, "quyet_dinh", t0 + 1, NULL), 0);
	assert_int_equal(step(fx, &dn.officer, dn.id, "xac_minh", t0 + 2, NULL), 0);
	/* a leader's step, taken while verifying */
	assert_int_equal(step(fx, &dn.officer, dn.id, "gia_han", ext, NULL), HOSO_E_DENIED);
	assert_int_equal(step(fx, &dn.leader, dn.id, "gia_han", ext, NULL), 0);
	assert_int_equal(case_get(fx->app, &dn.officer, dn.id, &fx->a, &v, &fx->e), 0);
	/* the first limit met by the extension in time; the extension's own runs */
	assert_non_null(d = rule_in(&v, "to_cao.giai_quyet"));
	assert_int_equal(d->done, ext);
	assert_int_equal(d->level, DEADLINE_DONE);
	assert_non_null(d = rule_in(&v, "to_cao.gia_han"));
	assert_int_equal(d->rule->working_days, 30);
	assert_non_null(strstr(d->rule->source, "[config]"));
	assert_int_equal(d->start, ext);
	assert_int_equal(d->done, DATE_NONE);
	assert_true(d->used <= 5);
	/* once only: after waiting for another body, not again */
	assert_int_equal(step(fx, &dn.officer, dn.id, "cho_co_quan_khac", ext + 1, NULL), 0);
	assert_int_equal(step(fx, &dn.officer, dn.id, "xac_minh", date_today(), NULL), 0);
	assert_int_equal(step(fx, &dn.leader, dn.id, "gia_han", date_today(), NULL),
	                 HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "to");
	/* concluded within the extension */
	assert_int_equal(point_add(fx->app, &dn.officer, dn.id, "Nhận quà biếu", &pt, &fx->e), 0);
	assert_int_equal(point_edit(fx->app, &dn.officer, pt, &pin, &fx->e), 0);
	assert_int_equal(step(fx, &dn.leader, dn.id, "ket_luan", date_today(), "Tố cáo đúng"), 0);
	assert_int_equal(case_get(fx->app, &dn.officer, dn.id, &fx->a, &v, &fx->e), 0);
	assert_non_null(d = rule_in(&v, "to_cao.gia_han"));
	assert_int_equal(d->level, DEADLINE_DONE);
}

/* The index of the related case id in v, or -1. */
static int related_at(const struct case_view *v, int64_t id)
{
	for (size_t i = 0; i < v->nrelated; i++)
		if (v->related[i].id == id)
			return (int)i;
	return -1;
}

static void test_a_discipline_follows_a_denunciation_found_true(void **state)
{
	struct fixture *fx = *state;
	struct den dn;
	int64_t pt, kl, secret;
	struct actor viewer, other, cleared;
	struct case_input in = {.kind = "to_cao", .title = "Giải quyết tố cáo"};
	struct point_input pin = {
	    .conclusion = "sai", .sent = PATCH_LISTED | 1u << POINT_CONCLUSION, .version = 1};
	struct case_view v;
	const char *number;

	open_denunciation(fx, &dn, date_today() - 10);
	viewer = fixture_actor(10, ROLE_VIEWER, dn.x1, CLEARANCE_NORMAL);
	other = fixture_actor(9, ROLE_OFFICER, dn.x2, CLEARANCE_NORMAL);
	cleared = fixture_actor(11, ROLE_OFFICER, dn.x1, CLEARANCE_SECRET);
	in.handling_org = dn.x1;
	/* not before the conclusion */
	assert_int_equal(
	    case_open_discipline(fx->app, &dn.officer, dn.id, "Kỷ luật", &fx->a, &kl, NULL, &fx->e),
	    HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "state");
	assert_int_equal(step(fx, &dn.leader, dn.id, "quyet_dinh", date_today() - 9, NULL), 0);
	assert_int_equal(step(fx, &dn.officer, dn.id, "xac_minh", date_today() - 8, NULL), 0);
	assert_int_equal(point_add(fx->app, &dn.officer, dn.id, "Nhận quà biếu", &pt, &fx->e), 0);
	assert_int_equal(point_edit(fx->app, &dn.officer, pt, &pin, &fx->e), 0);
	assert_int_equal(step(fx, &dn.leader, dn.id, "ket_luan", date_today(), "Tố cáo sai"), 0);
	/* a denunciation found untrue warrants no discipline */
	assert_int_equal(
	    case_open_discipline(fx->app, &dn.officer, dn.id, "Kỷ luật", &fx->a, &kl, NULL, &fx->e),
	    HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "points");
	pin.conclusion = "dung_mot_phan";
	pin.version = 2;
	assert_int_equal(point_edit(fx->app, &dn.officer, pt, &pin, &fx->e), 0);
	/* who may open it: officers and leaders who see the denunciation */
	assert_int_equal(
	    case_open_discipline(fx->app, &viewer, dn.id, "Kỷ luật", &fx->a, &kl, NULL, &fx->e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    case_open_discipline(fx->app, &other, dn.id, "Kỷ luật", &fx->a, &kl, NULL, &fx->e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(case_open_discipline(fx->app, &dn.officer, dn.id,
	                                      "Xem xét kỷ luật sau tố cáo", &fx->a, &kl, &number,
	                                      &fx->e),
	                 0);
	assert_memory_equal(number, "KL-", 3);
	/* the discipline: linked, the denounced its subject, in the same body */
	assert_int_equal(case_get(fx->app, &dn.officer, kl, &fx->a, &v, &fx->e), 0);
	assert_string_equal(v.c.kind, "ky_luat");
	assert_int_equal(v.c.linked_case, dn.id);
	assert_int_equal(v.c.handling_org, dn.x1);
	assert_int_equal(v.subjects.n, 1);
	assert_int_equal(v.subjects.v[0].person_id, dn.p1);
	assert_int_equal(related_at(&v, dn.id), 0);
	/* a case opened from a discipline case is not a denunciation's */
	assert_int_equal(
	    case_open_discipline(fx->app, &dn.officer, kl, "X", &fx->a, &secret, NULL, &fx->e),
	    HOSO_E_CONFLICT);
	/* the denunciation lists it, and not a case linked to it above the
	 * reader's clearance */
	in.kind = "ky_luat";
	in.title = "Hồ sơ mật gắn với tố cáo";
	in.linked_case = dn.id;
	in.confidentiality = CLEARANCE_SECRET;
	in.opened = DATE_NONE;
	assert_int_equal(case_create(fx->app, &cleared, &in, &fx->a, &secret, NULL, &fx->e), 0);
	assert_int_equal(case_get(fx->app, &dn.officer, dn.id, &fx->a, &v, &fx->e), 0);
	assert_int_equal(v.nrelated, 1);
	assert_int_equal(related_at(&v, kl), 0);
	assert_int_equal(case_get(fx->app, &cleared, dn.id, &fx->a, &v, &fx->e), 0);
	assert_int_equal(v.nrelated, 2);
	assert_int_equal(related_at(&v, secret), 1);
}

static void test_levels(void **state)
{
	size_t n = denunciation_levels.n;
	const struct code_name *l = denunciation_levels.codes;

	(void)state;
	assert_int_equal(n, 3);
	assert_non_null(code_find(l, n, "cap_tinh"));
	assert_ptr_equal(case_kind_find("to_cao")->subtypes, l);
}

TEST_MAIN(FIXTURE_TEST(test_a_denunciation_from_acceptance_to_close, fixture_setup),
          FIXTURE_TEST(test_a_discipline_follows_a_denunciation_found_true, fixture_setup),
          FIXTURE_TEST(test_the_time_limit_is_extended_once, fixture_setup),
          cmocka_unit_test(test_levels))
