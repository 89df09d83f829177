/*
 * storeInt.h - what the store's own files share: the connection struct, the
 * statement enum and the binding helpers.  Nothing outside src/store
 * includes this; only db-sqlite.c includes sqlite3.h.
 */
#ifndef HOSO_STORE_INT_H
#define HOSO_STORE_INT_H

#include "store/db.h"
#include "store/store.h"

enum stmt {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	/* organisations */
	STMT_ORG_INSERT,
	STMT_ORG_VERSION_INSERT,
	STMT_ORG_BY_CODE,
	STMT_ORG_AT,
	STMT_ORG_LATEST,
	STMT_ORG_ALL_AT,
	STMT_ORG_VERSIONS,
	STMT_ORG_CHILDREN_AT,
	STMT_ORG_VERSION_CLOSE,
	STMT_ORG_VERSION_UPDATE,
	STMT_ORG_END,
	STMT_ORG_SEARCH,
	STMT_ORG_SEARCH_IN,
	STMT_SUCCESSION_INSERT,
	STMT_SUCCESSION_LINK_INSERT,
	STMT_SUCCESSION_OF,
	STMT_SUCCESSION_LINKS,
	STMT_SUCCESSION_ENDING,
	/* persons */
	STMT_PERSON_INSERT,
	STMT_PERSON_FTS_INSERT,
	STMT_PERSON_FTS_SINCE,
	STMT_PERSON_MAX_ID,
	STMT_CASE_MAX_ID,
	STMT_PERSON_BULK_SCHEMA,
	STMT_PERSON_DUP_CCCD,
	STMT_PERSON_DUP_FILE,
	STMT_PERSON_DUP_CARD,
	STMT_PERSON_DELETE,
	STMT_MEMBERSHIP_DELETE_PERSON,
	STMT_PERSON_UPDATE,
	STMT_PERSON_GET,
	STMT_MEMBER_COUNTS_ABOVE,
	STMT_PERSON_BY_CCCD,
	STMT_PERSON_HOLDERS_CCCD,
	STMT_PERSON_HOLDERS_FILE,
	STMT_PERSON_HOLDERS_CARD,
	STMT_PERSON_FLAGGED,
	STMT_PERSON_BY_PARTY_FILE,
	STMT_PERSON_BY_PARTY_CARD,
	STMT_PERSON_LIST_BY_ORG,
	STMT_PERSON_COUNT_BY_ORG,
	STMT_PERSON_COUNT,
	STMT_PERSON_SEARCH_EXACT,
	STMT_PERSON_SEARCH_FTS,
	STMT_PERSON_SEARCH_IDS,
	STMT_PERSON_SEARCH_EXACT_IN,
	STMT_PERSON_SEARCH_FTS_IN,
	STMT_PERSON_SEARCH_SCAN_IN,
	STMT_PERSON_SEARCH_IDS_IN,
	STMT_PERSON_ID_RANGE,
	STMT_PERSON_SET_ORG,
	STMT_MEMBERSHIP_INSERT,
	STMT_MEMBERSHIP_CLOSE,
	STMT_MEMBERSHIP_OF,
	STMT_MEMBERSHIP_OPEN_IN_ORG,
	STMT_POSITION_INSERT,
	STMT_POSITION_OF,
	STMT_MEMBER_COUNTS,
	/* users and sessions */
	STMT_USER_INSERT,
	STMT_USER_BY_NAME,
	STMT_USER_GET,
	STMT_USER_LIST,
	STMT_USER_UPDATE,
	STMT_USER_COUNT,
	STMT_SESSION_INSERT,
	STMT_SESSION_GET,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_USER,
	STMT_SESSION_ACTIVE,
	STMT_DB_BYTES,
	/* audit trail */
	STMT_AUDIT_TAIL,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_SCAN,
	STMT_AUDIT_QUERY,
	/* calendar */
	STMT_CAL_ENTRIES,
	STMT_CAL_ENTRY_GET,
	STMT_CAL_ENTRY_PUT,
	STMT_CAL_ENTRY_DELETE,
	/* cases */
	STMT_CASE_REGISTER_NEXT,
	STMT_CASE_INSERT,
	STMT_CASE_GET,
	STMT_CASE_SET_STATE,
	STMT_CASE_SET_CONF,
	STMT_CASE_LIST,
	STMT_CASE_SUBJECT_INSERT,
	STMT_CASE_SUBJECTS,
	STMT_CASE_EVENT_INSERT,
	STMT_CASE_EVENTS,
	STMT_CASE_DOCUMENT_INSERT,
	STMT_CASE_DOCUMENTS,
	STMT_CASE_NOTE_INSERT,
	STMT_CASE_NOTES,
	STMT_DEADLINE_RULES,
	STMT_DEADLINE_RULE_PUT,
	STMT_LETTER_INSERT,
	STMT_LETTER_GET,
	STMT_LETTERS_OF_CASE,
	STMT_LETTERS_OPEN,
	STMT_LETTER_UPDATE,
	STMT_DISCIPLINE_INSERT,
	STMT_DISCIPLINES_OF_CASE,
	STMT_FINDING_INSERT,
	STMT_FINDINGS_OF_CASE,
	STMT_FINDING_GET,
	STMT_REMEDY_INSERT,
	STMT_REMEDIES_OF_CASE,
	STMT_REMEDY_GET,
	STMT_REMEDY_DONE,
	STMT_TRIP_PUT,
	STMT_TRIP_GET,
	STMT_TRAVELLER_INSERT,
	STMT_TRAVELLERS_OF_CASE,
	STMT_TRAVELLER_GET,
	STMT_TRAVELLER_UPDATE,
	STMT_STAY_PUT,
	STMT_STAY_GET,
	STMT_RELATIVE_INSERT,
	STMT_RELATIVES_OF_CASE,
	STMT_BLOB_PUT,
	STMT_BLOB_GET,
	STMT_ATTACHMENT_INSERT,
	STMT_ATTACHMENTS_OF_CASE,
	STMT_ATTACHMENT_GET,
	STMT_REPORT_UNDER,
	STMT_REPORT_BY_ORG,
	STMT_SUCCESSIONS_BETWEEN,
	STMT_META_GET, /* the meta table: the counters' definitions (counter.c) */
	STMT_META_PUT,
	STMT_APPRAISAL_PUT,
	STMT_APPRAISAL_GET,
	STMT_INSPECTION_PUT,
	STMT_INSPECTION_GET,
	STMT_APPRAISAL_DOC_PUT,
	STMT_APPRAISAL_DOCS,
	STMT_REMEDIES_OVERDUE,
	STMT_CASE_TOUCH,
	STMT_ASSIGNEES_CLEAR,
	STMT_ASSIGNEE_ADD,
	STMT_ASSIGNEES_OF_CASE,
	STMT_CASES_OF_ASSIGNEE,
	/* period submissions and locks (submission.c) */
	STMT_LOCK_DELTA_STATE,
	STMT_LOCK_DELTA_CLEAR,
	STMT_SUBMISSION_INSERT,
	STMT_SUBMISSION_GET,
	STMT_SUBMISSION_LATEST,
	STMT_SUBMISSION_DECIDE,
	STMT_PERIOD_LOCK,
	STMT_PERIOD_UNLOCK,
	STMT_PERIOD_LOCKED,
	/* party terms (term.c) */
	STMT_TERM_INSERT,
	STMT_TERMS_OF_ORG,
	/* the inbox */
	STMT_POINT_INSERT,
	STMT_POINT_GET,
	STMT_POINTS_OF_CASE,
	STMT_POINT_EDIT,
	STMT_HEAD_POINT,
	STMT_WITHDRAW_POINT,
	STMT_PETITION_INSERT,
	STMT_PETITION_GET,
	STMT_PETITION_LIST,
	STMT_PETITION_CLASSIFY,
	STMT_PETITION_SUBJECT_INSERT,
	STMT_PETITION_SUBJECTS,
	STMT_PETITION_SAME,
	STMT_PETITION_OF_CASE,
	STMT_SCAN_INSERT,
	STMT_SCAN_GET,
	STMT_SCANS_OF_PETITION,
	STMT_SCAN_WITHDRAW,
	STMT_NOTICE_INSERT,
	STMT_NOTICE_LIST,
	STMT_NOTICE_READ,
	STMT_NOTICE_READ_ALL,
	/* corrections (correct.c): a record's head and its withdrawal, by
	 * enum store_record; the edits of records as a whole */
	STMT_HEAD_FINDING,
	STMT_HEAD_REMEDY,
	STMT_HEAD_DOCUMENT,
	STMT_HEAD_NOTE,
	STMT_HEAD_TRAVELLER,
	STMT_HEAD_RELATIVE,
	STMT_HEAD_LETTER,
	STMT_HEAD_SUBJECT,
	STMT_HEAD_ATTACHMENT,
	STMT_WITHDRAW_FINDING,
	STMT_WITHDRAW_REMEDY,
	STMT_WITHDRAW_DOCUMENT,
	STMT_WITHDRAW_NOTE,
	STMT_WITHDRAW_TRAVELLER,
	STMT_WITHDRAW_RELATIVE,
	STMT_WITHDRAW_LETTER,
	STMT_WITHDRAW_SUBJECT,
	STMT_WITHDRAW_ATTACHMENT,
	STMT_WITHDRAW_REMEDIES_OF_FINDING,
	STMT_SUBJECT_FINDINGS,
	STMT_CASE_EDIT,
	STMT_CASE_SUBJECT_RELINK,
	STMT_FINDING_EDIT,
	STMT_REMEDY_EDIT,
	STMT_DOCUMENT_EDIT,
	STMT_LETTER_EDIT,
	STMT_TRAVELLER_EDIT,
	STMT_RELATIVE_EDIT,
	STMT_RELATIVE_GET,
	STMT_DOCUMENT_GET,
	/* the cases about a person or an organisation (context.c) */
	STMT_CASES_OF_PERSON,
	STMT_CASES_LINKED_TO,
	STMT_CASES_OF_ORG,
	/* papers: templates and the papers generated (app/paper.c) */
	STMT_PAPER_TEMPLATES,
	STMT_PAPER_TEMPLATE_PUT,
	STMT_CASE_PAPER_INSERT,
	STMT_CASE_PAPER_GET,
	STMT__MAX
};

