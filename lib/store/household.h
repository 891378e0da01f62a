/*
 * The registry as of a date, read from the person versions, one household
 * at a time (the structs are core/facts.h's); and its history, the earlier
 * versions and the grants recorded, for the rules that look back.
 */
#ifndef JZ_HOUSEHOLD_H
#define JZ_HOUSEHOLD_H

#include <stdbool.h>

#include "core/date.h"
#include "core/facts.h"
#include "core/idn.h"
#include "core/money.h"
#include "store/db.h"

typedef void (*household_fn)(const struct household *h, void *ctx);

/* Call fn for every household of the registry as of on, in household_id
 * order, its members the persons whose version in force on on is active.
 * Memory holds one household at a time. */
void household_each(struct db *db, jz_date on, household_fn fn, void *ctx);
/* The same with the registry as it stood after journal entry max_entry
 * (0: now): for recomputing what an earlier run decided. */
void household_each_until(struct db *db, jz_date on, long long max_entry, household_fn fn,
			  void *ctx);
struct registry_history;
/* The same with hist's database and max_entry, telling hist what the scan
 * learnt of the household being called for: its members with one version
 * only, of whom person_load knows there is none earlier without asking. */
void household_each_history(struct registry_history *hist, jz_date on, household_fn fn,
			    void *ctx);

/* History, for the rules that look back (gradual exit, the dibao
 * household, the grants once made): the registry's earlier versions and
 * the grants recorded, through statements prepared once. */
struct registry_history {
	struct db *db;
	db_stmt *person, *household; /* prepared when first needed */
	db_stmt *grant;
	db_stmt *granted, *elsewhere, *paid; /* history_granted and friends */
	bool grants_known, grants;        /* has the file any grant? */
	/* Set by a run that adds no grant (assess): whether the file has any
	 * grant of a programme and unit ("dibao/person/") is asked once. */
	bool grants_fixed;
	db_stmt *chains;
	struct chain_kind {
		char prefix[40];
		bool any;
	} kinds[8];
	int nkinds;
	long long max_entry;              /* only rows of entries up to this (0: all) */
	struct history rules;             /* what the rules call (history_for_rules) */
	struct lone {                     /* household_each_history: the members */
		char id[IDN_LEN + 1];     /* with one version up to its date, */
		jz_date effective;        /* from this day */
	} *lone;
	int nlone, lonecap;
};

/* The interface (core/facts.h) through which the rules read hist. */
struct history *history_for_rules(struct registry_history *hist);

/* p's version in force on on, and the household as it stood on on (free
 * h->member), of active persons only: false when there is none, or when
 * p's version then is not active (deceased, moved_out). */
bool person_load(struct registry_history *hist, const char *national_id, jz_date on,
		 struct person *p);
bool household_load(struct registry_history *hist, const char *household_id, jz_date on,
		    struct household *h);
void history_free(struct registry_history *hist);

/* Has grant(1) recorded any grant in this database? */
bool history_has_grants(struct registry_history *hist);
/* Is a grant of chain ("dibao/household/HH-001") in force on on?  Its
 * amount in *amount (may be NULL). */
bool history_grant(struct registry_history *hist, const char *chain, jz_date on,
		   jz_fen *amount);
/* Was a once-grant of chain made by on (its newest version, paid, ended
 * or deferred: owed)?  Its amount in *amount, its decision's reason in
 * basis (either may be NULL). */
bool history_granted(struct registry_history *hist, const char *chain, jz_date on,
		     jz_fen *amount, char basis[FACT_BASIS]);
/* Was a grant of programme made to national_id by on under a chain other
 * than except? */
bool history_granted_elsewhere(struct registry_history *hist, const char *programme,
			       const char *national_id, const char *except, jz_date on);
/* The payments paid on chain's grants of basis for months before on's. */
long history_paid(struct registry_history *hist, const char *chain, const char *basis,
		  jz_date on);

/* A person from a checked enrol record (kind_person's columns, as parsed
 * by field_parse): for assessing records that are not in the registry.
 * household_id gets the record's household. */
struct value;
void person_from_values(const struct value *v, struct person *p, char household_id[128]);

#endif
