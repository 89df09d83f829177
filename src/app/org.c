/*
 * org.c - the temporal organisation tree (see org.h).
 *
 * Every change is one transaction: the versions, the succession record and
 * the moves of children and members either all happen or none does.
 */
#include "app/org.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/codes.h"
#include "app/gate.h"
#include "app/scope.h"
#include "vi/vi.h"

#include "core/banned.h"

#define ORG_NAME_MAX      300
#define ORG_CODE_MAX      32
#define ORG_DOC_MAX       300
#define ORG_MAP_MAX_STEPS 64

static const struct org_kind_info kinds[ORG_KIND__MAX] = {
    [ORG_KIND_PROVINCE] = {"dang_bo_tinh", "Đảng bộ tỉnh", "Provincial Party Committee", 0},
    [ORG_KIND_DIRECT] = {"dang_bo_truc_thuoc", "Đảng bộ trực thuộc",
                         "Committee directly under the province", 1},
    [ORG_KIND_GRASSROOTS_COMMITTEE] = {"dang_bo_co_so", "Đảng bộ cơ sở",
                                       "Grassroots Party Committee", 2},
    [ORG_KIND_GRASSROOTS_CELL] = {"chi_bo_co_so", "Chi bộ cơ sở", "Grassroots Party Cell", 2},
    [ORG_KIND_PARTIAL_COMMITTEE] = {"dang_bo_bo_phan", "Đảng bộ bộ phận", "Partial Party Committee",
                                    3},
    [ORG_KIND_CELL] = {"chi_bo_truc_thuoc", "Chi bộ trực thuộc", "Party Cell", 4},
    [ORG_KIND_GROUP] = {"to_dang", "Tổ đảng", "Party Group", 5},
};

json_t *org_kind_codes_json(void)
{
	json_t *a = json_array();

	for (int k = 0; k < ORG_KIND__MAX; k++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:i}", "code", kinds[k].code,
		                                   "name", kinds[k].vi, "name_en", kinds[k].en,
		                                   "level", kinds[k].level));
	return a;
}

/* The kinds of succession a change of the structure records (code set
 * "succession"). */
static const struct code_name successions[] = {
    {"rename", "Đổi tên", "Renamed"},      {"transfer", "Chuyển trực thuộc", "Moved"},
    {"merge", "Sáp nhập", "Merged"},       {"split", "Chia tách", "Split"},
    {"dissolve", "Giải thể", "Dissolved"},
};

json_t *org_succession_codes_json(void)
{
	return code_list_json(successions, sizeof(successions) / sizeof(successions[0]));
}

const struct org_kind_info *org_kind_info(enum org_kind k)
{
	return k < ORG_KIND__MAX ? &kinds[k] : NULL;
}

int org_kind_parse(const char *s, enum org_kind *ret)
{
	struct buf key = BUF_INIT(1024), want = BUF_INIT(1024);
	int rc = HOSO_E_BAD_ENUM;

	if (!s)
		return HOSO_E_BAD_ENUM;
	for (int k = 0; k < ORG_KIND__MAX; k++) {
		if (strcmp(s, kinds[k].code) == 0) {
			*ret = (enum org_kind)k;
			return 0;
		}
	}
	if (vi_search_key(s, strlen(s), &key) < 0)
		goto out;
	for (int k = 0; k < ORG_KIND__MAX; k++) {
		if (vi_search_key(kinds[k].vi, strlen(kinds[k].vi), &want) == 0 &&
		    strcmp(key.buf, want.buf) == 0) {
			*ret = (enum org_kind)k;
			rc = 0;
			break;
		}
	}
out:
	buf_release(&key);
	buf_release(&want);
	return rc;
}

const char *org_kind_label(const char *code)
{
	enum org_kind k;

	if (code && org_kind_parse(code, &k) == 0)
		return kinds[k].vi;
	return code ? code : "";
}

static int kind_level(const char *code)
{
	enum org_kind k;

	return org_kind_parse(code, &k) == 0 ? kinds[k].level : -1;
}

static int check_code(const char *code, struct err *e)
{
	size_t n = code ? strlen(code) : 0;

	if (n == 0)
		return err_set(e, HOSO_E_MISSING, "code", "Thiếu mã tổ chức",
		               "The organisation code is missing");
	if (n > ORG_CODE_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "code", "Mã tổ chức dài quá %d ký tự",
		               "The organisation code is longer than %d characters", ORG_CODE_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = code[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '-' || c == '_'))
			return err_set(
			    e, HOSO_E_INVALID, "code",
			    "Mã tổ chức chỉ gồm chữ cái không dấu, chữ số, '.', '-', '_'",
			    "An organisation code may hold only ASCII letters, digits, "
			    "'.', '-' and '_'");
	}
	return 0;
}

/* NFC, collapse spaces; 0 or an error naming field. */
static int clean_text(const char *in, const char *field, size_t max, struct buf *out, struct err *e)
{
	struct buf nfc = BUF_INIT(1 << 16);
	const char *p;
	int rc, space = 0, cut;

	buf_reset(out);
	if (!in)
		return 0;
	rc = vi_nfc(in, strlen(in), &nfc);
	if (rc < 0) {
		buf_release(&nfc);
		return err_set(e, rc, field, NULL, NULL);
	}
	for (p = nfc.buf; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = out->len > 0;
			continue;
		}
		if (space && buf_addch(out, ' ') < 0)
			break;
		space = 0;
		if (buf_addch(out, *p) < 0)
			break;
	}
	cut = *p != '\0';
	buf_release(&nfc);
	if (cut || app_text_chars(out->buf, out->len) > max)
		return app_text_too_long(e, field, max);
	return 0;
}

