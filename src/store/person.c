/*
 * person.c - the store's side of persons, memberships and positions.  The
 * search and sort keys are built by src/app (with src/vi) and stored here;
 * triggers keep the FTS5 index (person_fts) in step with them.
 */
#include "store/storeInt.h"

#include <stdlib.h>
#include <string.h>

#include "core/banned.h"

/* The identifiers a person holds alone, and the statements that look for
 * their holders. */
static const struct identifier {
	const char *field, *vi, *en;
	enum stmt by, holders, dups;
} identifiers[] = {
    {"cccd", "Số CCCD", "Citizen ID", STMT_PERSON_BY_CCCD, STMT_PERSON_HOLDERS_CCCD,
     STMT_PERSON_DUP_CCCD},
    {"party_file_no", "Số lý lịch", "Party file number", STMT_PERSON_BY_PARTY_FILE,
     STMT_PERSON_HOLDERS_FILE, STMT_PERSON_DUP_FILE},
    {"party_card_no", "Số thẻ đảng viên", "Party card number", STMT_PERSON_BY_PARTY_CARD,
     STMT_PERSON_HOLDERS_CARD, STMT_PERSON_DUP_CARD},
};
#define NIDENTIFIERS (sizeof(identifiers) / sizeof(identifiers[0]))

static const struct identifier *identifier_find(const char *field)
{
	for (size_t i = 0; i < NIDENTIFIERS; i++)
		if (strcmp(field, identifiers[i].field) == 0)
			return &identifiers[i];
	return NULL;
}

static int read_person(struct db_stmt *st, struct arena *a, void *item)
{
	struct person_row *r = item;
	const void *k = db_blob(st, 22);
	int rc = store_cols(st, a, "IssssissssssssddssIiIs-I", &r->id, &r->full_name,
	                    &r->family_name, &r->middle_name, &r->given_name, &r->name_manual,
	                    &r->sex, &r->birth_date, &r->home_town, &r->residence, &r->ethnicity,
	                    &r->cccd, &r->party_file_no, &r->party_card_no, &r->admission_date,
	                    &r->full_member_date, &r->status, &r->management_level, &r->org_id,
	                    &r->confidentiality, &r->version, &r->search_key, &r->dup_of);

	r->sort_key_len = db_bytes(st, 22);
	if (rc == 0 && k && r->sort_key_len) {
		void *c = arena_alloc(a, r->sort_key_len);

		if (!c)
			return HOSO_E_NOMEM;
		memcpy(c, k, r->sort_key_len);
		r->sort_key = c;
	}
	return rc;
}

/* Bind the 22 data columns shared by INSERT and UPDATE. */
static int bind_person(struct db_stmt *st, const struct person_row *p)
{
	return store_bind(
	    st, "ssssissssssssddssrisbr", p->full_name, p->family_name ? p->family_name : "",
	    p->middle_name ? p->middle_name : "", p->given_name ? p->given_name : "",
	    p->name_manual ? 1 : 0, p->sex, p->birth_date, p->home_town, p->residence, p->ethnicity,
	    p->cccd, p->party_file_no, p->party_card_no, p->admission_date, p->full_member_date,
	    p->status, p->management_level, p->org_id, p->confidentiality, p->search_key,
	    p->sort_key ? p->sort_key : "", p->sort_key_len, p->dup_of);
}

/* Which unique identifier a constraint failure is about. */
static int duplicate_detail(struct store *s, const struct person_row *p, struct err *e)
{
	const char *vals[NIDENTIFIERS] = {p->cccd, p->party_file_no, p->party_card_no};

	for (size_t i = 0; i < NIDENTIFIERS; i++) {
		const struct identifier *id = &identifiers[i];
		int64_t other;

		if (vals[i] && store_person_find_by(s, id->field, vals[i], &other) == 0 &&
		    other != p->id) {
			err_set(e, HOSO_E_DUPLICATE, id->field, "%s %s đã có trong hồ sơ khác",
			        NULL, id->vi, vals[i]);
			return err_en(e, "%s %s is already on record", id->en, vals[i]);
		}
	}
	return err_set(e, HOSO_E_INVALID, NULL, NULL, NULL);
}

/* Run st, a person's INSERT or UPDATE bound by bind_person: a constraint
 * failure names the identifier another record holds. */
static int person_write(struct store *s, struct db_stmt *st, const struct person_row *p,
                        struct err *e)
{
	int rc = db_step(st);

	db_reset(st);
	if (rc == DB_DONE)
		return 0;
	if (rc == HOSO_E_DUPLICATE)
		return duplicate_detail(s, p, e);
	return err_set(e, db_rc(rc), NULL, NULL, NULL);
}

