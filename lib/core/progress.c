/* Progress lines on a terminal (see progress.h). */
#include "core/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/diag.h"

enum { EVERY = 1024 };     /* ticks between two looks at the clock */
#define REDRAW 0.2         /* seconds between two drawings at least */

static bool enabled, drawn, at_once;
static int countdown;
static size_t width = 159;  /* the terminal's columns less one: no line wraps */
static double started, phase, last;
static long long bytes_total = -1, bytes_done, rows_total = -1;
static char stage[80];            /* what the run does, without a count */
static const char *tick_what;     /* the last tick of this stage, if any */
static long long tick_count;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(bool quiet)
{
	const char *env = getenv("JIUZHU_PROGRESS");

	at_once = env && strcmp(env, "now") == 0;
	enabled = !quiet && isatty(STDERR_FILENO);
	struct winsize ws;
	if (enabled && ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
		width = ws.ws_col - 1 < 159 ? ws.ws_col - 1 : 159;
	drawn = false;
	countdown = at_once ? 1 : EVERY;
	started = phase = now();
	last = 0;
	bytes_total = rows_total = -1;
	bytes_done = 0;
	stage[0] = '\0';
	tick_what = NULL;
}

void progress_files(char *const *names, int n)
{
	struct stat st;
	long long total = 0;

	bytes_done = 0; /* a policy file read before does not count */
	for (int i = 0; i < (n ? n : 1); i++) {
		bool in = n == 0 || strcmp(names[i], "-") == 0;
		if ((in ? fstat(STDIN_FILENO, &st) : stat(names[i], &st)) != 0 ||
		    !S_ISREG(st.st_mode)) {
			bytes_total = -1; /* a pipe, a terminal: of unknown size */
			return;
		}
		off_t at = in ? lseek(STDIN_FILENO, 0, SEEK_CUR) : 0;
		total += st.st_size - (at > 0 ? at : 0); /* what is left to read */
	}
	bytes_total = total > 0 ? total : -1;
}

void progress_bytes(size_t n)
{
	bytes_done += (long long)n;
}

void progress_total(long long total)
{
	rows_total = total > 0 ? total : -1;
	bytes_total = -1;
	phase = now();
	tick_what = NULL;
}

void progress_stage(const char *what)
{
	snprintf(stage, sizeof stage, "%s", what);
	progress_total(-1);
	progress_busy();
}

/* n with a comma between thousands: 412,000. */
static const char *grouped(long long n, char buf[32])
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? 0 : n), o = 0;

	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* A size in decimal units, as ls --si: 980 kB, 9.8 MB, 98 MB, 1.2 GB. */
static const char *size(long long b, char buf[32])
{
	const char *unit[] = {"B", "kB", "MB", "GB", "TB"};
	double v = (double)b;
	int u = 0;

	while (v >= 1000 && u < 4) {
		v /= 1000;
		u++;
	}
	snprintf(buf, 32, u && v < 9.95 ? "%.1f %s" : "%.0f %s", v, unit[u]);
	return buf;
}

/* Seconds as m:ss, or h:mm:ss from an hour. */
static const char *clock_text(double s, char buf[32])
{
	long t = (long)(s + 0.5);

	if (t >= 3600)
		snprintf(buf, 32, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, 32, "%ld:%02ld", t / 60, t % 60);
	return buf;
}

/* Cut line to n bytes, not inside a UTF-8 character (a Chinese name of
 * a stage takes two columns a character: n bytes is never more). */
static void cut(char *line, size_t n)
{
	while (n > 0 && ((unsigned char)line[n] & 0xC0) == 0x80)
		n--;
	line[n] = '\0';
}

/* What the run does and for how long: a long statement, no count. */
static void draw_stage(double t)
{
	char took[32];

	char line[160];
	snprintf(line, sizeof line, "%s: %s, %s", diag_progname, stage, clock_text(t - phase, took));
	if (strlen(line) > width)
		cut(line, width);
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	drawn = true;
	last = t;
}

static void draw(const char *what, long long count, double t)
{
	char c[32], tot[32], eta[32], line[160];
	double elapsed = t - phase, done = -1;
	int len;

	if (bytes_total > 0) {
		done = bytes_done > bytes_total ? 1 : (double)bytes_done / (double)bytes_total;
		len = snprintf(line, sizeof line, "%s: %s %s, %d%% of %s", diag_progname,
			       grouped(count, c), what, (int)(done * 100), size(bytes_total, tot));
	} else if (rows_total > 0) {
		done = count > rows_total ? 1 : (double)count / (double)rows_total;
		len = snprintf(line, sizeof line, "%s: %s of %s %s, %d%%", diag_progname,
			       grouped(count, c), grouped(rows_total, tot), what, (int)(done * 100));
	} else {
		len = snprintf(line, sizeof line, "%s: %s %s", diag_progname, grouped(count, c),
			       what);
		if (elapsed > 0.5 && len > 0 && (size_t)len < sizeof line)
			snprintf(line + len, sizeof line - (size_t)len, ", %s/s",
				 grouped((long long)(count / elapsed), tot));
	}
	/* The ETA once there is something to go by: the time so far, scaled. */
	if (done > 0 && done < 1 && elapsed > 0.5 && len > 0 && (size_t)len < sizeof line)
		snprintf(line + len, sizeof line - (size_t)len, ", ETA %s",
			 clock_text(elapsed * (1 - done) / done, eta));
	if (strlen(line) > width)
		cut(line, width);
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	drawn = true;
	last = t;
}

void progress_tick(const char *what, long long count)
{
	if (!enabled || --countdown > 0)
		return;
	countdown = at_once ? 1 : EVERY;
	tick_what = what; /* for progress_busy, between two ticks */
	tick_count = count;
	double t = now();
	if (!at_once && t - started < 1.0)
		return;
	/* Redrawn at once after a message cleared it; else five times a second
	 * (each time for a test: JIUZHU_PROGRESS=now). */
	if (!at_once && drawn && t - last < REDRAW)
		return;
	draw(what, count, t);
}

void progress_busy(void)
{
	if (!enabled)
		return;
	double t = now();
	if (!at_once && (t - started < 1.0 || (drawn && t - last < REDRAW)))
		return;
	if (tick_what)
		draw(tick_what, tick_count, t); /* the count as it was, the ETA moved on */
	else if (stage[0])
		draw_stage(t);
}

void progress_clear(void)
{
	if (drawn) {
		fputs("\r\033[K", stderr);
		drawn = false;
	}
}

void progress_done(void)
{
	progress_clear();
	enabled = false;
}
