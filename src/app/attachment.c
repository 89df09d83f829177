/*
 * attachment.c - files attached to a case (see attachment.h).
 */
#include "app/attachment.h"

#include <sodium.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/correct.h"
#include "app/gate.h"

#include "core/banned.h"

#define WRITE_ROLES (1u << ROLE_OFFICER | 1u << ROLE_LEADER)
#define READ_ROLES  (WRITE_ROLES | 1u << ROLE_VIEWER | 1u << ROLE_ADMIN)

static const char *const pdf_exts[] = {".pdf", NULL};
static const char *const png_exts[] = {".png", NULL};
static const char *const jpeg_exts[] = {".jpg", ".jpeg", NULL};
static const char *const docx_exts[] = {".docx", NULL};

static const struct attachment_type types[] = {
    {"application/pdf", pdf_exts},
    {"image/png", png_exts},
    {"image/jpeg", jpeg_exts},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_exts},
};

static int starts(const unsigned char *d, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(d, magic, n) == 0;
}

static int contains(const unsigned char *d, size_t len, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; n && i + n <= len; i++)
		if (d[i] == (unsigned char)s[0] && memcmp(d + i, s, n) == 0)
			return 1;
	return 0;
}

const struct attachment_type *attachment_sniff(const void *data, size_t len)
{
	const unsigned char *d = data;

	if (!d)
		return NULL;
	if (starts(d, len, "%PDF-", 5))
		return &types[0];
	if (starts(d, len, "\x89PNG\r\n\x1a\n", 8))
		return &types[1];
	if (starts(d, len, "\xff\xd8\xff", 3))
		return &types[2];
	/* A Word document is a ZIP whose parts include word/document.xml
	 * (names are stored in the clear in the local headers). */
	if (starts(d, len, "PK\x03\x04", 4) && contains(d, len, "[Content_Types].xml") &&
	    contains(d, len, "word/document.xml"))
		return &types[3];
	return NULL;
}

static int ends_with_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	if (m > n)
		return 0;
	for (size_t i = 0; i < m; i++) {
		char c = s[n - m + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suffix[i])
			return 0;
	}
	return 1;
}

int attachment_name_clean(struct arena *a, const char *name, const struct attachment_type *t,
                          const char **ret, struct err *e)
{
	const char *base = name, *clean;
	int ok = 0, rc;

	*ret = NULL;
	for (const char *p = name ? name : ""; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return err_set(e, HOSO_E_BAD_NAME, "name", "Tên tệp có ký tự điều khiển",
			               "The file name has control characters");
		if (*p == '/' || *p == '\\')
			base = p + 1;
	}
	if ((rc = app_text_clean(a, base, "name", ATTACHMENT_NAME_MAX, &clean, e)) < 0)
		return rc;
	if (!clean || strcmp(clean, ".") == 0 || strcmp(clean, "..") == 0)
		return err_set(e, HOSO_E_MISSING, "name", "Thiếu tên tệp",
		               "The file name is missing");
	for (const char *const *x = t->exts; *x; x++)
		ok |= ends_with_ci(clean, *x) && strlen(clean) > strlen(*x);
	if (!ok)
		return err_set(e, HOSO_E_BAD_FILE, "name",
		               "Tên tệp phải có đuôi %s cho đúng với nội dung (%s)",
		               "The file name must end in %s to match its contents (%s)",
		               t->exts[0], t->mime);
	*ret = clean;
	return 0;
}

struct blob_write {
	const struct attachment_table *t;
	struct attachment_row *r;
	const void *data;
	size_t len;
	struct arena *a;
};

/* The contents, the row, and the row read back as stored, all inside the
 * transaction: a failure anywhere, the read back or the audit detail
 * included, leaves nothing written. */
static int write_blob(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct blob_write *b = arg;
	struct store *s = app_store(app);
	int64_t id;
	int rc;

	(void)e;
	if ((rc = store_blob_put(s, b->r->sha256, b->data, b->len)) < 0 ||
	    (rc = b->t->insert(s, b->r, &id)) < 0 || (rc = b->t->get(s, id, b->a, b->r)) < 0)
		return rc;
	return json_object_set_new(w->detail, b->t->key, json_integer(id)) == 0 ? 0 : HOSO_E_NOMEM;
}

