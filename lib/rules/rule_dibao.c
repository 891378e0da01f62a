/*
 * dibao, the minimum living guarantee (rules.md 1; seed 三(一)1): the
 * household rule and its three special inclusions, each a unit of one.
 */
#include "rules/rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is(const char *code, const char *want)
{
	return strcmp(code, want) == 0;
}

/* The standard S for a hukou type, noted in the trace. */
static jz_fen standard(struct rule_ctx *c, const char *hukou_type)
{
	return rule_money(c, is(hukou_type, "rural") ? "dibao.standard.rural"
						     : "dibao.standard.urban", "S");
}

/* The highest classified-assistance coefficient a person's categories give
 * (rules.md: one category only, the highest), 0 when none; noted. */
static jz_rate increment_rate(struct rule_ctx *c, const struct person *p, const char *sym)
{
	static const struct { const char *param; } classes[] = {
		{"dibao.class.elderly"},
		{"dibao.class.severe_disability"},
		{"dibao.class.serious_illness"},
		{"dibao.class.minor"},
	};
	int age = rule_age(c, p);
	bool in[] = {
		age >= 60,
		p->disability_grade >= 1 && p->disability_grade <= 2 && p->disability_cert,
		is(p->illness, "serious"),
		age < 16,
	};
	jz_rate best = 0;
	const char *which = NULL;

	for (int i = 0; i < 4; i++) {
		if (!in[i])
			continue;
		const struct pvalue *v = policy_get(c->pol, classes[i].param, c->on);
		if (!v) {
			if (!c->missing)
				c->missing = classes[i].param;
			continue;
		}
		if (!which || v->i > best)
			best = v->i, which = classes[i].param;
	}
	if (which) /* note the one used, as c<member's place in the household> */
		rule_rate(c, which, sym);
	return best;
}

/* The highest coefficient of all (for rural wubao: "按照分类救助最高系数"). */
static jz_rate highest_rate(struct rule_ctx *c)
{
	static const char *const all[] = {"dibao.class.elderly", "dibao.class.severe_disability",
					  "dibao.class.serious_illness", "dibao.class.minor"};
	jz_rate best = 0;
	const char *which = all[0];

	for (int i = 0; i < 4; i++) {
		const struct pvalue *v = policy_get(c->pol, all[i], c->on);
		if (!v) {
			if (!c->missing)
				c->missing = all[i];
			return 0;
		}
		if (v->i > best)
			best = v->i, which = all[i];
	}
	return rule_rate(c, which, "cmax");
}

/* A personal dibao decision (rules.md dibao (a), (b), (c)), before it is
 * emitted: rule_dibao emits it, rule_personal_dibao asks it quietly. */
struct own {
	bool eligible;
	jz_fen amount;
	const char *reason;
};

static bool own_decision(struct own *o, bool eligible, jz_fen amount, const char *reason)
{
	*o = (struct own){.eligible = eligible, .amount = eligible ? amount : 0, .reason = reason};
	return true;
}

/* max(0, S - own income) + S x rate, rounded once. */
static jz_fen own_amount(struct rule_ctx *c, jz_fen s, const struct person *p, jz_rate rate)
{
	char inc[MONEY_TEXT];
	money_format(p->income, inc);
	rule_note(c, "i=%s", inc);
	jz_fen gap = s > p->income ? s - p->income : 0;
	return gap + money_times_rate(s, rate);
}

/* (b) a rural wubao person: S - own income + S x the highest coefficient. */
static bool wubao(struct rule_ctx *c, const struct person *p, struct own *o)
{
	rule_begin(c, "dibao(wubao)");
	jz_fen s = standard(c, p->hukou_type);
	jz_rate top = highest_rate(c);
	if (!p->hukou_local || !is(p->hukou_type, "rural"))
		return own_decision(o, false, 0, p->hukou_local ? "wubao_not_rural" : "hukou_not_local");
	return own_decision(o, true, own_amount(c, s, p, top), "rural_wubao");
}

/* (c) released from prison, hukou not yet registered: S - own income for
 * dibao.released_months monthly payments in a lifetime, counted from the
 * first one paid (the history's payments before D's month); no window
 * from the release date. */
