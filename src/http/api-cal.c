/*
 * api-cal.c - the holiday calendar.
 *
 *   GET    /api/calendar?year=YYYY   every non-ordinary day of the year
 *                                    (any signed-in user)
 *   PUT    /api/calendar/{date}      add or replace the day's announced entry
 *                                    {"kind", "name", "source"?} (administrators)
 *   DELETE /api/calendar/{date}      remove it (administrators)
 *
 * Changes are audited with before/after in src/app (admin_cal_put/delete).
 */
#include "http/api.h"

#include <stdlib.h>
#include <string.h>

#include "app/admin.h"

#include "core/banned.h"

int api_calendar_get(struct http_req *r, struct err *e)
{
	struct cal_holiday *h = NULL;
	int64_t year;
	size_t n = 0;
	int y, m, d, rc;

	date_civil(date_today(), &y, &m, &d);
	year = y;
	if ((rc = http_query_i64(r, "year", CAL_MIN_YEAR, CAL_MAX_YEAR, &year, e)) < 0 ||
	    (rc = admin_cal_year(r->app, &r->actor, (int)year, &h, &n, e)) < 0)
		return rc;
	rc = http_reply(
	    r, 200,
	    json_pack("{s:I,s:o}", "year", (json_int_t)year, "days", admin_cal_days_json(h, n)));
	free(h);
	return rc;
}

/* The {date} of the path; HOSO_E_BAD_DATE naming "date". */
static int date_param(struct http_req *r, int32_t *ret, struct err *e)
{
	const char *s = http_param(r, "date");

	if (!s || date_parse_iso(s, strlen(s), ret) < 0)
		return err_set(e, HOSO_E_BAD_DATE, "date", "Ngày '%s' không hợp lệ (YYYY-MM-DD)",
		               "Invalid date '%s' (YYYY-MM-DD)", s ? s : "");
	return 0;
}

/* The body's "kind", "name" and "source" (a string or null); anything else
 * is refused, so a misspelt field is an error rather than ignored. */
static int entry_fields(json_t *body, const char **ret, struct err *e)
{
	static const char *const names[] = {"kind", "name", "source"};
	const char *key;
	json_t *v;

	ret[0] = ret[1] = ret[2] = NULL;
	json_object_foreach(body, key, v)
	{
		size_t k = 0;

		while (k < 3 && strcmp(key, names[k]) != 0)
			k++;
		if (k == 3)
			return err_set(e, HOSO_E_INVALID, key, "Trường '%s' không được biết",
			               "Unknown field '%s'", key);
		if (json_is_null(v) && k == 2)
			continue;
		if (!json_is_string(v))
			return err_set(e, HOSO_E_INVALID, key, "Trường '%s' phải là chuỗi",
			               "Field '%s' must be a string", key);
		ret[k] = json_string_value(v);
	}
	return 0;
}

int api_calendar_put(struct http_req *r, struct err *e)
{
	const char *f[3];
	json_t *body;
	int32_t day;
	int rc;

	if ((rc = date_param(r, &day, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	if ((rc = entry_fields(body, f, e)) == 0)
		rc = admin_cal_put(r->app, &r->actor, day, f[0], f[1], f[2], e);
	if (rc == 0)
		rc = http_reply(r, 200,
		                json_pack("{s:s,s:s,s:s,s:s}", "date", http_param(r, "date"),
		                          "kind", f[0], "name", f[1], "source", f[2] ? f[2] : ""));
	return rc;
}

int api_calendar_delete(struct http_req *r, struct err *e)
{
	int32_t day;
	int rc;

	if ((rc = date_param(r, &day, e)) < 0 ||
	    (rc = admin_cal_delete(r->app, &r->actor, day, e)) < 0)
		return rc;
	return http_reply(r, 200,
	                  json_pack("{s:s,s:b}", "date", http_param(r, "date"), "deleted", 1));
}
