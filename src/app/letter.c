/*
 * letter.c - verification letters of a case (letter.h).
 */
#include "app/letter.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/scope.h"
#include "cal/cal.h"

#include "core/banned.h"

#define WRITE_ROLES (1u << ROLE_OFFICER | 1u << ROLE_LEADER)
#define READ_ROLES  (1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER)

/* Kinds whose work sends verification letters. */
static int sends_letters(const char *kind)
{
	return strcmp(kind, "tham_tra_ly_lich") == 0 || strcmp(kind, "tham_dinh") == 0;
}

int letter_action_parse(const char *s, enum letter_action *ret)
{
	static const char *const names[] = {"remind", "escalate", "answer"};

	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*ret = (enum letter_action)i;
			return 0;
		}
	return HOSO_E_BAD_ENUM;
}

/* A letter's deadline: from its sending to its answer, by the rule. */
static int letter_deadline(struct app *app, const struct deadline_rule *r,
                           const struct letter_row *l, struct deadline *ret)
{
	return deadline_span(app_cal(app), r, l->sent, l->answered, date_today(), ret);
}

static int letter_rule(struct app *app, struct arena *a, const struct deadline_rule **ret,
                       struct err *e)
{
	const struct deadline_rule *rules;
	size_t n;
	int rc = deadline_rules(app, a, &rules, &n, e);

	if (rc == 0 && !(*ret = deadline_rule_find(rules, n, LETTER_RULE)))
		rc = err_set(e, HOSO_E_NOT_FOUND, NULL, NULL, NULL);
	return rc;
}

int letter_add(struct app *app, const struct actor *who, int64_t case_id,
               const struct letter_input *in, int64_t *ret_id, struct err *e)
{
	struct letter_row r = {.case_id = case_id};
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if (!sends_letters(c.kind)) {
		rc =
		    err_set(e, HOSO_E_CONFLICT, "case", "Loại hồ sơ này không gửi văn bản thẩm tra",
		            "This kind of case sends no verification letters");
		goto out;
	}
	if ((rc = app_text_clean(&a, in->recipient, "recipient", 300, &r.recipient, e)) < 0 ||
	    (rc = app_text_clean(&a, in->about, "about", 300, &r.about, e)) < 0 ||
	    (rc = app_text_clean(&a, in->number_symbol, "number", 100, &r.number_symbol, e)) < 0)
		goto out;
	if (!r.recipient) {
		rc = err_set(e, HOSO_E_MISSING, "recipient", "Thiếu nơi nhận",
		             "The recipient is missing");
		goto out;
	}
	r.sent = in->sent == DATE_NONE ? date_today() : in->sent;
	if (r.sent < c.opened) {
		rc = err_set(e, HOSO_E_BAD_DATE, "sent", "Ngày gửi trước ngày mở hồ sơ",
		             "Sent before the case was opened");
		goto out;
	}
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = store_letter_insert(app_store(app), &r, ret_id)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(app, who,
		                       (struct audit_entry){"letter", "case", case_id, NULL, 0},
		                       json_pack("{s:I,s:s,s:s?}", "letter", (json_int_t)*ret_id,
		                                 "recipient", r.recipient, "about", r.about),
		                       e);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
out:
	arena_release(&a);
	return rc;
}

