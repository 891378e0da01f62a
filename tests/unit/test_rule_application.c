/*
 * Unit tests of rules/rule_application.c (rules.md 1 temporary and
 * zero_employment's employment_startup, 4 legal aid, 5 home care; seed
 * 三(一)2,4, 三(四), 三(五)): applications decided with the applicant's
 * household built here, the built-in policy and a fake history of the
 * grants once made, each amount worked by hand in the comment beside it.
 * Parameters: S urban 330.00 to 2008-06-30, 390.00 from 2008-07-01, S
 * rural 200.00; edge 1.50; temporary caps medical 3000.00, emergency
 * 3000.00, heating 1000.00, other 500.00, a household 6000.00 a calendar
 * year; startup subsidy 1000.00; legal hardship 2.00 x S.n; enforcement
 * relief 6 x S; home care 0.50 of the cost.
 */
#include "rule_fixture.h"

#define SUN "110105196303030355" /* 孙志, C6's head: enterprise hardship */
#define WU  "110105196505050469" /* 吴芳, his wife */
#define MA  "110105197508080174" /* 马军, C7's head, rural */
#define LAN "110105197709090280" /* 马兰, his wife */

static const char *why(const struct fx_decision *d)
{
	return d ? d->reason : "(none)";
}

/* C6: 孙志 (employed 500.00, enterprise hardship) and 吴芳 (income). */
static struct household c6(jz_fen wu_income)
{
	struct person m[2] = {fx_person(SUN, "1963-03-03", 'm'), fx_person(WU, "1965-05-05", 'f')};
	strcpy(m[0].employment, "employed");
	m[0].income = 50000;
	m[0].enterprise_hardship = true;
	strcpy(m[1].relation, "spouse");
	m[1].income = wu_income;
	return fx_household("C6", m, 2);
}

/* Issue 14 item 3: the yearly cap is drawn by what was granted, whatever
 * later assessments say; a granted application is decided as granted. */
