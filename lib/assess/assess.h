/*
 * Assessment: run the rules of the selected programmes over the registry as
 * of a date and print the decisions (assess(1)).
 */
#ifndef JZ_ASSESS_H
#define JZ_ASSESS_H

#include <stdbool.h>

#include "io/opts.h"

struct assess_opts {
	const char *programmes[32]; /* --programme, none for all */
	int nprogrammes;
	bool explain;               /* add the trace column */
	bool record;                /* store the decisions (and journal the run) */
	char **files;               /* persons to assess instead of the registry */
	int nfiles;
};

/* Returns the exit status. */
int assess_run(const struct jz_opts *o, const struct assess_opts *a);

/* Is code a programme whose rules exist? */
bool assess_known_programme(const char *code);

#endif
