/* Whole numbers within a range (see number.h). */
#include "core/number.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

long long parse_number(const char *arg, long long lo, long long hi, const char **why)
{
	char *end;
	long long v;
	int saved = errno;

	*why = "invalid";
	if (!arg || lo > hi)
		return 0;
	errno = 0;
	v = strtoll(arg, &end, 10);
	bool over = errno == ERANGE;
	errno = saved;
	if (end == arg || *end != '\0')
		return 0;
	if ((over && v == LLONG_MIN) || v < lo) {
		*why = "too small";
		return 0;
	}
	if ((over && v == LLONG_MAX) || v > hi) {
		*why = "too large";
		return 0;
	}
	*why = NULL;
	return v;
}
