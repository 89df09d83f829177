/*
 * demo.c - the synthetic demo province and the national benchmark dataset
 * (see demo.h).
 *
 * Shape of one province, modelled on Điện Biên before and after 1/7/2025:
 *   Tỉnh ủy
 *   ├─ 10 district committees (huyện/thị xã/thành phố), each with its old
 *   │  commune committees (129 in all: đảng bộ cơ sở, with village chi bộ)
 *   │  and ~31 other grassroots organisations (agencies, schools, clinics)
 *   └─ 4 bloc committees (cơ quan, doanh nghiệp, quân sự, công an) with 180
 *      grassroots organisations
 * = 14 committees directly under the province, 617 grassroots organisations,
 * ~2,800 organisations and ~48,000 members.  On 1/7/2025 every district
 * splits into its new communes (45 in all, directly under the province),
 * which receive the district's grassroots organisations; the old commune
 * committees merge into the new communes.  Afterwards: 49 direct committees
 * and ~49,000 members.  Everything goes through the same use cases as a
 * user's edits (org_create, org_split, org_merge, person_prepare), so the
 * demo obeys the rules.  Ten years of cases follow (demo-cases.c).
 *
 * The national dataset is 22 provinces of that shape, made one after the
 * other, each with about 5 times the members and 5 times the cases.
 */
#include "app/demo.h"
#include "app/demoInt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/org.h"
#include "app/person.h"
#include "app/term.h"
#include "store/store.h"

#include "core/banned.h"

#define BATCH 5000

/* ---- names ---- */

enum ethnic { ETH_KINH, ETH_THAI, ETH_MONG, ETH_KHOMU, ETH__MAX };

static const char *const eth_name[ETH__MAX] = {
    [ETH_KINH] = "Kinh",
    [ETH_THAI] = "Thái",
    [ETH_MONG] = "Mông",
    [ETH_KHOMU] = "Khơ Mú",
};

static const char *const kinh_family[] = {
    "Nguyễn", "Trần",  "Lê",   "Phạm", "Hoàng",  "Vũ",  "Đặng", "Bùi",   "Đỗ",    "Hồ",
    "Ngô",    "Dương", "Lý",   "Đinh", "Trịnh",  "Đào", "Mai",  "Cao",   "Lương", "Hà",
    "Tạ",     "Đoàn",  "Phan", "Võ",   "Trương", "Lại", "Nông", "Quách",
};
static const char *const kinh_mid_m[] = {"Văn",  "Đức",  "Minh",  "Quang", "Hữu",   "Xuân",
                                         "Công", "Mạnh", "Thanh", "Ngọc",  "Trọng", "Đình"};
static const char *const kinh_mid_f[] = {"Thị", "Thị",  "Thị",   "Thu",  "Hồng",
                                         "Kim", "Ngọc", "Thanh", "Minh", "Phương"};
static const char *const kinh_given_m[] = {
    "An",   "Bình", "Cường", "Dũng",  "Duy",   "Đức",   "Giang", "Hải",  "Hiếu",
    "Hòa",  "Hoà",  "Hoàng", "Hùng",  "Huy",   "Khánh", "Long",  "Minh", "Nam",
    "Quân", "Quý",  "Quí",   "Sơn",   "Thắng", "Trung", "Tuấn",  "Việt", "Vinh",
    "Kỳ",   "Kì",   "Đạt",   "Thành", "Tùng",  "Phúc",  "Lâm",   "Toàn",
};
static const char *const kinh_given_f[] = {
    "Anh",  "Hà",     "Hạnh", "Hiền", "Hương", "Lan",  "Linh",  "Mai",  "Nga",
    "Ngọc", "Phương", "Tâm",  "Thảo", "Thủy",  "Thuỷ", "Trang", "Vân",  "Yến",
    "Thúy", "Huyền",  "Dung", "Loan", "Hoa",   "Oanh", "Nhung", "Liên", "Quỳnh",
};
static const char *const thai_family[] = {"Lò",    "Lường",  "Quàng", "Cà",   "Tòng", "Lù",
                                          "Điêu",  "Khoàng", "Vì",    "Lèo",  "Bạc",  "Lừ",
                                          "Hoàng", "Lê",     "Lò",    "Quàng"};
static const char *const thai_given_m[] = {"Muôn",  "Pánh",  "Xiêng", "Bun",  "Ươi",   "Chăm",
                                           "Ín",    "Khăm",  "Piềng", "Ún",   "Sương", "Panh",
                                           "Đôi",   "Thanh", "Bình",  "Hùng", "Tiến",  "Xôm",
                                           "Phanh", "Hặc",   "Lả",    "Tun",  "Ngoan", "Pấng"};
