/* Unit tests for src/http/router.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "http/router.h"
#include "helpers.h"

static void test_literal_and_params(void **state)
{
	struct route_params p;

	(void)state;
	assert_true(route_match("/api/health", "/api/health", &p));
	assert_int_equal(p.n, 0);
	assert_false(route_match("/api/health", "/api/healthz", &p));
	assert_false(route_match("/api/health", "/api", &p));
	assert_false(route_match("/api", "/api/health", &p));
	assert_true(route_match("/api/persons/{id}", "/api/persons/42", &p));
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].name_len, 2);
	assert_memory_equal(p.v[0].name, "id", 2);
	assert_int_equal(p.v[0].value_len, 2);
	assert_memory_equal(p.v[0].value, "42", 2);
	assert_false(route_match("/api/persons/{id}", "/api/persons/", &p));
	assert_false(route_match("/api/persons/{id}", "/api/persons/42/x", &p));
	assert_true(route_match("/api/orgs/{id}/members/{pid}", "/api/orgs/7/members/9", &p));
	assert_int_equal(p.n, 2);
	assert_memory_equal(p.v[1].value, "9", 1);
}

static void test_path_ok(void **state)
{
	static const char *const good[] = {"/", "/api/persons/12", "/assets/index-ab12.js", NULL};
	static const char *const bad[] = {
	    "",      "api",    "/api//x", "/api/", "/../etc/passwd", "/assets/./x",
	    "/a\\b", "/a\x01", NULL};

	(void)state;
	assert_yes_no(route_path_ok, good, bad);
}

static void test_long_path_refused(void **state)
{
	char p[ROUTE_MAX_PATH + 10];

	(void)state;
	memset(p, 'a', sizeof(p));
	p[0] = '/';
	p[sizeof(p) - 1] = '\0';
	assert_false(route_path_ok(p));
}

TEST_MAIN(cmocka_unit_test(test_literal_and_params), cmocka_unit_test(test_path_ok),
          cmocka_unit_test(test_long_path_refused))
