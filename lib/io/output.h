/*
 * Where a command writes: stdout, or -o FILE.  A regular file is written
 * to a temporary file beside it (mode 0600) and renamed into place only
 * when the run succeeds, so a reader never sees half a file; a device or
 * FIFO is written directly.  A symbolic link is refused, never followed,
 * and so is a file that is the database or one of the run's inputs
 * (io/guard.h): each exits 73.
 */
#ifndef JZ_OUTPUT_H
#define JZ_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE *fp;         /* write here */
	const char *path; /* the -o FILE, or NULL for stdout */
	char *tmp;        /* the temporary file, or NULL when writing directly */
	FILE *spool_to;   /* output_spool(): where the spool goes when ready */
};

/* Open path (NULL or "-" for stdout); exits 73 when it cannot. */
void output_open(struct output *o, const char *path);
/* The temporary file a regular -o FILE is written to, for a writer that
 * writes it by name (report backup); NULL when the output is written
 * directly (stdout, a device, a FIFO). */
const char *output_tmp(const struct output *o);
/* Hold what is written to standard output (or a device or FIFO) in an
 * anonymous temporary file until output_commit(), called after the
 * database commit: a run that fails or is killed prints nothing at all,
 * and nothing printed is ever undone (a payroll printed but rolled back
 * would be paid twice).  A regular -o file needs no spool: it is renamed
 * into place on commit. */
void output_spool(struct output *o);
/* Forget what was written so far (a spool or a -o file: both are regular
 * files until they are committed); false when that failed. */
bool output_rewind(struct output *o);
/* Flush (and for a file, sync) what was written: false when a write
 * failed.  Call before committing what the output reports. */
bool output_ready(struct output *o);
/* Flush and put the file in place; exits 74 when a write failed. */
void output_commit(struct output *o);
/* Drop a half-written file (on error). */
void output_abort(struct output *o);

#endif
