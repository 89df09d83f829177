/*
 * store.h - persistence.  The only part of hoso that speaks SQL.
 *
 * One SQLite file in WAL mode with foreign keys on and synchronous=FULL.
 * Numbered migrations run when the file is opened.  Every statement lives in
 * one table addressed by an enum (stmt.c), so a PostgreSQL table can sit
 * beside it later.  Entities are read into plain structs whose strings come
 * from a caller-supplied arena (core/arena.h): the caller frees them all at
 * once.  Dates cross this boundary as day numbers (core/date.h); DATE_OPEN
 * stands for "no end".
 *
 * A struct store is one connection: use it from one thread at a time.
 */
#ifndef HOSO_STORE_H
#define HOSO_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/figure.h"

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0,   /* create the file when missing */
	STORE_READONLY = 1 << 1, /* open read-only (no migrations) */
};

/* Open (and migrate) the database at path.  0, or HOSO_E_IO / HOSO_E_DB /
 * HOSO_E_SCHEMA / HOSO_E_NOT_FOUND with e set.  *ret is freed by store_close. */
int store_open(const char *path, int flags, struct store **ret, struct err *e);
void store_close(struct store *s);

int store_schema_version(struct store *s);
/* The file this store was opened on. */
const char *store_path(struct store *s);
int store_latest_schema_version(void);

/* Transactions.  store_begin takes the write lock at once (BEGIN IMMEDIATE). */
int store_begin(struct store *s);
int store_commit(struct store *s);
void store_rollback(struct store *s);

/*
 * One big write (an import of a whole file): call store_import_begin before
 * store_begin and store_import_end after the commit or rollback.  A large
 * page cache keeps the indexes of a million rows in memory until the commit;
 * foreign keys are not checked row by row, because the importer resolves
 * every organisation itself and each membership names the person it has
 * just inserted.  Durability is unchanged.
 */
void store_import_begin(struct store *s);
void store_import_end(struct store *s);

/* Cap this connection's page cache (KiB); the server gives each of its
 * many worker connections a small one. */
void store_set_cache_kib(struct store *s, int kib);

/* Finalise the cached statements and hand SQLite's unused page cache back:
 * the connection then holds what a freshly opened one does, its schema
 * aside, and prepares its statements anew on their next use.  For idle
 * connections, and for tests that start each run from a cold connection
 * without paying for a new one.  Not inside a transaction. */
void store_release_memory(struct store *s);

/* Trade durability for speed during bulk loads (demo, benchmarks):
 * synchronous=OFF until store_bulk_end.  Never used for user writes. */
void store_bulk_begin(struct store *s);
void store_bulk_end(struct store *s);

/* Prepare every statement of the table; for tests.  0 or HOSO_E_DB with the
 * failing statement named in e. */
int store_check_statements(struct store *s, struct err *e);

/* PRAGMA integrity_check and foreign_key_check: 0 when both are clean. */
int store_check_integrity(struct store *s, struct err *e);

/* Online backup to a new file (mode 0600; a consistent snapshot while
 * others write, taken in one step), and restore from such a file into
 * this database.  0 or HOSO_E_DUPLICATE/HOSO_E_IO/HOSO_E_DB/
 * HOSO_E_BAD_FILE with e set. */
int store_backup(struct store *s, const char *out_path, struct err *e);
int store_restore(struct store *s, const char *in_path, struct err *e);

/*
 * The database files themselves, for backups, restores and upgrades
 * (backup.c); none of them migrates the file.
 *
 * store_file_version: the schema version of the file at path (0: empty)
 * into *ret; HOSO_E_NOT_FOUND when missing, HOSO_E_BAD_FILE naming
 * "in" when it is not an SQLite database.
 * store_file_backup: a consistent copy of the file at path into out_path
 * (a new file, 0600), as store_backup; HOSO_E_BAD_FILE when path is not a
 * database.
 * store_file_quiesce: ready the file at path to be replaced: HOSO_E_BUSY
 * naming "db" when another process has it open (the service), else its
 * write-ahead log checkpointed into it (a file that cannot be read as a
 * database is left as it is: 0 all the same).
 */
int store_file_version(const char *path, int *ret, struct err *e);
int store_file_backup(const char *path, const char *out_path, struct err *e);
int store_file_quiesce(const char *path, struct err *e);

/* A digest of the logical contents (every table's rows in key order), for
 * comparing a restored database with its original.  out: 65 bytes (hex). */
int store_content_digest(struct store *s, char *out, struct err *e);

/* Room for one more item in the vector old of n items of elem bytes, whose
 * capacity is *cap (0 at first): old itself while there is room, else a
 * vector twice the size in a with the n items copied (*cap updated); NULL
 * when out of memory (*cap unchanged).  The lists below are such vectors;
 * src/app builds its own lists of rows with it too. */
void *store_vec_grow(struct arena *a, void *old, size_t n, size_t *cap, size_t elem);

/* ---- organisations ---- */

/* One organisation as it is on one date (a version of it). */
struct org_row {
	int64_t id;
	const char *code;
	int32_t valid_from, valid_to; /* the organisation's life */
	int64_t version_id;
	int32_t ver_from, ver_to; /* this version's validity */
	const char *name;
	const char *kind;
	int64_t parent_id; /* 0 for a root */
	const char *document;
};

struct org_list {
	struct org_row *v;
	size_t n;
};

/* Insert an organisation and its first version.  *ret_id set on success.
 * HOSO_E_DUPLICATE when the code exists. */
int store_org_insert(struct store *s, const char *code, int32_t from, const char *name,
                     const char *kind, int64_t parent_id, const char *document, int64_t *ret_id);

/* The version of org id valid on day; NULL-equivalent: HOSO_E_NOT_FOUND. */
int store_org_at(struct store *s, int64_t id, int32_t day, struct arena *a, struct org_row *ret);
int store_org_by_code(struct store *s, const char *code, struct arena *a, int64_t *ret_id);
/* The latest version of an organisation (alive or not). */
int store_org_latest(struct store *s, int64_t id, struct arena *a, struct org_row *ret);

/* All organisations alive on day, each in its version of that day. */
int store_org_all_at(struct store *s, int32_t day, struct arena *a, struct org_list *ret);
/* All versions of one organisation, oldest first. */
int store_org_versions(struct store *s, int64_t id, struct arena *a, struct org_list *ret);
/* Direct children alive on day. */
int store_org_children_at(struct store *s, int64_t id, int32_t day, struct arena *a,
                          struct org_list *ret);

