/*
 * The registry as of a date, one household at a time: each person's
 * version in force on D, typed, grouped by household (rules.md, Common
 * definitions).  Rules read these structs and nothing else.
 */
#ifndef JZ_HOUSEHOLD_H
#define JZ_HOUSEHOLD_H

#include <stdbool.h>

#include "core/date.h"
#include "store/db.h"
#include "core/idn.h"
#include "core/money.h"

struct person {
	char id[IDN_LEN + 1];
	char name[128];
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

typedef void (*household_fn)(const struct household *h, void *ctx);

/* Call fn for every household of the registry as of on, in household_id
 * order.  Memory holds one household at a time. */
void household_each(struct db *db, jz_date on, household_fn fn, void *ctx);
/* The same with the registry as it stood after journal entry max_entry
 * (0: now): for recomputing what an earlier run decided. */
void household_each_until(struct db *db, jz_date on, long long max_entry, household_fn fn,
			  void *ctx);

/* History, for the rules that look back (gradual exit): the registry's
 * earlier versions, through statements prepared once. */
struct history {
	struct db *db;
	db_stmt *person, *household; /* prepared when first needed */
	db_stmt *grant;
	bool grants_known, grants;        /* has the file any grant? */
	long long max_entry;              /* only rows of entries up to this (0: all) */
};

/* p's version in force on on, and the household as it stood on on (free
 * h->member); false when there is none. */
bool person_load(struct history *hist, const char *national_id, jz_date on, struct person *p);
bool household_load(struct history *hist, const char *household_id, jz_date on,
		    struct household *h);
void history_free(struct history *hist);

/* Has grant(1) recorded any grant in this database? */
bool history_has_grants(struct history *hist);
/* Is a grant of chain ("dibao/household/HH-001") in force on on?  Its
 * amount in *amount (may be NULL). */
bool history_grant(struct history *hist, const char *chain, jz_date on, jz_fen *amount);

/* A person from a checked enrol record (kind_person's columns, as parsed
 * by field_parse): for assessing records that are not in the registry.
 * household_id gets the record's household. */
struct value;
void person_from_values(const struct value *v, struct person *p, char household_id[128]);

/* The head (or, lacking one, the first member). */
const struct person *household_head(const struct household *h);

#endif
