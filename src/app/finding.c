/*
 * finding.c - findings and remedial actions of an inspection (finding.h).
 */
#include "app/finding.h"

#include <jansson.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/scope.h"

#include "core/banned.h"

#define WRITE_ROLES (1u << ROLE_OFFICER | 1u << ROLE_LEADER)
#define READ_ROLES  (WRITE_ROLES | 1u << ROLE_VIEWER | 1u << ROLE_ADMIN)

int finding_conclusion_valid(const char *code)
{
	static const char *const codes[] = {"khong_vi_pham", "vi_pham_chua_den_muc",
	                                    "vi_pham_phai_ky_luat", "da_ky_luat", NULL};

	return app_one_of(code, codes);
}

/* Runs write(arg) in a transaction followed by an audit entry on case_id. */
static int in_tx(struct app *app, const struct actor *who, int64_t case_id, const char *action,
                 int (*write)(struct store *s, void *arg, int64_t *ret_id), void *arg,
                 int64_t *ret_id, json_t *detail, struct err *e)
{
	int rc = store_begin(app_store(app));

	if (rc < 0) {
		json_decref(detail);
		return err_set(e, rc, NULL, NULL, NULL);
	}
	rc = write(app_store(app), arg, ret_id);
	if (rc == HOSO_E_CONFLICT)
		err_set(e, rc, "version", "Đã được người khác cập nhật; hãy tải lại",
		        "Someone else updated it; reload");
	else if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0) {
		json_object_set_new(detail, "id", json_integer(*ret_id));
		rc = audit_append_json(
		    app, who, (struct audit_entry){action, "case", case_id, NULL, 0}, detail, e);
	} else {
		json_decref(detail);
	}
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
	return rc;
}

struct finding_args {
	struct finding_row r;
	int64_t user_id;
};

static int write_finding(struct store *s, void *arg, int64_t *ret_id)
{
	struct finding_args *f = arg;

	return store_finding_insert(s, &f->r, f->user_id, ret_id);
}

int finding_add(struct app *app, const struct actor *who, int64_t case_id, int64_t subject_id,
                const char *text, const char *conclusion, int64_t *ret_id, struct err *e)
{
	struct finding_args fa = {{.case_id = case_id, .subject_id = subject_id}, who->user_id};
	struct finding_row *r = &fa.r;
	struct case_subject_list subj;
	struct case_row c;
	struct arena a;
	int rc, found = subject_id == 0;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if (strcmp(c.kind, "kiem_tra") != 0) {
		rc = err_set(e, HOSO_E_CONFLICT, "case",
		             "Chỉ hồ sơ kiểm tra mới ghi kết luận, vi phạm",
		             "Only an inspection records findings");
		goto out;
	}
	if (!finding_conclusion_valid(conclusion)) {
		rc =
		    err_set(e, HOSO_E_BAD_ENUM, "conclusion",
		            "Kết luận là khong_vi_pham, vi_pham_chua_den_muc, vi_pham_phai_ky_luat "
		            "hoặc da_ky_luat",
		            "The conclusion is khong_vi_pham, vi_pham_chua_den_muc, "
		            "vi_pham_phai_ky_luat or da_ky_luat");
		goto out;
	}
	if ((rc = store_case_subjects(app_store(app), case_id, &a, &subj)) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	for (size_t i = 0; i < subj.n; i++)
		found |= subj.v[i].id == subject_id;
	if (!found) {
		rc = err_set(e, HOSO_E_NOT_FOUND, "subject", "Không phải đối tượng của hồ sơ này",
		             "Not a subject of this case");
		goto out;
	}
	if ((rc = app_text_clean(&a, text, "text", 8000, &r->text, e)) < 0)
		goto out;
	if (!r->text) {
		rc = err_set(e, HOSO_E_MISSING, "text", "Thiếu nội dung", "The text is missing");
		goto out;
	}
	r->conclusion = conclusion;
	rc = in_tx(
	    app, who, case_id, "finding", write_finding, &fa, ret_id,
	    json_pack("{s:I,s:s}", "subject", (json_int_t)subject_id, "conclusion", conclusion), e);
out:
	arena_release(&a);
	return rc;
}

static int write_remedy(struct store *s, void *arg, int64_t *ret_id)
{
	return store_remedy_insert(s, arg, ret_id);
}

int remedy_add(struct app *app, const struct actor *who, int64_t finding_id, const char *action,
               const char *owner, int32_t due, int64_t *ret_id, struct err *e)
{
	struct remedy_row r = {.finding_id = finding_id, .due = due, .done = DATE_NONE};
	struct finding_row f;
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	rc = store_finding_get(app_store(app), finding_id, &a, &f);
	if (rc == 0)
		rc = case_fetch(app, who, f.case_id, &a, &c, NULL);
	if (rc < 0) {
		rc = rc == HOSO_E_NOT_FOUND
		         ? err_set(e, rc, "finding", "Không tìm thấy nội dung kết luận",
		                   "Finding not found")
		         : err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = app_text_clean(&a, action, "action", 2000, &r.action, e)) < 0 ||
	    (rc = app_text_clean(&a, owner, "owner", 300, &r.owner, e)) < 0)
		goto out;
	if (!r.action || !r.owner) {
		rc = err_set(e, HOSO_E_MISSING, !r.action ? "action" : "owner",
		             "Cần nội dung khắc phục và người (tổ chức) thực hiện",
		             "The action and its owner are needed");
		goto out;
	}
	if (due == DATE_NONE || due < c.opened) {
		rc = err_set(e, HOSO_E_BAD_DATE, "due",
		             "Hạn khắc phục phải có, không trước ngày mở hồ sơ",
		             "The due date is needed, not before the case was opened");
		goto out;
	}
	rc = in_tx(app, who, f.case_id, "remedy", write_remedy, &r, ret_id,
	           json_pack("{s:I,s:s}", "finding", (json_int_t)finding_id, "owner", r.owner), e);
out:
	arena_release(&a);
	return rc;
}

