/* Unit tests for src/app/letter.c: verification letters, their due dates,
 * reminders, escalation and answers, and the list of unanswered ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/correct.h"
#include "app/letter.h"
#include "app/org.h"
#include "fixture.h"
#include "store/store.h"

struct fx {
	struct fixture fx;
	struct actor officer, other, viewer;
	int64_t x1, x2, check1, check2, insp;
};

static int64_t open_case(struct fx *f, const struct actor *who, const char *kind, int64_t org)
{
	struct case_input in = {.kind = kind,
	                        .title = "Thẩm tra lý lịch người vào Đảng",
	                        .handling_org = org,
	                        .opened = date_days(2024, 1, 2)};

	return fixture_case(&f->fx, who, in);
}

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));

	fixture_communes(&f->fx, &f->x1, &f->x2);
	fixture_commune_staff(f->x1, f->x2, &f->officer, &f->other, &f->viewer);
	f->check1 = open_case(f, &f->officer, "tham_tra_ly_lich", f->x1);
	f->check2 = open_case(f, &f->other, "tham_tra_ly_lich", f->x2);
	f->insp = open_case(f, &f->officer, "kiem_tra", f->x1);
	*state = f;
	return 0;
}

static void test_adding_a_letter_checks_what_it_needs(void **state)
{
	struct fx *f = *state;
	struct letter_input in = {.recipient = "Đảng ủy xã Thanh Nưa",
	                          .about = "Bố đẻ: Lò Văn Pánh",
	                          .sent = date_days(2024, 6, 3)};
	int64_t id;

	assert_int_equal(letter_add(f->fx.app, &f->officer, f->insp, &in, &id, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(letter_add(f->fx.app, &f->viewer, f->check1, &in, &id, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check2, &in, &id, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	in.sent = date_days(2023, 12, 1);
	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check1, &in, &id, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	assert_string_equal(f->fx.e.field.buf, "sent");
	in.sent = date_days(2024, 6, 3);
	in.recipient = "  ";
	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check1, &in, &id, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_string_equal(f->fx.e.field.buf, "recipient");
}

static void test_due_reminders_escalation_answer(void **state)
{
	struct fx *f = *state;
	struct letter_input in = {.recipient = "Đảng ủy xã Thanh Nưa",
	                          .about = "Bố đẻ: Lò Văn Pánh",
	                          .sent = date_days(2024, 6, 3)};
	struct letter_view *v;
	size_t n;
	int64_t id;

	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check1, &in, &id, &f->fx.e), 0);
	assert_int_equal(letter_of_case(f->fx.app, f->check1, &f->fx.a, &v, &n, &f->fx.e), 0);
	assert_int_equal(n, 1);
	/* 30 working days after Monday 3/6/2024 (no holiday in June-July) */
	assert_int_equal(v[0].d.due, date_days(2024, 7, 15));
	assert_int_equal(v[0].d.level, DEADLINE_OVERDUE);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_REMIND,
	                               date_days(2024, 7, 1), NULL, 1, 1, &f->fx.e),
	                 0);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_REMIND,
	                               date_days(2024, 7, 16), NULL, 1, 1, &f->fx.e),
	                 HOSO_E_CONFLICT); /* stale version */
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_REMIND,
	                               date_days(2024, 7, 16), NULL, 2, 1, &f->fx.e),
	                 0);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_ESCALATE,
	                               date_days(2024, 7, 22), NULL, 3, 1, &f->fx.e),
	                 0);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_ANSWER,
	                               date_days(2024, 7, 25), NULL, 4, 1, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_ANSWER,
	                               date_days(2024, 5, 25), "x", 4, 1, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	assert_int_equal(letter_update(f->fx.app, &f->other, id, LETTER_ANSWER,
	                               date_days(2024, 7, 25), "x", 4, 1, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_ANSWER,
	                               date_days(2024, 7, 25), "Lý lịch rõ ràng, không có vấn đề",
	                               4, 1, &f->fx.e),
	                 0);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_REMIND,
	                               date_days(2024, 7, 26), NULL, 5, 1, &f->fx.e),
	                 HOSO_E_CONFLICT);
	assert_int_equal(letter_of_case(f->fx.app, f->check1, &f->fx.a, &v, &n, &f->fx.e), 0);
	assert_int_equal(v[0].l.reminders, 2);
	assert_int_equal(v[0].l.last_reminder, date_days(2024, 7, 16));
	assert_int_equal(v[0].l.escalated, date_days(2024, 7, 22));
	assert_int_equal(v[0].l.answered, date_days(2024, 7, 25));
	assert_string_equal(v[0].l.result, "Lý lịch rõ ràng, không có vấn đề");
	assert_int_equal(v[0].d.level, DEADLINE_DONE_LATE);
}

