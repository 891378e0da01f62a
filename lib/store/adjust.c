/* The months as booked, and what corrects them (see adjust.h). */
#include "store/adjust.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/text.h"
#include "store/sql.h"

/* Of each grant's paid months, the last booking and, when a person
 * version recorded after it reaches back to the month, the newest such. */
static const char stale_sql[] =
	"SELECT " GRANT_COLUMNS ", month, settled, changed, returned FROM (SELECT g.*, b.month, "
	"b.settled, b.returned, (SELECT max(v.entry) FROM person m JOIN person v ON "
	"v.national_id = m.national_id WHERE m.household_id = g.household_id AND "
	"v.entry > b.settled AND v.effective <= b.month || '-01') AS changed "
	"FROM (SELECT grant_id, month, max(entry) AS settled, "
	"max(kind = 'returned' AND entry = (SELECT max(q.entry) FROM payment q WHERE "
	"q.grant_id = p.grant_id AND q.month = p.month AND q.status = 'paid')) AS returned "
	"FROM payment p WHERE status = 'paid' GROUP BY grant_id, month "
	"HAVING sum(kind = 'payment') > 0) b "
	"JOIN \"grant\" g ON g.grant_id = b.grant_id AND g.version = 1 WHERE g.period = 'month') "
	"WHERE changed IS NOT NULL OR returned ORDER BY chain, month";

void adjust_each_stale(struct db *db, stale_fn fn, void *ctx)
{
	db_stmt *st = db_prepare(db, stale_sql);
	struct stale_month m;

	while (db_step(db, st) == SQLITE_ROW) {
		grant_read(st, &m.g);
		text_copy(m.month, sizeof m.month, db_text(st, 20));
		m.settled = db_int64(st, 21);
		m.changed = db_int64(st, 22);
		m.returned = db_int64(st, 23) != 0;
		fn(&m, ctx);
	}
	db_finalize(st);
}

/* What is still to recover of the rows selected: the overpayments less
 * what offsets, refunds and write-offs recovered. */
#define OWED "(-total(CASE WHEN p.kind = 'overpayment' THEN p.amount END) - " \
	"total(CASE WHEN p.kind IN ('offset', 'refund', 'write_off') THEN p.amount END))"
#define OWED_MONTHS(where) "SELECT p.grant_id, p.month, CAST(" OWED " AS INTEGER) AS owed " \
	"FROM payment p JOIN \"grant\" g ON g.grant_id = p.grant_id AND g.version = 1 WHERE " \
	where " AND p.status = 'paid' AND p.kind IN ('overpayment', 'offset', 'refund', " \
	"'write_off') GROUP BY p.grant_id, p.month HAVING owed > 0 ORDER BY p.month, p.grant_id"

void adjust_open(struct adjust *a, struct db *db)
{
	a->db = db;
	a->net = db_prepare(db, "SELECT CAST(total(CASE WHEN p.kind IN " SQL_NET_KINDS " THEN "
			    "p.amount END) AS INTEGER), CAST(" OWED
			    " AS INTEGER) FROM payment p WHERE p.grant_id = ?1 AND p.month = ?2 "
			    "AND p.status = 'paid'");
	a->owed = db_prepare(db, OWED_MONTHS("g.chain = ?1"));
	a->owed_unit = db_prepare(db, OWED_MONTHS("g.unit = ?1 AND CASE g.unit WHEN 'household' "
				  "THEN g.household_id WHEN 'person' THEN g.national_id ELSE "
				  "g.application_id END = ?2"));
	a->later = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM payment WHERE entry > ?1 AND "
			      "kind = 'payment')");
	a->recovered = db_prepare(db, "SELECT 1 FROM payment p JOIN \"grant\" g ON g.grant_id = "
				  "p.grant_id AND g.version = 1 WHERE g.unit = ?1 AND CASE g.unit "
				  "WHEN 'household' THEN g.household_id WHEN 'person' THEN "
				  "g.national_id ELSE g.application_id END = ?2 AND p.kind = ?3 AND "
				  "p.paid_on = ?4 AND p.reason IS ?5 AND p.status = 'paid' "
				  "GROUP BY p.entry HAVING sum(p.amount) = ?6");
	a->payment = db_prepare(db, "SELECT grant_id, month, kind, account, amount, payee_id, "
				"payee_name, bank_account FROM payment WHERE payment_id = ?1 AND "
				"status = 'paid' AND kind IN ('payment', 'arrears')");
}

