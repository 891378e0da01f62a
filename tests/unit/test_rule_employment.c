/*
 * Unit tests of rules/rule_employment.c (rules.md 1, dibao gradual exit
 * and zero_employment; seed 三(一)2): after a member finds work, the
 * employment incentive (once, in the gradual-exit months) and the
 * insurance subsidy (monthly; its months are a number of payments that
 * grant(1) counts: rules.md Time-limited monthly grants, so the rule cuts
 * no span of dates).  The fake history holds each person's earlier
 * versions and the household's dibao grant.  Built-in policy: incentive
 * 500.00, gradual exit 3 months, subsidy 200.00 for 36 payments.
 */
#include "rule_fixture.h"

/* "eligible amount reason" of programme for national ID id, or "none". */
static const char *decided(const struct fixture *f, const char *programme, const char *id)
{
	static char buf[128];
	const struct fx_decision *d = fx_find(f, programme, id);
	char amount[MONEY_TEXT];

	if (!d)
		return "none";
	money_format(d->amount, amount);
	snprintf(buf, sizeof buf, "%s %s %s", d->eligible ? "yes" : "no", amount, d->reason);
	return buf;
}

/* Run rule_after_work on the household's versions in force on on. */
static void run_on(struct fixture *f, const char *on, const char *household_id)
{
	struct household h;

	f->c.on = fx_day(on);
	if (!fx_household_on(f, household_id, f->c.on, &h)) {
		fprintf(stderr, "test_rule_employment: no household %s on %s\n", household_id, on);
		exit(2);
	}
	fx_run(f, rule_after_work, &h);
	free(h.member);
}

#define WORKER "110105196504120111" /* C1 of the cycle: finds work 2007-11-20 */
#define WIFE "110105196803030124"

/* C1, urban, dibao 560.00 since 2007-08-01 (660.00 - 100.00): 张建华
 * unemployed, 王丽 100.00; he works from 2007-11-20, 1200.00. */
static void dibao_member(void)
{
	struct fixture f;
	struct person w = fx_person(WORKER, "1965-04-12", 'm');
	struct person s = fx_person(WIFE, "1968-03-03", 'f');

	fx_init(&f, "2007-12-01");
	strcpy(s.relation, "spouse");
	s.income = 10000;
	fx_version(&f, "C1", &w);
	fx_version(&f, "C1", &s);
	strcpy(w.employment, "employed");
	w.income = 120000;
	w.effective = fx_day("2007-11-20");
	fx_version(&f, "C1", &w);
	fx_grant(&f, "dibao/household/C1", "2007-08-01", "", 56000);

	/* Decided on 2007-12-01, the first 1st after the work was found. */
	run_on(&f, "2007-12-01", "C1");
	CHECK_STR(decided(&f, "employment_incentive", WORKER), "yes 500.00 dibao_member_found_work",
		  "rules.md dibao gradual exit: the member who found work, incentive 500.00");
	CHECK_STR(decided(&f, "employment_insurance", WORKER), "yes 200.00 dibao_member_found_work",
		  "rules.md zero_employment: a dibao member who found work, subsidy 200.00 a month");
	const struct fx_decision *d = fx_find(&f, "employment_insurance", WORKER);
	CHECK(d && strstr(d->trace, "payments=36@2007-07-03(assumed) employed from 2007-11-20 "
			  "dibao_before=yes") != NULL,
	      "data.md decision trace: the number of payments, the day work was found");
	CHECK_STR(decided(&f, "employment_insurance", WIFE), "none",
		  "rules.md zero_employment: the wife found no work, no subsidy");

	/* Found mid-month, decided that month: the same decision (the first
	 * payment is grant(1)'s: rules.md The first month). */
	run_on(&f, "2007-11-25", "C1");
	CHECK_STR(decided(&f, "employment_insurance", WORKER), "yes 200.00 dibao_member_found_work",
		  "rules.md zero_employment: decided on 2007-11-25, five days after the work was found");

	/* The incentive's window stays a span of months: 3 from November,
	 * the month of the change: to 2008-01-31, not on 2008-02-01. */
	run_on(&f, "2008-01-31", "C1");
	CHECK_STR(decided(&f, "employment_incentive", WORKER), "yes 500.00 dibao_member_found_work",
		  "rules.md dibao gradual exit: the incentive on 2008-01-31, in the third month");
	run_on(&f, "2008-02-01", "C1");
	CHECK_STR(decided(&f, "employment_incentive", WORKER), "no 0.00 too_late",
		  "rules.md dibao gradual exit: 2008-02-01 is after the 3 months from November");

	/* The subsidy is not cut by dates: 36 months from November 2007 end
	 * on 2010-11-01, but the grant started for December pays its 36th
	 * for 2010-11 (rules.md Time-limited monthly grants).  The rule still
	 * decides it; grant(1) pays 36 and no more. */
	run_on(&f, "2010-11-01", "C1");
	CHECK_STR(decided(&f, "employment_insurance", WORKER), "yes 200.00 dibao_member_found_work",
		  "rules.md Time-limited monthly grants: decided on 2010-11-01, no date cut");
	run_on(&f, "2011-01-01", "C1");
	CHECK_STR(decided(&f, "employment_insurance", WORKER), "yes 200.00 dibao_member_found_work",
		  "rules.md Time-limited monthly grants: decided on 2011-01-01 too; the count is grant(1)'s");
	fx_free(&f);
}

