/*
 * The payroll run, grant --period YYYY-MM (grant(1)): one payment for the
 * month per monthly grant in force on its first day, booked once.  A month
 * run again pays only what it did not pay before; a month may be run late,
 * and its payments carry the month they are for.  A time-limited grant
 * (rules.md 1, Time-limited monthly grants) is paid its number of payments
 * and no more: it ends with the last.
 */
#include "grant/grant_int.h"

#include <stdio.h>
#include <stdlib.h>
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

bool grant_time_limit(struct grant_job *r, const struct grant *g, jz_date on,
		      struct time_limit *t)
{
	const struct grant_limit *l = grant_limit_of(g->programme, g->basis);

	if (!l)
		return false;
	t->limit = (long)policy_need(&r->pol, l->param, on)->i;
	t->reason = l->reason;
	t->paid = grant_payments(&r->store, g->chain, l->basis, l->lifetime ? 0 : g->began,
				 t->last);
	return true;
}

/* The grants to end after this month's payments, written when the due
 * grants have all been read. */
struct ends {
	struct grant *g;
	size_t n, cap;
};

static void end_later(struct ends *e, const struct grant *g, jz_date end, jz_date since,
		      const char *reason)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 16;
		if (!(e->g = realloc(e->g, e->cap * sizeof *e->g)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
	}
	struct grant *x = &e->g[e->n++];
	*x = *g;
	x->end = end > x->start ? end : x->start;
	x->since = since;
	snprintf(x->status, sizeof x->status, "ended");
	snprintf(x->reason, sizeof x->reason, "%s", reason);
}

void grant_write_row(const char *const *row, void *ctx)
{
	struct grant_job *r = ctx;

	rec_write(r->w, row);
	r->taken++;
}

void grant_payroll(struct grant_job *r)
{
	char first[DATE_TEXT], month[8], paid_on[DATE_TEXT], payment_id[300];
	struct ends ends = {0};
	jz_date next = date_add_months(r->g->period, 1);
	struct grant g;

	date_format(r->g->period, first);
	snprintf(month, sizeof month, "%.7s", first);
	date_format(r->o->as_of, paid_on);
	/* What was paid wrong before is settled first, so that this month's
	 * payments can recover what it finds overpaid. */
	grant_corrections(r);
	progress_total(0); /* the grants due: not counted first (a count is a scan) */
	db_stmt *st = db_prepare(&r->db, due_sql);
	db_bind_text(st, 1, first);
	while (db_step(&r->db, st) == DB_ROW) {
		grant_read(st, &g);
		progress_tick("grants", ++r->read);
		snprintf(payment_id, sizeof payment_id, "%s/%s", g.chain, month);
		if (grant_is_paid(&r->store, payment_id)) {
			r->same++;
			continue;
		}
		struct pay pay = {.payment_id = payment_id, .month = month, .kind = "payment",
				  .paid_on = paid_on, .amount = g.amount};
		/* Nobody is paid for a month that starts after they died or
		 * left (lifecycle.md): the grant ends instead. */
		const char *gone = grant_payee(&r->store, &g, r->g->period, &pay.payee);
		if (gone) {
			end_later(&ends, &g, r->g->period, r->g->period, gone);
			r->ended_gone++;
			continue;
		}
		struct time_limit t;
		bool limited = grant_time_limit(r, &g, r->g->period, &t);
		if (limited && t.paid >= t.limit) {
			if (strcmp(month, t.last) < 0) {
				r->same++; /* before the last paid month: nothing to end */
				continue;
			}
			/* Its payments were made (a limit lowered, or a chain
			 * paid before this run): it ends instead of being paid. */
			end_later(&ends, &g, r->g->period, r->g->period, t.reason);
			continue;
		}
		enum pay_result res = grant_pay(&r->store, &g, &pay);
		if (res == PAY_ALREADY) {
			r->same++;
			continue;
		}
		grant_payment_row(&g, &pay, res == PAY_PAID ? "paid" : "deferred",
				  res == PAY_PAID ? NULL : "insufficient_funds", grant_write_row, r);
		if (res == PAY_PAID)
			grant_offset(r, &g, &pay);
		if (limited && res == PAY_PAID && t.paid + 1 >= t.limit) {
			/* The last payment: the grant ends after the later of
			 * this month and the last paid before. */
			jz_date end = next;
			if (strcmp(t.last, month) > 0) {
				char err[80];
				if (!date_parse_month(t.last, &end, err, sizeof err))
					diag_fatal(JZ_SOFTWARE, "payment table: %s", err);
				end = date_add_months(end, 1);
			}
			if (!g.end || g.end > end)
				end_later(&ends, &g, end, r->g->period, t.reason);
		}
	}
	db_finalize(st);
	for (size_t i = 0; i < ends.n; i++)
		grant_write(&r->store, &ends.g[i]);
	r->ended += (long long)ends.n - r->ended_gone;
	free(ends.g);
}
