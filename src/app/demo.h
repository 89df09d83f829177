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

enum demo_scale { DEMO_PROVINCE, DEMO_NATIONAL, DEMO_SMALL, DEMO_SCALE__MAX };

struct demo_stats {
	int64_t orgs;
	int64_t persons;
	int64_t successions;
	int64_t cases;
};

/* Called now and then with (done, total) persons for a progress bar. */
typedef void (*demo_progress_fn)(int64_t done, int64_t total, void *arg);

int demo_scale_parse(const char *s, enum demo_scale *ret);

/*
 * Build the dataset into an empty database.  HOSO_E_CONFLICT when the
 * database already holds organisations.  DEMO_SMALL is a reduced province
 * (same shape, few members) for tests.
 */
int demo_build(struct app *app, const struct actor *who, enum demo_scale scale, uint64_t seed,
               demo_progress_fn progress, void *arg, struct demo_stats *ret, struct err *e);

#endif
