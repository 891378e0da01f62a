/* Assessment of the registry as of a date (see assess.h). */
#include "assess/assess.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "core/text.h"
#include "io/kind.h"
#include "io/output.h"
#include "io/rec.h"
#include "rules/rule.h"
#include "store/application.h"
#include "store/db.h"
#include "store/household.h"
#include "store/journal.h"
#include "store/policy_store.h"
#include "store/run.h"

static const char *const columns[] = {
	"decision_id", "as_of", "programme", "unit", "household_id", "national_id",
	"application_id", "eligible", "amount", "period", "reason", "policy", "trace",
};

struct sink {
	struct rec_writer *w;
	const struct jz_opts *o;
	const struct assess_opts *a;
	const struct policy *pol;
	char as_of[DATE_TEXT];
	bool selected[64];      /* by rule_programmes index: run it */
	struct rule_ctx *ctx;
	struct output *out;
	struct db *db;
	struct journal *journal;       /* with --record: the run's entry */
	db_stmt *last, *insert;   /* with --record */
	db_stmt *fresh;           /* and no decision of as_of recorded before */
	long long recorded, unchanged;
	bool applications;             /* decide applications too */
	struct application_set apps;   /* received by D */
	const struct application **mine; /* this household's, in order received */
	int minecap;
};

/* Was programme code asked for (or were all)? */
static bool wanted(const struct assess_opts *a, const char *code)
{
	for (int k = 0; k < a->nprogrammes; k++)
		if (strcmp(a->programmes[k], code) == 0)
			return true;
	return a->nprogrammes == 0;
}

#define INSERT_DECISION "INTO decision (decision_id, as_of, programme, unit, household_id, " \
	"national_id, application_id, eligible, amount, period, reason, policy, trace, entry) " \
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"

/* Has a decision of as_of been recorded?  Every decision's id begins
 * "as_of/" (rule_decision_id): a range of the primary key. */
static bool recorded_before(struct db *db, const char *as_of)
{
	char lo[DATE_TEXT + 1], hi[DATE_TEXT + 1];
	db_stmt *st = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM decision "
				 "WHERE decision_id >= ?1 AND decision_id < ?2)");

	snprintf(lo, sizeof lo, "%s/", as_of);
	snprintf(hi, sizeof hi, "%s0", as_of); /* '0' follows '/' */
	db_bind_static(st, 1, lo);
	db_bind_static(st, 2, hi);
	bool yes = db_step(db, st) == DB_ROW && db_int(st, 0);
	db_finalize(st);
	return yes;
}

/* Store d unless the decision last recorded under id says the same:
 * eligible, amount, reason and policy.  The trace explains a decision and
 * is not part of it: an application decided again as granted (rules.md
 * temporary) is the same decision with a shorter explanation. */
static void bind_decision(struct sink *s, db_stmt *st, const struct decision *d, const char *id)
{
	const char *text[] = {id, s->as_of, d->programme, d->unit, d->household_id, d->national_id,
			      d->application_id};
	for (int i = 0; i < 7; i++)
		db_bind_static(st, i + 1, text[i]);
	db_bind_int64(st, 8, d->eligible);
	db_bind_int64(st, 9, d->amount);
	db_bind_static(st, 10, d->period);
	db_bind_static(st, 11, d->reason);
	db_bind_static(st, 12, s->pol->ref);
	db_bind_static(st, 13, d->trace);
	db_bind_int64(st, 14, s->journal->entry);
}

static void record(struct sink *s, const struct decision *d, const char *id)
{
	/* Nothing of as_of recorded before this run: a decision is new
	 * unless this run made it already, which the insert tells. */
	if (s->fresh) {
		bind_decision(s, s->fresh, d, id);
		db_step(s->db, s->fresh);
		if (db_changes(s->db) == 1) {
			s->recorded++;
			return;
		}
	}
	db_bind_text(s->last, 1, id);
	if (db_step(s->db, s->last) == DB_ROW) {
		bool same = db_int(s->last, 0) == d->eligible &&
			    db_int64(s->last, 1) == d->amount &&
			    strcmp(db_text(s->last, 2), d->reason) == 0 &&
			    strcmp(db_text(s->last, 3), s->pol->ref) == 0;
		db_reset(s->last);
		if (same) {
			s->unchanged++;
			return;
		}
	}
	bind_decision(s, s->insert, d, id);
	db_step(s->db, s->insert);
	s->recorded++;
}