int store_person_insert(struct store *s, const struct person_row *p, int64_t *ret_id, struct err *e)
{
	struct db_stmt *st = store_stmt(s, STMT_PERSON_INSERT);
	int64_t id;
	int rc;

	if (!st || bind_person(st, p) < 0)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	if ((rc = person_write(s, st, p, e)) < 0)
		return rc;
	id = db_last_id(s->db);
	if (!s->defer_index &&
	    (rc = store_exec(s, STMT_PERSON_FTS_INSERT, "Is", id, p->search_key)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (ret_id)
		*ret_id = id;
	return 0;
}

int store_person_defer_index(struct store *s, int64_t *ret_mark)
{
	int rc = store_int(s, STMT_PERSON_MAX_ID, ret_mark, "");

	if (rc == 0)
		s->defer_index = 1;
	return rc;
}

int store_person_index_since(struct store *s, int64_t mark)
{
	s->defer_index = 0;
	return store_exec(s, STMT_PERSON_FTS_SINCE, "I", mark);
}

int store_person_bulk_begin(struct store *s)
{
	struct db_stmt *st = store_stmt(s, STMT_PERSON_BULK_SCHEMA);
	struct bulk_obj {
		char *sql, *drop;
	} *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!st || s->bulk_sql)
		return HOSO_E_DB;
	/* Read all first, drop after: the schema must not change under a read. */
	while ((rc = db_step(st)) == DB_ROW) {
		const char *type = db_text(st, 0);

		if (n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct bulk_obj *nv = realloc(v, nc * sizeof(*nv));

			if (!nv) {
				rc = HOSO_E_NOMEM;
				break;
			}
			v = nv;
			cap = nc;
		}
		v[n].sql = strdup(db_text(st, 2));
		v[n].drop = store_drop_sql(strcmp(type, "index") == 0 ? "INDEX" : "TRIGGER",
		                           db_text(st, 1), "");
		n++;
		if (!v[n - 1].sql || !v[n - 1].drop) {
			rc = HOSO_E_NOMEM;
			break;
		}
	}
	rc = db_rc(rc);
	db_reset(st);
	s->bulk_sql = calloc(n + 1, sizeof(*s->bulk_sql));
	if (!s->bulk_sql)
		rc = HOSO_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && db_exec(s->db, v[i].drop) < 0)
			rc = db_error(s->db);
		if (s->bulk_sql)
			s->bulk_sql[s->bulk_n++] = v[i].sql; /* kept for bulk_end */
		else
			free(v[i].sql);
		free(v[i].drop);
	}
	free(v);
	return rc;
}

int store_person_bulk_duplicates(struct store *s, int64_t mark, struct arena *a,
                                 struct person_dup **ret, size_t *ret_n)
{
	struct person_dup *v = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	for (size_t k = 0; rc == 0 && k < NIDENTIFIERS; k++) {
		struct db_stmt *st = store_stmt(s, identifiers[k].dups);
		const char *prev = NULL;
		int64_t first = 0;

		if (!st)
			return HOSO_E_DB;
		db_bind_int(st, 1, mark);
		while ((rc = db_step(st)) == DB_ROW) {
			const char *val = db_text(st, 0);
			int64_t id = db_int(st, 1);

			if (prev && val && strcmp(prev, val) == 0) {
				v = store_vec_grow(a, v, n, &cap, sizeof(*v));
				if (!v) {
					db_reset(st);
					return HOSO_E_NOMEM;
				}
				v[n].id = id;
				v[n].first_id = first;
				v[n].field = identifiers[k].field;
				n++;
			} else {
				prev = val ? arena_strdup(a, val) : NULL;
				first = id;
			}
		}
		rc = db_rc(rc);
		db_reset(st);
	}
	*ret = v;
	*ret_n = n;
	return rc;
}

int store_person_bulk_remove(struct store *s, int64_t id)
{
	int rc = store_exec(s, STMT_MEMBERSHIP_DELETE_PERSON, "I", id);

	return rc < 0 ? rc : store_exec(s, STMT_PERSON_DELETE, "I", id);
}

