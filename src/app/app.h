/*
 * app.h - the use cases of hoso.  Every entry point takes the acting user
 * (struct actor) so that scope, clearance and audit are enforced here, once,
 * for the CLI, the HTTP API and exports alike.
 *
 * struct app bundles what the use cases need: the store (one connection) and
 * the calendar loaded from it.  One struct app per thread.
 */
#ifndef HOSO_APP_H
#define HOSO_APP_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct store;
struct cal;

enum role {
	ROLE_ADMIN,   /* quản trị: users, structure, calendar */
	ROLE_OFFICER, /* chuyên viên: creates and edits records */
	ROLE_LEADER,  /* lãnh đạo: approves, concludes */
	ROLE_VIEWER,  /* xem */
	ROLE_AUDITOR, /* kiểm toán: reads the audit trail only */
	ROLE__MAX
};

enum clearance {
	CLEARANCE_NORMAL,     /* thường */
	CLEARANCE_SECRET,     /* mật */
	CLEARANCE_TOP_SECRET, /* tối mật */
	CLEARANCE__MAX
};

/*
 * Who acts, for what.  scope_org is the organisation whose subtree (as of
 * today) the actor sees; 0 means the whole tree (the local console).
 */
struct actor {
	int64_t user_id; /* 0: the local system (CLI run by the operator) */
	unsigned roles;  /* bit (1u << enum role) */
	int64_t scope_org;
	enum clearance clearance;
	const char *purpose; /* why: "import", "report", a break-the-glass reason */
	const char *address; /* where from: "cli", "127.0.0.1" */
};

/* The local operator at the console: every role, whole tree, top secret. */
void actor_system(struct actor *a, const char *purpose);
int actor_has_role(const struct actor *a, enum role r);

struct app;

/* Flags of app_open (the same bits as the store's). */
enum app_open_flags {
	APP_CREATE = 1 << 0,   /* create the file when missing */
	APP_READONLY = 1 << 1, /* open read-only (no migrations) */
};

/* Open the database (creating it when flags say so) and load the calendar. */
int app_open(const char *db_path, int flags, struct app **ret, struct err *e);
void app_close(struct app *app);
/* The schema version this program creates and migrates to. */
int app_latest_schema_version(void);
/* Cap this connection's page cache (KiB): the server gives each of its many
 * worker connections a small one. */
void app_set_cache_kib(struct app *app, int kib);

/* For the use-case files of src/app only. */
struct scope_cache;
struct scope_cache *app_scope_cache(struct app *app); /* NULL on OOM */
struct store *app_store(struct app *app);
const struct cal *app_cal(struct app *app);

/* A cheap read of the database (health checks): its schema version. */
int app_ping(struct app *app, int *ret_schema);

/* Reload the calendar after its yearly table changed. */
int app_reload_calendar(struct app *app);
/* The calendar table changed: every connection of this process reloads its
 * calendar on its next app_cal(). */
void app_calendar_changed(void);

/* 1 when s is one of the NULL-terminated list (NULL s or list: 0): the
 * closed sets of codes a field accepts. */
int app_one_of(const char *s, const char *const *list);
/* JSON text of j (free() it), or NULL when out of memory.  Use it in place
 * of json_dumps, which in jansson 2.14 ignores a failure to grow its
 * buffer while writing an object's key and then returns malformed JSON. */
struct json_t;
char *app_json_dumps(const struct json_t *j, size_t flags);
/* Text as users type it: 1 when s is NULL or only white space. */
int app_text_blank(const char *s);
/* One CSV field appended to out, quoted (NULL: empty); text a spreadsheet
 * would evaluate as a formula (=, +, -, @...) gets a leading '. */
struct buf;
int app_csv_field(struct buf *out, const char *s);
/* NFC, runs of white space collapsed to one space, trimmed; at most max
 * characters (Unicode code points, as a person counts them, not bytes).
 * *ret is NULL for blank input, else a copy in a.  Errors name field, and
 * their messages its label (app/label.h). */
struct arena;
int app_text_too_long(struct err *e, const char *field, size_t max);
/* Characters (code points) in the UTF-8 text s of len bytes. */
size_t app_text_chars(const char *s, size_t len);
int app_text_clean(struct arena *a, const char *in, const char *field, size_t max, const char **ret,
                   struct err *e);
/* The same for a text that is required: HOSO_E_MISSING naming field, with
 * the message missing_vi / missing_en, when it is blank. */
int app_text_need(struct arena *a, const char *in, const char *field, size_t max, const char **ret,
                  const char *missing_vi, const char *missing_en, struct err *e);

#endif
