/*
 * request.c - media types and query arguments (request.h).
 */
#include "http/request.h"

#include <string.h>

#include "core/banned.h"

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Case-insensitive comparison of n bytes. */
static int same_ci(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return 1;
}

static const char *skip_ows(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* 1 when the parameter list from s (after the media type) is well formed
 * and names no charset but UTF-8. */
static int params_ok(const char *s)
{
	for (s = skip_ows(s); *s; s = skip_ows(s)) {
		const char *name, *value;
		size_t nlen, vlen;

		if (*s++ != ';')
			return 0;
		name = s = skip_ows(s);
		while (*s && *s != '=' && *s != ';' && *s != ' ' && *s != '\t')
			s++;
		nlen = (size_t)(s - name);
		if (!nlen || *s != '=')
			return 0;
		value = ++s;
		if (*s == '"') {
			value = ++s;
			while (*s && *s != '"')
				s++;
			if (*s != '"')
				return 0;
			vlen = (size_t)(s++ - value);
		} else {
			while (*s && *s != ';' && *s != ' ' && *s != '\t')
				s++;
			vlen = (size_t)(s - value);
		}
		if (nlen == 7 && same_ci(name, "charset", 7) &&
		    !((vlen == 5 && same_ci(value, "utf-8", 5)) ||
		      (vlen == 4 && same_ci(value, "utf8", 4))))
			return 0;
	}
	return 1;
}

int request_media_is_json(const char *content_type)
{
	static const char json[] = "application/json";
	const char *s;

	if (!content_type)
		return 0;
	s = skip_ows(content_type);
	if (strlen(s) < sizeof(json) - 1 || !same_ci(s, json, sizeof(json) - 1))
		return 0;
	s += sizeof(json) - 1;
	/* the type ends here: "application/jsonx" is another type */
	if (*s && *s != ';' && *s != ' ' && *s != '\t')
		return 0;
	return params_ok(s);
}

int request_value_ok(const char *value, size_t len)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t i = 0;

	if (!value)
		return len == 0;
	while (i < len) {
		unsigned c = s[i], need, min;
		unsigned long cp;

		if (c < 0x20 || c == 0x7f)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1, cp = c & 0x1f, min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2, cp = c & 0x0f, min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		if (len - i <= need)
			return 0;
		for (unsigned k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
		    (cp >= 0x80 && cp < 0xa0)) /* C1 controls */
			return 0;
		i += need + 1;
	}
	return 1;
}
