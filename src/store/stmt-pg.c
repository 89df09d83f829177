/*
 * stmt-pg.c - the SQL of each statement for PostgreSQL (db-pg.c), the same
 * enum as stmt_sqlite[] (stmt.c).  Where the engines differ: $N for ?N,
 * GREATEST/LEAST for the scalar max/min, jsonb_array_elements_text for
 * json_each, to_char for strftime, ON CONFLICT DO NOTHING for INSERT OR
 * IGNORE, and the name search over a tsvector of the folded key
 * (hoso_tsquery, migrate-pg.c) for FTS5, whose index PostgreSQL does not
 * keep by hand (the two person_fts statements do nothing).
 */
#include "store/storeInt.h"

#include "core/banned.h"

/* The organisations alive on $1 whose folded name matches $2, ranked (as
 * stmt.c's ORG_SEARCH), with IN narrowing them to a scope. */
#define ORG_SEARCH_PG(IN)                                                                          \
	"SELECT o.id, o.code, v.name, v.kind, v.parent_id, po.code, pv.name, CASE WHEN "           \
	"v.search_key = $4 OR lower(o.code) = lower($3) THEN 0 WHEN substr(v.search_key, 1, "      \
	"length($4)) = $4 OR lower(substr(o.code, 1, length($3))) = lower($3) THEN 1 WHEN "        \
	"strpos(' ' || v.search_key, ' ' || $4) > 0 THEN 2 ELSE 3 END AS r FROM org_version v "    \
	"JOIN org o ON o.id = v.org_id LEFT JOIN org po ON po.id = v.parent_id LEFT JOIN "         \
	"org_version pv ON pv.org_id = v.parent_id AND pv.valid_from <= $1 AND (pv.valid_to IS "   \
	"NULL OR pv.valid_to > $1) WHERE v.valid_from <= $1 AND (v.valid_to IS NULL OR "           \
	"v.valid_to > $1) " IN "AND (hoso_words(v.search_key, $2) OR lower(substr(o.code, 1, "     \
	"length($3))) = lower($3)) ORDER BY r, v.search_key, o.code LIMIT $5"

