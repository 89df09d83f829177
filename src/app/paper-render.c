/*
 * paper-render.c - a paper filled from a case (paper.h): the template in
 * force (the default, or the one an administrator saved), rendered with
 * the case's fields into the paper's text; that text as JSON (the preview,
 * and what a generated paper keeps), and as the document model of
 * export/doc.h that the DOCX and PDF writers lay out.  And the use cases:
 * the catalogue, a template saved, a preview, a paper generated, a paper
 * downloaded - each checking role, scope and clearance, each audited.
 */
#include "app/paper.h"

#include <stdlib.h>
#include <string.h>

#include "app/admin.h"
#include "app/admission.h"
#include "app/audit.h"
#include "app/gate.h"
#include "app/paperInt.h"
#include "core/date.h"
#include "export/doc.h"
#include "export/docx.h"
#include "export/pdf.h"
#include "export/tpl.h"
#include "vi/vi.h"

#include "core/banned.h"

#define WRITE_ROLES (1u << ROLE_OFFICER | 1u << ROLE_LEADER)
#define READ_ROLES  (WRITE_ROLES | 1u << ROLE_VIEWER | 1u << ROLE_ADMIN)
#define TITLE_MAX   500

/* The kinds of a body line. */
enum line_kind { LINE_PARA, LINE_HEADING, LINE_SUBHEADING, LINE_HINT, LINE__MAX };
static const char *const line_kinds[LINE__MAX] = {"para", "heading", "subheading", "hint"};

/* ---- the template in force ---- */

static int refuse_paper(struct err *e, const char *field, const char *code)
{
	return err_set(e, HOSO_E_BAD_ENUM, field, "Không có loại giấy tờ \"%s\"",
	               "There is no paper \"%s\"", code ? code : "");
}

/* paper_template_parse, the fields checked only when check is set. */
static int parse_parts(const struct paper *p, json_t *o, int check, struct arena *a,
                       struct paper_template *ret, struct err *e)
{
	size_t nf;
	const struct paper_field *fv = paper_fields(&nf);
	const char *key;
	json_t *v;

	memset(ret, 0, sizeof(*ret));
	if (!json_is_object(o))
		return err_set(e, HOSO_E_INVALID, "template", "Mẫu là một đối tượng JSON các phần",
		               "The template is a JSON object of its parts");
	json_object_foreach(o, key, v)
	{
		int part = -1, rc;
		struct buf b = BUF_INIT(PAPER_PART_MAX);

		for (int i = 0; i < PAPER_PART__MAX; i++)
			if (strcmp(key, paper_part_code((enum paper_part)i)) == 0)
				part = i;
		if (part < 0)
			return err_set(e, HOSO_E_INVALID, key, "Mẫu không có phần \"%s\"",
			               "A template has no part \"%s\"", key);
		if (json_is_null(v))
			continue;
		if (!json_is_string(v))
			return err_set(e, HOSO_E_INVALID, key, "Phần \"%s\" của mẫu là văn bản",
			               "Part \"%s\" of the template is text", key);
		if (json_string_length(v) > PAPER_PART_MAX)
			return err_set(e, HOSO_E_TOO_BIG, key, "Phần \"%s\" dài quá %d byte",
			               "Part \"%s\" is longer than %d bytes", key, PAPER_PART_MAX);
		if ((rc = doc_text_check(json_string_value(v))) < 0 ||
		    (rc = vi_nfc(json_string_value(v), json_string_length(v), &b)) < 0) {
			buf_release(&b);
			return err_set(e, rc == HOSO_E_NOMEM ? rc : HOSO_E_INVALID, key,
			               "Phần \"%s\" có ký tự không hợp lệ",
			               "Part \"%s\" holds characters that are not allowed", key);
		}
		ret->part[part] = arena_strdup(a, b.buf);
		buf_release(&b);
		if (!ret->part[part])
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		if (check && (rc = paper_check_text(p, fv, nf, (enum paper_part)part,
		                                    ret->part[part], e)) < 0)
			return rc;
	}
	return 0;
}

