/* The end of a run that writes (see run.h). */
#include "store/run.h"

#include "core/diag.h"
#include "core/exitcode.h"

int run_finish(const struct jz_opts *o, struct db *db, struct journal *j, struct output *out,
	       const char *policy_ref, bool written, long long bad, bool spoiled,
	       void (*say)(const void *ctx, const char *verb), const void *ctx)
{
	if (spoiled || bad) {
		db_rollback(db);
		output_abort(out);
		if (bad)
			diag_warn("%lld bad record%s; nothing was written", bad, bad == 1 ? "" : "s");
		else
			diag_warn("input that could not be read; nothing was written");
		return JZ_DATAERR;
	}
	if (!written || !output_ready(out)) {
		db_rollback(db);
		output_abort(out);
		diag_fatal(JZ_IOERR, "%s: write failed; nothing was written",
			   o->output ? o->output : "standard output");
	}
	if (journal_total(j) == 0 || o->dry_run) {
		db_rollback(db);
		say(ctx, o->dry_run ? "dry run, nothing written: " : "nothing new: ");
	} else {
		journal_write(db, j, o->command_line, policy_ref);
		db_commit(db);
		say(ctx, "");
	}
	output_commit(out);
	return JZ_OK;
}
