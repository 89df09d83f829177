/*
 * cmd-cal.c - "hoso cal ...": the Vietnamese calendar.
 *
 *   cal lunar YYYY-MM-DD          -> D/M/YYYY (month followed by "nhuận" if leap)
 *   cal solar D/M/YYYY [--leap]   -> YYYY-MM-DD
 *   cal add YYYY-MM-DD N          -> the day N working days later
 *   cal count FROM TO             -> working days in (FROM, TO]
 *   cal holidays YEAR [--json]    -> holidays and days off of the year
 *   cal set YYYY-MM-DD off|work|not_off NAME [--source S]   (administrator)
 *   cal unset YYYY-MM-DD
 *
 * Working days use the database's yearly table when the database exists,
 * else the announced data shipped with hoso.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/admin.h"
#include "cal/cal.h"
#include "cli/cli.h"
#include "core/parse.h"

#include "core/banned.h"

/* The working-day calendar: the database's when the database exists, else
 * the announced data shipped with hoso (*own, for the caller to free). */
static int calendar(struct cli_sub *x, struct cal **own, const struct cal **ret)
{
	size_t n;
	const struct cal_entry *def;
	int rc;

	*own = NULL;
	if (access(x->c->db, F_OK) == 0) {
		if ((rc = cli_sub_open(x)) != 0)
			return rc;
		*ret = app_cal(x->app);
		return 0;
	}
	*own = cal_new();
	def = cal_default_entries(&n);
	if (!*own || cal_set_entries(*own, def, n) < 0) {
		fprintf(stderr, "hoso: lỗi: không đủ bộ nhớ / out of memory\n");
		return EXIT_BAD_INPUT;
	}
	*ret = *own;
	return 0;
}

static int range_error(const char *arg)
{
	fprintf(stderr,
	        "hoso: lỗi [out_of_range, %s]: Ngày nằm ngoài khoảng lịch hỗ trợ (%d–%d)\n"
	        "hoso: error: the date is outside the supported range (%d–%d)\n",
	        arg, CAL_MIN_YEAR, CAL_MAX_YEAR, CAL_MIN_YEAR, CAL_MAX_YEAR);
	return EXIT_BAD_INPUT;
}

static int lunar_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct lunar_date l;
	int32_t day;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu ngày dương lịch",
	                   "The solar date is missing")) != 0 ||
	    (rc = cli_date("DATE", pos[0], &day)) != 0)
		return rc;
	if (cal_solar_to_lunar(day, &l) < 0)
		return range_error("DATE");
	if (json)
		cli_print_json(json_pack("{s:i,s:i,s:i,s:b}", "year", l.year, "month", l.month,
		                         "day", l.day, "leap", l.leap));
	else
		printf("%d/%d%s/%d\n", l.day, l.month, l.leap ? " nhuận" : "", l.year);
	return 0;
}

static void print_day(int32_t day, int json)
{
	char iso[DATE_BUF], vn[DATE_BUF];

	date_format_iso(day, iso);
	date_format_vn(day, vn);
	if (json)
		cli_print_json(json_pack("{s:s,s:s}", "date", iso, "display", vn));
	else
		printf("%s\n", iso);
}

/* "--pause FROM:TO" options into pauses; 0 or an exit status. */
static int parse_pauses(struct cli_sub *x, const char **list, size_t n, struct cal_pause *out)
{
	for (size_t i = 0; i < n; i++) {
		char from[32], to[32];
		const char *colon = strchr(list[i], ':');
		int rc;

		if (!colon || (size_t)(colon - list[i]) >= sizeof(from) ||
		    strlen(colon + 1) >= sizeof(to))
			return cli_usage(x->cmd, "--pause cần dạng TỪ:ĐẾN",
			                 "--pause takes FROM:TO");
		memcpy(from, list[i], (size_t)(colon - list[i]));
		from[colon - list[i]] = '\0';
		memcpy(to, colon + 1, strlen(colon + 1) + 1);
		if ((rc = cli_date("--pause", from, &out[i].from)) != 0 ||
		    (rc = cli_date("--pause", to, &out[i].to)) != 0)
			return rc;
		if (out[i].to < out[i].from)
			return cli_usage(x->cmd, "--pause: ngày cuối trước ngày đầu",
			                 "--pause: TO is before FROM");
	}
	return 0;
}