int paper_template_parse(const struct paper *p, json_t *o, struct arena *a,
                         struct paper_template *ret, struct err *e)
{
	return parse_parts(p, o, 1, a, ret, e);
}

/* Paper p's template in force: the one stored (and its version), else the
 * default (version 0); its fields checked when check is set (a template
 * saved before a field was renamed is refused when rendered, but shown
 * to the administrator who mends it). */
static int template_of(struct app *app, const struct paper *p, int check, struct arena *a,
                       struct paper_template *ret, int64_t *ret_version, struct err *e)
{
	struct paper_template_list l;
	json_t *o;
	int rc;

	*ret = p->defaults;
	*ret_version = 0;
	if ((rc = store_paper_templates(app_store(app), a, &l)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	for (size_t i = 0; i < l.n; i++) {
		if (strcmp(l.v[i].code, p->code) != 0)
			continue;
		if (!(o = json_loads(l.v[i].body, 0, NULL)))
			return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
		rc = parse_parts(p, o, check, a, ret, e);
		json_decref(o);
		*ret_version = l.v[i].version;
		return rc;
	}
	return 0;
}

/* ---- rendering ---- */

static int values_of(struct paper_ctx *c, const struct paper_field *f, struct paper_values **ret)
{
	size_t nf, i;
	const struct paper_field *fv = paper_fields(&nf);
	int rc;

	i = (size_t)(f - fv);
	if (!c->have[i]) {
		if ((rc = f->get(c, &c->vals[i])) < 0)
			return rc;
		c->have[i] = 1;
	}
	*ret = &c->vals[i];
	return 0;
}

struct render {
	struct paper_ctx *c;
	const char *part;
	struct buf *out; /* NULL: only count the lists' values */
	int by_index;    /* list fields give their value at index */
	size_t index;
	int has_list;
	size_t most; /* the most values of a list field named */
};

static int render_text(void *arg, const char *s, size_t len)
{
	struct render *r = arg;

	return buf_add(r->out, s, len);
}

static int render_field(void *arg, const char *name, struct err *e)
{
	struct render *r = arg;
	size_t nf;
	const struct paper_field *fv = paper_fields(&nf), *f;
	struct paper_values *v;
	int rc;

	if ((rc = paper_field_allowed(r->c->p, fv, nf, name, r->part, &f, e)) < 0)
		return rc;
	if ((rc = values_of(r->c, f, &v)) < 0)
		return err_set(e, rc, NULL, NULL, NULL);
	if (!r->out) {
		if (f->flags & PAPER_FIELD_LIST) {
			r->has_list = 1;
			r->most = v->n > r->most ? v->n : r->most;
		}
		return 0;
	}
	if ((f->flags & PAPER_FIELD_LIST) && r->by_index)
		rc = r->index < v->n ? buf_adds(r->out, v->v[r->index]) : 0;
	for (size_t i = 0; rc == 0 && !((f->flags & PAPER_FIELD_LIST) && r->by_index) && i < v->n;
	     i++)
		rc = buf_adds(r->out, v->v[i]) < 0 || (i + 1 < v->n && buf_adds(r->out, ", ") < 0)
		         ? HOSO_E_NOMEM
		         : 0;
	return rc < 0 ? err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL) : 0;
}

/* s[0..len) trimmed of white space, copied into a ("" when blank). */
static const char *trimmed(struct arena *a, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	return arena_strndup(a, s, len);
}

/* One line (or a whole one-line part) rendered: joined lists, or, when
 * it names a list field, once for each value; the results appended to
 * out[*n] (room for the caller), blank ones left out. */
static int render_line(struct paper_ctx *c, const char *part, const char *s, size_t len, int repeat,
                       const char ***out, size_t *n, size_t *cap, struct err *e)
{
	struct buf b = BUF_INIT(4 * PAPER_PART_MAX);
	struct render r = {c, part, NULL, 0, 0, 0, 0};
	struct tpl_walker w = {NULL, render_field, &r};
	size_t times;
	int rc;

	if ((rc = tpl_walk(s, len, part, &w, e)) < 0)
		return rc;
	times = repeat && r.has_list ? r.most : 1;
	r.out = &b;
	r.by_index = repeat;
	w.text = render_text;
	for (size_t i = 0; rc == 0 && i < times; i++) {
		const char *t;

		buf_setlen(&b, 0);
		r.index = i;
		if ((rc = tpl_walk(s, len, part, &w, e)) < 0)
			break;
		if (!(t = trimmed(c->a, b.buf, b.len))) {
			rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
		} else if (*t) {
			if (*n == *cap) {
				const char **v = arena_alloc(c->a, 2 * (*cap + 8) * sizeof(*v));

				if (!v) {
					rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
					break;
				}
				if (*n)
					memcpy(v, *out, *n * sizeof(*v));
				*out = v;
				*cap = 2 * (*cap + 8);
			}
			(*out)[(*n)++] = t;
		}
	}
	buf_release(&b);
	return rc;
}

/* The text of a paper: one-line parts, body lines with their kinds, the
 * recipients. */
struct paper_text {
	const char *part[PAPER_PART__MAX];
	const char **body;
	enum line_kind *kinds;
	size_t nbody;
	const char **recipients;
	size_t nrecipients;
};

/* The body or the recipients, line by line. */
static int render_lines(struct paper_ctx *c, enum paper_part part, const char *text,
                        struct paper_text *t, struct err *e)
{
	static const char *const prefixes[LINE__MAX] = {"", "# ", "## ", "> "};
	const char ***out = part == PAPER_BODY ? &t->body : &t->recipients;
	size_t *n = part == PAPER_BODY ? &t->nbody : &t->nrecipients, cap = 0, kcap = 0;
	int rc = 0;

