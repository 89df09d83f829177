/*
 * health.h - is this server fit to serve: its database reachable, its
 * schema the one this program knows, the audit trail's writer alive.  The
 * same checks answer /api/health (readiness) and feed systemd's watchdog;
 * app_stats gives /metrics the figures that need the database.  Neither
 * reveals any record.
 */
#ifndef HOSO_APP_HEALTH_H
#define HOSO_APP_HEALTH_H

#include <stdint.h>

#include "app/app.h"
#include "app/audit.h"

enum health_check {
	HEALTH_DATABASE, /* a read of the database succeeds */
	HEALTH_SCHEMA,   /* its schema version is the program's */
	HEALTH_AUDIT,    /* the audit writer takes what is queued */
	HEALTH__MAX
};

struct app_health {
	int ok[HEALTH__MAX];
	int schema;       /* the database's (-1: unread) */
	int schema_known; /* this program's */
	struct audit_writer_stats audit;
};

/* Run every check (cheap: one PRAGMA read, no lock shared with requests).
 * 0 when all hold, else HOSO_E_BUSY with e naming the first that failed
 * (field: health_check_name) in Vietnamese and English. */
int app_health(struct app *app, struct app_health *ret, struct err *e);
/* The same when this thread could not open the database (open_rc: why):
 * HOSO_E_SCHEMA fails the schema check, anything else the database's. */
int app_health_unopened(int open_rc, struct app_health *ret, struct err *e);
/* "database", "schema", "audit". */
const char *health_check_name(enum health_check c);

struct app_stats {
	int64_t db_bytes;        /* the database file */
	int64_t sessions_active; /* sessions neither idle too long nor too old */
};
/* The figures /metrics shows that come from the database. */
int app_stats(struct app *app, struct app_stats *ret);

#endif
