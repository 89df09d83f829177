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

#endif
