/*
 * person-view.c - a person as the API and the CLI show it (person.h): one
 * brief view for lists and one whole view for a record, so that both
 * print the same keys.  Organisations are named only when the reader may
 * see them; a possible duplicate names the other record only for a reader
 * who may see it too.
 */
#include "app/person.h"

#include "app/codes.h"
#include "app/org.h"

#include "core/banned.h"

/* The organisation's code and its name on day (else its latest), or nulls
 * when the reader may not see it. */
static void org_fields(struct app *app, const struct actor *who, json_t *o, int64_t id, int32_t day,
                       struct arena *a)
{
	struct org_row r;
	int seen = id && (org_get(app, who, id, day, a, &r, NULL) == 0 ||
	                  org_get(app, who, id, DATE_OPEN, a, &r, NULL) == 0);

	json_object_set_new(o, "org", seen ? json_string(r.code) : json_null());
	json_object_set_new(o, "org_name", seen ? json_string(r.name) : json_null());
}

json_t *person_brief_json(struct app *app, const struct actor *who, const struct person_row *p,
                          struct arena *a)
{
	json_t *o =
	    json_pack("{s:I,s:s,s:s?,s:s?,s:s,s:s?,s:i}", "id", (json_int_t)p->id, "full_name",
	              p->full_name, "birth_date", p->birth_date, "sex", p->sex, "status", p->status,
	              "cccd", p->cccd, "confidentiality", p->confidentiality);

	if (o) {
		/* for a picker: "Lò Văn Muôn (1962), Chi bộ bản Mường Phăng" */
		int year = 0;

		for (int i = 0;
		     p->birth_date && i < 4 && p->birth_date[i] >= '0' && p->birth_date[i] <= '9';
		     i++)
			year = year * 10 + (p->birth_date[i] - '0');
		json_object_set_new(o, "birth_year",
		                    year >= 1000 ? json_integer(year) : json_null());
		org_fields(app, who, o, p->org_id, DATE_OPEN, a);
		json_object_set_new(o, "org_id",
		                    json_is_null(json_object_get(o, "org"))
		                        ? json_null()
		                        : json_integer(p->org_id));
	}
	return o;
}

static json_t *memberships_json(struct app *app, const struct actor *who,
                                const struct membership_list *ms, struct arena *a)
{
	json_t *arr = json_array();

	for (size_t i = 0; ms && i < ms->n; i++) {
		json_t *m = json_object();

		org_fields(app, who, m, ms->v[i].org_id, ms->v[i].valid_from, a);
		json_object_update_new(
		    m, json_pack("{s:o,s:o,s:s}", "from", code_date_json(ms->v[i].valid_from), "to",
		                 code_date_json(ms->v[i].valid_to), "status", ms->v[i].status));
		json_array_append_new(arr, m);
	}
	return arr;
}

static json_t *positions_json(struct app *app, const struct actor *who,
                              const struct position_list *ps, struct arena *a)
{
	json_t *arr = json_array();

	for (size_t i = 0; ps && i < ps->n; i++) {
		json_t *o = json_pack("{s:s,s:o,s:o}", "title", ps->v[i].title, "from",
		                      code_date_json(ps->v[i].valid_from), "to",
		                      code_date_json(ps->v[i].valid_to));

		/* the organisation as it was named when the position began */
		org_fields(app, who, o, ps->v[i].org_id, ps->v[i].valid_from, a);
		json_array_append_new(arr, o);
	}
	return arr;
}

json_t *person_view_json(struct app *app, const struct actor *who, const struct person_row *p,
                         const struct membership_list *ms, const struct position_list *ps,
                         struct arena *a)
{
	struct person_row other;
	json_t *o = person_brief_json(app, who, p, a);

	if (!o)
		return NULL;
	json_object_update_new(
	    o, json_pack("{s:s,s:s,s:s,s:b,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:s?,s:o,s:o,s:I}",
	                 "family_name", p->family_name, "middle_name", p->middle_name, "given_name",
	                 p->given_name, "name_manual", p->name_manual, "status_name",
	                 person_status_label(p->status), "home_town", p->home_town, "residence",
	                 p->residence, "ethnicity", p->ethnicity, "party_file_no", p->party_file_no,
	                 "party_card_no", p->party_card_no, "management_level", p->management_level,
	                 "admission_date", code_date_json(p->admission_date), "full_member_date",
	                 code_date_json(p->full_member_date), "version", (json_int_t)p->version));
	json_object_set_new(o, "possible_duplicate_of",
	                    p->dup_of && person_get(app, who, p->dup_of, a, &other, NULL) == 0
	                        ? json_integer(p->dup_of)
	                        : json_null());
	json_object_set_new(o, "memberships", memberships_json(app, who, ms, a));
	json_object_set_new(o, "positions", positions_json(app, who, ps, a));
	return o;
}
