/*
 * submission.c - period reports submitted, approved, returned, re-opened,
 * and the lock on an approved period (submission.h).
 */
#include "app/submission.h"

#include <string.h>

#include "app/gate.h"
#include "app/report.h"
#include "app/scope.h"
#include "app/user.h"

#include "core/banned.h"

static const char *const action_names[] = {"approve", "return", "reopen"};
static const char *const action_states[] = {"approved", "returned", "reopened"};

int submission_action_parse(const char *s, enum submission_action *ret)
{
	for (int i = 0; i < 3; i++)
		if (s && strcmp(s, action_names[i]) == 0) {
			*ret = (enum submission_action)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

/* 1 when who may approve, return or re-open org's reports: a leader whose
 * scope holds org's parent on day (for the top of the tree, org itself). */
static int may_decide(struct app *app, const struct actor *who, int64_t org, int32_t day,
                      struct arena *a)
{
	struct org_row o;

	if (!actor_has_role(who, ROLE_LEADER))
		return 0;
	if (store_org_at(app_store(app), org, day, a, &o) < 0 &&
	    store_org_latest(app_store(app), org, a, &o) < 0)
		return 0;
	return scope_contains(app, who, o.parent_id ? o.parent_id : org) == 1;
}

int submission_may_submit(const struct actor *who, struct err *e)
{
	return gate_role(who, 1u << ROLE_OFFICER | 1u << ROLE_LEADER, e);
}

int submission_submit(struct app *app, const struct actor *who, int64_t org, int32_t from,
                      int32_t to, const char *note, int64_t *ret_id, struct err *e)
{
	struct submission_row r = {
	    .org_id = org, .from = from, .to = to, .submitted_by = who->user_id};
	struct gate_write w = {"report_submit", "report_submission", 0, NULL, NOUN_SUBMISSION};
	struct report rep;
	struct arena a;
	json_t *figs = NULL;
	char *text = NULL;
	int rc;

	if ((rc = submission_may_submit(who, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = app_text_clean(&a, note, "note", 2000, &r.note, e)) < 0 ||
	    (rc = report_figures(app, who, org, from, to, DATE_NONE, &a, &rep, e)) < 0)
		goto out;
	figs = json_object();
	for (size_t i = 0; figs && i < rep.nfigures; i++)
		json_object_set_new(figs, rep.figures[i].def->code,
		                    json_integer(rep.figures[i].total));
	if (!figs || !(text = app_json_dumps(figs, JSON_COMPACT | JSON_SORT_KEYS))) {
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto out;
	}
	r.figures = text;
	if ((rc = gate_begin(app, e)) < 0)
		goto out;
	rc = store_submission_insert(app_store(app), &r, &w.object_id);
	if (rc == HOSO_E_DUPLICATE)
		err_set(e, rc, "period",
		        "Báo cáo kỳ này của tổ chức đã được nộp (đang chờ duyệt hoặc đã phê duyệt)",
		        "This period's report of the organisation is already submitted (waiting or "
		        "approved)");
	else if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		w.detail = json_pack("{s:I,s:I,s:I,s:O}", "org", (json_int_t)org, "from",
		                     (json_int_t)from, "to", (json_int_t)to, "figures", figs);
	if ((rc = gate_end(app, who, rc, &w, e)) == 0)
		*ret_id = w.object_id;
out:
	json_decref(figs);
	free(text);
	arena_release(&a);
	return rc;
}

int submission_decide(struct app *app, const struct actor *who, int64_t id, int64_t version,
                      enum submission_action action, const char *reason, struct err *e)
{
	static const char *const from_state[] = {"submitted", "submitted", "approved"};
	struct gate_write w = {NULL, "report_submission", id, NULL, NOUN_SUBMISSION};
	struct submission_row r;
	const char *why = NULL;
	char act[32];
	struct arena a;
	int rc;

	if ((unsigned)action > SUBMISSION_REOPEN)
		return err_set(e, HOSO_E_BAD_ENUM, "action",
		               "Thao tác là approve, return hoặc reopen",
		               "The action is approve, return or reopen");
	if ((rc = gate_role(who, 1u << ROLE_LEADER, e)) < 0)
		return rc;
	arena_init(&a, 1 << 16);
	if ((rc = store_submission_get(app_store(app), id, &a, &r)) < 0 ||
	    scope_contains(app, who, r.org_id) != 1) {
		rc = err_set(e, rc == HOSO_E_NOT_FOUND || rc == 0 ? HOSO_E_NOT_FOUND : rc,
		             "submission", "Không tìm thấy báo cáo đã nộp",
		             "Submitted report not found");
		goto out;
	}
	if (!may_decide(app, who, r.org_id, r.to, &a)) {
		rc = err_set(
		    e, HOSO_E_DENIED, "submission",
		    "Chỉ lãnh đạo cấp trên của tổ chức nộp báo cáo mới duyệt, trả lại hoặc "
		    "mở lại kỳ",
		    "Only a leader of the level above the organisation approves, returns or "
		    "re-opens its report");
		goto out;
	}
	if (who->user_id != 0 && who->user_id == r.submitted_by) {
		rc = err_set(e, HOSO_E_DENIED, "submission",
		             "Người nộp báo cáo không tự phê duyệt, trả lại hoặc mở lại",
		             "The submitter does not approve, return or re-open their own report");
		goto out;
	}
	if (strcmp(r.state, from_state[action]) != 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "state",
		             "Báo cáo đang ở trạng thái '%s': không thể %s",
		             "The report is '%s': cannot %s", r.state, action_names[action]);
		goto out;
	}
	if ((rc = app_text_clean(&a, reason, "reason", 2000, &why, e)) < 0)
		goto out;
	if (action != SUBMISSION_APPROVE && !why) {
		rc = err_set(e, HOSO_E_MISSING, "reason", "Cần nêu lý do", "A reason is required");
		goto out;
	}
	if ((rc = gate_begin(app, e)) < 0)
		goto out;
	rc = store_submission_decide(app_store(app), id, version, action_states[action],
	                             who->user_id, why);
	if (rc == 0 && action == SUBMISSION_APPROVE)
		rc = store_period_lock(app_store(app), id, r.org_id, r.from, r.to);
	if (rc == 0 && action == SUBMISSION_REOPEN)
		rc = store_period_unlock(app_store(app), id);
	if (rc == HOSO_E_CONFLICT)
		err_set(e, rc, "version", "Báo cáo đã được người khác thay đổi; hãy tải lại",
		        "The report was changed by someone else; reload it");
	else if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	snprintf(act, sizeof(act), "report_%s", action_names[action]);
	w.action = act;
	if (rc == 0)
		w.detail = json_pack("{s:s,s:s,s:s*}", "before", r.state, "after",
		                     action_states[action], "reason", why);
	rc = gate_end(app, who, rc, &w, e);
out:
	arena_release(&a);
	return rc;
}

static json_t *user_json(struct app *app, int64_t id, struct arena *a)
{
	const char *login = NULL, *name = NULL;

	if (id == 0)
		return json_pack("{s:I,s:s,s:s}", "id", (json_int_t)0, "username", "system", "name",
		                 "Hệ thống");
	if (user_name_of(app, id, a, &login, &name) < 0)
		return json_pack("{s:I}", "id", (json_int_t)id);
	return json_pack("{s:I,s:s?,s:s?}", "id", (json_int_t)id, "username", login, "name", name);
}

static json_t *row_json(struct app *app, const struct submission_row *r, struct arena *a)
{
	char f[DATE_BUF], t[DATE_BUF];
	json_t *figs = json_loads(r->figures, 0, NULL), *j;

	date_format_iso(r->from, f);
	date_format_iso(r->to, t);
	j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:o,s:s?,s:o,s:s,s:s?,s:s?,s:I}", "id",
	              (json_int_t)r->id, "org", (json_int_t)r->org_id, "from", f, "to", t, "state",
	              r->state, "figures", figs ? figs : json_object(), "note", r->note,
	              "submitted_by", user_json(app, r->submitted_by, a), "submitted_at",
	              r->submitted_at, "decided_at", r->decided_at, "reason", r->reason, "version",
	              (json_int_t)r->version);
	if (j && r->decided_by)
		json_object_set_new(j, "decided_by", user_json(app, r->decided_by, a));
	return j;
}

