/*
 * org.h - the temporal organisation tree: kinds, creation, rename, move
 * (transfer), merge, split, dissolve, the tree as of any date, ancestors,
 * subtrees, history, and where a vanished organisation's records go under a
 * later structure.  Organisations are never deleted: they end.
 */
#ifndef HOSO_APP_ORG_H
#define HOSO_APP_ORG_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

enum org_kind {
	ORG_KIND_PROVINCE, /* Đảng bộ tỉnh */
	ORG_KIND_DIRECT,   /* Đảng bộ trực thuộc (huyện, xã mới, khối...) */
	ORG_KIND_GRASSROOTS_COMMITTEE, /* Đảng bộ cơ sở */
	ORG_KIND_GRASSROOTS_CELL,      /* Chi bộ cơ sở */
	ORG_KIND_PARTIAL_COMMITTEE,    /* Đảng bộ bộ phận */
	ORG_KIND_CELL,                 /* Chi bộ trực thuộc */
	ORG_KIND_GROUP,                /* Tổ đảng */
	ORG_KIND__MAX
};

struct org_kind_info {
	const char *code; /* stored value: "dang_bo_tinh" */
	const char *vi;   /* "Đảng bộ tỉnh" */
	const char *en;   /* "Provincial Party Committee" */
	int level;        /* depth class: a parent's level is lower */
};

const struct org_kind_info *org_kind_info(enum org_kind k);
/* Accepts the code, or the Vietnamese name in any case/diacritics. */
int org_kind_parse(const char *s, enum org_kind *ret);
const char *org_kind_label(const char *code); /* Vietnamese name, or code */
/* The code sets "org_kind" ({code, name, name_en, level}) and
 * "succession" (rename, transfer, merge, split, dissolve). */
json_t *org_kind_codes_json(void);
json_t *org_succession_codes_json(void);

/* A new organisation. */
struct org_new {
	const char *code;
	const char *name;
	const char *kind;  /* code or Vietnamese name */
	int64_t parent_id; /* 0: a root (only for Đảng bộ tỉnh) */
	int32_t from;
	const char *document;
};

int org_create(struct app *app, const struct actor *who, const struct org_new *o, int64_t *ret_id,
               struct err *e);
/* The same inside the caller's transaction (for import). */
int org_create_nested(struct app *app, const struct actor *who, const struct org_new *o,
                      int64_t *ret_id, struct err *e);
int org_rename(struct app *app, const struct actor *who, int64_t id, const char *name, int32_t day,
               const char *document, struct err *e);
/* Transfer under another parent (chuyển). */
int org_move(struct app *app, const struct actor *who, int64_t id, int64_t new_parent, int32_t day,
             const char *document, struct err *e);
/*
 * Merge (hợp nhất / sáp nhập): the sources end on day; their children and
 * members move to the target, which is into (an existing live organisation,
 * not a source) or, when into is 0, a new organisation created from spec.
 */
int org_merge(struct app *app, const struct actor *who, const int64_t *sources, size_t n,
              int64_t into, const struct org_new *spec, int32_t day, const char *document,
              int64_t *ret_into, struct err *e);
/*
 * Split (chia tách): id ends on day; parts[] are created (their parent
 * defaults to id's parent); part main_part is the main successor.  Children
 * go where assign[] says (child id -> part index), else to the main part;
 * members go to the main part.  ret_ids (n entries) receives the new ids.
 */
struct org_assign {
	int64_t child;
	size_t part;
};
int org_split(struct app *app, const struct actor *who, int64_t id, const struct org_new *parts,
              size_t n, size_t main_part, const struct org_assign *assign, size_t nassign,
              int32_t day, const char *document, int64_t *ret_ids, struct err *e);
/*
 * Dissolve (giải thể): id ends on day.  With a receiver, children and
 * members move to it; without one, id must have neither.
 */
int org_dissolve(struct app *app, const struct actor *who, int64_t id, int64_t receiver,
                 int32_t day, const char *document, struct err *e);

/* One organisation as it was on day (DATE_OPEN: its latest version).
 * HOSO_E_NOT_FOUND when missing, out of scope, or not alive on day. */
int org_get(struct app *app, const struct actor *who, int64_t id, int32_t day, struct arena *a,
            struct org_row *ret, struct err *e);

/* 0 when organisation id, within the actor's scope, is alive today;
 * HOSO_E_NOT_FOUND naming field when it is not theirs to see;
 * HOSO_E_ORG_STATE when it has ended (the message names its successors)
 * or has not begun. */
int org_alive_today(struct app *app, const struct actor *who, int64_t id, const char *field,
                    struct err *e);

/* Find by code.  HOSO_E_NOT_FOUND (also when out of the actor's scope). */
int org_find(struct app *app, const struct actor *who, const char *code, int64_t *ret_id,
             struct err *e);