	for (const char *s = text; rc == 0 && s && *s;) {
		const char *end = strchr(s, '\n');
		size_t len = end ? (size_t)(end - s) : strlen(s), before = *n;
		enum line_kind k = LINE_PARA;

		for (int i = LINE__MAX - 1; part == PAPER_BODY && i > 0 && k == LINE_PARA; i--)
			if (strncmp(s, prefixes[i], strlen(prefixes[i])) == 0)
				k = (enum line_kind)i;
		rc = render_line(c, paper_part_code(part), s + strlen(prefixes[k]),
		                 len - strlen(prefixes[k]), 1, out, n, &cap, e);
		if (rc == 0 && part == PAPER_BODY && *n > kcap) {
			enum line_kind *kv = arena_alloc(c->a, (cap + 1) * sizeof(*kv));

			if (!kv)
				return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
			if (before)
				memcpy(kv, t->kinds, before * sizeof(*kv));
			t->kinds = kv;
			kcap = cap + 1;
		}
		for (size_t i = before; rc == 0 && part == PAPER_BODY && i < *n; i++)
			t->kinds[i] = k;
		s = end ? end + 1 : NULL;
	}
	return rc;
}

static int render(struct paper_ctx *c, const struct paper_template *tpl, struct paper_text *ret,
                  struct err *e)
{
	int rc = 0;

