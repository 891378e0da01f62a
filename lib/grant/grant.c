/*
 * A grant(1) run (see grant.h) in its frame (store/run.h): one
 * transaction, journalled; the output printed inside it and put in place
 * after the commit, so that a run that fails leaves neither rows nor
 * output.  Also the funding run.
 */
#include "grant/grant_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "io/kind_choose.h"
#include "io/kind_grant.h"
#include "io/output.h"
#include "store/lookup.h"
#include "store/run.h"

/* ---- funding: money into the accounts ---- */

static const char *const funding_columns[] = {"account", "date", "amount", "source", "note",
					      "balance"};

struct funding_run {
	struct grant_job *r;
	int src;
	db_stmt *seen, *stored, *insert;
};

/* Book one funding record.  The same record (same account, date, amount,
 * source and note) is booked once however often it is given: the k-th
 * time a run gives it, it is booked unless earlier runs booked it k times
 * already.  A second run of a file books nothing; two equal rows in one
 * file are both booked. */
static void take_funding(struct rec *rec, void *ctx)
{
	struct funding_run *f = ctx;
	struct grant_job *r = f->r;
	const struct kind *k = &kind_funding;
	struct value v[KIND_MAX_FIELDS];
	struct problems *p = &rec->prob;

	progress_tick("records", ++r->read);
	if (rec->broken || !kind_parse(k, &r->env, rec->val, v, p)) {
		r->bad++;
		return;
	}
	const char *account = v[FUNDING_ACCOUNT].s, *date = v[FUNDING_DATE].s;
	const char *source = v[FUNDING_SOURCE].s;
	const char *note = v[FUNDING_NOTE].given ? v[FUNDING_NOTE].s : NULL;
	jz_fen amount = v[FUNDING_AMOUNT].i;
	db_stmt *st[] = {f->seen, f->stored};
	for (int i = 0; i < 2; i++) {
		db_bind_text(st[i], 1, account);
		db_bind_text(st[i], 2, date);
		db_bind_int64(st[i], 3, amount);
		db_bind_text(st[i], 4, source);
		db_bind_text(st[i], 5, note);
	}
	db_step(&r->db, f->seen);
	db_bind_int64(f->stored, 6, r->j.entry);
	db_step(&r->db, f->stored);
	bool again = db_int64(f->stored, 0) >= db_int64(f->stored, 1);
	db_reset(f->stored);
	if (again) {
		r->same++;
		return;
	}
	const char *text[] = {account, date, NULL, source, note};
	for (int i = 0; i < 5; i++)
		db_bind_text(f->insert, i + 1, text[i]);
	db_bind_int64(f->insert, 3, amount);
	db_bind_int64(f->insert, 6, r->j.entry);
	db_bind_int64(f->insert, 7, f->src);
	db_bind_int64(f->insert, 8, p->line);
	db_step(&r->db, f->insert);
	char ref[40], from[40], balance[MONEY_TEXT];
	snprintf(ref, sizeof ref, "funding:%lld", (long long)db_last_rowid(&r->db));
	snprintf(from, sizeof from, "source:%s", source);
	ledger_move(&r->store.ledger, from, account, amount, date, ref);
	money_format(ledger_balance(&r->store.ledger, account), balance);
	const char *row[] = {account, date, v[FUNDING_AMOUNT].s, source, note, balance};
	rec_write(r->w, row);
	r->taken++;
}

void grant_funding(struct grant_job *r)
{
	const struct kind *k = &kind_funding;
	struct rec_source src = {k->fields, k->nfields, NULL, r->o->input_format, r->o->encoding,
				 r->o->ignore_unknown};
	struct funding_run f = {.r = r};
	char sha[SHA256_HEX];

	/* The records this run has given, and of the same, how many earlier
	 * runs booked and how many times this run gave it so far. */
	db_exec(&r->db, "CREATE TEMP TABLE IF NOT EXISTS funding_given (account, date, "
		     "amount, source, note)");
	/* Both counts are asked per record: by index, not by scan. */
	db_exec(&r->db, "CREATE INDEX IF NOT EXISTS temp.funding_given_key ON funding_given "
		     "(account, date, amount)");
	f.seen = db_prepare(&r->db, "INSERT INTO temp.funding_given VALUES (?1, ?2, ?3, ?4, ?5)");
	f.stored = db_prepare(&r->db, "SELECT (SELECT count(*) FROM main.funding WHERE entry < ?6 "
			      "AND account = ?1 AND date = ?2 AND amount = ?3 AND source = ?4 "
			      "AND note IS ?5), (SELECT count(*) FROM temp.funding_given WHERE "
			      "account = ?1 AND date = ?2 AND amount = ?3 AND source = ?4 AND note IS ?5)");
	f.insert = db_prepare(&r->db, "INSERT INTO funding (account, date, amount, source, note, "
			      "entry, src, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	for (int i = 0; i < r->nfiles; i++) {
		f.src = i;
		if (!rec_read_file(r->files[i], &src, take_funding, &f, sha))
			r->spoiled = true;
		journal_input(&r->j, r->files[i], sha);
	}
	db_finalize(f.seen);
	db_finalize(f.stored);
	db_finalize(f.insert);
}