static bool released(struct rule_ctx *c, const struct person *p, struct own *o)
{
	char rel[DATE_TEXT], chain[200];
	long paid = 0;

	rule_begin(c, "dibao(released)");
	jz_fen s = standard(c, p->hukou_type);
	long months = rule_count(c, "dibao.released_months", "months");
	rule_chain(chain, sizeof chain, "dibao", "person", p->id);
	if (c->history)
		paid = c->history->paid(c->history->ctx, chain, "released_prisoner", c->on);
	date_format(p->released_on, rel);
	rule_note(c, "released=%s paid=%ld", rel, paid);
	if (c->on < p->released_on)
		return own_decision(o, false, 0, "not_yet_released");
	jz_fen amount = own_amount(c, s, p, 0);
	if (p->income >= s)
		return own_decision(o, false, 0, "income_not_below_standard");
	if (paid >= months)
		return own_decision(o, false, 0, "lifetime_limit");
	return own_decision(o, true, amount, "released_prisoner");
}

/* (a) AIDS in an edge household (judged with her counted, rule_facts):
 * S - own income + own increment, S for the household's hukou type. */
static bool aids(struct rule_ctx *c, const struct person *p, struct own *o)
{
	rule_begin(c, "dibao(aids)");
	jz_fen s = standard(c, c->facts.head->hukou_type);
	jz_rate r = increment_rate(c, p, "c");
	return own_decision(o, true, own_amount(c, s, p, r), "aids_edge_household");
}

/* p's personal dibao on D: false when there is nothing to decide (no
 * inclusion, no grant of their own in force). */
static bool personal(struct rule_ctx *c, const struct person *p, struct own *o)
{
	const struct household_facts *f = &c->facts;
	char chain[200];

	switch (rule_unit_of_one(c, p)) {
	case UNIT_WUBAO:
		return wubao(c, p, o);
	case UNIT_RELEASED:
		return released(c, p, o);
	case UNIT_AIDS:
		return aids(c, p, o);
	case UNIT_NONE:
		break;
	}
	/* In none of (a), (b), (c) now: a grant of their own still in force
	 * is ended by this decision, or it would run on beside the
	 * household's dibao, in which they are counted again. */
	rule_chain(chain, sizeof chain, "dibao", "person", p->id);
	if (!c->history || !c->history->has_grants(c->history->ctx) ||
	    !c->history->grant(c->history->ctx, chain, c->on, NULL))
		return false;
	rule_begin(c, "dibao(person)");
	rule_note(c, "own grant in force");
	if (p->has_released_on)
		return own_decision(o, false, 0, "hukou_registered");
	if (is(p->illness, "aids"))
		return own_decision(o, false, 0, f->dibao ? "household_now_dibao" : "no_longer_edge");
	return own_decision(o, false, 0, "no_special_inclusion");
}

bool rule_personal_dibao(struct rule_ctx *c, const struct person *p)
{
	bool tracing = c->tracing;
	char t0 = c->trace[0];
	struct own o;

	c->tracing = false;
	bool made = personal(c, p, &o);
	c->tracing = tracing;
	c->trace[0] = t0;
	return made && o.eligible;
}

/* Sum of the members' highest coefficients (units of one aside). */
static jz_rate household_rates(struct rule_ctx *c, const struct household *h)
{
	jz_rate rates = 0;
	for (int i = 0; i < h->n; i++) {
		char sym[16];
		snprintf(sym, sizeof sym, "c%d", i + 1);
		if (!rule_unit_of_one(c, &h->member[i]))
			rates += increment_rate(c, &h->member[i], sym);
	}
	return rates;
}

jz_fen rule_dibao_amount_on(struct rule_ctx *c, const struct household *h, jz_date day)
{
	struct rule_ctx past = *c;

	if (c->history && c->history->has_grants(c->history->ctx)) {
		char chain[200];
		jz_fen amount = 0;
		rule_chain(chain, sizeof chain, "dibao", "household", h->id);
		return c->history->grant(c->history->ctx, chain, day, &amount) ? amount : 0;
	}
	past.on = day;
	past.tracing = false;
	past.missing = NULL;
	rule_means(&past, h);
	if (past.missing || !past.facts.below)
		return 0;
	jz_rate rates = household_rates(&past, h);
	if (past.missing)
		return 0;
	return past.facts.s * past.facts.n - past.facts.income + money_times_rate(past.facts.s, rates);
}