/*
 * Organisations alive on day whose folded name (hoso_fold) matches match
 * (an FTS5-style expression, see store_words_match) or whose code starts
 * with code (any case); orgs: a JSON array of the ids to look among, NULL
 * for all.  Best first (rank 0: the folded name is key or the code is
 * code; 1: starts with it; 2: holds key from the start of a word, 3: the
 * words match in another order), then by folded name and code; at most
 * limit.
 */
struct org_hit {
	int64_t id;
	const char *code, *name, *kind;
	int64_t parent_id; /* 0 for a root */
	const char *parent_code, *parent_name;
	int rank;
};
struct org_hit_list {
	struct org_hit *v;
	size_t n;
};
int store_org_search(struct store *s, int32_t day, const char *match, const char *key,
                     const char *code, const char *orgs, size_t limit, struct arena *a,
                     struct org_hit_list *ret);

/* End the current version at day and start a new one with the given name,
 * kind and parent (day == current version's start: change it in place).
 * HOSO_E_ORG_STATE when day is before the current version's start. */
int store_org_new_version(struct store *s, int64_t id, int32_t day, const char *name,
                          const char *kind, int64_t parent_id, const char *document);
/* End the organisation's life (and its current version) at day: day must
 * follow the organisation's start and not precede its current version. */
int store_org_end(struct store *s, int64_t id, int32_t day);

/* Successions. */
struct succession_link {
	int64_t from_org, to_org; /* to_org 0: none */
	int is_main;
};
struct succession_row {
	int64_t id;
	const char *kind;
	int32_t effective;
	const char *document;
	const char *note;
	struct succession_link *links;
	size_t nlinks;
};
struct succession_list {
	struct succession_row *v;
	size_t n;
};

int store_succession_insert(struct store *s, const char *kind, int32_t effective,
                            const char *document, const char *note,
                            const struct succession_link *links, size_t nlinks, int64_t *ret_id);
/* Successions in which org id takes part (as source or successor). */
int store_succession_of(struct store *s, int64_t id, struct arena *a, struct succession_list *ret);
/* The succession that ended org id (merge, split or dissolve), if any:
 * HOSO_E_NOT_FOUND when none. */
int store_succession_ending(struct store *s, int64_t id, struct arena *a,
                            struct succession_row *ret);

/* ---- persons ---- */

struct person_row {
	int64_t id;
	const char *full_name;
	const char *family_name, *middle_name, *given_name;
	int name_manual;
	const char *sex;        /* "nam", "nu" or NULL */
	const char *birth_date; /* partial ISO: "1962", "1962-03", "1962-03-05" */
	const char *home_town, *residence, *ethnicity;
	const char *cccd, *party_file_no, *party_card_no;
	int32_t admission_date, full_member_date; /* DATE_NONE when unknown */
	const char *status;
	const char *management_level;
	int64_t org_id; /* current organisation, 0 when none */
	int confidentiality;
	int64_t version;
	int64_t dup_of; /* a possible duplicate: another record (hidden from
	                 * whoever entered this one) holds one of its
	                 * identifiers; 0: none */
	/* keys maintained by the caller (src/app builds them with src/vi) */
	const char *search_key;
	const void *sort_key;
	size_t sort_key_len;
};

struct person_list {
	struct person_row *v;
	size_t n;
};

/* Insert, and index the search key; *ret_id set.  HOSO_E_DUPLICATE (field
 * set in e) on a duplicate CCCD, party file or card number.  Call inside a
 * transaction, so the row and its index entry land together. */
int store_person_insert(struct store *s, const struct person_row *p, int64_t *ret_id,
                        struct err *e);
/*
 * Bulk loads: after store_person_defer_index (inside a transaction), new
 * persons are not put in the search index one by one; store_person_index_since
 * (same transaction, before commit) indexes every person inserted since, in
 * one statement.  *ret_mark is the highest id before the load.
 */
int store_person_defer_index(struct store *s, int64_t *ret_mark);
int store_person_index_since(struct store *s, int64_t mark);

/*
 * Bulk loads of many persons (an import larger than what is on record):
 * store_person_bulk_begin (inside the transaction, after
 * store_person_defer_index) drops the person and membership indexes and
 * triggers, so rows go in without b-tree work on random keys; uniqueness is
 * then enforced when store_person_bulk_end rebuilds the indexes by sorting:
 * HOSO_E_DUPLICATE when a unique index cannot be built, after which the
 * caller finds the offending new rows with store_person_bulk_duplicates,
 * removes them with store_person_bulk_remove and calls store_person_bulk_end
 * again.  On success the new names are indexed too.  A rollback restores
 * everything.
 */
struct person_dup {
	int64_t id;        /* a person inserted by this load */
	int64_t first_id;  /* the person who holds the identifier first */
	const char *field; /* "cccd", "party_file_no" or "party_card_no" */
};
int store_person_bulk_begin(struct store *s);
int store_person_bulk_duplicates(struct store *s, int64_t mark, struct arena *a,
                                 struct person_dup **ret, size_t *ret_n);
int store_person_bulk_remove(struct store *s, int64_t id);
int store_person_bulk_end(struct store *s, int64_t mark);

/* Update all fields of p->id when its version is p->version (then bumped).
 * HOSO_E_CONFLICT when the version differs, HOSO_E_NOT_FOUND when missing. */
int store_person_update(struct store *s, const struct person_row *p, struct err *e);
int store_person_get(struct store *s, int64_t id, struct arena *a, struct person_row *ret);
/* Set the current organisation (membership rows are the caller's job). */
int store_person_set_org(struct store *s, int64_t id, int64_t org_id);
/* Lookup by identifier ("cccd", "party_file_no", "party_card_no"): the
 * record that holds it (not one flagged as its possible duplicate). */
int store_person_find_by(struct store *s, const char *field, const char *value, int64_t *ret_id);
/* Every record holding an identifier, possible duplicates included. */
struct id_list;
int store_person_holders(struct store *s, const char *field, const char *value, struct arena *a,
                         struct id_list *ret);
/* The records flagged as possible duplicates (dup_of set), by id. */
int store_person_flagged(struct store *s, struct arena *a, struct person_list *ret);

/* Current members of an organisation, in Vietnamese name order. */
int store_person_list_by_org(struct store *s, int64_t org_id, size_t limit, size_t offset,
                             struct arena *a, struct person_list *ret);
int store_person_count_by_org(struct store *s, int64_t org_id, int64_t *ret);
int store_person_count(struct store *s, int64_t *ret);

/*
 * Search by folded key.  exact: persons whose search_key equals key.
 * match: an FTS5 query over the folded name (built by the
 * caller from vi_search_key tokens), at most limit rows, in rowid order.
 */
