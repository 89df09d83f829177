/*
 * appraisal.c - the political-standard appraisal kind: its purposes and
 * state machine, its own parts (appraisal.h) and their place in the case
 * view.
 */
#include "app/appraisal.h"

#include <jansson.h>
#include <string.h>

#include "app/deadline.h"
#include "app/gate.h"
#include "app/patch.h"
#include "core/buf.h"

#include "core/banned.h"

static const struct code_name purposes[] = {
    {"bo_nhiem", "Bổ nhiệm", "Appointment"},
    {"bau_cu", "Bầu cử", "Election"},
    {"quy_hoach", "Quy hoạch", "Planning"},
    {"luan_chuyen", "Luân chuyển", "Rotation"},
    {"dao_tao_nuoc_ngoai", "Đào tạo ở nước ngoài", "Training abroad"},
    {"khac", "Khác", "Other"},
};

static const struct case_state states[] = {
    {"tiep_nhan", "Đã tiếp nhận hồ sơ", "Received", 0},
    {"cho_bo_sung", "Chờ bổ sung hồ sơ", "Waiting for documents", CASE_PAUSES},
    {"xac_minh", "Đang xác minh", "Verifying", 0},
    {"ket_luan", "Đã kết luận", "Concluded", CASE_FINAL},
    {"chuyen_cap_tren", "Chuyển cấp trên", "Referred up", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"tiep_nhan", "cho_bo_sung", "Đề nghị bổ sung hồ sơ", "Ask for missing documents", CASE_OFFICER,
     0},
    {"cho_bo_sung", "tiep_nhan", "Đã nhận đủ hồ sơ", "Documents complete", CASE_OFFICER, 0},
    {"tiep_nhan", "xac_minh", "Gửi xác minh", "Send for verification", CASE_OFFICER, 0},
    {"xac_minh", "tiep_nhan", "Đã có kết quả xác minh", "Verification answered", CASE_OFFICER, 0},
    {"tiep_nhan", "ket_luan", "Kết luận thẩm định", "Conclude", CASE_LEADER, CASE_CONCLUDES},
    {"xac_minh", "ket_luan", "Kết luận thẩm định", "Conclude", CASE_LEADER, CASE_CONCLUDES},
    {"tiep_nhan", "chuyen_cap_tren", "Chuyển cấp trên xem xét", "Refer to the higher level",
     CASE_LEADER, CASE_CONCLUDES},
};

static const struct code_name outcomes[] = {
    {"dat", "Đạt tiêu chuẩn", "Meets the standard"},
    {"khong_dat", "Không đạt tiêu chuẩn", "Does not meet it"},
    {"chuyen_cap_tren", "Chuyển cấp trên xem xét", "Referred to the higher level"},
};

static const enum figure figures[] = {FIGURE_TD_HO_SO, FIGURE_TD_KET_QUA, FIGURE_VB_TRE_HAN,
                                      FIGURE_VB_QUA_HAN};

static const char *const concluded[] = {"ket_luan", "chuyen_cap_tren", NULL};
static const struct deadline_rule deadlines[] = {
    {"tham_dinh.thuong", KIND_APPRAISAL, "Thẩm định tiêu chuẩn chính trị",
     "Political-standard appraisal", "tiep_nhan", concluded, 5, 50, 80, 1,
     "DOMAIN.md §4: 5 ngày làm việc (hồ sơ thông thường, ví dụ của một tỉnh); thời gian chờ "
     "bổ sung hồ sơ không tính"},
};

const struct code_set appraisal_outcomes = CODE_SET(outcomes);

int appraisal_outcome_valid(const char *outcome)
{
	return code_find(outcomes, CASE_N(outcomes), outcome) != NULL;
}

/* The appraisal as it would be after an update: a known outcome, and the
 * position a met standard names. */
static int check_appraisal(const void *record, struct err *e)
{
	const struct appraisal_row *r = record;

	if (r->outcome && !appraisal_outcome_valid(r->outcome))
		return code_refuse(e, "outcome", "Kết quả", "The outcome", outcomes,
		                   CASE_N(outcomes));
	if (r->outcome && strcmp(r->outcome, "dat") == 0 && !r->position)
		return err_set(e, HOSO_E_MISSING, "position",
		               "Kết luận đạt tiêu chuẩn phải nêu chức danh hoặc cấp",
		               "A conclusion that the standard is met names the position or level");
	return 0;
}

static int put_appraisal(struct store *s, const void *record)
{
	return store_appraisal_put(s, record);
}

/* The appraisal of case_id as stored; empty (version 0) when there is none. */
static int stored(struct app *app, int64_t case_id, struct arena *a, struct appraisal_row *ret,
                  struct err *e)
{
	*ret = (struct appraisal_row){.case_id = case_id};
	return patch_stored(store_appraisal_get(app_store(app), case_id, a, ret), e);
}

static int load(struct app *app, int64_t case_id, struct arena *a, void *record, struct err *e)
{
	return stored(app, case_id, a, record, e);
}

