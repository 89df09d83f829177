/*
 * cmd-org.c - "hoso org ...": the organisation tree through time.
 *
 *   org tree [--as-of D] [--root CODE] [--depth N] [--json]
 *   org show CODE [--json]              history: versions and successions
 *   org search TEXT [--limit N] [--json] today's organisations by name
 *                                       (without diacritics) or code
 *   org create --code C --name N --kind K [--parent CODE] --from D [--doc S]
 *   org rename CODE NAME --date D [--doc S]
 *   org move CODE PARENT --date D [--doc S]
 *   org merge CODE... (--into CODE | --code C --name N --kind K) --date D
 *   org split CODE --part CODE=NAME ... [--main N] [--assign CHILD=N]... --date D
 *   org dissolve CODE [--receiver CODE] --date D [--doc S]
 *   org map CODE --as-of D              where its records go on that date
 *   org ancestors CODE [--as-of D]
 *   org term CODE --term 2020-2025 --congress D [--doc S]
 *                                       the congress that opened a party term
 *   org terms CODE [--json]             the terms (own or inherited)
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/codes.h"
#include "app/org.h"
#include "app/term.h"
#include "cli/cli.h"

#include "core/banned.h"

#define MAX_LIST 256

static const char *vn(int32_t d, char *buf)
{
	if (d == DATE_OPEN)
		return "nay";
	if (d == DATE_NONE)
		return "?";
	date_format_vn(d, buf);
	return buf;
}

/* The organisation of code, once the database is open. */
static int resolve(struct cli_sub *x, const char *code, int64_t *id)
{
	return org_find(x->app, &x->who, code, id, &x->err);
}

/* The start of a command on one organisation, named by the one positional
 * argument: open the database, read the date of opt (NULL: today) and
 * find the organisation. */
static int open_org(struct cli_sub *x, const char *opt, const char *date, const char *code,
                    int32_t *day, int64_t *id)
{
	int rc;

	if ((rc = cli_sub_open(x)) != 0 || (rc = cli_date(opt, date, day)) != 0)
		return rc;
	return resolve(x, code, id);
}

static int org_tree_cmd(struct cli_sub *x, int argc, char **argv)
{
	const struct actor *who = &x->who;
	const char *as_of = NULL, *root = NULL, *depth_s = NULL;
	int json = 0, rc;
	int64_t root_id = 0, maxdepth = 1000;
	const struct cli_opt opts[] = {
	    {"--as-of", &as_of},
	    {"--root", &root},
	    {"--depth", &depth_s},
	    {"--json", NULL, &json},
	    {NULL},
	};
	struct org_tree t;
	int32_t day;
	char d1[DATE_BUF];

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_date("--as-of", as_of, &day)) != 0 ||
	    (depth_s && (rc = cli_number("--depth", depth_s, 0, 1000, &maxdepth)) != 0) ||
	    (rc = cli_sub_open(x)) != 0 || (root && (rc = resolve(x, root, &root_id)) != 0))
		return rc;
	rc = org_tree_at(x->app, who, day, root_id, &x->a, &t, &x->err);
	if (rc < 0)
		goto out;
	if (json) {
		cli_print_json(org_tree_json(&t));
		goto out;
	}
	printf("Cơ cấu tổ chức tại ngày %s: %zu tổ chức, %lld đảng viên\n", vn(day, d1), t.n,
	       (long long)t.members);
	for (int k = 0; k < ORG_KIND__MAX; k++) {
		if (!t.counts_by_kind[k])
			continue;
		printf("  ");
		cli_print_padded(org_kind_info((enum org_kind)k)->vi, 22);
		printf(" %6zu\n", t.counts_by_kind[k]);
	}
	for (size_t i = 0; i < t.n; i++) {
		const struct org_node *nd = &t.nodes[i];

		if (nd->depth > maxdepth)
			continue;
		printf("%*s%s  %s  [%s]  %lld đảng viên", nd->depth * 2, "", nd->row.code,
		       nd->row.name, org_kind_label(nd->row.kind), (long long)nd->members_total);
		if (nd->nchildren)
			printf(", %zu trực thuộc", nd->nchildren);
		putchar('\n');
	}
out:
	return rc;
}

