/*
 * Unit tests of rules/rule_dibao.c (rules.md 1, dibao; seed 三(一)1) and of
 * the household facts it stands on (rules/rule.c, rule_facts: rules.md
 * Common definitions): the household rule, the three special inclusions
 * as units of one, the dibao household on D, on households built here
 * with the built-in policy (policies/chaoyang-2007.json) and a fake
 * history, each amount worked by hand in the comment beside it.
 * Parameters: S urban 330.00 to 2008-06-30, 390.00 from 2008-07-01; S
 * rural 200.00; edge multiplier 1.50; coefficients elderly 0.10, severe
 * disability 0.30, serious illness 0.20, minor 0.10; released 12 payments;
 * gradual exit 3 months.
 */
#include "rule_fixture.h"

/* A released prisoner (dibao (c)): released_on, hukou pending or not. */
static struct person released_person(const char *id, const char *birth, const char *released,
				     bool pending, jz_fen income)
{
	struct person p = fx_person(id, birth, 'm');
	p.has_released_on = true;
	p.released_on = fx_day(released);
	p.hukou_pending = pending;
	p.income = income;
	return p;
}

/* The reason of a decision, or "(none)". */
static const char *why(const struct fx_decision *d)
{
	return d ? d->reason : "(none)";
}

/* rules.md dibao: eligible when hukou here and I < S.n; amount S.n - I +
 * the increments.  2007-10-01, urban: S = 330.00. */
static void household_rule(void)
{
	struct fixture f;
	struct person m[2] = {fx_person("110105197001011234", "1970-01-01", 'm'),
			      fx_person("110105197203021240", "1972-03-02", 'f')};

	fx_init(&f, "2007-10-01");
	strcpy(m[1].relation, "spouse");
	m[0].income = 42050;
	struct household h = fx_household("HH-1", m, 2);
	fx_run(&f, rule_dibao, &h);
	const struct fx_decision *d = fx_find(&f, "dibao", "");
	/* S.n = 2 x 330.00 = 660.00; I = 420.50; no increments (ages 37, 35):
	 * 660.00 - 420.50 = 239.50. */
	CHECK(d && d->eligible && d->amount == 23950,
	      "rules.md dibao: 2 adults, I 420.50 < S.n 660.00: 239.50 a month");

	/* I = S.n exactly is not below the standard (I < S.n, no division). */
	h.member[0].income = 66000;
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && !d->eligible, "rules.md dibao: I = S.n = 660.00 is not below the standard");
	CHECK_STR(why(d), "edge_household",
		  "rules.md Common definitions (edge): 660.00 <= I = 660.00 < 1.5 x 660.00");
	free(h.member);
	fx_free(&f);
}