	memset(ret, 0, sizeof(*ret));
	for (int i = 0; rc == 0 && i < PAPER_PART__MAX; i++) {
		const char *s = tpl->part[i], **one = NULL;
		size_t n = 0, cap = 0;

		if (i == PAPER_BODY || i == PAPER_RECIPIENTS)
			rc = render_lines(c, (enum paper_part)i, s, ret, e);
		else if (s)
			rc = render_line(c, paper_part_code((enum paper_part)i), s, strlen(s), 0,
			                 &one, &n, &cap, e);
		if (rc == 0 && n)
			ret->part[i] = one[0];
	}
	return rc;
}

/* ---- the paper's text as JSON, and back as a document ---- */

static const char *mark_of(int conf)
{
	return conf >= CLEARANCE_TOP_SECRET ? "TỐI MẬT" : conf >= CLEARANCE_SECRET ? "MẬT" : NULL;
}

static const char *title_of(struct paper_ctx *c)
{
	const char *t = c->letter ? arena_printf(c->a, "%s - %s - %s", c->p->vi, c->v.c.number,
	                                         c->letter->l.recipient)
	                          : arena_printf(c->a, "%s - %s", c->p->vi, c->v.c.number);

	if (t && app_text_chars(t, strlen(t)) > TITLE_MAX)
		t = arena_printf(c->a, "%s - %s", c->p->vi, c->v.c.number);
	return t;
}

/* Builds JSON without losing a value for want of memory: each put that
 * fails marks the whole as failed. */
struct jb {
	int failed;
};

/* jansson's _new functions take v even when they fail. */
static void jb_set(struct jb *b, json_t *o, const char *key, json_t *v)
{
	if (!o)
		json_decref(v);
	if (!o || !v || json_object_set_new(o, key, v) < 0)
		b->failed = 1;
}

static void jb_push(struct jb *b, json_t *arr, json_t *v)
{
	if (!arr)
		json_decref(v);
	if (!arr || !v || json_array_append_new(arr, v) < 0)
		b->failed = 1;
}

/* NULL when anything failed (o freed). */
static json_t *jb_end(struct jb *b, json_t *o)
{
	if (b->failed || !o) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *text_json(struct paper_ctx *c, const struct paper_text *t)
{
	struct jb b = {0};
	json_t *o = json_object(), *body = json_array(), *rec = json_array();
	const char *mark = mark_of(c->v.c.confidentiality), *title = title_of(c);

	for (int i = 0; i < PAPER_PART__MAX; i++)
		if (i != PAPER_BODY && i != PAPER_RECIPIENTS)
			jb_set(&b, o, paper_part_code((enum paper_part)i),
			       text_or_null(t->part[i]));
	for (size_t i = 0; i < t->nbody; i++)
		jb_push(
		    &b, body,
		    json_pack("{s:s,s:s}", "kind", line_kinds[t->kinds[i]], "text", t->body[i]));
	for (size_t i = 0; i < t->nrecipients; i++)
		jb_push(&b, rec, json_string(t->recipients[i]));
	jb_set(&b, o, "body", body);
	jb_set(&b, o, "recipients", rec);
	jb_set(&b, o, "paper", json_string(c->p->code));
	jb_set(&b, o, "name", json_string(c->p->vi));
	jb_set(&b, o, "name_en", json_string(c->p->en));
	jb_set(&b, o, "place", json_string(c->w.place));
	jb_set(&b, o, "mark", text_or_null(mark));
	jb_set(&b, o, "title", title ? json_string(title) : NULL);
	jb_set(&b, o, "letter", c->letter ? json_integer(c->letter->l.id) : json_null());
	return jb_end(&b, o);
}

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s && *s ? s : NULL;
}

/* "Số 12-QĐ/UBKT" when issued (number_symbol), else the gap to fill. */
static const char *number_line(struct arena *a, const char *number, const char *symbol)
{
	if (number)
		return strncmp(number, "Số", strlen("Số")) == 0 ? number
		                                                : arena_printf(a, "Số %s", number);
	return arena_printf(a, "Số        -%s", symbol ? symbol : "");
}

static const char *date_line(struct arena *a, const char *place, int32_t day, int issued)
{
	char s[DOC_DATE_MAX];
	int y, m, d;

	date_civil(day, &y, &m, &d);
	if (!issued)
		return arena_printf(a, "%s, ngày      tháng      năm %d", place ? place : "", y);
	return arena_printf(a, "%s, %s", place ? place : "", doc_date(y, m, d, s));
}

/* The document of a paper's text o (alive while d is used), numbered and
 * dated as document r says. */
static int doc_of(json_t *o, const struct case_document_row *r, struct arena *a, struct doc *d,
                  struct err *e)
{
	json_t *body = json_object_get(o, "body"), *rec = json_object_get(o, "recipients");
	size_t nb = json_array_size(body), nr = json_array_size(rec);
	struct doc_block *b = arena_calloc(a, nb + 1, sizeof(*b));
	const char **rv = arena_calloc(a, nr + 1, sizeof(*rv));

