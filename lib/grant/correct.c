/*
 * Corrections that reach back (lifecycle.md): a payroll first settles
 * every paid month that the registry or the bank changed after it was
 * booked, booking due - net as arrears (paid now) or as an overpayment (a
 * receivable of the unit); then each payment it makes recovers what its
 * chain owes, at most recovery.offset_share of it.  A refund or write-off
 * is booked by grant --kind recovery, a returned payment by grant --kind
 * return (grant/recover.c).
 */
#include "grant/grant_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "rules/rule.h"

jz_fen grant_due(struct grant_job *r, const struct grant *g, const char *month)
{
	struct rule_ctx c = {.pol = &r->pol, .history = history_for_rules(&r->hist)};
	char err[80];

	if (!date_parse_month(month, &c.on, err, sizeof err))
		diag_fatal(JZ_SOFTWARE, "payment table: month %s: %s", month, err);
	jz_fen due = rule_due(&c, g->programme, g->unit, grant_unit_key(g));
	if (c.missing)
		diag_fatal(JZ_UNAVAILABLE, "parameter %s has no value on %s-01 in policy %s (%s); "
			   "nothing was written", c.missing, month, r->pol.ref, g->chain);
	return due;
}

void grant_adjustment_id(struct grant_job *r, const struct grant *g, const char *month,
			 const char *kind, char id[300])
{
	snprintf(id, 300, "%.200s/%s/%s/%lld", g->chain, month, kind, r->j.entry);
}

/* Settle one stale month: book due - net. */
static void settle_month(const struct stale_month *m, void *ctx)
{
	struct grant_job *r = ctx;
	const struct grant *g = &m->g;
	char id[300], payroll[8], paid_on[DATE_TEXT], first[DATE_TEXT], err[80];
	char paid_out[64], receivable[64];
	jz_fen net, owed, due = grant_due(r, g, m->month);
	jz_date month_first;

	progress_tick("months", ++r->rechecked);
	adjust_month(&r->adjust, g->grant_id, m->month, &net, &owed);
	if (due == net)
		return;
	if (!date_parse_month(m->month, &month_first, err, sizeof err))
		diag_fatal(JZ_SOFTWARE, "payment table: month %s: %s", m->month, err);
	date_format(r->g->period, first);
	snprintf(payroll, sizeof payroll, "%.7s", first);
	date_format(r->o->as_of, paid_on);
	struct pay p = {.payment_id = id, .month = m->month, .payroll = payroll, .paid_on = paid_on,
			.amount = due - net};
	if (due > net) {
		/* Arrears go to whoever is paid for the unit now; for a unit no
		 * longer here, to whom its month was paid. */
		p.kind = "arrears";
		grant_adjustment_id(r, g, m->month, p.kind, id);
		if (grant_payee(&r->store, g, r->g->period, &p.payee))
			grant_payee(&r->store, g, month_first, &p.payee);
		enum pay_result res = grant_pay(&r->store, g, &p);
		grant_payment_row(g, &p, res == PAY_PAID ? "paid" : "deferred",
				  res == PAY_PAID ? NULL : "insufficient_funds", grant_write_row, r);
		if (res == PAY_PAID) {
			r->arrears_fen += p.amount;
			r->arrears_paid++;
		}
		r->arrears++;
		return;
	}
	p.kind = "overpayment";
	grant_adjustment_id(r, g, m->month, p.kind, id);
	grant_payee(&r->store, g, month_first, &p.payee);
	snprintf(p.account, sizeof p.account, "%s", g->account[0] ? g->account : "budget");
	snprintf(paid_out, sizeof paid_out, "paid:%s", g->programme);
	snprintf(receivable, sizeof receivable, "receivable:%s", g->programme);
	grant_book(&r->store, g, &p, paid_out, receivable);
	grant_payment_row(g, &p, "paid", NULL, grant_write_row, r);
	r->overpaid++;
	r->overpaid_fen -= p.amount;
}

void grant_corrections(struct grant_job *r)
{
	adjust_each_stale(&r->db, settle_month, r);
}

void grant_offset(struct grant_job *r, const struct grant *g, const struct pay *paid)
{
	struct owed_month *owed;
	int n = adjust_owed(&r->adjust, g->chain, &owed);

	if (n == 0)
		return;
	jz_rate share = policy_need(&r->pol, "recovery.offset_share", r->g->period)->i;
	jz_fen room = money_share(paid->amount, share);
	char id[300], receivable[64];
	snprintf(receivable, sizeof receivable, "receivable:%s", g->programme);
	for (int i = 0; i < n && room > 0; i++) {
		struct grant of = *g;
		jz_fen take = owed[i].owed < room ? owed[i].owed : room;
		snprintf(of.grant_id, sizeof of.grant_id, "%s", owed[i].grant_id);
		struct pay p = *paid;
		p.payment_id = id;
		p.month = owed[i].month;
		p.kind = "offset";
		p.amount = take;
		grant_adjustment_id(r, g, owed[i].month, p.kind, id);
		if (!grant_book(&r->store, &of, &p, receivable, paid->account))
			diag_fatal(JZ_SOFTWARE, "%s: cannot book an offset", id);
		grant_payment_row(&of, &p, "paid", NULL, grant_write_row, r);
		room -= take;
		r->offsets++;
		r->offset_fen += take;
	}
	free(owed);
}
