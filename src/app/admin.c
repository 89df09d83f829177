/*
 * admin.c - backup, restore, integrity and the calendar table (admin.h).
 */
#include "app/admin.h"

#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/gate.h"
#include "app/scope.h"
#include "cal/cal.h"
#include "vi/vi.h"

#include "core/banned.h"

/* Backup, restore and the calendar concern the whole database: only an
 * administrator whose scope is the whole tree — no organisation, or a root
 * organisation (the provincial committee) — may do them. */
int admin_whole_tree(struct app *app, const struct actor *who, struct err *e)
{
	struct org_row root;
	struct arena a;
	int whole = who->scope_org == 0;

	if (!whole) {
		arena_init(&a, 1 << 16);
		whole =
		    store_org_at(app_store(app), who->scope_org, date_today(), &a, &root) == 0 &&
		    root.parent_id == 0;
		arena_release(&a);
	}
	if (!whole)
		return gate_denied(e);
	return gate_role(who, 1u << ROLE_ADMIN, e);
}

int admin_backup(struct app *app, const struct actor *who, const char *out, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	return rc < 0 ? rc : store_backup(app_store(app), out, e);
}

int admin_restore(struct app *app, const struct actor *who, const char *in, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	if (rc == 0)
		rc = store_restore(app_store(app), in, e);
	if (rc == 0 && (rc = app_reload_calendar(app)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	return rc;
}

int admin_check(struct app *app, const struct actor *who, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	return rc < 0 ? rc : store_check_integrity(app_store(app), e);
}

int admin_digest(struct app *app, const struct actor *who, char *out, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	return rc < 0 ? rc : store_content_digest(app_store(app), out, e);
}

int admin_cal_entries(struct app *app, const struct actor *who, struct arena *a,
                      struct cal_entry_list *ret, struct err *e)
{
	int rc;

	(void)who; /* the holiday table is public knowledge */
	rc = store_cal_entries(app_store(app), a, ret);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

/* {"date", and of kind, name and source those that differ: {"before",
 * "after"}}; b or a NULL for a creation or a deletion. */
static json_t *cal_diff(int32_t day, const struct cal_entry_row *b, const struct cal_entry_row *a)
{
	const char *names[] = {"kind", "name", "source"};
	const char *before[] = {b ? b->kind : NULL, b ? b->name : NULL, b ? b->source : NULL};
	const char *after[] = {a ? a->kind : NULL, a ? a->name : NULL, a ? a->source : NULL};
	char iso[DATE_BUF];
	json_t *d;

	date_format_iso(day, iso);
	d = json_pack("{s:s}", "date", iso);
	for (size_t i = 0; d && i < 3; i++)
		if ((before[i] == NULL) != (after[i] == NULL) ||
		    (before[i] && strcmp(before[i], after[i]) != 0))
			json_object_set_new(
			    d, names[i],
			    json_pack("{s:s?,s:s?}", "before", before[i], "after", after[i]));
	return d;
}

/*
 * Change the entry of day to r (NULL: remove it) in one transaction with
 * its audit entry (object "calendar", id YYYYMMDD, before/after), then have
 * every connection reload its calendar.
 */
static int cal_change(struct app *app, const struct actor *who, int32_t day,
                      const struct cal_entry_row *r, struct err *e)
{
	struct store *s = app_store(app);
	struct cal_entry_row old;
	struct gate_write w = {NULL, "calendar", 0, NULL, NOUN_RECORD};
	struct arena a;
	int y, m, d, had, rc;

	arena_init(&a, 1 << 20);
	date_civil(day, &y, &m, &d);
	w.object_id = (int64_t)y * 10000 + m * 100 + d;
	if ((rc = gate_begin(app, e)) < 0)
		goto out;
	rc = store_cal_entry_get(s, day, &a, &old);
	had = rc == 0;
	if (rc == HOSO_E_NOT_FOUND)
		rc = r ? 0
		       : err_set(e, rc, "date", "Ngày này không có trong bảng lịch",
		                 "That day is not in the calendar table");
	if (rc == 0)
		rc = r ? store_cal_entry_put(s, r) : store_cal_entry_delete(s, day);
	w.action = !r ? "delete" : had ? "update" : "create";
	if (rc == 0)
		w.detail = cal_diff(day, had ? &old : NULL, r);
	rc = gate_end(app, who, rc, &w, e);
out:
	arena_release(&a);
	if (rc == 0) {
		app_calendar_changed();
		rc = app_reload_calendar(app);
	}
	if (rc < 0 && e && !e->code)
		err_set(e, rc, NULL, NULL, NULL);
	return rc;
}

int admin_cal_put(struct app *app, const struct actor *who, int32_t day, const char *kind,
                  const char *name, const char *source, struct err *e)
{
	struct buf nm = BUF_INIT(1024), src = BUF_INIT(1024);
	enum cal_entry_kind k;
	int rc = admin_whole_tree(app, who, e);

	if (rc < 0)
		return rc;
	if (!kind || cal_entry_kind_parse(kind, &k) < 0)
		return err_set(e, HOSO_E_BAD_ENUM, "kind",
		               "Loại ngày '%s' không hợp lệ (off: nghỉ, work: làm bù, not_off: "
		               "bỏ ngày nghỉ)",
		               "Day kind '%s' is invalid (off, work, not_off)", kind ? kind : "");
	if (!name || !*name)
		return err_set(e, HOSO_E_MISSING, "name", "Thiếu tên ngày", "The name is missing");
	if ((rc = vi_nfc(name, strlen(name), &nm)) < 0 ||
	    (source && (rc = vi_nfc(source, strlen(source), &src)) < 0)) {
		err_set(e, rc, source && nm.len ? "source" : "name", NULL, NULL);
		goto out;
	}
	if (nm.len > 200 || src.len > 300) {
		rc = err_set(e, HOSO_E_TOO_BIG, nm.len > 200 ? "name" : "source", NULL, NULL);
		goto out;
	}
	{
		int y, m, d;

		date_civil(day, &y, &m, &d);
		if (y < CAL_MIN_YEAR || y > CAL_MAX_YEAR) {
			rc = err_set(e, HOSO_E_RANGE, "date", "Năm phải trong khoảng %d–%d",
			             "The year must be within %d–%d", CAL_MIN_YEAR, CAL_MAX_YEAR);
			goto out;
		}
	}
	{
		struct cal_entry_row r = {
		    .day = day,
		    .kind = cal_entry_kind_name(k),
		    .name = nm.buf,
		    .source = src.buf,
		};

		rc = cal_change(app, who, day, &r, e);
	}
out:
	buf_release(&nm);
	buf_release(&src);
	return rc;
}

int admin_cal_delete(struct app *app, const struct actor *who, int32_t day, struct err *e)
{
	int rc = admin_whole_tree(app, who, e);

	return rc < 0 ? rc : cal_change(app, who, day, NULL, e);
}

int admin_cal_year(struct app *app, const struct actor *who, int year, struct cal_holiday **ret,
                   size_t *ret_n, struct err *e)
{
	int rc;

	(void)who; /* the holiday table is public knowledge */
	*ret = NULL;
	*ret_n = 0;
	if (year < CAL_MIN_YEAR || year > CAL_MAX_YEAR)
		return err_set(e, HOSO_E_RANGE, "year", "Năm phải trong khoảng %d–%d",
		               "The year must be within %d–%d", CAL_MIN_YEAR, CAL_MAX_YEAR);
	rc = cal_holidays(app_cal(app), year, ret, ret_n);
	return rc < 0 ? err_set(e, rc, "year", NULL, NULL) : 0;
}

json_t *admin_cal_days_json(const struct cal_holiday *h, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < n; i++) {
		char iso[DATE_BUF];

		date_format_iso(h[i].day, iso);
		json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s}", "date", iso, "kind",
		                                     cal_entry_kind_name(h[i].kind), "name",
		                                     h[i].name ? h[i].name : "", "source",
		                                     h[i].source ? h[i].source : ""));
	}
	return arr;
}
