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

/* The levels of the resolving body (the kind's subtypes). */
const struct code_name *denunciation_levels(size_t *n);

#endif
