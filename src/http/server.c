/*
 * server.c - the libmicrohttpd glue: request lifecycle, body limits,
 * dispatch through the route table, JSON responses, errors, graceful stop.
 */
#include "http/httpInt.h"
#include "http/conn.h"
#include "http/proxy.h"
#include "http/metrics.h"
#include "http/request.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "app/attachment.h"
#include "app/user.h"
#include "core/date.h"
#include "core/parse.h"

#include <sodium.h>

#include "core/banned.h"

/* One database connection per worker thread, opened on first use. */
static pthread_key_t app_key;
static pthread_once_t app_key_once = PTHREAD_ONCE_INIT;
static const char *app_db;

static void app_free(void *p)
{
	app_close(p);
}

static void app_key_make(void)
{
	pthread_key_create(&app_key, app_free);
}

/* NULL when it cannot be opened, with *ret_rc why (ret_rc may be NULL). */
static struct app *thread_app(int *ret_rc)
{
	struct app *a = pthread_getspecific(app_key);
	struct err e;

	if (a)
		return a;
	err_init(&e);
	if (app_open(app_db, 0, &a, &e) < 0) {
		a = NULL;
		if (ret_rc)
			*ret_rc = e.code;
	} else {
		/* Many workers, each mostly waiting: a small cache each keeps the
		 * server's memory flat (the OS page cache holds the file). */
		app_set_cache_kib(a, 2048);
		pthread_setspecific(app_key, a);
	}
	err_release(&e);
	return a;
}

struct request {
	struct arena arena;
	struct buf body;
	int too_big;
	int busy;               /* the server is nearly full: answered 503 */
	struct metrics_req obs; /* its id, clock, route and status */
};

struct server {
	const struct http_opts *o;
	struct conn_table *conns;
	struct proxy_net *trusted;
	size_t ntrusted;
};

void http_security_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
	                        "default-src 'self'; script-src 'self'; style-src 'self'; "
	                        "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
	                        "object-src 'none'; base-uri 'none'; form-action 'self'; "
	                        "frame-ancestors 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
}

int http_status_of(int code)
{
	switch (code) {
	case HOSO_E_NOT_FOUND:
		return 404;
	case HOSO_E_DENIED:
	case HOSO_E_CSRF:
		return 403;
	case HOSO_E_AUTH:
		return 401;
	case HOSO_E_LOCKED:
		return 429;
	case HOSO_E_TOO_BIG:
		return 413;
	case HOSO_E_DUPLICATE:
	case HOSO_E_CONFLICT:
	case HOSO_E_ORG_STATE:
	case HOSO_E_CYCLE:
	case HOSO_E_PERIOD_LOCKED:
		return 409;
	case HOSO_E_BUSY:
		return 503;
	case HOSO_E_NOMEM:
	case HOSO_E_IO:
	case HOSO_E_DB:
	case HOSO_E_SCHEMA:
		return 500;
	default:
		return 400; /* every other code is about the input */
	}
}

json_t *http_error_json(const struct err *e)
{
	json_t *err = json_pack("{s:s,s:s,s:s}", "code", err_name(e->code), "message",
	                        err_text_vi(e), "message_en", err_text_en(e));

	if (err && e->field.len)
		json_object_set_new(err, "field", json_string(e->field.buf));
	return json_pack("{s:o}", "error", err ? err : json_object());
}

/* Send len bytes of text (taken: freed here) with the headers every API
 * response carries, and those given (NULL: none). */
static enum MHD_Result send_bytes(struct MHD_Connection *c, int status, char *text, size_t len,
                                  const char *content_type, const char *disposition,
                                  const char *cookie)
{
	struct MHD_Response *resp;
	enum MHD_Result ok;

	if (!text)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(text);
		return MHD_NO;
	}
	http_security_headers(resp);
	metrics_response(resp, status);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (disposition)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, disposition);
	if (cookie)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
	ok = MHD_queue_response(c, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ok;
}

