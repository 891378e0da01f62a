/*
 * settle(1): the quarterly settlement of the medical aid that designated
 * institutions advance (rules.md 3, seed 三(三)2-4, 8).  Four runs share
 * one frame (one transaction, journalled; the output shown after the
 * commit): claims checked and settled into lines, the quarter's statement
 * per institution, the joint review's sign-offs, and the major-disease
 * fund's annual funding.  What cmd/settle.c needs; the library's own
 * files share settle/settle_int.h.
 */
#ifndef JZ_SETTLE_H
#define JZ_SETTLE_H

#include <stdbool.h>

#include "core/date.h"
#include "io/opts.h"

enum settle_mode { SETTLE_CLAIMS, SETTLE_SUMMARY, SETTLE_SIGN, SETTLE_FUND };

struct settle_opts {
	enum settle_mode mode;
	const char *quarter;       /* --quarter YYYYQn */
	jz_date first, end;        /* its days: [first, end) */
	const char *bureau;        /* --sign */
	const char *institution;   /* --institution, or NULL for all */
	const char *fund;          /* --fund: major_disease */
	int year;                  /* --year */
	char **files;
	int nfiles;
};


/* The bureaus of the joint review, in the order they are listed
 * (io/kind.h's kind_bureaus, which staff records name). */
extern const char *const *const settle_bureaus;

/* Returns the exit status. */
int settle_run(const struct jz_opts *o, const struct settle_opts *s);

#endif