/* Gradual exit (渐退): a dibao household no longer below the standard
 * because a member found work goes on at its last amount for
 * dibao.gradual_exit_months months from the month of the change. */
jz_fen rule_gradual_exit(struct rule_ctx *c, const struct household *h)
{
	for (int i = 0; i < h->n; i++) {
		struct person before;
		struct household then;
		jz_date since;
		char from[DATE_TEXT], until[DATE_TEXT], last[MONEY_TEXT];

		/* A unit of one's work does not change the household's I. */
		if (rule_unit_of_one(c, &h->member[i]) ||
		    !rule_found_work(c, &h->member[i], &since, &before))
			continue;
		if (!c->history->household(c->history->ctx, h->id, since - 1, &then))
			continue;
		jz_fen amount = rule_dibao_amount_on(c, &then, since - 1);
		free(then.member);
		if (amount == 0)
			continue;
		long months = rule_count(c, "dibao.gradual_exit_months", "exit_months");
		jz_date end = rule_months_end(since, months);
		date_format(since, from);
		date_format(end, until);
		money_format(amount, last);
		rule_note(c, "c%d employed from %s, last amount %s, until<%s", i + 1, from, last, until);
		if (c->on < end)
			return amount;
	}
	return 0;
}

/* The gradual exit's amount: as rule_facts found it, or looked for again
 * when it did not look, or to show it in the trace. */
static jz_fen exit_amount(struct rule_ctx *c, const struct household *h)
{
	return c->facts.exit >= 0 && !c->tracing ? c->facts.exit : rule_gradual_exit(c, h);
}

void rule_dibao(struct rule_ctx *c, const struct household *h)
{
	const struct household_facts *f = &c->facts;
	char inc[MONEY_TEXT], sn[MONEY_TEXT];

	rule_begin(c, "dibao");
	standard(c, f->head->hukou_type);
	rule_rate(c, "dibao.edge_multiplier", "m");
	money_format(f->income, inc);
	money_format(f->s * f->n, sn);
	rule_note(c, "n=%d I=%s S*n=%s", f->n, inc, sn);
	/* A household of units of one only has no household decision, but
	 * for one that ends a grant still in force: nobody is paid dibao
	 * twice. */
	if (f->n > 0 || f->granted) {
		struct decision d = {
			.programme = "dibao", .unit = "household", .household_id = h->id,
			.period = "month",
		};
		if (f->n == 0) {
			d.reason = "units_of_one_only";
		} else if (!f->head->hukou_local) {
			d.reason = "hukou_not_local";
		} else if (!f->below && (d.amount = exit_amount(c, h)) > 0) {
			d.eligible = true;
			d.reason = "gradual_exit";
			char amt[MONEY_TEXT];
			money_format(d.amount, amt);
			rule_note(c, "-> %s", amt);
		} else if (!f->below) {
			d.reason = f->edge ? "edge_household" : "income_not_below_standard";
		} else {
			jz_rate rates = household_rates(c, h);
			char add[MONEY_TEXT], amt[MONEY_TEXT], rs[MONEY_TEXT];
			d.eligible = true;
			d.reason = "income_below_standard";
			d.amount = f->s * f->n - f->income + money_times_rate(f->s, rates);
			money_format(money_times_rate(f->s, rates), add);
			rate_format(rates, rs);
			money_format(d.amount, amt);
			rule_note(c, "S*n-I+S*%s=%s-%s+%s -> %s", rs, sn, inc, add, amt);
		}
		if (!d.eligible)
			rule_note(c, "-> %s", d.reason);
		rule_emit(c, &d);
	}

	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		struct own o;
		if (personal(c, p, &o))
			rule_decide(c, "dibao", h, p, o.eligible, o.amount, "month", o.reason);
	}
}
