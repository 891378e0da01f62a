/* The database file (see db.h). */
#include "store/db.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "store/dbfile.h"
#include "store/journal.h"

_Static_assert(DB_ROW == SQLITE_ROW && DB_DONE == SQLITE_DONE, "db_step's codes are SQLite's");

/* The connection open now.  A fatal error exits before db_close: exit()
 * then closes it here, its statements finalized and its transaction rolled
 * back, so that no memory of it is left (for valgrind, a block SQLite holds
 * is "possibly lost").  db_close forgets it, so that a statement a run left
 * unfinalized still shows. */
static sqlite3 *open_h;
static bool closes_at_exit; /* close_at_exit is registered */

static void close_at_exit(void)
{
	sqlite3_stmt *st;

	if (!open_h)
		return;
	while ((st = sqlite3_next_stmt(open_h, NULL)))
		sqlite3_finalize(st);
	sqlite3_close(open_h);
	open_h = NULL;
}

void db_fail(struct db *db, int rc, const char *what)
{
	int sys = db->h ? sqlite3_system_errno(db->h) : 0;
	const char *why = db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);

	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		diag_fatal(JZ_TEMPFAIL, "%s: the database is locked by another run; try again "
			   "(or raise --busy-timeout)", db->path);
	/* SQLite's words ("database or disk is full", "attempt to write a
	 * readonly database"), and the system's when a system call failed
	 * ("Permission denied"); never the statement, which says nothing to
	 * the user and may quote stored values. */
	if (sys && ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN ||
		    (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_FULL))
		diag_fatal(JZ_IOERR, "%s: %s: %s (%s)", db->path, what, why, strerror(sys));
	diag_fatal(JZ_IOERR, "%s: %s: %s", db->path, what, why);
}

/* Run SQL of this file, what saying in words what it does. */
static void exec(struct db *db, const char *sql, const char *what)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		db_fail(db, rc, what);
}

void db_exec(struct db *db, const char *sql)
{
	exec(db, sql, "cannot write");
}

/* schemas/006-digest.sql: the migration that adds row digests. */
#define DIGEST_MIGRATION 6