static void temporary_cap(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* 2008-10-01, S 390.00: 吴芳 works (1000.00): I = 1500.00 >= 1.5 x
	 * 780.00 = 1170.00: C6 is no longer edge.  TA-1 (吴芳, granted
	 * 3000.00 on 2008-03-01 as an edge member) and TA-2 (孙志, 3000.00 on
	 * 2008-07-01) are decided as granted: 3000.00 each (before the fix:
	 * TA-1 may_not_apply, drawing nothing).  TA-3, 2500.00: 6000.00 -
	 * 3000.00 - 3000.00 = 0.00 left (before the fix: 2500.00). */
	fx_init(&f, "2008-10-01");
	fx_once(&f, "temporary/application/TA-1", WU, "2008-03-01", 300000);
	fx_once(&f, "temporary/application/TA-2", SUN, "2008-07-01", 300000);
	struct household h = c6(100000);
	struct application a[3] = {
		fx_application("TA-1", WU, "temporary", "2008-02-12", "emergency", 300000),
		fx_application("TA-2", SUN, "temporary", "2008-06-10", "medical", 300000),
		fx_application("TA-3", SUN, "temporary", "2008-09-08", "medical", 250000),
	};
	fx_applications(&f, &h, a, 3);
	d = fx_find(&f, "temporary", "TA-1");
	CHECK(d && d->eligible && d->amount == 300000,
	      "rules.md temporary: a grant once made is never re-decided: TA-1 as granted, 3000.00");
	CHECK_STR(why(d), "as_granted", "rules.md temporary: the reason of a granted application");
	d = fx_find(&f, "temporary", "TA-2");
	CHECK(d && d->eligible && d->amount == 300000, "rules.md temporary: TA-2 as granted, 3000.00");
	d = fx_find(&f, "temporary", "TA-3");
	CHECK(d && !d->eligible, "rules.md temporary: 6000.00 - 6000.00 granted = 0.00 left for TA-3");
	CHECK_STR(why(d), "yearly_cap_reached", "rules.md temporary: the yearly cap reached");

	/* 2008-07-01, TA-2 not yet granted, TA-3' (100.00) received
	 * 2008-06-20: TA-2 gets 6000.00 - 3000.00 = 3000.00, the cap reached
	 * exactly; TA-3' nothing (before the fix: 3000.00 and 100.00). */
	f.ngrants = 0;
	fx_once(&f, "temporary/application/TA-1", WU, "2008-03-01", 300000);
	f.c.on = fx_day("2008-07-01");
	a[2] = fx_application("TA-3b", SUN, "temporary", "2008-06-20", "medical", 10000);
	fx_applications(&f, &h, a, 3);
	d = fx_find(&f, "temporary", "TA-2");
	CHECK(d && d->eligible && d->amount == 300000,
	      "rules.md temporary: 6000.00 - 3000.00 granted: TA-2 3000.00, the yearly cap exactly");
	d = fx_find(&f, "temporary", "TA-3b");
	CHECK(d && !d->eligible && strcmp(d->reason, "yearly_cap_reached") == 0,
	      "rules.md temporary: the cap reached exactly: nothing left for TA-3b");

	/* A new calendar year, a new cap: 2009-02-01, the grants of 2008 kept.
	 * Heating 1200.00, cap 1000.00: 1000.00; medical 3000.00 of 5000.00
	 * left; emergency 3000.00 of 2000.00 left: 2000.00. */
	fx_once(&f, "temporary/application/TA-2", SUN, "2008-07-01", 300000);
	f.c.on = fx_day("2009-02-01");
	struct application b[5] = {
		a[0], a[1],
		fx_application("TA-2009-1", SUN, "temporary", "2009-01-15", "heating", 120000),
		fx_application("TA-2009-2", SUN, "temporary", "2009-01-20", "medical", 300000),
		fx_application("TA-2009-3", SUN, "temporary", "2009-01-25", "emergency", 300000),
	};
	fx_applications(&f, &h, b, 5);
	d = fx_find(&f, "temporary", "TA-2009-1");
	CHECK(d && d->eligible && d->amount == 100000, "rules.md temporary: 2009: heating cap 1000.00");
	d = fx_find(&f, "temporary", "TA-2009-2");
	CHECK(d && d->eligible && d->amount == 300000, "rules.md temporary: 2009: 3000.00 of 5000.00 left");
	d = fx_find(&f, "temporary", "TA-2009-3");
	CHECK(d && d->eligible && d->amount == 200000, "rules.md temporary: 2009: 2000.00 left, 2000.00");
	free(h.member);

	/* What was granted counts whenever it was received: TA-A (received
	 * first, never granted) comes after TA-B 3000.00 and TA-C 2000.00,
	 * granted: 6000.00 - 5000.00 = 1000.00 left (before the fix, in the
	 * order received: 3000.00).  2008-05-01, S 330.00: C6 with 吴芳 at
	 * 200.00, I = 700.00, edge. */
	fx_free(&f);
	fx_init(&f, "2008-05-01");
	fx_once(&f, "temporary/application/TA-B", SUN, "2008-03-01", 300000);
	fx_once(&f, "temporary/application/TA-C", SUN, "2008-04-01", 200000);
	h = c6(20000);
	struct application c[3] = {
		fx_application("TA-A", WU, "temporary", "2008-01-05", "medical", 300000),
		fx_application("TA-B", SUN, "temporary", "2008-02-01", "medical", 300000),
		fx_application("TA-C", SUN, "temporary", "2008-03-05", "emergency", 200000),
	};
	fx_applications(&f, &h, c, 3);
	d = fx_find(&f, "temporary", "TA-A");
	CHECK(d && d->eligible && d->amount == 100000,
	      "rules.md temporary: what is left is the cap less all granted that year: 1000.00");
	CHECK_STR(why(d), "edge_member", "rules.md temporary: 吴芳 applies as an edge member");
	free(h.member);
	fx_free(&f);
}

/* rules.md temporary, Who may apply: wubao persons and personal grants
 * (units of one, on their own); a migrant of a year to the day. */
