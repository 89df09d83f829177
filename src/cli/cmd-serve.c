/*
 * cmd-serve.c - "hoso serve [--listen ADDR:PORT] [--static DIR]
 * [--threads N]" (default 16), with the connection limits and the trusted
 * reverse proxies (see http.h): the HTTP server (JSON API under /api/, the web UI's files
 * from DIR).  Without --static it serves the installed web UI (HOSO_WEBDIR,
 * put there by `meson install`), or, run from a checkout, the web/dist
 * beside the build directory.  Stops cleanly on SIGTERM or Ctrl-C.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include "cli/cli.h"
#include "core/parse.h"
#include "http/http.h"

#include "core/banned.h"

static void ready(uint16_t port, void *arg)
{
	const char *addr = arg;

	printf("Đang phục vụ tại / serving at http://%s:%u/\n", addr, (unsigned)port);
	fflush(stdout);
	/* under systemd (Type=notify): ready once listening; elsewhere nothing */
	sd_notifyf(0, "READY=1\nSTATUS=Serving at http://%s:%u/", addr, (unsigned)port);
}

static int has_index(const char *dir)
{
	char path[PATH_MAX];

	return snprintf(path, sizeof(path), "%s/index.html", dir) < (int)sizeof(path) &&
	       access(path, R_OK) == 0;
}

/* The web UI to serve when no --static is given: the installed one, else
 * the checkout's web/dist (the binary in <checkout>/build/), else none. */
static const char *default_static(char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	if (has_index(HOSO_WEBDIR))
		return HOSO_WEBDIR;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	if (snprintf(buf, size, "%s/../web/dist", exe) >= (int)size || !has_index(buf))
		return NULL;
	return buf;
}

static int serve(struct cli_sub *x, int argc, char **argv)
{
	const char *listen = "127.0.0.1:8080", *static_dir = NULL, *threads_s = NULL;
	const char *max_s = NULL, *per_s = NULL, *header_s = NULL, *idle_s = NULL;
	const char *proxies[16];
	size_t nproxies = 0;
	const struct cli_opt opts[] = {{"--listen", &listen},
	                               {"--static", &static_dir},
	                               {"--threads", &threads_s},
	                               {"--max-connections", &max_s},
	                               {"--per-address", &per_s},
	                               {"--header-timeout", &header_s},
	                               {"--idle-timeout", &idle_s},
	                               {"--trusted-proxy", .list = proxies, .count = &nproxies,
	                                .max = sizeof(proxies) / sizeof(proxies[0])},
	                               {NULL}};
	struct http_opts o = {0};
	char addr[64], web[PATH_MAX];
	const char *colon;
	int64_t port, threads = 0, max_conn = 0, per_address = 0, header_timeout = 0,
	              idle_timeout = 0;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0)
		return rc;
	colon = strrchr(listen, ':');
	if (!colon || (size_t)(colon - listen) >= sizeof(addr) ||
	    parse_i64(colon + 1, strlen(colon + 1), 0, 65535, &port) < 0)
		return cli_usage(x->cmd, "--listen cần dạng ĐỊA_CHỈ:CỔNG",
		                 "--listen takes ADDRESS:PORT");
	memcpy(addr, listen, (size_t)(colon - listen));
	addr[colon - listen] = '\0';
	if (threads_s && (rc = cli_number("--threads", threads_s, 1, 64, &threads)) != 0)
		return rc;
	if ((max_s && (rc = cli_number("--max-connections", max_s, 32, 65536, &max_conn)) != 0) ||
	    (per_s && (rc = cli_number("--per-address", per_s, 1, 65536, &per_address)) != 0) ||
	    (header_s &&
	     (rc = cli_number("--header-timeout", header_s, 1, 3600, &header_timeout)) != 0) ||
	    (idle_s && (rc = cli_number("--idle-timeout", idle_s, 1, 3600, &idle_timeout)) != 0))
		return rc;
	o.db = x->c->db;
	o.address = addr;
	o.port = (uint16_t)port;
	if (!static_dir && !(static_dir = default_static(web, sizeof(web))))
		fprintf(stderr,
		        "hoso: không tìm thấy giao diện web (chỉ phục vụ API); dùng --static "
		        "THƯ_MỤC / no web UI found (serving the API only); use --static DIR\n");
	o.static_dir = static_dir;
	o.threads = (unsigned)threads;
	o.max_connections = (unsigned)max_conn;
	o.per_address = (unsigned)per_address;
	o.header_timeout_s = (unsigned)header_timeout;
	o.timeout_s = (unsigned)idle_timeout;
	o.trusted_proxies = proxies;
	o.n_trusted_proxies = nproxies;
	o.ready = ready;
	o.arg = addr;
	rc = http_serve(&o, &x->err);
	sd_notify(0, "STOPPING=1");
	if (rc == 0)
		printf("Đã dừng / stopped\n");
	return rc;
}

const struct cmd_entry cmd_serve_entry = {
    .name = "serve",
    .usage = "serve [--listen ADDR:PORT] [--static DIR] [--threads N] [--max-connections N] "
             "[--per-address N] [--header-timeout S] [--idle-timeout S] [--trusted-proxy "
             "ADDR[/BITS]]...",
    .help = "Máy chủ web và API / the web server and JSON API",
    .run = serve,
};