/* The schema version that brought period locks (migrate.c). */
#define STORE_SCHEMA_LOCKS 17

/* The organisations under ?1 over time, each with the child of ?1 it sat
 * under ("top") and the interval [f, t) when it did: the walk that places
 * every counted record as at the time (stmt.c, counter.c). */
#define STORE_UNDER_CTE                                                                            \
	"WITH RECURSIVE under(org_id, top, f, t) AS (SELECT ?1, ?1, '0000-01-01', "                \
	"'9999-12-31' UNION ALL SELECT v.org_id, CASE WHEN u.org_id = ?1 THEN v.org_id ELSE "      \
	"u.top END, max(v.valid_from, u.f), min(coalesce(v.valid_to, '9999-12-31'), u.t) FROM "    \
	"org_version v JOIN under u ON v.parent_id = u.org_id WHERE max(v.valid_from, u.f) < "     \
	"min(coalesce(v.valid_to, '9999-12-31'), u.t)) "

/* Every organisation whose records may count under ?1 under the structure
 * of some day: ?1, every organisation that was ever below one of them, and
 * every predecessor (succession links) of one of them - a superset, which
 * the report narrows by mapping each to its successor on the day
 * (counter.c, stmt.c). */
#define STORE_CANDIDATES_CTE                                                                       \
	"WITH RECURSIVE cand(org_id) AS (SELECT ?1 UNION SELECT v.org_id FROM org_version v JOIN " \
	"cand c ON v.parent_id = c.org_id UNION SELECT l.from_org FROM succession_link l JOIN "    \
	"cand c ON l.to_org = c.org_id) "