static int check_name(const char *name, struct buf *out, struct err *e)
{
	int rc = clean_text(name, "name", ORG_NAME_MAX, out, e);

	if (rc < 0)
		return rc;
	if (out->len == 0)
		return err_set(e, HOSO_E_MISSING, "name", "Thiếu tên tổ chức",
		               "The organisation name is missing");
	return 0;
}

/* The organisation alive on day and in scope, or HOSO_E_NOT_FOUND. */
static int live_org(struct app *app, const struct actor *who, int64_t id, int32_t day,
                    const char *field, struct arena *a, struct org_row *ret, struct err *e)
{
	int rc = scope_contains(app, who, id);

	if (rc < 0)
		return err_set(e, rc, field, NULL, NULL);
	if (rc == 0)
		return gate_not_found(e, field, NOUN_ORG);
	rc = store_org_at(app_store(app), id, day, a, ret);
	if (rc == HOSO_E_NOT_FOUND) {
		char d[DATE_BUF];

		date_format_vn(day, d);
		return err_set(e, HOSO_E_ORG_STATE, field, "Tổ chức không tồn tại vào ngày %s",
		               "The organisation does not exist on %s", d);
	}
	return rc < 0 ? err_set(e, rc, field, NULL, NULL) : 0;
}

int org_alive_today(struct app *app, const struct actor *who, int64_t id, const char *field,
                    struct err *e)
{
	struct arena a;
	struct org_row last;
	struct succession_row s;
	struct buf names = BUF_INIT(4096);
	char d[DATE_BUF];
	int32_t today = date_today();
	int rc = scope_contains(app, who, id);

	if (rc <= 0)
		return rc < 0 ? err_set(e, rc, field, NULL, NULL)
		              : gate_not_found(e, field, NOUN_ORG);
	arena_init(&a, 1 << 16);
	rc = store_org_latest(app_store(app), id, &a, &last);
	if (rc == 0 && last.valid_from > today) {
		date_format_vn(last.valid_from, d);
		rc = err_set(e, HOSO_E_ORG_STATE, field, "Tổ chức %s chỉ hoạt động từ ngày %s",
		             "Organisation %s starts only on %s", last.code, d);
	} else if (rc == 0 && last.valid_to != DATE_OPEN && last.valid_to <= today) {
		/* Name where its work went: the successors of the merge, split or
		 * dissolution that ended it, else the parent it had. */
		int got = store_succession_ending(app_store(app), id, &a, &s);

		for (size_t i = 0; got == 0 && i < s.nlinks; i++) {
			struct org_row to;

			if (s.links[i].from_org == id && s.links[i].to_org &&
			    store_org_latest(app_store(app), s.links[i].to_org, &a, &to) == 0)
				buf_addf(&names, "%s%s (%s)", names.len ? ", " : "", to.code,
				         to.name);
		}
		if (!names.len) {
			struct org_row was;

			if (store_org_at(app_store(app), id, last.valid_to - 1, &a, &was) == 0 &&
			    was.parent_id &&
			    store_org_latest(app_store(app), was.parent_id, &a, &was) == 0)
				buf_addf(&names, "%s (%s)", was.code, was.name);
		}
		date_format_vn(last.valid_to, d);
		rc = err_set(
		    e, HOSO_E_ORG_STATE, field,
		    "Tổ chức %s đã kết thúc hoạt động từ ngày %s; hãy chọn tổ chức kế tục: %s",
		    "Organisation %s ended on %s; choose its successor: %s", last.code, d,
		    names.len ? names.buf : "-");
	} else if (rc < 0) {
		gate_store_error(e, rc, NOUN_ORG);
	}
	buf_release(&names);
	arena_release(&a);
	return rc;
}

/* A change dated day must not precede the organisation's latest version. */
static int check_after_latest(struct app *app, int64_t id, int32_t day, struct arena *a,
                              struct err *e)
{
	struct org_row last;
	int rc = store_org_latest(app_store(app), id, a, &last);

	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (last.valid_to != DATE_OPEN) {
		char d[DATE_BUF];

		date_format_vn(last.valid_to, d);
		return err_set(e, HOSO_E_ORG_STATE, "date",
		               "Tổ chức %s đã kết thúc hoạt động từ ngày %s",
		               "Organisation %s ended on %s", last.code, d);
	}
	if (day < last.ver_from) {
		char d[DATE_BUF];

		date_format_vn(last.ver_from, d);
		return err_set(e, HOSO_E_ORG_STATE, "date",
		               "Ngày hiệu lực phải từ ngày %s (lần thay đổi gần nhất của %s) "
		               "trở đi",
		               "The effective date must be on or after %s (the last change of %s)",
		               d, last.code);
	}
	return 0;
}

static int check_parent(struct app *app, const struct actor *who, int64_t parent, int32_t day,
                        const char *child_kind, struct arena *a, struct err *e)
{
	struct org_row p;
	int rc, cl = kind_level(child_kind);

	if (parent == 0) {
		if (cl != 0)
			return err_set(e, HOSO_E_MISSING, "parent", "Thiếu tổ chức cấp trên",
			               "The parent organisation is missing");
		return 0;
	}
	if (cl == 0)
		return err_set(e, HOSO_E_INVALID, "parent", "Đảng bộ tỉnh không có cấp trên",
		               "A provincial committee has no parent");
	rc = live_org(app, who, parent, day, "parent", a, &p, e);
	if (rc < 0)
		return rc;
	if (kind_level(p.kind) >= cl)
		return err_set(e, HOSO_E_INVALID, "parent", "%s không thể trực thuộc %s",
		               "A %s cannot be placed under a %s", org_kind_label(child_kind),
		               org_kind_label(p.kind));
	return 0;
}

