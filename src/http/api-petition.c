/*
 * api-petition.c - the register of incoming letters (app/petition.h).
 *
 *   GET  /api/petitions?org=CODE&from=D&to=D&state=S&before=ID&limit=N
 *   POST /api/petitions {org, received, channel, kind, sender_status,
 *        sender_name, sender_address, summary, confidentiality,
 *        subject_orgs: [CODE], subject_persons: [ID], contested_case,
 *        decision_received}
 *   GET  /api/petitions/{id}           (never the sender)
 *   GET  /api/petitions/{id}/sender    (leaders of the receiving body and
 *        the assignees of its case; audited)
 *   POST /api/petitions/{id}/classify {action: thu_ly|chuyen|luu,
 *        transfer_to, transfer_date, transfer_number, reason, note, version}
 *   POST /api/petitions/{id}/scans?name=F   a scan of the letter, the body
 *        the file itself (application/octet-stream)
 *   GET  /api/petition-scans/{id}      its contents, read as the sender is
 *   POST /api/petition-scans/{id}/withdraw {reason, version}
 */
#include "app/attachment.h"
#include "app/org.h"
#include "app/petition.h"
#include "http/api-case.h"

#include "core/banned.h"

int api_petitions_get(struct http_req *r, struct err *e)
{
	struct petition_filter f = {.from = DATE_NONE, .to = DATE_NONE, .limit = 100};
	const char *org = http_query(r, "org");
	int64_t before = 0, limit = 100;
	json_t *j;
	int rc;

	if ((rc = http_query_date(r, "from", &f.from, e)) < 0 ||
	    (rc = http_query_date(r, "to", &f.to, e)) < 0 ||
	    (rc = http_query_i64(r, "before", 1, INT64_MAX, &before, e)) < 0 ||
	    (rc = http_query_i64(r, "limit", 1, 500, &limit, e)) < 0)
		return rc;
	if (org && *org && (rc = org_find(r->app, &r->actor, org, &f.org, e)) < 0)
		return rc;
	f.state = http_query(r, "state");
	f.before = before;
	f.limit = (size_t)limit;
	if ((rc = petition_list(r->app, &r->actor, &f, r->arena, &j, e)) < 0)
		return rc;
	return http_reply(r, 200, j);
}

int api_petitions_post(struct http_req *r, struct err *e)
{
	struct petition_input in = {.received = DATE_NONE, .decision_received = DATE_NONE};
	struct http_list orgs = {0}, persons = {0};
	const char *org = NULL;
	int64_t conf = 0, contested = 0, id = 0;
	const struct http_field fields[] = {
	    {"org", HF_STRING, 1, &org, 0, 0},
	    {"received", HF_DATE, 1, &in.received, 0, 0, DATE_RULE_PAST},
	    {"channel", HF_STRING, 1, &in.channel, 0, 0},
	    {"kind", HF_STRING, 1, &in.kind, 0, 0},
	    {"sender_status", HF_STRING, 1, &in.sender_status, 0, 0},
	    {"sender_name", HF_STRING, 0, &in.sender_name, 0, 0},
	    {"sender_address", HF_STRING, 0, &in.sender_address, 0, 0},
	    {"summary", HF_STRING, 1, &in.summary, 0, 0},
	    {"confidentiality", HF_INT, 0, &conf, 0, CLEARANCE__MAX - 1},
	    {"subject_orgs", HF_STRINGS, 0, &orgs, 0, 0},
	    {"subject_persons", HF_IDS, 0, &persons, 0, 0},
	    {"contested_case", HF_INT, 0, &contested, 1, INT64_MAX},
	    {"decision_received", HF_DATE, 0, &in.decision_received, 0, 0, DATE_RULE_PAST},
	};
	int64_t *org_ids = NULL;
	int rc = http_body_fields(r, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0 && (rc = org_find(r->app, &r->actor, org, &in.org, e)) == HOSO_E_NOT_FOUND)
		gate_not_found(e, "org", NOUN_ORG);
	if (rc == 0 && (rc = api_subject_orgs(r, &orgs, &org_ids, e)) == 0) {
		in.confidentiality = (int)conf;
		in.contested_case = contested;
		in.orgs = org_ids;
		in.norgs = orgs.n;
		in.persons = persons.ids;
		in.npersons = persons.n;
		rc = petition_add(r->app, &r->actor, &in, &id, e);
	}
	return api_reply_id(r, rc, 201, id);
}

