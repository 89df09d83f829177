/*
 * discipline.c - the discipline kind (kỷ luật): its state machine, the
 * forms and their limitation periods, the decisions (discipline.h) and the
 * case view's part that shows them.
 */
#include "app/discipline.h"

#include <jansson.h>
#include <string.h>

#include "app/deadline.h"
#include "app/gate.h"
#include "app/org.h"
#include "app/person.h"

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

static const struct case_state states[] = {
    {"de_nghi", "Đề nghị", "Proposed", 0},
    {"xem_xet", "Đang xem xét", "Under review", 0},
    {"quyet_dinh", "Đã quyết định kỷ luật", "Decided", 0},
    {"thi_hanh", "Đề nghị chính quyền, đoàn thể xử lý", "Referred to the State body", 0},
    /* history only: before schema 30 a complaint was this state; it is now
     * a case of its own (complaint.c) linked to the discipline */
    {"khieu_nai", "Có khiếu nại (trước đây)", "Complaint filed (former state)", CASE_FORMER},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
    {"khong_ky_luat", "Không kỷ luật", "No discipline", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"de_nghi", "xem_xet", "Xem xét", "Review", CASE_OFFICER, 0},
    {"xem_xet", "quyet_dinh", "Quyết định kỷ luật", "Decide the discipline", CASE_LEADER,
     CASE_CONCLUDES},
    {"xem_xet", "khong_ky_luat", "Không kỷ luật", "No discipline", CASE_LEADER, CASE_CONCLUDES},
    {"quyet_dinh", "thi_hanh", "Đề nghị chính quyền, đoàn thể xử lý",
     "Ask the State or mass body to act", CASE_OFFICER, 0},
    {"quyet_dinh", "dong", "Kết thúc", "Close", CASE_OFFICER, 0},
    {"thi_hanh", "dong", "Kết thúc", "Close", CASE_OFFICER, 0},
};

static const enum figure figures[] = {FIGURE_KL_TO_CHUC, FIGURE_KL_DANG_VIEN};

static const char *const state_body_ends[] = {"thi_hanh", "dong", NULL};
static const struct deadline_rule deadlines[] = {
    {"ky_luat.chinh_quyen", KIND_DISCIPLINE, "Đề nghị chính quyền, đoàn thể xử lý kỷ luật",
     "Ask the State or mass body to apply its discipline", "quyet_dinh", state_body_ends, 30, 50,
     80, 1, "DOMAIN.md §4: 30 ngày làm việc sau khi thi hành kỷ luật đảng"},
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

json_t *discipline_forms_json(void)
{
	json_t *fa = json_array();

	for (size_t i = 0; i < NFORM; i++) {
		json_t *subj = json_array();

		if (forms[i].subjects & ORG)
			json_array_append_new(subj, json_string("org"));
		if (forms[i].subjects & FULL)
			json_array_append_new(subj, json_string("chinh_thuc"));
		if (forms[i].subjects & PROB)
			json_array_append_new(subj, json_string("du_bi"));
		json_array_append_new(fa, json_pack("{s:s,s:s,s:s,s:i,s:o}", "code", forms[i].code,
		                                    "name", forms[i].vi, "name_en", forms[i].en,
		                                    "limitation_years", forms[i].limitation_years,
		                                    "subjects", subj));
	}
	return fa;
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

static int insert_decision(struct store *s, const void *row, int64_t *ret_id)
{
	return store_discipline_insert(s, row, ret_id);
}

/* The form suits the subject, the violation is dated and within the
 * form's limitation period. */
static int check_decision(const struct discipline_form *f, enum discipline_subject subj,
                          const struct discipline_row *r, struct err *e)
{
	static const char *const whom_vi[] = {"tổ chức đảng", "đảng viên chính thức",
	                                      "đảng viên dự bị"};
	static const char *const whom_en[] = {"a party organisation", "a full member",
	                                      "a probationary member"};
	char end[DATE_BUF];
	int32_t limit;

	if (!(f->subjects & (1u << subj))) {
		err_set(e, HOSO_E_CONFLICT, "form", "Không áp dụng hình thức %s với %s",
		        "%s does not apply to %s", f->vi, whom_vi[subj]);
		return err_en(e, "%s does not apply to %s", f->en, whom_en[subj]);
	}
	if (r->violation == DATE_NONE || r->violation == DATE_OPEN || r->violation > r->decided)
		return err_set(e, HOSO_E_BAD_DATE, "violation",
		               "Ngày vi phạm phải có và không sau ngày quyết định",
		               "The violation's date is needed, not after the decision");
	limit = discipline_limitation_end(f, r->violation, r->internal_political);
	if (limit != DATE_OPEN && r->decided > limit) {
		date_format_vn(limit, end);
		return err_set(e, HOSO_E_CONFLICT, "violation",
		               "Đã hết thời hiệu kỷ luật (%d năm, đến %s)",
		               "The limitation period has run out (%d years, until %s)",
		               f->limitation_years, end);
	}
	return 0;
}

int discipline_decide(struct app *app, const struct actor *who, int64_t case_id,
                      const struct discipline_input *in, int64_t *ret_id, struct err *e)
{
	const struct discipline_form *f = discipline_form_find(in->form);
	struct discipline_row r = {.case_id = case_id,
	                           .org_id = in->org_id,
	                           .person_id = in->person_id,
	                           .violation = in->violation,
	                           .internal_political = !!in->internal_political,
	                           .user_id = who->user_id};
	struct case_insert ins = {insert_decision, &r, ret_id, "id"};
	struct gate_write w = {"discipline", "case", case_id, NULL, NOUN_CASE};
	enum discipline_subject subj = DISCIPLINE_ORG;
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = case_of_kind(app, who, case_id, KIND_DISCIPLINE, CASE_LEADER, &a, &c, e)) < 0)
		goto out;
	if (!f) {
		rc = err_set(e, HOSO_E_BAD_ENUM, "form", "Hình thức kỷ luật '%s' không có",
		             "There is no discipline form '%s'", in->form ? in->form : "");
		goto out;
	}
	r.form = f->code;
	r.decided = in->decided == DATE_NONE ? date_today() : in->decided;
	if ((rc = subject_of(app, who, in, &a, &subj, e)) < 0 ||
	    (rc = check_decision(f, subj, &r, e)) < 0)
		goto out;
	w.detail = json_pack("{s:s,s:I,s:I}", "form", r.form, "org", (json_int_t)r.org_id, "person",
	                     (json_int_t)r.person_id);
	rc = gate_write(app, who, &w, case_insert_write, &ins, e);
out:
	arena_release(&a);
	return rc;
}

