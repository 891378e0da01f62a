/*
 * Unit tests of rules/rule_festival.c (rules.md 1, festival; seed 三(一)4):
 * every festival of festival.dates in the month of D is decided by the run
 * of D, once each, as a decision of its own; dibao (a member of a dibao
 * household, or a person holding a personal dibao grant), wubao and edge,
 * the highest applying.  Built-in policy (chaoyang-2007: S urban 330.00,
 * rural 200.00, edge multiplier 1.50; festival dibao 200.00, wubao 300.00,
 * edge 100.00; festivals 2007-09-25, 2007-10-01, 2008-02-07, 2008-09-14,
 * 2008-10-01, 2009-01-26), or a small policy of this file where said.
 */
#include "rule_fixture.h"

/* The decision ids as assess writes them (rule_decision_id), by the
 * fixture's decisions: the fixture keeps no decision's occasion. */
static char ids[FX_MAX][300];
static char run_as_of[DATE_TEXT];

static void emit_with_id(const struct decision *d, void *sink)
{
	struct fixture *f = sink;
	if (f->ngot < FX_MAX)
		rule_decision_id(ids[f->ngot], sizeof ids[0], run_as_of, d);
	fx_emit(d, sink);
}

/* Run the festival rule on h as of on. */
static void run_on(struct fixture *f, const char *on, const struct household *h)
{
	f->c.on = fx_day(on);
	f->c.emit = emit_with_id;
	text_copy(run_as_of, sizeof run_as_of, on);
	fx_run(f, rule_festival, h);
}

/* The decision ids of national ID id, in the order decided, joined by ' '. */
static const char *ids_of(const struct fixture *f, const char *id)
{
	static char all[2048];
	all[0] = '\0';
	for (int i = 0; i < f->ngot; i++) {
		if (strcmp(f->got[i].national_id, id) != 0)
			continue;
		if (*all)
			strcat(all, " ");
		strcat(all, ids[i]);
	}
	return all;
}

/* "eligible amount reason" of every decision of id, joined by ' | '. */
static const char *decided(const struct fixture *f, const char *id)
{
	static char all[1024];
	all[0] = '\0';
	for (int i = 0; i < f->ngot; i++) {
		char one[128], amount[MONEY_TEXT];
		if (strcmp(f->got[i].national_id, id) != 0)
			continue;
		money_format(f->got[i].amount, amount);
		snprintf(one, sizeof one, "%s%s %s %s", *all ? " | " : "",
			 f->got[i].eligible ? "yes" : "no", amount, f->got[i].reason);
		strcat(all, one);
	}
	return all;
}

/* A policy of the built-in values the festival rule reads (with those
 * that decide a personal dibao), but for the festivals: two in October
 * 2009, one at the end of November; and a dibao amount above the wubao
 * one, for "the highest applies". */
static const char two_in_october[] =
	"{\"id\": \"festival-test\", \"parameters\": {"
	"\"dibao.standard.urban\": [{\"from\": \"2007-07-01\", \"value\": \"330.00\", \"source\": \"test\"}],"
	"\"dibao.standard.rural\": [{\"from\": \"2007-07-01\", \"value\": \"200.00\", \"source\": \"test\"}],"
	"\"dibao.edge_multiplier\": [{\"from\": \"2007-07-01\", \"value\": \"1.50\", \"source\": \"test\"}],"
	"\"dibao.class.elderly\": [{\"from\": \"2007-07-01\", \"value\": \"0.10\", \"source\": \"test\"}],"
	"\"dibao.class.severe_disability\": [{\"from\": \"2007-07-01\", \"value\": \"0.30\", \"source\": \"test\"}],"
	"\"dibao.class.serious_illness\": [{\"from\": \"2007-07-01\", \"value\": \"0.20\", \"source\": \"test\"}],"
	"\"dibao.class.minor\": [{\"from\": \"2007-07-01\", \"value\": \"0.10\", \"source\": \"test\"}],"
	"\"dibao.released_months\": [{\"from\": \"2007-07-01\", \"value\": \"12\", \"source\": \"test\"}],"
	"\"festival.dates\": [{\"from\": \"2007-07-01\", \"value\": [\"2009-10-03\", \"2009-11-30\", "
	"\"2009-10-01\"], \"source\": \"test: National Day and the day after next\"}],"
	"\"festival.amount.dibao\": [{\"from\": \"2007-07-01\", \"value\": \"350.00\", \"source\": \"test\"}],"
	"\"festival.amount.wubao\": [{\"from\": \"2007-07-01\", \"value\": \"300.00\", \"source\": \"test\"}],"
	"\"festival.amount.edge\": [{\"from\": \"2007-07-01\", \"value\": \"100.00\", \"source\": \"test\"}]}}";

