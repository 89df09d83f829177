/* Unit tests for src/core/conf.c: the syntax of hoso.conf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/conf.h"
#include "core/err.h"
#include "helpers.h"

/* The errors reported: their lines and codes, in order. */
struct seen {
	long line[16];
	int code[16];
	size_t n;
};

static int note(void *arg, long line, int code, const char *vi, const char *en)
{
	struct seen *s = arg;

	assert_non_null(vi);
	assert_non_null(en);
	if (s->n < 16) {
		s->line[s->n] = line;
		s->code[s->n] = code;
	}
	s->n++;
	return 0;
}

static struct conf_entry entries[CONF_ENTRIES_MAX];

static int parse(const char *text, size_t len, size_t *n, struct seen *s)
{
	memset(s, 0, sizeof(*s));
	return conf_parse(text, len, entries, CONF_ENTRIES_MAX, n, note, s);
}

static void assert_entry(size_t i, long line, const char *key, const char *value)
{
	assert_int_equal(entries[i].line, line);
	assert_int_equal(entries[i].key_len, strlen(key));
	assert_memory_equal(entries[i].key, key, strlen(key));
	assert_int_equal(entries[i].value_len, strlen(value));
	assert_memory_equal(entries[i].value, value, strlen(value));
}

static void test_good(void **state)
{
	const char *t = "# hoso.conf\n"
	                "\n"
	                "db = /var/lib/hoso/hoso.db\n"
	                "   listen=127.0.0.1:8080   \r\n"
	                "\t# a comment after a tab\n"
	                "threads =\t16 # trailing comment\n"
	                "static = /srv/web#1\n"
	                "trusted_proxies = 10.0.0.1, fd00::/8\n"
	                "backup_key =\n"
	                "keep_daily = # nothing but a comment\n"
	                "keep_weekly = 4";
	struct seen s;
	size_t n;

	(void)state;
	assert_int_equal(parse(t, strlen(t), &n, &s), 0);
	assert_int_equal(s.n, 0);
	assert_int_equal(n, 8);
	assert_entry(0, 3, "db", "/var/lib/hoso/hoso.db");
	assert_entry(1, 4, "listen", "127.0.0.1:8080");
	assert_entry(2, 6, "threads", "16");
	assert_entry(3, 7, "static", "/srv/web#1"); /* '#' inside a word */
	assert_entry(4, 8, "trusted_proxies", "10.0.0.1, fd00::/8");
	assert_entry(5, 9, "backup_key", "");
	assert_entry(6, 10, "keep_daily", "");
	assert_entry(7, 11, "keep_weekly", "4"); /* no newline at the end */
	/* nothing at all is a good file */
	assert_int_equal(parse("", 0, &n, &s), 0);
	assert_int_equal(n, 0);
	assert_int_equal(parse("\n\n# x\n", 6, &n, &s), 0);
	assert_int_equal(n, 0);
	/* a byte order mark before the first key */
	assert_int_equal(parse("\xEF\xBB\xBF"
	                       "db = /a\n",
	                       11, &n, &s),
	                 0);
	assert_int_equal(n, 1);
	assert_entry(0, 1, "db", "/a");
}

static void test_bad_lines(void **state)
{
	const char *t = "db = /a\n"             /* 1 good */
	                "listen\n"              /* 2 no '=' */
	                "Threads = 4\n"         /* 3 bad key: capital */
	                "max-connections = 9\n" /* 4 bad key: '-' */
	                "= 5\n"                 /* 5 no key */
	                "db = /b\n"             /* 6 twice */
	                "two words = 1\n"       /* 7 a space in the key */
	                "keep_daily = 7\n";     /* 8 good */
	struct seen s;
	size_t n;

	(void)state;
	assert_int_equal(parse(t, strlen(t), &n, &s), HOSO_E_INVALID);
	assert_int_equal(s.n, 6); /* every bad line, not only the first */
	assert_int_equal(s.line[0], 2);
	assert_int_equal(s.code[0], HOSO_E_INVALID);
	assert_int_equal(s.line[1], 3);
	assert_int_equal(s.line[2], 4);
	assert_int_equal(s.line[3], 5);
	assert_int_equal(s.line[4], 6);
	assert_int_equal(s.code[4], HOSO_E_DUPLICATE);
	assert_int_equal(s.line[5], 7);
	assert_int_equal(n, 2);
	assert_entry(0, 1, "db", "/a"); /* the first one given stays */
	assert_entry(1, 8, "keep_daily", "7");
}