int store_person_search_exact(struct store *s, const char *key, size_t limit, struct arena *a,
                              struct person_list *ret);
int store_person_search_fts(struct store *s, const char *match, size_t limit, struct arena *a,
                            struct person_list *ret);
/* Persons whose CCCD, party file number or party card number starts with
 * prefix (ASCII letters and digits). */
int store_person_search_ids(struct store *s, const char *prefix, size_t limit, struct arena *a,
                            struct person_list *ret);

/*
 * The same searches within a scope.  in->orgs: the ids of the
 * organisations in the reader's scope as a JSON array ("[12,40]"), read
 * inside the query, so that the persons of other organisations never take
 * the places of the reader's before the limit; records above
 * in->clearance are left out the same way.  in->scan: the scope is small
 * (a commune): its members' folded names are read from the index by
 * organisation and matched there (hoso_words), instead of the full-text
 * candidates being filtered - which suits a large scope (a province).
 */
struct store_scope {
	const char *orgs;
	int clearance;
	int scan;
	int64_t lo, hi; /* the lowest and highest id of its members
	                 * (store_person_id_range), for the full-text plan */
};
/* The lowest and highest id of the persons of the organisations orgs (a
 * JSON array of ids); 0 and 0 when there are none. */
int store_person_id_range(struct store *s, const char *orgs, int64_t *ret_lo, int64_t *ret_hi);
/* exact_in: the folded name key, or with starts every folded name that
 * starts with key ("hoang van" finds "hoang van thang" and "hoang vang"):
 * a range of person_by_org a scope organisation. */
int store_person_search_exact_in(struct store *s, const char *key, int starts,
                                 const struct store_scope *in, size_t limit, struct arena *a,
                                 struct person_list *ret);
int store_person_search_fts_in(struct store *s, const char *match, const struct store_scope *in,
                               size_t limit, struct arena *a, struct person_list *ret);
int store_person_search_ids_in(struct store *s, const char *prefix, const struct store_scope *in,
                               size_t limit, struct arena *a, struct person_list *ret);

/* Membership history. */
struct membership_row {
	int64_t id, person_id, org_id;
	int32_t valid_from, valid_to;
	const char *status;
	const char *note;
};
struct membership_list {
	struct membership_row *v;
	size_t n;
};
int store_membership_insert(struct store *s, const struct membership_row *m, int64_t *ret_id);
/* Close the person's open membership at day (no-op when none is open). */
int store_membership_close(struct store *s, int64_t person_id, int32_t day);
int store_membership_of(struct store *s, int64_t person_id, struct arena *a,
                        struct membership_list *ret);
/* Move current members of org from into org to as of day (closing and
 * opening memberships, updating person.org_id); *ret_n moved. */
int store_membership_move_all(struct store *s, int64_t from, int64_t to, int32_t day,
                              int64_t *ret_n);

struct position_row {
	int64_t id, person_id, org_id;
	const char *title;
	int32_t valid_from, valid_to;
};
struct position_list {
	struct position_row *v;
	size_t n;
};
int store_position_insert(struct store *s, const struct position_row *p, int64_t *ret_id);
int store_position_of(struct store *s, int64_t person_id, struct arena *a,
                      struct position_list *ret);

/* ---- cases (the core every kind shares) ---- */

/* A record of a case withdrawn as entered by mistake: kept, shown struck
 * through, left out of every figure, count, deadline and rule.  at is NULL
 * while the record stands. */
struct withdrawal {
	const char *at; /* UTC */
	int64_t by;     /* the user */
	const char *reason;
};

struct case_row {
	int64_t id;
	const char *number; /* "KT-2024-0012", unique per handling organisation */
	const char *kind;   /* "kiem_tra", ... (app/case.h) */
	const char *subtype;
	const char *title;
	int64_t handling_org;
	int32_t opened;
	const char *state;
	int confidentiality; /* enum clearance */
	const char *conclusion;
	int64_t linked_case; /* 0: none */
	int64_t version;
	int64_t created_by;
	const char *created_at;
};
struct case_list {
	struct case_row *v;
	size_t n;
};
struct case_subject_row {
	int64_t id, case_id;
	int64_t org_id, org_version_id; /* an organisation, as it was on the case date */
	int64_t person_id;              /* or a person */
	int64_t version;
	struct withdrawal withdrawn;
};
struct case_subject_list {
	struct case_subject_row *v;
	size_t n;
};
struct case_event_row {
	int64_t id, case_id;
	const char *from_state, *to_state;
	int32_t on_date;
	const char *at; /* UTC, when it was recorded */
	int64_t user_id;
	const char *note;
};
struct case_event_list {
	struct case_event_row *v;
	size_t n;
};
struct case_document_row {
	int64_t id, case_id;
	const char *number_symbol; /* "Số 15-KL/UBKTTU" */
	int32_t doc_date;
	const char *issuer, *title;
	int64_t user_id;
	const char *at;
	int64_t version;
	struct withdrawal withdrawn;
	const char *paper; /* a paper generated from the case (app/paper.h), or NULL */
};
struct case_document_list {
	struct case_document_row *v;
	size_t n;
};
struct case_note_row {
	int64_t id, case_id, user_id;
	const char *at, *text;
	int64_t version;
	struct withdrawal withdrawn;
};
struct case_note_list {
	struct case_note_row *v;
	size_t n;
};

/* The next number of (org, kind, year)'s register, inside the caller's tx. */
int store_case_register_next(struct store *s, int64_t org_id, const char *kind, int year,
                             int64_t *ret_no);
int store_case_insert(struct store *s, const struct case_row *c, int64_t *ret_id);
int store_case_get(struct store *s, int64_t id, struct arena *a, struct case_row *ret);
/* HOSO_E_CONFLICT when version is no longer the case's. */
int store_case_set_state(struct store *s, int64_t id, const char *state, const char *conclusion,
                         int64_t version);
/* Up to limit cases with id < before (newest first), optionally of one kind/state. */
int store_case_list(struct store *s, int64_t before, const char *kind, const char *state,
                    size_t limit, struct arena *a, struct case_list *ret);
int store_case_subject_insert(struct store *s, const struct case_subject_row *r);
int store_case_subjects(struct store *s, int64_t case_id, struct arena *a,
                        struct case_subject_list *ret);
int store_case_event_insert(struct store *s, const struct case_event_row *r);
int store_case_events(struct store *s, int64_t case_id, struct arena *a,
                      struct case_event_list *ret);
int store_case_document_insert(struct store *s, const struct case_document_row *r, int64_t *ret_id);
int store_case_documents(struct store *s, int64_t case_id, struct arena *a,
                         struct case_document_list *ret);
