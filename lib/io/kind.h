/*
 * The record kinds that enrol takes in (data.md): their columns, the table
 * each is stored in, how a record is identified there, and the checks that
 * span several columns of one record.
 */
#ifndef JZ_KIND_H
#define JZ_KIND_H

#include <stdbool.h>
#include <stddef.h>

#include "core/field.h"

/*
 * Each kind's columns, declared once, in data.md's order:
 *	X(INDEX, "name", type, flags, codes, default)
 * INDEX is the kind's prefix and the name in capitals (PERSON_NATIONAL_ID),
 * the column's place in the kind's field table and in its parsed values;
 * codes name the lists of kind.c.  kind.c expands each list into the field
 * table, this header into the enum of indexes, so that adding a column
 * moves every index with it.
 */
#define PERSON_COLUMNS(X) \
	X(PERSON_NATIONAL_ID, "national_id", FT_ID, F_REQUIRED | F_KEY, NULL, NULL) \
	X(PERSON_NAME, "name", FT_TEXT, F_REQUIRED, NULL, NULL) \
	X(PERSON_HOUSEHOLD_ID, "household_id", FT_TEXT, F_REQUIRED | F_SHORT, NULL, NULL) \
	X(PERSON_RELATION, "relation", FT_CODE, 0, relations, "other") \
	X(PERSON_STREET, "street", FT_TEXT, F_REQUIRED, NULL, NULL) \
	X(PERSON_COMMUNITY, "community", FT_TEXT, 0, NULL, NULL) \
	X(PERSON_HUKOU_TYPE, "hukou_type", FT_CODE, F_REQUIRED, hukou_types, NULL) \
	X(PERSON_HUKOU_LOCAL, "hukou_local", FT_YESNO, 0, NULL, "yes") \
	X(PERSON_RESIDENCE_SINCE, "residence_since", FT_DATE, 0, NULL, NULL) \
	X(PERSON_SEX, "sex", FT_CODE, F_DERIVED, sexes, NULL) \
	X(PERSON_BIRTH_DATE, "birth_date", FT_DATE, F_DERIVED, NULL, NULL) \
	X(PERSON_EMPLOYMENT, "employment", FT_CODE, F_REQUIRED, employments, NULL) \
	X(PERSON_ABLE_TO_WORK, "able_to_work", FT_YESNO, 0, NULL, NULL) \
	X(PERSON_MONTHLY_INCOME, "monthly_income", FT_MONEY, 0, NULL, "0") \
	X(PERSON_INSURANCE, "insurance", FT_CODE, 0, insurances, "none") \
	X(PERSON_DISABILITY, "disability", FT_CODE, 0, disabilities, "none") \
	X(PERSON_DISABILITY_GRADE, "disability_grade", FT_GRADE, 0, NULL, NULL) \
	X(PERSON_DISABILITY_CERT, "disability_cert", FT_YESNO, 0, NULL, "no") \
	X(PERSON_ILLNESS, "illness", FT_CODE, 0, illnesses, "none") \
	X(PERSON_CEREBRAL_PALSY, "cerebral_palsy", FT_YESNO, 0, NULL, "no") \
	X(PERSON_REHAB_TRAINING, "rehab_training", FT_YESNO, 0, NULL, "no") \
	X(PERSON_STUDENT_LEVEL, "student_level", FT_CODE, 0, student_levels, "none") \
	X(PERSON_WUBAO, "wubao", FT_YESNO, 0, NULL, "no") \
	X(PERSON_RELEASED_ON, "released_on", FT_DATE, 0, NULL, NULL) \
	X(PERSON_HUKOU_PENDING, "hukou_pending", FT_YESNO, 0, NULL, "no") \
	X(PERSON_ENTERPRISE_HARDSHIP, "enterprise_hardship", FT_YESNO, 0, NULL, "no") \
	X(PERSON_ONE_CHILD_HARDSHIP, "one_child_hardship", FT_YESNO, 0, NULL, "no") \
	X(PERSON_TROOP, "troop", FT_YESNO, 0, NULL, "no") \
	X(PERSON_RETURNED_OVERSEAS, "returned_overseas", FT_YESNO, 0, NULL, "no") \
	X(PERSON_SELF_CARE, "self_care", FT_CODE, 0, self_cares, "full") \
	X(PERSON_HOUSING_NEED, "housing_need", FT_YESNO, 0, NULL, "no") \
	X(PERSON_DILAPIDATED_HOUSE, "dilapidated_house", FT_YESNO, 0, NULL, "no") \
	X(PERSON_STATUS, "status", FT_CODE, 0, statuses, "active") \
	X(PERSON_REVIEWED_ON, "reviewed_on", FT_DATE, 0, NULL, NULL) \
	X(PERSON_BANK_ACCOUNT, "bank_account", FT_TEXT, F_SHORT, NULL, NULL) \
	X(PERSON_EFFECTIVE, "effective", FT_DATE, 0, NULL, NULL)

