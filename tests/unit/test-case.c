/* Unit tests for src/app/case.c and case-kinds.c: the state machines,
 * numbering, validation, scope and clearance, steps, subjects, notes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/deadline.h"
#include "app/user.h"
#include "app/org.h"
#include "app/person.h"
#include "app/report.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	struct actor officer, leader, other, viewer;
	int64_t c1, c2, p1, p2;
};

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct person_input p = {.full_name = "Lò Văn Muôn", .joined = "01/01/2010"};

	f->c1 = fixture_org(&f->fx, "C1", "Đảng bộ xã Một", "dang_bo_co_so", f->fx.tu);
	f->c2 = fixture_org(&f->fx, "C2", "Đảng bộ xã Hai", "dang_bo_co_so", f->fx.tu);
	p.org_id = f->c1;
	person_create(f->fx.app, &f->fx.sys, &p, &f->p1, &f->fx.e);
	p.full_name = "Quàng Thị Hoa";
	p.org_id = f->c2;
	person_create(f->fx.app, &f->fx.sys, &p, &f->p2, &f->fx.e);
	f->officer = fixture_actor(7, ROLE_OFFICER, f->c1, CLEARANCE_SECRET);
	f->leader = fixture_actor(8, ROLE_LEADER, f->c1, CLEARANCE_SECRET);
	f->other = fixture_actor(9, ROLE_OFFICER, f->c2, CLEARANCE_SECRET);
	f->viewer = fixture_actor(10, ROLE_VIEWER, f->c1, CLEARANCE_NORMAL);
	*state = f;
	return 0;
}

static int64_t open_case(struct fx *f, const struct actor *who, const char *kind, int64_t org,
                         int32_t day, int conf, const char **number)
{
	struct case_input in = {.kind = kind,
	                        .title = "Kiểm tra  việc   chấp hành",
	                        .handling_org = org,
	                        .opened = day,
	                        .confidentiality = conf};
	int64_t id = 0;

	if (case_create(f->fx.app, who, &in, &f->fx.a, &id, number, &f->fx.e) != 0)
		fail_msg("case_create: %s", err_text_en(&f->fx.e));
	return id;
}

/* An inspection by the officer of C1 opened on day, its subjects C1 and P1. */
static int64_t open_subject_case(struct fx *f, const char *title, int32_t day)
{
	int64_t orgs[] = {f->c1}, persons[] = {f->p1};
	struct case_input in = {.kind = "kiem_tra",
	                        .title = title,
	                        .handling_org = f->c1,
	                        .opened = day,
	                        .subject_orgs = orgs,
	                        .nsubject_orgs = 1,
	                        .subject_persons = persons,
	                        .nsubject_persons = 1};

	return fixture_case(&f->fx, &f->officer, in);
}

/* Every state machine is whole: steps join existing states, every state is
 * reachable from the first, every state but the final ones has a way on,
 * and a final one has none. */
static void test_state_machines_are_whole(void **state)
{
	size_t nk;
	const struct case_kind *const *kinds = case_kinds(&nk);

	(void)state;
	assert_int_equal(nk, KIND__MAX);
	for (size_t i = 0; i < nk; i++) {
		const struct case_kind *k = kinds[i];
		int reach[32] = {0}, changed = 1;

		assert_true(k->nstates <= 32);
		assert_ptr_equal(case_kind_find(k->code), k);
		assert_false(k->states[0].flags & CASE_FINAL);
		for (size_t s = 0; s < k->nsteps; s++) {
			assert_non_null(case_state_find(k, k->steps[s].from));
			assert_non_null(case_state_find(k, k->steps[s].to));
			assert_ptr_equal(case_step_find(k, k->steps[s].from, k->steps[s].to),
			                 &k->steps[s]);
			assert_true(k->steps[s].roles != 0);
			assert_false(case_state_find(k, k->steps[s].from)->flags & CASE_FINAL);
			assert_false(case_state_find(k, k->steps[s].to)->flags & CASE_FORMER);
		}
		reach[0] = 1;
		while (changed) {
			changed = 0;
			for (size_t s = 0; s < k->nsteps; s++) {
				size_t from =
				    (size_t)(case_state_find(k, k->steps[s].from) - k->states);
				size_t to =
				    (size_t)(case_state_find(k, k->steps[s].to) - k->states);

				if (reach[from] && !reach[to])
					reach[to] = changed = 1;
			}
		}
		for (size_t s = 0; s < k->nstates; s++) {
			int out = 0;

			for (size_t t = 0; t < k->nsteps; t++)
				out |= strcmp(k->steps[t].from, k->states[s].code) == 0;
			if (k->states[s].flags & CASE_FORMER)
				continue; /* old history: nothing leads there now */
			if (!reach[s])
				fail_msg("%s: state %s cannot be reached", k->code,
				         k->states[s].code);
			if (!(k->states[s].flags & CASE_FINAL) && !out)
				fail_msg("%s: state %s has no way on", k->code, k->states[s].code);
		}
	}
	assert_null(case_kind_find("khong_co"));
}

