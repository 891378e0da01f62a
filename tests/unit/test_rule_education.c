/*
 * Unit tests of rules/rule_education.c (rules.md 2; seed 三(二)): the
 * three yearly grants, on households built here with the built-in policy
 * and a fake history.  Parameters: S urban 330.00 (2007); edge 1.50;
 * hardship preschool 600.00, compulsory 500.00, general and vocational
 * high 1000.00; vocational 1500.00; disability high 500.00, university
 * 1000.00.
 */
#include "rule_fixture.h"

static const char *why(const struct fx_decision *d)
{
	return d ? d->reason : "(none)";
}

/* A parent (income) and a student at level. */
static struct household student(const char *level, jz_fen parent)
{
	struct person m[2] = {fx_person("110105197505050092", "1975-05-05", 'f'),
			      fx_person("110105199301010014", "1993-01-01", 'm')};
	m[0].income = parent;
	strcpy(m[1].relation, "child");
	strcpy(m[1].employment, "student");
	strcpy(m[1].student_level, level);
	return fx_household("E1", m, 2);
}

#define KID "110105199301010014"

/* rules.md edu_hardship: a student of a hardship household, by level. */
static void hardship(void)
{
	struct fixture f;
	static const struct { const char *level; jz_fen amount; } levels[] = {
		{"preschool", 60000}, {"compulsory", 50000}, {"general_high", 100000},
		{"vocational_high", 100000},
	};
	const struct fx_decision *d;

	/* Edge: 660.00 <= I = 700.00 < 990.00. */
	fx_init(&f, "2007-10-01");
	for (int i = 0; i < 4; i++) {
		struct household h = student(levels[i].level, 70000);
		fx_run(&f, rule_edu_hardship, &h);
		d = fx_find(&f, "edu_hardship", KID);
		CHECK(d && d->eligible && d->amount == levels[i].amount,
		      "rules.md edu_hardship: %s in an edge household", levels[i].level);
		free(h.member);
	}
	/* University: no hardship grant. */
	struct household h = student("university", 70000);
	fx_run(&f, rule_edu_hardship, &h);
	CHECK(fx_find(&f, "edu_hardship", KID) == NULL, "rules.md edu_hardship: not for university");
	free(h.member);

	/* Hukou not here: neither edge nor hardship (before the fix: edge,
	 * 500.00). */
	h = student("compulsory", 70000);
	h.member[0].hukou_local = h.member[1].hukou_local = false;
	fx_run(&f, rule_edu_hardship, &h);
	CHECK_STR(why(fx_find(&f, "edu_hardship", KID)), "not_hardship",
		  "rules.md Common definitions (edge): hukou not here, no hardship");
	/* I = 990.00 = 1.5 x S.n: not edge. */
	h.member[0].hukou_local = h.member[1].hukou_local = true;
	h.member[0].income = 99000;
	fx_run(&f, rule_edu_hardship, &h);
	CHECK_STR(why(fx_find(&f, "edu_hardship", KID)), "not_hardship",
		  "rules.md Common definitions (edge): I = 1.5 x S.n is not edge");
	free(h.member);
	fx_free(&f);
}

/* rules.md edu_vocational: district hukou, rural or urban dibao; the dibao
 * household on D (the project owner's decision). */
static void vocational(void)
{
	struct fixture f;
	const struct fx_decision *d;

	/* The database holds grants, none of this household's; I = 100.00 <
	 * 660.00: dibao on D: 1500.00 (before the fix: urban_not_dibao). */
	fx_init(&f, "2007-10-01");
	fx_grant(&f, "dibao/household/OTHER", "2007-08-01", "", 10000);
	struct household h = student("vocational_high", 10000);
	fx_run(&f, rule_edu_vocational, &h);
	d = fx_find(&f, "edu_vocational", KID);
	CHECK(d && d->eligible && d->amount == 150000 && strcmp(d->reason, "urban_dibao_household") == 0,
	      "rules.md edu_vocational: urban dibao household (found eligible on D): 1500.00");
	h.member[0].income = 70000;
	fx_run(&f, rule_edu_vocational, &h);
	CHECK_STR(why(fx_find(&f, "edu_vocational", KID)), "urban_not_dibao",
		  "rules.md edu_vocational: urban, edge: not dibao");
	strcpy(h.member[0].hukou_type, "rural");
	fx_run(&f, rule_edu_vocational, &h);
	CHECK_STR(why(fx_find(&f, "edu_vocational", KID)), "rural_household",
		  "rules.md edu_vocational: a rural household");
	h.member[1].hukou_local = false;
	fx_run(&f, rule_edu_vocational, &h);
	CHECK_STR(why(fx_find(&f, "edu_vocational", KID)), "hukou_not_local",
		  "rules.md edu_vocational: the student's hukou not here");
	free(h.member);
	fx_free(&f);
}

/* rules.md edu_disability: a dibao household with a certified member:
 * high school 500.00, university 1000.00. */
static void disability(void)
{
	struct fixture f;
	const struct fx_decision *d;

	fx_init(&f, "2007-10-01");
	struct household h = student("general_high", 10000);
	strcpy(h.member[0].disability, "visual");
	h.member[0].disability_grade = 3;
	h.member[0].disability_cert = true;
	fx_run(&f, rule_edu_disability, &h);
	d = fx_find(&f, "edu_disability", KID);
	CHECK(d && d->eligible && d->amount == 50000,
	      "rules.md edu_disability: general high school, dibao, a certified member: 500.00");
	strcpy(h.member[1].student_level, "university");
	fx_run(&f, rule_edu_disability, &h);
	d = fx_find(&f, "edu_disability", KID);
	CHECK(d && d->eligible && d->amount == 100000, "rules.md edu_disability: university: 1000.00");
	h.member[0].disability_cert = false;
	fx_run(&f, rule_edu_disability, &h);
	CHECK_STR(why(fx_find(&f, "edu_disability", KID)), "no_certified_member",
		  "rules.md edu_disability: no certificate in the household");
	h.member[0].disability_cert = true;
	h.member[0].income = 70000;
	fx_run(&f, rule_edu_disability, &h);
	CHECK_STR(why(fx_find(&f, "edu_disability", KID)), "not_dibao",
		  "rules.md edu_disability: an edge household is not dibao");
	free(h.member);
	fx_free(&f);
}

int main(void)
{
	hardship();
	vocational();
	disability();
	UNIT_END();
}