/* rules.md dibao: the increments, on the birthday, and S by date. */
static void boundaries(void)
{
	struct fixture f;
	struct person p = fx_person("110105194710010011", "1947-10-01", 'm');
	const struct fx_decision *d;

	/* 60 on 2007-10-01: 330.00 + 330.00 x 0.10 = 363.00; 59 the day
	 * before: 330.00. */
	fx_init(&f, "2007-10-01");
	struct household h = fx_household("HH-60", &p, 1);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 36300,
	      "rules.md dibao, Common definitions (age): 60 on the day: 330.00 + 33.00 = 363.00");
	f.c.on = fx_day("2007-09-30");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 33000,
	      "rules.md dibao: 59 the day before the 60th birthday: 330.00, no increment");
	free(h.member);

	/* A parent (0) and a child born 1991-10-01: 15 on 2007-09-30, minor:
	 * 660.00 + 33.00 = 693.00; 16 on 2007-10-01: 660.00. */
	struct person m[2] = {fx_person("110105197505050092", "1975-05-05", 'f'),
			      fx_person("110105199110010013", "1991-10-01", 'm')};
	strcpy(m[1].relation, "child");
	h = fx_household("HH-16", m, 2);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 69300,
	      "rules.md dibao: a minor of 15 (the day before 16): 660.00 + 33.00 = 693.00");
	f.c.on = fx_day("2007-10-01");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 66000,
	      "rules.md dibao: 16 on the day is no minor: 660.00");
	free(h.member);

	/* Severe disability is grade 1-2 with a certificate: grade 2,
	 * certified: 330.00 + 330.00 x 0.30 = 429.00; grade 3: 330.00; grade 2
	 * without the certificate: 330.00. */
	p = fx_person("110105197001010021", "1970-01-01", 'f');
	strcpy(p.disability, "physical");
	p.disability_grade = 2;
	p.disability_cert = true;
	h = fx_household("HH-G", &p, 1);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->amount == 42900, "rules.md dibao: grade 2 with certificate: 330.00 + 99.00 = 429.00");
	h.member[0].disability_grade = 3;
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->amount == 33000, "rules.md dibao: grade 3 is not severe: 330.00");
	h.member[0].disability_grade = 2;
	h.member[0].disability_cert = false;
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->amount == 33000, "rules.md dibao: grade 2 without a certificate: 330.00");
	free(h.member);

	/* S: 330.00 on 2008-06-30, 390.00 on 2008-07-01 (income 0, age 37). */
	p = fx_person("110105197001010021", "1970-01-01", 'f');
	h = fx_household("HH-S", &p, 1);
	f.c.on = fx_day("2008-06-30");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->amount == 33000, "policy dibao.standard.urban: 330.00 on 2008-06-30");
	f.c.on = fx_day("2008-07-01");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->amount == 39000, "policy dibao.standard.urban: 390.00 from 2008-07-01");
	free(h.member);
	fx_free(&f);
}

/* rules.md dibao (b): a rural wubao person, a unit of one. */
static void wubao(void)
{
	struct fixture f;
	struct person m[2] = {fx_person("110105193503030153", "1935-03-03", 'm'),
			      fx_person("110105196001010024", "1960-01-01", 'f')};
	const struct fx_decision *d;

	fx_init(&f, "2007-10-01");
	strcpy(m[0].hukou_type, "rural");
	strcpy(m[1].hukou_type, "rural");
	m[0].wubao = true;
	strcpy(m[1].relation, "sibling");
	m[1].income = 15000;
	struct household h = fx_household("C4", m, 1);
	fx_run(&f, rule_dibao, &h);
	/* 200.00 - 0.00 + 200.00 x 0.30 (the highest coefficient) = 260.00 */
	d = fx_find(&f, "dibao", m[0].id);
	CHECK(d && d->eligible && d->amount == 26000,
	      "rules.md dibao (b): rural wubao: 200.00 + 60.00 = 260.00");
	CHECK(fx_find(&f, "dibao", "") == NULL,
	      "rules.md Common definitions (unit of one): a wubao person alone: no household decision");
	free(h.member);

	/* With his sister (150.00): the household is n = 1, I = 150.00:
	 * 200.00 - 150.00 = 50.00 (she is 47: no increment). */
	h = fx_household("C4", m, 2);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 5000,
	      "rules.md Common definitions (unit of one): the wubao person out of n and I: 200.00 - 150.00 = 50.00");
	/* An urban wubao person is no (b). */
	strcpy(h.member[0].hukou_type, "urban");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", m[0].id);
	CHECK_STR(why(d), "wubao_not_rural", "rules.md dibao (b): an urban wubao person");
	free(h.member);
	fx_free(&f);
}

/* Issue 14 item 1: a released prisoner alone is paid his own dibao, his
 * household none (rules.md Common definitions: unit of one). */
