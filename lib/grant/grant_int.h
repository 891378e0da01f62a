/*
 * Inside grant(1)'s library (see grant.h): what a run's parts share, and
 * the parts.  Not for cmd/.
 */
#ifndef JZ_GRANT_INT_H
#define JZ_GRANT_INT_H

#include <stdbool.h>

#include "grant/grant.h"
#include "io/kind.h"
#include "io/opts.h"
#include "store/grant_store.h"
#include "store/household.h"
#include "store/journal.h"
#include "store/policy_store.h"

/* What the runs share. */
struct grant_job {
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

/* The runs, inside the frame's transaction. */
void grant_decisions(struct grant_job *r);
void grant_payroll(struct grant_job *r);
void grant_funding(struct grant_job *r);

#endif