static void test_numbers_per_body_kind_and_year(void **state)
{
	struct fx *f = *state;
	const char *n1, *n2, *n3, *n4, *n5;

	open_case(f, &f->officer, "kiem_tra", f->c1, date_days(2024, 3, 1), 0, &n1);
	open_case(f, &f->officer, "kiem_tra", f->c1, date_days(2024, 12, 31), 0, &n2);
	open_case(f, &f->officer, "kiem_tra", f->c1, date_days(2025, 1, 2), 0, &n3);
	open_case(f, &f->other, "kiem_tra", f->c2, date_days(2024, 5, 5), 0, &n4);
	open_case(f, &f->officer, "giam_sat", f->c1, date_days(2024, 5, 5), 0, &n5);
	assert_string_equal(n1, "KT-2024-0001");
	assert_string_equal(n2, "KT-2024-0002");
	assert_string_equal(n3, "KT-2025-0001");
	assert_string_equal(n4, "KT-2024-0001");
	assert_string_equal(n5, "GS-2024-0001");
}

static void test_bad_input_names_the_field_and_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct case_input in = {
	    .kind = "kiem_tra", .title = "Kiểm tra", .handling_org = f->c1, .opened = DATE_NONE};
	struct case_list l;
	struct case_filter all = {.limit = 100};
	int64_t id = 0, persons[] = {999999};

	in.kind = "kiem_toan";
	assert_int_equal(case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_BAD_ENUM);
	assert_string_equal(f->fx.e.field.buf, "kind");
	in.kind = "kiem_tra";
	in.subtype = "thuong_xuyen"; /* a supervision type */
	assert_int_equal(case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_BAD_ENUM);
	assert_string_equal(f->fx.e.field.buf, "subtype");
	in.subtype = "dau_hieu_vi_pham";
	in.title = "   ";
	assert_int_equal(case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "title");
	/* A limit counts characters as a person does, and says so in words:
	 * 501 "đ" (1,002 bytes) are one too many, 500 "đ" are not. */
	{
		struct buf t = BUF_INIT(4096);

		for (int i = 0; i < 501; i++)
			buf_adds(&t, "đ");
		in.title = t.buf;
		assert_int_equal(
		    case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
		    HOSO_E_TOO_BIG);
		assert_string_equal(f->fx.e.field.buf, "title");
		assert_string_equal(err_text_vi(&f->fx.e), "Tiêu đề quá dài: tối đa 500 ký tự");
		assert_string_equal(err_text_en(&f->fx.e),
		                    "Title is too long: at most 500 characters");
		t.buf[t.len - 2] = '\0'; /* 500 characters: the title passes, the
		                          * other commune's organisation does not */
		in.handling_org = f->c2;
		assert_int_equal(
		    case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
		    HOSO_E_NOT_FOUND);
		in.handling_org = f->c1;
		buf_release(&t);
	}
	in.title = "Kiểm tra";
	in.confidentiality = CLEARANCE_TOP_SECRET;
	assert_int_equal(case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_DENIED);
	in.confidentiality = 0;
	in.handling_org = f->c2;
	assert_int_equal(case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	in.handling_org = f->c1;
	in.subject_persons = persons;
	in.nsubject_persons = 1;
	assert_int_equal(case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_string_equal(f->fx.e.field.buf, "subject_persons");
	persons[0] = f->p2; /* a person of the other commune */
	assert_int_equal(case_create(f->fx.app, &f->officer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	in.nsubject_persons = 0;
	assert_int_equal(case_create(f->fx.app, &f->viewer, &in, &f->fx.a, &id, NULL, &f->fx.e),
	                 HOSO_E_DENIED);
	/* nothing was written, not even a number taken */
	assert_int_equal(case_list(f->fx.app, &f->fx.sys, &all, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 0);
	{
		const char *n;

		open_case(f, &f->officer, "kiem_tra", f->c1, date_days(2024, 1, 5), 0, &n);
		assert_string_equal(n, "KT-2024-0001");
	}
}

static void test_scope_and_clearance_hide_cases(void **state)
{
	struct fx *f = *state;
	int64_t mine = open_case(f, &f->officer, "kiem_tra", f->c1, DATE_NONE, 0, NULL);
	int64_t secret = open_case(f, &f->officer, "kiem_tra", f->c1, DATE_NONE, 1, NULL);
	int64_t theirs = open_case(f, &f->other, "kiem_tra", f->c2, DATE_NONE, 0, NULL);
	struct case_view v;
	struct case_list l;
	struct case_filter all = {.limit = 10};

	assert_int_equal(case_get(f->fx.app, &f->officer, mine, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(case_get(f->fx.app, &f->officer, theirs, &f->fx.a, &v, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(case_get(f->fx.app, &f->officer, 424242, &f->fx.a, &v, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(case_get(f->fx.app, &f->viewer, secret, &f->fx.a, &v, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(case_get(f->fx.app, &f->viewer, mine, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(case_list(f->fx.app, &f->officer, &all, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].id, secret); /* newest first */
	assert_int_equal(case_list(f->fx.app, &f->viewer, &all, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(case_list(f->fx.app, &f->fx.sys, &all, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 3);
	/* a write to a hidden case is the same "not found" */
	assert_int_equal(
	    case_add_note(f->fx.app, &f->officer, theirs, "ghi chú", &(int64_t){0}, &f->fx.e),
	    HOSO_E_NOT_FOUND);
}

static void test_paging_is_stable_across_hidden_cases(void **state)
{
	struct fx *f = *state;
	int64_t ids[30];
	struct case_list l;
	struct case_filter page = {.limit = 4};
	size_t seen = 0;

	for (int i = 0; i < 30; i++)
		ids[i] = open_case(f, i % 3 ? &f->other : &f->officer, "giam_sat",
		                   i % 3 ? f->c2 : f->c1, DATE_NONE, 0, NULL);
	for (;;) {
		assert_int_equal(case_list(f->fx.app, &f->officer, &page, &f->fx.a, &l, &f->fx.e),
		                 0);
		for (size_t i = 0; i < l.n; i++, seen++)
			assert_int_equal(l.v[i].id, ids[27 - 3 * (int)seen]);
		if (l.n < page.limit)
			break;
		page.before = l.v[l.n - 1].id;
	}
	assert_int_equal(seen, 10);
}

/* The list's filters narrow, never widen: subtree, period, assignee and
 * overdue; assignments go to those who may take the case. */
static void test_filters_and_assignees(void **state)
{
	struct fx *f = *state;
	struct user_new un = {"cv.mot",           "Cán Bộ Một",     0,
	                      1u << ROLE_OFFICER, CLEARANCE_NORMAL, "mat-khau-dai-du-12"};
	int64_t a, b, d, cv, cv2, xem;
	struct case_list l;
	struct case_filter fl = {.limit = 100};
	struct case_view v;
	const char *mine[] = {"cv.mot"}, *wrong[] = {"cv.hai"}, *viewer[] = {"xem.mot"};

	un.org_id = f->c1;
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &un, &cv, NULL, &f->fx.e), 0);
	un = (struct user_new){"cv.hai",           "Cán Bộ Hai",     f->c2,
	                       1u << ROLE_OFFICER, CLEARANCE_SECRET, "mat-khau-dai-du-12"};
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &un, &cv2, NULL, &f->fx.e), 0);
	un = (struct user_new){"xem.mot",         "Người Xem",      f->c1,
	                       1u << ROLE_VIEWER, CLEARANCE_SECRET, "mat-khau-dai-du-12"};
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &un, &xem, NULL, &f->fx.e), 0);
	a = open_case(f, &f->officer, "kiem_tra", f->c1, date_days(2019, 3, 1), 0, NULL);
	b = open_case(f, &f->other, "kiem_tra", f->c2, date_days(2019, 9, 1), 0, NULL);
	d = open_case(f, &f->officer, "tham_dinh", f->c1, date_days(2024, 1, 2), 0, NULL);

	fl.org = f->c2; /* the system sees everything; the subtree narrows */
	assert_int_equal(case_list(f->fx.app, &f->fx.sys, &fl, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, b);
	assert_int_equal(case_list(f->fx.app, &f->officer, &fl, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 0); /* never wider than the scope */
	fl = (struct case_filter){
	    .limit = 100, .from = date_days(2019, 1, 1), .to = date_days(2019, 12, 31)};
	assert_int_equal(case_list(f->fx.app, &f->fx.sys, &fl, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 2);
	fl.from = date_days(2020, 1, 1);
	assert_int_equal(case_list(f->fx.app, &f->fx.sys, &fl, &f->fx.a, &l, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	fl = (struct case_filter){.limit = 100, .overdue = 1};
	assert_int_equal(case_list(f->fx.app, &f->fx.sys, &fl, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, d);

	assert_int_equal(case_get(f->fx.app, &f->officer, a, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(case_assign(f->fx.app, &f->officer, a, wrong, 1, v.c.version, &f->fx.e),
	                 HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "users");
	assert_int_equal(case_assign(f->fx.app, &f->officer, a, viewer, 1, v.c.version, &f->fx.e),
	                 HOSO_E_INVALID);
	assert_int_equal(case_assign(f->fx.app, &f->viewer, a, mine, 1, v.c.version, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(case_assign(f->fx.app, &f->other, a, mine, 1, v.c.version, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(case_assign(f->fx.app, &f->officer, a, mine, 1, v.c.version, &f->fx.e), 0);
	assert_int_equal(case_assign(f->fx.app, &f->officer, a, mine, 1, v.c.version, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(case_get(f->fx.app, &f->officer, a, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(v.assignees.n, 1);
	assert_int_equal(v.assignees.v[0], cv);
	fl = (struct case_filter){.limit = 100, .assignee = cv};
	assert_int_equal(case_list(f->fx.app, &f->officer, &fl, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, a);
	fl.assignee = cv2;
	assert_int_equal(case_list(f->fx.app, &f->fx.sys, &fl, &f->fx.a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 0);
	(void)xem;
}

/* The ids found by q as who sees them, newest first, into ids (at most
 * 8); how many, or the error. */
static int found(struct fx *f, const struct actor *who, const char *q, int64_t *ids)
{
	struct case_filter fl = {.limit = 100, .q = q};
	struct case_list l;
	int rc = case_list(f->fx.app, who, &fl, &f->fx.a, &l, &f->fx.e);

	for (size_t i = 0; rc == 0 && i < l.n && i < 8; i++)
		ids[i] = l.v[i].id;
	return rc < 0 ? rc : (int)l.n;
}

/* Cases found by a word of the title without diacritics, by (part of) the
 * number, by a subject's name - as a commune officer of clearance thường
 * sees them: never a mật case of theirs, nor one of the commune next door
 * or about its members. */
static void test_found_by_title_number_and_name(void **state)
{
	struct fx *f = *state;
	struct actor cb = fixture_actor(11, ROLE_OFFICER, f->c1, CLEARANCE_NORMAL);
	int64_t persons[] = {f->p2}, ids[8];
	struct case_input in = {.kind = "kiem_tra",
	                        .title = "Kiểm tra chi bộ bản Nà Khoang",
	                        .handling_org = f->c2,
	                        .opened = date_days(2024, 3, 2),
	                        .subject_persons = persons,
	                        .nsubject_persons = 1};
	int64_t a = open_subject_case(f, "Kiểm tra chi bộ bản Nà Khoang", date_days(2024, 3, 1));
	int64_t secret = open_case(f, &f->officer, "kiem_tra", f->c1, DATE_NONE, 1, NULL);
	int64_t theirs = fixture_case(&f->fx, &f->other, in);
	struct case_view v;
	char q[300];

	(void)secret;
	(void)theirs;
	assert_int_equal(found(f, &cb, "na khoang", ids), 1);
	assert_int_equal(ids[0], a);
	assert_int_equal(found(f, &cb, "NÀ KHOANG", ids), 1);
	assert_int_equal(found(f, &cb, "khoan ban", ids), 1); /* word starts, any order */
	assert_int_equal(found(f, &cb, "oang", ids), 0);      /* not a word's middle */
	assert_int_equal(found(f, &cb, "chap hanh", ids), 0); /* the mật case's title */
	assert_int_equal(found(f, &cb, "lo van muon", ids), 1);
	assert_int_equal(ids[0], a);
	assert_int_equal(found(f, &cb, "quang thi hoa", ids), 0); /* out of scope */
	assert_int_equal(found(f, &f->other, "na khoang", ids), 1);
	assert_int_equal(ids[0], theirs);
	assert_int_equal(found(f, &f->officer, "chap hanh", ids), 1);
	assert_int_equal(case_get(f->fx.app, &cb, a, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(found(f, &cb, v.c.number, ids), 1);
	assert_int_equal(ids[0], a);
	assert_int_equal(found(f, &cb, "kt-2024", ids), 1);
	assert_int_equal(found(f, &cb, "KT-2024-0001", ids), 1); /* C2's is hidden */
	assert_int_equal(found(f, &cb, "  ", ids), HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "q");
	memset(q, 'a', sizeof(q) - 1);
	q[sizeof(q) - 1] = 0;
	assert_int_equal(found(f, &cb, q, ids), HOSO_E_TOO_BIG);
	assert_int_equal(found(f, &cb, "\xff\xfe", ids), HOSO_E_NOT_UTF8);
}

/* A step dated before the previous one is refused: deadlines count from
 * the steps' dates. */
static void test_steps_follow_one_another_in_time(void **state)
{
	struct fx *f = *state;
	int64_t id = open_case(f, &f->officer, "tham_dinh", f->c1, date_days(2024, 6, 3), 0, NULL);

	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "cho_bo_sung",
	                                 date_days(2024, 6, 10), NULL, NULL, 1, &f->fx.e),
	                 0);
	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "tiep_nhan",
	                                 date_days(2024, 6, 7), NULL, NULL, 2, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	assert_string_equal(f->fx.e.field.buf, "date");
	assert_non_null(strstr(err_text_en(&f->fx.e), "10/06/2024"));
	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "tiep_nhan",
	                                 date_days(2024, 6, 10), NULL, NULL, 2, &f->fx.e),
	                 0);
}

static void test_steps_follow_the_machine_and_the_roles(void **state)
{
	struct fx *f = *state;
	int64_t id = open_case(f, &f->officer, "kiem_tra", f->c1, date_days(2024, 3, 1), 0, NULL);
	struct case_view v;

	/* an officer may not decide; a leader may */
	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "quyet_dinh", DATE_NONE, NULL,
	                                 NULL, 1, &f->fx.e),
	                 HOSO_E_DENIED);
	/* no such step from the plan */
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "ket_luan", DATE_NONE, NULL,
	                                 NULL, 1, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "to");
	/* before the case was opened */
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "quyet_dinh",
	                                 date_days(2024, 2, 1), NULL, NULL, 1, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "quyet_dinh",
	                                 date_days(2024, 3, 4), "QĐ số 12-QĐ/UBKT", NULL, 1,
	                                 &f->fx.e),
	                 0);
	/* the version moved on: a stale step is refused */
	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "tu_kiem_diem", DATE_NONE,
	                                 NULL, NULL, 1, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_string_equal(f->fx.e.field.buf, "version");
	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "tu_kiem_diem", DATE_NONE,
	                                 NULL, NULL, 2, &f->fx.e),
	                 0);
	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "tham_tra", DATE_NONE, NULL,
	                                 NULL, 3, &f->fx.e),
	                 0);
	/* a conclusion needs its text */
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "ket_luan", DATE_NONE, NULL,
	                                 "  ", 4, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "conclusion");
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "ket_luan", DATE_NONE, NULL,
	                                 "Có vi phạm đến mức phải xem xét kỷ luật", 4, &f->fx.e),
	                 0);
	assert_int_equal(case_get(f->fx.app, &f->officer, id, &f->fx.a, &v, &f->fx.e), 0);
	assert_string_equal(v.c.state, "ket_luan");
	assert_string_equal(v.c.conclusion, "Có vi phạm đến mức phải xem xét kỷ luật");
	assert_int_equal(v.c.version, 5);
	assert_int_equal(v.events.n, 5);
	assert_null(v.events.v[0].from_state);
	assert_string_equal(v.events.v[0].to_state, "ke_hoach");
	assert_string_equal(v.events.v[1].from_state, "ke_hoach");
	assert_string_equal(v.events.v[1].to_state, "quyet_dinh");
	assert_int_equal(v.events.v[1].on_date, date_days(2024, 3, 4));
	assert_string_equal(v.events.v[1].note, "QĐ số 12-QĐ/UBKT");
	assert_int_equal(v.events.v[1].user_id, 8);
}

static void test_final_states_have_no_way_out(void **state)
{
	struct fx *f = *state;
	int64_t id = open_case(f, &f->officer, "ra_nuoc_ngoai", f->c1, DATE_NONE, 0, NULL);

	assert_int_equal(case_transition(f->fx.app, &f->officer, id, "y_kien_chi_bo", DATE_NONE,
	                                 NULL, NULL, 1, &f->fx.e),
	                 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "khong_dong_y", DATE_NONE, NULL,
	                                 "Không đủ điều kiện", 2, &f->fx.e),
	                 0);
	assert_int_equal(case_transition(f->fx.app, &f->leader, id, "dong_y", DATE_NONE, NULL, NULL,
	                                 3, &f->fx.e),
	                 HOSO_E_CONFLICT);
}

static void test_subjects_keep_the_organisation_as_it_was(void **state)
{
	struct fx *f = *state;
	int64_t id = open_subject_case(f, "Kiểm tra tổ chức đảng", date_days(2024, 6, 1));
	struct case_view v;
	struct org_row before, after;

	assert_int_equal(org_rename(f->fx.app, &f->fx.sys, f->c1, "Đảng bộ phường Một",
	                            date_days(2025, 7, 1), "QĐ sáp xếp", &f->fx.e),
	                 0);
	assert_int_equal(case_get(f->fx.app, &f->officer, id, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(v.subjects.n, 2);
	assert_int_equal(v.subjects.v[0].org_id, f->c1);
	assert_int_equal(
	    store_org_at(app_store(f->fx.app), f->c1, date_days(2024, 6, 1), &f->fx.a, &before), 0);
	assert_int_equal(
	    store_org_at(app_store(f->fx.app), f->c1, date_days(2025, 7, 1), &f->fx.a, &after), 0);
	assert_int_equal(v.subjects.v[0].org_version_id, before.version_id);
	assert_true(before.version_id != after.version_id);
	assert_int_equal(v.subjects.v[1].person_id, f->p1);
}

static void test_notes_documents_and_the_trail(void **state)
{
	struct fx *f = *state;
	int64_t id = open_case(f, &f->officer, "tham_dinh", f->c1, DATE_NONE, 0, NULL), nid, did;
	struct case_document_input d = {.number_symbol = "Số 15-KL/UBKTTU",
	                                .issuer = "UBKT Tỉnh ủy",
	                                .title = "Kết luận kiểm tra",
	                                .doc_date = date_days(2024, 5, 2)};
	struct case_view v;
	struct audit_list al;
	struct audit_filter af = {.object_type = "case", .object_id = id, .limit = 50};

	assert_int_equal(
	    case_add_note(f->fx.app, &f->officer, id, "  Đã   gọi điện  ", &nid, &f->fx.e), 0);
	assert_int_equal(case_add_note(f->fx.app, &f->officer, id, " ", &nid, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_int_equal(case_add_document(f->fx.app, &f->officer, id, &d, &did, &f->fx.e), 0);
	d.title = NULL;
	assert_int_equal(case_add_document(f->fx.app, &f->officer, id, &d, &did, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_int_equal(case_add_note(f->fx.app, &f->viewer, id, "xem", &nid, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(case_get(f->fx.app, &f->viewer, id, &f->fx.a, &v, &f->fx.e), 0);
	assert_int_equal(v.notes.n, 1);
	assert_string_equal(v.notes.v[0].text, "Đã gọi điện");
	assert_int_equal(v.documents.n, 1);
	assert_string_equal(v.documents.v[0].number_symbol, "Số 15-KL/UBKTTU");
	/* create, note, document, read: each in the trail */
	assert_int_equal(audit_list(f->fx.app, &f->fx.sys, &af, &f->fx.a, &al, &f->fx.e), 0);
	assert_int_equal(al.n, 4);
	assert_string_equal(al.v[0].action, "read");
	assert_string_equal(al.v[1].action, "document");
	assert_string_equal(al.v[2].action, "note");
	assert_string_equal(al.v[3].action, "create");
}

/* The kinds' table: each kind at its enum's place, codes and number
 * prefixes distinct, its deadlines its own, its figures in the report
 * catalogue. */
static void test_the_kinds_table(void **state)
{
	size_t nk;
	const struct case_kind *const *kinds = case_kinds(&nk);

	(void)state;
	for (size_t i = 0; i < nk; i++) {
		const struct case_kind *k = kinds[i];

		assert_int_equal(k->id, i);
		assert_ptr_equal(case_kind_get(k->id), k);
		assert_string_equal(case_kind_code(k->id), k->code);
		for (size_t j = 0; j < i; j++) {
			assert_string_not_equal(kinds[j]->code, k->code);
			assert_string_not_equal(kinds[j]->prefix, k->prefix);
		}
		for (size_t d = 0; d < k->ndeadlines; d++)
			assert_int_equal(k->deadlines[d].kind, k->id);
		assert_true(k->nfigures > 0);
		for (size_t f = 0; f < k->nfigures; f++)
			if (!figure_code(k->figures[f]))
				fail_msg("%s: figure %d is not in the report catalogue", k->code,
				         (int)k->figures[f]);
		assert_true(!k->load == !k->view);
	}
	assert_null(case_kind_get(KIND__MAX));
	assert_null(case_kind_code(KIND__MAX));
}

/* A case of any kind has the same keys: every kind's parts, empty but
 * its own; a kind's writes refuse a case of another kind, naming it. */
static void test_every_case_has_every_kinds_keys(void **state)
{
	struct fx *f = *state;
	json_t *first = NULL;

	for (size_t i = 0; i < KIND__MAX; i++) {
		const char *code = case_kind_code((enum case_kind_id)i);
		int64_t id = open_case(f, &f->officer, code, f->c1, date_days(2024, 5, 2), 0, NULL);
		struct case_view v;
		struct case_row c;
		json_t *o;
		const char *key;
		json_t *x;

		assert_int_equal(case_get(f->fx.app, &f->officer, id, &f->fx.a, &v, &f->fx.e), 0);
		assert_ptr_equal(v.kind, case_kind_get((enum case_kind_id)i));
		assert_string_equal(v.org.code, "C1");
		o = case_view_json(&v);
		assert_string_equal(json_string_value(json_object_get(o, "kind")), code);
		if (!first) {
			first = o;
		} else {
			json_object_foreach(first, key, x) if (!json_object_get(o, key))
			    fail_msg("a case of kind %s has no '%s'", code, key);
			assert_int_equal(json_object_size(o), json_object_size(first));
			json_decref(o);
		}
		assert_int_equal(case_of_kind(f->fx.app, &f->officer, id,
		                              i == KIND_TRIP ? KIND_STAY : KIND_TRIP, CASE_OFFICER,
		                              &f->fx.a, &c, &f->fx.e),
		                 HOSO_E_CONFLICT);
		assert_string_equal(f->fx.e.field.buf, "case");
	}
	assert_non_null(json_object_get(first, "trip"));
	assert_non_null(json_object_get(first, "relatives"));
	json_decref(first);
}

/* A case's confidentiality is its own action, for leaders within their
 * clearance; the report counters follow the case to its new level. */
static void test_confidentiality_moves_the_counts(void **state)
{
	struct fx *f = *state;
	int64_t id = open_subject_case(f, "Kiểm tra có đối tượng", date_days(2024, 3, 1)),
	        diffs = -1;
	struct case_row c;
	struct report r;

	/* officers do not classify; a leader not above their clearance */
	assert_int_equal(case_set_confidentiality(f->fx.app, &f->officer, id, 1, 1, NULL, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(case_set_confidentiality(f->fx.app, &f->leader, id, 2, 1, NULL, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(case_set_confidentiality(f->fx.app, &f->leader, id, 1, 2, NULL, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(case_set_confidentiality(f->fx.app, &f->leader, id, 1, 1,
	                                          "Có yếu tố nước ngoài", &f->fx.e),
	                 0);
	assert_int_equal(case_fetch(f->fx.app, &f->leader, id, &f->fx.a, &c, &f->fx.e), 0);
	assert_int_equal(c.confidentiality, 1);
	assert_int_equal(c.version, 2);
	/* the counters agree with the records, and a thường reader's report no
	 * longer counts the case */
	assert_int_equal(report_verify(f->fx.app, &f->fx.sys, &diffs, &f->fx.e), 0);
	assert_int_equal(diffs, 0);
	assert_int_equal(report_figures(f->fx.app, &f->viewer, f->c1, date_days(2024, 1, 1),
	                                date_days(2024, 12, 31), DATE_NONE, &f->fx.a, &r, &f->fx.e),
	                 0);
	assert_int_equal(r.figures[FIGURE_KT_TO_CHUC].total, 0);
	assert_int_equal(report_figures(f->fx.app, &f->leader, f->c1, date_days(2024, 1, 1),
	                                date_days(2024, 12, 31), DATE_NONE, &f->fx.a, &r, &f->fx.e),
	                 0);
	assert_int_equal(r.figures[FIGURE_KT_TO_CHUC].total, 1);
	assert_int_equal(r.figures[FIGURE_KT_DANG_VIEN].total, 1);
	/* and back */
	assert_int_equal(case_set_confidentiality(f->fx.app, &f->leader, id, 0, 2, NULL, &f->fx.e),
	                 0);
	assert_int_equal(report_verify(f->fx.app, &f->fx.sys, &diffs, &f->fx.e), 0);
	assert_int_equal(diffs, 0);
	/* a kind counted from the case row itself (an appraisal's dossier) */
	id = open_case(f, &f->officer, "tham_dinh", f->c1, date_days(2024, 3, 2), 0, NULL);
	assert_int_equal(case_set_confidentiality(f->fx.app, &f->leader, id, 1, 1, NULL, &f->fx.e),
	                 0);
	assert_int_equal(report_verify(f->fx.app, &f->fx.sys, &diffs, &f->fx.e), 0);
	assert_int_equal(diffs, 0);
}

TEST_MAIN(cmocka_unit_test(test_state_machines_are_whole), cmocka_unit_test(test_the_kinds_table),
          FIXTURE_TEST(test_every_case_has_every_kinds_keys, setup),
          FIXTURE_TEST(test_numbers_per_body_kind_and_year, setup),
          FIXTURE_TEST(test_bad_input_names_the_field_and_writes_nothing, setup),
          FIXTURE_TEST(test_scope_and_clearance_hide_cases, setup),
          FIXTURE_TEST(test_paging_is_stable_across_hidden_cases, setup),
          FIXTURE_TEST(test_filters_and_assignees, setup),
          FIXTURE_TEST(test_found_by_title_number_and_name, setup),
          FIXTURE_TEST(test_steps_follow_one_another_in_time, setup),
          FIXTURE_TEST(test_steps_follow_the_machine_and_the_roles, setup),
          FIXTURE_TEST(test_final_states_have_no_way_out, setup),
          FIXTURE_TEST(test_subjects_keep_the_organisation_as_it_was, setup),
          FIXTURE_TEST(test_notes_documents_and_the_trail, setup),
          FIXTURE_TEST(test_confidentiality_moves_the_counts, setup))
