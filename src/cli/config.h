/*
 * config.h - hoso's configuration: the keys of hoso.conf, each validated
 * into a typed field of struct hoso_conf, and where each setting came from.
 *
 * Which file is read: --config FILE, else $HOSO_CONFIG, else
 * HOSO_CONFIG_FILE (<sysconfdir>/hoso/hoso.conf) when it exists.  A file
 * named (by the option or the environment) that cannot be read is an
 * error; so is any bad line, and every command stops on it.
 * Precedence: the command line, then the environment (HOSO_DB), then the
 * file, then the built-in default.
 */
#ifndef HOSO_CONFIG_H
#define HOSO_CONFIG_H

#include <stdint.h>
#include <stdio.h>

#include "core/arena.h"

/* Where `meson install` puts hoso.conf (meson.build defines it). */
#ifndef HOSO_CONFIG_FILE
#define HOSO_CONFIG_FILE "/etc/hoso/hoso.conf"
#endif

enum config_key {
	CONFIG_DB,
	CONFIG_LISTEN,
	CONFIG_THREADS,
	CONFIG_STATIC,
	CONFIG_MAX_CONNECTIONS,
	CONFIG_PER_ADDRESS,
	CONFIG_HEADER_TIMEOUT,
	CONFIG_IDLE_TIMEOUT,
	CONFIG_TRUSTED_PROXIES,
	CONFIG_METRICS_FROM,
	CONFIG_BACKUP_DIR,
	CONFIG_BACKUP_KEY,
	CONFIG_KEEP_DAILY,
	CONFIG_KEEP_WEEKLY,
	CONFIG_KEEP_MONTHLY,
	CONFIG__MAX
};

enum config_source {
	CONFIG_FROM_DEFAULT,
	CONFIG_FROM_FILE,
	CONFIG_FROM_ENV,
	CONFIG_FROM_OPTION,
};

/* "ADDR:PORT" (IPv4) or "[ADDR]:PORT" (IPv6); port 0: any free one. */
struct config_listen {
	const char *text; /* as written */
	const char *addr; /* without the brackets */
	int family;       /* AF_INET or AF_INET6 */
	uint16_t port;
};

/* An address or a network (CIDR) of trusted_proxies, metrics_from. */
struct config_net {
	int family;             /* AF_INET or AF_INET6 */
	unsigned char addr[16]; /* network byte order; 4 bytes for IPv4 */
	unsigned prefix;        /* 32 or 128 for an address */
};

#define CONFIG_NETS_MAX 64

struct config_nets {
	const char *text; /* as written ("" for none) */
	struct config_net *v;
	size_t n;
};

struct hoso_conf {
	/* Wired now: the global --db, and `hoso serve`'s options. */
	const char *db;              /* default ./hoso.db */
	struct config_listen listen; /* default 127.0.0.1:8080 */
	int64_t threads;             /* 1..64, default 16 */
	const char *static_dir;      /* NULL: the installed web UI, or a checkout's */
	/* Wired at merge (the HTTP server's limits, proxies and metrics). */
	int64_t max_connections; /* 16..100000 */
	int64_t per_address;     /* 1..10000 */
	int64_t header_timeout;  /* seconds, 1..300 */
	int64_t idle_timeout;    /* seconds, 1..3600 */
	struct config_nets trusted_proxies;
	struct config_nets metrics_from;
	/* Wired at merge (hoso backup and its timer). */
	const char *backup_dir; /* absolute */
	const char *backup_key; /* absolute; NULL: backups not encrypted */
	int64_t keep_daily;     /* 0..366 */
	int64_t keep_weekly;    /* 0..520 */
	int64_t keep_monthly;   /* 0..1200 */

	/* Where each setting came from (line: the file's, for FROM_FILE). */
	struct {
		enum config_source from;
		long line;
	} origin[CONFIG__MAX];
	const char *path; /* the file read, or NULL */
	int failed;       /* the file (path) could not be read or had errors */
	struct arena a;   /* the strings above */
};

/* The built-in defaults; config_release frees what is loaded later. */
void config_init(struct hoso_conf *c);
void config_release(struct hoso_conf *c);

/* The name of key k ("max_connections"), its default as text ("" when it
 * has none), and one line saying what it is (Vietnamese, English). */
const char *config_key_name(enum config_key k);
const char *config_key_default(enum config_key k);
const char *config_key_help_vi(enum config_key k);
const char *config_key_help_en(enum config_key k);

/* The value of k in c as text (what `hoso config show` prints), in c's
 * arena; "" when unset. */
const char *config_value(struct hoso_conf *c, enum config_key k);

/*
 * Read the file path into c: every line checked, each bad one printed on
 * errs (when not NULL) as "PATH:LINE: [code] vi / en", the good ones
 * stored.  Returns the number of errors (a file that cannot be read is
 * one), and sets c->path and c->failed.
 */
size_t config_load(struct hoso_conf *c, const char *path, FILE *errs);

/*
 * The global options: the file named by config_opt (--config, or NULL),
 * $HOSO_CONFIG or HOSO_CONFIG_FILE when it exists, loaded (config_load,
 * errors on errs); then the database: db_opt (--db, or NULL), $HOSO_DB, the
 * file's, the default.  Returns the number of errors.
 */
size_t config_setup(struct hoso_conf *c, const char *config_opt, const char *db_opt, FILE *errs);

/* Parse a listen address ("127.0.0.1:8080", "[::1]:8080") into *ret, its
 * strings in a.  0 or HOSO_E_INVALID. */
int config_listen_parse(const char *s, struct arena *a, struct config_listen *ret);

/* Where k came from, for `hoso config show`: "mặc định / default",
 * "PATH:LINE", "môi trường / environment HOSO_DB", "tùy chọn / option
 * --db"; in c's arena. */
const char *config_origin(struct hoso_conf *c, enum config_key k);

#endif
