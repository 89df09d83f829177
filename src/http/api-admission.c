/*
 * api-admission.c - admission background checks (src/app/admission.c).
 *
 *   POST /api/cases/{id}/relatives    a person the background check covers
 *   PATCH /api/relatives/{id}         relation, name, membership, exemption
 *                                     corrected
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

int api_relative_patch(struct http_req *r, struct err *e)
{
	struct relative_input in = {0};
	int64_t id, member = 0;
	const struct http_field fields[] = {
	    [RELATIVE_F_RELATION] = {"relation", HF_STRING, 0, &in.relation, 0, 0},
	    [RELATIVE_F_NAME] = {"full_name", HF_STRING, 0, &in.full_name, 0, 0},
	    [RELATIVE_F_MEMBER] = {"is_member", HF_INT, 0, &member, 0, 1},
	    [RELATIVE_F_EXEMPT] = {"exempt_reason", HF_STRING, 0, &in.exempt_reason, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_RELATIVE, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0) {
		in.is_member = (int)member;
		rc = relative_edit(r->app, &r->actor, id, &in, e);
	}
	return api_reply_id(r, rc, 200, id);
}
