/*
 * patch.c - partial updates of a record (patch.h).
 */
#include "app/patch.h"

#include <string.h>

#include "app/codes.h"
#include "app/gate.h"
#include "app/label.h"
#include "core/date.h"
#include "store/store.h"

#include "core/banned.h"

int patch_sent(unsigned sent, size_t i)
{
	return !sent || (i < 31 && (sent & (1u << i)));
}

static json_t *value_json(enum patch_type t, const void *v)
{
	switch (t) {
	case PATCH_CODE:
	case PATCH_TEXT:
		return *(const char *const *)v ? json_string(*(const char *const *)v) : json_null();
	case PATCH_DATE:
		return code_date_json(*(const int32_t *)v);
	case PATCH_FLAG:
		return json_boolean(*(const int *)v);
	case PATCH_ID:
		return *(const int64_t *)v ? json_integer(*(const int64_t *)v) : json_null();
	}
	return json_null();
}

static int same(enum patch_type t, const void *x, const void *y)
{
	const char *s, *u;

	switch (t) {
	case PATCH_CODE:
	case PATCH_TEXT:
		s = *(const char *const *)x;
		u = *(const char *const *)y;
		return s == u || (s && u && strcmp(s, u) == 0);
	case PATCH_DATE:
		return *(const int32_t *)x == *(const int32_t *)y;
	case PATCH_FLAG:
		return !*(const int *)x == !*(const int *)y;
	case PATCH_ID:
		return *(const int64_t *)x == *(const int64_t *)y;
	}
	return 0;
}

/* The value sent for field f, cleaned, into *ret (of f's type). */
static int take(struct arena *a, const struct patch_field *f, void *ret, struct err *e)
{
	switch (f->type) {
	case PATCH_TEXT:
		return app_text_clean(a, *(const char *const *)f->sent, f->name, f->max,
		                      (const char **)ret, e);
	case PATCH_CODE:
		*(const char **)ret = *(const char *const *)f->sent;
		if (*(const char **)ret && !**(const char **)ret)
			*(const char **)ret = NULL;
		return 0;
	case PATCH_DATE:
		*(int32_t *)ret = *(const int32_t *)f->sent;
		if (*(int32_t *)ret == DATE_OPEN)
			*(int32_t *)ret = DATE_NONE;
		return 0;
	case PATCH_FLAG:
		*(int *)ret = !!*(const int *)f->sent;
		return 0;
	case PATCH_ID:
		*(int64_t *)ret = *(const int64_t *)f->sent;
		return 0;
	}
	return HOSO_E_INVALID;
}

int patch_apply(struct arena *a, const struct patch_field *f, size_t n, unsigned sent,
                json_t **ret_changes, struct err *e)
{
	json_t *changes = json_object();
	/* out of memory here must fail the change: a change missing from
	 * the list would be written unaudited, or not at all but reported */
	int rc = changes ? 0 : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		union {
			const char *s;
			int32_t d;
			int b;
			int64_t id;
		} now;

		if (!patch_sent(sent, i))
			continue;
		if ((rc = take(a, &f[i], &now, e)) < 0)
			break;
		if (same(f[i].type, f[i].value, &now))
			continue;
		if (json_object_set_new(changes, f[i].name,
		                        json_pack("{s:o,s:o}", "before",
		                                  value_json(f[i].type, f[i].value), "after",
		                                  value_json(f[i].type, &now))) < 0) {
			rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
			break;
		}
		switch (f[i].type) {
		case PATCH_CODE:
		case PATCH_TEXT:
			*(const char **)f[i].value = now.s;
			break;
		case PATCH_DATE:
			*(int32_t *)f[i].value = now.d;
			break;
		case PATCH_FLAG:
			*(int *)f[i].value = now.b;
			break;
		case PATCH_ID:
			*(int64_t *)f[i].value = now.id;
			break;
		}
	}
	if (rc < 0) {
		json_decref(changes);
		changes = NULL;
	}
	*ret_changes = changes;
	return rc;
}

int patch_required(const struct patch_field *f, size_t n, unsigned required, struct err *e)
{
	for (size_t i = 0; i < n && i < 31; i++) {
		int none = 0;

		if (!(required & (1u << i)))
			continue;
		if (f[i].type == PATCH_CODE || f[i].type == PATCH_TEXT)
			none = !*(const char *const *)f[i].value;
		else if (f[i].type == PATCH_DATE)
			none = *(const int32_t *)f[i].value == DATE_NONE;
		else if (f[i].type == PATCH_ID)
			none = *(const int64_t *)f[i].value == 0;
		if (none && label_vi(f[i].name)) {
			err_set(e, HOSO_E_MISSING, f[i].name, "%s chưa được nhập", NULL,
			        label_vi(f[i].name));
			if (e)
				err_en(e, "%s is missing", label_en(f[i].name));
			return HOSO_E_MISSING;
		}
		if (none)
			return err_set(e, HOSO_E_MISSING, f[i].name, "Thiếu trường '%s'",
			               "Field '%s' is missing", f[i].name);
	}
	return 0;
}

int patch_stored(int rc, struct err *e)
{
	return rc == HOSO_E_NOT_FOUND ? 0 : gate_store_error(e, rc, NOUN_CASE);
}

static int write_part(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	const struct patch_part *p = arg;

	(void)w;
	(void)e;
	return p->put(app_store(app), p->record);
}

int patch_part(struct app *app, const struct actor *who, const struct patch_part *p,
               struct arena *a, struct err *e)
{
	struct gate_write w = {p->action, "case", p->case_id, NULL, NOUN_CASE};
	int rc;

	if (p->version && p->version != p->stored)
		return gate_store_error(e, HOSO_E_CONFLICT, NOUN_CASE);
	if ((rc = patch_apply(a, p->fields, p->nfields, p->sent, &w.detail, e)) == 0 &&
	    (rc = patch_required(p->fields, p->nfields, p->required, e)) == 0 &&
	    (!p->check || (rc = p->check(p->record, e)) == 0) &&
	    (json_object_size(w.detail) || !p->stored))
		rc = gate_write(app, who, &w, write_part, (void *)p, e);
	json_decref(w.detail);
	return rc;
}

int patch_case_part(struct app *app, const struct actor *who, enum case_kind_id kind,
                    struct patch_part *p, const int64_t *version,
                    int (*load)(struct app *app, int64_t case_id, struct arena *a, void *record,
                                struct err *e),
                    struct err *e)
{
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = case_of_kind(app, who, p->case_id, kind, CASE_OFFICER, &a, &c, e)) == 0 &&
	    (rc = load(app, p->case_id, &a, (void *)p->record, e)) == 0) {
		p->stored = *version;
		rc = patch_part(app, who, p, &a, e);
	}
	arena_release(&a);
	return rc;
}
