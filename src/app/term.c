/*
 * term.c - party terms (nhiệm kỳ) of organisations and the days of a term
 * (term.h).
 */
#include "app/term.h"

#include <string.h>

#include "app/audit.h"
#include "app/gate.h"
#include "app/org.h"
#include "app/scope.h"
#include "core/date.h"
#include "core/period.h"
#include "store/store.h"

#include "core/banned.h"

#define READ_ROLES (1u << ROLE_ADMIN | 1u << ROLE_OFFICER | 1u << ROLE_LEADER | 1u << ROLE_VIEWER)
#define YEAR_MIN   1930
#define YEAR_MAX   2100
/* How far up the tree a term is looked for (deeper trees do not exist). */

/* Years that do not make a term: the one refusal, named "term". */
static int bad_term(struct err *e)
{
	return err_set(e, HOSO_E_INVALID, "term",
	               "Nhiệm kỳ là hai năm cách nhau 2 đến 5 năm, như 2020-2025",
	               "A term is two years 2 to 5 years apart, such as 2020-2025");
}

int term_name_parse(const char *s, int *ret_first, int *ret_last, struct err *e)
{
	char nk[12] = "NK";
	size_t n = s ? strlen(s) : 0;

	if (n == 9)
		memcpy(nk + 2, s, 9);
	if ((n == 11 && period_parse_term(s, n, ret_first, ret_last) == 0) ||
	    (n == 9 && period_parse_term(nk, 11, ret_first, ret_last) == 0))
		return 0;
	return bad_term(e);
}

int term_may_add(const struct actor *who, struct err *e)
{
	return gate_role(who, 1u << ROLE_ADMIN, e);
}

