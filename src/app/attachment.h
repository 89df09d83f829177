/*
 * attachment.h - files attached to a case (PDF, PNG, JPEG, DOCX): stored
 * once under their SHA-256, never changed; the type is what the first
 * bytes say, not what the name or the sender claims.  Attaching needs the
 * officer or leader role on a case one may see; every download is in the
 * audit trail.
 */
#ifndef HOSO_APP_ATTACHMENT_H
#define HOSO_APP_ATTACHMENT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/gate.h"
#include "core/arena.h"
#include "store/store.h"

#define ATTACHMENT_MAX      ((size_t)20 << 20) /* bytes in one file */
#define ATTACHMENT_NAME_MAX 200                /* characters in its name */
/* The refusal of a file over ATTACHMENT_MAX (printf, with its MB), here and
 * where the HTTP layer refuses a body too big before reading it. */
#define ATTACHMENT_TOO_BIG_VI "Tệp quá lớn: tối đa %zu MB"
#define ATTACHMENT_TOO_BIG_EN "The file is too large: at most %zu MB"

struct attachment_type {
	const char *mime;
	const char *const *exts; /* the endings its name may have, NULL-terminated */
};

/* The type of data by its first bytes, or NULL when it is none of the
 * accepted types.  Pure: for fuzzing. */
const struct attachment_type *attachment_sniff(const void *data, size_t len);

/* A file name as given ("C:\\Tài liệu\\QĐ 15.pdf"): the last path
 * component, NFC, without control characters, at most
 * ATTACHMENT_NAME_MAX bytes, ending as type t allows.  Pure: for fuzzing. */
int attachment_name_clean(struct arena *a, const char *name, const struct attachment_type *t,
                          const char **ret, struct err *e);

/* The checks of a file about to be kept, and what they find: the type by
 * the first bytes, the size, the name cleaned, the SHA-256 into *ret
 * (filename, mime, size, sha256 set; the rest untouched).  0, or the
 * refusal naming "file" or "name". */
int attachment_check(struct arena *a, const char *filename, const void *data, size_t len,
                     struct attachment_row *ret, struct err *e);
/* The audit detail of a file kept: name, type, sha256, size. */
json_t *attachment_detail(const struct attachment_row *r);

/* Where files of one kind of owner are kept: a case's attachments, a
 * letter's scans - the row's insert and read, the audit detail's key for
 * the new row's id, the noun of a refusal. */
struct attachment_table {
	int (*insert)(struct store *s, const struct attachment_row *r, int64_t *ret_id);
	int (*get)(struct store *s, int64_t id, struct arena *a, struct attachment_row *ret);
	const char *key;
	enum gate_noun noun;
};
/* Keep the file attachment_check filled into *ret for owner, in table t:
 * the contents once in the blob table and the row, in the one audited
 * write w (its detail made here); *ret then as stored. */
int attachment_keep(struct app *app, const struct actor *who, int64_t owner,
                    const struct attachment_table *t, struct gate_write *w, const void *data,
                    size_t len, struct arena *a, struct attachment_row *ret, struct err *e);

/* Attach data as filename to case case_id (audited in the same
 * transaction); *ret describes it. */
int attachment_add(struct app *app, const struct actor *who, int64_t case_id, const char *filename,
                   const void *data, size_t len, struct arena *a, struct attachment_row *ret,
                   struct err *e);

/* One attachment and its contents, when its case is visible (otherwise
 * HOSO_E_NOT_FOUND, as for a missing one); recorded in the audit trail. */
int attachment_read(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                    struct attachment_row *ret, const void **ret_data, size_t *ret_len,
                    struct err *e);

/* An attachment's JSON: id, name, type, size, sha256, at. */
json_t *attachment_json(const struct attachment_row *r);

#endif
