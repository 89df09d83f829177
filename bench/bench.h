/*
 * bench.h - what the benchmarks share: a monotonic clock in milliseconds
 * and the order of the times measured.
 */
#ifndef HOSO_BENCH_H
#define HOSO_BENCH_H

#include <stdlib.h>
#include <time.h>

static inline double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Sort the n times of v, the fastest first. */
static inline void sort_times(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
}

#endif
