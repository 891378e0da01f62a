/*
 * SQLite's own check of the file (PRAGMA integrity_check): a page, a
 * b-tree or an index that no longer agrees with its table, for the audit
 * of report(1), which must not trust an index the payroll relies on
 * ("nothing paid twice").
 */
#ifndef JZ_INTEGRITY_H
#define JZ_INTEGRITY_H

#include "store/db.h"

/* One problem, as SQLite words it. */
typedef void integrity_fn(const char *problem, void *ctx);

/* Give fn each problem the check finds; returns how many. */
long db_integrity(struct db *db, integrity_fn *fn, void *ctx);

#endif
