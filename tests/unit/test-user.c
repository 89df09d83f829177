/* Unit tests for src/app/user.c: users, passwords, sign-in, sessions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "app/org.h"
#include "app/user.h"
#include "fixture.h"

#include <liboath/oath.h>
#include <sqlite3.h>
#include <time.h>

static void test_roles_and_clearance(void **state)
{
	unsigned r;
	enum clearance c;

	(void)state;
	assert_int_equal(role_parse_list("admin,officer", &r), 0);
	assert_int_equal(r, 1u << ROLE_ADMIN | 1u << ROLE_OFFICER);
	assert_int_equal(role_parse_list("Lãnh đạo", &r), 0);
	assert_int_equal(r, 1u << ROLE_LEADER);
	assert_int_equal(role_parse_list("boss", &r), HOSO_E_BAD_ENUM);
	assert_int_equal(role_parse_list("", &r), HOSO_E_BAD_ENUM);
	assert_int_equal(clearance_parse("Tối mật", &c), 0);
	assert_int_equal(c, CLEARANCE_TOP_SECRET);
	assert_int_equal(clearance_parse("mat", &c), 0);
	assert_int_equal(c, CLEARANCE_SECRET);
	assert_int_equal(clearance_parse("x", &c), HOSO_E_BAD_ENUM);
}

static void test_add_and_validate(void **state)
{
	struct fixture_cells *f = *state;
	struct user_new u = {"can.bo1",          "nguyễn văn an",  f->c1,
	                     1u << ROLE_OFFICER, CLEARANCE_NORMAL, NULL};
	struct buf pw = BUF_INIT(256);
	struct user_list l;
	struct arena a;
	int64_t id;

	arena_init(&a, 0);
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, &id, &pw, &f->fx.e), 0);
	assert_int_equal(pw.len, 16);
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, &id, NULL, &f->fx.e),
	                 HOSO_E_DUPLICATE);
	u.username = "Bad Name";
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, &id, NULL, &f->fx.e), HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "username");
	u.username = "short.pw";
	u.password = "123";
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, &id, NULL, &f->fx.e), HOSO_E_INVALID);
	assert_string_equal(f->fx.e.field.buf, "password");
	u.password = NULL;
	u.org_id = 0; /* an officer needs a scope */
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, &id, NULL, &f->fx.e), HOSO_E_MISSING);
	assert_int_equal(user_list(f->fx.app, &f->fx.sys, &a, &l, &f->fx.e), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].full_name, "Nguyễn Văn An");
	assert_null(l.v[0].password_hash);
	buf_release(&pw);
	arena_release(&a);
}

static void test_login_session_logout(void **state)
{
	struct fixture_cells *f = *state;
	struct user_new u = {"lanh.dao",        "Lò Văn Muôn",    f->c1,
	                     1u << ROLE_LEADER, CLEARANCE_SECRET, "mat-khau-dai-du"};
	struct buf tok = BUF_INIT(128), csrf = BUF_INIT(128), csrf2 = BUF_INIT(128);
	struct buf tok2 = BUF_INIT(128);
	struct actor a, b;

	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, NULL, NULL, &f->fx.e), 0);
	assert_int_equal(user_login(f->fx.app, "lanh.dao", "mat-khau-dai-du", NULL, "127.0.0.1",
	                            &tok, &csrf, &a, &f->fx.e),
	                 0);
	assert_int_equal(tok.len, SESSION_TOKEN_HEX);
	assert_int_equal(a.scope_org, f->c1);
	assert_int_equal(a.clearance, CLEARANCE_SECRET);
	assert_true(actor_has_role(&a, ROLE_LEADER));
	assert_false(actor_has_role(&a, ROLE_ADMIN));
	assert_int_equal(session_actor(f->fx.app, tok.buf, &b, &csrf2, &f->fx.e), 0);
	assert_int_equal(b.user_id, a.user_id);
	assert_string_equal(csrf.buf, csrf2.buf);
	/* A second sign-in gets a different token (no fixation). */
	assert_int_equal(user_login(f->fx.app, "lanh.dao", "mat-khau-dai-du", NULL, NULL, &tok2,
	                            &csrf2, &b, &f->fx.e),
	                 0);
	assert_string_not_equal(tok.buf, tok2.buf);
	assert_int_equal(session_logout(f->fx.app, tok.buf, 0, &f->fx.e), 0);
	assert_int_equal(session_actor(f->fx.app, tok.buf, &b, &csrf2, &f->fx.e), HOSO_E_AUTH);
	assert_int_equal(session_actor(f->fx.app, tok2.buf, &b, &csrf2, &f->fx.e), 0);
	/* Sign out everywhere. */
	assert_int_equal(session_logout(f->fx.app, tok2.buf, 1, &f->fx.e), 0);
	assert_int_equal(session_actor(f->fx.app, tok2.buf, &b, &csrf2, &f->fx.e), HOSO_E_AUTH);
	assert_int_equal(session_actor(f->fx.app, "nonsense", &b, &csrf2, &f->fx.e), HOSO_E_AUTH);
	buf_release(&tok);
	buf_release(&tok2);
	buf_release(&csrf);
	buf_release(&csrf2);
}

