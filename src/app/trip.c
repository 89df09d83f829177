/*
 * trip.c - the trip-abroad kind (ra nước ngoài): its types and state
 * machine, the trip's details, its travellers, the approval checks, the
 * return reports due (trip.h), and its parts of the case view.
 */
#include "app/trip.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/correct.h"
#include "app/gate.h"
#include "app/patch.h"
#include "app/person.h"
#include "vi/vi.h"

#include "core/banned.h"

/* The travellers of l who stand (not withdrawn), in place. */
static int live_travellers(int rc, struct traveller_list *l)
{
	size_t n = 0;

	for (size_t i = 0; rc == 0 && i < l->n; i++)
		if (!l->v[i].withdrawn.at)
			l->v[n++] = l->v[i];
	if (rc == 0)
		l->n = n;
	return rc;
}

#define READ_ROLES (CASE_OFFICER | 1u << ROLE_ADMIN | 1u << ROLE_VIEWER)

static const struct code_name types[] = {
    {"viec_rieng", "Việc riêng", "Private"},
    {"cong_vu", "Công vụ", "Official"},
};

static const struct case_state states[] = {
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

static const struct case_step steps[] = {
    {"don", "y_kien_chi_bo", "Ghi ý kiến chi bộ", "Record the cell's opinion", CASE_OFFICER, 0},
    {"y_kien_chi_bo", "dong_y", "Đồng ý cho đi", "Approve", CASE_LEADER, 0},
    {"y_kien_chi_bo", "khong_dong_y", "Không đồng ý", "Refuse", CASE_LEADER, CASE_CONCLUDES},
    {"don", "dong_y", "Đồng ý cho đi (đoàn công vụ)", "Approve (official delegation)", CASE_LEADER,
     0},
    {"dong_y", "dang_di", "Xuất cảnh", "Departed", CASE_OFFICER, 0},
    {"dong_y", "khong_di", "Không đi", "Did not travel", CASE_OFFICER, 0},
    {"dang_di", "da_ve", "Nhập cảnh về nước", "Returned", CASE_OFFICER, 0},
    {"da_ve", "da_nop_bao_cao", "Nhận báo cáo sau chuyến đi", "Report received", CASE_OFFICER, 0},
    {"da_nop_bao_cao", "da_xem_xet", "Xem xét báo cáo", "Review the report", CASE_LEADER,
     CASE_CONCLUDES},
};

static const enum figure figures[] = {FIGURE_RNN_DOAN,
                                      FIGURE_RNN_LUOT,
                                      FIGURE_RNN_BAO_CAO,
                                      FIGURE_RNN_BAO_CAO_DUNG_HAN,
                                      FIGURE_RNN_BAO_CAO_TRE_HAN,
                                      FIGURE_RNN_BAO_CAO_QUA_HAN};

static const char *const reported[] = {"da_nop_bao_cao", "da_xem_xet", NULL};
static const struct deadline_rule deadlines[] = {
    {TRIP_REPORT_RULE, KIND_TRIP, "Nộp báo cáo sau chuyến đi", "Return report after the trip",
     "da_ve", reported, 7, 50, 80, 1, "DOMAIN.md §4: 7 ngày làm việc kể từ ngày nhập cảnh"},
};

static const struct code_name purposes[] = {
    {"cong_tac", "Công tác", "Work"},
    {"hoc_tap", "Học tập", "Study"},
    {"chua_benh", "Chữa bệnh", "Medical treatment"},
    {"du_lich", "Du lịch", "Tourism"},
    {"tham_than", "Thăm thân", "Visiting relatives"},
};

static const struct code_name events[TRAVELLER_EVENT__MAX] = {
    [TRAVELLER_COMMITMENT] = {"commitment", "Bản cam kết", "Commitment"},
    [TRAVELLER_DEPARTED] = {"departed", "Xuất cảnh", "Departed"},
    [TRAVELLER_RETURNED] = {"returned", "Nhập cảnh", "Returned"},
    [TRAVELLER_REPORT] = {"report", "Báo cáo", "Report"},
};

const struct code_set trip_purposes = CODE_SET(purposes);

const struct code_set traveller_events = CODE_SET(events);

/* The trip case, visible and writable by who. */
static int trip_case(struct app *app, const struct actor *who, int64_t case_id, struct arena *a,
                     struct case_row *c, struct err *e)
{
	return case_of_kind(app, who, case_id, KIND_TRIP, CASE_OFFICER, a, c, e);
}

/* The trip as it would be after an update: whole and consistent. */
static int check_trip(const void *record, struct err *e)
{
	const struct trip_row *r = record;

	if (!code_find(purposes, CASE_N(purposes), r->purpose))
		return code_refuse(e, "purpose", "Mục đích", "The purpose", purposes,
		                   CASE_N(purposes));
	if (r->come_back < r->depart)
		return err_set(
		    e, HOSO_E_BAD_DATE, "come_back",
		    "Cần ngày đi và ngày về, ngày về không trước ngày đi",
		    "Departure and return dates are needed, the return not before departure");
	return 0;
}

static int put_trip(struct store *s, const void *record)
{
	return store_trip_put(s, record);
}

int trip_set(struct app *app, const struct actor *who, int64_t case_id, const struct trip_input *in,
             struct err *e)
{
	struct trip_row r = {.case_id = case_id, .depart = DATE_NONE, .come_back = DATE_NONE};
	const struct patch_field fields[] = {
	    [TRIP_PURPOSE] = {"purpose", PATCH_CODE, 0, &r.purpose, &in->purpose},
	    [TRIP_COUNTRIES] = {"countries", PATCH_TEXT, 500, &r.countries, &in->countries},
	    [TRIP_FUNDING] = {"funding", PATCH_TEXT, 300, &r.funding, &in->funding},
	    [TRIP_DEPART] = {"depart", PATCH_DATE, 0, &r.depart, &in->depart},
	    [TRIP_COME_BACK] = {"come_back", PATCH_DATE, 0, &r.come_back, &in->come_back},
	    [TRIP_IN_PLAN] = {"in_plan", PATCH_FLAG, 0, &r.in_plan, &in->in_plan},
	};
	struct patch_part p = {
	    "trip",
	    case_id,
	    in->version,
	    0,
	    fields,
	    CASE_N(fields),
	    in->sent,
	    1u << TRIP_PURPOSE | 1u << TRIP_COUNTRIES | 1u << TRIP_DEPART | 1u << TRIP_COME_BACK,
	    check_trip,
	    put_trip,
	    &r};
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = trip_case(app, who, case_id, &a, &c, e)) == 0 &&
	    (rc = patch_stored(store_trip_get(app_store(app), case_id, &a, &r), e)) == 0) {
		p.stored = r.version;
		rc = patch_part(app, who, &p, &a, e);
	}
	arena_release(&a);
	return rc;
}

