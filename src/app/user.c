/*
 * user.c - users, passwords, sign-in and sessions (see user.h).
 */
#include "app/user.h"

#include <jansson.h>
#include <liboath/oath.h>
#include <pthread.h>
#include <stdlib.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "app/audit.h"
#include "app/codes.h"
#include "app/gate.h"
#include "app/org.h"
#include "app/scope.h"
#include "vi/vi.h"

#include "core/banned.h"

/* word: the short Vietnamese word typed for the role (role_parse_list);
 * name, en: the names shown (code set "role"). */
static const struct {
	const char *code, *vi, *name, *en;
} roles[ROLE__MAX] = {
    [ROLE_ADMIN] = {"admin", "quản trị", "Quản trị viên", "Administrator"},
    [ROLE_OFFICER] = {"officer", "chuyên viên", "Chuyên viên", "Officer"},
    [ROLE_LEADER] = {"leader", "lãnh đạo", "Lãnh đạo", "Leader"},
    [ROLE_VIEWER] = {"viewer", "xem", "Người xem", "Viewer"},
    [ROLE_AUDITOR] = {"auditor", "kiểm toán", "Kiểm tra nhật ký", "Auditor"},
};

/* The clearances (code set "clearance"), lowest first: a record's
 * confidentiality is the index. */
static const struct code_name clearances[CLEARANCE__MAX] = {
    [CLEARANCE_NORMAL] = {"thuong", "Thường", "Ordinary"},
    [CLEARANCE_SECRET] = {"mat", "Mật", "Confidential"},
    [CLEARANCE_TOP_SECRET] = {"toi_mat", "Tối mật", "Secret"},
};

json_t *role_codes_json(void)
{
	json_t *a = json_array();

	for (int r = 0; r < ROLE__MAX; r++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:s}", "code", roles[r].code, "name",
		                                   roles[r].name, "name_en", roles[r].en));
	return a;
}

json_t *clearance_codes_json(void)
{
	return code_list_json(clearances, CLEARANCE__MAX);
}

const char *role_name(enum role r)
{
	return r < ROLE__MAX ? roles[r].code : NULL;
}

int role_parse_list(const char *s, unsigned *ret)
{
	struct buf key = BUF_INIT(256), want = BUF_INIT(256);
	unsigned set = 0;
	int rc = 0;

	while (s && *s && rc == 0) {
		size_t n = strcspn(s, ",");
		int found = 0;

		if (vi_search_key(s, n, &key) < 0) {
			rc = HOSO_E_BAD_ENUM;
			break;
		}
		for (int r = 0; r < ROLE__MAX && !found; r++) {
			found = strcmp(key.buf, roles[r].code) == 0 ||
			        (vi_search_key(roles[r].vi, strlen(roles[r].vi), &want) == 0 &&
			         strcmp(key.buf, want.buf) == 0);
			if (found)
				set |= 1u << r;
		}
		if (!found)
			rc = HOSO_E_BAD_ENUM;
		s += n;
		if (*s == ',')
			s++;
	}
	buf_release(&key);
	buf_release(&want);
	if (rc == 0 && !set)
		rc = HOSO_E_BAD_ENUM;
	if (rc == 0)
		*ret = set;
	return rc;
}

const char *clearance_name(enum clearance c)
{
	return c < CLEARANCE__MAX ? clearances[c].code : NULL;
}

int clearance_parse(const char *s, enum clearance *ret)
{
	/* "toi_mat", or "Tối mật" as typed */
	const struct code_name *c = code_parse(clearances, CLEARANCE__MAX, s, 0);

	if (!c)
		return HOSO_E_BAD_ENUM;
	*ret = (enum clearance)(c - clearances);
	return 0;
}

static int64_t now_s(void)
{
	return (int64_t)time(NULL);
}

static int check_username(const char *u, struct err *e)
{
	size_t n = u ? strlen(u) : 0;

	if (n < 3 || n > 32)
		return err_set(e, HOSO_E_INVALID, "username",
		               "Tên đăng nhập gồm 3–32 ký tự a-z, 0-9, '.', '_', '-'",
		               "A user name has 3–32 characters a-z, 0-9, '.', '_', '-'");
	for (size_t i = 0; i < n; i++)
		if (!((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= '0' && u[i] <= '9') || u[i] == '.' ||
		      u[i] == '_' || u[i] == '-'))
			return err_set(e, HOSO_E_INVALID, "username",
			               "Tên đăng nhập gồm 3–32 ký tự a-z, 0-9, '.', '_', '-'",
			               "A user name has 3–32 characters a-z, 0-9, '.', '_', '-'");
	return 0;
}

/* A random password of 16 characters from an unambiguous alphabet. */
static int generate_password(struct buf *out)
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

	buf_reset(out);
	for (int i = 0; i < 16; i++) {
		uint32_t k = randombytes_uniform((uint32_t)(sizeof(alphabet) - 1));

		if (buf_addch(out, alphabet[k]) < 0)
			return HOSO_E_NOMEM;
	}
	return 0;
}

