/*
 * inspection.c - the inspection kind (kiểm tra, DOMAIN.md §4): its types,
 * its state machine (plan -> decision -> self-report -> verification ->
 * conclusion -> notice -> discipline if warranted -> follow-up of
 * remedies), and its parts: the findings and remedial actions of
 * finding.c.
 */
#include "app/case.h"
#include "app/finding.h"

#include <string.h>

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
                                      FIGURE_KT_DANG_VIEN, FIGURE_KT_DANG_VIEN_VI_PHAM};

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
    .load = finding_part_load,
    .view = finding_part_view,
    CASE_TABLE(figures, figures),
};
