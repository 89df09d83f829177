/* Unit tests for src/http/proxy.c: addresses, networks, forwarded headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <sys/socket.h>

#include "core/err.h"
#include "http/proxy.h"
#include "helpers.h"

static struct proxy_addr addr(const char *s)
{
	struct proxy_addr a;

	assert_int_equal(proxy_addr_parse(s, strlen(s), &a), 0);
	return a;
}

static struct proxy_net net(const char *s)
{
	struct proxy_net n;

	assert_int_equal(proxy_net_parse(s, strlen(s), &n), 0);
	return n;
}

static void test_addr_parse(void **state)
{
	static const char *const bad[] = {"",         "1.2.3",       "1.2.3.4.5",  "256.1.1.1",
	                                  "1.2.3.4 ", " 1.2.3.4",    "1.2.3.4:80", "[::1]",
	                                  "::1::2",   "example.org", "1.2.3.4/32", "fe80::1%eth0",
	                                  "01.2.3.4", "::g",         "1.2.3.4\n",  NULL};
	struct proxy_addr a;
	char buf[PROXY_ADDR_BUF];

	(void)state;
	a = addr("127.0.0.1");
	assert_int_equal(a.family, AF_INET);
	assert_string_equal(proxy_addr_format(&a, buf), "127.0.0.1");
	a = addr("2001:DB8::0:1");
	assert_int_equal(a.family, AF_INET6);
	assert_string_equal(proxy_addr_format(&a, buf), "2001:db8::1");
	/* an IPv4-mapped address is the IPv4 address */
	a = addr("::ffff:10.1.2.3");
	assert_int_equal(a.family, AF_INET);
	assert_string_equal(proxy_addr_format(&a, buf), "10.1.2.3");
	for (size_t i = 0; bad[i]; i++)
		assert_int_equal(proxy_addr_parse(bad[i], strlen(bad[i]), &a), HOSO_E_INVALID);
	/* a NUL inside, and a length past any address */
	assert_int_equal(proxy_addr_parse("1.2.3.4\0x", 9, &a), HOSO_E_INVALID);
	assert_int_equal(proxy_addr_parse("1111:2222:3333:4444:5555:6666:7777:8888:9999", 44, &a),
	                 HOSO_E_INVALID);
	assert_int_equal(
	    proxy_addr_parse("0000:0000:0000:0000:0000:0000:0000:0000:00000000", 48, &a),
	    HOSO_E_INVALID);
}

static void test_net(void **state)
{
	static const char *const bad[] = {
	    "10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/",    "10.0.0.0/-1", "10.0.0.0/+8",  "/8",
	    "::1/129",    "fd00::1/8",   "10.0.0.0/8/8", "10.0.0.0/ 8", "10.0.0.0/08x", NULL};
	struct proxy_net n;
	struct proxy_addr a;

	(void)state;
	n = net("10.0.0.0/8");
	assert_true(proxy_net_contains(&n, (a = addr("10.255.1.2"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("11.0.0.1"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("::ffff:11.0.0.1"), &a)));
	assert_true(proxy_net_contains(&n, (a = addr("::ffff:10.0.0.1"), &a)));
	n = net("192.168.1.128/25");
	assert_true(proxy_net_contains(&n, (a = addr("192.168.1.200"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("192.168.1.127"), &a)));
	n = net("127.0.0.1");
	assert_int_equal(n.bits, 32);
	assert_true(proxy_net_contains(&n, (a = addr("127.0.0.1"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("127.0.0.2"), &a)));
	n = net("0.0.0.0/0");
	assert_true(proxy_net_contains(&n, (a = addr("8.8.8.8"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("::1"), &a)));
	n = net("fd00::/8");
	assert_true(proxy_net_contains(&n, (a = addr("fdab::1"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("fe00::1"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("10.0.0.1"), &a)));
	n = net("2001:db8:0:2::/63");
	assert_true(proxy_net_contains(&n, (a = addr("2001:db8:0:3::5"), &a)));
	assert_false(proxy_net_contains(&n, (a = addr("2001:db8:0:4::5"), &a)));
	n = net("::1");
	assert_int_equal(n.bits, 128);
	for (size_t i = 0; bad[i]; i++)
		assert_int_equal(proxy_net_parse(bad[i], strlen(bad[i]), &n), HOSO_E_INVALID);
}

/* The client and https flag proxy_client finds, formatted. */
static const char *client(const char *peer, const char *xff, const char *xfp, int *https)
{
	static struct proxy_net nets[2];
	static char buf[PROXY_ADDR_BUF];
	struct proxy_addr p = addr(peer), c;

	nets[0] = net("127.0.0.1");
	nets[1] = net("10.0.0.0/8");
	proxy_client(nets, 2, &p, xff, xfp, &c, https);
	return proxy_addr_format(&c, buf);
}

static void test_forwarded(void **state)
{
	int https;

	(void)state;
	/* from an untrusted peer the headers are ignored */
	assert_string_equal(client("192.0.2.7", "203.0.113.9", "https", &https), "192.0.2.7");
	assert_int_equal(https, 0);
	/* from a trusted one: the right-most untrusted address */
	assert_string_equal(client("127.0.0.1", "203.0.113.9", "https", &https), "203.0.113.9");
	assert_int_equal(https, 1);
	assert_string_equal(client("127.0.0.1", "6.6.6.6, 203.0.113.9", "http", &https),
	                    "203.0.113.9");
	assert_int_equal(https, 0);
	/* a forged left part stays left; trusted hops are skipped */
	assert_string_equal(
	    client("127.0.0.1", "6.6.6.6,203.0.113.9 , 10.1.1.1,\t10.2.2.2", NULL, &https),
	    "203.0.113.9");
	assert_int_equal(https, 0);
	/* only trusted hops: the left-most of them */
	assert_string_equal(client("127.0.0.1", "10.1.1.1, 10.2.2.2", "HTTPS", &https), "10.1.1.1");
	assert_int_equal(https, 1);
	/* garbage ends the walk at the last good hop */
	assert_string_equal(client("127.0.0.1", "203.0.113.9, <script>", NULL, &https),
	                    "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "unknown, 10.2.2.2", NULL, &https), "10.2.2.2");
	assert_string_equal(client("127.0.0.1", "", NULL, &https), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", ",", NULL, &https), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "203.0.113.9:8080", NULL, &https), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "2001:db8::7", NULL, &https), "2001:db8::7");
	assert_string_equal(client("127.0.0.1", NULL, NULL, &https), "127.0.0.1");
	/* the right-most X-Forwarded-Proto counts */
	client("127.0.0.1", NULL, "https, http", &https);
	assert_int_equal(https, 0);
	client("127.0.0.1", NULL, "http, https ", &https);
	assert_int_equal(https, 1);
	client("127.0.0.1", NULL, "httpsx", &https);
	assert_int_equal(https, 0);
}

TEST_MAIN(cmocka_unit_test(test_addr_parse), cmocka_unit_test(test_net),
          cmocka_unit_test(test_forwarded))
