/*
 * fixture.h - the database most app-level unit tests start from: a fresh
 * file in a temporary directory, the local system actor, and the
 * provincial committee "TU" (valid from 1/1/2000); and the organisations,
 * actors, members and cases the tests add to it.
 */
#ifndef HOSO_TEST_FIXTURE_H
#define HOSO_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "app/case.h"
#include "app/org.h"
#include "app/person.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "helpers.h"
#include "store/store.h"

/* Report what failed (with e's message) and abort the test program. */
static inline void fixture_fail(const char *what, const struct err *e)
{
	fprintf(stderr, "fixture: %s: %s\n", what, err_text_en(e));
	abort();
}

/* Open it: dir (n bytes) receives the directory; aborts on failure. */
static inline void fixture_open(char *dir, size_t n, struct app **app, struct actor *sys,
                                int64_t *tu, struct err *e, struct arena *a)
{
	struct org_new o = {"TU", "Đảng bộ tỉnh", "dang_bo_tinh", 0, date_days(2000, 1, 1), NULL};
	char path[600];

	tmpdir_make(dir, n);
	snprintf(path, sizeof(path), "%s/t.db", dir);
	err_init(e);
	arena_init(a, 0);
	actor_system(sys, "test");
	if (app_open(path, STORE_CREATE, app, e) != 0 || org_create(*app, sys, &o, tu, e) != 0)
		fixture_fail("open", e);
}

static inline void fixture_close(const char *dir, struct app *app, struct err *e, struct arena *a)
{
	app_close(app);
	err_release(e);
	arena_release(a);
	tmpdir_remove(dir);
}

/* A child of parent, valid from 1/1/2000; aborts on failure. */
static inline int64_t fixture_org(struct app *app, const struct actor *sys, const char *code,
                                  const char *name, const char *kind, int64_t parent, struct err *e)
{
	struct org_new o = {code, name, kind, parent, date_days(2000, 1, 1), NULL};
	int64_t id = 0;

	if (org_create(app, sys, &o, &id, e) != 0)
		fixture_fail(code, e);
	return id;
}

/* Someone signed in with one role in the scope of org. */
static inline struct actor fixture_actor(int64_t user_id, enum role role, int64_t org,
                                         enum clearance c)
{
	return (struct actor){user_id, 1u << role, org, c, NULL, "test"};
}

/* A person created by sys from in; aborts on failure. */
static inline int64_t fixture_person(struct app *app, const struct actor *sys,
                                     struct person_input in, struct err *e)
{
	int64_t id = 0;

	if (person_create(app, sys, &in, &id, e) != 0)
		fixture_fail(in.full_name, e);
	return id;
}

/* A case opened by who from in; aborts on failure. */
static inline int64_t fixture_case(struct app *app, const struct actor *who, struct case_input in,
                                   struct arena *a, struct err *e)
{
	int64_t id = 0;

	if (case_create(app, who, &in, a, &id, NULL, e) != 0)
		fixture_fail(in.title, e);
	return id;
}

#endif
