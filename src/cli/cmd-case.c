/*
 * cmd-case.c - "hoso case ...": cases, the shared core of the work.  Each
 * kind's own subcommands are in its file (cmd-trip.c, cmd-stay.c,
 * cmd-appraisal.c, cmd-admission.c, cmd-letter.c, cmd-finding.c,
 * cmd-discipline.c), one line each in the table of parts below.
 *
 *   case kinds
 *   case new --kind K --title T --org CODE [--subtype S] [--opened D]
 *            [--confidentiality thuong|mat|toi_mat] [--linked ID]
 *            [--subject-org CODE]... [--subject-person ID]...
 *   case list [--kind K] [--state S] [--q TEXT] [--before ID] [--limit N] [--json]
 *   case show ID [--json]      the case as the HTTP API gives it
 *   case assign ID [USER]...
 *   case step ID --to STATE [--date D] [--note TEXT] [--conclusion TEXT]
 *   case note ID TEXT
 *   case doc ID --title T --date D [--number "Số 15-KL/UBKTTU"] [--issuer I]
 *   case attach ID FILE [--name N]
 *   case attachment ATT --out FILE
 *   case due [--level early|late|overdue] [--json]
 *   case rules
 *   case rule CODE --days N [--early PERCENT] [--late PERCENT]
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/attachment.h"
#include "app/case.h"
#include "app/deadline.h"
#include "app/org.h"
#include "app/user.h"
#include "cli/cmd-case.h"

#include "core/banned.h"

#define MAX_SUBJECTS 200

static int kinds_cmd(struct cli_sub *x, int argc, char **argv)
{
	size_t n;
	const struct case_kind *const *k = case_kinds(&n);
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, NULL, 0, NULL, NULL)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		printf("%s (%s-YYYY-NNNN): %s / %s\n", k[i]->code, k[i]->prefix, k[i]->vi,
		       k[i]->en);
		for (size_t s = 0; s < k[i]->nsteps; s++)
			printf("  %-14s -> %-16s %s%s\n", k[i]->steps[s].from, k[i]->steps[s].to,
			       k[i]->steps[s].vi,
			       k[i]->steps[s].roles == CASE_LEADER ? " [lãnh đạo]" : "");
	}
	return 0;
}

static int new_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *org = NULL, *opened = NULL, *conf = NULL, *linked = NULL;
	const char *orgs_s[MAX_SUBJECTS], *persons_s[MAX_SUBJECTS];
	size_t norgs = 0, npersons = 0;
	struct case_input in = {.opened = DATE_NONE};
	const struct cli_opt opts[] = {
	    {"--kind", &in.kind, .need = 1},
	    {"--title", &in.title, .need = 1},
	    {"--org", &org, .need = 1},
	    {"--subtype", &in.subtype},
	    {"--opened", &opened, .day = &in.opened},
	    {"--confidentiality", &conf},
	    {"--linked", &linked},
	    {"--subject-org", NULL, NULL, orgs_s, &norgs, MAX_SUBJECTS},
	    {"--subject-person", NULL, NULL, persons_s, &npersons, MAX_SUBJECTS},
	    {NULL},
	};
	int64_t org_ids[MAX_SUBJECTS], person_ids[MAX_SUBJECTS], id = 0;
	enum clearance c = CLEARANCE_NORMAL;
	const char *number = NULL;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, "Cần --kind, --title và --org",
	                   "--kind, --title and --org are required")) != 0 ||
	    (linked && (rc = cli_id(linked, &in.linked_case)) != 0) ||
	    (conf &&
	     (rc = cli_clearance(x, conf, "--confidentiality", "--confidentiality", &c)) != 0))
		return rc;
	for (size_t i = 0; i < npersons; i++)
		if ((rc = cli_id(persons_s[i], &person_ids[i])) != 0)
			return rc;
	if ((rc = cli_sub_open(x)) != 0)
		return rc;
	rc = org_find(x->app, &x->who, org, &in.handling_org, &x->err);
	for (size_t i = 0; rc == 0 && i < norgs; i++)
		rc = org_find(x->app, &x->who, orgs_s[i], &org_ids[i], &x->err);
	in.confidentiality = (int)c;
	in.subject_orgs = org_ids;
	in.nsubject_orgs = norgs;
	in.subject_persons = person_ids;
	in.nsubject_persons = npersons;
	if (rc == 0 && (rc = case_create(x->app, &x->who, &in, &x->a, &id, &number, &x->err)) == 0)
		printf("%lld %s\n", (long long)id, number);
	return rc;
}

static void case_line(struct app *app, const struct actor *who, const struct case_row *c,
                      struct arena *a)
{
	char d[DATE_BUF];
	struct case_name org;

	case_org_name(app, who, c->handling_org, DATE_OPEN, a, &org);
	date_format_vn(c->opened, d);
	printf("%6lld  %-14s %-10s %-12s %-16s ", (long long)c->id, c->number, d,
	       org.code ? org.code : "-", c->state);
	cli_print_padded(c->title, 40);
	printf("\n");
}

static int list_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct case_filter f = {.from = DATE_NONE, .to = DATE_NONE};
	const char *limit_s = NULL, *before_s = NULL, *org = NULL, *from = NULL, *to = NULL;
	const char *assignee = NULL;
	int json = 0, overdue = 0, rc;
	const struct cli_opt opts[] = {
	    {"--kind", &f.kind},
	    {"--state", &f.state},
	    {"--limit", &limit_s},
	    {"--before", &before_s},
	    {"--json", NULL, &json},
	    {"--org", &org},
	    {"--from", &from},
	    {"--to", &to},
	    {"--assignee", &assignee},
	    {"--overdue", NULL, &overdue},
	    {"--q", &f.q},
	    {NULL},
	};
	int64_t limit = 100, before = 0;
	struct case_list l;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (limit_s && (rc = cli_number("--limit", limit_s, 1, 1000, &limit)) != 0) ||
	    (before_s && (rc = cli_id(before_s, &before)) != 0) ||
	    (from && (rc = cli_date("--from", from, &f.from)) != 0) ||
	    (to && (rc = cli_date("--to", to, &f.to)) != 0))
		return rc;
	f.limit = (size_t)limit;
	f.before = before;
	f.overdue = overdue;
	if ((rc = cli_sub_open(x)) != 0 ||
	    (org && (rc = org_find(x->app, &x->who, org, &f.org, &x->err)) < 0) ||
	    (assignee &&
	     (rc = user_filter_id(x->app, &x->who, assignee, &f.assignee, &x->err)) < 0))
		return rc;
	rc = case_list(x->app, &x->who, &f, &x->a, &l, &x->err);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr,
			                      case_brief_json(x->app, &x->who, &l.v[i], &x->a));
		cli_print_json(json_pack("{s:I,s:o}", "count", (json_int_t)l.n, "cases", arr));
	} else if (rc == 0) {
		for (size_t i = 0; i < l.n; i++)
			case_line(x->app, &x->who, &l.v[i], &x->a);
	}
	return rc;
}

/* Case id as it is now, for a change that names its version. */
static int case_now(struct cli_sub *x, int64_t id, struct case_view *ret)
{
	int rc = cli_sub_open(x);

	return rc != 0 ? rc : case_get(x->app, &x->who, id, &x->a, ret, &x->err);
}

