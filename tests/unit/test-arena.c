/* Unit tests for src/core/arena.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "helpers.h"

static void test_alloc_aligned_and_distinct(void **state)
{
	struct arena a;
	char *p, *q;

	(void)state;
	arena_init(&a, 0);
	p = arena_alloc(&a, 3);
	q = arena_alloc(&a, 5);
	assert_non_null(p);
	assert_non_null(q);
	assert_true(((uintptr_t)p & 15) == 0);
	assert_true(((uintptr_t)q & 15) == 0);
	assert_ptr_not_equal(p, q);
	arena_release(&a);
}

static void test_strings(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 0);
	assert_string_equal(arena_strdup(&a, "Điện Biên"), "Điện Biên");
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	assert_string_equal(arena_printf(&a, "%s-%04d", "KT", 12), "KT-0012");
	arena_release(&a);
}

static void test_cap(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 1024);
	assert_non_null(arena_alloc(&a, 1000));
	assert_null(arena_alloc(&a, 100));
	assert_null(arena_alloc(&a, (size_t)-1));
	assert_null(arena_calloc(&a, (size_t)-1 / 2, 4));
	arena_reset(&a);
	assert_non_null(arena_alloc(&a, 1000));
	arena_release(&a);
}

static void test_large_and_reset(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 0);
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 1000; i++) {
			char *p = arena_alloc(&a, (size_t)(i % 7 == 0 ? 40000 : 100));

			assert_non_null(p);
			memset(p, 0xAB, i % 7 == 0 ? 40000 : 100);
		}
		arena_reset(&a);
		assert_int_equal(a.used, 0);
	}
	arena_release(&a);
}

TEST_MAIN(cmocka_unit_test(test_alloc_aligned_and_distinct), cmocka_unit_test(test_strings),
          cmocka_unit_test(test_cap), cmocka_unit_test(test_large_and_reset))
