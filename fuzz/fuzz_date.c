/*
 * Fuzz target: date, month and quarter parsing.  An accepted date comes
 * back the same through date_format; month arithmetic and ages on it stay
 * within the calendar (UBSan watches the arithmetic).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size);
	char err[200], text[DATE_TEXT];
	jz_date d, back, end;

	if (date_parse(s, &d, err, sizeof err)) {
		date_format(d, text);
		if (strcmp(text, s) != 0 || !date_parse(text, &back, err, sizeof err) || back != d)
			abort();
		for (int k = -120000; k <= 120000; k += 40001)
			date_format(date_add_months(d, k), text);
		if (date_age(d, d) != 0)
			abort();
	}
	if (date_parse_month(s, &d, err, sizeof err)) {
		date_format(d, text);
		if (strncmp(text, s, 7) != 0 || strcmp(text + 7, "-01") != 0)
			abort();
	}
	if (date_parse_quarter(s, &d, &end, err, sizeof err) && end <= d)
		abort();
	free(s);
	return 0;
}
