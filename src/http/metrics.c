/*
 * metrics.c - request ids, the request log, the counters and GET /metrics
 * (metrics.h).
 */
#include "http/httpInt.h"
#include "http/metrics.h"

#include <arpa/inet.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app/health.h"
#include "core/parse.h"

#include "core/banned.h"

/* Routes that are not in http_routes, after them. */
enum {
	METRICS_ROUTE_STATIC, /* a file of the web UI */
	METRICS_ROUTE_METRICS,
	METRICS_ROUTE_OTHER, /* no route: unknown path, method not allowed, refused body */
	METRICS_ROUTE__MAX
};
static const char *const extra_names[METRICS_ROUTE__MAX] = {
    [METRICS_ROUTE_STATIC] = "static",
    [METRICS_ROUTE_METRICS] = "/metrics",
    [METRICS_ROUTE_OTHER] = "other",
};

/* The statuses counted each in its own slot; any other in the last. */
static const int statuses[] = {200, 201, 204, 206, 304, 400, 401, 403, 404,
                               405, 409, 413, 416, 429, 500, 503, 0};
#define NSTATUS (sizeof(statuses) / sizeof(statuses[0]))

/* Latency buckets (seconds, upper bounds); +Inf is the count. */
static const double buckets[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
#define NBUCKET (sizeof(buckets) / sizeof(buckets[0]))

static struct {
	size_t nroutes;                /* http_routes */
	atomic_uint_least64_t *counts; /* [(nroutes + METRICS_ROUTE__MAX) * NSTATUS] */
	atomic_uint_least64_t hist[NBUCKET + 1];
	atomic_uint_least64_t total, sum_us;
	struct metrics_net from[METRICS_FROM_MAX];
	size_t nfrom;
	struct MHD_Daemon *daemon;
} mx;

static _Thread_local struct metrics_req *current;

/* When each worker thread entered the call it is in (ns, 0: not in one):
 * a slot per thread, taken on its first call. */
#define BUSY_SLOTS 128
static atomic_uint_least64_t busy_since[BUSY_SLOTS];
static atomic_uint nbusy_slots;
static _Thread_local atomic_uint_least64_t *busy_slot;
static _Thread_local int busy_untracked; /* no slot left for this thread */

static uint64_t mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* ---- pure parts ---- */

int metrics_request_id_ok(const char *s, size_t len)
{
	if (!s || len == 0 || len > METRICS_ID_MAX)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

int metrics_net_parse(const char *s, struct metrics_net *ret, struct err *e)
{
	char addr[INET6_ADDRSTRLEN];
	const char *slash = s ? strchr(s, '/') : NULL;
	size_t n = slash ? (size_t)(slash - s) : (s ? strlen(s) : 0);
	unsigned max;

	memset(ret, 0, sizeof(*ret));
	if (!s || n == 0 || n >= sizeof(addr))
		goto bad;
	memcpy(addr, s, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, ret->addr) == 1) {
		ret->family = AF_INET;
		max = 32;
	} else if (inet_pton(AF_INET6, addr, ret->addr) == 1) {
		ret->family = AF_INET6;
		max = 128;
	} else {
		goto bad;
	}
	ret->bits = max;
	if (slash) {
		int64_t bits;

		if (parse_i64(slash + 1, strlen(slash + 1), 0, max, &bits) < 0)
			goto bad;
		ret->bits = (unsigned)bits;
	}
	return 0;
bad:
	return err_set(e, HOSO_E_INVALID, "metrics-from",
	               "--metrics-from '%s' không phải địa chỉ IP hay mạng (như 10.0.0.0/8)",
	               "--metrics-from '%s' is not an IP address or network (such as 10.0.0.0/8)",
	               s ? s : "");
}

static int prefix_equal(const unsigned char *a, const unsigned char *b, unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;

	if (memcmp(a, b, whole) != 0)
		return 0;
	if (!rest)
		return 1;
	return ((a[whole] ^ b[whole]) & (unsigned char)(0xff << (8 - rest))) == 0;
}

int metrics_net_match(const struct metrics_net *n, const struct sockaddr *sa)
{
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	const unsigned char *a;

	if (!sa)
		return 0;
	if (sa->sa_family == AF_INET) {
		a = (const unsigned char *)&((const struct sockaddr_in *)(const void *)sa)
		        ->sin_addr;
		return n->family == AF_INET && prefix_equal(a, n->addr, n->bits);
	}
	if (sa->sa_family != AF_INET6)
		return 0;
	a = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr;
	if (n->family == AF_INET6)
		return prefix_equal(a, n->addr, n->bits);
	return memcmp(a, mapped, sizeof(mapped)) == 0 && prefix_equal(a + 12, n->addr, n->bits);
}

int metrics_label_escape(struct buf *out, const char *s)
{
	int rc = 0;

	for (; s && *s && rc == 0; s++) {
		if (*s == '\\')
			rc = buf_adds(out, "\\\\");
		else if (*s == '"')
			rc = buf_adds(out, "\\\"");
		else if (*s == '\n')
			rc = buf_adds(out, "\\n");
		else
			rc = buf_addch(out, *s);
	}
	return rc;
}

int metrics_family(struct buf *out, const char *name, const char *type, const char *help)
{
	return buf_addf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

int metrics_sample(struct buf *out, const char *name, const char *const *labels, size_t n,
                   double value)
{
	int rc = buf_adds(out, name);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = buf_addf(out, "%s%s=\"", i ? "," : "{", labels[2 * i]);
		if (rc == 0)
			rc = metrics_label_escape(out, labels[2 * i + 1]);
		if (rc == 0)
			rc = buf_addch(out, '"');
	}
	if (rc == 0 && n)
		rc = buf_addch(out, '}');
	/* Counts as integers, exactly; times to the nanosecond. */
	if (rc == 0 && value >= -9.2e18 && value <= 9.2e18 && value == (double)(long long)value)
		rc = buf_addf(out, " %lld\n", (long long)value);
	else if (rc == 0)
		rc = buf_addf(out, " %.9g\n", value);
	return rc;
}

/* ---- the server's side ---- */

int metrics_init(const char *const *from, size_t nfrom, struct err *e)
{
	static const char *const loopback[] = {"127.0.0.0/8", "::1"};
	size_t n = 0;
	int rc;

	if (!from || !nfrom) {
		from = loopback;
		nfrom = sizeof(loopback) / sizeof(loopback[0]);
	}
	if (nfrom > METRICS_FROM_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "metrics-from", NULL, NULL);
	for (size_t i = 0; i < nfrom; i++)
		if ((rc = metrics_net_parse(from[i], &mx.from[i], e)) < 0)
			return rc;
	mx.nfrom = nfrom;
	while (http_routes[n].method)
		n++;
	if (!mx.counts) {
		mx.counts = calloc((n + METRICS_ROUTE__MAX) * NSTATUS, sizeof(*mx.counts));
		if (!mx.counts)
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		for (size_t i = 0; i < (n + METRICS_ROUTE__MAX) * NSTATUS; i++)
			atomic_init(&mx.counts[i], 0);
		mx.nroutes = n;
	}
	return 0;
}

void metrics_set_daemon(struct MHD_Daemon *d)
{
	mx.daemon = d;
}

void metrics_busy(int busy)
{
	if (!busy_slot) {
		unsigned i;

		if (busy_untracked)
			return;
		i = atomic_fetch_add(&nbusy_slots, 1);
		if (i >= BUSY_SLOTS) {
			busy_untracked = 1; /* more threads than slots: not watched */
			return;
		}
		busy_slot = &busy_since[i];
	}
	atomic_store_explicit(busy_slot, busy ? mono_ns() : 0, memory_order_relaxed);
}

unsigned http_workers_stuck(unsigned seconds)
{
	uint64_t now = mono_ns(), limit = (uint64_t)seconds * 1000000000u;
	unsigned n = atomic_load(&nbusy_slots), stuck = 0;

	for (unsigned i = 0; i < n && i < BUSY_SLOTS; i++) {
		uint64_t t = atomic_load_explicit(&busy_since[i], memory_order_relaxed);

		stuck += t && now - t >= limit;
	}
	return stuck;
}

int http_stuck_error(unsigned n, struct err *e)
{
	return err_set(
	    e, HOSO_E_BUSY, "workers", "%u luồng xử lý bị treo quá %d giây trong một yêu cầu",
	    "%u worker threads have been stuck in a request for over %d s", n, HTTP_STUCK_SECONDS);
}

void metrics_begin(struct metrics_req *m, struct MHD_Connection *c, const char *method)
{
	const char *sent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Request-Id");
	unsigned char raw[8];

	memset(m, 0, sizeof(*m));
	m->start_ns = mono_ns();
	m->method = method;
	m->route = (int)mx.nroutes + METRICS_ROUTE_OTHER;
	if (sent && metrics_request_id_ok(sent, strlen(sent))) {
		memcpy(m->id, sent, strlen(sent) + 1);
	} else {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(m->id, sizeof(m->id), raw, sizeof(raw));
	}
	current = m;
}

void metrics_enter(struct metrics_req *m)
{
	current = m;
}

void metrics_route(struct metrics_req *m, int route)
{
	m->route = route;
}

void metrics_static(struct metrics_req *m)
{
	m->route = (int)mx.nroutes + METRICS_ROUTE_STATIC;
}

void metrics_response(struct MHD_Response *resp, int status)
{
	struct metrics_req *m = current;

	if (!m)
		return;
	m->status = status;
	MHD_add_response_header(resp, "X-Request-Id", m->id);
}

static const char *route_name(int route)
{
	if (route >= 0 && (size_t)route < mx.nroutes)
		return http_routes[route].pattern;
	route -= (int)mx.nroutes;
	return route >= 0 && route < METRICS_ROUTE__MAX ? extra_names[route] : "other";
}

static size_t status_slot(int status)
{
	size_t i = 0;

	while (statuses[i] && statuses[i] != status)
		i++;
	return i;
}

int metrics_log_line(struct buf *out, const struct metrics_req *m, uint64_t dur_ns)
{
	int rc = buf_addf(out, "hoso: request id=%s method=%s route=%s status=%d ms=%.3f", m->id,
	                  m->method ? m->method : "-", route_name(m->route), m->status,
	                  (double)dur_ns / 1e6);

	if (rc == 0 && m->user_id)
		rc = buf_addf(out, " user=%lld", (long long)m->user_id);
	if (rc == 0)
		rc = buf_addch(out, '\n');
	return rc;
}

void metrics_end(struct metrics_req *m)
{
	uint64_t dur = mono_ns() - m->start_ns;
	double s = (double)dur / 1e9;
	struct buf line = BUF_INIT(512);
	size_t b = 0;

	if (current == m)
		current = NULL;
	if (!m->start_ns)
		return;
	if (mx.counts && m->route >= 0 && (size_t)m->route < mx.nroutes + METRICS_ROUTE__MAX)
		atomic_fetch_add_explicit(
		    &mx.counts[(size_t)m->route * NSTATUS + status_slot(m->status)], 1,
		    memory_order_relaxed);
	while (b < NBUCKET && s > buckets[b])
		b++;
	atomic_fetch_add_explicit(&mx.hist[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&mx.total, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&mx.sum_us, dur / 1000, memory_order_relaxed);
	/* One write per line: lines of concurrent requests do not interleave. */
	if (metrics_log_line(&line, m, dur) == 0) {
		ssize_t n = write(STDERR_FILENO, line.buf, line.len);

		(void)n; /* a log that cannot be written has nowhere to say so */
	}
	buf_release(&line);
}

static int allowed(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	for (size_t i = 0; ci && i < mx.nfrom; i++)
		if (metrics_net_match(&mx.from[i], ci->client_addr))
			return 1;
	return 0;
}

static int write_requests(struct buf *out)
{
	char code[16];
	int rc = metrics_family(out, "hoso_http_requests_total", "counter",
	                        "HTTP requests by method, route pattern and status.");

	for (size_t r = 0; rc == 0 && r < mx.nroutes + METRICS_ROUTE__MAX; r++) {
		for (size_t k = 0; rc == 0 && k < NSTATUS; k++) {
			uint64_t v =
			    atomic_load_explicit(&mx.counts[r * NSTATUS + k], memory_order_relaxed);
			const char *labels[6] = {
			    "method", r < mx.nroutes ? http_routes[r].method : "",
			    "route",  route_name((int)r),
			    "code",   code};

			if (!v)
				continue;
			if (statuses[k])
				snprintf(code, sizeof(code), "%d", statuses[k]);
			else
				memcpy(code, "other", sizeof("other"));
			rc = metrics_sample(out, "hoso_http_requests_total",
			                    r < mx.nroutes ? labels : labels + 2,
			                    r < mx.nroutes ? 3 : 2, (double)v);
		}
	}
	return rc;
}

static int write_latency(struct buf *out)
{
	const char *name = "hoso_http_request_duration_seconds";
	uint64_t cum = 0;
	char le[32];
	const char *labels[2] = {"le", le};
	int rc =
	    metrics_family(out, name, "histogram", "Time from a request's first byte to its end.");

	for (size_t b = 0; rc == 0 && b <= NBUCKET; b++) {
		cum += atomic_load_explicit(&mx.hist[b], memory_order_relaxed);
		if (b < NBUCKET)
			snprintf(le, sizeof(le), "%g", buckets[b]);
		else
			memcpy(le, "+Inf", sizeof("+Inf"));
		rc = metrics_sample(out, "hoso_http_request_duration_seconds_bucket", labels, 1,
		                    (double)cum);
	}
	if (rc == 0)
		rc = metrics_sample(out, "hoso_http_request_duration_seconds_sum", NULL, 0,
		                    (double)atomic_load(&mx.sum_us) / 1e6);
	if (rc == 0)
		rc = metrics_sample(out, "hoso_http_request_duration_seconds_count", NULL, 0,
		                    (double)cum);
	return rc;
}

/* One family of one sample. */
static int gauge(struct buf *out, const char *name, const char *type, const char *help, double v)
{
	int rc = metrics_family(out, name, type, help);

	return rc == 0 ? metrics_sample(out, name, NULL, 0, v) : rc;
}

static int write_server(struct buf *out, struct app *app)
{
	struct app_health h;
	struct app_stats st;
	struct err e;
	const union MHD_DaemonInfo *di =
	    mx.daemon ? MHD_get_daemon_info(mx.daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS) : NULL;
	int rc;

	err_init(&e);
	memset(&h, 0, sizeof(h));
	if (app)
		app_health(app, &h, &e);
	else
		audit_writer_stats(&h.audit);
	err_release(&e);
	rc = gauge(out, "hoso_audit_queue_length", "gauge",
	           "Audit entries waiting for the group commit or being written.",
	           (double)h.audit.queued);
	if (rc == 0)
		rc = gauge(out, "hoso_audit_commits_total", "counter",
		           "Batches of audit entries written (one transaction each).",
		           (double)h.audit.commits);
	if (rc == 0)
		rc = gauge(out, "hoso_audit_commit_seconds_total", "counter",
		           "Time spent writing batches of audit entries.",
		           (double)h.audit.commit_ns / 1e9);
	if (rc == 0)
		rc = gauge(out, "hoso_audit_last_commit_seconds", "gauge",
		           "Time the last batch of audit entries took.",
		           (double)h.audit.last_commit_ns / 1e9);
	if (rc == 0)
		rc = gauge(out, "hoso_audit_failed_batches_total", "counter",
		           "Batches of audit entries that could not be written.",
		           (double)h.audit.failed);
	if (rc == 0 && di)
		rc = gauge(out, "hoso_http_connections_open", "gauge", "Open HTTP connections.",
		           (double)di->num_connections);
	if (rc == 0)
		rc = gauge(out, "hoso_http_workers_stuck", "gauge",
		           "Worker threads busy in one request for over 120 s.",
		           (double)http_workers_stuck(HTTP_STUCK_SECONDS));
	if (rc == 0 && app) {
		rc = metrics_family(out, "hoso_health_check", "gauge",
		                    "1 when a readiness check holds (as /api/health), else 0.");
		for (int i = 0; rc == 0 && i < HEALTH__MAX; i++) {
			const char *labels[2] = {"check", health_check_name((enum health_check)i)};

			rc = metrics_sample(out, "hoso_health_check", labels, 1, h.ok[i]);
		}
	}
	if (rc == 0 && app && app_stats(app, &st) == 0) {
		rc = gauge(out, "hoso_db_size_bytes", "gauge", "Size of the database file.",
		           (double)st.db_bytes);
		if (rc == 0)
			rc = gauge(out, "hoso_sessions_active", "gauge",
			           "Signed-in sessions neither idle nor expired.",
			           (double)st.sessions_active);
	}
	return rc;
}

int metrics_wanted(struct MHD_Connection *c, const char *method)
{
	return allowed(c) && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0);
}

int metrics_serve(struct MHD_Connection *c, const char *method, struct app *app)
{
	struct buf out = BUF_INIT((size_t)4 << 20);
	struct MHD_Response *resp;
	char *text;
	size_t len;
	enum MHD_Result ok;
	int rc;

	/* Not allowed: the answer of any path that is not there. */
	if (!allowed(c) || (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0))
		return http_send_error(c, HOSO_E_NOT_FOUND);
	if (current)
		current->route = (int)mx.nroutes + METRICS_ROUTE_METRICS;
	rc = write_requests(&out);
	if (rc == 0)
		rc = write_latency(&out);
	if (rc == 0)
		rc = write_server(&out, app);
	if (rc < 0 || !(text = buf_detach(&out, &len))) {
		buf_release(&out);
		return http_send_error(c, HOSO_E_NOMEM);
	}
	resp = MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(text);
		return MHD_NO;
	}
	http_security_headers(resp);
	metrics_response(resp, 200);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        "text/plain; version=0.0.4; charset=utf-8");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	ok = MHD_queue_response(c, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ok;
}
