/*
 * petitionInt.h - what the register's files share (petition.c and
 * petition-scan.c): finding a letter as a reader may, and the rule of who
 * reads its sender - which its scans follow, since they show the sender.
 */
#ifndef HOSO_APP_PETITION_INT_H
#define HOSO_APP_PETITION_INT_H

#include <jansson.h>

#include "app/app.h"
#include "core/arena.h"
#include "store/store.h"

/* Letter id as who may see it (scope, clearance): HOSO_E_NOT_FOUND as
 * for a missing one. */
int petition_fetch(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                   struct petition_row *ret, struct err *e);
/* 1 when who may read the sender of letter r: a leader whose scope is the
 * receiving body itself, an assignee of the case it opened, or the local
 * operator; else 0. */
int petition_may_read_sender(struct app *app, const struct actor *who, const struct petition_row *r,
                             struct arena *a);
/* 0 when who may read the sender of r, else HOSO_E_DENIED naming
 * "sender". */
int petition_sender_gate(struct app *app, const struct actor *who, const struct petition_row *r,
                         struct arena *a, struct err *e);
/* The scans of letter id, as attachments' JSON (petition-scan.c). */
json_t *petition_scans_json(struct app *app, int64_t id, struct arena *a);

#endif
