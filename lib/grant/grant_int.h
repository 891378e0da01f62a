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
#include "store/adjust.h"
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
	/* Corrections (grant/correct.c) and recoveries (grant/recover.c). */
	struct adjust adjust;
	long long rechecked, arrears, arrears_paid, overpaid, offsets, ended_gone;
	jz_fen arrears_fen, overpaid_fen, offset_fen;
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
void grant_recovery(struct grant_job *r); /* --kind recovery: refunds, write-offs */
void grant_return(struct grant_job *r);   /* --kind return: payments the bank sent back */

/* Write a row to the run's output (a rec_write for grant_payment_row). */
void grant_write_row(const char *const *row, void *ctx);

/* What g's programme is due to its unit for month (YYYY-MM), on the
 * registry as now known with the policy of the month's first day
 * (rule_due); a missing parameter stops the run (exit 69). */
jz_fen grant_due(struct grant_job *r, const struct grant *g, const char *month);
/* The payment_id of an adjustment of kind to g's chain for month, booked
 * by this run: "chain/YYYY-MM/kind/entry". */
void grant_adjustment_id(struct grant_job *r, const struct grant *g, const char *month,
			 const char *kind, char id[300]);
/* Settle every stale month (store/adjust.h): arrears or overpayments. */
void grant_corrections(struct grant_job *r);
/* After paid, a payment of g, recover what g's chain owes from it. */
void grant_offset(struct grant_job *r, const struct grant *g, const struct pay *paid);

#endif