int appraisal_set(struct app *app, const struct actor *who, int64_t case_id,
                  const struct appraisal_input *in, struct err *e)
{
	struct appraisal_row r = {0};
	const struct patch_field fields[] = {
	    [APPRAISAL_REQUESTER] = {"requester", PATCH_TEXT, 300, &r.requester, &in->requester},
	    [APPRAISAL_OUTCOME] = {"outcome", PATCH_CODE, 0, &r.outcome, &in->outcome},
	    [APPRAISAL_POSITION] = {"position", PATCH_TEXT, 300, &r.position, &in->position},
	};
	struct patch_part p = {"appraisal",     case_id,        in->version, 0,
	                       fields,          CASE_N(fields), in->sent,    0,
	                       check_appraisal, put_appraisal,  &r};

	return patch_case_part(app, who, KIND_APPRAISAL, &p, &r.version, load, e);
}

struct doc_put {
	int64_t case_id;
	const char *name;
	int present;
	int64_t *ret_id;
};

static int write_doc(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct doc_put *d = arg;

	(void)w;
	(void)e;
	return store_appraisal_doc_put(app_store(app), d->case_id, d->name, d->present, d->ret_id);
}

int appraisal_doc_put(struct app *app, const struct actor *who, int64_t case_id, const char *name,
                      int present, int64_t *ret_id, struct err *e)
{
	struct doc_put d = {case_id, NULL, present, ret_id};
	struct gate_write w = {"appraisal_document", "case", case_id, NULL, NOUN_CASE};
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = case_of_kind(app, who, case_id, KIND_APPRAISAL, CASE_OFFICER, &a, &c, e)) < 0 ||
	    (rc = app_text_need(&a, name, "name", 200, &d.name, "Thiếu tên giấy tờ",
	                        "The document's name is missing", e)) < 0)
		goto out;
	w.detail = json_pack("{s:s,s:b}", "name", d.name, "present", present);
	rc = gate_write(app, who, &w, write_doc, &d, e);
out:
	arena_release(&a);
	return rc;
}

/* A conclusion needs its outcome (met, not met) and no document missing;
 * a referral needs the outcome "referred". */
static int check_step(struct app *app, const struct case_row *c, const struct case_step *s,
                      const char *note, struct err *e)
{
	struct appraisal_doc_list docs;
	struct appraisal_row r = {0};
	struct buf missing = BUF_INIT(4096);
	struct arena a;
	int concludes = strcmp(s->to, "ket_luan") == 0,
	    refers = strcmp(s->to, "chuyen_cap_tren") == 0;
	int rc;

	(void)note;
	if (!concludes && !refers)
		return 0;
	arena_init(&a, 1 << 16);
	if ((rc = stored(app, c->id, &a, &r, e)) == 0 &&
	    (rc = store_appraisal_docs(app_store(app), c->id, &a, &docs)) < 0)
		rc = gate_store_error(e, rc, NOUN_CASE);
	if (rc < 0)
		goto out;
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

static int part_load(struct app *app, const struct actor *who, struct case_view *v, struct arena *a,
                     struct err *e)
{
	struct appraisal_part *p = arena_calloc(a, 1, sizeof(*p));
	int rc;

	(void)who;
	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = stored(app, v->c.id, a, &p->ap, e)) < 0)
		return rc;
	p->has = p->ap.version != 0;
	if ((rc = store_appraisal_docs(app_store(app), v->c.id, a, &p->docs)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if ((rc = letter_of_case(app, v->c.id, a, &p->letters, &p->nletters, e)) < 0)
		return rc;
	v->part = p;
	return 0;
}

static void part_view(json_t *o, const void *part)
{
	const struct appraisal_part *p = part;
	json_t *docs = json_array();

	json_object_set_new(o, "appraisal",
	                    p && p->has
	                        ? json_pack("{s:s?,s:s?,s:s?,s:I}", "requester", p->ap.requester,
	                                    "outcome", p->ap.outcome, "position", p->ap.position,
	                                    "version", (json_int_t)p->ap.version)
	                        : json_null());
	for (size_t i = 0; p && i < p->docs.n; i++)
		json_array_append_new(
		    docs, json_pack("{s:I,s:s,s:b}", "id", (json_int_t)p->docs.v[i].id, "name",
		                    p->docs.v[i].name, "present", p->docs.v[i].present));
	json_object_set_new(o, "appraisal_documents", docs);
	json_object_set_new(o, "letters", letters_json(p ? p->letters : NULL, p ? p->nletters : 0));
}

const struct case_kind case_kind_appraisal = {
    .id = KIND_APPRAISAL,
    .code = "tham_dinh",
    .prefix = "TD",
    .vi = "Thẩm định tiêu chuẩn chính trị",
    .en = "Political-standard appraisal",
    CASE_TABLE(subtypes, purposes),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    .flags = CASE_KIND_LETTERS,
    .check_step = check_step,
    .load = part_load,
    .view = part_view,
    CASE_TABLE(figures, figures),
    CASE_TABLE(deadlines, deadlines),
};
