/*
 * Unit tests of rules/rule_medical.c (rules.md 3, medical and
 * premium_subsidy; seed 三(三)2,5,6,8): who is entitled to medical aid, a
 * dibao recipient being a member of a dibao household, a wubao person or a
 * person in a personal dibao grant, on households built here with the
 * built-in policy and a fake history.  Parameters: S urban 330.00 (2007),
 * edge 1.50, released 12 payments; premium elderly 600.00, young 50.00.
 */
#include "rule_fixture.h"

#define RELEASED "110105198002020136"

static const char *why(const struct fx_decision *d)
{
	return d ? d->reason : "(none)";
}

/* A released prisoner, hukou pending, and a brother (income). */
static struct household released_with(jz_fen brother)
{
	struct person m[2] = {fx_person(RELEASED, "1980-02-02", 'm'),
			      fx_person("110105197801010013", "1978-01-01", 'm')};
	m[0].has_released_on = m[0].hukou_pending = true;
	m[0].released_on = fx_day("2007-07-16");
	m[0].income = 5000;
	strcpy(m[1].relation, "sibling");
	strcpy(m[1].employment, "employed");
	m[1].income = brother;
	return fx_household("R1", m, 2);
}

/* rules.md medical: a personal dibao grant (c), (a); wubao. */
static void recipients(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* The released prisoner (50.00 < 330.00) in his own dibao beside a
	 * brother earning 2000.00 (alone above 1.5 x 330.00: no hardship): he
	 * is entitled (before the fix: no decision, the household neither
	 * dibao nor in hardship). */
	fx_init(&f, "2007-10-01");
	struct household h = released_with(200000);
	fx_run(&f, rule_medical, &h);
	d = fx_find(&f, "medical", RELEASED);
	CHECK(d && d->eligible, "rules.md medical: a personal dibao grant (c) is a dibao recipient");
	CHECK_STR(why(d), "personal_dibao", "rules.md medical: the reason");
	CHECK(fx_find(&f, "medical", "110105197801010013") == NULL,
	      "rules.md medical: his brother, in no dibao and no hardship: no decision");
	free(h.member);

	/* AIDS in an edge household (700.00 and 0.00: 660.00 <= 700.00 <
	 * 990.00): she is entitled (before the fix: not_entitled). */
	struct person m[2] = {fx_person("110105196507070156", "1965-07-07", 'm'),
			      fx_person("110105196908080179", "1969-08-08", 'f')};
	strcpy(m[0].employment, "employed");
	m[0].income = 70000;
	strcpy(m[1].relation, "spouse");
	strcpy(m[1].illness, "aids");
	h = fx_household("H7", m, 2);
	fx_run(&f, rule_medical, &h);
	d = fx_find(&f, "medical", m[1].id);
	CHECK(d && d->eligible && strcmp(d->reason, "personal_dibao") == 0,
	      "rules.md medical: a personal dibao grant (a) is a dibao recipient");
	d = fx_find(&f, "medical", m[0].id);
	CHECK(d && !d->eligible, "rules.md medical: a member of an edge household is not entitled");
	free(h.member);

	/* A wubao person. */
	struct person w = fx_person("110105193503030153", "1935-03-03", 'm');
	strcpy(w.hukou_type, "rural");
	w.wubao = true;
	h = fx_household("C4", &w, 1);
	fx_run(&f, rule_medical, &h);
	d = fx_find(&f, "medical", w.id);
	CHECK(d && d->eligible && strcmp(d->reason, "wubao") == 0, "rules.md medical: a wubao person");
	free(h.member);
	fx_free(&f);
}

/* The dibao household on D (the project owner's decision), and a unit of
 * one who is not in it. */
