/* Unit tests for src/app/label.c: the table is sorted (the lookup is a
 * binary search), every field the forms show has a label in both
 * languages, and a field without one gets NULL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/label.h"

/* The fields of the API's bodies and the app's texts that a person fills
 * in (src/http/api-*.c, app_text_clean's callers). */
static const char *const fields[] = {
    "about",          "action",      "come_back",    "conclusion",
    "congress",       "date",        "decided",      "depart",
    "document",       "due",         "ethnicity",    "exempt_reason",
    "expected_end",   "family_name", "file",         "from",
    "full_name",      "given_name",  "home_town",    "issuer",
    "last_contact",   "middle_name", "name",         "note",
    "number",         "opened",      "owner",        "reason",
    "recipient",      "residence",   "result",       "sent",
    "start",          "text",        "title",        "to",
    "users",          "violation",   "working_days", "subject_orgs",
    "subject_persons"};

static void test_every_field_has_a_label(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const char *vi = label_vi(fields[i]), *en = label_en(fields[i]);

		if (!vi || !en || !*vi || !*en)
			fail_msg("no label for %s", fields[i]);
		/* A label is words, never the field's own name. */
		assert_string_not_equal(vi, fields[i]);
	}
	assert_string_equal(label_vi("opened"), "Ngày mở hồ sơ");
	assert_string_equal(label_en("opened"), "Opening date");
	assert_string_equal(label_vi("title"), "Tiêu đề");
}

static void test_unknown_fields(void **state)
{
	(void)state;
	assert_null(label_vi("version"));
	assert_null(label_en("no_such_field"));
	assert_null(label_vi(""));
	assert_null(label_vi(NULL));
	/* The first and the last of the table, which a wrong binary search misses. */
	assert_non_null(label_vi("about"));
	assert_non_null(label_vi("working_days"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_field_has_a_label),
	    cmocka_unit_test(test_unknown_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
