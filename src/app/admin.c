/*
 * admin.c - backup, restore, integrity and the calendar table (admin.h).
 */
#include "app/admin.h"

#include <string.h>

#include "app/scope.h"
#include "cal/cal.h"
#include "vi/vi.h"

#include "core/banned.h"

static int admin_only(const struct actor *who, struct err *e)
{
	if (who->scope_org != 0)
		return err_set(e, HOSO_E_DENIED, NULL, NULL, NULL);
	return scope_require_role(who, 1u << ROLE_ADMIN, e);
}

int admin_backup(struct app *app, const struct actor *who, const char *out, struct err *e)
{
	int rc = admin_only(who, e);

	return rc < 0 ? rc : store_backup(app_store(app), out, e);
}

int admin_restore(struct app *app, const struct actor *who, const char *in, struct err *e)
{
	int rc = admin_only(who, e);

	if (rc == 0)
		rc = store_restore(app_store(app), in, e);
	if (rc == 0 && (rc = app_reload_calendar(app)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	return rc;
}

int admin_check(struct app *app, const struct actor *who, struct err *e)
{
	int rc = admin_only(who, e);

	return rc < 0 ? rc : store_check_integrity(app_store(app), e);
}

int admin_digest(struct app *app, const struct actor *who, char *out, struct err *e)
{
	int rc = admin_only(who, e);

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

int admin_cal_put(struct app *app, const struct actor *who, int32_t day, const char *kind,
                  const char *name, const char *source, struct err *e)
{
	struct buf nm = BUF_INIT(1024), src = BUF_INIT(1024);
	enum cal_entry_kind k;
	int rc = admin_only(who, e);

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

		rc = store_cal_entry_put(app_store(app), &r);
	}
	if (rc == 0)
		rc = app_reload_calendar(app);
	if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
out:
	buf_release(&nm);
	buf_release(&src);
	return rc;
}

int admin_cal_delete(struct app *app, const struct actor *who, int32_t day, struct err *e)
{
	int rc = admin_only(who, e);

	if (rc < 0)
		return rc;
	rc = store_cal_entry_delete(app_store(app), day);
	if (rc == HOSO_E_NOT_FOUND)
		return err_set(e, rc, "date", "Ngày này không có trong bảng lịch",
		               "That day is not in the calendar table");
	if (rc == 0)
		rc = app_reload_calendar(app);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}
