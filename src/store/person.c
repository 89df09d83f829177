/*
 * person.c - the store's side of persons, memberships and positions.  The
 * search and sort keys are built by src/app (with src/vi) and stored here;
 * triggers keep the FTS5 index (person_fts) in step with them.
 */
#include "store/storeInt.h"

#include <stdlib.h>
#include <string.h>

#include "core/banned.h"

static int read_person(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct person_row *r = item;

	const void *k;

	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->full_name = store_col_text(st, 1, a);
	r->family_name = store_col_text(st, 2, a);
	r->middle_name = store_col_text(st, 3, a);
	r->given_name = store_col_text(st, 4, a);
	r->name_manual = sqlite3_column_int(st, 5);
	r->sex = store_col_text(st, 6, a);
	r->birth_date = store_col_text(st, 7, a);
	r->home_town = store_col_text(st, 8, a);
	r->residence = store_col_text(st, 9, a);
	r->ethnicity = store_col_text(st, 10, a);
	r->cccd = store_col_text(st, 11, a);
	r->party_file_no = store_col_text(st, 12, a);
	r->party_card_no = store_col_text(st, 13, a);
	r->admission_date = store_col_date(st, 14, DATE_NONE);
	r->full_member_date = store_col_date(st, 15, DATE_NONE);
	r->status = store_col_text(st, 16, a);
	r->management_level = store_col_text(st, 17, a);
	r->org_id = sqlite3_column_int64(st, 18);
	r->confidentiality = sqlite3_column_int(st, 19);
	r->version = sqlite3_column_int64(st, 20);
	r->search_key = store_col_text(st, 21, a);
	k = sqlite3_column_blob(st, 22);
	r->sort_key_len = (size_t)sqlite3_column_bytes(st, 22);
	r->dup_of = sqlite3_column_int64(st, 23);
	if (k && r->sort_key_len) {
		void *c = arena_alloc(a, r->sort_key_len);

		if (!c)
			return HOSO_E_NOMEM;
		memcpy(c, k, r->sort_key_len);
		r->sort_key = c;
	}
	if (!r->full_name || !r->status || !r->search_key)
		return HOSO_E_NOMEM;
	return 0;
}

static int read_person_list(sqlite3_stmt *st, struct arena *a, struct person_list *ret)
{
	return store_read_rows(st, a, sizeof(*ret->v), read_person, (void **)&ret->v, &ret->n);
}

/* Bind the 22 data columns shared by INSERT and UPDATE. */
static void bind_person(sqlite3_stmt *st, const struct person_row *p)
{
	store_bind_text(st, 1, p->full_name);
	store_bind_text(st, 2, p->family_name ? p->family_name : "");
	store_bind_text(st, 3, p->middle_name ? p->middle_name : "");
	store_bind_text(st, 4, p->given_name ? p->given_name : "");
	sqlite3_bind_int(st, 5, p->name_manual ? 1 : 0);
	store_bind_text(st, 6, p->sex);
	store_bind_text(st, 7, p->birth_date);
	store_bind_text(st, 8, p->home_town);
	store_bind_text(st, 9, p->residence);
	store_bind_text(st, 10, p->ethnicity);
	store_bind_text(st, 11, p->cccd);
	store_bind_text(st, 12, p->party_file_no);
	store_bind_text(st, 13, p->party_card_no);
	store_bind_date(st, 14, p->admission_date);
	store_bind_date(st, 15, p->full_member_date);
	store_bind_text(st, 16, p->status);
	store_bind_text(st, 17, p->management_level);
	store_bind_id(st, 18, p->org_id);
	sqlite3_bind_int(st, 19, p->confidentiality);
	store_bind_text(st, 20, p->search_key);
	sqlite3_bind_blob(st, 21, p->sort_key ? p->sort_key : "", (int)p->sort_key_len,
	                  SQLITE_STATIC);
	store_bind_id(st, 22, p->dup_of);
}

