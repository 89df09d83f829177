/*
 * codes.c - the closed sets of codes, served from one place (codes.h):
 * lookups in a set's table, and the registry of every set, one line each
 * (each set's table lives beside its parse function in its module).
 */
#include "app/codes.h"

#include <string.h>

#include "app/admission.h"
#include "app/appraisal.h"
#include "app/case.h"
#include "app/deadline.h"
#include "app/discipline.h"
#include "app/finding.h"
#include "app/inspection.h"
#include "app/letter.h"
#include "app/org.h"
#include "app/denunciation.h"
#include "app/person.h"
#include "app/petition.h"
#include "app/stay.h"
#include "app/trip.h"
#include "app/user.h"
#include "core/buf.h"
#include "core/date.h"
#include "store/store.h"
#include "vi/vi.h"
#include "core/err.h"

#include "core/banned.h"

const struct code_name *code_find(const struct code_name *table, size_t n, const char *code)
{
	int i = code_index(table, n, code);

	return i < 0 ? NULL : &table[i];
}

int code_index(const struct code_name *table, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(table[i].code, code) == 0)
			return (int)i;
	return -1;
}

const struct code_name *code_parse(const struct code_name *table, size_t n, const char *s,
                                   int after_word)
{
	struct buf key = BUF_INIT(256), want = BUF_INIT(256);
	const struct code_name *found = code_find(table, n, s);

	if (!found && s && vi_search_key(s, strlen(s), &key) == 0)
		for (size_t i = 0; !found && i < n; i++)
			if (vi_search_key(table[i].vi, strlen(table[i].vi), &want) == 0 &&
			    (strcmp(key.buf, want.buf) == 0 ||
			     (after_word && key.len > want.len &&
			      strcmp(key.buf + key.len - want.len, want.buf) == 0 &&
			      key.buf[key.len - want.len - 1] == ' ')))
				found = &table[i];
	buf_release(&key);
	buf_release(&want);
	return found;
}

/* "a, b hoặc c" (or: "a, b or c"). */
static int list_text(struct buf *out, const struct code_name *table, size_t n, const char * or)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = buf_addf(out, "%s%s", i == 0 ? "" : i + 1 == n ? or : ", ", table[i].code);
	return rc;
}

int code_refuse(struct err *e, const char *field, const char *what_vi, const char *what_en,
                const struct code_name *table, size_t n)
{
	struct buf vi = BUF_INIT(4096), en = BUF_INIT(4096);

	if (list_text(&vi, table, n, " hoặc ") < 0 || list_text(&en, table, n, " or ") < 0) {
		err_set(e, HOSO_E_BAD_ENUM, field, NULL, NULL);
	} else {
		err_set(e, HOSO_E_BAD_ENUM, field, "%s là %s", NULL, what_vi, vi.buf);
		if (e)
			err_en(e, "%s is %s", what_en, en.buf);
	}
	buf_release(&vi);
	buf_release(&en);
	return HOSO_E_BAD_ENUM;
}

json_t *code_list_json(const struct code_name *table, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s,s:s,s:s}", "code", table[i].code, "name",
		                                   table[i].vi, "name_en", table[i].en));
	return a;
}

json_t *code_date_json(int32_t day)
{
	char s[DATE_BUF];

	if (day == DATE_OPEN || day == DATE_NONE)
		return json_null();
	date_format_iso(day, s);
	return json_string(s);
}

const char *code_date_text(struct arena *a, int32_t day)
{
	char s[DATE_BUF];

	if (day == DATE_OPEN || day == DATE_NONE)
		return NULL;
	date_format_iso(day, s);
	return arena_strdup(a, s);
}

/* Every closed set but the kinds of case (served whole beside them): its
 * table of codes and names, or, for a set that says more, its JSON. */
static const struct {
	const char *name;
	const struct code_set *set;
	json_t *(*json)(void);
} sets[] = {
    {"appraisal_outcome", &appraisal_outcomes, NULL},
    {"clearance", NULL, clearance_codes_json},
    {"deadline_level", &deadline_levels, NULL},
    {"discipline_form", NULL, discipline_forms_json},
    {"finding_conclusion", &finding_conclusions, NULL},
    {"inspection_actor", &inspection_actors, NULL},
    {"letter_action", &letter_actions, NULL},
    {"org_kind", NULL, org_kind_codes_json},
    {"person_status", NULL, person_status_codes_json},
    {"petition_channel", &petition_channels, NULL},
    {"petition_kind", &petition_kinds, NULL},
    {"petition_reason", &petition_reasons, NULL},
    {"petition_sender", &petition_senders, NULL},
    {"petition_state", &petition_states, NULL},
    {"point_conclusion", &point_conclusions, NULL},
    {"relation", &admission_relations, NULL},
    {"role", NULL, role_codes_json},
    {"sex", NULL, person_sex_codes_json},
    {"stay_arrangement", &stay_arrangements, NULL},
    {"stay_purpose", &stay_purposes, NULL},
    {"succession", NULL, org_succession_codes_json},
    {"traveller_event", &traveller_events, NULL},
    {"trip_purpose", &trip_purposes, NULL},
};

static json_t *set_json(size_t i)
{
	if (sets[i].json)
		return sets[i].json();
	return code_list_json(sets[i].set->codes, sets[i].set->n);
}

json_t *codes_json(void)
{
	json_t *o = json_object();

	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		json_object_set_new(o, sets[i].name, set_json(i));
	return json_pack("{s:o,s:o}", "case_kinds", case_kinds_json(1), "sets", o);
}