/* The same two walks on PostgreSQL (stmt-pg.c has them in full): typed
 * parameters, GREATEST/LEAST, and one reference to cand in its recursive
 * part, as PostgreSQL requires. */
#define STORE_UNDER_CTE_PG                                                                         \
	"WITH RECURSIVE under(org_id, top, f, t) AS (SELECT $1::bigint, $1::bigint, "              \
	"'0000-01-01'::text, '9999-12-31'::text UNION ALL SELECT v.org_id, CASE WHEN u.org_id = "  \
	"$1 THEN v.org_id ELSE u.top END, GREATEST(v.valid_from, u.f), "                           \
	"LEAST(coalesce(v.valid_to, '9999-12-31'), u.t) FROM org_version v JOIN under u ON "       \
	"v.parent_id = u.org_id WHERE GREATEST(v.valid_from, u.f) < "                              \
	"LEAST(coalesce(v.valid_to, '9999-12-31'), u.t)) "
#define STORE_CANDIDATES_CTE_PG                                                                    \
	"WITH RECURSIVE cand(org_id) AS (SELECT $1::bigint UNION SELECT n.org_id FROM cand c "     \
	"JOIN (SELECT parent_id AS up, org_id FROM org_version UNION ALL SELECT to_org, from_org " \
	"FROM succession_link) n ON n.up = c.org_id) "