void adjust_close(struct adjust *a)
{
	db_finalize(a->net);
	db_finalize(a->owed);
	db_finalize(a->owed_unit);
	db_finalize(a->later);
	db_finalize(a->recovered);
	db_finalize(a->payment);
	memset(a, 0, sizeof *a);
}

void adjust_month(struct adjust *a, const char *grant_id, const char *month, jz_fen *net,
		  jz_fen *owed)
{
	db_bind_text(a->net, 1, grant_id);
	db_bind_text(a->net, 2, month);
	db_step(a->db, a->net);
	*net = db_int64(a->net, 0);
	*owed = db_int64(a->net, 1);
	db_reset(a->net);
}

static int owed_rows(struct adjust *a, db_stmt *st, struct owed_month **out)
{
	int n = 0, cap = 0;

	*out = NULL;
	while (db_step(a->db, st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			if (!(*out = realloc(*out, cap * sizeof **out)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		text_copy((*out)[n].grant_id, sizeof (*out)[n].grant_id, db_text(st, 0));
		text_copy((*out)[n].month, sizeof (*out)[n].month, db_text(st, 1));
		(*out)[n++].owed = db_int64(st, 2);
	}
	db_reset(st);
	return n;
}

int adjust_owed(struct adjust *a, const char *chain, struct owed_month **out)
{
	db_bind_text(a->owed, 1, chain);
	return owed_rows(a, a->owed, out);
}

int adjust_owed_unit(struct adjust *a, const char *unit, const char *key, struct owed_month **out)
{
	db_bind_text(a->owed_unit, 1, unit);
	db_bind_text(a->owed_unit, 2, key);
	return owed_rows(a, a->owed_unit, out);
}

bool adjust_paid_since(struct adjust *a, long long entry)
{
	db_bind_int64(a->later, 1, entry);
	db_step(a->db, a->later);
	bool yes = db_int64(a->later, 0) != 0;
	db_reset(a->later);
	return yes;
}

bool adjust_recovered(struct adjust *a, const char *unit, const char *key, const char *action,
		      const char *date, const char *note, jz_fen amount)
{
	db_bind_text(a->recovered, 1, unit);
	db_bind_text(a->recovered, 2, key);
	db_bind_text(a->recovered, 3, action);
	db_bind_text(a->recovered, 4, date);
	db_bind_text(a->recovered, 5, note);
	db_bind_int64(a->recovered, 6, amount);
	bool yes = db_step(a->db, a->recovered) == SQLITE_ROW;
	db_reset(a->recovered);
	return yes;
}

bool adjust_paid_row(struct adjust *a, const char *payment_id, struct paid_row *row)
{
	db_stmt *st = a->payment;

	memset(row, 0, sizeof *row);
	db_bind_text(st, 1, payment_id);
	bool found = db_step(a->db, st) == SQLITE_ROW;
	if (found) {
		char *text[] = {row->grant_id, row->month, row->kind, row->account};
		size_t len[] = {sizeof row->grant_id, sizeof row->month, sizeof row->kind,
				sizeof row->account};
		for (int i = 0; i < 4; i++)
			text_copy(text[i], len[i], db_text(st, i) ? db_text(st, i) : "");
		row->amount = db_int64(st, 4);
		char *who[] = {row->payee.id, row->payee.name, row->payee.bank_account};
		size_t wlen[] = {sizeof row->payee.id, sizeof row->payee.name,
				 sizeof row->payee.bank_account};
		for (int i = 0; i < 3; i++)
			text_copy(who[i], wlen[i], db_text(st, 5 + i) ? db_text(st, 5 + i) : "");
	}
	db_reset(st);
	return found;
}
