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
	(void)state;
	assert_true(route_path_ok("/"));
	assert_true(route_path_ok("/api/persons/12"));
	assert_true(route_path_ok("/assets/index-ab12.js"));
	assert_false(route_path_ok(""));
	assert_false(route_path_ok("api"));
	assert_false(route_path_ok("/api//x"));
	assert_false(route_path_ok("/api/"));
	assert_false(route_path_ok("/../etc/passwd"));
	assert_false(route_path_ok("/assets/./x"));
	assert_false(route_path_ok("/a\\b"));
	assert_false(route_path_ok("/a\x01"));
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
