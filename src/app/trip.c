/*
 * trip.c - trips abroad: details, travellers, approval checks (trip.h).
 */
#include "app/trip.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/gate.h"
#include "app/case.h"
#include "app/person.h"
#include "app/scope.h"
#include "vi/vi.h"

#include "core/banned.h"

#define WRITE_ROLES (1u << ROLE_OFFICER | 1u << ROLE_LEADER)

static int valid_purpose(const char *p)
{
	static const char *const purposes[] = {"cong_tac", "hoc_tap",   "chua_benh",
	                                       "du_lich",  "tham_than", NULL};

	return app_one_of(p, purposes);
}

/* The trip case, visible and writable by who. */
static int trip_case(struct app *app, const struct actor *who, int64_t case_id, struct arena *a,
                     struct case_row *c, struct err *e)
{
	int rc = scope_require_role(who, WRITE_ROLES, e);

	if (rc == 0)
		rc = case_fetch(app, who, case_id, a, c, e);
	if (rc == 0 && strcmp(c->kind, "ra_nuoc_ngoai") != 0)
		rc = err_set(e, HOSO_E_CONFLICT, "case", "Chỉ hồ sơ ra nước ngoài có chuyến đi",
		             "Only a trip-abroad case has a trip");
	return rc;
}

/* Commit or roll back the write begun by the caller, auditing it first. */
static int finish(struct app *app, const struct actor *who, int64_t case_id, const char *action,
                  int rc, json_t *detail, struct err *e)
{
	if (rc == 0)
		rc = audit_append_json(
		    app, who, (struct audit_entry){action, "case", case_id, NULL, 0}, detail, e);
	else
		json_decref(detail);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
	return rc;
}

