/*
 * Fuzz target: money and rate parsing.  An accepted amount is in range and
 * comes back the same through money_format and money_parse (likewise a
 * rate through rate_format); the arithmetic on them does not overflow
 * (UBSan watches).
 */
#include <stdlib.h>

#include "fuzz.h"
#include "core/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_str(data, size);
	char err[200], text[MONEY_TEXT];
	jz_fen fen, back;
	jz_rate rate, rback;

	for (int negative = 0; negative <= 1; negative++)
		if (money_parse(s, negative, &fen, err, sizeof err)) {
			if (fen > MONEY_MAX_FEN || fen < -MONEY_MAX_FEN || (!negative && fen < 0))
				abort();
			money_format(fen, text);
			if (!money_parse(text, true, &back, err, sizeof err) || back != fen)
				abort();
		}
	if (rate_parse(s, &rate, err, sizeof err)) {
		if (rate < 0 || rate > RATE_MAX)
			abort();
		rate_format(rate, text);
		if (!rate_parse(text, &rback, err, sizeof err) || rback != rate)
			abort();
		money_times_rate(MONEY_MAX_FEN, rate);
		money_times_rate(-MONEY_MAX_FEN, rate);
		money_below(MONEY_MAX_FEN, 1000, MONEY_MAX_FEN, rate);
	}
	free(s);
	return 0;
}
