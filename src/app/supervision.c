/*
 * supervision.c - the supervision kind (giám sát): its types, its state
 * machine, and the inspection it opens when it finds signs of violation
 * (supervision.h).  It has no parts of its own.
 */
#include "app/supervision.h"

#include "app/case.h"
#include "app/gate.h"

#include "core/banned.h"

static const struct code_name types[] = {
    {"thuong_xuyen", "Thường xuyên", "Regular"},
    {"chuyen_de", "Chuyên đề", "Thematic"},
};

static const struct case_state states[] = {
    {"ke_hoach", "Kế hoạch", "Planned", 0},
    {"quyet_dinh", "Đã có quyết định", "Decided", 0},
    {"thuc_hien", "Đang giám sát", "Under way", 0},
    {"thong_bao", "Đã thông báo kết quả", "Result notified", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
    {"huy", "Hủy", "Cancelled", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"ke_hoach", "quyet_dinh", "Ra quyết định giám sát", "Issue the decision", CASE_LEADER, 0},
    {"ke_hoach", "thuc_hien", "Bắt đầu giám sát thường xuyên", "Start regular supervision",
     CASE_OFFICER, 0},
    {"quyet_dinh", "thuc_hien", "Tiến hành giám sát", "Carry out", CASE_OFFICER, 0},
    {"thuc_hien", "thong_bao", "Thông báo kết quả giám sát", "Notify the result", CASE_LEADER,
     CASE_CONCLUDES},
    {"thuc_hien", "dong", "Kết thúc (không cần thông báo)", "Close (no notice needed)", CASE_LEADER,
     CASE_CONCLUDES},
    {"thong_bao", "dong", "Kết thúc", "Close", CASE_OFFICER, 0},
    {"ke_hoach", "huy", "Hủy kế hoạch", "Cancel", CASE_LEADER, 0},
};

static const enum figure figures[] = {FIGURE_GS_CHUYEN_DE_TO_CHUC, FIGURE_GS_CHUYEN_DE_DANG_VIEN,
                                      FIGURE_GS_THUONG_XUYEN};

int case_open_inspection(struct app *app, const struct actor *who, int64_t id, const char *title,
                         struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e)
{
	struct case_input in = {
	    .kind = case_kind_code(KIND_INSPECTION), .subtype = "dau_hieu_vi_pham", .title = title};
	struct case_row c;
	int rc;

	if ((rc = gate_role(who, CASE_OFFICER, e)) < 0 ||
	    (rc = case_fetch(app, who, id, a, &c, e)) < 0)
		return rc;
	if (!case_is(&c, KIND_SUPERVISION))
		return err_set(e, HOSO_E_CONFLICT, "id",
		               "Chỉ từ hồ sơ giám sát mới mở kiểm tra khi có dấu hiệu vi phạm",
		               "Only a supervision case opens an inspection on signs of violation");
	return case_open_linked(app, who, &c, &in, a, ret_id, ret_number, e);
}

const struct case_kind case_kind_supervision = {
    .id = KIND_SUPERVISION,
    .code = "giam_sat",
    .prefix = "GS",
    .vi = "Giám sát",
    .en = "Supervision",
    CASE_TABLE(subtypes, types),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    CASE_TABLE(figures, figures),
};
