/*
 * cmd-person.c - "hoso person ...": find and read people.
 *
 *   person search QUERY [--limit N] [--json]
 *   person list --org CODE [--limit N] [--offset N] [--json]
 *   person show ID [--json]
 *   person cases ID [--json]     the cases about them (app/context.h)
 *   person add --name NAME [--org CODE] [--birth D] [--sex S] [--cccd N] ...
 *   person update ID --version V [--name NAME] ...   (only what is given)
 *   person classify ID LEVEL --version V [--reason R]
 *   person duplicates [--json]
 *   person transfer ID --to CODE --date D [--note S]
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/context.h"
#include "app/org.h"
#include "app/person.h"
#include "app/user.h"
#include "cli/cli.h"

#include "core/banned.h"

static const char *org_code(struct app *app, const struct actor *who, int64_t id, struct arena *a)
{
	struct org_row r;

	if (!id)
		return NULL;
	if (org_get(app, who, id, DATE_OPEN, a, &r, NULL) < 0)
		return NULL;
	return r.code;
}

/* "01/01/2020 – nay  TITLE  CODE": a membership or a position. */
static void period_line(int32_t from, int32_t to, const char *title, const char *code)
{
	char d1[DATE_BUF], d2[DATE_BUF];

	if (to == DATE_OPEN)
		snprintf(d2, sizeof(d2), "nay");
	else
		date_format_vn(to, d2);
	date_format_vn(from, d1);
	printf("    %s – %s  %s%s%s\n", d1, d2, title, *title ? "  " : "", code ? code : "-");
}

static const char *clearance_label(int c)
{
	static const char *const labels[CLEARANCE__MAX] = {"thường", "mật", "tối mật"};

	return c >= 0 && c < CLEARANCE__MAX ? labels[c] : "?";
}

static void person_line(struct app *app, const struct actor *who, const struct person_row *p,
                        struct arena *a)
{
	char bd[DATE_BUF] = "";
	struct pdate d;

	if (p->birth_date && pdate_parse(p->birth_date, strlen(p->birth_date), &d) == 0)
		pdate_format_vn(&d, bd);
	printf("%8lld  ", (long long)p->id);
	cli_print_padded(p->full_name, 26);
	printf(" %-10s ", *bd ? bd : "-");
	cli_print_padded(person_status_label(p->status), 11);
	printf(" %-13s %s\n", p->cccd ? p->cccd : "-",
	       org_code(app, who, p->org_id, a) ? org_code(app, who, p->org_id, a) : "-");
}

/* Persons found, as JSON ({key: value, "count": n, list: [...]}) or as
 * lines (under the heading the caller printed). */
static void print_persons(struct app *app, const struct actor *who, const struct person_list *l,
                          struct arena *a, int json, const char *key, const char *value,
                          const char *list)
{
	if (json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l->n; i++)
			json_array_append_new(arr, person_brief_json(app, who, &l->v[i], a));
		cli_print_json(
		    json_pack("{s:s,s:I,s:o}", key, value, "count", (json_int_t)l->n, list, arr));
		return;
	}
	for (size_t i = 0; i < l->n; i++)
		person_line(app, who, &l->v[i], a);
}

static int search_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct cli_search q;
	struct person_list l;
	int rc = cli_search_args(x, argc, argv, PERSON_SEARCH_MAX, &q);

	if (rc == 0)
		rc = person_search(x->app, &x->who, q.query, q.limit, &x->a, &l, &x->err);
	if (rc == 0 && !q.json)
		printf("Tìm \"%s\": %zu kết quả\n", q.query, l.n);
	if (rc == 0)
		print_persons(x->app, &x->who, &l, &x->a, q.json, "query", q.query, "results");
	return rc;
}

