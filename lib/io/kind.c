/*
 * The enrol record kinds (see kind.h).  The JSON Schemas in schemas/ say the
 * same; tests/unit/test_schema.c holds the two in agreement.
 */
#include "io/kind.h"

#include <assert.h>
#include <string.h>

#include "core/idn.h"

static const char *const relations[] = {"head", "spouse", "child", "parent", "sibling",
					"grandchild", "other", NULL};
static const char *const hukou_types[] = {"urban", "rural", NULL};
static const char *const sexes[] = {"m", "f", NULL};
static const char *const employments[] = {"employed", "unemployed", "retired", "student",
					  "child", "unable", NULL};
static const char *const insurances[] = {"none", "resident", "rural_coop", "employee", NULL};
static const char *const disabilities[] = {"none", "physical", "intellectual", "visual",
					   "hearing", "speech", "mental", "multiple", NULL};
static const char *const illnesses[] = {"none", "aids", "serious", "chronic", NULL};
static const char *const student_levels[] = {"none", "preschool", "compulsory", "general_high",
					     "vocational_high", "university", NULL};
static const char *const self_cares[] = {"full", "semi", "none", NULL};
static const char *const statuses[] = {"active", "deceased", "moved_out", NULL};
static const char *const programmes[] = {"temporary", "employment_startup",
					 "employment_retraining", "legal_aid",
					 "enforcement_relief", "home_care", NULL};
static const char *const reasons[] = {"medical", "education", "heating", "emergency", "other", NULL};
static const char *const case_types[] = {"work_injury", "traffic_injury", "domestic_violence",
					 "other", NULL};
static const char *const institution_types[] = {"community", "hospital", NULL};
const char *const kind_bureaus[] = {"health", "labour", "civil_affairs", "finance", NULL};

#define KIND_FIELD(index, name, type, flags, codes, deflt) {name, type, flags, codes, deflt},

static const struct field person_fields[] = {PERSON_COLUMNS(KIND_FIELD)};

static void check_person(struct kind_env *env, struct value *v, struct problems *p)
{
	struct value *sex_v = &v[PERSON_SEX], *birth_v = &v[PERSON_BIRTH_DATE];
	struct value *eff = &v[PERSON_EFFECTIVE];
	char date[DATE_TEXT];

	if (!v[PERSON_NATIONAL_ID].given || p->count)
		return; /* the ID is needed below; its problem is already said */
	jz_date birth = idn_birth(v[PERSON_NATIONAL_ID].s);
	char sex = idn_sex(v[PERSON_NATIONAL_ID].s);
	date_format(birth, date);
	if (sex_v->given && sex_v->s[0] != sex)
		problem(p, "sex", "is %s but the ID says %c", sex_v->s, sex);
	if (birth_v->given && birth_v->i != birth)
		problem(p, "birth_date", "is %s but the ID says %s", birth_v->s, date);
	const struct value *disability = &v[PERSON_DISABILITY];
	bool disabled = disability->given && strcmp(disability->s, "none") != 0;
	if (disabled && !v[PERSON_DISABILITY_GRADE].given)
		problem(p, "disability_grade", "is required when disability is %s; expected 1-4",
			disability->s);
	if (!disabled && v[PERSON_DISABILITY_GRADE].given)
		problem(p, "disability_grade", "is given but disability is none");
	if (!eff->given) {
		eff->given = true;
		eff->i = env->as_of;
		date_format(env->as_of, eff->buf);
		eff->s = eff->buf;
	}
	if (eff->i < birth)
		problem(p, "effective", "%s is before the birth date %s", eff->s, date);
	/* Derived columns, so that the record as stored and printed has them. */
	sex_v->given = birth_v->given = true;
	sex_v->s = sex == 'm' ? "m" : "f";
	memcpy(birth_v->buf, date, sizeof date);
	birth_v->s = birth_v->buf;
	birth_v->i = birth;
}

/* A change: the person's columns, none defaulted and none required but
 * the key and the date; enrol fills the rest from the version in force. */
#define CHANGE_FIELD(index, name, type, flags, codes, deflt) \
	{name, type, ((flags) & ~F_REQUIRED) | \
	 ((index) == PERSON_NATIONAL_ID || (index) == PERSON_EFFECTIVE ? F_REQUIRED : 0), codes, NULL},

static const struct field change_fields[] = {PERSON_COLUMNS(CHANGE_FIELD)};

/* Nothing to check across columns yet: the person the change makes is
 * checked as a person (enrol.c). */
static void check_change(struct kind_env *env, struct value *v, struct problems *p)
{
	(void)env;
	(void)v;
	(void)p;
}

static const struct field application_fields[] = {APPLICATION_COLUMNS(KIND_FIELD)};

/* Is what there for key (and key2)?  found, when not NULL, gets its text. */
static bool kind_known(struct kind_env *env, enum kind_lookup what, const char *key,
		       const char *key2, char *found, size_t len)
{
	assert(env->lookup); /* every kind that asks is read with store/lookup.h */
	return env->lookup(env->ctx, what, key, key2, found, len);
}