static void released_alone(void)
{
	struct fixture f;
	struct person p = released_person("110105198002020136", "1980-02-02", "2007-07-16", true, 5000);
	const struct fx_decision *d;

	fx_init(&f, "2007-10-01");
	struct household h = fx_household("C3", &p, 1);
	fx_run(&f, rule_dibao, &h);
	/* His own: 330.00 - 50.00 = 280.00.  His household: n = 0, no
	 * decision (before the fix: n = 1, I = 50.00, 280.00 again). */
	CHECK(fx_find(&f, "dibao", "") == NULL,
	      "rules.md Common definitions (unit of one), dibao (c): no household dibao beside his own");
	d = fx_find(&f, "dibao", p.id);
	CHECK(d && d->eligible && d->amount == 28000,
	      "rules.md dibao (c): 330.00 - 50.00 = 280.00, his own");
	free(h.member);

	/* With his wife (0.00): the household is her alone, n = 1, I = 0:
	 * 330.00 (before the fix: n = 2, I = 50.00: 660.00 - 50.00 = 610.00). */
	struct person m[2] = {p, fx_person("110105198203030025", "1982-03-03", 'f')};
	strcpy(m[1].relation, "spouse");
	h = fx_household("C3", m, 2);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 33000,
	      "rules.md Common definitions (unit of one): his wife's dibao without him: 330.00");
	free(h.member);
	fx_free(&f);
}

/* Issue 14 item 2: 12 payments in a lifetime from the first one paid, no
 * window from the release date; not before the release. */
static void released_payments(void)
{
	struct fixture f;
	struct person p = released_person("110105198002020136", "1980-02-02", "2007-07-16", true, 5000);
	const char *chain = "dibao/person/110105198002020136";
	const struct fx_decision *d;

	fx_init(&f, "2007-07-15");
	struct household h = fx_household("C3", &p, 1);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", p.id);
	CHECK_STR(why(d), "not_yet_released", "rules.md dibao (c): the day before the release");
	f.c.on = fx_day("2007-07-16");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", p.id);
	CHECK(d && d->eligible && d->amount == 28000,
	      "rules.md dibao (c): released that day: 330.00 - 50.00 = 280.00");

	/* First paid 2007-10; 10 payments 2007-10..2008-07.  2008-08-01 is more
	 * than 12 months after the release (before the fix:
	 * released_period_over from 2008-07-16): 390.00 - 50.00 = 340.00. */
	fx_grant(&f, chain, "2007-10-01", "", 28000);
	fx_paid(&f, chain, "released_prisoner", "2007-10-01", 10);
	f.c.on = fx_day("2008-08-01");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", p.id);
	CHECK(d && d->eligible && d->amount == 34000,
	      "rules.md dibao (c): no window from the release: the 11th payment, 390.00 - 50.00 = 340.00");
	/* 2008-08 paid too: 11 before September: the 12th. */
	fx_paid(&f, chain, "released_prisoner", "2008-08-01", 1);
	f.c.on = fx_day("2008-09-01");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", p.id);
	CHECK(d && d->eligible && d->amount == 34000, "rules.md dibao (c): the 12th payment: 340.00");
	/* 2008-09 paid: 12 in all.  Later in September the month paid is not
	 * counted against it; on 2008-10-01 it is over. */
	fx_paid(&f, chain, "released_prisoner", "2008-09-01", 1);
	f.c.on = fx_day("2008-09-15");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", p.id);
	CHECK(d && d->eligible, "rules.md dibao (c): on 2008-09-15 September is the 12th, not a 13th");
	f.c.on = fx_day("2008-10-01");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", p.id);
	CHECK_STR(why(d), "lifetime_limit", "rules.md dibao (c): 12 payments made: no 13th");
	/* The project owner's decision: pending, he stays a unit of one after
	 * his 12 payments: his household (him alone) has no dibao (before the
	 * fix: n = 1, I = 50.00: 340.00). */
	CHECK(fx_find(&f, "dibao", "") == NULL,
	      "rules.md Common definitions (unit of one, owner's decision): no household dibao after his 12");
	free(h.member);
	fx_free(&f);
}

/* New bug of the cycle test: his own grant ends when his hukou is
 * registered; his household takes him in again that day. */
