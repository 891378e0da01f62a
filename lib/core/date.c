/*
 * Dates: the civil-calendar day-number conversions of H. Hinnant's
 * "chrono-compatible low-level date algorithms", and strict ISO parsing.
 */
#include "core/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static jz_date days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(jz_date z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool date_from_ymd(int y, int m, int d, jz_date *out)
{
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	*out = days_from_civil(y, m, d);
	return true;
}

/* n decimal digits at s, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse(const char *s, jz_date *out, char *err, size_t errlen)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    (y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 0 ||
	    (d = digits(s + 8, 2)) < 0) {
		snprintf(err, errlen, "'%.40s' is not a date; expected YYYY-MM-DD", s);
		return false;
	}
	if (!date_from_ymd(y, m, d, out)) {
		if (y < 1000)
			snprintf(err, errlen, "%s is not a real date: the year is before 1000", s);
		else if (m < 1 || m > 12)
			snprintf(err, errlen, "%s is not a real date: there is no month %02d", s, m);
		else
			snprintf(err, errlen, "%s is not a real date: %.7s has %d days", s, s,
				 month_days(y, m));
		return false;
	}
	return true;
}

bool date_parse_month(const char *s, jz_date *out, char *err, size_t errlen)
{
	int y, m;

	if (strlen(s) != 7 || s[4] != '-' || (y = digits(s, 4)) < 0 ||
	    (m = digits(s + 5, 2)) < 0 || !date_from_ymd(y, m, 1, out)) {
		snprintf(err, errlen, "'%.40s' is not a month; expected YYYY-MM", s);
		return false;
	}
	return true;
}

bool date_parse_quarter(const char *s, jz_date *first, jz_date *end, char *err, size_t errlen)
{
	int y, q;

	if (strlen(s) != 6 || s[4] != 'Q' || (y = digits(s, 4)) < 1000 || (q = digits(s + 5, 1)) < 1 ||
	    q > 4 || !date_from_ymd(y, 3 * q - 2, 1, first)) {
		snprintf(err, errlen, "'%.40s' is not a quarter; expected YYYYQn, as in 2007Q3", s);
		return false;
	}
	*end = date_add_months(*first, 3);
	return true;
}

void date_format(jz_date date, char buf[DATE_TEXT])
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	/* By hand: every date of every output row comes through here. */
	unsigned u = (unsigned)y % 10000u;
	buf[0] = (char)('0' + u / 1000);
	buf[1] = (char)('0' + u / 100 % 10);
	buf[2] = (char)('0' + u / 10 % 10);
	buf[3] = (char)('0' + u % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + (unsigned)m / 10 % 10);
	buf[6] = (char)('0' + (unsigned)m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + (unsigned)d / 10 % 10);
	buf[9] = (char)('0' + (unsigned)d % 10);
	buf[10] = '\0';
}

jz_date date_add_months(jz_date date, int k)
{
	int y, m, d;
	jz_date out;

	date_to_ymd(date, &y, &m, &d);
	long months = (long)y * 12 + (m - 1) + k;
	if (months < 1000 * 12)
		months = 1000 * 12; /* dates stay within the years 1000-9999 */
	if (months > 9999 * 12 + 11)
		months = 9999 * 12 + 11;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	date_from_ymd(y, m, d, &out);
	return out;
}

int date_age(jz_date birth, jz_date on)
{
	int by, bm, bd, y, m, d;

	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

jz_date date_today(void)
{
	/* Read once: a run that passes midnight keeps one today, and the
	 * readers ask for it per record. */
	static jz_date today;
	static bool known;
	const char *fixed = getenv("JIUZHU_TODAY");
	char err[80];

	if (known)
		return today;
	known = true;
	if (fixed && *fixed && date_parse(fixed, &today, err, sizeof err))
		return today;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &today);
	return today;
}