/* Hash password into out (crypto_pwhash_STRBYTES). */
static int hash_password(const char *password, char *out, struct err *e)
{
	size_t n = strlen(password);

	if (n < USER_PASSWORD_MIN || n > 256)
		return err_set(e, HOSO_E_INVALID, "password",
		               "Mật khẩu phải dài từ %d đến 256 ký tự",
		               "A password must be %d to 256 characters long", USER_PASSWORD_MIN);
	if (crypto_pwhash_str(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return 0;
}

/* Give u the password (generated into pw when NULL; pw holds its text
 * either way), hashed into hash, and clear its failed sign-ins and lock.
 * 0, or an error in e. */
static int new_password(const char *password, struct buf *pw, char *hash, struct user_row *u,
                        struct err *e)
{
	int rc = password ? buf_adds(pw, password) : generate_password(pw);

	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if ((rc = hash_password(pw->buf, hash, e)) < 0)
		return rc;
	u->password_hash = hash;
	u->failed_logins = 0;
	u->locked_until = 0;
	return 0;
}

/* Wipe a password's text, then free it. */
static void password_release(struct buf *pw)
{
	sodium_memzero(pw->buf, pw->len);
	buf_release(pw);
}

/* Hand a generated password back to whoever asked for it (ret NULL: nobody). */
static void hand_back(struct buf *ret, const struct buf *pw)
{
	if (ret) {
		buf_reset(ret);
		buf_add(ret, pw->buf, pw->len);
	}
}

/*
 * Record an event that refuses or ends something - a failed or locked
 * sign-in, a sign-out - durably, as well as it can: the answer it goes
 * with is a refusal or an end either way, so a trail that cannot be
 * written must not turn it into a success.  Every change of an account
 * and every sign-in is written with its change instead (gate_write,
 * audit_record in user_login), and fails with it.
 */
static void audit_user(struct app *app, const struct actor *who, const char *action,
                       int64_t user_id, json_t *detail)
{
	char *text = app_json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS);
	struct audit_entry en = {action, "user", user_id, text, 0};

	audit_record(app, who, &en, NULL);
	free(text);
	json_decref(detail);
}

static int admin_only(const struct actor *who, struct err *e)
{
	return gate_role(who, 1u << ROLE_ADMIN, e);
}

/* An account's scope: an organisation in the actor's scope and alive today
 * (a user given an ended district would silently see nothing), or the
 * whole tree (0) for a whole-tree actor only. */
static int check_scope(struct app *app, const struct actor *who, int64_t org_id, struct err *e)
{
	if (!org_id)
		return who->scope_org == 0 ? 0 : gate_not_found(e, "org", NOUN_ORG);
	return org_alive_today(app, who, org_id, "org", e);
}

/* Nobody grants a clearance above their own. */
static int check_grant(const struct actor *who, int clearance, struct err *e)
{
	if (clearance < 0 || clearance >= CLEARANCE__MAX)
		return err_set(e, HOSO_E_BAD_ENUM, "clearance", "Độ mật được xem không hợp lệ",
		               "Invalid clearance");
	if (clearance > (int)who->clearance)
		return err_set(e, HOSO_E_DENIED, "clearance",
		               "Không cấp được độ mật cao hơn độ mật được xem của chính mình",
		               "Nobody may grant a clearance above their own");
	return 0;
}

static int check_roles(unsigned set, int64_t org_id, struct err *e)
{
	if (!set || set >= (1u << ROLE__MAX))
		return err_set(e, HOSO_E_BAD_ENUM, "roles", "Vai trò không hợp lệ",
		               "Invalid roles");
	if (!org_id && !(set & (1u << ROLE_ADMIN | 1u << ROLE_AUDITOR)))
		return err_set(e, HOSO_E_MISSING, "org",
		               "Người dùng cần một tổ chức (phạm vi được xem)",
		               "A user needs an organisation (their scope)");
	return 0;
}

struct add_args {
	struct user_row row;
};

static int add_write(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct add_args *x = arg;
	int rc = store_user_insert(app_store(app), &x->row, &w->object_id);

	if (rc == HOSO_E_DUPLICATE)
		return err_set(e, rc, "username", "Tên đăng nhập '%s' đã có",
		               "User name '%s' is taken", x->row.username);
	return rc;
}

int user_add(struct app *app, const struct actor *who, const struct user_new *u, int64_t *ret_id,
             struct buf *ret_password, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct buf pw = BUF_INIT(512), name = BUF_INIT(1024);
	struct add_args x = {{0}};
	struct gate_write w = {"user_create", "user", 0, NULL, NOUN_USER};
	int rc, shown = 0;

	if ((rc = admin_only(who, e)) < 0 || (rc = check_username(u->username, e)) < 0 ||
	    (rc = check_roles(u->roles, u->org_id, e)) < 0 ||
	    (rc = check_grant(who, (int)u->clearance, e)) < 0)
		goto out;
	if (!u->full_name || vi_name_normalise(u->full_name, strlen(u->full_name), &name) < 0 ||
	    name.len == 0) {
		rc = err_set(e, HOSO_E_MISSING, "full_name", "Thiếu họ và tên",
		             "The full name is missing");
		goto out;
	}
	if ((rc = check_scope(app, who, u->org_id, e)) < 0)
		goto out;
	if ((rc = new_password(u->password, &pw, hash, &x.row, e)) < 0)
		goto out;
	/* The generated password is handed back before anything is written:
	 * an account whose password nobody was shown must not exist. */
	if (ret_password && !u->password) {
		buf_reset(ret_password);
		shown = 1;
		if ((rc = buf_add(ret_password, pw.buf, pw.len)) < 0) {
			err_set(e, rc, NULL, NULL, NULL);
			goto out;
		}
	}
	x.row.username = u->username;
	x.row.full_name = name.buf;
	x.row.org_id = u->org_id;
	x.row.roles = u->roles;
	x.row.clearance = (int)u->clearance;
	w.detail = json_pack("{s:s,s:i,s:i,s:I}", "username", u->username, "roles", (int)u->roles,
	                     "clearance", (int)u->clearance, "org", (json_int_t)u->org_id);
	if ((rc = gate_write(app, who, &w, add_write, &x, e)) < 0)
		goto out;
	if (ret_id)
		*ret_id = w.object_id;
out:
	if (rc < 0 && shown) {
		sodium_memzero(ret_password->buf, ret_password->len);
		buf_reset(ret_password);
	}
	password_release(&pw);
	buf_release(&name);
	return rc;
}

int user_list(struct app *app, const struct actor *who, struct arena *a, struct user_list *ret,
              struct err *e)
{
	size_t keep = 0;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN | 1u << ROLE_AUDITOR, e)) < 0)
		return rc;
	if ((rc = store_user_list(app_store(app), a, ret)) < 0)
		return gate_store_error(e, rc, NOUN_USER);
	for (size_t i = 0; i < ret->n; i++) {
		ret->v[i].password_hash = NULL; /* never leaves src/app */
		ret->v[i].totp_secret = NULL;
		ret->v[i].recovery_codes = NULL;
		if (who->scope_org == 0 ||
		    (ret->v[i].org_id && scope_contains(app, who, ret->v[i].org_id) == 1))
			ret->v[keep++] = ret->v[i];
	}
	ret->n = keep;
	return 0;
}