#define APPLICATION_COLUMNS(X) \
	X(APPLICATION_APPLICATION_ID, "application_id", FT_TEXT, \
	  F_REQUIRED | F_KEY | F_SHORT, NULL, NULL) \
	X(APPLICATION_NATIONAL_ID, "national_id", FT_ID, F_REQUIRED, NULL, NULL) \
	X(APPLICATION_PROGRAMME, "programme", FT_CODE, F_REQUIRED, programmes, NULL) \
	X(APPLICATION_RECEIVED_ON, "received_on", FT_DATE, F_REQUIRED, NULL, NULL) \
	X(APPLICATION_STREET, "street", FT_TEXT, F_REQUIRED, NULL, NULL) \
	X(APPLICATION_REASON, "reason", FT_CODE, 0, reasons, NULL) \
	X(APPLICATION_CASE_TYPE, "case_type", FT_CODE, 0, case_types, NULL) \
	X(APPLICATION_RESPONDENT_UNABLE, "respondent_unable", FT_YESNO, 0, NULL, NULL) \
	X(APPLICATION_REQUESTED, "requested", FT_MONEY, 0, NULL, NULL)

#define INSTITUTION_COLUMNS(X) \
	X(INSTITUTION_CODE, "code", FT_TEXT, F_REQUIRED | F_KEY | F_SHORT, NULL, NULL) \
	X(INSTITUTION_NAME, "name", FT_TEXT, F_REQUIRED, NULL, NULL) \
	X(INSTITUTION_TYPE, "type", FT_CODE, F_REQUIRED, institution_types, NULL) \
	X(INSTITUTION_DESIGNATED_FROM, "designated_from", FT_DATE, 0, NULL, NULL) \
	X(INSTITUTION_DESIGNATED_TO, "designated_to", FT_DATE, 0, NULL, NULL)

#define SURVEY_COLUMNS(X) \
	X(SURVEY_HOUSEHOLD_ID, "household_id", FT_TEXT, F_REQUIRED | F_KEY | F_SHORT, NULL, NULL) \
	X(SURVEY_MONTH, "month", FT_MONTH, F_REQUIRED | F_KEY, NULL, NULL) \
	X(SURVEY_INCOME, "income", FT_MONEY, F_REQUIRED, NULL, NULL) \
	X(SURVEY_EXPENSE, "expense", FT_MONEY, F_REQUIRED, NULL, NULL) \
	X(SURVEY_NOTE, "note", FT_TEXT, 0, NULL, NULL)

/* staff: who may sign for a bureau of the joint review (audit.md, Who may
 * sign).  A user is staff of a bureau from `from` to `to`, both days
 * included; the latest entry of a (user, bureau) is in force. */
#define STAFF_COLUMNS(X) \
	X(STAFF_USER, "user", FT_TEXT, F_REQUIRED | F_KEY | F_SHORT, NULL, NULL) \
	X(STAFF_NAME, "name", FT_TEXT, F_REQUIRED, NULL, NULL) \
	X(STAFF_BUREAU, "bureau", FT_CODE, F_REQUIRED | F_KEY, kind_bureaus, NULL) \
	X(STAFF_FROM, "from", FT_DATE, F_REQUIRED, NULL, NULL) \
	X(STAFF_TO, "to", FT_DATE, 0, NULL, NULL)

