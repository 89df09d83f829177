/*
 * cmd-audit.c - "hoso audit verify" (recompute the hash chain; exit 1 and
 * name the entry when it was edited, deleted or reordered) and
 * "hoso audit log [--person ID] [--user ID] [--limit N] [--json]".
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/audit.h"
#include "cli/cli.h"

#include "core/banned.h"

static int verify_cmd(struct cli_sub *x, int argc, char **argv)
{
	struct audit_check c;
	char head[65];
	int rc;

	if ((rc = cli_args(x, argc, argv, NULL, NULL, 0, NULL, NULL)) != 0 ||
	    (rc = cli_sub_open(x)) != 0 || (rc = audit_verify(x->app, &x->who, &c, &x->err)) < 0)
		return rc;
	if (c.bad_id) {
		fprintf(stderr,
		        "hoso: nhật ký truy cập bị can thiệp tại mục %lld: %s\n"
		        "hoso: the audit trail was tampered with at entry %lld: %s\n",
		        (long long)c.bad_id, c.problem, (long long)c.bad_id, c.problem_en);
		return EXIT_BAD_INPUT;
	}
	sodium_bin2hex(head, sizeof(head), c.head, 32);
	printf("Nhật ký nguyên vẹn / audit trail intact: %lld mục / entries\n"
	       "head %s\n",
	       (long long)c.entries, head);
	return 0;
}

static int log_cmd(struct cli_sub *x, int argc, char **argv)
{
	const char *person = NULL, *user = NULL, *limit_s = NULL;
	int json = 0, rc;
	const struct cli_opt opts[] = {{"--person", &person},
	                               {"--user", &user},
	                               {"--limit", &limit_s},
	                               {"--json", NULL, &json},
	                               {NULL}};
	int64_t pid = 0, uid = 0, limit = 50;
	struct audit_filter f = {0};
	struct audit_list l;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0 ||
	    (person && (rc = cli_number("--person", person, 1, INT64_MAX, &pid)) != 0) ||
	    (user && (rc = cli_number("--user", user, 0, INT64_MAX, &uid)) != 0) ||
	    (limit_s && (rc = cli_number("--limit", limit_s, 1, 1000, &limit)) != 0) ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	f.object_type = pid ? "person" : NULL;
	f.object_id = pid;
	f.user_id = uid;
	f.limit = (size_t)limit;
	rc = audit_list(x->app, &x->who, &f, &x->a, &l, &x->err);
	if (rc == 0 && json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < l.n; i++)
			json_array_append_new(arr, audit_row_json(&l.v[i]));
		cli_print_json(arr);
	} else if (rc == 0) {
		for (size_t i = 0; i < l.n; i++)
			printf("%6lld  %s  user %-4lld %-10s %-7s %s %lld%s%s%s\n",
			       (long long)l.v[i].id, l.v[i].at, (long long)l.v[i].user_id,
			       l.v[i].address ? l.v[i].address : "-", l.v[i].action,
			       l.v[i].object_type ? l.v[i].object_type : "-",
			       (long long)l.v[i].object_id, l.v[i].purpose ? "  vì: " : "",
			       l.v[i].purpose ? l.v[i].purpose : "",
			       l.v[i].flagged ? "  [NGOÀI PHẠM VI / OUT OF SCOPE]" : "");
	}
	return rc;
}

static const struct cli_subcmd subs[] = {{"verify", verify_cmd}, {"log", log_cmd}};

const struct cmd_entry cmd_audit_entry = {
    .name = "audit",
    .usage = "audit verify | audit log [--person ID] [--user ID] [--limit N] [--json]",
    .help = "Nhật ký truy cập: kiểm tra chuỗi băm, xem / the audit trail: verify, list",
    .subs = subs,
    .nsubs = sizeof(subs) / sizeof(subs[0]),
};
