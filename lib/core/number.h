/*
 * Whole numbers from the command line, as OpenBSD's strtonum(3): a
 * decimal number within a range, or the reason it is not one, never a
 * number cut to fit (--year 4294969304 is not 2008).
 */
#ifndef JZ_NUMBER_H
#define JZ_NUMBER_H

/* The number arg says, when it is one from lo to hi; *why is then NULL.
 * Otherwise 0, and *why says why: "invalid" (no number, text after it, or
 * lo > hi), "too small" or "too large".  As strtoll reads it: spaces
 * before it and a sign are taken, nothing after it. */
long long parse_number(const char *arg, long long lo, long long hi, const char **why);

#endif