static const char *code_of(struct app *app, const struct actor *who, int64_t id, struct arena *a)
{
	struct org_row r;

	if (!id)
		return "-";
	if (org_get(app, who, id, DATE_OPEN, a, &r, NULL) < 0)
		return "?";
	return r.code;
}

/* An organisation's history as text. */
static void show_text(struct app *app, const struct actor *who, const char *code,
                      const struct org_history *h, struct arena *a)
{
	char d1[DATE_BUF], d2[DATE_BUF];

	printf("%s — hoạt động từ %s đến %s\n", code, vn(h->versions.v[0].valid_from, d1),
	       vn(h->versions.v[0].valid_to, d2));
	printf("Lịch sử tên và cấp trên / versions:\n");
	for (size_t i = 0; i < h->versions.n; i++) {
		const struct org_row *v = &h->versions.v[i];

		printf("  %s – %s: %s [%s], cấp trên %s%s%s\n", vn(v->ver_from, d1),
		       vn(v->ver_to, d2), v->name, org_kind_label(v->kind),
		       code_of(app, who, v->parent_id, a), v->document ? "; " : "",
		       v->document ? v->document : "");
	}
	printf("Sắp xếp tổ chức / successions:\n");
	for (size_t i = 0; i < h->successions.n; i++) {
		const struct succession_row *s = &h->successions.v[i];

		printf("  %s %s", vn(s->effective, d1), s->kind);
		for (size_t k = 0; k < s->nlinks; k++)
			printf(" %s→%s%s", code_of(app, who, s->links[k].from_org, a),
			       code_of(app, who, s->links[k].to_org, a),
			       s->links[k].is_main ? "*" : "");
		printf("%s%s\n", s->document ? "; " : "", s->document ? s->document : "");
	}
}

static int org_show_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct org_history h;
	int64_t id;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu mã tổ chức",
	                   "The organisation code is missing")) != 0 ||
	    (rc = cli_sub_open(x)) != 0 || (rc = resolve(x, pos[0], &id)) != 0)
		return rc;
	rc = org_history(x->app, &x->who, id, &x->a, &h, &x->err);
	if (rc == 0 && json)
		cli_print_json(org_history_json(x->app, &x->who, id, pos[0], &h, &x->a));
	else if (rc == 0)
		show_text(x->app, &x->who, pos[0], &h, &x->a);
	return rc;
}

static int org_create_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *parent = NULL, *from = NULL;
	struct org_new o = {0};
	const struct cli_opt opts[] = {
	    {"--code", &o.code, .need = 1},
	    {"--name", &o.name, .need = 1},
	    {"--kind", &o.kind, .need = 1},
	    {"--parent", &parent},
	    {"--from", &from, .need = 1, .day = &o.from},
	    {"--doc", &o.document},
	    {NULL},
	};
	int64_t id;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, "Cần --code, --name, --kind và --from",
	                   "--code, --name, --kind and --from are required")) != 0 ||
	    (rc = cli_sub_open(x)) != 0 || (parent && (rc = resolve(x, parent, &o.parent_id)) != 0))
		return rc;
	rc = org_create(x->app, &x->who, &o, &id, &x->err);
	if (rc == 0)
		printf("Đã tạo tổ chức %s (id %lld)\n", o.code, (long long)id);
	return rc;
}

static int org_rename_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *date = NULL, *doc = NULL, *pos[2];
	const struct cli_opt opts[] = {{"--date", &date, .need = 1}, {"--doc", &doc}, {NULL}};
	int64_t id;
	int32_t day;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 2, "Cần mã tổ chức, tên mới và --date",
	                   "CODE, NAME and --date are required")) != 0 ||
	    (rc = open_org(x, "--date", date, pos[0], &day, &id)) != 0)
		return rc;
	rc = org_rename(x->app, &x->who, id, pos[1], day, doc, &x->err);
	if (rc == 0)
		printf("Đã đổi tên %s\n", pos[0]);
	return rc;
}

static int org_move_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *date = NULL, *doc = NULL, *pos[2];
	const struct cli_opt opts[] = {{"--date", &date, .need = 1}, {"--doc", &doc}, {NULL}};
	int64_t id, parent;
	int32_t day;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 2, "Cần mã tổ chức, mã cấp trên mới và --date",
	                   "CODE, PARENT and --date are required")) != 0 ||
	    (rc = open_org(x, "--date", date, pos[0], &day, &id)) != 0 ||
	    (rc = resolve(x, pos[1], &parent)) != 0)
		return rc;
	rc = org_move(x->app, &x->who, id, parent, day, doc, &x->err);
	if (rc == 0)
		printf("Đã chuyển %s về %s\n", pos[0], pos[1]);
	return rc;
}