static void test_bytes(void **state)
{
	const char nul[] = "db = /a\nthreads = 1\0002\nkeep_daily = \xC3\xA9\n"
	                   "keep_weekly = \xC3\x28\n"      /* 4: bad UTF-8 */
	                   "keep_monthly = \xE0\x80\xAF\n" /* 5: overlong */
	                   "static = \xED\xA0\x80\n"       /* 6: a surrogate */
	                   "listen = \xF4\x90\x80\x80\n"   /* 7: past U+10FFFF */
	                   "backup_dir = \xE1\xBB\x87\n";  /* 8: ệ, good */
	static char long_line[CONF_LINE_MAX + 64];
	struct seen s;
	size_t n;

	(void)state;
	assert_int_equal(parse(nul, sizeof(nul) - 1, &n, &s), HOSO_E_INVALID);
	assert_int_equal(s.n, 5);
	assert_int_equal(s.line[0], 2);
	assert_int_equal(s.code[0], HOSO_E_INVALID);
	for (size_t i = 1; i < 5; i++) {
		assert_int_equal(s.line[i], (long)i + 3);
		assert_int_equal(s.code[i], HOSO_E_NOT_UTF8);
	}
	assert_int_equal(n, 3);
	assert_entry(1, 3, "keep_daily", "\xC3\xA9");
	assert_entry(2, 8, "backup_dir", "\xE1\xBB\x87");
	/* a line of CONF_LINE_MAX bytes is good, one more is too long */
	memset(long_line, 'a', sizeof(long_line));
	memcpy(long_line, "db = /", 6);
	long_line[CONF_LINE_MAX] = '\n';
	assert_int_equal(parse(long_line, CONF_LINE_MAX + 1, &n, &s), 0);
	assert_int_equal(n, 1);
	long_line[CONF_LINE_MAX] = 'a';
	long_line[CONF_LINE_MAX + 1] = '\n';
	assert_int_equal(parse(long_line, CONF_LINE_MAX + 2, &n, &s), HOSO_E_INVALID);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.code[0], HOSO_E_TOO_BIG);
	/* a truncated sequence at the very end */
	assert_int_equal(parse("db = \xE1\xBB", 7, &n, &s), HOSO_E_INVALID);
	assert_int_equal(s.code[0], HOSO_E_NOT_UTF8);
}

static void test_utf8(void **state)
{
	(void)state;
	assert_int_equal(conf_utf8_valid("abc", 3), 3);
	assert_int_equal(conf_utf8_valid("a\xC3\xA9z", 4), 4);
	assert_int_equal(conf_utf8_valid("\xF0\x9F\x98\x80", 4), 4); /* U+1F600 */
	assert_int_equal(conf_utf8_valid("ab\xC0\xAF", 4), 2);       /* overlong '/' */
	assert_int_equal(conf_utf8_valid("ab\x80", 3), 2);
	assert_int_equal(conf_utf8_valid("\xC3", 1), 0);
}

/* Too many entries, and a callback that stops the parse. */
static int stop(void *arg, long line, int code, const char *vi, const char *en)
{
	(void)arg, (void)line, (void)code, (void)vi, (void)en;
	return HOSO_E_IO;
}

static void test_limits(void **state)
{
	struct buf b = BUF_INIT(1 << 20);
	struct conf_entry few[2];
	struct seen s;
	size_t n;

	(void)state;
	for (int i = 0; i < CONF_ENTRIES_MAX + 2; i++) {
		buf_adds(&b, "k");
		for (int v = i; v > 0; v /= 26)
			buf_addch(&b, (char)('a' + v % 26));
		buf_adds(&b, " = 1\n");
	}
	assert_int_equal(parse(b.buf, b.len, &n, &s), HOSO_E_INVALID);
	assert_int_equal(n, CONF_ENTRIES_MAX);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.code[0], HOSO_E_TOO_BIG);
	assert_int_equal(s.line[0], CONF_ENTRIES_MAX + 1);
	/* a smaller table: the entries past it are errors too */
	assert_int_equal(conf_parse("a = 1\nb = 2\nc = 3\n", 18, few, 2, &n, NULL, NULL),
	                 HOSO_E_INVALID);
	assert_int_equal(n, 2);
	assert_int_equal(conf_parse("x\ny\n", 4, few, 2, &n, stop, NULL), HOSO_E_IO);
	buf_release(&b);
}

TEST_MAIN(cmocka_unit_test(test_good), cmocka_unit_test(test_bad_lines),
          cmocka_unit_test(test_bytes), cmocka_unit_test(test_utf8), cmocka_unit_test(test_limits))
