/*
 * The files a run must not write over (audit.md, "Files: nothing
 * clobbered, nothing planted"): the database, its -wal and -shm, and the
 * run's inputs.  Each is known by its device and inode, taken with fstat
 * on the descriptor that opened it; the database's -wal and -shm, which
 * may not exist yet, also by their directory and name.  An output is
 * checked against them when it is opened and again just before it is put
 * in place, and an input opened after an output is checked against that
 * output, so that the order of the opens does not matter.  A refusal
 * exits 73.
 */
#ifndef JZ_GUARD_H
#define JZ_GUARD_H

#include <fcntl.h>
#include <sys/stat.h>

/* open(2) flags for a descriptor only to fstat a file: no permission
 * needed, and no side effect of opening a device or a FIFO. */
#ifdef O_PATH
#define GUARD_LOOK O_PATH
#else
#define GUARD_LOOK (O_RDONLY | O_NONBLOCK | O_NOCTTY)
#endif

/* What a guarded file is, for the message. */
enum guard_what { GUARD_DATABASE, GUARD_INPUT };

/* A file of the database (st as fstat'ed on its descriptor; name for
 * messages). */
void guard_file(const struct stat *st, enum guard_what what, const char *name);
/* A file of the database by name: base in the directory dir (fstat'ed),
 * for a -wal or -shm that may not exist yet. */
void guard_name(const struct stat *dir, const char *base, const char *name);
/* An input as it was opened (name for messages); exits 73 when an output
 * of this run is that file. */
void guard_input(const struct stat *st, const char *name);

/* Exit 73 when an output's file (st, fstat'ed on a descriptor opened
 * without following a symbolic link; NULL when there is no file yet) or
 * its name (base in the directory dir, fstat'ed) is a guarded file; path
 * names the output in the message. */
void guard_output(const struct stat *st, const struct stat *dir, const char *base,
		  const char *path);
/* Remember an output's file as it was opened, for guard_input. */
void guard_output_at(const struct stat *st, const char *path);

#endif
