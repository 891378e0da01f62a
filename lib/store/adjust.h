/*
 * The months of the monthly grants as booked, and what corrects them
 * (lifecycle.md, Corrections reach back): which paid months the registry
 * or the bank changed after they were last booked, a month's net and
 * what is still to recover, a unit's receivables.  Shared by grant(1)'s
 * payroll, which settles them, and report(1)'s audit, which checks them.
 * The kinds of payment row and their signs: schemas/005-lifecycle.sql.
 */
#ifndef JZ_ADJUST_H
#define JZ_ADJUST_H

#include <stdbool.h>

#include "core/money.h"
#include "store/db.h"
#include "store/grant_store.h"

/* A paid month of a monthly grant that may need settling again. */
struct stale_month {
	struct grant g;     /* the grant paid for the month (its first version) */
	char month[8];      /* YYYY-MM */
	long long settled;  /* the journal entry of its last booking */
	long long changed;  /* the newest person version recorded after it and in
			     * force by the month's first day; 0: none (a return) */
	bool returned;      /* its last booking is a payment the bank returned */
};

typedef void (*stale_fn)(const struct stale_month *m, void *ctx);

/* Call fn for each paid month of a monthly grant that a person version
 * recorded after its last booking reaches back to (one of any person who
 * ever belonged to the grant's household: a death, a departure, a member
 * moving in or out, a corrected income), or whose last booking is a
 * return; by chain and month. */
void adjust_each_stale(struct db *db, stale_fn fn, void *ctx);

struct adjust {
	struct db *db;
	db_stmt *net, *owed, *owed_unit, *payment, *later, *recovered;
};

void adjust_open(struct adjust *a, struct db *db);
void adjust_close(struct adjust *a);

/* Month's net (payments, arrears, overpayments, returns) for grant_id, and
 * what is still to recover of it. */
void adjust_month(struct adjust *a, const char *grant_id, const char *month, jz_fen *net,
		  jz_fen *owed);

/* A month with something still to recover. */
struct owed_month {
	char grant_id[300];
	char month[8];
	jz_fen owed;
};

/* The months of chain with something to recover, oldest first, into *out
 * (malloc'd; free it); their count. */
int adjust_owed(struct adjust *a, const char *chain, struct owed_month **out);
/* The same for every chain of a unit: household, person or application
 * key. */
int adjust_owed_unit(struct adjust *a, const char *unit, const char *key, struct owed_month **out);

/* Has a payroll paid anything after journal entry entry? */
bool adjust_paid_since(struct adjust *a, long long entry);

/* Did an earlier run book this refund or write-off already: rows of
 * action for the unit dated date with note, amount in all? */
bool adjust_recovered(struct adjust *a, const char *unit, const char *key, const char *action,
		      const char *date, const char *note, jz_fen amount);

/* A payment or arrears row paid out. */
struct paid_row {
	char grant_id[300], month[8], kind[16], account[ACCOUNT_LEN];
	jz_fen amount;
	struct payee payee;
};
/* The paid row payment_id (a payment or arrears); false: none. */
bool adjust_paid_row(struct adjust *a, const char *payment_id, struct paid_row *row);

#endif
