/*
 * The end of a run that writes (grant, settle): bad input rolls back and
 * prints nothing (65); a run with nothing new, or a dry run, rolls back and
 * shows its output; otherwise the journal entry is written, the run
 * committed, and only then the output shown, so that nothing printed is
 * ever rolled back.
 */
#ifndef JZ_RUN_H
#define JZ_RUN_H

#include <stdbool.h>

#include "store/db.h"
#include "store/journal.h"
#include "io/opts.h"
#include "io/output.h"

/* say(ctx, verb) tells the run's summary, verb "" or "nothing new: " or
 * "dry run, nothing written: ".  Returns the exit status: 0, or 65 when
 * there was bad input (bad records, or a file spoiled). */
int run_finish(const struct jz_opts *o, struct db *db, struct journal *j, struct output *out,
	       const char *policy_ref, bool written, long long bad, bool spoiled,
	       void (*say)(const void *ctx, const char *verb), const void *ctx);

#endif