static int assign_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1 + CASE_ASSIGNEES_MAX];
	struct case_view v;
	int64_t id;
	size_t npos;
	int rc;

	if ((rc = cli_parse(x->cmd, argc, argv, x->first, NULL, pos, 1 + CASE_ASSIGNEES_MAX,
	                    &npos)) != 0)
		return rc;
	if (npos < 1)
		return cli_usage(x->cmd, "Cần ID (và tên người dùng)",
		                 "ID (and usernames) required");
	if ((rc = cli_id(pos[0], &id)) != 0)
		return rc;
	if ((rc = case_now(x, id, &v)) == 0)
		rc = case_assign(x->app, &x->who, id, pos + 1, npos - 1, v.c.version, &x->err);
	if (rc == 0)
		printf("%zu\n", npos - 1);
	return rc;
}

/* case classify ID thuong|mat|toi_mat [--reason R]: the case as it is now. */
static int classify_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *reason = NULL, *pos[2];
	const struct cli_opt opts[] = {{"--reason", &reason}, {NULL}};
	enum clearance level;
	struct case_view v;
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, pos, 2, &id, "Cần mã hồ sơ và độ mật",
	                      "ID and LEVEL are required")) != 0)
		return rc;
	if ((rc = cli_clearance(x, pos[1], "Độ mật", "LEVEL", &level)) != 0)
		return rc;
	if ((rc = case_now(x, id, &v)) == 0)
		rc = case_set_confidentiality(x->app, &x->who, id, (int)level, v.c.version, reason,
		                              &x->err);
	if (rc == 0)
		printf("%s: %s\n", v.c.number, clearance_name(level));
	return rc;
}

