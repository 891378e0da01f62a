/*
 * The enrol record kinds (see kind.h).  The JSON Schemas in schemas/ say the
 * same; tests/unit/test_schema.c holds the two in agreement.
 */
#include "io/kind.h"

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
static const char *const programmes[] = {"temporary", "employment_startup",
					 "employment_retraining", "legal_aid",
					 "enforcement_relief", "home_care", NULL};
static const char *const reasons[] = {"medical", "education", "heating", "emergency", "other", NULL};
static const char *const case_types[] = {"work_injury", "traffic_injury", "domestic_violence",
					 "other", NULL};
static const char *const institution_types[] = {"community", "hospital", NULL};

#define REQ F_REQUIRED
#define YESNO(name) {name, FT_YESNO, 0, NULL, "no"}
#define NFIELDS(a) ((int)(sizeof a / sizeof a[0]))

static const struct field person_fields[] = {
	{"national_id", FT_ID, REQ | F_KEY, NULL, NULL},
	{"name", FT_TEXT, REQ, NULL, NULL},
	{"household_id", FT_TEXT, REQ | F_SHORT, NULL, NULL},
	{"relation", FT_CODE, 0, relations, "other"},
	{"street", FT_TEXT, REQ, NULL, NULL},
	{"community", FT_TEXT, 0, NULL, NULL},
	{"hukou_type", FT_CODE, REQ, hukou_types, NULL},
	{"hukou_local", FT_YESNO, 0, NULL, "yes"},
	{"residence_since", FT_DATE, 0, NULL, NULL},
	{"sex", FT_CODE, F_DERIVED, sexes, NULL},
	{"birth_date", FT_DATE, F_DERIVED, NULL, NULL},
	{"employment", FT_CODE, REQ, employments, NULL},
	{"able_to_work", FT_YESNO, 0, NULL, NULL},
	{"monthly_income", FT_MONEY, 0, NULL, "0"},
	{"insurance", FT_CODE, 0, insurances, "none"},
	{"disability", FT_CODE, 0, disabilities, "none"},
	{"disability_grade", FT_GRADE, 0, NULL, NULL},
	YESNO("disability_cert"),
	{"illness", FT_CODE, 0, illnesses, "none"},
	YESNO("cerebral_palsy"),
	YESNO("rehab_training"),
	{"student_level", FT_CODE, 0, student_levels, "none"},
	YESNO("wubao"),
	{"released_on", FT_DATE, 0, NULL, NULL},
	YESNO("hukou_pending"),
	YESNO("enterprise_hardship"),
	YESNO("one_child_hardship"),
	YESNO("troop"),
	YESNO("returned_overseas"),
	{"self_care", FT_CODE, 0, self_cares, "full"},
	YESNO("housing_need"),
	YESNO("dilapidated_house"),
	{"effective", FT_DATE, 0, NULL, NULL},
};

enum {
	P_ID, P_NAME, P_HOUSEHOLD, P_RELATION, P_STREET, P_COMMUNITY, P_HUKOU, P_LOCAL,
	P_RESIDENCE, P_SEX, P_BIRTH, P_EMPLOYMENT, P_ABLE, P_INCOME, P_INSURANCE,
	P_DISABILITY, P_GRADE, P_CERT, P_ILLNESS, P_PALSY, P_REHAB, P_STUDENT, P_WUBAO,
	P_RELEASED, P_PENDING, P_ENTERPRISE, P_ONECHILD, P_TROOP, P_OVERSEAS, P_SELFCARE,
	P_HOUSING, P_DILAPIDATED, P_EFFECTIVE,
};

