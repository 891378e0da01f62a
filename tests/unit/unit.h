/*
 * A minimal unit-test harness: each CHECK prints a TAP line, so that
 * tools/check.sh can count them with the bats results.
 */
#ifndef JZ_UNIT_H
#define JZ_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(cond, ...)                                                    \
	do {                                                                \
		int ok_ = !!(cond);                                         \
		printf("%s - ", ok_ ? "ok" : "not ok");                     \
		printf(__VA_ARGS__);                                        \
		printf("\n");                                               \
		if (!ok_) {                                                 \
			printf("#   %s:%d: %s\n", __FILE__, __LINE__, #cond);  \
			unit_failed++;                                      \
		}                                                           \
	} while (0)

#define CHECK_STR(got, want, ...)                                           \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		CHECK(g_ && strcmp(g_, w_) == 0, __VA_ARGS__);              \
		if (!g_ || strcmp(g_, w_))                                  \
			printf("#   got '%s', want '%s'\n", g_ ? g_ : "(null)", w_); \
	} while (0)

#define UNIT_END() return unit_failed ? 1 : 0

#endif
