/*
 * migrate.c - the numbered schema migrations, applied in order when a
 * database is opened.  PRAGMA user_version holds the number applied last.
 * A migration is SQL plus an optional C step (for seeding data computed in
 * C); those a file lacks all run in ONE transaction, so a failed one
 * leaves the file as it was.  A file newer than this program is refused.
 * Never edit a migration that has shipped: add one.
 */
#include "store/storeInt.h"

#include <stdio.h>
#include <string.h>

#include "cal/cal.h"

#include "core/banned.h"

int store_seed_calendar(struct store *s)
{
	size_t n, i;
	const struct cal_entry *e = cal_default_entries(&n);

	for (i = 0; i < n; i++) {
		struct cal_entry_row r = {
		    .day = e[i].day,
		    .kind = cal_entry_kind_name(e[i].kind),
		    .name = e[i].name,
		    .source = e[i].source,
		};
		int rc = store_cal_entry_put(s, &r);

		if (rc < 0)
			return rc;
	}
	return 0;
}

static const struct store_migration migrations[] = {
    /* 1: organisations, persons, memberships, search index, calendar. */
    {
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"

        "CREATE TABLE org("
        " id INTEGER PRIMARY KEY,"
        " code TEXT NOT NULL UNIQUE,"
        " valid_from TEXT NOT NULL,"
        " valid_to TEXT,"
        " CHECK (valid_to IS NULL OR valid_to > valid_from)) STRICT;"
        "CREATE TRIGGER org_never_deleted BEFORE DELETE ON org BEGIN"
        " SELECT RAISE(ABORT, 'organisations are never deleted'); END;"

        "CREATE TABLE org_version("
        " id INTEGER PRIMARY KEY,"
        " org_id INTEGER NOT NULL REFERENCES org(id),"
        " valid_from TEXT NOT NULL,"
        " valid_to TEXT,"
        " name TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " parent_id INTEGER REFERENCES org(id),"
        " document TEXT,"
        /* A version may be empty when an organisation is moved and ended
         * on the same day (a reorganisation in several steps); an empty
         * version is never "valid on" any day. */
        " CHECK (valid_to IS NULL OR valid_to >= valid_from)) STRICT;"
        "CREATE INDEX org_version_by_org ON org_version(org_id, valid_from);"
        "CREATE INDEX org_version_by_parent ON org_version(parent_id, valid_from);"
        "CREATE TRIGGER org_version_never_deleted BEFORE DELETE ON org_version BEGIN"
        " SELECT RAISE(ABORT, 'organisation history is never deleted'); END;"

        "CREATE TABLE succession("
        " id INTEGER PRIMARY KEY,"
        " kind TEXT NOT NULL CHECK (kind IN"
        "  ('merge', 'split', 'transfer', 'dissolve', 'rename')),"
        " effective TEXT NOT NULL,"
        " document TEXT,"
        " note TEXT,"
        " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))) STRICT;"
        "CREATE TABLE succession_link("
        " succession_id INTEGER NOT NULL REFERENCES succession(id),"
        " from_org INTEGER NOT NULL REFERENCES org(id),"
        " to_org INTEGER REFERENCES org(id),"
        " is_main INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1))) STRICT;"
        "CREATE INDEX succession_link_from ON succession_link(from_org);"
        "CREATE INDEX succession_link_to ON succession_link(to_org);"
        "CREATE INDEX succession_link_succ ON succession_link(succession_id);"

        "CREATE TABLE person("
        " id INTEGER PRIMARY KEY,"
        " full_name TEXT NOT NULL,"
        " family_name TEXT NOT NULL DEFAULT '',"
        " middle_name TEXT NOT NULL DEFAULT '',"
        " given_name TEXT NOT NULL DEFAULT '',"
        " name_manual INTEGER NOT NULL DEFAULT 0,"
        " sex TEXT CHECK (sex IN ('nam', 'nu')),"
        " birth_date TEXT,"
        " home_town TEXT,"
        " residence TEXT,"
        " ethnicity TEXT,"
        " cccd TEXT CHECK (cccd IS NULL OR"
        "  (length(cccd) = 12 AND cccd NOT GLOB '*[^0-9]*')),"
        " party_file_no TEXT,"
        " party_card_no TEXT,"
        " admission_date TEXT,"
        " full_member_date TEXT,"
        " status TEXT NOT NULL CHECK (status IN ('quan_chung', 'du_bi', 'chinh_thuc',"
        "  'chuyen_di', 'xoa_ten', 'khai_tru', 'tu_tran')),"
        " management_level TEXT,"
        " org_id INTEGER REFERENCES org(id),"
        " confidentiality INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality BETWEEN 0 AND 2),"
        " search_key TEXT NOT NULL,"
        " sort_key BLOB NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1,"
        " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
        " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))) STRICT;"
        /* Members of one organisation are few: sorted in memory. */
        /* Indexes are named (not column constraints) so that a bulk
         * load can build them once, by sorting, after the rows are in
         * (store_person_bulk_*).  PERSON_INDEXES in stmt.c lists them. */
        "CREATE UNIQUE INDEX person_cccd ON person(cccd);"
        "CREATE UNIQUE INDEX person_party_file ON person(party_file_no);"
        "CREATE UNIQUE INDEX person_party_card ON person(party_card_no);"
        "CREATE INDEX person_by_org ON person(org_id);"
        "CREATE INDEX person_by_search_key ON person(search_key);"

        /* The name index holds hoso's own folded keys (src/vi), because
         * FTS5's tokenizers do not fold đ, tone placement or i/y.
         * Identifiers are searched through their unique b-tree indexes
         * (prefix = a range scan), which costs far less to maintain than
         * one FTS term per identifier. */
        "CREATE VIRTUAL TABLE person_fts USING fts5(search_key,"
        " content = 'person', content_rowid = 'id', tokenize = 'ascii',"
        " prefix = '1 2 3', detail = 'none', columnsize = 0);"
        /* New rows enter the index from store_person_insert, not from
         * a trigger: a trigger makes FTS5 flush its pending terms on every
         * statement savepoint, five times slower for bulk imports. */
        "CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN"
        " INSERT INTO person_fts(person_fts, rowid, search_key)"
        "  VALUES ('delete', old.id, old.search_key); END;"
        "CREATE TRIGGER person_fts_au AFTER UPDATE OF search_key ON person BEGIN"
        " INSERT INTO person_fts(person_fts, rowid, search_key)"
        "  VALUES ('delete', old.id, old.search_key);"
        " INSERT INTO person_fts(rowid, search_key) VALUES (new.id, new.search_key); END;"

        "CREATE TABLE membership("
        " id INTEGER PRIMARY KEY,"
        " person_id INTEGER NOT NULL REFERENCES person(id),"
        " org_id INTEGER NOT NULL REFERENCES org(id),"
        " valid_from TEXT NOT NULL,"
        " valid_to TEXT,"
        " status TEXT NOT NULL,"
        " note TEXT,"
        " CHECK (valid_to IS NULL OR valid_to >= valid_from)) STRICT;"
        "CREATE INDEX membership_by_person ON membership(person_id, valid_from);"
        "CREATE INDEX membership_by_org ON membership(org_id, valid_from);"

        "CREATE TABLE position("
        " id INTEGER PRIMARY KEY,"
        " person_id INTEGER NOT NULL REFERENCES person(id),"
        " org_id INTEGER REFERENCES org(id),"
        " title TEXT NOT NULL,"
        " valid_from TEXT,"
        " valid_to TEXT) STRICT;"
        "CREATE INDEX position_by_person ON position(person_id);"

        "CREATE TABLE cal_entry("
        " day TEXT PRIMARY KEY,"
        " kind TEXT NOT NULL CHECK (kind IN ('off', 'work', 'not_off')),"
        " name TEXT NOT NULL,"
        " source TEXT NOT NULL DEFAULT '') STRICT;",
        store_seed_calendar,
    },
    /* 2: users and sessions. */
    {
        "CREATE TABLE app_user("
        " id INTEGER PRIMARY KEY,"
        " username TEXT NOT NULL UNIQUE,"
        " full_name TEXT NOT NULL,"
        " org_id INTEGER REFERENCES org(id),"
        " roles INTEGER NOT NULL CHECK (roles BETWEEN 1 AND 31),"
        " clearance INTEGER NOT NULL DEFAULT 0 CHECK (clearance BETWEEN 0 AND 2),"
        " password_hash TEXT NOT NULL,"
        " disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
        " failed_logins INTEGER NOT NULL DEFAULT 0,"
        " locked_until INTEGER NOT NULL DEFAULT 0,"
        " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))) STRICT;"
        /* Tokens are stored hashed: a copy of the table opens no session. */
        "CREATE TABLE user_session("
        " token_hash BLOB PRIMARY KEY,"
        " user_id INTEGER NOT NULL REFERENCES app_user(id),"
        " csrf TEXT NOT NULL,"
        " created_at INTEGER NOT NULL,"
        " last_seen INTEGER NOT NULL,"
        " address TEXT) STRICT;"
        "CREATE INDEX user_session_by_user ON user_session(user_id);",
        NULL,
    },
    /* 3: the audit trail, append-only and hash-chained. */
    {
        "CREATE TABLE audit("
        " id INTEGER PRIMARY KEY,"
        " at TEXT NOT NULL,"
        " user_id INTEGER,"
        " address TEXT,"
        " action TEXT NOT NULL,"
        " object_type TEXT,"
        " object_id INTEGER,"
        " purpose TEXT,"
        " detail TEXT,"
        " flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),"
        " prev_hash BLOB NOT NULL,"
        " hash BLOB NOT NULL) STRICT;"
        "CREATE INDEX audit_by_object ON audit(object_type, object_id);"
        "CREATE INDEX audit_by_user ON audit(user_id, id);"
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
        " SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
        " SELECT RAISE(ABORT, 'the audit trail is append-only'); END;",
        NULL,
    },
    /* 4: a second factor (TOTP) with recovery codes (stored hashed). */
    {
        "ALTER TABLE app_user ADD COLUMN totp_secret BLOB;"
        "ALTER TABLE app_user ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE app_user ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE app_user ADD COLUMN recovery_codes TEXT;",
        NULL,
    },
    /* 5: cases — the shared core of every kind of work (DOMAIN.md §4):
     * a register per issuing body, kind and year; subjects linked to the
     * organisation version of the case date; the state history; documents,
     * notes. */
    {
        "CREATE TABLE case_register("
        " org_id INTEGER NOT NULL REFERENCES org(id),"
        " kind TEXT NOT NULL,"
        " year INTEGER NOT NULL,"
        " last_no INTEGER NOT NULL,"
        " PRIMARY KEY (org_id, kind, year)) STRICT, WITHOUT ROWID;"
        "CREATE TABLE case_file("
        " id INTEGER PRIMARY KEY,"
        " number TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " subtype TEXT,"
        " title TEXT NOT NULL,"
        " handling_org INTEGER NOT NULL REFERENCES org(id),"
        " opened TEXT NOT NULL,"
        " state TEXT NOT NULL,"
        " confidentiality INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality BETWEEN 0 AND 2),"
        " conclusion TEXT,"
        " linked_case INTEGER REFERENCES case_file(id),"
        " version INTEGER NOT NULL DEFAULT 1,"
        " created_by INTEGER,"
        " created_at TEXT NOT NULL,"
        " UNIQUE (handling_org, number)) STRICT;"
        "CREATE INDEX case_by_kind ON case_file(kind, state, id);"
        "CREATE INDEX case_by_org ON case_file(handling_org, id);"
        "CREATE TABLE case_subject("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " org_id INTEGER REFERENCES org(id),"
        " org_version_id INTEGER REFERENCES org_version(id),"
        " person_id INTEGER REFERENCES person(id),"
        " CHECK ((org_id IS NULL) <> (person_id IS NULL))) STRICT;"
        "CREATE INDEX case_subject_by_case ON case_subject(case_id);"
        "CREATE INDEX case_subject_by_person ON case_subject(person_id);"
        "CREATE INDEX case_subject_by_org ON case_subject(org_id);"
        "CREATE TABLE case_event("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " from_state TEXT,"
        " to_state TEXT NOT NULL,"
        " on_date TEXT NOT NULL,"
        " at TEXT NOT NULL,"
        " user_id INTEGER,"
        " note TEXT) STRICT;"
        "CREATE INDEX case_event_by_case ON case_event(case_id, id);"
        "CREATE TABLE case_document("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " number_symbol TEXT,"
        " doc_date TEXT NOT NULL,"
        " issuer TEXT,"
        " title TEXT NOT NULL,"
        " user_id INTEGER,"
        " at TEXT NOT NULL) STRICT;"
        "CREATE INDEX case_document_by_case ON case_document(case_id, id);"
        "CREATE TABLE case_note("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " user_id INTEGER,"
        " at TEXT NOT NULL,"
        " text TEXT NOT NULL) STRICT;"
        "CREATE INDEX case_note_by_case ON case_note(case_id, id);"
        "CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event BEGIN"
        " SELECT RAISE(ABORT, 'a case history entry is never changed'); END;"
        "CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event BEGIN"
        " SELECT RAISE(ABORT, 'a case history entry is never deleted'); END;",
        NULL,
    },
    /* 6: deadline rules as an administrator set them (the defaults live in
     * src/app/deadline.c; a row here overrides one). */
    {
        "CREATE TABLE deadline_rule("
        " code TEXT PRIMARY KEY,"
        " working_days INTEGER NOT NULL CHECK (working_days BETWEEN 1 AND 1000),"
        " remind_early INTEGER NOT NULL CHECK (remind_early BETWEEN 1 AND 99),"
        " remind_late INTEGER NOT NULL CHECK (remind_late BETWEEN 1 AND 99),"
        " user_id INTEGER,"
        " at TEXT NOT NULL) STRICT, WITHOUT ROWID;",
        NULL,
    },
    /* 7: outgoing verification letters of a case (thẩm tra lý lịch, thẩm
     * định): recipient, sent, reminders, escalation, answer. */
    {
        "CREATE TABLE case_letter("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " recipient TEXT NOT NULL,"
        " about TEXT,"
        " number_symbol TEXT,"
        " sent TEXT NOT NULL,"
        " reminders INTEGER NOT NULL DEFAULT 0,"
        " last_reminder TEXT,"
        " escalated TEXT,"
        " answered TEXT,"
        " result TEXT,"
        " version INTEGER NOT NULL DEFAULT 1) STRICT;"
        "CREATE INDEX case_letter_by_case ON case_letter(case_id, id);"
        "CREATE INDEX case_letter_open ON case_letter(id) WHERE answered IS NULL;",
        NULL,
    },
    /* 8: discipline decided in a case, per subject (DOMAIN.md §4). */
    {
        "CREATE TABLE case_discipline("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " org_id INTEGER REFERENCES org(id),"
        " person_id INTEGER REFERENCES person(id),"
        " form TEXT NOT NULL,"
        " violation TEXT NOT NULL,"
        " decided TEXT NOT NULL,"
        " internal_political INTEGER NOT NULL DEFAULT 0 CHECK (internal_political IN (0, 1)),"
        " user_id INTEGER,"
        " CHECK ((org_id IS NULL) <> (person_id IS NULL))) STRICT;"
        "CREATE INDEX case_discipline_by_case ON case_discipline(case_id, id);",
        NULL,
    },
    /* 9: an inspection's findings (a conclusion per subject) and the
     * remedial actions each calls for, followed up until done. */
    {
        "CREATE TABLE case_finding("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " subject_id INTEGER REFERENCES case_subject(id),"
        " text TEXT NOT NULL,"
        " conclusion TEXT NOT NULL CHECK (conclusion IN ('khong_vi_pham', 'vi_pham_chua_den_muc',"
        " 'vi_pham_phai_ky_luat', 'da_ky_luat')),"
        " user_id INTEGER,"
        " at TEXT NOT NULL) STRICT;"
        "CREATE INDEX case_finding_by_case ON case_finding(case_id, id);"
        "CREATE TABLE case_remedy("
        " id INTEGER PRIMARY KEY,"
        " finding_id INTEGER NOT NULL REFERENCES case_finding(id),"
        " action TEXT NOT NULL,"
        " owner TEXT NOT NULL,"
        " due TEXT NOT NULL,"
        " done TEXT,"
        " result TEXT,"
        " version INTEGER NOT NULL DEFAULT 1) STRICT;"
        "CREATE INDEX case_remedy_by_finding ON case_remedy(finding_id, id);"
        "CREATE INDEX case_remedy_open ON case_remedy(due) WHERE done IS NULL;",
        NULL,
    },
    /* 10: a trip abroad's details and its travellers: one person-trip
     * (lượt) each, with departure, return and the report due after it. */
    {
        "CREATE TABLE case_trip("
        " case_id INTEGER PRIMARY KEY REFERENCES case_file(id),"
        " purpose TEXT NOT NULL CHECK (purpose IN ('cong_tac', 'hoc_tap', 'chua_benh',"
        " 'du_lich', 'tham_than')),"
        " countries TEXT NOT NULL,"
        " depart TEXT NOT NULL,"
        " come_back TEXT NOT NULL,"
        " funding TEXT,"
        " in_plan INTEGER NOT NULL DEFAULT 0 CHECK (in_plan IN (0, 1))) STRICT;"
        "CREATE TABLE case_traveller("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " person_id INTEGER NOT NULL REFERENCES person(id),"
        " leader INTEGER NOT NULL DEFAULT 0 CHECK (leader IN (0, 1)),"
        " commitment INTEGER NOT NULL DEFAULT 0 CHECK (commitment IN (0, 1)),"
        " departed TEXT,"
        " returned TEXT,"
        " report_received TEXT,"
        " version INTEGER NOT NULL DEFAULT 1,"
        " UNIQUE (case_id, person_id)) STRICT;"
        "CREATE INDEX case_traveller_by_person ON case_traveller(person_id);",
        NULL,
    },
    /* 11: a member's stay abroad (12 months or more): where, why, until
     * when, and how their party activity is arranged meanwhile. */
    {
        "CREATE TABLE case_stay("
        " case_id INTEGER PRIMARY KEY REFERENCES case_file(id),"
        " country TEXT NOT NULL,"
        " purpose TEXT NOT NULL CHECK (purpose IN ('hoc_tap', 'lao_dong', 'cong_tac', 'gia_dinh')),"
        " start TEXT NOT NULL,"
        " expected_end TEXT NOT NULL,"
        " arrangement TEXT NOT NULL CHECK (arrangement IN ('tu_sinh_hoat', 'chi_bo_nuoc_ngoai',"
        " 'chi_bo_tam_thoi', 'khong_chuyen')),"
        " last_contact TEXT) STRICT;",
        NULL,
    },
    /* 12: the people an admission background check covers: the applicant
     * and the relatives in scope, each checked or exempt with a reason. */
    {
        "CREATE TABLE case_relative("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " relation TEXT NOT NULL CHECK (relation IN ('ban_than', 'bo', 'me', 'nguoi_nuoi_duong',"
        " 'bo_vo_chong', 'me_vo_chong', 'vo_chong', 'con', 'anh_chi_em')),"
        " full_name TEXT NOT NULL,"
        " is_member INTEGER NOT NULL DEFAULT 0 CHECK (is_member IN (0, 1)),"
        " exempt_reason TEXT) STRICT;"
        "CREATE INDEX case_relative_by_case ON case_relative(case_id, id);",
        NULL,
    },
    /* 13: attached files.  Contents are stored once, under their SHA-256
     * (content-addressed), and never change; a case's attachment names
     * one, with the file name and the type found in its first bytes. */
    {
        "CREATE TABLE blob("
        " sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),"
        " size INTEGER NOT NULL CHECK (size >= 0),"
        " data BLOB NOT NULL) STRICT;"
        "CREATE TRIGGER blob_no_update BEFORE UPDATE ON blob"
        " BEGIN SELECT RAISE(ABORT, 'blobs never change'); END;"
        "CREATE TRIGGER blob_no_delete BEFORE DELETE ON blob"
        " BEGIN SELECT RAISE(ABORT, 'blobs are kept'); END;"
        "CREATE TABLE case_attachment("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " sha256 TEXT NOT NULL REFERENCES blob(sha256),"
        " filename TEXT NOT NULL,"
        " mime TEXT NOT NULL,"
        " size INTEGER NOT NULL,"
        " user_id INTEGER,"
        " at TEXT NOT NULL) STRICT;"
        "CREATE INDEX case_attachment_by_case ON case_attachment(case_id, id);",
        NULL,
    },
    /* 14: who works on a case (its assignees). */
    {
        "CREATE TABLE case_assignee("
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " user_id INTEGER NOT NULL REFERENCES app_user(id),"
        " PRIMARY KEY (case_id, user_id)) STRICT, WITHOUT ROWID;"
        "CREATE INDEX case_assignee_by_user ON case_assignee(user_id, case_id);",
        NULL,
    },
    /* 15: a political-standard appraisal: who asked, the outcome and the
     * position or level it names; the documents of the dossier, each
     * present or missing. */
    {
        "CREATE TABLE case_appraisal("
        " case_id INTEGER PRIMARY KEY REFERENCES case_file(id),"
        " requester TEXT,"
        " outcome TEXT CHECK (outcome IN ('dat', 'khong_dat', 'chuyen_cap_tren')),"
        " position TEXT) STRICT;"
        "CREATE TABLE case_appraisal_doc("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " name TEXT NOT NULL,"
        " present INTEGER NOT NULL CHECK (present IN (0, 1)),"
        " UNIQUE (case_id, name)) STRICT;",
        NULL,
    },
    /* 16: live counters of the report figures, by handling organisation,
     * day, figure, breakdown and confidentiality; kept by triggers made
     * from the figures' definitions (counter.c).  The triggers were first
     * installed by this migration's step; they are now installed, and the
     * counters recounted, whenever the hash of their definitions changes
     * (store_counters_ensure, after the migrations), which gives a
     * database at any version the same triggers and counts. */
    {
        "CREATE TABLE counter("
        " org_id INTEGER NOT NULL,"
        " day TEXT NOT NULL,"
        " metric TEXT NOT NULL,"
        " dim TEXT NOT NULL,"
        " conf INTEGER NOT NULL,"
        " n INTEGER NOT NULL,"
        " PRIMARY KEY (org_id, day, metric, dim, conf)) STRICT, WITHOUT ROWID;",
        NULL,
    },
    /* 17: period reports submitted to the level above and approved there;
     * an approved period is locked: the organisations its report summed
     * (period_lock), and the counter changes of a transaction that fall in
     * a locked period (lock_delta), which store_commit refuses unless they
     * cancel out. */
    {
        "CREATE TABLE report_submission("
        " id INTEGER PRIMARY KEY,"
        " org_id INTEGER NOT NULL REFERENCES org(id),"
        " from_day TEXT NOT NULL,"
        " to_day TEXT NOT NULL,"
        " state TEXT NOT NULL CHECK (state IN ('submitted', 'returned', 'approved', "
        "'reopened')),"
        " figures TEXT NOT NULL,"
        " note TEXT,"
        " submitted_by INTEGER NOT NULL,"
        " submitted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
        " decided_by INTEGER,"
        " decided_at TEXT,"
        " reason TEXT,"
        " version INTEGER NOT NULL DEFAULT 1,"
        " CHECK (from_day <= to_day)) STRICT;"
        "CREATE INDEX report_submission_by_period ON report_submission(org_id, from_day, "
        "to_day);"
        "CREATE UNIQUE INDEX report_submission_one_open ON report_submission(org_id, from_day, "
        "to_day) WHERE state IN ('submitted', 'approved');"
        "CREATE TABLE period_lock("
        " submission_id INTEGER NOT NULL REFERENCES report_submission(id),"
        " org_id INTEGER NOT NULL,"
        " from_day TEXT NOT NULL,"
        " to_day TEXT NOT NULL) STRICT;"
        "CREATE INDEX period_lock_by_org ON period_lock(org_id, from_day);"
        "CREATE INDEX period_lock_by_submission ON period_lock(submission_id);"
        "CREATE TABLE lock_delta("
        " org_id INTEGER NOT NULL,"
        " day TEXT NOT NULL,"
        " metric TEXT NOT NULL,"
        " dim TEXT NOT NULL,"
        " conf INTEGER NOT NULL,"
        " delta INTEGER NOT NULL,"
        " PRIMARY KEY (org_id, day, metric, dim, conf)) STRICT, WITHOUT ROWID;"
        "CREATE TRIGGER counter_lock_ai AFTER INSERT ON counter WHEN EXISTS (SELECT 1 FROM "
        "period_lock l WHERE l.org_id = NEW.org_id AND NEW.day BETWEEN l.from_day AND "
        "l.to_day) BEGIN INSERT INTO lock_delta(org_id, day, metric, dim, conf, delta) VALUES "
        "(NEW.org_id, NEW.day, NEW.metric, NEW.dim, NEW.conf, NEW.n) ON CONFLICT (org_id, day, "
        "metric, dim, conf) DO UPDATE "
        "SET delta = delta + excluded.delta; END;"
        "CREATE TRIGGER counter_lock_au AFTER UPDATE ON counter WHEN NEW.n <> OLD.n AND EXISTS "
        "(SELECT 1 FROM period_lock l WHERE l.org_id = NEW.org_id AND NEW.day BETWEEN "
        "l.from_day AND l.to_day) BEGIN INSERT INTO lock_delta(org_id, day, metric, dim, conf, "
        "delta) "
        "VALUES (NEW.org_id, NEW.day, NEW.metric, NEW.dim, NEW.conf, NEW.n - OLD.n) ON CONFLICT "
        "(org_id, day, "
        "metric, dim, conf) DO UPDATE SET delta = delta + excluded.delta; END;"
        "CREATE TRIGGER counter_lock_ad AFTER DELETE ON counter WHEN EXISTS (SELECT 1 FROM "
        "period_lock l WHERE l.org_id = OLD.org_id AND OLD.day BETWEEN l.from_day AND "
        "l.to_day) BEGIN INSERT INTO lock_delta(org_id, day, metric, dim, conf, delta) VALUES "
        "(OLD.org_id, OLD.day, OLD.metric, OLD.dim, OLD.conf, -OLD.n) ON CONFLICT (org_id, day, "
        "metric, dim, conf) DO "
        "UPDATE SET delta = delta + excluded.delta; END;",
        NULL,
    },
    /* 18: party terms (nhiệm kỳ): the congress that opened each term of an
     * organisation, so that a report can be for a term by its years. */
    {
        "CREATE TABLE party_term("
        " id INTEGER PRIMARY KEY,"
        " org_id INTEGER NOT NULL REFERENCES org(id),"
        " first_year INTEGER NOT NULL,"
        " last_year INTEGER NOT NULL,"
        " congress TEXT NOT NULL,"
        " document TEXT,"
        " created_by INTEGER NOT NULL,"
        " CHECK (last_year - first_year BETWEEN 2 AND 5),"
        " CHECK (CAST(substr(congress, 1, 4) AS INTEGER) = first_year),"
        " UNIQUE (org_id, first_year)) STRICT;",
        NULL,
    },
    /* 19: the report figures' counts by subject, for distinct counts
     * beside the occurrences.  The table was first made by the install
     * step, with the triggers (now store_counters_ensure's); IF NOT EXISTS
     * since a database that applied this migration then already has it. */
    {
        "CREATE TABLE IF NOT EXISTS counter_subject("
        " org_id INTEGER NOT NULL,"
        " day TEXT NOT NULL,"
        " metric TEXT NOT NULL,"
        " subject INTEGER NOT NULL,"
        " conf INTEGER NOT NULL,"
        " n INTEGER NOT NULL,"
        " PRIMARY KEY (org_id, day, metric, subject, conf)) STRICT, WITHOUT ROWID;",
        NULL,
    },
    /* 20: what a report reads beside the counters - the trips an
     * organisation opened in a period, the letters sent in it. */
    {
        "CREATE INDEX case_by_org_kind_opened ON case_file(handling_org, kind, opened);"
        "CREATE INDEX case_letter_by_sent ON case_letter(sent);",
        NULL,
    },
    /* 21: a person whose identifier (CCCD, party file or card number) is
     * already held by a record its author may not see is kept, flagged as
     * a possible duplicate of that record (dup_of) for those who see both:
     * refusing it would tell the author that the hidden record exists.
     * The identifiers stay unique among the records not so flagged.  The
     * classified records get an index of their own: counts of members
     * leave out those above the reader's clearance. */
    {
        "ALTER TABLE person ADD COLUMN dup_of INTEGER REFERENCES person(id);"
        "DROP INDEX person_cccd;"
        "DROP INDEX person_party_file;"
        "DROP INDEX person_party_card;"
        "CREATE UNIQUE INDEX person_cccd ON person(cccd) WHERE dup_of IS NULL;"
        "CREATE UNIQUE INDEX person_party_file ON person(party_file_no) WHERE dup_of IS NULL;"
        "CREATE UNIQUE INDEX person_party_card ON person(party_card_no) WHERE dup_of IS NULL;"
        "CREATE INDEX person_dup ON person(dup_of) WHERE dup_of IS NOT NULL;"
        "CREATE INDEX person_classified ON person(confidentiality) WHERE confidentiality > 0;",
        NULL,
    },
    /* 22: a version on the parts of a case that are updated in place (a
     * trip's details, a stay abroad, an appraisal), for partial updates
     * checked against what the writer read. */
    {
        "ALTER TABLE case_trip ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
        "ALTER TABLE case_stay ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
        "ALTER TABLE case_appraisal ADD COLUMN version INTEGER NOT NULL DEFAULT 1;",
        NULL,
    },
    /* 23: searches within a scope (issue 14).  A person's folded name
     * beside their organisation in person_by_org, so that a search in a
     * small scope reads the names of its members from the index alone
     * (stmt.c, STMT_PERSON_SEARCH_SCAN_IN); the index still serves every
     * lookup by organisation.  And each organisation version's folded name
     * (hoso_fold, func.c), for the organisation search. */
    {
        "DROP INDEX person_by_org;"
        "CREATE INDEX person_by_org ON person(org_id, search_key);"
        "ALTER TABLE org_version ADD COLUMN search_key TEXT;"
        "UPDATE org_version SET search_key = hoso_fold(name);",
        NULL,
    },
    /* 24: the inbox: a notice to a user about a case - work assigned, a
     * case waiting for them, a deadline's reminder or its passing.  One
     * notice per (user, case, kind, ref): ref tells apart what the same
     * kind is about within the case (a state, a deadline rule and level,
     * an assignment's version), so a notice is never made twice. */
    {
        "CREATE TABLE notice("
        " id INTEGER PRIMARY KEY,"
        " user_id INTEGER NOT NULL REFERENCES app_user(id),"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " kind TEXT NOT NULL,"
        " ref TEXT NOT NULL,"
        " text TEXT NOT NULL,"
        " text_en TEXT NOT NULL,"
        " at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
        " read_at TEXT,"
        " UNIQUE (user_id, case_id, kind, ref)) STRICT;"
        "CREATE INDEX notice_by_user ON notice(user_id, id);",
        NULL,
    },
    /* 25: corrections.  The records of a case that a user enters get a
     * version (those that had none), for edits checked against what the
     * writer read, and can be withdrawn as entered by mistake: the row is
     * kept with when, by whom and why, shown struck through, and left out
     * of every figure, count, deadline and rule. */
    {
        "ALTER TABLE case_finding ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
        "ALTER TABLE case_document ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
        "ALTER TABLE case_note ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
        "ALTER TABLE case_relative ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
        "ALTER TABLE case_subject ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
        "ALTER TABLE case_attachment ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
#define WITHDRAWABLE(t)                                                                            \
	"ALTER TABLE " t " ADD COLUMN withdrawn_at TEXT;"                                          \
	"ALTER TABLE " t " ADD COLUMN withdrawn_by INTEGER;"                                       \
	"ALTER TABLE " t " ADD COLUMN withdraw_reason TEXT;"
        WITHDRAWABLE("case_finding") WITHDRAWABLE("case_remedy") WITHDRAWABLE("case_document")
            WITHDRAWABLE("case_note") WITHDRAWABLE("case_traveller") WITHDRAWABLE("case_relative")
                WITHDRAWABLE("case_letter") WITHDRAWABLE("case_subject")
                    WITHDRAWABLE("case_attachment")
#undef WITHDRAWABLE
        /* a traveller withdrawn may be entered again: the person is once
         * in a delegation among the rows not withdrawn */
        "CREATE TABLE case_traveller_new("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " person_id INTEGER NOT NULL REFERENCES person(id),"
        " leader INTEGER NOT NULL DEFAULT 0 CHECK (leader IN (0, 1)),"
        " commitment INTEGER NOT NULL DEFAULT 0 CHECK (commitment IN (0, 1)),"
        " departed TEXT,"
        " returned TEXT,"
        " report_received TEXT,"
        " version INTEGER NOT NULL DEFAULT 1,"
        " withdrawn_at TEXT,"
        " withdrawn_by INTEGER,"
        " withdraw_reason TEXT) STRICT;"
        "INSERT INTO case_traveller_new SELECT id, case_id, person_id, leader, commitment, "
        "departed, returned, report_received, version, withdrawn_at, withdrawn_by, "
        "withdraw_reason FROM case_traveller;"
        "DROP TABLE case_traveller;"
        "ALTER TABLE case_traveller_new RENAME TO case_traveller;"
        "CREATE UNIQUE INDEX case_traveller_once ON case_traveller(case_id, person_id) "
        "WHERE withdrawn_at IS NULL;"
        "CREATE INDEX case_traveller_by_person ON case_traveller(person_id);"
        /* the open lists leave withdrawn rows out */
        "DROP INDEX case_remedy_open;"
        "CREATE INDEX case_remedy_open ON case_remedy(due) WHERE done IS NULL AND "
        "withdrawn_at IS NULL;"
        "DROP INDEX case_letter_open;"
        "CREATE INDEX case_letter_open ON case_letter(id) WHERE answered IS NULL AND "
        "withdrawn_at IS NULL;",
        NULL,
    },
    /* 26: a person's page lists the disciplines decided about them
     * (context.c, STMT_CASES_OF_PERSON). */
    {
        "CREATE INDEX case_discipline_by_person ON case_discipline(person_id) "
        "WHERE person_id IS NOT NULL;",
        NULL,
    },
    /* 27: the register of incoming letters (đơn thư, petition.h): what
     * came in, from whom (the sender's identity protected: its own
     * columns, read only through petition_sender), about whom, and how a
     * leader classified it - handled here (the case it opened), transferred
     * (to whom, with the outgoing letter), or kept without handling (why). */
    {
        "CREATE TABLE petition("
        " id INTEGER PRIMARY KEY,"
        " org_id INTEGER NOT NULL REFERENCES org(id),"
        " received TEXT NOT NULL,"
        " channel TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " sender_status TEXT NOT NULL,"
        " sender_name TEXT,"
        " sender_address TEXT,"
        " sender_key TEXT,"
        " summary TEXT NOT NULL,"
        " confidentiality INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality BETWEEN 0 AND 2),"
        " contested_case INTEGER REFERENCES case_file(id),"
        " decision_received TEXT,"
        " state TEXT NOT NULL DEFAULT 'moi',"
        " case_id INTEGER REFERENCES case_file(id),"
        " transfer_to TEXT,"
        " transfer_date TEXT,"
        " transfer_number TEXT,"
        " reason TEXT,"
        " note TEXT,"
        " duplicate_of INTEGER REFERENCES petition(id),"
        " created_by INTEGER,"
        " classified_by INTEGER,"
        " classified_at TEXT,"
        " version INTEGER NOT NULL DEFAULT 1) STRICT;"
        "CREATE INDEX petition_by_org ON petition(org_id, received);"
        "CREATE INDEX petition_by_sender ON petition(sender_key) WHERE sender_key IS NOT NULL;"
        "CREATE TABLE petition_subject("
        " id INTEGER PRIMARY KEY,"
        " petition_id INTEGER NOT NULL REFERENCES petition(id),"
        " org_id INTEGER REFERENCES org(id),"
        " person_id INTEGER REFERENCES person(id),"
        " CHECK ((org_id IS NULL) <> (person_id IS NULL))) STRICT;"
        "CREATE INDEX petition_subject_of ON petition_subject(petition_id);"
        "CREATE INDEX petition_subject_person ON petition_subject(person_id) "
        "WHERE person_id IS NOT NULL;"
        "CREATE INDEX petition_subject_org ON petition_subject(org_id) WHERE org_id IS NOT NULL;",
        NULL,
    },
    /* 28: a denunciation's content points, each with its own conclusion
     * (true, partly true, untrue), corrected and withdrawn like the other
     * records of a case. */
    {
        "CREATE TABLE case_point("
        " id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES case_file(id),"
        " content TEXT NOT NULL,"
        " conclusion TEXT,"
        " version INTEGER NOT NULL DEFAULT 1,"
        " withdrawn_at TEXT,"
        " withdrawn_by INTEGER,"
        " withdraw_reason TEXT) STRICT;"
        "CREATE INDEX case_point_of ON case_point(case_id);",
        NULL,
    },
    /* 29: papers (app/paper.c).  A template an administrator changed
     * (the defaults ship with the program and are not stored): its parts
     * as a JSON object.  A paper generated from a case is one of its
     * documents, a draft until its number is filled, with the paper's
     * code and its text as generated (JSON), from which it is written as
     * DOCX or PDF with the number and date it has then. */
    {
        "CREATE TABLE paper_template("
        " code TEXT PRIMARY KEY,"
        " body TEXT NOT NULL CHECK (json_valid(body)),"
        " version INTEGER NOT NULL,"
        " user_id INTEGER,"
        " at TEXT NOT NULL) STRICT;"
        "ALTER TABLE case_document ADD COLUMN paper TEXT;"
        "ALTER TABLE case_document ADD COLUMN paper_body TEXT;",
        NULL,
    },
    /* 30: a complaint about a discipline is its own case (khieu_nai,
     * complaint.c) linked to the discipline it contests, no longer a
     * state of the discipline case.  Each entry of a discipline case into
     * its old state "khieu_nai" becomes a complaint case opened that day,
     * numbered in the handling body's register, with the discipline's
     * subjects and assignees; one the discipline left (resolved) is
     * decided and closed on that day, its decision unknown (no type); a
     * discipline still in "khieu_nai" goes back to the state it came from.
     * History is kept: the discipline's old events stay as they were.
     * The report counters follow from their new definitions (counter.c),
     * recounted when the database is opened. */
    {
        "CREATE TEMP TABLE m30("
        " ev INTEGER PRIMARY KEY, case_id INTEGER, org INTEGER, opened TEXT, yr INTEGER,"
        " user_id INTEGER, conf INTEGER, title TEXT, prior TEXT, resolved TEXT, res_note TEXT,"
        " still INTEGER, no INTEGER, number TEXT, new_id INTEGER);"
        "INSERT INTO m30(ev, case_id, org, opened, yr, user_id, conf, title, prior, still) "
        "SELECT e.id, e.case_id, c.handling_org, e.on_date, CAST(substr(e.on_date, 1, 4) AS "
        "INTEGER), e.user_id, c.confidentiality, 'Giải quyết khiếu nại kỷ luật (' || c.number "
        "|| ')', e.from_state, 0 FROM case_event e JOIN case_file c ON c.id = e.case_id "
        "WHERE c.kind = 'ky_luat' AND e.to_state = 'khieu_nai';"
        "UPDATE m30 SET resolved = x.on_date, res_note = x.note FROM (SELECT m.ev, r.on_date, "
        "r.note, row_number() OVER (PARTITION BY m.ev ORDER BY r.id) AS k FROM m30 m "
        "JOIN case_event r ON r.case_id = m.case_id AND r.id > m.ev AND r.from_state = "
        "'khieu_nai') AS x WHERE x.ev = m30.ev AND x.k = 1;"
        "UPDATE m30 SET still = 1 WHERE resolved IS NULL AND ev = (SELECT max(e.id) FROM "
        "case_event e WHERE e.case_id = m30.case_id) AND (SELECT state FROM case_file WHERE "
        "id = m30.case_id) = 'khieu_nai';"
        "UPDATE m30 SET no = x.no FROM (SELECT m.ev, coalesce((SELECT r.last_no FROM "
        "case_register r WHERE r.org_id = m.org AND r.kind = 'khieu_nai' AND r.year = m.yr), "
        "0) + row_number() OVER (PARTITION BY m.org, m.yr ORDER BY m.opened, m.ev) AS no FROM "
        "m30 m) AS x WHERE x.ev = m30.ev;"
        "UPDATE m30 SET number = printf('KN-%d-%04d', yr, no);"
        "INSERT INTO case_register(org_id, kind, year, last_no) SELECT org, 'khieu_nai', yr, "
        "max(no) FROM m30 WHERE true GROUP BY org, yr ON CONFLICT (org_id, kind, year) DO "
        "UPDATE SET last_no = max(last_no, excluded.last_no);"
        "INSERT INTO case_file(number, kind, title, handling_org, opened, state, "
        "confidentiality, linked_case, created_by, created_at) SELECT number, 'khieu_nai', "
        "title, org, opened, CASE WHEN resolved IS NULL THEN 'thu_ly' ELSE 'dong' END, conf, "
        "case_id, user_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM m30 ORDER BY ev;"
        "UPDATE m30 SET new_id = (SELECT c.id FROM case_file c WHERE c.handling_org = m30.org "
        "AND c.number = m30.number);"
        "INSERT INTO case_subject(case_id, org_id, org_version_id, person_id) SELECT m.new_id, "
        "s.org_id, s.org_version_id, s.person_id FROM m30 m JOIN case_subject s ON s.case_id "
        "= m.case_id WHERE s.withdrawn_at IS NULL ORDER BY m.ev, s.id;"
        "INSERT INTO case_assignee(case_id, user_id) SELECT m.new_id, a.user_id FROM m30 m "
        "JOIN case_assignee a ON a.case_id = m.case_id;"
        "INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, note) "
        "SELECT new_id, NULL, 'thu_ly', opened, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
        "user_id, 'Chuyển từ trạng thái \"Có khiếu nại\" của hồ sơ kỷ luật' FROM m30 "
        "ORDER BY ev;"
        "INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, note) "
        "SELECT new_id, 'thu_ly', 'quyet_dinh', resolved, strftime('%Y-%m-%dT%H:%M:%fZ', "
        "'now'), NULL, res_note FROM m30 WHERE resolved IS NOT NULL ORDER BY ev;"
        "INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, note) "
        "SELECT new_id, 'quyet_dinh', 'dong', resolved, strftime('%Y-%m-%dT%H:%M:%fZ', "
        "'now'), NULL, NULL FROM m30 WHERE resolved IS NOT NULL ORDER BY ev;"
        "INSERT INTO case_event(case_id, from_state, to_state, on_date, at, user_id, note) "
        "SELECT case_id, 'khieu_nai', prior, opened, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
        "NULL, 'Khiếu nại chuyển thành hồ sơ ' || number FROM m30 WHERE still = 1;"
        "UPDATE case_file SET state = (SELECT m.prior FROM m30 m WHERE m.case_id = "
        "case_file.id AND m.still = 1), version = version + 1 WHERE id IN (SELECT case_id "
        "FROM m30 WHERE still = 1);"
        "DROP TABLE m30;"
        "CREATE INDEX case_by_link ON case_file(linked_case) WHERE linked_case IS NOT NULL;",
        NULL,
    },
    /* 31: the scans of an incoming letter, kept with the letter from the
     * day it is registered (they show the sender: read as the sender is,
     * petition-scan.c); the contents in the blob table like attachments. */
    {
        "CREATE TABLE petition_scan("
        " id INTEGER PRIMARY KEY,"
        " petition_id INTEGER NOT NULL REFERENCES petition(id),"
        " sha256 TEXT NOT NULL REFERENCES blob(sha256),"
        " filename TEXT NOT NULL,"
        " mime TEXT NOT NULL,"
        " size INTEGER NOT NULL,"
        " user_id INTEGER,"
        " at TEXT NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1,"
        " withdrawn_at TEXT,"
        " withdrawn_by INTEGER,"
        " withdraw_reason TEXT) STRICT;"
        "CREATE INDEX petition_scan_by_petition ON petition_scan(petition_id, id);",
        NULL,
    },
    /* 32: two figures the report lacked.  Who inspects (the actor: the
     * committee, its standing committee, the inspection commission, the
     * party cell - DOMAIN.md §4, app/inspection.c), kept beside the
     * inspection; an inspection handled by a party cell was that cell's,
     * the others' actor is not known and stays unrecorded.  And the outcome
     * of a background check, until now only the free text of its
     * conclusion, becomes a code (its type, app/admission.c): a conclusion
     * that names the hold, the standing committee or the agreement is
     * mapped to it (the hold first: "tạm dừng ... đủ điều kiện" holds), a
     * refusal or a text that names none stays without one. */
    {
        "CREATE TABLE case_inspection("
        " case_id INTEGER PRIMARY KEY REFERENCES case_file(id),"
        " actor TEXT NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1) STRICT;"
        "INSERT INTO case_inspection(case_id, actor) SELECT c.id, 'chi_bo' FROM case_file c"
        " JOIN org_version v ON v.org_id = c.handling_org AND v.valid_from <= c.opened"
        " AND (v.valid_to IS NULL OR v.valid_to > c.opened)"
        " WHERE c.kind = 'kiem_tra' AND v.kind IN ('chi_bo_co_so', 'chi_bo_truc_thuoc');"
        "UPDATE case_file SET subtype = CASE"
        " WHEN hoso_fold(conclusion) LIKE '%tam dung%'"
        "  OR hoso_fold(conclusion) LIKE '%tham tra them%'"
        "  OR hoso_fold(conclusion) LIKE '%xac minh them%' THEN 'tam_dung'"
        " WHEN hoso_fold(conclusion) LIKE '%thuong vu%' THEN 'bao_cao_thuong_vu'"
        " WHEN hoso_fold(conclusion) LIKE '%chua du%'"
        "  OR hoso_fold(conclusion) LIKE '%khong du%'"
        "  OR hoso_fold(conclusion) LIKE '%khong dong y%' THEN NULL"
        " WHEN hoso_fold(conclusion) LIKE '%du dieu kien%'"
        "  OR hoso_fold(conclusion) LIKE '%dong y%' THEN 'dong_y' END"
        " WHERE kind = 'tham_tra_ly_lich' AND subtype IS NULL AND conclusion IS NOT NULL;",
        NULL,
    },
};