static void test_wrong_password_and_lockout(void **state)
{
	struct fixture_cells *f = *state;
	struct user_new u = {"chuyen.vien",      "Quàng Thị Hoa",  f->c2,
	                     1u << ROLE_OFFICER, CLEARANCE_NORMAL, "dung-mat-khau-1"};
	struct buf tok = BUF_INIT(128), csrf = BUF_INIT(128);
	struct actor a;

	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, NULL, NULL, &f->fx.e), 0);
	/* An unknown user and a wrong password get the same answer. */
	assert_int_equal(
	    user_login(f->fx.app, "nobody", "whatever-long", NULL, NULL, &tok, &csrf, &a, &f->fx.e),
	    HOSO_E_AUTH);
	for (int i = 0; i < USER_LOCK_AFTER; i++)
		assert_int_equal(user_login(f->fx.app, "chuyen.vien", "sai-mat-khau-x", NULL, NULL,
		                            &tok, &csrf, &a, &f->fx.e),
		                 HOSO_E_AUTH);
	/* Now even the right password is refused while locked. */
	assert_int_equal(user_login(f->fx.app, "chuyen.vien", "dung-mat-khau-1", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 HOSO_E_LOCKED);
	assert_non_null(strstr(err_text_vi(&f->fx.e), "phút"));
	/* An administrator's password reset unlocks. */
	assert_int_equal(user_set_password(f->fx.app, &f->fx.sys, "chuyen.vien", "mat-khau-moi-123",
	                                   NULL, &f->fx.e),
	                 0);
	assert_int_equal(user_login(f->fx.app, "chuyen.vien", "mat-khau-moi-123", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	/* Disabled: the session ends and sign-in fails. */
	assert_int_equal(user_update(f->fx.app, &f->fx.sys, "chuyen.vien",
	                             &(struct user_change){.set_disabled = 1, .disabled = 1}, NULL,
	                             &f->fx.e),
	                 0);
	assert_int_equal(session_actor(f->fx.app, tok.buf, &a, &csrf, &f->fx.e), HOSO_E_AUTH);
	assert_int_equal(user_login(f->fx.app, "chuyen.vien", "mat-khau-moi-123", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 HOSO_E_AUTH);
	buf_release(&tok);
	buf_release(&csrf);
}

static void test_only_admins_manage_users(void **state)
{
	struct fixture_cells *f = *state;
	struct actor officer = {.user_id = 9, .roles = 1u << ROLE_OFFICER, .scope_org = f->c1};
	struct actor local_admin = {.user_id = 8, .roles = 1u << ROLE_ADMIN, .scope_org = f->c1};
	struct user_new u = {"x.y.z",           "Vàng A Chá",     f->c1,
	                     1u << ROLE_VIEWER, CLEARANCE_NORMAL, "mat-khau-dai-du"};

	assert_int_equal(user_add(f->fx.app, &officer, &u, NULL, NULL, &f->fx.e), HOSO_E_DENIED);
	/* An administrator of C1 cannot create users in C2 or for the whole tree. */
	u.org_id = f->c2;
	assert_int_equal(user_add(f->fx.app, &local_admin, &u, NULL, NULL, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	u.org_id = 0;
	u.roles = 1u << ROLE_ADMIN;
	assert_int_equal(user_add(f->fx.app, &local_admin, &u, NULL, NULL, &f->fx.e),
	                 HOSO_E_NOT_FOUND);
	u.org_id = f->c1;
	u.roles = 1u << ROLE_VIEWER;
	assert_int_equal(user_add(f->fx.app, &local_admin, &u, NULL, NULL, &f->fx.e), 0);
	assert_int_equal(
	    user_update(f->fx.app, &officer, "x.y.z",
	                &(struct user_change){.set_roles = 1, .roles = 1u << ROLE_ADMIN}, NULL,
	                &f->fx.e),
	    HOSO_E_DENIED);
	/* A user changes their own password, not someone else's. */
	assert_int_equal(
	    user_set_password(f->fx.app, &officer, "x.y.z", "mat-khau-khac-1", NULL, &f->fx.e),
	    HOSO_E_DENIED);
}

/* Nobody grants a clearance above their own, nor manages an account whose
 * clearance is above their own; an update changes only what it names. */
static void test_clearance_is_never_raised(void **state)
{
	struct fixture_cells *f = *state;
	struct actor admin_c1 = {.user_id = 8,
	                         .roles = 1u << ROLE_ADMIN,
	                         .scope_org = f->c1,
	                         .clearance = CLEARANCE_SECRET};
	struct user_new u = {"mat.c1",           "Lò Văn Ơn",      f->c1,
	                     1u << ROLE_OFFICER, CLEARANCE_SECRET, "mat-khau-dai-du"};
	struct user_new top = {"toimat.c1",       "Quàng Văn Ín",       f->c1,
	                       1u << ROLE_LEADER, CLEARANCE_TOP_SECRET, "mat-khau-dai-du"};
	struct buf pw = BUF_INIT(64);
	struct arena a;
	struct user_list l;
	int64_t id;

	arena_init(&a, 1 << 20);
	assert_int_equal(user_add(f->fx.app, &admin_c1, &u, &id, NULL, &f->fx.e), 0);
	/* creating a user above one's own clearance */
	top.username = "toimat.moi";
	assert_int_equal(user_add(f->fx.app, &admin_c1, &top, NULL, NULL, &f->fx.e), HOSO_E_DENIED);
	assert_string_equal(f->fx.e.field.buf, "clearance");
	top.username = "toimat.c1";
	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &top, NULL, NULL, &f->fx.e), 0);
	/* raising a clearance, one's own included */
	assert_int_equal(user_update(f->fx.app, &admin_c1, "mat.c1",
	                             &(struct user_change){.set_clearance = 1,
	                                                   .clearance = CLEARANCE_TOP_SECRET},
	                             NULL, &f->fx.e),
	                 HOSO_E_DENIED);
	/* managing an account above one's clearance: every kind of change */
	const struct user_change changes[] = {
	    {.reset_password = 1},
	    {.reset_totp = 1},
	    {.set_disabled = 1, .disabled = 1},
	    {.set_roles = 1, .roles = 1u << ROLE_VIEWER},
	    {.set_clearance = 1, .clearance = CLEARANCE_NORMAL},
	};
	for (size_t i = 0; i < sizeof(changes) / sizeof(changes[0]); i++)
		assert_int_equal(
		    user_update(f->fx.app, &admin_c1, "toimat.c1", &changes[i], &pw, &f->fx.e),
		    HOSO_E_DENIED);
	assert_int_equal(user_set_password(f->fx.app, &admin_c1, "toimat.c1", "mat-khau-moi-dai",
	                                   NULL, &f->fx.e),
	                 HOSO_E_DENIED);
	/* only what is named changes: roles alone keep the clearance ... */
	assert_int_equal(
	    user_update(f->fx.app, &admin_c1, "mat.c1",
	                &(struct user_change){.set_roles = 1, .roles = 1u << ROLE_LEADER}, NULL,
	                &f->fx.e),
	    0);
	/* ... and the clearance alone is applied */
	assert_int_equal(
	    user_update(f->fx.app, &admin_c1, "mat.c1",
	                &(struct user_change){.set_clearance = 1, .clearance = CLEARANCE_NORMAL},
	                NULL, &f->fx.e),
	    0);
	assert_int_equal(user_list(f->fx.app, &f->fx.sys, &a, &l, &f->fx.e), 0);
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].username, "mat.c1") == 0) {
			assert_int_equal(l.v[i].roles, 1u << ROLE_LEADER);
			assert_int_equal(l.v[i].clearance, CLEARANCE_NORMAL);
			assert_int_equal(l.v[i].org_id, f->c1);
		}
	/* nothing named: refused */
	assert_int_equal(
	    user_update(f->fx.app, &admin_c1, "mat.c1", &(struct user_change){0}, NULL, &f->fx.e),
	    HOSO_E_MISSING);
	buf_release(&pw);
	arena_release(&a);
}