static enum MHD_Result send_json_cookie(struct MHD_Connection *c, int status, json_t *j,
                                        const char *cookie)
{
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;

	json_decref(j);
	return send_bytes(c, status, text, text ? strlen(text) : 0,
	                  "application/json; charset=utf-8", NULL, cookie);
}

static enum MHD_Result send_json(struct MHD_Connection *c, int status, json_t *j)
{
	return send_json_cookie(c, status, j, NULL);
}

enum MHD_Result http_send_error(struct MHD_Connection *c, int code)
{
	struct err e;
	enum MHD_Result ok;

	err_init(&e);
	err_set(&e, code, NULL, NULL, NULL);
	ok = send_json(c, http_status_of(code), http_error_json(&e));
	err_release(&e);
	return ok;
}

/* A body over its cap, refused before it is read: for a file, the
 * attachment's own message with its limit. */
static enum MHD_Result send_too_big(struct MHD_Connection *c, size_t cap)
{
	struct err e;
	enum MHD_Result ok;

	if (cap != HTTP_MAX_UPLOAD)
		return http_send_error(c, HOSO_E_TOO_BIG);
	err_init(&e);
	err_set(&e, HOSO_E_TOO_BIG, "file", ATTACHMENT_TOO_BIG_VI, ATTACHMENT_TOO_BIG_EN,
	        ATTACHMENT_MAX >> 20);
	ok = send_json(c, http_status_of(HOSO_E_TOO_BIG), http_error_json(&e));
	err_release(&e);
	return ok;
}

int http_reply(struct http_req *r, int status, json_t *j)
{
	if (!j)
		return HOSO_E_NOMEM;
	json_decref(r->json);
	r->status = status;
	r->json = j;
	return 0;
}

int http_reply_bytes(struct http_req *r, int status, const char *content_type,
                     const char *disposition, struct buf *body)
{
	size_t len;
	char *bytes = buf_detach(body, &len);

	if (!bytes)
		return HOSO_E_NOMEM;
	json_decref(r->json);
	r->json = NULL;
	free(r->bytes);
	r->bytes = bytes;
	r->bytes_len = len;
	r->status = status;
	r->content_type = content_type;
	r->disposition = disposition;
	return 0;
}

int http_parse_object(const char *body, size_t len, json_t **ret, struct err *e)
{
	json_error_t je;

	*ret = NULL;
	if (len > HTTP_MAX_BODY)
		return err_set(e, HOSO_E_TOO_BIG, NULL, NULL, NULL);
	*ret = json_loadb(body ? body : "", len, JSON_REJECT_DUPLICATES, &je);
	if (!*ret)
		return err_set(e, HOSO_E_INVALID, NULL, "JSON không hợp lệ ở dòng %d, cột %d: %s",
		               "Invalid JSON at line %d, column %d: %s", je.line, je.column,
		               je.text);
	if (!json_is_object(*ret)) {
		json_decref(*ret);
		*ret = NULL;
		return err_set(e, HOSO_E_INVALID, NULL, "Nội dung phải là một đối tượng JSON",
		               "The body must be a JSON object");
	}
	return 0;
}

int http_json_body(struct http_req *r, json_t **ret, struct err *e)
{
	const char *ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
	int rc;

	*ret = NULL;
	/* A JSON content type cannot be sent by a plain HTML form: one more
	 * guard against cross-site requests. */
	if (!request_media_is_json(ct))
		return err_set(e, HOSO_E_INVALID, NULL,
		               "Cần nội dung JSON (Content-Type: application/json)",
		               "A JSON body is needed (Content-Type: application/json)");
	json_decref(r->body_json);
	r->body_json = NULL;
	rc = http_parse_object(r->body, r->body_len, &r->body_json, e);
	*ret = r->body_json;
	return rc;
}

