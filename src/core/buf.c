/*
 * buf.c - growable byte buffer with a hard cap (see buf.h).
 */
#include "core/buf.h"
#include "core/err.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/banned.h"

char buf_empty[1];

void buf_init(struct buf *b, size_t max)
{
	b->buf = buf_empty;
	b->len = 0;
	b->alloc = 0;
	b->max = max ? max : BUF_MAX_DEFAULT;
}

void buf_release(struct buf *b)
{
	if (!b)
		return;
	if (b->alloc)
		free(b->buf);
	b->buf = buf_empty;
	b->len = 0;
	b->alloc = 0;
}

char *buf_detach(struct buf *b, size_t *ret_len)
{
	char *r;

	if (!b->alloc) {
		r = calloc(1, 1);
	} else {
		r = b->buf;
	}
	if (ret_len)
		*ret_len = b->len;
	b->buf = buf_empty;
	b->len = 0;
	b->alloc = 0;
	return r;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->buf[0] = '\0';
}

int buf_grow(struct buf *b, size_t extra)
{
	size_t need, nalloc;
	char *n;

	if (extra > b->max || b->len > b->max - extra)
		return HOSO_E_TOO_BIG;
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return 0;
	nalloc = b->alloc ? b->alloc : 64;
	while (nalloc < need)
		nalloc = nalloc > SIZE_MAX / 2 ? need : nalloc * 3 / 2 + 16;
	/* Never more than the cap allows (max + 1 for the NUL, unless that
	 * would wrap), and never less than what is needed. */
	if (b->max < SIZE_MAX && nalloc > b->max + 1)
		nalloc = b->max + 1;
	if (nalloc < need)
		nalloc = need;
	n = b->alloc ? realloc(b->buf, nalloc) : malloc(nalloc);
	if (!n)
		return HOSO_E_NOMEM;
	if (!b->alloc)
		n[0] = '\0';
	b->buf = n;
	b->alloc = nalloc;
	return 0;
}

int buf_add(struct buf *b, const void *data, size_t len)
{
	int r = buf_grow(b, len);

	if (r < 0)
		return r;
	if (len)
		memcpy(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_addch(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

int buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n, r;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return HOSO_E_INVALID;
	r = buf_grow(b, (size_t)n);
	if (r < 0)
		return r;
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return r;
}

void buf_setlen(struct buf *b, size_t len)
{
	if (!b->alloc || len >= b->alloc)
		return;
	b->len = len;
	b->buf[len] = '\0';
}