struct store {
	struct db *db;
	char *path;
	int readonly;
	int in_tx;
	int committing;  /* store_commit's COMMIT is running (commit_guard) */
	int forsaken;    /* SQLite gave a transaction up itself (store_begin) */
	int locks;       /* the schema has period locks: commits check lock_delta */
	int defer_index; /* person_fts filled later by store_person_index_since */
	char **bulk_sql; /* indexes and triggers dropped for a bulk load */
	size_t bulk_n;
	struct db_stmt *stmt[STMT__MAX];
};

/* The SQL of each statement for SQLite (stmt.c) and for PostgreSQL
 * (stmt-pg.c). */
extern const char *const stmt_sqlite[STMT__MAX];
extern const char *const stmt_pg[STMT__MAX];
/* The SQL of statement id for s's engine. */
const char *store_sql(struct store *s, enum stmt id);

/* PostgreSQL: the schema version (meta "schema"; 0 for an empty
 * database) and the migrations (migrate-pg.c). */
int store_pg_schema_version(struct store *s);
int store_pg_migrate(struct store *s, struct err *e);
/* The calendar's holidays and working days as shipped (migrate.c). */
int store_seed_calendar(struct store *s);

/* hoso_words: does the folded key match the match expression? (func.c) */
int store_words_match(const char *key, const char *match);

/* The prepared statement, reset and with bindings cleared; NULL on error. */
struct db_stmt *store_stmt(struct store *s, enum stmt id);

/* "DROP <what> \"name\"<after>" (name quoted as an SQL identifier),
 * malloc'd; NULL when out of memory or name is NULL. */
char *store_drop_sql(const char *what, const char *name, const char *after);

/* Create path, empty, mode 0600, refusing to replace a file (backup.c):
 * 0, HOSO_E_DUPLICATE naming "out" or HOSO_E_IO. */
int store_new_file(const char *path, struct err *e);
/* A consistent copy of src (SQLite) in the new file out_path, in the
 * rollback-journal mode a single file wants; on failure nothing is left
 * at out_path.  0, or a HOSO_E_* code with e set (backup.c). */
int store_copy_to_file(struct db *src, const char *out_path, struct err *e);
/* HOSO_E_USAGE saying which of PostgreSQL's own tools back it up. */
int store_pg_no_backup(struct err *e);

/* One schema migration: SQL plus an optional C step (migrate.c). */
struct store_migration {
	const char *sql;
	int (*step)(struct store *s);
};
/* The migrations this program knows, in order (n of them). */
const struct store_migration *store_migrations(int *n);
/* Bring s from its version up to n by list's migrations, all in ONE
 * transaction: on any failure the file is left as it was.  store_migrate
 * with the program's list; tests give a list whose last step fails. */
int store_migrate_list(struct store *s, const struct store_migration *list, int n, struct err *e);

/* Bind helpers: NULL pointers and DATE_OPEN / DATE_NONE bind SQL NULL. */
int store_bind_text(struct db_stmt *st, int i, const char *v);
int store_bind_date(struct db_stmt *st, int i, int32_t day);
int store_bind_id(struct db_stmt *st, int i, int64_t id); /* 0 binds NULL */
/* The search key of v (vi_search_key: folded as hoso_fold folds), NULL for
 * NULL: the folding is done here, not by the engine. */
int store_bind_key(struct db_stmt *st, int i, const char *v);

/* Column helpers: strings are copied into the arena (NULL stays NULL). */
const char *store_col_text(struct db_stmt *st, int i, struct arena *a);
int32_t store_col_date(struct db_stmt *st, int i, int32_t if_null);
/* A withdrawal from columns i, i + 1, i + 2 (withdrawn_at, withdrawn_by,
 * withdraw_reason; WITHDRAWN_COLS): 0 or HOSO_E_NOMEM. */
