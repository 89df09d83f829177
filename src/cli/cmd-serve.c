/*
 * cmd-serve.c - "hoso serve [--listen ADDR:PORT] [--static DIR]
 * [--threads N] [--metrics-from ADDR]..." (default 16 threads): the HTTP
 * server (JSON API under /api/, the web UI's files from DIR, /metrics for
 * the addresses given, loopback by default).  Without --static it serves
 * the installed web UI (HOSO_WEBDIR, put there by `meson install`), or, run
 * from a checkout, the web/dist beside the build directory.  Stops cleanly
 * on SIGTERM or Ctrl-C.  Under systemd with WatchdogSec= it pings the
 * watchdog only while the readiness checks hold (app/health.h).
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
#include "core/parse.h"
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
	pthread_t t;

	printf("Đang phục vụ tại / serving at http://%s:%u/\n", x->addr, (unsigned)port);
	fflush(stdout);
	/* under systemd (Type=notify): ready once listening; elsewhere nothing */
	sd_notifyf(0, "READY=1\nSTATUS=Serving at http://%s:%u/", x->addr, (unsigned)port);
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

static int serve(struct cli_sub *x, int argc, char **argv)
{
	const char *listen = "127.0.0.1:8080", *static_dir = NULL, *threads_s = NULL;
	const char *from[HTTP_METRICS_FROM_MAX];
	size_t nfrom = 0;
	const struct cli_opt opts[] = {
	    {"--listen", &listen},
	    {"--static", &static_dir},
	    {"--threads", &threads_s},
	    {"--metrics-from", .list = from, .count = &nfrom, .max = HTTP_METRICS_FROM_MAX},
	    {NULL}};
	struct http_opts o = {0};
	/* static: the watchdog thread may read it while the process exits */
	static struct serve_ctx ctx;
	char addr[64], web[PATH_MAX];
	const char *colon;
	int64_t port, threads = 0;
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
	o.db = x->c->db;
	o.address = addr;
	o.port = (uint16_t)port;
	if (!static_dir && !(static_dir = default_static(web, sizeof(web))))
		fprintf(stderr,
		        "hoso: không tìm thấy giao diện web (chỉ phục vụ API); dùng --static "
		        "THƯ_MỤC / no web UI found (serving the API only); use --static DIR\n");
	o.static_dir = static_dir;
	o.threads = (unsigned)threads;
	o.metrics_from = from;
	o.nmetrics_from = nfrom;
	ctx.addr = addr;
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
    .usage = "serve [--listen ADDR:PORT] [--static DIR] [--threads N] [--metrics-from ADDR]...",
    .help = "Máy chủ web và API / the web server and JSON API",
    .run = serve,
};