int store_case_note_insert(struct store *s, const struct case_note_row *r, int64_t *ret_id);
int store_case_notes(struct store *s, int64_t case_id, struct arena *a, struct case_note_list *ret);

/* Papers (app/paper.c): the templates an administrator changed (body: the
 * parts as JSON); a paper generated, as a draft document of its case
 * (r's case_id, doc_date, issuer, title, user_id, paper) with its text
 * (JSON); the code and text of document id, HOSO_E_NOT_FOUND when it is
 * not a paper.  A template is put when version is the stored one (0: none
 * stored yet), else HOSO_E_CONFLICT. */
struct paper_template_row {
	const char *code, *body;
	int64_t version, user_id;
	const char *at;
};
struct paper_template_list {
	struct paper_template_row *v;
	size_t n;
};
int store_paper_templates(struct store *s, struct arena *a, struct paper_template_list *ret);
int store_paper_template_put(struct store *s, const char *code, const char *body, int64_t version,
                             int64_t user_id);
int store_case_paper_insert(struct store *s, const struct case_document_row *r, const char *body,
                            int64_t *ret_id);
int store_case_paper_get(struct store *s, int64_t id, struct arena *a, const char **ret_paper,
                         const char **ret_body);

/* Outgoing verification letters of a case. */
struct letter_row {
	int64_t id, case_id;
	const char *recipient, *about, *number_symbol;
	int32_t sent;
	int reminders;
	int32_t last_reminder, escalated, answered; /* DATE_NONE when not yet */
	const char *result;
	int64_t version;
	struct withdrawal withdrawn;
};
struct letter_list {
	struct letter_row *v;
	size_t n;
};
int store_letter_insert(struct store *s, const struct letter_row *r, int64_t *ret_id);
int store_letter_get(struct store *s, int64_t id, struct arena *a, struct letter_row *ret);
int store_letters_of_case(struct store *s, int64_t case_id, struct arena *a,
                          struct letter_list *ret);
/* Unanswered letters with id < before (0: all), newest first, at most limit. */
int store_letters_open(struct store *s, int64_t before, size_t limit, struct arena *a,
                       struct letter_list *ret);
/* Write r's reminder, escalation and answer fields; HOSO_E_CONFLICT when
 * r->version is no longer the letter's. */
int store_letter_update(struct store *s, const struct letter_row *r);

/* Discipline decided in a case, for one subject (an organisation or a person). */
struct discipline_row {
	int64_t id, case_id, org_id, person_id;
	const char *form; /* "khien_trach", "canh_cao", "cach_chuc", "khai_tru", "giai_tan" */
	int32_t violation, decided;
	int internal_political;
	int64_t user_id; /* who recorded it: written, not read back */
};
struct discipline_list {
	struct discipline_row *v;
	size_t n;
};
int store_discipline_insert(struct store *s, const struct discipline_row *r, int64_t *ret_id);
int store_disciplines_of_case(struct store *s, int64_t case_id, struct arena *a,
                              struct discipline_list *ret);

/* An inspection's findings and their remedial actions. */
struct finding_row {
	int64_t id, case_id, subject_id; /* subject_id: 0 for the case as a whole */
	const char *text;
	const char
	    *conclusion; /* khong_vi_pham, vi_pham_chua_den_muc, vi_pham_phai_ky_luat, da_ky_luat */
	int64_t user_id; /* who recorded it: written, not read back */
	int64_t version;
	struct withdrawal withdrawn;
};
struct finding_list {
	struct finding_row *v;
	size_t n;
};
struct remedy_row {
	int64_t id, finding_id;
	const char *action, *owner;
	int32_t due, done; /* done: DATE_NONE while open */
	const char *result;
	int64_t version;
	struct withdrawal withdrawn;
	int64_t case_id; /* store_remedies_overdue only */
};
struct remedy_list {
	struct remedy_row *v;
	size_t n;
};
int store_finding_insert(struct store *s, const struct finding_row *r, int64_t *ret_id);
int store_findings_of_case(struct store *s, int64_t case_id, struct arena *a,
                           struct finding_list *ret);
int store_finding_get(struct store *s, int64_t id, struct arena *a, struct finding_row *ret);
int store_remedy_insert(struct store *s, const struct remedy_row *r, int64_t *ret_id);
int store_remedies_of_case(struct store *s, int64_t case_id, struct arena *a,
                           struct remedy_list *ret);
int store_remedy_get(struct store *s, int64_t id, struct arena *a, struct remedy_row *ret);
/* Remedies not done whose due date is before day, the oldest first (each
 * with its case_id). */
int store_remedies_overdue(struct store *s, int32_t day, struct arena *a, struct remedy_list *ret);
/* HOSO_E_CONFLICT when already done or version is stale. */
int store_remedy_done(struct store *s, int64_t id, int32_t done, const char *result,
                      int64_t version);

/* A trip abroad: its details, and one row per traveller (a person-trip). */
struct trip_row {
	int64_t case_id;
	const char *purpose; /* cong_tac, hoc_tap, chua_benh, du_lich, tham_than */
	const char *countries;
	int32_t depart, come_back; /* planned */
	const char *funding;
	int in_plan;     /* in the year's foreign-affairs plan (official delegations) */
	int64_t version; /* 1 when first written */
};
struct traveller_row {
	int64_t id, case_id, person_id;
	int leader, commitment; /* head of the delegation; written commitment given */
	int32_t departed, returned, report_received; /* DATE_NONE until then */
	int64_t version;
	struct withdrawal withdrawn;
};
struct traveller_list {
	struct traveller_row *v;
	size_t n;
};
/* The trip, stay and appraisal of a case are written whole: inserted when
 * r->version is 0, else updated when r->version is still the stored one
 * (its version goes up by one); HOSO_E_CONFLICT otherwise. */
int store_trip_put(struct store *s, const struct trip_row *r);
int store_trip_get(struct store *s, int64_t case_id, struct arena *a, struct trip_row *ret);
int store_traveller_insert(struct store *s, const struct traveller_row *r, int64_t *ret_id);
int store_travellers_of_case(struct store *s, int64_t case_id, struct arena *a,
                             struct traveller_list *ret);
int store_traveller_get(struct store *s, int64_t id, struct arena *a, struct traveller_row *ret);
/* HOSO_E_CONFLICT when r->version is stale. */
int store_traveller_update(struct store *s, const struct traveller_row *r);

