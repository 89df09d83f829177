/*
 * metrics.h - what the server tells its operator: a request id on every
 * response (X-Request-Id) and one log line per request on stderr, counters
 * by route pattern and status with a latency histogram, and GET /metrics
 * in Prometheus's text format (0.0.4) for the addresses allowed to read it.
 *
 * Counters are C11 atomics in one slot per (route, status): the request
 * path takes no lock.  Labels are route patterns ("/api/persons/{id}"),
 * never raw paths or query strings (names searched are personal data).
 */
#ifndef HOSO_HTTP_METRICS_H
#define HOSO_HTTP_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include <netinet/in.h>
#include <sys/socket.h>

#include "core/buf.h"
#include "core/err.h"
#include "http/http.h"

struct MHD_Connection;
struct MHD_Daemon;
struct MHD_Response;
struct app;

#define METRICS_ID_MAX   64 /* bytes of a request id */
#define METRICS_FROM_MAX HTTP_METRICS_FROM_MAX

/* ---- pure parts (unit-tested and fuzzed) ---- */

/* 1 when the len bytes at s may serve as a request id a client sent:
 * 1 to METRICS_ID_MAX of [A-Za-z0-9._-] (nothing a log line or a header
 * could be bent by). */
int metrics_request_id_ok(const char *s, size_t len);

/* An address or network a --metrics-from names: "127.0.0.1", "10.0.0.0/8",
 * "::1", "fd00::/8". */
struct metrics_net {
	int family; /* AF_INET or AF_INET6 */
	unsigned char addr[16];
	unsigned bits;
};
/* 0, or HOSO_E_INVALID (field "metrics-from") when s is not one. */
int metrics_net_parse(const char *s, struct metrics_net *ret, struct err *e);
/* 1 when the address sa is in n (an IPv4-mapped IPv6 address counts as
 * the IPv4 one). */
int metrics_net_match(const struct metrics_net *n, const struct sockaddr *sa);

/* Append s as a label value of the text format: \, " and newline escaped. */
int metrics_label_escape(struct buf *out, const char *s);
/* "# HELP name help\n# TYPE name type\n" */
int metrics_family(struct buf *out, const char *name, const char *type, const char *help);
/* One sample: name{k1="v1",...} value; labels is n pairs (name, value),
 * values escaped here. */
int metrics_sample(struct buf *out, const char *name, const char *const *labels, size_t n,
                   double value);

/* ---- the server's side ---- */

/* One request's record, kept by the server from its first byte to its end. */
struct metrics_req {
	uint64_t start_ns;
	const char *method; /* MHD's, lives as long as the request */
	int route;          /* index in http_routes, or a METRICS_ROUTE_* */
	int status;         /* the response's, 0 while none */
	int64_t user_id;    /* 0: not signed in */
	char id[METRICS_ID_MAX + 1];
};

/* Set up the counters and the addresses allowed to read /metrics (NULL, 0:
 * loopback only).  HOSO_E_INVALID naming the bad address. */
int metrics_init(const char *const *from, size_t nfrom, struct err *e);
/* The daemon whose connections /metrics counts. */
void metrics_set_daemon(struct MHD_Daemon *d);

/* This worker thread enters (1) or leaves (0) a call for a request: the
 * time it entered is kept in its slot (http_workers_stuck reads them). */
void metrics_busy(int busy);

/* A request begins (its first call): start its clock, take its id (the
 * client's X-Request-Id when valid, else a new random one). */
void metrics_begin(struct metrics_req *m, struct MHD_Connection *c, const char *method);
/* The request this thread works on now (each call of the handler). */
void metrics_enter(struct metrics_req *m);
/* The current request's route: index in http_routes. */
void metrics_route(struct metrics_req *m, int route);
void metrics_static(struct metrics_req *m);
/* A response is queued: the request id header added, its status kept. */
void metrics_response(struct MHD_Response *resp, int status);
/* The request is over: count it and log its line. */
void metrics_end(struct metrics_req *m);

/* GET /metrics: the text for an allowed address, else the same 404 as any
 * unknown path.  app: this thread's connection (NULL: database figures
 * left out). */
int metrics_serve(struct MHD_Connection *c, const char *method, struct app *app);
/* 1 when c's address may read /metrics with method (GET or HEAD); else
 * the path is answered as one that is not there. */
int metrics_wanted(struct MHD_Connection *c, const char *method);

/* The log line of a request, for the tests: "id=... method=... ..." */
int metrics_log_line(struct buf *out, const struct metrics_req *m, uint64_t dur_ns);

#endif
