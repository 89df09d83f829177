/*
 * demoInt.h - the demo generator's state, shared by demo.c (the tree and
 * the members) and demo-cases.c (ten years of cases).  For those two files
 * only.
 */
#ifndef HOSO_APP_DEMOINT_H
#define HOSO_APP_DEMOINT_H

#include <stddef.h>
#include <stdint.h>

#include "app/demo.h"

struct rng {
	uint64_t s;
};

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static inline uint32_t below(struct rng *r, uint32_t n)
{
	return n ? (uint32_t)(rng_next(r) % n) : 0;
}

static inline int between(struct rng *r, int lo, int hi)
{
	return lo + (int)below(r, (uint32_t)(hi - lo + 1));
}

#define PICK(r, arr) ((arr)[below((r), (uint32_t)(sizeof(arr) / sizeof((arr)[0])))])

struct leaf {
	int64_t id;
	int area; /* 0: district (ethnic mix), 1: bloc (mostly Kinh) */
	int unit; /* 0-9: the districts, 10-13: the blocs */
};

/* The 10 districts and 4 blocs directly under the province before the
 * reform: whom cases are about. */
#define DEMO_UNITS 14

struct unit {
	int64_t id;
	int64_t *grassroots; /* the grassroots organisations below it */
	size_t ngrassroots;
	int64_t person_lo, person_hi; /* its members from the first load */
};

struct gen {
	struct app *app;
	const struct actor *who;
	struct err *e;
	struct rng rng;
	int national; /* codes P01..., national file numbers */
	int province; /* 0-based, for national */
	int nprovinces;
	char pcode[16];    /* "DB" or "P07" */
	const char *pname; /* "Điện Biên" */
	int cccd_prefix;   /* 11 for Điện Biên */
	int leaf_min, leaf_max;
	struct leaf *leaves;
	size_t nleaves, capleaves;
	int64_t tu; /* the province */
	int64_t district_ids[10];
	int64_t *old_communes[10]; /* per district */
	int64_t *other_grassroots[10];
	int nother[10];
	uint32_t cccd_seq[4][100];
	uint32_t file_seq, card_seq;
	int64_t persons, persons_total, orgs, successions;
	int64_t cases; /* before this province's */
	/* This province's yearly case quotas in % of the demo province's
	 * (100: the province, 500: a national province of 5 times its
	 * members); 0: no cases. */
	int case_pct;
	int commune_name;
	demo_progress_fn progress;
	void *arg;
	int lo_van_muon_done;
	int cur_unit;                  /* of the leaves being made */
	struct unit units[DEMO_UNITS]; /* before 1/7/2025 */
	int64_t new_communes[10][8];   /* each district's successors */
	int nnew[10];
};

/* An invented name for someone of area 0 (district) or 1 (bloc). */
void demo_person_name(struct gen *g, int area, int female, char *out, size_t outsz);

/* Ten years of cases (2015 to today) for the province of g, at
 * g->case_pct % of the demo province's quotas; see demo-cases.c.  Adds the
 * number of cases to *ncases. */
int demo_cases(struct gen *g, int64_t *ncases);

/* Tell g->progress (if any) where the generator is; province_cases and
 * year are for DEMO_STEP_CASES and DEMO_STEP_PROVINCE. */
void demo_report(struct gen *g, enum demo_step step, int64_t province_cases, int year);

#endif
