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
	long long ended;           /* payroll: grants ended at their number of payments */
	/* With --period and decisions: the decisions' part of the counts. */
	long long decisions_read, decision_versions, decision_paid, decision_deferred;
	long long decision_same;
	jz_fen decision_fen;
	bool spoiled;
};

/* A time-limited monthly grant (rules.md 1, Time-limited monthly grants):
 * it ends after its number of payments, not after a span of dates. */
struct time_limit {
	long limit;         /* payments at most */
	long paid;          /* paid so far, as the limit counts them */
	char last[8];       /* the month of the last of them (YYYY-MM), "" for none */
	const char *reason; /* why the grant ends when they are paid */
};

/* Is g (its programme, basis, chain and began) time-limited
 * (grant_limit_of)?  Then *t, with the limit in force on on; a missing
 * parameter stops the run (exit 69).  A released prisoner's dibao counts
 * the chain's payments of that basis in a lifetime; the insurance subsidy
 * those of the grant's run (began), which a later grant for the same work
 * found continues. */
bool grant_time_limit(struct grant_job *r, const struct grant *g, jz_date on,
		      struct time_limit *t);

/* The runs, inside the frame's transaction. */
void grant_decisions(struct grant_job *r);
void grant_payroll(struct grant_job *r);
void grant_funding(struct grant_job *r);

#endif
