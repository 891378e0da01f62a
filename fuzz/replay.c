/*
 * Replays inputs through a fuzz harness without libFuzzer, so that the
 * inputs that once crashed stay fixed in make check (with the sanitizers
 * under SANITIZE=1).  Linked with one fuzz/fuzz_<target>.c as
 * replay-<target>:
 *
 *   replay-csv FILE|DIR...
 *
 * prints "ok - fuzz replay csv FILE" for each file and one such line for
 * all the files of each directory.  A crash, or a harness's abort() on a
 * broken property, ends it with a non-zero status that make check counts
 * as a failure, after a "not ok" line naming the input.  The library's
 * diagnostics are sent to /dev/null; a
 * sanitizer report still goes to the real standard error.
 */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

/* From the sanitizer runtime when there is one (SANITIZE=1). */
void __sanitizer_set_report_fd(void *fd) __attribute__((weak));
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static const char *target; /* from the program's name */
static int real_stderr = -1, devnull = -1;
static char failed[4200]; /* the "not ok" line of the input being run */

/* Say which input it was when the harness dies (async-signal-safe). */
static void say_failed(void)
{
	if (write(1, failed, strlen(failed)) < 0)
		return;
}

static void on_signal(int sig)
{
	say_failed();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t len = 0, cap = 0, got;

	if (!fp) {
		fprintf(stdout, "not ok - cannot read %s\n", path);
		exit(1);
	}
	do {
		if (len == cap && !(data = realloc(data, cap = cap ? 2 * cap : 4096)))
			abort();
		got = fread(data + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	fclose(fp);
	snprintf(failed, sizeof failed, "not ok - fuzz replay %s %s\n", target, path);
	fflush(stdout);
	fflush(stderr);
	dup2(devnull, 2);
	LLVMFuzzerTestOneInput(data, len);
	fflush(stderr);
	dup2(real_stderr, 2);
	failed[0] = '\0';
	free(data);
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int visible(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

int main(int argc, char **argv)
{
	target = strrchr(argv[0], '-') ? strrchr(argv[0], '-') + 1 : argv[0];
	real_stderr = dup(2);
	devnull = open("/dev/null", O_WRONLY);
	if (real_stderr < 0 || devnull < 0)
		abort();
	if (__sanitizer_set_report_fd)
		__sanitizer_set_report_fd((void *)(long)real_stderr);
	signal(SIGABRT, on_signal);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(say_failed);
	else
		signal(SIGSEGV, on_signal); /* a sanitizer handles SIGSEGV itself */
	for (int i = 1; i < argc; i++) {
		if (!is_dir(argv[i])) {
			run_file(argv[i]);
			printf("ok - fuzz replay %s %s\n", target, argv[i]);
			fflush(stdout);
			continue;
		}
		struct dirent **names;
		int n = scandir(argv[i], &names, visible, alphasort);
		if (n < 0) {
			printf("not ok - cannot read directory %s\n", argv[i]);
			return 1;
		}
		for (int k = 0; k < n; k++) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", argv[i], names[k]->d_name);
			if (!is_dir(path))
				run_file(path);
			free(names[k]);
		}
		free(names);
		printf("ok - fuzz replay %s %s (%d files)\n", target, argv[i], n);
		fflush(stdout);
	}
	return 0;
}
