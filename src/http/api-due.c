/*
 * api-due.c - the lists of what falls due, one per thing that has a
 * deadline: the steps of cases (src/app/deadline.c), verification letters
 * unanswered (letter.c), travellers' return reports missing (trip.c),
 * remedial actions not done (finding.c).  Each is the caller's, nearest
 * first, as {"items": [...]}; ?limit=1..1000 (200 by default) for all,
 * ?level=early|late|overdue (the least urgent to list) for all but the
 * remedies, which are listed once past due.
 *
 *   GET /api/deadlines?level&limit
 *   GET /api/letters?level&limit
 *   GET /api/return-reports?level&limit
 *   GET /api/remedies?limit
 */
#include "http/api-case.h"

#include "app/finding.h"
#include "app/letter.h"
#include "app/trip.h"

#include "core/banned.h"

/* One list: up to limit of its items at min or more urgent, fetched for
 * who asks and appended to arr. */
typedef int (*due_items_fn)(struct http_req *r, enum deadline_level min, size_t limit, json_t *arr,
                            struct err *e);

static int deadline_items(struct http_req *r, enum deadline_level min, size_t limit, json_t *arr,
                          struct err *e)
{
	struct deadline_item *v;
	size_t n;
	int rc = deadline_due(r->app, &r->actor, min, limit, r->arena, &v, &n, e);

	for (size_t i = 0; rc == 0 && i < n; i++)
		json_array_append_new(arr, deadline_item_json(r->app, &r->actor, &v[i], r->arena));
	return rc;
}

static int letter_items(struct http_req *r, enum deadline_level min, size_t limit, json_t *arr,
                        struct err *e)
{
	struct letter_item *v;
	size_t n;
	int rc = letter_due(r->app, &r->actor, min, limit, r->arena, &v, &n, e);

	for (size_t i = 0; rc == 0 && i < n; i++)
		json_array_append_new(arr, letter_item_json(r->app, &r->actor, &v[i], r->arena));
	return rc;
}

static int report_items(struct http_req *r, enum deadline_level min, size_t limit, json_t *arr,
                        struct err *e)
{
	struct report_item *v;
	size_t n;
	int rc = trip_reports_due(r->app, &r->actor, min, limit, r->arena, &v, &n, e);

	for (size_t i = 0; rc == 0 && i < n; i++)
		json_array_append_new(arr, report_item_json(r->app, &r->actor, &v[i], r->arena));
	return rc;
}

/* (min is not theirs: a remedy is listed once it is past due.) */
static int remedy_items(struct http_req *r, enum deadline_level min, size_t limit, json_t *arr,
                        struct err *e)
{
	struct remedy_item *v;
	size_t n;
	int rc = remedy_overdue(r->app, &r->actor, limit, r->arena, &v, &n, e);

	(void)min;
	for (size_t i = 0; rc == 0 && i < n; i++)
		json_array_append_new(arr, remedy_item_json(r->app, &r->actor, &v[i], r->arena));
	return rc;
}

/* Reply with the list items makes, reading ?level when levels is set and
 * ?limit. */
static int due_reply(struct http_req *r, int levels, due_items_fn items, struct err *e)
{
	enum deadline_level min = DEADLINE_EARLY;
	const char *level = levels ? http_query(r, "level") : NULL;
	int64_t limit = 200;
	json_t *arr;
	int rc;

	if (level && deadline_level_parse(level, &min) < 0)
		return err_set(e, HOSO_E_BAD_ENUM, "level", "Mức nhắc là early, late hoặc overdue",
		               "The level is early, late or overdue");
	if ((rc = http_query_i64(r, "limit", 1, 1000, &limit, e)) < 0)
		return rc;
	arr = json_array();
	if ((rc = items(r, min, (size_t)limit, arr, e)) < 0) {
		json_decref(arr);
		return rc;
	}
	return http_reply(r, 200, json_pack("{s:o}", "items", arr));
}

int api_deadlines_get(struct http_req *r, struct err *e)
{
	return due_reply(r, 1, deadline_items, e);
}

int api_letters_get(struct http_req *r, struct err *e)
{
	return due_reply(r, 1, letter_items, e);
}

int api_return_reports_get(struct http_req *r, struct err *e)
{
	return due_reply(r, 1, report_items, e);
}

int api_remedies_overdue_get(struct http_req *r, struct err *e)
{
	return due_reply(r, 0, remedy_items, e);
}
