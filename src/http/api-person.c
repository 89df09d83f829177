/*
 * api-person.c - persons.
 *
 *   GET /api/persons?q=TEXT&limit=N       search (recorded in the audit trail)
 *   GET /api/persons/{id}[?reason=TEXT]   read, with memberships and positions
 *                                         (recorded; a leader or an
 *                                         administrator may break the glass
 *                                         outside their scope with a reason)
 *   GET /api/persons/{id}/access-log      who read this record (its managers)
 */
#include "http/api.h"

#include <string.h>

#include "app/audit.h"
#include "app/org.h"
#include "app/person.h"
#include "core/parse.h"

#include "core/banned.h"

static json_t *date_or_null(int32_t d)
{
	char s[DATE_BUF];

	if (d == DATE_OPEN || d == DATE_NONE)
		return json_null();
	date_format_iso(d, s);
	return json_string(s);
}

static const char *org_code(struct http_req *r, int64_t id)
{
	struct org_row o;

	if (!id || org_get(r->app, &r->actor, id, DATE_OPEN, r->arena, &o, NULL) < 0)
		return NULL;
	return o.code;
}

/* A position held: {"title", "org", "org_name" (as the organisation was
 * named when the position began; absent when the organisation is not the
 * caller's to see), "from", "to"}. */
static json_t *position_json(struct http_req *r, const struct position_row *ps)
{
	json_t *o = json_pack("{s:s,s:s?}", "title", ps->title, "org", org_code(r, ps->org_id));
	struct org_row v;

	if (o && json_is_string(json_object_get(o, "org")) &&
	    (org_get(r->app, &r->actor, ps->org_id, ps->valid_from, r->arena, &v, NULL) == 0 ||
	     org_get(r->app, &r->actor, ps->org_id, DATE_OPEN, r->arena, &v, NULL) == 0))
		json_object_set_new(o, "org_name", json_string(v.name));
	json_object_set_new(o, "from", date_or_null(ps->valid_from));
	json_object_set_new(o, "to", date_or_null(ps->valid_to));
	return o;
}

static json_t *person_brief(struct http_req *r, const struct person_row *p)
{
	return json_pack("{s:I,s:s,s:s?,s:s?,s:s,s:s?}", "id", (json_int_t)p->id, "full_name",
	                 p->full_name, "birth_date", p->birth_date, "sex", p->sex, "status",
	                 p->status, "org", org_code(r, p->org_id));
}

static int id_param(struct http_req *r, int64_t *ret, struct err *e)
{
	const char *s = http_param(r, "id");

	if (!s || parse_i64(s, strlen(s), 1, INT64_MAX, ret) < 0)
		return err_set(e, HOSO_E_NOT_FOUND, "id", "Không tìm thấy hồ sơ",
		               "Record not found");
	return 0;
}

