/*
 * cmd-demo.c - "hoso demo [--scale province|national|small] [--seed N]":
 * build the synthetic demo data into a new database.  (--scale
 * national-test, the national code path at test size, is for the tests.)
 */
#include <stdio.h>
#include <time.h>

#include "app/demo.h"
#include "cli/cli.h"

#include "core/banned.h"

struct progress_ctx {
	int tty;
	time_t t0;
};

/* On a terminal, one line rewritten as members and cases come in; and,
 * for several provinces, a line for each province done, so that a long
 * run written to a log shows it is alive. */
static void progress(const struct demo_progress *p, void *arg)
{
	const struct progress_ctx *pr = arg;
	int64_t total = p->persons_total > 0 ? p->persons_total : 1;
	int pct = (int)(p->persons * 100 / total);

	if (p->step == DEMO_STEP_PROVINCE) {
		if (p->nprovinces < 2)
			return;
		fprintf(stderr,
		        "%s  tỉnh / province %d/%d (%s): %lld hồ sơ vụ việc / cases; in all "
		        "%lld đảng viên / members, %lld hồ sơ / cases (%lds)\n",
		        pr->tty ? "\r" : "", p->province + 1, p->nprovinces, p->province_name,
		        (long long)p->province_cases, (long long)p->persons, (long long)p->cases,
		        (long)(time(NULL) - pr->t0));
	} else if (!pr->tty) {
		return;
	} else if (p->step == DEMO_STEP_MEMBERS) {
		fprintf(stderr,
		        "\r  tỉnh / province %d/%d: đảng viên / members: %lld / ~%lld (%d%%)   ",
		        p->province + 1, p->nprovinces, (long long)p->persons,
		        (long long)p->persons_total, pct > 100 ? 100 : pct);
	} else {
		fprintf(stderr,
		        "\r  tỉnh / province %d/%d: hồ sơ vụ việc / cases: %lld (%d)           ",
		        p->province + 1, p->nprovinces, (long long)p->province_cases, p->year);
	}
	fflush(stderr);
}

static int demo(struct cli_sub *x, int argc, char **argv)
{
	const char *scale_s = "province", *seed_s = NULL;
	const struct cli_opt opts[] = {{"--scale", &scale_s}, {"--seed", &seed_s}, {NULL}};
	enum demo_scale scale;
	struct demo_stats st;
	struct progress_ctx pr = {.tty = cli_isatty_err(), .t0 = time(NULL)};
	int64_t seed = 1;
	int rc;

	if ((rc = cli_args(x, argc, argv, opts, NULL, 0, NULL, NULL)) != 0)
		return rc;
	if (demo_scale_parse(scale_s, &scale) < 0)
		return cli_usage(x->cmd, "--scale phải là province, national hoặc small",
		                 "--scale must be province, national or small");
	if ((seed_s && (rc = cli_number("--seed", seed_s, 0, INT64_MAX, &seed)) != 0) ||
	    (rc = cli_sub_open(x)) != 0)
		return rc;
	fprintf(stderr, "Đang tạo dữ liệu mẫu (%s, seed %lld)...\n", scale_s, (long long)seed);
	rc = demo_build(x->app, &x->who, scale, (uint64_t)seed, progress, &pr, &st, &x->err);
	if (pr.tty)
		fputc('\n', stderr);
	if (rc == 0)
		printf("Đã tạo dữ liệu mẫu trong %s: %lld tổ chức, %lld người, %lld lần sắp xếp tổ "
		       "chức, %lld hồ sơ vụ việc (%lds)\n",
		       x->c->db, (long long)st.orgs, (long long)st.persons,
		       (long long)st.successions, (long long)st.cases, (long)(time(NULL) - pr.t0));
	return rc;
}

const struct cmd_entry cmd_demo_entry = {
    .name = "demo",
    .usage = "demo [--scale province|national|small] [--seed N]",
    .help = "Tạo dữ liệu mẫu tổng hợp (tỉnh Điện Biên giả lập) / build synthetic demo data",
    .run = demo,
    .flags = APP_CREATE,
};