/* D/M/YYYY, strictly three numbers, into v; 0 or an exit status. */
static int parse_lunar(const char *s, int64_t v[3])
{
	const char *p = s, *q;

	for (int i = 0; i < 3; i++) {
		q = strchr(p, '/');
		if ((i < 2 && !q) || (i == 2 && q) ||
		    parse_i64(p, q ? (size_t)(q - p) : strlen(p), 1, 9999, &v[i]) < 0) {
			fprintf(stderr,
			        "hoso: lỗi [bad_date, DATE]: Ngày âm lịch '%s' không hợp lệ "
			        "(D/M/YYYY)\n"
			        "hoso: error: '%s' is not a valid lunar date (D/M/YYYY)\n",
			        s, s);
			return EXIT_BAD_INPUT;
		}
		if (q)
			p = q + 1;
	}
	return 0;
}

static int solar_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	int leap = 0, json = 0, rc;
	const struct cli_opt opts[] = {{"--leap", NULL, &leap}, {"--json", NULL, &json}, {NULL}};
	struct lunar_date l = {0};
	int64_t v[3];
	int32_t day;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu ngày âm lịch",
	                   "The lunar date is missing")) != 0 ||
	    (rc = parse_lunar(pos[0], v)) != 0)
		return rc;
	l.day = (int)v[0];
	l.month = (int)v[1];
	l.year = (int)v[2];
	l.leap = leap;
	rc = cal_lunar_to_solar(&l, &day);
	if (rc == HOSO_E_RANGE)
		return range_error("DATE");
	if (rc < 0) {
		fprintf(stderr,
		        "hoso: lỗi [bad_date, DATE]: Không có ngày âm lịch %s%s\n"
		        "hoso: error: there is no lunar date %s%s\n",
		        pos[0], leap ? " (tháng nhuận)" : "", pos[0], leap ? " (leap month)" : "");
		return EXIT_BAD_INPUT;
	}
	print_day(day, json);
	return 0;
}

/* The arguments of add and count: two positional ones, --json, and the
 * clock's pauses. */
struct span_args {
	const char *pos[2];
	const char *pause[16];
	size_t npause;
	int json;
	struct cal_pause pauses[16];
};

static int span_args(struct cli_sub *x, int argc, char **argv, struct span_args *s, const char *vi,
                     const char *en)
{
	const struct cli_opt opts[] = {
	    {"--json", NULL, &s->json}, {"--pause", NULL, NULL, s->pause, &s->npause, 16}, {NULL}};

	s->npause = 0;
	s->json = 0;
	return cli_args(x, argc, argv, opts, s->pos, 2, vi, en);
}

static int add_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct span_args s;
	const struct cal *cal;
	struct cal *own;
	int64_t n;
	int32_t from, res;
	int rc;

	if ((rc = span_args(x, argc, argv, &s, "Cần ngày và số ngày làm việc",
	                    "A date and a number of working days are required")) != 0 ||
	    (rc = cli_date("DATE", s.pos[0], &from)) != 0 ||
	    (rc = cli_number("N", s.pos[1], 0, 10000, &n)) != 0 ||
	    (rc = parse_pauses(x, s.pause, s.npause, s.pauses)) != 0 ||
	    (rc = calendar(x, &own, &cal)) != 0)
		return rc;
	rc = cal_add_workdays(cal, from, (int)n, s.pauses, s.npause, &res);
	cal_free(own);
	if (rc < 0)
		return range_error("DATE");
	print_day(res, s.json);
	return 0;
}