/* A member's stay abroad. */
struct stay_row {
	int64_t case_id;
	const char *country, *purpose, *arrangement;
	int32_t start, expected_end, last_contact; /* last_contact: DATE_NONE when none */
	int64_t version;
};
int store_stay_put(struct store *s, const struct stay_row *r);
int store_stay_get(struct store *s, int64_t case_id, struct arena *a, struct stay_row *ret);

/* The applicant and relatives an admission background check covers. */
struct relative_row {
	int64_t id, case_id;
	const char *relation; /* ban_than (the applicant), bo, me, nguoi_nuoi_duong, bo_vo_chong,
	                       * me_vo_chong, vo_chong, con, anh_chi_em */
	const char *full_name;
	int is_member;
	const char *exempt_reason; /* NULL: to be checked */
	int64_t version;
	struct withdrawal withdrawn;
};
struct relative_list {
	struct relative_row *v;
	size_t n;
};
int store_relative_insert(struct store *s, const struct relative_row *r, int64_t *ret_id);
int store_relatives_of_case(struct store *s, int64_t case_id, struct arena *a,
                            struct relative_list *ret);

/* An attached file: its contents are a blob stored once under their
 * SHA-256 (hex). */
struct attachment_row {
	int64_t id, case_id;
	const char *sha256; /* 64 hex digits */
	const char *filename, *mime;
	int64_t size;
	int64_t user_id;
	const char *at;
	int64_t version;
	struct withdrawal withdrawn;
};
struct attachment_list {
	struct attachment_row *v;
	size_t n;
};
/* Store the contents once (nothing happens when the hash is known). */
int store_blob_put(struct store *s, const char *sha256, const void *data, size_t len);
/* The contents of a blob, copied into a (HOSO_E_NOT_FOUND when unknown). */
int store_blob_get(struct store *s, const char *sha256, struct arena *a, const void **ret,
                   size_t *ret_len);
int store_attachment_insert(struct store *s, const struct attachment_row *r, int64_t *ret_id);
int store_attachment_get(struct store *s, int64_t id, struct arena *a, struct attachment_row *ret);
int store_attachments_of_case(struct store *s, int64_t case_id, struct arena *a,
                              struct attachment_list *ret);
/* A letter's scans (table petition_scan), as attachment rows whose case_id
 * is the letter's id; the contents in the same blob table. */
int store_scan_insert(struct store *s, const struct attachment_row *r, int64_t *ret_id);
int store_scan_get(struct store *s, int64_t id, struct arena *a, struct attachment_row *ret);
int store_scans_of_petition(struct store *s, int64_t petition_id, struct arena *a,
                            struct attachment_list *ret);
/* Withdraw scan id at version (HOSO_E_CONFLICT: another version, or
 * withdrawn already). */
int store_scan_withdraw(struct store *s, int64_t id, int64_t version, int64_t user_id,
                        const char *reason);

/* ---- live counters of the report figures (counter.c) ---- */
/* The SQL that recounts figure f from the raw records, appended to out:
 * "SELECT org AS o, day AS d, code AS m, dim AS x, level AS k FROM ..."
 * (for benchmarks that recount beside the counters); HOSO_E_NOT_FOUND for
 * a figure the store does not count (one from a deadline). */
struct buf;
int store_counter_source_select(enum figure f, struct buf *out);
/* The hash of the triggers' definitions, in hex (BLAKE2b-256): opening a
 * database whose counters were made with other definitions reinstalls
 * the triggers and recounts (store_open). */
#define STORE_COUNTERS_HASH_HEX 65
int store_counters_hash(char out[STORE_COUNTERS_HASH_HEX]);
/* Recount every figure from the raw records (recovery). */
int store_counters_rebuild(struct store *s);
/* How many (organisation, day, figure, breakdown, level) keys differ
 * between the counters and a recount from the raw records. */
int store_counters_verify(struct store *s, int64_t *ret_diffs);
/* What a line of a report's reading is. */
enum report_line {
	REPORT_LINE_COUNT,        /* a count of a figure on one day (counter) */
	REPORT_LINE_SUBJECT,      /* a subject of a figure about organisations or
	                           * persons on one day (counter_subject), for the
	                           * distinct counts */
	REPORT_LINE_TRAVELLER,    /* a traveller back from a trip, whose return
	                           * report's deadline runs from start to done */
	REPORT_LINE_LETTER,       /* a verification letter, whose answer's
	                           * deadline runs from start to done */
	REPORT_LINE_DENUNCIATION, /* a denunciation case (case_id), whose
	                           * resolution's deadline comes from its history */
	REPORT_LINE_COMPLAINT,    /* a complaint case (case_id), likewise */
	REPORT_LINE__MAX
};
/* One line of a report's reading. */
struct report_cell {
	enum report_line line;
	int64_t top;        /* as at the time: the child of the root the records' organisation
	                     * sat under then (or the root); else that organisation */
	enum figure figure; /* COUNT, SUBJECT: the figure; else FIGURE__MAX */
	const char *dim;
	int64_t who; /* a subject line: the organisation's or person's id */
	int64_t n;   /* how many (not 0) */
	int32_t day;
	int conf;
	int32_t start, done; /* TRAVELLER, LETTER: returned and report received,
	                      * or sent and answered (DATE_NONE: not yet) */
	int64_t case_id;     /* store_figure_records, and the lines of a case
	                      * (DENUNCIATION, COMPLAINT): the case the record is
	                      * of; else 0 */
	int person;          /* store_figure_records: who is a person (else an
	                      * organisation; 0 for none) */
};
/* Everything a report reads, in one statement (so the tree is walked once):
 * the counters and the counts by subject of days from..to at
 * confidentiality up to max_conf, and the travellers of trips opened and
 * the verification letters sent on those days.  at_the_time: of the organisations under
 * root at the time of each record, top the child of root they sat under.
 * Otherwise of every organisation whose records may count under root under
 * the structure of some day - root, whatever was ever below it, and their
 * predecessors by succession (a superset) - top that organisation, for the
 * caller to map to its successor.  fn returns non-zero to stop (returned). */
int store_report_cells(struct store *s, int64_t root, int at_the_time, int32_t from, int32_t to,
                       int max_conf, int (*fn)(const struct report_cell *c, void *arg), void *arg);
/* The records behind figure f's counts in store_report_cells' reading
 * (same root, days, confidentiality and placing), one line each (n 1),
 * with the case each is of and its subject: the occurrences a counter
 * adds up, or the travellers and letters a deadline figure is computed
 * from (the caller keeps those whose deadline gives f).  Newest first.
 * HOSO_E_NOT_FOUND for a figure with no records (none today). */
