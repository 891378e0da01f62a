/*
 * What comes back (lifecycle.md): a unit's overpayments refunded or
 * written off (grant --kind recovery), oldest month first; and payments
 * the bank returned (grant --kind return), which make their month unpaid
 * again for the next payroll to pay once more if still due.
 */
#include "grant/grant_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "io/kind_grant.h"

struct taking {
	struct grant_job *r;
	const struct kind *k;
	void (*take)(struct grant_job *r, struct value *v, struct rec *rec);
};

static void take_record(struct rec *rec, void *ctx)
{
	struct taking *t = ctx;
	struct value v[KIND_MAX_FIELDS];

	progress_tick("records", ++t->r->read);
	if (rec->broken || !kind_parse(t->k, &t->r->env, rec->val, v, &rec->prob)) {
		t->r->bad++;
		return;
	}
	t->take(t->r, v, rec);
}

static void read_inputs(struct grant_job *r, const struct kind *k,
			void (*take)(struct grant_job *r, struct value *v, struct rec *rec))
{
	struct rec_source src = {k->fields, k->nfields, NULL, r->o->input_format, r->o->encoding,
				 r->o->ignore_unknown};
	struct taking t = {r, k, take};
	char sha[SHA256_HEX];

	for (int i = 0; i < r->nfiles; i++) {
		if (!rec_read_file(r->files[i], &src, take_record, &t, sha))
			r->spoiled = true;
		journal_input(&r->j, r->files[i], sha);
	}
}

/* One refund or write-off: spread over what the unit owes, oldest first. */
static void take_recovery(struct grant_job *r, struct value *v, struct rec *rec)
{
	const char *unit = v[RECOVERY_UNIT].s, *key = v[RECOVERY_KEY].s;
	const char *action = v[RECOVERY_ACTION].s, *date = v[RECOVERY_DATE].s;
	const char *note = v[RECOVERY_NOTE].given ? v[RECOVERY_NOTE].s : NULL;
	jz_fen amount = v[RECOVERY_AMOUNT].i, owed_all = 0;
	struct owed_month *owed;

	if (adjust_recovered(&r->adjust, unit, key, action, date, note, amount)) {
		r->same++;
		return;
	}
	int n = adjust_owed_unit(&r->adjust, unit, key, &owed);
	for (int i = 0; i < n; i++)
		owed_all += owed[i].owed;
	if (amount > owed_all) {
		char a[MONEY_TEXT], o[MONEY_TEXT];
		money_format(amount, a);
		money_format(owed_all, o);
		problem(&rec->prob, "amount", "%s is more than the %s that %s %s still owes", a, o,
			unit, key);
		r->bad++;
		free(owed);
		return;
	}
	char id[300], receivable[64], paid_out[64];
	jz_fen left = amount;
	for (int i = 0; i < n && left > 0; i++) {
		struct grant g;
		if (!grant_load(&r->store, owed[i].grant_id, &g))
			diag_fatal(JZ_SOFTWARE, "payment table: no grant %s", owed[i].grant_id);
		jz_fen take = owed[i].owed < left ? owed[i].owed : left;
		struct pay p = {.payment_id = id, .month = owed[i].month, .kind = action,
				.paid_on = date, .reason = note, .amount = take};
		snprintf(id, sizeof id, "%.200s/%s/%s/%lld-%ld", g.chain, owed[i].month, action,
			 r->j.entry, rec->prob.line);
		snprintf(p.account, sizeof p.account, "%s", g.account[0] ? g.account : "budget");
		snprintf(receivable, sizeof receivable, "receivable:%s", g.programme);
		snprintf(paid_out, sizeof paid_out, "paid:%s", g.programme);
		/* A refund brings the money back to the account that paid; a
		 * write-off makes it spent after all. */
		bool refund = strcmp(action, "refund") == 0;
		if (!grant_book(&r->store, &g, &p, receivable, refund ? p.account : paid_out))
			diag_fatal(JZ_SOFTWARE, "%s: cannot book", id);
		grant_payment_row(&g, &p, "paid", note, grant_write_row, r);
		left -= take;
	}
	free(owed);
}

void grant_recovery(struct grant_job *r)
{
	read_inputs(r, &kind_recovery, take_recovery);
}

/* One returned payment: its reversal, dated when the bank sent it back. */
static void take_return(struct grant_job *r, struct value *v, struct rec *rec)
{
	const char *payment_id = v[RETURN_PAYMENT_ID].s;
	char id[320], paid_out[64];
	struct paid_row row;
	struct grant g;

	if (!adjust_paid_row(&r->adjust, payment_id, &row)) {
		problem(&rec->prob, "payment_id", "no payment %s was paid out", payment_id);
		r->bad++;
		return;
	}
	snprintf(id, sizeof id, "%s/returned", payment_id);
	if (grant_is_paid(&r->store, id)) {
		r->same++;
		return;
	}
	if (strchr(row.account, '+')) {
		problem(&rec->prob, "payment_id", "%s was paid from two accounts (%s); return each "
			"part by hand with grant --kind funding", payment_id, row.account);
		r->bad++;
		return;
	}
	if (!grant_load(&r->store, row.grant_id, &g))
		diag_fatal(JZ_SOFTWARE, "payment table: no grant %s", row.grant_id);
	struct pay p = {.payment_id = id, .month = row.month, .kind = "returned",
			.paid_on = v[RETURN_DATE].s, .reason = v[RETURN_REASON].s,
			.amount = -row.amount, .payee = row.payee};
	snprintf(p.account, sizeof p.account, "%s", row.account);
	snprintf(paid_out, sizeof paid_out, "paid:%s", g.programme);
	if (!grant_book(&r->store, &g, &p, paid_out, row.account))
		diag_fatal(JZ_SOFTWARE, "%s: cannot book", id);
	grant_payment_row(&g, &p, "paid", p.reason, grant_write_row, r);
}

void grant_return(struct grant_job *r)
{
	read_inputs(r, &kind_return, take_return);
}
