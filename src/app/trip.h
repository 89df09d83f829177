/*
 * trip.h - trips abroad (DOMAIN.md §4): purpose, countries, dates and
 * funding of the trip; its travellers, one person-trip (lượt) each, with
 * departure, return, and the report due 7 working days after re-entry; the
 * written commitment when visiting relatives; approval refused until the
 * trip is complete (its details, its travellers, their commitments, and for
 * an official delegation its place in the year's foreign-affairs plan); the
 * approving authority each traveller's management level calls for.
 */
#ifndef HOSO_APP_TRIP_H
#define HOSO_APP_TRIP_H

#include <stddef.h>
#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "app/deadline.h"
#include "core/arena.h"
#include "store/store.h"

/* The deadline rule of a traveller's return report (deadline.h). */
#define TRIP_REPORT_RULE "ra_nuoc_ngoai.bao_cao"

/* The purposes (code set "trip_purpose"). */
extern const struct code_set trip_purposes;

/* The fields of a trip, for a partial update's sent bits. */
enum trip_field {
	TRIP_PURPOSE,
	TRIP_COUNTRIES,
	TRIP_FUNDING,
	TRIP_DEPART,
	TRIP_COME_BACK,
	TRIP_IN_PLAN
};

struct trip_input {
	const char *purpose, *countries, *funding;
	int32_t depart, come_back;
	int in_plan;
	unsigned sent;   /* the fields to change: bits (1u << enum trip_field), a NULL
	                  * funding clears it; 0: all (patch.h) */
	int64_t version; /* the trip's version as read (0: no check) */
};

/* Change the fields sent of the trip of case_id (created on first use,
 * when the purpose, countries and dates must be given); officers and
 * leaders, on a trip case they may see; HOSO_E_CONFLICT when version is
 * not the stored one.  Audited with each field changed, before and after. */
int trip_set(struct app *app, const struct actor *who, int64_t case_id, const struct trip_input *in,
             struct err *e);

/* A traveller: a member the actor may see; a private trip has one. */
int traveller_add(struct app *app, const struct actor *who, int64_t case_id, int64_t person_id,
                  int leader, int commitment, int64_t *ret_id, struct err *e);

/* A traveller corrected (correct.h): who leads the delegation (at most
 * one), the commitment, the dates (null clears one; in order, between the
 * case's opening and today). */
enum traveller_field {
	TRAVELLER_F_LEADER,
	TRAVELLER_F_COMMITMENT,
	TRAVELLER_F_DEPARTED,
	TRAVELLER_F_RETURNED,
	TRAVELLER_F_REPORT
};
struct traveller_input {
	int leader, commitment;
	int32_t departed, returned, report_received;
	unsigned sent;
	int64_t version;
};
int traveller_edit(struct app *app, const struct actor *who, int64_t id,
                   const struct traveller_input *in, struct err *e);

enum traveller_event {
	TRAVELLER_COMMITMENT,
	TRAVELLER_DEPARTED,
	TRAVELLER_RETURNED,
	TRAVELLER_REPORT,
	TRAVELLER_EVENT__MAX
};
int traveller_event_parse(const char *s, enum traveller_event *ret);
/* The events (code set "traveller_event"), in the enum's order. */
extern const struct code_set traveller_events;

/* Record the commitment, departure, return or report on day (DATE_NONE:
 * today), in that order; version must be the traveller's (0: whatever it
 * is now, for the operator at the console). */
int traveller_record(struct app *app, const struct actor *who, int64_t id, enum traveller_event ev,
                     int32_t day, int64_t version, struct err *e);

struct traveller_view {
	struct traveller_row t;
	const char *full_name;  /* NULL when the reader may not see the person */
	const char *authority;  /* who approves for this management level */
	struct deadline report; /* the return report (applies once returned) */
	int has_report_deadline;
};

/* A trip case's details (has_trip 0 when none yet) and travellers; the
 * caller may already see the case. */
int trip_view(struct app *app, const struct actor *who, int64_t case_id, struct arena *a,
              struct trip_row *ret_trip, int *has_trip, struct traveller_view **ret, size_t *ret_n,
              struct err *e);

struct report_item {
	struct case_row c;       /* the trip (number, title, organisation) */
	struct traveller_view v; /* the traveller and the report's deadline */
};

/* Travellers back from trips the caller may see whose report is still
 * missing, at or above min_level, most urgent first; recorded in the audit
 * trail as a search. */
int trip_reports_due(struct app *app, const struct actor *who, enum deadline_level min_level,
                     size_t limit, struct arena *a, struct report_item **ret, size_t *ret_n,
                     struct err *e);
/* One of them as GET /api/return-reports lists it: the case's brief with
 * its "traveller". */
json_t *report_item_json(struct app *app, const struct actor *who, const struct report_item *it,
                         struct arena *a);

/* A trip case's own parts (its case_view's part). */
struct trip_part {
	struct trip_row trip;
	int has_trip;
	struct traveller_view *travellers;
	size_t ntravellers;
};

#endif