static void use_policy(struct fixture *f, const char *json)
{
	policy_free(&f->pol);
	if (!policy_parse(&f->pol, "festival-test", json, strlen(json))) {
		fprintf(stderr, "test_rule_festival: the test policy does not parse\n");
		exit(2);
	}
}

#define HEAD "110105194809010115"   /* C2 of the cycle: a dibao household */
#define WIFE "110105195005050121"
#define WUBAO "110105193503030153"  /* C4: rural wubao, alone */
#define EDGE "110105195505050421"   /* alone, 400.00 */
#define RICH "110105196001010375"   /* alone, 1000.00 */
#define RELEASED "110105198002020136" /* alone, a personal dibao grant */

/* rules.md festival: "every festival ... that falls in the month of D (so
 * the monthly run on the 1st pays that month's festivals, once each)". */
static void month_of_d(void)
{
	struct fixture f;
	struct person m[2] = {fx_person(HEAD, "1948-09-01", 'm'), fx_person(WIFE, "1950-05-05", 'f')};

	fx_init(&f, "2007-09-01");
	strcpy(m[1].relation, "spouse");
	m[1].income = 20000;
	struct household h = fx_household("C2", m, 2);
	fx_grant(&f, "dibao/household/C2", "2007-08-01", "", 79000);

	/* 2007-09-25 is in September: the run of 2007-09-01 decides it, for
	 * each member, 200.00 (dibao). */
	run_on(&f, "2007-09-01", &h);
	CHECK_STR(decided(&f, HEAD), "yes 200.00 dibao",
		  "rules.md festival: 2007-09-25 is decided by the run of 2007-09-01, 200.00 dibao");
	CHECK_STR(ids_of(&f, WIFE), "2007-09-01/festival/" WIFE "/2007-09-25",
		  "rules.md festival, data.md decision: the id names the festival's date");
	CHECK(f.ngot == 2, "rules.md festival: one decision per member of C2 (2), got %d", f.ngot);
	CHECK(strstr(f.got[0].trace, "festival=2007-09-25 dibao=200.00@2007-07-03(assumed) -> 200.00") != NULL,
	      "data.md decision trace: the festival, the amount and its date");

	/* Later in the month, the same festival (and its id's date). */
	run_on(&f, "2007-09-30", &h);
	CHECK_STR(ids_of(&f, HEAD), "2007-09-30/festival/" HEAD "/2007-09-25",
		  "rules.md festival: a run later in the month decides the month's festival too");

	/* 2007-10-01 is a festival and the 1st: decided that day. */
	run_on(&f, "2007-10-01", &h);
	CHECK_STR(ids_of(&f, HEAD), "2007-10-01/festival/" HEAD "/2007-10-01",
		  "rules.md festival: 2007-10-01 by the run of 2007-10-01");

	/* November 2007 has no festival; February 2008 has 2008-02-07. */
	run_on(&f, "2007-11-01", &h);
	CHECK(f.ngot == 0, "rules.md festival: no festival in 2007-11, no decision (got %d)", f.ngot);
	run_on(&f, "2008-02-01", &h);
	CHECK_STR(ids_of(&f, HEAD), "2008-02-01/festival/" HEAD "/2008-02-07",
		  "rules.md festival: 2008-02-07 (Spring Festival) by the run of 2008-02-01");
	free(h.member);
	fx_free(&f);
}

/* Two festivals of one month: two decisions, two ids. */
static void two_in_one_month(void)
{
	struct fixture f;
	struct person m[2] = {fx_person(HEAD, "1948-09-01", 'm'), fx_person(WIFE, "1950-05-05", 'f')};

	fx_init(&f, "2009-10-01");
	use_policy(&f, two_in_october);
	strcpy(m[1].relation, "spouse");
	struct household h = fx_household("C2", m, 2);
	fx_grant(&f, "dibao/household/C2", "2007-08-01", "", 79000);

	/* 2009-10-01 and 2009-10-03 (listed after 2009-11-30, decided in date
	 * order); 2009-11-30 is November's: 2 x 350.00 for each member. */
	run_on(&f, "2009-10-01", &h);
	CHECK_STR(decided(&f, HEAD), "yes 350.00 dibao | yes 350.00 dibao",
		  "rules.md festival: two festivals in 2009-10, two decisions of 350.00");
	CHECK_STR(ids_of(&f, HEAD), "2009-10-01/festival/" HEAD "/2009-10-01 "
		  "2009-10-01/festival/" HEAD "/2009-10-03",
		  "rules.md festival: each festival its own decision id, in date order");
	CHECK(f.ngot == 4, "rules.md festival: 2 members x 2 festivals = 4 decisions, got %d", f.ngot);
	run_on(&f, "2009-11-01", &h);
	CHECK_STR(ids_of(&f, WIFE), "2009-11-01/festival/" WIFE "/2009-11-30",
		  "rules.md festival: 2009-11-30 by the run of 2009-11-01");
	free(h.member);
	fx_free(&f);
}

