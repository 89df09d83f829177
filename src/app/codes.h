/*
 * codes.h - the closed sets of codes (a trip's purposes, the discipline
 * forms, roles, clearances...): each is a table of struct code_name in the
 * module that owns it, beside its parse function, and every one is served
 * to the UI from one place (codes_json, GET /api/codes), so that no list of
 * codes is copied into another layer.
 *
 * The code is what is stored and sent; the names are what people read.
 */
#ifndef HOSO_APP_CODES_H
#define HOSO_APP_CODES_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

struct code_name {
	const char *code; /* "tham_than" */
	const char *vi;   /* "Thăm thân" */
	const char *en;   /* "Visiting relatives" */
};

/* A closed set as a module exports it: its table and how many entries
 * (const struct code_set trip_purposes = CODE_SET(purposes);). */
struct code_set {
	const struct code_name *codes;
	size_t n;
};
#define CODE_SET(table)                                                                            \
	{                                                                                          \
		(table), sizeof(table) / sizeof((table)[0])                                        \
	}

/* The entry of code in table[0..n), or NULL (also for a NULL code). */
const struct code_name *code_find(const struct code_name *table, size_t n, const char *code);
/* Its index in table[0..n), or -1. */
int code_index(const struct code_name *table, size_t n, const char *code);
/* The entry of table[0..n) that s names as people type it: its code, or
 * its Vietnamese name in any case or diacritics, or (after_word) a longer
 * text ending in that name after a space ("Đảng viên chính thức" for
 * "Chính thức"); NULL when none. */
const struct code_name *code_parse(const struct code_name *table, size_t n, const char *s,
                                   int after_word);
/*
 * HOSO_E_BAD_ENUM naming field, saying which codes it takes: "<what_vi>
 * là a, b hoặc c" / "<what_en> is a, b or c" (what: "Mục đích", "The
 * purpose").  Returns HOSO_E_BAD_ENUM.
 */
struct err;
int code_refuse(struct err *e, const char *field, const char *what_vi, const char *what_en,
                const struct code_name *table, size_t n);

/* [{code, name, name_en}...] of table[0..n). */
json_t *code_list_json(const struct code_name *table, size_t n);

/* A date as the JSON views write it: "YYYY-MM-DD", or null when open or
 * unknown. */
json_t *code_date_json(int32_t day);
/* The same as text an input takes, copied into a (NULL when open or
 * unknown, or out of memory). */
struct arena;
const char *code_date_text(struct arena *a, int32_t day);

/*
 * Every closed set, as GET /api/codes serves it:
 *   {"case_kinds": [...], "discipline_forms": [...],
 *    "sets": {"trip_purpose": [{code, name, name_en}...], ...}}
 * The registry of sets is in codes.c, one line each.
 */
json_t *codes_json(void);

#endif
