/* Progress lines on a terminal (see progress.h). */
#include "core/progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "core/diag.h"

static bool enabled, shown;
static double started, last;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(bool quiet)
{
	enabled = !quiet && isatty(STDERR_FILENO);
	shown = false;
	started = last = now();
}

void progress_tick(const char *what, long long count)
{
	if (!enabled || count % 4096)
		return;
	double t = now();
	if (t - started < 1.0 || t - last < 0.25)
		return;
	last = t;
	shown = true;
	fprintf(stderr, "\r%s: %s: %lld", diag_progname, what, count);
}

void progress_done(void)
{
	if (shown)
		fputs("\r\033[K", stderr);
	shown = false;
}
