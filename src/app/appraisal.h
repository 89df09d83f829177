/*
 * appraisal.h - a political-standard appraisal's own parts (DOMAIN.md §4):
 * who asked, the dossier's documents present or missing, and the outcome —
 * meets the standard for a named position or level, does not meet it, or
 * referred to the higher level.  A conclusion waits for the outcome and for
 * every missing document; officers and leaders in scope record them,
 * audited.
 */
#ifndef HOSO_APP_APPRAISAL_H
#define HOSO_APP_APPRAISAL_H

#include <stdint.h>

#include "app/app.h"
#include "store/store.h"

struct appraisal_input {
	const char *requester; /* "Ban Tổ chức Tỉnh ủy" */
	const char *outcome;   /* dat, khong_dat, chuyen_cap_tren; NULL: not yet */
	const char *position;  /* needed with dat: "Phó Chủ tịch UBND xã" */
};

int appraisal_outcome_valid(const char *outcome);

int appraisal_set(struct app *app, const struct actor *who, int64_t case_id,
                  const struct appraisal_input *in, struct err *e);

/* The document named (NFC, at most 200 bytes) is present or missing. */
int appraisal_doc_put(struct app *app, const struct actor *who, int64_t case_id, const char *name,
                      int present, int64_t *ret_id, struct err *e);

/* For case_transition: 0 when appraisal case_id may take the step to `to`
 * (a conclusion needs its outcome, and no document missing), else
 * HOSO_E_CONFLICT saying what is missing. */
int appraisal_check_step(struct app *app, int64_t case_id, const char *to, struct err *e);

#endif
