/*
 * report adjustments (report(1); lifecycle.md Corrections reach back):
 * per unit and month corrected, the arrears paid, the overpayment booked
 * as a receivable, what was recovered of it by offset, refund or
 * write-off, and what is still to recover.  With a period, only the units
 * and months with an adjustment booked in it, and what was still to
 * recover at its end.
 */
#include "report/report_int.h"

#include <stdio.h>

#include "core/diag.h"
#include "core/money.h"
#include "store/db.h"

const char *const report_adjust_columns[] = {"programme", "unit", "household_id", "national_id",
					     "month", "arrears", "overpaid", "offset", "refunded",
					     "written_off", "to_recover"};
const int report_adjust_ncolumns = 11;

/*
 * An adjustment is booked in the month of the payroll run that booked it,
 * or, booked by no payroll (a refund, a write-off), in the month of its
 * date.  ?1 is the period (YYYY-MM) or NULL for all: IN is "booked in it",
 * BY "booked in it or before".
 */
#define BOOKED "coalesce(p.payroll, substr(p.paid_on, 1, 7))"
#define IN "(?1 IS NULL OR " BOOKED " = ?1)"
#define BY "(?1 IS NULL OR " BOOKED " <= ?1)"
#define SUM(kind, when) "coalesce(sum(CASE WHEN p.kind = '" kind "' AND " when \
	" THEN p.amount END), 0)"

static const char adjust_sql[] =
	"SELECT g.programme, g.unit, g.household_id, g.national_id, p.month, "
	SUM("arrears", IN) ", -" SUM("overpayment", IN) ", " SUM("offset", IN) ", "
	SUM("refund", IN) ", " SUM("write_off", IN) ", "
	"-" SUM("overpayment", BY) " - " SUM("offset", BY) " - " SUM("refund", BY) " - "
	SUM("write_off", BY) " "
	"FROM payment p JOIN \"grant\" g ON g.grant_id = p.grant_id AND g.version = 1 "
	"WHERE p.status = 'paid' AND "
	"p.kind IN ('arrears', 'overpayment', 'offset', 'refund', 'write_off') "
	"GROUP BY g.chain, p.month HAVING max(" IN ") "
	"ORDER BY g.programme, g.household_id, g.chain, p.month";

void report_adjustments(struct db *db, const char *period, bool show_ids,
			struct rec_writer *w)
{
	db_stmt *st = db_prepare(db, adjust_sql);

	db_bind_text(st, 1, period);
	while (db_step(db, st) == DB_ROW) {
		char cell[6][MONEY_TEXT], masked[32];
		const char *id = db_text(st, 3);

		for (int i = 0; i < 6; i++)
			money_format(db_int64(st, 5 + i), cell[i]);
		if (id && !show_ids)
			id = diag_mask_id(id, masked);
		const char *row[] = {db_text(st, 0), db_text(st, 1), db_text(st, 2), id,
				     db_text(st, 4), cell[0], cell[1], cell[2], cell[3], cell[4],
				     cell[5]};
		rec_write(w, row);
	}
	db_finalize(st);
}
