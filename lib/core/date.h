/*
 * Calendar dates as day numbers, so that comparing and counting days is
 * integer arithmetic.  Text form is ISO YYYY-MM-DD; a month is YYYY-MM.
 */
#ifndef JZ_DATE_H
#define JZ_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef long jz_date; /* days since 1970-01-01 */

#define DATE_TEXT 11 /* "YYYY-MM-DD" and its NUL */

/* A real calendar date from y, m (1-12), d; false when there is none. */
bool date_from_ymd(int y, int m, int d, jz_date *out);
void date_to_ymd(jz_date date, int *y, int *m, int *d);

/* Parse exactly YYYY-MM-DD (years 1000-9999).  On failure writes why into
 * err (e.g. "2007-02-29 is not a real date") and returns false. */
bool date_parse(const char *s, jz_date *out, char *err, size_t errlen);
/* Parse exactly YYYY-MM; *out is the first day of the month. */
bool date_parse_month(const char *s, jz_date *out, char *err, size_t errlen);

/* Parse exactly YYYYQn (2007Q3): its first day, and the first day after it. */
bool date_parse_quarter(const char *s, jz_date *first, jz_date *end, char *err, size_t errlen);
void date_format(jz_date date, char buf[DATE_TEXT]);

/* The same day k months later (or earlier), clipped to the month's end:
 * 2008-01-31 + 1 month is 2008-02-29. */
jz_date date_add_months(jz_date date, int k);

/* Completed years from birth to on (the birthday itself counts). */
int date_age(jz_date birth, jz_date on);

/* Today in local time, or $JIUZHU_TODAY when set (for reproducible tests). */
jz_date date_today(void);

#endif
