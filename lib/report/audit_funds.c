/*
 * The audit's checks of the money that came in (audit.md): every account
 * the ledger names is stored, as a fund or not by its name; every funding
 * record is booked once, from its source into its account, by its amount
 * on its date; every year of the major-disease fund is what settle --fund
 * computes (settle(1); rules.md 3) from the ledger as it stood before the
 * run that booked it.
 */
#include "report/audit_int.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"

/* Is name an account that holds money (store/ledger.c: not a source, a
 * payee or a receivable)? */
static bool fund_name(const char *name)
{
	return strncmp(name, "source:", 7) != 0 && strncmp(name, "paid:", 5) != 0 &&
	       strncmp(name, "receivable:", 11) != 0;
}

void audit_accounts(struct audit *a)
{
	db_stmt *st = db_prepare(a->db, "SELECT DISTINCT account FROM ledger l WHERE NOT EXISTS "
				 "(SELECT 1 FROM account a WHERE a.name = l.account) ORDER BY account");
	while (db_step(a->db, st) == DB_ROW)
		audit_differ(a, "account", db_text(st, 0), "account", "none", "named by the ledger");
	db_finalize(st);
	/* An outside account marked a fund would be held at zero and up; a
	 * fund marked outside could go below zero unseen. */
	st = db_prepare(a->db, "SELECT name, fund FROM account ORDER BY name");
	while (db_step(a->db, st) == DB_ROW) {
		bool fund = db_int(st, 1) != 0, want = fund_name(db_text(st, 0));
		if (fund != want)
			audit_differ(a, "account", db_text(st, 0), "fund", fund ? "1" : "0",
				     want ? "1" : "0");
	}
	db_finalize(st);
}

/* Each funding record against its booking: two rows under funding:<id>,
 * out of source:<source>, into its account, its amount, date and entry. */
void audit_funding(struct audit *a)
{
	/* The ledger read once, its funding bookings summed by ref (ref has
	 * no index: a lookup per record would read it per record). */
	db_stmt *st = db_prepare(a->db, "SELECT f.id, f.amount, f.account, 'source:' || f.source, "
		"f.date, coalesce(b.n, 0), coalesce(b.booked, 0), b.into_, b.from_, "
		"b.d0 <> f.date OR b.d1 <> f.date OR b.e0 <> f.entry OR b.e1 <> f.entry, b.d0 "
		"FROM funding f LEFT JOIN (SELECT ref, count(*) AS n, "
		"sum(CASE WHEN amount > 0 THEN amount END) AS booked, "
		"max(CASE WHEN amount > 0 THEN account END) AS into_, "
		"max(CASE WHEN amount < 0 THEN account END) AS from_, "
		"min(date) AS d0, max(date) AS d1, min(entry) AS e0, max(entry) AS e1 "
		"FROM ledger WHERE ref LIKE 'funding:%' GROUP BY ref) b ON b.ref = 'funding:' || f.id "
		"ORDER BY f.id");
	char subject[40], x[MONEY_TEXT], y[MONEY_TEXT], n[24];

	while (db_step(a->db, st) == DB_ROW) {
		snprintf(subject, sizeof subject, "funding %lld", (long long)db_int64(st, 0));
		long long rows = db_int64(st, 5);
		if (rows != 2) {
			snprintf(n, sizeof n, "%lld", rows);
			audit_differ(a, "funding", subject, "ledger rows", n, "2");
			if (rows == 0)
				continue;
		}
		jz_fen amount = db_int64(st, 1), booked = db_int64(st, 6);
		if (amount != booked) {
			audit_money(amount, booked, x, y);
			audit_differ(a, "funding", subject, "amount", x, y);
		}
		const char *into = db_text(st, 7), *from = db_text(st, 8);
		if (!into || strcmp(into, db_text(st, 2)) != 0)
			audit_differ(a, "funding", subject, "account", db_text(st, 2),
				     into ? into : "none");
		if (!from || strcmp(from, db_text(st, 3)) != 0)
			audit_differ(a, "funding", subject, "source", db_text(st, 3) + 7,
				     from ? from : "none");
		if (db_int64(st, 9) > 0)
			audit_differ(a, "funding", subject, "date", db_text(st, 4), db_text(st, 10));
	}
	db_finalize(st);
	/* A booking that names no funding record is money from nowhere. */
	st = db_prepare(a->db, "SELECT ref, sum(CASE WHEN amount > 0 THEN amount END) FROM ledger l WHERE ref LIKE "
		"'funding:%' AND NOT EXISTS (SELECT 1 FROM funding f WHERE f.id = "
		"CAST(substr(l.ref, 9) AS INTEGER) AND 'funding:' || f.id = l.ref) GROUP BY ref ORDER BY ref");
	while (db_step(a->db, st) == DB_ROW) {
		audit_money(db_int64(st, 1), 0, x, y);
		audit_differ(a, "funding", db_text(st, 0), "funding record", x, "none");
	}
	db_finalize(st);
}

