/*
 * The fund accounts and their double-entry ledger (grant(1), rules.md 六):
 * money moves from one account to another in one booking whose rows sum
 * to zero.  A fund account (district, street:<name>, budget,
 * major_disease, donations) never goes below zero; the outside accounts
 * source:<source> and paid:<programme> are where money came from and went.
 *
 * The balances a run touches are held in memory and written to the
 * account table by ledger_close(), inside the run's transaction: a payroll
 * of many payments from one account updates its row once.
 */
#ifndef JZ_LEDGER_H
#define JZ_LEDGER_H

#include <stdbool.h>

#include "core/money.h"
#include "store/db.h"

struct account {
	char *name;
	bool fund;
	jz_fen balance;  /* as of now, in this run */
	jz_fen moved;    /* by this run: to be added to the stored balance */
};

struct ledger {
	struct db *db;
	long long entry;       /* the run's journal entry */
	long long txn;         /* the last booking number used */
	long long rows;        /* ledger rows written by this run */
	struct account *acc;   /* the accounts this run has used */
	int nacc, capacc;
	db_stmt *balance, *book;
};

void ledger_open(struct ledger *l, struct db *db, long long entry);
/* Write the balances moved and free; call before the commit. */
void ledger_close(struct ledger *l);

/* An account's balance in fen (0 for one never used). */
jz_fen ledger_balance(struct ledger *l, const char *account);

/* Book amount from one account into another on date (YYYY-MM-DD), with
 * ref saying why.  False, and nothing booked, when from is a fund account
 * holding less than amount. */
bool ledger_move(struct ledger *l, const char *from, const char *to, jz_fen amount,
		 const char *date, const char *ref);

#endif
