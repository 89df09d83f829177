/*
 * static.c - the web UI's files: content types, caching, precompressed
 * variants (.br, .gz) when the client accepts them, and the single-page
 * app fallback (a path without an extension, or a missing file a browser
 * navigates to, serves index.html).
 */
#include "http/httpInt.h"
#include "http/metrics.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/banned.h"

static const struct {
	const char *ext, *type;
} types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".ttf", "font/ttf"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
};

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* Open dir/rel (+ suffix) as a regular file, never following a link. */
static int open_file(const char *dir, const char *rel, const char *suffix, struct stat *st)
{
	struct buf p = BUF_INIT(4096);
	int fd = -1;

	if (buf_addf(&p, "%s%s%s", dir, rel, suffix) == 0) {
		fd = open(p.buf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0 && (fstat(fd, st) != 0 || !S_ISREG(st->st_mode))) {
			close(fd);
			fd = -1;
		}
	}
	buf_release(&p);
	return fd;
}

static int accepts(const char *accept_encoding, const char *coding)
{
	const char *p = accept_encoding;
	size_t n = strlen(coding);

	while (p && (p = strstr(p, coding)) != NULL) {
		int start = p == accept_encoding || p[-1] == ' ' || p[-1] == ',';
		char after = p[n];

		if (start && (after == '\0' || after == ',' || after == ';' || after == ' '))
			return strncmp(p + n, ";q=0", 4) != 0 || p[n + 4] == '.';
		p += n;
	}
	return 0;
}

/* Opens rel, or its .br / .gz twin when the client accepts that coding. */
static int open_variant(const char *dir, const char *rel, const char *ae, struct stat *st,
                        const char **enc)
{
	int fd;

	*enc = NULL;
	if (ae && accepts(ae, "br") && (fd = open_file(dir, rel, ".br", st)) >= 0) {
		*enc = "br";
		return fd;
	}
	if (ae && accepts(ae, "gzip") && (fd = open_file(dir, rel, ".gz", st)) >= 0) {
		*enc = "gzip";
		return fd;
	}
	return open_file(dir, rel, "", st);
}

int static_serve(struct MHD_Connection *c, const char *dir, const char *path)
{
	const char *rel = strcmp(path, "/") == 0 ? "/index.html" : path;
	const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Encoding");
	const char *accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept");
	const char *enc = NULL, *last = strrchr(rel, '/');
	struct MHD_Response *resp;
	struct stat st;
	int fd = -1;
	enum MHD_Result ok;

	if (!route_path_ok(path))
		return http_send_error(c, HOSO_E_NOT_FOUND);
	/* Single-page app: "/persons/12" is a page, not a file. */
	if (!strchr(last ? last : rel, '.'))
		rel = "/index.html";
	fd = open_variant(dir, rel, ae, &st, &enc);
	/* A page whose name has a dot ("/orgs/DB.H01") asked for by a browser
	 * navigating (Accept: text/html) is a page too; a missing asset is not. */
	if (fd < 0 && strncmp(rel, "/assets/", 8) != 0 && accept && strstr(accept, "text/html")) {
		rel = "/index.html";
		fd = open_variant(dir, rel, ae, &st, &enc);
	}
	if (fd < 0)
		return http_send_error(c, HOSO_E_NOT_FOUND);
	resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!resp) {
		close(fd);
		return MHD_NO;
	}
	http_security_headers(resp);
	metrics_response(resp, MHD_HTTP_OK);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type_of(rel));
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
	if (enc)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, enc);
	/* Built assets carry a content hash in their name: cache them for good.
	 * Everything else (index.html) is revalidated. */
	MHD_add_response_header(
	    resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    strncmp(rel, "/assets/", 8) == 0 ? "public, max-age=31536000, immutable" : "no-cache");
	ok = MHD_queue_response(c, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ok;
}
