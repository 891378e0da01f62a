/* GB 11643-1999 identity numbers (see idn.h). */
#include "core/idn.h"

#include <stdio.h>
#include <string.h>

char idn_check_char(const char digits17[17])
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char check[] = "10X98765432";
	int sum = 0;

	for (int i = 0; i < 17; i++)
		sum += (digits17[i] - '0') * weight[i];
	return check[sum % 11];
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

bool idn_parse(const char *s, jz_date today, char out[IDN_LEN + 1],
	       char *err, size_t errlen)
{
	size_t n = strlen(s);
	jz_date birth;

	if (n == 15 && all_digits(s, 15)) {
		memcpy(out, s, 6);
		memcpy(out + 6, "19", 2);
		memcpy(out + 8, s + 6, 9);
	} else if (n == 18 && all_digits(s, 17) &&
		   ((s[17] >= '0' && s[17] <= '9') || s[17] == 'X' || s[17] == 'x')) {
		memcpy(out, s, 17);
	} else {
		/* Not echoed: even a broken ID is personal data. */
		snprintf(err, errlen, "is not an ID (%zu characters); expected 17 digits and a "
			 "check character (0-9 or X), or 15 digits", n);
		return false;
	}
	out[17] = idn_check_char(out);
	out[18] = '\0';
	if (n == 18 && out[17] != (s[17] == 'x' ? 'X' : s[17])) {
		snprintf(err, errlen, "check character is %c, expected %c", s[17], out[17]);
		return false;
	}
	if (!date_from_ymd(num(out + 6, 4), num(out + 10, 2), num(out + 12, 2), &birth)) {
		snprintf(err, errlen, "birth date %.8s in the ID is not a real date", out + 6);
		return false;
	}
	if (birth > today) {
		snprintf(err, errlen, "birth date %.8s in the ID is after today", out + 6);
		return false;
	}
	return true;
}

jz_date idn_birth(const char id[IDN_LEN + 1])
{
	jz_date birth = 0;
	date_from_ymd(num(id + 6, 4), num(id + 10, 2), num(id + 12, 2), &birth);
	return birth;
}

char idn_sex(const char id[IDN_LEN + 1])
{
	return (id[16] - '0') % 2 ? 'm' : 'f';
}