static int check_doc(const char *doc, struct buf *out, struct err *e)
{
	return clean_text(doc, "document", ORG_DOC_MAX, out, e);
}

/*
 * End a change of the structure through the one write path (gate_end), the
 * day of the change added to its audit detail (consumed); on success every
 * cached scope is rebuilt.
 */
static int tx_end(struct app *app, const struct actor *who, int rc, const char *action, int64_t id,
                  int32_t day, json_t *detail, struct err *e)
{
	struct gate_write w = {action, "org", id, detail, NOUN_ORG};
	char iso[DATE_BUF];

	if (detail && day != DATE_NONE) {
		date_format_iso(day, iso);
		w.detail = audit_detail_set(detail, "date", json_string(iso));
	}
	if ((rc = gate_end(app, who, rc, &w, e)) == 0)
		scope_changed();
	return rc;
}

static json_t *ids_json(const int64_t *ids, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		a = audit_detail_append(a, json_integer((json_int_t)ids[i]));
	return a; /* NULL when out of memory */
}

/* Insert one organisation (inside a transaction). */
static int create_one(struct app *app, const struct actor *who, const struct org_new *o,
                      int64_t *ret_id, struct arena *a, struct err *e)
{
	struct buf name = BUF_INIT(4096), doc = BUF_INIT(4096);
	enum org_kind k;
	int64_t dummy;
	int rc;

	if ((rc = check_code(o->code, e)) < 0)
		goto out;
	if ((rc = check_name(o->name, &name, e)) < 0)
		goto out;
	if ((rc = check_doc(o->document, &doc, e)) < 0)
		goto out;
	if (org_kind_parse(o->kind, &k) < 0) {
		rc = err_set(e, HOSO_E_BAD_ENUM, "kind", "Loại tổ chức '%s' không hợp lệ",
		             "Unknown organisation kind '%s'", o->kind ? o->kind : "");
		goto out;
	}
	if (o->from == DATE_NONE || o->from == DATE_OPEN) {
		rc = err_set(e, HOSO_E_MISSING, "from", "Thiếu ngày thành lập",
		             "The founding date is missing");
		goto out;
	}
	if ((rc = check_parent(app, who, o->parent_id, o->from, kinds[k].code, a, e)) < 0)
		goto out;
	if (o->parent_id == 0 && who->scope_org != 0) {
		rc = err_set(e, HOSO_E_DENIED, "parent", NULL, NULL);
		goto out;
	}
	if (store_org_by_code(app_store(app), o->code, a, &dummy) == 0) {
		rc = err_set(e, HOSO_E_DUPLICATE, "code", "Mã tổ chức '%s' đã được dùng",
		             "The organisation code '%s' is already in use", o->code);
		goto out;
	}
	rc = store_org_insert(app_store(app), o->code, o->from, name.buf, kinds[k].code,
	                      o->parent_id, doc.len ? doc.buf : NULL, ret_id);
	if (rc < 0)
		err_set(e, rc, NULL, NULL, NULL);
out:
	buf_release(&name);
	buf_release(&doc);
	return rc;
}

int org_create(struct app *app, const struct actor *who, const struct org_new *o, int64_t *ret_id,
               struct err *e)
{
	struct arena a;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	rc = gate_begin(app, e);
	if (rc == 0) {
		int64_t id = 0;

		rc = create_one(app, who, o, &id, &a, e);
		rc = tx_end(app, who, rc, "create", id, o->from,
		            json_pack("{s:s?,s:s?,s:s?,s:I,s:s?}", "code", o->code, "name", o->name,
		                      "kind", o->kind, "parent", (json_int_t)o->parent_id,
		                      "document", o->document),
		            e);
		if (rc == 0 && ret_id)
			*ret_id = id;
	}
	arena_release(&a);
	return rc;
}

int org_get(struct app *app, const struct actor *who, int64_t id, int32_t day, struct arena *a,
            struct org_row *ret, struct err *e)
{
	int rc = scope_contains(app, who, id);

	if (rc == 1)
		rc = day == DATE_OPEN ? store_org_latest(app_store(app), id, a, ret)
		                      : store_org_at(app_store(app), id, day, a, ret);
	else if (rc == 0)
		rc = HOSO_E_NOT_FOUND;
	if (rc == HOSO_E_NOT_FOUND)
		return gate_not_found(e, "org", NOUN_ORG);
	return rc < 0 ? err_set(e, rc, "org", NULL, NULL) : 0;
}

int org_create_nested(struct app *app, const struct actor *who, const struct org_new *o,
                      int64_t *ret_id, struct err *e)
{
	struct arena a;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	rc = create_one(app, who, o, ret_id, &a, e);
	arena_release(&a);
	return rc;
}

int org_find(struct app *app, const struct actor *who, const char *code, int64_t *ret_id,
             struct err *e)
{
	int64_t id;
	int rc = store_org_by_code(app_store(app), code, NULL, &id);

	if (rc == 0 && scope_contains(app, who, id) != 1)
		rc = HOSO_E_NOT_FOUND;
	if (rc == HOSO_E_NOT_FOUND)
		return err_set(e, rc, "org", "Không tìm thấy tổ chức có mã '%s'",
		               "No organisation with code '%s'", code);
	if (rc < 0)
		return err_set(e, rc, "org", NULL, NULL);
	*ret_id = id;
	return 0;
}