static int list_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *org = NULL, *limit_s = NULL, *offset_s = NULL;
	int json = 0, rc;
	const struct cli_opt opts[] = {
	    {"--org", &org, .need = 1},
	    {"--limit", &limit_s},
	    {"--offset", &offset_s},
	    {"--json", NULL, &json},
	    {NULL},
	};
	struct person_list l;
	int64_t id, limit = 10000, offset = 0;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, "Thiếu --org", "--org is required")) !=
	        0 ||
	    (limit_s && (rc = cli_number("--limit", limit_s, 1, 10000, &limit)) != 0) ||
	    (offset_s && (rc = cli_number("--offset", offset_s, 0, INT32_MAX, &offset)) != 0) ||
	    (rc = cli_sub_open(x)) != 0 || (rc = org_find(x->app, &x->who, org, &id, &x->err)) < 0)
		return rc;
	rc = person_list_by_org(x->app, &x->who, id, (size_t)limit, (size_t)offset, &x->a, &l,
	                        &x->err);
	if (rc == 0 && !json)
		printf("Đảng viên của %s: %zu\n", org, l.n);
	if (rc == 0)
		print_persons(x->app, &x->who, &l, &x->a, json, "org", org, "persons");
	return rc;
}

/* A person's record as text: identity, membership history, positions. */
static void show_text(struct app *app, const struct actor *who, const struct person_row *p,
                      const struct membership_list *ms, const struct position_list *ps,
                      struct arena *a)
{
	char bd[DATE_BUF] = "-";
	struct pdate pd;

	printf("%s (họ: %s; đệm: %s; tên: %s)\n", p->full_name, p->family_name, p->middle_name,
	       p->given_name);
	if (p->birth_date && pdate_parse(p->birth_date, strlen(p->birth_date), &pd) == 0)
		pdate_format_vn(&pd, bd);
	printf("  Ngày sinh: %s  Giới tính: %s  CCCD: %s\n", bd,
	       !p->sex                     ? "-"
	       : strcmp(p->sex, "nu") == 0 ? "Nữ"
	                                   : "Nam",
	       p->cccd ? p->cccd : "-");
	printf("  Số lý lịch: %s  Số thẻ: %s  Trạng thái: %s\n",
	       p->party_file_no ? p->party_file_no : "-", p->party_card_no ? p->party_card_no : "-",
	       person_status_label(p->status));
	printf("  Quê quán: %s  Nơi ở: %s\n", p->home_town ? p->home_town : "-",
	       p->residence ? p->residence : "-");
	printf("  Dân tộc: %s  Diện quản lý: %s\n", p->ethnicity ? p->ethnicity : "-",
	       p->management_level ? p->management_level : "-");
	printf("  Độ mật: %s  Phiên bản: %lld\n", clearance_label(p->confidentiality),
	       (long long)p->version);
	printf("  Quá trình sinh hoạt:\n");
	for (size_t i = 0; i < ms->n; i++)
		period_line(ms->v[i].valid_from, ms->v[i].valid_to, "",
		            org_code(app, who, ms->v[i].org_id, a));
	if (ps->n)
		printf("  Chức vụ:\n");
	for (size_t i = 0; i < ps->n; i++)
		period_line(ps->v[i].valid_from, ps->v[i].valid_to, ps->v[i].title,
		            org_code(app, who, ps->v[i].org_id, a));
}

static int show_cmd(struct cli_sub *x, int argc, char **argv)
{
	const struct actor *who = &x->who;
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct membership_list ms;
	struct position_list ps;
	struct person_row p;
	int64_t id;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Thiếu mã hồ sơ",
	                      "The record id is missing")) != 0)
		return rc;
	rc = person_read(x->app, who, id, NULL, &x->a, &p, &ms, &ps, &x->err);
	if (rc == 0 && json)
		cli_print_json(person_view_json(x->app, who, &p, &ms, &ps, &x->a));
	else if (rc == 0)
		show_text(x->app, who, &p, &ms, &ps, &x->a);
	return rc;
}

/* "id  number · organisation  opened  state  title  [parts]": one line
 * per case of context_person_cases' view. */
