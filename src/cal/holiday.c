/*
 * holiday.c - public holidays: the statutory rules of the Labour Code 2019
 * (art. 111-112) and the announced yearly entries hoso ships.
 *
 * The statutory days of a year are computed; what the Government announces
 * each year (the Tết span actually given to cán bộ, công chức, viên chức,
 * day swaps, make-up Saturdays, the day next to 2/9) is data, shipped here
 * for 2015 onward and edited by administrators afterwards.  Only documents
 * that could be checked are cited by number; the others name the issuing
 * body and the year.
 */
#include "cal/cal.h"
#include "cal/calInt.h"
#include "core/date.h"
#include "core/err.h"

#include <stdlib.h>
#include <string.h>

#include "core/banned.h"

const char cal_statutory_source[] = "Bộ luật Lao động 2019, Điều 112";

static const char *const kind_names[CAL_ENTRY__MAX] = {
    [CAL_DAY_OFF] = "off",
    [CAL_WORK_DAY] = "work",
    [CAL_NOT_OFF] = "not_off",
};

const char *cal_entry_kind_name(enum cal_entry_kind k)
{
	if ((unsigned)k >= CAL_ENTRY__MAX)
		return NULL;
	return kind_names[k];
}

int cal_entry_kind_parse(const char *s, enum cal_entry_kind *ret)
{
	int k;

	if (!s)
		return HOSO_E_BAD_ENUM;
	for (k = 0; k < CAL_ENTRY__MAX; k++) {
		if (strcmp(s, kind_names[k]) == 0) {
			*ret = (enum cal_entry_kind)k;
			return 0;
		}
	}
	return HOSO_E_BAD_ENUM;
}

/* Day number of a civil date as a constant expression (years >= 1), so
 * the table below can be static; test-cal-holiday checks it. */
#define CAL_YP(y, m) ((y) - ((m) <= 2))
#define CAL_DAY(y, m, d)                                                                           \
	(365 * CAL_YP(y, m) + CAL_YP(y, m) / 4 - CAL_YP(y, m) / 100 + CAL_YP(y, m) / 400 +         \
	 (153 * ((m) + ((m) > 2 ? -3 : 9)) + 2) / 5 + (d)-1 - 719468)

/* Deciding documents of the shipped entries. */
#define SRC_2015                                                                                                   \
	"Thông báo của Bộ LĐTBXH về nghỉ lễ, tết năm 2015 (theo Tờ trình 89/TTr-LĐTBXH ngày " \
	"20/11/2014)"
#define SRC_2016  "Thông báo 4659/TB-LĐTBXH ngày 13/11/2015"
#define SRC_2018  "Văn bản của Văn phòng Chính phủ về nghỉ lễ, tết năm 2018"
#define SRC_2019  "Thông báo của Bộ LĐTBXH về nghỉ lễ, tết năm 2019"
#define SRC_2020  "Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch năm 2020"
#define SRC_2021  "Thông báo của Bộ LĐTBXH về nghỉ Tết Âm lịch và Quốc khánh năm 2021"
#define SRC_2022  "Công văn 245/VPCP-KGVX ngày 11/01/2022"
#define SRC_2023  "Văn bản của Văn phòng Chính phủ về nghỉ Tết Âm lịch năm 2023"
#define SRC_2024  "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023"
#define SRC_2024B "Công văn 2450/VPCP-KGVX ngày 12/04/2024"
#define SRC_2025  "Thông báo 6150/TB-LĐTBXH năm 2024 (Công văn 8726/VPCP-KGVX ngày 26/11/2024)"
#define SRC_2026A "Công văn 12729/VPCP-KGVX ngày 25/12/2025"
#define SRC_2026  "Thông báo 9441/TB-BNV ngày 16/10/2025"

