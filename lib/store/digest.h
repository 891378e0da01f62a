/*
 * The digests of the rows each run added (audit.md, Every row is in the
 * chain): for each table that carries the journal entry of the run that
 * wrote its rows, the SHA-256 of those rows, in insertion (rowid) order or
 * a table without rowid in primary-key order, each
 * column in a fixed encoding (jiuzhu(7) ROW DIGESTS):
 *
 *	table   "T" len ":" name
 *	row     "R", then each column in the table's order:
 *	        NULL "n"; integer "i" decimal ";"; real "f" %.17g ";";
 *	        text "t" len ":" bytes; blob "b" len ":" bytes
 *
 * An entry's digest is a JSON object {"table": "hex", ...} of the tables
 * it added rows to, by table name; the journal hashes it into the chain.
 */
#ifndef JZ_DIGEST_H
#define JZ_DIGEST_H

#include "store/db.h"

/* A table whose rows carry an entry, and its last rowid before a run
 * (-1 for a table without rowid, whose rows are taken in the order of
 * its primary key: claim). */
struct digest_table {
	char *name;
	long long start;
};

/* The tables with an entry column (the journal aside), by name, each with
 * its largest rowid now; their count. Free with digest_tables_free. */
int digest_tables(struct db *db, struct digest_table **out);
void digest_tables_free(struct digest_table *t, int n);

/* The digest (JSON text, malloc'd) of the rows of entry added after each
 * table's start. */
char *digest_entry(struct db *db, long long entry, const struct digest_table *t, int n);

/* Every entry's digest of every table, recomputed from the rows as they
 * are: fn(ctx, entry, table, hex) once per table and entry with rows, table
 * by table. */
typedef void (*digest_fn)(void *ctx, long long entry, const char *table, const char *hex);
void digest_each(struct db *db, digest_fn fn, void *ctx);

#endif
