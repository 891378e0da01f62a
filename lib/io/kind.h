/*
 * The record kinds that enrol takes in (data.md): their columns, the table
 * each is stored in, how a record is identified there, and the checks that
 * span several columns of one record.
 */
#ifndef JZ_KIND_H
#define JZ_KIND_H

#include <stdbool.h>

#include "store/db.h"
#include "core/field.h"

struct kind;

/* What a cross-column check may use. */
struct kind_env {
	struct db *db;   /* the registry, read inside the run's transaction */
	jz_date today;   /* IDs may not be born after it */
	jz_date as_of;   /* --as-of: the default effective date */
	db_stmt *person_known, *household_known, *designated; /* prepared when first needed */
	db_stmt *street_known, *member, *applicant;
};

/* Finalize what the checks prepared. */
void kind_env_free(struct kind_env *env);

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
