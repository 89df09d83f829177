/* Unit tests for src/export/tpl.c: text with named fields, walked into
 * text and fields, and every malformed field refused with where it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"
#include "export/tpl.h"
#include "helpers.h"

/* Renders "[name]" for each field; refuses the name "bad". */
static int on_text(void *arg, const char *s, size_t len)
{
	return buf_add(arg, s, len);
}

static int on_field(void *arg, const char *name, struct err *e)
{
	if (strcmp(name, "bad") == 0)
		return err_set(e, HOSO_E_UNKNOWN_FIELD, "body", "Không có trường {{%s}}",
		               "No field {{%s}}", name);
	return buf_addf(arg, "[%s]", name);
}

static int walk(const char *s, struct buf *out, struct err *e)
{
	struct tpl_walker w = {on_text, on_field, out};

	buf_setlen(out, 0);
	return tpl_walk(s, strlen(s), "body", &w, e);
}

static void test_fields_are_found_among_text(void **state)
{
	struct buf out = BUF_INIT(1 << 16);
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(walk("Kiểm tra {{subject.name}} về {{ case.title }}.", &out, &e), 0);
	assert_string_equal(out.buf, "Kiểm tra [subject.name] về [case.title].");
	assert_int_equal(walk("{{a}}{{b_2}}", &out, &e), 0);
	assert_string_equal(out.buf, "[a][b_2]");
	/* a lone brace is text */
	assert_int_equal(walk("{ a } {b} }} x {", &out, &e), 0);
	assert_string_equal(out.buf, "{ a } {b} }} x {");
	assert_int_equal(walk("", &out, &e), 0);
	assert_string_equal(out.buf, "");
	buf_release(&out);
	err_release(&e);
}

static void test_malformed_fields_are_refused_with_their_line(void **state)
{
	static const char *const bad[] = {
	    "x {{case.number", "x {{case.number}", "{{}}",    "{{ }}",      "{{Case}}",
	    "{{a b}}",         "{{tên}}",          "{{{a}}}", "a\n{{a\n}}",
	};
	struct buf out = BUF_INIT(1 << 16);
	struct err e;

	(void)state;
	err_init(&e);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(walk(bad[i], &out, &e), HOSO_E_INVALID);
		assert_string_equal(e.field.buf, "body");
	}
	assert_int_equal(walk("dòng 1\ndòng 2 {{x", &out, &e), HOSO_E_INVALID);
	assert_non_null(strstr(err_text_vi(&e), "dòng 2"));
	assert_non_null(strstr(err_text_en(&e), "line 2"));
	/* 64 bytes is the longest name */
	assert_int_equal(
	    walk("{{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}}", &out, &e),
	    0);
	assert_int_equal(
	    walk("{{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}}", &out, &e),
	    HOSO_E_INVALID);
	buf_release(&out);
	err_release(&e);
}

static void test_the_callback_refuses_a_name(void **state)
{
	struct buf out = BUF_INIT(1 << 16);
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(walk("a {{ok}} b {{bad}} c {{ok}}", &out, &e), HOSO_E_UNKNOWN_FIELD);
	assert_string_equal(err_text_vi(&e), "Không có trường {{bad}}");
	/* the walk stopped at the refused field */
	assert_string_equal(out.buf, "a [ok] b ");
	buf_release(&out);
	err_release(&e);
}

TEST_MAIN(cmocka_unit_test(test_fields_are_found_among_text),
          cmocka_unit_test(test_malformed_fields_are_refused_with_their_line),
          cmocka_unit_test(test_the_callback_refuses_a_name))