json_t *user_view_json(struct app *app, const struct actor *who, const struct user_row *u,
                       struct arena *a)
{
	struct org_row o;
	json_t *roles_arr = json_array();

	for (int k = 0; k < ROLE__MAX; k++)
		if (u->roles & (1u << k))
			json_array_append_new(roles_arr, json_string(roles[k].code));
	return json_pack(
	    "{s:s,s:s,s:o,s:s,s:s?,s:b,s:b}", "username", u->username, "full_name", u->full_name,
	    "roles", roles_arr, "clearance", clearance_name((enum clearance)u->clearance), "org",
	    u->org_id && org_get(app, who, u->org_id, DATE_OPEN, a, &o, NULL) == 0 ? o.code : NULL,
	    "disabled", u->disabled, "totp", u->totp_enabled);
}

/*
 * The user named, if the actor may manage them: their scope within the
 * actor's (else "not found", as for a name nobody has), and their clearance
 * not above the actor's - managing such an account (a new password, its
 * roles) would hand the actor its access.  A user always manages their own.
 */
static int managed_user(struct app *app, const struct actor *who, const char *username,
                        struct arena *a, struct user_row *ret, struct err *e)
{
	int rc = store_user_by_name(app_store(app), username ? username : "", a, ret);

	if (rc == 0 && who->scope_org &&
	    !(ret->org_id && scope_contains(app, who, ret->org_id) == 1))
		rc = HOSO_E_NOT_FOUND;
	if (rc < 0)
		return gate_store_error(e, rc, NOUN_USER);
	if (ret->id != who->user_id && ret->clearance > (int)who->clearance)
		return err_set(e, HOSO_E_DENIED, "username",
		               "Không quản lý được tài khoản có độ mật được xem cao hơn của mình",
		               "Nobody manages an account whose clearance is above their own");
	return 0;
}

/* {"field": {"before", "after"}} added to *d for an integer field that
 * changes (*d NULL when out of memory: audit_detail_set). */
static void diff_int(json_t **d, const char *field, int64_t before, int64_t after)
{
	if (before != after)
		*d = audit_detail_set(*d, field,
		                      json_pack("{s:I,s:I}", "before", (json_int_t)before, "after",
		                                (json_int_t)after));
}

struct update_args {
	struct user_row u;
	int end_sessions;
};

static int update_write(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	struct update_args *x = arg;
	int rc = store_user_update(app_store(app), &x->u);

	(void)w;
	(void)e;
	/* New rights, a new password or a disabled account: from the next
	 * sign-in. */
	if (rc == 0 && x->end_sessions)
		rc = store_session_delete_user(app_store(app), x->u.id);
	return rc;
}

/* Check every field of c against the actor and apply it to u, recording
 * what changes in d. */
