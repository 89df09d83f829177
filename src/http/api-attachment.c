/*
 * api-attachment.c - files attached to a case.
 *
 *   POST /api/cases/{id}/attachments?name=F   the body is the file itself
 *                                            (Content-Type:
 *                                            application/octet-stream)
 *   GET  /api/attachments/{id}                download (audited), always
 *                                            as an attachment, never shown
 *                                            inline
 */
#include "http/api.h"

#include <string.h>

#include "app/attachment.h"
#include "core/parse.h"

#include "core/banned.h"

static int id_of(struct http_req *r, const char *vi, const char *en, int64_t *ret, struct err *e)
{
	const char *s = http_param(r, "id");

	if (!s || parse_i64(s, strlen(s), 1, INT64_MAX, ret) < 0)
		return err_set(e, HOSO_E_NOT_FOUND, "id", "%s", "%s", vi, en);
	return 0;
}

int api_file_body(struct http_req *r, struct err *e)
{
	const char *ct = http_header(r, "Content-Type");

	/* Not a type an HTML form can send: a guard against cross-site posts. */
	if (!ct || strncmp(ct, "application/octet-stream", 24) != 0)
		return err_set(e, HOSO_E_INVALID, "file",
		               "Gửi tệp với Content-Type: application/octet-stream",
		               "Send the file with Content-Type: application/octet-stream");
	return 0;
}

int api_case_attachment_post(struct http_req *r, struct err *e)
{
	struct attachment_row got;
	int64_t id;
	int rc;

	if ((rc = id_of(r, "Không tìm thấy hồ sơ vụ việc", "Case not found", &id, e)) < 0 ||
	    (rc = api_file_body(r, e)) < 0)
		return rc;
	rc = attachment_add(r->app, &r->actor, id, http_query(r, "name"), r->body, r->body_len,
	                    r->arena, &got, e);
	return rc < 0 ? rc : http_reply(r, 201, attachment_json(&got));
}

/* The Content-Disposition of a download: an ASCII fallback name and the
 * real one percent-encoded (RFC 6266, RFC 8187). */
static int disposition(const char *name, struct buf *out)
{
	int rc = buf_adds(out, "attachment; filename=\"");

	/* One '_' for each character that is not plain ASCII. */
	for (const unsigned char *p = (const unsigned char *)name; rc == 0 && *p; p++)
		if (*p < 0x80 || *p >= 0xc0)
			rc = buf_addch(out, *p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\' ||
			                            *p == '%'
			                        ? '_'
			                        : (char)*p);
	if (rc == 0)
		rc = buf_adds(out, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; rc == 0 && *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p))
			rc = buf_addch(out, (char)*p);
		else
			rc = buf_addf(out, "%%%02X", *p);
	}
	return rc;
}

int api_file_reply(struct http_req *r, int rc, const struct attachment_row *a, const void *data,
                   size_t len, struct err *e)
{
	struct buf body = BUF_INIT(ATTACHMENT_MAX), cd = BUF_INIT(4096);

	if (rc == 0 && (buf_add(&body, data, len) < 0 || disposition(a->filename, &cd) < 0))
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if (rc == 0) {
		const char *d = arena_strdup(r->arena, cd.buf);

		rc = d ? http_reply_bytes(r, 200, a->mime, d, &body)
		       : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	buf_release(&body);
	buf_release(&cd);
	return rc;
}

int api_attachment_get(struct http_req *r, struct err *e)
{
	struct attachment_row a;
	const void *data = NULL;
	size_t len = 0;
	int64_t id;
	int rc;

	if ((rc = id_of(r, "Không tìm thấy tệp đính kèm", "Attachment not found", &id, e)) < 0)
		return rc;
	rc = attachment_read(r->app, &r->actor, id, r->arena, &a, &data, &len, e);
	return api_file_reply(r, rc, &a, data, len, e);
}
