/*
 * api-person.c - persons.
 *
 *   GET /api/persons?q=TEXT&limit=N       search (recorded in the audit trail)
 *   GET /api/persons/{id}[?reason=TEXT]   read, with memberships and positions
 *                                         (recorded; a leader or an
 *                                         administrator may break the glass
 *                                         outside their scope with a reason)
 *   GET /api/persons/{id}/access-log      who read this record (its managers)
 *   POST /api/persons                     a new record
 *   PUT /api/persons/{id}                 correct it: only the fields sent
 *                                         change (null clears one)
 *   PUT /api/persons/{id}/confidentiality classify or declassify (leaders)
 *   GET /api/person-duplicates            records kept as possible duplicates
 */
#include "http/api.h"

#include <string.h>

#include "app/audit.h"
#include "app/org.h"
#include "app/person.h"

#include "core/banned.h"

int api_persons_search(struct http_req *r, struct err *e)
{
	struct person_list l;
	const char *q;
	size_t limit;
	json_t *arr;
	int rc;

	if ((rc = http_query_search(r, PERSON_SEARCH_MAX, &q, &limit, e)) < 0 ||
	    (rc = person_search(r->app, &r->actor, q, limit, r->arena, &l, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, person_brief_json(r->app, &r->actor, &l.v[i], r->arena));
	return http_reply(r, 200, json_pack("{s:s,s:o}", "q", q, "results", arr));
}

int api_person_get(struct http_req *r, struct err *e)
{
	const char *reason = http_query(r, "reason");
	struct membership_list ms;
	struct position_list ps;
	struct person_row p;
	int64_t id;
	int rc;

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0 ||
	    (rc = person_read(r->app, &r->actor, id, reason, r->arena, &p, &ms, &ps, e)) < 0)
		return rc;
	return http_reply(r, 200, person_view_json(r->app, &r->actor, &p, &ms, &ps, r->arena));
}

int api_person_access_log(struct http_req *r, struct err *e)
{
	struct audit_list l;
	int64_t id, limit = 100;
	int rc;

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0 ||
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
 * dd/mm/yyyy or yyyy-mm-dd), plus, for a new record, "org" (a code) and
 * "confidentiality" (0-2), and, for updates, "version".  In an update a
 * field left out keeps its value and null clears it.  Anything else is
 * refused, so a misspelt field is an error rather than silently ignored. */
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
			if (json_is_null(v)) {
				*slots[k] = ""; /* cleared (an update) or not given */
				continue;
			}
			if (!json_is_string(v))
				return err_set(e, HOSO_E_INVALID, key, "Trường '%s' phải là chuỗi",
				               "Field '%s' must be a string", key);
			*slots[k] = json_string_value(v);
		} else if (version &&
		           (strcmp(key, "org") == 0 || strcmp(key, "confidentiality") == 0)) {
			return err_set(e, HOSO_E_INVALID, key,
			               strcmp(key, "org") == 0
			                   ? "Đổi tổ chức bằng chuyển sinh hoạt (/transfer)"
			                   : "Đổi độ mật bằng thao tác riêng (/confidentiality), "
			                     "dành cho lãnh đạo",
			               strcmp(key, "org") == 0
			                   ? "Change the organisation with a transfer (/transfer)"
			                   : "Change the confidentiality with its own action "
			                     "(/confidentiality), "
			                     "for leaders");
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

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
		return rc;
	rc = person_from_json(r, body, &in, &version, e);
	if (rc == 0 && !version)
		rc = err_set(e, HOSO_E_MISSING, "version",
		             "Thiếu phiên bản của hồ sơ (để phát hiện sửa đồng thời)",
		             "The record's version is missing (to detect concurrent edits)");
	if (rc == 0)
		rc = person_update(r->app, &r->actor, id, version, &in, e);
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

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0 || (rc = http_json_body(r, &body, e)) < 0)
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
	return rc < 0 ? rc
	              : http_reply(r, 200, json_pack("{s:I,s:s}", "id", (json_int_t)id, "org", to));
}

int api_person_duplicates_get(struct http_req *r, struct err *e)
{
	struct person_dup_pair *v;
	json_t *arr;
	size_t n;
	int rc;

	if ((rc = person_duplicates(r->app, &r->actor, r->arena, &v, &n, e)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
		    arr, json_pack("{s:o,s:o}", "person",
		                   person_brief_json(r->app, &r->actor, &v[i].p, r->arena),
		                   "duplicate_of",
		                   person_brief_json(r->app, &r->actor, &v[i].of, r->arena)));
	return http_reply(r, 200, json_pack("{s:o}", "duplicates", arr));
}
