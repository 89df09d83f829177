/*
 * scope.c - scope checks (see scope.h).
 */
#include "app/scope.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/org.h"
#include "core/buf.h"
#include "store/store.h"

#include "core/banned.h"

/*
 * Checking scope is frequent (every candidate of a search, every record
 * read), so each connection caches, for the scope it last checked, the ids
 * of today's organisations in that subtree and of all organisations alive
 * today, both sorted.  The cache is rebuilt when the day changes, when this
 * process changes the structure (scope_changed), and at least every minute
 * (another process may have changed it).  An organisation not alive today
 * (ended, or not yet founded) is judged by walking its last parents.
 */
#define SCOPE_CACHE_SECONDS 60

static atomic_ulong scope_generation;

struct scope_cache {
	int64_t root;
	int32_t day;
	time_t built;
	unsigned long gen;
	int64_t *in; /* subtree of root, sorted */
	size_t nin;
	int64_t *all; /* alive today, sorted */
	size_t nall;
	char *json; /* in[] as a JSON array, made on first use (scope_orgs_json) */
	size_t json_len;
	unsigned long members_gen; /* lo..hi read at this scope_members_generation */
	int64_t lo, hi;            /* the ids of the subtree's members (scope_member_ids) */
};

static atomic_ulong members_generation = 1;

size_t app_scope_cache_size(void)
{
	return sizeof(struct scope_cache);
}

void scope_changed(void)
{
	atomic_fetch_add(&scope_generation, 1);
}

void scope_members_changed(void)
{
	atomic_fetch_add(&members_generation, 1);
}

