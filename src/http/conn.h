/*
 * conn.h - the server's connection accounting: how many connections are
 * open in all and from each address (trusted proxies are not limited by
 * address: they carry many clients), the deadline by which a connection
 * must have sent a whole request head (a slow-loris that trickles a header
 * byte every few seconds keeps libmicrohttpd's idle timeout from ever
 * firing), and whether a new request must be refused with a 503 because
 * the server is nearly full.
 */
#ifndef HOSO_HTTP_CONN_H
#define HOSO_HTTP_CONN_H

#include <microhttpd.h>
#include <sys/socket.h>

#include "http/proxy.h"

struct conn_limits {
	unsigned max_connections; /* in all (libmicrohttpd refuses past it) */
	unsigned busy_at;         /* from this many open, new requests get a 503 */
	unsigned per_address;     /* from one address (not a trusted proxy) */
	unsigned header_timeout_s;
	unsigned idle_timeout_s;
	const struct proxy_net *trusted;
	size_t ntrusted;
};

struct conn_table;

/* A table for these limits (copied; trusted must outlive it), with its
 * reaper thread started; NULL when out of memory or threads. */
struct conn_table *conn_table_new(const struct conn_limits *l);
/* Stop the reaper and free the table (NULL is fine).  Call after the
 * daemon has stopped (every connection closed). */
void conn_table_free(struct conn_table *t);

/* libmicrohttpd's accept policy (cls: the table): MHD_NO for an address
 * that has per_address connections open already. */
enum MHD_Result conn_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen);
/* libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION (cls: the table). */
void conn_notify(void *cls, struct MHD_Connection *c, void **socket_context,
                 enum MHD_ConnectionNotificationCode code);

/* A request's head has arrived: its deadline is lifted.  1 when it must be
 * refused as busy (it is the connection's first request and busy_at
 * connections or more are open), else 0. */
int conn_request_begin(struct MHD_Connection *c);
/* A request is done: the connection may wait idle_timeout_s for the next
 * one, whose head must then be whole header_timeout_s later. */
void conn_request_end(struct MHD_Connection *c);

#endif