/* decision: assess's output, grant's input. */
#define DECISION_COLUMNS(X) \
	X(DECISION_DECISION_ID, "decision_id", FT_TEXT, F_REQUIRED | F_KEY, NULL, NULL) \
	X(DECISION_AS_OF, "as_of", FT_DATE, F_REQUIRED, NULL, NULL) \
	X(DECISION_PROGRAMME, "programme", FT_CODE, F_REQUIRED, decision_programmes, NULL) \
	X(DECISION_UNIT, "unit", FT_CODE, F_REQUIRED, units, NULL) \
	X(DECISION_HOUSEHOLD_ID, "household_id", FT_TEXT, F_REQUIRED | F_SHORT, NULL, NULL) \
	X(DECISION_NATIONAL_ID, "national_id", FT_ID, 0, NULL, NULL) \
	X(DECISION_APPLICATION_ID, "application_id", FT_TEXT, F_SHORT, NULL, NULL) \
	X(DECISION_ELIGIBLE, "eligible", FT_YESNO, F_REQUIRED, NULL, NULL) \
	X(DECISION_AMOUNT, "amount", FT_MONEY, F_REQUIRED, NULL, NULL) \
	X(DECISION_PERIOD, "period", FT_CODE, F_REQUIRED, periods, NULL) \
	X(DECISION_REASON, "reason", FT_TEXT, F_REQUIRED | F_SHORT, NULL, NULL) \
	X(DECISION_POLICY, "policy", FT_TEXT, F_SHORT, NULL, NULL) \
	X(DECISION_TRACE, "trace", FT_TEXT, 0, NULL, NULL)

/* funding: grant --kind funding's input. */
#define FUNDING_COLUMNS(X) \
	X(FUNDING_ACCOUNT, "account", FT_TEXT, F_REQUIRED | F_SHORT, NULL, NULL) \
	X(FUNDING_DATE, "date", FT_DATE, F_REQUIRED, NULL, NULL) \
	X(FUNDING_AMOUNT, "amount", FT_MONEY, F_REQUIRED, NULL, NULL) \
	X(FUNDING_SOURCE, "source", FT_CODE, F_REQUIRED, funding_sources, NULL) \
	X(FUNDING_NOTE, "note", FT_TEXT, 0, NULL, NULL)

/* claim: settle's input, from each designated institution. */
#define CLAIM_COLUMNS(X) \
	X(CLAIM_CLAIM_ID, "claim_id", FT_TEXT, F_REQUIRED | F_KEY | F_SHORT, NULL, NULL) \
	X(CLAIM_INSTITUTION, "institution", FT_TEXT, F_REQUIRED | F_KEY | F_SHORT, NULL, NULL) \
	X(CLAIM_NATIONAL_ID, "national_id", FT_ID, F_REQUIRED, NULL, NULL) \
	X(CLAIM_VISIT_DATE, "visit_date", FT_DATE, F_REQUIRED, NULL, NULL) \
	X(CLAIM_VISIT_TYPE, "visit_type", FT_CODE, F_REQUIRED, visit_types, NULL) \
	X(CLAIM_REFERRAL, "referral", FT_YESNO, 0, NULL, "no") \
	X(CLAIM_TOTAL, "total", FT_MONEY, F_REQUIRED, NULL, NULL) \
	X(CLAIM_INSURANCE_PAID, "insurance_paid", FT_MONEY, 0, NULL, "0") \
	X(CLAIM_ADVANCE, "advance", FT_MONEY, F_REQUIRED, NULL, NULL) \
	X(CLAIM_CORRECTS, "corrects", FT_TEXT, F_SHORT, NULL, NULL)

#define KIND_INDEX(index, name, type, flags, codes, deflt) index,

enum person_column { PERSON_COLUMNS(KIND_INDEX) PERSON_NCOLUMNS };
enum application_column { APPLICATION_COLUMNS(KIND_INDEX) APPLICATION_NCOLUMNS };
enum institution_column { INSTITUTION_COLUMNS(KIND_INDEX) INSTITUTION_NCOLUMNS };
enum survey_column { SURVEY_COLUMNS(KIND_INDEX) SURVEY_NCOLUMNS };
enum staff_column { STAFF_COLUMNS(KIND_INDEX) STAFF_NCOLUMNS };
enum decision_column { DECISION_COLUMNS(KIND_INDEX) DECISION_NCOLUMNS };
enum funding_column { FUNDING_COLUMNS(KIND_INDEX) FUNDING_NCOLUMNS };
enum claim_column { CLAIM_COLUMNS(KIND_INDEX) CLAIM_NCOLUMNS };

