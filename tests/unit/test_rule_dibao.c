/*
 * Unit tests of rules/rule_dibao.c (rules.md 1, dibao; seed 三(一)1): the
 * household rule on households built here, with the built-in policy and a
 * fake history, each amount worked by hand in the comment beside it.
 */
#include "rule_fixture.h"

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
	free(h.member);
	fx_free(&f);
}

int main(void)
{
	household_rule();
	UNIT_END();
}