/* One sum of the program's own SQL, bound to an entry, a fund and dates. */
static jz_fen sum(struct audit *a, const char *sql, long long entry, const char *fund,
		  const char *from, const char *to)
{
	db_stmt *st = db_prepare(a->db, sql);
	db_bind_int64(st, 1, entry);
	if (db_nparams(st) >= 2)
		db_bind_text(st, 2, fund);
	if (from)
		db_bind_text(st, 3, from);
	if (to)
		db_bind_text(st, 4, to);
	db_step(a->db, st);
	jz_fen v = db_int64(st, 0);
	db_finalize(st);
	return v;
}

static void fund_cell(struct audit *a, const char *subject, const char *field, jz_fen stored,
		      jz_fen recomputed)
{
	char x[MONEY_TEXT], y[MONEY_TEXT];

	if (stored == recomputed)
		return;
	audit_money(stored, recomputed, x, y);
	audit_differ(a, "fund_year", subject, field, x, y);
}

/* settle --fund (lib/settle/fund.c) again, on the rows of the entries
 * before the one that booked the year: spent in Y-1, half of it from the
 * finance, what the fund lacked for its deferred aid, the donations that
 * covered it; and the two bookings of the run. */
void audit_fund_years(struct audit *a)
{
	db_stmt *st = db_prepare(a->db, "SELECT y.fund, y.year, y.spent_before, y.finance_in, "
		"y.lacking, y.donations_in, y.entry, j.policy FROM fund_year y LEFT JOIN journal j "
		"ON j.entry = y.entry ORDER BY y.year, y.fund");
	struct policy_cache cache = {.ok = false};
	char subject[80], from[DATE_TEXT], to[DATE_TEXT];

	while (db_step(a->db, st) == DB_ROW) {
		const char *fund = db_text(st, 0);
		int year = db_int(st, 1);
		long long entry = db_int64(st, 6);
		jz_date jan1, prev;

		snprintf(subject, sizeof subject, "%s %d", fund, year);
		if (db_is_null(st, 7)) {
			audit_differ(a, "fund_year", subject, "entry", "no journal entry", "one");
			continue;
		}
		const struct policy *pol = audit_policy(a, &cache, db_text(st, 7));
		if (!pol || !date_from_ymd(year, 1, 1, &jan1) || !date_from_ymd(year - 1, 1, 1, &prev))
			continue;
		const struct pvalue *rate = policy_get(pol, "major_disease.finance_rate", jan1);
		if (!rate) {
			audit_differ(a, "fund_year", subject, "policy", "a finance rate", "none");
			continue;
		}
		date_format(prev, from);
		date_format(jan1, to);
		jz_fen spent = -sum(a, "SELECT coalesce(sum(amount), 0) FROM ledger WHERE entry < ?1 "
				    "AND account = ?2 AND amount < 0 AND date >= ?3 AND date < ?4",
				    entry, fund, from, to);
		jz_fen finance = money_times_rate(spent, rate->i);
		jz_fen owed = sum(a, "SELECT coalesce(sum(amount), 0) FROM payment p WHERE entry < ?1 "
				  "AND status = 'deferred' AND account = ?2 AND NOT EXISTS (SELECT 1 FROM "
				  "payment q WHERE q.payment_id = p.payment_id AND q.status = 'paid' AND "
				  "q.entry < ?1)", entry, fund, NULL, NULL);
		jz_fen held = sum(a, "SELECT coalesce(sum(amount), 0) FROM ledger WHERE entry < ?1 AND "
				  "account = ?2", entry, fund, NULL, NULL) + finance;
		jz_fen lacking = owed > held ? owed - held : 0;
		jz_fen donations = sum(a, "SELECT coalesce(sum(amount), 0) FROM ledger WHERE entry < ?1 "
				       "AND account = 'donations'", entry, fund,
				       NULL, NULL);
		jz_fen given = lacking < donations ? lacking : donations;
		fund_cell(a, subject, "spent_before", db_int64(st, 2), spent);
		fund_cell(a, subject, "finance_in", db_int64(st, 3), finance);
		fund_cell(a, subject, "lacking", db_int64(st, 4), lacking);
		fund_cell(a, subject, "donations_in", db_int64(st, 5), given);
		/* What the run booked into the fund, under its refs. */
		fund_cell(a, subject, "finance booked", finance,
			  sum(a, "SELECT coalesce(sum(amount), 0) FROM ledger WHERE entry = ?1 AND "
			      "account = ?2 AND ref = 'fund:' || ?2 || '/finance'", entry, fund,
			      NULL, NULL));
		fund_cell(a, subject, "donations booked", given,
			  sum(a, "SELECT coalesce(sum(amount), 0) FROM ledger WHERE entry = ?1 AND "
			      "account = ?2 AND ref = 'fund:' || ?2 || '/donations'", entry, fund,
			      NULL, NULL));
	}
	db_finalize(st);
	audit_policy_done(&cache);
}
