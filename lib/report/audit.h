/*
 * The audit of report(1): every check an auditor can make of the database
 * without trusting it, each difference a record.
 */
#ifndef JZ_AUDIT_H
#define JZ_AUDIT_H

#include <stdbool.h>

#include "io/rec.h"
#include "store/db.h"

extern const char *const audit_columns[];
extern const int audit_ncolumns;

/* Write each difference to w (audit_columns), national IDs masked unless
 * show_ids; returns how many. */
long audit_run(struct db *db, bool show_ids, struct rec_writer *w);

#endif
