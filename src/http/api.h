/*
 * api.h - the API handlers, one group per resource file (api-<noun>.c);
 * routes.c binds them to methods and paths.
 */
#ifndef HOSO_HTTP_API_H
#define HOSO_HTTP_API_H

#include "app/audit.h"
#include "app/gate.h"
#include "http/http.h"

/* The {id} path parameter (a bad one is refused as noun's "not found"). */
int api_id(struct http_req *r, enum gate_noun noun, int64_t *ret, struct err *e);

/* api-health.c */
int api_health_get(struct http_req *r, struct err *e);
int api_version_get(struct http_req *r, struct err *e);

/* api-session.c */
int api_session_post(struct http_req *r, struct err *e);
int api_session_get(struct http_req *r, struct err *e);
int api_session_delete(struct http_req *r, struct err *e);
int api_session_password_put(struct http_req *r, struct err *e);
int api_session_totp_post(struct http_req *r, struct err *e);
int api_session_totp_put(struct http_req *r, struct err *e);

/* api-person.c */
int api_persons_search(struct http_req *r, struct err *e);
int api_person_get(struct http_req *r, struct err *e);
int api_person_access_log(struct http_req *r, struct err *e);
int api_person_cases(struct http_req *r, struct err *e); /* api-context.c */
int api_persons_post(struct http_req *r, struct err *e);
int api_person_confidentiality_put(struct http_req *r, struct err *e);
int api_case_confidentiality_put(struct http_req *r, struct err *e);
int api_person_duplicates_get(struct http_req *r, struct err *e);
int api_person_put(struct http_req *r, struct err *e);
int api_person_transfer(struct http_req *r, struct err *e);

/* api-user.c */
int api_users_get(struct http_req *r, struct err *e);
int api_users_post(struct http_req *r, struct err *e);
int api_user_put(struct http_req *r, struct err *e);

/* api-audit.c */
int api_audit_get(struct http_req *r, struct err *e);
json_t *api_audit_json(const struct audit_list *l);

/* api-cal.c */
int api_calendar_get(struct http_req *r, struct err *e);
int api_calendar_put(struct http_req *r, struct err *e);
int api_calendar_delete(struct http_req *r, struct err *e);

/* api-case.c: the case core (what the kinds' files share: api-case.h) */
int api_case_kinds_get(struct http_req *r, struct err *e);
int api_cases_get(struct http_req *r, struct err *e);
int api_cases_post(struct http_req *r, struct err *e);
int api_case_get(struct http_req *r, struct err *e);
int api_case_transition(struct http_req *r, struct err *e);
int api_case_reopen(struct http_req *r, struct err *e);

/* the inbox (api-notice.c) */
int api_notices_get(struct http_req *r, struct err *e);
int api_notices_read(struct http_req *r, struct err *e);
int api_case_assignable(struct http_req *r, struct err *e);
int api_case_note_post(struct http_req *r, struct err *e);
int api_case_assignees_put(struct http_req *r, struct err *e);
int api_case_document_post(struct http_req *r, struct err *e);
int api_deadline_rules_get(struct http_req *r, struct err *e);
int api_deadline_rule_put(struct http_req *r, struct err *e);
/* the due lists: api-due.c */
int api_deadlines_get(struct http_req *r, struct err *e);
int api_letters_get(struct http_req *r, struct err *e);
int api_return_reports_get(struct http_req *r, struct err *e);
int api_remedies_overdue_get(struct http_req *r, struct err *e);

/* api-codes.c */
int api_codes_get(struct http_req *r, struct err *e);

/* api-attachment.c */
int api_case_attachment_post(struct http_req *r, struct err *e);
int api_attachment_get(struct http_req *r, struct err *e);
/* What the file routes share (api-attachment.c): 0 when the body is sent
 * as application/octet-stream (no HTML form can: a guard against
 * cross-site posts), else the refusal naming "file"; a download of the
 * file named by {id} (a bad id refused as noun's "not found"), read by
 * read (attachment_read, petition_scan_read) and always sent as an
 * attachment. */
