/*
 * Enrol's bulk path (issue 17): persons into a registry with none yet are
 * appended without the person table's indexes, which are built once after
 * the load (a sort: kept during it, each row cost B-tree inserts at random
 * places), and without asking the table for each row's version in force:
 * a Bloom filter of the national IDs taken says a row's person is surely
 * new, which in an empty registry means it has no version yet.  The first
 * row it cannot say that of ends the load there: the indexes are built and
 * the run goes on row by row, as it would have from the start.
 *
 * When the load never ended early every person has one row, and the
 * household checks read the households' rows once, in order, and judge
 * each household's dates from them (bulk_household) instead of a query
 * per household and date.
 */
#ifndef JZ_ENROL_BULK_H
#define JZ_ENROL_BULK_H

#include <stdbool.h>

#include "store/db.h"

/* A household's row, as the household checks need it. */
struct member {
	char *id, *relation, *street, *effective;
	int need, house;  /* housing_need, dilapidated_house */
	bool active;
	int src;
	long line;
};

struct bulk {
	struct db *db;
	bool loading;      /* rows appended without indexes, not probed */
	bool single;       /* every person has one row: bulk_household */
	bool owed;         /* temp.touched not filled yet (bulk_touched) */
	unsigned char *bloom;
	char *index_sql[2];
	/* bulk_household's cursor, and the household it holds */
	db_stmt *rows;
	bool more;
	char *household;
	struct member *m;
	int n, cap;
	const char **dates;
	int ndates;
};

/* Begin the bulk path when it applies (the person table empty): the
 * indexes dropped, kept to be built again.  False when it does not. */
bool bulk_begin(struct bulk *b, struct db *db);

/* Is the person national_id surely not taken yet in this run?  Remembered
 * as taken either way. */
bool bulk_fresh(struct bulk *b, const char *national_id);

/* End the load: the indexes built.  Each row's household and date go in
 * temp.touched (as the row-by-row path puts them as it adds them) at once
 * when the load ended early, else when bulk_touched asks for them: while
 * every person has one row, every household of the run is checked from
 * bulk_next_household, which needs none. */
void bulk_end(struct bulk *b);
void bulk_touched(struct bulk *b);

/* The next household of the registry (all of it this run's), its rows in
 * rowid order into *rows, *n; false after the last.  bulk_dates: the
 * distinct dates of its rows, in order. */
bool bulk_next_household(struct bulk *b, const char **household, const struct member **rows,
			 int *n);
int bulk_dates(struct bulk *b, const char *const **dates);

/* The rows (in rowid order) of household, one of temp.tocheck's, asked in
 * household order; *n of them.  bulk_rewind before asking again from the
 * first household. */
const struct member *bulk_household(struct bulk *b, const char *household, int *n);
void bulk_rewind(struct bulk *b);

void bulk_free(struct bulk *b);

#endif
