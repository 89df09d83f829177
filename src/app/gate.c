/*
 * gate.c - common refusals and the one write path of src/app (gate.h).
 */
#include "app/gate.h"

#include "app/audit.h"
#include "store/store.h"

#include "core/banned.h"

static const struct {
	const char *vi, *en;
} not_found[NOUN__MAX] = {
    [NOUN_RECORD] = {"Không tìm thấy hồ sơ", "Record not found"},
    [NOUN_CASE] = {"Không tìm thấy hồ sơ vụ việc", "Case not found"},
    [NOUN_ORG] = {"Không tìm thấy tổ chức", "Organisation not found"},
    [NOUN_USER] = {"Không tìm thấy người dùng", "User not found"},
    [NOUN_LETTER] = {"Không tìm thấy văn bản", "Letter not found"},
    [NOUN_TRAVELLER] = {"Không tìm thấy người đi", "Traveller not found"},
    [NOUN_FINDING] = {"Không tìm thấy nội dung kết luận", "Finding not found"},
    [NOUN_REMEDY] = {"Không tìm thấy việc khắc phục", "Remedial action not found"},
    [NOUN_ATTACHMENT] = {"Không tìm thấy tệp đính kèm", "Attachment not found"},
    [NOUN_SUBMISSION] = {"Không tìm thấy báo cáo đã nộp", "Submitted report not found"},
    [NOUN_DOCUMENT] = {"Không tìm thấy văn bản của hồ sơ", "Document not found"},
    [NOUN_NOTE] = {"Không tìm thấy ghi chú", "Note not found"},
    [NOUN_RELATIVE] = {"Không tìm thấy người thân", "Relative not found"},
    [NOUN_SUBJECT] = {"Không tìm thấy đối tượng của hồ sơ", "Subject not found"},
    [NOUN_POINT] = {"Không tìm thấy nội dung tố cáo", "Denunciation point not found"},
};

int gate_not_found(struct err *e, const char *field, enum gate_noun noun)
{
	if (noun >= NOUN__MAX)
		noun = NOUN_RECORD;
	err_set(e, HOSO_E_NOT_FOUND, field ? field : "id", "%s", NULL, not_found[noun].vi);
	if (e)
		err_en(e, "%s", not_found[noun].en);
	return HOSO_E_NOT_FOUND;
}

int gate_denied(struct err *e)
{
	return err_set(e, HOSO_E_DENIED, NULL, NULL, NULL);
}

int gate_role(const struct actor *who, unsigned mask, struct err *e)
{
	return who->roles & mask ? 0 : gate_denied(e);
}

int gate_clearance(const struct actor *who, int level, struct err *e)
{
	if ((int)who->clearance >= level)
		return 0;
	return err_set(e, HOSO_E_DENIED, "confidentiality",
	               "Không thể đặt độ mật cao hơn độ mật được xem của mình",
	               "Nobody may set a confidentiality above their own clearance");
}

int gate_store_error(struct err *e, int rc, enum gate_noun noun)
{
	/* e already says why (a callee set it): keep it; a different code is
	 * left from an earlier call and is replaced */
	if (rc >= 0 || (e && e->code == rc))
		return rc;
	if (rc == HOSO_E_CONFLICT)
		return err_set(e, rc, "version", "Đã được người khác cập nhật; hãy tải lại",
		               "Someone else updated it; reload");
	if (rc == HOSO_E_NOT_FOUND)
		return gate_not_found(e, NULL, noun);
	return err_set(e, rc, NULL, NULL, NULL);
}

int gate_begin(struct app *app, struct err *e)
{
	int rc = store_begin(app_store(app));

	return rc < 0 ? gate_store_error(e, rc, NOUN_RECORD) : 0;
}

int gate_end(struct app *app, const struct actor *who, int rc, struct gate_write *w, struct err *e)
{
	struct store *s = app_store(app);

	if (rc == 0 && w->bare) {
		rc = audit_append(
		    app, who,
		    &(struct audit_entry){w->action, w->object_type, w->object_id, NULL, 0}, e);
	} else if (rc == 0) {
		rc = audit_append_json(
		    app, who,
		    (struct audit_entry){w->action, w->object_type, w->object_id, NULL, 0},
		    w->detail, e);
		w->detail = NULL;
	}
	if (rc == 0)
		rc = store_commit(s);
	if (rc < 0)
		store_rollback(s);
	json_decref(w->detail);
	w->detail = NULL;
	return gate_store_error(e, rc, w->noun);
}

int gate_write(struct app *app, const struct actor *who, struct gate_write *w,
               int (*fn)(struct app *app, void *arg, struct gate_write *w, struct err *e),
               void *arg, struct err *e)
{
	int rc;

	/* what e holds is from an earlier call: this one says its own */
	if (e)
		err_clear(e);
	if ((rc = gate_begin(app, e)) < 0) {
		json_decref(w->detail);
		w->detail = NULL;
		return rc;
	}
	return gate_end(app, who, fn(app, arg, w, e), w, e);
}
