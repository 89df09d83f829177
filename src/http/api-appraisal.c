/*
 * api-appraisal.c - political-standard appraisals (src/app/appraisal.c).
 *
 *   PUT|PATCH /api/cases/{id}/appraisal        the requester, outcome and
 *                                              position: only the fields sent
 *                                              change (null clears one);
 *                                              "version" when sent must be the
 *                                              appraisal's
 *   POST /api/cases/{id}/appraisal-documents   a dossier document present or
 *                                              missing
 */
#include "http/api-case.h"

#include "app/appraisal.h"

#include "core/banned.h"

int api_case_appraisal_put(struct http_req *r, struct err *e)
{
	struct appraisal_input in = {0};
	/* in the order of enum appraisal_field */
	const struct http_field fields[] = {
	    [APPRAISAL_REQUESTER] = {"requester", HF_STRING, 0, &in.requester, 0, 0},
	    [APPRAISAL_OUTCOME] = {"outcome", HF_STRING, 0, &in.outcome, 0, 0},
	    [APPRAISAL_POSITION] = {"position", HF_STRING, 0, &in.position, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int64_t id;
	int rc = api_id_patch(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0)
		rc = appraisal_set(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}

int api_case_appraisal_doc_post(struct http_req *r, struct err *e)
{
	const char *name = NULL;
	int64_t id, present = 1, doc = 0;
	const struct http_field fields[] = {
	    {"name", HF_STRING, 1, &name, 0, 0},
	    {"present", HF_INT, 0, &present, 0, 1},
	};
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, 2, e);

	if (rc == 0)
		rc = appraisal_doc_put(r->app, &r->actor, id, name, (int)present, &doc, e);
	return api_reply_id(r, rc, 200, doc);
}