static void cases_text(json_t *view)
{
	json_t *c, *as;
	size_t i, j;

	json_array_foreach(json_object_get(view, "cases"), i, c)
	{
		const char *org = json_string_value(json_object_get(c, "org_name"));

		printf("%6lld  %s · %s  %s  %s  ",
		       (long long)json_integer_value(json_object_get(c, "id")),
		       json_string_value(json_object_get(c, "number")), org ? org : "-",
		       json_string_value(json_object_get(c, "opened")),
		       json_string_value(json_object_get(c, "state")));
		cli_print_padded(json_string_value(json_object_get(c, "title")), 40);
		json_array_foreach(json_object_get(c, "as"), j, as)
		    printf(" %s", json_string_value(as));
		printf("\n");
	}
	if (!json_array_size(json_object_get(view, "cases")))
		printf("Không có hồ sơ vụ việc nào\n");
}

static int cases_cmd(struct cli_sub *x, int argc, char **argv)
{
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	json_t *view = NULL;
	int64_t id;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Thiếu mã hồ sơ",
	                      "The record id is missing")) != 0 ||
	    (rc = context_person_cases(x->app, &x->who, id, &x->a, &view, &x->err)) < 0)
		return rc;
	if (json) {
		cli_print_json(view);
		return 0;
	}
	cases_text(view);
	json_decref(view);
	return 0;
}

/* The fields add and update take, into in (and the organisation's code). */
#define PERSON_OPTS(in, org)                                                                       \
	{"--name", &(in).full_name}, {"--sex", &(in).sex}, {"--birth", &(in).birth_date},          \
	    {"--cccd", &(in).cccd}, {"--party-file", &(in).party_file_no},                         \
	    {"--party-card", &(in).party_card_no}, {"--admitted", &(in).admission_date},           \
	    {"--full-member", &(in).full_member_date}, {"--status", &(in).status},                 \
	    {"--home-town", &(in).home_town}, {"--residence", &(in).residence},                    \
	    {"--ethnicity", &(in).ethnicity},                                                      \
	{                                                                                          \
		"--management-level", &(in).management_level                                       \
	}

static int add_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct person_input in = {0};
	const char *org = NULL;
	const struct cli_opt opts[] = {
	    PERSON_OPTS(in, org),
	    {"--org", &org},
	    {"--joined", &in.joined},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0 ||
	    (org && (rc = org_find(x->app, &x->who, org, &in.org_id, &x->err)) < 0))
		return rc;
	rc = person_create(x->app, &x->who, &in, &id, &x->err);
	return cli_print_id(rc, id);
}

/* The record ID and --version V of a change (update, classify). */
static int id_version(const char *id_s, const char *version_s, int64_t *id, int64_t *version)
{
	int rc = cli_id(id_s, id);

	return rc != 0 ? rc : cli_number("--version", version_s, 1, INT64_MAX, version);
}

/* person update ID --version V [--field VALUE]...: only what is given
 * changes ("" clears a field). */
static int update_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct person_input in = {0};
	const char *org = NULL, *version_s = NULL, *pos[1];
	const struct cli_opt opts[] = {
	    PERSON_OPTS(in, org), {"--version", &version_s, .need = 1}, {NULL}};
	int64_t id, version;
	int rc;

	(void)org;
	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Cần mã hồ sơ và --version",
	                   "ID and --version are required")) != 0 ||
	    (rc = id_version(pos[0], version_s, &id, &version)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = person_update(x->app, &x->who, id, version, &in, &x->err);
	if (rc == 0)
		printf("Đã sửa hồ sơ %lld / record updated (version %lld)\n", (long long)id,
		       (long long)(version + 1));
	return rc;
}

