/*
 * appraisal.h - the political-standard appraisal kind (thẩm định tiêu
 * chuẩn chính trị, DOMAIN.md §4) and its own parts: who asked, the
 * dossier's documents present or missing, and the outcome — meets the
 * standard for a named position or level, does not meet it, or referred to
 * the higher level.  A conclusion waits for the outcome and for every
 * missing document; officers and leaders in scope record them, audited.
 * Its verification requests are letters (letter.h).
 */
#ifndef HOSO_APP_APPRAISAL_H
#define HOSO_APP_APPRAISAL_H

#include <stdint.h>

#include "app/app.h"
#include "app/case.h"
#include "app/letter.h"
#include "store/store.h"

/* The outcomes (code set "appraisal_outcome"). */
extern const struct code_set appraisal_outcomes;
int appraisal_outcome_valid(const char *outcome);

/* The fields of an appraisal, for a partial update's sent bits. */
enum appraisal_field { APPRAISAL_REQUESTER, APPRAISAL_OUTCOME, APPRAISAL_POSITION };

struct appraisal_input {
	const char *requester; /* "Ban Tổ chức Tỉnh ủy" */
	const char *outcome;   /* dat, khong_dat, chuyen_cap_tren; NULL: not yet */
	const char *position;  /* needed with dat: "Phó Chủ tịch UBND xã" */
	unsigned sent;         /* the fields to change: bits (1u << enum appraisal_field), a
	                        * NULL value clears; 0: all three (patch.h) */
	int64_t version;       /* the appraisal's version as read (0: no check) */
};

/* Change the fields sent of the appraisal of case_id (created on first
 * use); HOSO_E_CONFLICT when version is not the stored one.  Audited with
 * each field changed, before and after. */
int appraisal_set(struct app *app, const struct actor *who, int64_t case_id,
                  const struct appraisal_input *in, struct err *e);

/* The document named (NFC, at most 200 bytes) is present or missing. */
int appraisal_doc_put(struct app *app, const struct actor *who, int64_t case_id, const char *name,
                      int present, int64_t *ret_id, struct err *e);

/* An appraisal case's own parts (its case_view's part). */
struct appraisal_part {
	struct appraisal_row ap;
	int has; /* 0 until the appraisal is first written */
	struct appraisal_doc_list docs;
	struct letter_view *letters;
	size_t nletters;
};

#endif