int store_col_withdrawal(struct db_stmt *st, int i, struct arena *a, struct withdrawal *ret);
#define WITHDRAWN_COLS "withdrawn_at, withdrawn_by, withdraw_reason"

/* Run a statement expecting no rows, then reset it.  0 or an error code. */
int store_exec_stmt(struct db_stmt *st);

/* Read every row of st into a vector of elem-sized items (in a), each
 * filled by fn; st is reset afterwards.  0 or an error code. */
typedef int (*store_row_fn)(struct db_stmt *st, struct arena *a, void *item);
/* A row function for lists of ids (column 0). */
int store_read_id(struct db_stmt *st, struct arena *a, void *item);
int store_read_rows(struct db_stmt *st, struct arena *a, size_t elem, store_row_fn fn, void **ret,
                    size_t *ret_n);

/*
 * Statements by format, as jansson's json_pack and json_unpack: each letter
 * of fmt stands for one value, in order - the parameters ?1, ?2, ... of a
 * statement, or the columns 0, 1, ... of a row.
 *
 *   letter  parameter                        column
 *   I       int64_t                          int64_t *
 *   i       int                              int *
 *   r       int64_t, 0 binds NULL (an id)    -
 *   s       const char *, NULL binds NULL    const char **: a copy in the arena, NULL
 *                                            for NULL (a failed copy: HOSO_E_NOMEM)
 *   k       const char *: its search key     -
 *           (store_bind_key), NULL binds NULL
 *   d       int32_t day, DATE_OPEN and       int32_t *, NULL reads DATE_NONE
 *           DATE_NONE bind NULL
 *   e       (as d)                           int32_t *, NULL reads DATE_OPEN (an open end)
 *   h       const unsigned char *: a 32-byte hash
 *   b       const void *, size_t: a blob of that many bytes (NULL binds NULL)
 *   -                                        skipped
 *
 * A format that does not fit the statement (a letter too many or too few
 * for its parameters) is HOSO_E_DB.  Statements are reset afterwards.  The
 * compiler does not check the values against their letters: pass each one
 * as its letter says (a size_t limit as (int64_t)limit).
 */
/* Bind fmt's values to st from ?1 on (the first of its parameters only,
 * when there are more).  0 or HOSO_E_DB. */
int store_bind(struct db_stmt *st, const char *fmt, ...);
/* Read the columns of st's current row from column 0 (the first of them
 * only, when there are more).  0, HOSO_E_NOMEM, or HOSO_E_DB for a letter
 * that is not one of the format's. */
int store_cols(struct db_stmt *st, struct arena *a, const char *fmt, ...);
/* Run statement which, expecting no rows.  0 or an error code. */
int store_exec(struct store *s, enum stmt which, const char *fmt, ...);
/* store_exec for an INSERT; on success *ret_id (when not NULL) is the new
 * row's id. */
int store_insert(struct store *s, enum stmt which, int64_t *ret_id, const char *fmt, ...);
/* store_exec, then if_none when the statement changed no row (an UPDATE
 * guarded by its version: HOSO_E_CONFLICT; a row by its key:
 * HOSO_E_NOT_FOUND). */
int store_change(struct store *s, enum stmt which, int if_none, const char *fmt, ...);
/* Every row of which, read as store_read_rows does (*ret NULL and *ret_n 0
 * until then). */
int store_rows(struct store *s, enum stmt which, struct arena *a, size_t elem, store_row_fn fn,
               void **ret, size_t *ret_n, const char *fmt, ...);
/* The first row of which into *ret (elem bytes, zeroed first, filled by
 * fn), or HOSO_E_NOT_FOUND when there is none (*ret untouched). */
int store_row(struct store *s, enum stmt which, struct arena *a, size_t elem, store_row_fn fn,
              void *ret, const char *fmt, ...);
/* Column 0 of the first row of which (a count, an id), or HOSO_E_NOT_FOUND
 * when there is no row. */
int store_int(struct store *s, enum stmt which, int64_t *ret, const char *fmt, ...);

int store_migrate(struct store *s, struct err *e);
/* After the migrations: when the counter triggers' definitions differ
 * from those the counters were made with (their hash in the meta table),
 * reinstall the triggers, recount and verify, in one transaction; a
 * read-only store refuses with HOSO_E_SCHEMA (counter.c). */
int store_counters_ensure(struct store *s, struct err *e);

#endif