int attachment_keep(struct app *app, const struct actor *who, int64_t owner,
                    const struct attachment_table *t, struct gate_write *w, const void *data,
                    size_t len, struct arena *a, struct attachment_row *ret, struct err *e)
{
	struct blob_write b = {t, ret, data, len, a};

	ret->case_id = owner;
	ret->user_id = who->user_id;
	w->detail = attachment_detail(ret);
	return gate_write(app, who, w, write_blob, &b, e);
}

static const struct attachment_table case_files = {store_attachment_insert, store_attachment_get,
                                                   "id", NOUN_ATTACHMENT};

int attachment_check(struct arena *a, const char *filename, const void *data, size_t len,
                     struct attachment_row *ret, struct err *e)
{
	const struct attachment_type *t;
	unsigned char hash[crypto_hash_sha256_BYTES];
	char *hex;
	int rc;

	if (len > ATTACHMENT_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "file", ATTACHMENT_TOO_BIG_VI,
		               ATTACHMENT_TOO_BIG_EN, ATTACHMENT_MAX >> 20);
	if (len == 0)
		return err_set(e, HOSO_E_MISSING, "file", "Tệp rỗng", "The file is empty");
	if (!(t = attachment_sniff(data, len)))
		return err_set(e, HOSO_E_BAD_FILE, "file",
		               "Chỉ nhận tệp PDF, ảnh PNG, JPEG hoặc văn bản Word (DOCX)",
		               "Only PDF files, PNG or JPEG images and Word documents (DOCX)");
	if ((rc = attachment_name_clean(a, filename, t, &ret->filename, e)) < 0)
		return rc;
	if (!(hex = arena_alloc(a, crypto_hash_sha256_BYTES * 2 + 1)))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	crypto_hash_sha256(hash, data, len);
	sodium_bin2hex(hex, crypto_hash_sha256_BYTES * 2 + 1, hash, sizeof(hash));
	ret->sha256 = hex;
	ret->mime = t->mime;
	ret->size = (int64_t)len;
	return 0;
}

json_t *attachment_detail(const struct attachment_row *r)
{
	return json_pack("{s:s,s:s,s:s,s:I}", "name", r->filename, "type", r->mime, "sha256",
	                 r->sha256, "size", (json_int_t)r->size);
}

int attachment_add(struct app *app, const struct actor *who, int64_t case_id, const char *filename,
                   const void *data, size_t len, struct arena *a, struct attachment_row *ret,
                   struct err *e)
{
	struct gate_write w = {"attach", "case", case_id, NULL, NOUN_CASE};
	struct case_row c;
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0 ||
	    (rc = case_fetch(app, who, case_id, a, &c, e)) < 0 ||
	    (rc = case_still_open(&c, e)) < 0 ||
	    (rc = attachment_check(a, filename, data, len, ret, e)) < 0)
		return rc;
	return attachment_keep(app, who, case_id, &case_files, &w, data, len, a, ret, e);
}

json_t *attachment_json(const struct attachment_row *r)
{
	json_t *o = json_pack("{s:I,s:s,s:s,s:I,s:s,s:s?}", "id", (json_int_t)r->id, "name",
	                      r->filename, "type", r->mime, "size", (json_int_t)r->size, "sha256",
	                      r->sha256, "at", r->at);

	correct_json(o, r->version, &r->withdrawn);
	return o;
}

int attachment_read(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                    struct attachment_row *ret, const void **ret_data, size_t *ret_len,
                    struct err *e)
{
	struct case_row c;
	int rc;

	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	rc = store_attachment_get(app_store(app), id, a, ret);
	if (rc == 0)
		rc = case_fetch(app, who, ret->case_id, a, &c, e);
	if (rc == HOSO_E_NOT_FOUND)
		return err_set(e, rc, "id", "Không tìm thấy tệp đính kèm", "Attachment not found");
	if (rc < 0)
		return e->code ? rc : err_set(e, rc, NULL, NULL, NULL);
	if ((rc = store_blob_get(app_store(app), ret->sha256, a, ret_data, ret_len)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	return audit_record_json(
	    app, who, (struct audit_entry){"read", "attachment", id, NULL, 0},
	    json_pack("{s:I,s:s}", "case", (json_int_t)ret->case_id, "name", ret->filename), e);
}