static void temporary_who(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* A rural wubao person alone, medical 2000.00: 2000.00 (before the
	 * fix: may_not_apply, his household n = 0 neither dibao nor edge). */
	fx_init(&f, "2007-10-01");
	struct person w = fx_person("110105193503030153", "1935-03-03", 'm');
	strcpy(w.hukou_type, "rural");
	w.wubao = true;
	struct household h = fx_household("C4", &w, 1);
	struct application a = fx_application("TA-W", w.id, "temporary", "2007-09-10", "medical",
					      200000);
	fx_applications(&f, &h, &a, 1);
	d = fx_find(&f, "temporary", "TA-W");
	CHECK(d && d->eligible && d->amount == 200000,
	      "rules.md temporary (Who may apply): a wubao person: 2000.00");
	CHECK_STR(why(d), "wubao", "rules.md temporary: applies as wubao");
	free(h.member);

	/* A released prisoner in his own dibao (50.00 < 330.00) beside a
	 * brother earning 2000.00: emergency 1000.00 (before the fix:
	 * may_not_apply, the household neither dibao nor edge). */
	struct person r[2] = {fx_person("110105198002020136", "1980-02-02", 'm'),
			      fx_person("110105197801010013", "1978-01-01", 'm')};
	r[0].has_released_on = r[0].hukou_pending = true;
	r[0].released_on = fx_day("2007-07-16");
	r[0].income = 5000;
	strcpy(r[1].relation, "sibling");
	strcpy(r[1].employment, "employed");
	r[1].income = 200000;
	h = fx_household("R1", r, 2);
	a = fx_application("TA-R", r[0].id, "temporary", "2007-09-10", "emergency", 100000);
	fx_applications(&f, &h, &a, 1);
	d = fx_find(&f, "temporary", "TA-R");
	CHECK(d && d->eligible && d->amount == 100000,
	      "rules.md temporary (Who may apply): a personal dibao grant: 1000.00");
	CHECK_STR(why(d), "personal_dibao", "rules.md temporary: applies in his own dibao");
	/* His brother, in no dibao or edge household, may not. */
	a = fx_application("TA-S", r[1].id, "temporary", "2007-09-10", "emergency", 100000);
	fx_applications(&f, &h, &a, 1);
	CHECK_STR(why(fx_find(&f, "temporary", "TA-S")), "may_not_apply",
		  "rules.md temporary (Who may apply): none of the groups");
	free(h.member);

	/* A migrant (hukou elsewhere) resident since 2006-09-05, received
	 * 2007-09-05: a year to the day: other 300.00 (cap 500.00); resident
	 * from 2006-09-06: a day short. */
	struct person m = fx_person("110105198010100216", "1980-10-10", 'm');
	m.hukou_local = false;
	m.has_residence_since = true;
	m.residence_since = fx_day("2006-09-05");
	h = fx_household("H9", &m, 1);
	a = fx_application("TA-M", m.id, "temporary", "2007-09-05", "other", 30000);
	fx_applications(&f, &h, &a, 1);
	d = fx_find(&f, "temporary", "TA-M");
	CHECK(d && d->eligible && d->amount == 30000 && strcmp(d->reason, "migrant_over_one_year") == 0,
	      "rules.md temporary (Who may apply): resident one year on the day received: 300.00");
	h.member[0].residence_since = fx_day("2006-09-06");
	fx_applications(&f, &h, &a, 1);
	CHECK_STR(why(fx_find(&f, "temporary", "TA-M")), "may_not_apply",
		  "rules.md temporary (Who may apply): a day short of a year");
	free(h.member);
	fx_free(&f);
}

/* Issue 14 item 4: a unit of one takes each test of hardship on their
 * own: n = 1, I = own income (legal aid, enforcement relief). */