static void write_decision(const struct decision *d, void *p)
{
	struct sink *s = p;
	char id[300], amount[MONEY_TEXT];

	if (!wanted(s->a, d->programme))
		return;
	rule_decision_id(id, sizeof id, s->as_of, d);
	money_format(d->amount, amount);
	const char *row[] = {
		id, s->as_of, d->programme, d->unit, d->household_id, d->national_id,
		d->application_id, d->eligible ? "yes" : "no", amount, d->period, d->reason,
		s->pol->ref, d->trace,
	};
	rec_write(s->w, row);
	if (s->insert)
		record(s, d, id);
}

static void assess_household(const struct household *h, void *p)
{
	struct sink *s = p;

	rule_facts(s->ctx, h);
	for (int i = 0; i < rule_nprogrammes && !s->ctx->missing; i++) {
		if (!s->selected[i])
			continue;
		rule_programmes[i].household(s->ctx, h);
	}
	if (s->applications && !s->ctx->missing)
		rule_applications_of(s->ctx, &s->apps, h, &s->mine, &s->minecap);
	if (s->ctx->missing) {
		output_abort(s->out);
		diag_fatal(JZ_UNAVAILABLE, "parameter %s has no value on %s in policy %s (household %s)",
			   s->ctx->missing, s->as_of, s->pol->ref, h->id);
	}
}

/* Does rule_programmes[i] make decisions of programme code? */
static bool makes(int i, const char *code)
{
	if (strcmp(rule_programmes[i].code, code) == 0)
		return true;
	for (int k = 0; k < 3 && rule_programmes[i].also[k]; k++)
		if (strcmp(rule_programmes[i].also[k], code) == 0)
			return true;
	return false;
}

static bool applied_for(const char *code)
{
	for (const char *const *p = rule_application_programmes; *p; p++)
		if (strcmp(*p, code) == 0)
			return true;
	return false;
}

/* ---- persons given on the input, not from the registry ---- */

struct given {
	char household_id[128];
	struct person p;
};

struct input_run {
	struct kind_env env;
	struct given *g;
	int n, cap;
	long long bad;
};

