/*
 * arena.h - a region allocator for request-scoped memory.
 *
 * Everything allocated from an arena is freed at once by arena_reset() (keep
 * the first block for reuse) or arena_release() (free everything).  An arena
 * has a hard cap: an allocation past it returns NULL, which callers report as
 * HOSO_E_TOO_BIG.  Like PostgreSQL's memory contexts, the top of a request
 * loop resets the arena, so no request leaks into the next.
 */
#ifndef HOSO_ARENA_H
#define HOSO_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;  /* bytes handed out since the last reset */
	size_t max;   /* cap on used */
	size_t block; /* default block size */
};

void arena_init(struct arena *a, size_t max);
void arena_release(struct arena *a);
void arena_reset(struct arena *a);

/* NULL when out of memory or past the cap; memory is 16-byte aligned. */
void *arena_alloc(struct arena *a, size_t size);
void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