const char *http_query(const struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

int http_query_i64(const struct http_req *r, const char *name, int64_t min, int64_t max,
                   int64_t *ret, struct err *e)
{
	const char *s = http_query(r, name);

	if (s && parse_i64(s, strlen(s), min, max, ret) < 0)
		return err_set(e, HOSO_E_RANGE, name, "Tham số %s phải là số từ %lld đến %lld",
		               "Parameter %s must be a number from %lld to %lld", name,
		               (long long)min, (long long)max);
	return 0;
}

int http_query_date(const struct http_req *r, const char *name, int32_t *ret, struct err *e)
{
	const char *s = http_query(r, name);

	if (s && date_parse_iso(s, strlen(s), ret) < 0)
		return err_set(e, HOSO_E_BAD_DATE, name,
		               "Tham số %s không phải ngày hợp lệ (YYYY-MM-DD)",
		               "Parameter %s is not a valid date (YYYY-MM-DD)", name);
	return 0;
}

int http_query_search(const struct http_req *r, int64_t max, const char **ret_q, size_t *ret_limit,
                      struct err *e)
{
	const char *q = http_query(r, "q");
	int64_t limit = 20;
	int rc;

	if (!q || !*q)
		return err_set(e, HOSO_E_MISSING, "q", "Thiếu nội dung tìm kiếm",
		               "The search text is missing");
	if (strlen(q) > 200)
		return err_set(e, HOSO_E_TOO_BIG, "q", NULL, NULL);
	if ((rc = http_query_i64(r, "limit", 1, max, &limit, e)) < 0)
		return rc;
	*ret_q = q;
	*ret_limit = (size_t)limit;
	return 0;
}

const char *http_header(const struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_param(const struct http_req *r, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < r->params.n; i++)
		if (r->params.v[i].name_len == n && memcmp(r->params.v[i].name, name, n) == 0)
			return arena_strndup(r->arena, r->params.v[i].value,
			                     r->params.v[i].value_len);
	return NULL;
}

struct query_check {
	struct err *e;
	int rc;
};

static enum MHD_Result query_arg_ok(void *cls, enum MHD_ValueKind kind, const char *key,
                                    size_t key_size, const char *value, size_t value_size)
{
	struct query_check *q = cls;

	(void)kind;
	if (request_value_ok(key, key_size) && request_value_ok(value, value_size))
		return MHD_YES;
	q->rc = err_set(q->e, HOSO_E_INVALID, request_value_ok(key, key_size) ? key : "",
	                "Tham số chứa ký tự không hợp lệ (ký tự điều khiển hoặc không phải UTF-8)",
	                "A parameter holds an invalid character (a control byte or not UTF-8)");
	return MHD_NO;
}

/* Every query argument is text: no NUL or control byte, valid UTF-8. */
static int query_check(struct MHD_Connection *c, struct err *e)
{
	struct query_check q = {e, 0};

	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, query_arg_ok, &q);
	return q.rc;
}

/*
 * Who is asking: the session cookie gives the actor; a route that is not
 * public needs one.  Every request that changes state (not GET or HEAD)
 * of a signed-in session must carry the session's CSRF token.
 */
static int authenticate(struct MHD_Connection *c, const struct http_route *route,
                        struct http_req *r, struct err *e)
{
	const char *token = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, HTTP_SESSION_COOKIE);
	struct buf csrf = BUF_INIT(128);
	int rc = HOSO_E_AUTH;

	if (token && *token) {
		rc = session_actor(r->app, token, &r->actor, &csrf, e);
		if (rc == 0) {
			r->session_token = arena_strdup(r->arena, token);
			r->csrf = arena_strdup(r->arena, csrf.buf);
			r->actor.address = r->address;
		}
	}
	buf_release(&csrf);
	if (rc < 0) {
		if (route->flags & HTTP_PUBLIC) {
			err_clear(e);
			return 0;
		}
		return err_set(e, HOSO_E_AUTH, NULL, "Hãy đăng nhập", "Please sign in");
	}
	if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0) {
		const char *sent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");

		if (!sent || !r->csrf || strlen(sent) != strlen(r->csrf) ||
		    sodium_memcmp(sent, r->csrf, strlen(sent)) != 0)
			return err_set(e, HOSO_E_CSRF, NULL, NULL, NULL);
	}
	return 0;
}