static const char *const thai_given_f[] = {"Ươi",   "Xuân",  "Sương", "Ngọc", "Hương", "Mai",
                                           "Thanh", "Bình",  "Ón",    "Kim",  "Xiêm",  "Phương",
                                           "Hoa",   "Ngoan", "Pọm",   "Ính"};
static const char *const mong_family[] = {"Giàng", "Vàng", "Sùng", "Mùa",  "Lầu",
                                          "Thào",  "Lý",   "Hờ",   "Mua",  "Tráng",
                                          "Chang", "Cứ",   "Vừ",   "Hạng", "Ly"};
static const char *const mong_mid_m[] = {"A", "Seo", "Văn", "Chứ", "Páo", "Sính", "Nhìa", "A"};
static const char *const mong_given_m[] = {"Vảng", "Dình", "Chá", "Sính",  "Lử",   "Pó",
                                           "Xìa",  "Dế",   "Súa", "Chồng", "Khua", "Páo",
                                           "Tủa",  "Cở",   "Dơ",  "Nếnh",  "Chư",  "Lềnh"};
static const char *const mong_given_f[] = {"Mỷ",  "Dua",  "Sùng", "Chá", "Pà",  "Dợ",
                                           "Mai", "Chua", "Say",  "Máy", "Xúa", "Dia"};
static const char *const khomu_family[] = {"Lò", "Quàng", "Vì", "Cụt", "Lường", "Tòng"};
static const char *const khomu_given[] = {"Xuân", "Thoong", "Kăm", "Phăn", "Ón", "Bua", "Xiêng"};

static const char *const commune_words[] = {
    "Mường Phăng",    "Thanh Nưa",       "Mường Lói",        "Na Son",
    "Xa Dung",        "Pu Nhi",          "Mường Luân",       "Nà Tấu",
    "Núa Ngam",       "Mường Nhà",       "Thanh An",         "Sam Mứn",
    "Thanh Yên",      "Quài Tở",         "Mường Mùn",        "Pú Nhung",
    "Chiềng Sinh",    "Sính Phình",      "Sín Chải",         "Mường Báng",
    "Na Sang",        "Mường Tùng",      "Pa Ham",           "Nậm Nèn",
    "Chung Chải",     "Sín Thầu",        "Nậm Kè",           "Quảng Lâm",
    "Nà Hỳ",          "Nà Bủng",         "Chà Tở",           "Phìn Hồ",
    "Si Pa Phìn",     "Búng Lao",        "Ẳng Nưa",          "Ẳng Cang",
    "Mường Đăng",     "Ngối Cáy",        "Xuân Lao",         "Nặm Lịch",
    "Tỏa Tình",       "Tênh Phông",      "Mùn Chung",        "Nà Sáy",
    "Phình Sáng",     "Rạng Đông",       "Mường Khong",      "Chiềng Đông",
    "Keo Lôm",        "Phì Nhừ",         "Phình Giàng",      "Pú Hồng",
    "Tìa Dình",       "Háng Lìa",        "Noong U",          "Luân Giói",
    "Chiềng Sơ",      "Xa Nhè",          "Mường Đun",        "Tả Phìn",
    "Trung Thu",      "Lao Xả Phình",    "Tả Sìn Thàng",     "Huổi Só",
    "Sáng Nhè",       "Sa Lông",         "Huổi Lèng",        "Hừa Ngài",
    "Ma Thì Hồ",      "Mường Mươn",      "Pa Tần",           "Nà Khoa",
    "Nậm Tin",        "Chà Cang",        "Nà Hỳ Hai",        "Leng Su Sìn",
    "Nậm Vì",         "Pá Mỳ",           "Sen Thượng",       "Chung Chải Hai",
    "Mường Toong",    "Nậm Chua",        "Huổi Lếch",        "Quảng Lâm Hai",
    "Thanh Luông",    "Thanh Hưng",      "Thanh Chăn",       "Thanh Xương",
    "Noọng Hẹt",      "Sam Mứn Hai",     "Pom Lót",          "Hẹ Muông",
    "Na Tông",        "Mường Pồn",       "Nà Nhạn",          "Thanh Minh",
    "Tà Lèng",        "Noong Bua",       "Him Lam",          "Nam Thanh",
    "Tân Thanh",      "Mường Thanh",     "Sông Đà",          "Na Lay",
    "Lay Nưa",        "Mường Ảng",       "Ẳng Tở",           "Búng Lao Hai",
    "Nặm Lịch Hai",   "Mường Lạn",       "Tuần Giáo",        "Quài Nưa",
    "Quài Cang",      "Tênh Phông Hai",  "Chiềng Đông Hai",  "Pú Xi",
    "Nà Sáy Hai",     "Mường Thín",      "Tỏa Tình Hai",     "Mùn Chung Hai",
    "Phình Sáng Hai", "Rạng Đông Hai",   "Nà Tòng",          "Ta Ma",
    "Pú Nhung Hai",   "Mường Khong Hai", "Tủa Chùa",         "Sính Phình Hai",
    "Tả Phìn Hai",    "Xá Nhè",          "Lao Xả Phình Hai",
};
static const char *const village_words[] = {
    "Bản Phăng",    "Bản Co Mỵ",      "Bản Him Lam",    "Bản Noong Bua",  "Bản Pú Tửu",
    "Bản Ten",      "Bản Hả",         "Bản Na Hai",     "Bản Xôm",        "Bản Khá",
    "Bản Pa Pe",    "Bản Nà Ngám",    "Bản Huổi Hoa",   "Bản Pá Khoang",  "Bản Hồng Lứu",
    "Bản Yên",      "Bản Món",        "Bản Noọng Nhai", "Thôn Đông Biên", "Thôn Thanh Bình",
    "Bản Cang",     "Bản Tâu",        "Bản Lĩnh",       "Bản Pom Lót",    "Bản Na Hươm",
    "Bản Xuân Tre", "Bản Phiêng Ban", "Bản Sái Lương",  "Bản Chăn",       "Bản Bó",
};
static const char *const agency_words[] = {
    "Trường Tiểu học",   "Trường THCS",          "Trường Mầm non",
    "Trạm Y tế",         "Trường THPT",          "Phòng Giáo dục",
    "Bệnh viện",         "Trung tâm Y tế",       "Hạt Kiểm lâm",
    "Chi cục Thuế",      "Ngân hàng Chính sách", "Kho bạc Nhà nước",
    "Viện Kiểm sát",     "Tòa án nhân dân",      "Chi cục Thi hành án",
    "Trung tâm Văn hóa", "Ban Quản lý dự án",    "Hội Nông dân",
    "Phòng Nông nghiệp", "Bảo hiểm xã hội",
};