static int insert_traveller(struct store *s, const void *row, int64_t *ret_id)
{
	return store_traveller_insert(s, row, ret_id);
}

/* The trip case_id, visible and writable by who, that person person_id
 * may join: a member the actor may see, not travelling already, and the
 * only traveller of a private trip. */
static int trip_to_join(struct app *app, const struct actor *who, int64_t case_id,
                        int64_t person_id, struct arena *a, struct err *e)
{
	struct traveller_list l;
	struct person_row p;
	struct case_row c;
	int rc = trip_case(app, who, case_id, a, &c, e);

	if (rc < 0)
		return rc;
	if ((rc = person_get(app, who, person_id, a, &p, e)) == HOSO_E_NOT_FOUND)
		return err_set(e, rc, "person", "Không tìm thấy đảng viên", "Member not found");
	if (rc < 0)
		return rc;
	if ((rc = live_travellers(store_travellers_of_case(app_store(app), case_id, a, &l), &l)) <
	    0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].person_id == person_id)
			return err_set(e, HOSO_E_DUPLICATE, "person", "Người này đã có trong đoàn",
			               "This person is already travelling");
	if (c.subtype && strcmp(c.subtype, "viec_rieng") == 0 && l.n > 0)
		return err_set(e, HOSO_E_CONFLICT, "person",
		               "Chuyến đi việc riêng chỉ có một người",
		               "A private trip has one traveller");
	return 0;
}

int traveller_add(struct app *app, const struct actor *who, int64_t case_id, int64_t person_id,
                  int leader, int commitment, int64_t *ret_id, struct err *e)
{
	struct traveller_row t = {.case_id = case_id,
	                          .person_id = person_id,
	                          .leader = !!leader,
	                          .commitment = !!commitment};
	struct case_insert ins = {insert_traveller, &t, ret_id, NULL};
	struct gate_write w = {"traveller", "case", case_id, NULL, NOUN_CASE};
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = trip_to_join(app, who, case_id, person_id, &a, e)) < 0)
		goto out;
	w.detail = json_pack("{s:I,s:b}", "person", (json_int_t)person_id, "leader", t.leader);
	rc = gate_write(app, who, &w, case_insert_write, &ins, e);