/*
 * A change of the structure (rename, move, merge, split, dissolve): an
 * administrator's, dated day, citing a document, recorded as a succession
 * of its kind and audited as its action, in one transaction.
 */
struct change {
	const char *action; /* the audit entry's: "rename", "move", ... */
	const char *kind;   /* the succession's: "rename", "transfer", ... */
	int32_t day;
	struct buf doc; /* the document cited, cleaned (empty: none) */
};

static const char *change_doc(const struct change *c)
{
	return c->doc.len ? c->doc.buf : NULL;
}

/* Check the change's document, then open its transaction. */
static int change_begin(struct app *app, struct change *c, const char *document, struct err *e)
{
	int rc = check_doc(document, &c->doc, e);

	return rc < 0 ? rc : gate_begin(app, e);
}

/*
 * End change c of organisation id (tx_end): when rc is 0 the succession is
 * recorded with its links[0..n) first; the document joins the audit
 * detail (consumed).
 */
static int change_end(struct app *app, const struct actor *who, int rc, const struct change *c,
                      int64_t id, const struct succession_link *links, size_t n, json_t *detail,
                      struct err *e)
{
	const char *doc = change_doc(c);

	if (rc == 0 && (rc = store_succession_insert(app_store(app), c->kind, c->day, doc, NULL,
	                                             links, n, NULL)) < 0)
		err_set(e, rc, NULL, NULL, NULL);
	if (detail)
		detail = audit_detail_set(detail, "document", doc ? json_string(doc) : json_null());
	return tx_end(app, who, rc, c->action, id, c->day, detail, e);
}

/*
 * Change c of organisation id begun by an administrator: the role, the
 * document, the transaction, then the organisation alive on the change's
 * day (into *cur).  0 with the transaction open (change_end closes it);
 * on failure nothing is left open.
 */
static int change_open(struct app *app, const struct actor *who, struct change *c,
                       const char *document, int64_t id, struct arena *a, struct org_row *cur,
                       struct err *e)
{
	int rc = gate_role(who, 1u << ROLE_ADMIN, e);

	if (rc < 0 || (rc = change_begin(app, c, document, e)) < 0)
		return rc;
	if ((rc = live_org(app, who, id, c->day, "id", a, cur, e)) < 0)
		rc = change_end(app, who, rc, c, id, NULL, 0, NULL, e);
	return rc;
}

int org_rename(struct app *app, const struct actor *who, int64_t id, const char *name, int32_t day,
               const char *document, struct err *e)
{
	struct change c = {"rename", "rename", day, BUF_INIT(4096)};
	struct succession_link l = {.from_org = id, .to_org = id, .is_main = 1};
	struct buf nm = BUF_INIT(4096);
	struct arena a;
	struct org_row cur;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN, e)) < 0)
		return rc;
	arena_init(&a, 1 << 20);
	if ((rc = check_name(name, &nm, e)) < 0 || (rc = change_begin(app, &c, document, e)) < 0)
		goto out;
	rc = live_org(app, who, id, day, "id", &a, &cur, e);
	if (rc == 0)
		rc = check_after_latest(app, id, day, &a, e);
	if (rc == 0 && strcmp(cur.name, nm.buf) == 0)
		rc = err_set(e, HOSO_E_INVALID, "name", "Tên mới trùng tên hiện tại",
		             "The new name is the current name");
	if (rc == 0) {
		rc = store_org_new_version(app_store(app), id, day, nm.buf, cur.kind, cur.parent_id,
		                           change_doc(&c));
		if (rc < 0)
			err_set(e, rc, NULL, NULL, NULL);
	}
	rc = change_end(
	    app, who, rc, &c, id, &l, 1,
	    rc == 0 ? json_pack("{s:s,s:s}", "before", cur.name, "after", nm.buf) : NULL, e);
out:
	buf_release(&nm);
	buf_release(&c.doc);
	arena_release(&a);
	return rc;
}

int org_walk_up(struct app *app, int64_t id, int32_t day, enum org_walk how, struct arena *a,
                int (*fn)(const struct org_row *o, void *arg), void *arg)
{
	for (int depth = 0; id; depth++) {
		struct org_row r;
		int rc;

		if (depth == ORG_MAP_MAX_STEPS)
			return HOSO_E_CYCLE; /* a cycle in stored data: never loop */
		rc = day == DATE_OPEN ? store_org_latest(app_store(app), id, a, &r)
		                      : store_org_at(app_store(app), id, day, a, &r);
		if (rc == HOSO_E_NOT_FOUND && day != DATE_OPEN && how == ORG_WALK_OR_LAST)
			rc = store_org_latest(app_store(app), id, a, &r);
		if (rc < 0)
			return rc;
		if ((rc = fn(&r, arg)) != 0)
			return rc;
		id = r.parent_id;
	}
	return 0;
}

static int is_id(const struct org_row *o, void *arg)
{
	return o->id == *(const int64_t *)arg;
}

int org_is_under(struct app *app, int64_t root, int64_t id, int32_t day, enum org_walk how)
{
	struct arena a;
	int rc;

	arena_init(&a, 1 << 16);
	rc = org_walk_up(app, id, day, how, &a, is_id, &root);
	arena_release(&a);
	return rc == HOSO_E_NOT_FOUND || rc == HOSO_E_CYCLE ? 0 : rc;
}

/* Re-parent one live organisation as of day (no succession record). */
static int reparent(struct app *app, int64_t id, int64_t parent, int32_t day, const char *doc,
                    struct arena *a, struct err *e)
{
	struct org_row cur;
	int rc = store_org_at(app_store(app), id, day, a, &cur);