/* The categories, and the highest applying. */
static void categories(void)
{
	struct fixture f;
	struct person w = fx_person(WUBAO, "1935-03-03", 'm');
	struct person e = fx_person(EDGE, "1955-05-05", 'f');
	struct person r = fx_person(RICH, "1960-01-01", 'm');
	struct person p = fx_person(RELEASED, "1980-02-02", 'm');

	fx_init(&f, "2007-10-01");
	strcpy(w.hukou_type, "rural");
	w.wubao = true;
	strcpy(w.hukou_type, "rural"); /* dibao (b): a rural wubao person */
	e.income = 40000;
	r.income = 100000;
	p.income = 5000;
	p.hukou_pending = true;
	p.has_released_on = true;
	p.released_on = fx_day("2007-07-16");
	struct household hw = fx_household("C4", &w, 1), he = fx_household("E1", &e, 1);
	struct household hr = fx_household("R1", &r, 1), hp = fx_household("C3", &p, 1);
	fx_grant(&f, "dibao/person/" WUBAO, "2007-08-01", "", 26000);
	fx_grant(&f, "dibao/person/" RELEASED, "2007-10-01", "", 28000);

	/* A wubao person: 300.00 wubao (the highest of wubao 300.00 and, by
	 * the personal grant, dibao 200.00). */
	run_on(&f, "2007-10-01", &hw);
	CHECK_STR(decided(&f, WUBAO), "yes 300.00 wubao",
		  "rules.md festival: a wubao person, wubao 300.00 (the highest of 300.00, 200.00)");
	/* Edge: 330.00 <= I = 400.00 < 1.50 x 330.00 = 495.00: 100.00. */
	run_on(&f, "2007-10-01", &he);
	CHECK_STR(decided(&f, EDGE), "yes 100.00 edge",
		  "rules.md festival: an edge member, 330.00 <= 400.00 < 495.00: edge 100.00");
	/* I = 1000.00 >= 495.00, no grant: neither. */
	run_on(&f, "2007-10-01", &hr);
	CHECK(f.ngot == 0, "rules.md festival: neither dibao, wubao nor edge: no decision");
	/* A personal dibao grant (dibao (c)): a dibao recipient, 200.00
	 * dibao, though his household holds no dibao grant (I = 50.00 < S:
	 * below the standard, so not edge either). */
	run_on(&f, "2007-10-01", &hp);
	CHECK_STR(decided(&f, RELEASED), "yes 200.00 dibao",
		  "rules.md Common definitions (dibao recipient), festival: a personal dibao grant, dibao 200.00");
	/* A personal dibao is the one this assessment decides (rule_personal_
	 * dibao), before grant(1) has recorded it too: on 2007-09-01, released
	 * 2007-07-16, hukou pending, 50.00 < S 330.00, he is in his own dibao,
	 * so the festival of 2007-09-25 pays him 200.00 dibao. */
	run_on(&f, "2007-09-01", &hp);
	CHECK_STR(decided(&f, RELEASED), "yes 200.00 dibao",
		  "rules.md festival: a personal dibao decided the same day counts, 200.00 dibao");

	/* The highest applies: with dibao 350.00 above wubao 300.00, the
	 * wubao person holding his personal dibao grant gets 350.00 dibao. */
	use_policy(&f, two_in_october);
	run_on(&f, "2009-10-01", &hw);
	CHECK_STR(decided(&f, WUBAO), "yes 350.00 dibao | yes 350.00 dibao",
		  "rules.md festival: the highest category applies, dibao 350.00 > wubao 300.00");
	free(hw.member);
	free(he.member);
	free(hr.member);
	free(hp.member);
	fx_free(&f);
}

int main(void)
{
	month_of_d();
	two_in_one_month();
	categories();
	UNIT_END();
}
