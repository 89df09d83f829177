/*
 * config.c - the keys of hoso.conf in one table (name, kind, bounds,
 * default, what it is), each value validated into its typed field of
 * struct hoso_conf; which file is read, and what overrides it (config.h).
 * The syntax of the file is core/conf.c's.
 */
#include "cli/config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "core/conf.h"
#include "core/err.h"
#include "core/parse.h"

#include "core/banned.h"

#define CONFIG_ARENA_MAX ((size_t)8 << 20)

enum config_kind {
	KIND_PATH,   /* an absolute path */
	KIND_DIR,    /* an absolute path to a directory that exists */
	KIND_LISTEN, /* ADDR:PORT, [ADDR6]:PORT */
	KIND_NUMBER, /* an integer in [min, max] */
	KIND_NETS,   /* addresses and networks, separated by spaces or commas */
};

struct config_def {
	const char *name;
	enum config_kind kind;
	int64_t min, max;
	const char *def; /* the default as it would be written ("" none) */
	const char *vi, *en;
	size_t offset; /* of the typed field in struct hoso_conf */
};

#define FIELD(f) offsetof(struct hoso_conf, f)

static const struct config_def defs[CONFIG__MAX] = {
    [CONFIG_DB] = {"db", KIND_PATH, 0, 0, "hoso.db", "Tệp cơ sở dữ liệu (đường dẫn tuyệt đối)",
                   "The database file (an absolute path)", FIELD(db)},
    [CONFIG_LISTEN] = {"listen", KIND_LISTEN, 0, 0, "127.0.0.1:8080",
                       "Địa chỉ và cổng máy chủ web nghe (IPv4 ĐỊA_CHỈ:CỔNG hoặc [IPv6]:CỔNG)",
                       "The address and port the web server listens on (IPv4 ADDR:PORT or "
                       "[IPv6]:PORT)",
                       FIELD(listen)},
    [CONFIG_THREADS] = {"threads", KIND_NUMBER, 1, 64, "16", "Số luồng xử lý yêu cầu",
                        "Worker threads answering requests", FIELD(threads)},
    [CONFIG_STATIC] = {"static", KIND_DIR, 0, 0, "", "Thư mục giao diện web (mặc định: bản đã cài)",
                       "The web UI's directory (default: the installed one)", FIELD(static_dir)},
    [CONFIG_MAX_CONNECTIONS] = {"max_connections", KIND_NUMBER, 32, 65536, "2048",
                                "Số kết nối đồng thời tối đa", "The most connections open at once",
                                FIELD(max_connections)},
    [CONFIG_PER_ADDRESS] = {"per_address", KIND_NUMBER, 1, 10000, "64",
                            "Số kết nối tối đa từ một địa chỉ",
                            "The most connections from one address", FIELD(per_address)},
    [CONFIG_HEADER_TIMEOUT] = {"header_timeout", KIND_NUMBER, 1, 300, "10",
                               "Thời hạn nhận phần đầu của yêu cầu (giây)",
                               "Seconds a client has to send a request's headers",
                               FIELD(header_timeout)},
    [CONFIG_IDLE_TIMEOUT] = {"idle_timeout", KIND_NUMBER, 1, 3600, "30",
                             "Thời hạn đóng kết nối không hoạt động (giây)",
                             "Seconds before an idle connection is closed", FIELD(idle_timeout)},
    [CONFIG_TRUSTED_PROXIES] = {"trusted_proxies", KIND_NETS, 0, 0, "",
                                "Proxy tin cậy (địa chỉ IP hoặc CIDR) có tiêu đề X-Forwarded-* "
                                "được tin",
                                "Proxies (IP addresses or CIDR) whose X-Forwarded-* headers are "
                                "believed",
                                FIELD(trusted_proxies)},
    [CONFIG_METRICS_FROM] = {"metrics_from", KIND_NETS, 0, 0, "127.0.0.0/8 ::1",
                             "Địa chỉ được đọc /metrics (địa chỉ IP hoặc CIDR)",
                             "Addresses allowed to read /metrics (IP addresses or CIDR)",
                             FIELD(metrics_from)},
    [CONFIG_BACKUP_DIR] = {"backup_dir", KIND_PATH, 0, 0, "/var/lib/hoso/backups",
                           "Thư mục chứa bản sao lưu (đường dẫn tuyệt đối)",
                           "The directory backups are written to (an absolute path)",
                           FIELD(backup_dir)},
    [CONFIG_BACKUP_KEY] = {"backup_key", KIND_PATH, 0, 0, "",
                           "Tệp khóa mã hóa bản sao lưu (không có: không mã hóa)",
                           "The key file backups are encrypted with (none: not encrypted)",
                           FIELD(backup_key)},
    [CONFIG_KEEP_DAILY] = {"keep_daily", KIND_NUMBER, 0, 366, "7",
                           "Số bản sao lưu hằng ngày được giữ", "How many daily backups are kept",
                           FIELD(keep_daily)},
    [CONFIG_KEEP_WEEKLY] = {"keep_weekly", KIND_NUMBER, 0, 520, "4",
                            "Số bản sao lưu hằng tuần được giữ", "How many weekly backups are kept",
                            FIELD(keep_weekly)},
    [CONFIG_KEEP_MONTHLY] = {"keep_monthly", KIND_NUMBER, 0, 1200, "12",
                             "Số bản sao lưu hằng tháng được giữ",
                             "How many monthly backups are kept", FIELD(keep_monthly)},
};