static void check_person(struct kind_env *env, struct value *v, struct problems *p)
{
	char date[DATE_TEXT];

	if (!v[P_ID].given || p->count)
		return; /* the ID is needed below; its problem is already said */
	jz_date birth = idn_birth(v[P_ID].s);
	char sex = idn_sex(v[P_ID].s);
	date_format(birth, date);
	if (v[P_SEX].given && v[P_SEX].s[0] != sex)
		problem(p, "sex", "is %s but the ID says %c", v[P_SEX].s, sex);
	if (v[P_BIRTH].given && v[P_BIRTH].i != birth)
		problem(p, "birth_date", "is %s but the ID says %s", v[P_BIRTH].s, date);
	bool disabled = v[P_DISABILITY].given && strcmp(v[P_DISABILITY].s, "none") != 0;
	if (disabled && !v[P_GRADE].given)
		problem(p, "disability_grade", "is required when disability is %s; expected 1-4",
			v[P_DISABILITY].s);
	if (!disabled && v[P_GRADE].given)
		problem(p, "disability_grade", "is given but disability is none");
	if (!v[P_EFFECTIVE].given) {
		v[P_EFFECTIVE].given = true;
		v[P_EFFECTIVE].i = env->as_of;
		date_format(env->as_of, v[P_EFFECTIVE].buf);
		v[P_EFFECTIVE].s = v[P_EFFECTIVE].buf;
	}
	if (v[P_EFFECTIVE].i < birth)
		problem(p, "effective", "%s is before the birth date %s", v[P_EFFECTIVE].s, date);
	/* Derived columns, so that the record as stored and printed has them. */
	v[P_SEX].given = v[P_BIRTH].given = true;
	v[P_SEX].s = sex == 'm' ? "m" : "f";
	memcpy(v[P_BIRTH].buf, date, sizeof date);
	v[P_BIRTH].s = v[P_BIRTH].buf;
	v[P_BIRTH].i = birth;
}

static const struct field application_fields[] = {
	{"application_id", FT_TEXT, REQ | F_KEY | F_SHORT, NULL, NULL},
	{"national_id", FT_ID, REQ, NULL, NULL},
	{"programme", FT_CODE, REQ, programmes, NULL},
	{"received_on", FT_DATE, REQ, NULL, NULL},
	{"street", FT_TEXT, REQ, NULL, NULL},
	{"reason", FT_CODE, 0, reasons, NULL},
	{"case_type", FT_CODE, 0, case_types, NULL},
	{"respondent_unable", FT_YESNO, 0, NULL, NULL},
	{"requested", FT_MONEY, 0, NULL, NULL},
};

enum { A_ID, A_NATIONAL_ID, A_PROGRAMME, A_RECEIVED, A_STREET, A_REASON, A_CASE, A_UNABLE,
       A_REQUESTED };

/* Does the query (prepared once into *st) find key? */
static bool kind_known(struct kind_env *env, db_stmt **st, const char *sql, const char *key)
{
	if (!*st)
		*st = db_prepare(env->db, sql);
	db_bind_text(*st, 1, key);
	bool found = db_step(env->db, *st) == DB_ROW;
	db_reset(*st);
	return found;
}

void kind_env_free(struct kind_env *env)
{
	db_finalize(env->person_known);
	db_finalize(env->household_known);
	db_finalize(env->designated);
	db_finalize(env->street_known);
	db_finalize(env->member);
	db_finalize(env->applicant);
	env->person_known = env->household_known = env->designated = NULL;
	env->street_known = env->member = env->applicant = NULL;
}

static bool is(const struct value *v, const char *code)
{
	return v->given && strcmp(v->s, code) == 0;
}

