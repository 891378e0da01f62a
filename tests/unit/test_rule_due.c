/*
 * Unit tests of rules/rule_due.c (lifecycle.md, Corrections reach back):
 * what a monthly grant was due for a month, on the registry as now known,
 * for the unit's household as of the month's first day; on households
 * built here with the built-in policy (urban S 330.00 in 2007; adults of
 * working age carry no coefficient) and a fake history.
 */
#include "rule_fixture.h"

/* lifecycle.md, Corrections reach back: what a month was due, on the
 * registry as now known (rule_due), for the unit's household as of the
 * first of the month.  Head 0.00 and wife 100.00, adults: 2 x 330.00 -
 * 100.00 = 560.00.  The wife moves to E on 2007-10-10: from November D is
 * due 330.00 and E (she alone, 100.00) 230.00; October is still 560.00. */
static void due(void)
{
	struct fixture f;
	struct person head = fx_person("110105197003030016", "1970-03-03", 'm');
	struct person wife = fx_person("110105197204040026", "1972-04-04", 'f');

	fx_init(&f, "2007-10-01");
	strcpy(wife.relation, "spouse");
	wife.income = 10000;
	fx_version(&f, "D", &head);
	fx_version(&f, "D", &wife);
	CHECK(rule_due(&f.c, "dibao", "household", "D") == 56000,
	      "lifecycle.md due: the household's 560.00 on 2007-10-01");
	wife.effective = fx_day("2007-10-10");
	strcpy(wife.relation, "other");
	fx_version(&f, "E", &wife);
	CHECK(rule_due(&f.c, "dibao", "household", "D") == 56000,
	      "lifecycle.md due: a move on 2007-10-10 leaves October's 560.00");
	f.c.on = fx_day("2007-11-01");
	CHECK(rule_due(&f.c, "dibao", "household", "D") == 33000,
	      "lifecycle.md due: November, the head alone: 330.00");
	CHECK(rule_due(&f.c, "dibao", "household", "E") == 23000,
	      "lifecycle.md due: November, the wife's new household: 330.00 - 100.00 = 230.00");
	CHECK(rule_due(&f.c, "dibao", "household", "NONE") == 0,
	      "lifecycle.md due: a household with nobody in it is due nothing");
	CHECK(rule_due(&f.c, "dibao", "person", "110105197003030016") == 0,
	      "lifecycle.md due: no personal dibao for the head: nothing");
	CHECK(f.ngot == 0, "rule_due emits nothing to the caller's sink");
	fx_free(&f);
}

int main(void)
{
	due();
	UNIT_END();
}
