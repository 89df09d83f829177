/*
 * fixture.h - the database most app-level unit tests start from: a fresh
 * file in a temporary directory, the local system actor, and the
 * provincial committee "TU" (valid from 1/1/2000); and the organisations,
 * actors, members and cases the tests add to it.
 *
 * A test either keeps a struct fixture on its stack (fixture_start ...
 * fixture_stop) or, under cmocka's setup and teardown, embeds one as the
 * first member of its own struct fx, which fixture_new allocates and
 * fixture_teardown frees.
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

/* What every app-level test works with. */
struct fixture {
	char dir[512];  /* the temporary directory, removed by fixture_stop */
	char path[600]; /* the database file in it */
	struct app *app;
	struct actor sys; /* the local system actor */
	struct err e;
	struct arena a;
	int64_t tu; /* the provincial committee; 0 after fixture_start_empty */
};

/* Report what failed (with e's message) and abort the test program. */
static inline void fixture_fail(const char *what, const struct err *e)
{
	fprintf(stderr, "fixture: %s: %s\n", what, err_text_en(e));
	abort();
}

/* Open a database without any organisation into fx; aborts on failure. */
static inline void fixture_start_empty(struct fixture *fx)
{
	tmpdir_make(fx->dir, sizeof(fx->dir));
	snprintf(fx->path, sizeof(fx->path), "%s/t.db", fx->dir);
	err_init(&fx->e);
	arena_init(&fx->a, 0);
	actor_system(&fx->sys, "test");
	fx->tu = 0;
	if (app_open(fx->path, STORE_CREATE, &fx->app, &fx->e) != 0)
		fixture_fail("open", &fx->e);
}

/* Open a database with the provincial committee TU into fx; aborts on failure. */
static inline void fixture_start(struct fixture *fx)
{
	struct org_new o = {"TU", "Đảng bộ tỉnh", "dang_bo_tinh", 0, date_days(2000, 1, 1), NULL};

	fixture_start_empty(fx);
	if (org_create(fx->app, &fx->sys, &o, &fx->tu, &fx->e) != 0)
		fixture_fail("TU", &fx->e);
}

/* Close the database, free fx's contents and remove the directory. */
static inline void fixture_stop(struct fixture *fx)
{
	app_close(fx->app);
	err_release(&fx->e);
	arena_release(&fx->a);
	tmpdir_remove(fx->dir);
}

/* A zeroed object of size bytes whose first member, a struct fixture, is
 * started (with TU, or empty); free it with fixture_teardown. */
static inline void *fixture_alloc(size_t size, int empty)
{
	struct fixture *fx = calloc(1, size);

	if (!fx)
		abort();
	if (empty)
		fixture_start_empty(fx);
	else
		fixture_start(fx);
	return fx;
}

/* fixture_alloc with TU: for a cmocka setup, as fixture_new(sizeof(*f)). */
static inline void *fixture_new(size_t size)
{
	return fixture_alloc(size, 0);
}

/* The cmocka teardown of what fixture_alloc made. */
static inline int fixture_teardown(void **state)
{
	struct fixture *fx = *state;

	fixture_stop(fx);
	free(fx);
	return 0;
}

/* The cmocka setup of a plain struct fixture (with TU), in *state. */
static inline int fixture_setup(void **state)
{
	*state = fixture_new(sizeof(struct fixture));
	return 0;
}

/* A cmocka test run on a fresh fixture made by setup, freed by fixture_teardown. */
#define FIXTURE_TEST(test, setup) cmocka_unit_test_setup_teardown(test, setup, fixture_teardown)

/* A child of parent, valid from 1/1/2000; aborts on failure. */
static inline int64_t fixture_org(struct fixture *fx, const char *code, const char *name,
                                  const char *kind, int64_t parent)
{
	struct org_new o = {code, name, kind, parent, date_days(2000, 1, 1), NULL};
	int64_t id = 0;

	if (org_create(fx->app, &fx->sys, &o, &id, &fx->e) != 0)
		fixture_fail(code, &fx->e);
	return id;
}

/* The communes X1 "Đảng bộ xã A" and X2 "Đảng bộ xã B" under TU. */
static inline void fixture_communes(struct fixture *fx, int64_t *ret_x1, int64_t *ret_x2)
{
	*ret_x1 = fixture_org(fx, "X1", "Đảng bộ xã A", "dang_bo_co_so", fx->tu);
	*ret_x2 = fixture_org(fx, "X2", "Đảng bộ xã B", "dang_bo_co_so", fx->tu);
}

