/*
 * Unit tests of rules/rule_basic.c, zero_employment and housing (rules.md
 * 1; seed 三(一)2,3; the festival is tested apart): on households built
 * here with the built-in policy and a fake history.  Parameters: S urban
 * 330.00, rural 200.00 (2007); edge 1.50; working age male 16-59, female
 * 16-54; lowrent multiplier 1.50; rural repair 10000.00.
 */
#include "rule_fixture.h"

static const char *why(const struct fx_decision *d)
{
	return d ? d->reason : "(none)";
}

/* rules.md zero_employment, Common definitions (working age): 16 on the
 * birthday; a man to 59, a woman to 54. */
static void working_age(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* A boy of 16 on 2007-10-01, unemployed, alone: a zero-employment
	 * household, referred to training; 15 the day before: no labourer, no
	 * decision. */
	fx_init(&f, "2007-10-01");
	struct person p = fx_person("110105199110010013", "1991-10-01", 'm');
	struct household h = fx_household("Z1", &p, 1);
	fx_run(&f, rule_zero_employment, &h);
	d = fx_find(&f, "zero_employment", "");
	CHECK(d && d->eligible && strcmp(d->reason, "no_member_employed") == 0,
	      "rules.md zero_employment: a labourer of 16 on the day, none employed");
	d = fx_find(&f, "employment_training", p.id);
	CHECK(d && d->eligible, "rules.md zero_employment: employment_training for the labourer");
	f.c.on = fx_day("2007-09-30");
	fx_run(&f, rule_zero_employment, &h);
	CHECK(f.ngot == 0, "rules.md zero_employment: 15 the day before: no labourer, nothing decided");
	free(h.member);

	/* A man of 60 on 2007-10-01: past working age; 59 the day before. */
	p = fx_person("110105194710010011", "1947-10-01", 'm');
	h = fx_household("Z2", &p, 1);
	fx_run(&f, rule_zero_employment, &h);
	CHECK(fx_find(&f, "zero_employment", "") != NULL, "rules.md zero_employment: a man of 59 works");
	f.c.on = fx_day("2007-10-01");
	fx_run(&f, rule_zero_employment, &h);
	CHECK(f.ngot == 0, "rules.md zero_employment: a man of 60 on the day is past working age");
	free(h.member);

	/* A woman of 55 on 2007-10-01: past working age. */
	p = fx_person("110105195210010022", "1952-10-01", 'f');
	h = fx_household("Z3", &p, 1);
	fx_run(&f, rule_zero_employment, &h);
	CHECK(f.ngot == 0, "rules.md zero_employment: a woman of 55 on the day is past working age");
	f.c.on = fx_day("2007-09-30");
	fx_run(&f, rule_zero_employment, &h);
	CHECK(fx_find(&f, "zero_employment", "") != NULL, "rules.md zero_employment: a woman of 54 works");
	free(h.member);
	fx_free(&f);
}

/* rules.md zero_employment: every able member of a dibao household gets
 * the one-to-one assistant; a household found eligible on D is dibao on
 * D (the project owner's decision). */
static void dibao_assistant(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* The database holds grants, none of this household's.  Head employed
	 * 100.00, spouse 0.00: I = 100.00 < 660.00: a dibao household that day;
	 * not zero-employment; both able: dibao_referral (before the fix: no
	 * assistant, the household not dibao until its grant). */
	fx_init(&f, "2007-10-01");
	fx_grant(&f, "dibao/household/OTHER", "2007-08-01", "", 10000);
	struct person m[2] = {fx_person("110105196504120111", "1965-04-12", 'm'),
			      fx_person("110105196806300222", "1968-06-30", 'f')};
	strcpy(m[0].employment, "employed");
	m[0].income = 10000;
	strcpy(m[1].relation, "spouse");
	struct household h = fx_household("C1", m, 2);
	fx_run(&f, rule_zero_employment, &h);
	CHECK_STR(why(fx_find(&f, "zero_employment", "")), "member_employed",
		  "rules.md zero_employment: a member employed");
	d = fx_find(&f, "employment_assistant", m[1].id);
	CHECK(d && d->eligible && strcmp(d->reason, "dibao_referral") == 0,
	      "rules.md zero_employment: employment_assistant for an able member of a dibao household");
	free(h.member);
	fx_free(&f);
}

/* rules.md housing: lowrent_housing I < 1.50 x S.n exactly; a unit of
 * one left out; rural_house_repair for hardship with hukou here. */
static void housing(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* Urban, housing need, n = 2, 1.50 x 660.00 = 990.00: I = 989.99
	 * referred; I = 990.00 not. */
	fx_init(&f, "2007-10-01");
	struct person m[2] = {fx_person("110105197001010011", "1970-01-01", 'm'),
			      fx_person("110105197203021240", "1972-03-02", 'f')};
	m[0].housing_need = m[1].housing_need = true;
	strcpy(m[1].relation, "spouse");
	m[0].income = 98999;
	struct household h = fx_household("L1", m, 2);
	fx_run(&f, rule_lowrent_housing, &h);
	d = fx_find(&f, "lowrent_housing", "");
	CHECK(d && d->eligible && strcmp(d->reason, "housing_referral") == 0,
	      "rules.md lowrent_housing: I = 989.99 < 990.00");
	h.member[0].income = 99000;
	fx_run(&f, rule_lowrent_housing, &h);
	CHECK_STR(why(fx_find(&f, "lowrent_housing", "")), "income_too_high",
		  "rules.md lowrent_housing: I = 990.00 = 1.50 x S.n");

	/* The husband a released prisoner, hukou pending (0.00), the wife
	 * 600.00: n = 1, 600.00 >= 1.50 x 330.00 = 495.00 (before the fix:
	 * n = 2, 600.00 < 990.00, referred). */
	h.member[0].income = 0;
	h.member[0].has_released_on = h.member[0].hukou_pending = true;
	h.member[0].released_on = fx_day("2007-07-16");
	h.member[1].income = 60000;
	fx_run(&f, rule_lowrent_housing, &h);
	CHECK_STR(why(fx_find(&f, "lowrent_housing", "")), "income_too_high",
		  "rules.md lowrent_housing, Common definitions (unit of one): he is out of n and I");
	free(h.member);

	/* Rural, dilapidated house, n = 2, S.n = 400.00 <= I = 500.00 < 600.00:
	 * edge, hardship: 10000.00.  Hukou not here: neither edge nor hardship
	 * (before the fix: edge, 10000.00). */
	struct person r[2] = {fx_person("110105196001010011", "1960-01-01", 'm'),
			      fx_person("110105196201010022", "1962-01-01", 'f')};
	for (int i = 0; i < 2; i++) {
		strcpy(r[i].hukou_type, "rural");
		r[i].dilapidated_house = true;
	}
	strcpy(r[1].relation, "spouse");
	r[0].income = 50000;
	h = fx_household("RH", r, 2);
	fx_run(&f, rule_rural_house_repair, &h);
	d = fx_find(&f, "rural_house_repair", "");
	CHECK(d && d->eligible && d->amount == 1000000,
	      "rules.md rural_house_repair: an edge household (400.00 <= 500.00 < 600.00): 10000.00");
	h.member[0].hukou_local = h.member[1].hukou_local = false;
	fx_run(&f, rule_rural_house_repair, &h);
	CHECK_STR(why(fx_find(&f, "rural_house_repair", "")), "not_hardship",
		  "rules.md Common definitions (edge): hukou not here: no edge, no hardship");
	free(h.member);
	fx_free(&f);
}

int main(void)
{
	working_age();
	dibao_assistant();
	housing();
	UNIT_END();
}
