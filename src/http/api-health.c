/*
 * api-health.c - GET /api/health (is the server up and its database
 * readable) and GET /api/version.  Neither reveals any record.
 */
#include "http/api.h"

#include "core/banned.h"

int api_health_get(struct http_req *r, struct err *e)
{
	int schema, rc = app_ping(r->app, &schema);

	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	return http_reply(r, 200, json_pack("{s:s,s:i}", "status", "ok", "schema", schema));
}

int api_version_get(struct http_req *r, struct err *e)
{
	(void)e;
	return http_reply(r, 200, json_pack("{s:s,s:s}", "name", "hoso", "version", HOSO_VERSION));
}