static void dibao_members(void)
{
	struct fixture f;
	const struct fx_decision *d;
	const char *wife = "110105198203030025";

	/* The database holds grants (another household's), none of this one;
	 * below the standard (I = 100.00 < 660.00), it is a dibao household
	 * on D: both entitled (before the fix: no decision). */
	fx_init(&f, "2007-10-01");
	fx_grant(&f, "dibao/household/OTHER", "2007-08-01", "", 10000);
	struct person m[2] = {fx_person("110105196504120111", "1965-04-12", 'm'),
			      fx_person("110105196806300222", "1968-06-30", 'f')};
	strcpy(m[1].relation, "spouse");
	m[1].income = 10000;
	struct household h = fx_household("C1", m, 2);
	fx_run(&f, rule_medical, &h);
	d = fx_find(&f, "medical", m[0].id);
	CHECK(d && d->eligible && strcmp(d->reason, "dibao_member") == 0,
	      "rules.md medical, Common definitions: a household found eligible on D is dibao on D");
	free(h.member);

	/* A released prisoner after his 12 payments (2007-10..2008-09), his
	 * hukou pending: a unit of one, in no dibao of his own nor in his
	 * wife's (she alone: 0.00 < 390.00).  She is entitled, he is not
	 * (before the fix: dibao_member). */
	fx_grant(&f, "dibao/person/" RELEASED, "2007-10-01", "2008-10-01", 28000);
	fx_paid(&f, "dibao/person/" RELEASED, "released_prisoner", "2007-10-01", 12);
	f.c.on = fx_day("2008-10-01");
	struct person r[2] = {fx_person(RELEASED, "1980-02-02", 'm'),
			      fx_person(wife, "1982-03-03", 'f')};
	r[0].has_released_on = r[0].hukou_pending = true;
	r[0].released_on = fx_day("2007-07-16");
	strcpy(r[1].relation, "spouse");
	h = fx_household("C3", r, 2);
	fx_run(&f, rule_medical, &h);
	d = fx_find(&f, "medical", wife);
	CHECK(d && d->eligible && strcmp(d->reason, "dibao_member") == 0,
	      "rules.md medical: his wife, a dibao household of one: entitled");
	d = fx_find(&f, "medical", RELEASED);
	CHECK(d && !d->eligible, "rules.md Common definitions (unit of one): not in his wife's dibao");
	CHECK_STR(why(d), "not_entitled", "rules.md medical: the reason");
	free(h.member);
	fx_free(&f);
}

/* rules.md medical: severely disabled (grade 1-2, certified), not
 * employed, uninsured, not in a dibao household. */
static void disabled(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* One person with 2000.00 (no hardship), grade 2, certified. */
	fx_init(&f, "2007-10-01");
	struct person p = fx_person("110105197001010021", "1970-01-01", 'f');
	strcpy(p.disability, "physical");
	p.disability_grade = 2;
	p.disability_cert = true;
	p.income = 200000;
	struct household h = fx_household("D1", &p, 1);
	fx_run(&f, rule_medical, &h);
	d = fx_find(&f, "medical", p.id);
	CHECK(d && d->eligible && strcmp(d->reason, "severe_disability_uninsured") == 0,
	      "rules.md medical: grade 2 certified, not employed, uninsured");
	h.member[0].disability_grade = 3;
	fx_run(&f, rule_medical, &h);
	CHECK(fx_find(&f, "medical", p.id) == NULL, "rules.md medical: grade 3 is not severe");
	h.member[0].disability_grade = 2;
	strcpy(h.member[0].insurance, "resident");
	fx_run(&f, rule_medical, &h);
	CHECK(fx_find(&f, "medical", p.id) == NULL, "rules.md medical: insured: not entitled");
	free(h.member);
	fx_free(&f);
}

/* rules.md premium_subsidy (a): a member of a dibao household; a unit of
 * one is none; a woman from 50 on the birthday. */
static void premium(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* A released prisoner of 62, hukou pending, in his own dibao, and his
	 * wife, 50 on 2007-10-01, income 0: her household (she alone) is dibao;
	 * she gets 600.00 from the budget, he, a unit of one, no premium
	 * (before the fix: 600.00 to him as a dibao member). */
	fx_init(&f, "2007-10-01");
	struct person m[2] = {fx_person("110105194505050017", "1945-05-05", 'm'),
			      fx_person("110105195710010028", "1957-10-01", 'f')};
	m[0].has_released_on = m[0].hukou_pending = true;
	m[0].released_on = fx_day("2007-07-16");
	strcpy(m[1].relation, "spouse");
	struct household h = fx_household("P1", m, 2);
	fx_run(&f, rule_premium_subsidy, &h);
	d = fx_find(&f, "premium_subsidy", m[1].id);
	CHECK(d && d->eligible && d->amount == 60000 && strcmp(d->reason, "dibao_budget") == 0,
	      "rules.md premium_subsidy (a): a woman of 50 on the day, dibao: 600.00");
	CHECK(fx_find(&f, "premium_subsidy", m[0].id) == NULL,
	      "rules.md premium_subsidy, Common definitions (unit of one): not a member of the household's dibao");
	f.c.on = fx_day("2007-09-30");
	fx_run(&f, rule_premium_subsidy, &h);
	CHECK(fx_find(&f, "premium_subsidy", m[1].id) == NULL,
	      "rules.md premium_subsidy: 49 the day before: in no age group");
	free(h.member);
	fx_free(&f);
}

int main(void)
{
	recipients();
	dibao_members();
	disabled();
	premium();
	UNIT_END();
}
