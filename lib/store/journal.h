/*
 * The append-only journal: one entry per run that wrote anything, saying
 * who, when, the command line, the SHA-256 of each input, the policy in
 * force and the rows added, chained by the hash of the previous entry.
 *
 * An entry's hash is the SHA-256 (hex) of its fields joined by newlines:
 *   entry \n at \n user \n command \n inputs \n policy \n changes \n prev
 */
#ifndef JZ_JOURNAL_H
#define JZ_JOURNAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "store/db.h"

struct journal {
	long long entry; /* this run's entry number */
	cJSON *inputs;   /* [{"name", "sha256"}] in reading order */
	cJSON *changes;  /* {"table": rows} */
};

/* Start this run's entry (inside the write transaction): its number is
 * the next one, stamped on every row the run writes. */
void journal_start(struct db *db, struct journal *j);
/* Record an input and return its index (the src column of rows). */
int journal_input(struct journal *j, const char *name, const char *sha256);
/* Count rows added to table. */
void journal_count(struct journal *j, const char *table, long long rows);
/* Rows counted so far, all tables. */
long long journal_total(const struct journal *j);
/* Write the entry, chained to the previous one. */
void journal_write(struct db *db, struct journal *j, const char *command, const char *policy);
void journal_free(struct journal *j);

/* The OS user a run is journalled as. */
const char *journal_user(void);

/* Check the hash chain: each entry's prev is the hash of the one before
 * (64 zeros first), and its hash is that of its fields (jiuzhu(7)).  fn is
 * told each difference: the entry, "prev" or "hash", stored, computed.
 * Returns how many there were. */
typedef void (*journal_diff_fn)(void *ctx, long long entry, const char *field,
				const char *stored, const char *computed);
long journal_verify(struct db *db, journal_diff_fn fn, void *ctx);

#endif
