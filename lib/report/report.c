/* The subjects of report(1) this release has (see report.h). */
#include "report/report_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "core/progress.h"
#include "io/kind.h"
#include "io/output.h"
#include "io/rec.h"
#include "report/anchors.h"
#include "report/audit.h"
#include "report/page.h"
#include "store/db.h"
#include "store/policy_store.h"
#include "store/run.h"
#include "store/sql.h"

const char *const report_subjects[] = {"summary", "forecast", "gaps", "funds", "settlement",
				       "survey", "audit", "policy", "review", "adjustments", "backup",
				       "lines", NULL};

struct report {
	const struct jz_opts *o;
	const struct report_opts *r;
	struct db db;
	struct rec_writer *w;
	char title[200];
};

/* policy: each parameter's value in force on --as-of, with its date and
 * source, the assumed ones marked (policy.md). */
static const char *const policy_columns[] = {"parameter", "value", "from", "assumed", "source"};

static void policy(struct report *p, const struct policy *pol)
{
	for (int k = 0; k < policy_nparams; k++) {
		const struct pvalue *v = policy_get(pol, policy_params[k].name, p->o->as_of);
		char from[DATE_TEXT] = "", dates[1024] = "";
		const char *value = "";

		if (v) {
			date_format(v->from, from);
			value = v->text ? v->text : "";
			if (v->dates) {
				size_t n = 0;
				for (const cJSON *d = v->dates->child; d && n < sizeof dates - 12; d = d->next)
					n += (size_t)snprintf(dates + n, sizeof dates - n, "%s%s", n ? " " : "",
							      d->valuestring);
				value = dates;
			}
		}
		const char *row[] = {policy_params[k].name, value, from,
				     v ? (v->assumed ? "yes" : "no") : "",
				     v ? v->source : "no value on this date"};
		rec_write(p->w, row);
	}
}

/* funds: each fund account's opening balance, money in, money out and
 * closing balance over the period (cli.md report funds); then each
 * receivable:<programme>, what units owe (lifecycle.md): in, the
 * overpayments booked; out, what was recovered; closing, still to recover. */
static const char *const funds_columns[] = {"account", "from", "to", "opening", "in", "out",
					    "closing"};

static void funds(struct report *p)
{
	char from[DATE_TEXT] = "0000-01-01", to[DATE_TEXT] = "9999-12-31";
	db_stmt *st = db_prepare(&p->db, "SELECT a.name, "
		"coalesce(sum(CASE WHEN l.date < ?1 THEN l.amount END), 0), "
		"coalesce(sum(CASE WHEN l.date >= ?1 AND l.date <= ?2 AND l.amount > 0 THEN l.amount END), 0), "
		"coalesce(sum(CASE WHEN l.date >= ?1 AND l.date <= ?2 AND l.amount < 0 THEN -l.amount END), 0) "
		"FROM account a LEFT JOIN ledger l ON l.account = a.name "
		"WHERE a.fund OR a.name LIKE 'receivable:%' "
		"GROUP BY a.name ORDER BY NOT a.fund, a.name");

	if (p->r->from)
		date_format(p->r->from, from);
	if (p->r->to)
		date_format(p->r->to, to);
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	while (db_step(&p->db, st) == DB_ROW) {
		jz_fen fen[4] = {db_int64(st, 1), db_int64(st, 2),
				 db_int64(st, 3), 0};
		char cells[4][MONEY_TEXT];
		fen[3] = fen[0] + fen[1] - fen[2];
		for (int i = 0; i < 4; i++)
			money_format(fen[i], cells[i]);
		const char *row[] = {db_text(st, 0), p->r->from ? from : "",
				     p->r->to ? to : "", cells[0], cells[1], cells[2], cells[3]};
		rec_write(p->w, row);
	}
	db_finalize(st);
}

/* settlement: the quarter's statement per institution, with who signed
 * for each of the four bureaus (三(三)3): the staff name and the journal
 * head of the run that signed (audit.md). */
static const char *const settlement_columns[] = {
	"quarter", "institution", "claims", "claimed", "approved", "rejected_claims",
	"adjusted_claims", "health", "labour", "civil_affairs", "finance", "status",
};

