/*
 * buf.h - a growable byte buffer with a hard cap.
 *
 * Modelled on git's strbuf: b->buf is never NULL and always NUL-terminated,
 * so it can be handed to C string functions at any time.  Every buffer has a
 * maximum size; an append that would pass it fails with HOSO_E_TOO_BIG and
 * leaves the buffer as it was.  Lifecycle: buf_init() allocates nothing,
 * buf_release() frees the contents, buf_detach() hands the storage to the
 * caller (who frees it with free()).
 */
#ifndef HOSO_BUF_H
#define HOSO_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *buf;
	size_t len;
	size_t alloc;
	size_t max; /* hard cap on len, bytes */
};

#define BUF_MAX_DEFAULT ((size_t)16 << 20)

extern char buf_empty[];
#define BUF_INIT(maxlen)                                                                           \
	{                                                                                          \
		.buf = buf_empty, .len = 0, .alloc = 0, .max = (maxlen)                            \
	}

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
char *buf_detach(struct buf *b, size_t *ret_len);
void buf_reset(struct buf *b);

/* All return 0, HOSO_E_NOMEM or HOSO_E_TOO_BIG; on failure b is unchanged. */
int buf_grow(struct buf *b, size_t extra);
int buf_add(struct buf *b, const void *data, size_t len);
int buf_adds(struct buf *b, const char *s);
int buf_addch(struct buf *b, char c);
int buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_setlen(struct buf *b, size_t len);

#endif
