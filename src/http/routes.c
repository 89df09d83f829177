/*
 * routes.c - the route table: every API route the server registers, one
 * line each, grouped by resource (the handlers live in api-<noun>.c).
 * docs/openapi.yaml describes exactly these (a test checks it).
 */
#include "http/api.h"

#include "core/banned.h"

static const struct http_route health_get = {"GET", "/api/health", api_health_get};
static const struct http_route version_get = {"GET", "/api/version", api_version_get};

const struct http_route *const http_routes[] = {
    &health_get,
    &version_get,
    NULL,
};
