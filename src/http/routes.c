/*
 * routes.c - the route table: every API route the server registers, one
 * line each, grouped by resource (the handlers live in api-<noun>.c).
 * docs/openapi.yaml describes exactly these (a test checks it).
 */
#include "http/api.h"

#include "core/banned.h"

static const struct http_route health_get = {"GET", "/api/health", api_health_get, HTTP_PUBLIC};
static const struct http_route version_get = {"GET", "/api/version", api_version_get, HTTP_PUBLIC};
static const struct http_route session_post = {"POST", "/api/session", api_session_post,
                                               HTTP_PUBLIC};
static const struct http_route session_get = {"GET", "/api/session", api_session_get};
static const struct http_route session_delete = {"DELETE", "/api/session", api_session_delete};
static const struct http_route password_put = {"PUT", "/api/session/password",
                                               api_session_password_put};

static const struct http_route totp_post = {"POST", "/api/session/totp", api_session_totp_post};
static const struct http_route totp_put = {"PUT", "/api/session/totp", api_session_totp_put};
static const struct http_route orgs_get = {"GET", "/api/orgs", api_orgs_get};
static const struct http_route persons_get = {"GET", "/api/persons", api_persons_search};
static const struct http_route person_get = {"GET", "/api/persons/{id}", api_person_get};
static const struct http_route person_log = {"GET", "/api/persons/{id}/access-log",
                                             api_person_access_log};
static const struct http_route org_get = {"GET", "/api/orgs/{code}", api_org_get};
static const struct http_route org_members = {"GET", "/api/orgs/{code}/members", api_org_members};
static const struct http_route org_terms_get = {"GET", "/api/orgs/{code}/terms", api_org_terms_get};
static const struct http_route org_terms_post = {"POST", "/api/orgs/{code}/terms",
                                                 api_org_terms_post};
static const struct http_route orgs_post = {"POST", "/api/orgs", api_orgs_post};
static const struct http_route orgs_merge = {"POST", "/api/orgs/merge", api_orgs_merge};
static const struct http_route org_rename = {"POST", "/api/orgs/{code}/rename", api_org_rename};
static const struct http_route org_move = {"POST", "/api/orgs/{code}/move", api_org_move};
static const struct http_route org_split = {"POST", "/api/orgs/{code}/split", api_org_split};
static const struct http_route org_dissolve = {"POST", "/api/orgs/{code}/dissolve",
                                               api_org_dissolve};
static const struct http_route persons_post = {"POST", "/api/persons", api_persons_post};
static const struct http_route person_put = {"PUT", "/api/persons/{id}", api_person_put};
static const struct http_route person_conf_put = {"PUT", "/api/persons/{id}/confidentiality",
                                                  api_person_confidentiality_put};
static const struct http_route case_conf_put = {"PUT", "/api/cases/{id}/confidentiality",
                                                api_case_confidentiality_put};
static const struct http_route person_dups_get = {"GET", "/api/person-duplicates",
                                                  api_person_duplicates_get};
static const struct http_route person_transfer = {"POST", "/api/persons/{id}/transfer",
                                                  api_person_transfer};
static const struct http_route users_get = {"GET", "/api/users", api_users_get};
static const struct http_route users_post = {"POST", "/api/users", api_users_post};
static const struct http_route user_put = {"PUT", "/api/users/{username}", api_user_put};
static const struct http_route audit_get = {"GET", "/api/audit", api_audit_get};
static const struct http_route calendar_get = {"GET", "/api/calendar", api_calendar_get};
static const struct http_route calendar_put = {"PUT", "/api/calendar/{date}", api_calendar_put};
static const struct http_route calendar_delete = {"DELETE", "/api/calendar/{date}",
                                                  api_calendar_delete};
static const struct http_route codes_get = {"GET", "/api/codes", api_codes_get};
static const struct http_route case_kinds_get = {"GET", "/api/case-kinds", api_case_kinds_get};
static const struct http_route cases_get = {"GET", "/api/cases", api_cases_get};
static const struct http_route cases_post = {"POST", "/api/cases", api_cases_post};
static const struct http_route case_get = {"GET", "/api/cases/{id}", api_case_get};
static const struct http_route case_transition = {"POST", "/api/cases/{id}/transition",
                                                  api_case_transition};
static const struct http_route case_notes = {"POST", "/api/cases/{id}/notes", api_case_note_post};
static const struct http_route case_documents = {"POST", "/api/cases/{id}/documents",
                                                 api_case_document_post};
static const struct http_route deadlines_get = {"GET", "/api/deadlines", api_deadlines_get};
static const struct http_route rules_get = {"GET", "/api/deadline-rules", api_deadline_rules_get};
static const struct http_route rule_put = {"PUT", "/api/deadline-rules/{code}",
                                           api_deadline_rule_put};
static const struct http_route case_letters = {"POST", "/api/cases/{id}/letters",
                                               api_case_letter_post};