static void settlement(struct report *p)
{
	if (!p->r->quarter)
		diag_fatal(JZ_USAGE, "report settlement needs --quarter, as in --quarter 2007Q3");
	db_stmt *st = db_prepare(&p->db, "SELECT c.institution, count(*), sum(c.advance), "
		"sum(CASE WHEN " SQL_CORRECTED("c") " THEN 0 ELSE c.approved END), "
		"sum(c.status = 'rejected'), sum(c.status = 'adjusted') FROM claim c "
		"WHERE c.quarter = ?1 GROUP BY c.institution ORDER BY c.institution");
	db_stmt *who = db_prepare(&p->db, "SELECT " SQL_SIGNER("s") " FROM signoff s WHERE "
				       "quarter = ?1 AND institution = ?2 AND bureau = ?3");
	const char *const *bureaus = kind_bureaus; /* the columns' order */

	db_bind_text(st, 1, p->r->quarter);
	while (db_step(&p->db, st) == DB_ROW) {
		char n[24], claimed[MONEY_TEXT], approved[MONEY_TEXT], rej[24], adj[24];
		char signer[4][320];
		int signatures = 0;
		const char *code = db_text(st, 0);
		snprintf(n, sizeof n, "%lld", (long long)db_int64(st, 1));
		money_format(db_int64(st, 2), claimed);
		money_format(db_int64(st, 3), approved);
		snprintf(rej, sizeof rej, "%lld", (long long)db_int64(st, 4));
		snprintf(adj, sizeof adj, "%lld", (long long)db_int64(st, 5));
		for (int b = 0; b < 4; b++) {
			db_bind_text(who, 1, p->r->quarter);
			db_bind_text(who, 2, code);
			db_bind_text(who, 3, bureaus[b]);
			signer[b][0] = '\0';
			if (db_step(&p->db, who) == DB_ROW) {
				snprintf(signer[b], sizeof signer[b], "%s",
					 db_text(who, 0));
				signatures++;
			}
			db_reset(who);
		}
		const char *row[] = {p->r->quarter, code, n, claimed, approved, rej, adj, signer[0],
				     signer[1], signer[2], signer[3], signatures == 4 ? "closed" : "open"};
		rec_write(p->w, row);
	}
	db_finalize(st);
	db_finalize(who);
}

/* A page's title: what, and the period. */
static const char *title(struct report *p, const char *what, const char *by)
{
	char from[DATE_TEXT], to[DATE_TEXT];

	if (p->r->quarter)
		snprintf(p->title, sizeof p->title, "%s%s, %s", what, by, p->r->quarter);
	else if (p->r->from || p->r->to) {
		date_format(p->r->from, from);
		date_format(p->r->to, to);
		snprintf(p->title, sizeof p->title, "%s%s, %s to %s", what, by,
			 p->r->from ? from : "", p->r->to ? to : "");
	} else {
		snprintf(p->title, sizeof p->title, "%s%s", what, by);
	}
	return p->title;
}

