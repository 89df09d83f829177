/*
 * proxy.c - addresses, networks and the forwarded headers of a trusted
 * reverse proxy (see proxy.h).
 */
#include "http/proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "core/err.h"
#include "core/parse.h"

#include "core/banned.h"

static const unsigned char v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

/* An IPv4-mapped IPv6 address becomes the IPv4 address it maps. */
static void unmap(struct proxy_addr *a)
{
	if (a->family == AF_INET6 && memcmp(a->b, v4_mapped, 12) == 0) {
		memmove(a->b, a->b + 12, 4);
		memset(a->b + 4, 0, 12);
		a->family = AF_INET;
	}
}

int proxy_addr_parse(const char *s, size_t len, struct proxy_addr *ret)
{
	char tmp[PROXY_ADDR_BUF];

	memset(ret, 0, sizeof(*ret));
	if (len == 0 || len >= sizeof(tmp) || memchr(s, '\0', len))
		return HOSO_E_INVALID;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (inet_pton(AF_INET, tmp, ret->b) == 1) {
		ret->family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, tmp, ret->b) == 1) {
		ret->family = AF_INET6;
		unmap(ret);
		return 0;
	}
	memset(ret, 0, sizeof(*ret));
	return HOSO_E_INVALID;
}

int proxy_addr_from_sockaddr(const void *sa, struct proxy_addr *ret)
{
	const struct sockaddr *s = sa;

	memset(ret, 0, sizeof(*ret));
	if (!s)
		return HOSO_E_INVALID;
	if (s->sa_family == AF_INET) {
		ret->family = AF_INET;
		memcpy(ret->b, &((const struct sockaddr_in *)sa)->sin_addr, 4);
		return 0;
	}
	if (s->sa_family == AF_INET6) {
		ret->family = AF_INET6;
		memcpy(ret->b, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
		unmap(ret);
		return 0;
	}
	return HOSO_E_INVALID;
}

const char *proxy_addr_format(const struct proxy_addr *a, char *buf)
{
	if (!a->family || !inet_ntop(a->family, a->b, buf, PROXY_ADDR_BUF)) {
		buf[0] = '?';
		buf[1] = '\0';
	}
	return buf;
}

int proxy_addr_equal(const struct proxy_addr *a, const struct proxy_addr *b)
{
	return a->family == b->family && memcmp(a->b, b->b, 16) == 0;
}

/* 1 when the first bits bits of x and y are equal. */
static int prefix_equal(const unsigned char *x, const unsigned char *y, unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;
	unsigned char mask = (unsigned char)(0xff << (8 - rest));

	if (memcmp(x, y, whole) != 0)
		return 0;
	return rest == 0 || ((x[whole] ^ y[whole]) & mask) == 0;
}

/* 1 for one to three decimal digits, nothing else (no sign, no space). */
static int all_digits(const char *s, size_t len)
{
	if (len == 0 || len > 3)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int proxy_net_parse(const char *s, size_t len, struct proxy_net *ret)
{
	const char *slash = memchr(s, '/', len);
	size_t alen = slash ? (size_t)(slash - s) : len;
	unsigned max;
	int64_t bits;
	static const unsigned char zero[16];

	memset(ret, 0, sizeof(*ret));
	if (proxy_addr_parse(s, alen, &ret->addr) < 0)
		return HOSO_E_INVALID;
	max = ret->addr.family == AF_INET ? 32 : 128;
	bits = max;
	if (slash && (!all_digits(slash + 1, len - alen - 1) ||
	              parse_i64(slash + 1, len - alen - 1, 0, max, &bits) < 0))
		goto bad;
	ret->bits = (unsigned)bits;
	/* host bits set ("10.0.0.1/8") are most likely a typing mistake */
	{
		unsigned char host[16];

		for (unsigned i = 0; i < 16; i++) {
			unsigned lo = i * 8;
			unsigned char keep = lo + 8 <= ret->bits ? 0xff
			                     : lo >= ret->bits
			                         ? 0
			                         : (unsigned char)(0xff << (8 - (ret->bits - lo)));

			host[i] = (unsigned char)(ret->addr.b[i] & ~keep);
		}
		if (memcmp(host, zero, 16) != 0)
			goto bad;
	}
	return 0;
bad:
	memset(ret, 0, sizeof(*ret));
	return HOSO_E_INVALID;
}

int proxy_net_contains(const struct proxy_net *n, const struct proxy_addr *a)
{
	return n->addr.family == a->family && prefix_equal(n->addr.b, a->b, n->bits);
}

int proxy_trusted(const struct proxy_net *nets, size_t n, const struct proxy_addr *a)
{
	for (size_t i = 0; i < n; i++)
		if (proxy_net_contains(&nets[i], a))
			return 1;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The last comma-separated element of s[0..*end), trimmed: its start, and
 * *end moved to the comma before it (or to -1 when it was the first). */
static const char *last_element(const char *s, long *end, size_t *ret_len)
{
	long e = *end, b = e;

	while (b > 0 && s[b - 1] != ',')
		b--;
	*end = b - 1;
	while (b < e && is_space(s[b]))
		b++;
	while (e > b && is_space(s[e - 1]))
		e--;
	*ret_len = (size_t)(e - b);
	return s + b;
}

void proxy_client(const struct proxy_net *nets, size_t n, const struct proxy_addr *peer,
                  const char *xff, const char *xfp, struct proxy_addr *ret_client, int *ret_https)
{
	long end;

	*ret_client = *peer;
	*ret_https = 0;
	if (!proxy_trusted(nets, n, peer))
		return;
	if (xfp) {
		size_t len;
		const char *v;

		end = (long)strlen(xfp);
		v = last_element(xfp, &end, &len);
		*ret_https = len == 5 && strncasecmp(v, "https", 5) == 0;
	}
	if (!xff)
		return;
	end = (long)strlen(xff);
	while (end >= 0) {
		struct proxy_addr a;
		size_t len;
		const char *v = last_element(xff, &end, &len);

		if (proxy_addr_parse(v, len, &a) < 0)
			return;
		*ret_client = a;
		if (!proxy_trusted(nets, n, &a))
			return;
	}
}