static void test_unanswered_letters_listed_for_their_managers(void **state)
{
	struct fx *f = *state;
	struct letter_input in = {.recipient = "Công an xã", .sent = date_days(2024, 6, 3)};
	struct letter_item *v;
	size_t n;
	int64_t late, answered, theirs;

	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check1, &in, &late, &f->fx.e), 0);
	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check1, &in, &answered, &f->fx.e),
	                 0);
	assert_int_equal(letter_add(f->fx.app, &f->other, f->check2, &in, &theirs, &f->fx.e), 0);
	assert_int_equal(letter_update(f->fx.app, &f->officer, answered, LETTER_ANSWER,
	                               date_days(2024, 6, 10), "Đã trả lời", 1, 1, &f->fx.e),
	                 0);
	assert_int_equal(
	    letter_due(f->fx.app, &f->viewer, DEADLINE_OVERDUE, 100, &f->fx.a, &v, &n, &f->fx.e),
	    0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].v.l.id, late);
	assert_int_equal(v[0].c.id, f->check1);
	assert_int_equal(
	    letter_due(f->fx.app, &f->fx.sys, DEADLINE_OVERDUE, 100, &f->fx.a, &v, &n, &f->fx.e),
	    0);
	assert_int_equal(n, 2);
	assert_int_equal(
	    letter_due(f->fx.app, &f->other, DEADLINE_OVERDUE, 100, &f->fx.a, &v, &n, &f->fx.e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].v.l.id, theirs);
}

static void test_a_past_reminder_needs_confirmation(void **state)
{
	struct fx *f = *state;
	struct letter_input in = {.recipient = "Công an xã", .sent = date_days(2024, 6, 3)};
	struct letter_edit_input ed = {.sent = date_days(2024, 7, 2),
	                               .sent_fields = PATCH_LISTED | 1u << LETTER_F_SENT};
	int64_t id;

	assert_int_equal(letter_add(f->fx.app, &f->officer, f->check1, &in, &id, &f->fx.e), 0);
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_REMIND,
	                               date_days(2024, 7, 1), NULL, 1, 0, &f->fx.e),
	                 HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "date");
	assert_non_null(strstr(f->fx.e.msg_vi.buf, "xác nhận"));
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_ESCALATE,
	                               date_days(2024, 7, 1), NULL, 1, 0, &f->fx.e),
	                 HOSO_E_INVALID);
	/* today needs no confirmation; the answer's date never does */
	assert_int_equal(letter_update(f->fx.app, &f->officer, id, LETTER_REMIND, DATE_NONE, NULL,
	                               1, 0, &f->fx.e),
	                 0);
	/* the sending date corrected: not after the reminder */
	assert_int_equal(letter_edit(f->fx.app, &f->officer, id, &ed, &f->fx.e), 0);
	ed.sent = date_today() + 1;
	assert_int_equal(letter_edit(f->fx.app, &f->officer, id, &ed, &f->fx.e), HOSO_E_BAD_DATE);
	assert_int_equal(letter_edit(f->fx.app, &f->other, id, &ed, &f->fx.e), HOSO_E_NOT_FOUND);
}

TEST_MAIN(FIXTURE_TEST(test_adding_a_letter_checks_what_it_needs, setup),
          FIXTURE_TEST(test_due_reminders_escalation_answer, setup),
          FIXTURE_TEST(test_unanswered_letters_listed_for_their_managers, setup),
          FIXTURE_TEST(test_a_past_reminder_needs_confirmation, setup))