int api_file_body(struct http_req *r, struct err *e);
struct attachment_row;
typedef int api_file_reader(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                            struct attachment_row *ret, const void **ret_data, size_t *ret_len,
                            struct err *e);
int api_file_get(struct http_req *r, enum gate_noun noun, api_file_reader *read, struct err *e);

/* the kinds' own routes: api-<noun>.c */
int api_case_trip_put(struct http_req *r, struct err *e);
int api_case_traveller_post(struct http_req *r, struct err *e);
int api_traveller_post(struct http_req *r, struct err *e);
int api_case_stay_put(struct http_req *r, struct err *e);
int api_case_appraisal_put(struct http_req *r, struct err *e);
int api_case_appraisal_doc_post(struct http_req *r, struct err *e);
int api_case_relative_post(struct http_req *r, struct err *e);
int api_case_letter_post(struct http_req *r, struct err *e);
int api_letter_post(struct http_req *r, struct err *e);
int api_case_actor_put(struct http_req *r, struct err *e);
int api_case_finding_post(struct http_req *r, struct err *e);
int api_finding_remedy_post(struct http_req *r, struct err *e);
int api_remedy_post(struct http_req *r, struct err *e);
int api_case_discipline_post(struct http_req *r, struct err *e);
int api_case_inspection_post(struct http_req *r, struct err *e);
int api_case_discipline_case_post(struct http_req *r, struct err *e);

/* papers: api-paper.c */
int api_papers_get(struct http_req *r, struct err *e);
int api_paper_put(struct http_req *r, struct err *e);
int api_case_paper_preview(struct http_req *r, struct err *e);
int api_case_paper_post(struct http_req *r, struct err *e);
int api_document_paper_get(struct http_req *r, struct err *e);

/* corrections: api-correct.c, and each noun's PATCH in its file */
int api_case_patch(struct http_req *r, struct err *e);
int api_document_patch(struct http_req *r, struct err *e);
int api_finding_patch(struct http_req *r, struct err *e);
int api_remedy_patch(struct http_req *r, struct err *e);
int api_traveller_patch(struct http_req *r, struct err *e);
int api_relative_patch(struct http_req *r, struct err *e);
int api_letter_patch(struct http_req *r, struct err *e);
int api_withdraw(struct http_req *r, struct err *e); /* POST /api/<noun>/{id}/withdraw */
int api_case_points_post(struct http_req *r, struct err *e);
int api_point_patch(struct http_req *r, struct err *e);

/* reports: api-report.c */
int api_petitions_get(struct http_req *r, struct err *e);
int api_petitions_post(struct http_req *r, struct err *e);
int api_petition_get(struct http_req *r, struct err *e);
int api_petition_sender_get(struct http_req *r, struct err *e);
int api_petition_classify_post(struct http_req *r, struct err *e);
int api_petition_scan_post(struct http_req *r, struct err *e);
int api_petition_scan_get(struct http_req *r, struct err *e);
int api_petition_scan_withdraw(struct http_req *r, struct err *e);
int api_reports_get(struct http_req *r, struct err *e);
int api_report_records_get(struct http_req *r, struct err *e);
int api_report_submissions_get(struct http_req *r, struct err *e);
int api_report_submissions_post(struct http_req *r, struct err *e);
int api_report_submission_get(struct http_req *r, struct err *e);
int api_report_submission_post(struct http_req *r, struct err *e);

/* api-org.c */
int api_orgs_get(struct http_req *r, struct err *e);
int api_org_get(struct http_req *r, struct err *e);
int api_org_members(struct http_req *r, struct err *e);
int api_org_cases(struct http_req *r, struct err *e); /* api-context.c */
int api_orgs_post(struct http_req *r, struct err *e);
int api_org_rename(struct http_req *r, struct err *e);
int api_org_terms_get(struct http_req *r, struct err *e);
int api_org_terms_post(struct http_req *r, struct err *e);
int api_org_move(struct http_req *r, struct err *e);
int api_org_dissolve(struct http_req *r, struct err *e);
int api_orgs_merge(struct http_req *r, struct err *e);
int api_org_split(struct http_req *r, struct err *e);

#endif