static int apply_change(struct app *app, const struct actor *who, const struct user_change *c,
                        struct user_row *u, json_t **d, struct err *e)
{
	int64_t org = c->set_org ? c->org_id : u->org_id;
	unsigned set = c->set_roles ? c->roles : u->roles;
	int rc = 0;

	if (!c->set_roles && !c->set_clearance && !c->set_org && !c->set_disabled &&
	    !c->reset_password && !c->reset_totp)
		return err_set(e, HOSO_E_MISSING, NULL, "Không có gì để thay đổi",
		               "Nothing to change");
	if (c->set_clearance && (rc = check_grant(who, (int)c->clearance, e)) < 0)
		return rc;
	if (c->set_org && org != u->org_id && (rc = check_scope(app, who, org, e)) < 0)
		return rc;
	if ((c->set_roles || c->set_org) && (rc = check_roles(set, org, e)) < 0)
		return rc;
	diff_int(d, "roles", u->roles, set);
	diff_int(d, "org", u->org_id, org);
	if (c->set_clearance)
		diff_int(d, "clearance", u->clearance, (int)c->clearance);
	if (c->set_disabled)
		diff_int(d, "disabled", u->disabled, c->disabled != 0);
	u->roles = set;
	u->org_id = org;
	if (c->set_clearance)
		u->clearance = (int)c->clearance;
	if (c->set_disabled)
		u->disabled = c->disabled != 0;
	if (c->reset_totp) {
		*d = audit_detail_set(*d, "totp", json_string("reset"));
		u->totp_secret = NULL;
		u->totp_enabled = 0;
		u->totp_last_step = 0;
		u->recovery_codes = NULL;
	}
	return 0;
}

int user_update(struct app *app, const struct actor *who, const char *username,
                const struct user_change *c, struct buf *ret_password, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct buf pw = BUF_INIT(512);
	struct update_args x = {{0}, 0};
	struct gate_write w = {"user_update", "user", 0, json_object(), NOUN_USER};
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	if ((rc = admin_only(who, e)) < 0 ||
	    (rc = managed_user(app, who, username, &a, &x.u, e)) < 0 ||
	    (rc = apply_change(app, who, c, &x.u, &w.detail, e)) < 0)
		goto out;
	if (c->reset_password) {
		if ((rc = new_password(NULL, &pw, hash, &x.u, e)) < 0)
			goto out;
		w.detail = audit_detail_set(w.detail, "password", json_string("reset"));
	}
	x.end_sessions = !w.detail || json_object_size(w.detail) > 0;
	w.object_id = x.u.id;
	rc = gate_write(app, who, &w, update_write, &x, e);
	if (rc == 0 && c->reset_password)
		hand_back(ret_password, &pw);
out:
	json_decref(w.detail);
	password_release(&pw);
	arena_release(&a);
	return rc;
}

int user_set_password(struct app *app, const struct actor *who, const char *username,
                      const char *password, struct buf *ret_password, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	struct buf pw = BUF_INIT(512);
	struct update_args x = {{0}, 1};
	struct gate_write w = {"user_password", "user", 0, NULL, NOUN_USER, 1};
	struct arena a;
	int rc;

	arena_init(&a, 1 << 20);
	rc = managed_user(app, who, username, &a, &x.u, e);
	if (rc == 0 && !actor_has_role(who, ROLE_ADMIN) && x.u.id != who->user_id)
		rc = gate_denied(e);
	if (rc == 0 && (rc = new_password(password, &pw, hash, &x.u, e)) == 0) {
		w.object_id = x.u.id;
		rc = gate_write(app, who, &w, update_write, &x, e);
		if (rc == 0 && !password)
			hand_back(ret_password, &pw);
	}
	password_release(&pw);
	arena_release(&a);
	return rc;
}

int user_me(struct app *app, const struct actor *who, struct arena *a, struct user_row *ret,
            struct err *e)
{
	int rc =
	    who->user_id ? store_user_get(app_store(app), who->user_id, a, ret) : HOSO_E_NOT_FOUND;

	if (rc < 0)
		return err_set(e, rc == HOSO_E_NOT_FOUND ? HOSO_E_AUTH : rc, NULL, NULL, NULL);
	ret->password_hash = NULL;
	ret->totp_secret = NULL;
	ret->recovery_codes = NULL;
	return 0;
}

int user_count(struct app *app, int64_t *ret)
{
	return store_user_count(app_store(app), ret);
}

int user_filter_id(struct app *app, const struct actor *who, const char *username, int64_t *ret,
                   struct err *e)
{
	struct user_row u;
	struct arena a;
	int rc;

	if (!who->user_id && !who->roles)
		return gate_denied(e);
	arena_init(&a, 1 << 12);
	rc = username ? store_user_by_name(app_store(app), username, &a, &u) : HOSO_E_NOT_FOUND;
	/* An unknown name selects nothing, exactly like a user with no case
	 * the reader may see: the filter must not tell who has an account. */
	*ret = rc == 0 ? u.id : -1;
	arena_release(&a);
	return rc < 0 && rc != HOSO_E_NOT_FOUND ? gate_store_error(e, rc, NOUN_USER) : 0;
}

