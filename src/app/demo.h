/*
 * demo.h - the synthetic demo province (modelled on Điện Biên) and the
 * national dataset for benchmarks.  Deterministic for a given seed.  All
 * people are invented: names are drawn from common Kinh, Thái and Mông
 * family, middle and given names; identifiers are generated.
 */
#ifndef HOSO_APP_DEMO_H
#define HOSO_APP_DEMO_H

#include <stdint.h>

#include "app/app.h"

/*
 * DEMO_PROVINCE: the demo province with ten years of cases.  DEMO_NATIONAL:
 * 22 provinces of that shape, each with about five times the members and
 * five times the cases.  DEMO_SMALL: the province's tree with few members
 * and no cases, for fast tests.  DEMO_NATIONAL_TEST: the national code path
 * at test size (2 provinces of the small shape, each with a fifth of the
 * province's cases).
 */
enum demo_scale { DEMO_PROVINCE, DEMO_NATIONAL, DEMO_SMALL, DEMO_NATIONAL_TEST, DEMO_SCALE__MAX };

struct demo_stats {
	int64_t orgs;
	int64_t persons;
	int64_t successions;
	int64_t cases;
};

/* What the generator is busy with. */
enum demo_step {
	DEMO_STEP_MEMBERS,  /* a batch of members is in */
	DEMO_STEP_CASES,    /* some more cases of a province are in */
	DEMO_STEP_PROVINCE, /* a province is complete */
	DEMO_STEP__MAX
};

struct demo_progress {
	enum demo_step step;
	int province, nprovinces; /* 0-based, and how many in all */
	const char *province_name;
	int64_t persons, persons_total; /* so far, and about how many in all */
	int64_t cases;                  /* so far, all provinces */
	int64_t province_cases;         /* so far, this province */
	int year;                       /* whose cases are being made (DEMO_STEP_CASES) */
};

/* Called now and then for a progress report; p lives only for the call. */
typedef void (*demo_progress_fn)(const struct demo_progress *p, void *arg);

int demo_scale_parse(const char *s, enum demo_scale *ret);

/*
 * Build the dataset into an empty database.  HOSO_E_CONFLICT when the
 * database already holds organisations.  progress may be NULL.
 */
int demo_build(struct app *app, const struct actor *who, enum demo_scale scale, uint64_t seed,
               demo_progress_fn progress, void *arg, struct demo_stats *ret, struct err *e);

#endif
