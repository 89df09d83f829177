/*
 * api-stay.c - a member's stay abroad (src/app/stay.c).
 *
 *   PUT|PATCH /api/cases/{id}/stay   the country, purpose, arrangement, start,
 *                                    expected end and last contact: only the
 *                                    fields sent change (null clears the last
 *                                    contact); "version" when sent must be
 *                                    the stay's
 */
#include "http/api-case.h"

#include "app/stay.h"

#include "core/banned.h"

int api_case_stay_put(struct http_req *r, struct err *e)
{
	struct stay_input in = {
	    .start = DATE_NONE, .expected_end = DATE_NONE, .last_contact = DATE_NONE};
	/* in the order of enum stay_field */
	const struct http_field fields[] = {
	    [STAY_COUNTRY] = {"country", HF_STRING, 0, &in.country, 0, 0},
	    [STAY_PURPOSE] = {"purpose", HF_STRING, 0, &in.purpose, 0, 0},
	    [STAY_ARRANGEMENT] = {"arrangement", HF_STRING, 0, &in.arrangement, 0, 0},
	    [STAY_START] = {"start", HF_DATE, 0, &in.start, 0, 0, DATE_RULE_PLAN},
	    [STAY_EXPECTED_END] = {"expected_end", HF_DATE, 0, &in.expected_end, 0, 0,
	                           DATE_RULE_PLAN},
	    [STAY_LAST_CONTACT] = {"last_contact", HF_DATE, 0, &in.last_contact, 0, 0,
	                           DATE_RULE_PAST},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int64_t id;
	int rc = api_id_patch(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0)
		rc = stay_set(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}
