/*
 * denunciation.c - the denunciation kind (tố cáo, DOMAIN.md §4): a letter
 * denouncing a party organisation or member, handled by the body it is
 * within the competence of.  The case's subjects are the denounced; the
 * register of incoming letters (petition.h) opens it and keeps the sender,
 * who never appears on the case itself.
 *
 * The time limit [config]: at most 90 working days from the day the
 * competent body received the letter, extendable once by at most 30
 * working days with notice to the denouncer (Quy định 22-QĐ/TW of
 * 28/7/2021 on inspection, supervision and discipline, and its Hướng dẫn
 * 02-HD/TW of 9/12/2021, as the inspection sector's handbooks restate
 * them; the same at every level from the grassroots to the province - the
 * levels a province's bodies hold - as the grassroots handbooks of the
 * inspection sector say, the limits of the Centre's own bodies not being
 * a province's).  The extension is a leader's step while verifying: the first
 * limit is met by it when taken in time, and the extension's own limit
 * runs from that day.  The clock stands while the case waits for another
 * body's answer.
 */
#include "app/denunciation.h"

#include <jansson.h>
#include <string.h>

#include "app/correct.h"
#include "app/deadline.h"
#include "app/gate.h"
#include "app/patch.h"

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
    {"gia_han", "Đã gia hạn, đang xác minh", "Extended, verifying", 0},
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
    {"xac_minh", "gia_han", "Gia hạn giải quyết (báo cho người tố cáo)",
     "Extend the time limit (the denouncer told)", CASE_LEADER, 0},
    {"gia_han", "cho_co_quan_khac", "Chờ cơ quan khác trả lời", "Wait for another body",
     CASE_OFFICER, 0},
    {"xac_minh", "ket_luan", "Kết luận nội dung tố cáo", "Conclude", CASE_LEADER, CASE_CONCLUDES},
    {"gia_han", "ket_luan", "Kết luận nội dung tố cáo", "Conclude", CASE_LEADER, CASE_CONCLUDES},
    {"ket_luan", "thong_bao", "Thông báo kết quả cho người tố cáo và người bị tố cáo",
     "Notify the denouncer and the denounced", CASE_OFFICER, 0},
    {"thong_bao", "dong", "Kết thúc", "Close", CASE_LEADER, 0},
    {"thu_ly", "huy", "Hủy (người tố cáo rút đơn)", "Cancel (the denouncer withdrew)", CASE_LEADER,
     0},
    {"quyet_dinh", "huy", "Hủy (người tố cáo rút đơn)", "Cancel (the denouncer withdrew)",
     CASE_LEADER, 0},
};

static const enum figure figures[] = {FIGURE_TC_HO_SO, FIGURE_TC_KET_LUAN, FIGURE_TC_DUNG_HAN,
                                      FIGURE_TC_TRE_HAN, FIGURE_TC_QUA_HAN};

static const char *const resolved[] = {"ket_luan", "thong_bao", "dong", "huy", NULL};
static const char *const resolved_or_extended[] = {"gia_han", "ket_luan", "thong_bao",
                                                   "dong",    "huy",      NULL};

static const struct deadline_rule deadlines[] = {
    {"to_cao.giai_quyet", KIND_DENUNCIATION, "Giải quyết tố cáo", "Resolve the denunciation",
     "thu_ly", resolved_or_extended, 90, 50, 80, 1,
     "Quy định 22-QĐ/TW (28/7/2021), Hướng dẫn 02-HD/TW (9/12/2021): chậm nhất 90 ngày làm "
     "việc kể từ ngày tổ chức đảng có thẩm quyền nhận tố cáo, như nhau ở mọi cấp từ cơ sở "
     "đến tỉnh (sổ tay công tác kiểm tra cho chi bộ, ủy ban kiểm tra đảng ủy cơ sở; UBKT "
     "Trung ương, hỏi đáp về ngày tính thời hạn); gia hạn (nếu có) trước khi hết hạn "
     "[config]"},
    {"to_cao.gia_han", KIND_DENUNCIATION, "Giải quyết tố cáo trong thời gian gia hạn",
     "Resolve the denunciation within the extension", "gia_han", resolved, 30, 50, 80, 1,
     "Hướng dẫn 02-HD/TW (9/12/2021): gia hạn một lần, không quá 30 ngày làm việc, tính từ "
     "ngày quyết định gia hạn [config]"},
};

