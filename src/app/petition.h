/*
 * petition.h - the register of incoming letters (tiếp nhận đơn thư,
 * DOMAIN.md §4): denunciations (tố cáo) of party organisations and
 * members, complaints (khiếu nại) about discipline decisions, petitions and
 * reports (kiến nghị, phản ánh), as the receiving body records them, and
 * how a leader of that body classifies each: handled here - a denunciation
 * opens a denunciation case, a complaint (or a letter that both complains
 * and denounces, handled as a complaint, the sender told how to denounce)
 * a complaint case linked to the discipline it contests, within its filing
 * window -; transferred to the competent body with the outgoing letter;
 * or kept without handling, with the reason.
 *
 * The sender is protected: the letter's JSON, lists, the audit trail and
 * the case it opens never carry the sender's name or address;
 * petition_sender gives them, audited, only to the leaders of the body
 * that received the letter and to those assigned the case it opened.
 *
 * A letter is visible to those whose scope holds the receiving body and
 * whose clearance reaches its level; to anyone else it does not exist.
 * A letter from the same sender about the same subjects as an earlier one
 * to the same body is flagged (duplicate_of), never merged.
 */
#ifndef HOSO_APP_PETITION_H
#define HOSO_APP_PETITION_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "core/arena.h"
#include "store/store.h"

#define PETITION_SUMMARY_MAX  4000 /* bytes */
#define PETITION_SUBJECTS_MAX 20

/* The closed sets (code sets "petition_channel", "petition_kind",
 * "petition_sender", "petition_reason", "petition_state"). */
extern const struct code_set petition_channels;
extern const struct code_set petition_kinds;
extern const struct code_set petition_senders;
extern const struct code_set petition_reasons;
extern const struct code_set petition_states;

struct petition_input {
	int64_t org;      /* the receiving body, in the actor's scope */
	int32_t received; /* not in the future */
	const char *channel, *kind, *sender_status;
	const char *sender_name, *sender_address; /* NULL or "": none */
	const char *summary;
	int confidentiality;           /* enum clearance, up to the actor's */
	const int64_t *orgs, *persons; /* whom it is about (at least one) */
	size_t norgs, npersons;
	int64_t contested_case;    /* a complaint: the discipline case (0: none) */
	int32_t decision_received; /* a complaint: when the decision reached the
	                            * complainant (DATE_NONE: not known) */
};

/* Register a letter (officers and leaders); *ret_id its id.  Refused with
 * the field named: no content, a date in the future or in the wrong order,
 * a sender's name given for an anonymous letter or missing for a named
 * one, no subject, a complaint without the discipline it contests or
 * about one that is not a discipline of one of its subjects.  Audited
 * ("create", without the sender). */
int petition_add(struct app *app, const struct actor *who, const struct petition_input *in,
                 int64_t *ret_id, struct err *e);

/* How a leader classifies a letter. */
enum petition_action { PETITION_HANDLE, PETITION_TRANSFER, PETITION_KEEP, PETITION_ACTION__MAX };
int petition_action_parse(const char *s, enum petition_action *ret);

struct petition_classify_input {
	enum petition_action action;
	const char *transfer_to, *transfer_number; /* TRANSFER: the receiving body (required) */
	int32_t transfer_date;                     /* TRANSFER: not before the letter (DATE_NONE:
	                                            * today) */
	const char *reason;                        /* KEEP: a code of petition_reasons */
	const char *note;                          /* required with reason "khac" */
	int64_t version;
};

/* Classify letter id, still new (leaders whose scope holds the receiving
 * body).  HANDLE opens the case (*ret_case its id; a kiến nghị opens none:
 * refused) in the same transaction: a denunciation case about the
 * letter's subjects, or a complaint case linked to the contested
 * discipline, refused when filed after the window (complaint.h).  Audited. */
int petition_classify(struct app *app, const struct actor *who, int64_t id,
                      const struct petition_classify_input *in, int64_t *ret_case, struct err *e);

/* The letter as its readers see it: {"id", "org", "org_name", "received",
 * "channel", "kind", "sender_status", "summary", "confidentiality",
 * "subjects": [{"kind": "org"|"person", "id", "code", "name"}],
 * "contested_case": brief or null, "decision_received", "state", "case":
 * brief or null, "transfer_to", "transfer_date", "transfer_number",
 * "reason", "note", "duplicate_of", "may_read_sender", "version",
 * "scans" [as attachment_json gives them]} - never the sender.  Audited as
 * a read. */
int petition_get(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                 json_t **ret, struct err *e);

/* The sender's name and address (NULLs when none), to the leaders of the
 * receiving body and the assignees of the case it opened; HOSO_E_DENIED
 * for others who may see the letter.  Audited ("read_sender"). */
int petition_sender(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                    const char **ret_name, const char **ret_address, struct err *e);

/* The sender of the letter that opened case case_id, as petition_sender
 * gives it (HOSO_E_NOT_FOUND when no letter opened it): for the notice to
 * the denouncer. */
int petition_case_sender(struct app *app, const struct actor *who, int64_t case_id, struct arena *a,
                         const char **ret_name, const char **ret_address, struct err *e);

/* The scans of a letter (petition-scan.c).  Added by officers and leaders
 * who see the letter, at any stage (checked as attachments are: PDF, PNG,
 * JPEG or DOCX by their first bytes, at most ATTACHMENT_MAX); *ret the
 * scan, its case_id the letter's id.  Audited ("attach"). */
int petition_scan_add(struct app *app, const struct actor *who, int64_t id, const char *filename,
                      const void *data, size_t len, struct arena *a, struct attachment_row *ret,
                      struct err *e);
/* A scan's contents, read as the sender is (petition_sender's rule;
 * HOSO_E_DENIED naming "sender" to others who see the letter, NOT_FOUND to
 * those who do not); audited as "read_sender". */
int petition_scan_read(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                       struct attachment_row *ret, const void **ret_data, size_t *ret_len,
                       struct err *e);
/* A scan added by mistake withdrawn at its version, with the reason
 * (officers and leaders who see the letter); audited. */
int petition_scan_withdraw(struct app *app, const struct actor *who, int64_t id, const char *reason,
                           int64_t version, struct err *e);

struct petition_filter {
	int64_t org;       /* received by this organisation's subtree (0: the actor's scope) */
	int32_t from, to;  /* received within (DATE_NONE: open) */
	const char *state; /* NULL: any */
	int64_t before;    /* id to continue below (0: from the newest) */
	size_t limit;      /* 1..500 */
};
/* {"petitions": [the letters as petition_get gives them, without
 * subjects' names], "next": id or null}; audited as a search. */
int petition_list(struct app *app, const struct actor *who, const struct petition_filter *f,
                  struct arena *a, json_t **ret, struct err *e);

#endif
