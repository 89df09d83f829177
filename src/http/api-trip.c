/*
 * api-trip.c - trips abroad (src/app/trip.c).
 *
 *   PUT|PATCH /api/cases/{id}/trip      the trip's purpose, countries, dates,
 *                                       funding, place in the plan: only the
 *                                       fields sent change (null clears the
 *                                       funding); "version" when sent must be
 *                                       the trip's
 *   POST /api/cases/{id}/travellers     a traveller (one person-trip)
 *   POST /api/travellers/{id}           commitment, departure, return, report
 *   (GET /api/return-reports, travellers back whose report is missing:
 *   api-due.c)
 *   PATCH /api/travellers/{id}          leader, commitment, dates corrected
 */
#include "http/api-case.h"

#include "app/trip.h"

#include "core/banned.h"

int api_case_trip_put(struct http_req *r, struct err *e)
{
	struct trip_input in = {.depart = DATE_NONE, .come_back = DATE_NONE};
	int64_t id, in_plan = 0;
	/* in the order of enum trip_field */
	const struct http_field fields[] = {
	    [TRIP_PURPOSE] = {"purpose", HF_STRING, 0, &in.purpose, 0, 0},
	    [TRIP_COUNTRIES] = {"countries", HF_STRING, 0, &in.countries, 0, 0},
	    [TRIP_FUNDING] = {"funding", HF_STRING, 0, &in.funding, 0, 0},
	    [TRIP_DEPART] = {"depart", HF_DATE, 0, &in.depart, 0, 0, DATE_RULE_PLAN},
	    [TRIP_COME_BACK] = {"come_back", HF_DATE, 0, &in.come_back, 0, 0, DATE_RULE_PLAN},
	    [TRIP_IN_PLAN] = {"in_plan", HF_INT, 0, &in_plan, 0, 1},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0) {
		in.in_plan = (int)in_plan;
		rc = trip_set(r->app, &r->actor, id, &in, e);
	}
	return api_reply_id(r, rc, 200, id);
}

int api_case_traveller_post(struct http_req *r, struct err *e)
{
	int64_t id, person = 0, leader = 0, commitment = 0, out = 0;
	const struct http_field fields[] = {
	    {"person", HF_INT, 1, &person, 1, INT64_MAX},
	    {"leader", HF_INT, 0, &leader, 0, 1},
	    {"commitment", HF_INT, 0, &commitment, 0, 1},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = traveller_add(r->app, &r->actor, id, person, (int)leader, (int)commitment,
		                   &out, e);
	return api_reply_id(r, rc, 201, out);
}

int api_traveller_post(struct http_req *r, struct err *e)
{
	const char *event = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	enum traveller_event ev;
	const struct http_field fields[] = {
	    {"event", HF_STRING, 1, &event, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0, DATE_RULE_PAST},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	int rc =
	    api_id_fields(r, NOUN_TRAVELLER, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0 && traveller_event_parse(event, &ev) < 0)
		rc = code_refuse(e, "event", "event", "event", traveller_events.codes,
		                 traveller_events.n);
	if (rc == 0)
		rc = traveller_record(r->app, &r->actor, id, ev, day, version, e);
	return api_reply_version(r, rc, id, version + 1);
}

int api_traveller_patch(struct http_req *r, struct err *e)
{
	struct traveller_input in = {
	    .departed = DATE_NONE, .returned = DATE_NONE, .report_received = DATE_NONE};
	int64_t id, leader = 0, commitment = 0;
	const struct http_field fields[] = {
	    [TRAVELLER_F_LEADER] = {"leader", HF_INT, 0, &leader, 0, 1},
	    [TRAVELLER_F_COMMITMENT] = {"commitment", HF_INT, 0, &commitment, 0, 1},
	    [TRAVELLER_F_DEPARTED] = {"departed", HF_DATE, 0, &in.departed, 0, 0},
	    [TRAVELLER_F_RETURNED] = {"returned", HF_DATE, 0, &in.returned, 0, 0},
	    [TRAVELLER_F_REPORT] = {"report_received", HF_DATE, 0, &in.report_received, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_TRAVELLER, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0) {
		in.leader = (int)leader;
		in.commitment = (int)commitment;
		rc = traveller_edit(r->app, &r->actor, id, &in, e);
	}
	return api_reply_id(r, rc, 200, id);
}