/* person classify ID LEVEL --version V [--reason R] */
static int classify_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *version_s = NULL, *reason = NULL, *pos[2];
	const struct cli_opt opts[] = {
	    {"--version", &version_s, .need = 1}, {"--reason", &reason}, {NULL}};
	enum clearance level;
	int64_t id, version;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 2, "Cần mã hồ sơ, độ mật và --version",
	                   "ID, LEVEL and --version are required")) != 0 ||
	    (rc = id_version(pos[0], version_s, &id, &version)) != 0)
		return rc;
	if ((rc = cli_clearance(x, pos[1], "Độ mật", "LEVEL", &level)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = person_set_confidentiality(x->app, &x->who, id, (int)level, version, reason, &x->err);
	if (rc == 0)
		printf("Hồ sơ %lld: độ mật %s / confidentiality set\n", (long long)id,
		       clearance_label((int)level));
	return rc;
}

static int duplicates_cmd(struct cli_sub *x, int argc, char **argv)
{
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct person_dup_pair *v;
	size_t n;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = person_duplicates(x->app, &x->who, &x->a, &v, &n, &x->err);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(
			    arr, json_pack("{s:o,s:o}", "person",
			                   person_brief_json(x->app, &x->who, &v[i].p, &x->a),
			                   "duplicate_of",
			                   person_brief_json(x->app, &x->who, &v[i].of, &x->a)));
		cli_print_json(json_pack("{s:o}", "duplicates", arr));
	} else if (rc == 0) {
		printf("Hồ sơ có thể trùng / possible duplicates: %zu\n", n);
		for (size_t i = 0; i < n; i++)
			printf("%8lld %s  ~  %lld %s\n", (long long)v[i].p.id, v[i].p.full_name,
			       (long long)v[i].of.id, v[i].of.full_name);
	}
	return rc;
}

static int transfer_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *to = NULL, *date = NULL, *note = NULL;
	int32_t day;
	const struct cli_opt opts[] = {{"--to", &to, .need = 1},
	                               {"--date", &date, .need = 1, .day = &day},
	                               {"--note", &note},
	                               {NULL}};
	int64_t id, org;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã hồ sơ, --to và --date",
	                      "ID, --to and --date are required")) != 0 ||
	    (rc = org_find(x->app, &x->who, to, &org, &x->err)) < 0)
		return rc;
	rc = person_transfer(x->app, &x->who, id, org, day, note, &x->err);
	if (rc == 0)
		printf("Đã chuyển sinh hoạt hồ sơ %lld sang %s\n", (long long)id, to);
	return rc;
}

static int position_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *title = NULL, *from = NULL, *to = NULL, *org = NULL;
	int32_t d1, d2 = DATE_OPEN;
	const struct cli_opt opts[] = {{"--title", &title, .need = 1},
	                               {"--from", &from, .need = 1, .day = &d1},
	                               {"--to", &to, .day = &d2},
	                               {"--org", &org},
	                               {NULL}};
	int64_t id, org_id = 0;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần mã hồ sơ, --title và --from",
	                      "ID, --title and --from are required")) != 0 ||
	    (org && (rc = org_find(x->app, &x->who, org, &org_id, &x->err)) < 0))
		return rc;
	rc = person_add_position(x->app, &x->who, id, org_id, title, d1, d2, NULL, &x->err);
	if (rc == 0)
		printf("Đã ghi chức vụ cho hồ sơ %lld\n", (long long)id);
	return rc;
}

static const struct cli_subcmd subs[] = {
    {"search", search_cmd},     {"list", list_cmd},
    {"show", show_cmd},         {"cases", cases_cmd},
    {"add", add_cmd},           {"update", update_cmd},
    {"classify", classify_cmd}, {"duplicates", duplicates_cmd},
    {"transfer", transfer_cmd}, {"position", position_cmd},
};

const struct cmd_entry cmd_person_entry = {
    .name = "person",
    .usage = "person search QUERY [--limit N] [--json] | list --org CODE [--json] | show ID "
             "| cases ID [--json] | add --name NAME ... | update ID --version V [--name N ...] | "
             "classify ID "
             "thuong|mat|toi_mat --version V [--reason R] | duplicates [--json] | transfer ID --to "
             "CODE --date D | position ID --title T --from D [--to D] [--org CODE]",
    .help = "Tìm và xem hồ sơ đảng viên / find and read people",
    .purpose = "cli",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