static void hardship_alone(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* A rural wubao person alone, income 0: 0.00 < 2.00 x 200.00 x 1
	 * (before the fix: n = 0, I = 0: 0 < 0 false, not_hardship). */
	fx_init(&f, "2007-10-01");
	struct person w = fx_person("110105193503030153", "1935-03-03", 'm');
	strcpy(w.hukou_type, "rural");
	w.wubao = true;
	struct household h = fx_household("C4", &w, 1);
	struct application a[2] = {
		fx_application("LA-W", w.id, "legal_aid", "2007-09-10", "work_injury", 0),
		fx_application("ER-W", w.id, "enforcement_relief", "2007-09-11", "", 0),
	};
	a[1].respondent_unable = true;
	fx_applications(&f, &h, a, 2);
	d = fx_find(&f, "legal_aid", "LA-W");
	CHECK(d && d->eligible && strcmp(d->reason, "work_injury") == 0,
	      "rules.md legal_aid: a wubao person tested alone: 0.00 < 400.00, hardship");
	d = fx_find(&f, "enforcement_relief", "ER-W");
	CHECK(d && d->eligible && d->amount == 120000,
	      "rules.md enforcement_relief: a wubao person tested alone: 6 x S rural 200.00 = 1200.00");
	free(h.member);

	/* A released prisoner pending with 700.00, his wife 0.00: alone,
	 * 700.00 >= 2.00 x 330.00 = 660.00: not in hardship (before the fix:
	 * the household's I = 700.00 < 1320.00). */
	struct person r[2] = {fx_person("110105198002020136", "1980-02-02", 'm'),
			      fx_person("110105198203030025", "1982-03-03", 'f')};
	r[0].has_released_on = r[0].hukou_pending = true;
	r[0].released_on = fx_day("2007-07-16");
	r[0].income = 70000;
	strcpy(r[1].relation, "spouse");
	h = fx_household("C3", r, 2);
	a[0] = fx_application("LA-R", r[0].id, "legal_aid", "2007-09-10", "other", 0);
	fx_applications(&f, &h, a, 1);
	CHECK_STR(why(fx_find(&f, "legal_aid", "LA-R")), "not_hardship",
		  "rules.md legal_aid: a unit of one on his own income: 700.00 >= 660.00");
	free(h.member);

	/* I = 2 x S.n exactly is no hardship; a fen less is: one person,
	 * 660.00 and 659.99 against 2.00 x 330.00. */
	struct person p = fx_person("110105197001010011", "1970-01-01", 'm');
	p.income = 66000;
	h = fx_household("L1", &p, 1);
	a[0] = fx_application("LA-1", p.id, "legal_aid", "2007-09-10", "domestic_violence", 0);
	fx_applications(&f, &h, a, 1);
	CHECK_STR(why(fx_find(&f, "legal_aid", "LA-1")), "not_hardship",
		  "rules.md legal_aid: I = 2.00 x S.n = 660.00 is no hardship");
	h.member[0].income = 65999;
	fx_applications(&f, &h, a, 1);
	d = fx_find(&f, "legal_aid", "LA-1");
	CHECK(d && d->eligible, "rules.md legal_aid: I = 659.99 < 660.00: hardship");
	free(h.member);
	fx_free(&f);
}

/* rules.md home_care: a unit of one's dibao is their own; 60 and 80 on
 * the birthday. */
static void home_care(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* A released prisoner of 65 in his own dibao (income 0) beside a son
	 * earning 3000.00: cost 400.00 x 0.50 = 200.00 (before the fix: his
	 * household is not dibao: not_eligible). */
	fx_init(&f, "2007-10-01");
	struct person r[2] = {fx_person("110105194203010017", "1942-03-01", 'm'),
			      fx_person("110105197001010013", "1970-01-01", 'm')};
	r[0].has_released_on = r[0].hukou_pending = true;
	r[0].released_on = fx_day("2007-07-16");
	strcpy(r[1].relation, "child");
	strcpy(r[1].employment, "employed");
	r[1].income = 300000;
	struct household h = fx_household("R2", r, 2);
	struct application a = fx_application("HC-R", r[0].id, "home_care", "2007-09-10", "", 40000);
	fx_applications(&f, &h, &a, 1);
	d = fx_find(&f, "home_care", "HC-R");
	CHECK(d && d->eligible && d->amount == 20000,
	      "rules.md home_care: 60 and over in his own dibao: 400.00 x 0.50 = 200.00");
	free(h.member);

	/* 60 on the day, in a dibao household (alone, income 0): 300.00 x
	 * 0.50 = 150.00; 59 the day before: not eligible. */
	struct person p = fx_person("110105194710010011", "1947-10-01", 'm');
	h = fx_household("HC-60", &p, 1);
	a = fx_application("HC-60", p.id, "home_care", "2007-09-10", "", 30000);
	fx_applications(&f, &h, &a, 1);
	d = fx_find(&f, "home_care", "HC-60");
	CHECK(d && d->eligible && d->amount == 15000 && strcmp(d->reason, "dibao_elderly") == 0,
	      "rules.md home_care: 60 on the day in a dibao household: 150.00");
	f.c.on = fx_day("2007-09-30");
	fx_applications(&f, &h, &a, 1);
	CHECK_STR(why(fx_find(&f, "home_care", "HC-60")), "not_eligible",
		  "rules.md home_care: 59 the day before");
	free(h.member);

	/* 80 on the day, semi self-care, not in hardship (2000.00): 150.00;
	 * 79 the day before: not eligible. */
	p = fx_person("110105192710010012", "1927-10-01", 'f');
	strcpy(p.self_care, "semi");
	p.income = 200000;
	h = fx_household("HC-80", &p, 1);
	a = fx_application("HC-80", p.id, "home_care", "2007-09-10", "", 30000);
	fx_applications(&f, &h, &a, 1);
	CHECK_STR(why(fx_find(&f, "home_care", "HC-80")), "not_eligible",
		  "rules.md home_care: 79 the day before the 80th birthday");
	f.c.on = fx_day("2007-10-01");
	fx_applications(&f, &h, &a, 1);
	d = fx_find(&f, "home_care", "HC-80");
	CHECK(d && d->eligible && d->amount == 15000 && strcmp(d->reason, "over_80_needing_care") == 0,
	      "rules.md home_care: 80 on the day, needing care: 300.00 x 0.50 = 150.00");
	free(h.member);
	fx_free(&f);
}