int store_figure_records(struct store *s, enum figure f, int64_t root, int at_the_time,
                         int32_t from, int32_t to, int max_conf,
                         int (*fn)(const struct report_cell *c, void *arg), void *arg);
/* The days in (after, until] on which the structure changed, with how many
 * successions each (for a report's footnote). */
int store_successions_between(struct store *s, int32_t after, int32_t until,
                              int (*fn)(int32_t day, int64_t n, void *arg), void *arg);

/* A political-standard appraisal's details and its dossier's documents. */
struct appraisal_row {
	int64_t case_id;
	const char *requester;
	const char *outcome;  /* dat, khong_dat, chuyen_cap_tren; NULL: not yet */
	const char *position; /* the position or level it names */
	int64_t version;
};
struct appraisal_doc_row {
	int64_t id, case_id;
	const char *name;
	int present;
};
struct appraisal_doc_list {
	struct appraisal_doc_row *v;
	size_t n;
};
int store_appraisal_put(struct store *s, const struct appraisal_row *r);
int store_appraisal_get(struct store *s, int64_t case_id, struct arena *a,
                        struct appraisal_row *ret);
/* An inspection's actor (who inspects: app/inspection.h), written whole as
 * an appraisal is (migration 32). */
struct inspection_row {
	int64_t case_id;
	const char *actor; /* cap_uy, ban_thuong_vu, ubkt, chi_bo */
	int64_t version;
};
int store_inspection_put(struct store *s, const struct inspection_row *r);
int store_inspection_get(struct store *s, int64_t case_id, struct arena *a,
                         struct inspection_row *ret);
/* Add the document named, or change whether it is present; its id. */
int store_appraisal_doc_put(struct store *s, int64_t case_id, const char *name, int present,
                            int64_t *ret_id);
int store_appraisal_docs(struct store *s, int64_t case_id, struct arena *a,
                         struct appraisal_doc_list *ret);

/* Who works on a case: user ids, ascending. */
struct id_list {
	int64_t *v;
	size_t n;
};
/* A new version of case id, when it is at version (HOSO_E_CONFLICT
 * otherwise): for changes kept outside the case row. */
/* A case's confidentiality, when it is at version (HOSO_E_CONFLICT
 * otherwise); a new version.  Its counts move with it (call inside the
 * caller's transaction). */
int store_case_set_confidentiality(struct store *s, int64_t id, int conf, int64_t version);
/* One case's share of the report counters taken out (sign < 0) or put
 * back, inside the caller's transaction (store_case_set_confidentiality
 * does both around its change). */
int store_counters_case(struct store *s, int64_t case_id, int sign);
int store_case_touch(struct store *s, int64_t id, int64_t version);
/* Replace the assignees of a case with ids[0..n) (inside the caller's
 * transaction). */
/* The highest case id so far (0: none, or on error). */
int64_t store_case_max_id(struct store *s);
int store_case_assignees_set(struct store *s, int64_t case_id, const int64_t *ids, size_t n);
int store_case_assignees(struct store *s, int64_t case_id, struct arena *a, struct id_list *ret);
/* The cases user_id is assigned to, ascending. */
int store_cases_of_assignee(struct store *s, int64_t user_id, struct arena *a, struct id_list *ret);
/* The ids of the cases whose linked case is case_id, oldest first, at most
 * limit. */
int store_cases_linked_to(struct store *s, int64_t case_id, size_t limit, struct arena *a,
                          struct id_list *ret);
/* The ids of the cases about a person (a subject, a traveller, a
 * discipline's subject), newest first, at most limit. */
int store_cases_of_person(struct store *s, int64_t person_id, size_t limit, struct arena *a,
                          struct id_list *ret);
/* The ids of the cases an organisation handles or is a subject of, below
 * id before, newest first, at most limit. */
int store_cases_of_org(struct store *s, int64_t org_id, int64_t before, size_t limit,
                       struct arena *a, struct id_list *ret);

/* Deadline rules an administrator changed (the defaults are the app's). */
struct deadline_rule_row {
	const char *code;
	int working_days, remind_early, remind_late; /* reminders in % of the time */
};
struct deadline_rule_list {
	struct deadline_rule_row *v;
	size_t n;
};
int store_deadline_rules(struct store *s, struct arena *a, struct deadline_rule_list *ret);
int store_deadline_rule_put(struct store *s, const struct deadline_rule_row *r, int64_t user_id);

/* ---- users and sessions ---- */

struct user_row {
	int64_t id;
	const char *username;
	const char *full_name;
	int64_t org_id;            /* scope: this organisation's subtree; 0: everything */
	unsigned roles;            /* bit (1 << enum role), see app.h */
	int clearance;             /* enum clearance */
	const char *password_hash; /* argon2id, libsodium's string form */
	int disabled;
	int failed_logins;
	int64_t locked_until;             /* unix seconds; 0: not locked */
	const unsigned char *totp_secret; /* 20 bytes, or NULL */
	int totp_enabled;
	int64_t totp_last_step;     /* the last time step used: no replay */
	const char *recovery_codes; /* JSON array of SHA-256 hex of unused codes */
};
struct user_list {
	struct user_row *v;
	size_t n;
};

/* HOSO_E_DUPLICATE when the user name is taken. */
int store_user_insert(struct store *s, const struct user_row *u, int64_t *ret_id);
int store_user_by_name(struct store *s, const char *username, struct arena *a,
                       struct user_row *ret);
int store_user_get(struct store *s, int64_t id, struct arena *a, struct user_row *ret);
int store_user_list(struct store *s, struct arena *a, struct user_list *ret);
/* Write every mutable field of u (by u->id). */
int store_user_update(struct store *s, const struct user_row *u);
int store_user_count(struct store *s, int64_t *ret);

struct session_row {
	int64_t user_id;
	const char *csrf;
	int64_t created_at, last_seen; /* unix seconds */
};
/* hash: 32 bytes (the token itself is never stored). */
int store_session_insert(struct store *s, const unsigned char *hash, int64_t user_id,
                         const char *csrf, int64_t now, const char *address);
int store_session_get(struct store *s, const unsigned char *hash, struct arena *a,
                      struct session_row *ret);
int store_session_touch(struct store *s, const unsigned char *hash, int64_t now);
int store_session_delete(struct store *s, const unsigned char *hash);
int store_session_delete_user(struct store *s, int64_t user_id);
/* Sessions seen after seen_after and created after created_after (unix
 * seconds): the ones still alive. */
int store_session_active(struct store *s, int64_t seen_after, int64_t created_after, int64_t *ret);
/* The database file's size in bytes (pages in use and free, not the WAL). */
int store_db_bytes(struct store *s, int64_t *ret);