const char *config_key_name(enum config_key k)
{
	return defs[k].name;
}

const char *config_key_default(enum config_key k)
{
	return defs[k].def;
}

const char *config_key_help_vi(enum config_key k)
{
	return defs[k].vi;
}

const char *config_key_help_en(enum config_key k)
{
	return defs[k].en;
}

static void *field(struct hoso_conf *c, enum config_key k)
{
	return (char *)c + defs[k].offset;
}

int config_listen_parse(const char *s, struct arena *a, struct config_listen *ret)
{
	const char *colon = strrchr(s, ':'), *addr_end = colon;
	const char *addr = s;
	unsigned char bin[16];
	int64_t port;
	char *host;

	if (!colon || parse_i64(colon + 1, strlen(colon + 1), 0, 65535, &port) < 0)
		return HOSO_E_INVALID;
	if (s[0] == '[') {
		if (colon == s || colon[-1] != ']')
			return HOSO_E_INVALID;
		addr = s + 1;
		addr_end = colon - 1;
	}
	if (!(host = arena_strndup(a, addr, (size_t)(addr_end - addr))))
		return HOSO_E_NOMEM;
	if (s[0] == '[' ? inet_pton(AF_INET6, host, bin) != 1 : inet_pton(AF_INET, host, bin) != 1)
		return HOSO_E_INVALID;
	ret->text = s;
	ret->addr = host;
	ret->family = s[0] == '[' ? AF_INET6 : AF_INET;
	ret->port = (uint16_t)port;
	return 0;
}

/* One address or network ("10.0.0.1", "10.0.0.0/8", "fd00::/8"). */
static int net_parse(const char *s, size_t len, struct arena *a, struct config_net *ret)
{
	const char *slash = memchr(s, '/', len);
	size_t alen = slash ? (size_t)(slash - s) : len;
	char *host = arena_strndup(a, s, alen);
	int64_t prefix;

	if (!host)
		return HOSO_E_NOMEM;
	memset(ret, 0, sizeof(*ret));
	if (inet_pton(AF_INET, host, ret->addr) == 1)
		ret->family = AF_INET;
	else if (inet_pton(AF_INET6, host, ret->addr) == 1)
		ret->family = AF_INET6;
	else
		return HOSO_E_INVALID;
	prefix = ret->family == AF_INET ? 32 : 128;
	if (slash && parse_i64(slash + 1, len - alen - 1, 0, prefix, &prefix) < 0)
		return HOSO_E_INVALID;
	ret->prefix = (unsigned)prefix;
	return 0;
}

