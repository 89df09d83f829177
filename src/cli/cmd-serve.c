/*
 * cmd-serve.c - "hoso serve [--listen ADDR:PORT] [--static DIR]
 * [--threads N]": the HTTP server (JSON API under /api/, the web UI's files
 * from DIR).  Each option's default is the configuration's setting (listen,
 * static, threads: cli/config.h), else the built-in one (127.0.0.1:8080, 16
 * threads).  Without a static directory it serves the installed web UI
 * (HOSO_WEBDIR, put there by `meson install`), or, run from a checkout, the
 * web/dist beside the build directory.  Stops cleanly on SIGTERM or Ctrl-C.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "http/http.h"

#include "core/banned.h"

static void ready(uint16_t port, void *arg)
{
	const char *addr = arg;

	/* an IPv6 address in brackets, as in a URL */
	const char *l = strchr(addr, ':') ? "[" : "", *r = *l ? "]" : "";

	printf("Đang phục vụ tại / serving at http://%s%s%s:%u/\n", l, addr, r, (unsigned)port);
	fflush(stdout);
	/* under systemd (Type=notify): ready once listening; elsewhere nothing */
	sd_notifyf(0, "READY=1\nSTATUS=Serving at http://%s%s%s:%u/", l, addr, r, (unsigned)port);
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
	/* each option's default is the configuration's (cli/config.h): the
	 * file's setting, else the built-in one */
	const struct hoso_conf *conf = x->c->conf;
	const char *listen = NULL, *static_dir = conf->static_dir, *threads_s = NULL;
	const struct cli_opt opts[] = {
	    {"--listen", &listen}, {"--static", &static_dir}, {"--threads", &threads_s}, {NULL}};
	struct http_opts o = {0};
	struct config_listen at = conf->listen;
	char web[PATH_MAX];
	int64_t threads = conf->threads;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0)
		return rc;
	if (listen && config_listen_parse(listen, &x->a, &at) < 0)
		return cli_usage(x->cmd, "--listen cần dạng ĐỊA_CHỈ:CỔNG hoặc [IPv6]:CỔNG",
		                 "--listen takes ADDRESS:PORT or [IPv6]:PORT");
	if (threads_s && (rc = cli_number("--threads", threads_s, 1, 64, &threads)) != 0)
		return rc;
	/* The limits, trusted proxies and metrics addresses of the
	 * configuration (max_connections...) are wired at merge. */
	o.db = x->c->db;
	o.address = at.addr;
	o.port = at.port;
	if (!static_dir && !(static_dir = default_static(web, sizeof(web))))
		fprintf(stderr,
		        "hoso: không tìm thấy giao diện web (chỉ phục vụ API); dùng --static "
		        "THƯ_MỤC / no web UI found (serving the API only); use --static DIR\n");
	o.static_dir = static_dir;
	o.threads = (unsigned)threads;
	o.ready = ready;
	o.arg = (void *)at.addr;
	rc = http_serve(&o, &x->err);
	sd_notify(0, "STOPPING=1");
	if (rc == 0)
		printf("Đã dừng / stopped\n");
	return rc;
}

const struct cmd_entry cmd_serve_entry = {
    .name = "serve",
    .usage = "serve [--listen ADDR:PORT] [--static DIR] [--threads N]",
    .help = "Máy chủ web và API / the web server and JSON API",
    .run = serve,
};
