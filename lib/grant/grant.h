/*
 * grant(1): from decisions to money.  Three runs share one frame (one
 * transaction, the journal, the output put in place after the commit):
 * decisions become grants, a payroll month pays the monthly grants, and
 * funding books money into the accounts.
 */
#ifndef JZ_GRANT_H
#define JZ_GRANT_H

#include <stdbool.h>

#include "store/grant_store.h"
#include "store/household.h"
#include "store/journal.h"
#include "io/kind.h"
#include "io/opts.h"
#include "store/policy_store.h"

enum grant_kind { GRANT_DECISIONS, GRANT_FUNDING };

struct grant_opts {
	enum grant_kind kind;  /* --kind */
	jz_date period;        /* --period: the first day of the month; 0: none.
				* With FILEs, --recorded or decisions on standard
				* input, those are granted first, in the same run. */
	bool recorded;         /* --recorded: the decisions assess --record stored for --as-of */
	char **files;
	int nfiles;
};

/* What the runs share. */
struct grant_run {
	const struct jz_opts *o;
	const struct grant_opts *g;
	struct db db;
	struct journal j;
	struct policy pol;
	struct grant_store store;
	struct registry_history hist;
	struct kind_env env;       /* the checks of input records */
	struct rec_writer *w;
	char **files;              /* the inputs: FILEs, or "-" */
	int nfiles;                /* 0: none (a payroll alone) */
	long long read, bad, taken, same, stale;
	long long ended;           /* payroll: grants ended at their lifetime limit */
	/* With --period and decisions: the decisions' part of the counts. */
	long long decisions_read, decision_versions, decision_paid, decision_deferred;
	long long decision_same;
	jz_fen decision_fen;
	bool spoiled;
};

/* Returns the exit status. */
int grant_main(const struct jz_opts *o, const struct grant_opts *g);

/* The runs, inside the frame's transaction. */
void grant_decisions(struct grant_run *r);
void grant_payroll(struct grant_run *r);
void grant_funding(struct grant_run *r);

#endif