static int org_merge_cmd(struct cli_sub *x, int argc, char **argv)
{
	const struct actor *who = &x->who;
	const char *date = NULL, *doc = NULL, *into = NULL, *code = NULL, *name = NULL,
	           *kind = NULL, *parent = NULL, *pos[MAX_LIST];
	const struct cli_opt opts[] = {
	    {"--date", &date}, {"--doc", &doc},   {"--into", &into},     {"--code", &code},
	    {"--name", &name}, {"--kind", &kind}, {"--parent", &parent}, {NULL},
	};
	int64_t ids[MAX_LIST], into_id = 0, res;
	struct org_new spec = {0};
	int32_t day;
	size_t npos;
	int rc;

	if ((rc = cli_parse(x->cmd, argc, argv, x->first, opts, pos, MAX_LIST, &npos)) != 0)
		return rc;
	if (npos < 1 || !date || (!into && (!code || !name || !kind)))
		return cli_usage(x->cmd,
		                 "Cần các mã tổ chức, --date và --into (hoặc --code --name --kind "
		                 "cho tổ chức mới)",
		                 "CODEs, --date and --into (or --code --name --kind) are required");
	if ((rc = cli_date("--date", date, &day)) != 0 || (rc = cli_sub_open(x)) != 0)
		return rc;
	for (size_t i = 0; i < npos; i++)
		if ((rc = resolve(x, pos[i], &ids[i])) != 0)
			return rc;
	if ((into && (rc = resolve(x, into, &into_id)) != 0) ||
	    (parent && (rc = resolve(x, parent, &spec.parent_id)) != 0))
		return rc;
	spec.code = code;
	spec.name = name;
	spec.kind = kind;
	spec.from = day;
	spec.document = doc;
	if (!spec.parent_id && !into) {
		/* default: the parent of the first source */
		struct org_row r;

		if (org_get(x->app, who, ids[0], day, &x->a, &r, NULL) == 0)
			spec.parent_id = r.parent_id;
	}
	rc = org_merge(x->app, who, ids, npos, into_id, into ? NULL : &spec, day, doc, &res,
	               &x->err);
	if (rc == 0)
		printf("Đã hợp nhất %zu tổ chức vào %s\n", npos, into ? into : code);
	return rc;
}

/* --part CODE=NAME of a split, into parts[i] (its code to free). */
static int split_parts(struct cli_sub *x, const char **parts_s, size_t n, const char *doc,
                       struct org_new *parts)
{
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(parts_s[i], '=');

		if (!eq)
			return cli_usage(x->cmd, "--part cần dạng MÃ=TÊN",
			                 "--part takes CODE=NAME");
		memset(&parts[i], 0, sizeof(parts[i]));
		parts[i].code = strndup(parts_s[i], (size_t)(eq - parts_s[i]));
		parts[i].name = eq + 1;
		parts[i].document = doc;
	}
	return 0;
}

/* --assign CHILD=PART_NUMBER of a split (of nparts), into assign[i]. */
static int split_assign(struct cli_sub *x, const char **assign_s, size_t n, size_t nparts,
                        struct org_assign *assign)
{
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(assign_s[i], '=');
		char *child;
		int64_t part;
		int rc;

		if (!eq)
			return cli_usage(x->cmd, "--assign cần dạng MÃ_CON=SỐ_PHẦN",
			                 "--assign takes CHILD=PART_NUMBER");
		child = strndup(assign_s[i], (size_t)(eq - assign_s[i]));
		rc = resolve(x, child, &assign[i].child);
		free(child);
		if (rc != 0 || (rc = cli_number("--assign", eq + 1, 1, (int64_t)nparts, &part)))
			return rc;
		assign[i].part = (size_t)part - 1;
	}
	return 0;
}

