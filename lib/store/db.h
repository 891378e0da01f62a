/*
 * The shared SQLite file: opened or created (mode 0600) with its schema,
 * migrated by PRAGMA user_version, in WAL mode with a busy timeout, and
 * written in one transaction per run.
 *
 * This is the one file above SQLite: the layers above store/ write SQL but
 * reach SQLite only through these calls, so that every result is checked
 * in one place and no other header includes sqlite3.h (tools/layers.sh).
 */
#ifndef JZ_DB_H
#define JZ_DB_H

#include <stdbool.h>

/* SQLite's own handles, opaque above store/. */
struct sqlite3;
typedef struct sqlite3_stmt db_stmt;

struct db {
	struct sqlite3 *h;
	const char *path; /* as given */
	bool check;       /* PRAGMA quick_check at the first write (DB_WRITE) */
	bool immutable;   /* read as an immutable copy: read-only storage */
	bool created;     /* made by this run: said when the run commits */
};

/* What db_step returns: SQLite's SQLITE_ROW and SQLITE_DONE. */
enum { DB_ROW = 100, DB_DONE = 101 };

enum db_mode {
	DB_READ,  /* the file must exist */
	DB_WRITE, /* created with its schema when missing */
	DB_TRIAL, /* as DB_WRITE, but a missing file is not created: a dry run
		   * works on an empty database in memory */
};

/* Open path; exits 66 (missing for DB_READ), 73 (cannot create), 77 (a
 * file of the database owned by another user or open to others: dbfile.h)
 * or 74.  A reader on storage it cannot write (an auditor's copy on a
 * read-only mount) opens the file as an immutable copy and says so. */
void db_open(struct db *db, const char *path, enum db_mode mode, int busy_ms);
void db_close(struct db *db);
/* For a run that does not open the database (path, NULL for none): no
 * output of it may be written over the database all the same (73). */
void db_guard(const char *path);

/* BEGIN IMMEDIATE: take the write lock now; exits 75 after the timeout.
 * The first of a DB_WRITE connection runs PRAGMA quick_check and exits 74,
 * naming the damage, on a damaged file: a broken index must not take
 * another payment. */
void db_begin(struct db *db);
void db_commit(struct db *db);
void db_rollback(struct db *db);

/* A read transaction: one view of the database for a run that only reads
 * (BEGIN), and its end. */
void db_begin_read(struct db *db);
void db_end_read(struct db *db);

/* Run SQL of the program's own text that returns no rows (temporary
 * tables, their indexes); exits on an error as db_step does. */
void db_exec(struct db *db, const char *sql);

/* Prepare a statement of the program's own text; a failure is a bug. */
db_stmt *db_prepare(struct db *db, const char *sql);
/* Step st: DB_ROW with a row to read, DB_DONE (and st reset) at the end;
 * exits on an error (75 when locked, 74 otherwise). */
int db_step(struct db *db, db_stmt *st);
/* Reset st for another run of its bindings; finalize it (NULL is none). */
void db_reset(db_stmt *st);
void db_finalize(db_stmt *st);
/* Exit for a failed call: 75 for SQLITE_BUSY, else 74, the message naming
 * the file, what failed in words (what: "cannot write") and why, never the
 * statement. */
_Noreturn void db_fail(struct db *db, int rc, const char *what);

/* Bind text, or NULL when s is NULL. */
void db_bind_text(db_stmt *st, int i, const char *s);
/* The same without a copy, for the statements run once per record: s must
 * stay as it is until the statement has been stepped (every parameter is
 * bound again before the next step). */
void db_bind_static(db_stmt *st, int i, const char *s);
void db_bind_int64(db_stmt *st, int i, long long v);
void db_bind_null(db_stmt *st, int i);
/* How many parameters st takes. */
int db_nparams(db_stmt *st);

/* Column i of the row st is on: as text (NULL for NULL; valid until the
 * next step or reset), as a number, NULL or not, as bytes. */
const char *db_text(db_stmt *st, int i);
long long db_int64(db_stmt *st, int i);
int db_int(db_stmt *st, int i);
bool db_is_null(db_stmt *st, int i);
const void *db_blob(db_stmt *st, int i);
int db_bytes(db_stmt *st, int i);
/* How many columns st's rows have. */
int db_ncolumns(db_stmt *st);

/* Rows the last statement changed; the rowid the last INSERT gave. */
long long db_changes(struct db *db);
long long db_last_rowid(struct db *db);

/* The migrations, in order (generated from schemas/NNN-*.sql). */
extern const char *const db_migrations[];
extern const int db_nmigrations;

#endif