int api_persons_search(struct http_req *r, struct err *e)
{
	const char *q = http_query(r, "q");
	struct person_list l;
	int64_t limit = 20;
	json_t *arr;
	int rc;

	if (!q || !*q)
		return err_set(e, HOSO_E_MISSING, "q", "Thiếu nội dung tìm kiếm",
		               "The search text is missing");
	if (strlen(q) > 200)
		return err_set(e, HOSO_E_TOO_BIG, "q", NULL, NULL);
	if ((rc = http_query_i64(r, "limit", 1, PERSON_SEARCH_MAX, &limit, e)) < 0 ||
	    (rc = person_search(r->app, &r->actor, q, (size_t)limit, r->arena, &l, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, person_brief(r, &l.v[i]));
	return http_reply(r, 200, json_pack("{s:s,s:o}", "q", q, "results", arr));
}

int api_person_get(struct http_req *r, struct err *e)
{
	const char *reason = http_query(r, "reason");
	struct membership_list ms;
	struct position_list ps;
	struct person_row p;
	json_t *o, *arr, *pos;
	int64_t id;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0)
		return rc;
	rc = person_read(r->app, &r->actor, id, reason, r->arena, &p, &ms, &ps, e);
	if (rc < 0)
		return rc;
	pos = json_array();
	for (size_t i = 0; i < ps.n; i++)
		json_array_append_new(pos, position_json(r, &ps.v[i]));
	arr = json_array();
	for (size_t i = 0; i < ms.n; i++)
		json_array_append_new(
		    arr, json_pack("{s:s?,s:o,s:o,s:s}", "org", org_code(r, ms.v[i].org_id), "from",
		                   date_or_null(ms.v[i].valid_from), "to",
		                   date_or_null(ms.v[i].valid_to), "status", ms.v[i].status));
	o = json_pack(
	    "{s:I,s:s,s:s,s:s,s:s,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s,s:s?,"
	    "s:o,s:o,s:I,s:o,s:o}",
	    "id", (json_int_t)p.id, "full_name", p.full_name, "family_name", p.family_name,
	    "middle_name", p.middle_name, "given_name", p.given_name, "sex", p.sex, "birth_date",
	    p.birth_date, "home_town", p.home_town, "residence", p.residence, "ethnicity",
	    p.ethnicity, "cccd", p.cccd, "party_file_no", p.party_file_no, "party_card_no",
	    p.party_card_no, "status", p.status, "org", org_code(r, p.org_id), "admission_date",
	    date_or_null(p.admission_date), "full_member_date", date_or_null(p.full_member_date),
	    "version", (json_int_t)p.version, "memberships", arr, "positions", pos);
	return http_reply(r, 200, o);
}

int api_person_access_log(struct http_req *r, struct err *e)
{
	struct audit_list l;
	int64_t id, limit = 100;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 ||
	    (rc = http_query_i64(r, "limit", 1, 1000, &limit, e)) < 0)
		return rc;
	rc = audit_list(r->app, &r->actor,
	                &(struct audit_filter){
	                    .object_type = "person", .object_id = id, .limit = (size_t)limit},
	                r->arena, &l, e);
	if (rc == HOSO_E_DENIED) /* not theirs to see: as if it did not exist */
		rc = err_set(e, HOSO_E_NOT_FOUND, "id", "Không tìm thấy hồ sơ", "Record not found");
	if (rc < 0)
		return rc;
	return http_reply(r, 200, json_pack("{s:o}", "entries", api_audit_json(&l)));
}

/* ---- writes ---- */

/* The fields a client may send for a person, all strings (dates as
 * dd/mm/yyyy or yyyy-mm-dd), plus "org" (a code), "confidentiality" (0-2)
 * and, for updates, "version".  Anything else is refused, so a misspelt
 * field is an error rather than silently ignored. */
