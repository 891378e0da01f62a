/* Unit tests of the value parsers: IDs (GB 11643), money, rates, dates,
 * numbers from the command line. */
#include "unit.h"

#include <limits.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/idn.h"
#include "core/money.h"
#include "core/number.h"
#include "core/text.h"

static jz_date day(const char *s)
{
	jz_date d = 0;
	char err[100];
	date_parse(s, &d, err, sizeof err);
	return d;
}

static void ids(void)
{
	char out[19], err[200];
	jz_date today = day("2026-11-29");

	/* 11010519491231002X: sum of digits x weights = 1*7+1*9+0*10+1*5+0*8+5*4
	 * +1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> X */
	CHECK(idn_parse("11010519491231002X", today, out, err, sizeof err),
	      "data.md id: a valid ID with check character X is accepted");
	CHECK_STR(out, "11010519491231002X", "data.md id: the canonical form is unchanged");
	CHECK(idn_parse("11010519491231002x", today, out, err, sizeof err) &&
	      strcmp(out, "11010519491231002X") == 0, "data.md id: a lower-case x is upper-cased");
	CHECK(!idn_parse("110105194912310025", today, out, err, sizeof err),
	      "data.md id: a wrong check character is rejected");
	CHECK_STR(err, "check character is 5, expected X", "data.md id: the message names both characters");
	/* 15 digits 110105491231002 -> 11010519491231002 + check X (as above). */
	CHECK(idn_parse("110105491231002", today, out, err, sizeof err),
	      "data.md id: a 15-digit number is accepted");
	CHECK_STR(out, "11010519491231002X", "data.md id: 15 digits get 19 and the check character");
	/* 110105198702300016: 1987-02-30 does not exist (check character 6 is right). */
	CHECK(!idn_parse("110105198702300016", today, out, err, sizeof err) &&
	      strstr(err, "19870230 in the ID is not a real date"), "data.md id: an impossible birth date is rejected");
	CHECK(!idn_parse("110105209901010012", today, out, err, sizeof err) &&
	      strstr(err, "after today"), "data.md id: a birth date after today is rejected");
	CHECK(!idn_parse("1101051949123100", today, out, err, sizeof err) &&
	      strstr(err, "is not an ID (16 characters)"), "data.md id: 16 characters are not an ID, and are not echoed");
	CHECK(!idn_parse("11010519491231002Y", today, out, err, sizeof err),
	      "data.md id: a check character other than 0-9 and X is rejected");
	CHECK(idn_check_char("11010519491231002") == 'X', "idn_check_char computes X");
	/* 110105195903120130 (example district): check character 0. */
	CHECK(idn_check_char("11010519590312013") == '0', "idn_check_char computes 0");
	CHECK(idn_sex("11010519491231002X") == 'f', "the 17th digit 2 is even: female");
	CHECK(idn_sex("110105195903120130") == 'm', "the 17th digit 3 is odd: male");
	CHECK(idn_birth("11010519491231002X") == day("1949-12-31"), "the birth date comes from the ID");
	char masked[32];
	CHECK_STR(diag_mask_id("11010519491231002X", masked), "110105********002X",
		  "IDs are masked as 110105********002X (cli.md report)");
}

static void money(void)
{
	jz_fen fen;
	char err[200], buf[MONEY_TEXT];

	CHECK(money_parse("330", false, &fen, err, sizeof err) && fen == 33000, "data.md money: 330 is 33000 fen");
	CHECK(money_parse("330.5", false, &fen, err, sizeof err) && fen == 33050, "data.md money: 330.5 is 33050 fen");
	CHECK(money_parse("330.50", false, &fen, err, sizeof err) && fen == 33050, "data.md money: 330.50 is 33050 fen");
	CHECK(money_parse("0.01", false, &fen, err, sizeof err) && fen == 1, "data.md money: 0.01 is 1 fen");
	CHECK(!money_parse("1.005", false, &fen, err, sizeof err) && strstr(err, "more than 2 decimals"),
	      "data.md money: 1.005 is rejected (more than two decimals)");
	CHECK(!money_parse("1000000000000", false, &fen, err, sizeof err) && strstr(err, "too large"),
	      "data.md money: 1,000,000,000,000 yuan is rejected as too large");
	CHECK(!money_parse("99999999999999999999", false, &fen, err, sizeof err),
	      "data.md money: 20 digits do not overflow, they are rejected");
	CHECK(money_parse("999999999999.99", false, &fen, err, sizeof err) && fen == MONEY_MAX_FEN,
	      "data.md money: the largest amount is accepted");
	CHECK(!money_parse("-5", false, &fen, err, sizeof err) && strstr(err, "negative"),
	      "data.md money: negative only where a column allows it");
	CHECK(money_parse("-5.5", true, &fen, err, sizeof err) && fen == -550, "money: -5.5 where allowed is -550 fen");
	const char *bad[] = {"", ".5", "1.", "1e3", " 1", "1 ", "+1", "1,000", "0x10", "NaN", NULL};
	for (int i = 0; bad[i]; i++)
		CHECK(!money_parse(bad[i], false, &fen, err, sizeof err), "data.md money: '%s' is rejected", bad[i]);
	money_format(33050, buf);
	CHECK_STR(buf, "330.50", "data.md money: written back as 330.50");
	money_format(1, buf);
	CHECK_STR(buf, "0.01", "money: 1 fen is 0.01");
	money_format(-550, buf);
	CHECK_STR(buf, "-5.50", "money: -550 fen is -5.50");
	/* Written by hand, not by printf: the ends of the range. */
	money_format(0, buf);
	CHECK_STR(buf, "0.00", "money: 0 fen is 0.00");
	money_format(-5, buf);
	CHECK_STR(buf, "-0.05", "money: -5 fen is -0.05");
	money_format(INT64_MAX, buf);
	CHECK_STR(buf, "92233720368547758.07", "money: the largest sum is written whole");
	money_format(INT64_MIN, buf);
	CHECK_STR(buf, "-92233720368547758.08", "money: the smallest sum is written whole");
}

