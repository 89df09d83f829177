/*
 * appraisal.c - a political-standard appraisal's own parts (appraisal.h).
 */
#include "app/appraisal.h"

#include <jansson.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/scope.h"
#include "core/buf.h"

#include "core/banned.h"

#define WRITE_ROLES (1u << ROLE_OFFICER | 1u << ROLE_LEADER)

int appraisal_outcome_valid(const char *outcome)
{
	static const char *const outcomes[] = {"dat", "khong_dat", "chuyen_cap_tren", NULL};

	return app_one_of(outcome, outcomes);
}

/* The appraisal case id, checked for the actor: 0 or an error set. */
static int appraisal_case(struct app *app, const struct actor *who, int64_t case_id,
                          struct arena *a, struct err *e)
{
	struct case_row c;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0 ||
	    (rc = case_fetch(app, who, case_id, a, &c, e)) < 0)
		return rc;
	if (strcmp(c.kind, "tham_dinh") != 0)
		return err_set(e, HOSO_E_CONFLICT, "case",
		               "Chỉ hồ sơ thẩm định tiêu chuẩn chính trị",
		               "Only a political-standard appraisal");
	return 0;
}

/* Run write in a transaction with an audit entry of action on the case. */
static int in_tx(struct app *app, const struct actor *who, int64_t case_id, const char *action,
                 int rc_write, json_t *detail, struct err *e)
{
	int rc = rc_write;

	if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(
		    app, who, (struct audit_entry){action, "case", case_id, NULL, 0}, detail, e);
	else
		json_decref(detail);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
	return rc;
}

int appraisal_set(struct app *app, const struct actor *who, int64_t case_id,
                  const struct appraisal_input *in, struct err *e)
{
	struct appraisal_row r = {.case_id = case_id};
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = appraisal_case(app, who, case_id, &a, e)) < 0)
		goto out;
	if (in->outcome && *in->outcome && !appraisal_outcome_valid(in->outcome)) {
		rc = err_set(e, HOSO_E_BAD_ENUM, "outcome",
		             "Kết quả là dat, khong_dat hoặc chuyen_cap_tren",
		             "The outcome is dat, khong_dat or chuyen_cap_tren");
		goto out;
	}
	r.outcome = in->outcome && *in->outcome ? in->outcome : NULL;
	if ((rc = app_text_clean(&a, in->requester, "requester", 300, &r.requester, e)) < 0 ||
	    (rc = app_text_clean(&a, in->position, "position", 300, &r.position, e)) < 0)
		goto out;
	if (r.outcome && strcmp(r.outcome, "dat") == 0 && !r.position) {
		rc = err_set(e, HOSO_E_MISSING, "position",
		             "Kết luận đạt tiêu chuẩn phải nêu chức danh hoặc cấp",
		             "A conclusion that the standard is met names the position or level");
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	rc = in_tx(app, who, case_id, "appraisal", store_appraisal_put(app_store(app), &r),
	           json_pack("{s:s?,s:s?,s:s?}", "requester", r.requester, "outcome", r.outcome,
	                     "position", r.position),
	           e);
out:
	arena_release(&a);
	return rc;
}

int appraisal_doc_put(struct app *app, const struct actor *who, int64_t case_id, const char *name,
                      int present, int64_t *ret_id, struct err *e)
{
	const char *clean;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = appraisal_case(app, who, case_id, &a, e)) < 0 ||
	    (rc = app_text_clean(&a, name, "name", 200, &clean, e)) < 0)
		goto out;
	if (!clean) {
		rc = err_set(e, HOSO_E_MISSING, "name", "Thiếu tên giấy tờ",
		             "The document's name is missing");
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	rc = in_tx(app, who, case_id, "appraisal_document",
	           store_appraisal_doc_put(app_store(app), case_id, clean, present, ret_id),
	           json_pack("{s:s,s:b}", "name", clean, "present", present), e);
out:
	arena_release(&a);
	return rc;
}

int appraisal_check_step(struct app *app, int64_t case_id, const char *to, struct err *e)
{
	struct appraisal_doc_list docs;
	struct appraisal_row r = {0};
	struct buf missing = BUF_INIT(4096);
	struct arena a;
	int concludes = strcmp(to, "ket_luan") == 0, refers = strcmp(to, "chuyen_cap_tren") == 0;
	int rc;

	if (!concludes && !refers)
		return 0;
	arena_init(&a, 1 << 16);
	rc = store_appraisal_get(app_store(app), case_id, &a, &r);
	if (rc == HOSO_E_NOT_FOUND)
		rc = 0;
	if (rc == 0)
		rc = store_appraisal_docs(app_store(app), case_id, &a, &docs);
	if (rc < 0) {
		rc = err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if (concludes && (!r.outcome || strcmp(r.outcome, "chuyen_cap_tren") == 0)) {
		rc =
		    err_set(e, HOSO_E_CONFLICT, "outcome",
		            "Chưa ghi kết quả thẩm định (đạt tiêu chuẩn cho chức danh nào, hoặc "
		            "không đạt)",
		            "The outcome is not recorded yet (met for which position, or not met)");
		goto out;
	}
	if (refers && (!r.outcome || strcmp(r.outcome, "chuyen_cap_tren") != 0)) {
		rc = err_set(e, HOSO_E_CONFLICT, "outcome",
		             "Chưa ghi kết quả là chuyển cấp trên xem xét",
		             "The outcome is not recorded as referred to the higher level");
		goto out;
	}
	for (size_t i = 0; concludes && i < docs.n; i++)
		if (!docs.v[i].present)
			buf_addf(&missing, "%s%s", missing.len ? ", " : "", docs.v[i].name);
	if (missing.len)
		rc = err_set(e, HOSO_E_CONFLICT, "documents", "Hồ sơ còn thiếu: %s",
		             "The dossier still lacks: %s", missing.buf);
out:
	buf_release(&missing);
	arena_release(&a);
	return rc;
}