int user_name_of(struct app *app, int64_t id, struct arena *a, const char **ret_username,
                 const char **ret_full_name)
{
	struct user_row u;
	int rc = store_user_get(app_store(app), id, a, &u);

	if (rc == 0) {
		*ret_username = u.username;
		*ret_full_name = u.full_name;
	}
	return rc;
}

static void actor_of(const struct user_row *u, struct actor *ret)
{
	memset(ret, 0, sizeof(*ret));
	ret->user_id = u->id;
	ret->roles = u->roles;
	ret->scope_org = u->org_id;
	ret->clearance = (enum clearance)u->clearance;
}

static void token_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token, strlen(token), NULL, 0);
}

static int random_hex(struct buf *out, size_t bytes)
{
	unsigned char raw[64];
	char hex[129];

	if (bytes > sizeof(raw))
		return HOSO_E_INVALID;
	randombytes_buf(raw, bytes);
	sodium_bin2hex(hex, sizeof(hex), raw, bytes);
	buf_reset(out);
	return buf_adds(out, hex);
}

/* Verified against when the user does not exist, so that a wrong name
 * takes as long as a wrong password. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
	if (crypto_pwhash_str(dummy_hash, "not a password", 14, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy_hash[0] = '\0';
}

/*
 * Failed sign-ins per client address, in memory: past ADDRESS_LIMIT
 * failures within ADDRESS_WINDOW seconds, an address is refused for the
 * rest of the window whatever account it tries (guessing across many
 * accounts).  A small table: the oldest slot makes room.
 */
#define ADDRESS_LIMIT  20
#define ADDRESS_WINDOW (15 * 60)
#define ADDRESS_SLOTS  256

static struct {
	pthread_mutex_t mu;
	struct {
		char addr[48];
		int64_t since;
		int failures;
	} v[ADDRESS_SLOTS];
} throttle = {PTHREAD_MUTEX_INITIALIZER};

/* 1 when address may try to sign in now. */
static int address_allowed(const char *address, int64_t now)
{
	int ok = 1;

	if (!address)
		return 1;
	pthread_mutex_lock(&throttle.mu);
	for (int i = 0; i < ADDRESS_SLOTS; i++)
		if (strcmp(throttle.v[i].addr, address) == 0 &&
		    now - throttle.v[i].since < ADDRESS_WINDOW &&
		    throttle.v[i].failures >= ADDRESS_LIMIT)
			ok = 0;
	pthread_mutex_unlock(&throttle.mu);
	return ok;
}

static void address_failed(const char *address, int64_t now)
{
	int slot = -1, oldest = 0;

	if (!address || strlen(address) >= sizeof(throttle.v[0].addr))
		return;
	pthread_mutex_lock(&throttle.mu);
	for (int i = 0; i < ADDRESS_SLOTS; i++) {
		if (strcmp(throttle.v[i].addr, address) == 0)
			slot = i;
		if (throttle.v[i].since < throttle.v[oldest].since)
			oldest = i;
	}
	if (slot < 0) {
		slot = oldest;
		memcpy(throttle.v[slot].addr, address, strlen(address) + 1);
		throttle.v[slot].since = now;
		throttle.v[slot].failures = 0;
	}
	if (now - throttle.v[slot].since >= ADDRESS_WINDOW) {
		throttle.v[slot].since = now;
		throttle.v[slot].failures = 0;
	}
	throttle.v[slot].failures++;
	pthread_mutex_unlock(&throttle.mu);
}

/*
 * Failed sign-ins under names that have no account, in memory, kept like an
 * account's own count: after USER_LOCK_AFTER failures the name answers
 * "locked" for USER_LOCK_SECONDS, exactly as an account would, so that the
 * answers do not tell which names have an account.  Names are kept as
 * hashes; the oldest slot makes room.
 */
#define UNKNOWN_SLOTS 1024

static struct {
	pthread_mutex_t mu;
	struct {
		unsigned char name[16];
		int64_t seen, locked_until;
		int failures;
	} v[UNKNOWN_SLOTS];
} unknown = {PTHREAD_MUTEX_INITIALIZER};

static void name_key(const char *username, unsigned char out[16])
{
	crypto_generichash(out, 16, (const unsigned char *)username, strlen(username), NULL, 0);
}

/* The time until which an unknown name is "locked" (0: it is not). */
static int64_t unknown_locked_until(const char *username, int64_t now)
{
	unsigned char k[16];
	int64_t until = 0;

	name_key(username, k);
	pthread_mutex_lock(&unknown.mu);
	for (int i = 0; i < UNKNOWN_SLOTS; i++)
		if (memcmp(unknown.v[i].name, k, 16) == 0 && unknown.v[i].locked_until > now)
			until = unknown.v[i].locked_until;
	pthread_mutex_unlock(&unknown.mu);
	return until;
}