static int user_version(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA user_version");
	int v = db_step(db, st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

/* Apply the migrations the file lacks, in one transaction; a trial run
 * leaves that transaction open, for the run to roll back with the rest. */
static void migrate(struct db *db, bool trial)
{
	int have = user_version(db);
	char pragma[48];

	if (have > db_nmigrations)
		diag_fatal(JZ_CANTCREAT, "%s: schema version %d is newer than this program's %d; "
			   "upgrade jiuzhu", db->path, have, db_nmigrations);
	if (have == db_nmigrations)
		return;
	db_begin(db);
	have = user_version(db); /* another run may have migrated meanwhile */
	for (int i = have; i < db_nmigrations; i++) {
		exec(db, db_migrations[i], "cannot bring the schema up to date");
		/* Migration 6 puts every row in the chain: the entries
		 * written before it are sealed once, by an entry of its own. */
		if (i + 1 == DIGEST_MIGRATION)
			journal_seal(db);
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", db_nmigrations);
	exec(db, pragma, "cannot bring the schema up to date");
	if (!trial)
		exec(db, "COMMIT", "cannot bring the schema up to date"); /* the schema alone */
}

static _Noreturn void too_old(struct db *db)
{
	diag_fatal(JZ_IOERR, "%s: schema version %d is older than this program's %d and the "
		   "file cannot be written to bring it up to date; run any writing command on it "
		   "once, with write access", db->path, user_version(db), db_nmigrations);
}

/* A reader of a file older than this program: its columns are not yet
 * those the queries name, so the file is brought up to date first, as a
 * writer would, through a connection of its own. */
static void migrate_for_reading(struct db *db, int busy_ms)
{
	struct db rw = {.path = db->path, .check = true};
	int rc = sqlite3_open_v2(db->path, &rw.h, SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE, NULL);

	if (rc != SQLITE_OK) {
		sqlite3_close_v2(rw.h);
		too_old(db);
	}
	sqlite3_busy_timeout(rw.h, busy_ms);
	sqlite3_extended_result_codes(rw.h, 1);
	migrate(&rw, false);
	sqlite3_close_v2(rw.h);
}

/* Switch to WAL.  Changing the journal mode needs the file to itself and
 * does not wait on the busy handler, so two first runs on a new file would
 * collide: retry until the busy timeout. */
static void wal(struct db *db, int busy_ms)
{
	for (int waited = 0;; waited += 10) {
		int rc = sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= busy_ms)
			db_fail(db, rc, "cannot switch to write-ahead logging");
		sqlite3_sleep(10);
	}
}

/* An immutable open of path, read-only storage: "file:PATH?immutable=1",
 * with the characters a URI gives a meaning to escaped. */
static char *immutable_uri(const char *path)
{
	char real[PATH_MAX];
	if (!realpath(path, real))
		diag_fatal(JZ_NOINPUT, "%s: %s", path, strerror(errno));
	char *uri = malloc(strlen(real) * 3 + 24), *u = uri;
	if (!uri)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	u += sprintf(u, "file:");
	for (const char *c = real; *c; c++)
		u += strchr("%?#", *c) ? sprintf(u, "%%%02X", (unsigned char)*c)
				       : sprintf(u, "%c", *c);
	strcpy(u, "?immutable=1");
	return uri;
}

void db_open(struct db *db, const char *path, enum db_mode mode, int busy_ms)
{
	struct dbfile file;
	int rc;

	/* No default: a command run in the wrong folder must not start a
	 * registry of its own there (cli.md, --db). */
	if (!path)
		diag_fatal(JZ_USAGE, "no database given: give --db FILE, or set JIUZHU_DB=FILE in the "
			   "environment (there is no default)");
	db->path = path;
	db->h = NULL;
	db->check = mode == DB_WRITE;
	db->immutable = false;
	db->created = mode == DB_WRITE && dbfile_create(path);
	dbfile_check(path, &file);
	if (!file.exists && mode == DB_READ)
		diag_fatal(JZ_NOINPUT, "%s: no such database; enrol something first, or give --db",
			   path);
	/* A reader that may not write the file or its directory could not
	 * make the -shm that WAL reading needs: it reads the file alone, as
	 * SQLite's immutable copy, which is right only when no -wal holds
	 * changes the file lacks. */
	db->immutable = mode == DB_READ && !file.writable;
	if (mode != DB_READ && file.exists && !file.writable)
		diag_fatal(JZ_IOERR, "%s: cannot write it, or make its -wal beside it: %s; a run that "
			   "writes needs both the file and its directory writable", path,
			   strerror(file.write_errno));
	if (db->immutable && file.wal_bytes > 0)
		diag_fatal(JZ_IOERR, "%s: its -wal holds changes the file does not have yet, and this "
			   "storage cannot be written to merge them; read a copy made with "
			   "report backup instead", path);
	char *uri = db->immutable ? immutable_uri(path) : NULL;
	const char *name = !file.exists && mode == DB_TRIAL ? ":memory:" : uri ? uri : path;
	/* One connection, one thread: no mutexes. */
	int flags = SQLITE_OPEN_NOMUTEX | (mode == DB_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    (uri ? SQLITE_OPEN_URI : 0);
	if (!closes_at_exit && atexit(close_at_exit) != 0)
		diag_fatal(JZ_SOFTWARE, "atexit failed");
	closes_at_exit = true;
	rc = sqlite3_open_v2(name, &db->h, flags, NULL);
	free(uri);
	open_h = db->h;
	if (rc != SQLITE_OK)
		db_fail(db, rc, "cannot open");
	if (db->immutable)
		diag_warn("reading %s as an immutable copy: this user cannot write it or its "
			  "directory (read-only storage); a run writing it meanwhile would not be "
			  "seen", path);
	sqlite3_busy_timeout(db->h, busy_ms);
	sqlite3_extended_result_codes(db->h, 1);
	if (mode != DB_READ) {
		if (mode == DB_WRITE)
			wal(db, busy_ms);
		exec(db, "PRAGMA synchronous = NORMAL", "cannot open");
		migrate(db, mode == DB_TRIAL);
	} else {
		/* Reading needs the registry of migration 1; later ones add tables
		 * that a writing run creates when it needs them.  A file with no
		 * schema yet is one a first run has created and not committed (or
		 * failed in): no database so far. */
		int v = user_version(db);
		if (v == 0)
			diag_fatal(JZ_NOINPUT, "%s: an empty database; enrol something first, or give --db",
				   path);
		if (v < 0 || v > db_nmigrations)
			diag_fatal(JZ_IOERR, "%s: schema version %d; this program reads 1 to %d",
				   path, v, db_nmigrations);
		if (v < db_nmigrations && db->immutable)
			too_old(db);
		if (v < db_nmigrations)
			migrate_for_reading(db, busy_ms);
	}
	if (file.exists)
		dbfile_share(path);
	exec(db, "PRAGMA cache_size = -8192", "cannot open");
}

void db_guard(const char *path)
{
	if (path)
		dbfile_guard(path);
}

void db_close(struct db *db)
{
	if (db->h == open_h)
		open_h = NULL;
	if (db->h)
		sqlite3_close_v2(db->h);
	db->h = NULL;
}

/* A writer's first write waits for this: the file's pages and indexes are
 * whole (quick_check: every b-tree page well formed, no page used twice or
 * lost; not the slower match of every index entry to its row, which
 * report audit's integrity_check does).  A damaged file is refused before
 * anything is written into it. */
static void quick_check(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA quick_check(1)");
	const char *text = NULL;
	char damage[300] = "";

	if (db_step(db, st) == SQLITE_ROW)
		text = (const char *)sqlite3_column_text(st, 0);
	/* Its first line says where ("*** in database main ***") when
	 * another line says what: what is the damage's name. */
	if (text && strncmp(text, "*** ", 4) == 0 && strchr(text, '\n'))
		text = strchr(text, '\n') + 1;
	if (text)
		snprintf(damage, sizeof damage, "%.*s", (int)strcspn(text, "\n"), text);
	sqlite3_finalize(st);
	if (strcmp(damage, "ok") == 0)
		return;
	db_rollback(db);
	diag_fatal(JZ_IOERR, "%s: the database is damaged (%s); nothing was written: restore "
		   "it from a copy made with report backup", db->path, damage);
}

void db_begin(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		return; /* a trial run's migrations began it already */
	exec(db, "BEGIN IMMEDIATE", "cannot begin writing");
	if (db->check) {
		db->check = false;
		quick_check(db);
	}
}

void db_commit(struct db *db)
{
	exec(db, "COMMIT", "cannot commit");
	if (db->created)
		diag_warn("created %s", db->path); /* a run that failed made none worth a word */
	db->created = false;
}

void db_rollback(struct db *db)
{
	/* Its result is not checked: it ends a run that failed, and there may
	 * be no transaction left to roll back. */
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	assert(db->h && sql);
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK)
		db_fail(db, rc, "cannot read");
	return st;
}

int db_step(struct db *db, sqlite3_stmt *st)
{
	assert(st);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_fail(db, rc, sqlite3_stmt_readonly(st) ? "cannot read" : "cannot write");
	if (rc == SQLITE_DONE)
		sqlite3_reset(st);
	return rc;
}

void db_begin_read(struct db *db)
{
	exec(db, "BEGIN", "cannot read");
}

void db_end_read(struct db *db)
{
	exec(db, "COMMIT", "cannot read");
}

void db_reset(sqlite3_stmt *st)
{
	sqlite3_reset(st);
}

void db_finalize(sqlite3_stmt *st)
{
	sqlite3_finalize(st);
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void db_bind_static(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void db_bind_int64(sqlite3_stmt *st, int i, long long v)
{
	sqlite3_bind_int64(st, i, v);
}

void db_bind_null(sqlite3_stmt *st, int i)
{
	sqlite3_bind_null(st, i);
}

int db_nparams(sqlite3_stmt *st)
{
	return sqlite3_bind_parameter_count(st);
}

const char *db_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

long long db_int64(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

int db_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int(st, i);
}

bool db_is_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL;
}

const void *db_blob(sqlite3_stmt *st, int i)
{
	return sqlite3_column_blob(st, i);
}

int db_bytes(sqlite3_stmt *st, int i)
{
	return sqlite3_column_bytes(st, i);
}

int db_ncolumns(sqlite3_stmt *st)
{
	return sqlite3_column_count(st);
}

long long db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

long long db_last_rowid(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}
