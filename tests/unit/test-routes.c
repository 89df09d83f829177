/* Unit tests for src/http/routes.c: the route table and docs/openapi.yaml
 * describe the same methods and paths, and every pattern is well formed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/http.h"
#include "helpers.h"

struct op {
	char method[16];
	char path[256];
};

/* Read "  /path:" and "    get:" lines of the paths section. */
static size_t read_openapi(struct op *ops, size_t max)
{
	char file[4096], line[512], path[256] = "";
	const char *root = getenv("HOSO_SRCROOT");
	size_t n = 0;
	int in_paths = 0;
	FILE *f;

	snprintf(file, sizeof(file), "%s/docs/openapi.yaml", root ? root : ".");
	f = fopen(file, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		/* A line longer than the buffer: keep its start, drop the rest
		 * (it is never a path or a method line). */
		if (!strchr(line, '\n')) {
			int ch;

			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
		}
		line[strcspn(line, "\n")] = '\0';
		if (line[0] != ' ' && line[0] != '\0') {
			in_paths = strcmp(line, "paths:") == 0;
			continue;
		}
		if (!in_paths)
			continue;
		if (strncmp(line, "  /", 3) == 0 && line[strlen(line) - 1] == ':') {
			snprintf(path, sizeof(path), "%.*s", (int)(strlen(line) - 3), line + 2);
		} else if (strncmp(line, "    ", 4) == 0 && line[4] != ' ' && *path) {
			static const char *const methods[] = {
			    "get:", "post:", "put:", "patch:", "delete:"};

			for (size_t m = 0; m < 5; m++)
				if (strcmp(line + 4, methods[m]) == 0 && n < max) {
					size_t k = 0;

					for (; methods[m][k] != ':'; k++)
						ops[n].method[k] = (char)(methods[m][k] - 32);
					ops[n].method[k] = '\0';
					snprintf(ops[n].path, sizeof(ops[n].path), "%s", path);
					n++;
				}
		}
	}
	fclose(f);
	return n;
}

/* Served outside the table (src/http/metrics.c), and described. */
static const struct http_route outside[] = {{"GET", "/metrics", NULL, 0}};

static int registered(const struct op *op)
{
	for (size_t i = 0; http_routes[i].method; i++)
		if (strcmp(op->method, http_routes[i].method) == 0 &&
		    strcmp(op->path, http_routes[i].pattern) == 0)
			return 1;
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++)
		if (strcmp(op->method, outside[i].method) == 0 &&
		    strcmp(op->path, outside[i].pattern) == 0)
			return 1;
	return 0;
}

static void test_table_and_openapi_agree(void **state)
{
	struct op ops[256];
	size_t n = read_openapi(ops, 256), routes = 0;

	(void)state;
	assert_true(n > 0);
	for (size_t i = 0; http_routes[i].method; i++, routes++) {
		int found = 0;

		for (size_t k = 0; k < n; k++)
			found |= strcmp(ops[k].method, http_routes[i].method) == 0 &&
			         strcmp(ops[k].path, http_routes[i].pattern) == 0;
		if (!found)
			fail_msg("route %s %s is not in docs/openapi.yaml", http_routes[i].method,
			         http_routes[i].pattern);
	}
	for (size_t k = 0; k < n; k++)
		if (!registered(&ops[k]))
			fail_msg("docs/openapi.yaml has %s %s, which the server does not register",
			         ops[k].method, ops[k].path);
	assert_int_equal(routes + sizeof(outside) / sizeof(outside[0]), n);
}

static void test_patterns_are_paths(void **state)
{
	(void)state;
	for (size_t i = 0; http_routes[i].method; i++) {
		assert_true(route_path_ok(http_routes[i].pattern));
		assert_int_equal(strncmp(http_routes[i].pattern, "/api/", 5), 0);
		assert_non_null(http_routes[i].handler);
		/* no two routes with the same method and pattern */
		for (size_t k = 0; k < i; k++)
			assert_false(strcmp(http_routes[k].method, http_routes[i].method) == 0 &&
			             strcmp(http_routes[k].pattern, http_routes[i].pattern) == 0);
	}
}

static void test_error_statuses(void **state)
{
	(void)state;
	assert_int_equal(http_status_of(HOSO_E_NOT_FOUND), 404);
	assert_int_equal(http_status_of(HOSO_E_BAD_DATE), 400);
	assert_int_equal(http_status_of(HOSO_E_DUPLICATE), 409);
	assert_int_equal(http_status_of(HOSO_E_TOO_BIG), 413);
	assert_int_equal(http_status_of(HOSO_E_DENIED), 403);
	/* every input error is a 4xx */
	for (int c = -1; c > HOSO_E__MIN; c--)
		if (c != HOSO_E_NOMEM && c != HOSO_E_IO && c != HOSO_E_DB && c != HOSO_E_SCHEMA &&
		    c != HOSO_E_BUSY)
			assert_true(http_status_of(c) >= 400 && http_status_of(c) < 500);
}

TEST_MAIN(cmocka_unit_test(test_table_and_openapi_agree), cmocka_unit_test(test_patterns_are_paths),
          cmocka_unit_test(test_error_statuses))
