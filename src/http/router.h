/*
 * router.h - matching request paths to routes.
 *
 * A route is a method and a pattern of '/'-separated segments, each either
 * literal or a parameter "{name}" that matches one non-empty segment.  The
 * matcher is pure (no allocation, no I/O) so it can be fuzzed on its own.
 */
#ifndef HOSO_ROUTER_H
#define HOSO_ROUTER_H

#include <stddef.h>

#define ROUTE_MAX_PARAMS 4
#define ROUTE_MAX_PATH   2048

struct route_params {
	size_t n;
	struct {
		const char *name; /* points into the pattern; not NUL-terminated */
		size_t name_len;
		const char *value; /* points into the path; not NUL-terminated */
		size_t value_len;
	} v[ROUTE_MAX_PARAMS];
};

/* 1 when path matches pattern (params filled), 0 when not. */
int route_match(const char *pattern, const char *path, struct route_params *ret);

/*
 * A path hoso accepts at all: starts with '/', at most ROUTE_MAX_PATH bytes,
 * no empty, "." or ".." segment, no control bytes and no backslash.
 */
int route_path_ok(const char *path);

#endif