	if (!b || !rv)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	for (size_t i = 0; i < nb; i++) {
		json_t *l = json_array_get(body, i);
		const char *k = str(l, "kind");

		b[i] = (struct doc_block){.kind = DOC_PARA, .text = str(l, "text")};
		if (k && strcmp(k, "heading") == 0)
			b[i] =
			    (struct doc_block){.kind = DOC_HEADING, .level = 1, .text = b[i].text};
		else if (k && strcmp(k, "subheading") == 0)
			b[i] =
			    (struct doc_block){.kind = DOC_HEADING, .level = 2, .text = b[i].text};
		else if (k && strcmp(k, "hint") == 0)
			b[i].kind = DOC_PLACEHOLDER;
		if (!b[i].text)
			b[i].text = " ";
	}
	for (size_t i = 0; i < nr; i++)
		rv[i] = json_string_value(json_array_get(rec, i));
	*d = (struct doc){
	    .mark = str(o, "mark"),
	    .superior = str(o, "superior"),
	    .issuer = str(o, "issuer"),
	    .number = number_line(a, r->number_symbol, str(o, "symbol")),
	    .place_date = date_line(a, str(o, "place"), r->doc_date, r->number_symbol != NULL),
	    .type = str(o, "type"),
	    .summary = str(o, "summary"),
	    .blocks = b,
	    .nblocks = nb,
	    .sign_for = str(o, "sign_for"),
	    .sign_title = str(o, "sign_title"),
	    .signer = str(o, "signer"),
	    .recipients = rv,
	    .nrecipients = nr,
	    .footer = r->number_symbol ? NULL : "Dự thảo",
	    .title = str(o, "title"),
	    .author = str(o, "issuer"),
	    .created = (int64_t)r->doc_date * 86400,
	};
	if (!d->number || !d->place_date)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return 0;
}

/* ---- the use cases ---- */

/* The letter rq names among case c's (not withdrawn). */
static int letter_of(struct paper_ctx *c, int64_t id, struct err *e)
{
	const struct admission_part *ap = case_is(&c->v.c, KIND_ADMISSION) ? c->v.part : NULL;

	if (!id)
		return err_set(e, HOSO_E_MISSING, "letter",
		               "Giấy tờ này lập cho một văn bản xác minh: chọn văn bản",
		               "This paper is made for one verification letter: choose it");
	for (size_t i = 0; ap && i < ap->nletters; i++)
		if (ap->letters[i].l.id == id && !ap->letters[i].l.withdrawn.at) {
			c->letter = &ap->letters[i];
			return 0;
		}
	return gate_not_found(e, "letter", NOUN_LETTER);
}

/* Everything a paper of case case_id is filled from, after the actor's
 * role (one of roles) and sight of the case are checked; the read of the
 * case recorded when `read` (a preview), else left to the caller, who
 * records what it does with it. */
static int ctx_load(struct app *app, const struct actor *who, int64_t case_id,
                    const struct paper_request *rq, unsigned roles, int read, struct arena *a,
                    struct paper_ctx *ret, struct err *e)
{
	size_t nf;
	int rc;

