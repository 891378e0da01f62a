/*
 * The shared SQLite file: opened or created (mode 0600) with its schema,
 * migrated by PRAGMA user_version, in WAL mode with a busy timeout, and
 * written in one transaction per run.
 */
#ifndef JZ_DB_H
#define JZ_DB_H

#include <sqlite3.h>
#include <stdbool.h>

struct db {
	sqlite3 *h;
	const char *path; /* as given */
};

enum db_mode {
	DB_READ,  /* the file must exist */
	DB_WRITE, /* created with its schema when missing */
	DB_TRIAL, /* as DB_WRITE, but a missing file is not created: a dry run
		   * works on an empty database in memory */
};

/* Open path; exits 66 (missing for DB_READ), 73 (cannot create) or 74. */
void db_open(struct db *db, const char *path, enum db_mode mode, int busy_ms);
void db_close(struct db *db);

/* BEGIN IMMEDIATE: take the write lock now; exits 75 after the timeout. */
void db_begin(struct db *db);
void db_commit(struct db *db);
void db_rollback(struct db *db);

/* Prepare a statement of the program's own text; a failure is a bug. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql);
/* Step a statement that returns no row (or the first), reset it, and exit
 * on an error (75 when locked, 74 otherwise).  Returns the step code. */
int db_step(struct db *db, sqlite3_stmt *st);
/* Exit for a failed call: 75 for SQLITE_BUSY, else 74. */
_Noreturn void db_fail(struct db *db, int rc, const char *what);

/* Bind text, or NULL when s is NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* The same without a copy, for the statements run once per record: s must
 * stay as it is until the statement has been stepped (every parameter is
 * bound again before the next step). */
void db_bind_static(sqlite3_stmt *st, int i, const char *s);

/* The migrations, in order (generated from schemas/NNN-*.sql). */
extern const char *const db_migrations[];
extern const int db_nmigrations;

#endif
