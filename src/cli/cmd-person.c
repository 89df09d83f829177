/*
 * cmd-person.c - "hoso person ...": find and read people.
 *
 *   person search QUERY [--limit N] [--json]
 *   person list --org CODE [--limit N] [--offset N] [--json]
 *   person show ID [--json]
 *   person add --name NAME [--org CODE] [--birth D] [--sex S] [--cccd N] ...
 *   person transfer ID --to CODE --date D [--note S]
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "app/org.h"
#include "app/person.h"
#include "cli/cli.h"

#include "core/banned.h"

static const struct cmd_entry *self(void);

static const char *org_code(struct app *app, const struct actor *who, int64_t id, struct arena *a)
{
	struct org_row r;

	if (!id)
		return NULL;
	if (org_get(app, who, id, DATE_OPEN, a, &r, NULL) < 0)
		return NULL;
	return r.code;
}

static json_t *person_json(struct app *app, const struct actor *who, const struct person_row *p,
                           struct arena *a)
{
	return json_pack(
	    "{s:I,s:s,s:s,s:s,s:s,s:s?,s:s?,s:s?,s:s?,s:s?,s:s,s:s?,s:I}", "id", (json_int_t)p->id,
	    "full_name", p->full_name, "family_name", p->family_name, "middle_name", p->middle_name,
	    "given_name", p->given_name, "sex", p->sex, "birth_date", p->birth_date, "cccd",
	    p->cccd, "party_file_no", p->party_file_no, "party_card_no", p->party_card_no, "status",
	    p->status, "org", org_code(app, who, p->org_id, a), "version", (json_int_t)p->version);
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

static int search_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct app *app = NULL;
	const struct actor *who = &x->who;
	const char *limit_s = NULL, *pos[1];
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--limit", &limit_s}, {"--json", NULL, &json}, {NULL}};
	struct person_list l;
	struct arena a;
	struct err e;
	int64_t limit = 20;
	size_t npos;

	if ((rc = cli_parse(self(), argc, argv, 2, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1)
		return cli_usage(self(), "Thiếu chuỗi tìm kiếm", "The search text is missing");
	if (limit_s && (rc = cli_number("--limit", limit_s, 1, PERSON_SEARCH_MAX, &limit)) != 0)
		return rc;
	arena_init(&a, 1 << 26);
	err_init(&e);
	if ((rc = cli_sub_open(x, &app)) != 0)
		return rc;
	rc = person_search(app, who, pos[0], (size_t)limit, &a, &l, &e);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr, person_json(app, who, &l.v[i], &a));
		cli_print_json(json_pack("{s:s,s:I,s:o}", "query", pos[0], "count", (json_int_t)l.n,
		                         "results", arr));
	} else if (rc == 0) {
		printf("Tìm \"%s\": %zu kết quả\n", pos[0], l.n);
		for (size_t i = 0; i < l.n; i++)
			person_line(app, who, &l.v[i], &a);
	}
	arena_release(&a);
	return cli_done(rc, &e);
}

static int list_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct app *app = NULL;
	const struct actor *who = &x->who;
	const char *org = NULL, *limit_s = NULL, *offset_s = NULL, *pos[1];
	int json = 0, rc;
	const struct cli_opt opts[] = {
	    {"--org", &org},
	    {"--limit", &limit_s},
	    {"--offset", &offset_s},
	    {"--json", NULL, &json},
	    {NULL},
	};
	struct person_list l;
	struct arena a;
	struct err e;
	int64_t id, limit = 10000, offset = 0;
	size_t npos;

	if ((rc = cli_parse(self(), argc, argv, 2, opts, pos, 0, &npos)) != 0)
		return rc;
	if (!org)
		return cli_usage(self(), "Thiếu --org", "--org is required");
	if ((limit_s && (rc = cli_number("--limit", limit_s, 1, 10000, &limit)) != 0) ||
	    (offset_s && (rc = cli_number("--offset", offset_s, 0, INT32_MAX, &offset)) != 0))
		return rc;
	err_init(&e);
	if ((rc = cli_sub_open(x, &app)) != 0)
		return rc;
	if ((rc = org_find(app, who, org, &id, &e)) < 0)
		return cli_done(rc, &e);
	arena_init(&a, 1 << 28);
	rc = person_list_by_org(app, who, id, (size_t)limit, (size_t)offset, &a, &l, &e);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr, person_json(app, who, &l.v[i], &a));
		cli_print_json(json_pack("{s:s,s:I,s:o}", "org", org, "count", (json_int_t)l.n,
		                         "persons", arr));
	} else if (rc == 0) {
		printf("Đảng viên của %s: %zu\n", org, l.n);
		for (size_t i = 0; i < l.n; i++)
			person_line(app, who, &l.v[i], &a);
	}
	arena_release(&a);
	return cli_done(rc, &e);
}

static int show_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct app *app = NULL;
	const struct actor *who = &x->who;
	const char *pos[1];
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct membership_list ms;
	struct position_list ps;
	struct person_row p;
	struct arena a;
	struct err e;
	int64_t id;
	size_t npos;

	if ((rc = cli_parse(self(), argc, argv, 2, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1)
		return cli_usage(self(), "Thiếu mã hồ sơ", "The record id is missing");
	if ((rc = cli_number("ID", pos[0], 1, INT64_MAX, &id)) != 0)
		return rc;
	arena_init(&a, 1 << 24);
	err_init(&e);
	if ((rc = cli_sub_open(x, &app)) != 0)
		return rc;
	rc = person_read(app, who, id, NULL, &a, &p, &ms, &ps, &e);
	if (rc == 0 && json) {
		json_t *o = person_json(app, who, &p, &a), *arr = json_array();

		for (size_t i = 0; i < ms.n; i++)
			json_array_append_new(arr,
			                      json_pack("{s:s?,s:o,s:o,s:s}", "org",
			                                org_code(app, who, ms.v[i].org_id, &a),
			                                "from", cli_date_json(ms.v[i].valid_from),
			                                "to", cli_date_json(ms.v[i].valid_to),
			                                "status", ms.v[i].status));
		json_object_set_new(o, "ethnicity",
		                    p.ethnicity ? json_string(p.ethnicity) : json_null());
		json_object_set_new(o, "management_level",
		                    p.management_level ? json_string(p.management_level)
		                                       : json_null());
		json_object_set_new(o, "admission_date", cli_date_json(p.admission_date));
		json_object_set_new(o, "full_member_date", cli_date_json(p.full_member_date));
		json_object_set_new(o, "memberships", arr);
		arr = json_array();
		for (size_t i = 0; i < ps.n; i++)
			json_array_append_new(
			    arr, json_pack("{s:s,s:s?,s:o,s:o}", "title", ps.v[i].title, "org",
			                   org_code(app, who, ps.v[i].org_id, &a), "from",
			                   cli_date_json(ps.v[i].valid_from), "to",
			                   cli_date_json(ps.v[i].valid_to)));
		json_object_set_new(o, "positions", arr);
		cli_print_json(o);
	} else if (rc == 0) {
		char d1[DATE_BUF], d2[DATE_BUF];

		printf("%s (họ: %s; đệm: %s; tên: %s)\n", p.full_name, p.family_name, p.middle_name,
		       p.given_name);
		char bd[DATE_BUF] = "-";
		struct pdate pd;

		if (p.birth_date && pdate_parse(p.birth_date, strlen(p.birth_date), &pd) == 0)
			pdate_format_vn(&pd, bd);
		printf("  Ngày sinh: %s  Giới tính: %s  CCCD: %s\n", bd,
		       !p.sex                     ? "-"
		       : strcmp(p.sex, "nu") == 0 ? "Nữ"
		                                  : "Nam",
		       p.cccd ? p.cccd : "-");
		printf("  Số lý lịch: %s  Số thẻ: %s  Trạng thái: %s\n",
		       p.party_file_no ? p.party_file_no : "-",
		       p.party_card_no ? p.party_card_no : "-", person_status_label(p.status));
		printf("  Quê quán: %s  Nơi ở: %s\n", p.home_town ? p.home_town : "-",
		       p.residence ? p.residence : "-");
		printf("  Dân tộc: %s  Diện quản lý: %s\n", p.ethnicity ? p.ethnicity : "-",
		       p.management_level ? p.management_level : "-");
		printf("  Quá trình sinh hoạt:\n");
		for (size_t i = 0; i < ms.n; i++) {
			const char *code = org_code(app, who, ms.v[i].org_id, &a);

			if (ms.v[i].valid_to == DATE_OPEN)
				snprintf(d2, sizeof(d2), "nay");
			else
				date_format_vn(ms.v[i].valid_to, d2);
			date_format_vn(ms.v[i].valid_from, d1);
			printf("    %s – %s  %s\n", d1, d2, code ? code : "-");
		}
		if (ps.n)
			printf("  Chức vụ:\n");
		for (size_t i = 0; i < ps.n; i++) {
			const char *code = org_code(app, who, ps.v[i].org_id, &a);

			if (ps.v[i].valid_to == DATE_OPEN)
				snprintf(d2, sizeof(d2), "nay");
			else
				date_format_vn(ps.v[i].valid_to, d2);
			date_format_vn(ps.v[i].valid_from, d1);
			printf("    %s – %s  %s  %s\n", d1, d2, ps.v[i].title, code ? code : "");
		}
	}
	arena_release(&a);
	return cli_done(rc, &e);
}

static int add_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct app *app = NULL;
	const struct actor *who = &x->who;
	struct person_input in = {0};
	const char *org = NULL, *pos[1];
	const struct cli_opt opts[] = {
	    {"--name", &in.full_name},
	    {"--sex", &in.sex},
	    {"--birth", &in.birth_date},
	    {"--cccd", &in.cccd},
	    {"--party-file", &in.party_file_no},
	    {"--party-card", &in.party_card_no},
	    {"--admitted", &in.admission_date},
	    {"--full-member", &in.full_member_date},
	    {"--status", &in.status},
	    {"--home-town", &in.home_town},
	    {"--residence", &in.residence},
	    {"--ethnicity", &in.ethnicity},
	    {"--management-level", &in.management_level},
	    {"--org", &org},
	    {"--joined", &in.joined},
	    {NULL},
	};
	struct err e;
	int64_t id;
	size_t npos;
	int rc;

	if ((rc = cli_parse(self(), argc, argv, 2, opts, pos, 0, &npos)) != 0)
		return rc;
	err_init(&e);
	if ((rc = cli_sub_open(x, &app)) != 0)
		return rc;
	if (org && (rc = org_find(app, who, org, &in.org_id, &e)) < 0)
		return cli_done(rc, &e);
	rc = person_create(app, who, &in, &id, &e);
	if (rc == 0)
		printf("%lld\n", (long long)id);
	return cli_done(rc, &e);
}

static int transfer_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct app *app = NULL;
	const struct actor *who = &x->who;
	const char *to = NULL, *date = NULL, *note = NULL, *pos[1];
	const struct cli_opt opts[] = {{"--to", &to}, {"--date", &date}, {"--note", &note}, {NULL}};
	struct err e;
	int64_t id, org;
	int32_t day;
	size_t npos;
	int rc;

	if ((rc = cli_parse(self(), argc, argv, 2, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1 || !to || !date)
		return cli_usage(self(), "Cần mã hồ sơ, --to và --date",
		                 "ID, --to and --date are required");
	if ((rc = cli_number("ID", pos[0], 1, INT64_MAX, &id)) != 0 ||
	    (rc = cli_date("--date", date, &day)) != 0)
		return rc;
	err_init(&e);
	if ((rc = cli_sub_open(x, &app)) != 0)
		return rc;
	if ((rc = org_find(app, who, to, &org, &e)) == 0)
		rc = person_transfer(app, who, id, org, day, note, &e);
	if (rc == 0)
		printf("Đã chuyển sinh hoạt hồ sơ %lld sang %s\n", (long long)id, to);
	return cli_done(rc, &e);
}

static int position_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct app *app = NULL;
	const struct actor *who = &x->who;
	const char *title = NULL, *from = NULL, *to = NULL, *org = NULL, *pos[1];
	const struct cli_opt opts[] = {
	    {"--title", &title}, {"--from", &from}, {"--to", &to}, {"--org", &org}, {NULL}};
	struct err e;
	int64_t id, org_id = 0;
	int32_t d1, d2 = DATE_OPEN;
	size_t npos;
	int rc;

	if ((rc = cli_parse(self(), argc, argv, 2, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1 || !title || !from)
		return cli_usage(self(), "Cần mã hồ sơ, --title và --from",
		                 "ID, --title and --from are required");
	if ((rc = cli_number("ID", pos[0], 1, INT64_MAX, &id)) != 0 ||
	    (rc = cli_date("--from", from, &d1)) != 0 || (to && (rc = cli_date("--to", to, &d2))))
		return rc;
	if ((rc = cli_sub_open(x, &app)) != 0)
		return rc;
	err_init(&e);
	if (org && (rc = org_find(app, who, org, &org_id, &e)) < 0)
		return cli_done(rc, &e);
	rc = person_add_position(app, who, id, org_id, title, d1, d2, NULL, &e);
	if (rc == 0)
		printf("Đã ghi chức vụ cho hồ sơ %lld\n", (long long)id);
	return cli_done(rc, &e);
}

static const struct cli_subcmd subs[] = {
    {"search", search_cmd}, {"list", list_cmd},         {"show", show_cmd},
    {"add", add_cmd},       {"transfer", transfer_cmd}, {"position", position_cmd},
};

static int cmd_person_exec(struct cli *c, int argc, char **argv)
{
	return cli_dispatch(c, self(), subs, sizeof(subs) / sizeof(subs[0]), "cli", argc, argv);
}

const struct cmd_entry cmd_person_entry = {
    .name = "person",
    .usage =
        "person search QUERY [--limit N] [--json] | list --org CODE [--json] | show ID "
        "| add --name NAME ... | transfer ID --to CODE --date D | position ID --title T --from D "
        "[--to D] [--org CODE]",
    .help = "Tìm và xem hồ sơ đảng viên / find and read people",
    .exec = cmd_person_exec,
};

static const struct cmd_entry *self(void)
{
	return &cmd_person_entry;
}