	if (rc == 0)
		rc = check_after_latest(app, id, day, a, e);
	if (rc == 0)
		rc =
		    store_org_new_version(app_store(app), id, day, cur.name, cur.kind, parent, doc);
	return rc < 0 && e && !e->code ? err_set(e, rc, NULL, NULL, NULL) : rc;
}

int org_move(struct app *app, const struct actor *who, int64_t id, int64_t new_parent, int32_t day,
             const char *document, struct err *e)
{
	struct change c = {"move", "transfer", day, BUF_INIT(4096)};
	struct succession_link l = {.from_org = id, .to_org = new_parent};
	struct arena a;
	struct org_row cur;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = change_open(app, who, &c, document, id, &a, &cur, e)) < 0)
		goto out;
	rc = check_parent(app, who, new_parent, day, cur.kind, &a, e);
	if (rc == 0 && cur.parent_id == new_parent)
		rc = err_set(e, HOSO_E_INVALID, "parent", "Tổ chức đã trực thuộc cấp trên này",
		             "The organisation is already under this parent");
	if (rc == 0 && org_is_under(app, id, new_parent, day, ORG_WALK_AT) == 1)
		rc = err_set(e, HOSO_E_CYCLE, "parent",
		             "Không thể chuyển một tổ chức vào chính cây con của nó",
		             "An organisation cannot move under its own subtree");
	if (rc == 0)
		rc = reparent(app, id, new_parent, day, change_doc(&c), &a, e);
	rc = change_end(app, who, rc, &c, id, &l, 1,
	                rc == 0 ? json_pack("{s:I,s:I}", "parent_before", (json_int_t)cur.parent_id,
	                                    "parent_after", (json_int_t)new_parent)
	                        : NULL,
	                e);
out:
	buf_release(&c.doc);
	arena_release(&a);
	return rc;
}

/* Move the live children and the members of from to to, as of day. */
static int hand_over(struct app *app, int64_t from, int64_t to, int32_t day, const char *doc,
                     struct arena *a, struct err *e)
{
	struct org_list kids;
	int64_t moved;
	int rc = store_org_children_at(app_store(app), from, day, a, &kids);

	for (size_t i = 0; rc == 0 && i < kids.n; i++)
		rc = reparent(app, kids.v[i].id, to, day, doc, a, e);
	if (rc == 0)
		rc = store_membership_move_all(app_store(app), from, to, day, &moved);
	return rc < 0 && e && !e->code ? err_set(e, rc, NULL, NULL, NULL) : rc;
}

static int end_org(struct app *app, int64_t id, int32_t day, struct arena *a, struct err *e)
{
	int rc = check_after_latest(app, id, day, a, e);

	if (rc < 0)
		return rc;
	rc = store_org_end(app_store(app), id, day);
	if (rc == HOSO_E_ORG_STATE)
		return err_set(e, rc, "date",
		               "Ngày kết thúc phải sau ngày thành lập và không trước lần "
		               "thay đổi gần nhất của tổ chức",
		               "The end date must follow the founding date and not precede "
		               "the last change");
	return rc < 0 ? err_set(e, rc, NULL, NULL, NULL) : 0;
}

/* The organisations merged into into: each named once, into not one of
 * them. */
static int check_sources(const int64_t *sources, size_t n, int64_t into, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		if (sources[i] == into)
			return err_set(e, HOSO_E_INVALID, "into",
			               "Tổ chức tiếp nhận không thể là một tổ chức bị hợp nhất",
			               "The receiving organisation cannot be one of the sources");
		for (size_t j = 0; j < i; j++)
			if (sources[j] == sources[i])
				return err_set(e, HOSO_E_INVALID, "sources",
				               "Một tổ chức được nêu hai lần",
				               "An organisation is listed twice");
	}
	return 0;
}

int org_merge(struct app *app, const struct actor *who, const int64_t *sources, size_t n,
              int64_t into, const struct org_new *spec, int32_t day, const char *document,
              int64_t *ret_into, struct err *e)
{
	struct change c = {"merge", "merge", day, BUF_INIT(4096)};
	struct succession_link *links = NULL;
	struct arena a;
	struct org_row r;
	int64_t target = into;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN, e)) < 0)
		return rc;
	if (n == 0 || n > 1000)
		return err_set(e, HOSO_E_INVALID, "sources", "Cần ít nhất một tổ chức để hợp nhất",
		               "A merge needs at least one source organisation");
	if (!into && !spec)
		return err_set(e, HOSO_E_MISSING, "into", "Thiếu tổ chức tiếp nhận",
		               "The receiving organisation is missing");
	arena_init(&a, 1 << 22);
	if ((rc = check_doc(document, &c.doc, e)) < 0)
		goto out;
	links = arena_calloc(&a, n, sizeof(*links));
	if (!links) {
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = check_sources(sources, n, into, e)) < 0 || (rc = gate_begin(app, e)) < 0)
		goto out;
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = live_org(app, who, sources[i], day, "sources", &a, &r, e);
	if (rc == 0 && into)
		rc = live_org(app, who, into, day, "into", &a, &r, e);
	if (rc == 0 && !into)
		rc = create_one(app, who, spec, &target, &a, e);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (org_is_under(app, sources[i], target, day, ORG_WALK_AT) == 1)
			rc = err_set(e, HOSO_E_CYCLE, "into",
			             "Tổ chức tiếp nhận nằm trong cây con của tổ chức bị hợp nhất",
			             "The receiving organisation lies under a source");
	}
	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = hand_over(app, sources[i], target, day, change_doc(&c), &a, e);
		if (rc == 0)
			rc = end_org(app, sources[i], day, &a, e);
		links[i].from_org = sources[i];
		links[i].to_org = target;
		links[i].is_main = 1;
	}
	rc = change_end(app, who, rc, &c, target, links, n,
	                rc == 0 ? json_pack("{s:o}", "sources", ids_json(sources, n)) : NULL, e);
	if (rc == 0 && ret_into)
		*ret_into = target;