static void check_application(struct kind_env *env, struct value *v, struct problems *p)
{
	const struct value *prog = &v[A_PROGRAMME];
	bool temporary = is(prog, "temporary");
	bool costed = temporary || is(prog, "home_care") || is(prog, "employment_retraining");
	static const struct { int col; const char *programme; } only[] = {
		{A_REASON, "temporary"}, {A_CASE, "legal_aid"}, {A_UNABLE, "enforcement_relief"},
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
	if (costed && !v[A_REQUESTED].given)
		problem(p, "requested", "is required for programme %s (the amount asked or the cost)",
			prog->s);
	if (!costed && v[A_REQUESTED].given)
		problem(p, "requested", "applies only to temporary, home_care and "
			"employment_retraining, not %s", prog->s);
	if (v[A_NATIONAL_ID].given && !kind_known(env, &env->person_known,
		"SELECT 1 FROM person WHERE national_id = ?1 LIMIT 1", v[A_NATIONAL_ID].s))
		problem(p, "national_id", "the applicant is not enrolled; enrol the person first");
}

static const struct field institution_fields[] = {
	{"code", FT_TEXT, REQ | F_KEY | F_SHORT, NULL, NULL},
	{"name", FT_TEXT, REQ, NULL, NULL},
	{"type", FT_CODE, REQ, institution_types, NULL},
	{"designated_from", FT_DATE, 0, NULL, NULL},
	{"designated_to", FT_DATE, 0, NULL, NULL},
};

static void check_institution(struct kind_env *env, struct value *v, struct problems *p)
{
	if (!v[3].given) {
		if (is(&v[2], "hospital")) {
			problem(p, "designated_from", "is required for a hospital");
			return;
		}
		/* A community health service centre is designated from its first
		 * enrolment: enrolling it again keeps that date. */
		if (!env->designated)
			env->designated = db_prepare(env->db, "SELECT designated_from FROM institution "
						     "WHERE code = ?1 ORDER BY entry DESC LIMIT 1");
		db_bind_text(env->designated, 1, v[0].s);
		char err[80];
		if (db_step(env->db, env->designated) != DB_ROW ||
		    !date_parse(db_text(env->designated, 0), &v[3].i, err, sizeof err))
			v[3].i = env->as_of;
		db_reset(env->designated);
		v[3].given = true;
		date_format(v[3].i, v[3].buf);
		v[3].s = v[3].buf;
	}
	if (v[4].given && v[4].i < v[3].i)
		problem(p, "designated_to", "%s is before designated_from %s", v[4].s, v[3].s);
}

static const struct field survey_fields[] = {
	{"household_id", FT_TEXT, REQ | F_KEY | F_SHORT, NULL, NULL},
	{"month", FT_MONTH, REQ | F_KEY, NULL, NULL},
	{"income", FT_MONEY, REQ, NULL, NULL},
	{"expense", FT_MONEY, REQ, NULL, NULL},
	{"note", FT_TEXT, 0, NULL, NULL},
};

static void check_survey(struct kind_env *env, struct value *v, struct problems *p)
{
	if (v[0].given && !kind_known(env, &env->household_known,
		"SELECT 1 FROM person WHERE household_id = ?1 LIMIT 1", v[0].s))
		problem(p, "household_id", "no household %s is enrolled", v[0].s);
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

static const struct field decision_fields[] = {
	{"decision_id", FT_TEXT, REQ | F_KEY, NULL, NULL},
	{"as_of", FT_DATE, REQ, NULL, NULL},
	{"programme", FT_CODE, REQ, decision_programmes, NULL},
	{"unit", FT_CODE, REQ, units, NULL},
	{"household_id", FT_TEXT, REQ | F_SHORT, NULL, NULL},
	{"national_id", FT_ID, 0, NULL, NULL},
	{"application_id", FT_TEXT, F_SHORT, NULL, NULL},
	{"eligible", FT_YESNO, REQ, NULL, NULL},
	{"amount", FT_MONEY, REQ, NULL, NULL},
	{"period", FT_CODE, REQ, periods, NULL},
	{"reason", FT_TEXT, REQ | F_SHORT, NULL, NULL},
	{"policy", FT_TEXT, F_SHORT, NULL, NULL},
	{"trace", FT_TEXT, 0, NULL, NULL},
};

static bool member_of(struct kind_env *env, const char *national_id, const char *household_id)
{
	if (!env->member)
		env->member = db_prepare(env->db, "SELECT 1 FROM person WHERE national_id = ?1 "
					 "AND household_id = ?2 LIMIT 1");
	db_bind_text(env->member, 1, national_id);
	db_bind_text(env->member, 2, household_id);
	bool found = db_step(env->db, env->member) == DB_ROW;
	db_reset(env->member);
	return found;
}

static void check_decision(struct kind_env *env, struct value *v, struct problems *p)
{
	enum { D_UNIT = 3, D_HOUSEHOLD, D_NATIONAL, D_APPLICATION };

	if (is(&v[D_UNIT], "person") && !v[D_NATIONAL].given)
		problem(p, "national_id", "is required for a decision of unit person");
	if (is(&v[D_UNIT], "application") && !v[D_APPLICATION].given)
		problem(p, "application_id", "is required for a decision of unit application");
	if (p->count)
		return;
	if (!kind_known(env, &env->household_known,
			"SELECT 1 FROM person WHERE household_id = ?1 LIMIT 1", v[D_HOUSEHOLD].s)) {
		problem(p, "household_id", "no household %s is enrolled", v[D_HOUSEHOLD].s);
		return;
	}
	/* The person, and the application's applicant, of that household (in
	 * some version: a decision may be of a date before a move). */
	if (v[D_NATIONAL].given && !member_of(env, v[D_NATIONAL].s, v[D_HOUSEHOLD].s))
		problem(p, "national_id", "%s", kind_known(env, &env->person_known,
			"SELECT 1 FROM person WHERE national_id = ?1 LIMIT 1", v[D_NATIONAL].s)
			? "the person was never a member of that household" : "the person is not enrolled");
	if (v[D_APPLICATION].given) {
		if (!env->applicant)
			env->applicant = db_prepare(env->db, "SELECT national_id FROM application "
						    "WHERE application_id = ?1");
		db_bind_text(env->applicant, 1, v[D_APPLICATION].s);
		if (db_step(env->db, env->applicant) != DB_ROW)
			problem(p, "application_id", "no application %s is enrolled", v[D_APPLICATION].s);
		else if (v[D_NATIONAL].given && strcmp(db_text(env->applicant, 0),
						       v[D_NATIONAL].s) != 0)
			problem(p, "application_id", "is not the application of national_id");
		db_reset(env->applicant);
	}
}

/* funding: grant --kind funding's input. */
static const char *const funding_sources[] = {"budget", "lottery", "donation", "finance_match",
					      NULL};

static const struct field funding_fields[] = {
	{"account", FT_TEXT, REQ | F_SHORT, NULL, NULL},
	{"date", FT_DATE, REQ, NULL, NULL},
	{"amount", FT_MONEY, REQ, NULL, NULL},
	{"source", FT_CODE, REQ, funding_sources, NULL},
	{"note", FT_TEXT, 0, NULL, NULL},
};

static void check_funding(struct kind_env *env, struct value *v, struct problems *p)
{
	static const char *const accounts[] = {"district", "budget", "major_disease", "donations"};
	const char *a = v[0].s;
	bool known = false;

	for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
		known |= strcmp(a, accounts[i]) == 0;
	if (strncmp(a, "street:", 7) == 0) {
		if (!a[7])
			problem(p, "account", "street: needs the street's name, as in street:%s", "三里屯");
		else if (!kind_known(env, &env->street_known,
				     "SELECT 1 FROM person WHERE street = ?1 UNION ALL "
				     "SELECT 1 FROM application WHERE street = ?1 LIMIT 1", a + 7))
			problem(p, "account", "no person or application is enrolled in street %s", a + 7);
	} else if (!known) {
		problem(p, "account", "unknown account %s; expected district, budget, major_disease, "
			"donations or street:<name>", a);
	}
	if (v[2].given && v[2].i <= 0)
		problem(p, "amount", "must be more than 0.00");
}

/* claim: settle's input, from each designated institution. */
static const char *const visit_types[] = {"outpatient", "inpatient", NULL};

static const struct field claim_fields[] = {
	{"claim_id", FT_TEXT, REQ | F_KEY | F_SHORT, NULL, NULL},
	{"institution", FT_TEXT, REQ | F_KEY | F_SHORT, NULL, NULL},
	{"national_id", FT_ID, REQ, NULL, NULL},
	{"visit_date", FT_DATE, REQ, NULL, NULL},
	{"visit_type", FT_CODE, REQ, visit_types, NULL},
	YESNO("referral"),
	{"total", FT_MONEY, REQ, NULL, NULL},
	{"insurance_paid", FT_MONEY, 0, NULL, "0"},
	{"advance", FT_MONEY, REQ, NULL, NULL},
	{"corrects", FT_TEXT, F_SHORT, NULL, NULL},
};

static void check_claim(struct kind_env *env, struct value *v, struct problems *p)
{
	(void)env;
	if (v[7].i > v[6].i)
		problem(p, "insurance_paid", "%s is more than total %s", v[7].s, v[6].s);
	if (v[9].given && strcmp(v[9].s, v[0].s) == 0)
		problem(p, "corrects", "a claim cannot correct itself");
}

const struct kind kind_person = {"person", person_fields, NFIELDS(person_fields), true, false,
				 check_person};
const struct kind kind_application = {"application", application_fields,
				      NFIELDS(application_fields), false, true, check_application};
const struct kind kind_institution = {"institution", institution_fields,
				      NFIELDS(institution_fields), false, false, check_institution};
const struct kind kind_survey = {"survey", survey_fields, NFIELDS(survey_fields), false, false,
				 check_survey};

const struct kind kind_decision = {"decision", decision_fields, NFIELDS(decision_fields), false,
				   false, check_decision};
const struct kind kind_funding = {"funding", funding_fields, NFIELDS(funding_fields), false, false,
				  check_funding};

const struct kind kind_claim = {"claim", claim_fields, NFIELDS(claim_fields), false, true,
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
	const struct kind *all[] = {&kind_person, &kind_application, &kind_institution, &kind_survey};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

int kind_column(const struct kind *k, const char *name)
{
	return field_find(k->fields, k->nfields, name);
}