static int org_split_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *date = NULL, *doc = NULL, *main_s = NULL, *parts_s[MAX_LIST],
	           *assign_s[MAX_LIST], *pos[1];
	size_t nparts = 0, nassign = 0, npos;
	const struct cli_opt opts[] = {
	    {"--date", &date},
	    {"--doc", &doc},
	    {"--main", &main_s},
	    {"--part", NULL, NULL, parts_s, &nparts, MAX_LIST},
	    {"--assign", NULL, NULL, assign_s, &nassign, MAX_LIST},
	    {NULL},
	};
	struct org_new parts[MAX_LIST];
	struct org_assign assign[MAX_LIST];
	int64_t id, main_part = 0, ids[MAX_LIST];
	int32_t day;
	int rc;

	if ((rc = cli_parse(x->cmd, argc, argv, x->first, opts, pos, 1, &npos)) != 0)
		return rc;
	if (npos != 1 || !date || nparts < 2)
		return cli_usage(x->cmd, "Cần mã tổ chức, --date và ít nhất hai --part MÃ=TÊN",
		                 "CODE, --date and at least two --part CODE=NAME are required");
	if ((rc = open_org(x, "--date", date, pos[0], &day, &id)) != 0 ||
	    (main_s && (rc = cli_number("--main", main_s, 1, (int64_t)nparts, &main_part)) != 0) ||
	    (rc = split_parts(x, parts_s, nparts, doc, parts)) != 0 ||
	    (rc = split_assign(x, assign_s, nassign, nparts, assign)) != 0)
		return rc;
	rc = org_split(x->app, &x->who, id, parts, nparts, main_s ? (size_t)main_part - 1 : 0,
	               assign, nassign, day, doc, ids, &x->err);
	for (size_t i = 0; i < nparts; i++)
		free((char *)parts[i].code);
	if (rc == 0)
		printf("Đã chia tách %s thành %zu tổ chức\n", pos[0], nparts);
	return rc;
}

static int org_dissolve_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *date = NULL, *doc = NULL, *recv = NULL, *pos[1];
	const struct cli_opt opts[] = {
	    {"--date", &date, .need = 1}, {"--doc", &doc}, {"--receiver", &recv}, {NULL}};
	int64_t id, rid = 0;
	int32_t day;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Cần mã tổ chức và --date",
	                   "CODE and --date are required")) != 0 ||
	    (rc = open_org(x, "--date", date, pos[0], &day, &id)) != 0 ||
	    (recv && (rc = resolve(x, recv, &rid)) != 0))
		return rc;
	rc = org_dissolve(x->app, &x->who, id, rid, day, doc, &x->err);
	if (rc == 0)
		printf("Đã giải thể %s\n", pos[0]);
	return rc;
}

/* The arguments of map and ancestors, CODE [--as-of D] [--json]: the
 * organisation (*code, *id), the day and whether JSON is wanted. */
static int org_on_day(struct cli_sub *x, int argc, char **argv, const char **code, int64_t *id,
                      int32_t *day, int *json)
{
	const char *as_of = NULL, *pos[1];
	const struct cli_opt opts[] = {{"--as-of", &as_of}, {"--json", NULL, json}, {NULL}};
	int rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu mã tổ chức",
	                  "The organisation code is missing");

	if (rc != 0)
		return rc;
	*code = pos[0];
	return open_org(x, "--as-of", as_of, pos[0], day, id);
}

static int org_map_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *code;
	struct org_row r;
	int64_t id, to;
	int32_t day;
	int json = 0, rc;

	if ((rc = org_on_day(x, argc, argv, &code, &id, &day, &json)) != 0)
		return rc;
	rc = org_map(x->app, &x->who, id, day, &to, &x->err);
	if (rc == 0)
		rc = org_get(x->app, &x->who, to, day, &x->a, &r, &x->err);
	if (rc == 0 && json)
		cli_print_json(json_pack("{s:s,s:o,s:s,s:s}", "from", code, "as_of",
		                         code_date_json(day), "code", r.code, "name", r.name));
	else if (rc == 0)
		printf("%s → %s  %s\n", code, r.code, r.name);
	return rc;
}

