/* Unit tests of the rule layer's pure helpers: working groups (四), month
 * arithmetic for the released-prisoner year. */
#include "unit.h"

#include "rules/rule.h"

static jz_date day(const char *s)
{
	jz_date d = 0;
	char err[100];
	date_parse(s, &d, err, sizeof err);
	return d;
}

int main(void)
{
	static const char *const expect[][2] = {
		{"dibao", "basic_living"}, {"zero_employment", "basic_living"},
		{"employment_startup", "basic_living"}, {"employment_assistant", "basic_living"},
		{"lowrent_housing", "basic_living"}, {"rural_house_repair", "basic_living"},
		{"temporary", "basic_living"}, {"festival", "basic_living"},
		{"edu_hardship", "education"}, {"edu_vocational", "education"},
		{"edu_disability", "education"}, {"medical", "medical"},
		{"premium_subsidy", "medical"}, {"rehab_card", "medical"},
		{"legal_aid", "legal_aid"}, {"enforcement_relief", "legal_aid"},
		{"home_care", "mutual_aid"},
	};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
		CHECK_STR(rule_group(expect[i][0]), expect[i][1], "四: %s is led by the %s group",
			  expect[i][0], expect[i][1]);
	CHECK(rule_group("nosuch") == NULL, "an unknown programme has no group");
	CHECK(rule_group("dibao_x") == NULL, "a code is matched whole, not by its start");
	for (int i = 0; i < rule_nprogrammes; i++)
		CHECK(rule_group(rule_programmes[i].code) != NULL, "四: programme %s has a group",
		      rule_programmes[i].code);
	for (const char *const *p = rule_application_programmes; *p; p++)
		CHECK(rule_group(*p) != NULL, "四: programme %s has a group", *p);

	/* 三(一)1 c: released 2007-03-15, 12 months run to 2008-03-14. */
	CHECK(date_add_months(day("2007-03-15"), 12) == day("2008-03-15"), "12 months after 2007-03-15 is 2008-03-15");
	CHECK(date_add_months(day("2008-01-31"), 1) == day("2008-02-29"), "a month after 2008-01-31 is 2008-02-29");
	CHECK(date_add_months(day("2008-03-15"), -12) == day("2007-03-15"), "a year before 2008-03-15 is 2007-03-15");
	UNIT_END();
}