static int nets_parse(const char *s, struct arena *a, struct config_nets *ret, const char **bad,
                      size_t *bad_len)
{
	struct config_net *v = arena_calloc(a, CONFIG_NETS_MAX, sizeof(*v));
	size_t n = 0;
	int rc;

	if (!v)
		return HOSO_E_NOMEM;
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, " \t,");

		if (len == 0) {
			p++;
			continue;
		}
		*bad = p;
		*bad_len = len;
		if (n >= CONFIG_NETS_MAX)
			return HOSO_E_TOO_BIG;
		if ((rc = net_parse(p, len, a, &v[n++])) < 0)
			return rc;
		p += len;
	}
	ret->text = s;
	ret->v = v;
	ret->n = n;
	return 0;
}

/* Print one error: "PATH:LINE: [code] vi / en". */
static void report(FILE *errs, const char *path, long line, int code, const char *vi,
                   const char *en)
{
	if (!errs)
		return;
	if (line > 0)
		fprintf(errs, "%s:%ld: [%s] %s / %s\n", path, line, err_name(code), vi, en);
	else
		fprintf(errs, "%s: [%s] %s / %s\n", path, err_name(code), vi, en);
}

/* Validate value s for key k into c; 0, or the error reported (its code). */
static int set_value(struct hoso_conf *c, enum config_key k, const char *s, char *vi, char *en,
                     size_t size)
{
	const struct config_def *d = &defs[k];
	struct stat st;
	int64_t n;
	int rc;

	if (!*s && d->kind != KIND_NETS) {
		snprintf(vi, size, "%s: thiếu giá trị", d->name);
		snprintf(en, size, "%s: the value is missing", d->name);
		return HOSO_E_MISSING;
	}
	switch (d->kind) {
	case KIND_PATH:
	case KIND_DIR:
		if (s[0] != '/' || strlen(s) >= PATH_MAX) {
			snprintf(vi, size, "%s: '%s' không phải đường dẫn tuyệt đối", d->name, s);
			snprintf(en, size, "%s: '%s' is not an absolute path", d->name, s);
			return HOSO_E_INVALID;
		}
		if (d->kind == KIND_DIR && (stat(s, &st) != 0 || !S_ISDIR(st.st_mode))) {
			snprintf(vi, size, "%s: '%s' không phải thư mục có sẵn", d->name, s);
			snprintf(en, size, "%s: '%s' is not an existing directory", d->name, s);
			return HOSO_E_NOT_FOUND;
		}
		*(const char **)field(c, k) = s;
		return 0;
	case KIND_LISTEN:
		if ((rc = config_listen_parse(s, &c->a, field(c, k))) < 0) {
			snprintf(vi, size, "%s: '%s' không có dạng ĐỊA_CHỈ:CỔNG hoặc [IPv6]:CỔNG",
			         d->name, s);
			snprintf(en, size, "%s: '%s' is not ADDRESS:PORT or [IPv6]:PORT", d->name,
			         s);
		}
		return rc;
	case KIND_NUMBER:
		if ((rc = parse_i64(s, strlen(s), d->min, d->max, &n)) < 0) {
			snprintf(vi, size, "%s: '%s' không phải số từ %lld đến %lld", d->name, s,
			         (long long)d->min, (long long)d->max);
			snprintf(en, size, "%s: '%s' is not a number from %lld to %lld", d->name, s,
			         (long long)d->min, (long long)d->max);
			return rc;
		}
		*(int64_t *)field(c, k) = n;
		return 0;
	case KIND_NETS: {
		const char *bad = s;
		size_t bad_len = 0;

		if ((rc = nets_parse(s, &c->a, field(c, k), &bad, &bad_len)) < 0) {
			snprintf(vi, size,
			         "%s: '%.*s' không phải địa chỉ IP hoặc mạng CIDR (tối đa %d)",
			         d->name, (int)bad_len, bad, CONFIG_NETS_MAX);
			snprintf(en, size,
			         "%s: '%.*s' is not an IP address or CIDR network (at most %d)",
			         d->name, (int)bad_len, bad, CONFIG_NETS_MAX);
		}
		return rc;
	}
	}
	return HOSO_E_INVALID;
}

