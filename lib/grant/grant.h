/*
 * grant(1): from decisions to money.  Three runs share one frame (one
 * transaction, the journal, the output put in place after the commit):
 * decisions become grants, a payroll month pays the monthly grants, and
 * funding books money into the accounts.  What cmd/grant.c needs; the
 * library's own files share grant/grant_int.h.
 */
#ifndef JZ_GRANT_H
#define JZ_GRANT_H

#include <stdbool.h>

#include "core/date.h"
#include "io/opts.h"

/* In this order in grant.c's kinds[] too. */
enum grant_kind { GRANT_DECISIONS, GRANT_FUNDING, GRANT_RECOVERY, GRANT_RETURN };

struct grant_opts {
	enum grant_kind kind;  /* --kind, or what the header says when not kind_given */
	bool kind_given;       /* --kind was on the command line */
	jz_date period;        /* --period: the first day of the month; 0: none.
				* With FILEs, --recorded or decisions on standard
				* input, those are granted first, in the same run. */
	bool recorded;         /* --recorded: the decisions assess --record stored for --as-of */
	char **files;
	int nfiles;
};

/* Returns the exit status. */
int grant_run(const struct jz_opts *o, const struct grant_opts *g);

#endif