static void rates(void)
{
	jz_rate r;
	char err[200], buf[MONEY_TEXT];

	CHECK(rate_parse("0.50", &r, err, sizeof err) && r == 500000, "policy.md rate: 0.50 is 500000 millionths");
	CHECK(!rate_parse("0.1234567", &r, err, sizeof err), "policy.md rate: seven decimals are rejected");
	/* rules.md Money: half up to the fen, once. 81.25 x 0.50 = 40.625 -> 40.63 */
	CHECK(money_times_rate(8125, 500000) == 4063, "rules.md money: 81.25 x 0.50 = 40.625 rounds half up to 40.63");
	/* 81.23 x 0.50 = 40.615 -> 40.62 */
	CHECK(money_times_rate(8123, 500000) == 4062, "rules.md money: 81.23 x 0.50 = 40.615 rounds to 40.62");
	/* 330.00 x 0.15 = 49.50 exactly */
	CHECK(money_times_rate(33000, 150000) == 4950, "rules.md money: 330.00 x 0.15 = 49.50");
	/* 0.01 x 0.49 = 0.0049 -> 0.00 */
	CHECK(money_times_rate(1, 490000) == 0, "rules.md money: 0.01 x 0.49 rounds down to 0.00");
	/* The largest amount times 1000 does not overflow: 99999999999999 fen x 1000. */
	CHECK(money_times_rate(MONEY_MAX_FEN, RATE_MAX) == MONEY_MAX_FEN * 1000, "money x rate does not overflow");
	/* lifecycle.md offsets: at most the share, so rounded down. 333.33 x
	 * 0.30 = 99.999 -> 99.99 (half up would keep back 100.00, above 30%). */
	CHECK(money_share(33333, 300000) == 9999, "lifecycle.md offset: 333.33 x 0.30 rounds down to 99.99");
	CHECK(money_share(66000, 300000) == 19800, "lifecycle.md offset: 660.00 x 0.30 = 198.00");
	CHECK(money_share(MONEY_MAX_FEN, RATE_ONE) == MONEY_MAX_FEN, "a share of 1 is the whole, without overflow");
	rate_format(500000, buf);
	CHECK_STR(buf, "0.50", "a rate is written with at least two decimals");
	rate_format(1234500, buf);
	CHECK_STR(buf, "1.2345", "a rate keeps its significant decimals");
}

static void dates(void)
{
	jz_date d;
	char err[200], buf[DATE_TEXT];

	CHECK(date_parse("2008-02-29", &d, err, sizeof err), "data.md date: 2008-02-29 is a real date (leap year)");
	CHECK(!date_parse("2007-02-29", &d, err, sizeof err) && strstr(err, "not a real date"),
	      "data.md date: 2007-02-29 is not");
	CHECK(!date_parse("1900-02-29", &d, err, sizeof err), "data.md date: 1900 is not a leap year");
	CHECK(date_parse("2000-02-29", &d, err, sizeof err), "data.md date: 2000 is a leap year");
	CHECK(!date_parse("2007-13-01", &d, err, sizeof err), "data.md date: month 13 is rejected");
	CHECK(!date_parse("2007-9-1", &d, err, sizeof err) && strstr(err, "expected YYYY-MM-DD"),
	      "data.md date: 2007-9-1 is not YYYY-MM-DD");
	CHECK(day("1970-01-01") == 0 && day("2007-07-03") == 13697, "dates are days since 1970-01-01");
	date_format(day("2007-07-03"), buf);
	CHECK_STR(buf, "2007-07-03", "a date is written back as it was read");
	date_format(day("1000-01-01"), buf);
	CHECK_STR(buf, "1000-01-01", "the earliest date is written back as it was read");
	date_format(day("9999-12-31"), buf);
	CHECK_STR(buf, "9999-12-31", "the latest date is written back as it was read");
	/* rules.md Age: completed years; the birthday itself counts. */
	CHECK(date_age(day("1947-10-01"), day("2007-10-01")) == 60, "rules.md age: 60 on the 60th birthday");
	CHECK(date_age(day("1947-10-01"), day("2007-09-30")) == 59, "rules.md age: 59 the day before");
	CHECK(date_age(day("1992-02-29"), day("2008-02-28")) == 15, "rules.md age: born 29 Feb, 15 on 28 Feb 2008");
	CHECK(date_age(day("1992-02-29"), day("2008-02-29")) == 16, "rules.md age: 16 on 29 Feb 2008");
	CHECK(date_parse_month("2007-09", &d, err, sizeof err) && d == day("2007-09-01"), "data.md month: 2007-09");
	CHECK(!date_parse_month("2007-9", &d, err, sizeof err), "data.md month: 2007-9 is rejected");
}