int trip_set(struct app *app, const struct actor *who, int64_t case_id, const struct trip_input *in,
             struct err *e)
{
	struct trip_row r = {.case_id = case_id,
	                     .depart = in->depart,
	                     .come_back = in->come_back,
	                     .in_plan = !!in->in_plan};
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = trip_case(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if (!valid_purpose(in->purpose)) {
		rc = err_set(e, HOSO_E_BAD_ENUM, "purpose",
		             "Mục đích là cong_tac, hoc_tap, chua_benh, du_lich hoặc tham_than",
		             "The purpose is cong_tac, hoc_tap, chua_benh, du_lich or tham_than");
		goto out;
	}
	r.purpose = in->purpose;
	if ((rc = app_text_clean(&a, in->countries, "countries", 500, &r.countries, e)) < 0 ||
	    (rc = app_text_clean(&a, in->funding, "funding", 300, &r.funding, e)) < 0)
		goto out;
	if (!r.countries) {
		rc = err_set(e, HOSO_E_MISSING, "countries", "Thiếu nước đến",
		             "The countries are missing");
		goto out;
	}
	if (r.depart == DATE_NONE || r.come_back == DATE_NONE || r.come_back < r.depart) {
		rc = err_set(
		    e, HOSO_E_BAD_DATE, "come_back",
		    "Cần ngày đi và ngày về, ngày về không trước ngày đi",
		    "Departure and return dates are needed, the return not before departure");
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = store_trip_put(app_store(app), &r)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	rc = finish(app, who, case_id, "trip", rc,
	            json_pack("{s:s,s:s,s:i}", "purpose", r.purpose, "countries", r.countries,
	                      "in_plan", r.in_plan),
	            e);
out:
	arena_release(&a);
	return rc;
}

int traveller_add(struct app *app, const struct actor *who, int64_t case_id, int64_t person_id,
                  int leader, int commitment, int64_t *ret_id, struct err *e)
{
	struct traveller_row r = {.case_id = case_id,
	                          .person_id = person_id,
	                          .leader = !!leader,
	                          .commitment = !!commitment};
	struct traveller_list l;
	struct person_row p;
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = trip_case(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if ((rc = person_get(app, who, person_id, &a, &p, e)) < 0) {
		if (rc == HOSO_E_NOT_FOUND)
			err_set(e, rc, "person", "Không tìm thấy đảng viên", "Member not found");
		goto out;
	}
	if ((rc = store_travellers_of_case(app_store(app), case_id, &a, &l)) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].person_id == person_id) {
			rc = err_set(e, HOSO_E_DUPLICATE, "person", "Người này đã có trong đoàn",
			             "This person is already travelling");
			goto out;
		}
	if (c.subtype && strcmp(c.subtype, "viec_rieng") == 0 && l.n > 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "person", "Chuyến đi việc riêng chỉ có một người",
		             "A private trip has one traveller");
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = store_traveller_insert(app_store(app), &r, ret_id)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	rc = finish(app, who, case_id, "traveller", rc,
	            json_pack("{s:I,s:b}", "person", (json_int_t)person_id, "leader", r.leader), e);
out:
	arena_release(&a);
	return rc;
}

int traveller_event_parse(const char *s, enum traveller_event *ret)
{
	static const char *const names[] = {"commitment", "departed", "returned", "report"};

	for (int i = 0; s && i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*ret = (enum traveller_event)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

int traveller_record(struct app *app, const struct actor *who, int64_t id, enum traveller_event ev,
                     int32_t day, int64_t version, struct err *e)
{
	static const char *const actions[] = {"traveller_commitment", "traveller_departed",
	                                      "traveller_returned", "traveller_report"};
	struct traveller_row t;
	struct case_row c;
	struct arena a;
	int32_t before = DATE_NONE;
	int rc;

	/* The role first: whether the traveller exists is nobody's business
	 * who may not record their events. */
	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0)
		return rc;
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
		if (!e->code)
			err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	day = day == DATE_NONE ? date_today() : day;
	switch (ev) {
	case TRAVELLER_COMMITMENT:
		t.commitment = 1;
		break;
	case TRAVELLER_DEPARTED:
		before = c.opened;
		t.departed = day;
		break;
	case TRAVELLER_RETURNED:
		before = t.departed;
		t.returned = day;
		break;
	case TRAVELLER_REPORT:
		before = t.returned;
		t.report_received = day;
		break;
	}
	if (ev != TRAVELLER_COMMITMENT && (before == DATE_NONE || day < before)) {
		rc = err_set(e, HOSO_E_BAD_DATE, "date",
		             "Theo thứ tự: xuất cảnh, nhập cảnh, rồi mới nộp báo cáo",
		             "In order: departure, return, then the report");
		goto out;
	}
	if (version)
		t.version = version;
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	rc = store_traveller_update(app_store(app), &t);
	if (rc == HOSO_E_CONFLICT)
		err_set(e, rc, "version", "Đã được người khác cập nhật; hãy tải lại",
		        "Someone else updated it; reload");
	else if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	rc = finish(
	    app, who, t.case_id, actions[ev], rc,
	    json_pack("{s:I,s:I}", "traveller", (json_int_t)id, "person", (json_int_t)t.person_id),
	    e);
out:
	arena_release(&a);
	return rc;
}

int trip_check_approval(struct app *app, int64_t case_id, const char *subtype, struct err *e)
{
	struct traveller_list l;
	struct trip_row trip;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	rc = store_trip_get(app_store(app), case_id, &a, &trip);
	if (rc == HOSO_E_NOT_FOUND) {
		rc = err_set(e, HOSO_E_CONFLICT, "trip", "Chưa ghi mục đích, nước đến và thời gian",
		             "The purpose, countries and dates are not recorded yet");
		goto out;
	}
	if (rc == 0)
		rc = store_travellers_of_case(app_store(app), case_id, &a, &l);
	if (rc < 0) {
		err_set(e, rc, NULL, NULL, NULL);
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
	if (subtype && strcmp(subtype, "cong_vu") == 0 && !trip.in_plan)
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
		if (report && l.v[i].returned != DATE_NONE) {
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

	if (strcmp(c->kind, "ra_nuoc_ngoai") != 0)
		return 0;
	err_init(&ignored);
	s->rc = trip_view(s->app, s->who, c->id, s->a, &trip, &has, &tv, &n, &ignored);
	err_release(&ignored);
	if (s->rc < 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		if (!tv[i].has_report_deadline || tv[i].t.report_received != DATE_NONE ||
		    tv[i].report.level < s->min)
			continue;
		if (s->n == s->cap) {
			size_t cap = s->cap ? s->cap * 2 : 64;
			struct report_item *nv = arena_alloc(s->a, cap * sizeof(*nv));

			if (!nv) {
				s->rc = HOSO_E_NOMEM;
				return 1;
			}
			if (s->n)
				memcpy(nv, s->v, s->n * sizeof(*nv));
			s->v = nv;
			s->cap = cap;
		}
		s->v[s->n].c = *c;
		s->v[s->n].c.number = arena_strdup(s->a, c->number);
		s->v[s->n].c.title = arena_strdup(s->a, c->title);
		s->v[s->n].c.kind = "ra_nuoc_ngoai";
		s->v[s->n].c.state = arena_strdup(s->a, c->state);
		s->v[s->n].c.subtype = NULL;
		s->v[s->n].c.conclusion = NULL;
		s->v[s->n].c.created_at = NULL;
		s->v[s->n].v = tv[i];
		if (!s->v[s->n].c.number || !s->v[s->n].c.title || !s->v[s->n].c.state) {
			s->rc = HOSO_E_NOMEM;
			return 1;
		}
		s->n++;
	}
	return 0;
}

static int report_urgency(const void *x, const void *y)
{
	const struct report_item *a = x, *b = y;

	if (a->v.report.level != b->v.report.level)
		return a->v.report.level > b->v.report.level ? -1 : 1;
	if (a->v.report.due != b->v.report.due)
		return a->v.report.due < b->v.report.due ? -1 : 1;
	return a->v.t.id < b->v.t.id ? -1 : a->v.t.id > b->v.t.id;
}

int trip_reports_due(struct app *app, const struct actor *who, enum deadline_level min_level,
                     size_t limit, struct arena *a, struct report_item **ret, size_t *ret_n,
                     struct err *e)
{
	struct report_scan s = {.app = app, .who = who, .min = min_level, .a = a};
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = scope_require_role(
	         who, 1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER,
	         e)) < 0)
		return rc;
	if ((rc = case_each_visible(app, who, report_one, &s, e)) < 0)
		return rc;
	if (s.rc < 0)
		return err_set(e, s.rc, NULL, NULL, NULL);
	if (s.n)
		qsort(s.v, s.n, sizeof(*s.v), report_urgency);
	*ret = s.v;
	*ret_n = s.n < limit ? s.n : limit;
	return audit_record_json(app, who,
	                         (struct audit_entry){"search", "return_report", 0, NULL, 0},
	                         json_pack("{s:s,s:I}", "min_level", deadline_level_name(min_level),
	                                   "results", (json_int_t)*ret_n),
	                         e);
}
