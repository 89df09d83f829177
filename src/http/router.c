/*
 * router.c - pure path matching (see router.h).
 */
#include "http/router.h"

#include <string.h>

#include "core/banned.h"

int route_path_ok(const char *path)
{
	size_t n, seg = 0;

	if (!path || path[0] != '/')
		return 0;
	n = strnlen(path, ROUTE_MAX_PATH + 1);
	if (n > ROUTE_MAX_PATH)
		return 0;
	for (size_t i = 1; i <= n; i++) {
		unsigned char c = (unsigned char)path[i];

		if (i == n || c == '/') {
			size_t len = i - seg - 1;
			const char *s = path + seg + 1;

			/* "/" alone is the root; a trailing '/' is an empty segment */
			if (len == 0 && !(n == 1))
				return 0;
			if ((len == 1 && s[0] == '.') || (len == 2 && s[0] == '.' && s[1] == '.'))
				return 0;
			seg = i;
			continue;
		}
		if (c < 0x20 || c == 0x7f || c == '\\')
			return 0;
	}
	return 1;
}

int route_match(const char *pattern, const char *path, struct route_params *ret)
{
	const char *p = pattern, *q = path;

	ret->n = 0;
	while (*p && *q) {
		if (*p != '/' || *q != '/')
			return 0;
		p++;
		q++;
		if (*p == '{') {
			const char *end = strchr(p, '}');
			size_t vl = strcspn(q, "/");

			if (!end || vl == 0 || ret->n >= ROUTE_MAX_PARAMS)
				return 0;
			ret->v[ret->n].name = p + 1;
			ret->v[ret->n].name_len = (size_t)(end - p - 1);
			ret->v[ret->n].value = q;
			ret->v[ret->n].value_len = vl;
			ret->n++;
			p = end + 1;
			q += vl;
		} else {
			size_t pl = strcspn(p, "/"), ql = strcspn(q, "/");

			if (pl != ql || memcmp(p, q, pl) != 0)
				return 0;
			p += pl;
			q += ql;
		}
	}
	return *p == '\0' && *q == '\0';
}