/* Which unique identifier a constraint failure is about. */
static int duplicate_detail(struct store *s, const struct person_row *p, struct err *e)
{
	static const struct {
		const char *field, *vi, *en;
	} ids[] = {
	    {"cccd", "Số CCCD", "Citizen ID"},
	    {"party_file_no", "Số lý lịch", "Party file number"},
	    {"party_card_no", "Số thẻ đảng viên", "Party card number"},
	};
	const char *vals[] = {p->cccd, p->party_file_no, p->party_card_no};

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		int64_t other;

		if (vals[i] && store_person_find_by(s, ids[i].field, vals[i], &other) == 0 &&
		    other != p->id) {
			err_set(e, HOSO_E_DUPLICATE, ids[i].field, "%s %s đã có trong hồ sơ khác",
			        NULL, ids[i].vi, vals[i]);
			return err_en(e, "%s %s is already on record", ids[i].en, vals[i]);
		}
	}
	return err_set(e, HOSO_E_INVALID, NULL, NULL, NULL);
}

int store_person_insert(struct store *s, const struct person_row *p, int64_t *ret_id, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_INSERT);
	int64_t id;
	int rc;

	if (!st)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	bind_person(st, p);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			return duplicate_detail(s, p, e);
		return err_set(e, store_rc(rc), NULL, NULL, NULL);
	}
	id = sqlite3_last_insert_rowid(s->db);
	if (s->defer_index) {
		if (ret_id)
			*ret_id = id;
		return 0;
	}
	st = store_stmt(s, STMT_PERSON_FTS_INSERT);
	if (!st)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, p->search_key);
	rc = store_exec_stmt(st);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (ret_id)
		*ret_id = id;
	return 0;
}

int store_person_defer_index(struct store *s, int64_t *ret_mark)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_MAX_ID);
	int rc;

	if (!st)
		return HOSO_E_DB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*ret_mark = sqlite3_column_int64(st, 0);
		s->defer_index = 1;
		rc = 0;
	} else {
		rc = store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_person_index_since(struct store *s, int64_t mark)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_FTS_SINCE);

	s->defer_index = 0;
	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, mark);
	return store_exec_stmt(st);
}

int store_person_bulk_begin(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_BULK_SCHEMA);
	struct bulk_obj {
		char *sql, *drop;
	} *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!st || s->bulk_sql)
		return HOSO_E_DB;
	/* Read all first, drop after: the schema must not change under a read. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);

		if (n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct bulk_obj *nv = realloc(v, nc * sizeof(*nv));

			if (!nv) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = nv;
			cap = nc;
		}
		v[n].sql = strdup((const char *)sqlite3_column_text(st, 2));
		v[n].drop = sqlite3_mprintf("DROP %s \"%w\"",
		                            strcmp(type, "index") == 0 ? "INDEX" : "TRIGGER",
		                            (const char *)sqlite3_column_text(st, 1));
		n++;
		if (!v[n - 1].sql || !v[n - 1].drop) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	rc = store_rc(rc);
	sqlite3_reset(st);
	s->bulk_sql = calloc(n + 1, sizeof(*s->bulk_sql));
	if (!s->bulk_sql)
		rc = HOSO_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && sqlite3_exec(s->db, v[i].drop, NULL, NULL, NULL) != SQLITE_OK)
			rc = store_rc(sqlite3_errcode(s->db));
		if (s->bulk_sql)
			s->bulk_sql[s->bulk_n++] = v[i].sql; /* kept for bulk_end */
		else
			free(v[i].sql);
		sqlite3_free(v[i].drop);
	}
	free(v);
	return rc;
}

int store_person_bulk_duplicates(struct store *s, int64_t mark, struct arena *a,
                                 struct person_dup **ret, size_t *ret_n)
{
	static const struct {
		enum stmt st;
		const char *field;
	} ids[] = {
	    {STMT_PERSON_DUP_CCCD, "cccd"},
	    {STMT_PERSON_DUP_FILE, "party_file_no"},
	    {STMT_PERSON_DUP_CARD, "party_card_no"},
	};
	struct person_dup *v = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	for (size_t k = 0; rc == 0 && k < sizeof(ids) / sizeof(ids[0]); k++) {
		sqlite3_stmt *st = store_stmt(s, ids[k].st);
		const char *prev = NULL;
		int64_t first = 0;

