/*
 * fuzz-forwarded.c - libFuzzer target for the trusted proxy's parsers
 * (http/proxy.c): proxy_addr_parse and proxy_net_parse must accept or
 * refuse any bytes without crashing, an accepted address must format and
 * re-parse to itself, a network must contain its own address; and
 * proxy_client must walk any X-Forwarded-For / -Proto to an address it
 * could have parsed, the peer's when the peer is not trusted.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/proxy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct proxy_addr a, b, peer, client;
	struct proxy_net nets[2];
	char buf[PROXY_ADDR_BUF], *text;
	int https;

	if (proxy_addr_parse((const char *)data, size, &a) == 0) {
		proxy_addr_format(&a, buf);
		if (proxy_addr_parse(buf, strlen(buf), &b) != 0 || !proxy_addr_equal(&a, &b))
			abort();
	}
	if (proxy_net_parse((const char *)data, size, &nets[0]) == 0 &&
	    !proxy_net_contains(&nets[0], &nets[0].addr))
		abort();
	/* the bytes as both headers, from a trusted peer and from another */
	if (!(text = malloc(size + 1)))
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	proxy_net_parse("127.0.0.1", 9, &nets[0]);
	proxy_net_parse("10.0.0.0/8", 10, &nets[1]);
	proxy_addr_parse("127.0.0.1", 9, &peer);
	proxy_client(nets, 2, &peer, text, text, &client, &https);
	if (!client.family || (https != 0 && https != 1))
		abort();
	proxy_addr_parse("192.0.2.1", 9, &peer);
	proxy_client(nets, 2, &peer, text, text, &client, &https);
	if (!proxy_addr_equal(&client, &peer) || https)
		abort();
	free(text);
	return 0;
}