static const struct code_name conclusions[] = {
    {"dung", "Tố cáo đúng", "True"},
    {"dung_mot_phan", "Tố cáo đúng một phần", "Partly true"},
    {"sai", "Tố cáo sai", "Untrue"},
};

const struct code_set denunciation_levels = CODE_SET(levels);

const struct code_set point_conclusions = CODE_SET(conclusions);

static int insert_point(struct store *s, const void *row, int64_t *ret_id)
{
	const struct point_row *r = row;

	return store_point_insert(s, r->case_id, r->content, ret_id);
}

int point_add(struct app *app, const struct actor *who, int64_t case_id, const char *content,
              int64_t *ret_id, struct err *e)
{
	struct point_row r = {.case_id = case_id};
	struct case_insert in = {insert_point, &r, ret_id, "id"};
	struct gate_write w = {"point", "case", case_id, NULL, NOUN_CASE};
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 14);
	if ((rc = case_of_kind(app, who, case_id, KIND_DENUNCIATION, CASE_OFFICER, &a, &c, e)) ==
	        0 &&
	    (rc = case_still_open(&c, e)) == 0 &&
	    (rc = app_text_need(&a, content, "content", POINT_MAX, &r.content,
	                        "Thiếu nội dung tố cáo", "The content of the point is missing",
	                        e)) == 0) {
		if (!(w.detail = json_pack("{s:s}", "content", r.content)))
			rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		else
			rc = gate_write(app, who, &w, case_insert_write, &in, e);
	}
	arena_release(&a);
	return rc;
}

static int check_point(void *arg, const struct case_row *c, const void *record, struct err *e)
{
	const struct point_row *r = record;

	(void)arg;
	(void)c;
	if (r->conclusion && !code_find(conclusions, CASE_N(conclusions), r->conclusion))
		return code_refuse(e, "conclusion", "Kết luận", "The conclusion", conclusions,
		                   CASE_N(conclusions));
	return 0;
}

int point_edit(struct app *app, const struct actor *who, int64_t id, const struct point_input *in,
               struct err *e)
{
	struct point_row r;
	const struct patch_field fields[] = {
	    [POINT_CONTENT] = {"content", PATCH_TEXT, POINT_MAX, &r.content, &in->content},
	    [POINT_CONCLUSION] = {"conclusion", PATCH_CODE, 0, &r.conclusion, &in->conclusion},
	};
	const struct correct_edit x = {.k = STORE_REC_POINT,
	                               .id = id,
	                               .version = in->version,
	                               .fields = fields,
	                               .nfields = CASE_N(fields),
	                               .sent = in->sent,
	                               .required = 1u << POINT_CONTENT,
	                               .check = check_point,
	                               .record = &r};

	return correct_edit(app, who, &x, e);
}

/* The time limit is extended once (Hướng dẫn 02-HD/TW). */
static int extended_once(struct app *app, const struct case_row *c, struct err *e)
{
	struct case_event_list ev;
	struct arena a;
	int rc, again = 0;

	arena_init(&a, 1 << 14);
	if ((rc = store_case_events(app_store(app), c->id, &a, &ev)) < 0)
		rc = gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; rc == 0 && i < ev.n; i++)
		again |= strcmp(ev.v[i].to_state, "gia_han") == 0;
	arena_release(&a);
	if (rc == 0 && again)
		rc = err_set(e, HOSO_E_CONFLICT, "to",
		             "Thời hạn giải quyết tố cáo chỉ được gia hạn một lần",
		             "The time limit of a denunciation is extended only once");
	return rc;
}