int store_person_bulk_end(struct store *s, int64_t mark)
{
	int rc = 0;

	/* The index builds sort; let SQLite sort on a second thread. */
	db_exec(s->db, "PRAGMA threads = 2");
	/* Indexes before triggers.  Each object is forgotten once created, so
	 * after a failure (a duplicate stopping a unique index) the caller can
	 * remove the offending rows and call again to finish the rest. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; rc == 0 && i < s->bulk_n; i++) {
			char *sql = s->bulk_sql[i];

			if (!sql || (strncmp(sql, "CREATE TRIGGER", 14) == 0) != pass)
				continue;
			if (db_exec(s->db, sql) < 0) {
				rc = db_error(s->db);
				break;
			}
			free(sql);
			s->bulk_sql[i] = NULL;
		}
	db_exec(s->db, "PRAGMA threads = 0");
	if (rc < 0)
		return rc;
	free(s->bulk_sql);
	s->bulk_sql = NULL;
	s->bulk_n = 0;
	return store_person_index_since(s, mark);
}

int store_person_update(struct store *s, const struct person_row *p, struct err *e)
{
	struct db_stmt *st = store_stmt(s, STMT_PERSON_UPDATE);
	int rc;

	if (!st || bind_person(st, p) < 0)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	db_bind_int(st, 23, p->id);
	db_bind_int(st, 24, p->version);
	if ((rc = person_write(s, st, p, e)) < 0)
		return rc;
	if (db_changes(s->db) == 0) {
		struct arena a;
		struct person_row cur;

		arena_init(&a, 1 << 20);
		rc = store_person_get(s, p->id, &a, &cur);
		arena_release(&a);
		if (rc == HOSO_E_NOT_FOUND)
			return err_set(e, HOSO_E_NOT_FOUND, NULL, NULL, NULL);
		return err_set(e, HOSO_E_CONFLICT, "version", NULL, NULL);
	}
	return 0;
}

int store_person_get(struct store *s, int64_t id, struct arena *a, struct person_row *ret)
{
	return store_row(s, STMT_PERSON_GET, a, sizeof(*ret), read_person, ret, "I", id);
}

int store_person_set_org(struct store *s, int64_t id, int64_t org_id)
{
	return store_exec(s, STMT_PERSON_SET_ORG, "Ir", id, org_id);
}

int store_person_find_by(struct store *s, const char *field, const char *value, int64_t *ret_id)
{
	const struct identifier *id = identifier_find(field);

	if (!id)
		return HOSO_E_INVALID;
	return store_int(s, id->by, ret_id, "s", value);
}

int store_person_list_by_org(struct store *s, int64_t org_id, size_t limit, size_t offset,
                             struct arena *a, struct person_list *ret)
{
	return store_rows(s, STMT_PERSON_LIST_BY_ORG, a, sizeof(*ret->v), read_person,
	                  (void **)&ret->v, &ret->n, "III", org_id, (int64_t)limit,
	                  (int64_t)offset);
}

int store_person_count_by_org(struct store *s, int64_t org_id, int64_t *ret)
{
	return store_int(s, STMT_PERSON_COUNT_BY_ORG, ret, "I", org_id);
}

int store_person_count(struct store *s, int64_t *ret)
{
	return store_int(s, STMT_PERSON_COUNT, ret, "");
}

int store_person_search_exact(struct store *s, const char *key, size_t limit, struct arena *a,
                              struct person_list *ret)
{
	return store_rows(s, STMT_PERSON_SEARCH_EXACT, a, sizeof(*ret->v), read_person,
	                  (void **)&ret->v, &ret->n, "sI", key, (int64_t)limit);
}

int store_person_search_fts(struct store *s, const char *match, size_t limit, struct arena *a,
                            struct person_list *ret)
{
	int rc;

	/* Prepared first: then HOSO_E_DB can only be the MATCH expression's. */
	if (!store_stmt(s, STMT_PERSON_SEARCH_FTS))
		return HOSO_E_DB;
	rc = store_rows(s, STMT_PERSON_SEARCH_FTS, a, sizeof(*ret->v), read_person,
	                (void **)&ret->v, &ret->n, "sI", match, (int64_t)limit);
	/* A malformed MATCH expression is the caller's input, not a db fault. */
	return rc == HOSO_E_DB ? HOSO_E_INVALID : rc;
}

struct id_range {
	int64_t lo, hi;
};

static int read_range(struct db_stmt *st, struct arena *a, void *item)
{
	struct id_range *r = item;

	return store_cols(st, a, "II", &r->lo, &r->hi);
}

int store_person_id_range(struct store *s, const char *orgs, int64_t *ret_lo, int64_t *ret_hi)
{
	struct id_range r = {0, 0};
	struct arena a;
	int rc;

	/* min() and max() of no rows are NULL, read as 0: no id is in [0, 0]. */
	arena_init(&a, 1 << 16);
	rc = store_row(s, STMT_PERSON_ID_RANGE, &a, sizeof(r), read_range, &r, "s", orgs);
	arena_release(&a);
	*ret_lo = r.lo;
	*ret_hi = r.hi;
	return rc;
}

