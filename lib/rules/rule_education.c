/*
 * Education (rules.md 2; seed 三(二)): the three yearly grants.
 */
#include "rules/rule.h"

#include <stdio.h>
#include <string.h>

static bool is(const char *code, const char *want)
{
	return strcmp(code, want) == 0;
}

/* edu_hardship (三(二)1): a student of a hardship household at preschool,
 * compulsory, general or vocational high school. */
void rule_edu_hardship(struct rule_ctx *c, const struct household *h)
{
	static const char *const levels[] = {"preschool", "compulsory", "general_high",
					     "vocational_high"};
	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		for (int k = 0; k < 4; k++) {
			if (!is(p->student_level, levels[k]))
				continue;
			char name[48];
			snprintf(name, sizeof name, "education.hardship.%s", levels[k]);
			rule_begin(c, "edu_hardship");
			jz_fen amount = rule_money(c, name, levels[k]);
			rule_note(c, "hardship=%s", c->facts.hardship ? "yes" : "no");
			rule_decide(c, "edu_hardship", h, p, c->facts.hardship, amount, "year",
				    c->facts.hardship ? "hardship_student" : "not_hardship");
		}
	}
}

/* edu_vocational (三(二)2): a vocational high school student with
 * district hukou, of a rural household or of an urban dibao household. */
void rule_edu_vocational(struct rule_ctx *c, const struct household *h)
{
	const struct household_facts *f = &c->facts;
	bool rural = is(f->head->hukou_type, "rural");

	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		if (!is(p->student_level, "vocational_high"))
			continue;
		rule_begin(c, "edu_vocational");
		jz_fen amount = rule_money(c, "education.vocational", "grant");
		rule_note(c, "local=%s rural=%s dibao=%s", p->hukou_local ? "yes" : "no",
			  rural ? "yes" : "no", f->dibao ? "yes" : "no");
		bool ok = p->hukou_local && (rural || f->dibao);
		rule_decide(c, "edu_vocational", h, p, ok, amount, "year",
			    !p->hukou_local ? "hukou_not_local" : ok ? (rural ? "rural_household"
			    : "urban_dibao_household") : "urban_not_dibao");
	}
}

/* edu_disability (三(二)3): in addition, a student of a dibao household
 * with a member holding a disability certificate: high school 500.00,
 * university 1000.00 a year. */
void rule_edu_disability(struct rule_ctx *c, const struct household *h)
{
	bool certified = false;

	for (int i = 0; i < h->n; i++)
		certified |= h->member[i].disability_cert;
	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		bool high = is(p->student_level, "general_high") || is(p->student_level, "vocational_high");
		if (!high && !is(p->student_level, "university"))
			continue;
		rule_begin(c, "edu_disability");
		jz_fen amount = rule_money(c, high ? "education.disability.high"
						   : "education.disability.university", "grant");
		rule_note(c, "dibao=%s certified_member=%s", c->facts.dibao ? "yes" : "no",
			  certified ? "yes" : "no");
		bool ok = c->facts.dibao && certified;
		rule_decide(c, "edu_disability", h, p, ok, amount, "year",
			    ok ? "dibao_disabled_household" : !c->facts.dibao ? "not_dibao"
			    : "no_certified_member");
	}
}
