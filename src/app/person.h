/*
 * person.h - persons (members, applicants, cadres): validation of what users
 * type, the search and sort keys, membership history, search.
 */
#ifndef HOSO_APP_PERSON_H
#define HOSO_APP_PERSON_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

enum person_status {
	PERSON_APPLICANT,    /* quần chúng (not a member: applicant, cadre) */
	PERSON_PROBATIONARY, /* đảng viên dự bị */
	PERSON_FULL,         /* đảng viên chính thức */
	PERSON_TRANSFERRED,  /* chuyển đi */
	PERSON_STRUCK_OFF,   /* xóa tên */
	PERSON_EXPELLED,     /* khai trừ */
	PERSON_DECEASED,     /* từ trần */
	PERSON_STATUS__MAX
};

const char *person_status_code(enum person_status s); /* "chinh_thuc" */
const char *person_status_label(const char *code);    /* "Chính thức" */
int person_status_parse(const char *s, enum person_status *ret);
/* The code set "person_status" as [{code, name, name_en}...]. */
json_t *person_status_codes_json(void);
/* The code set "sex" ("nam", "nu") as [{code, name, name_en}...]. */
json_t *person_sex_codes_json(void);

/*
 * A person as typed: every field is text in any accepted form (dates as
 * dd/mm/yyyy, mm/yyyy, yyyy or yyyy-mm-dd; sex as "Nam"/"Nữ"; status as a
 * code or its Vietnamese label).  NULL or "" means not given; in an update
 * (person_update) NULL keeps the stored value and "" clears it.
 */
struct person_input {
	const char *full_name;
	const char *family_name, *middle_name, *given_name; /* override the split */
	const char *sex;
	const char *birth_date;
	const char *home_town, *residence, *ethnicity;
	const char *cccd, *party_file_no, *party_card_no;
	const char *admission_date, *full_member_date;
	const char *status;
	const char *management_level;
	int64_t org_id;      /* current organisation (membership opens on join) */
	const char *joined;  /* date the membership in org_id starts (default:
	                      * admission date, else today) */
	int confidentiality; /* enum clearance */
};

/*
 * Validate and normalise in into a store row (strings from a).  Each bad
 * field gives its own error naming the field.  Used by create, update and
 * import alike.
 */
int person_prepare(struct app *app, const struct person_input *in, struct arena *a,
                   struct person_row *ret, struct err *e);

int person_create(struct app *app, const struct actor *who, const struct person_input *in,
                  int64_t *ret_id, struct err *e);
/* Store a prepared row (inside the caller's transaction): insert the person
 * and open the membership; for import. */
int person_insert_prepared(struct app *app, struct person_row *row, int32_t joined, int64_t *ret_id,
                           struct err *e);
/*
 * A user's read of a person record: recorded in the audit trail before the
 * record is returned.  Outside the actor's scope the record is "not found",
 * unless a leader or administrator states a reason (>= 10 characters) to
 * break the glass: then it is returned and the read is flagged.  ret_ms
 * and ret_ps (each may be NULL) receive the membership history and the
 * positions held, both part of the record.
 */
int person_read(struct app *app, const struct actor *who, int64_t id, const char *reason,
                struct arena *a, struct person_row *ret, struct membership_list *ret_ms,
                struct position_list *ret_ps, struct err *e);
/*
 * Correct a record: only the fields in gives change (see struct
 * person_input), when the record is still at version (HOSO_E_CONFLICT
 * otherwise); the audit entry holds each changed field's before and after.
 * The organisation changes only by a transfer and the confidentiality only
 * by person_set_confidentiality: in->org_id and in->confidentiality are not
 * read.  Officers and administrators, within their scope and clearance.
 */
int person_update(struct app *app, const struct actor *who, int64_t id, int64_t version,
                  const struct person_input *in, struct err *e);
/*
 * Classify or declassify a record (level: enum clearance), its own audited
 * action ("confidentiality", with before/after and the reason given as the
 * entry's purpose).  Leaders and administrators whose clearance reaches
 * both the record's level and the new one.
 */