static void released_registered(void)
{
	struct fixture f;
	struct person p = released_person("110105198505050193", "1985-05-05", "2009-02-10", false, 0);
	const struct fx_decision *d;

	fx_init(&f, "2009-07-01");
	fx_grant(&f, "dibao/person/110105198505050193", "2009-03-01", "", 39000);
	struct household h = fx_household("C8", &p, 1);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", p.id);
	CHECK(d && !d->eligible, "rules.md dibao (c): hukou registered: his own grant is ended");
	CHECK_STR(why(d), "hukou_registered", "rules.md dibao (c): the reason");
	/* C8 = him, n = 1, I = 0.00: 390.00 - 0.00 = 390.00 from that day. */
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 39000,
	      "rules.md Common definitions (unit of one): counted again the same day: 390.00");
	/* Without a grant of his own there is nothing to end. */
	f.ngrants = 0;
	fx_run(&f, rule_dibao, &h);
	CHECK(fx_find(&f, "dibao", p.id) == NULL,
	      "rules.md dibao: no personal decision for a person in no inclusion, holding none");
	free(h.member);

	/* An old household grant of a household of units of one only is
	 * ended (before the fix: the household was dibao beside him). */
	p = released_person("110105198002020136", "1980-02-02", "2007-07-16", true, 5000);
	fx_grant(&f, "dibao/household/C3", "2007-10-01", "", 28000);
	f.c.on = fx_day("2007-11-01");
	h = fx_household("C3", &p, 1);
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && !d->eligible, "rules.md Common definitions (nobody paid dibao twice): a household of units of one only");
	CHECK_STR(why(d), "units_of_one_only", "rules.md Common definitions: the reason");
	free(h.member);
	fx_free(&f);
}

/* rules.md dibao (a); issue 14 items 6 and 7: AIDS in an edge household,
 * edge needing hukou in the district; (a) stops when the household is
 * dibao itself. */
static void aids(void)
{
	struct fixture f;
	struct person m[2] = {fx_person("110105196507070156", "1965-07-07", 'm'),
			      fx_person("110105196908080179", "1969-08-08", 'f')};
	const char *patient = m[1].id;
	const struct fx_decision *d;

	fx_init(&f, "2007-10-01");
	strcpy(m[0].employment, "employed");
	m[0].income = 70000;
	strcpy(m[1].relation, "spouse");
	strcpy(m[1].illness, "aids");
	struct household h = fx_household("H7", m, 2);
	fx_run(&f, rule_dibao, &h);
	/* With her counted: n = 2, I = 700.00; 660.00 <= 700.00 < 990.00:
	 * edge.  Hers: 330.00 - 0.00 + no increment (38) = 330.00. */
	d = fx_find(&f, "dibao", patient);
	CHECK(d && d->eligible && d->amount == 33000,
	      "rules.md dibao (a): AIDS in an edge household: 330.00 - 0.00 = 330.00");
	CHECK(f.c.facts.edge && f.c.facts.n == 1 && f.c.facts.income == 70000,
	      "rules.md Common definitions: edge with her counted; she is out of n and I (n = 1, I = 700.00)");
	d = fx_find(&f, "dibao", "");
	CHECK_STR(why(d), "edge_household", "rules.md dibao: the household of (a) is edge, no dibao");

	/* 60 on the day: 330.00 + 330.00 x 0.10 = 363.00 (an own increment). */
	h.member[1].birth = fx_day("1947-10-01");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", patient);
	CHECK(d && d->eligible && d->amount == 36300,
	      "rules.md dibao (a): with her own increment (elderly): 330.00 + 33.00 = 363.00");
	h.member[1].birth = fx_day("1969-08-08");

	/* Items 6, 7: hukou not in the district: neither edge nor (a)
	 * (before the fix: edge, and 330.00 to her). */
	h.member[0].hukou_local = h.member[1].hukou_local = false;
	fx_run(&f, rule_dibao, &h);
	CHECK(!f.c.facts.edge && !f.c.facts.hardship,
	      "rules.md Common definitions (edge): a household whose hukou is not here is not edge");
	CHECK(fx_find(&f, "dibao", patient) == NULL,
	      "rules.md dibao (a): no inclusion in a household whose hukou is not here");
	d = fx_find(&f, "dibao", "");
	CHECK_STR(why(d), "hukou_not_local", "rules.md dibao: the household's hukou is not here");
	h.member[0].hukou_local = h.member[1].hukou_local = true;

	/* Her grant in force; the earner now has 600.00: with her, I = 600.00
	 * < 660.00: the household is dibao itself, 660.00 - 600.00 = 60.00,
	 * she in it; her own is ended (before the fix: nothing ended it). */
	fx_grant(&f, "dibao/person/110105196908080179", "2007-08-01", "", 33000);
	h.member[0].income = 60000;
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 6000,
	      "rules.md dibao: the household with her: 660.00 - 600.00 = 60.00");
	d = fx_find(&f, "dibao", patient);
	CHECK(d && !d->eligible, "rules.md dibao (a): it stops when the household becomes dibao");
	CHECK_STR(why(d), "household_now_dibao", "rules.md dibao (a): the reason");

	/* The earner has 1000.00: I = 1000.00 >= 990.00: not edge; her grant
	 * is ended. */
	h.member[0].income = 100000;
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", patient);
	CHECK(d && !d->eligible, "rules.md dibao (a): no longer an edge household: her grant ends");
	CHECK_STR(why(d), "no_longer_edge", "rules.md dibao (a): the reason");
	free(h.member);
	fx_free(&f);
}