static void test_address_throttle(void **state)
{
	struct fixture_cells *f = *state;
	struct user_new u = {"nguoi.a",         "Lò Thị Ươi",     f->c1,
	                     1u << ROLE_VIEWER, CLEARANCE_NORMAL, "mat-khau-dai-du"};
	struct buf tok = BUF_INIT(128), csrf = BUF_INIT(128);
	struct actor a;

	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, NULL, NULL, &f->fx.e), 0);
	/* Guessing many accounts from one address (none gets locked by itself). */
	for (int i = 0; i < 20; i++) {
		char name[32];

		snprintf(name, sizeof(name), "doan.%d", i);
		assert_int_equal(user_login(f->fx.app, name, "doan-mat-khau", NULL, "10.9.8.7",
		                            &tok, &csrf, &a, &f->fx.e),
		                 HOSO_E_AUTH);
	}
	assert_int_equal(user_login(f->fx.app, "nguoi.a", "mat-khau-dai-du", NULL, "10.9.8.7", &tok,
	                            &csrf, &a, &f->fx.e),
	                 HOSO_E_LOCKED);
	assert_non_null(strstr(err_text_vi(&f->fx.e), "địa chỉ"));
	/* Another address is not affected. */
	assert_int_equal(user_login(f->fx.app, "nguoi.a", "mat-khau-dai-du", NULL, "10.9.8.8", &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	buf_release(&tok);
	buf_release(&csrf);
}

static void test_totp(void **state)
{
	struct fixture_cells *f = *state;
	struct user_new u = {"hai.lop",         "Vàng Thị Mỷ",    f->c1,
	                     1u << ROLE_LEADER, CLEARANCE_NORMAL, "mat-khau-dai-du"};
	struct buf tok = BUF_INIT(128), csrf = BUF_INIT(128), secret = BUF_INIT(128);
	struct buf uri = BUF_INIT(512), codes = BUF_INIT(1024);
	struct actor a;
	char *key = NULL, otp[16], recovery[16];
	size_t keylen = 0;

	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, NULL, NULL, &f->fx.e), 0);
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	assert_int_equal(user_totp_begin(f->fx.app, &a, &secret, &uri, &f->fx.e), 0);
	assert_int_equal(secret.len, 32);
	assert_non_null(strstr(uri.buf, "otpauth://totp/hoso:hai.lop?secret="));
	/* Still off until confirmed: sign-in needs no code. */
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	assert_int_equal(oath_base32_decode(secret.buf, secret.len, &key, &keylen), OATH_OK);
	assert_int_equal(user_totp_confirm(f->fx.app, &a, "000000", &codes, &f->fx.e), HOSO_E_AUTH);
	assert_int_equal(oath_totp_generate(key, keylen, time(NULL), 30, 0, 6, otp), OATH_OK);
	assert_int_equal(user_totp_confirm(f->fx.app, &a, otp, &codes, &f->fx.e), 0);
	assert_int_equal(strlen(codes.buf), TOTP_RECOVERY_CODES * 11 - 1);
	memcpy(recovery, codes.buf, 10);
	recovery[10] = '\0';
	/* Now the code is needed, and asked for by its field. */
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 HOSO_E_AUTH);
	assert_string_equal(f->fx.e.field.buf, "otp");
	/* The code used to confirm cannot be replayed; the next step's works. */
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", otp, NULL, &tok, &csrf,
	                            &a, &f->fx.e),
	                 HOSO_E_AUTH);
	assert_int_equal(oath_totp_generate(key, keylen, time(NULL) + 30, 30, 0, 6, otp), OATH_OK);
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", otp, NULL, &tok, &csrf,
	                            &a, &f->fx.e),
	                 0);
	/* A recovery code works once. */
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", recovery, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", recovery, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 HOSO_E_AUTH);
	/* The administrator resets it. */
	assert_int_equal(user_update(f->fx.app, &f->fx.sys, "hai.lop",
	                             &(struct user_change){.reset_totp = 1}, NULL, &f->fx.e),
	                 0);
	assert_int_equal(user_login(f->fx.app, "hai.lop", "mat-khau-dai-du", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	free(key);
	buf_release(&tok);
	buf_release(&csrf);
	buf_release(&secret);
	buf_release(&uri);
	buf_release(&codes);
}

static void expire(struct fixture_cells *f, const char *sql)
{
	char path[700];
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/t.db", f->fx.dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void test_session_expiry(void **state)
{
	struct fixture_cells *f = *state;
	struct user_new u = {"het.han",         "Cà Văn Bun",     f->c1,
	                     1u << ROLE_VIEWER, CLEARANCE_NORMAL, "mat-khau-dai-du"};
	struct buf tok = BUF_INIT(128), csrf = BUF_INIT(128);
	struct actor a;

	assert_int_equal(user_add(f->fx.app, &f->fx.sys, &u, NULL, NULL, &f->fx.e), 0);
	/* Idle for longer than SESSION_IDLE_SECONDS. */
	assert_int_equal(user_login(f->fx.app, "het.han", "mat-khau-dai-du", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	assert_int_equal(session_actor(f->fx.app, tok.buf, &a, &csrf, &f->fx.e), 0);
	expire(f, "UPDATE user_session SET last_seen = last_seen - 1801");
	assert_int_equal(session_actor(f->fx.app, tok.buf, &a, &csrf, &f->fx.e), HOSO_E_AUTH);
	/* Active, but older than SESSION_MAX_SECONDS. */
	assert_int_equal(user_login(f->fx.app, "het.han", "mat-khau-dai-du", NULL, NULL, &tok,
	                            &csrf, &a, &f->fx.e),
	                 0);
	expire(f, "UPDATE user_session SET created_at = created_at - 43201");
	assert_int_equal(session_actor(f->fx.app, tok.buf, &a, &csrf, &f->fx.e), HOSO_E_AUTH);
	buf_release(&tok);
	buf_release(&csrf);
}

TEST_MAIN(cmocka_unit_test(test_roles_and_clearance),
          FIXTURE_TEST(test_add_and_validate, fixture_cells_setup),
          FIXTURE_TEST(test_login_session_logout, fixture_cells_setup),
          FIXTURE_TEST(test_wrong_password_and_lockout, fixture_cells_setup),
          FIXTURE_TEST(test_only_admins_manage_users, fixture_cells_setup),
          FIXTURE_TEST(test_clearance_is_never_raised, fixture_cells_setup),
          FIXTURE_TEST(test_address_throttle, fixture_cells_setup),
          FIXTURE_TEST(test_totp, fixture_cells_setup),
          FIXTURE_TEST(test_session_expiry, fixture_cells_setup))