/* Every value of request header name, joined by ',' in the arena (NULL:
 * none): a proxy may add a line of its own instead of appending. */
struct header_join {
	const char *name;
	struct arena *arena;
	char *joined;
};

static enum MHD_Result header_join_one(void *cls, enum MHD_ValueKind kind, const char *key,
                                       size_t key_size, const char *value, size_t value_size)
{
	struct header_join *h = cls;

	(void)kind;
	(void)key_size;
	if (!key || !value || strcasecmp(key, h->name) != 0)
		return MHD_YES;
	h->joined = h->joined ? arena_printf(h->arena, "%s,%.*s", h->joined, (int)value_size, value)
	                      : arena_strndup(h->arena, value, value_size);
	return h->joined ? MHD_YES : MHD_NO;
}

static const char *header_joined(struct MHD_Connection *c, struct arena *a, const char *name)
{
	struct header_join h = {name, a, NULL};

	MHD_get_connection_values_n(c, MHD_HEADER_KIND, header_join_one, &h);
	return h.joined;
}

/* The client's address (in the arena) and whether it came over https: the
 * TCP peer, or what a trusted proxy forwarded (proxy.h). */
static const char *client_address(const struct server *srv, struct MHD_Connection *c,
                                  struct arena *a, int *ret_https)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct proxy_addr peer, client;
	char buf[PROXY_ADDR_BUF];

	*ret_https = 0;
	if (!ci || proxy_addr_from_sockaddr(ci->client_addr, &peer) < 0)
		return "?";
	if (srv->ntrusted && proxy_trusted(srv->trusted, srv->ntrusted, &peer))
		proxy_client(srv->trusted, srv->ntrusted, &peer,
		             header_joined(c, a, "X-Forwarded-For"),
		             header_joined(c, a, "X-Forwarded-Proto"), &client, ret_https);
	else
		client = peer;
	proxy_addr_format(&client, buf);
	return arena_strdup(a, buf);
}

static enum MHD_Result dispatch(const struct server *srv, struct MHD_Connection *c,
                                struct request *rq, const char *method, const char *path)
{
	const struct http_route *route = NULL;
	struct http_req r = {0};
	int allowed_other = 0, rc;
	struct err e;
	enum MHD_Result ok;
	const char *addr;

	if (!route_path_ok(path))
		return http_send_error(c, HOSO_E_NOT_FOUND);
	for (size_t i = 0; http_routes[i].method; i++) {
		struct route_params p;

		if (!route_match(http_routes[i].pattern, path, &p))
			continue;
		if (strcmp(http_routes[i].method, method) != 0) {
			allowed_other = 1;
			continue;
		}
		route = &http_routes[i];
		r.params = p;
		break;
	}
	if (!route) {
		if (!allowed_other)
			return http_send_error(c, HOSO_E_NOT_FOUND);
		err_init(&e);
		err_set(&e, HOSO_E_USAGE, NULL, "Phương thức %s không dùng được ở đây",
		        "Method %s is not allowed here", method);
		ok = send_json(c, 405, http_error_json(&e));
		err_release(&e);
		return ok;
	}
	metrics_route(&rq->obs, (int)(route - http_routes));
	addr = client_address(srv, c, &rq->arena, &r.secure);
	r.method = method;
	r.path = path;
	r.arena = &rq->arena;
	r.body = rq->body.buf;
	r.body_len = rq->body.len;
	r.address = addr ? addr : "?";
	r.conn = c;
	r.app = thread_app(&r.app_rc);
	err_init(&e);
	if (!r.app)
		rc = route->flags & HTTP_ANY_DB ? query_check(c, &e)
		                                : err_set(&e, HOSO_E_BUSY, NULL, NULL, NULL);
	else if ((rc = authenticate(c, route, &r, &e)) == 0)
		rc = query_check(c, &e);
	rq->obs.user_id = r.actor.user_id;
	if (rc == 0)
		rc = route->handler(&r, &e);
	if (rc < 0) {
		if (!e.code)
			err_set(&e, rc, NULL, NULL, NULL);
		json_decref(r.json);
		free(r.bytes);
		ok = send_json(c, http_status_of(e.code), http_error_json(&e));
	} else if (r.bytes) {
		ok = send_bytes(c, r.status ? r.status : 200, r.bytes, r.bytes_len, r.content_type,
		                r.disposition, r.set_cookie);
	} else {
		ok = send_json_cookie(c, r.status ? r.status : 200, r.json ? r.json : json_object(),
		                      r.set_cookie);
	}
	json_decref(r.body_json);
	err_release(&e);
	return ok;
}

