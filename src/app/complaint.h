/*
 * complaint.h - the complaint kind (khiếu nại kỷ luật đảng): a case opened
 * from the register of incoming letters (petition.h) for a complaint about
 * a discipline decision, linked to the discipline case it contests.  Its
 * subtype is the decision it ends with: the discipline kept, its form
 * changed, or annulled.
 */
#ifndef HOSO_APP_COMPLAINT_H
#define HOSO_APP_COMPLAINT_H

#include <stddef.h>

#include "app/case.h"

/* The window for filing a complaint after the decision was received, in
 * days [config] (DOMAIN.md §4: "a complaint may be filed within 30 days";
 * Quy định 22-QĐ/TW: within one month). */
#define COMPLAINT_WINDOW_DAYS 30

/* The decisions a complaint ends with (the kind's subtypes). */
extern const struct code_set complaint_decisions;

#endif
