/*
 * conf.c - the syntax of hoso.conf (see conf.h): a line at a time, every
 * bad line reported with its number, nothing allocated.
 */
#include "core/conf.h"

#include <stdio.h>
#include <string.h>

#include "core/err.h"

#include "core/banned.h"

size_t conf_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned c = p[i];
		size_t n;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1, cp = c & 0x1F, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2, cp = c & 0x0F, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return len;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Report a bad line; 0 to go on, or the code to stop with. */
static int bad(conf_error_fn *on_error, void *arg, int *failed, long line, int code, const char *vi,
               const char *en)
{
	*failed = 1;
	return on_error ? on_error(arg, line, code, vi, en) : 0;
}

/* One line s[0..len) (no newline, no CR): an entry into *ret (1), nothing
 * to keep (0), or bad (-1 with *code, *vi, *en set). */
static int parse_line(const char *s, size_t len, struct conf_entry *ret, int *code, const char **vi,
                      const char **en)
{
	size_t i = 0, k, v, end;

	while (i < len && is_blank(s[i]))
		i++;
	if (i == len || s[i] == '#')
		return 0;
	for (k = i; k < len && s[k] != '=' && !is_blank(s[k]); k++)
		;
	for (v = k; v < len && is_blank(s[v]); v++)
		;
	if (memchr(s + i, '=', len - i) == NULL) {
		*code = HOSO_E_INVALID;
		*vi = "Dòng không có dạng 'khóa = giá trị' (thiếu '=')";
		*en = "The line is not 'key = value' (no '=')";
		return -1;
	}
	if (k == i || v >= len || s[v] != '=') {
		*code = HOSO_E_INVALID;
		*vi = "Khóa không hợp lệ (chỉ gồm chữ a-z và '_')";
		*en = "Bad key (letters a-z and '_' only)";
		return -1;
	}
	for (size_t j = i; j < k; j++)
		if (!((s[j] >= 'a' && s[j] <= 'z') || s[j] == '_')) {
			*code = HOSO_E_INVALID;
			*vi = "Khóa không hợp lệ (chỉ gồm chữ a-z và '_')";
			*en = "Bad key (letters a-z and '_' only)";
			return -1;
		}
	ret->key = s + i;
	ret->key_len = k - i;
	for (v++; v < len && is_blank(s[v]); v++)
		;
	/* the value ends where a trailing comment starts: a '#' first or
	 * after a blank */
	for (end = v; end < len; end++)
		if (s[end] == '#' && (end == v || is_blank(s[end - 1])))
			break;
	while (end > v && is_blank(s[end - 1]))
		end--;
	ret->value = s + v;
	ret->value_len = end - v;
	return 1;
}

/* The entry among v[0..n) with e's key, or NULL. */
static const struct conf_entry *find_key(const struct conf_entry *v, size_t n,
                                         const struct conf_entry *e)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].key_len == e->key_len && memcmp(v[i].key, e->key, e->key_len) == 0)
			return &v[i];
	return NULL;
}

int conf_parse(const char *text, size_t len, struct conf_entry *ret, size_t max, size_t *ret_n,
               conf_error_fn *on_error, void *arg)
{
	size_t pos = 0, n = 0;
	long line = 0;
	int failed = 0, rc = 0;

	*ret_n = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* a byte order mark, as some Windows editors write */
	while (pos < len && rc == 0) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - s) : len - pos;
		const struct conf_entry *prev;
		struct conf_entry e;
		const char *vi, *en;
		int code, got;

		pos += l + (nl != NULL);
		line++;
		if (l > 0 && s[l - 1] == '\r')
			l--;
		if (l > CONF_LINE_MAX) {
			rc = bad(on_error, arg, &failed, line, HOSO_E_TOO_BIG, "Dòng quá dài",
			         "The line is too long");
			continue;
		}
		if (memchr(s, '\0', l)) {
			rc = bad(on_error, arg, &failed, line, HOSO_E_INVALID, "Dòng có byte NUL",
			         "The line has a NUL byte");
			continue;
		}
		if (conf_utf8_valid(s, l) != l) {
			rc = bad(on_error, arg, &failed, line, HOSO_E_NOT_UTF8,
			         "Dòng không phải văn bản UTF-8", "The line is not UTF-8 text");
			continue;
		}
		got = parse_line(s, l, &e, &code, &vi, &en);
		if (got < 0) {
			rc = bad(on_error, arg, &failed, line, code, vi, en);
			continue;
		}
		if (got == 0)
			continue;
		e.line = line;
		if ((prev = find_key(ret, n, &e)) != NULL) {
			char m_vi[256], m_en[256];

			snprintf(m_vi, sizeof(m_vi), "Khóa '%.*s' đã có ở dòng %ld", (int)e.key_len,
			         e.key, prev->line);
			snprintf(m_en, sizeof(m_en), "The key '%.*s' was given on line %ld already",
			         (int)e.key_len, e.key, prev->line);
			rc = bad(on_error, arg, &failed, line, HOSO_E_DUPLICATE, m_vi, m_en);
			continue;
		}
		if (n >= max || n >= CONF_ENTRIES_MAX) {
			rc = bad(on_error, arg, &failed, line, HOSO_E_TOO_BIG,
			         "Quá nhiều dòng cấu hình", "Too many settings");
			continue;
		}
		ret[n++] = e;
	}
	*ret_n = n;
	if (rc < 0)
		return rc;
	return failed ? HOSO_E_INVALID : 0;
}
