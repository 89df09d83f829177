/*
 * api-denunciation.c - a denunciation's content points
 * (app/denunciation.h).
 *
 *   POST  /api/cases/{id}/points {content}
 *   PATCH /api/points/{id} {content, conclusion: dung|dung_mot_phan|sai|null,
 *         version}: only the fields sent change
 *   POST  /api/points/{id}/withdraw {reason, version} (api-correct.c)
 *   POST  /api/cases/{id}/discipline-case {title}: the discipline a
 *         denunciation found true warrants, linked to it
 */
#include "app/denunciation.h"
#include "http/api-case.h"

#include "core/banned.h"

int api_case_points_post(struct http_req *r, struct err *e)
{
	const char *content = NULL;
	int64_t case_id, id = 0;
	const struct http_field fields[] = {{"content", HF_STRING, 1, &content, 0, 0}};
	int rc = api_id_fields(r, NOUN_CASE, &case_id, fields, 1, e);

	if (rc == 0)
		rc = point_add(r->app, &r->actor, case_id, content, &id, e);
	return api_reply_id(r, rc, 201, id);
}

int api_point_patch(struct http_req *r, struct err *e)
{
	struct point_input in = {0};
	int64_t id;
	const struct http_field fields[] = {
	    [POINT_CONTENT] = {"content", HF_STRING, 0, &in.content, 0, 0},
	    [POINT_CONCLUSION] = {"conclusion", HF_STRING, 0, &in.conclusion, 0, 0},
	    {"version", HF_INT, 0, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_patch(r, NOUN_POINT, &id, fields, sizeof(fields) / sizeof(fields[0]),
	                      &in.sent, e);

	if (rc == 0)
		rc = point_edit(r->app, &r->actor, id, &in, e);
	return api_reply_id(r, rc, 200, id);
}

int api_case_discipline_case_post(struct http_req *r, struct err *e)
{
	return api_open_linked(r, case_open_discipline, e);
}
