/*
 * report(1): what the joint meeting decides from and what auditors check,
 * read from the database, or (lines) from settlement lines (cli.md
 * report), as CSV, JSON Lines, a table or an HTML page.  What cmd/report.c
 * needs; the library's own files share report/report_int.h.
 */
#ifndef JZ_REPORT_H
#define JZ_REPORT_H

#include <stdbool.h>

#include "core/date.h"
#include "io/opts.h"

struct report_opts {
	const char *subject;     /* summary (default), policy, funds, settlement, ... */
	const char *quarter;     /* --quarter YYYYQn */
	jz_date from, to;        /* the period: [from, to]; 0: open */
	const char *by;          /* --by: street, programme, group, institution, month */
	bool show_ids;           /* --show-ids: national IDs in full */
	bool draw;               /* survey --draw */
	int year;                /* --year */
	long seed;               /* --seed */
	bool seed_given;
	int horizon;             /* forecast --horizon: months */
	const char *period;      /* adjustments --period YYYY-MM */
	const char **expect;     /* audit --expect ENTRY:HASH, repeated */
	int nexpect;
	const char *anchors;     /* audit --anchors FILE */
	char **files;            /* lines: the inputs ("-" is stdin); none: stdin */
	int nfiles;
};

/* Is by a --by key summary knows? */
bool report_by_ok(const char *by);
/* Is by a key report lines sums settlement lines by? */
bool report_stream_by_ok(const char *by);

/* The subjects there are, NULL-ended. */
extern const char *const report_subjects[];

/* Returns the exit status. */
int report_run(const struct jz_opts *o, const struct report_opts *r);

#endif