/* The range [prefix, prefix~) holds every value starting with prefix
 * (identifiers are ASCII letters and digits, all below '~'); up: the same
 * in capitals.  HOSO_E_INVALID when prefix is empty or too long. */
static int id_range(const char *prefix, char hi[64], char up[64], char uphi[64])
{
	size_t n = strlen(prefix);

	if (n == 0 || n + 2 > 64)
		return HOSO_E_INVALID;
	for (size_t i = 0; i <= n; i++)
		up[i] = (char)(prefix[i] >= 'a' && prefix[i] <= 'z' ? prefix[i] - 32 : prefix[i]);
	memcpy(hi, prefix, n);
	memcpy(uphi, up, n);
	hi[n] = uphi[n] = '~';
	hi[n + 1] = uphi[n + 1] = '\0';
	return 0;
}

int store_person_search_ids(struct store *s, const char *prefix, size_t limit, struct arena *a,
                            struct person_list *ret)
{
	char hi[64], up[64], uphi[64];
	int rc = id_range(prefix, hi, up, uphi);

	if (rc < 0)
		return rc;
	return store_rows(s, STMT_PERSON_SEARCH_IDS, a, sizeof(*ret->v), read_person,
	                  (void **)&ret->v, &ret->n, "ssssI", prefix, hi, up, uphi, (int64_t)limit);
}

int store_person_search_exact_in(struct store *s, const char *key, int starts,
                                 const struct store_scope *in, size_t limit, struct arena *a,
                                 struct person_list *ret)
{
	size_t n = strlen(key);
	char *hi;

	/* Keys are [a-z0-9 ]: key + "\x01" follows key and precedes every
	 * longer key; key with its last byte raised follows all that start
	 * with key. */
	if (n == 0 || !(hi = arena_alloc(a, n + 2)))
		return n ? HOSO_E_NOMEM : HOSO_E_INVALID;
	memcpy(hi, key, n + 1);
	if (starts) {
		hi[n - 1]++;
	} else {
		hi[n] = '\x01';
		hi[n + 1] = '\0';
	}
	return store_rows(s, STMT_PERSON_SEARCH_EXACT_IN, a, sizeof(*ret->v), read_person,
	                  (void **)&ret->v, &ret->n, "ssiIs", key, in->orgs, in->clearance,
	                  (int64_t)limit, hi);
}

int store_person_search_fts_in(struct store *s, const char *match, const struct store_scope *in,
                               size_t limit, struct arena *a, struct person_list *ret)
{
	enum stmt which = in->scan ? STMT_PERSON_SEARCH_SCAN_IN : STMT_PERSON_SEARCH_FTS_IN;
	int rc;

	if (!store_stmt(s, which))
		return HOSO_E_DB;
	if (in->scan)
		rc = store_rows(s, which, a, sizeof(*ret->v), read_person, (void **)&ret->v,
		                &ret->n, "ssiI", match, in->orgs, in->clearance, (int64_t)limit);
	else
		rc = store_rows(s, which, a, sizeof(*ret->v), read_person, (void **)&ret->v,
		                &ret->n, "ssiIII", match, in->orgs, in->clearance, (int64_t)limit,
		                in->lo, in->hi);
	/* A malformed MATCH expression is the caller's input, not a db fault. */
	return rc == HOSO_E_DB ? HOSO_E_INVALID : rc;
}

int store_person_search_ids_in(struct store *s, const char *prefix, const struct store_scope *in,
                               size_t limit, struct arena *a, struct person_list *ret)
{
	char hi[64], up[64], uphi[64];
	int rc = id_range(prefix, hi, up, uphi);

	if (rc < 0)
		return rc;
	return store_rows(s, STMT_PERSON_SEARCH_IDS_IN, a, sizeof(*ret->v), read_person,
	                  (void **)&ret->v, &ret->n, "ssssIsi", prefix, hi, up, uphi,
	                  (int64_t)limit, in->orgs, in->clearance);
}

int store_membership_insert(struct store *s, const struct membership_row *m, int64_t *ret_id)
{
	return store_insert(s, STMT_MEMBERSHIP_INSERT, ret_id, "IIddss", m->person_id, m->org_id,
	                    m->valid_from, m->valid_to, m->status, m->note);
}

