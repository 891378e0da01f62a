/*
 * Basic living, besides dibao (rules.md 1; seed 三(一)2-3): zero-employment
 * households and their referrals, and housing.  (The festival payments
 * of 三(一)4 are in rule_festival.c.)
 */
#include "rules/rule.h"

#include <stdio.h>
#include <string.h>

static bool is(const char *code, const char *want)
{
	return strcmp(code, want) == 0;
}

/* zero_employment (三(一)2): at least one member of working age able to
 * work, and none employed.  Each such labourer is referred to free
 * training and to a one-to-one employment assistant; so is every able
 * member of a dibao household. */
void rule_zero_employment(struct rule_ctx *c, const struct household *h)
{
	int labourers = 0, employed = 0;

	for (int i = 0; i < h->n; i++) {
		labourers += rule_able_labourer(c, &h->member[i]);
		employed += is(h->member[i].employment, "employed");
	}
	if (c->missing)
		return;
	bool zero = labourers > 0 && employed == 0;
	rule_begin(c, "zero_employment");
	rule_note(c, "labourers=%d employed=%d", labourers, employed);
	if (labourers == 0)
		return; /* not a household of labourers: nothing to decide */
	rule_decide(c, "zero_employment", h, NULL, zero, 0, "once",
		    zero ? "no_member_employed" : "member_employed");
	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		if (!rule_able_labourer(c, p))
			continue;
		if (zero) {
			rule_begin(c, "employment_training");
			rule_note(c, "zero-employment labourer");
			rule_decide(c, "employment_training", h, p, true, 0, "once", "zero_employment_referral");
		}
		if (zero || c->facts.dibao) {
			rule_begin(c, "employment_assistant");
			rule_note(c, zero ? "zero-employment labourer" : "able dibao member");
			rule_decide(c, "employment_assistant", h, p, true, 0, "once",
				    zero ? "zero_employment_referral" : "dibao_referral");
		}
	}
}

/* lowrent_housing (三(一)3): urban, I < lowrent multiplier x S.n, and in
 * need of housing: a referral to the housing bureau. */
void rule_lowrent_housing(struct rule_ctx *c, const struct household *h)
{
	const struct household_facts *f = &c->facts;
	const struct person *head = f->head;

	if (!is(head->hukou_type, "urban") || !head->housing_need || f->n == 0)
		return;
	rule_begin(c, "lowrent_housing");
	jz_rate m = rule_rate(c, "housing.lowrent_multiplier", "m");
	char inc[MONEY_TEXT];
	money_format(f->income, inc);
	rule_note(c, "n=%d I=%s", f->n, inc);
	bool low = money_below(f->income, f->n, f->s, m);
	rule_decide(c, "lowrent_housing", h, NULL, low, 0, "once",
		    low ? "housing_referral" : "income_too_high");
}

/* rural_house_repair (三(一)3): a rural hardship household with a
 * dilapidated house: the repair subsidy, once. */
void rule_rural_house_repair(struct rule_ctx *c, const struct household *h)
{
	const struct household_facts *f = &c->facts;

	if (!is(f->head->hukou_type, "rural") || !f->head->dilapidated_house)
		return;
	rule_begin(c, "rural_house_repair");
	jz_fen amount = rule_money(c, "housing.rural_repair_subsidy", "subsidy");
	rule_note(c, "hardship=%s", f->hardship ? "yes" : "no");
	rule_decide(c, "rural_house_repair", h, NULL, f->hardship, amount, "once",
		    f->hardship ? "rural_hardship_dilapidated" : "not_hardship");
}
