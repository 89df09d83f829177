/*
 * denunciation.h - the denunciation kind (tố cáo): a case opened from the
 * register of incoming letters (petition.h) when a leader finds a letter
 * denouncing an organisation or member within the body's competence.  Its
 * subtype is the level of the body that resolves it.
 */
#ifndef HOSO_APP_DENUNCIATION_H
#define HOSO_APP_DENUNCIATION_H

#include <stddef.h>

#include "app/case.h"
#include "store/store.h"

/* The levels of the resolving body (the kind's subtypes), and the
 * conclusions of a content point (code set "point_conclusion"). */
extern const struct code_set denunciation_levels;
extern const struct code_set point_conclusions;

/* A content point of denunciation case_id (officers and leaders, on an
 * open case they may see): *ret_id its id.  Audited. */
#define POINT_MAX 4000 /* characters */
int point_add(struct app *app, const struct actor *who, int64_t case_id, const char *content,
              int64_t *ret_id, struct err *e);

/* A point corrected or concluded: only the fields sent change, at its
 * version (correct.h); the conclusion is dung, dung_mot_phan, sai or NULL
 * (not yet).  Audited with before and after. */
enum point_field { POINT_CONTENT, POINT_CONCLUSION };
struct point_input {
	const char *content, *conclusion;
	unsigned sent; /* bits (1u << enum point_field), with PATCH_LISTED */
	int64_t version;
};
int point_edit(struct app *app, const struct actor *who, int64_t id, const struct point_input *in,
               struct err *e);

/* A concluded denunciation found true, at least in part: open the
 * discipline it warrants (kỷ luật), linked to denunciation case id, with
 * its handling organisation and the denounced as subjects (officers and
 * leaders; audited).  HOSO_E_CONFLICT before the conclusion, or when no
 * point was found true. */
int case_open_discipline(struct app *app, const struct actor *who, int64_t id, const char *title,
                         struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e);

/* A denunciation case's own part (its case_view's part). */
struct denunciation_part {
	struct point_list points;
};

#endif
