/*
 * api-discipline.c - discipline decisions (src/app/discipline.c).
 *
 *   POST /api/cases/{id}/disciplines   record a discipline decision
 */
#include "http/api-case.h"

#include "app/discipline.h"
#include "app/org.h"

#include "core/banned.h"

int api_case_discipline_post(struct http_req *r, struct err *e)
{
	struct discipline_input in = {.violation = DATE_NONE, .decided = DATE_NONE};
	const char *org = NULL;
	int64_t id, person = 0, internal = 0, disc = 0;
	const struct http_field fields[] = {
	    {"form", HF_STRING, 1, &in.form, 0, 0},
	    {"org", HF_STRING, 0, &org, 0, 0},
	    {"person", HF_INT, 0, &person, 1, INT64_MAX},
	    {"violation", HF_DATE, 1, &in.violation, 0, 0, DATE_RULE_PAST},
	    {"decided", HF_DATE, 0, &in.decided, 0, 0, DATE_RULE_PAST},
	    {"internal_political", HF_INT, 0, &internal, 0, 1},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0 && org &&
	    (rc = org_find(r->app, &r->actor, org, &in.org_id, e)) == HOSO_E_NOT_FOUND)
		gate_not_found(e, "org", NOUN_ORG);
	if (rc == 0) {
		in.person_id = person;
		in.internal_political = (int)internal;
		rc = discipline_decide(r->app, &r->actor, id, &in, &disc, e);
	}
	return api_reply_id(r, rc, 201, disc);
}