static int show_cmd(struct cli_sub *x, int argc, char **argv)
{
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct case_view v;
	int64_t id;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Thiếu mã số hồ sơ (ID)",
	                      "The case ID is missing")) != 0)
		return rc;
	if ((rc = case_now(x, id, &v)) == 0) {
		json_t *o = case_view_json(&v);

		if (json) {
			cli_print_json(o);
		} else {
			char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

			printf("%s\n", text ? text : "");
			free(text);
			json_decref(o);
		}
	}
	return rc;
}

static int step_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *to = NULL, *date = NULL, *note = NULL, *conclusion = NULL;
	int32_t day = DATE_NONE;
	const struct cli_opt opts[] = {
	    {"--to", &to, .need = 1},
	    {"--date", &date, .day = &day},
	    {"--note", &note},
	    {"--conclusion", &conclusion},
	    {NULL},
	};
	struct case_view v;
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --to",
	                      "ID and --to are required")) != 0)
		return rc;
	if ((rc = case_now(x, id, &v)) == 0)
		rc = case_transition(x->app, &x->who, id, to, day, note, conclusion, v.c.version,
		                     &x->err);
	if (rc == 0)
		printf("%s -> %s\n", v.c.state, to);
	return rc;
}

/* case reopen ID --reason R: a closed case back to its step before. */
static int reopen_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *reason = NULL;
	const struct cli_opt opts[] = {{"--reason", &reason, .need = 1}, {NULL}};
	struct case_view v;
	int64_t id;
	int rc;

	if ((rc = cli_args_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --reason",
	                      "ID and --reason are required")) != 0)
		return rc;
	if ((rc = case_now(x, id, &v)) == 0)
		rc = case_reopen(x->app, &x->who, id, reason, v.c.version, &x->err);
	if (rc == 0 && (rc = case_now(x, id, &v)) == 0)
		printf("%s: %s\n", v.c.number, v.c.state);
	return rc;
}

static int note_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[2];
	int64_t id, note;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, NULL, pos, 2, &id, "Cần ID và nội dung ghi chú",
	                      "ID and the note are required")) != 0)
		return rc;
	rc = case_add_note(x->app, &x->who, id, pos[1], &note, &x->err);
	return cli_print_id(rc, note);
}

static int attach_cmd(struct cli_sub *x, int argc, char **argv)
{
	return cli_file_add(x, argc, argv, attachment_add);
}

static int attachment_cmd(struct cli_sub *x, int argc, char **argv)
{
	return cli_file_get(x, argc, argv, attachment_read);
}

static int doc_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct case_document_input in = {.doc_date = DATE_NONE};
	const char *date = NULL;
	const struct cli_opt opts[] = {
	    {"--title", &in.title},
	    {"--date", &date, .need = 1, .day = &in.doc_date},
	    {"--number", &in.number_symbol},
	    {"--issuer", &in.issuer},
	    {NULL},
	};
	int64_t id, doc;
	int rc;

	if ((rc = cli_open_id(x, argc, argv, opts, NULL, 1, &id, "Cần ID và --date",
	                      "ID and --date are required")) != 0)
		return rc;
	rc = case_add_document(x->app, &x->who, id, &in, &doc, &x->err);
	return cli_print_id(rc, doc);
}

int cmd_case_level(const struct cmd_entry *cmd, const char *level, enum deadline_level *ret)
{
	if (level && deadline_level_parse(level, ret) < 0)
		return cli_usage(cmd, "--level là early, late hoặc overdue",
		                 "--level is early, late or overdue");
	return 0;
}