out:
	buf_release(&c.doc);
	arena_release(&a);
	return rc;
}

int org_split(struct app *app, const struct actor *who, int64_t id, const struct org_new *parts,
              size_t n, size_t main_part, const struct org_assign *assign, size_t nassign,
              int32_t day, const char *document, int64_t *ret_ids, struct err *e)
{
	struct change c = {"split", "split", day, BUF_INIT(4096)};
	struct succession_link *links;
	struct org_list kids;
	struct arena a;
	struct org_row cur;
	int64_t *ids;
	int rc;

	if ((rc = gate_role(who, 1u << ROLE_ADMIN, e)) < 0)
		return rc;
	if (n < 2 || n > 1000)
		return err_set(e, HOSO_E_INVALID, "parts",
		               "Chia tách cần ít nhất hai tổ chức kế thừa",
		               "A split needs at least two successor organisations");
	if (main_part >= n)
		return err_set(e, HOSO_E_INVALID, "main", "Tổ chức kế thừa chính không hợp lệ",
		               "Invalid main successor");
	arena_init(&a, 1 << 22);
	links = arena_calloc(&a, n, sizeof(*links));
	ids = arena_calloc(&a, n, sizeof(*ids));
	if (!links || !ids) {
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		goto out;
	}
	if ((rc = check_doc(document, &c.doc, e)) < 0)
		goto out;
	for (size_t i = 0; i < nassign; i++)
		if (assign[i].part >= n) {
			rc = err_set(e, HOSO_E_INVALID, "assign",
			             "Phân công tổ chức con không hợp lệ",
			             "Invalid assignment of a child organisation");
			goto out;
		}
	if ((rc = gate_begin(app, e)) < 0)
		goto out;
	rc = live_org(app, who, id, day, "id", &a, &cur, e);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct org_new p = parts[i];

		if (!p.parent_id)
			p.parent_id = cur.parent_id;
		if (!p.kind)
			p.kind = cur.kind;
		p.from = day;
		if (p.parent_id == id)
			rc = err_set(e, HOSO_E_CYCLE, "parent",
			             "Tổ chức kế thừa không thể trực thuộc tổ chức bị chia tách",
			             "A successor cannot be placed under the organisation split");
		else
			rc = create_one(app, who, &p, &ids[i], &a, e);
		links[i].from_org = id;
		links[i].to_org = ids[i];
		links[i].is_main = i == main_part;
	}
	if (rc == 0)
		rc = store_org_children_at(app_store(app), id, day, &a, &kids);
	for (size_t k = 0; rc == 0 && k < kids.n; k++) {
		size_t to = main_part;

		for (size_t i = 0; i < nassign; i++)
			if (assign[i].child == kids.v[k].id)
				to = assign[i].part;
		rc = reparent(app, kids.v[k].id, ids[to], day, change_doc(&c), &a, e);
	}
	if (rc == 0) {
		int64_t moved;

		rc = store_membership_move_all(app_store(app), id, ids[main_part], day, &moved);
		if (rc < 0)
			err_set(e, rc, NULL, NULL, NULL);
	}
	if (rc == 0)
		rc = end_org(app, id, day, &a, e);
	rc = change_end(app, who, rc, &c, id, links, n,
	                rc == 0 ? json_pack("{s:o,s:I}", "parts", ids_json(ids, n), "main",
	                                    (json_int_t)ids[main_part])
	                        : NULL,
	                e);
	if (rc == 0 && ret_ids)
		memcpy(ret_ids, ids, n * sizeof(*ids));
out:
	buf_release(&c.doc);
	arena_release(&a);
	return rc;
}

int org_dissolve(struct app *app, const struct actor *who, int64_t id, int64_t receiver,
                 int32_t day, const char *document, struct err *e)
{
	struct change c = {"dissolve", "dissolve", day, BUF_INIT(4096)};
	struct succession_link l = {.from_org = id, .to_org = receiver, .is_main = 1};
	struct org_list kids;
	struct arena a;
	struct org_row cur, r;
	int64_t members = 0;
	int rc;

	arena_init(&a, 1 << 22);
	if ((rc = change_open(app, who, &c, document, id, &a, &cur, e)) < 0)
		goto out;
	if (receiver) {
		rc = live_org(app, who, receiver, day, "receiver", &a, &r, e);
		if (rc == 0 && org_is_under(app, id, receiver, day, ORG_WALK_AT) == 1)
			rc = err_set(e, HOSO_E_CYCLE, "receiver",
			             "Tổ chức tiếp nhận nằm trong cây con của tổ chức bị giải thể",
			             "The receiver lies under the organisation dissolved");
	}
	if (rc == 0 && receiver) {
		rc = hand_over(app, id, receiver, day, change_doc(&c), &a, e);
	} else if (rc == 0) {
		rc = store_org_children_at(app_store(app), id, day, &a, &kids);
		if (rc == 0)
			rc = store_person_count_by_org(app_store(app), id, &members);
		if (rc < 0)
			err_set(e, rc, NULL, NULL, NULL);
		else if (kids.n || members)
			rc =
			    err_set(e, HOSO_E_ORG_STATE, "receiver",
			            "Tổ chức còn %zu tổ chức trực thuộc và %lld đảng viên: hãy chỉ "
			            "định tổ chức tiếp nhận",
			            "The organisation still has %zu child organisations and %lld "
			            "members: name a receiver",
			            kids.n, (long long)members);
	}
	if (rc == 0)
		rc = end_org(app, id, day, &a, e);
	rc = change_end(app, who, rc, &c, id, &l, 1,
	                rc == 0 ? json_pack("{s:I}", "receiver", (json_int_t)receiver) : NULL, e);
out:
	buf_release(&c.doc);
	arena_release(&a);
	return rc;
}

