/*
 * admission.c - the admission background check kind: its state machine,
 * the people it covers and what may be skipped (admission.h), its
 * letters' deadline, and its parts of the case view.
 */
#include "app/admission.h"

#include <jansson.h>
#include <string.h>

#include "app/correct.h"
#include "app/deadline.h"
#include "app/gate.h"

#include "core/banned.h"

static const struct case_state states[] = {
    {"tiep_nhan", "Đã tiếp nhận", "Received", 0},
    {"dang_tham_tra", "Đang thẩm tra", "Checking", 0},
    {"ket_luan", "Đã kết luận", "Concluded", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"tiep_nhan", "dang_tham_tra", "Gửi văn bản thẩm tra", "Send verification letters",
     CASE_OFFICER, 0},
    {"tiep_nhan", "ket_luan", "Kết luận (được miễn thẩm tra)", "Conclude (exempt)", CASE_LEADER,
     CASE_CONCLUDES},
    {"dang_tham_tra", "ket_luan", "Kết luận thẩm tra", "Conclude", CASE_LEADER, CASE_CONCLUDES},
    {"ket_luan", "dang_tham_tra", "Tạm dừng để thẩm tra thêm", "Hold for further checking",
     CASE_LEADER, 0},
    {"ket_luan", "dong", "Kết thúc", "Close", CASE_OFFICER, 0},
};

static const struct code_name outcomes[ADMISSION_OUTCOME__MAX] = {
    [ADMISSION_DONG_Y] = {"dong_y", "Đồng ý (đủ điều kiện xem xét kết nạp)", "Agree"},
    [ADMISSION_BAO_CAO_THUONG_VU] = {"bao_cao_thuong_vu", "Báo cáo Ban Thường vụ xem xét",
                                     "Refer to the standing committee"},
    [ADMISSION_TAM_DUNG] = {"tam_dung", "Tạm dừng để thẩm tra thêm", "Hold for further checking"},
};

const char *admission_outcome_name(enum admission_outcome o)
{
	return (unsigned)o < ADMISSION_OUTCOME__MAX ? outcomes[o].code : NULL;
}

