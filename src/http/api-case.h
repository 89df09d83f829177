/*
 * api-case.h - what the case routes share (api-case.c, and each kind's
 * api-<noun>.c): the {id} of the path, the body by its fields (of a partial
 * update too), the replies of a write, the due lists' arguments.
 */
#ifndef HOSO_HTTP_API_CASE_H
#define HOSO_HTTP_API_CASE_H

#include "app/deadline.h"
#include "app/gate.h"
#include "http/api.h"

/* The {id} path parameter (a bad one is refused as noun's "not found"). */
int api_id(struct http_req *r, enum gate_noun noun, int64_t *ret, struct err *e);
/* The {id} path parameter and the JSON body read by fields (http_fields). */
int api_id_fields(struct http_req *r, enum gate_noun noun, int64_t *ret_id,
                  const struct http_field *fields, size_t n, struct err *e);
/* The same for a partial update, whose fields end with "version": *ret_sent
 * has bit (1u << i) for each other fields[i] present in the body (null ones
 * too), with PATCH_LISTED (app/patch.h). */
int api_id_patch(struct http_req *r, enum gate_noun noun, int64_t *ret_id,
                 const struct http_field *fields, size_t n, unsigned *ret_sent, struct err *e);
/* The organisation codes of a body's "subject_orgs", as ids (in the
 * arena); one not found is refused naming "subject_orgs". */
int api_subject_orgs(struct http_req *r, const struct http_list *orgs, int64_t **ret,
                     struct err *e);
/* The reply of a write: rc when it failed, else status with {"id"}, or
 * 200 with {"id", "version"}. */
int api_reply_id(struct http_req *r, int rc, int status, int64_t id);
int api_reply_version(struct http_req *r, int rc, int64_t id, int64_t version);
/* ?level=early|late|overdue (default: as *ret) and ?limit=1..1000 of the
 * due lists. */
int api_due_params(struct http_req *r, enum deadline_level *ret, int64_t *limit, struct err *e);
/* A case found leads to another, linked to it (app/case.h's
 * case_open_linked): the body {"title"}, the reply 201 {"id", "number"}. */
typedef int api_opener(struct app *app, const struct actor *who, int64_t id, const char *title,
                       struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e);
int api_open_linked(struct http_req *r, api_opener *open, struct err *e);

#endif
