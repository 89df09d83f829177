/* Unit tests for src/app/codes.c: the closed sets served to the UI, each
 * code with both names, and the refusal that lists a set's codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/case.h"
#include "app/codes.h"
#include "core/buf.h"
#include "vi/vi.h"
#include "helpers.h"

static const struct code_name table[] = {
    {"a", "Một", "One"}, {"b", "Hai", "Two"}, {"c", "Ba", "Three"}};

static void test_lookup_and_refusal(void **state)
{
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(code_index(table, 3, "b"), 1);
	assert_int_equal(code_index(table, 3, "d"), -1);
	assert_int_equal(code_index(table, 3, NULL), -1);
	assert_ptr_equal(code_find(table, 3, "c"), &table[2]);
	assert_null(code_find(table, 3, ""));
	assert_int_equal(code_refuse(&e, "kind", "Loại", "The kind", table, 3), HOSO_E_BAD_ENUM);
	assert_string_equal(e.field.buf, "kind");
	assert_string_equal(err_text_vi(&e), "Loại là a, b hoặc c");
	assert_string_equal(err_text_en(&e), "The kind is a, b or c");
	assert_int_equal(code_refuse(NULL, "kind", "Loại", "The kind", table, 3), HOSO_E_BAD_ENUM);
	err_release(&e);
}

/* A name as the UI shows it: not blank, Vietnamese in NFC. */
static void check_name(const char *set, const char *code, const char *vi, const char *en)
{
	struct buf nfc = BUF_INIT(4096);

	if (!vi || !*vi || !en || !*en)
		fail_msg("%s.%s: a name is missing", set, code);
	assert_int_equal(vi_nfc(vi, strlen(vi), &nfc), 0);
	if (strcmp(nfc.buf, vi) != 0)
		fail_msg("%s.%s: '%s' is not NFC", set, code, vi);
	buf_release(&nfc);
}

static void check_set(const char *name, json_t *set)
{
	size_t i, j;
	json_t *x, *y;

	if (!json_is_array(set) || !json_array_size(set))
		fail_msg("set %s is empty", name);
	json_array_foreach(set, i, x)
	{
		const char *code = json_string_value(json_object_get(x, "code"));

		if (!code || !*code)
			fail_msg("set %s: entry %zu has no code", name, i);
		check_name(name, code, json_string_value(json_object_get(x, "name")),
		           json_string_value(json_object_get(x, "name_en")));
		json_array_foreach(set, j, y)
		{
			if (j > i &&
			    strcmp(code, json_string_value(json_object_get(y, "code"))) == 0)
				fail_msg("set %s: %s twice", name, code);
		}
	}
}

/* Every set the UI needs is there, whole; the kinds with their subtypes
 * named. */
static void test_every_set_is_served_with_names(void **state)
{
	static const char *const needed[] = {"appraisal_outcome",
	                                     "clearance",
	                                     "deadline_level",
	                                     "discipline_form",
	                                     "finding_conclusion",
	                                     "letter_action",
	                                     "org_kind",
	                                     "person_status",
	                                     "relation",
	                                     "role",
	                                     "sex",
	                                     "stay_arrangement",
	                                     "stay_purpose",
	                                     "succession",
	                                     "traveller_event",
	                                     "trip_purpose"};
	json_t *c = codes_json(), *sets = json_object_get(c, "sets"), *kinds, *k, *v;
	const char *name;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(needed) / sizeof(needed[0]); i++)
		if (!json_object_get(sets, needed[i]))
			fail_msg("set %s is not served", needed[i]);
	json_object_foreach(sets, name, v) check_set(name, v);
	/* a case's confidentiality is the clearance's index */
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(sets, "clearance"), 2), "code")),
	                    "toi_mat");
	kinds = json_object_get(c, "case_kinds");
	assert_int_equal(json_array_size(kinds), KIND__MAX);
	json_array_foreach(kinds, i, k)
	{
		assert_string_equal(json_string_value(json_object_get(k, "code")),
		                    case_kind_code((enum case_kind_id)i));
		check_name("case_kind", case_kind_code((enum case_kind_id)i),
		           json_string_value(json_object_get(k, "name")),
		           json_string_value(json_object_get(k, "name_en")));
		if (json_array_size(json_object_get(k, "subtypes")))
			check_set("subtypes", json_object_get(k, "subtypes"));
		assert_true(json_array_size(json_object_get(k, "states")) > 1);
		assert_true(json_array_size(json_object_get(k, "figures")) > 0);
	}
	json_decref(c);
}

TEST_MAIN(cmocka_unit_test(test_lookup_and_refusal),
          cmocka_unit_test(test_every_set_is_served_with_names))
