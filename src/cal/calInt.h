/*
 * calInt.h - what the files of src/cal share and nobody else uses.
 */
#ifndef HOSO_CAL_INT_H
#define HOSO_CAL_INT_H

#include "cal/cal.h"

/* Most holidays a rule year can produce, compensatory days included. */
#define CAL_STATUTORY_MAX 24

/* Days from 1900-01-01 (index 0) to 2100-12-31 in the working-day bitmap. */
#define CAL_NDAYS 73414

struct cal {
	uint8_t work[(CAL_NDAYS + 7) / 8]; /* bit set: a working day */
	struct cal_entry *entries;         /* sorted by day, unique days */
	size_t nentries;
	char *strings; /* names and sources of entries, one block */
};

/*
 * The statutory holidays of a solar year (all fall inside it), sorted by
 * day, with the compensatory days of art. 111(3).  e/n are the calendar's
 * entries: any entry near Tết or near 2/9 means that year's span was
 * announced, and the computed Tết days, the adjacent day of 2/9 and their
 * compensatory days are then left to the entries.  out holds
 * CAL_STATUTORY_MAX; returns how many were written.
 */
size_t cal_statutory(int year, const struct cal_entry *e, size_t n, struct cal_holiday *out);

extern const char cal_statutory_source[];

#endif