/* 1 when url is prefix, an id, then suffix. */
static int id_route(const char *url, const char *prefix, const char *suffix)
{
	size_t n = strlen(prefix);
	const char *p = url + n;

	if (strncmp(url, prefix, n) != 0)
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return p > url + n && strcmp(p, suffix) == 0;
}

/* The most a request body may hold: a file upload (POST
 * /api/cases/{id}/attachments, /api/petitions/{id}/scans) with a session
 * cookie may be as large as an attachment, anything else HTTP_MAX_BODY (so
 * that nobody who is not signed in can make the server hold more). */
static size_t body_cap(struct MHD_Connection *c, const char *method, const char *url)
{
	if (strcmp(method, "POST") != 0 ||
	    !MHD_lookup_connection_value(c, MHD_COOKIE_KIND, HTTP_SESSION_COOKIE))
		return HTTP_MAX_BODY;
	return id_route(url, "/api/cases/", "/attachments") ||
	               id_route(url, "/api/petitions/", "/scans")
	           ? HTTP_MAX_UPLOAD
	           : HTTP_MAX_BODY;
}

/* The server is nearly full: a new connection's request is answered at
 * once, told when to come back, and its connection closed. */
static enum MHD_Result send_busy(struct MHD_Connection *c)
{
	struct MHD_Response *resp;
	struct err e;
	json_t *j;
	char *text;
	enum MHD_Result ok;

	err_init(&e);
	err_set(&e, HOSO_E_BUSY, NULL, "Máy chủ đang quá tải, hãy thử lại sau ít giây",
	        "The server is overloaded; try again in a few seconds");
	j = http_error_json(&e);
	err_release(&e);
	text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!text)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(text);
		return MHD_NO;
	}
	http_security_headers(resp);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        "application/json; charset=utf-8");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "5");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
	ok = MHD_queue_response(c, MHD_HTTP_SERVICE_UNAVAILABLE, resp);
	MHD_destroy_response(resp);
	return ok;
}

static enum MHD_Result handle_request(void *cls, struct MHD_Connection *c, const char *url,
                                      const char *method, const char *version, const char *upload,
                                      size_t *upload_size, void **con_cls)
{
	struct server *srv = cls;
	struct request *rq = *con_cls;
	size_t cap;

	(void)version;
	if (!rq) {
		const char *cl =
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);

		rq = calloc(1, sizeof(*rq));
		if (!rq)
			return MHD_NO;
		/* A cap, not an allocation: blocks are taken as needed. The
		 * national tree (60,000 organisations) needs about 30 MiB. */
		arena_init(&rq->arena, (size_t)HTTP_ARENA_MAX);
		cap = body_cap(c, method, url);
		buf_init(&rq->body, cap);
		*con_cls = rq;
		rq->busy = conn_request_begin(c);
		metrics_begin(&rq->obs, c, method);
		/* Refuse a declared oversized body before reading any of it. */
		if (cl) {
			int64_t n;

			if (parse_i64(cl, strlen(cl), 0, INT64_MAX, &n) < 0 || (uint64_t)n > cap)
				rq->too_big = 1;
		}
		return MHD_YES;
	}
	metrics_enter(&rq->obs);
	if (*upload_size) {
		if (!rq->too_big && !rq->busy && buf_add(&rq->body, upload, *upload_size) < 0)
			rq->too_big = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->busy)
		return send_busy(c);
	if (rq->too_big)
		return send_too_big(c, rq->body.max);
	if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0)
		return dispatch(srv, c, rq, method, url);
	/* /metrics to an address not allowed is answered as any path that is
	 * not there (the web UI's page, or 404), not with a refusal */
	if (strcmp(url, "/metrics") == 0 && metrics_wanted(c, method))
		return metrics_serve(c, method, thread_app(NULL)) ? MHD_YES : MHD_NO;
	if (srv->o->static_dir && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)) {
		metrics_static(&rq->obs);
		return static_serve(c, srv->o->static_dir, url) ? MHD_YES : MHD_NO;
	}
	return http_send_error(c, HOSO_E_NOT_FOUND);
}

