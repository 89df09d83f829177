/*
 * complaint.c - the complaint kind (khiếu nại kỷ luật đảng, DOMAIN.md §4):
 * a member or organisation contests a discipline decision; the level
 * above the one that decided resolves it, keeping the discipline, changing
 * its form or annulling it.  The case is linked to the discipline case it
 * contests (its linked case); the register of incoming letters
 * (petition.h) opens it after checking the filing window.
 *
 * The time limit [config]: 90 working days at province level, 180 at the
 * central level (DOMAIN.md §4; Quy định 22-QĐ/TW of 28/7/2021, Điều 22 on
 * the competence and time to resolve discipline complaints).
 */
#include "app/complaint.h"

#include <string.h>

#include "app/deadline.h"

#include "core/banned.h"

static const struct code_name decisions[] = {
    {"giu_nguyen", "Giữ nguyên hình thức kỷ luật", "The discipline kept"},
    {"thay_doi", "Thay đổi hình thức kỷ luật", "The form of discipline changed"},
    {"xoa_bo", "Xóa bỏ quyết định kỷ luật", "The discipline annulled"},
};

static const struct case_state states[] = {
    {"thu_ly", "Đã thụ lý", "Accepted", 0},
    {"xem_xet", "Đang xem xét", "Under review", 0},
    {"quyet_dinh", "Đã có quyết định giải quyết", "Decided", 0},
    {"thong_bao", "Đã thông báo quyết định", "Decision notified", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
    {"huy", "Hủy (người khiếu nại rút đơn)", "Cancelled (withdrawn)", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"thu_ly", "xem_xet", "Xem xét, thẩm tra", "Review", CASE_OFFICER, 0},
    {"xem_xet", "quyet_dinh", "Quyết định giải quyết khiếu nại", "Decide on the complaint",
     CASE_LEADER, CASE_CONCLUDES},
    {"quyet_dinh", "thong_bao", "Thông báo quyết định cho người khiếu nại",
     "Notify the complainant", CASE_OFFICER, 0},
    {"thong_bao", "dong", "Kết thúc", "Close", CASE_LEADER, 0},
    {"thu_ly", "huy", "Hủy (người khiếu nại rút đơn)", "Cancel (the complainant withdrew)",
     CASE_LEADER, 0},
    {"xem_xet", "huy", "Hủy (người khiếu nại rút đơn)", "Cancel (the complainant withdrew)",
     CASE_LEADER, 0},
};

static const enum figure figures[] = {FIGURE_KN_NHAN,      FIGURE_KN_GIAI_QUYET,
                                      FIGURE_KNKL_HO_SO,   FIGURE_KNKL_DUNG_HAN,
                                      FIGURE_KNKL_TRE_HAN, FIGURE_KNKL_QUA_HAN};

static const char *const decided[] = {"quyet_dinh", "thong_bao", "dong", "huy", NULL};

static const struct deadline_rule deadlines[] = {
    {"khieu_nai.giai_quyet", KIND_COMPLAINT, "Giải quyết khiếu nại kỷ luật",
     "Resolve the discipline complaint", "thu_ly", decided, 90, 50, 80, 1,
     "DOMAIN.md §4; Quy định 22-QĐ/TW (28/7/2021), Điều 22: 90 ngày làm việc ở cấp tỉnh (180 "
     "ở Trung ương) [config]"},
};

/* The decision is recorded (the case's type: kept, changed, annulled)
 * before the step that decides: the report counts complaints by it. */
static int check_step(struct app *app, const struct case_row *c, const struct case_step *s,
                      const char *note, struct err *e)
{
	(void)app;
	(void)note;
	if (strcmp(s->to, "quyet_dinh") != 0 || (c->subtype && *c->subtype))
		return 0;
	return err_set(e, HOSO_E_CONFLICT, "subtype",
	               "Ghi quyết định giải quyết (giữ nguyên, thay đổi hình thức hay xóa bỏ kỷ "
	               "luật) vào mục Loại của hồ sơ trước khi ra quyết định",
	               "Record the decision (kept, changed or annulled) as the case's type "
	               "before deciding");
}

const struct code_set complaint_decisions = CODE_SET(decisions);

const struct case_kind case_kind_complaint = {
    .id = KIND_COMPLAINT,
    .code = "khieu_nai",
    .prefix = "KN",
    .vi = "Giải quyết khiếu nại kỷ luật",
    .en = "Discipline complaint",
    CASE_TABLE(subtypes, decisions),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    .check_step = check_step,
    CASE_TABLE(figures, figures),
    CASE_TABLE(deadlines, deadlines),
};
