/*
 * Medical (rules.md 3; seed 三(三)): the entitlement to medical aid, the
 * premium subsidies and the rehabilitation card.
 */
#include "rules/rule.h"

#include <string.h>

static bool is(const char *code, const char *want)
{
	return strcmp(code, want) == 0;
}

static bool severe_certified(const struct person *p)
{
	return p->disability_cert && p->disability_grade >= 1 && p->disability_grade <= 2;
}

/* medical (三(三)2,6): a dibao recipient: a member of a dibao household, a
 * wubao person, or a person in a personal dibao (a), (c); or a severely
 * disabled certificate holder, not employed, not in a dibao household,
 * with no insurance.  A unit of one is not in the household's dibao (they
 * are left out of its n and I): only their own counts. */
void rule_medical(struct rule_ctx *c, const struct household *h)
{
	const struct household_facts *f = &c->facts;

	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		bool alone = rule_unit_of_one(c, p);
		bool member = !alone && f->dibao;
		bool own = alone && !p->wubao && rule_personal_dibao(c, p);
		bool disabled = severe_certified(p) && !is(p->employment, "employed") && !member &&
				is(p->insurance, "none");
		if (!member && !p->wubao && !own && !disabled && !f->hardship)
			continue; /* not a candidate: nothing to decide */
		rule_begin(c, "medical");
		rule_note(c, "dibao=%s wubao=%s own=%s", member ? "yes" : "no", p->wubao ? "yes" : "no",
			  own ? "yes" : "no");
		const char *reason = p->wubao ? "wubao" : own ? "personal_dibao"
				     : member ? "dibao_member"
				     : disabled ? "severe_disability_uninsured" : "not_entitled";
		rule_decide(c, "medical", h, p, member || p->wubao || own || disabled, 0, "month",
			    reason);
	}
}

/* The age group of the premium subsidy, or NULL: a woman of 50 or more or
 * a man of 60 or more (the elderly premium); a child under 16 or a student
 * of 16 or more (the young premium). */
static const char *premium_group(struct rule_ctx *c, const struct person *p)
{
	int age = rule_age(c, p);
	if ((p->sex == 'f' && age >= 50) || (p->sex == 'm' && age >= 60))
		return "elderly";
	if (age < 16 || (is(p->employment, "student") || !is(p->student_level, "none")))
		return "young";
	return NULL;
}

/* premium_subsidy (三(三)5,8): the resident major-illness scheme's premium,
 * (a) for a dibao member, from the budget, (b) for an edge member with a
 * serious or chronic illness, from the major-disease fund; in both not
 * employed, not insured, and in an age group.  A unit of one, left out of
 * the household's n and I, is no member of its dibao or edge. */
void rule_premium_subsidy(struct rule_ctx *c, const struct household *h)
{
	const struct household_facts *f = &c->facts;

	if (!f->dibao && !f->edge)
		return;
	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		const char *group = premium_group(c, p);
		if (!group || rule_unit_of_one(c, p))
			continue; /* not in the household's dibao or edge */
		rule_begin(c, "premium_subsidy");
		jz_fen amount = rule_money(c, is(group, "elderly") ? "medical.premium.elderly"
							   : "medical.premium.young", group);
		bool ill = is(p->illness, "serious") || is(p->illness, "chronic");
		rule_note(c, "age=%d %s insurance=%s illness=%s %s", rule_age(c, p), p->employment,
			  p->insurance, p->illness, f->dibao ? "dibao" : "edge");
		const char *reason;
		bool ok = false;
		if (is(p->employment, "employed"))
			reason = "employed";
		else if (!is(p->insurance, "none"))
			reason = "insured";
		else if (f->dibao)
			ok = true, reason = "dibao_budget";
		else if (ill)
			ok = true, reason = "edge_major_disease_fund";
		else
			reason = "edge_not_ill";
		rule_decide(c, "premium_subsidy", h, p, ok, amount, "year", reason);
	}
}

/* rehab_card (三(三)7): a person of a hardship household in rehabilitation
 * training with a physical or intellectual disability, or a child under 16
 * with cerebral palsy: the card, yearly. */
void rule_rehab_card(struct rule_ctx *c, const struct household *h)
{
	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		bool kind = is(p->disability, "physical") || is(p->disability, "intellectual") ||
			    (p->cerebral_palsy && rule_age(c, p) < 16);
		if (!p->rehab_training || !kind)
			continue;
		rule_begin(c, "rehab_card");
		jz_fen amount = rule_money(c, "medical.rehab_card", "card");
		rule_note(c, "hardship=%s", c->facts.hardship ? "yes" : "no");
		rule_decide(c, "rehab_card", h, p, c->facts.hardship, amount, "year",
			    c->facts.hardship ? "hardship_rehab" : "not_hardship");
	}
}
