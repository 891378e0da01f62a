/*
 * Resident identity numbers of GB 11643-1999: 17 digits and a check
 * character; the first-generation 15-digit form is converted to 18.
 */
#ifndef JZ_IDN_H
#define JZ_IDN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

#define IDN_LEN 18

/* The check character of the first 17 digits (weights 7 9 10 5 8 4 2 1 6 3
 * 7 9 10 5 8 4 2; sum mod 11 -> "10X98765432"). */
char idn_check_char(const char digits17[17]);

/* Parse s into the canonical 18-character form (out has IDN_LEN + 1 bytes):
 * a 15-digit number gets "19" before its birth year and a check character,
 * a lower-case x is upper-cased, the check character must be right and the
 * birth date real and not after today.  On failure says why in err. */
bool idn_parse(const char *s, jz_date today, char out[IDN_LEN + 1],
	       char *err, size_t errlen);

/* The birth date and sex ('m' odd, 'f' even 17th digit) of a canonical ID. */
jz_date idn_birth(const char id[IDN_LEN + 1]);
char idn_sex(const char id[IDN_LEN + 1]);

#endif
