/*
 * fields.c - a JSON body's fields by a table: each named, typed, required or
 * not, written to where the caller says.  Unknown fields, wrong types,
 * numbers out of range and malformed dates are refused with an error that
 * names the field, so that no handler has to check a body by hand.
 */
#include "http/http.h"

#include <stdio.h>
#include <string.h>

#include "app/label.h"
#include "core/date.h"

#include "core/banned.h"

#define LIST_MAX      1000
#define LIST_MAX_TEXT "1000"

/* A message naming the field as a person reads it: by its label when it
 * has one ("Ngày mở hồ sơ"), else as "Trường 'key'". */
static int say(struct err *e, int code, const char *key, const char *vi, const char *en)
{
	const char *lv = label_vi(key), *le = label_en(key);

	if (lv)
		err_set(e, code, key, "%s %s", NULL, lv, vi);
	else
		err_set(e, code, key, "Trường '%s' %s", NULL, key, vi);
	if (e)
		le ? err_en(e, "%s %s", le, en) : err_en(e, "Field '%s' %s", key, en);
	return code;
}

static int wrong(struct err *e, const char *key, const char *vi, const char *en)
{
	return say(e, HOSO_E_INVALID, key, vi, en);
}

static int range(struct err *e, const char *key, int64_t min, int64_t max)
{
	char vi[64], en[64];

	snprintf(vi, sizeof(vi), "phải từ %lld đến %lld", (long long)min, (long long)max);
	snprintf(en, sizeof(en), "must be from %lld to %lld", (long long)min, (long long)max);
	return say(e, HOSO_E_RANGE, key, vi, en);
}

/* A date: a real day (not 31/02), within the field's range (rule). */
static int take_date(const struct http_field *f, const char *key, json_t *v, struct err *e)
{
	const char *lv = label_vi(key), *le = label_en(key);
	struct buf vi = BUF_INIT(256), en = BUF_INIT(256);
	int rc;

	if (!json_is_string(v) ||
	    date_parse_iso(json_string_value(v), json_string_length(v), (int32_t *)f->out) < 0)
		return say(e, HOSO_E_BAD_DATE, key, "không phải ngày có thật (YYYY-MM-DD)",
		           "is not a real date (YYYY-MM-DD)");
	if (lv)
		rc = buf_adds(&vi, lv) | buf_adds(&en, le);
	else
		rc = buf_addf(&vi, "Trường '%s'", key) | buf_addf(&en, "Field '%s'", key);
	rc = rc < 0 ? err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL)
	            : date_rule_check(f->rule, *(int32_t *)f->out, date_today(), key, vi.buf,
	                              en.buf, e);
	buf_release(&vi);
	buf_release(&en);
	return rc;
}

static int take_list(const char *key, json_t *v, int strings, struct arena *a,
                     struct http_list *out, struct err *e)
{
	size_t n = json_array_size(v);

	if (!json_is_array(v))
		return wrong(e, key, strings ? "phải là danh sách chuỗi" : "phải là danh sách số",
		             strings ? "must be a list of strings" : "must be a list of numbers");
	if (n > LIST_MAX)
		return say(e, HOSO_E_TOO_BIG, key,
		           "có quá nhiều mục (tối đa " LIST_MAX_TEXT " mục)",
		           "has too many items (at most " LIST_MAX_TEXT ")");
	out->n = n;
	if (strings) {
		const char **s = arena_alloc(a, (n ? n : 1) * sizeof(*s));

		if (!s)
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		for (size_t i = 0; i < n; i++) {
			if (!json_is_string(json_array_get(v, i)))
				return wrong(e, key, "phải là danh sách chuỗi",
				             "must be a list of strings");
			s[i] = json_string_value(json_array_get(v, i));
		}
		out->strs = s;
	} else {
		int64_t *ids = arena_alloc(a, (n ? n : 1) * sizeof(*ids));

		if (!ids)
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		for (size_t i = 0; i < n; i++) {
			json_t *x = json_array_get(v, i);

			if (!json_is_integer(x) || json_integer_value(x) < 1)
				return wrong(e, key, "phải là danh sách số định danh",
				             "must be a list of ids");
			ids[i] = json_integer_value(x);
		}
		out->ids = ids;
	}
	return 0;
}

static int take(const struct http_field *f, const char *key, json_t *v, struct arena *a,
                struct err *e)
{
	switch (f->type) {
	case HF_STRING:
		if (!json_is_string(v))
			return wrong(e, key, "phải là chuỗi", "must be a string");
		*(const char **)f->out = json_string_value(v);
		return 0;
	case HF_INT:
		if (!json_is_integer(v))
			return wrong(e, key, "phải là số nguyên", "must be an integer");
		if (json_integer_value(v) < f->min || json_integer_value(v) > f->max)
			return range(e, key, f->min, f->max);
		*(int64_t *)f->out = json_integer_value(v);
		return 0;
	case HF_DATE:
		return take_date(f, key, v, e);
	case HF_BOOL:
		if (!json_is_boolean(v))
			return wrong(e, key, "phải là true hoặc false", "must be true or false");
		*(int *)f->out = json_is_true(v);
		return 0;
	case HF_IDS:
	case HF_STRINGS:
		return take_list(key, v, f->type == HF_STRINGS, a, f->out, e);
	}
	return err_set(e, HOSO_E_INVALID, key, NULL, NULL);
}

int http_fields(json_t *body, const struct http_field *fields, size_t n, struct arena *a,
                struct err *e)
{
	const char *key;
	json_t *v;
	int rc;

	json_object_foreach(body, key, v)
	{
		size_t i = 0;

		while (i < n && strcmp(fields[i].name, key) != 0)
			i++;
		if (i == n) /* an empty name is named as "" */
			return err_set(e, HOSO_E_INVALID, *key ? key : "\"\"",
			               "Trường '%s' không được biết", "Unknown field '%s'", key);
		if (json_is_null(v) && !fields[i].required)
			continue;
		if ((rc = take(&fields[i], key, v, a, e)) < 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++)
		if (fields[i].required && !json_object_get(body, fields[i].name))
			return say(e, HOSO_E_MISSING, fields[i].name, "chưa được nhập",
			           "is missing");
	return 0;
}

int http_body_fields(struct http_req *r, const struct http_field *fields, size_t n, struct err *e)
{
	json_t *body;
	int rc = http_json_body(r, &body, e);

	return rc < 0 ? rc : http_fields(body, fields, n, r->arena, e);
}