struct done_args {
	int64_t id, version;
	int32_t day;
	const char *result;
};

static int write_done(struct store *s, void *arg, int64_t *ret_id)
{
	struct done_args *d = arg;

	*ret_id = d->id;
	return store_remedy_done(s, d->id, d->day, d->result, d->version);
}

int remedy_done(struct app *app, const struct actor *who, int64_t remedy_id, int32_t day,
                const char *result, int64_t version, struct err *e)
{
	struct done_args d = {.id = remedy_id, .version = version};
	struct remedy_row r;
	struct finding_row f;
	struct case_row c;
	struct arena a;
	int64_t id;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	rc = store_remedy_get(app_store(app), remedy_id, &a, &r);
	if (rc == 0)
		rc = store_finding_get(app_store(app), r.finding_id, &a, &f);
	if (rc == 0)
		rc = case_fetch(app, who, f.case_id, &a, &c, NULL);
	if (rc < 0) {
		rc = rc == HOSO_E_NOT_FOUND ? err_set(e, rc, "id", "Không tìm thấy việc khắc phục",
		                                      "Remedial action not found")
		                            : err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	d.day = day == DATE_NONE ? date_today() : day;
	if (d.day < c.opened) {
		rc = err_set(e, HOSO_E_BAD_DATE, "date", "Ngày trước ngày mở hồ sơ",
		             "The date is before the case was opened");
		goto out;
	}
	if ((rc = app_text_clean(&a, result, "result", 2000, &d.result, e)) < 0)
		goto out;
	if (!d.result) {
		rc = err_set(e, HOSO_E_MISSING, "result", "Cần kết quả khắc phục",
		             "What was done is needed");
		goto out;
	}
	rc = in_tx(app, who, f.case_id, "remedy_done", write_done, &d, &id,
	           json_pack("{s:s}", "result", d.result), e);
out:
	arena_release(&a);
	return rc;
}

int remedy_overdue(struct app *app, const struct actor *who, size_t limit, struct arena *a,
                   struct remedy_item **ret, size_t *ret_n, struct err *e)
{
	struct remedy_list l;
	struct remedy_item *out;
	size_t n = 0;
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = scope_require_role(who, READ_ROLES, e)) < 0)
		return rc;
	if ((rc = store_remedies_overdue(app_store(app), date_today(), a, &l)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (!(out = arena_alloc(a, (l.n ? l.n : 1) * sizeof(*out))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < l.n && n < limit; i++) {
		/* Remedies of one case come together (by due date, mostly): one
		 * look-up per case. */
		if (n && out[n - 1].c.id == l.v[i].case_id) {
			out[n] = (struct remedy_item){out[n - 1].c, l.v[i]};
			n++;
			continue;
		}
		if ((rc = case_fetch(app, who, l.v[i].case_id, a, &out[n].c, NULL)) ==
		    HOSO_E_NOT_FOUND)
			continue;
		if (rc < 0)
			return err_set(e, rc, NULL, NULL, NULL);
		out[n++].r = l.v[i];
	}
	*ret = out;
	*ret_n = n;
	return audit_record_json(
	    app, who, (struct audit_entry){"search", "remedy", 0, NULL, 0},
	    json_pack("{s:s,s:I}", "level", "overdue", "results", (json_int_t)n), e);
}
