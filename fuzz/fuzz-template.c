/*
 * fuzz-template.c - libFuzzer target for the template parser of papers
 * (export/tpl.c, app/paper.c): tpl_walk must accept or refuse any bytes
 * without crashing, and what it accepts must keep its promises: every
 * byte is text or part of a field, a field's name is 1 to TPL_NAME_MAX
 * bytes of [a-z0-9_.], and the text rebuilt with each field written
 * "{{name}}" walks to the same text and fields.  paper_template_parse on
 * the same bytes as a paper's body must give 0 or a refusal that names
 * the part, never anything else.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/paper.h"
#include "core/buf.h"
#include "core/err.h"
#include "export/tpl.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_text(void *arg, const char *s, size_t len)
{
	return buf_add(arg, s, len);
}

static int on_field(void *arg, const char *name, struct err *e)
{
	size_t n = strlen(name);

	(void)e;
	if (n == 0 || n > TPL_NAME_MAX ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_.") != n)
		abort();
	return buf_addf(arg, "{{%s}}", name);
}

static void check_walk(const char *s, size_t len)
{
	struct buf once = BUF_INIT(1 << 22), twice = BUF_INIT(1 << 22);
	struct tpl_walker w1 = {on_text, on_field, &once}, w2 = {on_text, on_field, &twice};
	struct err e;
	int rc;

	err_init(&e);
	rc = tpl_walk(s, len, "body", &w1, &e);
	if (rc < 0 && (rc != HOSO_E_INVALID || e.code != rc || strcmp(e.field.buf, "body") != 0))
		abort();
	if (rc == 0) {
		if (once.len > len || tpl_walk(once.buf, once.len, "body", &w2, &e) != 0 ||
		    twice.len != once.len || memcmp(once.buf, twice.buf, once.len) != 0)
			abort();
	}
	buf_release(&once);
	buf_release(&twice);
	err_release(&e);
}

static void check_parse(const char *s, size_t len)
{
	const struct paper *p = paper_get((enum paper_id)(len % PAPER__MAX));
	json_t *o = json_object();
	struct paper_template t;
	struct arena a;
	struct err e;
	int rc;

	if (!o || json_object_set_new(o, "body", json_stringn_nocheck(s, len)) < 0) {
		json_decref(o);
		return;
	}
	err_init(&e);
	arena_init(&a, 0);
	rc = paper_template_parse(p, o, &a, &t, &e);
	if (rc < 0 && (e.code != rc || strcmp(e.field.buf, "body") != 0 ||
	               (rc != HOSO_E_INVALID && rc != HOSO_E_UNKNOWN_FIELD &&
	                rc != HOSO_E_PROTECTED_FIELD && rc != HOSO_E_TOO_BIG)))
		abort();
	if (rc == 0 && len && !t.part[PAPER_BODY])
		abort();
	arena_release(&a);
	err_release(&e);
	json_decref(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);

	if (!s)
		return 0;
	check_walk(s, size);
	check_parse(s, strlen(s));
	free(s);
	return 0;
}
