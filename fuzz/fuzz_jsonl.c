/*
 * Fuzz target: the JSON record readers, JSON Lines and (for an input whose
 * first non-blank byte is '[') a JSON array, read as person records, each
 * cell then checked as its field.
 */
#include "fuzz.h"
#include "io/kind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_source src = {.fields = kind_person.fields, .nfields = kind_person.nfields,
				 .format = REC_JSONL};
	char sha[SHA256_HEX];
	size_t i = 0;

	while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i < size && data[i] == '[')
		src.format = REC_JSON;
	rec_read_file(fuzz_file(data, size), &src, fuzz_record, (void *)&kind_person, sha);
	return 0;
}