void config_init(struct hoso_conf *c)
{
	memset(c, 0, sizeof(*c));
	arena_init(&c->a, CONFIG_ARENA_MAX);
	for (int k = 0; k < CONFIG__MAX; k++) {
		char vi[256], en[256];

		c->origin[k].from = CONFIG_FROM_DEFAULT;
		if (!*defs[k].def)
			continue;
		if (defs[k].kind == KIND_PATH || defs[k].kind == KIND_DIR)
			*(const char **)field(c, k) = defs[k].def; /* ./hoso.db is relative */
		else if (set_value(c, k, defs[k].def, vi, en, sizeof(vi)) < 0)
			abort(); /* a default the table itself refuses */
	}
}

void config_release(struct hoso_conf *c)
{
	arena_release(&c->a);
}

/* The errors of a file, kept to be printed in the order of its lines (the
 * syntax is checked before the values): at most LOAD_KEPT, all counted. */
#define LOAD_KEPT 1000

struct load_error {
	long line;
	int code;
	const char *vi, *en;
};

struct load {
	struct hoso_conf *c;
	const char *path;
	struct load_error *v;
	size_t n;
};

static int on_error(void *arg, long line, int code, const char *vi, const char *en)
{
	struct load *l = arg;

	if (l->v && l->n < LOAD_KEPT) {
		l->v[l->n].line = line;
		l->v[l->n].code = code;
		l->v[l->n].vi = arena_strdup(&l->c->a, vi);
		l->v[l->n].en = arena_strdup(&l->c->a, en);
	}
	l->n++;
	return 0;
}

