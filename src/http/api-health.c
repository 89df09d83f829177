/*
 * api-health.c - GET /api/health (liveness and readiness: the database
 * reachable, its schema this program's, the audit writer alive) and GET
 * /api/version.  Neither reveals any record.
 */
#include "http/api.h"

#include "app/health.h"

#include "core/banned.h"

int api_health_get(struct http_req *r, struct err *e)
{
	struct app_health h;
	struct err fail;
	json_t *checks = json_object(), *j;
	unsigned stuck;
	int rc;

	err_init(&fail);
	rc = r->app ? app_health(r->app, &h, &fail) : app_health_unopened(r->app_rc, &h, &fail);
	for (int i = 0; checks && i < HEALTH__MAX; i++)
		json_object_set_new(checks, health_check_name((enum health_check)i),
		                    json_string(h.ok[i] ? "ok" : "fail"));
	/* and this one's own: no worker hung in a request (this request's
	 * worker is not, or it would not be here) */
	stuck = http_workers_stuck(HTTP_STUCK_SECONDS);
	if (checks)
		json_object_set_new(checks, "workers", json_string(stuck ? "fail" : "ok"));
	if (rc == 0 && stuck)
		rc = http_stuck_error(stuck, &fail);
	j = json_pack("{s:s,s:i,s:i,s:o*,s:I}", "status", rc < 0 ? "fail" : "ok", "schema",
	              h.schema, "schema_known", h.schema_known, "checks", checks, "audit_queue",
	              (json_int_t)h.audit.queued);
	/* 503 names the check that failed, in both languages. */
	if (j && rc < 0) {
		json_t *err = http_error_json(&fail);

		json_object_update(j, err);
		json_decref(err);
	}
	err_release(&fail);
	(void)e;
	return http_reply(r, rc < 0 ? 503 : 200, j);
}

int api_version_get(struct http_req *r, struct err *e)
{
	(void)e;
	return http_reply(r, 200, json_pack("{s:s,s:s}", "name", "hoso", "version", HOSO_VERSION));
}
