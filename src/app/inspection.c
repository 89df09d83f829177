/*
 * inspection.c - the inspection kind (kiểm tra, DOMAIN.md §4): its types,
 * its state machine (plan -> decision -> self-report -> verification ->
 * conclusion -> notice -> discipline if warranted -> follow-up of
 * remedies), and its parts: the findings and remedial actions of
 * finding.c.
 */
#include "app/inspection.h"

#include <jansson.h>
#include <string.h>

#include "app/finding.h"
#include "app/gate.h"
#include "app/patch.h"

#include "core/banned.h"

static const struct code_name types[] = {
    {"dau_hieu_vi_pham", "Khi có dấu hiệu vi phạm", "On signs of violation"},
    {"chap_hanh", "Việc chấp hành", "Compliance"},
    {"chuyen_de", "Chuyên đề", "Thematic"},
    {"cap_duoi_kt_kl", "Cấp dưới thực hiện kiểm tra, kỷ luật",
     "Lower body's inspection and discipline"},
    {"tai_chinh_dang_phi", "Tài chính, đảng phí", "Finance and party dues"},
};

static const struct case_state states[] = {
    {"ke_hoach", "Kế hoạch", "Planned", 0},
    {"quyet_dinh", "Đã có quyết định", "Decided", 0},
    {"tu_kiem_diem", "Đối tượng tự kiểm điểm", "Self-report", 0},
    {"tham_tra", "Thẩm tra, xác minh", "Verification", 0},
    {"ket_luan", "Đã kết luận", "Concluded", 0},
    {"thong_bao", "Đã thông báo kết luận", "Notified", 0},
    {"ky_luat", "Xem xét kỷ luật", "Discipline", 0},
    {"theo_doi", "Theo dõi khắc phục", "Follow-up", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
    {"huy", "Hủy", "Cancelled", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"ke_hoach", "quyet_dinh", "Ra quyết định kiểm tra", "Issue the decision", CASE_LEADER, 0},
    {"quyet_dinh", "tu_kiem_diem", "Đối tượng tự kiểm điểm", "Subject's self-report", CASE_OFFICER,
     0},
    {"tu_kiem_diem", "tham_tra", "Thẩm tra, xác minh", "Verify", CASE_OFFICER, 0},
    {"tham_tra", "ket_luan", "Kết luận kiểm tra", "Conclude", CASE_LEADER, CASE_CONCLUDES},
    {"ket_luan", "thong_bao", "Thông báo kết luận", "Notify the conclusion", CASE_OFFICER, 0},
    {"thong_bao", "ky_luat", "Đề nghị xem xét kỷ luật", "Propose discipline", CASE_LEADER, 0},
    {"thong_bao", "theo_doi", "Theo dõi khắc phục", "Follow up the remedies", CASE_OFFICER, 0},
    {"ky_luat", "theo_doi", "Theo dõi khắc phục", "Follow up the remedies", CASE_OFFICER, 0},
    {"theo_doi", "dong", "Kết thúc", "Close", CASE_LEADER, 0},
    {"ke_hoach", "huy", "Hủy kế hoạch", "Cancel", CASE_LEADER, 0},
    {"quyet_dinh", "huy", "Hủy quyết định", "Cancel", CASE_LEADER, 0},
};

static const enum figure figures[] = {FIGURE_KT_TO_CHUC, FIGURE_KT_TO_CHUC_VI_PHAM,
                                      FIGURE_KT_DANG_VIEN, FIGURE_KT_DANG_VIEN_VI_PHAM,
                                      FIGURE_KT_CHU_THE};

static const struct code_name actors[INSPECTION_ACTOR__MAX] = {
    [INSPECTION_CAP_UY] = {"cap_uy", "Cấp ủy", "Party committee"},
    [INSPECTION_BAN_THUONG_VU] = {"ban_thuong_vu", "Ban thường vụ cấp ủy", "Standing committee"},
    [INSPECTION_UBKT] = {"ubkt", "Ủy ban kiểm tra", "Inspection commission"},
    [INSPECTION_CHI_BO] = {"chi_bo", "Chi bộ", "Party cell"},
};

const char *inspection_actor_name(enum inspection_actor a)
{
	return (unsigned)a < INSPECTION_ACTOR__MAX ? actors[a].code : NULL;
}

int inspection_actor_parse(const char *code, enum inspection_actor *ret)
{
	for (int i = 0; code && i < INSPECTION_ACTOR__MAX; i++)
		if (strcmp(actors[i].code, code) == 0) {
			*ret = (enum inspection_actor)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

const struct code_set inspection_actors = CODE_SET(actors);

static int check_inspection(const void *record, struct err *e)
{
	const struct inspection_row *r = record;
	enum inspection_actor a;

	if (inspection_actor_parse(r->actor, &a) < 0)
		return code_refuse(e, "actor", "Chủ thể kiểm tra", "The actor", actors,
		                   INSPECTION_ACTOR__MAX);
	return 0;
}

static int put_inspection(struct store *s, const void *record)
{
	return store_inspection_put(s, record);
}

/* The part of case_id as stored; empty (version 0) when there is none. */
static int stored(struct app *app, int64_t case_id, struct arena *a, struct inspection_row *ret,
                  struct err *e)
{
	*ret = (struct inspection_row){.case_id = case_id};
	return patch_stored(store_inspection_get(app_store(app), case_id, a, ret), e);
}

static int load(struct app *app, int64_t case_id, struct arena *a, void *record, struct err *e)
{
	return stored(app, case_id, a, record, e);
}

int inspection_set(struct app *app, const struct actor *who, int64_t case_id,
                   const struct inspection_input *in, struct err *e)
{
	struct inspection_row r = {0};
	const struct patch_field fields[] = {
	    [INSPECTION_ACTOR] = {"actor", PATCH_CODE, 0, &r.actor, &in->actor},
	};
	struct patch_part p = {
	    "inspection",     case_id,        in->version, 0,
	    fields,           CASE_N(fields), in->sent,    1u << INSPECTION_ACTOR,
	    check_inspection, put_inspection, &r};

	return patch_case_part(app, who, KIND_INSPECTION, &p, &r.version, load, e);
}

static int part_load(struct app *app, const struct actor *who, struct case_view *v, struct arena *a,
                     struct err *e)
{
	struct inspection_part *p = arena_calloc(a, 1, sizeof(*p));
	int rc;

	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = finding_part_load(app, who, v, a, e)) < 0 ||
	    (rc = stored(app, v->c.id, a, &p->ins, e)) < 0)
		return rc;
	p->findings = *(const struct finding_part *)v->part;
	v->part = p;
	return 0;
}

static void part_view(json_t *o, const void *part)
{
	const struct inspection_part *p = part;

	finding_part_view(o, p ? &p->findings : NULL);
	json_object_set_new(o, "inspection",
	                    p && p->ins.version ? json_pack("{s:s,s:I}", "actor", p->ins.actor,
	                                                    "version", (json_int_t)p->ins.version)
	                                        : json_null());
}

/* Closing with remedies still open takes the leader's reason, in the
 * step's note. */
static int check_step(struct app *app, const struct case_row *c, const struct case_step *s,
                      const char *note, struct err *e)
{
	size_t open;
	int rc;

	if (strcmp(s->to, "dong") != 0 || note)
		return 0;
	if ((rc = finding_open_remedies(app, c->id, &open, e)) < 0 || open == 0)
		return rc;
	return err_set(e, HOSO_E_CONFLICT, "note",
	               "Còn %zu biện pháp khắc phục chưa hoàn thành: ghi rõ lý do kết thúc hồ sơ",
	               open == 1 ? "%zu remedy is still open: write why the case closes anyway"
	                         : "%zu remedies are still open: write why the case closes anyway",
	               open);
}

const struct case_kind case_kind_inspection = {
    .id = KIND_INSPECTION,
    .code = "kiem_tra",
    .prefix = "KT",
    .vi = "Kiểm tra",
    .en = "Inspection",
    CASE_TABLE(subtypes, types),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    .check_step = check_step,
    .load = part_load,
    .view = part_view,
    CASE_TABLE(figures, figures),
};
