/*
 * correct.c - records of a case edited and withdrawn (correct.h).
 */
#include "app/correct.h"

#include <string.h>

#include "app/audit.h"
#include "app/case.h"
#include "app/codes.h"

#include "core/banned.h"

#define REASON_MAX CORRECT_REASON_MAX

static const struct {
	const char *name;
	enum gate_noun noun;
} records[STORE_REC__MAX] = {
    [STORE_REC_FINDING] = {"finding", NOUN_FINDING},
    [STORE_REC_REMEDY] = {"remedy", NOUN_REMEDY},
    [STORE_REC_DOCUMENT] = {"document", NOUN_DOCUMENT},
    [STORE_REC_NOTE] = {"note", NOUN_NOTE},
    [STORE_REC_TRAVELLER] = {"traveller", NOUN_TRAVELLER},
    [STORE_REC_RELATIVE] = {"relative", NOUN_RELATIVE},
    [STORE_REC_LETTER] = {"letter", NOUN_LETTER},
    [STORE_REC_SUBJECT] = {"subject", NOUN_SUBJECT},
    [STORE_REC_ATTACHMENT] = {"attachment", NOUN_ATTACHMENT},
    [STORE_REC_POINT] = {"point", NOUN_POINT},
};

enum gate_noun correct_record_noun(enum store_record k)
{
	return (unsigned)k < STORE_REC__MAX ? records[k].noun : NOUN_RECORD;
}

const char *correct_record_name(enum store_record k)
{
	return (unsigned)k < STORE_REC__MAX ? records[k].name : NULL;
}

int correct_case(struct app *app, const struct actor *who, enum store_record k, int64_t id,
                 struct arena *a, struct case_row *ret_case, struct store_record_head *ret_head,
                 struct err *e)
{
	int rc;

	if ((unsigned)k >= STORE_REC__MAX)
		return err_set(e, HOSO_E_INVALID, NULL, NULL, NULL);
	if ((rc = gate_role(who, CASE_OFFICER, e)) < 0)
		return rc;
	rc = store_record_head(app_store(app), k, id, ret_head);
	if (rc == 0)
		rc = store_case_get(app_store(app), ret_head->case_id, a, ret_case);
	if (rc == HOSO_E_NOT_FOUND || (rc == 0 && !case_visible(app, who, ret_case)))
		return gate_not_found(e, "id", records[k].noun);
	if (rc < 0)
		return gate_store_error(e, rc, records[k].noun);
	if (ret_head->withdrawn)
		return err_set(e, HOSO_E_CONFLICT, "id", "Mục này đã được rút lại",
		               "This entry has been withdrawn");
	/* notes are added to a closed case too; so are they withdrawn */
	return k == STORE_REC_NOTE ? 0 : case_still_open(ret_case, e);
}

/* A finding may be withdrawn by whoever may record its conclusion; a
 * subject only without findings standing. */
static int check_withdraw(struct app *app, const struct actor *who, enum store_record k, int64_t id,
                          struct arena *a, struct err *e)
{
	int64_t n = 0;
	int rc = 0;

	if (k == STORE_REC_FINDING) {
		struct finding_row f;

		if ((rc = store_finding_get(app_store(app), id, a, &f)) < 0)
			return gate_store_error(e, rc, NOUN_FINDING);
		if (strcmp(f.conclusion, "vi_pham_phai_ky_luat") == 0 &&
		    !(who->roles & CASE_LEADER))
			return err_set(
			    e, HOSO_E_DENIED, "conclusion",
			    "Chỉ lãnh đạo rút lại kết luận vi phạm đến mức phải kỷ luật",
			    "Only a leader withdraws a conclusion calling for discipline");
	} else if (k == STORE_REC_SUBJECT) {
		if ((rc = store_subject_findings(app_store(app), id, &n)) < 0)
			return gate_store_error(e, rc, NOUN_SUBJECT);
		if (n > 0)
			return err_set(
			    e, HOSO_E_CONFLICT, "id",
			    "Đối tượng còn nội dung kết luận; rút lại các nội dung đó trước",
			    "The subject still has findings; withdraw them first");
	}
	return 0;
}

struct withdraw {
	enum store_record k;
	int64_t id, version, user_id;
	const char *reason;
};