/* ---- the audit trail ---- */

struct audit_row {
	int64_t id;
	const char *at;  /* UTC, "2026-11-24T21:59:16.123Z" */
	int64_t user_id; /* 0: the local system */
	const char *address;
	const char *action;      /* "read", "search", "export", "create", "update", ... */
	const char *object_type; /* "person", "org", "user", ... or NULL */
	int64_t object_id;
	const char *purpose;
	const char *detail; /* JSON text: a query, before/after values; never record data */
	int flagged;        /* read outside the normal scope ("break the glass") */
	unsigned char prev_hash[32], hash[32];
	/* the user's account, from queries only (not part of the chain); NULL
	 * for the local system or an unknown id */
	const char *username, *user_name;
};
struct audit_list {
	struct audit_row *v;
	size_t n;
};

/* The last entry's id and hash (0 and zeros when the trail is empty). */
int store_audit_tail(struct store *s, int64_t *ret_id, unsigned char *ret_hash);
/* Append (the caller computed id, prev_hash and hash; inside a write
 * transaction so that the tail cannot move). */
int store_audit_insert(struct store *s, const struct audit_row *r);
/* Every entry in id order, one at a time: fn returns < 0 to stop. */
int store_audit_scan(struct store *s, int (*fn)(const struct audit_row *r, void *arg), void *arg);
/* Filters of a query of the trail: NULL / 0 = any. */
struct audit_filter {
	const char *object_type;
	int64_t object_id;
	int64_t user_id;
	const char *action;
	const char *at_from;  /* entries at or after this UTC timestamp (text) */
	const char *at_until; /* entries strictly before this UTC timestamp */
	int flagged_only;
	int64_t before_id; /* paging: entries with a smaller id */
	size_t limit;
};
/* Newest first, at most f->limit entries. */
int store_audit_query(struct store *s, const struct audit_filter *f, struct arena *a,
                      struct audit_list *ret);
/* The same entries one at a time (strings valid during the call): fn
 * returns < 0 to stop with that code, > 0 to stop there (0 returned). */
int store_audit_query_each(struct store *s, const struct audit_filter *f,
                           int (*fn)(const struct audit_row *r, void *arg), void *arg);

/* ---- calendar entries (admin-editable yearly table) ---- */
struct cal_entry_row {
	int32_t day;
	const char *kind; /* "off", "work", "not_off" */
	const char *name;
	const char *source;
};
struct cal_entry_list {
	struct cal_entry_row *v;
	size_t n;
};
int store_cal_entries(struct store *s, struct arena *a, struct cal_entry_list *ret);
/* The entry of one day; HOSO_E_NOT_FOUND when none. */
int store_cal_entry_get(struct store *s, int32_t day, struct arena *a, struct cal_entry_row *ret);
int store_cal_entry_put(struct store *s, const struct cal_entry_row *r);
int store_cal_entry_delete(struct store *s, int32_t day);

/* ---- statistics for summaries ---- */
/* Members (dự bị and chính thức) of each organisation on day, from the
 * membership history; for tree summaries. */
struct org_count {
	int64_t org_id;
	int64_t n;
};
/* Members (probationary and full) of each organisation on day, counting
 * only persons whose confidentiality is at most max_conf. */
int store_member_counts(struct store *s, int32_t day, int max_conf, struct arena *a,
                        struct org_count **ret, size_t *ret_n);

/* ---- period reports submitted and approved; locks (submission.c) ---- */
struct submission_row {
	int64_t id, org_id;
	int32_t from, to;
	const char *state;   /* submitted, returned, approved, reopened */
	const char *figures; /* JSON {code: total} as submitted */
	const char *note;
	int64_t submitted_by;
	const char *submitted_at; /* ISO 8601 UTC */
	int64_t decided_by;       /* 0: not yet */
	const char *decided_at, *reason;
	int64_t version;
};
/* HOSO_E_DUPLICATE when the period already has a submission waiting or
 * approved for that organisation. */
int store_submission_insert(struct store *s, const struct submission_row *r, int64_t *ret_id);
int store_submission_get(struct store *s, int64_t id, struct arena *a, struct submission_row *ret);
/* The latest submission of org for exactly from..to; HOSO_E_NOT_FOUND. */
int store_submission_latest(struct store *s, int64_t org, int32_t from, int32_t to, struct arena *a,
                            struct submission_row *ret);
/* Move it to state (by, reason); HOSO_E_CONFLICT when version moved on. */
int store_submission_decide(struct store *s, int64_t id, int64_t version, const char *state,
                            int64_t by, const char *reason);
/* Lock the period of an approved submission: every organisation org's
 * report sums, over the days it sat under org.  From then on, a commit
 * whose counter changes there do not cancel out fails with
 * HOSO_E_PERIOD_LOCKED (and is rolled back). */
int store_period_lock(struct store *s, int64_t submission, int64_t org, int32_t from, int32_t to);
int store_period_unlock(struct store *s, int64_t submission);
/* The approved submission whose lock covers org on day, or 0. */
int store_period_locked(struct store *s, int64_t org, int32_t day, int64_t *ret_submission);

/* ---- party terms (term.c) ---- */
struct term_row {
	int64_t id, org_id;
	int first_year, last_year; /* "nhiệm kỳ 2020-2025" */
	int32_t congress;          /* the day of the congress that opened it */
	const char *document;
	int64_t created_by;
};
struct term_list {
	struct term_row *v;
	size_t n;
};
/* HOSO_E_DUPLICATE when the organisation has a term from that year. */
int store_term_insert(struct store *s, const struct term_row *r, int64_t *ret_id);
/* The terms recorded for org, by first year (none: n = 0). */
int store_terms_of_org(struct store *s, int64_t org, struct arena *a, struct term_list *ret);

/* ---- a denunciation's content points (case.c) ---- */
struct point_row {
	int64_t id, case_id;
	const char *content;
	const char *conclusion; /* dung, dung_mot_phan, sai; NULL: not yet */
	int64_t version;
	struct withdrawal withdrawn;
};
struct point_list {
	struct point_row *v;
	size_t n;
};
int store_point_insert(struct store *s, int64_t case_id, const char *content, int64_t *ret_id);
int store_point_get(struct store *s, int64_t id, struct arena *a, struct point_row *ret);
int store_points_of_case(struct store *s, int64_t case_id, struct arena *a, struct point_list *ret);
/* The content and conclusion of point r at r->version (HOSO_E_CONFLICT
 * otherwise, or when withdrawn). */
int store_point_edit(struct store *s, const struct point_row *r);