		if (!st)
			return HOSO_E_DB;
		sqlite3_bind_int64(st, 1, mark);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *val = (const char *)sqlite3_column_text(st, 0);
			int64_t id = sqlite3_column_int64(st, 1);

			if (prev && val && strcmp(prev, val) == 0) {
				v = store_vec_grow(a, v, n, &cap, sizeof(*v));
				if (!v) {
					sqlite3_reset(st);
					return HOSO_E_NOMEM;
				}
				v[n].id = id;
				v[n].first_id = first;
				v[n].field = ids[k].field;
				n++;
			} else {
				prev = val ? arena_strdup(a, val) : NULL;
				first = id;
			}
		}
		rc = store_rc(rc);
		sqlite3_reset(st);
	}
	*ret = v;
	*ret_n = n;
	return rc;
}

int store_person_bulk_remove(struct store *s, int64_t id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_MEMBERSHIP_DELETE_PERSON);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = store_exec_stmt(st);
	if (rc < 0 || !(st = store_stmt(s, STMT_PERSON_DELETE)))
		return rc < 0 ? rc : HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	return store_exec_stmt(st);
}

int store_person_bulk_end(struct store *s, int64_t mark)
{
	int rc = 0;

	/* The index builds sort; let SQLite sort on a second thread. */
	sqlite3_exec(s->db, "PRAGMA threads = 2", NULL, NULL, NULL);
	/* Indexes before triggers.  Each object is forgotten once created, so
	 * after a failure (a duplicate stopping a unique index) the caller can
	 * remove the offending rows and call again to finish the rest. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; rc == 0 && i < s->bulk_n; i++) {
			char *sql = s->bulk_sql[i];

			if (!sql || (strncmp(sql, "CREATE TRIGGER", 14) == 0) != pass)
				continue;
			if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
				rc = store_rc(sqlite3_errcode(s->db));
				break;
			}
			free(sql);
			s->bulk_sql[i] = NULL;
		}
	sqlite3_exec(s->db, "PRAGMA threads = 0", NULL, NULL, NULL);
	if (rc < 0)
		return rc;
	free(s->bulk_sql);
	s->bulk_sql = NULL;
	s->bulk_n = 0;
	return store_person_index_since(s, mark);
}

int store_person_update(struct store *s, const struct person_row *p, struct err *e)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_UPDATE);
	int rc;

	if (!st)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	bind_person(st, p);
	sqlite3_bind_int64(st, 23, p->id);
	sqlite3_bind_int64(st, 24, p->version);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			return duplicate_detail(s, p, e);
		return err_set(e, store_rc(rc), NULL, NULL, NULL);
	}
	if (sqlite3_changes(s->db) == 0) {
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
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_GET);
	int rc;

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = read_person(st, a, ret);
	else
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	sqlite3_reset(st);
	return rc;
}

int store_person_set_org(struct store *s, int64_t id, int64_t org_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_SET_ORG);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_id(st, 2, org_id);
	return store_exec_stmt(st);
}

int store_person_find_by(struct store *s, const char *field, const char *value, int64_t *ret_id)
{
	enum stmt id;
	sqlite3_stmt *st;
	int rc;

	if (strcmp(field, "cccd") == 0)
		id = STMT_PERSON_BY_CCCD;
	else if (strcmp(field, "party_file_no") == 0)
		id = STMT_PERSON_BY_PARTY_FILE;
	else if (strcmp(field, "party_card_no") == 0)
		id = STMT_PERSON_BY_PARTY_CARD;
	else
		return HOSO_E_INVALID;
	st = store_stmt(s, id);
	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, value);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*ret_id = sqlite3_column_int64(st, 0);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? HOSO_E_NOT_FOUND : store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_person_list_by_org(struct store *s, int64_t org_id, size_t limit, size_t offset,
                             struct arena *a, struct person_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_LIST_BY_ORG);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)offset);
	return read_person_list(st, a, ret);
}

static int count_query(sqlite3_stmt *st, int64_t *ret)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*ret = sqlite3_column_int64(st, 0);
		rc = 0;
	} else {
		rc = store_rc(rc);
	}
	sqlite3_reset(st);
	return rc;
}

int store_person_count_by_org(struct store *s, int64_t org_id, int64_t *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_COUNT_BY_ORG);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, org_id);
	return count_query(st, ret);
}

int store_person_count(struct store *s, int64_t *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_COUNT);

	if (!st)
		return HOSO_E_DB;
	return count_query(st, ret);
}

int store_person_search_exact(struct store *s, const char *key, size_t limit, struct arena *a,
                              struct person_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_SEARCH_EXACT);

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	return read_person_list(st, a, ret);
}

int store_person_search_fts(struct store *s, const char *match, size_t limit, struct arena *a,
                            struct person_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_SEARCH_FTS);
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	rc = read_person_list(st, a, ret);
	/* A malformed MATCH expression is the caller's input, not a db fault. */
	return rc == HOSO_E_DB ? HOSO_E_INVALID : rc;
}