out:
	arena_release(&a);
	return rc;
}

struct traveller_check {
	struct app *app;
	struct arena *a;
};

static void seen_traveller(void *arg, const void *record, struct arena *a)
{
	(void)record;
	((struct traveller_check *)arg)->a = a;
}

/* At most one leader of a delegation; the dates in order. */
static int check_traveller(void *arg, const struct case_row *c, const void *record, struct err *e)
{
	const struct traveller_check *x = arg;
	const struct traveller_row *t = record;
	struct traveller_list l;
	int rc;

	if ((rc = correct_day(c, t->departed, "departed", e)) < 0 ||
	    (rc = correct_day(c, t->returned, "returned", e)) < 0 ||
	    (rc = correct_day(c, t->report_received, "report_received", e)) < 0)
		return rc;
	if ((t->returned != DATE_NONE && (t->departed == DATE_NONE || t->returned < t->departed)) ||
	    (t->report_received != DATE_NONE &&
	     (t->returned == DATE_NONE || t->report_received < t->returned)))
		return err_set(e, HOSO_E_BAD_DATE, "date",
		               "Theo thứ tự: xuất cảnh, nhập cảnh, rồi mới nộp báo cáo",
		               "In order: departure, return, then the report");
	if (!t->leader)
		return 0;
	rc = live_travellers(store_travellers_of_case(app_store(x->app), t->case_id, x->a, &l), &l);
	if (rc < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].leader && l.v[i].id != t->id)
			return err_set(e, HOSO_E_CONFLICT, "leader",
			               "Đoàn đã có trưởng đoàn; bỏ chọn người đó trước",
			               "The delegation already has a leader; unmark them first");
	return 0;
}

int traveller_edit(struct app *app, const struct actor *who, int64_t id,
                   const struct traveller_input *in, struct err *e)
{
	struct traveller_row t;
	const struct patch_field fields[] = {
	    [TRAVELLER_F_LEADER] = {"leader", PATCH_FLAG, 0, &t.leader, &in->leader},
	    [TRAVELLER_F_COMMITMENT] = {"commitment", PATCH_FLAG, 0, &t.commitment,
	                                &in->commitment},
	    [TRAVELLER_F_DEPARTED] = {"departed", PATCH_DATE, 0, &t.departed, &in->departed},
	    [TRAVELLER_F_RETURNED] = {"returned", PATCH_DATE, 0, &t.returned, &in->returned},
	    [TRAVELLER_F_REPORT] = {"report_received", PATCH_DATE, 0, &t.report_received,
	                            &in->report_received},
	};
	struct traveller_check chk = {.app = app};
	const struct correct_edit x = {.k = STORE_REC_TRAVELLER,
	                               .id = id,
	                               .version = in->version,
	                               .fields = fields,
	                               .nfields = CASE_N(fields),
	                               .sent = in->sent,
	                               .seen = seen_traveller,
	                               .check = check_traveller,
	                               .record = &t,
	                               .arg = &chk};

	return correct_edit(app, who, &x, e);
}

int traveller_event_parse(const char *s, enum traveller_event *ret)
{
	int i = code_index(events, TRAVELLER_EVENT__MAX, s);

	if (i < 0)
		return HOSO_E_BAD_ENUM;
	*ret = (enum traveller_event)i;
	return 0;
}

/* The traveller's row after event ev on day: in order, departure after
 * the case was opened, return after departure, report after return. */
static int apply_event(struct traveller_row *t, const struct case_row *c, enum traveller_event ev,
                       int32_t day, struct err *e)
{
	int32_t before = DATE_NONE;

	switch (ev) {
	case TRAVELLER_COMMITMENT:
	case TRAVELLER_EVENT__MAX:
		t->commitment = 1;
		return 0;
	case TRAVELLER_DEPARTED:
		before = c->opened;
		t->departed = day;
		break;
	case TRAVELLER_RETURNED:
		before = t->departed;
		t->returned = day;
		break;
	case TRAVELLER_REPORT:
		before = t->returned;
		t->report_received = day;
		break;
	}
	if (before == DATE_NONE || day < before)
		return err_set(e, HOSO_E_BAD_DATE, "date",
		               "Theo thứ tự: xuất cảnh, nhập cảnh, rồi mới nộp báo cáo",
		               "In order: departure, return, then the report");
	return 0;
}

