/*
 * The database as files (audit.md, "Files: nothing clobbered, nothing
 * planted"): the database and its -wal and -shm are this user's alone
 * (mode 0600), or shared with the group JIUZHU_GROUP names (0660, that
 * group); anything else was planted or left open and is refused (77)
 * before SQLite reads a byte of it.  Each is looked at through a
 * descriptor, and guarded (io/guard.h) so that no output of the run
 * writes over it.  Inside store/: db.c's helper.
 */
#ifndef JZ_DBFILE_H
#define JZ_DBFILE_H

#include <stdbool.h>
#include <sys/types.h>

struct dbfile {
	bool exists;     /* the database file is there */
	off_t wal_bytes; /* the size of its -wal, 0 when none */
	bool writable;   /* this user may write the file and its directory: a
			  * reader that may not opens it as an immutable copy */
	int write_errno; /* why not */
};

/* Check path and the -wal and -shm beside the file it names (a symbolic
 * link to the database is followed, as SQLite does; a -wal or -shm that is
 * a link is refused); exits 77 (or 64 for an unknown JIUZHU_GROUP). */
void dbfile_check(const char *path, struct dbfile *f);

/* Guard path and its -wal and -shm (io/guard.h) without opening it or
 * checking them: for a run that does not read the database, so that its
 * output is not written over it all the same. */
void dbfile_guard(const char *path);

/* Create path empty, mode 0600, or 0660 in JIUZHU_GROUP's group, whatever
 * the umask; an existing file is left alone (false).  Exits 73. */
bool dbfile_create(const char *path);

/* Once SQLite has made path's -wal and -shm (with the database's mode):
 * give those of this user JIUZHU_GROUP's group too, so that the next member
 * of the group may open them.  Nothing without JIUZHU_GROUP. */
void dbfile_share(const char *path);

#endif