/* handle_request, with the time this worker spends in it marked, so that
 * a worker stuck in a request is seen (http_workers_stuck). */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
	enum MHD_Result ok;

	metrics_busy(1);
	ok = handle_request(cls, c, url, method, version, upload, upload_size, con_cls);
	metrics_busy(0);
	return ok;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *con_cls;

	(void)cls;
	(void)toe;
	conn_request_end(c);
	if (!rq)
		return;
	metrics_end(&rq->obs);
	arena_release(&rq->arena);
	buf_release(&rq->body);
	free(rq);
	*con_cls = NULL;
}

/* Room for the descriptors the limits need: each connection, each worker's
 * database (with its WAL and shared memory) and a margin.  The soft limit
 * is raised up to the hard one; when even that is too low, fewer
 * connections are allowed.  Returns the connections that fit. */
static unsigned raise_fd_limit(unsigned connections, unsigned threads, rlim_t *ret_limit)
{
	rlim_t need = (rlim_t)connections + (rlim_t)threads * 4 + 128;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0) {
		*ret_limit = 0;
		return connections;
	}
	if (rl.rlim_cur < need) {
		rl.rlim_cur =
		    rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= need ? need : rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	*ret_limit = rl.rlim_cur;
	if (rl.rlim_cur >= need)
		return connections;
	need -= connections;
	return rl.rlim_cur > need + 16 ? (unsigned)(rl.rlim_cur - need) : 16;
}

/* Parse the trusted proxies into srv (freed by the caller). */
static int trusted_parse(struct server *srv, const struct http_opts *o, struct err *e)
{
	if (!o->n_trusted_proxies)
		return 0;
	srv->trusted = calloc(o->n_trusted_proxies, sizeof(*srv->trusted));
	if (!srv->trusted)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < o->n_trusted_proxies; i++) {
		const char *s = o->trusted_proxies[i];

		if (proxy_net_parse(s, strlen(s), &srv->trusted[i]) < 0)
			return err_set(e, HOSO_E_INVALID, "trusted-proxy",
			               "'%s' không phải địa chỉ IP hay mạng (ví dụ 127.0.0.1, "
			               "10.0.0.0/8, ::1)",
			               "'%s' is not an IP address or network (e.g. 127.0.0.1, "
			               "10.0.0.0/8, ::1)",
			               s);
	}
	srv->ntrusted = o->n_trusted_proxies;
	return 0;
}

