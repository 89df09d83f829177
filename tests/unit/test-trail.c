/* Unit tests for src/app/trail.c: an auditor's share of the audit trail,
 * by scope and clearance, through audit_list and the CSV export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/audit.h"
#include "app/org.h"
#include "app/person.h"
#include "app/user.h"
#include "fixture.h"

struct fx {
	struct fixture fx;
	int64_t ca, cb;           /* organisations: the province, communes A and B */
	int64_t pa, pb, ps;       /* persons: in A, in B, in A and tối mật */
	int64_t officer_a;        /* an officer of A */
	struct actor auditor_a;   /* an auditor of A, thường */
	struct actor auditor_all; /* the whole tree, thường */
};

static int64_t person(struct fx *f, const char *name, int64_t org, int conf)
{
	struct person_input in = {.full_name = name, .org_id = org, .confidentiality = conf};

	return fixture_person(&f->fx, in);
}

static int setup(void **state)
{
	struct fx *f = fixture_new(sizeof(*f));
	struct user_new u = {"cv.a",           "Lò Văn Một",     0, 1u << ROLE_OFFICER,
	                     CLEARANCE_NORMAL, "mat-khau-dai-du"};
	struct actor officer;

	f->ca = fixture_org(&f->fx, "A", "Đảng bộ xã A", "dang_bo_truc_thuoc", f->fx.tu);
	f->cb = fixture_org(&f->fx, "B", "Đảng bộ xã B", "dang_bo_truc_thuoc", f->fx.tu);
	u.org_id = f->ca;
	if (user_add(f->fx.app, &f->fx.sys, &u, &f->officer_a, NULL, &f->fx.e) != 0)
		return -1;
	f->pa = person(f, "Lò Văn An", f->ca, 0);
	f->pb = person(f, "Quàng Văn Bình", f->cb, 0);
	f->ps = person(f, "Cầm Văn Sơn", f->ca, CLEARANCE_TOP_SECRET);
	officer = (struct actor){.user_id = f->officer_a,
	                         .roles = 1u << ROLE_OFFICER,
	                         .scope_org = f->ca,
	                         .purpose = "tìm người"};
	audit_record(f->fx.app, &officer,
	             &(struct audit_entry){"search", "person", 0, "{\"q\":\"lo van\"}", 0},
	             &f->fx.e);
	f->auditor_a =
	    (struct actor){.user_id = 99, .roles = 1u << ROLE_AUDITOR, .scope_org = f->ca};
	f->auditor_all = (struct actor){.user_id = 98, .roles = 1u << ROLE_AUDITOR};
	*state = f;
	return 0;
}

/* The entry of action on person id in l, or NULL. */
static const struct audit_row *find(const struct audit_list *l, const char *action, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].action, action) == 0 && l->v[i].object_id == id &&
		    l->v[i].object_type && strcmp(l->v[i].object_type, "person") == 0)
			return &l->v[i];
	return NULL;
}

static void test_scope_and_clearance(void **state)
{
	struct fx *f = *state;
	struct audit_list l;
	const struct audit_row *r;

	assert_int_equal(audit_list(f->fx.app, &f->auditor_a, &(struct audit_filter){.limit = 1000},
	                            &f->fx.a, &l, &f->fx.e),
	                 0);
	/* A's record: whole */
	assert_non_null(r = find(&l, "create", f->pa));
	assert_non_null(r->detail);
	assert_non_null(strstr(r->detail, "Lò Văn An"));
	/* A's tối mật record: the entry, not its data */
	assert_non_null(r = find(&l, "create", f->ps));
	assert_null(r->detail);
	assert_null(r->purpose);
	/* B's record: not at all */
	assert_null(find(&l, "create", f->pb));
	/* what A's officer did: whole */
	assert_non_null(r = find(&l, "search", 0));
	assert_non_null(strstr(r->detail, "lo van"));
	assert_string_equal(r->purpose, "tìm người");
	/* the whole tree's auditor without tối mật: everything, but the data
	 * of the tối mật record */
	assert_int_equal(audit_list(f->fx.app, &f->auditor_all,
	                            &(struct audit_filter){.limit = 1000}, &f->fx.a, &l, &f->fx.e),
	                 0);
	assert_non_null(find(&l, "create", f->pb));
	assert_non_null(r = find(&l, "create", f->ps));
	assert_null(r->detail);
}

/* A page holds as many entries as asked, counted among those shown. */
static void test_paging_counts_what_is_shown(void **state)
{
	struct fx *f = *state;
	struct audit_list l;

	for (int i = 0; i < 20; i++)
		audit_record(f->fx.app, &f->fx.sys,
		             &(struct audit_entry){"read", "person", f->pb, NULL, 0}, &f->fx.e);
	assert_int_equal(audit_list(f->fx.app, &f->auditor_a, &(struct audit_filter){.limit = 2},
	                            &f->fx.a, &l, &f->fx.e),
	                 0);
	assert_int_equal(l.n, 2);
	for (size_t i = 0; i < l.n; i++)
		assert_false(l.v[i].object_id == f->pb);
}

static void test_export_and_access_log(void **state)
{
	struct fx *f = *state;
	struct buf out = BUF_INIT((size_t)1 << 20);
	struct audit_list l;
	size_t n;

	assert_int_equal(audit_export_csv(f->fx.app, &f->auditor_a, &(struct audit_filter){0}, &out,
	                                  &n, &f->fx.e),
	                 0);
	assert_non_null(strstr(out.buf, "Lò Văn An"));
	assert_null(strstr(out.buf, "Quàng Văn Bình"));
	assert_null(strstr(out.buf, "Cầm Văn Sơn"));
	/* a record's own log: not for a record outside the scope or above the
	 * clearance (as if it did not exist) */
	assert_int_equal(
	    audit_list(f->fx.app, &f->auditor_a,
	               &(struct audit_filter){.object_type = "person", .object_id = f->pb},
	               &f->fx.a, &l, &f->fx.e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    audit_list(f->fx.app, &f->auditor_a,
	               &(struct audit_filter){.object_type = "person", .object_id = f->ps},
	               &f->fx.a, &l, &f->fx.e),
	    HOSO_E_NOT_FOUND);
	assert_int_equal(
	    audit_list(f->fx.app, &f->auditor_a,
	               &(struct audit_filter){.object_type = "person", .object_id = f->pa},
	               &f->fx.a, &l, &f->fx.e),
	    0);
	buf_release(&out);
}

TEST_MAIN(FIXTURE_TEST(test_scope_and_clearance, setup),
          FIXTURE_TEST(test_paging_counts_what_is_shown, setup),
          FIXTURE_TEST(test_export_and_access_log, setup))