static void texts(void)
{
	char buf[6];
	text_copy(buf, sizeof buf, "HH-1");
	CHECK_STR(buf, "HH-1", "text_copy: a short text whole");
	text_copy(buf, sizeof buf, "HH-123456");
	CHECK_STR(buf, "HH-12", "text_copy: a long text cut to the buffer, ended by a NUL");
}

/* parse_number, as strtonum(3): the value in range, else 0 and why. */
static void numbers(void)
{
	const char *why = "unset";

	CHECK(parse_number("2008", 1000, 9999, &why) == 2008 && !why,
	      "parse_number (issue 13): 2008 is a year from 1000 to 9999");
	CHECK(parse_number("1000", 1000, 9999, &why) == 1000 && !why,
	      "parse_number (issue 13): the lowest value is in range");
	CHECK(parse_number("9999", 1000, 9999, &why) == 9999 && !why,
	      "parse_number (issue 13): the highest value is in range");
	CHECK(parse_number("999", 1000, 9999, &why) == 0 && why, "parse_number (issue 13): one below");
	CHECK_STR(why, "too small", "parse_number (issue 13): one below is too small");
	CHECK(parse_number("10000", 1000, 9999, &why) == 0 && why, "parse_number (issue 13): one above");
	CHECK_STR(why, "too large", "parse_number (issue 13): one above is too large");
	/* 4294969304 = 2^32 + 2008: an int cut from it would be 2008. */
	CHECK(parse_number("4294969304", 1000, 9999, &why) == 0,
	      "parse_number (issue 13): 4294969304 is not taken as 2008");
	CHECK_STR(why, "too large", "parse_number (issue 13): 4294969304 is too large for a year");
	parse_number("99999999999999999999", 0, 86400, &why);
	CHECK_STR(why, "too large", "parse_number (issue 13): past LLONG_MAX is too large, not LLONG_MAX");
	parse_number("-99999999999999999999", 0, 86400, &why);
	CHECK_STR(why, "too small", "parse_number (issue 13): below LLONG_MIN is too small");
	CHECK(parse_number("9223372036854775807", LLONG_MIN, LLONG_MAX, &why) == LLONG_MAX && !why,
	      "parse_number (issue 13): LLONG_MAX itself is read");
	CHECK(parse_number("-9223372036854775808", LLONG_MIN, LLONG_MAX, &why) == LLONG_MIN && !why,
	      "parse_number (issue 13): LLONG_MIN itself is read");
	CHECK(parse_number("-5", -10, 10, &why) == -5 && !why, "parse_number (issue 13): a sign is taken");
	CHECK(parse_number("+5", -10, 10, &why) == 5 && !why, "parse_number (issue 13): a plus sign too");
	CHECK(parse_number(" 5", -10, 10, &why) == 5 && !why,
	      "parse_number (issue 13): spaces before the number, as strtol took them");
	const char *invalid[] = {"", " ", "-", "5 ", "5x", "x5", "0x10", "2008.0", "1e3"};
	for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
		why = NULL;
		CHECK(parse_number(invalid[i], 0, 10000, &why) == 0 && why && strcmp(why, "invalid") == 0,
		      "parse_number (issue 13): '%s' is invalid", invalid[i]);
	}
	parse_number("5", 10, 0, &why);
	CHECK_STR(why, "invalid", "parse_number (issue 13): a range with lo > hi is invalid");
	CHECK(parse_number("0", 0, 0, &why) == 0 && !why, "parse_number (issue 13): 0 in [0, 0]");
}

int main(void)
{
	ids();
	money();
	rates();
	dates();
	texts();
	numbers();
	UNIT_END();
}
