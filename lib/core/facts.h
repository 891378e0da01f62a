/*
 * The facts the rules read: the registry as of a date, each person's
 * version in force on D, typed, grouped by household (rules.md, Common
 * definitions); the applications received at the windows (data.md
 * application); and the registry's history, for the rules that look back,
 * as an interface the caller fills (store/household.h fills it from the
 * database).  Rules read these and nothing else.
 */
#ifndef JZ_FACTS_H
#define JZ_FACTS_H

#include <stdbool.h>

#include "core/date.h"
#include "core/field.h"
#include "core/idn.h"
#include "core/money.h"

#define FACT_BASIS 64 /* a decision's reason code, as a grant records it */

struct person {
	char id[IDN_LEN + 1];
	char name[128];
	char household_id[128]; /* the household of this version */
	char relation[12], hukou_type[8], employment[12], insurance[12];
	char disability[16], illness[12], student_level[16], self_care[8];
	bool hukou_local, disability_cert, cerebral_palsy, rehab_training, wubao;
	bool hukou_pending, enterprise_hardship, one_child_hardship, troop;
	bool returned_overseas, housing_need, dilapidated_house;
	int able_to_work;       /* 1, 0, or -1: derive (working age, not unable) */
	int disability_grade;   /* 1-4, 0 for none */
	jz_fen income;          /* monthly, fen */
	jz_date birth;
	char sex;               /* 'm' or 'f', from the ID */
	jz_date residence_since, released_on; /* 0 when not given */
	bool has_residence_since, has_released_on;
	jz_date effective;      /* from when this version holds (0: not from the registry) */
};

struct household {
	char id[128];
	char street[128];
	int n;                  /* members on D */
	struct person *member;  /* n of them, by national ID */
};

/* The head (or, lacking one, the first member). */
const struct person *household_head(const struct household *h);

struct application {
	char id[FIELD_SHORT_MAX + 1];
	char national_id[IDN_LEN + 1];
	char programme[24];
	jz_date received_on;
	char reason[16];        /* temporary */
	char case_type[20];     /* legal_aid */
	bool respondent_unable; /* enforcement_relief */
	jz_fen requested;       /* temporary, home_care, employment_retraining */
};

struct application_set {
	struct application *a; /* by national_id, received_on, id */
	int n;
};

/* The applications of one applicant: *first and the count. */
int application_find(const struct application_set *set, const char *national_id,
		     const struct application **first);

/* History, for the rules that look back (gradual exit, the dibao
 * household, a released prisoner's payments, the grants once made to an
 * application or a person): the registry's earlier versions and the
 * grants recorded, reached through these calls so that the rules do no
 * I/O of their own.  Each sees only what was recorded by on. */
struct history {
	void *ctx; /* the implementation's, passed to each call */
	/* p's version in force on on; false when there is none or it is
	 * not active (the person died or moved out). */
	bool (*person)(void *ctx, const char *national_id, jz_date on, struct person *p);
	/* The household as it stood on on, its active members (free
	 * h->member); false when it had none then. */
	bool (*household)(void *ctx, const char *household_id, jz_date on, struct household *h);
	/* Has grant(1) recorded any grant? */
	bool (*has_grants)(void *ctx);
	/* Is a grant of chain ("dibao/household/HH-001") in force on on?  Its
	 * amount in *amount (may be NULL). */
	bool (*grant)(void *ctx, const char *chain, jz_date on, jz_fen *amount);
	/* Was a once-grant of chain ("temporary/application/TA-1") made by on,
	 * paid or owed (deferred)?  Its amount in *amount and the reason of
	 * the decision it was made from in basis (either may be NULL). */
	bool (*granted)(void *ctx, const char *chain, jz_date on, jz_fen *amount,
			char basis[FACT_BASIS]);
	/* Was a grant of programme made to national_id by on under a chain
	 * other than except (the startup subsidy: once per person)? */
	bool (*granted_elsewhere)(void *ctx, const char *programme, const char *national_id,
				  const char *except, jz_date on);
	/* The payments paid on chain's grants that grant(1) made for reason
	 * basis ("released_prisoner"), for the months before on's month. */
	long (*paid)(void *ctx, const char *chain, const char *basis, jz_date on);
};

#endif
