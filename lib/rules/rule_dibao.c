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

static void person_decision(struct rule_ctx *c, const struct household *h, const struct person *p,
			    bool eligible, jz_fen amount, const char *reason)
{
	rule_decide(c, "dibao", h, p, eligible, amount, "month", reason);
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
static void wubao(struct rule_ctx *c, const struct household *h, const struct person *p)
{
	rule_begin(c, "dibao(wubao)");
	jz_fen s = standard(c, p->hukou_type);
	jz_rate top = highest_rate(c);
	if (!p->hukou_local || !is(p->hukou_type, "rural")) {
		person_decision(c, h, p, false, 0, p->hukou_local ? "wubao_not_rural" : "hukou_not_local");
		return;
	}
	person_decision(c, h, p, true, own_amount(c, s, p, top), "rural_wubao");
}

/* (c) released from prison, hukou not yet registered: S - own income for
 * dibao.released_months months from the release. */
static void released(struct rule_ctx *c, const struct household *h, const struct person *p)
{
	char rel[DATE_TEXT], until[DATE_TEXT];

	rule_begin(c, "dibao(released)");
	jz_fen s = standard(c, p->hukou_type);
	long months = rule_count(c, "dibao.released_months", "months");
	jz_date end = date_add_months(p->released_on, (int)months);
	date_format(p->released_on, rel);
	date_format(end, until);
	rule_note(c, "released=%s until<%s", rel, until);
	if (c->on < p->released_on) {
		person_decision(c, h, p, false, 0, "not_yet_released");
		return;
	}
	if (c->on >= end) {
		person_decision(c, h, p, false, 0, "released_period_over");
		return;
	}
	if (p->income >= s) {
		own_amount(c, s, p, 0);
		person_decision(c, h, p, false, 0, "income_not_below_standard");
		return;
	}
	person_decision(c, h, p, true, own_amount(c, s, p, 0), "released_prisoner");
}

/* Sum of the members' highest coefficients (wubao persons aside). */
static jz_rate household_rates(struct rule_ctx *c, const struct household *h)
{
	jz_rate rates = 0;
	for (int i = 0; i < h->n; i++) {
		char sym[16];
		snprintf(sym, sizeof sym, "c%d", i + 1);
		if (!h->member[i].wubao)
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
	rule_facts(&past, h);
	if (past.missing || !past.facts.below)
		return 0;
	jz_rate rates = household_rates(&past, h);
	if (past.missing)
		return 0;
	return past.facts.s * past.facts.n - past.facts.income + money_times_rate(past.facts.s, rates);
}

/* Gradual exit (渐退): a dibao household no longer below the standard
 * because a member found work goes on at its last amount for
 * dibao.gradual_exit_months months from the month of the change.  The
 * amount, or 0 when it does not apply. */
static jz_fen gradual_exit(struct rule_ctx *c, const struct household *h)
{
	for (int i = 0; i < h->n; i++) {
		struct person before;
		struct household then;
		jz_date since;
		char from[DATE_TEXT], until[DATE_TEXT], last[MONEY_TEXT];

		if (h->member[i].wubao || !rule_found_work(c, &h->member[i], &since, &before))
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
	if (f->n > 0) { /* a household of wubao persons only has no household decision */
		struct decision d = {
			.programme = "dibao", .unit = "household", .household_id = h->id,
			.period = "month",
		};
		if (!f->head->hukou_local) {
			d.reason = "hukou_not_local";
		} else if (!f->below && (d.amount = gradual_exit(c, h)) > 0) {
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
		if (p->wubao) {
			wubao(c, h, p);
		} else if (p->has_released_on && p->hukou_pending) {
			released(c, h, p);
		} else if (f->edge && is(p->illness, "aids")) {
			/* (a) AIDS in an edge household: S - own income + own increment. */
			rule_begin(c, "dibao(aids)");
			jz_fen s = standard(c, f->head->hukou_type);
			jz_rate r = increment_rate(c, p, "c");
			person_decision(c, h, p, true, own_amount(c, s, p, r), "aids_edge_household");
		}
	}
}