static const struct cal_entry default_entries[] = {
    {CAL_DAY(2014, 12, 27), CAL_WORK_DAY, "Làm bù cho ngày 02/01/2015", SRC_2015},
    {CAL_DAY(2015, 1, 2), CAL_DAY_OFF, "Nghỉ hoán đổi dịp Tết Dương lịch", SRC_2015},
    {CAL_DAY(2015, 2, 14), CAL_WORK_DAY, "Làm bù cho ngày 16/02/2015", SRC_2015},
    {CAL_DAY(2015, 2, 15), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 16), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 17), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 18), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 19), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 20), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 21), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 22), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 2, 23), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2015},
    {CAL_DAY(2015, 4, 25), CAL_WORK_DAY, "Làm bù cho ngày 29/04/2015", SRC_2015},
    {CAL_DAY(2015, 4, 29), CAL_DAY_OFF, "Nghỉ hoán đổi dịp 30/4 và 1/5", SRC_2015},
    {CAL_DAY(2016, 2, 6), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 7), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 8), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 9), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 10), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 11), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 12), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 13), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2016, 2, 14), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2016},
    {CAL_DAY(2018, 2, 14), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2018},
    {CAL_DAY(2018, 2, 15), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2018},
    {CAL_DAY(2018, 2, 16), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2018},
    {CAL_DAY(2018, 2, 17), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2018},
    {CAL_DAY(2018, 2, 18), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2018},
    {CAL_DAY(2018, 2, 19), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2018},
    {CAL_DAY(2018, 2, 20), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2018},
    {CAL_DAY(2018, 12, 31), CAL_DAY_OFF, "Nghỉ hoán đổi dịp Tết Dương lịch", SRC_2019},
    {CAL_DAY(2019, 1, 5), CAL_WORK_DAY, "Làm bù cho ngày 31/12/2018", SRC_2019},
    {CAL_DAY(2019, 2, 2), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 3), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 4), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 5), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 6), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 7), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 8), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 9), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 2, 10), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2019},
    {CAL_DAY(2019, 4, 29), CAL_DAY_OFF, "Nghỉ hoán đổi dịp 30/4 và 1/5", SRC_2019},
    {CAL_DAY(2019, 5, 4), CAL_WORK_DAY, "Làm bù cho ngày 29/04/2019", SRC_2019},
    {CAL_DAY(2020, 1, 23), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2020},
    {CAL_DAY(2020, 1, 24), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2020},
    {CAL_DAY(2020, 1, 25), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2020},
    {CAL_DAY(2020, 1, 26), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2020},
    {CAL_DAY(2020, 1, 27), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2020},
    {CAL_DAY(2020, 1, 28), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2020},
    {CAL_DAY(2020, 1, 29), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2020},
    {CAL_DAY(2021, 2, 10), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2021},
    {CAL_DAY(2021, 2, 11), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2021},
    {CAL_DAY(2021, 2, 12), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2021},
    {CAL_DAY(2021, 2, 13), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2021},
    {CAL_DAY(2021, 2, 14), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2021},
    {CAL_DAY(2021, 2, 15), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2021},
    {CAL_DAY(2021, 2, 16), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2021},
    {CAL_DAY(2021, 9, 2), CAL_DAY_OFF, "Quốc khánh", SRC_2021},
    {CAL_DAY(2021, 9, 3), CAL_DAY_OFF, "Quốc khánh (ngày liền kề)", SRC_2021},
    {CAL_DAY(2022, 1, 29), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 1, 30), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 1, 31), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 2, 1), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 2, 2), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 2, 3), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 2, 4), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 2, 5), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2022, 2, 6), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2022},
    {CAL_DAY(2023, 1, 20), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2023},
    {CAL_DAY(2023, 1, 21), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2023},
    {CAL_DAY(2023, 1, 22), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2023},
    {CAL_DAY(2023, 1, 23), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2023},
    {CAL_DAY(2023, 1, 24), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2023},
    {CAL_DAY(2023, 1, 25), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2023},
    {CAL_DAY(2023, 1, 26), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2023},
    {CAL_DAY(2024, 2, 8), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2024},
    {CAL_DAY(2024, 2, 9), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2024},
    {CAL_DAY(2024, 2, 10), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2024},
    {CAL_DAY(2024, 2, 11), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2024},
    {CAL_DAY(2024, 2, 12), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2024},
    {CAL_DAY(2024, 2, 13), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2024},
    {CAL_DAY(2024, 2, 14), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2024},
    {CAL_DAY(2024, 4, 29), CAL_DAY_OFF, "Nghỉ hoán đổi dịp 30/4 và 1/5", SRC_2024B},
    {CAL_DAY(2024, 5, 4), CAL_WORK_DAY, "Làm bù cho ngày 29/04/2024", SRC_2024B},
    {CAL_DAY(2024, 8, 31), CAL_DAY_OFF, "Quốc khánh (nghỉ hằng tuần)", SRC_2024},
    {CAL_DAY(2024, 9, 1), CAL_DAY_OFF, "Quốc khánh (nghỉ hằng tuần)", SRC_2024},
    {CAL_DAY(2024, 9, 2), CAL_DAY_OFF, "Quốc khánh", SRC_2024},
    {CAL_DAY(2024, 9, 3), CAL_DAY_OFF, "Quốc khánh (ngày liền kề)", SRC_2024},
    {CAL_DAY(2025, 1, 25), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 1, 26), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 1, 27), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 1, 28), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 1, 29), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 1, 30), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 1, 31), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 2, 1), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 2, 2), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2025},
    {CAL_DAY(2025, 4, 26), CAL_WORK_DAY, "Làm bù cho ngày 02/05/2025", SRC_2025},
    {CAL_DAY(2025, 5, 2), CAL_DAY_OFF, "Nghỉ hoán đổi dịp 30/4 và 1/5", SRC_2025},
    {CAL_DAY(2025, 8, 30), CAL_DAY_OFF, "Quốc khánh (nghỉ hằng tuần)", SRC_2025},
    {CAL_DAY(2025, 8, 31), CAL_DAY_OFF, "Quốc khánh (nghỉ hằng tuần)", SRC_2025},
    {CAL_DAY(2025, 9, 1), CAL_DAY_OFF, "Quốc khánh (ngày liền kề)", SRC_2025},
    {CAL_DAY(2025, 9, 2), CAL_DAY_OFF, "Quốc khánh", SRC_2025},
    {CAL_DAY(2026, 1, 2), CAL_DAY_OFF, "Nghỉ hoán đổi dịp Tết Dương lịch", SRC_2026A},
    {CAL_DAY(2026, 1, 10), CAL_WORK_DAY, "Làm bù cho ngày 02/01/2026", SRC_2026A},
    {CAL_DAY(2026, 2, 14), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 15), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 16), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 17), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 18), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 19), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 20), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 21), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
    {CAL_DAY(2026, 2, 22), CAL_DAY_OFF, "Tết Nguyên đán", SRC_2026},
};