static int person_from_json(struct http_req *r, json_t *o, struct person_input *in,
                            int64_t *version, struct err *e)
{
	static const char *const names[] = {
	    "full_name",        "family_name",   "middle_name",    "given_name",       "sex",
	    "birth_date",       "home_town",     "residence",      "ethnicity",        "cccd",
	    "party_file_no",    "party_card_no", "admission_date", "full_member_date", "status",
	    "management_level", "joined"};
	const char **slots[] = {&in->full_name,
	                        &in->family_name,
	                        &in->middle_name,
	                        &in->given_name,
	                        &in->sex,
	                        &in->birth_date,
	                        &in->home_town,
	                        &in->residence,
	                        &in->ethnicity,
	                        &in->cccd,
	                        &in->party_file_no,
	                        &in->party_card_no,
	                        &in->admission_date,
	                        &in->full_member_date,
	                        &in->status,
	                        &in->management_level,
	                        &in->joined};
	const char *key;
	json_t *v;

	memset(in, 0, sizeof(*in));
	json_object_foreach(o, key, v)
	{
		size_t k = 0;

		for (; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(key, names[k]) == 0)
				break;
		if (k < sizeof(names) / sizeof(names[0])) {
			if (json_is_null(v))
				continue;
			if (!json_is_string(v))
				return err_set(e, HOSO_E_INVALID, key, "Trường '%s' phải là chuỗi",
				               "Field '%s' must be a string", key);
			*slots[k] = json_string_value(v);
		} else if (strcmp(key, "org") == 0) {
			if (!json_is_string(v))
				return err_set(e, HOSO_E_INVALID, "org",
				               "Trường 'org' phải là mã tổ chức",
				               "Field 'org' must be an organisation code");
			if (org_find(r->app, &r->actor, json_string_value(v), &in->org_id, e) < 0)
				return e->code;
		} else if (strcmp(key, "confidentiality") == 0) {
			if (!json_is_integer(v) || json_integer_value(v) < 0 ||
			    json_integer_value(v) > 2)
				return err_set(e, HOSO_E_RANGE, key, "Độ mật là 0, 1 hoặc 2",
				               "Confidentiality is 0, 1 or 2");
			in->confidentiality = (int)json_integer_value(v);
		} else if (strcmp(key, "version") == 0 && version) {
			if (!json_is_integer(v) || json_integer_value(v) < 1)
				return err_set(e, HOSO_E_INVALID, key, "Phiên bản không hợp lệ",
				               "Invalid version");
			*version = json_integer_value(v);
		} else {
			return err_set(e, HOSO_E_INVALID, key, "Trường '%s' không được biết",
			               "Unknown field '%s'", key);
		}
	}
	return 0;
}

int api_persons_post(struct http_req *r, struct err *e)
{
	struct person_input in;
	json_t *body;
	int64_t id;
	int rc;

	if ((rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = person_from_json(r, body, &in, NULL, e);
	if (rc == 0)
		rc = person_create(r->app, &r->actor, &in, &id, e);
	json_decref(body);
	if (rc < 0)
		return rc;
	return http_reply(r, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

int api_person_put(struct http_req *r, struct err *e)
{
	struct person_input in;
	int64_t id, version = 0;
	json_t *body;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = person_from_json(r, body, &in, &version, e);
	if (rc == 0 && !version)
		rc = err_set(e, HOSO_E_MISSING, "version",
		             "Thiếu phiên bản của hồ sơ (để phát hiện sửa đồng thời)",
		             "The record's version is missing (to detect concurrent edits)");
	if (rc == 0 && in.org_id)
		rc = err_set(e, HOSO_E_INVALID, "org",
		             "Đổi tổ chức bằng chuyển sinh hoạt (/transfer)",
		             "Change the organisation with a transfer (/transfer)");
	if (rc == 0)
		rc = person_update(r->app, &r->actor, id, version, &in, e);
	json_decref(body);
	if (rc < 0)
		return rc;
	return http_reply(
	    r, 200,
	    json_pack("{s:I,s:I}", "id", (json_int_t)id, "version", (json_int_t)(version + 1)));
}

int api_person_transfer(struct http_req *r, struct err *e)
{
	const char *to, *date, *note;
	json_t *body;
	int64_t id, org;
	int32_t day;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	to = json_string_value(json_object_get(body, "to"));
	date = json_string_value(json_object_get(body, "date"));
	note = json_string_value(json_object_get(body, "note"));
	if (!to || !date)
		rc = err_set(e, HOSO_E_MISSING, !to ? "to" : "date", "Cần 'to' và 'date'",
		             "'to' and 'date' are needed");
	else if (date_parse_iso(date, strlen(date), &day) < 0)
		rc = err_set(e, HOSO_E_BAD_DATE, "date", "Ngày '%s' không hợp lệ (YYYY-MM-DD)",
		             "Invalid date '%s' (YYYY-MM-DD)", date);
	else if ((rc = org_find(r->app, &r->actor, to, &org, e)) == 0)
		rc = person_transfer(r->app, &r->actor, id, org, day, note, e);
	/* Reply before the body (which owns "to") is released. */
	if (rc == 0)
		rc = http_reply(r, 200, json_pack("{s:I,s:s}", "id", (json_int_t)id, "org", to));
	json_decref(body);
	return rc;
}
