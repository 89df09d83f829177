/*
 * proxy.h - client addresses behind a trusted reverse proxy: IP addresses
 * and networks (IPv4 and IPv6, "10.0.0.0/8", "fd00::/8", "127.0.0.1"), and
 * the X-Forwarded-For / X-Forwarded-Proto headers, believed only when the
 * TCP peer is a trusted proxy.  Pure functions: no request, no allocation
 * (fuzzed on their own: fuzz/fuzz-forwarded.c).
 */
#ifndef HOSO_HTTP_PROXY_H
#define HOSO_HTTP_PROXY_H

#include <stddef.h>

#define PROXY_ADDR_BUF 46 /* INET6_ADDRSTRLEN: a formatted address and its NUL */

/* An address: AF_INET (4 bytes used) or AF_INET6 (16).  An IPv4-mapped
 * IPv6 address (::ffff:a.b.c.d) is kept as the IPv4 address it maps. */
struct proxy_addr {
	int family;
	unsigned char b[16];
};

/* A network: an address and the number of leading bits that must match. */
struct proxy_net {
	struct proxy_addr addr;
	unsigned bits;
};

/* Parse len bytes of an address (no port, no brackets).  0, or
 * HOSO_E_INVALID when they are not one. */
int proxy_addr_parse(const char *s, size_t len, struct proxy_addr *ret);
/* The address from a socket address (struct sockaddr_in or _in6);
 * HOSO_E_INVALID for another family. */
int proxy_addr_from_sockaddr(const void *sa, struct proxy_addr *ret);
/* Format into buf (at least PROXY_ADDR_BUF bytes); returns buf. */
const char *proxy_addr_format(const struct proxy_addr *a, char *buf);
int proxy_addr_equal(const struct proxy_addr *a, const struct proxy_addr *b);

/* Parse "ADDR" or "ADDR/BITS" (bits up to 32 or 128; host bits must be 0).
 * 0, or HOSO_E_INVALID. */
int proxy_net_parse(const char *s, size_t len, struct proxy_net *ret);
/* 1 when a is in n (same family, its first n->bits bits equal). */
int proxy_net_contains(const struct proxy_net *n, const struct proxy_addr *a);
/* 1 when a is in one of the n networks. */
int proxy_trusted(const struct proxy_net *nets, size_t n, const struct proxy_addr *a);

/*
 * The client of a request whose TCP peer is peer.  When peer is trusted,
 * X-Forwarded-For (xff, may be NULL; several header lines joined by ',') is
 * read from the right: each trusted hop is skipped, the first untrusted
 * address is the client; an entry that is not an address ends the walk (the
 * last good hop is the client).  Otherwise the headers are ignored and the
 * client is peer.  *ret_https is 1 when peer is trusted and the right-most
 * value of X-Forwarded-Proto (xfp, may be NULL) is "https".
 */
void proxy_client(const struct proxy_net *nets, size_t n, const struct proxy_addr *peer,
                  const char *xff, const char *xfp, struct proxy_addr *ret_client, int *ret_https);

#endif
