/*
 * supervision.h - supervision (giám sát, DOMAIN.md §4): regular or
 * thematic; a thematic one ends with a result notice, and signs of
 * violation found open an inspection linked to it.
 */
#ifndef HOSO_APP_SUPERVISION_H
#define HOSO_APP_SUPERVISION_H

#include <stdint.h>

#include "app/app.h"
#include "core/arena.h"

/* Supervision found signs of violation: open an inspection "khi có dấu
 * hiệu vi phạm" linked to supervision case id, with the same handling
 * organisation and subjects (officers and leaders; audited). */
int case_open_inspection(struct app *app, const struct actor *who, int64_t id, const char *title,
                         struct arena *a, int64_t *ret_id, const char **ret_number, struct err *e);

#endif
