/*
 * Inside the audit (audit.h): what its checks share.  Each audit_*.c file
 * is one kind of cross-check of audit.md ("The audit checks everything it
 * can recompute"); audit.c runs them in turn.  Not for report.c.
 */
#ifndef JZ_AUDIT_INT_H
#define JZ_AUDIT_INT_H

#include <stdbool.h>

#include "core/money.h"
#include "core/policy.h"
#include "io/rec.h"
#include "store/db.h"

struct audit {
	struct db *db;
	struct rec_writer *w;
	bool show_ids;  /* national IDs in subjects unmasked */
	long diffs;     /* differences written */
};

/* Write one difference (audit_columns), subject masked unless show_ids. */
void audit_differ(struct audit *a, const char *check, const char *subject, const char *field,
		  const char *stored, const char *recomputed);

/* x and y as money text, for a difference's cells. */
void audit_money(jz_fen x, jz_fen y, char a[MONEY_TEXT], char b[MONEY_TEXT]);

/* A stored policy by the ref rows record, parsed once and kept for the
 * next row of the same ref; one that does not load is a difference, once
 * per change of ref. */
struct policy_cache {
	char ref[104];
	struct policy pol;
	bool ok;
};
const struct policy *audit_policy(struct audit *a, struct policy_cache *c, const char *ref);
void audit_policy_done(struct policy_cache *c);

/* The checks beside audit.c's own, each in its file. */
void audit_integrity(struct audit *a);   /* audit_refs.c: PRAGMA integrity_check */
void audit_policy_refs(struct audit *a); /* audit_refs.c: refs resolve, are their entry's */
void audit_grants(struct audit *a);      /* audit_grants.c: versions against decisions */
void audit_accounts(struct audit *a);    /* audit_funds.c: accounts and the ledger */
void audit_funding(struct audit *a);     /* audit_funds.c: each funding booked once */
void audit_fund_years(struct audit *a);  /* audit_funds.c: settle --fund recomputed */
void audit_settlement(struct audit *a);  /* audit_settle.c: every line re-checked */
void audit_signoffs(struct audit *a);    /* audit_settle.c: what each bureau signed */

#endif
