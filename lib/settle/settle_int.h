/*
 * Inside settle(1)'s library (see settle.h): what a run's parts share,
 * and the parts.  Not for cmd/.
 */
#ifndef JZ_SETTLE_INT_H
#define JZ_SETTLE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "io/kind.h"
#include "io/opts.h"
#include "io/rec.h"
#include "settle/settle.h"
#include "store/household.h"
#include "store/journal.h"
#include "store/ledger.h"
#include "store/policy_store.h"

/* What the runs share. */
struct settle_job {
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

/* The runs, inside the frame's transaction. */
void settle_claims(struct settle_job *r);
void settle_summary(struct settle_job *r, const char *institution);
void settle_sign(struct settle_job *r);
/* The OS user's name as staff of the bureau signing (--sign), into name;
 * exits 77 (nothing written) when the user is not its staff on --as-of. */
void settle_signer(struct settle_job *r, char *name, size_t len);
void settle_fund(struct settle_job *r);

/* The claim ids (of an institution) a run has met, in fixed room
 * (keyset.c): keyset_maybe is false only for one never added. */
struct keyset {
	uint64_t *bits;
};
void keyset_open(struct keyset *k);
void keyset_close(struct keyset *k);
void keyset_add(struct keyset *k, const char *institution, const char *id);
bool keyset_maybe(const struct keyset *k, const char *institution, const char *id);

/* Claims staged in the run's temp tables (stage.c), their entitlements
 * looked up in one ordered pass, then settled in the order they came. */
struct stage {
	struct db *db;
	db_stmt *add;
	long long n;   /* staged, not yet settled */
};
/* One staged claim: its cells as read, where it starts, and whether
 * history_grant finds its medical entitlement on the visit date. */
typedef void (*stage_fn)(void *ctx, char *const *cells, long line, bool entitled);

void stage_open(struct stage *s, struct db *db);
void stage_close(struct stage *s);
/* Stage a claim: nid and visit are its canonical national ID and visit
 * date, the keys of its entitlement. */
void stage_add(struct stage *s, char *const *cells, long line, const char *nid,
	       const char *visit);
/* Call fn for each staged claim in the order staged; then none is staged. */
void stage_settle(struct stage *s, struct registry_history *hist, stage_fn fn, void *ctx);

#endif
