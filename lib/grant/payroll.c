/*
 * The payroll run, grant --period YYYY-MM (grant(1)): one payment for the
 * month per monthly grant in force on its first day, booked once.  A month
 * run again pays only what it did not pay before; a month may be run late,
 * and its payments carry the month they are for.
 */
#include "grant/grant_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"

/* The newest version of each monthly grant with money, in force on ?1. */
static const char due_sql[] =
	"SELECT " GRANT_COLUMNS " FROM \"grant\" g WHERE period = 'month' AND start <= ?1 "
	"AND version = (SELECT max(version) FROM \"grant\" h WHERE h.grant_id = g.grant_id) "
	"AND amount > 0 AND status <> 'deferred' AND (\"end\" IS NULL OR \"end\" > ?1) "
	"ORDER BY grant_id";

void grant_payroll(struct grant_job *r)
{
	char first[DATE_TEXT], month[8], paid_on[DATE_TEXT], payment_id[300], amount[MONEY_TEXT];
	db_stmt *st = db_prepare(&r->db, due_sql);
	struct grant g;

	date_format(r->g->period, first);
	snprintf(month, sizeof month, "%.7s", first);
	date_format(r->o->as_of, paid_on);
	db_bind_text(st, 1, first);
	while (db_step(&r->db, st) == DB_ROW) {
		grant_read(st, &g);
		progress_tick("grants", ++r->read);
		snprintf(payment_id, sizeof payment_id, "%s/%s", g.chain, month);
		if (grant_is_paid(&r->store, payment_id)) {
			r->same++;
			continue;
		}
		if (strcmp(g.basis, "released_prisoner") == 0) {
			/* At most dibao.released_months payments in a lifetime
			 * (rules.md 1, dibao (c): "给予一年"). */
			const struct pvalue *v = policy_need(&r->pol, "dibao.released_months",
							     r->g->period);
			char last[8];
			if (grant_released_paid(&r->store, g.chain, last) >= v->i) {
				if (strcmp(month, last) < 0) {
					r->same++; /* before the last paid month: nothing to end */
					continue;
				}
				g.end = r->g->period;
				g.since = r->g->period;
				snprintf(g.status, sizeof g.status, "ended");
				snprintf(g.reason, sizeof g.reason, "lifetime_limit");
				grant_write(&r->store, &g);
				r->ended++;
				continue;
			}
		}
		enum pay_result res = grant_pay(&r->store, &g, payment_id, month, paid_on, g.account);
		if (res == PAY_ALREADY) {
			r->same++;
			continue;
		}
		money_format(g.amount, amount);
		const char *row[] = {
			payment_id, g.grant_id, g.programme, g.household_id, g.national_id, month,
			amount, g.account, res == PAY_PAID ? "paid" : "deferred",
			res == PAY_PAID ? "" : "insufficient_funds", paid_on,
		};
		rec_write(r->w, row);
		r->taken++;
	}
	db_finalize(st);
}
