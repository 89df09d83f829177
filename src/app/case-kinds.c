/*
 * case-kinds.c - the table of the kinds of case (case.h): one line per
 * kind.  Each kind's states, steps and hooks live in its own file
 * (inspection.c, trip.c...); this file finds them and describes them to
 * the UI.
 */
#include "app/case.h"

#include <string.h>

#include "app/user.h"

#include "core/banned.h"

static const struct case_kind *const kinds[KIND__MAX] = {
    [KIND_INSPECTION] = &case_kind_inspection,
    [KIND_SUPERVISION] = &case_kind_supervision,
    [KIND_DISCIPLINE] = &case_kind_discipline,
    [KIND_APPRAISAL] = &case_kind_appraisal,
    [KIND_ADMISSION] = &case_kind_admission,
    [KIND_TRIP] = &case_kind_trip,
    [KIND_STAY] = &case_kind_stay,
    [KIND_DENUNCIATION] = &case_kind_denunciation,
    [KIND_COMPLAINT] = &case_kind_complaint,
};

const struct case_kind *const *case_kinds(size_t *n)
{
	*n = KIND__MAX;
	return kinds;
}

const struct case_kind *case_kind_get(enum case_kind_id id)
{
	return (unsigned)id < KIND__MAX ? kinds[id] : NULL;
}

const struct case_kind *case_kind_find(const char *code)
{
	for (size_t i = 0; code && i < KIND__MAX; i++)
		if (strcmp(kinds[i]->code, code) == 0)
			return kinds[i];
	return NULL;
}

const struct case_kind *case_kind_of(const struct case_row *c)
{
	return case_kind_find(c->kind);
}

int case_is(const struct case_row *c, enum case_kind_id id)
{
	const struct case_kind *k = case_kind_of(c);

	return k && k->id == id;
}

const char *case_kind_code(enum case_kind_id id)
{
	return (unsigned)id < KIND__MAX ? kinds[id]->code : NULL;
}

const struct case_state *case_state_find(const struct case_kind *k, const char *code)
{
	for (size_t i = 0; code && i < k->nstates; i++)
		if (strcmp(k->states[i].code, code) == 0)
			return &k->states[i];
	return NULL;
}

const struct case_step *case_step_find(const struct case_kind *k, const char *from, const char *to)
{
	for (size_t i = 0; from && to && i < k->nsteps; i++)
		if (strcmp(k->steps[i].from, from) == 0 && strcmp(k->steps[i].to, to) == 0)
			return &k->steps[i];
	return NULL;
}

static json_t *roles_json(unsigned roles)
{
	json_t *a = json_array();

	for (int i = 0; i < ROLE__MAX; i++)
		if (roles & (1u << i))
			json_array_append_new(a, json_string(role_name((enum role)i)));
	return a;
}

static json_t *kind_json(const struct case_kind *k, int named)
{
	json_t *states = json_array(), *steps = json_array(), *sub;
	json_t *o;

	for (size_t s = 0; s < k->nstates; s++)
		json_array_append_new(
		    states, json_pack("{s:s,s:s,s:s,s:b,s:b,s:b}", "code", k->states[s].code,
		                      "name", k->states[s].vi, "name_en", k->states[s].en, "final",
		                      (k->states[s].flags & CASE_FINAL) != 0, "paused",
		                      (k->states[s].flags & CASE_PAUSES) != 0, "former",
		                      (k->states[s].flags & CASE_FORMER) != 0));
	for (size_t s = 0; s < k->nsteps; s++)
		json_array_append_new(
		    steps, json_pack("{s:s,s:s,s:s,s:s,s:o,s:b}", "from", k->steps[s].from, "to",
		                     k->steps[s].to, "name", k->steps[s].vi, "name_en",
		                     k->steps[s].en, "roles", roles_json(k->steps[s].roles),
		                     "conclusion", (k->steps[s].flags & CASE_CONCLUDES) != 0));
	if (named) {
		sub = code_list_json(k->subtypes, k->nsubtypes);
	} else {
		sub = json_array();
		for (size_t i = 0; i < k->nsubtypes; i++)
			json_array_append_new(sub, json_string(k->subtypes[i].code));
	}
	o = json_pack("{s:s,s:s,s:s,s:s,s:o,s:o,s:o}", "code", k->code, "prefix", k->prefix, "name",
	              k->vi, "name_en", k->en, "subtypes", sub, "states", states, "steps", steps);
	if (named) {
		json_t *figures = json_array();

		for (size_t f = 0; f < k->nfigures; f++)
			json_array_append_new(figures, json_string(figure_code(k->figures[f])));
		json_object_set_new(o, "figures", figures);
		json_object_set_new(o, "letters", json_boolean(k->flags & CASE_KIND_LETTERS));
	}
	return o;
}

json_t *case_kinds_json(int named)
{
	json_t *a = json_array();

	for (size_t i = 0; i < KIND__MAX; i++)
		json_array_append_new(a, kind_json(kinds[i], named));
	return a;
}
