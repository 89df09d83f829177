/*
 * period.h - report periods by name (kỳ báo cáo), as people say them:
 *   2019          the year
 *   2019-Q2       a quarter (quý)
 *   2019-H1       six months (6 tháng đầu năm); H2 the second half
 *   2019-9M       nine months (9 tháng): January to September
 *   2019-05       a month
 *   2015-2019     whole years from .. to (sơ kết 5 năm, tổng kết 10 năm)
 *   NK2020-2025   a party term (nhiệm kỳ): from the congress that opened
 *                 it to the day before the next; its days depend on the
 *                 organisation (app/term.h), so only its years are parsed
 * Pure; ASCII only; surrounding white space is not accepted.
 */
#ifndef HOSO_CORE_PERIOD_H
#define HOSO_CORE_PERIOD_H

#include <stddef.h>
#include <stdint.h>

/* The first and last day of the period named by s[0..len): 0, or
 * HOSO_E_BAD_DATE when it is not one of the forms above (years 1900..2100). */
int period_parse(const char *s, size_t len, int32_t *ret_from, int32_t *ret_to);

/* The years of a term named by s[0..len) ("NK2020-2025", "nk2020-2025"):
 * 0, or HOSO_E_BAD_DATE when it is not that form, the years are outside
 * 1930..2100, or the term does not last 2 to 5 years. */
int period_parse_term(const char *s, size_t len, int *ret_first, int *ret_last);

#endif
