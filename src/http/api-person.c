/*
 * api-person.c - persons.
 *
 *   GET /api/persons?q=TEXT&limit=N       search (recorded in the audit trail)
 *   GET /api/persons/{id}[?reason=TEXT]   read (recorded; a leader or an
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

static int limit_param(struct http_req *r, int64_t def, int64_t max, int64_t *ret, struct err *e)
{
	const char *s = http_query(r, "limit");

	*ret = def;
	if (s && parse_i64(s, strlen(s), 1, max, ret) < 0)
		return err_set(e, HOSO_E_RANGE, "limit", "limit phải từ 1 đến %lld",
		               "limit must be 1 to %lld", (long long)max);
	return 0;
}

int api_persons_search(struct http_req *r, struct err *e)
{
	const char *q = http_query(r, "q");
	struct person_list l;
	int64_t limit;
	json_t *arr;
	int rc;

	if (!q || !*q)
		return err_set(e, HOSO_E_MISSING, "q", "Thiếu nội dung tìm kiếm",
		               "The search text is missing");
	if (strlen(q) > 200)
		return err_set(e, HOSO_E_TOO_BIG, "q", NULL, NULL);
	if ((rc = limit_param(r, 20, PERSON_SEARCH_MAX, &limit, e)) < 0 ||
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
	struct person_row p;
	json_t *o, *arr;
	int64_t id;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0)
		return rc;
	rc = person_read(r->app, &r->actor, id, reason, r->arena, &p, &ms, e);
	if (rc < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < ms.n; i++)
		json_array_append_new(
		    arr, json_pack("{s:s?,s:o,s:o,s:s}", "org", org_code(r, ms.v[i].org_id), "from",
		                   date_or_null(ms.v[i].valid_from), "to",
		                   date_or_null(ms.v[i].valid_to), "status", ms.v[i].status));
	o = json_pack(
	    "{s:I,s:s,s:s,s:s,s:s,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s,s:s?,"
	    "s:o,s:o,s:I,s:o}",
	    "id", (json_int_t)p.id, "full_name", p.full_name, "family_name", p.family_name,
	    "middle_name", p.middle_name, "given_name", p.given_name, "sex", p.sex, "birth_date",
	    p.birth_date, "home_town", p.home_town, "residence", p.residence, "ethnicity",
	    p.ethnicity, "cccd", p.cccd, "party_file_no", p.party_file_no, "party_card_no",
	    p.party_card_no, "status", p.status, "org", org_code(r, p.org_id), "admission_date",
	    date_or_null(p.admission_date), "full_member_date", date_or_null(p.full_member_date),
	    "version", (json_int_t)p.version, "memberships", arr);
	return http_reply(r, 200, o);
}

int api_person_access_log(struct http_req *r, struct err *e)
{
	struct audit_list l;
	int64_t id, limit;
	int rc;

	if ((rc = id_param(r, &id, e)) < 0 || (rc = limit_param(r, 100, 1000, &limit, e)) < 0)
		return rc;
	rc = audit_list(r->app, &r->actor, "person", id, 0, 0, (size_t)limit, r->arena, &l, e);
	if (rc == HOSO_E_DENIED) /* not theirs to see: as if it did not exist */
		rc = err_set(e, HOSO_E_NOT_FOUND, "id", "Không tìm thấy hồ sơ", "Record not found");
	if (rc < 0)
		return rc;
	return http_reply(r, 200, json_pack("{s:o}", "entries", api_audit_json(&l)));
}
