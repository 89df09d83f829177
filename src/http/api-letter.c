/*
 * api-letter.c - verification letters of a case (src/app/letter.c): sent
 * by the kinds whose work asks other bodies (background checks,
 * appraisals).
 *
 *   POST /api/cases/{id}/letters      send a verification letter
 *   POST /api/letters/{id}            its reminder, escalation, answer
 *   (GET /api/letters, those unanswered near or past due: api-due.c)
 *   PATCH /api/letters/{id}           recipient, about, number, sent corrected
 */
#include "http/api-case.h"

#include "app/letter.h"

#include "core/banned.h"

int api_case_letter_post(struct http_req *r, struct err *e)
{
	struct letter_input in = {.sent = DATE_NONE};
	const struct http_field fields[] = {
	    {"recipient", HF_STRING, 1, &in.recipient, 0, 0},
	    {"about", HF_STRING, 0, &in.about, 0, 0},
	    {"number", HF_STRING, 0, &in.number_symbol, 0, 0},
	    {"sent", HF_DATE, 0, &in.sent, 0, 0, DATE_RULE_PAST},
	};
	int64_t id, letter = 0;
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = letter_add(r->app, &r->actor, id, &in, &letter, e);
	return api_reply_id(r, rc, 201, letter);
}

int api_letter_post(struct http_req *r, struct err *e)
{
	const char *action = NULL, *result = NULL;
	int32_t day = DATE_NONE;
	int64_t id, version = 0;
	int confirm_past = 0;
	enum letter_action act;
	const struct http_field fields[] = {
	    {"action", HF_STRING, 1, &action, 0, 0},
	    {"date", HF_DATE, 0, &day, 0, 0, DATE_RULE_PAST},
	    {"result", HF_STRING, 0, &result, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	    {"confirm_past", HF_BOOL, 0, &confirm_past, 0, 0},
	};
	int rc = api_id_fields(r, NOUN_LETTER, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0 && letter_action_parse(action, &act) < 0)
		rc = code_refuse(e, "action", "action", "action", letter_actions.codes,
		                 letter_actions.n);
	if (rc == 0)
		rc = letter_update(r->app, &r->actor, id, act, day, result, version, confirm_past,
		                   e);
	return api_reply_version(r, rc, id, version + 1);
}

int api_letter_patch(struct http_req *r, struct err *e)
{
	struct letter_edit_input in = {.sent = DATE_NONE};
	int64_t id;
	const struct http_field fields[] = {
	    [LETTER_F_RECIPIENT] = {"recipient", HF_STRING, 0, &in.recipient, 0, 0},
	    [LETTER_F_ABOUT] = {"about", HF_STRING, 0, &in.about, 0, 0},
	    [LETTER_F_NUMBER] = {"number", HF_STRING, 0, &in.number_symbol, 0, 0},
	    [LETTER_F_SENT] = {"sent", HF_DATE, 0, &in.sent, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_LETTER, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent_fields, e);

	if (rc == 0)
		rc = letter_edit(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}
