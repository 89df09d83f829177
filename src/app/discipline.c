/*
 * discipline.c - discipline forms, limitation periods and decisions
 * (discipline.h).
 */
#include "app/discipline.h"

#include <jansson.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/org.h"
#include "app/person.h"
#include "app/scope.h"

#include "core/banned.h"

#define ORG   (1u << DISCIPLINE_ORG)
#define FULL  (1u << DISCIPLINE_FULL_MEMBER)
#define PROB  (1u << DISCIPLINE_PROBATIONARY)
#define NFORM (sizeof(forms) / sizeof(forms[0]))

static const struct discipline_form forms[] = {
    {"khien_trach", "Khiển trách", "Reprimand", 5, ORG | FULL | PROB},
    {"canh_cao", "Cảnh cáo", "Warning", 10, ORG | FULL | PROB},
    {"cach_chuc", "Cách chức", "Dismissal", 10, FULL},
    {"khai_tru", "Khai trừ", "Expulsion", 0, FULL},
    {"giai_tan", "Giải tán", "Dissolution", 0, ORG},
};

const struct discipline_form *discipline_forms(size_t *n)
{
	*n = NFORM;
	return forms;
}

const struct discipline_form *discipline_form_find(const char *code)
{
	for (size_t i = 0; code && i < NFORM; i++)
		if (strcmp(forms[i].code, code) == 0)
			return &forms[i];
	return NULL;
}

int32_t discipline_limitation_end(const struct discipline_form *f, int32_t violation,
                                  int internal_political)
{
	int y, m, d;

	if (!f->limitation_years || internal_political)
		return DATE_OPEN;
	date_civil(violation, &y, &m, &d);
	y += f->limitation_years;
	if (m == 2 && d == 29 && !date_is_leap_year(y))
		d = 28;
	return date_days(y, m, d);
}

/* Which kind of subject the organisation or person is (scope checked). */
static int subject_of(struct app *app, const struct actor *who, const struct discipline_input *in,
                      struct arena *a, enum discipline_subject *ret, struct err *e)
{
	struct person_row p;
	struct org_row o;
	int rc;

	if (!in->org_id == !in->person_id)
		return err_set(e, HOSO_E_MISSING, "subject",
		               "Cần một đối tượng: tổ chức hoặc đảng viên",
		               "One subject is needed: an organisation or a member");
	if (in->org_id) {
		if ((rc = org_get(app, who, in->org_id, DATE_OPEN, a, &o, e)) < 0)
			return rc;
		*ret = DISCIPLINE_ORG;
		return 0;
	}
	if ((rc = person_get(app, who, in->person_id, a, &p, e)) < 0)
		return rc;
	if (strcmp(p.status, "chinh_thuc") == 0)
		*ret = DISCIPLINE_FULL_MEMBER;
	else if (strcmp(p.status, "du_bi") == 0)
		*ret = DISCIPLINE_PROBATIONARY;
	else
		return err_set(e, HOSO_E_CONFLICT, "person", "Người này không phải đảng viên (%s)",
		               "This person is not a party member (%s)", p.status);
	return 0;
}

int discipline_decide(struct app *app, const struct actor *who, int64_t case_id,
                      const struct discipline_input *in, int64_t *ret_id, struct err *e)
{
	static const char *const whom_vi[] = {"tổ chức đảng", "đảng viên chính thức",
	                                      "đảng viên dự bị"};
	static const char *const whom_en[] = {"a party organisation", "a full member",
	                                      "a probationary member"};
	const struct discipline_form *f = discipline_form_find(in->form);
	struct discipline_row r = {.case_id = case_id,
	                           .org_id = in->org_id,
	                           .person_id = in->person_id,
	                           .violation = in->violation,
	                           .internal_political = !!in->internal_political};
	enum discipline_subject subj = DISCIPLINE_ORG;
	struct case_row c;
	struct arena a;
	int32_t limit;
	char end[DATE_BUF];
	int rc;

	if ((rc = scope_require_role(who, 1u << ROLE_LEADER, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if (strcmp(c.kind, "ky_luat") != 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "case",
		             "Chỉ hồ sơ kỷ luật mới ghi quyết định kỷ luật",
		             "Only a discipline case records discipline");
		goto out;
	}
	if (!f) {
		rc = err_set(e, HOSO_E_BAD_ENUM, "form", "Hình thức kỷ luật '%s' không có",
		             "There is no discipline form '%s'", in->form ? in->form : "");
		goto out;
	}
	if ((rc = subject_of(app, who, in, &a, &subj, e)) < 0)
		goto out;
	if (!(f->subjects & (1u << subj))) {
		rc = err_set(e, HOSO_E_CONFLICT, "form", "Không áp dụng hình thức %s với %s",
		             "%s does not apply to %s", f->vi, whom_vi[subj]);
		err_en(e, "%s does not apply to %s", f->en, whom_en[subj]);
		goto out;
	}
	r.form = f->code;
	r.decided = in->decided == DATE_NONE ? date_today() : in->decided;
	if (r.violation == DATE_NONE || r.violation == DATE_OPEN || r.violation > r.decided) {
		rc = err_set(e, HOSO_E_BAD_DATE, "violation",
		             "Ngày vi phạm phải có và không sau ngày quyết định",
		             "The violation's date is needed, not after the decision");
		goto out;
	}
	limit = discipline_limitation_end(f, r.violation, r.internal_political);
	if (limit != DATE_OPEN && r.decided > limit) {
		date_format_vn(limit, end);
		rc = err_set(e, HOSO_E_CONFLICT, "violation",
		             "Đã hết thời hiệu kỷ luật (%d năm, đến %s)",
		             "The limitation period has run out (%d years, until %s)",
		             f->limitation_years, end);
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = store_discipline_insert(app_store(app), &r, who->user_id, ret_id)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(
		    app, who, (struct audit_entry){"discipline", "case", case_id, NULL, 0},
		    json_pack("{s:I,s:s,s:I,s:I}", "id", (json_int_t)*ret_id, "form", r.form, "org",
		              (json_int_t)r.org_id, "person", (json_int_t)r.person_id),
		    e);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
out:
	arena_release(&a);
	return rc;
}