static void unknown_failed(const char *username, int64_t now)
{
	unsigned char k[16];
	int slot = -1, oldest = 0;

	name_key(username, k);
	pthread_mutex_lock(&unknown.mu);
	for (int i = 0; i < UNKNOWN_SLOTS; i++) {
		if (memcmp(unknown.v[i].name, k, 16) == 0)
			slot = i;
		if (unknown.v[i].seen < unknown.v[oldest].seen)
			oldest = i;
	}
	if (slot < 0) {
		slot = oldest;
		memcpy(unknown.v[slot].name, k, 16);
		unknown.v[slot].failures = 0;
		unknown.v[slot].locked_until = 0;
	}
	unknown.v[slot].seen = now;
	if (++unknown.v[slot].failures >= USER_LOCK_AFTER) {
		unknown.v[slot].locked_until = now + USER_LOCK_SECONDS;
		unknown.v[slot].failures = 0;
	}
	pthread_mutex_unlock(&unknown.mu);
}

/* The refusal of a locked account (or name) until `until`. */
static int locked(struct err *e, int64_t until, int64_t now)
{
	long long m = (until - now + 59) / 60;

	err_set(e, HOSO_E_LOCKED, NULL,
	        "Tài khoản tạm khóa do đăng nhập sai %d lần; hãy thử lại sau %lld phút", NULL,
	        USER_LOCK_AFTER, m);
	return err_en(e, "Locked after %d failed sign-ins; try again in %lld minute%s",
	              USER_LOCK_AFTER, m, m == 1 ? "" : "s");
}

/* ---- the second factor ---- */

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;

static void oath_start(void)
{
	oath_init();
}