static const struct http_route case_disciplines = {"POST", "/api/cases/{id}/disciplines",
                                                   api_case_discipline_post};
static const struct http_route case_inspection = {"POST", "/api/cases/{id}/inspection",
                                                  api_case_inspection_post};
static const struct http_route case_findings = {"POST", "/api/cases/{id}/findings",
                                                api_case_finding_post};
static const struct http_route finding_remedies = {"POST", "/api/findings/{id}/remedies",
                                                   api_finding_remedy_post};
static const struct http_route remedy_post = {"POST", "/api/remedies/{id}", api_remedy_post};
static const struct http_route case_trip = {"PUT", "/api/cases/{id}/trip", api_case_trip_put};
static const struct http_route case_trip_patch = {"PATCH", "/api/cases/{id}/trip",
                                                  api_case_trip_put};
static const struct http_route case_stay = {"PUT", "/api/cases/{id}/stay", api_case_stay_put};
static const struct http_route case_stay_patch = {"PATCH", "/api/cases/{id}/stay",
                                                  api_case_stay_put};
static const struct http_route case_relatives = {"POST", "/api/cases/{id}/relatives",
                                                 api_case_relative_post};
static const struct http_route case_travellers = {"POST", "/api/cases/{id}/travellers",
                                                  api_case_traveller_post};
static const struct http_route traveller_post = {"POST", "/api/travellers/{id}",
                                                 api_traveller_post};
static const struct http_route return_reports = {"GET", "/api/return-reports",
                                                 api_return_reports_get};
static const struct http_route letter_post = {"POST", "/api/letters/{id}", api_letter_post};
static const struct http_route letters_get = {"GET", "/api/letters", api_letters_get};
static const struct http_route remedies_get = {"GET", "/api/remedies", api_remedies_overdue_get};
static const struct http_route case_appraisal = {"PUT", "/api/cases/{id}/appraisal",
                                                 api_case_appraisal_put};
static const struct http_route case_appraisal_patch = {"PATCH", "/api/cases/{id}/appraisal",
                                                       api_case_appraisal_put};
static const struct http_route case_appraisal_docs = {"POST", "/api/cases/{id}/appraisal-documents",
                                                      api_case_appraisal_doc_post};
static const struct http_route reports_get = {"GET", "/api/reports", api_reports_get};
static const struct http_route submissions_get = {"GET", "/api/report-submissions",
                                                  api_report_submissions_get};
static const struct http_route submissions_post = {"POST", "/api/report-submissions",
                                                   api_report_submissions_post};
static const struct http_route submission_get = {"GET", "/api/report-submissions/{id}",
                                                 api_report_submission_get};
static const struct http_route submission_post = {"POST", "/api/report-submissions/{id}",
                                                  api_report_submission_post};
static const struct http_route case_assignees = {"PUT", "/api/cases/{id}/assignees",
                                                 api_case_assignees_put};
static const struct http_route case_attachments = {"POST", "/api/cases/{id}/attachments",
                                                   api_case_attachment_post};
static const struct http_route attachment_get = {"GET", "/api/attachments/{id}",
                                                 api_attachment_get};

const struct http_route *const http_routes[] = {
    /* public */
    &health_get,
    &version_get,
    &session_post,
    /* signed in */
    &session_get,
    &session_delete,
    &password_put,
    &totp_post,
    &totp_put,
    &orgs_get,
    &persons_get,
    &person_get,
    &person_log,
    &audit_get,
    &org_get,
    &org_members,
    &org_terms_get,
    &org_terms_post,
    &orgs_post,
    &orgs_merge,
    &org_rename,
    &org_move,
    &org_split,
    &org_dissolve,
    &persons_post,
    &person_put,
    &person_transfer,
    &person_conf_put,
    &case_conf_put,
    &person_dups_get,
    &users_get,
    &users_post,
    &user_put,
    &calendar_get,
    &calendar_put,
    &calendar_delete,
    &codes_get,
    &case_kinds_get,
    &cases_get,
    &cases_post,
    &case_get,
    &case_transition,
    &case_notes,
    &case_documents,
    &case_attachments,
    &case_assignees,
    &reports_get,
    &submissions_get,
    &submissions_post,
    &submission_get,
    &submission_post,
    &case_appraisal,
    &case_appraisal_patch,
    &case_appraisal_docs,
    &remedies_get,
    &attachment_get,
    &deadlines_get,
    &rules_get,
    &rule_put,
    &case_letters,
    &case_disciplines,
    &case_inspection,
    &case_findings,
    &finding_remedies,
    &remedy_post,
    &case_trip,
    &case_trip_patch,
    &case_stay,
    &case_stay_patch,
    &case_relatives,
    &case_travellers,
    &traveller_post,
    &return_reports,
    &letter_post,
    &letters_get,
    NULL,
};
