/*
 * cmd-serve.c - "hoso serve [--listen ADDR:PORT] [--static DIR]
 * [--threads N]", with the connection limits and the trusted reverse
 * proxies (see http.h): the HTTP server (JSON API under /api/, the web UI's
 * files from DIR).  Each option's default is the configuration's setting
 * (listen, static, threads, max_connections, per_address, header_timeout,
 * idle_timeout, trusted_proxies, metrics_from: cli/config.h), else the
 * built-in one.  /metrics answers the addresses given (loopback by
 * default).  Under systemd with WatchdogSec= it pings the watchdog only
 * while the readiness checks hold (app/health.h).  Without a static directory
 * it serves the installed web UI (HOSO_WEBDIR, put there by `meson install`), or, run from a
 * checkout, the web/dist beside the build directory.  Stops cleanly on SIGTERM or Ctrl-C.
 */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include "app/health.h"
#include "cli/cli.h"
#include "cli/config.h"
#include "http/http.h"

#include "core/banned.h"

struct serve_ctx {
	const char *addr;
	const char *db;
	uint64_t watchdog_usec; /* 0: no watchdog */
};

/* One line on stderr when the server's health changes (key=value, like
 * the request lines). */
static void health_event(int ok, const struct err *e)
{
	if (ok)
		fprintf(stderr, "hoso: event=health status=ok\n");
	else
		fprintf(stderr, "hoso: event=health status=fail check=%s\n",
		        e->field.len ? e->field.buf : "database");
}

/*
 * systemd's watchdog: every half period, run the readiness checks on a
 * connection of its own and say WATCHDOG=1 only when they hold, so that a
 * server whose database or audit writer is stuck is restarted.  When they
 * fail, STATUS says which (systemctl status shows it).
 */
static void *watchdog_main(void *arg)
{
	const struct serve_ctx *x = arg;
	struct timespec half = {(time_t)(x->watchdog_usec / 2000000u),
	                        (long)(x->watchdog_usec / 2 % 1000000u) * 1000};
	struct app *app = NULL;
	int was_ok = 1;

	for (;;) {
		struct app_health h;
		struct err e;
		unsigned stuck;
		int ok;

		err_init(&e);
		if (!app && app_open(x->db, 0, &app, &e) < 0)
			app = NULL;
		ok = app && app_health(app, &h, &e) == 0;
		if (ok && (stuck = http_workers_stuck(HTTP_STUCK_SECONDS)) > 0)
			ok = http_stuck_error(stuck, &e) == 0;
		if (ok)
			sd_notify(0, was_ok ? "WATCHDOG=1" : "WATCHDOG=1\nSTATUS=Healthy again");
		else
			sd_notifyf(0, "STATUS=Không ổn / unhealthy: %s / %s", err_text_vi(&e),
			           err_text_en(&e));
		if (ok != was_ok)
			health_event(ok, &e);
		was_ok = ok;
		err_release(&e);
		nanosleep(&half, NULL);
	}
	return NULL;
}