#define MIGRATIONS_N ((int)(sizeof(migrations) / sizeof(migrations[0])))

int store_latest_schema_version(void)
{
	return MIGRATIONS_N;
}

const struct store_migration *store_migrations(int *n)
{
	*n = MIGRATIONS_N;
	return migrations;
}

int store_migrate(struct store *s, struct err *e)
{
	return store_migrate_list(s, migrations, MIGRATIONS_N, e);
}

int store_migrate_list(struct store *s, const struct store_migration *list, int n, struct err *e)
{
	int have = store_schema_version(s), v, rc;
	char pragma[64];

	if (have < 0)
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	if (have > n)
		return err_set(e, HOSO_E_SCHEMA, "db",
		               "Cơ sở dữ liệu ở phiên bản lược đồ %d, chương trình này chỉ biết "
		               "đến phiên bản %d: cần bản hoso mới hơn",
		               "The database is at schema version %d; this program knows up to "
		               "%d: it needs a newer hoso",
		               have, n);
	if (have == n)
		return 0;
	if ((rc = store_begin(s)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	for (v = have; v < n; v++) {
		if (db_exec(s->db, list[v].sql) < 0) {
			err_set(e, HOSO_E_DB, NULL,
			        "Lỗi khi nâng cấp lên phiên bản %d: %s (cơ sở dữ liệu giữ nguyên "
			        "phiên bản %d)",
			        "Migration %d failed: %s (the database stays at version %d)", v + 1,
			        db_errmsg(s->db), have);
			store_rollback(s);
			return HOSO_E_DB;
		}
		if (list[v].step && (rc = list[v].step(s)) < 0) {
			store_rollback(s);
			return err_set(
			    e, rc, NULL,
			    "Lỗi khi nâng cấp lên phiên bản %d (cơ sở dữ liệu giữ nguyên "
			    "phiên bản %d)",
			    "Migration %d failed (the database stays at version %d)", v + 1, have);
		}
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", n);
	if (db_exec(s->db, pragma) < 0) {
		store_rollback(s);
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	}
	rc = store_commit(s);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	return 0;
}