int store_membership_close(struct store *s, int64_t person_id, int32_t day)
{
	return store_exec(s, STMT_MEMBERSHIP_CLOSE, "Id", person_id, day);
}

static int read_membership(struct db_stmt *st, struct arena *a, void *item)
{
	struct membership_row *m = item;

	return store_cols(st, a, "IIIdess", &m->id, &m->person_id, &m->org_id, &m->valid_from,
	                  &m->valid_to, &m->status, &m->note);
}

int store_membership_of(struct store *s, int64_t person_id, struct arena *a,
                        struct membership_list *ret)
{
	return store_rows(s, STMT_MEMBERSHIP_OF, a, sizeof(*ret->v), read_membership,
	                  (void **)&ret->v, &ret->n, "I", person_id);
}

/* An open membership to move: whose, and its status. */
struct moving {
	int64_t person;
	const char *status;
};

static int read_moving(struct db_stmt *st, struct arena *a, void *item)
{
	struct moving *m = item;

	return store_cols(st, a, "Is", &m->person, &m->status);
}

int store_membership_move_all(struct store *s, int64_t from, int64_t to, int32_t day,
                              int64_t *ret_n)
{
	struct arena a;
	struct moving *v;
	size_t n;
	int rc;

	arena_init(&a, (size_t)1 << 30);
	rc = store_rows(s, STMT_MEMBERSHIP_OPEN_IN_ORG, &a, sizeof(*v), read_moving, (void **)&v,
	                &n, "I", from);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct membership_row m = {
		    .person_id = v[i].person,
		    .org_id = to,
		    .valid_from = day,
		    .valid_to = DATE_OPEN,
		    .status = v[i].status,
		};

		rc = store_membership_close(s, v[i].person, day);
		if (rc == 0)
			rc = store_membership_insert(s, &m, NULL);
		if (rc == 0)
			rc = store_person_set_org(s, v[i].person, to);
	}
	if (rc == 0 && ret_n)
		*ret_n = (int64_t)n;
	arena_release(&a);
	return rc;
}

int store_position_insert(struct store *s, const struct position_row *p, int64_t *ret_id)
{
	return store_insert(s, STMT_POSITION_INSERT, ret_id, "Irsdd", p->person_id, p->org_id,
	                    p->title, p->valid_from, p->valid_to);
}

static int read_position(struct db_stmt *st, struct arena *a, void *item)
{
	struct position_row *p = item;

	return store_cols(st, a, "IIIsde", &p->id, &p->person_id, &p->org_id, &p->title,
	                  &p->valid_from, &p->valid_to);
}

int store_position_of(struct store *s, int64_t person_id, struct arena *a,
                      struct position_list *ret)
{
	return store_rows(s, STMT_POSITION_OF, a, sizeof(*ret->v), read_position, (void **)&ret->v,
	                  &ret->n, "I", person_id);
}

static int read_count(struct db_stmt *st, struct arena *a, void *item)
{
	struct org_count *c = item;

	return store_cols(st, a, "II", &c->org_id, &c->n);
}

int store_member_counts(struct store *s, int32_t day, int max_conf, struct arena *a,
                        struct org_count **ret, size_t *ret_n)
{
	struct org_count *above = NULL;
	size_t nabove = 0;
	int rc = store_rows(s, STMT_MEMBER_COUNTS, a, sizeof(**ret), read_count, (void **)ret,
	                    ret_n, "d", day);

	/* Members above the reader's clearance are not theirs to count (few
	 * classified members: a short walk for each organisation of theirs). */
	if (rc == 0)
		rc = store_rows(s, STMT_MEMBER_COUNTS_ABOVE, a, sizeof(*above), read_count,
		                (void **)&above, &nabove, "di", day, max_conf);
	for (size_t k = 0; rc == 0 && k < nabove; k++)
		for (size_t i = 0; i < *ret_n; i++)
			if ((*ret)[i].org_id == above[k].org_id) {
				(*ret)[i].n -= above[k].n;
				break;
			}
	return rc;
}

int store_person_holders(struct store *s, const char *field, const char *value, struct arena *a,
                         struct id_list *ret)
{
	const struct identifier *id = identifier_find(field);

	if (!id)
		return HOSO_E_DB;
	return store_rows(s, id->holders, a, sizeof(*ret->v), store_read_id, (void **)&ret->v,
	                  &ret->n, "s", value);
}

int store_person_flagged(struct store *s, struct arena *a, struct person_list *ret)
{
	return store_rows(s, STMT_PERSON_FLAGGED, a, sizeof(*ret->v), read_person, (void **)&ret->v,
	                  &ret->n, "");
}
