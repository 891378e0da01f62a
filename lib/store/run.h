/*
 * A run's frame, written once for every command: run_begin() opens the
 * database and the output, BEGINs, starts the journal entry, chooses the
 * policy and stores it; run_finish() ends a run that writes: bad input
 * rolls back and prints nothing (65); a run with nothing new, or a dry
 * run, rolls back and shows its output; otherwise the journal entry is
 * written, the run committed, and only then the output shown, so that
 * nothing printed is ever rolled back.  run_end() ends a run that only
 * reads: one view of the database, its output shown at the end.
 *
 * The frame points at the command's own database, journal, policy and
 * output (the structs its library's files already use): which of them it
 * is given says what kind of run it is.
 */
#ifndef JZ_RUN_H
#define JZ_RUN_H

#include <stdbool.h>

#include "io/opts.h"
#include "io/output.h"
#include "store/db.h"
#include "store/journal.h"
#include "store/policy_store.h"

struct run_frame {
	const struct jz_opts *o; /* the shared options: --db, -o, --policy, -n, -q... */
	struct db *db;          /* opened by run_begin */
	struct journal *j;      /* a run that writes: its entry (BEGIN IMMEDIATE,
				 * the policy stored, a trial database for
				 * --dry-run); NULL: a run that only reads (the
				 * database as it is, one read transaction) */
	struct policy *pol;     /* the policy chosen (--policy, or the
				 * database's); NULL: the run needs none (a
				 * reader only: a writer stores it) */
	struct output *out;     /* -o, held back until the run's end */
	const char *missing;    /* a database that is not there exits 66 with
				 * this advice ("give --db"); NULL: it is
				 * created (enrol) */
	bool output_last;       /* open out once the policy is chosen, not
				 * before BEGIN (assess: a locked database or a
				 * bad policy is told before a bad -o) */
	struct output *also;    /* a second output, opened after out and before
				 * BEGIN (enrol's --rejects), or NULL; the
				 * command ends it */
	const char *also_path;  /* its file */
	bool policy_stored;     /* set by run_begin: this run stored the policy
				 * (journalled as one "policy" row) */
};

/* Begin the run f describes.  Exits 66 when the database is missing, and
 * as db_open, output_open, db_begin (75 after --busy-timeout) and
 * policy_choose do.  Progress is started; the command says progress_done
 * when its work is done. */
void run_begin(struct run_frame *f);

/* End a run that writes.  say(ctx, verb) tells the run's summary, verb ""
 * or "nothing new: " or "dry run, nothing written: ".  Returns the exit
 * status: 0, or 65 when there was bad input (bad records, or a file
 * spoiled); exits 74 when the output could not be written (written false,
 * or not ready).  The frame is closed either way. */
int run_finish(struct run_frame *f, bool written, long long bad, bool spoiled,
	       void (*say)(const void *ctx, const char *verb), const void *ctx);

/* End a run that only reads: its transaction ended, its output shown;
 * exits 74 when it could not be written.  The frame is closed. */
void run_end(struct run_frame *f, bool written);

#endif