/* ---- queries ---- */

struct id_index {
	int64_t id;
	size_t at;
};

static int cmp_id_index(const void *x, const void *y)
{
	const struct id_index *a = x, *b = y;

	return (a->id > b->id) - (a->id < b->id);
}

static size_t find_index(const struct id_index *ix, size_t n, int64_t id)
{
	struct id_index key = {.id = id};
	const struct id_index *f = bsearch(&key, ix, n, sizeof(*ix), cmp_id_index);

	return f ? f->at : (size_t)-1;
}

/* The organisations of one day, indexed, with their children linked in
 * code order: what org_tree_at walks. */
struct tree_build {
	struct org_list all;
	struct id_index *ix;
	size_t *first, *next; /* first child, next sibling ((size_t)-1: none) */
	int64_t *members;
	int *depth;
};

static int tree_link(struct tree_build *b, struct arena *a)
{
	size_t n = b->all.n;

	b->ix = arena_calloc(a, n + 1, sizeof(*b->ix));
	b->first = arena_calloc(a, n + 1, sizeof(*b->first));
	b->next = arena_calloc(a, n + 1, sizeof(*b->next));
	b->members = arena_calloc(a, n + 1, sizeof(*b->members));
	b->depth = arena_calloc(a, n + 1, sizeof(*b->depth));
	if (!b->ix || !b->first || !b->next || !b->members || !b->depth)
		return HOSO_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		b->ix[i].id = b->all.v[i].id;
		b->ix[i].at = i;
		b->first[i] = b->next[i] = (size_t)-1;
	}
	qsort(b->ix, n, sizeof(*b->ix), cmp_id_index);
	/* Link children in code order: walk backwards, push to the front. */
	for (size_t k = n; k-- > 0;) {
		size_t p = b->all.v[k].parent_id ? find_index(b->ix, n, b->all.v[k].parent_id)
		                                 : (size_t)-1;

		if (p != (size_t)-1) {
			b->next[k] = b->first[p];
			b->first[p] = k;
		}
	}
	return 0;
}

/* Depth-first from the stacked roots, iterative, into ret->nodes. */
static void tree_walk(struct tree_build *b, size_t *stack, size_t sp, struct org_tree *ret)
{
	size_t out = 0;

	while (sp) {
		size_t k = stack[--sp], nkids = 0, tmp_sp = sp;
		struct org_node *node = &ret->nodes[out];
		enum org_kind kind;

		if (out >= b->all.n)
			break; /* a cycle in stored data: never loop */
		node->row = b->all.v[k];
		node->depth = b->depth[k];
		out++;
		node->members = b->members[k];
		if (org_kind_parse(node->row.kind, &kind) == 0)
			ret->counts_by_kind[kind]++;
		ret->members += node->members;
		/* Push children in reverse so the first child pops first. */
		for (size_t c = b->first[k]; c != (size_t)-1; c = b->next[c]) {
			b->depth[c] = b->depth[k] + 1;
			stack[sp++] = c;
			nkids++;
		}
		for (size_t i = 0; i < nkids / 2; i++) {
			size_t t = stack[tmp_sp + i];

			stack[tmp_sp + i] = stack[sp - 1 - i];
			stack[sp - 1 - i] = t;
		}
		node->nchildren = nkids;
	}
	ret->n = out;
}

/* Subtree sizes and member totals, bottom-up over the depth-first order. */
static void tree_totals(struct org_tree *ret)
{
	for (size_t i = ret->n; i-- > 0;) {
		struct org_node *nd = &ret->nodes[i];
		size_t j = i + 1;

		nd->subtree_size = 1;
		nd->members_total = nd->members;
		while (j < ret->n && ret->nodes[j].depth > nd->depth) {
			if (ret->nodes[j].depth == nd->depth + 1) {
				nd->subtree_size += ret->nodes[j].subtree_size;
				nd->members_total += ret->nodes[j].members_total;
				j += ret->nodes[j].subtree_size;
			} else {
				j++;
			}
		}
	}
}

int org_tree_at(struct app *app, const struct actor *who, int32_t day, int64_t root,
                struct arena *a, struct org_tree *ret, struct err *e)
{
	struct tree_build b;
	struct org_count *counts;
	size_t ncounts, *stack, sp = 0;
	int64_t start = root ? root : who->scope_org;
	int rc;