static int write_withdraw(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	const struct withdraw *x = arg;

	(void)w;
	(void)e;
	return store_record_withdraw(app_store(app), x->k, x->id, x->version, x->user_id,
	                             x->reason);
}

int correct_withdraw(struct app *app, const struct actor *who, enum store_record k, int64_t id,
                     const char *reason, int64_t version, struct err *e)
{
	struct withdraw x = {k, id, version, who->user_id, NULL};
	struct gate_write w = {"withdraw", "case", 0, NULL, NOUN_CASE};
	struct store_record_head h;
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = correct_case(app, who, k, id, &a, &c, &h, e)) < 0 ||
	    (rc = check_withdraw(app, who, k, id, &a, e)) < 0 ||
	    (rc =
	         app_text_need(&a, reason, "reason", REASON_MAX, &x.reason, "Cần ghi lý do rút lại",
	                       "The reason for withdrawing is needed", e)) < 0)
		goto out;
	if (version && version != h.version) {
		rc = gate_store_error(e, HOSO_E_CONFLICT, records[k].noun);
		goto out;
	}
	x.version = h.version;
	w.noun = records[k].noun;
	w.object_id = c.id;
	w.detail = json_pack("{s:s,s:I,s:s}", "record", records[k].name, "id", (json_int_t)id,
	                     "reason", x.reason);
	rc = gate_write(app, who, &w, write_withdraw, &x, e);
out:
	arena_release(&a);
	return rc;
}

static int write_edit(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	const struct correct_edit *x = arg;

	(void)w;
	(void)e;
	return store_record_edit(app_store(app), x->k, x->record);
}

/* The fields sent applied to the record read, checked, written. */
static int edit(struct app *app, const struct actor *who, const struct correct_edit *x,
                const struct case_row *c, struct arena *a, struct err *e)
{
	struct gate_write w = {"edit", "case", c->id, NULL, records[x->k].noun};
	json_t *changes = NULL;
	int rc;

	if ((rc = patch_apply(a, x->fields, x->nfields, x->sent, &changes, e)) == 0 &&
	    (rc = patch_required(x->fields, x->nfields, x->required, e)) == 0 &&
	    (!x->check || (rc = x->check(x->arg, c, x->record, e)) == 0) &&
	    json_object_size(changes)) {
		w.detail = json_pack("{s:s,s:I,s:O}", "record", records[x->k].name, "id",
		                     (json_int_t)x->id, "changes", changes);
		rc = gate_write(app, who, &w, write_edit, (void *)x, e);
	}
	json_decref(changes);
	return rc;
}

int correct_edit(struct app *app, const struct actor *who, const struct correct_edit *x,
                 struct err *e)
{
	struct store_record_head h;
	struct case_row c;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = correct_case(app, who, x->k, x->id, &a, &c, &h, e)) < 0)
		goto out;
	if ((rc = store_record_get(app_store(app), x->k, x->id, &a, x->record)) < 0) {
		rc = gate_store_error(e, rc, records[x->k].noun);
		goto out;
	}
	if (x->seen)
		x->seen(x->arg, x->record, &a);
	if (x->version && x->version != h.version)
		rc = gate_store_error(e, HOSO_E_CONFLICT, records[x->k].noun);
	else
		rc = edit(app, who, x, &c, &a, e);
out:
	arena_release(&a);
	return rc;
}

void correct_json(json_t *o, int64_t version, const struct withdrawal *w)
{
	json_object_set_new(o, "version", json_integer(version));
	json_object_set_new(o, "withdrawn_at", w->at ? json_string(w->at) : json_null());
	json_object_set_new(o, "withdrawn_by", w->at ? json_integer(w->by) : json_null());
	json_object_set_new(o, "withdraw_reason",
	                    w->at && w->reason ? json_string(w->reason) : json_null());
}

int correct_day(const struct case_row *c, int32_t day, const char *field, struct err *e)
{
	if (day == DATE_NONE || (day >= c->opened && day <= date_today()))
		return 0;
	return err_set(e, HOSO_E_BAD_DATE, field, "Ngày phải từ ngày mở hồ sơ đến hôm nay",
	               "The date must be from the case's opening to today");
}