static bool is(const struct value *v, const char *code)
{
	return v->given && strcmp(v->s, code) == 0;
}

static void check_application(struct kind_env *env, struct value *v, struct problems *p)
{
	const struct value *prog = &v[APPLICATION_PROGRAMME];
	const struct value *id = &v[APPLICATION_NATIONAL_ID];
	bool temporary = is(prog, "temporary");
	bool costed = temporary || is(prog, "home_care") || is(prog, "employment_retraining");
	static const struct { int col; const char *programme; } only[] = {
		{APPLICATION_REASON, "temporary"}, {APPLICATION_CASE_TYPE, "legal_aid"},
		{APPLICATION_RESPONDENT_UNABLE, "enforcement_relief"},
	};

	if (!prog->given)
		return;
	for (size_t i = 0; i < sizeof only / sizeof only[0]; i++) {
		const char *col = application_fields[only[i].col].name;
		bool mine = is(prog, only[i].programme);
		if (mine && !v[only[i].col].given)
			problem(p, col, "is required for programme %s", prog->s);
		if (!mine && v[only[i].col].given)
			problem(p, col, "applies only to programme %s, not %s", only[i].programme, prog->s);
	}
	if (costed && !v[APPLICATION_REQUESTED].given)
		problem(p, "requested", "is required for programme %s (the amount asked or the cost)",
			prog->s);
	if (!costed && v[APPLICATION_REQUESTED].given)
		problem(p, "requested", "applies only to temporary, home_care and "
			"employment_retraining, not %s", prog->s);
	if (id->given && !kind_known(env, LOOKUP_PERSON, id->s, NULL, NULL, 0))
		problem(p, "national_id", "the applicant is not enrolled; enrol the person first");
}

static const struct field institution_fields[] = {INSTITUTION_COLUMNS(KIND_FIELD)};

static void check_institution(struct kind_env *env, struct value *v, struct problems *p)
{
	struct value *from = &v[INSTITUTION_DESIGNATED_FROM], *to = &v[INSTITUTION_DESIGNATED_TO];

	if (!from->given) {
		if (is(&v[INSTITUTION_TYPE], "hospital")) {
			problem(p, "designated_from", "is required for a hospital");
			return;
		}
		/* A community health service centre is designated from its first
		 * enrolment: enrolling it again keeps that date. */
		char stored[64], err[80];
		if (!kind_known(env, LOOKUP_DESIGNATED, v[INSTITUTION_CODE].s, NULL, stored,
				sizeof stored) ||
		    !date_parse(stored, &from->i, err, sizeof err))
			from->i = env->as_of;
		from->given = true;
		date_format(from->i, from->buf);
		from->s = from->buf;
	}
	if (to->given && to->i < from->i)
		problem(p, "designated_to", "%s is before designated_from %s", to->s, from->s);
}

static const struct field survey_fields[] = {SURVEY_COLUMNS(KIND_FIELD)};

static void check_survey(struct kind_env *env, struct value *v, struct problems *p)
{
	const struct value *hh = &v[SURVEY_HOUSEHOLD_ID];

	if (hh->given && !kind_known(env, LOOKUP_HOUSEHOLD, hh->s, NULL, NULL, 0))
		problem(p, "household_id", "no household %s is enrolled", hh->s);
}

static const struct field staff_fields[] = {STAFF_COLUMNS(KIND_FIELD)};

/* The login is the OS user's name (journal_user()): one word, no blank
 * that a spreadsheet may have added around it. */
static void check_staff(struct kind_env *env, struct value *v, struct problems *p)
{
	const struct value *user = &v[STAFF_USER], *from = &v[STAFF_FROM], *to = &v[STAFF_TO];

	(void)env;
	if (strpbrk(user->s, " \t\r\n\v\f:/"))
		problem(p, "user", "'%s' is not a login: the OS user's name (id -un), without "
			"blanks, ':' or '/'", user->s);
	if (to->given && to->i < from->i)
		problem(p, "to", "%s is before from %s; to is the last day as staff", to->s, from->s);
}

/* decision: assess's output, grant's input. */
static const char *const decision_programmes[] = {
	"dibao", "zero_employment", "employment_training", "employment_assistant",
	"employment_incentive", "employment_insurance", "lowrent_housing", "rural_house_repair",
	"festival", "edu_hardship", "edu_vocational", "edu_disability", "medical",
	"premium_subsidy", "rehab_card", "temporary", "employment_startup",
	"employment_retraining", "legal_aid", "enforcement_relief", "home_care", NULL};
static const char *const units[] = {"household", "person", "application", NULL};
static const char *const periods[] = {"month", "year", "once", NULL};

static const struct field decision_fields[] = {DECISION_COLUMNS(KIND_FIELD)};