	memset(ret, 0, sizeof(*ret));
	ret->day = day;
	rc = store_org_all_at(app_store(app), day, a, &b.all);
	if (rc == 0)
		rc = store_member_counts(app_store(app), day, (int)who->clearance, a, &counts,
		                         &ncounts);
	if (rc < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (start && scope_contains(app, who, start) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	stack = arena_calloc(a, b.all.n + 1, sizeof(*stack));
	ret->nodes = arena_calloc(a, b.all.n + 1, sizeof(*ret->nodes));
	if (!stack || !ret->nodes || tree_link(&b, a) < 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < ncounts; i++) {
		size_t k = find_index(b.ix, b.all.n, counts[i].org_id);

		if (k != (size_t)-1)
			b.members[k] = counts[i].n;
	}
	/* Roots: the start organisation, or every node without a live parent. */
	for (size_t k = b.all.n; k-- > 0;)
		if (start ? b.all.v[k].id == start
		          : !b.all.v[k].parent_id ||
		                find_index(b.ix, b.all.n, b.all.v[k].parent_id) == (size_t)-1)
			stack[sp++] = k;
	tree_walk(&b, stack, sp, ret);
	tree_totals(ret);
	return 0;
}

struct chain {
	struct org_row v[ORG_MAP_MAX_STEPS];
	size_t n;
	int64_t stop; /* the actor's scope root: above it is not theirs */
};

static int chain_add(const struct org_row *o, void *arg)
{
	struct chain *c = arg;

	c->v[c->n++] = *o;
	return o->id == c->stop || c->n == ORG_MAP_MAX_STEPS;
}

int org_ancestors(struct app *app, const struct actor *who, int64_t id, int32_t day,
                  struct arena *a, struct org_list *ret, struct err *e)
{
	struct chain *c;
	int rc = scope_contains(app, who, id);

	if (rc != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	if (!(c = arena_alloc(a, sizeof(*c))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	c->n = 0;
	c->stop = who->scope_org;
	rc = org_walk_up(app, id, day, ORG_WALK_AT, a, chain_add, c);
	if (rc == HOSO_E_NOT_FOUND)
		return err_set(e, HOSO_E_ORG_STATE, "org", "Tổ chức không tồn tại vào ngày này",
		               "The organisation does not exist on that date");
	if (rc < 0)
		return err_set(e, rc, "org", NULL, NULL);
	ret->v = arena_calloc(a, c->n ? c->n : 1, sizeof(*ret->v));
	if (!ret->v)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < c->n; i++)
		ret->v[i] = c->v[c->n - 1 - i];
	ret->n = c->n;
	return 0;
}

int org_subtree(struct app *app, const struct actor *who, int64_t id, int32_t day, struct arena *a,
                int64_t **ret, size_t *ret_n, struct err *e)
{
	struct org_tree t;
	int rc = org_tree_at(app, who, day, id, a, &t, e);

	if (rc < 0)
		return rc;
	if (t.n == 0)
		return err_set(e, HOSO_E_ORG_STATE, "org", "Tổ chức không tồn tại vào ngày này",
		               "The organisation does not exist on that date");
	*ret = arena_calloc(a, t.n, sizeof(**ret));
	if (!*ret)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < t.n; i++)
		(*ret)[i] = t.nodes[i].row.id;
	*ret_n = t.n;
	return 0;
}

int org_history(struct app *app, const struct actor *who, int64_t id, struct arena *a,
                struct org_history *ret, struct err *e)
{
	int rc = scope_contains(app, who, id);

	if (rc != 1)
		return err_set(e, HOSO_E_NOT_FOUND, "org", NULL, NULL);
	rc = store_org_versions(app_store(app), id, a, &ret->versions);
	if (rc == 0 && ret->versions.n == 0)
		rc = HOSO_E_NOT_FOUND;
	if (rc == 0)
		rc = store_succession_of(app_store(app), id, a, &ret->successions);
	return rc < 0 ? err_set(e, rc, "org", NULL, NULL) : 0;
}

int org_map(struct app *app, const struct actor *who, int64_t id, int32_t day, int64_t *ret_id,
            struct err *e)
{
	if (scope_contains(app, who, id) != 1)
		return err_set(e, HOSO_E_NOT_FOUND, "org", NULL, NULL);
	return org_map_any(app, id, day, ret_id, e);
}

int org_map_any(struct app *app, int64_t id, int32_t day, int64_t *ret_id, struct err *e)
{
	struct arena a;
	int64_t cur = id;
	int rc = 0;

	arena_init(&a, 1 << 20);
	for (int step = 0; step < ORG_MAP_MAX_STEPS; step++) {
		struct org_row r;
		struct succession_row s;
		int64_t next = 0;

		arena_reset(&a);
		rc = store_org_latest(app_store(app), cur, &a, &r);
		if (rc < 0)
			break;
		if (day < r.valid_from) {
			rc = err_set(e, HOSO_E_NOT_FOUND, "org",
			             "Tổ chức chưa được thành lập vào ngày này",
			             "The organisation did not exist yet on that date");
			goto out;
		}
		if (day < r.valid_to) {
			*ret_id = cur;
			rc = 0;
			goto out;
		}
		rc = store_succession_ending(app_store(app), cur, &a, &s);
		if (rc == 0) {
			for (size_t i = 0; i < s.nlinks; i++)
				if (s.links[i].from_org == cur && s.links[i].to_org &&
				    (s.links[i].is_main || !next))
					next = s.links[i].to_org;
		} else if (rc != HOSO_E_NOT_FOUND) {
			break;
		}
		if (!next) {
			/* Ended without a named successor: its records go to the
			 * parent it had on its last day. */
			struct org_row last;

			rc = store_org_at(app_store(app), cur, r.valid_to - 1, &a, &last);
			if (rc < 0)
				break;
			next = last.parent_id;
		}
		if (!next) {
			rc = HOSO_E_NOT_FOUND;
			break;
		}
		cur = next;
	}
	if (rc == 0)
		rc = HOSO_E_CYCLE;
	err_set(e, rc, "org", NULL, NULL);
out:
	arena_release(&a);
	return rc;
}
