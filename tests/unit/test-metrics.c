/* Unit tests for src/http/metrics.c: request ids a client may send, the
 * addresses --metrics-from names, and the text format's escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <arpa/inet.h>

#include "http/metrics.h"
#include "helpers.h"

static void test_request_id(void **state)
{
	char long_id[METRICS_ID_MAX + 2];

	(void)state;
	assert_true(metrics_request_id_ok("abc-123", 7));
	assert_true(metrics_request_id_ok("A.b_C-9", 7));
	assert_true(metrics_request_id_ok("5f0c1e2d3a4b5c6d", 16));
	assert_false(metrics_request_id_ok("", 0));
	assert_false(metrics_request_id_ok(NULL, 3));
	assert_false(metrics_request_id_ok("a b", 3));              /* would split key=value */
	assert_false(metrics_request_id_ok("a\nhoso: forged", 14)); /* a forged log line */
	assert_false(metrics_request_id_ok("a=b", 3));
	assert_false(metrics_request_id_ok("a\"b", 3));
	assert_false(metrics_request_id_ok("a\0b", 3));
	assert_false(metrics_request_id_ok("Nguyễn", strlen("Nguyễn")));
	memset(long_id, 'a', sizeof(long_id));
	assert_true(metrics_request_id_ok(long_id, METRICS_ID_MAX));
	assert_false(metrics_request_id_ok(long_id, METRICS_ID_MAX + 1));
}

static int match4(const struct metrics_net *n, const char *ip)
{
	struct sockaddr_in sa = {.sin_family = AF_INET};

	assert_int_equal(inet_pton(AF_INET, ip, &sa.sin_addr), 1);
	return metrics_net_match(n, (const struct sockaddr *)&sa);
}

static int match6(const struct metrics_net *n, const char *ip)
{
	struct sockaddr_in6 sa = {.sin6_family = AF_INET6};

	assert_int_equal(inet_pton(AF_INET6, ip, &sa.sin6_addr), 1);
	return metrics_net_match(n, (const struct sockaddr *)&sa);
}

static void test_net(void **state)
{
	struct metrics_net n;
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(metrics_net_parse("127.0.0.5", &n, &e), 0);
	assert_true(match4(&n, "127.0.0.5"));
	assert_false(match4(&n, "127.0.0.1"));
	assert_int_equal(metrics_net_parse("10.1.0.0/16", &n, &e), 0);
	assert_true(match4(&n, "10.1.255.3"));
	assert_false(match4(&n, "10.2.0.1"));
	assert_true(match6(&n, "::ffff:10.1.2.3")); /* IPv4-mapped */
	assert_false(match6(&n, "::1"));
	assert_int_equal(metrics_net_parse("192.168.1.0/25", &n, &e), 0);
	assert_true(match4(&n, "192.168.1.127"));
	assert_false(match4(&n, "192.168.1.128"));
	assert_int_equal(metrics_net_parse("0.0.0.0/0", &n, &e), 0);
	assert_true(match4(&n, "8.8.8.8"));
	assert_int_equal(metrics_net_parse("fd00::/8", &n, &e), 0);
	assert_true(match6(&n, "fd12::1"));
	assert_false(match6(&n, "fe80::1"));
	assert_false(match4(&n, "10.0.0.1"));
	assert_int_equal(metrics_net_parse("::1", &n, &e), 0);
	assert_true(match6(&n, "::1"));
	assert_false(metrics_net_match(&n, NULL));
	static const char *const bad[] = {"",           "/8",         "10.0.0.0/33", "::1/129",
	                                  "10.0.0.0/",  "10.0.0.0/x", "host.local",  "10.0.0",
	                                  "1.2.3.4/-1", "1.2.3.4 "};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&e);
		if (metrics_net_parse(bad[i], &n, &e) != HOSO_E_INVALID)
			fail_msg("'%s' taken as an address", bad[i]);
		assert_string_equal(e.field.buf, "metrics-from");
	}
	assert_int_equal(metrics_net_parse(NULL, &n, &e), HOSO_E_INVALID);
	err_release(&e);
}

static void test_escape(void **state)
{
	struct buf b = BUF_INIT(1024);
	const char *labels[] = {"route", "/a\\b\"c\nd", "code", "200"};

	(void)state;
	assert_int_equal(metrics_label_escape(&b, "plain {id} Đà"), 0);
	assert_string_equal(b.buf, "plain {id} Đà");
	buf_reset(&b);
	assert_int_equal(metrics_label_escape(&b, "a\\b\"c\nd"), 0);
	assert_string_equal(b.buf, "a\\\\b\\\"c\\nd");
	buf_reset(&b);
	assert_int_equal(metrics_sample(&b, "x_total", labels, 2, 3), 0);
	assert_string_equal(b.buf, "x_total{route=\"/a\\\\b\\\"c\\nd\",code=\"200\"} 3\n");
	buf_reset(&b);
	assert_int_equal(metrics_sample(&b, "x_seconds", NULL, 0, 0.25), 0);
	assert_string_equal(b.buf, "x_seconds 0.25\n");
	buf_reset(&b);
	assert_int_equal(metrics_sample(&b, "big", NULL, 0, 9007199254740992.0), 0);
	assert_string_equal(b.buf, "big 9007199254740992\n");
	buf_reset(&b);
	assert_int_equal(metrics_family(&b, "x_total", "counter", "Things."), 0);
	assert_string_equal(b.buf, "# HELP x_total Things.\n# TYPE x_total counter\n");
	buf_release(&b);
}

static void test_log_line(void **state)
{
	struct buf b = BUF_INIT(1024);
	struct metrics_req m = {.method = "GET", .route = -1, .status = 404, .user_id = 7};

	(void)state;
	memcpy(m.id, "abc", 4);
	assert_int_equal(metrics_log_line(&b, &m, 1500000), 0);
	assert_string_equal(
	    b.buf, "hoso: request id=abc method=GET route=other status=404 ms=1.500 user=7\n");
	buf_release(&b);
}

/* A worker in a call is counted as stuck once it has been there longer
 * than the bound (0 s here: at once); leaving the call clears it. */
static void test_stuck(void **state)
{
	struct err e;

	(void)state;
	assert_int_equal(http_workers_stuck(0), 0);
	metrics_busy(1);
	assert_int_equal(http_workers_stuck(0), 1);
	assert_int_equal(http_workers_stuck(3600), 0);
	metrics_busy(0);
	assert_int_equal(http_workers_stuck(0), 0);
	err_init(&e);
	assert_int_equal(http_stuck_error(2, &e), HOSO_E_BUSY);
	assert_string_equal(e.field.buf, "workers");
	assert_string_equal(err_text_vi(&e),
	                    "2 luồng xử lý bị treo quá 120 giây trong một yêu cầu");
	assert_string_equal(err_text_en(&e),
	                    "2 worker threads have been stuck in a request for over 120 s");
	err_release(&e);
}

TEST_MAIN(cmocka_unit_test(test_request_id), cmocka_unit_test(test_net),
          cmocka_unit_test(test_escape), cmocka_unit_test(test_log_line),
          cmocka_unit_test(test_stuck))