int api_petition_get(struct http_req *r, struct err *e)
{
	json_t *j;
	int64_t id;
	int rc;

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0 ||
	    (rc = petition_get(r->app, &r->actor, id, r->arena, &j, e)) < 0)
		return rc;
	return http_reply(r, 200, j);
}

int api_petition_sender_get(struct http_req *r, struct err *e)
{
	const char *name, *address;
	int64_t id;
	int rc;

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0 ||
	    (rc = petition_sender(r->app, &r->actor, id, r->arena, &name, &address, e)) < 0)
		return rc;
	return http_reply(r, 200, json_pack("{s:s?,s:s?}", "name", name, "address", address));
}

int api_petition_classify_post(struct http_req *r, struct err *e)
{
	struct petition_classify_input in = {.transfer_date = DATE_NONE};
	const char *action = NULL;
	int64_t id, case_id = 0;
	const struct http_field fields[] = {
	    {"action", HF_STRING, 1, &action, 0, 0},
	    {"transfer_to", HF_STRING, 0, &in.transfer_to, 0, 0},
	    {"transfer_date", HF_DATE, 0, &in.transfer_date, 0, 0, DATE_RULE_PAST},
	    {"transfer_number", HF_STRING, 0, &in.transfer_number, 0, 0},
	    {"reason", HF_STRING, 0, &in.reason, 0, 0},
	    {"note", HF_STRING, 0, &in.note, 0, 0},
	    {"version", HF_INT, 1, &in.version, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, NOUN_RECORD, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0 && petition_action_parse(action, &in.action) < 0)
		rc = err_set(e, HOSO_E_BAD_ENUM, "action", "Cách xử lý là thu_ly, chuyen hoặc luu",
		             "The action is thu_ly, chuyen or luu");
	if (rc == 0)
		rc = petition_classify(r->app, &r->actor, id, &in, &case_id, e);
	if (rc < 0)
		return rc;
	return http_reply(r, 200,
	                  json_pack("{s:I,s:o}", "id", (json_int_t)id, "case",
	                            case_id ? json_integer(case_id) : json_null()));
}

int api_petition_scan_post(struct http_req *r, struct err *e)
{
	struct attachment_row got;
	int64_t id;
	int rc;

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0 || (rc = api_file_body(r, e)) < 0 ||
	    (rc = petition_scan_add(r->app, &r->actor, id, http_query(r, "name"), r->body,
	                            r->body_len, r->arena, &got, e)) < 0)
		return rc;
	return http_reply(r, 201, attachment_json(&got));
}

int api_petition_scan_get(struct http_req *r, struct err *e)
{
	struct attachment_row a;
	const void *data = NULL;
	size_t len = 0;
	int64_t id;
	int rc;

	if ((rc = api_id(r, NOUN_RECORD, &id, e)) < 0)
		return rc;
	rc = petition_scan_read(r->app, &r->actor, id, r->arena, &a, &data, &len, e);
	return api_file_reply(r, rc, &a, data, len, e);
}

int api_petition_scan_withdraw(struct http_req *r, struct err *e)
{
	const char *reason = NULL;
	int64_t id, version = 0;
	const struct http_field fields[] = {
	    {"reason", HF_STRING, 1, &reason, 0, 0},
	    {"version", HF_INT, 1, &version, 1, INT64_MAX},
	};
	int rc = api_id_fields(r, NOUN_RECORD, &id, fields, sizeof(fields) / sizeof(fields[0]), e);

	if (rc == 0)
		rc = petition_scan_withdraw(r->app, &r->actor, id, reason, version, e);
	return api_reply_version(r, rc, id, version + 1);
}
