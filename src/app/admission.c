/*
 * admission.c - the people an admission background check covers
 * (admission.h).
 */
#include "app/admission.h"

#include <jansson.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/scope.h"

#include "core/banned.h"

int admission_relation_valid(const char *relation)
{
	static const char *const in_scope[] = {
	    "ban_than",    "bo",       "me",  "nguoi_nuoi_duong", "bo_vo_chong",
	    "me_vo_chong", "vo_chong", "con", "anh_chi_em",       NULL};

	return app_one_of(relation, in_scope);
}

void admission_exemptions(const struct relative_row *v, size_t n, struct admission_exemptions *ret)
{
	static const char *const own[] = {"bo",         "me",  "nguoi_nuoi_duong",
	                                  "anh_chi_em", "con", NULL};
	static const char *const spouse[] = {"vo_chong", "bo_vo_chong", "me_vo_chong", NULL};

	memset(ret, 0, sizeof(*ret));
	for (size_t i = 0; i < n; i++) {
		if (!v[i].is_member)
			continue;
		ret->applicant |= app_one_of(v[i].relation, own);
		ret->spouse_side |= app_one_of(v[i].relation, spouse);
	}
}

int relative_add(struct app *app, const struct actor *who, int64_t case_id,
                 const struct relative_row *in, int64_t *ret_id, struct err *e)
{
	struct relative_row r = {
	    .case_id = case_id, .relation = in->relation, .is_member = !!in->is_member};
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, 1u << ROLE_OFFICER | 1u << ROLE_LEADER, e)) < 0)
		return rc;
	arena_init(&a, 1 << 16);
	if ((rc = case_fetch(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if (strcmp(c.kind, "tham_tra_ly_lich") != 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "case", "Chỉ hồ sơ thẩm tra lý lịch",
		             "Only an admission background check");
		goto out;
	}
	if (!admission_relation_valid(in->relation)) {
		rc = err_set(
		    e, HOSO_E_BAD_ENUM, "relation",
		    "Quan hệ không thuộc diện thẩm tra (bản thân, bố, mẹ, người nuôi dưỡng, "
		    "bố mẹ vợ/chồng, vợ/chồng, con, anh chị em ruột; không thẩm tra ông bà)",
		    "Not a relation in scope (applicant, parents, guardian, parents-in-law, "
		    "spouse, children, full siblings; grandparents are not checked)");
		goto out;
	}
	if ((rc = app_text_clean(&a, in->full_name, "full_name", 200, &r.full_name, e)) < 0 ||
	    (rc = app_text_clean(&a, in->exempt_reason, "exempt_reason", 500, &r.exempt_reason,
	                         e)) < 0)
		goto out;
	if (!r.full_name) {
		rc = err_set(e, HOSO_E_MISSING, "full_name", "Thiếu họ tên", "The name is missing");
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = store_relative_insert(app_store(app), &r, ret_id)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(
		    app, who, (struct audit_entry){"relative", "case", case_id, NULL, 0},
		    json_pack("{s:I,s:s,s:b,s:b}", "id", (json_int_t)*ret_id, "relation",
		              r.relation, "member", r.is_member, "exempt", r.exempt_reason != NULL),
		    e);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
out:
	arena_release(&a);
	return rc;
}