static int write_event(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	(void)w;
	(void)e;
	return store_traveller_update(app_store(app), arg);
}

int traveller_record(struct app *app, const struct actor *who, int64_t id, enum traveller_event ev,
                     int32_t day, int64_t version, struct err *e)
{
	static const char *const actions[] = {"traveller_commitment", "traveller_departed",
	                                      "traveller_returned", "traveller_report"};
	struct gate_write w = {NULL, "case", 0, NULL, NOUN_TRAVELLER};
	struct traveller_row t;
	struct case_row c;
	struct arena a;
	int rc;

	/* The role first: whether the traveller exists is nobody's business
	 * who may not record their events. */
	if ((rc = gate_role(who, CASE_OFFICER, e)) < 0)
		return rc;
	if ((unsigned)ev >= TRAVELLER_EVENT__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "event", NULL, NULL);
	arena_init(&a, 1 << 16);
	rc = store_traveller_get(app_store(app), id, &a, &t);
	if (rc == 0)
		rc = trip_case(app, who, t.case_id, &a, &c, e);
	if (rc == HOSO_E_NOT_FOUND) {
		err_clear(e);
		rc = gate_not_found(e, "id", NOUN_TRAVELLER);
		goto out;
	}
	if (rc < 0) {
		rc = gate_store_error(e, rc, NOUN_TRAVELLER);
		goto out;
	}
	if ((rc = apply_event(&t, &c, ev, day == DATE_NONE ? date_today() : day, e)) < 0)
		goto out;
	if (version)
		t.version = version;
	w.action = actions[ev];
	w.object_id = t.case_id;
	w.detail =
	    json_pack("{s:I,s:I}", "traveller", (json_int_t)id, "person", (json_int_t)t.person_id);
	rc = gate_write(app, who, &w, write_event, &t, e);
out:
	arena_release(&a);
	return rc;
}

/* A trip is approved only once it is complete: its details, its
 * travellers, each one's commitment when visiting relatives, and for an
 * official delegation its place in the year's foreign-affairs plan. */
/* "Reports received" only when every traveller who left has reported. */
static int check_reports(struct app *app, const struct case_row *c, struct err *e)
{
	struct traveller_list l;
	struct arena a;
	size_t missing = 0;
	int rc;

	arena_init(&a, 1 << 16);
	rc = live_travellers(store_travellers_of_case(app_store(app), c->id, &a, &l), &l);
	for (size_t i = 0; rc == 0 && i < l.n; i++)
		missing += l.v[i].departed != DATE_NONE && l.v[i].report_received == DATE_NONE;
	arena_release(&a);
	if (rc < 0)
		return gate_store_error(e, rc, NOUN_CASE);
	if (missing)
		return err_set(e, HOSO_E_CONFLICT, "travellers",
		               "Còn %zu người chưa nộp báo cáo sau chuyến đi",
		               missing == 1 ? "%zu traveller has not reported yet"
		                            : "%zu travellers have not reported yet",
		               missing);
	return 0;
}

static int check_step(struct app *app, const struct case_row *c, const struct case_step *s,
                      const char *note, struct err *e)
{
	struct traveller_list l;
	struct trip_row trip;
	struct arena a;
	int rc;

	(void)note;
	if (strcmp(s->to, "da_nop_bao_cao") == 0)
		return check_reports(app, c, e);
	if (strcmp(s->to, "dong_y") != 0)
		return 0;
	arena_init(&a, 1 << 16);
	rc = store_trip_get(app_store(app), c->id, &a, &trip);
	if (rc == HOSO_E_NOT_FOUND) {
		rc = err_set(e, HOSO_E_CONFLICT, "trip", "Chưa ghi mục đích, nước đến và thời gian",
		             "The purpose, countries and dates are not recorded yet");
		goto out;
	}
	if (rc == 0)
		rc = live_travellers(store_travellers_of_case(app_store(app), c->id, &a, &l), &l);
	if (rc < 0) {
		rc = gate_store_error(e, rc, NOUN_CASE);
		goto out;
	}
	if (l.n == 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "travellers", "Chưa có người đi",
		             "There is no traveller yet");
		goto out;
	}
	if (strcmp(trip.purpose, "tham_than") == 0)
		for (size_t i = 0; i < l.n; i++)
			if (!l.v[i].commitment) {
				rc = err_set(
				    e, HOSO_E_CONFLICT, "commitment",
				    "Đi thăm thân cần bản cam kết của từng người",
				    "Visiting relatives needs each traveller's written commitment");
				goto out;
			}
	if (c->subtype && strcmp(c->subtype, "cong_vu") == 0 && !trip.in_plan)
		rc = err_set(e, HOSO_E_CONFLICT, "in_plan",
		             "Đoàn công vụ phải có trong kế hoạch đối ngoại của năm",
		             "An official delegation must be in the year's foreign-affairs plan");