static void sha256_hex(const char *s, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* 1 when otp is a current TOTP code not used before, or an unused recovery
 * code (then consumed); u is updated for the caller to store. */
static int totp_check(struct user_row *u, const char *otp, int64_t now, struct arena *a)
{
	uint64_t step = 0;
	json_t *codes;
	char hex[65];
	size_t i;
	json_t *v;
	int found = 0;

	pthread_once(&oath_once, oath_start);
	if (!u->totp_secret || !otp)
		return 0;
	if (strlen(otp) == 6 && oath_totp_validate3((const char *)u->totp_secret, 20, (time_t)now,
	                                            30, 0, 1, NULL, &step, otp) >= 0) {
		if ((int64_t)step <= u->totp_last_step)
			return 0; /* a code works once */
		u->totp_last_step = (int64_t)step;
		return 1;
	}
	codes = u->recovery_codes ? json_loads(u->recovery_codes, 0, NULL) : NULL;
	sha256_hex(otp, hex);
	json_array_foreach(codes, i, v)
	{
		if (json_is_string(v) && sodium_memcmp(json_string_value(v), hex, 64) == 0) {
			json_array_remove(codes, i);
			found = 1;
			break;
		}
	}
	if (found) {
		char *text = app_json_dumps(codes, JSON_COMPACT);

		u->recovery_codes = text ? arena_strdup(a, text) : u->recovery_codes;
		free(text);
	}
	json_decref(codes);
	return found;
}

int user_check_password(struct app *app, const struct actor *who, const char *password,
                        struct err *e)
{
	struct arena a;
	struct user_row u;
	int64_t now = now_s();
	int rc;

	arena_init(&a, 1 << 16);
	rc = store_user_get(app_store(app), who->user_id, &a, &u);
	if (rc == 0 && (!password || crypto_pwhash_str_verify(u.password_hash, password,
	                                                      strlen(password)) != 0)) {
		if (++u.failed_logins >= USER_LOCK_AFTER) {
			u.locked_until = now + USER_LOCK_SECONDS;
			u.failed_logins = 0;
		}
		store_user_update(app_store(app), &u);
		rc = HOSO_E_AUTH;
	}
	arena_release(&a);
	if (rc < 0)
		return err_set(e, HOSO_E_AUTH, "old_password", "Mật khẩu hiện tại không đúng",
		               "The current password is wrong");
	return 0;
}

int user_totp_begin(struct app *app, const struct actor *who, struct buf *ret_secret,
                    struct buf *ret_uri, struct err *e)
{
	unsigned char key[20];
	struct arena a;
	struct user_row u;
	char *b32 = NULL;
	size_t n = 0;
	int rc;

	pthread_once(&oath_once, oath_start);
	arena_init(&a, 1 << 16);
	rc = user_me(app, who, &a, &u, e);
	if (rc == 0 && u.totp_enabled)
		rc = err_set(e, HOSO_E_CONFLICT, "otp",
		             "Xác thực hai lớp đang bật; quản trị viên có thể đặt lại",
		             "Two-factor sign-in is on; an administrator can reset it");
	if (rc == 0) {
		randombytes_buf(key, sizeof(key));
		if (oath_base32_encode((const char *)key, sizeof(key), &b32, &n) != OATH_OK)
			rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	if (rc == 0) {
		/* user_me hid the hash: read the row again to write it back whole. */
		rc = store_user_get(app_store(app), who->user_id, &a, &u);
		u.totp_secret = key;
		u.totp_enabled = 0;
		u.totp_last_step = 0;
		u.recovery_codes = NULL;
		if (rc == 0)
			rc = store_user_update(app_store(app), &u);
		if (rc < 0)
			err_set(e, rc, NULL, NULL, NULL);
	}
	if (rc == 0) {
		buf_reset(ret_secret);
		buf_add(ret_secret, b32, n);
		buf_reset(ret_uri);
		buf_addf(ret_uri, "otpauth://totp/hoso:%s?secret=%s&issuer=hoso&digits=6&period=30",
		         u.username, ret_secret->buf);
	}
	sodium_memzero(key, sizeof(key));
	free(b32);
	arena_release(&a);
	return rc;
}

/* TOTP_RECOVERY_CODES new recovery codes: shown once (into out, one a
 * line), kept as their SHA-256 (appended to hashes). */
static int recovery_codes(json_t *hashes, struct buf *out, struct err *e)
{
	int rc = 0;

	buf_reset(out);
	for (int i = 0; rc == 0 && i < TOTP_RECOVERY_CODES; i++) {
		struct buf one = BUF_INIT(64);
		char hex[65];

		if ((rc = generate_password(&one)) == 0) {
			buf_setlen(&one, 10);
			sha256_hex(one.buf, hex);
			if (json_array_append_new(hashes, json_string(hex)) < 0)
				rc = HOSO_E_NOMEM;
		}
		if (rc == 0)
			rc = buf_addf(out, "%s%s", i ? "\n" : "", one.buf);
		buf_release(&one);
	}
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

int user_totp_confirm(struct app *app, const struct actor *who, const char *code,
                      struct buf *ret_codes, struct err *e)
{
	struct arena a;
	struct user_row u;
	json_t *hashes = json_array();
	int rc;

	arena_init(&a, 1 << 16);
	rc = store_user_get(app_store(app), who->user_id, &a, &u);
	if (rc < 0)
		rc = err_set(e, HOSO_E_AUTH, NULL, NULL, NULL);
	else if (!u.totp_secret || u.totp_enabled)
		rc = err_set(e, HOSO_E_CONFLICT, "otp", "Chưa bắt đầu đăng ký xác thực hai lớp",
		             "Two-factor enrolment has not been started");
	else if (!totp_check(&u, code, (int64_t)time(NULL), &a))
		rc = err_set(e, HOSO_E_AUTH, "otp", "Mã xác thực không đúng", "Wrong code");
	if (rc == 0)
		rc = recovery_codes(hashes, ret_codes, e);
	if (rc == 0) {
		struct update_args x = {u, 0};
		struct gate_write w = {"totp_on", "user", u.id, NULL, NOUN_USER, 1};
		char *text = app_json_dumps(hashes, JSON_COMPACT);

		/* The codes are kept, hashed, with the second factor, or neither. */
		x.u.recovery_codes = text ? arena_strdup(&a, text) : NULL;
		x.u.totp_enabled = 1;
		free(text);
		rc = x.u.recovery_codes ? gate_write(app, who, &w, update_write, &x, e)
		                        : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	if (rc < 0)
		buf_reset(ret_codes);
	json_decref(hashes);
	arena_release(&a);
	return rc;
}

/* A sign-in refused for u (a wrong password or code: good 0; or a disabled
 * account): a wrong one counted (the account locked after USER_LOCK_AFTER
 * of them), recorded, and counted against the address.  HOSO_E_AUTH. */
static int refuse_login(struct app *app, struct user_row *u, int good, const char *address,
                        int64_t now, struct err *e)
{
	struct actor anon = {.user_id = u->id, .address = address, .purpose = "sign-in"};

	if (!good && ++u->failed_logins >= USER_LOCK_AFTER) {
		u->locked_until = now + USER_LOCK_SECONDS;
		u->failed_logins = 0;
	}
	store_user_update(app_store(app), u);
	audit_user(app, &anon, u->locked_until > now ? "login_locked" : "login_failed", u->id,
	           NULL);
	address_failed(address, now);
	return err_set(e, HOSO_E_AUTH, NULL, NULL, NULL);
}

int user_login(struct app *app, const char *username, const char *password, const char *otp,
               const char *address, struct buf *ret_token, struct buf *ret_csrf, struct actor *ret,
               struct err *e)
{
	unsigned char h[32];
	struct arena a;
	struct user_row u;
	int64_t now = now_s();
	int rc, good;

	pthread_once(&dummy_once, dummy_make);
	if (!address_allowed(address, now)) {
		err_set(e, HOSO_E_LOCKED, NULL,
		        "Quá nhiều lần đăng nhập sai từ địa chỉ này; hãy thử lại sau %d phút", NULL,
		        ADDRESS_WINDOW / 60);
		err_en(e, "Too many failed sign-ins from this address; try again in %d minutes",
		       ADDRESS_WINDOW / 60);
		return HOSO_E_LOCKED;
	}
	if (!username || !password || strlen(password) > 256)
		return err_set(e, HOSO_E_AUTH, NULL, NULL, NULL);
	arena_init(&a, 1 << 20);
	rc = store_user_by_name(app_store(app), username, &a, &u);
	if (rc == HOSO_E_NOT_FOUND) {
		struct actor anon = {.address = address, .purpose = "sign-in"};
		int64_t until = unknown_locked_until(username, now);

		if (until) {
			rc = locked(e, until, now);
			goto out;
		}
		audit_user(app, &anon, "login_failed", 0, json_pack("{s:s}", "username", username));
		address_failed(address, now);
		unknown_failed(username, now);
		good = dummy_hash[0] &&
		       crypto_pwhash_str_verify(dummy_hash, password, strlen(password)) == 0;
		(void)good;
		rc = err_set(e, HOSO_E_AUTH, NULL, NULL, NULL);
		goto out;
	}
	if (rc < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	if (u.locked_until > now) {
		rc = locked(e, u.locked_until, now);
		goto out;
	}
	good = crypto_pwhash_str_verify(u.password_hash, password, strlen(password)) == 0;
	if (good && !u.disabled && u.totp_enabled && !otp) {
		/* The password was right: ask for the second factor (not a failure). */
		rc = err_set(e, HOSO_E_AUTH, "otp", "Cần mã xác thực hai lớp (hoặc mã khôi phục)",
		             "A two-factor code (or a recovery code) is needed");
		goto out;
	}
	if (good && u.totp_enabled && !totp_check(&u, otp, now, &a))
		good = 0;
	if (!good || u.disabled) {
		rc = refuse_login(app, &u, good, address, now, e);
		goto out;
	}
	if (u.failed_logins || u.totp_enabled) {
		/* reset the count; keep the TOTP step / recovery code used */
		u.failed_logins = 0;
		store_user_update(app_store(app), &u);
	}
	/* A fresh token at every sign-in: no session fixation. */
	if ((rc = random_hex(ret_token, 32)) < 0 || (rc = random_hex(ret_csrf, 32)) < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	token_hash(ret_token->buf, h);
	rc = store_session_insert(app_store(app), h, u.id, ret_csrf->buf, now, address);
	if (rc < 0) {
		err_set(e, rc, NULL, NULL, NULL);
		goto out;
	}
	actor_of(&u, ret);
	ret->address = address;
	ret->purpose = "sign-in";
	/* No session without its entry in the trail. */
	if ((rc = audit_record(app, ret, &(struct audit_entry){"login", "user", u.id, NULL, 0},
	                       e)) < 0) {
		store_session_delete(app_store(app), h);
		buf_reset(ret_token);
		buf_reset(ret_csrf);
	}
	ret->purpose = NULL;
out:
	arena_release(&a);
	return rc;
}

/* The session of token (whose hash goes into h): 0, HOSO_E_AUTH for a
 * malformed token, or the store's error (HOSO_E_NOT_FOUND: none). */
static int session_of(struct app *app, const char *token, unsigned char *h, struct arena *a,
                      struct session_row *ret)
{
	if (!token || strlen(token) != SESSION_TOKEN_HEX)
		return HOSO_E_AUTH;
	token_hash(token, h);
	return store_session_get(app_store(app), h, a, ret);
}

int session_actor(struct app *app, const char *token, struct actor *ret, struct buf *ret_csrf,
                  struct err *e)
{
	unsigned char h[32];
	struct session_row s;
	struct user_row u;
	struct arena a;
	int64_t now = now_s();
	int rc;

	arena_init(&a, 1 << 16);
	rc = session_of(app, token, h, &a, &s);
	if (rc == 0 && (now - s.last_seen > SESSION_IDLE_SECONDS ||
	                now - s.created_at > SESSION_MAX_SECONDS)) {
		store_session_delete(app_store(app), h);
		rc = HOSO_E_AUTH;
	}
	if (rc == 0)
		rc = store_user_get(app_store(app), s.user_id, &a, &u);
	if (rc == 0 && u.disabled)
		rc = HOSO_E_AUTH;
	if (rc == 0) {
		actor_of(&u, ret);
		buf_reset(ret_csrf);
		buf_adds(ret_csrf, s.csrf);
		/* Record activity at most once a minute: reads stay reads. */
		if (now - s.last_seen >= 60)
			store_session_touch(app_store(app), h, now);
	}
	arena_release(&a);
	if (rc == HOSO_E_NOT_FOUND || rc == HOSO_E_AUTH)
		return err_set(e, HOSO_E_AUTH, NULL, NULL, NULL);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

int session_logout(struct app *app, const char *token, int all, struct err *e)
{
	unsigned char h[32];
	struct session_row s;
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	rc = session_of(app, token, h, &a, &s);
	if (rc == 0)
		rc = all ? store_session_delete_user(app_store(app), s.user_id)
		         : store_session_delete(app_store(app), h);
	if (rc == 0) {
		struct actor who = {.user_id = s.user_id, .purpose = "sign-out"};

		audit_user(app, &who, all ? "logout_all" : "logout", s.user_id, NULL);
	}
	arena_release(&a);
	if (rc == HOSO_E_NOT_FOUND || rc == HOSO_E_AUTH)
		return err_set(e, HOSO_E_AUTH, NULL, NULL, NULL);
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}
