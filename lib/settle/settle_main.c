/*
 * The frame of a settle(1) run (see settle.h): one transaction,
 * journalled, the output held back and shown after the commit.
 */
#include "settle/settle_int.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "store/run.h"
#include "io/output.h"
#include "core/progress.h"

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

int settle_run(const struct jz_opts *o, const struct settle_opts *s)
{
	struct settle_job r = {.o = o, .s = s};
	struct output out;
	int status = JZ_OK;
	bool writes = s->mode != SETTLE_SUMMARY;

	input_check_files(s->files, s->nfiles);
	if (s->mode == SETTLE_CLAIMS && (s->nfiles == 0 ||
	    (s->nfiles == 1 && strcmp(s->files[0], "-") == 0)))
		input_spool_stdin(); /* a writer before us in the pipeline may hold the lock */
	if (access(o->db, F_OK) != 0)
		diag_fatal(JZ_NOINPUT, "%s: no such database; enrol the registry first, or give --db",
			   o->db);
	db_open(&r.db, o->db, !writes ? DB_READ : o->dry_run ? DB_TRIAL : DB_WRITE,
		o->busy_timeout_ms);
	r.env = (struct kind_env){.db = &r.db, .today = date_today(), .as_of = o->as_of};
	r.hist.db = &r.db;
	output_open(&out, o->output);
	output_spool(&out);
	progress_start(o->quiet);
	if (writes) {
		db_begin(&r.db);
		journal_start(&r.db, &r.j);
	} else {
		db_begin_read(&r.db);
	}
	policy_choose(&r.pol, &r.db, o->policy);
	if (writes && policy_store(&r.pol, &r.db, r.j.entry))
		journal_count(&r.j, "policy", 1);
	if (s->mode == SETTLE_CLAIMS)
		r.w = rec_writer_open(out.fp, o->format, settle_line_columns, settle_line_ncolumns);
	else if (s->mode == SETTLE_FUND)
		r.w = rec_writer_open(out.fp, o->format, settle_fund_columns, settle_fund_ncolumns);
	else
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
		break;
	case SETTLE_FUND:
		settle_fund(&r);
		break;
	}
	progress_done();
	history_free(&r.hist);
	kind_env_free(&r.env);
	bool closed = rec_writer_close(r.w);

	if (!writes) {
		db_end_read(&r.db);
		if (!closed || !output_ready(&out)) {
			output_abort(&out);
			diag_fatal(JZ_IOERR, "%s: write failed", o->output ? o->output : "standard output");
		}
		output_commit(&out);
		goto out;
	}
	static const char *const tables[] = {"claim", "claim", "signoff", "ledger"};
	if (r.added)
		journal_count(&r.j, tables[s->mode], r.added);
	status = run_finish(o, &r.db, &r.j, &out, r.pol.ref, closed, r.bad, r.spoiled, say_done, &r);
	journal_free(&r.j);
out:
	policy_free(&r.pol);
	db_close(&r.db);
	return status;
}
