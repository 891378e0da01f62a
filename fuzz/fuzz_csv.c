/*
 * Fuzz target: the CSV record reader (rec_read_file with REC_CSV) and the
 * checking of each cell.  The input is read as the record kind whose
 * columns its first line names most of, so that every kind's seeds reach
 * past the header.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "io/kind.h"

/* How many of the comma-separated names of the first line are columns of k. */
static int header_matches(const struct kind *k, const char *s)
{
	int n = 0;

	while (*s && *s != '\n' && *s != '\r') {
		size_t len = strcspn(s, ",\r\n");
		char name[80];
		if (len < sizeof name) {
			memcpy(name, s, len);
			name[len] = '\0';
			n += kind_column(k, name) >= 0;
		}
		s += len + (s[len] == ',');
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kind *kinds[] = {&kind_person, &kind_application, &kind_institution,
				      &kind_survey, &kind_staff, &kind_decision, &kind_funding,
				      &kind_claim};
	const struct kind *k = kinds[0];
	char *s = fuzz_str(data, size);
	char sha[SHA256_HEX];
	int best = 0;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int m = header_matches(kinds[i], s);
		if (m > best)
			best = m, k = kinds[i];
	}
	free(s);
	struct rec_source src = {.fields = k->fields, .nfields = k->nfields, .format = REC_CSV};
	rec_read_file(fuzz_file(data, size), &src, fuzz_record, (void *)k, sha);
	return 0;
}