static void take_person(struct rec *rec, void *ctx)
{
	struct input_run *in = ctx;
	const struct kind *k = &kind_person;
	struct value v[KIND_MAX_FIELDS];
	static long long read;

	progress_tick("records", ++read);

	if (rec->broken || !kind_parse(k, &in->env, rec->val, v, &rec->prob)) {
		in->bad++;
		return;
	}
	if (strcmp(v[PERSON_STATUS].s, "active") != 0)
		return; /* as if enrolled: one who died or moved out is in no household */
	if (in->n == in->cap) {
		in->cap = in->cap ? 2 * in->cap : 64;
		if (!(in->g = realloc(in->g, in->cap * sizeof *in->g)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
	}
	person_from_values(v, &in->g[in->n].p, in->g[in->n].household_id);
	in->n++;
}

static int by_household(const void *x, const void *y)
{
	const struct given *a = x, *b = y;
	int c = strcmp(a->household_id, b->household_id);
	return c ? c : strcmp(a->p.id, b->p.id);
}

/* Assess the persons of the files as households of their own, as if
 * enrolled; nothing of them is stored. */
static void assess_files(struct sink *s, const struct jz_opts *o, char **files, int nfiles)
{
	struct input_run in = {.env = {.today = date_today(), .as_of = o->as_of}};
	struct rec_source src = {kind_person.fields, kind_person.nfields, (const char *const[]){"age", NULL},
				 o->input_format, o->encoding, o->ignore_unknown};
	char sha[SHA256_HEX];
	bool ok = true;

	progress_files(files, nfiles);
	for (int i = 0; i < nfiles; i++)
		ok &= rec_read_file(files[i], &src, take_person, &in, sha);
	if (!ok || in.bad) {
		output_abort(s->out);
		if (!in.bad)
			diag_fatal(JZ_DATAERR, "input that could not be read; nothing was assessed");
		diag_fatal(JZ_DATAERR, "%lld bad record%s; nothing was assessed", in.bad,
			   in.bad == 1 ? "" : "s");
	}
	qsort(in.g, in.n, sizeof *in.g, by_household);
	struct household h = {0};
	if (!(h.member = malloc((in.n ? in.n : 1) * sizeof *h.member)))
		diag_fatal(JZ_SOFTWARE, "out of memory");
	progress_total(in.n);
	for (int i = 0; i < in.n; i++) {
		progress_tick("persons", i + 1);
		if (h.n && strcmp(h.id, in.g[i].household_id) != 0) {
			assess_household(&h, s);
			h.n = 0;
		}
		text_copy(h.id, sizeof h.id, in.g[i].household_id);
		h.member[h.n++] = in.g[i].p;
	}
	if (h.n)
		assess_household(&h, s);
	free(h.member);
	free(in.g);
}

bool assess_known_programme(const char *code)
{
	for (int i = 0; i < rule_nprogrammes; i++)
		if (makes(i, code))
			return true;
	return applied_for(code);
}

/* The run's summary, when it records (see run_finish). */
static void say_recorded(const void *ctx, const char *verb)
{
	const struct sink *s = ctx;
	const struct jz_opts *o = s->o;

	if (o->quiet)
		return;
	if (*verb)
		diag_warn("%s%lld decision%s to record (%lld recorded already)",
			  o->dry_run ? "dry run: " : "nothing new: ", s->recorded,
			  s->recorded == 1 ? "" : "s", s->unchanged);
	else
		diag_warn("recorded %lld decision%s (%lld recorded already) as journal entry %lld",
			  s->recorded, s->recorded == 1 ? "" : "s", s->unchanged, s->journal->entry);
}

int assess_run(const struct jz_opts *o, const struct assess_opts *a)
{
	struct db db;
	struct policy pol;
	struct output out;
	struct registry_history hist = {.db = &db, .grants_fixed = true};
	struct rule_ctx ctx = {.on = o->as_of, .tracing = a->explain || a->record,
			       .history = history_for_rules(&hist)};
	struct journal j;
	struct sink s = {.o = o, .a = a, .pol = &pol, .ctx = &ctx, .out = &out, .db = &db};
	/* Assessing creates no registry, not even with --record; without it,
	 * one read transaction: the registry does not move under the run.
	 * The output is opened last: a locked database or a bad policy is
	 * told before a bad -o. */
	struct run_frame f = {.o = o, .db = &db, .j = a->record ? &j : NULL, .pol = &pol,
			      .out = &out, .missing = "enrol something first, or give --db",
			      .output_last = true};

	run_begin(&f);
	if (a->record) {
		/* A decision or more per person, with its trace, into two indexes:
		 * a cache of 32 MiB holds more of their pages before they are
		 * written out to the WAL and read back (peak RSS under 64 MiB). */
		db_exec(&db, "PRAGMA cache_size = -32768");
		s.journal = &j;
		s.last = db_prepare(&db, "SELECT eligible, amount, reason, policy FROM decision "
				    "WHERE decision_id = ?1 ORDER BY entry DESC LIMIT 1");
		s.insert = db_prepare(&db, "INSERT " INSERT_DECISION);
	}
	for (int i = 0; i < rule_nprogrammes; i++) {
		s.selected[i] = a->nprogrammes == 0;
		for (int k = 0; k < a->nprogrammes; k++)
			s.selected[i] |= makes(i, a->programmes[k]);
	}
	s.applications = a->nprogrammes == 0;
	for (int k = 0; k < a->nprogrammes; k++)
		s.applications |= applied_for(a->programmes[k]);
	date_format(o->as_of, s.as_of);
	if (a->record && !recorded_before(&db, s.as_of))
		s.fresh = db_prepare(&db, "INSERT OR IGNORE " INSERT_DECISION);
	ctx.pol = &pol;
	ctx.emit = write_decision;
	ctx.sink = &s;
	s.w = rec_writer_open(out.fp, o->format, columns,
			      (int)(sizeof columns / sizeof columns[0]) - !a->explain);
	if (s.applications)
		application_load(&db, o->as_of, &s.apps);
	if (a->nfiles)
		assess_files(&s, o, a->files, a->nfiles);
	else
		household_each_history(&hist, o->as_of, assess_household, &s);
	application_free(&s.apps);
	history_free(&hist);
	free(s.mine);
	bool written = rec_writer_close(s.w);
	if (!a->record) {
		run_end(&f, written);
		return JZ_OK;
	}
	/* Checked before run_finish checks it again: assess has always told a
	 * failed write the same, recording or not ("write failed"). */
	if (!written || !output_ready(&out)) {
		output_abort(&out);
		diag_fatal(JZ_IOERR, "%s: write failed", o->output ? o->output : "standard output");
	}
	db_finalize(s.last);
	db_finalize(s.insert);
	db_finalize(s.fresh);
	journal_count(&j, "decision", s.recorded);
	return run_finish(&f, true, 0, false, say_recorded, &s);
}
