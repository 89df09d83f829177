/*
 * http.h - the HTTP server: libmicrohttpd with a thread pool, one SQLite
 * connection (struct app) per worker thread, a per-request arena, request
 * size limits and timeouts, JSON in and out (jansson), static files for the
 * web UI, security headers on every response, and a graceful stop on
 * SIGTERM or SIGINT (in-flight requests finish).
 *
 * No SQL and no business rules here: handlers parse and validate input,
 * call src/app, and turn results or HOSO_E_* codes into responses.
 */
#ifndef HOSO_HTTP_H
#define HOSO_HTTP_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "http/router.h"

#define HTTP_MAX_BODY   ((size_t)1 << 20)  /* bytes in a request body */
#define HTTP_MAX_UPLOAD ((size_t)20 << 20) /* ... that is a file (ATTACHMENT_MAX) */
#define HTTP_ARENA_MAX  ((size_t)96 << 20) /* bytes of working memory per request */

#define HTTP_METRICS_FROM_MAX 16 /* --metrics-from options */

struct http_opts {
	const char *db;         /* database file */
	const char *address;    /* "127.0.0.1" */
	uint16_t port;          /* 0: any free port */
	const char *static_dir; /* web UI files; NULL: none */
	unsigned threads;       /* worker threads; 0: one per core */
	unsigned timeout_s;     /* idle (keep-alive) timeout, --idle-timeout; 0: 30 s */
	/* connection limits (0: the default each names) */
	unsigned max_connections;  /* in all: 2048 */
	unsigned per_address;      /* from one client address: 64 */
	unsigned header_timeout_s; /* a request head must be whole within: 10 s */
	/* reverse proxies whose X-Forwarded-For/-Proto are believed: "IP" or
	 * "IP/BITS", IPv4 or IPv6 (--trusted-proxy, repeatable) */
	const char *const *trusted_proxies;
	size_t n_trusted_proxies;
	/* who may read GET /metrics: addresses or networks ("10.0.0.0/8");
	 * none: loopback only */
	const char *const *metrics_from;
	size_t nmetrics_from;
	/* Called once listening, with the port actually bound (for "port 0"). */
	void (*ready)(uint16_t port, void *arg);
	void *arg;
};

/* Serve until SIGTERM or SIGINT.  0 on a clean stop, or a negative code
 * (the port is taken, the database cannot be opened) with e set. */
int http_serve(const struct http_opts *o, struct err *e);

/* A worker thread busy in one call for a request this long is hung. */
#define HTTP_STUCK_SECONDS 120
/* How many worker threads have been busy in one call for a request for
 * more than seconds (a hung handler: a lock never released, a loop).
 * Lock-free; for the watchdog and /api/health. */
unsigned http_workers_stuck(unsigned seconds);
/* HOSO_E_BUSY naming "workers": n of them hung (Vietnamese and English). */
int http_stuck_error(unsigned n, struct err *e);

/* ---- for handlers (src/http/api-*.c) ---- */

struct http_req {
	const char *method;
	const char *path;
	struct route_params params;
	struct arena *arena; /* freed when the response is sent */
	const char *body;    /* request body (NUL-terminated), body_len bytes */
	size_t body_len;
	json_t *body_json;   /* the body parsed (http_json_body); freed when the response is sent */
	struct app *app;     /* this worker thread's connection */
	int app_rc;          /* why app is NULL (only for HTTP_ANY_DB routes) */
	const char *address; /* client address (X-Forwarded-For from a trusted proxy) */
	int secure;          /* 1: came over https through a trusted proxy */
	void *conn;          /* the connection (opaque) */
	/* who asks: set from the session cookie before the handler runs */
	struct actor actor;
	const char *session_token; /* NULL when not signed in */
	const char *csrf;          /* the session's CSRF token */
	/* the response a handler sets */
	int status;
	json_t *json;
	const char *set_cookie; /* a Set-Cookie value, in the arena */
	/* or bytes that are not JSON (http_reply_bytes) */
	char *bytes; /* malloc'd; sent and freed by the server */
	size_t bytes_len;
	const char *content_type, *disposition; /* static or in the arena */
};