const struct cal_entry *cal_default_entries(size_t *ret_n)
{
	*ret_n = sizeof(default_entries) / sizeof(default_entries[0]);
	return default_entries;
}

/* Is there an entry in [from, to]?  e is sorted by day. */
static int has_entry(const struct cal_entry *e, size_t n, int32_t from, int32_t to)
{
	size_t i;

	for (i = 0; i < n && e[i].day <= to; i++)
		if (e[i].day >= from)
			return 1;
	return 0;
}

/* Is day an announced day off in e? */
static int entry_off(const struct cal_entry *e, size_t n, int32_t day)
{
	size_t i;

	for (i = 0; i < n && e[i].day <= day; i++)
		if (e[i].day == day)
			return e[i].kind == CAL_DAY_OFF;
	return 0;
}

static int is_weekend(int32_t day)
{
	int w = date_weekday(day);

	return w == 0 || w == 6;
}

static size_t add(struct cal_holiday *out, size_t n, int32_t day, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (out[i].day == day)
			return n;
	out[n].day = day;
	out[n].kind = CAL_DAY_OFF;
	out[n].name = name;
	out[n].source = cal_statutory_source;
	return n + 1;
}

static int holiday_cmp(const void *a, const void *b)
{
	const struct cal_holiday *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

/*
 * The adjacent day of 2/9 when nothing is announced: the one that joins the
 * holiday to a weekend (Tuesday, Friday, Saturday: 1/9), else 3/9 - which
 * is what the announcements of 2021-2025 chose.
 */
static int32_t national_day_adjacent(int year)
{
	int32_t d = date_days(year, 9, 2);
	int w = date_weekday(d);

	return w == 2 || w == 5 || w == 6 ? d - 1 : d + 1;
}

size_t cal_statutory(int year, const struct cal_entry *e, size_t n, struct cal_holiday *out)
{
	struct lunar_date l = {year, 1, 1, 0};
	int32_t tet = 0, d, national = date_days(year, 9, 2);
	size_t k = 0, i, base;
	int tet_announced = 0, national_announced;

	k = add(out, k, date_days(year, 1, 1), "Tết Dương lịch");
	/* Statutory default: the last day of the old year and 1..4 Giêng. */
	if (cal_lunar_to_solar(&l, &tet) == 0) {
		tet_announced = has_entry(e, n, tet - 15, tet + 15);
		for (d = tet - 1; !tet_announced && d <= tet + 3; d++)
			k = add(out, k, d, "Tết Nguyên đán");
	}
	l.month = 3;
	l.day = 10;
	if (cal_lunar_to_solar(&l, &d) == 0)
		k = add(out, k, d, "Giỗ Tổ Hùng Vương");
	k = add(out, k, date_days(year, 4, 30), "Ngày Chiến thắng");
	k = add(out, k, date_days(year, 5, 1), "Ngày Quốc tế Lao động");
	k = add(out, k, national, "Quốc khánh");
	national_announced = has_entry(e, n, national - 8, national + 8);
	if (year >= 2021 && !national_announced)
		k = add(out, k, national_day_adjacent(year), "Quốc khánh (ngày liền kề)");
	qsort(out, k, sizeof(*out), holiday_cmp);

	/* Art. 111(3): a holiday on the weekly rest day is made up on the next
	 * working day.  Announced spans carry their own compensation. */
	base = k;
	for (i = 0; i < base; i++) {
		int32_t h = out[i].day;
		size_t j;

		if (!is_weekend(h))
			continue;
		if (tet_announced && h >= tet - 15 && h <= tet + 15)
			continue;
		if (national_announced && h >= national - 8 && h <= national + 8)
			continue;
		for (d = h + 1;; d++) {
			int taken = is_weekend(d) || entry_off(e, n, d);

			for (j = 0; j < k && !taken; j++)
				taken = out[j].day == d;
			if (!taken)
				break;
		}
		k = add(out, k, d, "Nghỉ bù ngày lễ");
	}
	qsort(out, k, sizeof(*out), holiday_cmp);
	return k;
}
