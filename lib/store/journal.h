/*
 * The append-only journal: one entry per run that wrote anything, saying
 * who, when, the command line, the SHA-256 of each input, the policy in
 * force and the rows added, chained by the hash of the previous entry.
 *
 * An entry's hash is the SHA-256 (hex) of its fields joined by newlines:
 *   entry \n at \n user \n command \n inputs \n policy \n changes \n prev
 * and, for an entry written since migration 6, \n digest: the digest of
 * the rows the run added (store/digest.h).
 */
#ifndef JZ_JOURNAL_H
#define JZ_JOURNAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "store/db.h"
#include "core/sha256.h"
#include "store/digest.h"

struct journal {
	long long entry; /* this run's entry number */
	cJSON *inputs;   /* [{"name", "sha256"}] in reading order */
	cJSON *changes;  /* {"table": rows} */
	struct digest_table *tables; /* their rowids before the run */
	int ntables;
	char hash[65];   /* journal_write: the entry's hash */
	char at[32];     /* and its time */
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

/* Seal the entries written before migration 6: their digests stored as
 * rows of a new entry (inside the migration's transaction). */
void journal_seal(struct db *db);

/* Append "entry hash at user" of j's entry (written) to the anchor log
 * path, a file kept elsewhere (audit.md, anchors); false, with errno,
 * when it cannot be written. */
bool journal_anchor(const struct journal *j, const char *path);

/* The stored hash of entry into out; false when there is no such entry. */
bool journal_hash(struct db *db, long long entry, char out[SHA256_HEX]);

/* The OS user a run is journalled as. */
const char *journal_user(void);

/* Check the hash chain: each entry's prev is the hash of the one before
 * (64 zeros first), and its hash is that of its fields (jiuzhu(7)); and
 * each entry's digest is that of its rows as they are now.  fn is told
 * each difference: the entry, the field ("prev", "hash", "digest <table>"),
 * stored, computed.  Returns how many there were. */
typedef void (*journal_diff_fn)(void *ctx, long long entry, const char *field,
				const char *stored, const char *computed);
long journal_verify(struct db *db, journal_diff_fn fn, void *ctx);

#endif