enum http_route_flags {
	HTTP_PUBLIC = 1 << 0, /* no session needed (health, sign-in) */
	HTTP_ANY_DB = 1 << 1, /* runs even when the database cannot be opened (app NULL) */
};

struct http_route {
	const char *method;
	const char *pattern; /* "/api/persons/{id}" */
	int (*handler)(struct http_req *r, struct err *e);
	unsigned flags;
};

#define HTTP_SESSION_COOKIE "hoso_session"

/* Parse bytes as one JSON object (duplicate keys refused, size capped).
 * Pure: no request needed (fuzzed on its own). */
int http_parse_object(const char *body, size_t len, json_t **ret, struct err *e);

/* The request body as a JSON object (Content-Type: application/json),
 * owned by the request (its strings live as long as the arena).
 * HOSO_E_INVALID with the position of a syntax error. */
int http_json_body(struct http_req *r, json_t **ret, struct err *e);

/* A body's fields by a table (fields.c).  Absent and null fields leave
 * *out as the caller set it; required ones must be there. */
enum http_field_type {
	HF_STRING,  /* out: const char ** (owned by the body) */
	HF_INT,     /* out: int64_t *, within [min, max] */
	HF_DATE,    /* out: int32_t *, from "YYYY-MM-DD", within its rule's range */
	HF_IDS,     /* out: struct http_list * (ids >= 1, in the arena) */
	HF_STRINGS, /* out: struct http_list * (strings owned by the body) */
	HF_BOOL     /* out: int *, 0 or 1 */
};
struct http_list {
	const int64_t *ids;
	const char *const *strs;
	size_t n;
};
struct http_field {
	const char *name;
	enum http_field_type type;
	int required;
	void *out;
	int64_t min, max;
	enum date_rule rule; /* HF_DATE: the date's range (core/date.h) */
};
int http_fields(json_t *body, const struct http_field *fields, size_t n, struct arena *a,
                struct err *e);
/* The request's JSON body (http_json_body) read by fields. */
int http_body_fields(struct http_req *r, const struct http_field *fields, size_t n, struct err *e);

/* All routes the server registers (routes.c), up to one with a NULL method. */
extern const struct http_route http_routes[];

/* A query-string argument, or NULL. */
const char *http_query(const struct http_req *r, const char *name);
/* An integer query argument in [min, max]: *ret is left as it is (the
 * caller's default) when absent; HOSO_E_RANGE naming the argument when it is
 * not a number in range. */
int http_query_i64(const struct http_req *r, const char *name, int64_t min, int64_t max,
                   int64_t *ret, struct err *e);
/* A YYYY-MM-DD query argument: *ret unchanged when absent; HOSO_E_BAD_DATE
 * naming the argument when malformed. */
int http_query_date(const struct http_req *r, const char *name, int32_t *ret, struct err *e);
/* The arguments of a search: ?q=TEXT (HOSO_E_MISSING when absent or empty,
 * HOSO_E_TOO_BIG past 200 bytes) and ?limit=1..max (20 by default). */
int http_query_search(const struct http_req *r, int64_t max, const char **ret_q, size_t *ret_limit,
                      struct err *e);
/* A request header, or NULL. */
const char *http_header(const struct http_req *r, const char *name);
/* A path parameter as a NUL-terminated string in the arena, or NULL. */
const char *http_param(const struct http_req *r, const char *name);

/* Reply with JSON (the reply owns j). */
int http_reply(struct http_req *r, int status, json_t *j);
/* Reply with the contents of body (taken: body is left empty) as
 * content_type, with a Content-Disposition when disposition is not NULL
 * (e.g. a download: "attachment; filename=\"audit.csv\""). */
int http_reply_bytes(struct http_req *r, int status, const char *content_type,
                     const char *disposition, struct buf *body);

/* The HTTP status for an error code (400, 403, 404, 409, 413, 503, 500). */
int http_status_of(int code);

/* The error body: {"error": {"code", "message", "message_en", "field"}}. */
json_t *http_error_json(const struct err *e);

#endif