/* ---- the frame ---- */

static void say_done(const void *ctx, const char *verb)
{
	const struct grant_job *r = ctx;
	const struct grant_store *s = &r->store;
	char fen[MONEY_TEXT], month[DATE_TEXT];

	if (r->o->quiet)
		return;
	if (r->g->kind == GRANT_FUNDING) {
		diag_warn("%s%lld funding record%s booked, %lld booked before", verb, r->taken,
			  r->taken == 1 ? "" : "s", r->same);
		return;
	}
	if (r->g->kind == GRANT_RECOVERY || r->g->kind == GRANT_RETURN) {
		bool rec = r->g->kind == GRANT_RECOVERY;
		diag_warn("%s%lld record%s read: %lld %s booked, %lld booked before", verb, r->read,
			  r->read == 1 ? "" : "s", r->taken, rec ? "recovery row(s)" : "return(s)",
			  r->same);
		return;
	}
	if (r->decisions_read || !r->g->period) {
		money_format(r->decision_fen, fen);
		diag_warn("%s%lld decision%s read: %lld grant version%s written, %lld payment%s "
			  "(%s yuan), %lld deferred; %lld changed nothing, %lld older than their grant",
			  verb, r->decisions_read, r->decisions_read == 1 ? "" : "s", r->decision_versions,
			  r->decision_versions == 1 ? "" : "s", r->decision_paid,
			  r->decision_paid == 1 ? "" : "s", fen, r->decision_deferred, r->decision_same,
			  r->stale);
	}
	if (r->g->period) {
		money_format(s->paid_fen - r->decision_fen - r->arrears_fen, fen);
		date_format(r->g->period, month);
		diag_warn("%spayroll %.7s: %lld paid (%s yuan), %lld paid before, %lld deferred for "
			  "want of funds, %lld ended at their number of payments", verb, month,
			  s->paid - r->decision_paid - r->arrears_paid, fen, r->same,
			  s->deferred - r->decision_deferred - (r->arrears - r->arrears_paid), r->ended);
		if (r->rechecked || r->ended_gone) {
			char arrears[MONEY_TEXT], over[MONEY_TEXT], off[MONEY_TEXT];
			money_format(r->arrears_fen, arrears);
			money_format(r->overpaid_fen, over);
			money_format(r->offset_fen, off);
			diag_warn("%spayroll %.7s: %lld month%s changed since paid: %lld arrears (%s "
				  "yuan), %lld overpaid (%s yuan); %lld offset%s (%s yuan); %lld "
				  "grant%s ended by a death or departure", verb, month, r->rechecked,
				  r->rechecked == 1 ? "" : "s", r->arrears, arrears, r->overpaid, over,
				  r->offsets, r->offsets == 1 ? "" : "s", off, r->ended_gone,
				  r->ended_gone == 1 ? "" : "s");
		}
	}
}

/* Which inputs the run reads.  Standard input is read whole first, before
 * the database is opened: in `assess --record | grant` both want the write
 * lock, and assess must be able to finish.  --period with no FILE grants
 * the decisions on standard input when there are any (cli.md: the payroll
 * alone when there is no input: a terminal, /dev/null, cron's empty pipe). */