int store_person_search_ids(struct store *s, const char *prefix, size_t limit, struct arena *a,
                            struct person_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_SEARCH_IDS);
	size_t n = strlen(prefix);
	char hi[64], up[64], uphi[64];

	if (!st)
		return HOSO_E_DB;
	if (n == 0 || n + 2 > sizeof(hi))
		return HOSO_E_INVALID;
	/* The range [prefix, prefix~) holds every value starting with prefix
	 * (identifiers are ASCII letters and digits, all below '~'). */
	for (size_t i = 0; i <= n; i++)
		up[i] = (char)(prefix[i] >= 'a' && prefix[i] <= 'z' ? prefix[i] - 32 : prefix[i]);
	memcpy(hi, prefix, n);
	memcpy(uphi, up, n);
	hi[n] = uphi[n] = '~';
	hi[n + 1] = uphi[n + 1] = '\0';
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, up, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, uphi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)limit);
	return read_person_list(st, a, ret);
}

int store_membership_insert(struct store *s, const struct membership_row *m, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_MEMBERSHIP_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, m->person_id);
	sqlite3_bind_int64(st, 2, m->org_id);
	store_bind_date(st, 3, m->valid_from);
	store_bind_date(st, 4, m->valid_to);
	store_bind_text(st, 5, m->status);
	store_bind_text(st, 6, m->note);
	return store_exec_insert(s, st, ret_id);
}

int store_membership_close(struct store *s, int64_t person_id, int32_t day)
{
	return store_exec_id_date(s, STMT_MEMBERSHIP_CLOSE, person_id, day);
}

static int read_membership(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct membership_row *m = item;

	m->id = sqlite3_column_int64(st, 0);
	m->person_id = sqlite3_column_int64(st, 1);
	m->org_id = sqlite3_column_int64(st, 2);
	m->valid_from = store_col_date(st, 3, DATE_NONE);
	m->valid_to = store_col_date(st, 4, DATE_OPEN);
	m->status = store_col_text(st, 5, a);
	m->note = store_col_text(st, 6, a);
	return 0;
}

int store_membership_of(struct store *s, int64_t person_id, struct arena *a,
                        struct membership_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_MEMBERSHIP_OF);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, person_id);
	return store_read_rows(st, a, sizeof(*ret->v), read_membership, (void **)&ret->v, &ret->n);
}

int store_membership_move_all(struct store *s, int64_t from, int64_t to, int32_t day,
                              int64_t *ret_n)
{
	struct arena a;
	sqlite3_stmt *st = store_stmt(s, STMT_MEMBERSHIP_OPEN_IN_ORG);
	struct {
		int64_t person;
		const char *status;
	} *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!st)
		return HOSO_E_DB;
	arena_init(&a, (size_t)1 << 30);
	sqlite3_bind_int64(st, 1, from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = store_vec_grow(&a, v, n, &cap, sizeof(*v));
		if (!v) {
			rc = HOSO_E_NOMEM;
			sqlite3_reset(st);
			goto out;
		}
		v[n].person = sqlite3_column_int64(st, 0);
		v[n].status = store_col_text(st, 1, &a);
		n++;
	}
	rc = store_rc(rc);
	sqlite3_reset(st);
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
out:
	arena_release(&a);
	return rc;
}

