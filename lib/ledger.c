/* The double-entry ledger (see ledger.h). */
#include "ledger.h"

#include <string.h>

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
	l->open = db_prepare(db, "INSERT OR IGNORE INTO account (name, fund) VALUES (?1, ?2)");
	l->add = db_prepare(db, "UPDATE account SET balance = balance + ?2 WHERE name = ?1");
	l->book = db_prepare(db, "INSERT INTO ledger (txn, date, account, amount, ref, entry) "
			     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
}

void ledger_close(struct ledger *l)
{
	sqlite3_finalize(l->balance);
	sqlite3_finalize(l->open);
	sqlite3_finalize(l->add);
	sqlite3_finalize(l->book);
	l->balance = l->open = l->add = l->book = NULL;
}

/* Outside accounts may go negative: a source's balance is minus what it
 * gave, a payee's what it got. */
static bool is_fund(const char *account)
{
	return strncmp(account, "source:", 7) != 0 && strncmp(account, "paid:", 5) != 0;
}

jz_fen ledger_balance(struct ledger *l, const char *account)
{
	db_bind_text(l->balance, 1, account);
	jz_fen b = db_step(l->db, l->balance) == SQLITE_ROW ? sqlite3_column_int64(l->balance, 0) : 0;
	sqlite3_reset(l->balance);
	return b;
}

static void book(struct ledger *l, const char *account, jz_fen amount, const char *date,
		 const char *ref)
{
	db_bind_text(l->open, 1, account);
	sqlite3_bind_int(l->open, 2, is_fund(account));
	db_step(l->db, l->open);
	db_bind_text(l->add, 1, account);
	sqlite3_bind_int64(l->add, 2, amount);
	db_step(l->db, l->add); /* the CHECK on account.balance is the last guard */
	sqlite3_bind_int64(l->book, 1, l->txn);
	db_bind_text(l->book, 2, date);
	db_bind_text(l->book, 3, account);
	sqlite3_bind_int64(l->book, 4, amount);
	db_bind_text(l->book, 5, ref);
	sqlite3_bind_int64(l->book, 6, l->entry);
	db_step(l->db, l->book);
	l->rows++;
}

bool ledger_move(struct ledger *l, const char *from, const char *to, jz_fen amount,
		 const char *date, const char *ref)
{
	if (is_fund(from) && ledger_balance(l, from) < amount)
		return false;
	l->txn++;
	book(l, from, -amount, date, ref);
	book(l, to, amount, date, ref);
	return true;
}