int report_run(const struct jz_opts *o, const struct report_opts *r)
{
	struct report p = {.o = o, .r = r};
	struct output out;
	struct policy pol;
	int status = JZ_OK;

	if (strcmp(r->subject, "backup") == 0)
		return report_backup(o); /* no transaction: VACUUM INTO makes its own */

	/* report lines: settle's lines summed without the database.  The
	 * only subject that reads stdin, and only when no file is named:
	 * another would swallow a shell loop's input or hang under ssh. */
	if (strcmp(r->subject, "lines") == 0) {
		const char *by = r->by ? r->by : "institution";
		db_guard(o->db); /* not read, not to be written over either */
		output_open(&out, o->output);
		output_spool(&out);
		p.w = rec_writer_open(out.fp, o->format, report_stream_columns(by), 6);
		status = report_stream(o, by, r->files, r->nfiles, p.w);
		if (!rec_writer_close(p.w) || (status == JZ_OK && !output_ready(&out))) {
			output_abort(&out);
			diag_fatal(JZ_IOERR, "%s: write failed", o->output ? o->output : "standard output");
		}
		if (status == JZ_OK)
			output_commit(&out);
		else
			output_abort(&out);
		return status;
	}
	/* One view of the database.  Only the subjects that read the policy
	 * choose it: a bad --policy stops no other. */
	struct page page = {.db = &p.db, .pol = &pol, .r = r};
	bool paged = o->format == REC_HTML && page_kind_of(r->subject, &page.kind);
	bool needs_policy = strcmp(r->subject, "policy") == 0 || strcmp(r->subject, "gaps") == 0 ||
			    strcmp(r->subject, "survey") == 0 || strcmp(r->subject, "review") == 0 ||
			    paged; /* the page names its policy and document */
	struct run_frame f = {.o = o, .db = &p.db, .pol = needs_policy ? &pol : NULL, .out = &out,
			      .missing = "give --db"};
	run_begin(&f);
	progress_stage(r->subject); /* the stages and counts below say more */
	if (strcmp(r->subject, "policy") == 0) {
		p.w = rec_writer_open(out.fp, o->format, policy_columns, 5);
		policy(&p, &pol);
	} else if (strcmp(r->subject, "audit") == 0) {
		p.w = rec_writer_open(out.fp, o->format, audit_columns, audit_ncolumns);
		long anchored;
		long long after;
		long diffs = audit_run(&p.db, r->show_ids, p.w);
		diffs += anchors_check(&p.db, r->expect, r->nexpect, r->anchors, p.w, &anchored,
				       &after);
		if (diffs)
			status = JZ_NO;
		/* Without anchors a re-hashed chain is self-consistent: say so. */
		if (!o->quiet && anchored && after)
			diag_warn("audit: %ld difference%s; the chain checked against %ld anchor%s; "
				  "%lld entr%s after the newest anchored one, checked only against "
				  "itself", diffs, diffs == 1 ? "" : "s", anchored,
				  anchored == 1 ? "" : "s", after, after == 1 ? "y" : "ies");
		else if (!o->quiet && anchored)
			diag_warn("audit: %ld difference%s; the chain checked against %ld anchor%s",
				  diffs, diffs == 1 ? "" : "s", anchored, anchored == 1 ? "" : "s");
		else if (!o->quiet)
			diag_warn("audit: %ld difference%s; the chain was checked only against itself "
				  "(give --anchors or --expect)", diffs, diffs == 1 ? "" : "s");
	} else if (strcmp(r->subject, "gaps") == 0) {
		p.w = rec_writer_open(out.fp, o->format, report_gaps_columns, report_gaps_ncolumns);
		long long n = report_gaps(&p.db, &pol, o->as_of, r->show_ids, p.w);
		if (!o->quiet)
			diag_warn("gaps: %lld", n);
	} else if (strcmp(r->subject, "review") == 0) {
		p.w = rec_writer_open(out.fp, o->format, report_review_columns,
				      report_review_ncolumns);
		long long n = report_review(&p.db, &pol, o->as_of, r->show_ids, p.w);
		if (!o->quiet)
			diag_warn("review: %lld due", n);
	} else if (strcmp(r->subject, "adjustments") == 0) {
		p.w = rec_writer_open(out.fp, o->format, report_adjust_columns,
				      report_adjust_ncolumns);
		report_adjustments(&p.db, r->period, r->show_ids, p.w);
	} else if (strcmp(r->subject, "forecast") == 0) {
		p.w = rec_writer_open(out.fp, o->format, report_forecast_columns,
				      report_forecast_ncolumns);
		rec_writer_title(p.w, title(&p, "救助预测报告 forecast", ""));
		report_forecast(&p.db, r, r->horizon ? r->horizon : 3, paged, p.w);
	} else if (strcmp(r->subject, "survey") == 0) {
		jz_date jan1 = 0, dec31 = 0;
		if (r->year) {
			date_from_ymd(r->year, 1, 1, &jan1);
			date_from_ymd(r->year, 12, 31, &dec31);
		}
		if (r->draw) {
			p.w = rec_writer_open(out.fp, o->format, report_draw_columns, 6);
			report_survey_draw(&p.db, &pol, r->year, r->seed, o->as_of_given ? o->as_of : jan1,
					   p.w);
		} else {
			p.w = rec_writer_open(out.fp, o->format, report_survey_columns,
					      report_survey_ncolumns);
			report_survey(&p.db, &pol, r->year ? jan1 : r->from, r->year ? dec31 : r->to, p.w);
		}
	} else if (strcmp(r->subject, "summary") == 0) {
		p.w = rec_writer_open(out.fp, o->format, report_summary_columns(r->by ? r->by
							 : "programme"), 5);
		rec_writer_title(p.w, title(&p, "救助汇总报告 summary by ", r->by ? r->by : "programme"));
		report_summary(&p.db, r, p.w);
	} else if (strcmp(r->subject, "funds") == 0) {
		p.w = rec_writer_open(out.fp, o->format, funds_columns, 7);
		funds(&p);
	} else {
		p.w = rec_writer_open(out.fp, o->format, settlement_columns, 12);
		rec_writer_title(p.w, title(&p, "医疗救助季度结算 settlement", ""));
		settlement(&p);
	}
	if (paged)
		rec_writer_page(p.w, page_write, &page);
	run_end(&f, rec_writer_close(p.w));
	return status;
}
