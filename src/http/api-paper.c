/*
 * api-paper.c - the papers of a case (app/paper.h).
 *
 *   GET  /api/papers                      the papers, their templates in
 *                                         force and defaults, the fields
 *   PUT  /api/papers/{code}               change a template (administrators
 *                                         of the whole tree): {template, version}
 *   POST /api/cases/{id}/paper-preview    a paper filled from the case, kept
 *                                         nowhere: {paper, letter?, template?}
 *   POST /api/cases/{id}/papers           generate it as a draft document of
 *                                         the case: {paper, letter?}
 *   GET  /api/documents/{id}/paper?format=docx|pdf   download a paper
 */
#include "http/api-case.h"

#include <string.h>

#include "app/paper.h"

#include "core/banned.h"

int api_papers_get(struct http_req *r, struct err *e)
{
	json_t *o;
	int rc = paper_catalogue(r->app, &r->actor, r->arena, &o, e);

	return rc < 0 ? rc : http_reply(r, 200, o);
}

/* The body's "template" object (a new reference, or NULL when absent) and
 * its other fields read by fields. */
static int body_with_template(struct http_req *r, const struct http_field *fields, size_t n,
                              json_t **ret_tpl, struct err *e)
{
	json_t *body, *tpl;
	int rc;

	*ret_tpl = NULL;
	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	tpl = json_object_get(body, "template");
	if (tpl && !json_is_null(tpl)) {
		if (!json_is_object(tpl))
			return err_set(e, HOSO_E_INVALID, "template",
			               "Mẫu là một đối tượng JSON các phần",
			               "The template is a JSON object of its parts");
		*ret_tpl = json_incref(tpl);
	}
	json_object_del(body, "template");
	rc = http_fields(body, fields, n, r->arena, e);
	if (rc < 0) {
		json_decref(*ret_tpl);
		*ret_tpl = NULL;
	}
	return rc;
}

int api_paper_put(struct http_req *r, struct err *e)
{
	int64_t version = 0;
	const struct http_field fields[] = {{"version", HF_INT, 1, &version, 0, INT64_MAX}};
	json_t *tpl = NULL;
	int rc = body_with_template(r, fields, 1, &tpl, e);

	if (rc == 0 && !tpl)
		rc = err_set(e, HOSO_E_MISSING, "template", "Thiếu mẫu văn bản",
		             "The template is missing");
	if (rc == 0)
		rc = paper_template_set(r->app, &r->actor, http_param(r, "code"), tpl, version, e);
	json_decref(tpl);
	return rc < 0 ? rc
	              : http_reply(r, 200,
	                           json_pack("{s:s,s:I}", "code", http_param(r, "code"), "version",
	                                     (json_int_t)version + 1));
}

int api_case_paper_preview(struct http_req *r, struct err *e)
{
	struct paper_request rq = {NULL, 0, NULL};
	const struct http_field fields[] = {
	    {"paper", HF_STRING, 1, &rq.paper, 0, 0},
	    {"letter", HF_INT, 0, &rq.letter, 1, INT64_MAX},
	};
	int64_t id;
	json_t *o = NULL;
	int rc = api_id(r, NOUN_CASE, &id, e);

	if (rc == 0)
		rc = body_with_template(r, fields, 2, &rq.tpl, e);
	if (rc == 0)
		rc = paper_preview(r->app, &r->actor, id, &rq, r->arena, &o, e);
	json_decref(rq.tpl);
	return rc < 0 ? rc : http_reply(r, 200, o);
}

int api_case_paper_post(struct http_req *r, struct err *e)
{
	struct paper_request rq = {NULL, 0, NULL};
	const struct http_field fields[] = {
	    {"paper", HF_STRING, 1, &rq.paper, 0, 0},
	    {"letter", HF_INT, 0, &rq.letter, 1, INT64_MAX},
	};
	int64_t id, doc = 0;
	int rc = api_id_fields(r, NOUN_CASE, &id, fields, 2, e);

	if (rc == 0)
		rc = paper_generate(r->app, &r->actor, id, &rq, &doc, e);
	return api_reply_id(r, rc, 201, doc);
}

int api_document_paper_get(struct http_req *r, struct err *e)
{
	struct buf out = BUF_INIT((size_t)16 << 20);
	const char *name, *type;
	int64_t id;
	int rc = api_id(r, NOUN_DOCUMENT, &id, e);

	if (rc == 0)
		rc = paper_download(r->app, &r->actor, id, http_query(r, "format"), r->arena, &out,
		                    &name, &type, e);
	if (rc == 0) {
		const char *cd = arena_printf(r->arena, "attachment; filename=\"%s\"", name);

		rc = cd ? http_reply_bytes(r, 200, type, cd, &out)
		        : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	buf_release(&out);
	return rc;
}