static int count_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct span_args s;
	const struct cal *cal;
	struct cal *own;
	int32_t from, to;
	int rc, n;

	if ((rc = span_args(x, argc, argv, &s, "Cần hai ngày", "Two dates are required")) != 0 ||
	    (rc = cli_date("FROM", s.pos[0], &from)) != 0 ||
	    (rc = cli_date("TO", s.pos[1], &to)) != 0 ||
	    (rc = parse_pauses(x, s.pause, s.npause, s.pauses)) != 0 ||
	    (rc = calendar(x, &own, &cal)) != 0)
		return rc;
	rc = cal_count_workdays(cal, from, to, s.pauses, s.npause, &n);
	cal_free(own);
	if (rc < 0)
		return range_error("FROM");
	if (s.json)
		cli_print_json(json_pack("{s:i}", "working_days", n));
	else
		printf("%d\n", n);
	return 0;
}

static void print_holidays(int64_t year, const struct cal_holiday *h, size_t n)
{
	static const char *const kind_vi[CAL_ENTRY__MAX] = {
	    [CAL_DAY_OFF] = "nghỉ",
	    [CAL_WORK_DAY] = "làm bù",
	    [CAL_NOT_OFF] = "bỏ nghỉ",
	};
	static const char *const wd[7] = {"CN", "T2", "T3", "T4", "T5", "T6", "T7"};

	printf("Ngày nghỉ, ngày làm bù năm %lld:\n", (long long)year);
	for (size_t i = 0; i < n; i++) {
		char vnd[DATE_BUF];

		date_format_vn(h[i].day, vnd);
		printf("  %s %s  %-7s %s%s%s%s\n", wd[date_weekday(h[i].day)], vnd,
		       h[i].kind < CAL_ENTRY__MAX ? kind_vi[h[i].kind] : "?",
		       h[i].name ? h[i].name : "", h[i].source && *h[i].source ? " (" : "",
		       h[i].source ? h[i].source : "", h[i].source && *h[i].source ? ")" : "");
	}
}

static int holidays_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct cal_holiday *h = NULL;
	const struct cal *cal;
	struct cal *own;
	int64_t year;
	size_t n = 0;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu năm", "The year is missing")) != 0 ||
	    (rc = cli_number("YEAR", pos[0], CAL_MIN_YEAR, CAL_MAX_YEAR, &year)) != 0 ||
	    (rc = calendar(x, &own, &cal)) != 0)
		return rc;
	rc = cal_holidays(cal, (int)year, &h, &n);
	if (rc < 0)
		rc = range_error("YEAR");
	else if (json)
		cli_print_json(admin_cal_days_json(h, n));
	else
		print_holidays(year, h, n);
	free(h);
	cal_free(own);
	return rc;
}

static int set_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *source = NULL, *pos[3];
	const struct cli_opt opts[] = {{"--source", &source}, {NULL}};
	int32_t day;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 3, "Cần ngày, loại (off|work|not_off) và tên",
	                   "DATE, KIND (off|work|not_off) and NAME are required")) != 0 ||
	    (rc = cli_date("DATE", pos[0], &day)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	return admin_cal_put(x->app, &x->who, day, pos[1], pos[2], source, &x->err);
}

static int unset_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	int32_t day;
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, pos, 1, "Thiếu ngày", "The date is missing")) !=
	        0 ||
	    (rc = cli_date("DATE", pos[0], &day)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	return admin_cal_delete(x->app, &x->who, day, &x->err);
}

static const struct cli_subcmd subs[] = {
    {"lunar", lunar_cmd},       {"solar", solar_cmd}, {"add", add_cmd},     {"count", count_cmd},
    {"holidays", holidays_cmd}, {"set", set_cmd},     {"unset", unset_cmd},
};

const struct cmd_entry cmd_cal_entry = {
    .name = "cal",
    .usage = "cal lunar YYYY-MM-DD | solar D/M/YYYY [--leap] | add YYYY-MM-DD N [--pause "
             "FROM:TO]... | count FROM TO [--pause FROM:TO]... | holidays YEAR | set DATE "
             "off|work|not_off NAME [--source S] | unset DATE   (--json on queries)",
    .help = "Âm lịch, ngày nghỉ, ngày làm việc / lunar calendar, holidays, working days",
    .purpose = "calendar",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