struct district {
	const char *code, *name;
	int old_communes, new_communes;
	int city; /* wards rather than communes */
};

static const struct district districts[10] = {
    {"H01", "thành phố Điện Biên Phủ", 7, 2, 1}, {"H02", "thị xã Mường Lay", 3, 1, 1},
    {"H03", "huyện Điện Biên", 21, 7, 0},        {"H04", "huyện Điện Biên Đông", 15, 5, 0},
    {"H05", "huyện Mường Ảng", 10, 4, 0},        {"H06", "huyện Tuần Giáo", 20, 6, 0},
    {"H07", "huyện Tủa Chùa", 13, 5, 0},         {"H08", "huyện Mường Chà", 13, 5, 0},
    {"H09", "huyện Mường Nhé", 12, 5, 0},        {"H10", "huyện Nậm Pồ", 15, 5, 0},
};

struct bloc {
	const char *code, *name;
	int grassroots;
};

static const struct bloc blocs[4] = {
    {"K1", "Đảng bộ Khối các cơ quan tỉnh", 80},
    {"K2", "Đảng bộ Khối doanh nghiệp tỉnh", 40},
    {"K3", "Đảng bộ Quân sự tỉnh", 30},
    {"K4", "Đảng bộ Công an tỉnh", 30},
};

static int add_leaf(struct gen *g, int64_t id, int area)
{
	if (g->nleaves == g->capleaves) {
		size_t ncap = g->capleaves ? g->capleaves * 2 : 1024;
		struct leaf *n = realloc(g->leaves, ncap * sizeof(*n));

		if (!n)
			return err_set(g->e, HOSO_E_NOMEM, NULL, NULL, NULL);
		g->leaves = n;
		g->capleaves = ncap;
	}
	g->leaves[g->nleaves].id = id;
	g->leaves[g->nleaves].area = area;
	g->leaves[g->nleaves].unit = g->cur_unit;
	g->nleaves++;
	return 0;
}

static int mk(struct gen *g, const char *code, const char *name, const char *kind, int64_t parent,
              int64_t *ret)
{
	char full[128];
	struct org_new o = {
	    .name = name,
	    .kind = kind,
	    .parent_id = parent,
	    .from = date_days(2000, 1, 1),
	    .document = "Quyết định thành lập (dữ liệu mẫu)",
	};
	int rc;

	snprintf(full, sizeof(full), "%s%s%s", g->pcode, *code ? "." : "", code);
	o.code = full;
	rc = org_create(g->app, g->who, &o, ret, g->e);
	if (rc == 0)
		g->orgs++;
	return rc;
}

/* A grassroots organisation with n chi bộ below it (n = 0: a chi bộ cơ sở,
 * itself a leaf). */