	memset(ret, 0, sizeof(*ret));
	paper_fields(&nf);
	*ret = (struct paper_ctx){.app = app, .who = who, .a = a};
	if ((rc = gate_role(who, roles, e)) < 0)
		return rc;
	if (!(ret->p = paper_find(rq->paper)))
		return refuse_paper(e, "paper", rq->paper);
	if ((rc = read ? case_get(app, who, case_id, a, &ret->v, e)
	               : case_view_load(app, who, case_id, a, &ret->v, e)) < 0)
		return rc;
	if (!case_is(&ret->v.c, ret->p->kind))
		return err_set(e, HOSO_E_CONFLICT, "paper",
		               "Giấy tờ \"%s\" không dùng cho loại hồ sơ này",
		               "Paper \"%s\" is not for this kind of case", ret->p->vi);
	if ((rc = report_issuing(app, ret->v.c.handling_org, a, &ret->w)) < 0)
		return rc == HOSO_E_NOT_FOUND ? gate_not_found(e, "org", NOUN_ORG)
		                              : err_set(e, rc, NULL, NULL, NULL);
	if ((ret->p->flags & PAPER_PER_LETTER) && (rc = letter_of(ret, rq->letter, e)) < 0)
		return rc;
	ret->vals = arena_calloc(a, nf, sizeof(*ret->vals));
	ret->have = arena_calloc(a, nf, 1);
	return ret->vals && ret->have ? 0 : err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
}

/* The paper's text as JSON, from rq's template or the one in force. */
static int fill(struct paper_ctx *c, const struct paper_request *rq, json_t **ret, struct err *e)
{
	struct paper_template tpl;
	struct paper_text t;
	int64_t version;
	int rc = rq->tpl ? paper_template_parse(c->p, rq->tpl, c->a, &tpl, e)
	                 : template_of(c->app, c->p, 1, c->a, &tpl, &version, e);

	if (rc == 0)
		rc = render(c, &tpl, &t, e);
	if (rc == 0 && !(*ret = text_json(c, &t)))
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	return rc;
}

int paper_preview(struct app *app, const struct actor *who, int64_t case_id,
                  const struct paper_request *rq, struct arena *a, json_t **ret, struct err *e)
{
	struct paper_ctx c;
	struct case_document_row draft = {.doc_date = date_today()};
	int rc;

	*ret = NULL;
	if ((rc = ctx_load(app, who, case_id, rq, WRITE_ROLES | 1u << ROLE_ADMIN, 1, a, &c, e)) <
	        0 ||
	    (rc = fill(&c, rq, ret, e)) < 0)
		return rc;
	/* the number and date lines as a draft shows them */
	{
		struct jb b = {0};
		const char *number = number_line(a, NULL, str(*ret, "symbol"));
		const char *date = date_line(a, c.w.place, draft.doc_date, 0);

		jb_set(&b, *ret, "number", number ? json_string(number) : NULL);
		jb_set(&b, *ret, "place_date", date ? json_string(date) : NULL);
		if (!(*ret = jb_end(&b, *ret)))
			return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	return 0;
}

struct paper_insert {
	struct case_document_row r;
	const char *body;
};

static int insert_paper(struct store *s, const void *row, int64_t *ret_id)
{
	const struct paper_insert *p = row;

	return store_case_paper_insert(s, &p->r, p->body, ret_id);
}

int paper_generate(struct app *app, const struct actor *who, int64_t case_id,
                   const struct paper_request *rq, int64_t *ret_doc, struct err *e)
{
	struct paper_request in = {rq->paper, rq->letter, NULL}; /* never an unsaved template */
	struct paper_insert p = {{.case_id = case_id, .doc_date = date_today()}, NULL};
	struct case_insert x = {insert_paper, &p, ret_doc, "document"};
	struct gate_write w = {"paper", "case", case_id, NULL, NOUN_CASE};
	struct paper_ctx c;
	struct arena a;
	json_t *o = NULL;
	char *body = NULL;
	int rc;

	arena_init(&a, 1 << 20);
	if ((rc = ctx_load(app, who, case_id, &in, WRITE_ROLES, 0, &a, &c, e)) < 0 ||
	    (rc = case_still_open(&c.v.c, e)) < 0 || (rc = fill(&c, &in, &o, e)) < 0)
		goto out;
	p.r = (struct case_document_row){.case_id = case_id,
	                                 .doc_date = date_today(),
	                                 .issuer = str(o, "issuer"),
	                                 .title = str(o, "title"),
	                                 .user_id = who->user_id,
	                                 .paper = c.p->code};
	p.body = body = app_json_dumps(o, JSON_COMPACT);
	w.detail = json_pack("{s:s,s:o}", "paper", c.p->code, "letter",
	                     c.letter ? json_integer(c.letter->l.id) : json_null());
	if (!body || !p.r.title || !w.detail)
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	else
		rc = gate_write(app, who, &w, case_insert_write, &x, e);
out:
	json_decref(w.detail);
	json_decref(o);
	free(body);
	arena_release(&a);
	return rc;
}

static const struct {
	const char *name, *type;
	int (*write)(const struct doc *d, struct buf *out, struct err *e);
} formats[] = {
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx_write},
    {"pdf", "application/pdf", pdf_write},
};

int paper_download(struct app *app, const struct actor *who, int64_t doc_id, const char *format,
                   struct arena *a, struct buf *out, const char **ret_name, const char **ret_type,
                   struct err *e)
{
	struct case_document_row r;
	struct case_row c;
	const char *code, *body;
	size_t f = 0, start = out->len;
	json_t *o;
	struct doc d;
	int rc;

