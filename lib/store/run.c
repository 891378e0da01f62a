/* A run's frame: its beginning and its end (see run.h). */
#include "store/run.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"

/* The outputs, held back: bad input prints nothing, not even its good
 * rows, and nothing is shown before the commit.  Opened before any work:
 * a bad -o fails at once. */
static void open_outputs(struct run_frame *f)
{
	output_open(f->out, f->o->output);
	output_spool(f->out);
	if (f->also)
		output_open(f->also, f->also_path);
}

/* A long statement (a GROUP BY over the claims, an integrity check)
 * keeps the progress line alive: called every 100,000 SQLite steps. */
static int progress_handler(void *unused)
{
	(void)unused;
	progress_busy();
	return 0;
}

void run_begin(struct run_frame *f)
{
	const struct jz_opts *o = f->o;

	assert(f->pol || !f->j); /* a run that writes stores its policy */
	f->policy_stored = false;
	if (f->missing && o->db && access(o->db, F_OK) != 0)
		diag_fatal(JZ_NOINPUT, "%s: no such database; %s", o->db, f->missing);
	db_open(f->db, o->db, !f->j ? DB_READ : o->dry_run ? DB_TRIAL : DB_WRITE,
		o->busy_timeout_ms);
	if (!f->output_last)
		open_outputs(f);
	progress_start(o->quiet);
	sqlite3_progress_handler(f->db->h, 100000, progress_handler, NULL);
	if (f->j) {
		db_begin(f->db);
		journal_start(f->db, f->j);
	} else {
		db_begin_read(f->db); /* one view of the database */
	}
	if (f->pol) {
		policy_choose(f->pol, f->db, o->policy);
		if (f->j && policy_store(f->pol, f->db, f->j->entry)) {
			journal_count(f->j, "policy", 1);
			f->policy_stored = true;
		}
	}
	if (f->output_last)
		open_outputs(f);
}

/* What run_begin opened, closed (the output is shown or dropped already). */
static void close_frame(struct run_frame *f)
{
	if (f->j)
		journal_free(f->j);
	if (f->pol)
		policy_free(f->pol);
	db_close(f->db);
}

int run_finish(struct run_frame *f, bool written, long long bad, bool spoiled,
	       void (*say)(const void *ctx, const char *verb), const void *ctx)
{
	const struct jz_opts *o = f->o;

	assert(f->j);
	progress_done(); /* nothing left behind, before the summary and output */
	if (spoiled || bad) {
		db_rollback(f->db);
		output_abort(f->out);
		if (bad)
			diag_warn("%lld bad record%s; nothing was written", bad, bad == 1 ? "" : "s");
		else
			diag_warn("input that could not be read; nothing was written");
		close_frame(f);
		return JZ_DATAERR;
	}
	if (!written || !output_ready(f->out)) {
		db_rollback(f->db);
		output_abort(f->out);
		diag_fatal(JZ_IOERR, "%s: write failed; nothing was written",
			   o->output ? o->output : "standard output");
	}
	if (journal_total(f->j) == 0 || o->dry_run) {
		db_rollback(f->db);
		say(ctx, o->dry_run ? "dry run, nothing written: " : "nothing new: ");
	} else {
		journal_write(f->db, f->j, o->command_line, f->pol->ref);
		db_commit(f->db);
		/* The summary ends with the new head (audit.md, anchors). */
		char tail[120];
		snprintf(tail, sizeof tail, "; journal %lld %.*s", f->j->entry, o->verbose ? 64 : 12,
			 f->j->hash);
		diag_hold();
		say(ctx, "");
		diag_release(tail);
		if (o->anchor && !journal_anchor(f->j, o->anchor)) {
			diag_warn("%s: cannot append the journal head (%s); the run is committed as "
				  "journal entry %lld %s: add that line by hand", o->anchor,
				  strerror(errno), f->j->entry, f->j->hash);
			output_commit(f->out);
			close_frame(f);
			return JZ_IOERR;
		}
	}
	output_commit(f->out);
	close_frame(f);
	return JZ_OK;
}

void run_end(struct run_frame *f, bool written)
{
	assert(!f->j);
	progress_done();
	db_end_read(f->db);
	if (!written || !output_ready(f->out)) {
		output_abort(f->out);
		diag_fatal(JZ_IOERR, "%s: write failed",
			   f->o->output ? f->o->output : "standard output");
	}
	output_commit(f->out);
	close_frame(f);
}
