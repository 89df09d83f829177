/*
 * app.c - opening the application context and the actor helpers.
 */
#include "app/app.h"

#include <csv.h>
#include <jansson.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "app/label.h"
#include "app/scope.h"
#include "cal/cal.h"
#include "core/buf.h"
#include "export/csv.h"
#include "store/store.h"
#include "vi/vi.h"

#include "core/banned.h"

_Static_assert((int)APP_CREATE == (int)STORE_CREATE && (int)APP_READONLY == (int)STORE_READONLY,
               "app_open passes its flags to store_open");

struct app {
	struct store *store;
	struct cal *cal;
	unsigned long cal_gen; /* cal_generation when cal was loaded */
	struct scope_cache *scope;
};

/* Bumped when this process changes the calendar table: every connection
 * reloads its calendar before next using it. */
static atomic_ulong cal_generation;

void app_calendar_changed(void)
{
	atomic_fetch_add(&cal_generation, 1);
}

void actor_system(struct actor *a, const char *purpose)
{
	memset(a, 0, sizeof(*a));
	a->roles = (1u << ROLE__MAX) - 1;
	a->clearance = CLEARANCE_TOP_SECRET;
	a->purpose = purpose;
	a->address = "cli";
}

int actor_has_role(const struct actor *a, enum role r)
{
	return r < ROLE__MAX && (a->roles & (1u << r)) != 0;
}

int app_reload_calendar(struct app *app)
{
	struct arena a;
	struct cal_entry_list rows;
	struct cal_entry *v = NULL;
	unsigned long gen = atomic_load(&cal_generation);
	int rc;

	arena_init(&a, (size_t)64 << 20);
	rc = store_cal_entries(app->store, &a, &rows);
	if (rc == 0 && rows.n) {
		v = arena_calloc(&a, rows.n, sizeof(*v));
		if (!v)
			rc = HOSO_E_NOMEM;
	}
	for (size_t i = 0; rc == 0 && i < rows.n; i++) {
		v[i].day = rows.v[i].day;
		v[i].name = rows.v[i].name;
		v[i].source = rows.v[i].source;
		rc = cal_entry_kind_parse(rows.v[i].kind, &v[i].kind);
	}
	if (rc == 0)
		rc = cal_set_entries(app->cal, v, rows.n);
	if (rc == 0)
		app->cal_gen = gen;
	arena_release(&a);
	return rc;
}

int app_open(const char *db_path, int flags, struct app **ret, struct err *e)
{
	struct app *app = calloc(1, sizeof(*app));
	int rc;

	*ret = NULL;
	if (!app || sodium_init() < 0) {
		free(app);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	rc = store_open(db_path, flags, &app->store, e);
	if (rc < 0) {
		free(app);
		return rc;
	}
	app->cal = cal_new();
	if (!app->cal) {
		app_close(app);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	rc = app_reload_calendar(app);
	if (rc < 0) {
		app_close(app);
		return err_set(e, rc, NULL, "Không nạp được lịch ngày nghỉ",
		               "Cannot load the holiday calendar");
	}
	*ret = app;
	return 0;
}

void app_close(struct app *app)
{
	if (!app)
		return;
	scope_cache_free(app->scope);
	cal_free(app->cal);
	store_close(app->store);
	free(app);
}

int app_latest_schema_version(void)
{
	return store_latest_schema_version();
}

void app_set_cache_kib(struct app *app, int kib)
{
	store_set_cache_kib(app->store, kib);
}

int app_ping(struct app *app, int *ret_schema)
{
	int v = store_schema_version(app->store);

	if (v < 0)
		return HOSO_E_DB;
	*ret_schema = v;
	return 0;
}

struct scope_cache *app_scope_cache(struct app *app)
{
	if (!app->scope)
		app->scope = calloc(1, app_scope_cache_size());
	return app->scope;
}

struct store *app_store(struct app *app)
{
	return app->store;
}

const struct cal *app_cal(struct app *app)
{
	/* Changed by another connection: reload (on failure the calendar
	 * stays as it was, and the next call tries again). */
	if (app->cal_gen != atomic_load(&cal_generation))
		app_reload_calendar(app);
	return app->cal;
}

/* Measure, then write into a buffer of the right size: json_dumpb's output
 * cannot fail part-way, so no key goes missing. */
char *app_json_dumps(const json_t *j, size_t flags)
{
	size_t n = j ? json_dumpb(j, NULL, 0, flags) : 0;
	char *text;

	if (n == 0 || !(text = malloc(n + 1)))
		return NULL;
	if (json_dumpb(j, text, n, flags) != n) {
		free(text);
		return NULL;
	}
	text[n] = '\0';
	return text;
}

/* ---- text as users type it ---- */

int app_one_of(const char *s, const char *const *list)
{
	for (; s && list && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int app_text_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

size_t app_text_chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* "Tiêu đề: tối đa 500 ký tự" - the limit as a person reads it. */
int app_text_too_long(struct err *e, const char *field, size_t max)
{
	const char *lv = label_vi(field), *le = label_en(field);

	if (lv)
		err_set(e, HOSO_E_TOO_BIG, field, "%s quá dài: tối đa %zu ký tự", NULL, lv, max);
	else
		err_set(e, HOSO_E_TOO_BIG, field, "Nội dung quá dài: tối đa %zu ký tự", NULL, max);
	if (e && le)
		err_en(e, "%s is too long: at most %zu characters", le, max);
	else if (e)
		err_en(e, "The text is too long: at most %zu characters", max);
	return HOSO_E_TOO_BIG;
}

int app_text_clean(struct arena *a, const char *in, const char *field, size_t max, const char **ret,
                   struct err *e)
{
	struct buf nfc = BUF_INIT(1 << 16), out = BUF_INIT(1 << 16);
	int rc, space = 0;

	*ret = NULL;
	if (app_text_blank(in))
		return 0;
	rc = vi_nfc(in, strlen(in), &nfc);
	if (rc < 0) {
		err_set(e, rc, field, "%s: %s", NULL, label_vi(field) ? label_vi(field) : field,
		        err_message_vi(rc));
		err_en(e, "%s: %s", label_en(field) ? label_en(field) : field, err_message_en(rc));
		goto out;
	}
	for (const char *p = nfc.buf; *p && rc == 0; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = out.len > 0;
			continue;
		}
		if (space)
			rc = buf_addch(&out, ' ');
		space = 0;
		if (rc == 0)
			rc = buf_addch(&out, *p);
	}
	if (rc == HOSO_E_NOMEM) {
		err_set(e, rc, field, NULL, NULL); /* not the text's fault */
		goto out;
	}
	if (rc < 0 || app_text_chars(out.buf, out.len) > max) {
		rc = app_text_too_long(e, field, max);
		goto out;
	}
	*ret = arena_strndup(a, out.buf, out.len);
	if (!*ret)
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
out:
	buf_release(&nfc);
	buf_release(&out);
	return rc;
}

int app_text_need(struct arena *a, const char *in, const char *field, size_t max, const char **ret,
                  const char *missing_vi, const char *missing_en, struct err *e)
{
	int rc = app_text_clean(a, in, field, max, ret, e);

	if (rc < 0 || *ret)
		return rc;
	err_set(e, HOSO_E_MISSING, field, "%s", NULL, missing_vi);
	if (e)
		err_en(e, "%s", missing_en);
	return HOSO_E_MISSING;
}

/* One quoted CSV field (NULL: empty); text a spreadsheet would evaluate as
 * a formula gets a leading '.  The CSV writer's own (export/csv.h). */
int app_csv_field(struct buf *out, const char *s)
{
	return csv_doc_field(out, s);
}