int submission_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                   json_t **ret, struct err *e)
{
	struct submission_row r;
	int rc;

	if ((rc = gate_role(
	         who, 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER | 1u << ROLE_ADMIN,
	         e)) < 0)
		return rc;
	if ((rc = store_submission_get(app_store(app), id, a, &r)) < 0 ||
	    scope_contains(app, who, r.org_id) != 1)
		return err_set(e, rc < 0 && rc != HOSO_E_NOT_FOUND ? rc : HOSO_E_NOT_FOUND,
		               "submission", "Không tìm thấy báo cáo đã nộp",
		               "Submitted report not found");
	if (!(*ret = row_json(app, &r, a)))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	json_object_set_new(*ret, "may_decide",
	                    json_boolean(may_decide(app, who, r.org_id, r.to, a)));
	return 0;
}

/* The latest submission of org for the period as JSON, or JSON null;
 * counts it in *submitted / *approved. */
static json_t *latest_json(struct app *app, int64_t org, int32_t from, int32_t to, struct arena *a,
                           int *submitted, int *approved)
{
	struct submission_row r;

	if (store_submission_latest(app_store(app), org, from, to, a, &r) < 0)
		return json_null();
	*submitted += strcmp(r.state, "submitted") == 0 || strcmp(r.state, "approved") == 0;
	*approved += strcmp(r.state, "approved") == 0;
	return row_json(app, &r, a);
}