int http_serve(const struct http_opts *o, struct err *e)
{
	struct server srv = {.o = o};
	struct sockaddr_in sa = {0};
	struct MHD_Daemon *d = NULL;
	struct app *probe;
	struct conn_limits lim = {0};
	sigset_t set;
	unsigned threads = o->threads, want;
	const union MHD_DaemonInfo *di;
	rlim_t fd_limit;
	int sig, rc;

	/* Fail early when the database cannot be opened. */
	if ((rc = app_open(o->db, 0, &probe, e)) < 0)
		return rc;
	app_close(probe);
	if ((rc = metrics_init(o->metrics_from, o->nmetrics_from, e)) < 0)
		return rc;
	app_db = o->db;
	pthread_once(&app_key_once, app_key_make);
	/* Workers spend most of a request waiting for the audit entry to be
	 * durable; enough of them keep the group commit's batches full. */
	if (!threads)
		threads = 16;
	sa.sin_family = AF_INET;
	sa.sin_port = htons(o->port);
	if (inet_pton(AF_INET, o->address, &sa.sin_addr) != 1)
		return err_set(e, HOSO_E_INVALID, "listen", "Địa chỉ '%s' không hợp lệ",
		               "Invalid address '%s'", o->address);
	if ((rc = trusted_parse(&srv, o, e)) < 0)
		goto out;
	/* Limits for one province's office: a few hundred people, each browser
	 * with up to six connections, some offices behind one NAT address. */
	want = o->max_connections ? o->max_connections : 2048u;
	lim.max_connections = raise_fd_limit(want, threads, &fd_limit);
	if (lim.max_connections < want)
		fprintf(
		    stderr,
		    "hoso: giới hạn tệp mở (%llu) chỉ đủ cho %u kết nối, không phải %u; hãy nâng "
		    "LimitNOFILE / the open-file limit (%llu) allows %u connections, not %u; raise "
		    "LimitNOFILE\n",
		    (unsigned long long)fd_limit, lim.max_connections, want,
		    (unsigned long long)fd_limit, lim.max_connections, want);
	/* The last tenth is kept for answering 503 quickly rather than letting
	 * new clients wait in the listen queue. */
	lim.busy_at = lim.max_connections - lim.max_connections / 10;
	lim.per_address = o->per_address ? o->per_address : 64u;
	lim.header_timeout_s = o->header_timeout_s ? o->header_timeout_s : 10u;
	lim.idle_timeout_s = o->timeout_s ? o->timeout_s : 30u;
	lim.trusted = srv.trusted;
	lim.ntrusted = srv.ntrusted;
	if (!(srv.conns = conn_table_new(&lim))) {
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto out;
	}
	fprintf(stderr,
	        "hoso: giới hạn / limits: %u kết nối / connections (503 từ / from %u), %u mỗi địa "
	        "chỉ / per address, tiêu đề / headers %u s, chờ / idle %u s, %llu tệp mở / open "
	        "files, %zu proxy tin cậy / trusted proxies\n",
	        lim.max_connections, lim.busy_at, lim.per_address, lim.header_timeout_s,
	        lim.idle_timeout_s, (unsigned long long)fd_limit, srv.ntrusted);
	/* Workers inherit a mask with the stop signals blocked; this thread
	 * waits for them. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC, 0, conn_accept, srv.conns,
	                     on_request, &srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	                     MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT,
	                     lim.idle_timeout_s, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	                     (size_t)256 * 1024, MHD_OPTION_CONNECTION_LIMIT, lim.max_connections,
	                     MHD_OPTION_NOTIFY_CONNECTION, conn_notify, srv.conns,
	                     MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	if (!d) {
		rc = err_set(e, HOSO_E_IO, "listen", "Không mở được cổng %s:%u (đang bị dùng?)",
		             "Cannot listen on %s:%u (in use?)", o->address, (unsigned)o->port);
		goto out;
	}
	metrics_set_daemon(d);
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (o->ready)
		o->ready(di ? di->port : o->port, o->arg);
	while (sigwait(&set, &sig) == 0 && sig != SIGTERM && sig != SIGINT)
		;
	/* Stop accepting, let in-flight requests finish (up to 10 s), then stop. */
	{
		MHD_socket ls = MHD_quiesce_daemon(d);
		struct timespec pause = {0, 50 * 1000 * 1000};

		if (ls != MHD_INVALID_SOCKET)
			close(ls);
		for (int i = 0; i < 200; i++) {
			const union MHD_DaemonInfo *ci =
			    MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);

			if (!ci || ci->num_connections == 0)
				break;
			nanosleep(&pause, NULL);
		}
	}
	MHD_stop_daemon(d);
	rc = 0;
out:
	conn_table_free(srv.conns);
	free(srv.trusted);
	return rc;
}
