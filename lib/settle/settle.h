/*
 * settle(1): the quarterly settlement of the medical aid that designated
 * institutions advance (rules.md 3, seed 三(三)2-4, 8).  Four runs share
 * one frame (one transaction, journalled; the output shown after the
 * commit): claims checked and settled into lines, the quarter's statement
 * per institution, the joint review's sign-offs, and the major-disease
 * fund's annual funding.
 */
#ifndef JZ_SETTLE_H
#define JZ_SETTLE_H

#include <stdbool.h>

#include "core/date.h"
#include "store/household.h"
#include "store/journal.h"
#include "io/kind.h"
#include "store/ledger.h"
#include "io/opts.h"
#include "store/policy_store.h"
#include "io/rec.h"

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

/* What the runs share. */
struct settle_run {
	const struct jz_opts *o;
	const struct settle_opts *s;
	struct db db;
	struct journal j;
	struct policy pol;
	struct kind_env env;
	struct registry_history hist;
	struct rec_writer *w;
	long long read, bad, added, again, rejected, adjusted, approved;
	long long unsettled;       /* rejected, not stored: another quarter, signed, a duplicate */
	bool spoiled;
};

/* The columns of a settlement line (data.md), a statement, a funding. */
extern const char *const settle_line_columns[], *const settle_summary_columns[];
extern const char *const settle_fund_columns[];
extern const int settle_line_ncolumns, settle_summary_ncolumns, settle_fund_ncolumns;

/* The bureaus of the joint review, in the order they are listed. */
extern const char *const settle_bureaus[];

/* Returns the exit status. */
int settle_main(const struct jz_opts *o, const struct settle_opts *s);

/* The runs, inside the frame's transaction. */
void settle_claims(struct settle_run *r);
void settle_summary(struct settle_run *r, const char *institution);
void settle_sign(struct settle_run *r);
void settle_fund(struct settle_run *r);

#endif