	if (!format)
		format = "docx";
	while (f < CASE_N(formats) && strcmp(format, formats[f].name) != 0)
		f++;
	if (f == CASE_N(formats))
		return err_set(e, HOSO_E_BAD_ENUM, "format", "Định dạng là docx hoặc pdf",
		               "The format is docx or pdf");
	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (store_document_get(app_store(app), doc_id, a, &r) < 0 ||
	    case_fetch(app, who, r.case_id, a, &c, e) < 0)
		return gate_not_found(e, "id", NOUN_DOCUMENT);
	if ((rc = store_case_paper_get(app_store(app), doc_id, a, &code, &body)) < 0)
		return rc == HOSO_E_NOT_FOUND
		           ? err_set(e, rc, "id", "Văn bản này không được lập từ mẫu giấy tờ",
		                     "This document was not made from a paper's template")
		           : err_set(e, rc, NULL, NULL, NULL);
	if (!(o = json_loads(body, 0, NULL)))
		return err_set(e, HOSO_E_DB, NULL, NULL, NULL);
	if ((rc = doc_of(o, &r, a, &d, e)) == 0 && (rc = formats[f].write(&d, out, e)) == 0)
		rc = audit_record_json(app, who, (struct audit_entry){"export", "document", doc_id},
		                       json_pack("{s:s,s:s,s:I}", "format", formats[f].name,
		                                 "paper", code, "case", (json_int_t)r.case_id),
		                       e);
	json_decref(o);
	*ret_name = arena_printf(a, "%s-%s.%s", code, c.number, formats[f].name);
	*ret_type = formats[f].type;
	if (rc == 0 && !*ret_name)
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if (rc < 0)
		buf_setlen(out, start);
	return rc;
}

/* ---- the catalogue and the templates ---- */

/* NULL when out of memory. */
static json_t *template_json(const struct paper_template *t)
{
	struct jb b = {0};
	json_t *o = json_object();

	for (int i = 0; i < PAPER_PART__MAX; i++)
		jb_set(&b, o, paper_part_code((enum paper_part)i),
		       json_string(t->part[i] ? t->part[i] : ""));
	return jb_end(&b, o);
}

static json_t *fields_json(void)
{
	size_t n;
	const struct paper_field *fv = paper_fields(&n);
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *kinds = json_array();

		for (int k = 0; k < KIND__MAX; k++)
			if (fv[i].kinds & (1u << k))
				json_array_append_new(kinds, json_string(case_kind_code(k)));
		json_array_append_new(
		    arr, json_pack("{s:s,s:s,s:s,s:o,s:b,s:b,s:b}", "name", fv[i].name, "vi",
		                   fv[i].vi, "en", fv[i].en, "kinds", kinds, "list",
		                   (fv[i].flags & PAPER_FIELD_LIST) != 0, "protected",
		                   (fv[i].flags & PAPER_FIELD_PROTECTED) != 0, "letter",
		                   (fv[i].flags & PAPER_FIELD_LETTER) != 0));
	}
	return arr;
}

int paper_catalogue(struct app *app, const struct actor *who, struct arena *a, json_t **ret,
                    struct err *e)
{
	json_t *arr = json_array(), *parts = json_array();
	int rc = 0;

