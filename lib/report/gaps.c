/*
 * report gaps (report(1); rules.md 五, "no one missed, nobody twice"): as
 * of --as-of, the units the rules find eligible for a monthly or yearly
 * programme that hold no grant of it in force (missed; a time-limited grant
 * that has had its number of payments is not), and the persons
 * paid dibao twice: by a grant of their own while counted in a household
 * that holds one (twice).
 */
#include "report/report_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "rules/rule.h"
#include "store/db.h"
#include "store/grant_store.h"
#include "store/household.h"

const char *const report_gaps_columns[] = {"gap", "programme", "unit", "household_id",
					   "national_id", "amount", "reason"};
const int report_gaps_ncolumns = 7;

struct gaps {
	struct rule_ctx ctx;
	struct registry_history *hist;
	struct rec_writer *w;
	bool show_ids;
	long long found;
};

static void gap(struct gaps *g, const char *kind, const char *programme, const char *unit,
		const char *household_id, const char *national_id, jz_fen amount,
		const char *reason)
{
	char fen[MONEY_TEXT], masked[32];
	money_format(amount, fen);
	const char *id = national_id && !g->show_ids ? diag_mask_id(national_id, masked) : national_id;
	const char *row[] = {kind, programme, unit, household_id, id, fen, reason};
	rec_write(g->w, row);
	g->found++;
}

/* A decision of the rules: eligible for a programme paid by the month or
 * the year, with no grant of its chain in force on the date. */
static void decided(const struct decision *d, void *ctx)
{
	struct gaps *g = ctx;
	const char *period = grant_period(d->programme);
	char chain[240];

	if (!d->eligible || !period || strcmp(period, "once") == 0)
		return;
	rule_chain(chain, sizeof chain, d->programme, d->unit,
		   d->national_id ? d->national_id : d->household_id);
	/* A time-limited grant that has had its payments is not missed. */
	if (!history_grant(g->hist, chain, g->ctx.on, NULL) &&
	    !(history_has_grants(g->hist) && grant_chain_done(g->hist->db, chain)))
		gap(g, "missed", d->programme, d->unit, d->household_id, d->national_id, d->amount,
		    d->reason);
}

static void household(const struct household *h, void *ctx)
{
	struct gaps *g = ctx;

	rule_facts(&g->ctx, h);
	for (int i = 0; i < rule_nprogrammes && !g->ctx.missing; i++)
		rule_programmes[i].household(&g->ctx, h);
	if (g->ctx.missing) {
		char d[DATE_TEXT];
		date_format(g->ctx.on, d);
		diag_fatal(JZ_UNAVAILABLE, "parameter %s has no value on %s in policy %s (household %s)",
			   g->ctx.missing, d, g->ctx.pol->ref, h->id);
	}
	/* Twice: a person's own dibao grant while counted in the household's. */
	char chain[240];
	rule_chain(chain, sizeof chain, "dibao", "household", h->id);
	if (!history_grant(g->hist, chain, g->ctx.on, NULL))
		return;
	for (int i = 0; i < h->n; i++) {
		jz_fen own;
		if (rule_unit_of_one(&g->ctx, &h->member[i]))
			continue; /* not counted in the household: their own is no second */
		rule_chain(chain, sizeof chain, "dibao", "person", h->member[i].id);
		if (history_grant(g->hist, chain, g->ctx.on, &own))
			gap(g, "twice", "dibao", "person", h->id, h->member[i].id, own,
			    "own_grant_and_household_grant");
	}
}

long long report_gaps(struct db *db, const struct policy *pol, jz_date on, bool show_ids,
		      struct rec_writer *w)
{
	struct registry_history hist = {.db = db};
	struct gaps g = {.hist = &hist, .w = w, .show_ids = show_ids};

	g.ctx.pol = pol;
	g.ctx.on = on;
	g.ctx.history = history_for_rules(&hist);
	g.ctx.emit = decided;
	g.ctx.sink = &g;
	household_each(db, on, household, &g);
	history_free(&hist);
	return g.found;
}