int admission_outcome_parse(const char *code, enum admission_outcome *ret)
{
	for (int i = 0; code && i < ADMISSION_OUTCOME__MAX; i++)
		if (strcmp(outcomes[i].code, code) == 0) {
			*ret = (enum admission_outcome)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

const struct code_set admission_outcomes = CODE_SET(outcomes);

/* The outcome is recorded (the case's type) before the step that
 * concludes: the report counts background checks by it. */
static int check_step(struct app *app, const struct case_row *c, const struct case_step *s,
                      const char *note, struct err *e)
{
	enum admission_outcome o;

	(void)app;
	(void)note;
	if (strcmp(s->to, "ket_luan") != 0 || admission_outcome_parse(c->subtype, &o) == 0)
		return 0;
	return err_set(e, HOSO_E_CONFLICT, "subtype",
	               "Ghi kết quả thẩm tra (đồng ý, báo cáo Ban Thường vụ hay tạm dừng để "
	               "thẩm tra thêm) vào mục Loại của hồ sơ trước khi kết luận",
	               "Record the outcome (agree, refer to the standing committee or hold for "
	               "further checking) as the case's type before concluding");
}

static const enum figure figures[] = {FIGURE_TTLL_HO_SO, FIGURE_TTLL_KET_QUA, FIGURE_VB_TRE_HAN,
                                      FIGURE_VB_QUA_HAN};

/* A verification letter's answer (letter.c reads it by its code): from
 * the letter's sending ("gui") to its answer ("tra_loi"). */
static const char *const answered[] = {"tra_loi", NULL};
static const struct deadline_rule deadlines[] = {
    {LETTER_RULE, KIND_ADMISSION, "Trả lời văn bản thẩm tra, xác minh",
     "Answer to a verification letter", "gui", answered, 30, 50, 80, 1,
     "Giả định 30 ngày làm việc: DOMAIN.md §4 để tỉnh tự quy định [config]"},
};

static const struct code_name relations[] = {
    {"ban_than", "Bản thân", "Applicant"},
    {"bo", "Bố đẻ", "Father"},
    {"me", "Mẹ đẻ", "Mother"},
    {"nguoi_nuoi_duong", "Người nuôi dưỡng", "Guardian"},
    {"bo_vo_chong", "Bố vợ/chồng", "Father-in-law"},
    {"me_vo_chong", "Mẹ vợ/chồng", "Mother-in-law"},
    {"vo_chong", "Vợ/chồng", "Spouse"},
    {"con", "Con", "Child"},
    {"anh_chi_em", "Anh chị em ruột", "Full sibling"},
};

const struct code_set admission_relations = CODE_SET(relations);

int admission_relation_valid(const char *relation)
{
	return code_find(relations, CASE_N(relations), relation) != NULL;
}

void admission_exemptions(const struct relative_row *v, size_t n, struct admission_exemptions *ret)
{
	static const char *const own[] = {"bo",         "me",  "nguoi_nuoi_duong",
	                                  "anh_chi_em", "con", NULL};
	static const char *const spouse[] = {"vo_chong", "bo_vo_chong", "me_vo_chong", NULL};

	memset(ret, 0, sizeof(*ret));
	for (size_t i = 0; i < n; i++) {
		if (!v[i].is_member || v[i].withdrawn.at)
			continue;
		ret->applicant |= app_one_of(v[i].relation, own);
		ret->spouse_side |= app_one_of(v[i].relation, spouse);
	}
}

static const char relation_refused_vi[] =
    "Quan hệ không thuộc diện thẩm tra (bản thân, bố, mẹ, người nuôi dưỡng, "
    "bố mẹ vợ/chồng, vợ/chồng, con, anh chị em ruột; không thẩm tra ông bà)";
static const char relation_refused_en[] =
    "Not a relation in scope (applicant, parents, guardian, parents-in-law, "
    "spouse, children, full siblings; grandparents are not checked)";

static int check_relation(const char *relation, struct err *e)
{
	if (!admission_relation_valid(relation))
		return err_set(e, HOSO_E_BAD_ENUM, "relation", "%s", "%s", relation_refused_vi,
		               relation_refused_en);
	return 0;
}

static int check_relative(void *arg, const struct case_row *c, const void *record, struct err *e)
{
	(void)arg;
	(void)c;
	return check_relation(((const struct relative_row *)record)->relation, e);
}

static int insert_relative(struct store *s, const void *row, int64_t *ret_id)
{
	return store_relative_insert(s, row, ret_id);
}

int relative_add(struct app *app, const struct actor *who, int64_t case_id,
                 const struct relative_row *in, int64_t *ret_id, struct err *e)
{
	struct relative_row r = {
	    .case_id = case_id, .relation = in->relation, .is_member = !!in->is_member};
	struct case_insert ins = {insert_relative, &r, ret_id, "id"};
	struct gate_write w = {"relative", "case", case_id, NULL, NOUN_CASE};
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = case_of_kind(app, who, case_id, KIND_ADMISSION, CASE_OFFICER, &a, &c, e)) < 0)
		goto out;
	if (!admission_relation_valid(in->relation)) {
		rc = check_relation(in->relation, e);
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
	w.detail = json_pack("{s:s,s:b,s:b}", "relation", r.relation, "member", r.is_member,
	                     "exempt", r.exempt_reason != NULL);
	rc = gate_write(app, who, &w, case_insert_write, &ins, e);
out:
	arena_release(&a);
	return rc;
}

int relative_edit(struct app *app, const struct actor *who, int64_t id,
                  const struct relative_input *in, struct err *e)
{
	struct relative_row r;
	const struct patch_field fields[] = {
	    [RELATIVE_F_RELATION] = {"relation", PATCH_CODE, 0, &r.relation, &in->relation},
	    [RELATIVE_F_NAME] = {"full_name", PATCH_TEXT, 200, &r.full_name, &in->full_name},
	    [RELATIVE_F_MEMBER] = {"is_member", PATCH_FLAG, 0, &r.is_member, &in->is_member},
	    [RELATIVE_F_EXEMPT] = {"exempt_reason", PATCH_TEXT, 500, &r.exempt_reason,
	                           &in->exempt_reason},
	};
	const struct correct_edit x = {.k = STORE_REC_RELATIVE,
	                               .id = id,
	                               .version = in->version,
	                               .fields = fields,
	                               .nfields = CASE_N(fields),
	                               .sent = in->sent,
	                               .required =
	                                   1u << RELATIVE_F_RELATION | 1u << RELATIVE_F_NAME,
	                               .check = check_relative,
	                               .record = &r};

	return correct_edit(app, who, &x, e);
}

static int part_load(struct app *app, const struct actor *who, struct case_view *v, struct arena *a,
                     struct err *e)
{
	struct admission_part *p = arena_calloc(a, 1, sizeof(*p));
	int rc;

	(void)who;
	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = store_relatives_of_case(app_store(app), v->c.id, a, &p->relatives)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	admission_exemptions(p->relatives.v, p->relatives.n, &p->exemptions);
	if ((rc = letter_of_case(app, v->c.id, a, &p->letters, &p->nletters, e)) < 0)
		return rc;
	v->part = p;
	return 0;
}

static void part_view(json_t *o, const void *part)
{
	const struct admission_part *p = part;
	json_t *arr = json_array();

	for (size_t i = 0; p && i < p->relatives.n; i++) {
		const struct relative_row *r = &p->relatives.v[i];

		json_t *x = json_pack("{s:I,s:s,s:s,s:b,s:s?}", "id", (json_int_t)r->id, "relation",
		                      r->relation, "full_name", r->full_name, "is_member",
		                      r->is_member, "exempt_reason", r->exempt_reason);

		correct_json(x, r->version, &r->withdrawn);
		json_array_append_new(arr, x);
	}
	json_object_set_new(o, "relatives", arr);
	json_object_set_new(o, "exemptions",
	                    json_pack("{s:b,s:b}", "applicant", p && p->exemptions.applicant,
	                              "spouse_side", p && p->exemptions.spouse_side));
	json_object_set_new(o, "letters", letters_json(p ? p->letters : NULL, p ? p->nletters : 0));
}

const struct case_kind case_kind_admission = {
    .id = KIND_ADMISSION,
    .code = "tham_tra_ly_lich",
    .prefix = "TTLL",
    .vi = "Thẩm tra lý lịch người vào Đảng",
    .en = "Admission background check",
    CASE_TABLE(subtypes, outcomes),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    .check_step = check_step,
    .flags = CASE_KIND_LETTERS,
    .load = part_load,
    .view = part_view,
    CASE_TABLE(figures, figures),
    CASE_TABLE(deadlines, deadlines),
};
