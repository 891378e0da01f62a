/*
 * Enrolment: records of a kind into the registry, all or nothing (or the
 * good ones, with --keep-going), each file's digest in the journal.
 */
#ifndef JZ_ENROL_H
#define JZ_ENROL_H

#include <stdbool.h>

#include "io/kind.h"
#include "io/opts.h"

struct enrol_opts {
	const struct kind *kind; /* --kind, or NULL: chosen by the header */
	bool keep_going;         /* write the good records, reject the bad */
	const char *rejects;     /* --rejects FILE, or NULL */
};

/* Enrol the records of files[0..nfiles) ("-" for stdin) and print them as
 * stored; returns the exit status. */
int enrol_run(const struct jz_opts *o, const struct enrol_opts *e, char **files, int nfiles);

#endif
