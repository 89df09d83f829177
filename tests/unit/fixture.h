/*
 * fixture.h - the database most app-level unit tests start from: a fresh
 * file in a temporary directory, the local system actor, and the
 * provincial committee "TU" (valid from 1/1/2000).
 */
#ifndef HOSO_TEST_FIXTURE_H
#define HOSO_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "app/org.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "helpers.h"
#include "store/store.h"

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
	if (app_open(path, STORE_CREATE, app, e) != 0 || org_create(*app, sys, &o, tu, e) != 0) {
		fprintf(stderr, "fixture: %s\n", err_text_en(e));
		abort();
	}
}

static inline void fixture_close(const char *dir, struct app *app, struct err *e, struct arena *a)
{
	app_close(app);
	err_release(e);
	arena_release(a);
	tmpdir_remove(dir);
}

#endif