/* The project owner's decision: a dibao household on D holds a grant in
 * force on D, or is found eligible by this assessment (means test or
 * gradual exit). */
static void dibao_household_on_d(void)
{
	struct fixture f;
	struct person m[2] = {fx_person("110105196504120111", "1965-04-12", 'm'),
			      fx_person("110105196806300222", "1968-06-30", 'f')};

	/* The database holds grants, none of this household's: below the
	 * standard (I = 100.00 < 660.00), it is a dibao household on D (before
	 * the fix: not until its grant). */
	fx_init(&f, "2007-10-01");
	fx_grant(&f, "dibao/household/OTHER", "2007-08-01", "", 10000);
	strcpy(m[1].relation, "spouse");
	m[1].income = 10000;
	struct household h = fx_household("C1", m, 2);
	fx_run(&f, rule_dibao, &h);
	CHECK(f.c.facts.dibao && f.c.facts.hardship,
	      "rules.md Common definitions (dibao household): found eligible the same day");
	/* Its grant in force, the means test failing today (I = 1100.00, not
	 * edge): still a dibao household on D. */
	fx_grant(&f, "dibao/household/C1", "2007-08-01", "", 56000);
	h.member[1].income = 110000;
	fx_run(&f, rule_dibao, &h);
	CHECK(f.c.facts.dibao, "rules.md Common definitions (dibao household): a grant in force on D");
	free(h.member);
	fx_free(&f);

	/* Gradual exit, in a file without grants: 张建华 works from
	 * 2007-11-20 (1200.00); I = 1300.00 >= 660.00.  The day before:
	 * 660.00 - 100.00 = 560.00, for 3 months from November: to 2008-02-01. */
	fx_init(&f, "2007-12-01");
	m[1].income = 10000;
	m[0].effective = m[1].effective = fx_day("2007-08-01");
	fx_version(&f, "C1", &m[0]);
	fx_version(&f, "C1", &m[1]);
	strcpy(m[0].employment, "employed");
	m[0].income = 120000;
	m[0].effective = fx_day("2007-11-20");
	fx_version(&f, "C1", &m[0]);
	h = fx_household("C1", m, 2);
	fx_run(&f, rule_dibao, &h);
	const struct fx_decision *d = fx_find(&f, "dibao", "");
	CHECK(d && d->eligible && d->amount == 56000, "rules.md dibao gradual exit: 560.00");
	CHECK(f.c.facts.dibao,
	      "rules.md Common definitions (dibao household): in its gradual exit (before the fix: no)");
	f.c.on = fx_day("2008-02-01");
	fx_run(&f, rule_dibao, &h);
	d = fx_find(&f, "dibao", "");
	CHECK(d && !d->eligible && !f.c.facts.dibao,
	      "rules.md dibao gradual exit: over on 2008-02-01: no dibao household");
	free(h.member);
	fx_free(&f);
}

int main(void)
{
	household_rule();
	boundaries();
	wubao();
	released_alone();
	released_payments();
	released_registered();
	aids();
	dibao_household_on_d();
	UNIT_END();
}
