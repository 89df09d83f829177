/*
 * log.c - timestamped log lines on stderr (see log.h).
 */
#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "core/banned.h"

static enum log_level log_level = LOG_INFO;

static const char *const log_names[LOG__MAX] = {
    [LOG_DEBUG] = "debug",
    [LOG_INFO] = "info",
    [LOG_WARN] = "warn",
    [LOG_ERROR] = "error",
};

void log_set_level(enum log_level level)
{
	if (level < LOG__MAX)
		log_level = level;
}

enum log_level log_get_level(void)
{
	return log_level;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	char ts[32] = "";
	struct tm tm;
	time_t now;
	va_list ap;

	if (level < log_level || level >= LOG__MAX)
		return;
	now = time(NULL);
	if (gmtime_r(&now, &tm))
		strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	flockfile(stderr);
	fprintf(stderr, "%s %s ", ts, log_names[level]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	funlockfile(stderr);
}