static void choose_inputs(struct grant_job *r)
{
	static char *stdin_only[] = {"-"};
	const struct grant_opts *g = r->g;
	bool dash = false;

	for (int i = 0; i < g->nfiles; i++)
		dash |= strcmp(g->files[i], "-") == 0;
	r->files = g->files;
	r->nfiles = g->nfiles;
	if (g->recorded || (g->nfiles && !dash))
		return;
	long long bytes = input_spool_stdin();
	if (g->nfiles == 0 && (!g->period || bytes > 0)) {
		r->files = stdin_only;
		r->nfiles = 1;
	}
}

/* The kind of the input files by their headers (cli.md, Headers identify
 * the kind): --kind's when given, and decisions with --period. */
static void choose_kind(struct grant_job *r, struct grant_opts *g)
{
	static const struct kind *const kinds[] = {&kind_decision, &kind_funding, &kind_recovery,
						   &kind_return};
	const struct jz_opts *o = r->o;
	struct rec_source look = {.format = o->input_format, .encoding = o->encoding,
				  .ignore_unknown = o->ignore_unknown};
	const struct kind *given = g->kind_given || g->period ? kinds[g->kind] : NULL;

	if (g->recorded || r->nfiles == 0)
		return;
	const struct kind *k = kind_choose(r->files[0], &look, kinds, 4, given, NULL);
	for (int i = 1; i < r->nfiles; i++)
		kind_choose(r->files[i], &look, kinds, 4, k, given ? NULL : r->files[0]);
	for (int i = 0; i < 4; i++)
		if (kinds[i] == k)
			g->kind = (enum grant_kind)i;
}

int grant_run(const struct jz_opts *o, const struct grant_opts *given)
{
	struct grant_opts chosen = *given; /* the kind may be the header's */
	const struct grant_opts *g = &chosen;
	struct grant_job r = {.o = o, .g = g};
	struct output out;
	/* Grants are of an enrolled registry: a missing one is not created. */
	struct run_frame f = {.o = o, .db = &r.db, .j = &r.j, .pol = &r.pol, .out = &out,
			      .missing = "enrol the registry first, or give --db"};

	input_check_files(g->files, g->nfiles);
	choose_inputs(&r);
	choose_kind(&r, &chosen);
	run_begin(&f);
	progress_files(r.files, r.nfiles);
	r.env = (struct kind_env){.today = date_today(), .as_of = o->as_of};
	lookup_open(&r.env, &r.db);
	r.hist.db = &r.db;
	grant_store_open(&r.store, &r.db, r.j.entry);
	adjust_open(&r.adjust, &r.db);
	if (g->period || g->kind == GRANT_RECOVERY || g->kind == GRANT_RETURN)
		r.w = rec_writer_open(out.fp, o->format, payment_columns, payment_ncolumns);
	else if (g->kind == GRANT_FUNDING)
		r.w = rec_writer_open(out.fp, o->format, funding_columns,
				      (int)(sizeof funding_columns / sizeof funding_columns[0]));
	else
		r.w = rec_writer_open(out.fp, o->format, grant_columns, grant_ncolumns);

	if (g->kind == GRANT_FUNDING) {
		grant_funding(&r);
	} else if (g->kind == GRANT_RECOVERY) {
		grant_recovery(&r);
	} else if (g->kind == GRANT_RETURN) {
		grant_return(&r);
	} else {
		if (!g->period || r.nfiles || g->recorded) {
			grant_decisions(&r);
			/* What the payroll's counts do not include. */
			r.decisions_read = r.read;
			r.decision_versions = r.store.versions;
			r.decision_paid = r.store.paid;
			r.decision_deferred = r.store.deferred;
			r.decision_fen = r.store.paid_fen;
			r.decision_same = r.same;
			r.read = r.same = 0;
		}
		if (g->period && !r.bad && !r.spoiled)
			grant_payroll(&r);
	}
	progress_done();

	const char *tables[] = {"grant", "payment", "ledger", "funding"};
	long long rows[] = {r.store.versions, r.store.payments, r.store.ledger.rows,
			    g->kind == GRANT_FUNDING ? r.taken : 0};
	for (int i = 0; i < 4; i++)
		if (rows[i])
			journal_count(&r.j, tables[i], rows[i]);
	adjust_close(&r.adjust);
	grant_store_close(&r.store);
	history_free(&r.hist);
	lookup_close(&r.env);
	bool written = rec_writer_close(r.w);
	return run_finish(&f, written, r.bad, r.spoiled, say_done, &r);
}
