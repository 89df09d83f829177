/*
 * api-supervision.c - supervision (src/app/supervision.c).
 *
 *   POST /api/cases/{id}/inspection   supervision found signs of violation:
 *                                     open a linked inspection
 */
#include "http/api-case.h"

#include "app/supervision.h"

#include "core/banned.h"

int api_open_linked(struct http_req *r, api_opener *open, struct err *e)
{
	const char *title = NULL, *number = NULL;
	const struct http_field fields[] = {{"title", HF_STRING, 1, &title, 0, 0}};
	int64_t id, opened = 0;
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, 1, e);

	if (rc == 0)
		rc = open(r->app, &r->actor, id, title, r->arena, &opened, &number, e);
	return rc < 0
	           ? rc
	           : http_reply(r, 201,
	                        json_pack("{s:I,s:s}", "id", (json_int_t)opened, "number", number));
}

int api_case_inspection_post(struct http_req *r, struct err *e)
{
	return api_open_linked(r, case_open_inspection, e);
}
