/*
 * health.c - the server's health checks and the figures /metrics reads
 * from the database (health.h).
 */
#include "app/health.h"

#include <time.h>

#include "app/user.h"
#include "store/store.h"

#include "core/banned.h"

static const char *const check_names[HEALTH__MAX] = {
    [HEALTH_DATABASE] = "database",
    [HEALTH_SCHEMA] = "schema",
    [HEALTH_AUDIT] = "audit",
};

const char *health_check_name(enum health_check c)
{
	return c < HEALTH__MAX ? check_names[c] : "?";
}

/* The checks' verdicts given the database's schema version v (-1: unread),
 * and the message of the first that fails. */
static int judge(int v, struct app_health *ret, struct err *e)
{
	ret->schema = v;
	ret->schema_known = app_latest_schema_version();
	ret->ok[HEALTH_DATABASE] = v >= 0;
	ret->ok[HEALTH_SCHEMA] = v == ret->schema_known;
	audit_writer_stats(&ret->audit);
	ret->ok[HEALTH_AUDIT] = ret->audit.alive;
	if (!ret->ok[HEALTH_DATABASE])
		return err_set(e, HOSO_E_BUSY, check_names[HEALTH_DATABASE],
		               "Không đọc được cơ sở dữ liệu", "The database cannot be read");
	if (v > ret->schema_known)
		return err_set(
		    e, HOSO_E_BUSY, check_names[HEALTH_SCHEMA],
		    "Cơ sở dữ liệu thuộc phiên bản lược đồ mới hơn chương trình này (%d): "
		    "hãy cập nhật chương trình",
		    "The database's schema is newer than this program's (%d): upgrade "
		    "the program",
		    ret->schema_known);
	if (!ret->ok[HEALTH_SCHEMA])
		return err_set(e, HOSO_E_BUSY, check_names[HEALTH_SCHEMA],
		               "Cơ sở dữ liệu ở phiên bản lược đồ %d, chương trình này dùng %d: "
		               "hãy khởi động lại máy chủ để nâng cấp",
		               "The database's schema is version %d, this program's %d: restart "
		               "the server to migrate it",
		               v, ret->schema_known);
	if (!ret->ok[HEALTH_AUDIT])
		return err_set(e, HOSO_E_BUSY, check_names[HEALTH_AUDIT],
		               "Bộ ghi nhật ký truy cập không phản hồi (%llu mục đang chờ)",
		               "The audit trail's writer is not answering (%llu entries waiting)",
		               (unsigned long long)ret->audit.queued);
	return 0;
}

int app_health(struct app *app, struct app_health *ret, struct err *e)
{
	return judge(store_schema_version(app_store(app)), ret, e);
}

int app_health_unopened(int open_rc, struct app_health *ret, struct err *e)
{
	/* A schema newer than the program's refuses the open (store_open). */
	int rc = judge(open_rc == HOSO_E_SCHEMA ? app_latest_schema_version() + 1 : -1, ret, e);

	ret->schema = -1; /* not read */
	return rc;
}

int app_stats(struct app *app, struct app_stats *ret)
{
	int64_t now = (int64_t)time(NULL);
	int rc = store_db_bytes(app_store(app), &ret->db_bytes);

	if (rc == 0)
		rc = store_session_active(app_store(app), now - SESSION_IDLE_SECONDS,
		                          now - SESSION_MAX_SECONDS, &ret->sessions_active);
	return rc;
}
