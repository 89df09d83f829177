/*
 * api-codes.c - the closed sets of codes, for the web UI (src/app/codes.h):
 * loaded once, so that no list of codes is copied into TypeScript.
 *
 *   GET /api/codes    the kinds of case (states, steps, subtypes) and every
 *                     other closed set, each code with its names
 */
#include "http/api.h"

#include "app/codes.h"

#include "core/banned.h"

int api_codes_get(struct http_req *r, struct err *e)
{
	(void)e;
	return http_reply(r, 200, codes_json());
}
