/*
 * figure.h - the report figures (DOMAIN.md §1, "báo cáo"): a closed set,
 * one enum and one table of what each figure is - its stable code, its
 * names and units in Vietnamese and English, what it counts, the kind of
 * case it is about, and whether it comes from the live counters or from a
 * deadline computed when the report is made.
 *
 * Why in src/core: the store keys its counter definitions (the SQL of
 * src/store/counter.c, a table sized FIGURE__MAX) and its report reading
 * by the figure, the app builds the report and its documents on it, and
 * the store may not include app headers - arrows point down.  A leaf both
 * can see keeps the catalogue, the counters and the documents from
 * drifting apart: each table is indexed by the enum, and a unit test
 * checks that every table has an entry for every figure.
 *
 * The code ("kt_to_chuc") is the figure's stable name: stored in the
 * counter tables and in submitted reports, and sent in JSON.  C compares
 * figures through the enum; the code is parsed once, at the store's edge.
 */
#ifndef HOSO_CORE_FIGURE_H
#define HOSO_CORE_FIGURE_H

/* In report order. */
enum figure {
	FIGURE_KT_TO_CHUC,
	FIGURE_KT_TO_CHUC_VI_PHAM,
	FIGURE_KT_DANG_VIEN,
	FIGURE_KT_DANG_VIEN_VI_PHAM,
	FIGURE_KT_CHU_THE,
	FIGURE_GS_CHUYEN_DE_TO_CHUC,
	FIGURE_GS_CHUYEN_DE_DANG_VIEN,
	FIGURE_GS_THUONG_XUYEN,
	FIGURE_KL_TO_CHUC,
	FIGURE_KL_DANG_VIEN,
	FIGURE_TD_HO_SO,
	FIGURE_TD_KET_QUA,
	FIGURE_TTLL_HO_SO,
	FIGURE_TTLL_KET_QUA,
	FIGURE_VB_TRE_HAN,
	FIGURE_VB_QUA_HAN,
	FIGURE_RNN_DOAN,
	FIGURE_RNN_LUOT,
	FIGURE_RNN_BAO_CAO,
	FIGURE_RNN_BAO_CAO_DUNG_HAN,
	FIGURE_RNN_BAO_CAO_TRE_HAN,
	FIGURE_RNN_BAO_CAO_QUA_HAN,
	FIGURE_ONN_DANG_VIEN,
	FIGURE_KN_NHAN,
	FIGURE_KN_GIAI_QUYET,
	FIGURE_DT_NHAN,
	FIGURE_DT_KENH,
	FIGURE_DT_XU_LY,
	FIGURE_TC_HO_SO,
	FIGURE_TC_KET_LUAN,
	FIGURE_TC_DUNG_HAN,
	FIGURE_TC_TRE_HAN,
	FIGURE_TC_QUA_HAN,
	FIGURE_KNKL_HO_SO,
	FIGURE_KNKL_DUNG_HAN,
	FIGURE_KNKL_TRE_HAN,
	FIGURE_KNKL_QUA_HAN,
	FIGURE__MAX
};

/* Where a figure's numbers come from: the live counters (kept by triggers
 * made from the store's definition of the figure), or a deadline computed
 * with the calendar when the report is made - a traveller's return report,
 * a verification letter's answer, the resolution of a denunciation or a
 * complaint (from the case's history, its pauses left out, as the case
 * itself shows it) - since working days, holidays and the rules' days
 * cannot be counted ahead by a trigger. */
enum figure_source {
	FIGURE_COUNTED,
	FIGURE_TRAVELLER,
	FIGURE_LETTER,
	FIGURE_DENUNCIATION,
	FIGURE_COMPLAINT,
	FIGURE_SOURCE__MAX
};

/* Which outcome of its deadline a figure from a deadline counts. */
enum figure_timing { FIGURE_UNTIMED, FIGURE_ON_TIME, FIGURE_LATE, FIGURE_OVERDUE };

struct figure_def {
	const char *code; /* "kt_to_chuc" */
	const char *vi, *en;
	const char *unit_vi, *unit_en;         /* what one counts: "lượt", "hồ sơ" */
	const char *what;                      /* how it is counted (English) */
	const char *distinct_vi, *distinct_en; /* what the distinct count beside the
	                                        * occurrences counts ("tổ chức");
	                                        * NULL: none */
	const char *kind;                      /* the case kind its records are
	                                        * ("kiem_tra"): the cases behind it */
	enum figure_source source;
	enum figure_timing timing;       /* FIGURE_UNTIMED unless from a deadline */
	const char *short_vi, *short_en; /* a column's heading: "Kiểm tra tổ chức" */
};

/* The figure's entry; NULL past the last.  Static storage. */
const struct figure_def *figure_def(enum figure f);
/* Its stable code; NULL past the last. */
const char *figure_code(enum figure f);
/* The figure of a code: 0, or HOSO_E_BAD_ENUM (*ret untouched). */
int figure_parse(const char *code, enum figure *ret);
/* The figure from a deadline source that counts an outcome: FIGURE__MAX
 * when none does (a letter answered in time is not a figure). */
enum figure figure_of_deadline(enum figure_source source, enum figure_timing timing);

#endif
