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

static const struct deadline *limit_of(const struct case_view *v)
{
	for (size_t i = 0; i < v->ndeadlines; i++)
		if (strcmp(v->deadlines[i].rule->code, "to_cao.giai_quyet") == 0)
			return &v->deadlines[i];
	return NULL;
}

static void test_a_denunciation_from_acceptance_to_close(void **state)
{
	struct fixture *fx = *state;
	int64_t x1, x2, p1, id;
	struct actor officer, leader;
	struct case_input in = {.kind = "to_cao", .title = "Giải quyết tố cáo"};
	struct case_view v;
	const struct deadline *d;
	int32_t t0 = date_today() - 20;
	int used;

	fixture_communes(fx, &x1, &x2);
	p1 = fixture_person(fx, (struct person_input){.full_name = "Lò Văn Sáng", .org_id = x1});
	officer = fixture_actor(7, ROLE_OFFICER, x1, CLEARANCE_NORMAL);
	leader = fixture_actor(8, ROLE_LEADER, x1, CLEARANCE_NORMAL);
	in.handling_org = x1;
	in.opened = t0;
	in.subject_persons = &p1;
	in.nsubject_persons = 1;
	assert_int_equal(case_create(fx->app, &officer, &in, &fx->a, &id, NULL, &fx->e), 0);
	/* the decision to resolve is a leader's */
	assert_int_equal(step(fx, &officer, id, "quyet_dinh", t0 + 1, NULL), HOSO_E_DENIED);
	assert_int_equal(step(fx, &leader, id, "quyet_dinh", t0 + 1, NULL), 0);
	assert_int_equal(step(fx, &officer, id, "xac_minh", t0 + 2, NULL), 0);
	/* waiting for another body stops the clock */
	assert_int_equal(case_get(fx->app, &officer, id, &fx->a, &v, &fx->e), 0);
	assert_non_null(d = limit_of(&v));
	assert_int_equal(d->rule->working_days, 90);
	assert_non_null(strstr(d->rule->source, "22-QĐ/TW"));
	assert_non_null(strstr(d->rule->source, "[config]"));
	used = d->used;
	assert_int_equal(step(fx, &officer, id, "cho_co_quan_khac", t0 + 3, NULL), 0);
	assert_int_equal(case_get(fx->app, &officer, id, &fx->a, &v, &fx->e), 0);
	assert_non_null(d = limit_of(&v));
	assert_true(d->paused);
	assert_true(d->used < used + 1);
	assert_int_equal(step(fx, &officer, id, "xac_minh", date_today(), NULL), 0);
	/* the points first, each concluded */
	assert_int_equal(step(fx, &leader, id, "ket_luan", date_today(), "Tố cáo đúng một phần"),
	                 HOSO_E_CONFLICT);
	assert_string_equal(fx->e.field.buf, "points");
	{
		int64_t p1i, p2i;
		struct point_input pin = {.conclusion = "dung",
		                          .sent = PATCH_LISTED | 1u << POINT_CONCLUSION,
		                          .version = 1};

		assert_int_equal(point_add(fx->app, &officer, id, "  ", &p1i, &fx->e),
		                 HOSO_E_MISSING);
		assert_int_equal(
		    point_add(fx->app, &officer, id, "Sử dụng đất sai mục đích", &p1i, &fx->e), 0);
		assert_int_equal(
		    point_add(fx->app, &officer, id, "Kê khai tài sản không đầy đủ", &p2i, &fx->e),
		    0);
		assert_int_equal(point_edit(fx->app, &officer, p1i, &pin, &fx->e), 0);
		assert_int_equal(step(fx, &leader, id, "ket_luan", date_today(), "Kết luận"),
		                 HOSO_E_CONFLICT);
		pin.conclusion = "dung_lam";
		assert_int_equal(point_edit(fx->app, &officer, p2i, &pin, &fx->e), HOSO_E_BAD_ENUM);
		pin.conclusion = "sai";
		assert_int_equal(point_edit(fx->app, &officer, p2i, &pin, &fx->e), 0);
		pin.version = 1; /* stale */
		assert_int_equal(point_edit(fx->app, &officer, p2i, &pin, &fx->e), HOSO_E_CONFLICT);
	}
	/* the conclusion is a leader's, with its text */
	assert_int_equal(step(fx, &officer, id, "ket_luan", date_today(), "Tố cáo đúng một phần"),
	                 HOSO_E_DENIED);
	assert_int_equal(step(fx, &leader, id, "ket_luan", date_today(), NULL), HOSO_E_MISSING);
	assert_int_equal(step(fx, &leader, id, "ket_luan", date_today(), "Tố cáo đúng một phần"),
	                 0);
	assert_int_equal(step(fx, &officer, id, "thong_bao", date_today(), NULL), 0);
	assert_int_equal(step(fx, &leader, id, "dong", date_today(), NULL), 0);
	assert_int_equal(case_get(fx->app, &officer, id, &fx->a, &v, &fx->e), 0);
	assert_non_null(d = limit_of(&v));
	assert_int_equal(d->done, date_today());
}

static void test_levels(void **state)
{
	size_t n;
	const struct code_name *l = denunciation_levels(&n);

	(void)state;
	assert_int_equal(n, 3);
	assert_non_null(code_find(l, n, "cap_tinh"));
	assert_ptr_equal(case_kind_find("to_cao")->subtypes, l);
}

TEST_MAIN(FIXTURE_TEST(test_a_denunciation_from_acceptance_to_close, fixture_setup),
          cmocka_unit_test(test_levels))
