/*
 * fuzz-name.c - libFuzzer target for src/vi/name.c, fold.c and collate.c:
 * splitting, normalising, search keys and sort keys of any bytes must not
 * crash or leak, and must agree with each other: the parts of a split name
 * rejoin to the name with its white space collapsed, a normalised name
 * normalises to itself, and a sort key has no NUL bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "vi/vi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The three parts, rejoined, have the words of the name and no empty part inside. */
static void check_split(const struct buf *f, const struct buf *m, const struct buf *g)
{
	if (g->len == 0 || (m->len && !f->len))
		abort();
	if (memchr(g->buf, ' ', g->len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf f = BUF_INIT(1 << 20), m = BUF_INIT(1 << 20), g = BUF_INIT(1 << 20);
	struct buf n = BUF_INIT(1 << 20), n2 = BUF_INIT(1 << 20), k = BUF_INIT(1 << 20);
	struct buf p = BUF_INIT(1 << 20);
	int r;

	r = vi_name_split(s, size, &f, &m, &g);
	if (r == 0) {
		check_split(&f, &m, &g);
		if (vi_person_sort_key(f.buf, m.buf, g.buf, &p) != 0 || memchr(p.buf, 0, p.len))
			abort();
	} else if (f.len || m.len || g.len) {
		abort();
	}
	r = vi_name_normalise(s, size, &n);
	if (r == 0) {
		if (vi_name_normalise(n.buf, n.len, &n2) == 0 &&
		    (n2.len != n.len || memcmp(n2.buf, n.buf, n.len) != 0))
			abort();
	} else if (n.len) {
		abort();
	}
	if (vi_search_key(s, size, &k) == 0) {
		size_t i;
		for (i = 0; i < k.len; i++)
			if (!((k.buf[i] >= 'a' && k.buf[i] <= 'z') ||
			      (k.buf[i] >= '0' && k.buf[i] <= '9') || k.buf[i] == ' '))
				abort();
	}
	if (vi_sort_key(s, size, &k) == 0 && memchr(k.buf, 0, k.len))
		abort();
	buf_release(&f);
	buf_release(&m);
	buf_release(&g);
	buf_release(&n);
	buf_release(&n2);
	buf_release(&k);
	buf_release(&p);
	return 0;
}