int term_add(struct app *app, const struct actor *who, int64_t org, int first, int last,
             int32_t congress, const char *document, int64_t *ret_id, struct err *e)
{
	struct gate_write w = {"create", "party_term", 0, NULL, NOUN_ORG};
	struct term_row r = {
	    .org_id = org, .first_year = first, .last_year = last, .congress = congress};
	struct org_row o;
	struct arena a;
	int y, m, d, rc;

	if ((rc = term_may_add(who, e)) < 0)
		return rc;
	if (scope_contains(app, who, org) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	if (first < YEAR_MIN || last > YEAR_MAX || last - first < 2 || last - first > 5)
		return bad_term(e);
	date_civil(congress, &y, &m, &d);
	if (y != first)
		return err_set(e, HOSO_E_BAD_DATE, "congress",
		               "Đại hội mở đầu nhiệm kỳ %d-%d phải họp trong năm %d",
		               "The congress opening the term %d-%d is held in %d", first, last,
		               first);
	arena_init(&a, 1 << 16);
	if (store_org_at(app_store(app), org, congress, &a, &o) < 0) {
		rc = err_set(e, HOSO_E_BAD_DATE, "congress", "Tổ chức chưa có vào ngày đại hội",
		             "The organisation did not exist on the day of the congress");
		goto out;
	}
	if ((rc = app_text_clean(&a, document, "document", 500, &r.document, e)) < 0)
		goto out;
	r.created_by = who->user_id;
	if ((rc = gate_begin(app, e)) < 0)
		goto out;
	rc = store_term_insert(app_store(app), &r, &w.object_id);
	if (rc == HOSO_E_DUPLICATE)
		err_set(e, rc, "term", "Tổ chức đã có nhiệm kỳ bắt đầu năm %d",
		        "The organisation already has a term from %d", first);
	w.detail =
	    json_pack("{s:I,s:i,s:i,s:I,s:s?}", "org", (json_int_t)org, "first", first, "last",
	              last, "congress", (json_int_t)congress, "document", r.document);
	if ((rc = gate_end(app, who, rc, &w, e)) == 0 && ret_id)
		*ret_id = w.object_id;
out:
	arena_release(&a);
	return rc;
}

/* Stops the walk at the first organisation with terms of its own. */
struct terms_found {
	struct app *app;
	struct arena *a;
	struct term_list *l;
	int64_t at;
};

static int has_terms(const struct org_row *o, void *arg)
{
	struct terms_found *f = arg;
	int rc = store_terms_of_org(app_store(f->app), o->id, f->a, f->l);

	f->at = o->id;
	return rc < 0 ? rc : f->l->n > 0;
}

int term_list(struct app *app, const struct actor *who, int64_t org, struct arena *a,
              struct term **ret, size_t *ret_n, struct err *e)
{
	struct term_list l = {0};
	struct terms_found f = {app, NULL, NULL, 0};
	struct org_row o;
	int64_t at = org;
	int rc;

	*ret = NULL;
	*ret_n = 0;
	if ((rc = gate_role(who, READ_ROLES, e)) < 0)
		return rc;
	if (scope_contains(app, who, org) != 1)
		return gate_not_found(e, "org", NOUN_ORG);
	/* The organisation's own terms, or its nearest ancestor's. */
	f.a = a;
	f.l = &l;
	rc = org_walk_up(app, org, DATE_OPEN, ORG_WALK_AT, a, has_terms, &f);
	if (rc < 0 && rc != HOSO_E_NOT_FOUND)
		return err_set(e, rc, NULL, NULL, NULL);
	if (rc != 1)
		return 0;
	at = f.at;
	if (!(*ret = arena_calloc(a, l.n, sizeof(**ret))))
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if (store_org_latest(app_store(app), at, a, &o) < 0)
		o.code = NULL;
	for (size_t i = 0; i < l.n; i++) {
		const struct term_row *t = &l.v[i];

		(*ret)[i] = (struct term){
		    .first = t->first_year,
		    .last = t->last_year,
		    .congress = t->congress,
		    .end = i + 1 < l.n ? l.v[i + 1].congress - 1 : date_days(t->last_year, 12, 31),
		    .org = t->org_id,
		    .org_code = o.code,
		    .document = t->document,
		};
	}
	*ret_n = l.n;
	return 0;
}

int term_find(struct app *app, const struct actor *who, int64_t org, int first, int last,
              struct arena *a, struct term *ret, int32_t *ret_prev_from, int32_t *ret_prev_to,
              struct err *e)
{
	struct term *v;
	size_t n, i = 0;
	int rc;

	if ((rc = term_list(app, who, org, a, &v, &n, e)) < 0)
		return rc;
	while (i < n && !(v[i].first == first && v[i].last == last))
		i++;
	if (i == n)
		return err_set(
		    e, HOSO_E_NOT_FOUND, "period",
		    "Chưa ghi nhận đại hội mở đầu nhiệm kỳ %d-%d của tổ chức hoặc cấp "
		    "trên (hoso org term)",
		    "No congress opening the term %d-%d is recorded for the organisation "
		    "or above it (hoso org term)",
		    first, last);
	*ret = v[i];
	if (i > 0 && v[i - 1].last == first && v[i - 1].end == v[i].congress - 1) {
		*ret_prev_from = v[i - 1].congress;
		*ret_prev_to = v[i - 1].end;
	} else {
		*ret_prev_from = date_add_years(v[i].congress, first - last);
		*ret_prev_to = date_add_years(v[i].end, first - last);
	}
	return 0;
}

json_t *term_list_json(const struct term *v, size_t n, struct arena *a)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < n; i++) {
		char c[DATE_BUF], end[DATE_BUF];

		date_format_iso(v[i].congress, c);
		date_format_iso(v[i].end, end);
		json_array_append_new(
		    arr, json_pack("{s:s,s:i,s:i,s:s,s:s,s:s?,s:s?}", "term",
		                   arena_printf(a, "%d-%d", v[i].first, v[i].last), "first",
		                   v[i].first, "last", v[i].last, "congress", c, "end", end, "org",
		                   v[i].org_code, "document", v[i].document));
	}
	return arr;
}
