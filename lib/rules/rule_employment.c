/*
 * After a member finds work (rules.md 1; seed 三(一)2): the employment
 * incentive of a dibao member, once, and the social-insurance subsidy of a
 * dibao member or zero-employment labourer, monthly for a number of
 * payments that grant(1) counts.  Both look back at the registry's
 * earlier versions: who found work, and what the household was the day
 * before.
 */
#include "rules/rule.h"

#include <stdlib.h>
#include <string.h>

/* Was the household zero-employment with p among its labourers? */
static bool zero_employment_with(struct rule_ctx *c, const struct household *h, const char *id)
{
	int labourers = 0, employed = 0;
	bool able = false;

	for (int i = 0; i < h->n; i++) {
		bool lab = rule_able_labourer(c, &h->member[i]);
		labourers += lab;
		employed += strcmp(h->member[i].employment, "employed") == 0;
		able |= lab && strcmp(h->member[i].id, id) == 0;
	}
	return able && labourers > 0 && employed == 0;
}

void rule_after_work(struct rule_ctx *c, const struct household *h)
{
	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		struct person before;
		struct household then;
		jz_date since;
		char from[DATE_TEXT];

		if (!rule_found_work(c, p, &since, &before))
			continue;
		if (!c->history->household(c->history->ctx, h->id, since - 1, &then))
			continue;
		jz_fen dibao = rule_dibao_amount_on(c, &then, since - 1);
		struct rule_ctx past = *c;
		past.on = since - 1;
		past.tracing = false;
		bool zero = zero_employment_with(&past, &then, p->id);
		free(then.member);
		date_format(since, from);

		/* The incentive: a dibao member who found work, once, in the
		 * months of the household's gradual exit. */
		rule_begin(c, "employment_incentive");
		jz_fen incentive = rule_money(c, "employment.incentive", "incentive");
		long exit_months = rule_count(c, "dibao.gradual_exit_months", "exit_months");
		rule_note(c, "employed from %s dibao_before=%s", from, dibao ? "yes" : "no");
		if (dibao)
			rule_decide(c, "employment_incentive", h, p, c->on < rule_months_end(since, exit_months),
				    incentive, "once", c->on < rule_months_end(since, exit_months)
				    ? "dibao_member_found_work" : "too_late");

		/* The insurance subsidy: a dibao member or zero-employment
		 * labourer who found work, monthly.  Its months are a number
		 * of payments (rules.md 1, Time-limited monthly grants), which
		 * grant(1) counts and ends; no span of dates is cut here. */
		rule_begin(c, "employment_insurance");
		jz_fen subsidy = rule_money(c, "employment.insurance_subsidy", "subsidy");
		/* Noted in the trace: the payments grant(1) makes at most. */
		rule_count(c, "employment.insurance_subsidy_months", "payments");
		rule_note(c, "employed from %s dibao_before=%s zero_employment_before=%s", from,
			  dibao ? "yes" : "no", zero ? "yes" : "no");
		if (dibao || zero)
			rule_decide(c, "employment_insurance", h, p, true, subsidy, "month",
				    dibao ? "dibao_member_found_work" : "zero_employment_found_work");
	}
}
