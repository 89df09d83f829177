/*
 * stay.c - a member's stay abroad (stay.h).
 */
#include "app/stay.h"

#include <jansson.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/scope.h"

#include "core/banned.h"

int stay_set(struct app *app, const struct actor *who, int64_t case_id, const struct stay_input *in,
             struct err *e)
{
	static const char *const purposes[] = {"hoc_tap", "lao_dong", "cong_tac", "gia_dinh", NULL};
	static const char *const arrangements[] = {"tu_sinh_hoat", "chi_bo_nuoc_ngoai",
	                                           "chi_bo_tam_thoi", "khong_chuyen", NULL};
	struct stay_row r = {.case_id = case_id,
	                     .purpose = in->purpose,
	                     .arrangement = in->arrangement,
	                     .start = in->start,
	                     .expected_end = in->expected_end,
	                     .last_contact = in->last_contact};
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, 1u << ROLE_OFFICER | 1u << ROLE_LEADER, e)) < 0)
		return rc;
	arena_init(&a, 1 << 16);
	if ((rc = case_fetch(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if (strcmp(c.kind, "o_nuoc_ngoai") != 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "case", "Chỉ hồ sơ đảng viên ở nước ngoài",
		             "Only a stay-abroad case");
		goto out;
	}
	if (!app_one_of(in->purpose, purposes)) {
		rc = err_set(e, HOSO_E_BAD_ENUM, "purpose",
		             "Mục đích là hoc_tap, lao_dong, cong_tac hoặc gia_dinh",
		             "The purpose is hoc_tap, lao_dong, cong_tac or gia_dinh");
		goto out;
	}
	if (!app_one_of(in->arrangement, arrangements)) {
		rc = err_set(
		    e, HOSO_E_BAD_ENUM, "arrangement",
		    "Hình thức sinh hoạt là tu_sinh_hoat, chi_bo_nuoc_ngoai, chi_bo_tam_thoi "
		    "hoặc khong_chuyen",
		    "The arrangement is tu_sinh_hoat, chi_bo_nuoc_ngoai, chi_bo_tam_thoi or "
		    "khong_chuyen");
		goto out;
	}
	if ((rc = app_text_clean(&a, in->country, "country", 200, &r.country, e)) < 0)
		goto out;
	if (!r.country) {
		rc = err_set(e, HOSO_E_MISSING, "country", "Thiếu nước đến",
		             "The country is missing");
		goto out;
	}
	if (r.start == DATE_NONE || r.expected_end == DATE_NONE || r.expected_end < r.start) {
		rc = err_set(e, HOSO_E_BAD_DATE, "expected_end",
		             "Cần ngày đi và ngày dự kiến về, ngày về không trước ngày đi",
		             "The start and expected end are needed, the end not before the start");
		goto out;
	}
	if (r.last_contact != DATE_NONE && r.last_contact < r.start) {
		rc = err_set(e, HOSO_E_BAD_DATE, "last_contact", "Lần liên hệ trước ngày đi",
		             "The last contact is before the stay began");
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = store_stay_put(app_store(app), &r)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(app, who,
		                       (struct audit_entry){"stay", "case", case_id, NULL, 0},
		                       json_pack("{s:s,s:s,s:s}", "country", r.country, "purpose",
		                                 r.purpose, "arrangement", r.arrangement),
		                       e);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
out:
	arena_release(&a);
	return rc;
}
