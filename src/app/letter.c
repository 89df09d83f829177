/*
 * letter.c - verification letters of a case (letter.h).
 */
#include "app/letter.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/correct.h"
#include "app/gate.h"
#include "cal/cal.h"

#include "core/banned.h"

#define READ_ROLES (CASE_OFFICER | 1u << ROLE_ADMIN | 1u << ROLE_VIEWER)

static const struct code_name actions[LETTER_ACTION__MAX] = {
    [LETTER_REMIND] = {"remind", "Đôn đốc", "Remind"},
    [LETTER_ESCALATE] = {"escalate", "Báo cáo Ban Tổ chức cấp trên", "Escalate"},
    [LETTER_ANSWER] = {"answer", "Nhận trả lời", "Record the answer"},
};

const struct code_set letter_actions = CODE_SET(actions);

int letter_action_parse(const char *s, enum letter_action *ret)
{
	int i = code_index(actions, LETTER_ACTION__MAX, s);

	if (i < 0)
		return HOSO_E_BAD_ENUM;
	*ret = (enum letter_action)i;
	return 0;
}

/* A letter's deadline: from its sending to its answer, by the rule. */
static int letter_deadline(struct app *app, const struct deadline_rule *r,
                           const struct letter_row *l, struct deadline *ret)
{
	/* a letter withdrawn waits for nothing: its clock stopped when sent */
	return deadline_span(app_cal(app), r, l->sent, l->withdrawn.at ? l->sent : l->answered,
	                     date_today(), ret);
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

static int insert_letter(struct store *s, const void *row, int64_t *ret_id)
{
	return store_letter_insert(s, row, ret_id);
}

int letter_add(struct app *app, const struct actor *who, int64_t case_id,
               const struct letter_input *in, int64_t *ret_id, struct err *e)
{
	struct letter_row r = {.case_id = case_id};
	struct case_insert ins = {insert_letter, &r, ret_id, "letter"};
	struct gate_write w = {"letter", "case", case_id, NULL, NOUN_CASE};
	const struct case_kind *k;
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = gate_role(who, CASE_OFFICER, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = case_fetch(app, who, case_id, &a, &c, e)) < 0)
		goto out;
	if (!(k = case_kind_of(&c)) || !(k->flags & CASE_KIND_LETTERS)) {
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
	w.detail = json_pack("{s:s,s:s?}", "recipient", r.recipient, "about", r.about);
	rc = gate_write(app, who, &w, case_insert_write, &ins, e);
out:
	arena_release(&a);
	return rc;
}

static int write_update(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	int rc = store_letter_update(app_store(app), arg);

	(void)w;
	if (rc == HOSO_E_CONFLICT)
		err_set(e, rc, "version", "Văn bản vừa được người khác cập nhật; hãy tải lại",
		        "Someone else updated the letter; reload it");
	return rc;
}

/* The letter's row after action act on day: a reminder or escalation
 * dated before today only when the writer confirmed it (confirm_past). */
static int apply_action(struct letter_row *l, enum letter_action act, int32_t day, int confirm_past,
                        struct err *e)
{
	if (l->withdrawn.at)
		return err_set(e, HOSO_E_CONFLICT, "id", "Mục này đã được rút lại",
		               "This entry has been withdrawn");
	if (act != LETTER_ANSWER && day < date_today() && !confirm_past)
		return err_set(e, HOSO_E_INVALID, "date",
		               "Ngày đôn đốc hoặc báo cáo cấp trên ở trong quá khứ: hãy xác nhận "
		               "(confirm_past) nếu đúng là đã làm vào ngày đó",
		               "The reminder or escalation is dated in the past: confirm it "
		               "(confirm_past) if it was indeed done on that day");
	if (l->answered != DATE_NONE)
		return err_set(e, HOSO_E_CONFLICT, "id", "Văn bản đã được trả lời",
		               "The letter has been answered");
	if (day < l->sent)
		return err_set(e, HOSO_E_BAD_DATE, "date", "Ngày trước ngày gửi văn bản",
		               "The date is before the letter was sent");
	if (act == LETTER_ANSWER && !l->result)
		return err_set(e, HOSO_E_MISSING, "result", "Cần nội dung trả lời",
		               "The answer's content is needed");
	if (act != LETTER_ANSWER)
		l->result = NULL;
	if (act == LETTER_REMIND) {
		l->reminders++;
		l->last_reminder = day;
	} else if (act == LETTER_ESCALATE) {
		l->escalated = day;
	} else {
		l->answered = day;
	}
	return 0;
}

int letter_update(struct app *app, const struct actor *who, int64_t id, enum letter_action act,
                  int32_t day, const char *result, int64_t version, int confirm_past, struct err *e)
{
	static const char *const audit_actions[] = {"letter_remind", "letter_escalate",
	                                            "letter_answer"};
	struct gate_write w = {NULL, "case", 0, NULL, NOUN_LETTER};
	struct letter_row l;
	struct case_row c;
	struct arena a;
	int rc;

	if ((rc = gate_role(who, CASE_OFFICER, e)) < 0)
		return rc;
	if ((unsigned)act >= LETTER_ACTION__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "action", NULL, NULL);
	arena_init(&a, 1 << 20);
	rc = store_letter_get(app_store(app), id, &a, &l);
	if (rc == 0)
		rc = case_fetch(app, who, l.case_id, &a, &c, NULL);
	if (rc < 0) {
		rc = gate_store_error(e, rc, NOUN_LETTER);
		goto out;
	}
	day = day == DATE_NONE ? date_today() : day;
	if ((rc = app_text_clean(&a, result, "result", 2000, &l.result, e)) < 0 ||
	    (rc = apply_action(&l, act, day, confirm_past, e)) < 0)
		goto out;
	if (version)
		l.version = version;
	w.action = audit_actions[act];
	w.object_id = l.case_id;
	w.detail = json_pack("{s:I,s:s?}", "letter", (json_int_t)id, "result", l.result);
	rc = gate_write(app, who, &w, write_update, &l, e);
out:
	arena_release(&a);
	return rc;
}

static int check_letter(void *arg, const struct case_row *c, const void *record, struct err *e)
{
	const struct letter_row *l = record;

	(void)arg;
	if (l->sent < c->opened || l->sent > date_today())
		return err_set(e, HOSO_E_BAD_DATE, "sent",
		               "Ngày gửi phải từ ngày mở hồ sơ đến hôm nay",
		               "The sending date must be from the case's opening to today");
	if ((l->last_reminder != DATE_NONE && l->last_reminder < l->sent) ||
	    (l->escalated != DATE_NONE && l->escalated < l->sent) ||
	    (l->answered != DATE_NONE && l->answered < l->sent))
		return err_set(e, HOSO_E_BAD_DATE, "sent",
		               "Ngày gửi không được sau ngày đôn đốc, báo cáo hay trả lời",
		               "The sending date cannot be after a reminder, escalation or answer");
	return 0;
}

int letter_edit(struct app *app, const struct actor *who, int64_t id,
                const struct letter_edit_input *in, struct err *e)
{
	struct letter_row l;
	const struct patch_field fields[] = {
	    [LETTER_F_RECIPIENT] = {"recipient", PATCH_TEXT, 300, &l.recipient, &in->recipient},
	    [LETTER_F_ABOUT] = {"about", PATCH_TEXT, 300, &l.about, &in->about},
	    [LETTER_F_NUMBER] = {"number", PATCH_TEXT, 100, &l.number_symbol, &in->number_symbol},
	    [LETTER_F_SENT] = {"sent", PATCH_DATE, 0, &l.sent, &in->sent},
	};
	const struct correct_edit x = {.k = STORE_REC_LETTER,
	                               .id = id,
	                               .version = in->version,
	                               .fields = fields,
	                               .nfields = CASE_N(fields),
	                               .sent = in->sent_fields,
	                               .required = 1u << LETTER_F_RECIPIENT | 1u << LETTER_F_SENT,
	                               .check = check_letter,
	                               .record = &l};

	return correct_edit(app, who, &x, e);
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
	int c = deadline_cmp(&a->v.d, &b->v.d);

	return c ? c : (a->v.l.id > b->v.l.id) - (a->v.l.id < b->v.l.id);
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
	if ((rc = gate_role(who, READ_ROLES, e)) < 0 || (rc = letter_rule(app, a, &r, e)) < 0)
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
			if (!(v = store_vec_grow(a, v, n, &cap, sizeof(*v))))
				return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
			v[n++] = it;
		}
		if (batch.n < 256)
			break;
		before = batch.v[batch.n - 1].id;
	}
	if (n)
		qsort(v, n, sizeof(*v), urgency);
	*ret = v;
	return deadline_due_record(app, who, "letter", min_level, n, limit, ret_n, e);
}

json_t *letter_view_json(const struct letter_view *v)
{
	const struct letter_row *l = &v->l;

	json_t *o = json_pack(
	    "{s:I,s:s,s:s?,s:s?,s:o,s:i,s:o,s:o,s:o,s:s?,s:o}", "id", (json_int_t)l->id,
	    "recipient", l->recipient, "about", l->about, "number", l->number_symbol, "sent",
	    code_date_json(l->sent), "reminders", l->reminders, "last_reminder",
	    code_date_json(l->last_reminder), "escalated", code_date_json(l->escalated), "answered",
	    code_date_json(l->answered), "result", l->result, "deadline", deadline_json(&v->d));

	correct_json(o, l->version, &l->withdrawn);
	return o;
}

json_t *letters_json(const struct letter_view *v, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, letter_view_json(&v[i]));
	return arr;
}

json_t *letter_item_json(struct app *app, const struct actor *who, const struct letter_item *it,
                         struct arena *a)
{
	json_t *o = case_brief_json(app, who, &it->c, a);

	json_object_set_new(o, "letter", letter_view_json(&it->v));
	return o;
}