int person_set_confidentiality(struct app *app, const struct actor *who, int64_t id, int level,
                               int64_t version, const char *reason, struct err *e);
/*
 * Records kept as possible duplicates (an identifier already held by a
 * record their author could not see), each beside the record it may
 * duplicate: only the pairs whose two records the actor may see.
 * Administrators.  Recorded in the audit trail.
 */
struct person_dup_pair {
	struct person_row p, of;
};
int person_duplicates(struct app *app, const struct actor *who, struct arena *a,
                      struct person_dup_pair **ret, size_t *ret_n, struct err *e);

/* The views of a person the API and the CLI print alike: brief (lists,
 * search results) and whole (one record, with memberships and positions;
 * organisations named only when the actor may see them).  New references. */
json_t *person_brief_json(struct app *app, const struct actor *who, const struct person_row *p,
                          struct arena *a);
json_t *person_view_json(struct app *app, const struct actor *who, const struct person_row *p,
                         const struct membership_list *ms, const struct position_list *ps,
                         struct arena *a);
int person_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
               struct person_row *ret, struct err *e);
int person_memberships(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                       struct membership_list *ret, struct err *e);
/* Record a position held (chức vụ), e.g. "Bí thư chi bộ", from..to
 * (to = DATE_OPEN while held).  *ret_id may be NULL. */
int person_add_position(struct app *app, const struct actor *who, int64_t id, int64_t org_id,
                        const char *title, int32_t from, int32_t to, int64_t *ret_id,
                        struct err *e);
/* Move to another organisation from day (closes and opens memberships). */
int person_transfer(struct app *app, const struct actor *who, int64_t id, int64_t to_org,
                    int32_t day, const char *note, struct err *e);

/* Current members of org, sorted by given, middle, family name. */
int person_list_by_org(struct app *app, const struct actor *who, int64_t org_id, size_t limit,
                       size_t offset, struct arena *a, struct person_list *ret, struct err *e);

/*
 * Search by name or identifier, ignoring case, diacritics, tone placement
 * and i/y spelling; each word may be a prefix.  Exact matches of the whole
 * name (or of a CCCD/party file/card number) come first, then whole-word
 * matches, then prefix matches; ties in Vietnamese name order.  At most
 * limit (<= 1000) results, all within the actor's scope.  The search (its
 * words and the number of results) is recorded in the audit trail.
 */
#define PERSON_SEARCH_MAX 1000
int person_search(struct app *app, const struct actor *who, const char *query, size_t limit,
                  struct arena *a, struct person_list *ret, struct err *e);
/* The same search without its audit entry: for benchmarks of the search
 * engine only.  Everything a user does goes through person_search. */
int person_search_unaudited(struct app *app, const struct actor *who, const char *query,
                            size_t limit, struct arena *a, struct person_list *ret, struct err *e);

/*
 * The FTS5 match expression of a query at one stage: every word whole
 * ("lo" "van" "muon"), the last word a prefix (... "muon"*), or every word a
 * prefix.  key receives the folded query.  Empty when the query has no
 * searchable word.
 */
enum match_stage { MATCH_WHOLE, MATCH_LAST_PREFIX, MATCH_ALL_PREFIX, MATCH__MAX };
int person_search_match(const char *query, enum match_stage stage, struct buf *key,
                        struct buf *match);
/* The start of a search by name: *limit made a page's size (at most max;
 * 20 when 0) and query's match at stage in key and match (as above);
 * 0, or < 0 with e naming "q". */
int person_search_start(const char *query, enum match_stage stage, size_t max, size_t *limit,
                        struct buf *key, struct buf *match, struct err *e);

/* Validators, exposed for import and tests. */
int person_check_cccd(const char *s, struct buf *out, struct err *e);
int person_check_party_file(const char *s, struct buf *out, struct err *e);
int person_check_party_card(const char *s, struct buf *out, struct err *e);

#endif
