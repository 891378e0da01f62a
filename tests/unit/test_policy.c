/* Unit tests of policy files (policy.md): validation and dated lookup. */
#include "unit.h"

#include "core/money.h"
#include "core/policy.h"

static jz_date day(const char *s)
{
	jz_date d = 0;
	char err[100];
	date_parse(s, &d, err, sizeof err);
	return d;
}

static bool parses(const char *json)
{
	struct policy p;
	bool ok = policy_parse(&p, "test.json", json, strlen(json));
	policy_free(&p);
	return ok;
}

#define WRAP(params) "{\"id\": \"t\", \"parameters\": {" params "}}"

int main(void)
{
	struct policy p;

	CHECK(policy_parse(&p, "default", (const char *)policy_default_bytes, policy_default_len),
	      "policy.md: the default policy is valid");
	for (int k = 0; k < policy_nparams; k++)
		CHECK(p.nvalues[k] > 0, "policy.md: the default policy has %s", policy_params[k].name);
	const struct pvalue *v = policy_get(&p, "dibao.standard.urban", day("2008-07-01"));
	CHECK(v && v->i == 39000, "policy.md: the urban standard is 390.00 from 2008-07-01");
	v = policy_get(&p, "dibao.standard.urban", day("2008-06-30"));
	CHECK(v && v->i == 33000 && v->assumed, "policy.md: 330.00 (assumed start) the day before");
	v = policy_get(&p, "medical.outpatient.aid_rate", day("2007-07-03"));
	CHECK(v && v->i == 500000 && !v->assumed, "三(三)2: outpatient aid rate 0.50 from the document's date");
	CHECK(policy_get(&p, "medical.outpatient.aid_rate", day("2007-07-02")) == NULL,
	      "policy.md: no value before the first one");
	CHECK(strncmp(p.ref, "chaoyang-2007@", 14) == 0 && strlen(p.ref) == 14 + 12,
	      "policy.md: rows record id@sha256 prefix");
	CHECK(cJSON_GetArraySize(p.institutions) == 7, "三(三)4: the seven designated hospitals");
	policy_free(&p);

	const char *one = WRAP("\"dibao.standard.urban\": [{\"from\": \"2007-07-01\", \"value\": \"330.00\", "
			       "\"source\": \"s\"}, {\"from\": \"2009-01-01\", \"value\": null, \"source\": \"s\"}]");
	CHECK(policy_parse(&p, "one", one, strlen(one)), "a small valid policy parses");
	CHECK(policy_get(&p, "dibao.standard.urban", day("2008-12-31")) != NULL &&
	      policy_get(&p, "dibao.standard.urban", day("2009-01-01")) == NULL,
	      "policy.md: a null value ends the parameter");
	CHECK(policy_get(&p, "dibao.standard.rural", day("2008-01-01")) == NULL,
	      "a parameter the file does not set has no value");
	policy_free(&p);

	CHECK(!parses(WRAP("\"dibao.standard.urbn\": [{\"from\": \"2007-07-01\", \"value\": \"1\", \"source\": \"s\"}]")),
	      "policy.md: an unknown parameter name is an error");
	CHECK(!parses(WRAP("\"dibao.standard.urban\": [{\"form\": \"2007-07-01\", \"value\": \"1\", \"source\": \"s\"}]")),
	      "policy.md: a misspelt key is an error");
	CHECK(!parses(WRAP("\"dibao.standard.urban\": [{\"from\": \"2007-07-01\", \"value\": \"1\", \"source\": \"s\"}], "
			   "\"dibao.standard.urban\": [{\"from\": \"2008-07-01\", \"value\": \"2\", \"source\": \"s\"}]")),
	      "a parameter given twice is an error, not the later one silently (found by fuzzing)");
	CHECK(!parses(WRAP("\"dibao.standard.urban\": [{\"from\": \"2007-07-01\", \"value\": \"1\", "
			   "\"value\": \"2\", \"source\": \"s\"}]")),
	      "a key given twice in a dated value is an error, not the first one silently");
	CHECK(!parses("{\"id\": \"t\", \"id\": \"u\", \"parameters\": {}}"),
	      "a top-level key given twice is an error");
	CHECK(!parses(WRAP("\"dibao.standard.urban\": [{\"from\": \"2007-02-29\", \"value\": \"1\", \"source\": \"s\"}]")),
	      "policy.md: a bad date is an error");
	CHECK(!parses(WRAP("\"dibao.standard.urban\": [{\"from\": \"2007-07-01\", \"value\": \"1.005\", \"source\": \"s\"}]")),
	      "policy.md: a bad money value is an error");
	CHECK(!parses(WRAP("\"dibao.edge_multiplier\": [{\"from\": \"2007-07-01\", \"value\": 1.5, \"source\": \"s\"}]")),
	      "policy.md: a value must be a string");
	CHECK(!parses(WRAP("\"dibao.standard.urban\": [{\"from\": \"2007-07-01\", \"value\": \"1\"}]")),
	      "policy.md: source is required on every value");
	CHECK(!parses(WRAP("\"labour.working_age.male\": [{\"from\": \"2007-07-01\", \"value\": \"60-16\", \"source\": \"s\"}]")),
	      "an upside-down age range is an error");
	CHECK(!parses("{\"id\": \"t\", \"parameters\": {}, \"extra\": 1}"), "policy.md: an unknown top-level key is an error");
	CHECK(!parses("{\"id\": \"t\", \"parameters\": {"), "a truncated file is an error");
	CHECK(parses(WRAP("\"festival.dates\": [{\"from\": \"2007-07-01\", \"value\": [\"2008-02-07\"], \"source\": \"s\"}]")),
	      "a list of festival dates is a value");
	CHECK(!parses(WRAP("\"festival.dates\": [{\"from\": \"2007-07-01\", \"value\": [\"2008-02-30\"], \"source\": \"s\"}]")),
	      "a bad festival date is an error");
	UNIT_END();
}