static int due_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *level = NULL;
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--level", &level}, {"--json", NULL, &json}, {NULL}};
	enum deadline_level min = DEADLINE_EARLY;
	struct deadline_item *v;
	size_t n, i = 0;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cmd_case_level(x->cmd, level, &min)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	rc = deadline_due(x->app, &x->who, min, 1000, &x->a, &v, &n, &x->err);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (i = 0; i < n; i++)
			json_array_append_new(arr,
			                      deadline_item_json(x->app, &x->who, &v[i], &x->a));
		cli_print_json(json_pack("{s:I,s:o}", "count", (json_int_t)n, "items", arr));
	} else if (rc == 0) {
		for (i = 0; i < n; i++) {
			char due[DATE_BUF];

			date_format_vn(v[i].d.due, due);
			printf("%-8s %-14s hạn %s  còn %3d ngày làm việc  %s — %s\n",
			       deadline_level_name(v[i].d.level), v[i].c.number, due, v[i].d.left,
			       v[i].d.rule->vi, v[i].c.title);
		}
	}
	return rc;
}

static int rules_cmd(struct cli_sub *x, int argc, char **argv)
{
	const struct deadline_rule *r;
	size_t n;
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	if ((rc = deadline_rules(x->app, &x->a, &r, &n, &x->err)) == 0)
		for (size_t i = 0; i < n; i++)
			printf("%-26s %4d ngày làm việc, nhắc %d%%/%d%%%s  %s\n", r[i].code,
			       r[i].working_days, r[i].remind_early, r[i].remind_late,
			       r[i].is_default ? " (mặc định)" : "", r[i].vi);
	return rc;
}

static int rule_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1], *days_s = NULL, *early_s = NULL, *late_s = NULL;
	const struct cli_opt opts[] = {
	    {"--days", &days_s, .need = 1}, {"--early", &early_s}, {"--late", &late_s}, {NULL}};
	int64_t days, early = 50, late = 80;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Cần mã quy tắc và --days",
	                   "A rule code and --days are needed")) != 0 ||
	    (rc = cli_number("--days", days_s, 1, 1000, &days)) != 0 ||
	    (early_s && (rc = cli_number("--early", early_s, 1, 99, &early)) != 0) ||
	    (late_s && (rc = cli_number("--late", late_s, 1, 99, &late)) != 0) ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	return deadline_rule_set(x->app, &x->who, pos[0], (int)days, (int)early, (int)late,
	                         &x->err);
}

static const struct cli_subcmd subs[] = {
    {"kinds", kinds_cmd},   {"new", new_cmd},           {"list", list_cmd},
    {"show", show_cmd},     {"step", step_cmd},         {"note", note_cmd},
    {"doc", doc_cmd},       {"due", due_cmd},           {"rules", rules_cmd},
    {"rule", rule_cmd},     {"attach", attach_cmd},     {"attachment", attachment_cmd},
    {"assign", assign_cmd}, {"classify", classify_cmd}, {"reopen", reopen_cmd},
};

/* Each kind's subcommands, in its file: one line each. */
static const struct cli_subcmd *const parts[] = {
    cmd_case_trip,    cmd_case_stay,       cmd_case_appraisal, cmd_case_admission, cmd_case_letter,
    cmd_case_finding, cmd_case_discipline, cmd_case_correct,   cmd_case_paper,     NULL,
};

const struct cmd_entry cmd_case_entry = {
    .name = "case",
    .usage =
        "case kinds | new --kind K --title T --org CODE [--subtype S] [--opened D] "
        "[--confidentiality C] [--subject-org CODE]... [--subject-person ID]... | list "
        "[--kind K] [--state S] [--org CODE] [--from D] [--to D] [--assignee U] "
        "[--overdue] [--q TEXT] [--json] | show ID [--json] | assign ID [USER]... | classify ID "
        "thuong|mat|toi_mat [--reason R] | step ID --to "
        "STATE [--date D] [--note N] [--conclusion C] | reopen ID --reason R | note ID TEXT | "
        "doc ID --title T "
        "--date D [--number N] | due [--level L] [--json] | rules | rule CODE --days N "
        "[--early P] [--late P] | attach ID FILE [--name N] | attachment ATT --out FILE",
    .help = "Hồ sơ vụ việc: kiểm tra, giám sát, kỷ luật... / cases: inspections, supervision, ...",
    .purpose = "cli",
    .parts = parts,
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
