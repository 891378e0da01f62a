/*
 * The major-disease fund's annual funding (settle --fund major_disease
 * --year Y; rules.md 3; seed 三(三)8): the district finance pays in
 * major_disease.finance_rate (50%) of what the fund spent in Y-1; what the
 * fund still lacks for the aid approved and not yet paid from it comes
 * from the charity association's donations.  Booked once a year.
 */
#include "settle/settle_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"

const char *const settle_fund_columns[] = {
	"fund", "year", "spent_before", "finance_in", "lacking", "donations_in", "balance",
};
const int settle_fund_ncolumns = sizeof settle_fund_columns / sizeof settle_fund_columns[0];

static jz_fen one(struct db *db, const char *sql, const char *a, const char *b)
{
	db_stmt *st = db_prepare(db, sql);
	if (a)
		db_bind_text(st, 1, a);
	if (b)
		db_bind_text(st, 2, b);
	db_step(db, st);
	jz_fen v = db_int64(st, 0);
	db_finalize(st);
	return v;
}

void settle_fund(struct settle_job *r)
{
	struct ledger l;
	char from[DATE_TEXT], to[DATE_TEXT], year[8], cells[5][MONEY_TEXT];
	jz_date jan1, prev;
	int y = r->s->year;

	date_from_ymd(y, 1, 1, &jan1);
	date_from_ymd(y - 1, 1, 1, &prev);
	date_format(prev, from);
	date_format(jan1, to);
	snprintf(year, sizeof year, "%d", y);
	if (one(&r->db, "SELECT count(*) FROM fund_year WHERE fund = ?1 AND year = ?2", "major_disease",
		year)) {
		if (!r->o->quiet)
			diag_warn("the major-disease fund of %d was funded already", y);
		r->again++;
		return;
	}
	const struct pvalue *rate = policy_need(&r->pol, "major_disease.finance_rate", jan1);
	/* Spent: what left the fund in Y-1. */
	jz_fen spent = -one(&r->db, "SELECT coalesce(sum(amount), 0) FROM ledger WHERE account = "
			    "'major_disease' AND amount < 0 AND date >= ?1 AND date < ?2", from, to);
	jz_fen finance = money_times_rate(spent, rate->i);
	ledger_open(&l, &r->db, r->j.entry);
	if (finance > 0)
		ledger_move(&l, "source:finance_match", "major_disease", finance, to,
			    "fund:major_disease/finance");
	/* Lacking: approved aid of the fund deferred and never paid since. */
	jz_fen owed = one(&r->db, "SELECT coalesce(sum(amount), 0) FROM payment p WHERE status = "
			  "'deferred' AND account = 'major_disease' AND NOT EXISTS (SELECT 1 FROM payment "
			  "q WHERE q.payment_id = p.payment_id AND q.status = 'paid')", NULL, NULL);
	jz_fen held = ledger_balance(&l, "major_disease");
	jz_fen lacking = owed > held ? owed - held : 0;
	jz_fen donations = ledger_balance(&l, "donations");
	jz_fen given = lacking < donations ? lacking : donations;
	if (given > 0)
		ledger_move(&l, "donations", "major_disease", given, to, "fund:major_disease/donations");
	jz_fen balance = ledger_balance(&l, "major_disease");
	r->added += l.rows;
	ledger_close(&l);
	journal_count(&r->j, "fund_year", 1);
	db_stmt *st = db_prepare(&r->db, "INSERT INTO fund_year (fund, year, spent_before, "
				      "finance_in, lacking, donations_in, entry) VALUES ('major_disease', "
				      "?1, ?2, ?3, ?4, ?5, ?6)");
	db_bind_int64(st, 1, y);
	db_bind_int64(st, 2, spent);
	db_bind_int64(st, 3, finance);
	db_bind_int64(st, 4, lacking);
	db_bind_int64(st, 5, given);
	db_bind_int64(st, 6, r->j.entry);
	db_step(&r->db, st);
	db_finalize(st);
	jz_fen fen[] = {spent, finance, lacking, given, balance};
	for (int i = 0; i < 5; i++)
		money_format(fen[i], cells[i]);
	const char *row[] = {"major_disease", year, cells[0], cells[1], cells[2], cells[3], cells[4]};
	if (given < lacking) {
		char short_by[MONEY_TEXT];
		money_format(lacking - given, short_by);
		diag_warn("the fund still lacks %s: the donations could not cover it", short_by);
	}
	rec_write(r->w, row);
	if (!r->o->quiet)
		diag_warn("major_disease %d: %s from the finance (%s of %s spent in %d), %s from the "
			  "donations; the fund holds %s", y, cells[1], rate->text, cells[0], y - 1,
			  cells[3], cells[4]);
}
