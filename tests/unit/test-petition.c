/* Unit tests for src/app/petition.c and petition-scan.c: the register of
 * incoming letters as a commune's officer and leader use it, with another
 * commune next door - the sender never in the letter's JSON and read only
 * by those allowed, duplicates flagged, the refusals named, each
 * classification, and the letter's scans (read as the sender is). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/discipline.h"
#include "app/petition.h"
#include "app/user.h"
#include "fixture.h"

struct fx {
	struct fixture fx;
	int64_t x1, x2, p1, p2;
	struct actor officer, leader, leader2, viewer;
	int64_t persons[1];
	struct petition_input in;
};

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));

	fixture_communes(&f->fx, &f->x1, &f->x2);
	f->p1 = fixture_person(&f->fx, (struct person_input){.full_name = "Lò Văn Sáng",
	                                                     .org_id = f->x1,
	                                                     .admission_date = "02/09/2001",
	                                                     .full_member_date = "02/09/2002",
	                                                     .status = "chinh_thuc"});
	f->p2 = fixture_person(
	    &f->fx, (struct person_input){.full_name = "Quàng Thị Hoa", .org_id = f->x2});
	f->officer = fixture_actor(11, ROLE_OFFICER, f->x1, CLEARANCE_NORMAL);
	f->leader = fixture_actor(12, ROLE_LEADER, f->x1, CLEARANCE_SECRET);
	f->leader2 = fixture_actor(13, ROLE_LEADER, f->x2, CLEARANCE_SECRET);
	f->viewer = fixture_actor(14, ROLE_VIEWER, f->x1, CLEARANCE_SECRET);
	f->persons[0] = f->p1;
	f->in = (struct petition_input){.org = f->x1,
	                                .received = date_today() - 10,
	                                .channel = "buu_dien",
	                                .kind = "to_cao",
	                                .sender_status = "ro_ten",
	                                .sender_name = "Nguyễn Văn Tố",
	                                .sender_address = "Bản Na, xã A",
	                                .summary = "Tố cáo vi phạm quy định về đất đai",
	                                .persons = f->persons,
	                                .npersons = 1,
	                                .decision_received = DATE_NONE};
	*state = f;
	return 0;
}

static int64_t add(struct fx *f, const struct petition_input *in)
{
	int64_t id = 0;

	if (petition_add(f->fx.app, &f->officer, in, &id, &f->fx.e) != 0)
		fail_msg("petition_add: %s", err_text_en(&f->fx.e));
	return id;
}

static void test_the_sender_is_protected(void **state)
{
	struct fx *f = *state;
	int64_t id = add(f, &f->in);
	const char *name, *address;
	json_t *j;
	char *text;

	assert_int_equal(petition_get(f->fx.app, &f->officer, id, &f->fx.a, &j, &f->fx.e), 0);
	text = json_dumps(j, 0);
	assert_null(strstr(text, "Tố\""));
	assert_null(strstr(text, "Nguy"));
	assert_null(strstr(text, "Bản Na"));
	assert_false(json_is_true(json_object_get(j, "may_read_sender")));
	free(text);
	json_decref(j);
	/* the officer and the viewer may not; the leader of the body may */
	assert_int_equal(
	    petition_sender(f->fx.app, &f->officer, id, &f->fx.a, &name, &address, &f->fx.e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    petition_sender(f->fx.app, &f->viewer, id, &f->fx.a, &name, &address, &f->fx.e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    petition_sender(f->fx.app, &f->leader, id, &f->fx.a, &name, &address, &f->fx.e), 0);
	assert_string_equal(name, "Nguyễn Văn Tố");
	assert_string_equal(address, "Bản Na, xã A");
	/* next door, the letter does not exist */
	assert_int_equal(petition_get(f->fx.app, &f->leader2, id, &f->fx.a, &j, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(
	    petition_sender(f->fx.app, &f->leader2, id, &f->fx.a, &name, &address, &f->fx.e),
	    HOSO_E_NOT_FOUND);
}

static void test_duplicates_are_flagged(void **state)
{
	struct fx *f = *state;
	int64_t first = add(f, &f->in), again;
	struct petition_input other = f->in;
	json_t *j;

	again = add(f, &f->in);
	assert_int_equal(petition_get(f->fx.app, &f->leader, again, &f->fx.a, &j, &f->fx.e), 0);
	assert_int_equal(json_integer_value(json_object_get(j, "duplicate_of")), first);
	json_decref(j);
	/* another sender about the same member is not a duplicate */
	other.sender_name = "Lường Thị Khác";
	again = add(f, &other);
	assert_int_equal(petition_get(f->fx.app, &f->leader, again, &f->fx.a, &j, &f->fx.e), 0);
	assert_true(json_is_null(json_object_get(j, "duplicate_of")));
	json_decref(j);
}

static void test_refusals_name_the_field(void **state)
{
	struct fx *f = *state;
	struct {
		struct petition_input in;
		int rc;
		const char *field;
	} cases[] = {
	    {f->in, HOSO_E_MISSING, "summary"},           {f->in, HOSO_E_BAD_DATE, "received"},
	    {f->in, HOSO_E_INVALID, "sender_name"},       {f->in, HOSO_E_MISSING, "sender_address"},
	    {f->in, HOSO_E_BAD_ENUM, "channel"},          {f->in, HOSO_E_MISSING, "subjects"},
	    {f->in, HOSO_E_NOT_FOUND, "subject_persons"}, {f->in, HOSO_E_MISSING, "contested_case"},
	    {f->in, HOSO_E_DENIED, "confidentiality"},
	};
	int64_t other[1] = {f->p2}, id;

	cases[0].in.summary = " \t ";
	cases[1].in.received = date_today() + 1;
	cases[2].in.sender_status = "giau_ten";
	cases[3].in.sender_address = NULL;
	cases[4].in.channel = "fax";
	cases[5].in.npersons = 0;
	cases[6].in.persons = other;
	cases[7].in.kind = "khieu_nai";
	cases[8].in.confidentiality = CLEARANCE_SECRET;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(petition_add(f->fx.app, &f->officer, &cases[i].in, &id, &f->fx.e),
		                 cases[i].rc);
		assert_string_equal(f->fx.e.field.buf, cases[i].field);
	}
	/* a viewer registers nothing */
	assert_int_equal(petition_add(f->fx.app, &f->viewer, &f->in, &id, &f->fx.e), HOSO_E_DENIED);
}

static void test_classify_each_way(void **state)
{
	struct fx *f = *state;
	struct petition_classify_input handle = {.action = PETITION_HANDLE, .version = 1};
	struct petition_classify_input transfer = {
	    .action = PETITION_TRANSFER, .transfer_date = DATE_NONE, .version = 1};
	struct petition_classify_input keep = {.action = PETITION_KEEP, .version = 1};
	struct petition_input petition = f->in;
	int64_t a = add(f, &f->in), b = add(f, &f->in), c, k, case_id;
	struct case_row row;

	/* only a leader; a denunciation case about the member */
	assert_int_equal(petition_classify(f->fx.app, &f->officer, a, &handle, &case_id, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(petition_classify(f->fx.app, &f->leader, a, &handle, &case_id, &f->fx.e),
	                 0);
	assert_int_equal(case_fetch(f->fx.app, &f->leader, case_id, &f->fx.a, &row, &f->fx.e), 0);
	assert_string_equal(row.kind, "to_cao");
	assert_int_equal(row.opened, f->in.received);
	assert_null(strstr(row.title, "Nguy"));
	assert_int_equal(petition_classify(f->fx.app, &f->leader, a, &handle, &case_id, &f->fx.e),
	                 HOSO_E_CONFLICT);
	/* a transfer needs the receiving body, on a day not before the letter */
	assert_int_equal(petition_classify(f->fx.app, &f->leader, b, &transfer, &case_id, &f->fx.e),
	                 HOSO_E_MISSING);
	transfer.transfer_to = "Ủy ban Kiểm tra Huyện ủy";
	transfer.transfer_date = f->in.received - 1;
	assert_int_equal(petition_classify(f->fx.app, &f->leader, b, &transfer, &case_id, &f->fx.e),
	                 HOSO_E_BAD_DATE);
	transfer.transfer_date = DATE_NONE;
	assert_int_equal(petition_classify(f->fx.app, &f->leader, b, &transfer, &case_id, &f->fx.e),
	                 0);
	assert_int_equal(case_id, 0);
	/* a petition opens no case; kept, it needs a reason */
	petition.kind = "kien_nghi";
	c = add(f, &petition);
	assert_int_equal(petition_classify(f->fx.app, &f->leader, c, &handle, &case_id, &f->fx.e),
	                 HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "action");
	assert_int_equal(petition_classify(f->fx.app, &f->leader, c, &keep, &case_id, &f->fx.e),
	                 HOSO_E_BAD_ENUM);
	keep.reason = "khong_cu_the";
	assert_int_equal(petition_classify(f->fx.app, &f->leader, c, &keep, &case_id, &f->fx.e), 0);
	(void)k;
}

/* A complaint: the contested discipline must be the complainant's; it
 * opens a complaint case linked to it within the window only. */
static void test_complaint_window(void **state)
{
	struct fx *f = *state;
	struct case_input kl = {.kind = "ky_luat",
	                        .title = "Xem xét kỷ luật",
	                        .handling_org = f->x1,
	                        .opened = date_today() - 60};
	struct discipline_input d = {.person_id = f->p1,
	                             .form = "khien_trach",
	                             .violation = date_today() - 400,
	                             .decided = date_today() - 45};
	struct petition_classify_input handle = {.action = PETITION_HANDLE, .version = 1};
	struct petition_input in = f->in;
	int64_t kl_id, dec, late, ok, case_id;
	struct case_row row;

	assert_int_equal(case_create(f->fx.app, &f->leader, &kl, &f->fx.a, &kl_id, NULL, &f->fx.e),
	                 0);
	assert_int_equal(discipline_decide(f->fx.app, &f->leader, kl_id, &d, &dec, &f->fx.e), 0);
	in.kind = "khieu_nai";
	in.contested_case = kl_id;
	in.decision_received = in.received - 31;
	late = add(f, &in);
	assert_int_equal(
	    petition_classify(f->fx.app, &f->leader, late, &handle, &case_id, &f->fx.e),
	    HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "received");
	in.decision_received = in.received - 30;
	ok = add(f, &in);
	assert_int_equal(petition_classify(f->fx.app, &f->leader, ok, &handle, &case_id, &f->fx.e),
	                 0);
	assert_int_equal(case_fetch(f->fx.app, &f->leader, case_id, &f->fx.a, &row, &f->fx.e), 0);
	assert_string_equal(row.kind, "khieu_nai");
	assert_int_equal(row.linked_case, kl_id);
	/* a complaint about another member's discipline is refused */
	in.persons = (int64_t[]){fixture_person(
	    &f->fx, (struct person_input){.full_name = "Lường Văn Khác", .org_id = f->x1})};
	assert_int_equal(petition_add(f->fx.app, &f->officer, &in, &ok, &f->fx.e), HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "contested_case");
}

static const char PDF[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

static void test_scans_are_read_as_the_sender_is(void **state)
{
	struct fx *f = *state;
	int64_t id = add(f, &f->in);
	struct attachment_row r, got;
	const void *data;
	size_t len;
	json_t *j, *scans;

	/* officers add them while the letter is new; a file of no known type
	 * or another commune's letter is refused */
	assert_int_equal(petition_scan_add(f->fx.app, &f->officer, id, "don.txt", "hello", 5,
	                                   &f->fx.a, &r, &f->fx.e),
	                 HOSO_E_BAD_FILE);
	assert_int_equal(petition_scan_add(f->fx.app, &f->viewer, id, "don.pdf", PDF,
	                                   sizeof(PDF) - 1, &f->fx.a, &r, &f->fx.e),
	                 HOSO_E_DENIED);
	assert_int_equal(petition_scan_add(f->fx.app, &f->leader2, id, "don.pdf", PDF,
	                                   sizeof(PDF) - 1, &f->fx.a, &r, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	assert_int_equal(petition_scan_add(f->fx.app, &f->officer, id, "C:\\Đơn\\Đơn tố cáo.pdf",
	                                   PDF, sizeof(PDF) - 1, &f->fx.a, &r, &f->fx.e),
	                 0);
	assert_string_equal(r.filename, "Đơn tố cáo.pdf");
	assert_string_equal(r.mime, "application/pdf");
	assert_int_equal(r.case_id, id);
	/* listed to whoever sees the letter */
	assert_int_equal(petition_get(f->fx.app, &f->viewer, id, &f->fx.a, &j, &f->fx.e), 0);
	scans = json_object_get(j, "scans");
	assert_int_equal(json_array_size(scans), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(scans, 0), "name")),
	                    "Đơn tố cáo.pdf");
	json_decref(j);
	/* the contents: the receiving body's leader only */
	assert_int_equal(
	    petition_scan_read(f->fx.app, &f->officer, r.id, &f->fx.a, &got, &data, &len, &f->fx.e),
	    HOSO_E_DENIED);
	assert_string_equal(f->fx.e.field.buf, "sender");
	assert_int_equal(
	    petition_scan_read(f->fx.app, &f->leader2, r.id, &f->fx.a, &got, &data, &len, &f->fx.e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    petition_scan_read(f->fx.app, &f->leader, r.id, &f->fx.a, &got, &data, &len, &f->fx.e),
	    0);
	assert_int_equal(len, sizeof(PDF) - 1);
	assert_memory_equal(data, PDF, len);
	assert_int_equal(petition_scan_read(f->fx.app, &f->leader, r.id + 100, &f->fx.a, &got,
	                                    &data, &len, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	/* withdrawn with a reason, at its version, once */
	assert_int_equal(petition_scan_withdraw(f->fx.app, &f->officer, r.id, "  ", 1, &f->fx.e),
	                 HOSO_E_MISSING);
	assert_int_equal(
	    petition_scan_withdraw(f->fx.app, &f->viewer, r.id, "Chụp nhầm", 1, &f->fx.e),
	    HOSO_E_DENIED);
	assert_int_equal(
	    petition_scan_withdraw(f->fx.app, &f->officer, r.id, "Chụp nhầm", 2, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(
	    petition_scan_withdraw(f->fx.app, &f->officer, r.id, "Chụp nhầm", 1, &f->fx.e), 0);
	assert_int_equal(
	    petition_scan_withdraw(f->fx.app, &f->officer, r.id, "Chụp nhầm", 2, &f->fx.e),
	    HOSO_E_CONFLICT);
	assert_int_equal(petition_get(f->fx.app, &f->viewer, id, &f->fx.a, &j, &f->fx.e), 0);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(j, "scans"), 0), "withdraw_reason")),
	                    "Chụp nhầm");
	json_decref(j);
}

TEST_MAIN(FIXTURE_TEST(test_the_sender_is_protected, setup),
          FIXTURE_TEST(test_scans_are_read_as_the_sender_is, setup),
          FIXTURE_TEST(test_duplicates_are_flagged, setup),
          FIXTURE_TEST(test_refusals_name_the_field, setup),
          FIXTURE_TEST(test_classify_each_way, setup), FIXTURE_TEST(test_complaint_window, setup))