int letter_update(struct app *app, const struct actor *who, int64_t id, enum letter_action act,
                  int32_t day, const char *result, int64_t version, struct err *e)
{
	static const char *const actions[] = {"letter_remind", "letter_escalate", "letter_answer"};
	struct letter_row l;
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = scope_require_role(who, WRITE_ROLES, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	rc = store_letter_get(app_store(app), id, &a, &l);
	if (rc == 0)
		rc = case_fetch(app, who, l.case_id, &a, &c, NULL);
	if (rc == HOSO_E_NOT_FOUND) {
		rc = err_set(e, rc, "id", "Không tìm thấy văn bản", "Letter not found");
		goto out;
	}
	if (rc < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if (l.answered != DATE_NONE) {
		rc = err_set(e, HOSO_E_CONFLICT, "id", "Văn bản đã được trả lời",
		             "The letter has been answered");
		goto out;
	}
	day = day == DATE_NONE ? date_today() : day;
	if (day < l.sent) {
		rc = err_set(e, HOSO_E_BAD_DATE, "date", "Ngày trước ngày gửi văn bản",
		             "The date is before the letter was sent");
		goto out;
	}
	if ((rc = app_text_clean(&a, result, "result", 2000, &l.result, e)) < 0)
		goto out;
	if (act == LETTER_ANSWER && !l.result) {
		rc = err_set(e, HOSO_E_MISSING, "result", "Cần nội dung trả lời",
		             "The answer's content is needed");
		goto out;
	}
	if (act != LETTER_ANSWER)
		l.result = NULL;
	if (act == LETTER_REMIND) {
		l.reminders++;
		l.last_reminder = day;
	} else if (act == LETTER_ESCALATE) {
		l.escalated = day;
	} else {
		l.answered = day;
	}
	if (version)
		l.version = version;
	if ((rc = store_begin(app_store(app))) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	rc = store_letter_update(app_store(app), &l);
	if (rc == HOSO_E_CONFLICT)
		err_set(e, rc, "version", "Văn bản vừa được người khác cập nhật; hãy tải lại",
		        "Someone else updated the letter; reload it");
	else if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc == 0)
		rc = audit_append_json(
		    app, who, (struct audit_entry){actions[act], "case", l.case_id, NULL, 0},
		    json_pack("{s:I,s:s?}", "letter", (json_int_t)id, "result", l.result), e);
	if (rc == 0 && (rc = store_commit(app_store(app))) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (rc < 0)
		store_rollback(app_store(app));
out:
	arena_release(&a);
	return rc;
}

int letter_of_case(struct app *app, int64_t case_id, struct arena *a, struct letter_view **ret,
                   size_t *ret_n, struct err *e)
{
	const struct deadline_rule *r;
	struct letter_list l;
	struct letter_view *v;
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = letter_rule(app, a, &r, e)) < 0)
		return rc;
	if ((rc = store_letters_of_case(app_store(app), case_id, a, &l)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (l.n && !(v = arena_alloc(a, l.n * sizeof(*v))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < l.n; i++) {
		v[i].l = l.v[i];
		if ((rc = letter_deadline(app, r, &l.v[i], &v[i].d)) < 0)
			return err_set(e, rc, NULL, NULL, NULL);
	}
	*ret = l.n ? v : NULL;
	*ret_n = l.n;
	return 0;
}

static int urgency(const void *x, const void *y)
{
	const struct letter_item *a = x, *b = y;

	if (a->v.d.level != b->v.d.level)
		return a->v.d.level > b->v.d.level ? -1 : 1;
	if (a->v.d.due != b->v.d.due)
		return a->v.d.due < b->v.d.due ? -1 : 1;
	return a->v.l.id < b->v.l.id ? -1 : a->v.l.id > b->v.l.id;
}

int letter_due(struct app *app, const struct actor *who, enum deadline_level min_level,
               size_t limit, struct arena *a, struct letter_item **ret, size_t *ret_n,
               struct err *e)
{
	const struct deadline_rule *r;
	struct letter_item *v = NULL;
	size_t n = 0, cap = 0;
	int64_t before = 0;
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = scope_require_role(who, READ_ROLES, e)) < 0 ||
	    (rc = letter_rule(app, a, &r, e)) < 0)
		return rc;
	for (;;) {
		struct letter_list batch;

		if ((rc = store_letters_open(app_store(app), before, 256, a, &batch)) < 0)
			return err_set(e, rc, NULL, NULL, NULL);
		for (size_t i = 0; i < batch.n; i++) {
			struct letter_item it = {.v.l = batch.v[i]};

			if (case_fetch(app, who, batch.v[i].case_id, a, &it.c, NULL) < 0)
				continue; /* not the caller's: skipped, never counted */
			if ((rc = letter_deadline(app, r, &batch.v[i], &it.v.d)) < 0)
				return err_set(e, rc, NULL, NULL, NULL);
			if (rc == 0 || it.v.d.level < min_level)
				continue;
			if (n == cap) {
				struct letter_item *nv;

				cap = cap ? cap * 2 : 64;
				if (!(nv = arena_alloc(a, cap * sizeof(*nv))))
					return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
				if (n)
					memcpy(nv, v, n * sizeof(*nv));
				v = nv;
			}
			v[n++] = it;
		}
		if (batch.n < 256)
			break;
		before = batch.v[batch.n - 1].id;
	}
	if (n)
		qsort(v, n, sizeof(*v), urgency);
	*ret = v;
	*ret_n = n < limit ? n : limit;
	return audit_record_json(app, who, (struct audit_entry){"search", "letter", 0, NULL, 0},
	                         json_pack("{s:s,s:I}", "min_level", deadline_level_name(min_level),
	                                   "results", (json_int_t)*ret_n),
	                         e);
}
