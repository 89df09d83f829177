/*
 * case-find.c - finding cases by text (case-find.h): a query is folded
 * once, the persons it names are found once (within the reader's scope),
 * and each case the list walks is then matched by its number, its folded
 * title or those persons' cases.
 */
#include "app/case-find.h"

#include <stdlib.h>
#include <string.h>

#include "app/person.h"
#include "vi/vi.h"

#include "core/banned.h"

#define PERSON_CASES_MAX 500

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

/* q trimmed and upper-cased when it may be (part of) a case number: one
 * word of ASCII letters, digits, '-', '/' and '.'; else NULL. */
static const char *number_of(const char *q, struct arena *a)
{
	size_t n;
	char *s;

	while (*q == ' ')
		q++;
	n = strlen(q);
	while (n && q[n - 1] == ' ')
		n--;
	if (!n || !(s = arena_strndup(a, q, n)))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'a' && c <= 'z')
			s[i] = (char)(c - 'a' + 'A');
		else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		           c == '/' || c == '.'))
			return NULL;
	}
	return s;
}

/* The cases about the persons q names (within who's scope), sorted and
 * without repeats. */
static int person_cases(struct app *app, const struct actor *who, const char *q, struct arena *a,
                        struct id_list *ret, struct err *e)
{
	struct person_list pl;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	ret->v = NULL;
	ret->n = 0;
	if ((rc = person_search(app, who, q, CASE_FIND_PERSONS, a, &pl, e)) < 0)
		return rc;
	for (size_t i = 0; i < pl.n; i++) {
		struct id_list l;

		if ((rc = store_cases_of_person(app_store(app), pl.v[i].id, PERSON_CASES_MAX, a,
		                                &l)) < 0)
			return err_set(e, rc, NULL, NULL, NULL);
		if (n + l.n > cap) {
			int64_t *grown;

			cap = (n + l.n) * 2;
			if (!(grown = arena_alloc(a, cap * sizeof(*grown))))
				return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
			if (n)
				memcpy(grown, ids, n * sizeof(*ids));
			ids = grown;
		}
		if (l.n)
			memcpy(ids + n, l.v, l.n * sizeof(*ids));
		n += l.n;
	}
	if (n)
		qsort(ids, n, sizeof(*ids), cmp_id);
	ret->v = ids;
	for (size_t i = 0; i < n; i++)
		if (ret->n == 0 || ids[ret->n - 1] != ids[i])
			ids[ret->n++] = ids[i];
	return 0;
}

int case_find_prepare(struct app *app, const struct actor *who, const char *q, struct arena *a,
                      struct case_find *ret, struct err *e)
{
	struct buf key = BUF_INIT(4 * CASE_FIND_MAX + 16);
	int rc;

	memset(ret, 0, sizeof(*ret));
	buf_init(&ret->title, 1 << 16);
	if (strlen(q) > CASE_FIND_MAX)
		return err_set(e, HOSO_E_TOO_BIG, "q", "Nội dung tìm kiếm tối đa %d ký tự",
		               "The search text is at most %d characters", CASE_FIND_MAX);
	if ((rc = vi_search_key(q, strlen(q), &key)) < 0) {
		buf_release(&key);
		return err_set(e, rc, "q", NULL, NULL);
	}
	ret->key = key.len ? arena_strndup(a, key.buf, key.len) : NULL;
	buf_release(&key);
	ret->number = number_of(q, a);
	if (!ret->key && !ret->number)
		return err_set(e, HOSO_E_MISSING, "q", "Thiếu nội dung tìm kiếm",
		               "The search text is missing");
	if (ret->key)
		return person_cases(app, who, q, a, &ret->cases, e);
	return 0;
}

/* 1 when every word of key starts a word of the folded title t. */
static int title_has(const char *t, size_t tn, const char *key)
{
	while (*key) {
		size_t wn = strcspn(key, " "), i = 0;

		while (i + wn <= tn &&
		       !((i == 0 || t[i - 1] == ' ') && memcmp(t + i, key, wn) == 0))
			i++;
		if (i + wn > tn)
			return 0;
		key += wn;
		while (*key == ' ')
			key++;
	}
	return 1;
}

int case_find_matches(struct case_find *f, const struct case_row *c)
{
	int rc;

	if (f->number && strstr(c->number, f->number))
		return 1;
	if (!f->key)
		return 0;
	if (f->cases.n && bsearch(&c->id, f->cases.v, f->cases.n, sizeof(int64_t), cmp_id))
		return 1;
	buf_reset(&f->title);
	if ((rc = vi_search_key(c->title, strlen(c->title), &f->title)) < 0)
		return rc == HOSO_E_NOT_UTF8 ? 0 : rc;
	return title_has(f->title.buf, f->title.len, f->key);
}

void case_find_release(struct case_find *f)
{
	buf_release(&f->title);
}