out:
	arena_release(&a);
	return rc;
}

/* Who approves: the provincial organisation board for cadres managed by
 * the provincial standing committee, the foreign-affairs department for
 * the others ([config] in DOMAIN.md; this is the default). */
static const char *authority_for(const char *management_level)
{
	struct buf key = BUF_INIT(1024);
	const char *who = "Sở Ngoại vụ";

	if (management_level &&
	    vi_search_key(management_level, strlen(management_level), &key) == 0 &&
	    (strstr(key.buf, "ban thuong vu") || strstr(key.buf, "btv")))
		who = "Ban Tổ chức Tỉnh ủy";
	buf_release(&key);
	return who;
}

int trip_view(struct app *app, const struct actor *who, int64_t case_id, struct arena *a,
              struct trip_row *ret_trip, int *has_trip, struct traveller_view **ret, size_t *ret_n,
              struct err *e)
{
	const struct deadline_rule *rules, *report = NULL;
	struct traveller_list l;
	struct traveller_view *v = NULL;
	size_t nr;
	int rc = store_trip_get(app_store(app), case_id, a, ret_trip);

	*ret = NULL;
	*ret_n = 0;
	*has_trip = rc == 0;
	if (rc < 0 && rc != HOSO_E_NOT_FOUND)
		return err_set(e, rc, NULL, NULL, NULL);
	if ((rc = deadline_rules(app, a, &rules, &nr, e)) < 0)
		return rc;
	report = deadline_rule_find(rules, nr, TRIP_REPORT_RULE);
	if ((rc = store_travellers_of_case(app_store(app), case_id, a, &l)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (l.n && !(v = arena_alloc(a, l.n * sizeof(*v))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < l.n; i++) {
		struct person_row p;
		int seen = person_get(app, who, l.v[i].person_id, a, &p, NULL) == 0;

		memset(&v[i], 0, sizeof(v[i]));
		v[i].t = l.v[i];
		v[i].full_name = seen ? p.full_name : NULL;
		v[i].authority = authority_for(seen ? p.management_level : NULL);
		if (report && l.v[i].returned != DATE_NONE && !l.v[i].withdrawn.at) {
			rc = deadline_span(app_cal(app), report, l.v[i].returned,
			                   l.v[i].report_received, date_today(), &v[i].report);
			if (rc < 0)
				return err_set(e, rc, NULL, NULL, NULL);
			v[i].has_report_deadline = rc == 1;
		}
	}
	*ret = v;
	*ret_n = l.n;
	return 0;
}

struct report_scan {
	struct app *app;
	const struct actor *who;
	enum deadline_level min;
	struct arena *a;
	struct report_item *v;
	size_t n, cap;
	int rc;
};

static int report_one(const struct case_row *c, void *arg)
{
	struct report_scan *s = arg;
	struct traveller_view *tv;
	struct trip_row trip;
	int has;
	size_t n;
	struct err ignored;

	if (!case_is(c, KIND_TRIP))
		return 0;
	err_init(&ignored);
	s->rc = trip_view(s->app, s->who, c->id, s->a, &trip, &has, &tv, &n, &ignored);
	err_release(&ignored);
	if (s->rc < 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		struct report_item *v;

		if (!tv[i].has_report_deadline || tv[i].t.report_received != DATE_NONE ||
		    tv[i].report.level < s->min)
			continue;
		if ((v = store_vec_grow(s->a, s->v, s->n, &s->cap, sizeof(*v))))
			s->v = v;
		if (!v || case_brief_copy(s->a, c, &v[s->n].c) < 0) {
			s->rc = HOSO_E_NOMEM;
			return 1;
		}
		v[s->n].v = tv[i];
		s->n++;
	}
	return 0;
}

static int report_urgency(const void *x, const void *y)
{
	const struct report_item *a = x, *b = y;
	int c = deadline_cmp(&a->v.report, &b->v.report);

	return c ? c : (a->v.t.id > b->v.t.id) - (a->v.t.id < b->v.t.id);
}

int trip_reports_due(struct app *app, const struct actor *who, enum deadline_level min_level,
                     size_t limit, struct arena *a, struct report_item **ret, size_t *ret_n,
                     struct err *e)
{
	struct report_scan s = {.app = app, .who = who, .min = min_level, .a = a};
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if ((rc = case_each_visible(app, who, report_one, &s, e)) < 0)
		return rc;
	if (s.rc < 0)
		return err_set(e, s.rc, NULL, NULL, NULL);
	if (s.n)
		qsort(s.v, s.n, sizeof(*s.v), report_urgency);
	*ret = s.v;
	return deadline_due_record(app, who, "return_report", min_level, s.n, limit, ret_n, e);
}

json_t *report_item_json(struct app *app, const struct actor *who, const struct report_item *it,
                         struct arena *a)
{
	json_t *o = case_brief_json(app, who, &it->c, a);

	json_object_set_new(o, "traveller",
	                    json_pack("{s:I,s:I,s:s?,s:o,s:o}", "id", (json_int_t)it->v.t.id,
	                              "person", (json_int_t)it->v.t.person_id, "full_name",
	                              it->v.full_name, "returned", code_date_json(it->v.t.returned),
	                              "deadline", deadline_json(&it->v.report)));
	return o;
}

static int part_load(struct app *app, const struct actor *who, struct case_view *v, struct arena *a,
                     struct err *e)
{
	struct trip_part *p = arena_calloc(a, 1, sizeof(*p));
	int rc;

	if (!p)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if ((rc = trip_view(app, who, v->c.id, a, &p->trip, &p->has_trip, &p->travellers,
	                    &p->ntravellers, e)) < 0)
		return rc;
	v->part = p;
	return 0;
}

static json_t *traveller_json(const struct traveller_view *tv)
{
	const struct traveller_row *x = &tv->t;
	json_t *o = json_pack("{s:I,s:I,s:s?,s:b,s:b,s:o,s:o,s:o,s:s,s:o}", "id", (json_int_t)x->id,
	                      "person", (json_int_t)x->person_id, "full_name", tv->full_name,
	                      "leader", x->leader, "commitment", x->commitment, "departed",
	                      code_date_json(x->departed), "returned", code_date_json(x->returned),
	                      "report_received", code_date_json(x->report_received), "authority",
	                      tv->authority, "report_deadline",
	                      tv->has_report_deadline ? deadline_json(&tv->report) : json_null());

	correct_json(o, x->version, &x->withdrawn);
	return o;
}

static void part_view(json_t *o, const void *part)
{
	const struct trip_part *p = part;
	const struct trip_row *t = p ? &p->trip : NULL;
	json_t *arr = json_array();

	json_object_set_new(
	    o, "trip",
	    p && p->has_trip
	        ? json_pack("{s:s,s:s,s:o,s:o,s:s?,s:b,s:I}", "purpose", t->purpose, "countries",
	                    t->countries, "depart", code_date_json(t->depart), "come_back",
	                    code_date_json(t->come_back), "funding", t->funding, "in_plan",
	                    t->in_plan, "version", (json_int_t)t->version)
	        : json_null());
	for (size_t i = 0; p && i < p->ntravellers; i++)
		json_array_append_new(arr, traveller_json(&p->travellers[i]));
	json_object_set_new(o, "travellers", arr);
}

const struct case_kind case_kind_trip = {
    .id = KIND_TRIP,
    .code = "ra_nuoc_ngoai",
    .prefix = "RNN",
    .vi = "Ra nước ngoài",
    .en = "Trip abroad",
    CASE_TABLE(subtypes, types),
    CASE_TABLE(states, states),
    CASE_TABLE(steps, steps),
    .check_step = check_step,
    .load = part_load,
    .view = part_view,
    CASE_TABLE(figures, figures),
    CASE_TABLE(deadlines, deadlines),
};
