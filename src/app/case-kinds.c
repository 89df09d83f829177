/*
 * case-kinds.c - the kinds of case and their state machines (DOMAIN.md §4).
 * Each kind lists its states (the first is where a case starts) and the
 * steps between them, with who may take each step: officers (chuyên viên)
 * record the work, leaders (lãnh đạo) decide and conclude.
 */
#include "app/case.h"

#include <string.h>

#include "core/banned.h"

#define OFFICER ((1u << ROLE_OFFICER) | (1u << ROLE_LEADER))
#define LEADER  (1u << ROLE_LEADER)
#define N(a)    (sizeof(a) / sizeof((a)[0]))

/* ---- inspection (kiểm tra) ---- */
static const char *const inspection_types[] = {
    "dau_hieu_vi_pham", "chap_hanh", "chuyen_de", "cap_duoi_kt_kl", "tai_chinh_dang_phi", NULL};
static const struct case_state inspection_states[] = {
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
static const struct case_step inspection_steps[] = {
    {"ke_hoach", "quyet_dinh", "Ra quyết định kiểm tra", "Issue the decision", LEADER, 0},
    {"quyet_dinh", "tu_kiem_diem", "Đối tượng tự kiểm điểm", "Subject's self-report", OFFICER, 0},
    {"tu_kiem_diem", "tham_tra", "Thẩm tra, xác minh", "Verify", OFFICER, 0},
    {"tham_tra", "ket_luan", "Kết luận kiểm tra", "Conclude", LEADER, CASE_CONCLUDES},
    {"ket_luan", "thong_bao", "Thông báo kết luận", "Notify the conclusion", OFFICER, 0},
    {"thong_bao", "ky_luat", "Đề nghị xem xét kỷ luật", "Propose discipline", LEADER, 0},
    {"thong_bao", "theo_doi", "Theo dõi khắc phục", "Follow up the remedies", OFFICER, 0},
    {"ky_luat", "theo_doi", "Theo dõi khắc phục", "Follow up the remedies", OFFICER, 0},
    {"theo_doi", "dong", "Kết thúc", "Close", LEADER, 0},
    {"ke_hoach", "huy", "Hủy kế hoạch", "Cancel", LEADER, 0},
    {"quyet_dinh", "huy", "Hủy quyết định", "Cancel", LEADER, 0},
};

/* ---- supervision (giám sát) ---- */
static const char *const supervision_types[] = {"thuong_xuyen", "chuyen_de", NULL};
static const struct case_state supervision_states[] = {
    {"ke_hoach", "Kế hoạch", "Planned", 0},
    {"quyet_dinh", "Đã có quyết định", "Decided", 0},
    {"thuc_hien", "Đang giám sát", "Under way", 0},
    {"thong_bao", "Đã thông báo kết quả", "Result notified", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
    {"huy", "Hủy", "Cancelled", CASE_FINAL},
};
static const struct case_step supervision_steps[] = {
    {"ke_hoach", "quyet_dinh", "Ra quyết định giám sát", "Issue the decision", LEADER, 0},
    {"ke_hoach", "thuc_hien", "Bắt đầu giám sát thường xuyên", "Start regular supervision", OFFICER,
     0},
    {"quyet_dinh", "thuc_hien", "Tiến hành giám sát", "Carry out", OFFICER, 0},
    {"thuc_hien", "thong_bao", "Thông báo kết quả giám sát", "Notify the result", LEADER,
     CASE_CONCLUDES},
    {"thuc_hien", "dong", "Kết thúc (không cần thông báo)", "Close (no notice needed)", LEADER,
     CASE_CONCLUDES},
    {"thong_bao", "dong", "Kết thúc", "Close", OFFICER, 0},
    {"ke_hoach", "huy", "Hủy kế hoạch", "Cancel", LEADER, 0},
};

/* ---- discipline (kỷ luật) ---- */
static const struct case_state discipline_states[] = {
    {"de_nghi", "Đề nghị", "Proposed", 0},
    {"xem_xet", "Đang xem xét", "Under review", 0},
    {"quyet_dinh", "Đã quyết định kỷ luật", "Decided", 0},
    {"thi_hanh", "Đề nghị chính quyền, đoàn thể xử lý", "Referred to the State body", 0},
    {"khieu_nai", "Có khiếu nại", "Complaint filed", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
    {"khong_ky_luat", "Không kỷ luật", "No discipline", CASE_FINAL},
};
static const struct case_step discipline_steps[] = {
    {"de_nghi", "xem_xet", "Xem xét", "Review", OFFICER, 0},
    {"xem_xet", "quyet_dinh", "Quyết định kỷ luật", "Decide the discipline", LEADER,
     CASE_CONCLUDES},
    {"xem_xet", "khong_ky_luat", "Không kỷ luật", "No discipline", LEADER, CASE_CONCLUDES},
    {"quyet_dinh", "thi_hanh", "Đề nghị chính quyền, đoàn thể xử lý",
     "Ask the State or mass body to act", OFFICER, 0},
    {"quyet_dinh", "khieu_nai", "Nhận khiếu nại", "Receive a complaint", OFFICER, 0},
    {"thi_hanh", "khieu_nai", "Nhận khiếu nại", "Receive a complaint", OFFICER, 0},
    {"khieu_nai", "dong", "Giải quyết khiếu nại", "Resolve the complaint", LEADER, CASE_CONCLUDES},
    {"quyet_dinh", "dong", "Kết thúc", "Close", OFFICER, 0},
    {"thi_hanh", "dong", "Kết thúc", "Close", OFFICER, 0},
};

/* ---- political-standard appraisal (thẩm định tiêu chuẩn chính trị) ---- */
static const char *const appraisal_purposes[] = {
    "bo_nhiem", "bau_cu", "quy_hoach", "luan_chuyen", "dao_tao_nuoc_ngoai", "khac", NULL};
static const struct case_state appraisal_states[] = {
    {"tiep_nhan", "Đã tiếp nhận hồ sơ", "Received", 0},
    {"cho_bo_sung", "Chờ bổ sung hồ sơ", "Waiting for documents", CASE_PAUSES},
    {"xac_minh", "Đang xác minh", "Verifying", 0},
    {"ket_luan", "Đã kết luận", "Concluded", CASE_FINAL},
    {"chuyen_cap_tren", "Chuyển cấp trên", "Referred up", CASE_FINAL},
};
static const struct case_step appraisal_steps[] = {
    {"tiep_nhan", "cho_bo_sung", "Đề nghị bổ sung hồ sơ", "Ask for missing documents", OFFICER, 0},
    {"cho_bo_sung", "tiep_nhan", "Đã nhận đủ hồ sơ", "Documents complete", OFFICER, 0},
    {"tiep_nhan", "xac_minh", "Gửi xác minh", "Send for verification", OFFICER, 0},
    {"xac_minh", "tiep_nhan", "Đã có kết quả xác minh", "Verification answered", OFFICER, 0},
    {"tiep_nhan", "ket_luan", "Kết luận thẩm định", "Conclude", LEADER, CASE_CONCLUDES},
    {"xac_minh", "ket_luan", "Kết luận thẩm định", "Conclude", LEADER, CASE_CONCLUDES},
    {"tiep_nhan", "chuyen_cap_tren", "Chuyển cấp trên xem xét", "Refer to the higher level", LEADER,
     CASE_CONCLUDES},
};

/* ---- admission background check (thẩm tra lý lịch người vào Đảng) ---- */
static const struct case_state admission_states[] = {
    {"tiep_nhan", "Đã tiếp nhận", "Received", 0},
    {"dang_tham_tra", "Đang thẩm tra", "Checking", 0},
    {"ket_luan", "Đã kết luận", "Concluded", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
};
static const struct case_step admission_steps[] = {
    {"tiep_nhan", "dang_tham_tra", "Gửi văn bản thẩm tra", "Send verification letters", OFFICER, 0},
    {"tiep_nhan", "ket_luan", "Kết luận (được miễn thẩm tra)", "Conclude (exempt)", LEADER,
     CASE_CONCLUDES},
    {"dang_tham_tra", "ket_luan", "Kết luận thẩm tra", "Conclude", LEADER, CASE_CONCLUDES},
    {"ket_luan", "dang_tham_tra", "Tạm dừng để thẩm tra thêm", "Hold for further checking", LEADER,
     0},
    {"ket_luan", "dong", "Kết thúc", "Close", OFFICER, 0},
};

/* ---- trip abroad (ra nước ngoài) ---- */
static const char *const trip_types[] = {"viec_rieng", "cong_vu", NULL};
static const struct case_state trip_states[] = {
    {"don", "Đã nhận đơn", "Application received", 0},
    {"y_kien_chi_bo", "Có ý kiến chi bộ", "Cell's opinion given", 0},
    {"dong_y", "Đồng ý", "Approved", 0},
    {"khong_dong_y", "Không đồng ý", "Refused", CASE_FINAL},
    {"dang_di", "Đang ở nước ngoài", "Abroad", 0},
    {"da_ve", "Đã về nước", "Returned", 0},
    {"da_nop_bao_cao", "Đã nộp báo cáo", "Report received", 0},
    {"da_xem_xet", "Đã xem xét báo cáo", "Report reviewed", CASE_FINAL},
    {"khong_di", "Không đi", "Did not travel", CASE_FINAL},
};
static const struct case_step trip_steps[] = {
    {"don", "y_kien_chi_bo", "Ghi ý kiến chi bộ", "Record the cell's opinion", OFFICER, 0},
    {"y_kien_chi_bo", "dong_y", "Đồng ý cho đi", "Approve", LEADER, 0},
    {"y_kien_chi_bo", "khong_dong_y", "Không đồng ý", "Refuse", LEADER, CASE_CONCLUDES},
    {"don", "dong_y", "Đồng ý cho đi (đoàn công vụ)", "Approve (official delegation)", LEADER, 0},
    {"dong_y", "dang_di", "Xuất cảnh", "Departed", OFFICER, 0},
    {"dong_y", "khong_di", "Không đi", "Did not travel", OFFICER, 0},
    {"dang_di", "da_ve", "Nhập cảnh về nước", "Returned", OFFICER, 0},
    {"da_ve", "da_nop_bao_cao", "Nhận báo cáo sau chuyến đi", "Report received", OFFICER, 0},
    {"da_nop_bao_cao", "da_xem_xet", "Xem xét báo cáo", "Review the report", LEADER,
     CASE_CONCLUDES},
};

/* ---- stay abroad ≥ 12 months (đảng viên ở nước ngoài) ---- */
static const char *const stay_purposes[] = {"hoc_tap", "lao_dong", "cong_tac", "gia_dinh", NULL};
static const struct case_state stay_states[] = {
    {"dang_o", "Đang ở nước ngoài", "Abroad", 0},
    {"da_ve", "Đã về nước", "Returned", 0},
    {"da_tu_danh_gia", "Đã tự đánh giá", "Self-assessed", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
};
static const struct case_step stay_steps[] = {
    {"dang_o", "da_ve", "Về nước", "Returned", OFFICER, 0},
    {"da_ve", "da_tu_danh_gia", "Nhận bản tự đánh giá", "Self-assessment received", OFFICER, 0},
    {"da_tu_danh_gia", "dong", "Kết thúc", "Close", LEADER, CASE_CONCLUDES},
};

#define KIND(code, prefix, vi, en, sub, st, sp)                                                    \
	{                                                                                          \
		code, prefix, vi, en, sub, st, N(st), sp, N(sp)                                    \
	}

static const struct case_kind kinds[] = {
    KIND("kiem_tra", "KT", "Kiểm tra", "Inspection", inspection_types, inspection_states,
         inspection_steps),
    KIND("giam_sat", "GS", "Giám sát", "Supervision", supervision_types, supervision_states,
         supervision_steps),
    KIND("ky_luat", "KL", "Kỷ luật", "Discipline", NULL, discipline_states, discipline_steps),
    KIND("tham_dinh", "TD", "Thẩm định tiêu chuẩn chính trị", "Political-standard appraisal",
         appraisal_purposes, appraisal_states, appraisal_steps),
    KIND("tham_tra_ly_lich", "TTLL", "Thẩm tra lý lịch người vào Đảng",
         "Admission background check", NULL, admission_states, admission_steps),
    KIND("ra_nuoc_ngoai", "RNN", "Ra nước ngoài", "Trip abroad", trip_types, trip_states,
         trip_steps),
    KIND("o_nuoc_ngoai", "ONN", "Đảng viên ở nước ngoài", "Member staying abroad", stay_purposes,
         stay_states, stay_steps),
};

const struct case_kind *case_kinds(size_t *n)
{
	*n = N(kinds);
	return kinds;
}

const struct case_kind *case_kind_find(const char *code)
{
	for (size_t i = 0; code && i < N(kinds); i++)
		if (strcmp(kinds[i].code, code) == 0)
			return &kinds[i];
	return NULL;
}

const struct case_state *case_state_find(const struct case_kind *k, const char *code)
{
	for (size_t i = 0; code && i < k->nstates; i++)
		if (strcmp(k->states[i].code, code) == 0)
			return &k->states[i];
	return NULL;
}

const struct case_step *case_step_find(const struct case_kind *k, const char *from, const char *to)
{
	for (size_t i = 0; from && to && i < k->nsteps; i++)
		if (strcmp(k->steps[i].from, from) == 0 && strcmp(k->steps[i].to, to) == 0)
			return &k->steps[i];
	return NULL;
}