const char *const stmt_pg[STMT__MAX] = {
    [STMT_BEGIN] = "BEGIN",
    [STMT_COMMIT] = "COMMIT",
    [STMT_ROLLBACK] = "ROLLBACK",
    [STMT_ORG_INSERT] = "INSERT INTO org(code, valid_from) VALUES ($1, $2) RETURNING id",
    [STMT_ORG_VERSION_INSERT] =
        "INSERT INTO org_version(org_id, valid_from, name, kind, parent_id, document, "
        "search_key) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    [STMT_ORG_BY_CODE] = "SELECT id FROM org WHERE code = $1",
    [STMT_ORG_AT] =
        "SELECT o.id, o.code, o.valid_from, o.valid_to, v.id, v.valid_from, v.valid_to, "
        "v.name, v.kind, v.parent_id, v.document FROM org o JOIN org_version v ON "
        "v.org_id = o.id WHERE o.id = $1 AND v.valid_from <= $2 AND (v.valid_to IS NULL "
        "OR v.valid_to > $2)",
    [STMT_ORG_LATEST] =
        "SELECT o.id, o.code, o.valid_from, o.valid_to, v.id, v.valid_from, v.valid_to, "
        "v.name, v.kind, v.parent_id, v.document FROM org o JOIN org_version v ON "
        "v.org_id = o.id WHERE o.id = $1 ORDER BY v.valid_from DESC LIMIT 1",
    [STMT_ORG_ALL_AT] =
        "SELECT o.id, o.code, o.valid_from, o.valid_to, v.id, v.valid_from, v.valid_to, "
        "v.name, v.kind, v.parent_id, v.document FROM org_version v JOIN org o ON o.id = "
        "v.org_id WHERE v.valid_from <= $1 AND (v.valid_to IS NULL OR v.valid_to > $1) "
        "ORDER BY o.code",
    [STMT_ORG_VERSIONS] =
        "SELECT o.id, o.code, o.valid_from, o.valid_to, v.id, v.valid_from, v.valid_to, "
        "v.name, v.kind, v.parent_id, v.document FROM org o JOIN org_version v ON "
        "v.org_id = o.id WHERE o.id = $1 ORDER BY v.valid_from",
    [STMT_ORG_CHILDREN_AT] =
        "SELECT o.id, o.code, o.valid_from, o.valid_to, v.id, v.valid_from, v.valid_to, "
        "v.name, v.kind, v.parent_id, v.document FROM org_version v JOIN org o ON o.id = "
        "v.org_id WHERE v.parent_id = $1 AND v.valid_from <= $2 AND (v.valid_to IS NULL "
        "OR v.valid_to > $2) ORDER BY o.code",
    [STMT_ORG_VERSION_CLOSE] = "UPDATE org_version SET valid_to = $2 WHERE id = $1",
    [STMT_ORG_VERSION_UPDATE] =
        "UPDATE org_version SET name = $2, kind = $3, parent_id = $4, document = "
        "coalesce($5, document), search_key = $6 WHERE id = $1",
    [STMT_ORG_END] = "UPDATE org SET valid_to = $2 WHERE id = $1",
    [STMT_ORG_SEARCH] = ORG_SEARCH_PG(""),
    [STMT_ORG_SEARCH_IN] = ORG_SEARCH_PG("AND v.org_id IN (SELECT value::bigint FROM "
                                         "jsonb_array_elements_text($6::jsonb) AS value) "),
    [STMT_SUCCESSION_INSERT] =
        "INSERT INTO succession(kind, effective, document, note) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
    [STMT_SUCCESSION_LINK_INSERT] =
        "INSERT INTO succession_link(succession_id, from_org, to_org, is_main) VALUES "
        "($1, $2, $3, $4) RETURNING id",
    [STMT_SUCCESSION_OF] =
        "SELECT s.id, s.kind, s.effective, s.document, s.note FROM succession s WHERE "
        "s.id IN (SELECT succession_id FROM succession_link WHERE from_org = $1 OR to_org "
        "= $1) ORDER BY s.effective, s.id",
    [STMT_SUCCESSION_LINKS] =
        "SELECT from_org, to_org, is_main FROM succession_link WHERE succession_id = $1 "
        "ORDER BY id",
    [STMT_SUCCESSION_ENDING] =
        "SELECT s.id, s.kind, s.effective, s.document, s.note FROM succession s JOIN "
        "succession_link l ON l.succession_id = s.id WHERE l.from_org = $1 AND s.kind IN "
        "('merge', 'split', 'dissolve') ORDER BY s.effective DESC, s.id DESC LIMIT 1",
    [STMT_PERSON_INSERT] =
        "INSERT INTO person(full_name, family_name, middle_name, given_name, name_manual, "
        "sex, birth_date, home_town, residence, ethnicity, cccd, party_file_no, "
        "party_card_no, admission_date, full_member_date, status, management_level, "
        "org_id, confidentiality, search_key, sort_key, dup_of) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, "
        "$22) RETURNING id",
    [STMT_PERSON_FTS_INSERT] = "SELECT $1::bigint, $2::text WHERE false",
    [STMT_PERSON_FTS_SINCE] = "SELECT $1::bigint WHERE false",
    [STMT_PERSON_MAX_ID] = "SELECT coalesce(max(id), 0) FROM person",
    [STMT_CASE_MAX_ID] = "SELECT coalesce(max(id), 0) FROM case_file",
    [STMT_PERSON_BULK_SCHEMA] =
        "SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = "
        "current_schema() AND tablename IN ('person', 'membership') AND indexname NOT "
        "LIKE '%\\_pkey' ORDER BY 1, 2",
    [STMT_PERSON_DUP_CCCD] =
        "SELECT cccd, id FROM person WHERE cccd IN (SELECT cccd FROM person WHERE id > $1 "
        "AND cccd IS NOT NULL) ORDER BY cccd, id",
    [STMT_PERSON_DUP_FILE] =
        "SELECT party_file_no, id FROM person WHERE party_file_no IN (SELECT "
        "party_file_no FROM person WHERE id > $1 AND party_file_no IS NOT NULL) ORDER BY "
        "party_file_no, id",
    [STMT_PERSON_DUP_CARD] =
        "SELECT party_card_no, id FROM person WHERE party_card_no IN (SELECT "
        "party_card_no FROM person WHERE id > $1 AND party_card_no IS NOT NULL) ORDER BY "
        "party_card_no, id",
    [STMT_PERSON_DELETE] = "DELETE FROM person WHERE id = $1",
    [STMT_MEMBERSHIP_DELETE_PERSON] = "DELETE FROM membership WHERE person_id = $1",
    [STMT_PERSON_UPDATE] =
        "UPDATE person SET full_name = $1, family_name = $2, middle_name = $3, given_name "
        "= $4, name_manual = $5, sex = $6, birth_date = $7, home_town = $8, residence = "
        "$9, ethnicity = $10, cccd = $11, party_file_no = $12, party_card_no = $13, "
        "admission_date = $14, full_member_date = $15, status = $16, management_level = "
        "$17, org_id = $18, confidentiality = $19, search_key = $20, sort_key = $21, "
        "dup_of = $22, version = version + 1, updated_at = to_char(now() AT TIME ZONE "
        "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE id = $23 AND version = $24",
    [STMT_PERSON_GET] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.id = $1",
    [STMT_MEMBER_COUNTS_ABOVE] =
        "SELECT m.org_id, count(*) FROM person p JOIN membership m ON m.person_id = p.id "
        "WHERE p.confidentiality > 0 AND p.confidentiality > $2 AND m.valid_from <= $1 "
        "AND (m.valid_to IS NULL OR m.valid_to > $1) AND m.status IN ('du_bi', "
        "'chinh_thuc') GROUP BY m.org_id",
    [STMT_PERSON_BY_CCCD] = "SELECT id FROM person WHERE cccd = $1 AND dup_of IS NULL",
    [STMT_PERSON_HOLDERS_CCCD] =
        "SELECT id FROM person WHERE cccd = $1 AND dup_of IS NULL UNION ALL SELECT id "
        "FROM person WHERE dup_of IS NOT NULL AND cccd = $1",
    [STMT_PERSON_HOLDERS_FILE] =
        "SELECT id FROM person WHERE party_file_no = $1 AND dup_of IS NULL UNION ALL "
        "SELECT id FROM person WHERE dup_of IS NOT NULL AND party_file_no = $1",
    [STMT_PERSON_HOLDERS_CARD] =
        "SELECT id FROM person WHERE party_card_no = $1 AND dup_of IS NULL UNION ALL "
        "SELECT id FROM person WHERE dup_of IS NOT NULL AND party_card_no = $1",
    [STMT_PERSON_FLAGGED] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.dup_of IS NOT NULL "
        "ORDER BY p.id",
    [STMT_PERSON_BY_PARTY_FILE] =
        "SELECT id FROM person WHERE party_file_no = $1 AND dup_of IS NULL",
    [STMT_PERSON_BY_PARTY_CARD] =
        "SELECT id FROM person WHERE party_card_no = $1 AND dup_of IS NULL",
    [STMT_PERSON_LIST_BY_ORG] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.org_id = $1 ORDER BY "
        "p.sort_key, p.id LIMIT $2 OFFSET $3",
    [STMT_PERSON_COUNT_BY_ORG] = "SELECT count(*) FROM person WHERE org_id = $1",
    [STMT_PERSON_COUNT] = "SELECT count(*) FROM person",
    [STMT_PERSON_SEARCH_EXACT] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.search_key = $1 LIMIT "
        "$2",
    [STMT_PERSON_SEARCH_FTS] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.id IN (SELECT id FROM "
        "person WHERE to_tsvector('simple', search_key) @@ hoso_tsquery($1) LIMIT $2)",
    [STMT_PERSON_SEARCH_IDS] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.id IN (SELECT id FROM "
        "person WHERE cccd >= $1 AND cccd < $2 UNION SELECT id FROM person WHERE "
        "party_file_no >= $3 AND party_file_no < $4 UNION SELECT id FROM person WHERE "
        "party_card_no >= $1 AND party_card_no < $2 LIMIT $5)",
    [STMT_PERSON_SEARCH_EXACT_IN] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.org_id IN (SELECT "
        "value::bigint FROM jsonb_array_elements_text($2::jsonb) AS value) AND "
        "p.search_key >= $1 AND p.search_key < $5 AND p.confidentiality <= $3 LIMIT $4",
    [STMT_PERSON_SEARCH_FTS_IN] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE to_tsvector('simple', "
        "p.search_key) @@ hoso_tsquery($1) AND p.id >= $5 AND p.id <= $6 AND p.org_id IN "
        "(SELECT value::bigint FROM jsonb_array_elements_text($2::jsonb) AS value) AND "
        "p.confidentiality <= $3 ORDER BY p.id LIMIT $4",
    [STMT_PERSON_SEARCH_SCAN_IN] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.id IN (SELECT q.id FROM "
        "person q WHERE q.org_id IN (SELECT value::bigint FROM "
        "jsonb_array_elements_text($2::jsonb) AS value) AND hoso_words(q.search_key, $1)) "
        "AND p.confidentiality <= $3 LIMIT $4",
    [STMT_PERSON_SEARCH_IDS_IN] =
        "SELECT p.id, p.full_name, p.family_name, p.middle_name, p.given_name, "
        "p.name_manual, p.sex, p.birth_date, p.home_town, p.residence, p.ethnicity, "
        "p.cccd, p.party_file_no, p.party_card_no, p.admission_date, p.full_member_date, "
        "p.status, p.management_level, p.org_id, p.confidentiality, p.version, "
        "p.search_key, p.sort_key, p.dup_of FROM person p WHERE p.org_id IN (SELECT "
        "value::bigint FROM jsonb_array_elements_text($6::jsonb) AS value) AND "
        "p.confidentiality <= $7 AND ((p.cccd >= $1 AND p.cccd < $2) OR (p.party_file_no "
        ">= $3 AND p.party_file_no < $4) OR (p.party_card_no >= $1 AND p.party_card_no < "
        "$2)) LIMIT $5",
    [STMT_PERSON_ID_RANGE] =
        "SELECT min(id), max(id) FROM person WHERE org_id IN (SELECT value::bigint FROM "
        "jsonb_array_elements_text($1::jsonb) AS value)",
    [STMT_PERSON_SET_ORG] = "UPDATE person SET org_id = $2 WHERE id = $1",
    [STMT_MEMBERSHIP_INSERT] =
        "INSERT INTO membership(person_id, org_id, valid_from, valid_to, status, note) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [STMT_MEMBERSHIP_CLOSE] =
        "UPDATE membership SET valid_to = $2 WHERE person_id = $1 AND valid_to IS NULL "
        "AND valid_from < $2",
    [STMT_MEMBERSHIP_OF] =
        "SELECT id, person_id, org_id, valid_from, valid_to, status, note FROM membership "
        "WHERE person_id = $1 ORDER BY valid_from, id",
    [STMT_MEMBERSHIP_OPEN_IN_ORG] =
        "SELECT person_id, status FROM membership WHERE org_id = $1 AND valid_to IS NULL",
    [STMT_POSITION_INSERT] =
        "INSERT INTO position(person_id, org_id, title, valid_from, valid_to) VALUES ($1, "
        "$2, $3, $4, $5) RETURNING id",
    [STMT_POSITION_OF] =
        "SELECT id, person_id, org_id, title, valid_from, valid_to FROM position WHERE "
        "person_id = $1 ORDER BY valid_from, id",
    [STMT_MEMBER_COUNTS] =
        "SELECT org_id, count(*) FROM membership WHERE valid_from <= $1 AND (valid_to IS "
        "NULL OR valid_to > $1) AND status IN ('du_bi', 'chinh_thuc') GROUP BY org_id",
    [STMT_USER_INSERT] = "INSERT INTO app_user(username, full_name, org_id, roles, clearance, "
                         "password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [STMT_USER_BY_NAME] =
        "SELECT id, username, full_name, org_id, roles, clearance, password_hash, "
        "disabled, failed_logins, locked_until, totp_secret, totp_enabled, "
        "totp_last_step, recovery_codes FROM app_user WHERE username = $1",
    [STMT_USER_GET] = "SELECT id, username, full_name, org_id, roles, clearance, password_hash, "
                      "disabled, failed_logins, locked_until, totp_secret, totp_enabled, "
                      "totp_last_step, recovery_codes FROM app_user WHERE id = $1",
    [STMT_USER_LIST] = "SELECT id, username, full_name, org_id, roles, clearance, password_hash, "
                       "disabled, failed_logins, locked_until, totp_secret, totp_enabled, "
                       "totp_last_step, recovery_codes FROM app_user ORDER BY username",
    [STMT_USER_UPDATE] =
        "UPDATE app_user SET full_name = $2, org_id = $3, roles = $4, clearance = $5, "
        "password_hash = $6, disabled = $7, failed_logins = $8, locked_until = $9, "
        "totp_secret = $10, totp_enabled = $11, totp_last_step = $12, recovery_codes = "
        "$13 WHERE id = $1",
    [STMT_USER_COUNT] = "SELECT count(*) FROM app_user",
    [STMT_SESSION_INSERT] =
        "INSERT INTO user_session(token_hash, user_id, csrf, created_at, last_seen, "
        "address) VALUES ($1, $2, $3, $4, $4, $5)",
    [STMT_SESSION_GET] =
        "SELECT user_id, csrf, created_at, last_seen FROM user_session WHERE token_hash = "
        "$1",
    [STMT_SESSION_TOUCH] = "UPDATE user_session SET last_seen = $2 WHERE token_hash = $1",
    [STMT_SESSION_DELETE] = "DELETE FROM user_session WHERE token_hash = $1",
    [STMT_SESSION_DELETE_USER] = "DELETE FROM user_session WHERE user_id = $1",
    [STMT_SESSION_ACTIVE] =
        "SELECT count(*) FROM user_session WHERE last_seen > $1 AND created_at > $2",
    [STMT_DB_BYTES] = "SELECT pg_database_size(current_database())",
    [STMT_AUDIT_TAIL] = "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
    [STMT_AUDIT_INSERT] =
        "INSERT INTO audit(id, at, user_id, address, action, object_type, object_id, "
        "purpose, detail, flagged, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $12) RETURNING id",
    [STMT_AUDIT_SCAN] = "SELECT id, at, user_id, address, action, object_type, object_id, purpose, "
                        "detail, flagged, prev_hash, hash FROM audit ORDER BY id",
    [STMT_AUDIT_QUERY] =
        "SELECT a.id, a.at, a.user_id, a.address, a.action, a.object_type, a.object_id, "
        "a.purpose, a.detail, a.flagged, a.prev_hash, a.hash, u.username, u.full_name "
        "FROM audit a LEFT JOIN app_user u ON u.id = a.user_id WHERE ($1::text IS NULL OR "
        "a.object_type = $1) AND ($2::bigint IS NULL OR a.object_id = $2) AND ($3::bigint "
        "IS NULL OR a.user_id = $3) AND ($4::bigint IS NULL OR a.id < $4) AND ($6::text "
        "IS NULL OR a.action = $6) AND ($7::text IS NULL OR a.at >= $7) AND ($8::text IS "
        "NULL OR a.at < $8) AND ($9::bigint = 0 OR a.flagged = 1) ORDER BY a.id DESC "
        "LIMIT $5",
    [STMT_CAL_ENTRIES] = "SELECT day, kind, name, source FROM cal_entry ORDER BY day",
    [STMT_CAL_ENTRY_GET] = "SELECT day, kind, name, source FROM cal_entry WHERE day = $1",
    [STMT_CAL_ENTRY_PUT] =
        "INSERT INTO cal_entry(day, kind, name, source) VALUES ($1, $2, $3, $4) ON "
        "CONFLICT(day) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = "
        "excluded.source",
    [STMT_CAL_ENTRY_DELETE] = "DELETE FROM cal_entry WHERE day = $1",
    [STMT_CASE_REGISTER_NEXT] =
        "INSERT INTO case_register(org_id, kind, year, last_no) VALUES ($1, $2, $3, 1) ON "
        "CONFLICT (org_id, kind, year) DO UPDATE SET last_no = case_register.last_no + 1 "
        "RETURNING last_no",
    [STMT_CASE_INSERT] =
        "INSERT INTO case_file(number, kind, subtype, title, handling_org, opened, state, "
        "confidentiality, linked_case, created_by, created_at) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) RETURNING id",
    [STMT_CASE_GET] =
        "SELECT id, number, kind, subtype, title, handling_org, opened, state, "
        "confidentiality, conclusion, linked_case, version, created_by, created_at FROM "
        "case_file WHERE id = $1",
    [STMT_CASE_SET_STATE] =
        "UPDATE case_file SET state = $2, conclusion = coalesce($3, conclusion), version "
        "= version + 1 WHERE id = $1 AND version = $4",
    [STMT_CASE_SET_CONF] =
        "UPDATE case_file SET confidentiality = $2, version = version + 1 WHERE id = $1 "
        "AND version = $3",
    [STMT_CASE_LIST] =
        "SELECT id, number, kind, subtype, title, handling_org, opened, state, "
        "confidentiality, conclusion, linked_case, version, created_by, created_at FROM "
        "case_file WHERE id < $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS "
        "NULL OR state = $3) ORDER BY id DESC LIMIT $4",
    [STMT_CASE_SUBJECT_INSERT] =
        "INSERT INTO case_subject(case_id, org_id, org_version_id, person_id) VALUES ($1, "
        "$2, $3, $4) RETURNING id",
    [STMT_CASE_SUBJECTS] =
        "SELECT id, case_id, org_id, org_version_id, person_id, version, withdrawn_at, "
        "withdrawn_by, withdraw_reason FROM case_subject WHERE case_id = $1 ORDER BY id",
    [STMT_CASE_EVENT_INSERT] =
        "INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, "
        "note) VALUES ($1, $2, $3, $4, to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), $5, $6) RETURNING id",
    [STMT_CASE_EVENTS] =
        "SELECT id, case_id, from_state, to_state, on_date, at, user_id, note FROM "
        "case_event WHERE case_id = $1 ORDER BY id",
    [STMT_CASE_DOCUMENT_INSERT] =
        "INSERT INTO case_document(case_id, number_symbol, doc_date, issuer, title, "
        "user_id, at) VALUES ($1, $2, $3, $4, $5, $6, to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) RETURNING id",
    [STMT_CASE_DOCUMENTS] =
        "SELECT id, case_id, number_symbol, doc_date, issuer, title, user_id, at, "
        "version, withdrawn_at, withdrawn_by, withdraw_reason, paper FROM case_document "
        "WHERE case_id = $1 ORDER BY doc_date, id",
    [STMT_CASE_NOTE_INSERT] =
        "INSERT INTO case_note(case_id, user_id, at, text) VALUES ($1, $2, to_char(now() "
        "AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), $3) RETURNING id",
    [STMT_CASE_NOTES] =
        "SELECT id, case_id, user_id, at, text, version, withdrawn_at, withdrawn_by, "
        "withdraw_reason FROM case_note WHERE case_id = $1 ORDER BY id",
    [STMT_DEADLINE_RULES] =
        "SELECT code, working_days, remind_early, remind_late FROM deadline_rule ORDER BY "
        "code",
    [STMT_DEADLINE_RULE_PUT] =
        "INSERT INTO deadline_rule(code, working_days, remind_early, remind_late, "
        "user_id, at) VALUES ($1, $2, $3, $4, $5, to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) ON CONFLICT (code) DO UPDATE SET working_days "
        "= $2, remind_early = $3, remind_late = $4, user_id = $5, at = excluded.at",
    [STMT_LETTER_INSERT] =
        "INSERT INTO case_letter(case_id, recipient, about, number_symbol, sent) VALUES "
        "($1, $2, $3, $4, $5) RETURNING id",
    [STMT_LETTER_GET] =
        "SELECT id, case_id, recipient, about, number_symbol, sent, reminders, "
        "last_reminder, escalated, answered, result, version, withdrawn_at, withdrawn_by, "
        "withdraw_reason FROM case_letter WHERE id = $1",
    [STMT_LETTERS_OF_CASE] =
        "SELECT id, case_id, recipient, about, number_symbol, sent, reminders, "
        "last_reminder, escalated, answered, result, version, withdrawn_at, withdrawn_by, "
        "withdraw_reason FROM case_letter WHERE case_id = $1 ORDER BY id",
    [STMT_LETTERS_OPEN] =
        "SELECT id, case_id, recipient, about, number_symbol, sent, reminders, "
        "last_reminder, escalated, answered, result, version, withdrawn_at, withdrawn_by, "
        "withdraw_reason FROM case_letter WHERE answered IS NULL AND withdrawn_at IS NULL "
        "AND id < $1 ORDER BY id DESC LIMIT $2",
    [STMT_LETTER_UPDATE] =
        "UPDATE case_letter SET reminders = $2, last_reminder = $3, escalated = $4, "
        "answered = $5, result = $6, version = version + 1 WHERE id = $1 AND version = $7 "
        "AND withdrawn_at IS NULL",
    [STMT_DISCIPLINE_INSERT] =
        "INSERT INTO case_discipline(case_id, org_id, person_id, form, violation, "
        "decided, internal_political, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "RETURNING id",
    [STMT_DISCIPLINES_OF_CASE] =
        "SELECT id, case_id, org_id, person_id, form, violation, decided, "
        "internal_political FROM case_discipline WHERE case_id = $1 ORDER BY id",
    [STMT_FINDING_INSERT] =
        "INSERT INTO case_finding(case_id, subject_id, text, conclusion, user_id, at) "
        "VALUES ($1, $2, $3, $4, $5, to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) RETURNING id",
    [STMT_FINDINGS_OF_CASE] =
        "SELECT id, case_id, subject_id, text, conclusion, version, withdrawn_at, "
        "withdrawn_by, withdraw_reason FROM case_finding WHERE case_id = $1 ORDER BY id",
    [STMT_FINDING_GET] = "SELECT id, case_id, subject_id, text, conclusion, version, withdrawn_at, "
                         "withdrawn_by, withdraw_reason FROM case_finding WHERE id = $1",
    [STMT_REMEDY_INSERT] =
        "INSERT INTO case_remedy(finding_id, action, owner, due) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
    [STMT_REMEDIES_OF_CASE] =
        "SELECT r.id, r.finding_id, r.action, r.owner, r.due, r.done, r.result, "
        "r.version, r.withdrawn_at, r.withdrawn_by, r.withdraw_reason FROM case_remedy r "
        "JOIN case_finding f ON f.id = r.finding_id WHERE f.case_id = $1 ORDER BY r.id",
    [STMT_REMEDY_GET] =
        "SELECT r.id, r.finding_id, r.action, r.owner, r.due, r.done, r.result, "
        "r.version, r.withdrawn_at, r.withdrawn_by, r.withdraw_reason FROM case_remedy r "
        "WHERE r.id = $1",
    [STMT_REMEDY_DONE] =
        "UPDATE case_remedy SET done = $2, result = $3, version = version + 1 WHERE id = "
        "$1 AND version = $4 AND done IS NULL AND withdrawn_at IS NULL",
    [STMT_TRIP_PUT] =
        "INSERT INTO case_trip(case_id, purpose, countries, depart, come_back, funding, "
        "in_plan) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id) DO UPDATE SET "
        "purpose = $2, countries = $3, depart = $4, come_back = $5, funding = $6, in_plan "
        "= $7, version = case_trip.version + 1 WHERE case_trip.version = $8",
    [STMT_TRIP_GET] =
        "SELECT case_id, purpose, countries, depart, come_back, funding, in_plan, version "
        "FROM case_trip WHERE case_id = $1",
    [STMT_TRAVELLER_INSERT] =
        "INSERT INTO case_traveller(case_id, person_id, leader, commitment) VALUES ($1, "
        "$2, $3, $4) RETURNING id",
    [STMT_TRAVELLERS_OF_CASE] =
        "SELECT id, case_id, person_id, leader, commitment, departed, returned, "
        "report_received, version, withdrawn_at, withdrawn_by, withdraw_reason FROM "
        "case_traveller WHERE case_id = $1 ORDER BY leader DESC, id",
    [STMT_TRAVELLER_GET] =
        "SELECT id, case_id, person_id, leader, commitment, departed, returned, "
        "report_received, version, withdrawn_at, withdrawn_by, withdraw_reason FROM "
        "case_traveller WHERE id = $1",
    [STMT_TRAVELLER_UPDATE] =
        "UPDATE case_traveller SET commitment = $2, departed = $3, returned = $4, "
        "report_received = $5, version = version + 1 WHERE id = $1 AND version = $6 AND "
        "withdrawn_at IS NULL",
    [STMT_STAY_PUT] =
        "INSERT INTO case_stay(case_id, country, purpose, start, expected_end, "
        "arrangement, last_contact) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT "
        "(case_id) DO UPDATE SET country = $2, purpose = $3, start = $4, expected_end = "
        "$5, arrangement = $6, last_contact = $7, version = case_stay.version + 1 WHERE "
        "case_stay.version = $8",
    [STMT_STAY_GET] = "SELECT case_id, country, purpose, start, expected_end, arrangement, "
                      "last_contact, version FROM case_stay WHERE case_id = $1",
    [STMT_RELATIVE_INSERT] = "INSERT INTO case_relative(case_id, relation, full_name, is_member, "
                             "exempt_reason) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [STMT_RELATIVES_OF_CASE] =
        "SELECT id, case_id, relation, full_name, is_member, exempt_reason, version, "
        "withdrawn_at, withdrawn_by, withdraw_reason FROM case_relative WHERE case_id = "
        "$1 ORDER BY id",
    [STMT_BLOB_PUT] =
        "INSERT INTO blob(sha256, size, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO "
        "NOTHING",
    [STMT_BLOB_GET] = "SELECT data FROM blob WHERE sha256 = $1",
    [STMT_ATTACHMENT_INSERT] =
        "INSERT INTO case_attachment(case_id, sha256, filename, mime, size, user_id, at) "
        "VALUES ($1, $2, $3, $4, $5, $6, to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) RETURNING id",
    [STMT_ATTACHMENTS_OF_CASE] =
        "SELECT id, case_id, sha256, filename, mime, size, user_id, at, version, "
        "withdrawn_at, withdrawn_by, withdraw_reason FROM case_attachment WHERE case_id = "
        "$1 ORDER BY id",
    [STMT_ATTACHMENT_GET] =
        "SELECT id, case_id, sha256, filename, mime, size, user_id, at, version, "
        "withdrawn_at, withdrawn_by, withdraw_reason FROM case_attachment WHERE id = $1",
    [STMT_REPORT_UNDER] =
        "WITH RECURSIVE under(org_id, top, f, t) AS (SELECT $1::bigint, $1::bigint, "
        "'0000-01-01'::text, '9999-12-31'::text UNION ALL SELECT v.org_id, CASE WHEN "
        "u.org_id = $1 THEN v.org_id ELSE u.top END, GREATEST(v.valid_from, u.f), "
        "LEAST(coalesce(v.valid_to, '9999-12-31'), u.t) FROM org_version v JOIN under u "
        "ON v.parent_id = u.org_id WHERE GREATEST(v.valid_from, u.f) < "
        "LEAST(coalesce(v.valid_to, '9999-12-31'), u.t)) SELECT 0, u.top, c.metric, "
        "c.dim, 0, c.n, c.day, c.conf, NULL, NULL, 0 FROM under u JOIN counter c ON "
        "c.org_id = u.org_id AND c.day >= u.f AND c.day < u.t WHERE c.day BETWEEN $2 AND "
        "$3 AND c.conf <= $4 AND c.n <> 0 UNION ALL SELECT 1, u.top, c.metric, '', "
        "c.subject, c.n, c.day, c.conf, NULL, NULL, 0 FROM under u JOIN counter_subject c "
        "ON c.org_id = u.org_id AND c.day >= u.f AND c.day < u.t WHERE c.day BETWEEN $2 "
        "AND $3 AND c.conf <= $4 AND c.n > 0 UNION ALL SELECT 2, u.top, NULL, '', 0, 1, "
        "c.opened, c.confidentiality, t.returned, t.report_received, 0 FROM under u JOIN "
        "case_file c ON c.handling_org = u.org_id AND c.kind = 'ra_nuoc_ngoai' AND "
        "c.opened >= u.f AND c.opened < u.t JOIN case_traveller t ON t.case_id = c.id "
        "WHERE c.kind = 'ra_nuoc_ngoai' AND t.returned IS NOT NULL AND t.withdrawn_at IS "
        "NULL AND c.opened BETWEEN $2 AND $3 AND c.confidentiality <= $4 UNION ALL SELECT "
        "3, u.top, NULL, '', 0, 1, l.sent, c.confidentiality, l.sent, l.answered, 0 FROM "
        "case_letter l JOIN case_file c ON c.id = l.case_id JOIN under u ON u.org_id = "
        "c.handling_org AND l.sent >= u.f AND l.sent < u.t WHERE l.withdrawn_at IS NULL "
        "AND l.sent BETWEEN $2 AND $3 AND c.confidentiality <= $4 UNION ALL SELECT CASE "
        "c.kind WHEN 'to_cao' THEN 4 ELSE 5 END, u.top, NULL, '', 0, 1, c.opened, "
        "c.confidentiality, c.opened, NULL, c.id FROM under u JOIN case_file c ON "
        "c.handling_org = u.org_id AND c.kind IN ('to_cao', 'khieu_nai') AND c.opened >= "
        "u.f AND c.opened < u.t WHERE c.state <> 'huy' AND c.opened BETWEEN $2 AND $3 AND "
        "c.confidentiality <= $4",
    [STMT_REPORT_BY_ORG] =
        "WITH RECURSIVE cand(org_id) AS (SELECT $1::bigint UNION SELECT n.org_id FROM "
        "cand c JOIN (SELECT parent_id AS up, org_id FROM org_version UNION ALL SELECT "
        "to_org, from_org FROM succession_link) n ON n.up = c.org_id) SELECT 0, c.org_id, "
        "c.metric, c.dim, 0, c.n, c.day, c.conf, NULL, NULL, 0 FROM cand u JOIN counter c "
        "ON c.org_id = u.org_id WHERE c.day BETWEEN $2 AND $3 AND c.conf <= $4 AND c.n <> "
        "0 UNION ALL SELECT 1, c.org_id, c.metric, '', c.subject, c.n, c.day, c.conf, "
        "NULL, NULL, 0 FROM cand u JOIN counter_subject c ON c.org_id = u.org_id WHERE "
        "c.day BETWEEN $2 AND $3 AND c.conf <= $4 AND c.n > 0 UNION ALL SELECT 2, "
        "c.handling_org, NULL, '', 0, 1, c.opened, c.confidentiality, t.returned, "
        "t.report_received, 0 FROM cand u JOIN case_file c ON c.handling_org = u.org_id "
        "AND c.kind = 'ra_nuoc_ngoai' JOIN case_traveller t ON t.case_id = c.id WHERE "
        "c.kind = 'ra_nuoc_ngoai' AND t.returned IS NOT NULL AND t.withdrawn_at IS NULL "
        "AND c.opened BETWEEN $2 AND $3 AND c.confidentiality <= $4 UNION ALL SELECT 3, "
        "c.handling_org, NULL, '', 0, 1, l.sent, c.confidentiality, l.sent, l.answered, 0 "
        "FROM case_letter l JOIN case_file c ON c.id = l.case_id JOIN cand u ON u.org_id "
        "= c.handling_org WHERE l.withdrawn_at IS NULL AND l.sent BETWEEN $2 AND $3 AND "
        "c.confidentiality <= $4 UNION ALL SELECT CASE c.kind WHEN 'to_cao' THEN 4 ELSE 5 "
        "END, c.handling_org, NULL, '', 0, 1, c.opened, c.confidentiality, c.opened, "
        "NULL, c.id FROM cand u JOIN case_file c ON c.handling_org = u.org_id AND c.kind "
        "IN ('to_cao', 'khieu_nai') WHERE c.state <> 'huy' AND c.opened BETWEEN $2 AND $3 "
        "AND c.confidentiality <= $4",
    [STMT_SUCCESSIONS_BETWEEN] =
        "SELECT effective, count(*) FROM succession WHERE effective > $1 AND effective <= "
        "$2 GROUP BY effective ORDER BY effective",
    [STMT_META_GET] = "SELECT value FROM meta WHERE key = $1",
    [STMT_META_PUT] =
        "INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET "
        "value = $2",
    [STMT_APPRAISAL_PUT] =
        "INSERT INTO case_appraisal(case_id, requester, outcome, position) VALUES ($1, "
        "$2, $3, $4) ON CONFLICT (case_id) DO UPDATE SET requester = $2, outcome = $3, "
        "position = $4, version = case_appraisal.version + 1 WHERE case_appraisal.version "
        "= $5",
    [STMT_APPRAISAL_GET] =
        "SELECT case_id, requester, outcome, position, version FROM case_appraisal WHERE "
        "case_id = $1",
    [STMT_INSPECTION_PUT] =
        "INSERT INTO case_inspection(case_id, actor) VALUES ($1, $2) ON CONFLICT "
        "(case_id) DO UPDATE SET actor = $2, version = case_inspection.version + 1 WHERE "
        "case_inspection.version = $3",
    [STMT_INSPECTION_GET] =
        "SELECT case_id, actor, version FROM case_inspection WHERE case_id = $1",
    [STMT_APPRAISAL_DOC_PUT] =
        "INSERT INTO case_appraisal_doc(case_id, name, present) VALUES ($1, $2, $3) ON "
        "CONFLICT (case_id, name) DO UPDATE SET present = $3 RETURNING id",
    [STMT_APPRAISAL_DOCS] =
        "SELECT id, case_id, name, present FROM case_appraisal_doc WHERE case_id = $1 "
        "ORDER BY id",
    [STMT_REMEDIES_OVERDUE] =
        "SELECT r.id, r.finding_id, r.action, r.owner, r.due, r.done, r.result, "
        "r.version, r.withdrawn_at, r.withdrawn_by, r.withdraw_reason, f.case_id FROM "
        "case_remedy r JOIN case_finding f ON f.id = r.finding_id WHERE r.done IS NULL "
        "AND r.withdrawn_at IS NULL AND f.withdrawn_at IS NULL AND r.due < $1 ORDER BY "
        "r.due, r.id",
    [STMT_CASE_TOUCH] = "UPDATE case_file SET version = version + 1 WHERE id = $1 AND version = $2",
    [STMT_ASSIGNEES_CLEAR] = "DELETE FROM case_assignee WHERE case_id = $1",
    [STMT_ASSIGNEE_ADD] =
        "INSERT INTO case_assignee(case_id, user_id) VALUES ($1, $2) ON CONFLICT DO "
        "NOTHING",
    [STMT_ASSIGNEES_OF_CASE] =
        "SELECT user_id FROM case_assignee WHERE case_id = $1 ORDER BY user_id",
    [STMT_CASES_OF_ASSIGNEE] =
        "SELECT case_id FROM case_assignee WHERE user_id = $1 ORDER BY case_id",
    [STMT_LOCK_DELTA_STATE] = "SELECT max(CAST(delta <> 0 AS integer)) FROM lock_delta",
    [STMT_LOCK_DELTA_CLEAR] = "DELETE FROM lock_delta",
    [STMT_SUBMISSION_INSERT] =
        "INSERT INTO report_submission(org_id, from_day, to_day, state, figures, note, "
        "submitted_by) VALUES ($1, $2, $3, 'submitted', $4, $5, $6) RETURNING id",
    [STMT_SUBMISSION_GET] =
        "SELECT id, org_id, from_day, to_day, state, figures, note, submitted_by, "
        "submitted_at, decided_by, decided_at, reason, version FROM report_submission "
        "WHERE id = $1",
    [STMT_SUBMISSION_LATEST] =
        "SELECT id, org_id, from_day, to_day, state, figures, note, submitted_by, "
        "submitted_at, decided_by, decided_at, reason, version FROM report_submission "
        "WHERE org_id = $1 AND from_day = $2 AND to_day = $3 ORDER BY id DESC LIMIT 1",
    [STMT_SUBMISSION_DECIDE] =
        "UPDATE report_submission SET state = $3, decided_by = $4, decided_at = "
        "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), reason = $5, "
        "version = version + 1 WHERE id = $1 AND version = $2",
    [STMT_PERIOD_LOCK] =
        "INSERT INTO period_lock(submission_id, org_id, from_day, to_day) WITH RECURSIVE "
        "under(org_id, f, t) AS (SELECT $2::bigint, '0000-01-01'::text, "
        "'9999-12-31'::text UNION ALL SELECT v.org_id, GREATEST(v.valid_from, u.f), "
        "LEAST(coalesce(v.valid_to, '9999-12-31'), u.t) FROM org_version v JOIN under u "
        "ON v.parent_id = u.org_id WHERE GREATEST(v.valid_from, u.f) < "
        "LEAST(coalesce(v.valid_to, '9999-12-31'), u.t)) SELECT $1, org_id, GREATEST(f, "
        "$3), LEAST(to_char(CAST(t AS date) - 1, 'YYYY-MM-DD'), $4) FROM under WHERE f <= "
        "$4 AND t > $3",
    [STMT_PERIOD_UNLOCK] = "DELETE FROM period_lock WHERE submission_id = $1",
    [STMT_PERIOD_LOCKED] =
        "SELECT s.id, s.org_id, s.from_day, s.to_day FROM period_lock l JOIN "
        "report_submission s ON s.id = l.submission_id WHERE l.org_id = $1 AND $2 BETWEEN "
        "l.from_day AND l.to_day LIMIT 1",
    [STMT_TERM_INSERT] =
        "INSERT INTO party_term(org_id, first_year, last_year, congress, document, "
        "created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [STMT_TERMS_OF_ORG] =
        "SELECT id, org_id, first_year, last_year, congress, document FROM party_term "
        "WHERE org_id = $1 ORDER BY first_year",
    [STMT_POINT_INSERT] = "INSERT INTO case_point(case_id, content) VALUES ($1, $2) RETURNING id",
    [STMT_POINT_GET] =
        "SELECT id, case_id, content, conclusion, version, withdrawn_at, withdrawn_by, "
        "withdraw_reason FROM case_point WHERE id = $1",
    [STMT_POINTS_OF_CASE] =
        "SELECT id, case_id, content, conclusion, version, withdrawn_at, withdrawn_by, "
        "withdraw_reason FROM case_point WHERE case_id = $1 ORDER BY id",
    [STMT_POINT_EDIT] =
        "UPDATE case_point SET content = $2, conclusion = $3, version = version + 1 WHERE "
        "id = $1 AND version = $4 AND withdrawn_at IS NULL",
    [STMT_HEAD_POINT] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_point WHERE id = $1",
    [STMT_WITHDRAW_POINT] =
        "UPDATE case_point SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_PETITION_INSERT] =
        "INSERT INTO petition(org_id, received, channel, kind, sender_status, "
        "sender_name, sender_address, sender_key, summary, confidentiality, "
        "contested_case, decision_received, duplicate_of, created_by) VALUES ($1, $2, $3, "
        "$4, $5, $6, $7, $14, $8, $9, $10, $11, $12, $13) RETURNING id",
    [STMT_PETITION_GET] =
        "SELECT id, org_id, received, channel, kind, sender_status, sender_name, "
        "sender_address, summary, confidentiality, contested_case, decision_received, "
        "state, case_id, transfer_to, transfer_date, transfer_number, reason, note, "
        "duplicate_of, created_by, classified_by, classified_at, version FROM petition "
        "WHERE id = $1",
    [STMT_PETITION_LIST] =
        "SELECT id, org_id, received, channel, kind, sender_status, sender_name, "
        "sender_address, summary, confidentiality, contested_case, decision_received, "
        "state, case_id, transfer_to, transfer_date, transfer_number, reason, note, "
        "duplicate_of, created_by, classified_by, classified_at, version FROM petition "
        "WHERE ($1::text IS NULL OR org_id IN (SELECT value::bigint FROM "
        "jsonb_array_elements_text($1::jsonb) AS value)) AND confidentiality <= $2 AND "
        "received BETWEEN coalesce($3::text, '0000-01-01') AND coalesce($4::text, "
        "'9999-12-31') AND ($5::text IS NULL OR state = $5) AND ($6::bigint = 0 OR id < "
        "$6) ORDER BY id DESC LIMIT $7",
    [STMT_PETITION_CLASSIFY] =
        "UPDATE petition SET state = $2, case_id = $3, transfer_to = $4, transfer_date = "
        "$5, transfer_number = $6, reason = $7, note = $8, classified_by = $9, "
        "classified_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "version = version + 1 WHERE id = $1 AND version = $10 AND state = 'moi'",
    [STMT_PETITION_SUBJECT_INSERT] =
        "INSERT INTO petition_subject(petition_id, org_id, person_id) VALUES ($1, $2, $3) "
        "RETURNING id",
    [STMT_PETITION_SUBJECTS] =
        "SELECT org_id, person_id FROM petition_subject WHERE petition_id = $1 ORDER BY "
        "id",
    [STMT_PETITION_SAME] =
        "SELECT p.id FROM petition p WHERE p.sender_key = $1 AND p.org_id = $2 AND EXISTS "
        "(SELECT 1 FROM petition_subject s WHERE s.petition_id = p.id AND (s.org_id IN "
        "(SELECT value::bigint FROM jsonb_array_elements_text($3::jsonb) AS value) OR "
        "s.person_id IN (SELECT value::bigint FROM jsonb_array_elements_text($4::jsonb) "
        "AS value))) ORDER BY p.id DESC LIMIT 1",
    [STMT_PETITION_OF_CASE] = "SELECT id FROM petition WHERE case_id = $1 ORDER BY id LIMIT 1",
    [STMT_SCAN_INSERT] =
        "INSERT INTO petition_scan(petition_id, sha256, filename, mime, size, user_id, "
        "at) VALUES ($1, $2, $3, $4, $5, $6, to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')) RETURNING id",
    [STMT_SCAN_GET] =
        "SELECT id, petition_id, sha256, filename, mime, size, user_id, at, version, "
        "withdrawn_at, withdrawn_by, withdraw_reason FROM petition_scan WHERE id = $1",
    [STMT_SCANS_OF_PETITION] =
        "SELECT id, petition_id, sha256, filename, mime, size, user_id, at, version, "
        "withdrawn_at, withdrawn_by, withdraw_reason FROM petition_scan WHERE petition_id "
        "= $1 ORDER BY id",
    [STMT_SCAN_WITHDRAW] =
        "UPDATE petition_scan SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_NOTICE_INSERT] =
        "INSERT INTO notice(user_id, case_id, kind, ref, text, text_en) VALUES ($1, $2, "
        "$3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
    [STMT_NOTICE_LIST] =
        "SELECT id, case_id, kind, ref, text, text_en, at, read_at FROM notice WHERE "
        "user_id = $1 AND id < $2 AND ($3 = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT "
        "$4",
    [STMT_NOTICE_READ] =
        "UPDATE notice SET read_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE id = $2 AND user_id = $1 AND read_at IS NULL",
    [STMT_NOTICE_READ_ALL] =
        "UPDATE notice SET read_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') WHERE user_id = $1 AND read_at IS NULL",
    [STMT_HEAD_FINDING] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_finding WHERE id = "
        "$1",
    [STMT_HEAD_REMEDY] =
        "SELECT f.case_id, r.version, r.withdrawn_at IS NOT NULL FROM case_remedy r JOIN "
        "case_finding f ON f.id = r.finding_id WHERE r.id = $1",
    [STMT_HEAD_DOCUMENT] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_document WHERE id = "
        "$1",
    [STMT_HEAD_NOTE] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_note WHERE id = $1",
    [STMT_HEAD_TRAVELLER] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_traveller WHERE id = "
        "$1",
    [STMT_HEAD_RELATIVE] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_relative WHERE id = "
        "$1",
    [STMT_HEAD_LETTER] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_letter WHERE id = $1",
    [STMT_HEAD_SUBJECT] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_subject WHERE id = "
        "$1",
    [STMT_HEAD_ATTACHMENT] =
        "SELECT case_id, version, withdrawn_at IS NOT NULL FROM case_attachment WHERE id "
        "= $1",
    [STMT_WITHDRAW_FINDING] =
        "UPDATE case_finding SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_REMEDY] =
        "UPDATE case_remedy SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_DOCUMENT] =
        "UPDATE case_document SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_NOTE] =
        "UPDATE case_note SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_TRAVELLER] =
        "UPDATE case_traveller SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_RELATIVE] =
        "UPDATE case_relative SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_LETTER] =
        "UPDATE case_letter SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_SUBJECT] =
        "UPDATE case_subject SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_ATTACHMENT] =
        "UPDATE case_attachment SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $3, withdraw_reason = $4, "
        "version = version + 1 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL",
    [STMT_WITHDRAW_REMEDIES_OF_FINDING] =
        "UPDATE case_remedy SET withdrawn_at = to_char(now() AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), withdrawn_by = $2, withdraw_reason = $3, "
        "version = version + 1 WHERE finding_id = $1 AND withdrawn_at IS NULL",
    [STMT_SUBJECT_FINDINGS] =
        "SELECT count(*) FROM case_finding WHERE subject_id = $1 AND withdrawn_at IS NULL",
    [STMT_CASE_EDIT] =
        "UPDATE case_file SET title = $2, subtype = $3, opened = $4, handling_org = $5, "
        "version = version + 1 WHERE id = $1 AND version = $6",
    [STMT_CASE_SUBJECT_RELINK] = "UPDATE case_subject SET org_version_id = $2 WHERE id = $1",
    [STMT_FINDING_EDIT] =
        "UPDATE case_finding SET subject_id = $2, text = $3, conclusion = $4, version = "
        "version + 1 WHERE id = $1 AND version = $5 AND withdrawn_at IS NULL",
    [STMT_REMEDY_EDIT] =
        "UPDATE case_remedy SET action = $2, owner = $3, due = $4, done = $5, result = "
        "$6, version = version + 1 WHERE id = $1 AND version = $7 AND withdrawn_at IS "
        "NULL",
    [STMT_DOCUMENT_EDIT] =
        "UPDATE case_document SET number_symbol = $2, doc_date = $3, issuer = $4, title = "
        "$5, version = version + 1 WHERE id = $1 AND version = $6 AND withdrawn_at IS "
        "NULL",
    [STMT_LETTER_EDIT] =
        "UPDATE case_letter SET recipient = $2, about = $3, number_symbol = $4, sent = "
        "$5, version = version + 1 WHERE id = $1 AND version = $6 AND withdrawn_at IS "
        "NULL",
    [STMT_TRAVELLER_EDIT] =
        "UPDATE case_traveller SET leader = $2, commitment = $3, departed = $4, returned "
        "= $5, report_received = $6, version = version + 1 WHERE id = $1 AND version = $7 "
        "AND withdrawn_at IS NULL",
    [STMT_RELATIVE_EDIT] =
        "UPDATE case_relative SET relation = $2, full_name = $3, is_member = $4, "
        "exempt_reason = $5, version = version + 1 WHERE id = $1 AND version = $6 AND "
        "withdrawn_at IS NULL",
    [STMT_RELATIVE_GET] =
        "SELECT id, case_id, relation, full_name, is_member, exempt_reason, version, "
        "withdrawn_at, withdrawn_by, withdraw_reason FROM case_relative WHERE id = $1",
    [STMT_DOCUMENT_GET] =
        "SELECT id, case_id, number_symbol, doc_date, issuer, title, user_id, at, "
        "version, withdrawn_at, withdrawn_by, withdraw_reason, paper FROM case_document "
        "WHERE id = $1",
    [STMT_CASES_OF_PERSON] =
        "SELECT case_id FROM case_subject WHERE person_id = $1 UNION SELECT case_id FROM "
        "case_traveller WHERE person_id = $1 UNION SELECT case_id FROM case_discipline "
        "WHERE person_id = $1 ORDER BY 1 DESC LIMIT $2",
    [STMT_CASES_LINKED_TO] = "SELECT id FROM case_file WHERE linked_case = $1 ORDER BY id LIMIT $2",
    [STMT_CASES_OF_ORG] =
        "SELECT id FROM case_file WHERE handling_org = $1 AND id < $2 UNION SELECT "
        "case_id FROM case_subject WHERE org_id = $1 AND case_id < $2 ORDER BY 1 DESC "
        "LIMIT $3",
    [STMT_PAPER_TEMPLATES] =
        "SELECT code, body, version, user_id, at FROM paper_template ORDER BY code",
    [STMT_PAPER_TEMPLATE_PUT] =
        "INSERT INTO paper_template(code, body, version, user_id, at) SELECT $1, $2, 1, "
        "$4, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') WHERE "
        "true ON CONFLICT(code) DO UPDATE SET body = excluded.body, version = "
        "paper_template.version + 1, user_id = excluded.user_id, at = excluded.at WHERE "
        "paper_template.version = $3",
    [STMT_CASE_PAPER_INSERT] =
        "INSERT INTO case_document(case_id, number_symbol, doc_date, issuer, title, "
        "user_id, at, paper, paper_body) VALUES ($1, NULL, $2, $3, $4, $5, to_char(now() "
        "AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), $6, $7) RETURNING id",
    [STMT_CASE_PAPER_GET] =
        "SELECT paper, paper_body FROM case_document WHERE id = $1 AND paper IS NOT NULL",
};