/* Room for the values or cells of one record of any kind. */
#define KIND_MAX_FIELDS 40

_Static_assert(PERSON_NCOLUMNS <= KIND_MAX_FIELDS, "person fits KIND_MAX_FIELDS");
_Static_assert(APPLICATION_NCOLUMNS <= KIND_MAX_FIELDS, "application fits KIND_MAX_FIELDS");
_Static_assert(INSTITUTION_NCOLUMNS <= KIND_MAX_FIELDS, "institution fits KIND_MAX_FIELDS");
_Static_assert(SURVEY_NCOLUMNS <= KIND_MAX_FIELDS, "survey fits KIND_MAX_FIELDS");
_Static_assert(STAFF_NCOLUMNS <= KIND_MAX_FIELDS, "staff fits KIND_MAX_FIELDS");
_Static_assert(DECISION_NCOLUMNS <= KIND_MAX_FIELDS, "decision fits KIND_MAX_FIELDS");
_Static_assert(FUNDING_NCOLUMNS <= KIND_MAX_FIELDS, "funding fits KIND_MAX_FIELDS");
_Static_assert(CLAIM_NCOLUMNS <= KIND_MAX_FIELDS, "claim fits KIND_MAX_FIELDS");

/* What a cross-column check may ask of the registry (every version of a
 * record counts). */
enum kind_lookup {
	LOOKUP_PERSON,      /* a person of national_id key */
	LOOKUP_HOUSEHOLD,   /* a person of household_id key */
	LOOKUP_STREET,      /* a person or an application in street key */
	LOOKUP_MEMBER,      /* person key, of household key2 */
	LOOKUP_APPLICANT,   /* application key; found: its national_id */
	LOOKUP_DESIGNATED,  /* institution key; found: its newest designated_from */
	LOOKUP_N
};

/* What a cross-column check may use. */
struct kind_env {
	jz_date today;   /* IDs may not be born after it */
	jz_date as_of;   /* --as-of: the default effective date */
	/* Ask the registry (store/lookup.h), inside the run's transaction:
	 * true when what is there for key (and key2), its text then in
	 * found[0..len) when found is not NULL.  NULL for a run whose kinds
	 * ask nothing (person). */
	bool (*lookup)(void *ctx, enum kind_lookup what, const char *key, const char *key2,
		       char *found, size_t len);
	void *ctx;       /* lookup's own */
};

struct kind {
	const char *name;            /* --kind word and table name */
	const struct field *fields;  /* the columns, in data.md's order */
	int nfields;
	bool dated;                  /* versions by the "effective" column */
	bool immutable;              /* a stored record may not change */
	/* Checks across columns of one parsed record; reports to p. */
	void (*check)(struct kind_env *env, struct value *v, struct problems *p);
};

extern const struct kind kind_person, kind_application, kind_institution, kind_survey;
/* enrol --kind staff: the signers of the joint review. */
extern const struct kind kind_staff;
/* The bureaus of the joint review (三(三)3), in the order they are listed:
 * health, labour, civil_affairs, finance; NULL-terminated. */
extern const char *const kind_bureaus[];
/* enrol --kind change: a person's columns, each optional but national_id
 * and effective, none defaulted: a column not given is the version in
 * force's (lifecycle.md, Life events are person versions).  Same columns
 * in the same places as kind_person, so that PERSON_* index both. */
extern const struct kind kind_change;
/* grant(1)'s inputs (not enrol's): assess's decisions, and funding. */
extern const struct kind kind_decision, kind_funding;
/* settle(1)'s input. */
extern const struct kind kind_claim;

/* Parse the cells of one record of kind k into v (cells[i] the cell of
 * field i, NULL when absent), then, when every cell parsed, run the kind's
 * cross-column check; true when no problem was found. */
bool kind_parse(const struct kind *k, struct kind_env *env, char *const *cells, struct value *v,
		struct problems *p);

/* The kind named name, or NULL. */
const struct kind *kind_find(const char *name);

/* Index of column name in k, or -1. */
int kind_column(const struct kind *k, const char *name);

#endif
