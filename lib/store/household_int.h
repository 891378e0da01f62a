/*
 * What household.c and household_scan.c share: a person read from a row
 * whose first columns are the person kind's, each in its place.
 */
#ifndef JZ_HOUSEHOLD_INT_H
#define JZ_HOUSEHOLD_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/facts.h"
#include "store/db.h"

/* Prepare sql, its %s the person columns (PERSON_X is column X). */
db_stmt *household_prepare(struct db *db, const char *sql);
/* The row's person, and one text column of it into buf. */
void household_read_person(sqlite3_stmt *st, struct person *p);
void household_text(sqlite3_stmt *st, int col, char *buf, size_t len);
/* Is the row's person still here (column PERSON_STATUS active)? */
bool household_active(sqlite3_stmt *st);

#endif
