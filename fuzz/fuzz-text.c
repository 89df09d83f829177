/*
 * fuzz-text.c - libFuzzer target for src/vi/text.c and fold.c: vi_check,
 * vi_nfc and vi_search_key must accept or refuse any bytes without crashing,
 * and what they produce must keep their promises: vi_nfc output is valid
 * UTF-8 and normalising it again changes nothing; a search key is only
 * [a-z0-9] words joined by single spaces.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "vi/vi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_search_key(const struct buf *k)
{
	size_t i;

	if (k->len && (k->buf[0] == ' ' || k->buf[k->len - 1] == ' '))
		abort();
	for (i = 0; i < k->len; i++) {
		char c = k->buf[i];

		if (c == ' ') {
			if (k->buf[i + 1] == ' ')
				abort();
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			abort();
		}
	}
	if (k->buf[k->len] != '\0')
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf out = BUF_INIT(1 << 20), again = BUF_INIT(1 << 20), key = BUF_INIT(1 << 20);
	int r, rn, rk;

	r = vi_check(s, size);
	if (r != 0 && r != HOSO_E_NOT_UTF8 && r != HOSO_E_LEGACY_ENCODING)
		abort();
	rn = vi_nfc(s, size, &out);
	if (rn != r && rn != HOSO_E_TOO_BIG)
		abort();
	if (rn == 0) {
		/* Valid UTF-8 (the legacy heuristic may see NFC differently from NFD). */
		r = vi_check(out.buf, out.len);
		if (r == HOSO_E_NOT_UTF8 || memchr(out.buf, 0, out.len))
			abort();
		if (vi_nfc(out.buf, out.len, &again) == 0 &&
		    (again.len != out.len || memcmp(again.buf, out.buf, out.len) != 0))
			abort();
	} else if (out.len != 0) {
		abort();
	}
	rk = vi_search_key(s, size, &key);
	if (rk == 0)
		check_search_key(&key);
	else if (key.len != 0 || (rk != HOSO_E_NOT_UTF8 && rk != HOSO_E_TOO_BIG))
		abort();
	buf_release(&out);
	buf_release(&again);
	buf_release(&key);
	return 0;
}
