/* Unit tests for src/app/patch.c: a partial update changes the fields
 * sent and only those, a null clears, and the changes are listed with
 * their values before and after. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "app/patch.h"
#include "core/date.h"
#include "store/store.h"
#include "helpers.h"

struct rec {
	const char *name, *code;
	int32_t day;
	int flag;
};

/* The fields of struct rec: the record at r, the update at in. */
static void fields(struct patch_field *f, struct rec *r, const struct rec *in)
{
	f[0] = (struct patch_field){"name", PATCH_TEXT, 20, &r->name, &in->name};
	f[1] = (struct patch_field){"code", PATCH_CODE, 0, &r->code, &in->code};
	f[2] = (struct patch_field){"day", PATCH_DATE, 0, &r->day, &in->day};
	f[3] = (struct patch_field){"flag", PATCH_FLAG, 0, &r->flag, &in->flag};
}

/* A record, an update of it and their fields, with the arena and the
 * error a patch works with. */
struct fx {
	struct rec r, in;
	struct patch_field f[4];
	struct arena a;
	struct err e;
};

static int setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (!x)
		return -1;
	x->r = (struct rec){"Lò Văn Muôn", "a", date_days(2024, 1, 1), 1};
	fields(x->f, &x->r, &x->in);
	arena_init(&x->a, 0);
	err_init(&x->e);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;

	err_release(&x->e);
	arena_release(&x->a);
	free(x);
	return 0;
}

static void test_only_the_fields_sent_change(void **state)
{
	struct fx *x = *state;
	json_t *ch;

	x->in = (struct rec){"  Quàng   Thị Hoa ", "b", DATE_NONE, 0};
	/* the name (cleaned) and the day (cleared); the code and flag stay */
	assert_int_equal(patch_apply(&x->a, x->f, 4, PATCH_LISTED | 1u << 0 | 1u << 2, &ch, &x->e),
	                 0);
	assert_string_equal(x->r.name, "Quàng Thị Hoa");
	assert_string_equal(x->r.code, "a");
	assert_int_equal(x->r.day, DATE_NONE);
	assert_int_equal(x->r.flag, 1);
	assert_int_equal(json_object_size(ch), 2);
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(ch, "name"), "before")),
	    "Lò Văn Muôn");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(ch, "day"), "before")), "2024-01-01");
	assert_true(json_is_null(json_object_get(json_object_get(ch, "day"), "after")));
	json_decref(ch);
	/* the same again: nothing changes, nothing listed */
	assert_int_equal(patch_apply(&x->a, x->f, 4, PATCH_LISTED | 1u << 0 | 1u << 2, &ch, &x->e),
	                 0);
	assert_int_equal(json_object_size(ch), 0);
	json_decref(ch);
	/* nothing sent: nothing changes */
	assert_int_equal(patch_apply(&x->a, x->f, 4, PATCH_LISTED, &ch, &x->e), 0);
	assert_int_equal(json_object_size(ch), 0);
	assert_string_equal(x->r.code, "a");
	json_decref(ch);
	/* 0: every field (a whole record) */
	assert_int_equal(patch_apply(&x->a, x->f, 4, 0, &ch, &x->e), 0);
	assert_string_equal(x->r.code, "b");
	assert_int_equal(x->r.flag, 0);
	assert_int_equal(json_object_size(ch), 2);
	json_decref(ch);
}

static void test_bad_text_and_required_fields_are_named(void **state)
{
	struct fx *x = *state;
	json_t *ch;

	x->in = (struct rec){"Một cái tên dài hơn hai mươi byte", "", DATE_NONE, 0};
	assert_int_equal(patch_apply(&x->a, x->f, 4, PATCH_LISTED | 1u << 0, &ch, &x->e),
	                 HOSO_E_TOO_BIG);
	assert_null(ch);
	assert_string_equal(x->e.field.buf, "name");
	assert_string_equal(x->r.name, "Lò Văn Muôn");
	/* an empty code clears it; required, it is then missing */
	assert_int_equal(patch_apply(&x->a, x->f, 4, PATCH_LISTED | 1u << 1 | 1u << 2, &ch, &x->e),
	                 0);
	json_decref(ch);
	assert_null(x->r.code);
	assert_int_equal(patch_required(x->f, 4, 1u << 0 | 1u << 1 | 1u << 2, &x->e),
	                 HOSO_E_MISSING);
	assert_string_equal(x->e.field.buf, "code");
	assert_int_equal(patch_required(x->f, 4, 1u << 0, &x->e), 0);
	assert_true(patch_sent(0, 30));
	assert_false(patch_sent(PATCH_LISTED, 0));
}

TEST_MAIN(cmocka_unit_test_setup_teardown(test_only_the_fields_sent_change, setup, teardown),
          cmocka_unit_test_setup_teardown(test_bad_text_and_required_fields_are_named, setup,
                                          teardown))
