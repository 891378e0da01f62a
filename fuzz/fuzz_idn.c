/*
 * Fuzz target: the national ID parser.  Beyond not crashing: an accepted
 * ID is canonical (parsing it again gives itself) and its birth date is
 * real and not after today.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/idn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size);
	char id[IDN_LEN + 1], again[IDN_LEN + 1], err[200];
	jz_date today = fuzz_today();

	if (idn_parse(s, today, id, err, sizeof err)) {
		if (strlen(id) != IDN_LEN || !idn_parse(id, today, again, err, sizeof err) ||
		    strcmp(id, again) != 0)
			abort();
		jz_date birth = idn_birth(id);
		if (birth > today || !strchr("mf", idn_sex(id)))
			abort();
	}
	free(s);
	return 0;
}