#define STARTER "110105197508080174" /* C7: self-employed from 2008-06-16 */
#define STARTER_WIFE "110105197709090280"

/* C7, rural, zero-employment (two labourers, none employed), not dibao:
 * I = 700.00 >= S.n = 2 x 200.00.  马军 self-employed from 2008-06-16. */
static void zero_employment_labourer(void)
{
	struct fixture f;
	struct person m = fx_person(STARTER, "1975-08-08", 'm');
	struct person w = fx_person(STARTER_WIFE, "1977-09-09", 'f');

	fx_init(&f, "2008-07-01");
	strcpy(m.hukou_type, "rural");
	strcpy(w.hukou_type, "rural");
	strcpy(w.relation, "spouse");
	w.income = 70000;
	fx_version(&f, "C7", &m);
	fx_version(&f, "C7", &w);
	strcpy(m.employment, "employed");
	m.income = 30000;
	m.effective = fx_day("2008-06-16");
	fx_version(&f, "C7", &m);

	run_on(&f, "2008-07-01", "C7");
	CHECK_STR(decided(&f, "employment_insurance", STARTER), "yes 200.00 zero_employment_found_work",
		  "rules.md zero_employment: a zero-employment labourer who found work, 200.00 a month");
	CHECK_STR(decided(&f, "employment_incentive", STARTER), "none",
		  "rules.md dibao gradual exit: no incentive, the household was not dibao");
	/* 36 months from June 2008 would end on 2011-06-01: still decided. */
	run_on(&f, "2011-06-01", "C7");
	CHECK_STR(decided(&f, "employment_insurance", STARTER), "yes 200.00 zero_employment_found_work",
		  "rules.md Time-limited monthly grants: no date cut on 2011-06-01");
	fx_free(&f);
}

/* Who found no work gets nothing: employed in every version, or found work
 * in a household neither dibao nor zero-employment the day before. */
static void no_work_found(void)
{
	struct fixture f;
	struct person a = fx_person("110105197001010513", "1970-01-01", 'm');
	struct person b = fx_person("110105197202020523", "1972-02-02", 'f');

	fx_init(&f, "2007-12-01");
	strcpy(a.employment, "employed");
	a.income = 300000;
	strcpy(b.relation, "spouse");
	fx_version(&f, "G2", &a);
	fx_version(&f, "G2", &b);
	run_on(&f, "2007-12-01", "G2");
	CHECK(f.ngot == 0, "rules.md zero_employment: employed since enrolled: nothing found, no decision");

	/* The wife works from 2007-11-15; the day before, her husband worked
	 * (not zero-employment) and I = 3000.00 (no dibao): no subsidy. */
	strcpy(b.employment, "employed");
	b.income = 80000;
	b.effective = fx_day("2007-11-15");
	fx_version(&f, "G2", &b);
	run_on(&f, "2007-12-01", "G2");
	CHECK_STR(decided(&f, "employment_insurance", "110105197202020523"), "none",
		  "rules.md zero_employment: work found in a household neither dibao nor zero-employment");
	fx_free(&f);
}

int main(void)
{
	dibao_member();
	zero_employment_labourer();
	no_work_found();
	UNIT_END();
}