static int by_line(const void *a, const void *b)
{
	const struct load_error *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

/* Print the errors kept, by line (a stable order: each line has one). */
static void print_errors(struct load *l, FILE *errs)
{
	size_t kept = l->n < LOAD_KEPT ? l->n : LOAD_KEPT;

	if (!errs || !l->v)
		return;
	qsort(l->v, kept, sizeof(*l->v), by_line);
	for (size_t i = 0; i < kept; i++)
		report(errs, l->path, l->v[i].line, l->v[i].code, l->v[i].vi ? l->v[i].vi : "",
		       l->v[i].en ? l->v[i].en : "");
	if (l->n > kept)
		fprintf(errs, "%s: ... (%zu lỗi nữa / %zu more errors)\n", l->path, l->n - kept,
		        l->n - kept);
}

/* The file path, NUL-terminated, in c's arena; NULL with the error
 * reported. */
static char *read_file(struct hoso_conf *c, struct load *l, size_t *ret_len)
{
	FILE *f = fopen(l->path, "rb");
	int saved = errno;
	char *text = NULL;
	size_t len = 0;

	if (f && (text = arena_alloc(&c->a, CONF_FILE_MAX + 2)))
		len = fread(text, 1, CONF_FILE_MAX + 1, f);
	if (!f || !text || ferror(f)) {
		char vi[512], en[512];

		if (f)
			saved = errno;
		snprintf(vi, sizeof(vi), "không đọc được tệp cấu hình (%s)", strerror(saved));
		snprintf(en, sizeof(en), "cannot read the configuration file (%s)",
		         strerror(saved));
		on_error(l, 0, HOSO_E_IO, vi, en);
		text = NULL;
	} else if (len > CONF_FILE_MAX) {
		on_error(l, 0, HOSO_E_TOO_BIG, "tệp cấu hình quá lớn",
		         "the configuration file is too big");
		text = NULL;
	}
	if (f)
		fclose(f);
	if (text)
		text[len] = '\0';
	*ret_len = len;
	return text;
}

size_t config_load(struct hoso_conf *c, const char *path, FILE *errs)
{
	struct load l = {c, path, NULL, 0};
	struct conf_entry *entries = NULL;
	size_t len, n = 0;
	char *text;

	c->path = arena_strdup(&c->a, path);
	l.v = arena_calloc(&c->a, LOAD_KEPT, sizeof(*l.v));
	if ((text = read_file(c, &l, &len)) &&
	    (entries = arena_calloc(&c->a, CONF_ENTRIES_MAX, sizeof(*entries))))
		conf_parse(text, len, entries, CONF_ENTRIES_MAX, &n, on_error, &l);
	for (size_t i = 0; entries && i < n; i++) {
		const struct conf_entry *e = &entries[i];
		char vi[512], en[512];
		int k, rc;

		for (k = 0; k < CONFIG__MAX; k++)
			if (strlen(defs[k].name) == e->key_len &&
			    memcmp(defs[k].name, e->key, e->key_len) == 0)
				break;
		if (k == CONFIG__MAX) {
			snprintf(vi, sizeof(vi), "Không có khóa cấu hình '%.*s'", (int)e->key_len,
			         e->key);
			snprintf(en, sizeof(en), "Unknown key '%.*s'", (int)e->key_len, e->key);
			on_error(&l, e->line, HOSO_E_UNKNOWN_FIELD, vi, en);
			continue;
		}
		/* the value NUL-terminated: the text is kept in the arena */
		((char *)e->value)[e->value_len] = '\0';
		if ((rc = set_value(c, k, e->value, vi, en, sizeof(vi))) < 0) {
			on_error(&l, e->line, rc, vi, en);
			continue;
		}
		c->origin[k].from = CONFIG_FROM_FILE;
		c->origin[k].line = e->line;
	}
	if (!l.v || (text && !entries))
		l.n++; /* out of memory: a failure too, not a pass */
	print_errors(&l, errs);
	c->failed = l.n > 0;
	return l.n;
}

size_t config_setup(struct hoso_conf *c, const char *config_opt, const char *db_opt, FILE *errs)
{
	const char *path = config_opt, *env_db = getenv("HOSO_DB");
	struct stat st;
	size_t n = 0;

	if (!path && (path = getenv("HOSO_CONFIG")) && !*path)
		path = NULL;
	if (!path && stat(HOSO_CONFIG_FILE, &st) == 0)
		path = HOSO_CONFIG_FILE;
	if (path)
		n = config_load(c, path, errs);
	if (db_opt) {
		c->db = db_opt;
		c->origin[CONFIG_DB].from = CONFIG_FROM_OPTION;
	} else if (env_db && *env_db) {
		c->db = env_db;
		c->origin[CONFIG_DB].from = CONFIG_FROM_ENV;
	}
	return n;
}

const char *config_value(struct hoso_conf *c, enum config_key k)
{
	const void *f = field(c, k);
	const char *s = NULL;

	switch (defs[k].kind) {
	case KIND_PATH:
	case KIND_DIR:
		s = *(const char *const *)f;
		break;
	case KIND_LISTEN:
		s = ((const struct config_listen *)f)->text;
		break;
	case KIND_NUMBER:
		s = arena_printf(&c->a, "%lld", (long long)*(const int64_t *)f);
		break;
	case KIND_NETS:
		s = ((const struct config_nets *)f)->text;
		break;
	}
	return s ? s : "";
}

const char *config_origin(struct hoso_conf *c, enum config_key k)
{
	switch (c->origin[k].from) {
	case CONFIG_FROM_FILE:
		return arena_printf(&c->a, "%s:%ld", c->path, c->origin[k].line);
	case CONFIG_FROM_ENV:
		return "môi trường / environment HOSO_DB";
	case CONFIG_FROM_OPTION:
		return "tùy chọn / option --db";
	case CONFIG_FROM_DEFAULT:
		break;
	}
	return "mặc định / default";
}
