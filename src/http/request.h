/*
 * request.h - what a request's header values and query arguments must be
 * before a handler sees them.  Pure functions (no allocation, no I/O), so
 * they are fuzzed on their own.
 */
#ifndef HOSO_REQUEST_H
#define HOSO_REQUEST_H

#include <stddef.h>

/*
 * 1 when a Content-Type header names JSON: the media type
 * "application/json" compared without regard to case (RFC 9110 §8.3.1),
 * optionally followed by parameters ("; charset=utf-8" - any charset
 * given must be UTF-8, which JSON is); 0 for anything else
 * ("application/jsonx", "text/json", a missing header).
 */
int request_media_is_json(const char *content_type);

/*
 * 1 when a decoded query argument of len bytes is text hoso accepts: valid
 * UTF-8 with no NUL or other control byte (a "%00" would otherwise cut the
 * value short without anyone noticing).
 */
int request_value_ok(const char *value, size_t len);

#endif