/* TU with the cells (chi bộ) C1 "Chi bộ Một" and C2 "Chi bộ Hai" below it. */
struct fixture_cells {
	struct fixture fx;
	int64_t c1, c2;
};

/* The cmocka setup of a struct fixture_cells; fixture_teardown frees it. */
static inline int fixture_cells_setup(void **state)
{
	struct fixture_cells *f = fixture_new(sizeof(*f));

	f->c1 = fixture_org(&f->fx, "C1", "Chi bộ Một", "chi_bo_co_so", f->fx.tu);
	f->c2 = fixture_org(&f->fx, "C2", "Chi bộ Hai", "chi_bo_co_so", f->fx.tu);
	*state = f;
	return 0;
}

/* Someone signed in with one role in the scope of org. */
static inline struct actor fixture_actor(int64_t user_id, enum role role, int64_t org,
                                         enum clearance c)
{
	return (struct actor){user_id, 1u << role, org, c, NULL, "test"};
}

/* Who the tests of a case's work act as in the communes of
 * fixture_communes: X1's officer (user 7), X2's officer (9) and X1's
 * viewer (10), none cleared for a mật case. */
static inline void fixture_commune_staff(int64_t x1, int64_t x2, struct actor *ret_officer,
                                         struct actor *ret_other, struct actor *ret_viewer)
{
	*ret_officer = fixture_actor(7, ROLE_OFFICER, x1, CLEARANCE_NORMAL);
	*ret_other = fixture_actor(9, ROLE_OFFICER, x2, CLEARANCE_NORMAL);
	*ret_viewer = fixture_actor(10, ROLE_VIEWER, x1, CLEARANCE_NORMAL);
}

/* A person created by the system actor from in; aborts on failure. */
static inline int64_t fixture_person(struct fixture *fx, struct person_input in)
{
	int64_t id = 0;

	if (person_create(fx->app, &fx->sys, &in, &id, &fx->e) != 0)
		fixture_fail(in.full_name, &fx->e);
	return id;
}

/* What the tests of the report's figures count: a routine inspection
 * (kiem_tra, chap_hanh) titled "Kiểm tra", opened on the day opened. */
static inline struct case_input fixture_routine_inspection(int32_t opened)
{
	return (struct case_input){
	    .kind = "kiem_tra", .subtype = "chap_hanh", .title = "Kiểm tra", .opened = opened};
}

/* A case opened by who from in; aborts on failure. */
static inline int64_t fixture_case(struct fixture *fx, const struct actor *who,
                                   struct case_input in)
{
	int64_t id = 0;

	if (case_create(fx->app, who, &in, &fx->a, &id, NULL, &fx->e) != 0)
		fixture_fail(in.title, &fx->e);
	return id;
}

/* Two cases opened by who from in, handled by org: *ret_id of in's kind
 * and *ret_insp an inspection (kiem_tra), the case of another kind that
 * an action for in's kind refuses; aborts on failure. */
static inline void fixture_case_and_inspection(struct fixture *fx, const struct actor *who,
                                               struct case_input in, int64_t org, int64_t *ret_id,
                                               int64_t *ret_insp)
{
	in.handling_org = org;
	*ret_id = fixture_case(fx, who, in);
	in.kind = "kiem_tra";
	in.subtype = NULL;
	*ret_insp = fixture_case(fx, who, in);
}

/* A case from in about the one organisation org, which also handles it. */
static inline int64_t fixture_case_of(struct fixture *fx, const struct actor *who,
                                      struct case_input in, int64_t org)
{
	in.handling_org = org;
	in.subject_orgs = &org;
	in.nsubject_orgs = 1;
	return fixture_case(fx, who, in);
}

/* The id of the first subject of case id, as who reads the case; aborts
 * on failure. */
static inline int64_t fixture_first_subject(struct fixture *fx, const struct actor *who, int64_t id)
{
	struct case_view v;

	if (case_get(fx->app, who, id, &fx->a, &v, &fx->e) != 0 || !v.subjects.n)
		fixture_fail("subject", &fx->e);
	return v.subjects.v[0].id;
}

#endif