static int mk_grassroots(struct gen *g, const char *code, const char *name, int64_t parent,
                         int nchildren, int area, const char *const *child_names, size_t nnames,
                         int64_t *ret)
{
	char c[96], n[256];
	int64_t id, child;
	int rc;

	rc = mk(g, code, name, nchildren ? "dang_bo_co_so" : "chi_bo_co_so", parent, &id);
	if (rc < 0)
		return rc;
	if (!nchildren)
		rc = add_leaf(g, id, area);
	for (int i = 0; rc == 0 && i < nchildren; i++) {
		snprintf(c, sizeof(c), "%s.CB%02d", code, i + 1);
		if (child_names)
			snprintf(n, sizeof(n), "Chi bộ %s", child_names[(size_t)i % nnames]);
		else
			snprintf(n, sizeof(n), "Chi bộ %d", i + 1);
		rc = mk(g, c, n, "chi_bo_truc_thuoc", id, &child);
		if (rc == 0)
			rc = add_leaf(g, child, area);
	}
	if (ret)
		*ret = id;
	return rc;
}

static const char *next_commune_name(struct gen *g)
{
	size_t n = sizeof(commune_words) / sizeof(commune_words[0]);

	return commune_words[(size_t)g->commune_name++ % n];
}

/* District d as a unit: its committee and all its grassroots. */
static int unit_district(struct gen *g, int d)
{
	struct unit *u = &g->units[d];
	size_t no = (size_t)districts[d].old_communes, nk = (size_t)g->nother[d];

	u->id = g->district_ids[d];
	if (!(u->grassroots = calloc(no + nk, sizeof(int64_t))))
		return err_set(g->e, HOSO_E_NOMEM, NULL, NULL, NULL);
	memcpy(u->grassroots, g->old_communes[d], no * sizeof(int64_t));
	memcpy(u->grassroots + no, g->other_grassroots[d], nk * sizeof(int64_t));
	u->ngrassroots = no + nk;
	return 0;
}

/* The provincial committee's congresses (synthetic days, a few apart
 * between provinces), so that reports can be for a party term. */
static int congresses(struct gen *g)
{
	static const struct {
		int first, month, day;
	} held[] = {{2010, 10, 12}, {2015, 10, 14}, {2020, 10, 15}, {2025, 9, 26}};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < sizeof(held) / sizeof(held[0]); i++) {
		int64_t id;

		rc =
		    term_add(g->app, g->who, g->tu, held[i].first, held[i].first + 5,
		             date_days(held[i].first, held[i].month, held[i].day) + g->province % 7,
		             "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh (dữ liệu mẫu)", &id, g->e);
	}
	return rc;
}

