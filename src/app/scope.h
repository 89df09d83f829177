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

/*
 * The organisations in who's scope today, for a search that filters by
 * scope inside its query: *ret_json a JSON array of their ids ("[4,17]"),
 * a copy in a; *ret_n how many.  *ret_json is NULL (and *ret_n 0) when who
 * sees the whole tree.  0 or a negative code.  Organisations that are not
 * alive today are not listed (scope_contains judges them by where they
 * last sat): a person's current organisation is alive, since ending one
 * moves its members.
 */
struct arena;
int scope_orgs_json(struct app *app, const struct actor *who, struct arena *a,
                    const char **ret_json, size_t *ret_n);

/*
 * The lowest and highest id of the persons whose organisation is in who's
 * scope today (0 and INT64_MAX for the whole tree), kept with the cached
 * scope: a full-text search of a large scope reads only that range of its
 * index.  Cached until the scope is rebuilt (at least every minute) or
 * scope_members_changed; another process's transfer into the scope of an
 * older record reaches this range within a minute.
 */
int scope_member_ids(struct app *app, const struct actor *who, int64_t *ret_lo, int64_t *ret_hi);
/* Persons were added or moved between organisations (scope_member_ids). */
void scope_members_changed(void);

/* The structure changed (an organisation was created, moved, merged...):
 * every cached scope is rebuilt on its next use. */
void scope_changed(void);

/* Per-connection cache of one scope (struct app owns one); internal. */
struct scope_cache;
void scope_cache_free(struct scope_cache *c);
size_t app_scope_cache_size(void);

#endif
