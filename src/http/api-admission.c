/*
 * api-admission.c - admission background checks (src/app/admission.c).
 *
 *   POST /api/cases/{id}/relatives    a person the background check covers
 */
#include "http/api-case.h"

#include "app/admission.h"

#include "core/banned.h"

int api_case_relative_post(struct http_req *r, struct err *e)
{
	struct relative_row in = {0};
	int64_t id, member = 0, out = 0;
	const struct http_field fields[] = {
	    {"relation", HF_STRING, 1, &in.relation, 0, 0},
	    {"full_name", HF_STRING, 1, &in.full_name, 0, 0},
	    {"is_member", HF_INT, 0, &member, 0, 1},
	    {"exempt_reason", HF_STRING, 0, &in.exempt_reason, 0, 0},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0) {
		in.is_member = (int)member;
		rc = relative_add(r->app, &r->actor, id, &in, &out, e);
	}
	return api_reply_id(r, rc, 201, out);
}