int discipline_part_load(struct app *app, const struct actor *who, struct case_view *v,
                         struct arena *a, struct err *e)
{
	struct discipline_part *p = arena_calloc(a, 1, sizeof(*p));
	struct discipline_list dl;
	int rc;

	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = store_disciplines_of_case(app_store(app), v->c.id, a, &dl)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if (dl.n && !(p->v = arena_calloc(a, dl.n, sizeof(*p->v))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < dl.n; i++) {
		struct discipline_detail *x = &p->v[p->n++];
		const struct discipline_form *f = discipline_form_find(dl.v[i].form);

		x->d = dl.v[i];
		x->form_name = f ? f->vi : NULL;
		x->limitation_end =
		    f ? discipline_limitation_end(f, x->d.violation, x->d.internal_political)
		      : DATE_OPEN;
		if (x->d.org_id)
			case_org_name(app, who, x->d.org_id, x->d.decided, a, &x->subject);
		else
			case_person_name(app, who, x->d.person_id, a, &x->subject);
	}
	v->part = p;
	return 0;
}

static json_t *decision_json(const struct discipline_detail *x)
{
	json_t *o = json_pack(
	    "{s:I,s:s,s:s?,s:o,s:o,s:o,s:b}", "id", (json_int_t)x->d.id, "form", x->d.form,
	    "form_name", x->form_name, "violation", code_date_json(x->d.violation), "decided",
	    code_date_json(x->d.decided), "limitation_end", code_date_json(x->limitation_end),
	    "internal_political", x->d.internal_political);

	if (x->d.org_id) {
		json_object_set_new(o, "org",
		                    x->subject.code ? json_string(x->subject.code) : json_null());
		json_object_set_new(o, "org_name",
		                    x->subject.name ? json_string(x->subject.name) : json_null());
	} else {
		json_object_set_new(o, "person", json_integer(x->d.person_id));
		json_object_set_new(o, "full_name",
		                    x->subject.name ? json_string(x->subject.name) : json_null());
	}
	return o;
}

void discipline_part_view(json_t *o, const void *part)
{
	const struct discipline_part *p = part;
	json_t *arr = json_array();

	for (size_t i = 0; p && i < p->n; i++)
		json_array_append_new(arr, decision_json(&p->v[i]));
	json_object_set_new(o, "disciplines", arr);
}

const struct case_kind case_kind_discipline = {
    .id = KIND_DISCIPLINE,
    .code = "ky_luat",
    .prefix = "KL",
    .vi = "Kỷ luật",
    .en = "Discipline",
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    .load = discipline_part_load,
    .view = discipline_part_view,
    CASE_TABLE(figures, figures),
    CASE_TABLE(deadlines, deadlines),
};
