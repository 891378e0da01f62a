/* Helpers of the fuzz harnesses (see fuzz.h). */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "io/kind.h"

char *fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

const char *fuzz_file(const uint8_t *data, size_t size)
{
	/* One memfd for the whole run: no disk writes, no temporary files
	 * left behind by a crash; opening /proc/self/fd/N starts at byte 0. */
	static int fd = -1;
	static char path[40];

	if (fd < 0) {
		if ((fd = memfd_create("fuzz-input", 0)) < 0)
			abort();
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	return path;
}

jz_date fuzz_today(void)
{
	jz_date today;
	date_from_ymd(2008, 6, 30, &today);
	return today;
}

void fuzz_record(struct rec *r, void *ctx)
{
	const struct kind *k = ctx;
	struct problems p = r->prob;
	struct value v;

	for (int i = 0; i < r->n && !r->broken; i++)
		field_parse(&k->fields[i], r->val[i], fuzz_today(), &v, &p);
}