/* The leader concludes once every point standing has its conclusion. */
static int check_step(struct app *app, const struct case_row *c, const struct case_step *s,
                      const char *note, struct err *e)
{
	struct point_list l;
	struct arena a;
	size_t standing = 0, open = 0;
	int rc;

	(void)note;
	if (strcmp(s->to, "gia_han") == 0)
		return extended_once(app, c, e);
	if (strcmp(s->to, "ket_luan") != 0)
		return 0;
	arena_init(&a, 1 << 14);
	if ((rc = store_points_of_case(app_store(app), c->id, &a, &l)) < 0)
		rc = gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; rc == 0 && i < l.n; i++)
		if (!l.v[i].withdrawn.at) {
			standing++;
			open += !l.v[i].conclusion;
		}
	arena_release(&a);
	if (rc == 0 && (!standing || open))
		rc = err_set(
		    e, HOSO_E_CONFLICT, "points",
		    "Ghi từng nội dung tố cáo và kết luận của nó (đúng, đúng một phần, sai) "
		    "trước khi kết luận: còn %zu nội dung chưa kết luận",
		    "Record each point of the denunciation and its conclusion before "
		    "concluding: %zu points are not concluded yet",
		    standing ? open : (size_t)1);
	return rc;
}

/* 1 when a point standing was found true or partly true, 0 when none, or
 * < 0 on error. */
static int found_true(struct app *app, int64_t case_id, struct arena *a, struct err *e)
{
	struct point_list l;
	int rc;

	if ((rc = store_points_of_case(app_store(app), case_id, a, &l)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; i < l.n; i++)
		if (!l.v[i].withdrawn.at && l.v[i].conclusion &&
		    strcmp(l.v[i].conclusion, "sai") != 0)
			return 1;
	return 0;
}

int case_open_discipline(struct app *app, const struct actor *who, int64_t id, const char *title,
                         struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e)
{
	struct case_input in = {.kind = case_kind_code(KIND_DISCIPLINE), .title = title};
	struct case_row c;
	int rc;

	if ((rc = case_of_kind(app, who, id, KIND_DENUNCIATION, CASE_OFFICER, a, &c, e)) < 0)
		return rc;
	if (!app_one_of(c.state, resolved) || strcmp(c.state, "huy") == 0)
		return err_set(e, HOSO_E_CONFLICT, "state",
		               "Chỉ mở hồ sơ kỷ luật sau khi đã kết luận nội dung tố cáo",
		               "A discipline is opened only once the denunciation is concluded");
	if ((rc = found_true(app, id, a, e)) <= 0)
		return rc < 0
		           ? rc
		           : err_set(e, HOSO_E_CONFLICT, "points",
		                     "Không có nội dung tố cáo nào được kết luận là đúng hoặc đúng "
		                     "một phần, nên không có căn cứ xem xét kỷ luật",
		                     "No point was found true or partly true: there are no grounds "
		                     "for a discipline");
	return case_open_linked(app, who, &c, &in, a, ret_id, ret_number, e);
}

static int part_load(struct app *app, const struct actor *who, struct case_view *v, struct arena *a,
                     struct err *e)
{
	struct denunciation_part *p = arena_calloc(a, 1, sizeof(*p));
	int rc;

	(void)who;
	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = store_points_of_case(app_store(app), v->c.id, a, &p->points)) < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	v->part = p;
	return 0;
}

static void part_view(json_t *o, const void *part)
{
	const struct denunciation_part *p = part;
	json_t *arr = json_array();

	for (size_t i = 0; p && i < p->points.n; i++) {
		const struct point_row *r = &p->points.v[i];
		const struct code_name *c =
		    code_find(conclusions, CASE_N(conclusions), r->conclusion);
		json_t *x =
		    json_pack("{s:I,s:s,s:s?,s:s?,s:s?}", "id", (json_int_t)r->id, "content",
		              r->content, "conclusion", r->conclusion, "conclusion_name",
		              c ? c->vi : NULL, "conclusion_name_en", c ? c->en : NULL);

		correct_json(x, r->version, &r->withdrawn);
		json_array_append_new(arr, x);
	}
	json_object_set_new(o, "points", arr);
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
    .check_step = check_step,
    .load = part_load,
    .view = part_view,
    CASE_TABLE(figures, figures),
    CASE_TABLE(deadlines, deadlines),
};
