/*
 * A settle(1) run (see settle.h) in its frame (store/run.h): one
 * transaction, journalled, the output held back and shown after the
 * commit; the statement (--summary) is a run that only reads.
 */
#include "settle/settle_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "io/output.h"
#include "store/lookup.h"
#include "store/run.h"

static void say_done(const void *ctx, const char *verb)
{
	const struct settle_job *r = ctx;
	const struct settle_opts *s = r->s;

	if (r->o->quiet)
		return;
	switch (s->mode) {
	case SETTLE_CLAIMS:
		diag_warn("%s%s: %lld claim%s read: %lld settled (%lld approved, %lld adjusted, %lld "
			  "rejected), %lld settled before, %lld not settled (another quarter, a signed "
			  "statement, a duplicate)", verb, s->quarter, r->read, r->read == 1 ? "" : "s",
			  r->added, r->approved, r->adjusted, r->rejected, r->again, r->unsettled);
		break;
	case SETTLE_SIGN:
		diag_warn("%s%s: %s signed %lld statement%s (%lld signed before)", verb, s->quarter,
			  s->bureau, r->added, r->added == 1 ? "" : "s", r->again);
		break;
	default:
		break;
	}
}

/* One run in its frame; print: a signing run prints the statement too
 * (a dry run's, whose own signatures have no hash: see settle_run). */
static int run(const struct jz_opts *o, const struct settle_opts *s, bool print)
{
	struct settle_job r = {.o = o, .s = s};
	struct output out;
	bool writes = s->mode != SETTLE_SUMMARY;
	struct run_frame f = {.o = o, .db = &r.db, .j = writes ? &r.j : NULL, .pol = &r.pol,
			      .out = &out, .missing = "enrol the registry first, or give --db"};

	input_check_files(s->files, s->nfiles);
	if (s->mode == SETTLE_CLAIMS && (s->nfiles == 0 ||
	    (s->nfiles == 1 && strcmp(s->files[0], "-") == 0)))
		input_spool_stdin(); /* a writer before us in the pipeline may hold the lock */
	run_begin(&f);
	progress_files(s->nfiles ? s->files : (char *[]){"-"}, s->nfiles ? s->nfiles : 1);
	r.env = (struct kind_env){.today = date_today(), .as_of = o->as_of};
	lookup_open(&r.env, &r.db);
	r.hist.db = &r.db;
	if (s->mode == SETTLE_CLAIMS)
		r.w = rec_writer_open(out.fp, o->format, settle_line_columns, settle_line_ncolumns);
	else if (s->mode == SETTLE_FUND)
		r.w = rec_writer_open(out.fp, o->format, settle_fund_columns, settle_fund_ncolumns);
	else if (s->mode == SETTLE_SUMMARY || print)
		r.w = rec_writer_open(out.fp, o->format, settle_summary_columns,
				      settle_summary_ncolumns);

	switch (s->mode) {
	case SETTLE_CLAIMS:
		settle_claims(&r);
		break;
	case SETTLE_SUMMARY:
		settle_summary(&r, s->institution);
		break;
	case SETTLE_SIGN:
		settle_sign(&r);
		if (print)
			settle_summary(&r, s->institution);
		break;
	case SETTLE_FUND:
		settle_fund(&r);
		break;
	}
	progress_done();
	history_free(&r.hist);
	lookup_close(&r.env);
	bool closed = !r.w || rec_writer_close(r.w);

	if (!writes) {
		run_end(&f, closed);
		return JZ_OK;
	}
	static const char *const tables[] = {"claim", "claim", "signoff", "ledger"};
	if (r.added)
		journal_count(&r.j, tables[s->mode], r.added);
	return run_finish(&f, closed, r.bad, r.spoiled, say_done, &r);
}

int settle_run(const struct jz_opts *o, const struct settle_opts *s)
{
	if (s->mode != SETTLE_SIGN || o->dry_run)
		return run(o, s, true);
	/* A sign-off prints the statement as --summary does, read after its
	 * commit, so that each signature shows the head of the journal entry
	 * that holds it (audit.md).  The signing run prints nothing; with -o,
	 * the file is written after the signature is stored. */
	struct jz_opts signing = *o;
	struct settle_opts shown = *s;
	signing.output = NULL;
	int status = run(&signing, s, false);
	if (status != JZ_OK)
		return status;
	shown.mode = SETTLE_SUMMARY;
	return run(o, &shown, true);
}