/* ---- the register of incoming letters (petition.c) ---- */
struct petition_row {
	int64_t id, org_id; /* org: the body that received it and handles it */
	int32_t received;
	const char *channel, *kind, *sender_status;
	const char *sender_name, *sender_address; /* NULL: none given */
	const char *summary;
	int confidentiality;
	int64_t contested_case;    /* a complaint: the discipline case (0: none) */
	int32_t decision_received; /* a complaint: when the decision reached the
	                            * complainant (DATE_NONE: not known) */
	const char *state;         /* moi, thu_ly, chuyen, luu */
	int64_t case_id;           /* thu_ly: the case opened (0: none) */
	const char *transfer_to;   /* chuyen: the receiving body */
	int32_t transfer_date;
	const char *transfer_number, *reason, *note;
	int64_t duplicate_of; /* an earlier letter of the same sender about the
	                       * same subjects (0: none) */
	int64_t created_by, classified_by;
	const char *classified_at;
	int64_t version;
};
struct petition_list {
	struct petition_row *v;
	size_t n;
};
/* A subject: org_id or person_id. */
struct petition_subject_row {
	int64_t org_id, person_id;
};
struct petition_subject_list {
	struct petition_subject_row *v;
	size_t n;
};
int store_petition_insert(struct store *s, const struct petition_row *r, int64_t *ret_id);
int store_petition_get(struct store *s, int64_t id, struct arena *a, struct petition_row *ret);
/* Received by the organisations orgs (a JSON array of ids; NULL: any), up
 * to confidentiality max_conf, within from..to (DATE_NONE: open), in state
 * (NULL: any), below id before (0: from the newest), newest first. */
int store_petitions(struct store *s, const char *orgs, int max_conf, int32_t from, int32_t to,
                    const char *state, int64_t before, size_t limit, struct arena *a,
                    struct petition_list *ret);
/* Record the classification (state and what goes with it) of a letter
 * still new (state moi) at version; HOSO_E_CONFLICT otherwise. */
int store_petition_classify(struct store *s, const struct petition_row *r);
/* The letter that opened case case_id (HOSO_E_NOT_FOUND: none). */
int store_petition_of_case(struct store *s, int64_t case_id, int64_t *ret_id);
int store_petition_subject_add(struct store *s, int64_t petition_id, int64_t org_id,
                               int64_t person_id);
int store_petition_subjects(struct store *s, int64_t petition_id, struct arena *a,
                            struct petition_subject_list *ret);
/* The newest earlier letter to org from the sender named (folded alike)
 * about one of the organisations or persons (JSON arrays of ids): its id,
 * or 0 when none. */
int store_petition_same(struct store *s, const char *sender, int64_t org, const char *orgs,
                        const char *persons, int64_t *ret_id);

/* ---- the inbox (notice.c) ---- */
struct notice_row {
	int64_t id, user_id, case_id;
	const char *kind; /* assigned, waiting, early, late, overdue, escalated */
	const char *ref;  /* what within the case: a state, a rule and level */
	const char *text, *text_en;
	const char *at, *read_at; /* UTC; read_at NULL while unread */
};
struct notice_list {
	struct notice_row *v;
	size_t n;
};
/* Add r unless the user already has a notice of that case, kind and ref
 * (then nothing changes; 0 either way). */
int store_notice_add(struct store *s, const struct notice_row *r);
/* The user's notices with id < before (0: from the newest), newest
 * first, at most limit; only the unread ones when unread_only. */
int store_notices(struct store *s, int64_t user_id, int64_t before, int unread_only, size_t limit,
                  struct arena *a, struct notice_list *ret);
/* Mark one of the user's notices read (id 0: all of them). */
int store_notice_read(struct store *s, int64_t user_id, int64_t id);

/* ---- corrections (correct.c): records edited and withdrawn ---- */

/* The records of a case a user may withdraw. */
enum store_record {
	STORE_REC_FINDING,
	STORE_REC_REMEDY,
	STORE_REC_DOCUMENT,
	STORE_REC_NOTE,
	STORE_REC_TRAVELLER,
	STORE_REC_RELATIVE,
	STORE_REC_LETTER,
	STORE_REC_SUBJECT,
	STORE_REC_ATTACHMENT,
	STORE_REC_POINT,
	STORE_REC__MAX
};
/* Of record id of kind k: its case, version and whether it is withdrawn
 * (HOSO_E_NOT_FOUND when there is none). */
struct store_record_head {
	int64_t case_id, version;
	int withdrawn;
};
int store_record_head(struct store *s, enum store_record k, int64_t id,
                      struct store_record_head *ret);
/* Withdraw record id of kind k when it is at version and not withdrawn
 * (HOSO_E_CONFLICT otherwise), by user_id, for reason; a finding's
 * remedies still standing are withdrawn with it. */
int store_record_withdraw(struct store *s, enum store_record k, int64_t id, int64_t version,
                          int64_t user_id, const char *reason);
/* How many findings not withdrawn are about subject id. */
int store_subject_findings(struct store *s, int64_t subject_id, int64_t *ret);
/* Record id of kind k read into *ret, and a record of kind k written whole
 * (as store_<kind>_get and store_<kind>_edit below): *ret and *r are the
 * kind's row (struct finding_row, remedy_row, case_document_row,
 * traveller_row, relative_row, letter_row, point_row); HOSO_E_INVALID for a kind
 * that is not edited (notes, subjects, attachments). */
int store_record_get(struct store *s, enum store_record k, int64_t id, struct arena *a, void *ret);
int store_record_edit(struct store *s, enum store_record k, const void *r);

/* The edits of a record as a whole, r->version the one read
 * (HOSO_E_CONFLICT when it is no longer the stored one, or the record is
 * withdrawn); the version goes up by one. */
/* A case's: its report counters move with it when figures (a new type,
 * opening date or organisation) is set. */
int store_case_edit(struct store *s, const struct case_row *r, int figures);
int store_case_subject_relink(struct store *s, int64_t subject_id, int64_t org_version_id);
int store_finding_edit(struct store *s, const struct finding_row *r);
int store_remedy_edit(struct store *s, const struct remedy_row *r);
int store_document_edit(struct store *s, const struct case_document_row *r);
int store_letter_edit(struct store *s, const struct letter_row *r);
int store_traveller_edit(struct store *s, const struct traveller_row *r);
int store_relative_edit(struct store *s, const struct relative_row *r);
int store_relative_get(struct store *s, int64_t id, struct arena *a, struct relative_row *ret);
int store_document_get(struct store *s, int64_t id, struct arena *a, struct case_document_row *ret);

#endif
