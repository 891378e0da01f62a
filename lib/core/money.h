/*
 * Money in integer fen (1 yuan = 100 fen) and rates as exact decimals in
 * millionths.  Nothing near money is ever a double.
 */
#ifndef JZ_MONEY_H
#define JZ_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t jz_fen;
typedef int64_t jz_rate; /* millionths: 0.50 is 500000 */

#define MONEY_MAX_FEN INT64_C(99999999999999) /* 999,999,999,999.99 yuan */
#define RATE_ONE INT64_C(1000000)
#define RATE_MAX (1000 * RATE_ONE)
#define MONEY_TEXT 24

/* Parse yuan with at most two decimals ("330", "330.5", "330.50") into fen.
 * A leading '-' only when negative is true.  On failure says why in err. */
bool money_parse(const char *s, bool negative, jz_fen *out, char *err, size_t errlen);

/* money_parse, and the amount's text as money_format writes it in buf. */
bool money_read(const char *s, bool negative, jz_fen *out, char buf[MONEY_TEXT], char *err,
		size_t errlen);
/* Write fen as yuan with exactly two decimals: 33050 -> "330.50". */
void money_format(jz_fen fen, char buf[MONEY_TEXT]);

/* Parse a decimal rate with at most six decimals ("0.50") into millionths. */
bool rate_parse(const char *s, jz_rate *out, char *err, size_t errlen);
void rate_format(jz_rate rate, char buf[MONEY_TEXT]);

/* Is income < rate x n x s, exactly (no division, no rounding, no
 * overflow: the products are taken in 128 bits)? */
bool money_below(jz_fen income, long n, jz_fen s, jz_rate rate);

/* fen x rate, rounded half up to the fen, once (rules.md, Money). */
jz_fen money_times_rate(jz_fen fen, jz_rate rate);
/* A share of fen that may not be exceeded (rate at most 1): fen x rate
 * rounded down to the fen. */
jz_fen money_share(jz_fen fen, jz_rate rate);

#endif
