/*
 * cmd-demo.c - "hoso demo [--scale province|national|small] [--seed N]":
 * build the synthetic demo data into a new database.
 */
#include <stdio.h>
#include <time.h>

#include "app/demo.h"
#include "cli/cli.h"
#include "store/store.h"

#include "core/banned.h"

static void progress(int64_t done, int64_t total, void *arg)
{
	(void)arg;
	if (total <= 0)
		return;
	fprintf(stderr, "\r  đảng viên / members: %lld / ~%lld (%d%%)   ", (long long)done,
	        (long long)total, (int)(done * 100 / total > 100 ? 100 : done * 100 / total));
	fflush(stderr);
}

static int cmd_demo_exec(struct cli *c, int argc, char **argv)
{
	const char *scale_s = "province", *seed_s = NULL, *pos[1];
	const struct cli_opt opts[] = {{"--scale", &scale_s}, {"--seed", &seed_s}, {NULL}};
	enum demo_scale scale;
	struct demo_stats st;
	struct actor who;
	struct app *app;
	struct err e;
	int64_t seed = 1;
	size_t npos;
	time_t t0 = time(NULL);
	int rc;

	if ((rc = cli_parse(&cmd_demo_entry, argc, argv, 1, opts, pos, 0, &npos)) != 0)
		return rc;
	if (demo_scale_parse(scale_s, &scale) < 0)
		return cli_usage(&cmd_demo_entry, "--scale phải là province, national hoặc small",
		                 "--scale must be province, national or small");
	if (seed_s && (rc = cli_number("--seed", seed_s, 0, INT64_MAX, &seed)) != 0)
		return rc;
	if ((rc = cli_open(c, STORE_CREATE, &app)) != 0)
		return rc;
	actor_system(&who, "demo");
	err_init(&e);
	fprintf(stderr, "Đang tạo dữ liệu mẫu (%s, seed %lld)...\n", scale_s, (long long)seed);
	rc = demo_build(app, &who, scale, (uint64_t)seed, cli_isatty_err() ? progress : NULL, NULL,
	                &st, &e);
	if (cli_isatty_err())
		fputc('\n', stderr);
	if (rc < 0) {
		rc = cli_fail(&e);
	} else {
		printf("Đã tạo dữ liệu mẫu trong %s: %lld tổ chức, %lld người, %lld lần sắp xếp tổ "
		       "chức, %lld hồ sơ vụ việc (%lds)\n",
		       c->db, (long long)st.orgs, (long long)st.persons, (long long)st.successions,
		       (long long)st.cases, (long)(time(NULL) - t0));
	}
	err_release(&e);
	app_close(app);
	return rc;
}

const struct cmd_entry cmd_demo_entry = {
    .name = "demo",
    .usage = "demo [--scale province|national|small] [--seed N]",
    .help = "Tạo dữ liệu mẫu tổng hợp (tỉnh Điện Biên giả lập) / build synthetic demo data",
    .exec = cmd_demo_exec,
};
