/*
 * measure: run a shell command N times, each after an untimed set-up
 * command, and print the median wall-clock seconds and the largest peak
 * RSS (KiB, from wait4's rusage) of the runs, as "SECONDS KIB".  A run
 * that fails ends it with that run's status.
 *
 *   measure N SETUP COMMAND
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Run sh -c cmd; its status, and its rusage in ru. */
static int run(const char *cmd, struct rusage *ru)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	int st;
	if (wait4(pid, &st, 0, ru) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	int n = argc == 4 ? atoi(argv[1]) : 0;
	if (n < 1 || n > 99) {
		fprintf(stderr, "usage: measure N SETUP COMMAND\n");
		return 2;
	}
	double secs[99];
	long maxrss = 0;
	for (int i = 0; i < n; i++) {
		struct rusage ru;
		int st = run(argv[2], &ru);
		if (st != 0) {
			fprintf(stderr, "measure: set-up exited %d: %s\n", st, argv[2]);
			return st > 0 ? st : 1;
		}
		double t0 = now();
		st = run(argv[3], &ru);
		secs[i] = now() - t0;
		if (st != 0) {
			fprintf(stderr, "measure: exited %d: %s\n", st, argv[3]);
			return st > 0 ? st : 1;
		}
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
	}
	qsort(secs, (size_t)n, sizeof secs[0], by_value);
	printf("%.3f %ld\n", secs[n / 2], maxrss);
	return 0;
}