int submission_overview(struct app *app, const struct actor *who, int64_t org, int32_t from,
                        int32_t to, struct arena *a, json_t **ret, struct err *e)
{
	struct org_list kids;
	char f[DATE_BUF], t[DATE_BUF];
	int submitted = 0, approved = 0, own_s = 0, own_a = 0, rc;
	json_t *children;

	if ((rc = gate_role(
	         who, 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER | 1u << ROLE_ADMIN,
	         e)) < 0)
		return rc;
	if (to < from)
		return err_set(e, HOSO_E_BAD_DATE, "to", "Kỳ báo cáo kết thúc trước khi bắt đầu",
		               "The period ends before it starts");
	if (scope_contains(app, who, org) != 1)
		return err_set(e, HOSO_E_NOT_FOUND, "org", "Không tìm thấy tổ chức",
		               "Organisation not found");
	if ((rc = store_org_children_at(app_store(app), org, to, a, &kids)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	children = json_array();
	for (size_t i = 0; children && i < kids.n; i++)
		json_array_append_new(
		    children,
		    json_pack("{s:I,s:s,s:s,s:o,s:b}", "org", (json_int_t)kids.v[i].id, "code",
		              kids.v[i].code, "name", kids.v[i].name, "submission",
		              latest_json(app, kids.v[i].id, from, to, a, &submitted, &approved),
		              "may_decide", may_decide(app, who, kids.v[i].id, to, a)));
	date_format_iso(from, f);
	date_format_iso(to, t);
	*ret = json_pack("{s:I,s:s,s:s,s:o,s:b,s:o,s:i,s:i,s:i}", "org", (json_int_t)org, "from", f,
	                 "to", t, "own", latest_json(app, org, from, to, a, &own_s, &own_a),
	                 "may_decide", may_decide(app, who, org, to, a), "children", children,
	                 "submitted", submitted, "approved", approved, "total", (int)kids.n);
	return *ret ? 0 : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
}
