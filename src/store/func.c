/*
 * func.c - the SQL functions hoso adds to each of its connections, so that
 * searches can filter inside the query (by scope, before any LIMIT) with
 * the same folding and word rules as the full-text index:
 *
 *   hoso_fold(text)          the search key (vi_search_key): "Xã Mường
 *                            Phăng" -> "xa muong phang"; NULL for NULL
 *   hoso_words(key, match)   1 when the folded key matches an FTS5 match
 *                            expression of the form person_search_match
 *                            builds ("lo" "van" "mu"*): every quoted word
 *                            is a whole word of key, or with * the start
 *                            of one, in any order - what FTS5 answers for
 *                            the same expression over key with the ascii
 *                            tokenizer; 0 otherwise (and for NULLs)
 *
 * Both are deterministic and innocuous.  A tool that opens the file without
 * hoso (the sqlite3 shell) does not have them: only hoso's statements and
 * migrations use them.
 */
#include "store/storeInt.h"

#include <string.h>

#include "vi/vi.h"

#include "core/banned.h"

/* Is the word w (wl bytes) a whole word of key, or with prefix the start
 * of one?  Words in key are separated by single spaces. */
static int key_has(const char *key, const char *w, size_t wl, int prefix)
{
	const char *s = key;

	while (*s) {
		size_t sl = strcspn(s, " ");

		if ((sl == wl || (prefix && sl > wl)) && memcmp(s, w, wl) == 0)
			return 1;
		s += sl;
		while (*s == ' ')
			s++;
	}
	return 0;
}

int store_words_match(const char *key, const char *match)
{
	const char *p = match;
	int words = 0;

	if (!key || !match)
		return 0;
	while (*p) {
		const char *w;
		size_t wl;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (*p != '"')
			return 0; /* not a match expression of ours */
		w = ++p;
		while (*p && *p != '"')
			p++;
		if (!*p)
			return 0;
		wl = (size_t)(p - w);
		p++;
		if (!key_has(key, w, wl, *p == '*'))
			return 0;
		if (*p == '*')
			p++;
		words++;
	}
	return words > 0;
}

static void fn_words(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(cx, store_words_match((const char *)sqlite3_value_text(argv[0]),
	                                         (const char *)sqlite3_value_text(argv[1])));
}

static void fn_fold(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	struct buf k = BUF_INIT((size_t)1 << 20);
	int rc;

	(void)argc;
	if (!s) {
		sqlite3_result_null(cx);
		return;
	}
	rc = vi_search_key(s, (size_t)sqlite3_value_bytes(argv[0]), &k);
	if (rc == HOSO_E_NOMEM)
		sqlite3_result_error_nomem(cx);
	else if (rc < 0)
		sqlite3_result_text(cx, "", 0, SQLITE_STATIC); /* not UTF-8: matches nothing */
	else
		sqlite3_result_text(cx, k.buf, (int)k.len, SQLITE_TRANSIENT);
	buf_release(&k);
}

int store_functions(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function_v2(db, "hoso_words", 2, flags, NULL, fn_words, NULL, NULL,
	                               NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(db, "hoso_fold", 1, flags, NULL, fn_fold, NULL, NULL,
	                               NULL) != SQLITE_OK)
		return HOSO_E_NOMEM;
	return 0;
}