static int org_ancestors_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *code;
	struct org_list l;
	int64_t id;
	int32_t day;
	int json = 0, rc;

	if ((rc = org_on_day(x, argc, argv, &code, &id, &day, &json)) != 0)
		return rc;
	rc = org_ancestors(x->app, &x->who, id, day, &x->a, &l, &x->err);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(
			    arr, json_pack("{s:s,s:s}", "code", l.v[i].code, "name", l.v[i].name));
		cli_print_json(arr);
	} else if (rc == 0) {
		for (size_t i = 0; i < l.n; i++)
			printf("%*s%s  %s\n", (int)i * 2, "", l.v[i].code, l.v[i].name);
	}
	return rc;
}

static int org_term_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *term = NULL, *congress = NULL, *doc = NULL, *pos[1];
	const struct cli_opt opts[] = {{"--term", &term, .need = 1},
	                               {"--congress", &congress, .need = 1},
	                               {"--doc", &doc},
	                               {NULL}};
	int64_t id, tid;
	int32_t day;
	int first, last, rc;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Cần mã tổ chức, --term và --congress",
	                   "CODE, --term and --congress are required")) != 0)
		return rc;
	if (term_name_parse(term, &first, &last, &x->err) < 0)
		return cli_usage(x->cmd, err_text_vi(&x->err), err_text_en(&x->err));
	if ((rc = open_org(x, "--congress", congress, pos[0], &day, &id)) != 0)
		return rc;
	rc = term_add(x->app, &x->who, id, first, last, day, doc, &tid, &x->err);
	if (rc == 0)
		printf("Đã ghi nhận nhiệm kỳ %d-%d của %s\n", first, last, pos[0]);
	return rc;
}

static int org_terms_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *pos[1];
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--json", NULL, &json}, {NULL}};
	struct term *v;
	int64_t id;
	size_t n = 0;

	if ((rc = cli_args(x, argc, argv, opts, pos, 1, "Thiếu mã tổ chức",
	                   "The organisation code is missing")) != 0 ||
	    (rc = cli_sub_open(x)) != 0 || (rc = resolve(x, pos[0], &id)) != 0)
		return rc;
	rc = term_list(x->app, &x->who, id, &x->a, &v, &n, &x->err);
	if (rc == 0 && json)
		cli_print_json(term_list_json(v, n, &x->a));
	for (size_t i = 0; rc == 0 && !json && i < n; i++) {
		char f[DATE_BUF], t[DATE_BUF];

		printf("NK%d-%d  %s – %s  (%s)\n", v[i].first, v[i].last, vn(v[i].congress, f),
		       vn(v[i].end, t), v[i].org_code ? v[i].org_code : "?");
	}
	if (rc == 0 && !json && !n)
		printf("Chưa ghi nhận nhiệm kỳ / no terms recorded\n");
	return rc;
}

static int org_search_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct cli_search q;
	struct org_hit_list l;
	int rc;

	if ((rc = cli_search_args(x, argc, argv, ORG_SEARCH_MAX, &q)) != 0 ||
	    (rc = org_search(x->app, &x->who, q.query, q.limit, &x->a, &l, &x->err)) < 0)
		return rc;
	if (q.json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr, org_hit_json(&l.v[i]));
		cli_print_json(json_pack("{s:s,s:o}", "query", q.query, "results", arr));
		return 0;
	}
	printf("Tìm \"%s\": %zu kết quả\n", q.query, l.n);
	for (size_t i = 0; i < l.n; i++)
		printf("%s  %s  (%s%s%s)\n", l.v[i].code, l.v[i].name, org_kind_label(l.v[i].kind),
		       l.v[i].parent_name ? ", thuộc " : "",
		       l.v[i].parent_name ? l.v[i].parent_name : "");
	return 0;
}

static const struct cli_subcmd subs[] = {
    {"tree", org_tree_cmd},           {"show", org_show_cmd},         {"create", org_create_cmd},
    {"rename", org_rename_cmd},       {"move", org_move_cmd},         {"merge", org_merge_cmd},
    {"split", org_split_cmd},         {"dissolve", org_dissolve_cmd}, {"map", org_map_cmd},
    {"ancestors", org_ancestors_cmd}, {"term", org_term_cmd},         {"terms", org_terms_cmd},
    {"search", org_search_cmd},
};

const struct cmd_entry cmd_org_entry = {
    .name = "org",
    .usage =
        "org tree|show|search|create|rename|move|merge|split|dissolve|map|ancestors|term|terms "
        "...",
    .help = "Cây tổ chức theo thời gian / the organisation tree through time",
    .purpose = "cli",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
