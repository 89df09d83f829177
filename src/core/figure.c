/*
 * figure.c - the table of the report figures (figure.h), in report order.
 * How each counted figure is counted from the raw records is the store's
 * (src/store/counter.c, a table indexed by the same enum); a unit test
 * checks both tables have an entry for every figure.
 */
#include "core/figure.h"

#include <string.h>

#include "core/err.h"

#include "core/banned.h"

#define ORGS    "tổ chức", "organisations"
#define MEMBERS "đảng viên", "members"

static const struct figure_def figures[FIGURE__MAX] = {
    [FIGURE_KT_TO_CHUC] = {"kt_to_chuc", "Tổ chức đảng được kiểm tra",
                           "Party organisations inspected", "lượt", "occurrences",
                           "subject organisations of inspections, by the day the case opened; "
                           "by type",
                           ORGS, "kiem_tra", .short_vi = "Kiểm tra tổ chức",
                           .short_en = "Organisations inspected"},
    [FIGURE_KT_TO_CHUC_VI_PHAM] = {"kt_to_chuc_vi_pham", "Tổ chức đảng được kiểm tra có vi phạm",
                                   "Organisations inspected with violations", "lượt", "occurrences",
                                   "subject organisations with a finding other than no "
                                   "violation; by conclusion",
                                   ORGS, "kiem_tra", .short_vi = "Tổ chức có vi phạm",
                                   .short_en = "Organisations in violation"},
    [FIGURE_KT_DANG_VIEN] = {"kt_dang_vien", "Đảng viên được kiểm tra", "Party members inspected",
                             "lượt", "occurrences",
                             "subject members of inspections, by the day the case opened; by "
                             "type",
                             MEMBERS, "kiem_tra", .short_vi = "Kiểm tra đảng viên",
                             .short_en = "Members inspected"},
    [FIGURE_KT_DANG_VIEN_VI_PHAM] = {"kt_dang_vien_vi_pham", "Đảng viên được kiểm tra có vi phạm",
                                     "Members inspected with violations", "lượt", "occurrences",
                                     "subject members with a finding other than no violation; "
                                     "by conclusion",
                                     MEMBERS, "kiem_tra", .short_vi = "Đảng viên có vi phạm",
                                     .short_en = "Members in violation"},
    [FIGURE_KT_CHU_THE] = {"kt_chu_the", "Cuộc kiểm tra theo chủ thể kiểm tra",
                           "Inspections by actor", "cuộc", "inspections",
                           "inspection cases whose actor is recorded (the committee, its "
                           "standing committee, the inspection commission or the party cell), "
                           "by the day the case opened; by actor",
                           .kind = "kiem_tra", .short_vi = "Cuộc kiểm tra theo chủ thể",
                           .short_en = "Inspections by actor"},
    [FIGURE_GS_CHUYEN_DE_TO_CHUC] = {"gs_chuyen_de_to_chuc", "Tổ chức đảng được giám sát chuyên đề",
                                     "Organisations under thematic supervision", "lượt",
                                     "occurrences",
                                     "subject organisations of thematic supervisions", ORGS,
                                     "giam_sat", .short_vi = "Giám sát tổ chức",
                                     .short_en = "Organisations supervised"},
    [FIGURE_GS_CHUYEN_DE_DANG_VIEN] = {"gs_chuyen_de_dang_vien",
                                       "Đảng viên được giám sát chuyên đề",
                                       "Members under thematic supervision", "lượt", "occurrences",
                                       "subject members of thematic supervisions", MEMBERS,
                                       "giam_sat", .short_vi = "Giám sát đảng viên",
                                       .short_en = "Members supervised"},
    [FIGURE_GS_THUONG_XUYEN] = {"gs_thuong_xuyen", "Cuộc giám sát thường xuyên",
                                "Regular supervisions", "cuộc", "cases",
                                "regular supervision cases", .kind = "giam_sat",
                                .short_vi = "Giám sát thường xuyên",
                                .short_en = "Regular supervisions"},
    [FIGURE_KL_TO_CHUC] = {"kl_to_chuc", "Tổ chức đảng bị kỷ luật", "Organisations disciplined",
                           "lượt", "decisions",
                           "discipline decisions about organisations, by the day decided; by "
                           "form",
                           ORGS, "ky_luat", .short_vi = "Kỷ luật tổ chức",
                           .short_en = "Organisations disciplined"},
    [FIGURE_KL_DANG_VIEN] = {"kl_dang_vien", "Đảng viên bị kỷ luật", "Members disciplined", "lượt",
                             "decisions",
                             "discipline decisions about members, by the day decided; by form",
                             MEMBERS, "ky_luat", .short_vi = "Kỷ luật đảng viên",
                             .short_en = "Members disciplined"},
    [FIGURE_TD_HO_SO] = {"td_ho_so", "Hồ sơ thẩm định tiêu chuẩn chính trị",
                         "Political-standard appraisals", "hồ sơ", "dossiers",
                         "appraisal cases, by the day received; by purpose", .kind = "tham_dinh",
                         .short_vi = "Thẩm định", .short_en = "Appraisals"},
    [FIGURE_TD_KET_QUA] = {"td_ket_qua", "Kết quả thẩm định", "Appraisal outcomes", "hồ sơ",
                           "dossiers", "appraisals with an outcome recorded; by outcome",
                           .kind = "tham_dinh", .short_vi = "Kết quả thẩm định",
                           .short_en = "Appraisal outcomes"},
    [FIGURE_TTLL_HO_SO] = {"ttll_ho_so", "Hồ sơ thẩm tra lý lịch người vào Đảng",
                           "Admission background checks", "hồ sơ", "dossiers",
                           "background-check cases, by the day received",
                           .kind = "tham_tra_ly_lich", .short_vi = "Thẩm tra lý lịch",
                           .short_en = "Background checks"},
    [FIGURE_TTLL_KET_QUA] = {"ttll_ket_qua", "Kết quả thẩm tra lý lịch người vào Đảng",
                             "Background-check outcomes", "hồ sơ", "dossiers",
                             "background checks with an outcome recorded (agree, refer to the "
                             "standing committee, hold for further checking), by the day "
                             "received; by outcome",
                             .kind = "tham_tra_ly_lich", .short_vi = "Kết quả thẩm tra lý lịch",
                             .short_en = "Background-check outcomes"},
    [FIGURE_VB_TRE_HAN] = {"vb_tre_han", "Văn bản thẩm tra, xác minh được trả lời trễ hạn",
                           "Verification letters answered late", "văn bản", "letters",
                           "letters sent in the period, answered after their due date (rule "
                           "thu_xac_minh.tra_loi, in working days)",
                           .source = FIGURE_LETTER, .timing = FIGURE_LATE,
                           .short_vi = "Văn bản trả lời trễ hạn",
                           .short_en = "Letters answered late"},
    [FIGURE_VB_QUA_HAN] = {"vb_qua_han", "Văn bản thẩm tra, xác minh quá hạn chưa được trả lời",
                           "Verification letters overdue, unanswered", "văn bản", "letters",
                           "letters sent in the period, past their due date today and not "
                           "answered",
                           .source = FIGURE_LETTER, .timing = FIGURE_OVERDUE,
                           .short_vi = "Văn bản quá hạn", .short_en = "Letters overdue"},
    [FIGURE_RNN_DOAN] = {"rnn_doan", "Đoàn ra nước ngoài", "Delegations abroad", "đoàn",
                         "delegations",
                         "trip cases (a private trip is a delegation of one); by kind",
                         .kind = "ra_nuoc_ngoai", .short_vi = "Đoàn ra nước ngoài",
                         .short_en = "Delegations abroad"},
    [FIGURE_RNN_LUOT] = {"rnn_luot", "Lượt người ra nước ngoài", "Person-trips abroad", "lượt",
                         "person-trips", "travellers of the trips; by kind", "người", "persons",
                         "ra_nuoc_ngoai", .short_vi = "Lượt người ra nước ngoài",
                         .short_en = "Person-trips abroad"},
    [FIGURE_RNN_BAO_CAO] = {"rnn_bao_cao", "Báo cáo sau chuyến đi đã nhận",
                            "Return reports received", "báo cáo", "reports",
                            "travellers whose return report was received", .kind = "ra_nuoc_ngoai",
                            .short_vi = "Báo cáo sau chuyến đi", .short_en = "Return reports"},
    [FIGURE_RNN_BAO_CAO_DUNG_HAN] = {"rnn_bao_cao_dung_han", "Báo cáo sau chuyến đi nộp đúng hạn",
                                     "Return reports on time", "báo cáo", "reports",
                                     "travellers back whose report came by its due date (rule "
                                     "ra_nuoc_ngoai.bao_cao: 7 working days after re-entry)",
                                     .kind = "ra_nuoc_ngoai", .source = FIGURE_TRAVELLER,
                                     .timing = FIGURE_ON_TIME, .short_vi = "Báo cáo đúng hạn",
                                     .short_en = "Reports on time"},
    [FIGURE_RNN_BAO_CAO_TRE_HAN] = {"rnn_bao_cao_tre_han", "Báo cáo sau chuyến đi nộp trễ hạn",
                                    "Return reports late", "báo cáo", "reports",
                                    "travellers back whose report came after its due date",
                                    .kind = "ra_nuoc_ngoai", .source = FIGURE_TRAVELLER,
                                    .timing = FIGURE_LATE, .short_vi = "Báo cáo trễ hạn",
                                    .short_en = "Reports late"},
    [FIGURE_RNN_BAO_CAO_QUA_HAN] = {"rnn_bao_cao_qua_han", "Báo cáo sau chuyến đi quá hạn chưa nộp",
                                    "Return reports overdue, not received", "báo cáo", "reports",
                                    "travellers back whose report is past its due date today and "
                                    "not received",
                                    .kind = "ra_nuoc_ngoai", .source = FIGURE_TRAVELLER,
                                    .timing = FIGURE_OVERDUE, .short_vi = "Báo cáo quá hạn",
                                    .short_en = "Reports overdue"},
    [FIGURE_ONN_DANG_VIEN] = {"onn_dang_vien", "Đảng viên ở nước ngoài", "Members staying abroad",
                              "người", "members",
                              "stay-abroad cases, by the day opened; by purpose",
                              .kind = "o_nuoc_ngoai", .short_vi = "Đảng viên ở nước ngoài",
                              .short_en = "Members abroad"},
    [FIGURE_KN_NHAN] = {"kn_nhan", "Khiếu nại kỷ luật đã nhận", "Discipline complaints received",
                        "đơn", "complaints",
                        "complaint cases (khieu_nai), by the day the complaint was received",
                        .kind = "khieu_nai", .short_vi = "Khiếu nại đã nhận",
                        .short_en = "Complaints received"},
    [FIGURE_KN_GIAI_QUYET] = {"kn_giai_quyet", "Khiếu nại kỷ luật đã giải quyết",
                              "Discipline complaints resolved", "đơn", "complaints",
                              "complaint cases decided, by the day decided; by decision",
                              .kind = "khieu_nai", .short_vi = "Khiếu nại đã giải quyết",
                              .short_en = "Complaints resolved"},
    [FIGURE_DT_NHAN] = {"dt_nhan", "Đơn thư nhận được", "Letters received", "đơn", "letters",
                        "incoming letters registered, by the day received; by kind",
                        .short_vi = "Đơn thư nhận", .short_en = "Letters received"},
    [FIGURE_DT_KENH] = {"dt_kenh", "Đơn thư nhận được theo nguồn tiếp nhận",
                        "Letters received by channel", "đơn", "letters",
                        "incoming letters registered, by the day received; by channel (in "
                        "person, post, transferred by another body, mailbox)",
                        .short_vi = "Đơn thư theo nguồn", .short_en = "Letters by channel"},
    [FIGURE_DT_XU_LY] = {"dt_xu_ly", "Đơn thư đã phân loại, xử lý", "Letters classified", "đơn",
                         "letters",
                         "incoming letters classified (handled here, transferred, kept), by "
                         "the day received; by how",
                         .short_vi = "Đơn thư đã xử lý", .short_en = "Letters classified"},
    [FIGURE_TC_HO_SO] = {"tc_ho_so", "Vụ tố cáo được thụ lý giải quyết", "Denunciations handled",
                         "vụ", "cases", "denunciation cases, by the day the letter was received",
                         .kind = "to_cao", .short_vi = "Tố cáo thụ lý",
                         .short_en = "Denunciations handled"},
    [FIGURE_TC_KET_LUAN] = {"tc_ket_luan", "Nội dung tố cáo đã kết luận",
                            "Denunciation points concluded", "nội dung", "points",
                            "content points of denunciations with a conclusion, by the day "
                            "the letter was received; by conclusion (true, partly, untrue)",
                            .kind = "to_cao", .short_vi = "Nội dung tố cáo đã kết luận",
                            .short_en = "Points concluded"},
    [FIGURE_TC_DUNG_HAN] = {"tc_dung_han", "Vụ tố cáo giải quyết đúng hạn",
                            "Denunciations resolved on time", "vụ", "cases",
                            "denunciation cases (not withdrawn), by the day the letter was "
                            "received, concluded by their due date (rule to_cao.giai_quyet, "
                            "in working days, the time waiting for another body left out)",
                            .kind = "to_cao", .source = FIGURE_DENUNCIATION,
                            .timing = FIGURE_ON_TIME, .short_vi = "Tố cáo đúng hạn",
                            .short_en = "Denunciations on time"},
    [FIGURE_TC_TRE_HAN] = {"tc_tre_han", "Vụ tố cáo giải quyết quá hạn",
                           "Denunciations resolved late", "vụ", "cases",
                           "denunciation cases concluded after their due date", .kind = "to_cao",
                           .source = FIGURE_DENUNCIATION, .timing = FIGURE_LATE,
                           .short_vi = "Tố cáo giải quyết quá hạn",
                           .short_en = "Denunciations late"},
    [FIGURE_TC_QUA_HAN] = {"tc_qua_han", "Vụ tố cáo quá hạn chưa giải quyết",
                           "Denunciations overdue, unresolved", "vụ", "cases",
                           "denunciation cases past their due date today and not concluded",
                           .kind = "to_cao", .source = FIGURE_DENUNCIATION,
                           .timing = FIGURE_OVERDUE, .short_vi = "Tố cáo quá hạn",
                           .short_en = "Denunciations overdue"},
    [FIGURE_KNKL_HO_SO] = {"knkl_ho_so", "Vụ khiếu nại kỷ luật được thụ lý",
                           "Discipline complaints handled", "vụ", "cases",
                           "complaint cases, by the day the letter was received; by decision",
                           .kind = "khieu_nai", .short_vi = "Khiếu nại thụ lý",
                           .short_en = "Complaints handled"},
    [FIGURE_KNKL_DUNG_HAN] = {"knkl_dung_han", "Vụ khiếu nại kỷ luật giải quyết đúng hạn",
                              "Discipline complaints resolved on time", "vụ", "cases",
                              "complaint cases (not withdrawn), by the day the letter was "
                              "received, decided by their due date (rule "
                              "khieu_nai.giai_quyet, in working days)",
                              .kind = "khieu_nai", .source = FIGURE_COMPLAINT,
                              .timing = FIGURE_ON_TIME, .short_vi = "Khiếu nại đúng hạn",
                              .short_en = "Complaints on time"},
    [FIGURE_KNKL_TRE_HAN] = {"knkl_tre_han", "Vụ khiếu nại kỷ luật giải quyết quá hạn",
                             "Discipline complaints resolved late", "vụ", "cases",
                             "complaint cases decided after their due date", .kind = "khieu_nai",
                             .source = FIGURE_COMPLAINT, .timing = FIGURE_LATE,
                             .short_vi = "Khiếu nại giải quyết quá hạn",
                             .short_en = "Complaints late"},
    [FIGURE_KNKL_QUA_HAN] = {"knkl_qua_han", "Vụ khiếu nại kỷ luật quá hạn chưa giải quyết",
                             "Discipline complaints overdue, undecided", "vụ", "cases",
                             "complaint cases past their due date today and not decided",
                             .kind = "khieu_nai", .source = FIGURE_COMPLAINT,
                             .timing = FIGURE_OVERDUE, .short_vi = "Khiếu nại quá hạn",
                             .short_en = "Complaints overdue"},
};

const struct figure_def *figure_def(enum figure f)
{
	return (unsigned)f < FIGURE__MAX ? &figures[f] : NULL;
}

const char *figure_code(enum figure f)
{
	return (unsigned)f < FIGURE__MAX ? figures[f].code : NULL;
}

int figure_parse(const char *code, enum figure *ret)
{
	for (int i = 0; code && i < FIGURE__MAX; i++)
		if (figures[i].code && strcmp(figures[i].code, code) == 0) {
			*ret = (enum figure)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

enum figure figure_of_deadline(enum figure_source source, enum figure_timing timing)
{
	for (int i = 0; source != FIGURE_COUNTED && i < FIGURE__MAX; i++)
		if (figures[i].source == source && figures[i].timing == timing)
			return (enum figure)i;
	return FIGURE__MAX;
}
