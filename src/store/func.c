/*
 * func.c - the rules of the SQL functions hoso adds to each of its
 * connections (db-sqlite.c registers them), so that
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
