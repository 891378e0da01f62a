/* The double-entry ledger (see ledger.h). */
#include "store/ledger.h"

#include <assert.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"

void ledger_open(struct ledger *l, struct db *db, long long entry)
{
	memset(l, 0, sizeof *l);
	l->db = db;
	l->entry = entry;
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(max(txn), 0) FROM ledger");
	db_step(db, st);
	l->txn = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	l->balance = db_prepare(db, "SELECT balance FROM account WHERE name = ?1");
	l->book = db_prepare(db, "INSERT INTO ledger (txn, date, account, amount, ref, entry) "
			     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
}

void ledger_close(struct ledger *l)
{
	if (l->db && l->nacc) {
		sqlite3_stmt *open = db_prepare(l->db, "INSERT OR IGNORE INTO account (name, fund) "
						"VALUES (?1, ?2)");
		sqlite3_stmt *add = db_prepare(l->db, "UPDATE account SET balance = balance + ?2 "
					       "WHERE name = ?1");
		for (int i = 0; i < l->nacc; i++) {
			db_bind_text(open, 1, l->acc[i].name);
			sqlite3_bind_int(open, 2, l->acc[i].fund);
			db_step(l->db, open);
			db_bind_text(add, 1, l->acc[i].name);
			sqlite3_bind_int64(add, 2, l->acc[i].moved);
			db_step(l->db, add); /* the CHECK on account.balance is the last guard */
		}
		sqlite3_finalize(open);
		sqlite3_finalize(add);
	}
	for (int i = 0; i < l->nacc; i++)
		free(l->acc[i].name);
	free(l->acc);
	sqlite3_finalize(l->balance);
	sqlite3_finalize(l->book);
	memset(l, 0, sizeof *l);
}

/* Outside accounts may go negative: a source's balance is minus what it
 * gave, a payee's what it got; receivable:<programme> holds what units
 * owe (lifecycle.md), kept at or above zero by the bookings themselves. */
static bool is_fund(const char *account)
{
	return strncmp(account, "source:", 7) != 0 && strncmp(account, "paid:", 5) != 0 &&
	       strncmp(account, "receivable:", 11) != 0;
}

/* The account named name, read from the database the first time. */
static struct account *account(struct ledger *l, const char *name)
{
	for (int i = 0; i < l->nacc; i++)
		if (strcmp(l->acc[i].name, name) == 0)
			return &l->acc[i];
	if (l->nacc == l->capacc) {
		l->capacc = l->capacc ? 2 * l->capacc : 8;
		if (!(l->acc = realloc(l->acc, l->capacc * sizeof *l->acc)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
	}
	struct account *a = &l->acc[l->nacc];
	if (!(a->name = strdup(name)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	a->fund = is_fund(name);
	a->moved = 0;
	db_bind_text(l->balance, 1, name);
	a->balance = db_step(l->db, l->balance) == SQLITE_ROW ? sqlite3_column_int64(l->balance, 0) : 0;
	sqlite3_reset(l->balance);
	l->nacc++;
	return a;
}

jz_fen ledger_balance(struct ledger *l, const char *name)
{
	return account(l, name)->balance;
}

static void book(struct ledger *l, struct account *a, jz_fen amount, const char *date,
		 const char *ref)
{
	a->balance += amount;
	a->moved += amount;
	sqlite3_bind_int64(l->book, 1, l->txn);
	db_bind_text(l->book, 2, date);
	db_bind_text(l->book, 3, a->name);
	sqlite3_bind_int64(l->book, 4, amount);
	db_bind_text(l->book, 5, ref);
	sqlite3_bind_int64(l->book, 6, l->entry);
	db_step(l->db, l->book);
	l->rows++;
}

bool ledger_move(struct ledger *l, const char *from, const char *to, jz_fen amount,
		 const char *date, const char *ref)
{
	assert(l->db && amount >= 0); /* a negative move would pass the check below */
	struct account *src = account(l, from);
	if (src->fund && src->balance < amount)
		return false;
	struct account *dst = account(l, to); /* may move l->acc: look src up again */
	src = account(l, from);
	l->txn++;
	book(l, src, -amount, date, ref);
	book(l, dst, amount, date, ref);
	assert(!src->fund || src->balance >= 0);
	return true;
}
