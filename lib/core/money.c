/* Money and rates as exact decimals (see money.h). */
#include "core/money.h"

#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Say that s is above max (in units of 10^-maxdec), and what the most is. */
static bool too_large(const char *s, int maxdec, int64_t max, char *err, size_t errlen)
{
	int64_t unit = 1;

	for (int i = 0; i < maxdec; i++)
		unit *= 10;
	snprintf(err, errlen, "'%.40s' is too large; the most is %" PRId64 ".%0*" PRId64, s,
		 max / unit, maxdec, max % unit);
	return false;
}

/* Parse [-]digits[.decimals] with at most maxdec decimals into units of
 * 10^-maxdec; false with a reason in err. */
static bool decimal_parse(const char *s, bool negative, int maxdec, int64_t max,
			  int64_t *out, char *err, size_t errlen)
{
	const char *p = s;
	int64_t v = 0;
	int ndig = 0, ndec = 0;
	bool neg = false;

	if (*p == '-') {
		if (!negative) {
			snprintf(err, errlen, "'%.40s' is negative; a non-negative amount is needed", s);
			return false;
		}
		neg = true;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, ndig++) {
		if (v > max / 10)
			return too_large(s, maxdec, max, err, errlen);
		v = v * 10 + (*p - '0');
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, ndec++) {
			if (ndec == maxdec) {
				snprintf(err, errlen, "'%.40s' has more than %d decimals", s, maxdec);
				return false;
			}
			v = v * 10 + (*p - '0');
		}
		if (ndec == 0)
			ndig = 0; /* "1." is not a number */
	}
	if (ndig == 0 || *p != '\0') {
		snprintf(err, errlen, "'%.40s' is not an amount; expected e.g. 330 or 330.50", s);
		return false;
	}
	for (; ndec < maxdec; ndec++) {
		if (v > max / 10)
			return too_large(s, maxdec, max, err, errlen);
		v *= 10;
	}
	if (v > max)
		return too_large(s, maxdec, max, err, errlen);
	*out = neg ? -v : v;
	return true;
}

bool money_parse(const char *s, bool negative, jz_fen *out, char *err, size_t errlen)
{
	return decimal_parse(s, negative, 2, MONEY_MAX_FEN, out, err, errlen);
}

/* An amount already written as money_format writes it (digits without a
 * leading zero, or one 0, then two decimals; at most 12 digits before the
 * point, so never too large): its fen, and the text kept as it is.  Most
 * amounts read are such, and this is their whole parse. */
static bool money_canonical(const char *s, jz_fen *out, char buf[MONEY_TEXT])
{
	const char *p = s;
	int64_t v = 0;

	if (*p == '0')
		p++;
	else
		while (*p >= '0' && *p <= '9' && p - s < 12)
			v = v * 10 + (*p++ - '0');
	if (p == s || p[0] != '.' || p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9' || p[3])
		return false;
	*out = v * 100 + (p[1] - '0') * 10 + (p[2] - '0');
	memcpy(buf, s, (size_t)(p + 4 - s)); /* with the NUL */
	return true;
}

bool money_read(const char *s, bool negative, jz_fen *out, char buf[MONEY_TEXT], char *err,
		size_t errlen)
{
	if (money_canonical(s, out, buf))
		return true;
	if (!money_parse(s, negative, out, err, errlen))
		return false;
	money_format(*out, buf);
	return true;
}

/* Any int64 fits: 19 digits, the point, the sign and the NUL. */
_Static_assert(MONEY_TEXT >= 19 + 3, "MONEY_TEXT holds any jz_fen");

void money_format(jz_fen fen, char buf[MONEY_TEXT])
{
	/* By hand, right to left: it runs for every money value read. */
	uint64_t a = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
	char tmp[MONEY_TEXT], *p = tmp + sizeof tmp;
	*--p = '\0';
	*--p = (char)('0' + a % 10);
	*--p = (char)('0' + a / 10 % 10);
	*--p = '.';
	a /= 100;
	do
		*--p = (char)('0' + a % 10);
	while ((a /= 10) > 0);
	if (fen < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
}

bool rate_parse(const char *s, jz_rate *out, char *err, size_t errlen)
{
	return decimal_parse(s, false, 6, RATE_MAX, out, err, errlen);
}

void rate_format(jz_rate rate, char buf[MONEY_TEXT])
{
	int64_t frac = rate % RATE_ONE;
	int dec = 6;

	/* Keep at least two decimals; drop trailing zeros after that. */
	while (dec > 2 && frac % 10 == 0) {
		frac /= 10;
		dec--;
	}
	snprintf(buf, MONEY_TEXT, "%" PRId64 ".%0*" PRId64, rate / RATE_ONE, dec, frac);
}

bool money_below(jz_fen income, long n, jz_fen s, jz_rate rate)
{
	assert(n >= 0 && rate >= 0 && rate <= RATE_MAX);
	__extension__ typedef __int128 wide;
	return (wide)income * RATE_ONE < (wide)n * s * rate;
}

jz_fen money_times_rate(jz_fen fen, jz_rate rate)
{
	/* |fen| <= 1e14 and rate <= 1e9 could overflow 64 bits: split. */
	int sign = fen < 0 ? -1 : 1;
	int64_t a = fen < 0 ? -fen : fen;
	int64_t whole = a / RATE_ONE, part = a % RATE_ONE;
	assert(fen != INT64_MIN && rate >= 0 && rate <= RATE_MAX && whole <= INT64_MAX / RATE_MAX);
	int64_t v = whole * rate + (part * rate + RATE_ONE / 2) / RATE_ONE;
	return sign * v;
}

jz_fen money_share(jz_fen fen, jz_rate rate)
{
	assert(fen >= 0 && rate >= 0 && rate <= RATE_ONE);
	int64_t whole = fen / RATE_ONE, part = fen % RATE_ONE;
	return whole * rate + part * rate / RATE_ONE;
}
