/*
 * fuzz-metrics.c - libFuzzer target for what src/http/metrics.c reads from
 * outside: a client's X-Request-Id and a --metrics-from address.  Any bytes
 * are judged without a crash; an id judged good is only [A-Za-z0-9._-]; an
 * address parsed has a prefix no longer than its family's; a label value
 * escaped holds no raw newline and no unescaped quote.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http/metrics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	struct metrics_net n;
	struct buf b = BUF_INIT(1 << 20);
	struct err e;

	if (!s)
		return 0;
	if (metrics_request_id_ok(s, size))
		for (size_t i = 0; i < size; i++)
			if (!strchr(
			        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-",
			        s[i]) ||
			    !s[i])
				abort();
	err_init(&e);
	if (metrics_net_parse(s, &n, &e) == 0 && n.bits > (n.family == AF_INET ? 32u : 128u))
		abort();
	err_release(&e);
	if (metrics_label_escape(&b, s) == 0)
		for (size_t i = 0; i < b.len; i++) {
			if (b.buf[i] == '\n')
				abort();
			if (b.buf[i] == '\\' && ++i < b.len && !strchr("\\\"n", b.buf[i]))
				abort();
			if (b.buf[i] == '"' && (i == 0 || b.buf[i - 1] != '\\'))
				abort();
		}
	buf_release(&b);
	free(s);
	return 0;
}