/* The tree on one date.  Nodes are in depth-first order (children sorted by
 * code), so printing them in order prints the tree. */
struct org_node {
	struct org_row row;
	int depth;
	int64_t members;       /* members of this organisation itself */
	int64_t members_total; /* including its whole subtree */
	size_t nchildren;
	size_t subtree_size; /* nodes in the subtree, itself included */
};
struct org_tree {
	int32_t day;
	struct org_node *nodes;
	size_t n;
	size_t counts_by_kind[ORG_KIND__MAX];
	int64_t members;
};
/* root 0: the whole tree (within the actor's scope). */
int org_tree_at(struct app *app, const struct actor *who, int32_t day, int64_t root,
                struct arena *a, struct org_tree *ret, struct err *e);

/*
 * The one walk up the tree: fn(o, arg) for organisation id itself, then for
 * each parent in turn, each as it was on day (DATE_OPEN: its latest
 * version).  An organisation not alive on day is HOSO_E_NOT_FOUND with
 * ORG_WALK_AT, and taken as it last was with ORG_WALK_OR_LAST (an ended
 * district is judged by where it last sat).  Stops when fn returns
 * non-zero (returned), at the root (0), or on a cycle in stored data
 * (HOSO_E_CYCLE).  Rows live in a.  No scope check: the caller's.
 */
enum org_walk { ORG_WALK_AT, ORG_WALK_OR_LAST };
int org_walk_up(struct app *app, int64_t id, int32_t day, enum org_walk how, struct arena *a,
                int (*fn)(const struct org_row *o, void *arg), void *arg);
/* 1 when organisation id is root or lies below it on day (org_walk_up's
 * rule for organisations not alive then), 0 when not, or < 0. */
int org_is_under(struct app *app, int64_t root, int64_t id, int32_t day, enum org_walk how);

/* Ancestors of id on day, root first, id itself last. */
int org_ancestors(struct app *app, const struct actor *who, int64_t id, int32_t day,
                  struct arena *a, struct org_list *ret, struct err *e);
/* Ids of id's subtree on day (id first). */
int org_subtree(struct app *app, const struct actor *who, int64_t id, int32_t day, struct arena *a,
                int64_t **ret, size_t *ret_n, struct err *e);

/* Versions and successions of one organisation. */
struct org_history {
	struct org_list versions;
	struct succession_list successions;
};
int org_history(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                struct org_history *ret, struct err *e);

/* The views the API and the CLI print alike (new references):
 * {"as_of", "organisations", "members", "nodes": [{"id", "code", "name",
 * "kind", "depth", "parent", "from", "members", "members_total",
 * "children" (how many)}]} in depth-first order; and one organisation's
 * history {"id", "code", "from", "to", "versions": [{"name", "kind",
 * "parent", "parent_code", "parent_name", "from", "to", "document"}],
 * "successions": [{"kind", "effective", "document", "links": [{"from",
 * "to", "main", "from_code", "from_name", "to_code", "to_name"}]}]}. */
json_t *org_tree_json(const struct org_tree *t);
json_t *org_history_json(struct app *app, const struct actor *who, int64_t id, const char *code,
                         const struct org_history *h, struct arena *a);

/*
 * Where records of organisation id belong under the structure of day: id
 * itself while it is alive on day, else its successor through the chain of
 * merges (the target), splits (the main successor) and dissolutions (the
 * receiver, or the parent it had).  HOSO_E_NOT_FOUND when id did not exist
 * yet on day.
 */
int org_map(struct app *app, const struct actor *who, int64_t id, int32_t day, int64_t *ret_id,
            struct err *e);
/* The same without the scope check, for other app modules that check the
 * scope of what they show (reports under a structure date). */
int org_map_any(struct app *app, int64_t id, int32_t day, int64_t *ret_id, struct err *e);

/*
 * Organisations alive today within the actor's scope whose name matches
 * query (ignoring case, diacritics, tone placement and i/y; each word the
 * start of a word of the name, in any order: "xa muong" finds "Xã Mường
 * Phăng") or whose code starts with it (any case).  The same name or code
 * first, then those that start so, then the rest; at most limit
 * (<= ORG_SEARCH_MAX; 0: 20).  An empty query finds nothing.  Rows live
 * in a.  org_hit_json: {"id", "code", "name", "kind", "kind_name",
 * "parent_id", "parent_code", "parent_name"} (a new reference).
 */
#define ORG_SEARCH_MAX 200
int org_search(struct app *app, const struct actor *who, const char *query, size_t limit,
               struct arena *a, struct org_hit_list *ret, struct err *e);
json_t *org_hit_json(const struct org_hit *h);

#endif
