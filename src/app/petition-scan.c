/*
 * petition-scan.c - the scans of an incoming letter (petition.h): kept
 * with the letter from the day it is registered, before any leader has
 * classified it.  A scan shows what the letter shows, its sender too, so
 * its contents are read as the sender is (petitionInt.h): by the leaders
 * of the receiving body and the assignees of the case it opened, each
 * read audited.  Its name, type and size are listed to whoever sees the
 * letter.  A scan added by mistake is withdrawn with a reason, never
 * deleted.
 */
#include "app/petition.h"
#include "app/petitionInt.h"

#include <string.h>

#include "app/attachment.h"
#include "app/audit.h"
#include "app/correct.h"
#include "app/gate.h"

#include "core/banned.h"

#define WRITE_ROLES (1u << ROLE_OFFICER | 1u << ROLE_LEADER)

static int not_found(int rc, struct err *e)
{
	return rc == HOSO_E_NOT_FOUND
	           ? err_set(e, rc, "id", "Không tìm thấy bản chụp đơn", "Scan not found")
	           : gate_store_error(e, rc, NOUN_RECORD);
}

static const struct attachment_table scans = {store_scan_insert, store_scan_get, "scan",
                                              NOUN_RECORD};

int petition_scan_add(struct app *app, const struct actor *who, int64_t id, const char *filename,
                      const void *data, size_t len, struct arena *a, struct attachment_row *ret,
                      struct err *e)
{
	struct gate_write w = {"attach", "petition", id, NULL, NOUN_RECORD};
	struct petition_row p;
	int rc;

	memset(ret, 0, sizeof(*ret));
	if ((rc = gate_role(who, WRITE_ROLES, e)) < 0 ||
	    (rc = petition_fetch(app, who, id, a, &p, e)) < 0 ||
	    (rc = attachment_check(a, filename, data, len, ret, e)) < 0)
		return rc;
	return attachment_keep(app, who, id, &scans, &w, data, len, a, ret, e);
}

/* Scan id and its letter, when who may see the letter. */
static int scan_fetch(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                      struct attachment_row *ret, struct petition_row *ret_letter, struct err *e)
{
	int rc = store_scan_get(app_store(app), id, a, ret);

	if (rc < 0)
		return not_found(rc, e);
	rc = petition_fetch(app, who, ret->case_id, a, ret_letter, e);
	return rc == HOSO_E_NOT_FOUND ? not_found(rc, e) : rc;
}

int petition_scan_read(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                       struct attachment_row *ret, const void **ret_data, size_t *ret_len,
                       struct err *e)
{
	struct petition_row p;
	int rc;

	if ((rc = gate_role(who, GATE_RECORD_READERS, e)) < 0 ||
	    (rc = scan_fetch(app, who, id, a, ret, &p, e)) < 0 ||
	    (rc = petition_sender_gate(app, who, &p, a, e)) < 0)
		return rc;
	if ((rc = store_blob_get(app_store(app), ret->sha256, a, ret_data, ret_len)) < 0)
		return gate_store_error(e, rc, NOUN_RECORD);
	return audit_record_json(
	    app, who, (struct audit_entry){"read_sender", "petition", p.id, NULL, 0},
	    json_pack("{s:I,s:s}", "scan", (json_int_t)id, "name", ret->filename), e);
}

struct scan_withdraw {
	int64_t id, version, user_id;
	const char *reason;
};

static int write_withdraw(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	const struct scan_withdraw *x = arg;

	(void)w;
	(void)e;
	return store_scan_withdraw(app_store(app), x->id, x->version, x->user_id, x->reason);
}

int petition_scan_withdraw(struct app *app, const struct actor *who, int64_t id, const char *reason,
                           int64_t version, struct err *e)
{
	struct scan_withdraw x = {id, version, who->user_id, NULL};
	struct gate_write w = {"withdraw", "petition", 0, NULL, NOUN_RECORD};
	struct attachment_row r;
	struct petition_row p;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 14);
	if ((rc = gate_role(who, WRITE_ROLES, e)) == 0 &&
	    (rc = scan_fetch(app, who, id, &a, &r, &p, e)) == 0 &&
	    (rc = app_text_need(&a, reason, "reason", CORRECT_REASON_MAX, &x.reason,
	                        "Ghi lý do rút lại", "Give the reason for withdrawing", e)) == 0) {
		if (r.withdrawn.at)
			rc = err_set(e, HOSO_E_CONFLICT, "id", "Mục này đã được rút lại",
			             "This entry has been withdrawn");
		else if (!(w.detail = json_pack("{s:I,s:s,s:s}", "scan", (json_int_t)id, "name",
		                                r.filename, "reason", x.reason)))
			rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		else {
			w.object_id = p.id;
			rc = gate_write(app, who, &w, write_withdraw, &x, e);
		}
	}
	arena_release(&a);
	return rc;
}

json_t *petition_scans_json(struct app *app, int64_t id, struct arena *a)
{
	struct attachment_list l;
	json_t *arr = json_array();

	if (store_scans_of_petition(app_store(app), id, a, &l) < 0)
		return arr;
	for (size_t i = 0; i < l.n; i++)
		json_array_append_new(arr, attachment_json(&l.v[i]));
	return arr;
}