void scope_cache_free(struct scope_cache *c)
{
	if (!c)
		return;
	free(c->in);
	free(c->all);
	free(c->json);
	free(c);
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

static int has(const int64_t *v, size_t n, int64_t id)
{
	return v && bsearch(&id, v, n, sizeof(*v), cmp_i64) != NULL;
}

/* (Re)build the cache for root; 0 or < 0 (then the caller walks). */
static int cache_build(struct scope_cache *c, struct store *s, int64_t root, int32_t day)
{
	struct arena a;
	struct org_list l;
	int64_t *all = NULL, *in = NULL;
	size_t nin = 0;
	int rc;

	arena_init(&a, (size_t)1 << 30);
	rc = store_org_all_at(s, day, &a, &l);
	if (rc == 0) {
		all = malloc((l.n + 1) * sizeof(*all));
		in = malloc((l.n + 1) * sizeof(*in));
		if (!all || !in)
			rc = HOSO_E_NOMEM;
	}
	if (rc == 0) {
		/* Breadth-first from root, children found through the list sorted
		 * by parent (pairs reuse in[]'s room: built before the walk). */
		struct pair {
			int64_t parent, id;
		} *by_parent = malloc((l.n + 1) * sizeof(*by_parent));

		if (!by_parent) {
			free(all);
			free(in);
			arena_release(&a);
			return HOSO_E_NOMEM;
		}
		for (size_t i = 0; i < l.n; i++) {
			all[i] = l.v[i].id;
			by_parent[i].parent = l.v[i].parent_id;
			by_parent[i].id = l.v[i].id;
		}
		qsort(all, l.n, sizeof(*all), cmp_i64);
		qsort(by_parent, l.n, sizeof(*by_parent), cmp_i64); /* parent is the first key */
		if (has(all, l.n, root))
			in[nin++] = root;
		for (size_t q = 0; q < nin; q++) {
			size_t lo = 0, hi = l.n;

			while (lo < hi) { /* first pair with parent >= in[q] */
				size_t mid = (lo + hi) / 2;

				if (by_parent[mid].parent < in[q])
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < l.n && by_parent[lo].parent == in[q] && nin < l.n; lo++)
				in[nin++] = by_parent[lo].id;
		}
		free(by_parent);
		qsort(in, nin, sizeof(*in), cmp_i64);
		free(c->in);
		free(c->all);
		free(c->json);
		c->json = NULL;
		c->members_gen = 0;
		c->in = in;
		c->nin = nin;
		c->all = all;
		c->nall = l.n;
		c->root = root;
		c->day = day;
		c->built = time(NULL);
		c->gen = atomic_load(&scope_generation);
	} else {
		free(all);
		free(in);
	}
	arena_release(&a);
	return rc;
}

static int scope_walk(struct app *app, const struct actor *who, int64_t org_id);

/* The connection's cache, made current for who's scope; NULL when it
 * cannot be (no memory, or the tree could not be read). */
static struct scope_cache *cache_for(struct app *app, const struct actor *who)
{
	struct scope_cache *c = app_scope_cache(app);
	int32_t today = date_today();

	if (c && (c->root != who->scope_org || c->day != today ||
	          c->gen != atomic_load(&scope_generation) ||
	          time(NULL) - c->built >= SCOPE_CACHE_SECONDS)) {
		if (cache_build(c, app_store(app), who->scope_org, today) < 0)
			c = NULL;
	}
	return c;
}

int scope_contains(struct app *app, const struct actor *who, int64_t org_id)
{
	struct scope_cache *c;

	if (who->scope_org == 0)
		return 1;
	if (org_id == 0)
		return 0;
	c = cache_for(app, who);
	if (c && has(c->in, c->nin, org_id))
		return 1;
	if (c && has(c->all, c->nall, org_id))
		return 0;
	return scope_walk(app, who, org_id);
}

/* The slow path: walk up the parents (organisations not alive today are
 * judged by where they last sat). */
static int scope_walk(struct app *app, const struct actor *who, int64_t org_id)
{
	if (who->scope_org == 0)
		return 1;
	if (org_id == 0)
		return 0;
	return org_is_under(app, who->scope_org, org_id, date_today(), ORG_WALK_OR_LAST) == 1;
}

/* c->in as a JSON array of ids, kept in the cache until it is rebuilt. */
static int cache_json(struct scope_cache *c)
{
	struct buf b = BUF_INIT((size_t)1 << 30);
	int rc = buf_addch(&b, '[');

	for (size_t i = 0; rc == 0 && i < c->nin; i++)
		rc = buf_addf(&b, i ? ",%lld" : "%lld", (long long)c->in[i]);
	if (rc == 0)
		rc = buf_addch(&b, ']');
	if (rc < 0) {
		buf_release(&b);
		return rc;
	}
	c->json = buf_detach(&b, &c->json_len);
	return c->json ? 0 : HOSO_E_NOMEM;
}

int scope_orgs_json(struct app *app, const struct actor *who, struct arena *a,
                    const char **ret_json, size_t *ret_n)
{
	struct scope_cache *c;
	char *copy;

	*ret_json = NULL;
	*ret_n = 0;
	if (who->scope_org == 0)
		return 0;
	if (!(c = cache_for(app, who)))
		return HOSO_E_NOMEM;
	if (!c->json && cache_json(c) < 0)
		return HOSO_E_NOMEM;
	if (!(copy = arena_alloc(a, c->json_len + 1)))
		return HOSO_E_NOMEM;
	memcpy(copy, c->json, c->json_len + 1);
	*ret_json = copy;
	*ret_n = c->nin;
	return 0;
}

int scope_member_ids(struct app *app, const struct actor *who, int64_t *ret_lo, int64_t *ret_hi)
{
	struct scope_cache *c;
	unsigned long gen = atomic_load(&members_generation);
	int rc;

	*ret_lo = 0;
	*ret_hi = INT64_MAX;
	if (who->scope_org == 0)
		return 0;
	if (!(c = cache_for(app, who)) || (!c->json && cache_json(c) < 0))
		return HOSO_E_NOMEM;
	if (c->members_gen != gen) {
		if ((rc = store_person_id_range(app_store(app), c->json, &c->lo, &c->hi)) < 0)
			return rc;
		c->members_gen = gen;
	}
	*ret_lo = c->lo;
	*ret_hi = c->hi;
	return 0;
}