int store_position_insert(struct store *s, const struct position_row *p, int64_t *ret_id)
{
	sqlite3_stmt *st = store_stmt(s, STMT_POSITION_INSERT);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, p->person_id);
	store_bind_id(st, 2, p->org_id);
	store_bind_text(st, 3, p->title);
	store_bind_date(st, 4, p->valid_from);
	store_bind_date(st, 5, p->valid_to);
	return store_exec_insert(s, st, ret_id);
}

static int read_position(sqlite3_stmt *st, struct arena *a, void *item)
{
	struct position_row *p = item;

	p->id = sqlite3_column_int64(st, 0);
	p->person_id = sqlite3_column_int64(st, 1);
	p->org_id = sqlite3_column_int64(st, 2);
	p->title = store_col_text(st, 3, a);
	p->valid_from = store_col_date(st, 4, DATE_NONE);
	p->valid_to = store_col_date(st, 5, DATE_OPEN);
	return 0;
}

int store_position_of(struct store *s, int64_t person_id, struct arena *a,
                      struct position_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_POSITION_OF);

	if (!st)
		return HOSO_E_DB;
	sqlite3_bind_int64(st, 1, person_id);
	return store_read_rows(st, a, sizeof(*ret->v), read_position, (void **)&ret->v, &ret->n);
}

/* Run a (day, max_conf) count query, adding sign * n to each org's. */
static int count_into(struct store *s, enum stmt id, int32_t day, int max_conf, int sign,
                      struct arena *a, struct org_count **v, size_t *n, size_t *cap)
{
	sqlite3_stmt *st = store_stmt(s, id);
	int rc;

	if (!st)
		return HOSO_E_DB;
	store_bind_date(st, 1, day);
	sqlite3_bind_int(st, 2, max_conf);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t org = sqlite3_column_int64(st, 0), k = sqlite3_column_int64(st, 1);
		size_t i = 0;

		if (sign < 0) { /* few classified members: a short walk */
			while (i < *n && (*v)[i].org_id != org)
				i++;
			if (i < *n)
				(*v)[i].n -= k;
			continue;
		}
		if (!(*v = store_vec_grow(a, *v, *n, cap, sizeof(**v)))) {
			sqlite3_reset(st);
			return HOSO_E_NOMEM;
		}
		(*v)[*n].org_id = org;
		(*v)[(*n)++].n = k;
	}
	rc = store_rc(rc);
	sqlite3_reset(st);
	return rc;
}

int store_member_counts(struct store *s, int32_t day, int max_conf, struct arena *a,
                        struct org_count **ret, size_t *ret_n)
{
	struct org_count *v = NULL;
	size_t n = 0, cap = 0;
	int rc = count_into(s, STMT_MEMBER_COUNTS, day, max_conf, 1, a, &v, &n, &cap);

	/* Members above the reader's clearance are not theirs to count. */
	if (rc == 0)
		rc = count_into(s, STMT_MEMBER_COUNTS_ABOVE, day, max_conf, -1, a, &v, &n, &cap);
	*ret = v;
	*ret_n = n;
	return rc;
}

int store_person_holders(struct store *s, const char *field, const char *value, struct arena *a,
                         struct id_list *ret)
{
	static const struct {
		const char *field;
		enum stmt st;
	} by[] = {
	    {"cccd", STMT_PERSON_HOLDERS_CCCD},
	    {"party_file_no", STMT_PERSON_HOLDERS_FILE},
	    {"party_card_no", STMT_PERSON_HOLDERS_CARD},
	};
	sqlite3_stmt *st = NULL;

	for (size_t i = 0; i < sizeof(by) / sizeof(by[0]); i++)
		if (strcmp(field, by[i].field) == 0)
			st = store_stmt(s, by[i].st);
	if (!st)
		return HOSO_E_DB;
	store_bind_text(st, 1, value);
	return store_read_rows(st, a, sizeof(*ret->v), store_read_id, (void **)&ret->v, &ret->n);
}

int store_person_flagged(struct store *s, struct arena *a, struct person_list *ret)
{
	sqlite3_stmt *st = store_stmt(s, STMT_PERSON_FLAGGED);

	if (!st)
		return HOSO_E_DB;
	return read_person_list(st, a, ret);
}