	*ret = NULL;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0) {
		json_decref(arr);
		json_decref(parts);
		return rc;
	}
	for (int i = 0; rc == 0 && i < PAPER__MAX; i++) {
		const struct paper *p = paper_get((enum paper_id)i);
		struct paper_template t;
		int64_t version;
		struct err bad;

		err_init(&bad);
		if ((rc = template_of(app, p, 0, a, &t, &version, e)) == 0)
			json_array_append_new(
			    arr,
			    json_pack("{s:s,s:s,s:s,s:s,s:b,s:b,s:o,s:o,s:I,s:s?}", "code", p->code,
			              "name", p->vi, "name_en", p->en, "kind",
			              case_kind_code(p->kind), "to_subject",
			              (p->flags & PAPER_TO_SUBJECT) != 0, "per_letter",
			              (p->flags & PAPER_PER_LETTER) != 0, "template",
			              template_json(&t), "default", template_json(&p->defaults),
			              "version", (json_int_t)version, "problem",
			              template_of(app, p, 1, a, &t, &version, &bad) < 0
			                  ? arena_strdup(a, err_text_vi(&bad))
			                  : NULL));
		err_release(&bad);
	}
	for (int i = 0; i < PAPER_PART__MAX; i++)
		json_array_append_new(parts, json_string(paper_part_code((enum paper_part)i)));
	if (rc == 0)
		*ret = json_pack("{s:o,s:o,s:o}", "papers", arr, "parts", parts, "fields",
		                 fields_json());
	else {
		json_decref(arr);
		json_decref(parts);
	}
	return rc;
}

struct template_put {
	const char *code, *body;
	int64_t version, user_id;
};

static int put_template(struct app *app, void *arg, struct gate_write *w, struct err *e)
{
	const struct template_put *t = arg;

	(void)w;
	(void)e;
	return store_paper_template_put(app_store(app), t->code, t->body, t->version, t->user_id);
}

/* {part: {before, after}} for each part of y that differs from x; NULL
 * when out of memory. */
static json_t *changes(const struct paper_template *x, const struct paper_template *y)
{
	struct jb b = {0};
	json_t *o = json_object();

	for (int i = 0; i < PAPER_PART__MAX; i++) {
		const char *p = x->part[i] ? x->part[i] : "", *q = y->part[i] ? y->part[i] : "";

		if (strcmp(p, q) != 0)
			jb_set(&b, o, paper_part_code((enum paper_part)i),
			       json_pack("{s:s,s:s}", "before", p, "after", q));
	}
	return jb_end(&b, o);
}

int paper_template_set(struct app *app, const struct actor *who, const char *code, json_t *tpl,
                       int64_t version, struct err *e)
{
	const struct paper *p = paper_find(code);
	struct paper_template now, next;
	struct template_put put = {code, NULL, version, who->user_id};
	struct gate_write w = {"update", "paper_template", 0, NULL, NOUN_RECORD};
	int64_t stored;
	json_t *body = NULL;
	char *text = NULL;
	struct arena a;
	int rc;

	if ((rc = admin_whole_tree(app, who, e)) < 0)
		return rc;
	if (!p)
		return err_set(e, HOSO_E_NOT_FOUND, "code", "Không có loại giấy tờ \"%s\"",
		               "There is no paper \"%s\"", code ? code : "");
	arena_init(&a, 1 << 20);
	if ((rc = paper_template_parse(p, tpl, &a, &next, e)) < 0 ||
	    (rc = template_of(app, p, 0, &a, &now, &stored, e)) < 0)
		goto out;
	if (version != stored) {
		rc = err_set(e, HOSO_E_CONFLICT, "version",
		             "Mẫu đã được người khác sửa; hãy tải lại rồi sửa tiếp",
		             "The template was changed by someone else; reload it and edit again");
		goto out;
	}
	body = template_json(&next);
	put.body = text = body ? app_json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	w.detail = json_pack("{s:s,s:I,s:o}", "code", code, "version", (json_int_t)stored,
	                     "changed", changes(&now, &next));
	if (!text || !w.detail)
		rc = err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	else
		rc = gate_write(app, who, &w, put_template, &put, e);
out:
	json_decref(w.detail);
	json_decref(body);
	free(text);
	arena_release(&a);
	return rc;
}
