/*
 * stay.c - the kind of a member's stay abroad: its state machine, the stay
 * itself (stay.h) and its part of the case view.
 */
#include "app/stay.h"

#include <jansson.h>
#include <string.h>

#include "app/gate.h"
#include "app/patch.h"

#include "core/banned.h"

static const struct code_name purposes[] = {
    {"hoc_tap", "Học tập", "Study"},
    {"lao_dong", "Lao động", "Labour"},
    {"cong_tac", "Công tác", "Work"},
    {"gia_dinh", "Gia đình", "Family"},
};

static const struct code_name arrangements[] = {
    {"tu_sinh_hoat", "Tự sinh hoạt, có hướng dẫn", "Alone, under guidance"},
    {"chi_bo_nuoc_ngoai", "Chi bộ ở nước ngoài (≥ 3 đảng viên chính thức)",
     "A chi bộ abroad (3+ full members)"},
    {"chi_bo_tam_thoi", "Chi bộ tạm thời", "A temporary chi bộ"},
    {"khong_chuyen", "Không chuyển sinh hoạt", "Not transferred"},
};

static const struct case_state states[] = {
    {"dang_o", "Đang ở nước ngoài", "Abroad", 0},
    {"da_ve", "Đã về nước", "Returned", 0},
    {"da_tu_danh_gia", "Đã tự đánh giá", "Self-assessed", 0},
    {"dong", "Kết thúc", "Closed", CASE_FINAL},
};

static const struct case_step steps[] = {
    {"dang_o", "da_ve", "Về nước", "Returned", CASE_OFFICER, 0},
    {"da_ve", "da_tu_danh_gia", "Nhận bản tự đánh giá", "Self-assessment received", CASE_OFFICER,
     0},
    {"da_tu_danh_gia", "dong", "Kết thúc", "Close", CASE_LEADER, CASE_CONCLUDES},
};

static const enum figure figures[] = {FIGURE_ONN_DANG_VIEN};

const struct code_set stay_purposes = CODE_SET(purposes);

const struct code_set stay_arrangements = CODE_SET(arrangements);

/* The stay as it would be after an update: whole and consistent. */
static int check_stay(const void *record, struct err *e)
{
	const struct stay_row *r = record;

	if (!code_find(purposes, CASE_N(purposes), r->purpose))
		return code_refuse(e, "purpose", "Mục đích", "The purpose", purposes,
		                   CASE_N(purposes));
	if (!code_find(arrangements, CASE_N(arrangements), r->arrangement))
		return code_refuse(e, "arrangement", "Hình thức sinh hoạt", "The arrangement",
		                   arrangements, CASE_N(arrangements));
	if (r->expected_end < r->start)
		return err_set(
		    e, HOSO_E_BAD_DATE, "expected_end",
		    "Cần ngày đi và ngày dự kiến về, ngày về không trước ngày đi",
		    "The start and expected end are needed, the end not before the start");
	if (r->last_contact != DATE_NONE && r->last_contact < r->start)
		return err_set(e, HOSO_E_BAD_DATE, "last_contact", "Lần liên hệ trước ngày đi",
		               "The last contact is before the stay began");
	return 0;
}

static int put_stay(struct store *s, const void *record)
{
	return store_stay_put(s, record);
}

/* The stay of case_id as stored; the defaults when there is none (version 0). */
static int stored(struct app *app, int64_t case_id, struct arena *a, struct stay_row *ret,
                  struct err *e)
{
	*ret = (struct stay_row){.case_id = case_id,
	                         .start = DATE_NONE,
	                         .expected_end = DATE_NONE,
	                         .last_contact = DATE_NONE};
	return patch_stored(store_stay_get(app_store(app), case_id, a, ret), e);
}

static int load(struct app *app, int64_t case_id, struct arena *a, void *record, struct err *e)
{
	return stored(app, case_id, a, record, e);
}

int stay_set(struct app *app, const struct actor *who, int64_t case_id, const struct stay_input *in,
             struct err *e)
{
	struct stay_row r = {0};
	const struct patch_field fields[] = {
	    [STAY_COUNTRY] = {"country", PATCH_TEXT, 200, &r.country, &in->country},
	    [STAY_PURPOSE] = {"purpose", PATCH_CODE, 0, &r.purpose, &in->purpose},
	    [STAY_ARRANGEMENT] = {"arrangement", PATCH_CODE, 0, &r.arrangement, &in->arrangement},
	    [STAY_START] = {"start", PATCH_DATE, 0, &r.start, &in->start},
	    [STAY_EXPECTED_END] = {"expected_end", PATCH_DATE, 0, &r.expected_end,
	                           &in->expected_end},
	    [STAY_LAST_CONTACT] = {"last_contact", PATCH_DATE, 0, &r.last_contact,
	                           &in->last_contact},
	};
	struct patch_part p = {
	    "stay",     case_id,        in->version, 0,
	    fields,     CASE_N(fields), in->sent,    (1u << STAY_LAST_CONTACT) - 1,
	    check_stay, put_stay,       &r};

	return patch_case_part(app, who, KIND_STAY, &p, &r.version, load, e);
}

static int part_load(struct app *app, const struct actor *who, struct case_view *v, struct arena *a,
                     struct err *e)
{
	struct stay_part *p = arena_calloc(a, 1, sizeof(*p));
	int rc;

	(void)who;
	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = stored(app, v->c.id, a, &p->stay, e)) < 0)
		return rc;
	p->has = p->stay.version != 0;
	v->part = p;
	return 0;
}

static void part_view(json_t *o, const void *part)
{
	const struct stay_part *p = part;
	const struct stay_row *s = p ? &p->stay : NULL;

	json_object_set_new(
	    o, "stay",
	    p && p->has ? json_pack("{s:s,s:s,s:o,s:o,s:s,s:o,s:I}", "country", s->country,
	                            "purpose", s->purpose, "start", code_date_json(s->start),
	                            "expected_end", code_date_json(s->expected_end), "arrangement",
	                            s->arrangement, "last_contact", code_date_json(s->last_contact),
	                            "version", (json_int_t)s->version)
	                : json_null());
}

const struct case_kind case_kind_stay = {
    .id = KIND_STAY,
    .code = "o_nuoc_ngoai",
    .prefix = "ONN",
    .vi = "Đảng viên ở nước ngoài",
    .en = "Member staying abroad",
    CASE_TABLE(subtypes, purposes),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    .load = part_load,
    .view = part_view,
    CASE_TABLE(figures, figures),
};