static int build_tree(struct gen *g)
{
	char code[64], name[256];
	int rc;

	snprintf(name, sizeof(name), "Đảng bộ tỉnh %s", g->pname);
	if ((rc = mk(g, "", name, "dang_bo_tinh", 0, &g->tu)) < 0)
		return rc;
	for (int d = 0; d < 10; d++) {
		const struct district *ds = &districts[d];
		int nother = 31 - (d >= 8);

		snprintf(name, sizeof(name), "Đảng bộ %s", ds->name);
		if ((rc = mk(g, ds->code, name, "dang_bo_truc_thuoc", g->tu, &g->district_ids[d])) <
		    0)
			return rc;
		g->old_communes[d] = calloc((size_t)ds->old_communes, sizeof(int64_t));
		g->other_grassroots[d] = calloc((size_t)nother, sizeof(int64_t));
		if (!g->old_communes[d] || !g->other_grassroots[d])
			return err_set(g->e, HOSO_E_NOMEM, NULL, NULL, NULL);
		g->nother[d] = nother;
		g->cur_unit = d;
		for (int x = 0; x < ds->old_communes; x++) {
			const char *const *villages = &village_words[below(&g->rng, 10)];

			snprintf(code, sizeof(code), "%s.X%02d", ds->code, x + 1);
			snprintf(name, sizeof(name), "Đảng bộ %s %s", ds->city ? "phường" : "xã",
			         next_commune_name(g));
			rc = mk_grassroots(g, code, name, g->district_ids[d],
			                   between(&g->rng, 9, 15), 0, villages, 20,
			                   &g->old_communes[d][x]);
			if (rc < 0)
				return rc;
		}
		for (int x = 0; x < nother; x++) {
			int nk = below(&g->rng, 5) == 0 ? between(&g->rng, 2, 4) : 0;

			snprintf(code, sizeof(code), "%s.C%02d", ds->code, x + 1);
			snprintf(name, sizeof(name), "%s %s %s", nk ? "Đảng bộ" : "Chi bộ",
			         PICK(&g->rng, agency_words), next_commune_name(g));
			rc = mk_grassroots(g, code, name, g->district_ids[d], nk, 0, NULL, 0,
			                   &g->other_grassroots[d][x]);
			if (rc < 0)
				return rc;
		}
		if ((rc = unit_district(g, d)) < 0)
			return rc;
	}
	for (int b = 0; b < 4; b++) {
		struct unit *u = &g->units[10 + b];
		int64_t bid;

		if ((rc = mk(g, blocs[b].code, blocs[b].name, "dang_bo_truc_thuoc", g->tu, &bid)) <
		    0)
			return rc;
		g->cur_unit = 10 + b;
		u->id = bid;
		u->grassroots = calloc((size_t)blocs[b].grassroots, sizeof(int64_t));
		if (!u->grassroots)
			return err_set(g->e, HOSO_E_NOMEM, NULL, NULL, NULL);
		for (int x = 0; x < blocs[b].grassroots; x++) {
			int nk = below(&g->rng, 3) == 0 ? between(&g->rng, 3, 6) : 0;

			snprintf(code, sizeof(code), "%s.C%03d", blocs[b].code, x + 1);
			if (b < 2)
				snprintf(name, sizeof(name), "%s %s số %d",
				         nk ? "Đảng bộ" : "Chi bộ", b == 0 ? "Cơ quan" : "Công ty",
				         x + 1);
			else
				snprintf(name, sizeof(name), "%s %s %d", nk ? "Đảng bộ" : "Chi bộ",
				         b == 2 ? "Đơn vị quân sự" : "Đơn vị công an", x + 1);
			rc = mk_grassroots(g, code, name, bid, nk, 1, NULL, 0,
			                   &u->grassroots[u->ngrassroots++]);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

/* ---- persons ---- */

static void make_name(struct gen *g, enum ethnic eth, int female, char *out, size_t outsz)
{
	const char *fam, *mid, *giv;

	switch (eth) {
	case ETH_THAI:
		fam = PICK(&g->rng, thai_family);
		mid = female ? "Thị" : "Văn";
		giv = female ? PICK(&g->rng, thai_given_f) : PICK(&g->rng, thai_given_m);
		break;
	case ETH_MONG:
		fam = PICK(&g->rng, mong_family);
		mid = female ? "Thị" : PICK(&g->rng, mong_mid_m);
		giv = female ? PICK(&g->rng, mong_given_f) : PICK(&g->rng, mong_given_m);
		break;
	case ETH_KHOMU:
		fam = PICK(&g->rng, khomu_family);
		mid = female ? "Thị" : "Văn";
		giv = PICK(&g->rng, khomu_given);
		break;
	default:
		fam = PICK(&g->rng, kinh_family);
		mid = female ? PICK(&g->rng, kinh_mid_f) : PICK(&g->rng, kinh_mid_m);
		giv = female ? PICK(&g->rng, kinh_given_f) : PICK(&g->rng, kinh_given_m);
		break;
	}
	snprintf(out, outsz, "%s %s %s", fam, mid, giv);
}

static enum ethnic pick_ethnic(struct gen *g, int area)
{
	uint32_t p = below(&g->rng, 100);

	if (area == 1)
		return p < 60 ? ETH_KINH : p < 88 ? ETH_THAI : ETH_MONG;
	return p < 20 ? ETH_KINH : p < 65 ? ETH_THAI : p < 95 ? ETH_MONG : ETH_KHOMU;
}

void demo_person_name(struct gen *g, int area, int female, char *out, size_t outsz)
{
	make_name(g, pick_ethnic(g, area), female, out, outsz);
}

static void fmt_date(int32_t d, char *out)
{
	date_format_vn(d, out);
}

/* One generated member of leaf org, admitted within [adm_lo, adm_hi]. */
static int add_person(struct gen *g, const struct leaf *lf, int32_t adm_lo, int32_t adm_hi,
                      int secretary, struct arena *a, int64_t *ret_id)
{
	int64_t id = 0;
	char name[160], birth[48], adm[DATE_BUF], full[DATE_BUF], joined[DATE_BUF];
	char cccd[16], file[16], card[16], home[200], res[200];
	struct person_input in = {0};
	struct person_row row;
	enum ethnic eth = pick_ethnic(g, lf->area);
	int female = below(&g->rng, 100) < 38, ay, am, ad;
	int by, bm, bd;
	int32_t earliest, admitted, fm = DATE_NONE;
	uint32_t precision = below(&g->rng, 100);
	int rc;

	/* Born so that the person is 18 or older within the window. */
	date_civil(adm_hi, &ay, &am, &ad);
	by = between(&g->rng, 1950, ay - 19 < 2002 ? ay - 19 : 2002);
	bm = between(&g->rng, 1, 12);
	bd = between(&g->rng, 1, date_days_in_month(by, bm));
	earliest = date_days(by + 19, 1, 1); /* 18 even when only the year is kept */
	if (!g->lo_van_muon_done && eth == ETH_THAI && lf->area == 0) {
		/* A fixed, searchable name for demos and tests. */
		snprintf(name, sizeof(name), "Lò Văn Muôn");
		female = 0;
		g->lo_van_muon_done = 1;
	} else {
		make_name(g, eth, female, name, sizeof(name));
	}
	if (earliest < adm_lo)
		earliest = adm_lo;
	admitted = earliest + (int32_t)below(&g->rng, (uint32_t)(adm_hi - earliest + 1));
	if (admitted + 380 < date_days(2026, 10, 1))
		fm = admitted + 365 + (int32_t)below(&g->rng, 30);
	if (precision < 85)
		snprintf(birth, sizeof(birth), "%02d/%02d/%04d", bd, bm, by);
	else if (precision < 92)
		snprintf(birth, sizeof(birth), "%02d/%04d", bm, by);
	else
		snprintf(birth, sizeof(birth), "%04d", by);
	fmt_date(admitted, adm);
	if (fm != DATE_NONE)
		fmt_date(fm, full);
	fmt_date(admitted > date_days(2000, 1, 1) ? admitted : date_days(2000, 1, 1), joined);
	if (below(&g->rng, 100) < 95) {
		int slot = (by >= 2000 ? 2 : 0) + female;
		uint32_t seq = g->cccd_seq[slot][by % 100]++;

		snprintf(cccd, sizeof(cccd), "%03d%d%02d%06u", g->cccd_prefix % 1000, slot,
		         by % 100, seq % 1000000u);
		in.cccd = cccd;
	}
	snprintf(file, sizeof(file), "%06u%s", ++g->file_seq % 1000000u, g->national ? "TW" : "DB");
	snprintf(card, sizeof(card), "%08u", ++g->card_seq + (uint32_t)g->province * 1000000u);
	snprintf(home, sizeof(home), "Xã %s, tỉnh %s", PICK(&g->rng, commune_words), g->pname);
	snprintf(res, sizeof(res), "%s, xã %s", PICK(&g->rng, village_words),
	         PICK(&g->rng, commune_words));
	in.full_name = name;
	in.sex = female ? "Nữ" : "Nam";
	in.birth_date = birth;
	in.ethnicity = eth_name[eth];
	in.home_town = home;
	in.residence = res;
	in.party_file_no = g->national ? NULL : file;
	in.party_card_no = card;
	in.admission_date = adm;
	in.full_member_date = fm != DATE_NONE ? full : NULL;
	in.org_id = lf->id;
	in.joined = joined;
	rc = person_prepare(g->app, &in, a, &row, g->e);
	if (rc == 0)
		rc = person_insert_prepared(
		    g->app, &row,
		    date_days(2000, 1, 1) > admitted ? date_days(2000, 1, 1) : admitted, &id, g->e);
	if (rc == 0 && secretary) {
		struct position_row pos = {.person_id = id,
		                           .org_id = lf->id,
		                           .title = "Bí thư chi bộ",
		                           .valid_from = date_days(2020, 10, 1),
		                           .valid_to = DATE_OPEN};

		rc = store_position_insert(app_store(g->app), &pos, NULL);
	}
	if (rc == 0)
		g->persons++;
	*ret_id = id;
	return rc;
}

static int add_members(struct gen *g, const struct leaf *leaves, size_t n, int min, int max,
                       int32_t adm_lo, int32_t adm_hi, int64_t total)
{
	struct store *s = app_store(g->app);
	struct arena a;
	int64_t done = 0;
	int rc = 0;

	arena_init(&a, (size_t)1 << 26);
	rc = store_begin(s);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int k = total ? 0 : between(&g->rng, min, max);

		if (total) /* spread total over the leaves */
			k = (int)((total * (int64_t)(i + 1)) / (int64_t)n -
			          (total * (int64_t)i) / (int64_t)n);
		for (int j = 0; rc == 0 && j < k; j++) {
			const struct leaf *lf = &leaves[total ? below(&g->rng, (uint32_t)n) : i];
			struct unit *u = &g->units[lf->unit];
			int64_t id;

			rc = add_person(g, lf, adm_lo, adm_hi, !total && j == 0, &a, &id);
			if (rc == 0 && !total) {
				if (!u->person_lo)
					u->person_lo = id;
				u->person_hi = id;
			}
			arena_reset(&a);
			if (rc == 0 && ++done % BATCH == 0) {
				rc = store_commit(s);
				if (rc == 0)
					rc = store_begin(s);
				demo_report(g, DEMO_STEP_MEMBERS, 0, 0);
			}
		}
	}
	if (rc == 0)
		rc = store_commit(s);
	if (rc < 0) {
		store_rollback(s);
		if (!g->e || !g->e->code)
			err_set(g->e, rc, NULL, NULL, NULL);
	}
	arena_release(&a);
	return rc;
}

/* ---- the 1/7/2025 restructuring ---- */

static int restructure(struct gen *g)
{
	const int32_t day = date_days(2025, 7, 1);
	const char *doc = "Quyết định số 1000-QĐ/TU ngày 30/6/2025 của Ban Thường vụ Tỉnh ủy "
	                  "(dữ liệu mẫu)";
	int xno = 0, rc = 0;

	for (int d = 0; rc == 0 && d < 10; d++) {
		const struct district *ds = &districts[d];
		int nn = ds->new_communes, no = ds->old_communes, nk = g->nother[d];
		struct org_new parts[8];
		char codes[8][64], names[8][256];
		struct org_assign *as = calloc((size_t)(no + nk), sizeof(*as));
		int64_t ids[8];

		if (!as)
			return err_set(g->e, HOSO_E_NOMEM, NULL, NULL, NULL);
		for (int i = 0; i < nn; i++) {
			snprintf(codes[i], sizeof(codes[i]), "%s.X%02d", g->pcode, ++xno);
			snprintf(names[i], sizeof(names[i]), "Đảng bộ %s %s",
			         ds->city ? "phường" : "xã", next_commune_name(g));
			parts[i] = (struct org_new){
			    .code = codes[i],
			    .name = names[i],
			    .kind = "dang_bo_truc_thuoc",
			    .parent_id = g->tu,
			    .from = day,
			    .document = doc,
			};
		}
		/* Old communes in consecutive groups; other grassroots in turn. */
		for (int x = 0; x < no; x++)
			as[x] = (struct org_assign){g->old_communes[d][x], (size_t)(x * nn / no)};
		for (int x = 0; x < nk; x++)
			as[no + x] =
			    (struct org_assign){g->other_grassroots[d][x], (size_t)(x % nn)};
		if (nn == 1) /* one successor: the district becomes one ward */
			rc = org_merge(g->app, g->who, &g->district_ids[d], 1, 0, &parts[0], day,
			               doc, &ids[0], g->e);
		else
			rc = org_split(g->app, g->who, g->district_ids[d], parts, (size_t)nn, 0, as,
			               (size_t)(no + nk), day, doc, ids, g->e);
		g->successions++;
		g->orgs += nn;
		g->nnew[d] = nn;
		for (int i = 0; rc == 0 && i < nn; i++)
			g->new_communes[d][i] = ids[i];
		for (int i = 0; rc == 0 && i < nn; i++) {
			int64_t src[32];
			size_t ns = 0;

			for (int x = 0; x < no; x++)
				if (x * nn / no == i && ns < 32)
					src[ns++] = g->old_communes[d][x];
			rc = org_merge(g->app, g->who, src, ns, ids[i], NULL, day, doc, NULL, g->e);
			g->successions++;
		}
		free(as);
	}
	return rc;
}

int demo_scale_parse(const char *s, enum demo_scale *ret)
{
	static const char *const names[DEMO_SCALE__MAX] = {
	    [DEMO_PROVINCE] = "province",
	    [DEMO_NATIONAL] = "national",
	    [DEMO_SMALL] = "small",
	    [DEMO_NATIONAL_TEST] = "national-test",
	};

	for (int i = 0; s && i < DEMO_SCALE__MAX; i++)
		if (strcmp(s, names[i]) == 0) {
			*ret = (enum demo_scale)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

static const char *const national_provinces[] = {
    "Điện Biên", "Lai Châu",  "Sơn La",      "Lào Cai",  "Hà Giang",    "Cao Bằng",
    "Lạng Sơn",  "Bắc Kạn",   "Tuyên Quang", "Yên Bái",  "Thái Nguyên", "Phú Thọ",
    "Hòa Bình",  "Thanh Hóa", "Nghệ An",     "Hà Tĩnh",  "Quảng Bình",  "Quảng Trị",
    "Kon Tum",   "Gia Lai",   "Đắk Lắk",     "Lâm Đồng",
};

/* What each scale builds.  Leaf sizes: the province ~48,000 members; a
 * national province ~250,000; small ~1 a leaf, for fast tests. */
struct shape {
	int provinces;
	int national;
	int leaf_min, leaf_max; /* members of a leaf at the first load */
	int64_t persons_total;  /* about, in all, for the progress report */
	int64_t late;           /* admissions after 1/7/2025, a province */
	int case_pct;           /* see struct gen */
};

static const struct shape shapes[DEMO_SCALE__MAX] = {
    [DEMO_PROVINCE] = {.provinces = 1,
                       .leaf_min = 10,
                       .leaf_max = 31,
                       .persons_total = 49000,
                       .late = 1000,
                       .case_pct = 100},
    [DEMO_NATIONAL] = {.provinces = 22,
                       .national = 1,
                       .leaf_min = 65,
                       .leaf_max = 145,
                       .persons_total = 5500000,
                       .late = 5000,
                       .case_pct = 500},
    [DEMO_SMALL] =
        {.provinces = 1, .leaf_min = 0, .leaf_max = 2, .persons_total = 3000, .late = 20},
    [DEMO_NATIONAL_TEST] = {.provinces = 2,
                            .national = 1,
                            .leaf_min = 0,
                            .leaf_max = 2,
                            .persons_total = 5000,
                            .late = 20,
                            .case_pct = 20},
};

void demo_report(struct gen *g, enum demo_step step, int64_t province_cases, int year)
{
	struct demo_progress p = {.step = step,
	                          .province = g->province,
	                          .nprovinces = g->nprovinces,
	                          .province_name = g->pname,
	                          .persons = g->persons,
	                          .persons_total = g->persons_total,
	                          .cases = g->cases + province_cases,
	                          .province_cases = province_cases,
	                          .year = year};

	if (g->progress)
		g->progress(&p, g->arg);
}

int demo_build(struct app *app, const struct actor *who, enum demo_scale scale, uint64_t seed,
               demo_progress_fn progress, void *arg, struct demo_stats *ret, struct err *e)
{
	struct arena a;
	struct org_tree t;
	struct gen g;
	const struct shape *sh;
	int rc = 0;

	if ((unsigned)scale >= DEMO_SCALE__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "scale", NULL, NULL);
	sh = &shapes[scale];
	arena_init(&a, (size_t)1 << 28);
	rc = org_tree_at(app, who, date_today(), 0, &a, &t, e);
	arena_release(&a);
	if (rc < 0)
		return rc;
	if (t.n)
		return err_set(e, HOSO_E_CONFLICT, "db",
		               "Cơ sở dữ liệu đã có dữ liệu; hãy dùng một tệp mới cho dữ liệu mẫu",
		               "The database already holds data; use a new file for the demo");
	memset(ret, 0, sizeof(*ret));
	store_bulk_begin(app_store(app));
	for (int p = 0; rc == 0 && p < sh->provinces; p++) {
		struct leaf *local = NULL;
		size_t nlocal = 0;
		int64_t ncases = 0;

		memset(&g, 0, sizeof(g));
		g.app = app;
		g.who = who;
		g.e = e;
		g.rng.s = seed * 0x100000001B3ull + (uint64_t)p;
		g.national = sh->national;
		g.province = p;
		g.nprovinces = sh->provinces;
		g.progress = progress;
		g.arg = arg;
		g.pname = national_provinces[p];
		g.cccd_prefix = sh->national ? 1 + p * 4 : 11;
		if (sh->national)
			snprintf(g.pcode, sizeof(g.pcode), "P%02d", p + 1);
		else
			snprintf(g.pcode, sizeof(g.pcode), "DB");
		g.leaf_min = sh->leaf_min;
		g.leaf_max = sh->leaf_max;
		g.persons_total = sh->persons_total;
		g.persons = ret->persons;
		g.cases = ret->cases;
		g.case_pct = sh->case_pct;
		rc = build_tree(&g);
		if (rc == 0)
			rc = congresses(&g);
		if (rc == 0)
			rc = add_members(&g, g.leaves, g.nleaves, g.leaf_min, g.leaf_max,
			                 date_days(1975, 1, 1), date_days(2025, 6, 30), 0);
		if (rc == 0)
			rc = restructure(&g);
		/* ~1,000 admissions after the restructuring, into the chi bộ that
		 * now sit under the new communes (the former district leaves). */
		if (rc == 0 && (local = calloc(g.nleaves + 1, sizeof(*local))) == NULL)
			rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		for (size_t i = 0; rc == 0 && i < g.nleaves; i++)
			if (g.leaves[i].area == 0)
				local[nlocal++] = g.leaves[i];
		if (rc == 0 && nlocal)
			rc = add_members(&g, local, nlocal, 0, 0, date_days(2025, 7, 2),
			                 date_days(2026, 6, 30), sh->late);
		free(local);
		if (rc == 0 && g.case_pct)
			rc = demo_cases(&g, &ncases);
		if (rc == 0)
			demo_report(&g, DEMO_STEP_PROVINCE, ncases, 0);
		ret->cases += ncases;
		ret->orgs += g.orgs;
		ret->persons = g.persons;
		ret->successions += g.successions;
		for (int d = 0; d < 10; d++) {
			free(g.old_communes[d]);
			free(g.other_grassroots[d]);
		}
		for (int u = 0; u < DEMO_UNITS; u++)
			free(g.units[u].grassroots);
		free(g.leaves);
	}
	store_bulk_end(app_store(app));
	return rc;
}
