/*
 * scope.h - who may see which organisation.  An actor sees the subtree of
 * its scope organisation as of today; the local system actor sees all.
 * Everything out of scope is reported as HOSO_E_NOT_FOUND, so that an
 * out-of-scope record is indistinguishable from a missing one.
 */
#ifndef HOSO_APP_SCOPE_H
#define HOSO_APP_SCOPE_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"

/* 1 when org_id is within who's scope as of today, 0 when not, or < 0. */
int scope_contains(struct app *app, const struct actor *who, int64_t org_id);

/* The structure changed (an organisation was created, moved, merged...):
 * every cached scope is rebuilt on its next use. */
void scope_changed(void);

/* Per-connection cache of one scope (struct app owns one); internal. */
struct scope_cache;
void scope_cache_free(struct scope_cache *c);
size_t app_scope_cache_size(void);

#endif