static void ready(uint16_t port, void *arg)
{
	struct serve_ctx *x = arg;
	/* an IPv6 address in brackets, as in a URL */
	const char *l = strchr(x->addr, ':') ? "[" : "", *r = *l ? "]" : "";
	pthread_t t;

	printf("Đang phục vụ tại / serving at http://%s%s%s:%u/\n", l, x->addr, r, (unsigned)port);
	fflush(stdout);
	/* under systemd (Type=notify): ready once listening; elsewhere nothing */
	sd_notifyf(0, "READY=1\nSTATUS=Serving at http://%s%s%s:%u/", l, x->addr, r,
	           (unsigned)port);
	/* The thread inherits the stop signals blocked (http_serve's mask). */
	if (x->watchdog_usec && pthread_create(&t, NULL, watchdog_main, x) == 0)
		pthread_detach(t);
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

/* The numbers a server's limits take: the option's, else the
 * configuration's (whose ranges are the same). */
struct limits {
	const char *max, *per, *header, *idle;
};

static int limits_read(const struct limits *l, const struct hoso_conf *conf, struct http_opts *o)
{
	int64_t max = conf->max_connections, per = conf->per_address, header = conf->header_timeout,
	        idle = conf->idle_timeout;
	int rc;

	if ((l->max && (rc = cli_number("--max-connections", l->max, 32, 65536, &max)) != 0) ||
	    (l->per && (rc = cli_number("--per-address", l->per, 1, 10000, &per)) != 0) ||
	    (l->header && (rc = cli_number("--header-timeout", l->header, 1, 300, &header)) != 0) ||
	    (l->idle && (rc = cli_number("--idle-timeout", l->idle, 1, 3600, &idle)) != 0))
		return rc;
	o->max_connections = (unsigned)max;
	o->per_address = (unsigned)per;
	o->header_timeout_s = (unsigned)header;
	o->timeout_s = (unsigned)idle;
	return 0;
}

/* A list of the configuration's addresses ("127.0.0.1 ::1", or with
 * commas: trusted_proxies, metrics_from) as the server takes them, in a;
 * how many (at most max). */
static size_t conf_nets(const struct config_nets *nets, struct arena *a, const char **v, size_t max)
{
	const char *s = nets->text;
	size_t n = 0;

	while (s && *s && n < max) {
		size_t len;

		s += strspn(s, " \t,");
		len = strcspn(s, " \t,");
		if (len && (v[n] = arena_strndup(a, s, len)))
			n++;
		s += len;
	}
	return n;
}

static int serve(struct cli_sub *x, int argc, char **argv)
{
	/* each option's default is the configuration's (cli/config.h): the
	 * file's setting, else the built-in one */
	const struct hoso_conf *conf = x->c->conf;
	const char *listen = NULL, *static_dir = conf->static_dir, *threads_s = NULL;
	const char *proxies[CONFIG_NETS_MAX], *from[HTTP_METRICS_FROM_MAX];
	size_t nproxies = 0, nfrom = 0;
	struct limits l = {0};
	const struct cli_opt opts[] = {
	    {"--listen", &listen},
	    {"--static", &static_dir},
	    {"--threads", &threads_s},
	    {"--max-connections", &l.max},
	    {"--per-address", &l.per},
	    {"--header-timeout", &l.header},
	    {"--idle-timeout", &l.idle},
	    {"--trusted-proxy", .list = proxies, .count = &nproxies,
	     .max = sizeof(proxies) / sizeof(proxies[0])},
	    {"--metrics-from", .list = from, .count = &nfrom, .max = HTTP_METRICS_FROM_MAX},
	    {NULL}};
	struct http_opts o = {0};
	/* static: the watchdog thread may read it while the process exits */
	static struct serve_ctx ctx;
	struct config_listen at = conf->listen;
	char web[PATH_MAX];
	int64_t threads = conf->threads;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0)
		return rc;
	if (listen && config_listen_parse(listen, &x->a, &at) < 0)
		return cli_usage(x->cmd, "--listen cần dạng ĐỊA_CHỈ:CỔNG hoặc [IPv6]:CỔNG",
		                 "--listen takes ADDRESS:PORT or [IPv6]:PORT");
	if ((threads_s && (rc = cli_number("--threads", threads_s, 1, 64, &threads)) != 0) ||
	    (rc = limits_read(&l, conf, &o)) != 0)
		return rc;
	if (nproxies == 0)
		nproxies = conf_nets(&conf->trusted_proxies, &x->a, proxies,
		                     sizeof(proxies) / sizeof(proxies[0]));
	if (nfrom == 0)
		nfrom = conf_nets(&conf->metrics_from, &x->a, from, HTTP_METRICS_FROM_MAX);
	o.db = x->c->db;
	o.address = at.addr;
	o.port = at.port;
	if (!static_dir && !(static_dir = default_static(web, sizeof(web))))
		fprintf(stderr,
		        "hoso: không tìm thấy giao diện web (chỉ phục vụ API); dùng --static "
		        "THƯ_MỤC / no web UI found (serving the API only); use --static DIR\n");
	o.static_dir = static_dir;
	o.threads = (unsigned)threads;
	o.trusted_proxies = proxies;
	o.n_trusted_proxies = nproxies;
	o.metrics_from = from;
	o.nmetrics_from = nfrom;
	ctx.addr = at.addr;
	ctx.db = o.db;
	if (sd_watchdog_enabled(0, &ctx.watchdog_usec) <= 0)
		ctx.watchdog_usec = 0;
	o.ready = ready;
	o.arg = &ctx;
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
             "ADDR[/BITS]]... [--metrics-from ADDR[/BITS]]...",
    .help = "Máy chủ web và API / the web server and JSON API",
    .run = serve,
};
