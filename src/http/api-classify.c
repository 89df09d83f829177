/*
 * api-classify.c - a record's confidentiality, changed by its own action
 * (leaders, and administrators for persons; never above their clearance):
 *
 *   PUT /api/persons/{id}/confidentiality  {"confidentiality": 0..2,
 *   PUT /api/cases/{id}/confidentiality      "version", "reason"?}
 */
#include "http/api-case.h"

#include "app/case.h"
#include "app/person.h"

#include "core/banned.h"

typedef int (*classify_fn)(struct app *app, const struct actor *who, int64_t id, int level,
                           int64_t version, const char *reason, struct err *e);

static int classify(struct http_req *r, enum gate_noun noun, classify_fn set, struct err *e)
{
	const char *reason = NULL;
	int64_t id, level = -1, version = 0;
	const struct http_field fields[] = {
	    {"confidentiality", HF_INT, 1, &level, 0, CLEARANCE__MAX - 1},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	    {"reason", HF_STRING, 0, &reason, 0, 0},
	};
	int rc = api_id_fields(r, noun, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = set(r->app, &r->actor, id, (int)level, version, reason, e);
	if (rc == 0)
		rc = http_reply(r, 200,
		                json_pack("{s:I,s:I,s:I}", "id", (json_int_t)id, "confidentiality",
		                          (json_int_t)level, "version", (json_int_t)(version + 1)));
	return rc;
}

int api_person_confidentiality_put(struct http_req *r, struct err *e)
{
	return classify(r, NOUN_RECORD, person_set_confidentiality, e);
}

int api_case_confidentiality_put(struct http_req *r, struct err *e)
{
	return classify(r, NOUN_CASE, case_set_confidentiality, e);
}