static void check_decision(struct kind_env *env, struct value *v, struct problems *p)
{
	const struct value *unit = &v[DECISION_UNIT], *hh = &v[DECISION_HOUSEHOLD_ID];
	const struct value *id = &v[DECISION_NATIONAL_ID], *app = &v[DECISION_APPLICATION_ID];

	if (is(unit, "person") && !id->given)
		problem(p, "national_id", "is required for a decision of unit person");
	if (is(unit, "application") && !app->given)
		problem(p, "application_id", "is required for a decision of unit application");
	if (p->count)
		return;
	if (!kind_known(env, LOOKUP_HOUSEHOLD, hh->s, NULL, NULL, 0)) {
		problem(p, "household_id", "no household %s is enrolled", hh->s);
		return;
	}
	/* The person, and the application's applicant, of that household (in
	 * some version: a decision may be of a date before a move). */
	if (id->given && !kind_known(env, LOOKUP_MEMBER, id->s, hh->s, NULL, 0))
		problem(p, "national_id", "%s", kind_known(env, LOOKUP_PERSON, id->s, NULL, NULL, 0)
			? "the person was never a member of that household" : "the person is not enrolled");
	if (app->given) {
		char applicant[64];
		if (!kind_known(env, LOOKUP_APPLICANT, app->s, NULL, applicant, sizeof applicant))
			problem(p, "application_id", "no application %s is enrolled", app->s);
		else if (id->given && strcmp(applicant, id->s) != 0)
			problem(p, "application_id", "is not the application of national_id");
	}
}

/* funding: grant --kind funding's input. */
static const char *const funding_sources[] = {"budget", "lottery", "donation", "finance_match",
					      NULL};

static const struct field funding_fields[] = {FUNDING_COLUMNS(KIND_FIELD)};

static void check_funding(struct kind_env *env, struct value *v, struct problems *p)
{
	static const char *const accounts[] = {"district", "budget", "major_disease", "donations"};
	const char *a = v[FUNDING_ACCOUNT].s;
	bool known = false;

	for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
		known |= strcmp(a, accounts[i]) == 0;
	if (strncmp(a, "street:", 7) == 0) {
		if (!a[7])
			problem(p, "account", "street: needs the street's name, as in street:%s", "三里屯");
		else if (!kind_known(env, LOOKUP_STREET, a + 7, NULL, NULL, 0))
			problem(p, "account", "no person or application is enrolled in street %s", a + 7);
	} else if (!known) {
		problem(p, "account", "unknown account %s; expected district, budget, major_disease, "
			"donations or street:<name>", a);
	}
	if (v[FUNDING_AMOUNT].given && v[FUNDING_AMOUNT].i <= 0)
		problem(p, "amount", "must be more than 0.00");
}

/* claim: settle's input, from each designated institution. */
static const char *const visit_types[] = {"outpatient", "inpatient", NULL};

static const struct field claim_fields[] = {CLAIM_COLUMNS(KIND_FIELD)};

static void check_claim(struct kind_env *env, struct value *v, struct problems *p)
{
	const struct value *total = &v[CLAIM_TOTAL], *paid = &v[CLAIM_INSURANCE_PAID];
	const struct value *corrects = &v[CLAIM_CORRECTS];

	(void)env;
	if (paid->i > total->i)
		problem(p, "insurance_paid", "%s is more than total %s", paid->s, total->s);
	if (corrects->given && strcmp(corrects->s, v[CLAIM_CLAIM_ID].s) == 0)
		problem(p, "corrects", "a claim cannot correct itself");
}

const struct kind kind_person = {"person", person_fields, PERSON_NCOLUMNS, true, false,
				 check_person};
const struct kind kind_change = {"change", change_fields, PERSON_NCOLUMNS, true, false,
				 check_change};
const struct kind kind_application = {"application", application_fields,
				      APPLICATION_NCOLUMNS, false, true, check_application};
const struct kind kind_institution = {"institution", institution_fields,
				      INSTITUTION_NCOLUMNS, false, false, check_institution};
const struct kind kind_survey = {"survey", survey_fields, SURVEY_NCOLUMNS, false, false,
				 check_survey};

const struct kind kind_staff = {"staff", staff_fields, STAFF_NCOLUMNS, false, false,
				check_staff};

const struct kind kind_decision = {"decision", decision_fields, DECISION_NCOLUMNS, false,
				   false, check_decision};
const struct kind kind_funding = {"funding", funding_fields, FUNDING_NCOLUMNS, false, false,
				  check_funding};

const struct kind kind_claim = {"claim", claim_fields, CLAIM_NCOLUMNS, false, true,
				check_claim};

bool kind_parse(const struct kind *k, struct kind_env *env, char *const *cells, struct value *v,
		struct problems *p)
{
	for (int i = 0; i < k->nfields; i++)
		field_parse(&k->fields[i], cells[i], env->today, &v[i], p);
	if (!p->count)
		k->check(env, v, p);
	return p->count == 0;
}

const struct kind *kind_find(const char *name)
{
	const struct kind *all[] = {&kind_person, &kind_change, &kind_application,
				    &kind_institution, &kind_survey, &kind_staff};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

int kind_column(const struct kind *k, const char *name)
{
	return field_find(k->fields, k->nfields, name);
}