/* C7, rural: 马军 (employment, income) and 马兰 (unemployed, 700.00). */
static struct household c7(const char *ma_employment, jz_fen ma_income)
{
	struct person m[2] = {fx_person(MA, "1975-08-08", 'm'), fx_person(LAN, "1977-09-09", 'f')};
	strcpy(m[0].hukou_type, "rural");
	strcpy(m[1].hukou_type, "rural");
	strcpy(m[0].employment, ma_employment);
	m[0].income = ma_income;
	strcpy(m[1].relation, "spouse");
	m[1].income = 70000;
	return fx_household("C7", m, 2);
}

/* Issue 14 item 10: employment_startup only to an applicant the registry
 * shows employed, once per person in a lifetime. */
static void startup(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* 2008-05-01: both unemployed; 马兰 applies: not_working (before the
	 * fix: 1000.00, the household zero-employment but for her). */
	fx_init(&f, "2008-05-01");
	struct household h = c7("unemployed", 0);
	struct application a[2] = {
		fx_application("SU-1", LAN, "employment_startup", "2008-04-10", "", 0),
	};
	fx_applications(&f, &h, a, 1);
	d = fx_find(&f, "employment_startup", "SU-1");
	CHECK(d && !d->eligible, "rules.md zero_employment (employment_startup): the applicant not employed");
	CHECK_STR(why(d), "not_working", "rules.md zero_employment (employment_startup): the reason");
	free(h.member);

	/* 2008-07-01: 马军 employed (self-employed 300.00), 马兰 not: the
	 * subsidy 1000.00.  Two applications of his in one run: the second
	 * already_granted (before the fix: 1000.00 each). */
	f.c.on = fx_day("2008-07-01");
	h = c7("employed", 30000);
	a[0] = fx_application("SU-2", MA, "employment_startup", "2008-06-20", "", 0);
	a[1] = fx_application("SU-2b", MA, "employment_startup", "2008-06-25", "", 0);
	fx_applications(&f, &h, a, 2);
	d = fx_find(&f, "employment_startup", "SU-2");
	CHECK(d && d->eligible && d->amount == 100000,
	      "rules.md zero_employment (employment_startup): employed, zero-employment otherwise: 1000.00");
	d = fx_find(&f, "employment_startup", "SU-2b");
	CHECK(d && !d->eligible && strcmp(d->reason, "already_granted") == 0,
	      "rules.md zero_employment (employment_startup): once per person, in one run too");

	/* 2009-04-01: SU-2 was granted 2008-07-01; SU-3: already_granted
	 * (before the fix: 1000.00 again); SU-2 itself is decided as before. */
	fx_once(&f, "employment_startup/application/SU-2", MA, "2008-07-01", 100000);
	f.c.on = fx_day("2009-04-01");
	a[1] = fx_application("SU-3", MA, "employment_startup", "2009-03-10", "", 0);
	fx_applications(&f, &h, a, 2);
	d = fx_find(&f, "employment_startup", "SU-3");
	CHECK(d && !d->eligible, "rules.md zero_employment (employment_startup): once per person in a lifetime");
	CHECK_STR(why(d), "already_granted", "rules.md zero_employment (employment_startup): the reason");
	d = fx_find(&f, "employment_startup", "SU-2");
	CHECK(d && d->eligible, "rules.md zero_employment (employment_startup): its own grant is no other");
	free(h.member);

	/* An urban household: not_rural. */
	h = c7("employed", 30000);
	strcpy(h.member[0].hukou_type, "urban");
	strcpy(h.member[1].hukou_type, "urban");
	f.ngrants = 0;
	fx_applications(&f, &h, a, 1);
	CHECK_STR(why(fx_find(&f, "employment_startup", "SU-2")), "not_rural",
		  "rules.md zero_employment (employment_startup): rural only");
	free(h.member);
	fx_free(&f);
}

int main(void)
{
	temporary_cap();
	temporary_who();
	hardship_alone();
	home_care();
	startup();
	UNIT_END();
}
