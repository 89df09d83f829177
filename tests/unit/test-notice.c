/* Unit tests for src/app/notice.c: what a case waits for and who may take
 * it; the notices a case's creation, steps and assignment make; the inbox
 * as its owner reads it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/notice.h"
#include "app/user.h"
#include "fixture.h"

struct fx {
	struct fixture fx;
	int64_t x1, x2, officer_id, leader_id, leader2_id;
	struct actor officer, leader, leader2;
};

static int64_t add_user(struct fx *f, const char *name, unsigned roles, int64_t org,
                        enum clearance c)
{
	struct user_new u = {name, "Người Dùng", org, roles, c, "mat-khau-dai-du-12"};
	int64_t id = 0;

	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, &id, NULL, &f->fx.e), 0);
	return id;
}

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));

	fixture_communes(&f->fx, &f->x1, &f->x2);
	f->officer_id = add_user(f, "cv.x1", 1u << ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->leader_id = add_user(f, "ld.x1", 1u << ROLE_LEADER, f->x1, CLEARANCE_SECRET);
	f->leader2_id = add_user(f, "ld.x2", 1u << ROLE_LEADER, f->x2, CLEARANCE_SECRET);
	f->officer = fixture_actor(f->officer_id, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->leader = fixture_actor(f->leader_id, ROLE_LEADER, f->x1, CLEARANCE_SECRET);
	f->leader2 = fixture_actor(f->leader2_id, ROLE_LEADER, f->x2, CLEARANCE_SECRET);
	*state = f;
	return 0;
}

static int64_t open_case(struct fx *f, const struct actor *who, int conf)
{
	struct case_input in = {.kind = "kiem_tra",
	                        .title = "Kiểm tra",
	                        .handling_org = f->x1,
	                        .confidentiality = conf};
	int64_t id = 0;

	assert_int_equal(case_create(f->fx.app, who, &in, &f->fx.a, &id, NULL, &f->fx.e), 0);
	return id;
}

/* The inbox of who: its unread count and the kinds of its notices. */
static size_t inbox(struct fx *f, const struct actor *who, char *kinds, size_t n)
{
	struct notice_query q = {100, 0, 0};
	json_t *o, *v;
	size_t i, unread;

	assert_int_equal(notice_inbox(f->fx.app, who, &q, &f->fx.a, &o, &f->fx.e), 0);
	unread = (size_t)json_integer_value(json_object_get(o, "unread"));
	kinds[0] = '\0';
	json_array_foreach(json_object_get(o, "notices"), i, v)
	{
		strncat(kinds, json_string_value(json_object_get(v, "kind")),
		        n - strlen(kinds) - 2);
		strncat(kinds, " ", n - strlen(kinds) - 1);
	}
	json_decref(o);
	return unread;
}

static void test_the_case_waits_for_its_leaders(void **state)
{
	struct fx *f = *state;
	int64_t id = open_case(f, &f->officer, CLEARANCE_NORMAL);
	struct case_view v;
	json_t *j;
	char kinds[200];

	assert_int_equal(case_get(f->fx.app, &f->officer, id, &f->fx.a, &v, &f->fx.e), 0);
	assert_non_null(v.next.step);
	assert_string_equal(v.next.step->to, "quyet_dinh");
	assert_int_equal(v.next.nactors, 1);
	assert_string_equal(v.next.actors[0].code, "ld.x1");
	j = case_next_json(&v.next);
	assert_string_equal(json_string_value(json_object_get(j, "waiting_for")), "leader");
	assert_string_equal(json_string_value(json_object_get(j, "text")),
	                    "Chờ lãnh đạo: Ra quyết định kiểm tra");
	json_decref(j);
	assert_int_equal(inbox(f, &f->leader, kinds, sizeof(kinds)), 1);
	assert_string_equal(kinds, "waiting ");
	assert_int_equal(inbox(f, &f->leader2, kinds, sizeof(kinds)), 0);
	assert_int_equal(inbox(f, &f->officer, kinds, sizeof(kinds)), 0);
	/* The local console has no inbox. */
	{
		struct notice_query q = {1, 0, 0};
		json_t *o;

		assert_int_equal(notice_inbox(f->fx.app, &f->fx.sys, &q, &f->fx.a, &o, &f->fx.e),
		                 HOSO_E_DENIED);
	}
}

static void test_assignment_and_the_officers_step(void **state)
{
	struct fx *f = *state;
	int64_t id = open_case(f, &f->leader, CLEARANCE_NORMAL);
	const char *users[] = {"cv.x1"};
	char kinds[200];

	/* The author is not told of their own case. */
	assert_int_equal(inbox(f, &f->leader, kinds, sizeof(kinds)), 0);
	assert_int_equal(case_assign(f->fx.app, &f->leader, id, users, 1, 1, &f->fx.e), 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "quyet_dinh", DATE_NONE, NULL,
	                                 NULL, 2, &f->fx.e),
	                 0);
	assert_int_equal(inbox(f, &f->officer, kinds, sizeof(kinds)), 2);
	assert_string_equal(kinds, "waiting assigned ");
	/* Assigning the same person again tells nobody. */
	assert_int_equal(case_assign(f->fx.app, &f->leader, id, users, 1, 3, &f->fx.e), 0);
	assert_int_equal(inbox(f, &f->officer, kinds, sizeof(kinds)), 2);
	assert_int_equal(notice_read(f->fx.app, &f->leader2, 0, &f->fx.e), 0);
	assert_int_equal(inbox(f, &f->officer, kinds, sizeof(kinds)), 2);
	assert_int_equal(notice_read(f->fx.app, &f->officer, 0, &f->fx.e), 0);
	assert_int_equal(inbox(f, &f->officer, kinds, sizeof(kinds)), 0);
	assert_string_equal(kinds, "waiting assigned ");
}

static void test_a_secret_case_is_not_told_below_its_level(void **state)
{
	struct fx *f = *state;
	struct actor low = fixture_actor(0, ROLE_LEADER, f->x1, CLEARANCE_NORMAL);
	char kinds[200];

	low.user_id = add_user(f, "ld.x1t", 1u << ROLE_LEADER, f->x1, CLEARANCE_NORMAL);
	open_case(f, &f->officer, CLEARANCE_NORMAL);
	assert_int_equal(inbox(f, &low, kinds, sizeof(kinds)), 1);
	{
		struct case_input in = {.kind = "kiem_tra",
		                        .title = "Mật",
		                        .handling_org = f->x1,
		                        .confidentiality = CLEARANCE_SECRET};
		int64_t id;

		assert_int_equal(
		    case_create(f->fx.app, &f->fx.sys, &in, &f->fx.a, &id, NULL, &f->fx.e), 0);
	}
	assert_int_equal(inbox(f, &low, kinds, sizeof(kinds)), 1);
	assert_int_equal(inbox(f, &f->leader, kinds, sizeof(kinds)), 2);
}

TEST_MAIN(FIXTURE_TEST(test_the_case_waits_for_its_leaders, setup),
          FIXTURE_TEST(test_assignment_and_the_officers_step, setup),
          FIXTURE_TEST(test_a_secret_case_is_not_told_below_its_level, setup))
