/*
 * denunciation.c - the denunciation kind (tố cáo, DOMAIN.md §4): a letter
 * denouncing a party organisation or member, handled by the body it is
 * within the competence of.  The case's subjects are the denounced; the
 * register of incoming letters (petition.h) opens it and keeps the sender,
 * who never appears on the case itself.
 *
 * The time limit [config]: at most 90 working days from the day the
 * competent body received the letter, extendable by at most 30 working
 * days with notice to the denouncer (Quy định 22-QĐ/TW of 28/7/2021 on
 * inspection, supervision and discipline, and its Hướng dẫn 02-HD/TW of
 * 9/12/2021, as the inspection sector's handbooks restate them).  The
 * clock stands while the case waits for another body's answer.
 */
#include "app/denunciation.h"

#include "app/deadline.h"

#include "core/banned.h"

static const struct code_name levels[] = {
    {"co_so", "Cấp cơ sở", "Grassroots level"},
    {"cap_huyen", "Cấp huyện và tương đương", "District level"},
    {"cap_tinh", "Cấp tỉnh và tương đương", "Province level"},
};

static const struct case_state states[] = {
    {"thu_ly", "Đã thụ lý", "Accepted", 0},
    {"quyet_dinh", "Đã có quyết định giải quyết", "Decided to resolve", 0},
    {"xac_minh", "Đang thẩm tra, xác minh", "Verifying", 0},
    {"cho_co_quan_khac", "Chờ cơ quan khác trả lời", "Waiting for another body", CASE_PAUSES},
    {"ket_luan", "Đã kết luận", "Concluded", 0},
    {"thong_bao", "Đã thông báo kết quả", "Result notified", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
    {"huy", "Hủy (người tố cáo rút đơn)", "Cancelled (withdrawn)", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"thu_ly", "quyet_dinh", "Ra quyết định giải quyết tố cáo", "Decide to resolve", CASE_LEADER,
     0},
    {"quyet_dinh", "xac_minh", "Tiến hành thẩm tra, xác minh", "Verify", CASE_OFFICER, 0},
    {"xac_minh", "cho_co_quan_khac", "Chờ cơ quan khác trả lời", "Wait for another body",
     CASE_OFFICER, 0},
    {"cho_co_quan_khac", "xac_minh", "Tiếp tục xác minh", "Resume verifying", CASE_OFFICER, 0},
    {"xac_minh", "ket_luan", "Kết luận nội dung tố cáo", "Conclude", CASE_LEADER, CASE_CONCLUDES},
    {"ket_luan", "thong_bao", "Thông báo kết quả cho người tố cáo và người bị tố cáo",
     "Notify the denouncer and the denounced", CASE_OFFICER, 0},
    {"thong_bao", "dong", "Kết thúc", "Close", CASE_LEADER, 0},
    {"thu_ly", "huy", "Hủy (người tố cáo rút đơn)", "Cancel (the denouncer withdrew)", CASE_LEADER,
     0},
    {"quyet_dinh", "huy", "Hủy (người tố cáo rút đơn)", "Cancel (the denouncer withdrew)",
     CASE_LEADER, 0},
};

static const enum figure figures[] = {FIGURE_TC_HO_SO};

static const char *const resolved[] = {"ket_luan", "thong_bao", "dong", "huy", NULL};

static const struct deadline_rule deadlines[] = {
    {"to_cao.giai_quyet", KIND_DENUNCIATION, "Giải quyết tố cáo", "Resolve the denunciation",
     "thu_ly", resolved, 90, 50, 80, 1,
     "Quy định 22-QĐ/TW (28/7/2021), Hướng dẫn 02-HD/TW (9/12/2021): chậm nhất 90 ngày làm "
     "việc kể từ ngày nhận tố cáo, gia hạn không quá 30 ngày làm việc [config]"},
};

const struct code_name *denunciation_levels(size_t *n)
{
	*n = CASE_N(levels);
	return levels;
}

const struct case_kind case_kind_denunciation = {
    .id = KIND_DENUNCIATION,
    .code = "to_cao",
    .prefix = "TC",
    .vi = "Giải quyết tố cáo",
    .en = "Denunciation",
    CASE_TABLE(subtypes, levels),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    CASE_TABLE(figures, figures),
    CASE_TABLE(deadlines, deadlines),
};
