/*
 * report audit (report(1)): the auditor's proof.  Checks the journal's hash
 * chain and the policies' bytes, that every table holds exactly the rows
 * the journal says each run added, that the ledger balances and each
 * payment is its grant's amount; recomputes every recorded decision with
 * the registry as it stood then, and every paid month a later change
 * reaches back to.  The other cross-checks of audit.md are in audit_*.c,
 * one kind a file (audit_int.h).  Prints each difference.
 */
#include "report/audit.h"
#include "report/audit_int.h"

#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "core/progress.h"
#include "core/text.h"
#include "io/input.h"
#include "rules/rule.h"
#include "store/adjust.h"
#include "store/application.h"
#include "store/household.h"
#include "store/journal.h"
#include "store/policy_store.h"

const char *const audit_columns[] = {"check", "subject", "field", "stored", "recomputed"};
const int audit_ncolumns = 5;

void audit_differ(struct audit *a, const char *check, const char *subject, const char *field,
		  const char *stored, const char *recomputed)
{
	char masked[400];
	if (!a->show_ids)
		subject = diag_mask_ids_in(subject, masked, sizeof masked);
	const char *row[] = {check, subject, field, stored, recomputed};
	rec_write(a->w, row);
	a->diffs++;
}

static void journal_differs(void *ctx, long long entry, const char *field, const char *stored,
			    const char *computed)
{
	char subject[40];
	snprintf(subject, sizeof subject, "entry %lld", entry);
	audit_differ(ctx, "journal", subject, field, stored, computed);
}

/* Each policy's bytes still hash to the SHA-256 it is stored under. */
static void policies(struct audit *a)
{
	db_stmt *st = db_prepare(a->db, "SELECT id, sha256, body FROM policy ORDER BY entry");
	char sha[SHA256_HEX];

	while (db_step(a->db, st) == DB_ROW) {
		sha256_hex(db_blob(st, 2), (size_t)db_bytes(st, 2), sha);
		if (strcmp(sha, db_text(st, 1)) != 0)
			audit_differ(a, "policy", db_text(st, 0), "sha256",
			       db_text(st, 1), sha);
	}
	db_finalize(st);
}

/* The rows of each table, per journal entry, against what the entry says
 * it added: a row added or removed by hand shows here. */
static void rows(struct audit *a)
{
	static const char *const tables[] = {"person", "application", "institution", "survey",
					     "policy", "decision", "grant", "payment", "ledger",
					     "funding", "claim", "signoff", "fund_year"};
	char sql[600], subject[80], said[24], found[24];

	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		const char *name = tables[t];
		snprintf(sql, sizeof sql,
			 "SELECT entry, said, found FROM ("
			 "SELECT r.entry, coalesce((SELECT json_extract(j.changes, '$.%s') FROM journal j "
			 "WHERE j.entry = r.entry), 0) AS said, count(*) AS found FROM \"%s\" r "
			 "GROUP BY r.entry UNION ALL "
			 "SELECT j.entry, json_extract(j.changes, '$.%s'), 0 FROM journal j WHERE "
			 "json_extract(j.changes, '$.%s') > 0 AND NOT EXISTS (SELECT 1 FROM \"%s\" r "
			 "WHERE r.entry = j.entry)) WHERE said <> found ORDER BY entry",
			 name, name, name, name, name);
		db_stmt *st = db_prepare(a->db, sql);
		while (db_step(a->db, st) == DB_ROW) {
			snprintf(subject, sizeof subject, "entry %lld", (long long)db_int64(st, 0));
			snprintf(said, sizeof said, "%lld", (long long)db_int64(st, 1));
			snprintf(found, sizeof found, "%lld", (long long)db_int64(st, 2));
			char field[40];
			snprintf(field, sizeof field, "%s rows", name);
			audit_differ(a, "rows", subject, field, said, found);
		}
		db_finalize(st);
	}
}

void audit_money(jz_fen x, jz_fen y, char a[MONEY_TEXT], char b[MONEY_TEXT])
{
	money_format(x, a);
	money_format(y, b);
}

/* The ledger: each booking sums to zero, each balance is its rows, no fund
 * account below zero; each payment made is its grant's amount, and is
 * booked out of the fund accounts (the paid: rows summed by ref once, not
 * looked up per payment: ledger.ref has no index). */
static void ledger(struct audit *a)
{
	char x[MONEY_TEXT], y[MONEY_TEXT], subject[320];
	db_stmt *st = db_prepare(a->db, "SELECT txn, sum(amount) FROM ledger GROUP BY txn "
				      "HAVING sum(amount) <> 0 ORDER BY txn");
	while (db_step(a->db, st) == DB_ROW) {
		snprintf(subject, sizeof subject, "booking %lld", (long long)db_int64(st, 0));
		audit_money(db_int64(st, 1), 0, x, y);
		audit_differ(a, "ledger", subject, "sum", x, y);
	}
	db_finalize(st);
	st = db_prepare(a->db, "SELECT a.name, a.balance, coalesce((SELECT sum(amount) FROM ledger l "
			"WHERE l.account = a.name), 0) AS rows FROM account a WHERE a.balance <> rows "
			"OR (a.fund AND a.balance < 0) ORDER BY a.name");
	while (db_step(a->db, st) == DB_ROW) {
		audit_money(db_int64(st, 1), db_int64(st, 2), x, y);
		audit_differ(a, "ledger", db_text(st, 0), "balance", x, y);
	}
	db_finalize(st);
	/* A payment is its grant's amount; an adjustment (lifecycle.md) is
	 * checked against what is due by corrections().  Each row is booked:
	 * out to paid:<programme> by its amount, or, for what recovers a
	 * receivable (offset, refund), out of receivable:<programme>. */
	st = db_prepare(a->db, "SELECT p.payment_id, p.amount, "
		"(SELECT g.amount FROM \"grant\" g WHERE g.grant_id = p.grant_id AND g.entry <= p.entry "
		"ORDER BY g.version DESC LIMIT 1), "
		"CASE WHEN p.kind IN ('offset', 'refund') THEN -coalesce(b.owed, 0) "
		"ELSE coalesce(b.paid, 0) END, p.kind FROM payment p LEFT JOIN (SELECT ref, "
		"total(CASE WHEN account LIKE 'paid:%' THEN amount END) AS paid, "
		"total(CASE WHEN account LIKE 'receivable:%' THEN amount END) AS owed FROM ledger "
		"GROUP BY ref) b ON b.ref = 'payment:' || p.payment_id "
		"WHERE p.status = 'paid' ORDER BY p.rowid");
	while (db_step(a->db, st) == DB_ROW) {
		const char *id = db_text(st, 0);
		jz_fen paid = db_int64(st, 1);
		bool payment = strcmp(db_text(st, 4), "payment") == 0;
		if (payment && (db_is_null(st, 2) || paid != db_int64(st, 2))) {
			audit_money(paid, db_int64(st, 2), x, y);
			audit_differ(a, "payment", id, "amount", x,
			       db_is_null(st, 2) ? "no grant" : y);
		}
		if (paid != db_int64(st, 3)) {
			audit_money(paid, db_int64(st, 3), x, y);
			audit_differ(a, "payment", id, "booked", x, y);
		}
	}
	db_finalize(st);
}

const struct policy *audit_policy(struct audit *a, struct policy_cache *c, const char *ref)
{
	if (strcmp(c->ref, ref) != 0) {
		if (c->ok)
			policy_free(&c->pol);
		text_copy(c->ref, sizeof c->ref, ref);
		c->ok = policy_load_ref(&c->pol, a->db, ref);
		if (!c->ok)
			audit_differ(a, "policy", ref, "body", "recorded by rows",
				     "not stored or not valid");
	}
	return c->ok ? &c->pol : NULL;
}

void audit_policy_done(struct policy_cache *c)
{
	if (c->ok)
		policy_free(&c->pol);
	c->ok = false;
}

/* ---- the recorded decisions, recomputed ---- */

struct recompute {
	struct audit *a;
	struct rule_ctx ctx;
	struct application_set apps;
	const struct application **mine;
	int minecap;
	long long entry;
	char as_of[DATE_TEXT];
	db_stmt *recorded, *seen;
};

/* A decision the rules make again: the one recorded by the run compared. */
static void again(const struct decision *d, void *p)
{
	struct recompute *rc = p;
	char id[300], x[MONEY_TEXT], y[MONEY_TEXT];

	rule_decision_id(id, sizeof id, rc->as_of, d);
	db_bind_text(rc->recorded, 1, id);
	db_bind_int64(rc->recorded, 2, rc->entry);
	if (db_step(rc->a->db, rc->recorded) == DB_ROW) {
		bool eligible = db_int(rc->recorded, 0);
		jz_fen amount = db_int64(rc->recorded, 1);
		const char *reason = db_text(rc->recorded, 2);
		if (eligible != d->eligible)
			audit_differ(rc->a, "decision", id, "eligible", eligible ? "yes" : "no",
			       d->eligible ? "yes" : "no");
		if (amount != d->amount) {
			audit_money(amount, d->amount, x, y);
			audit_differ(rc->a, "decision", id, "amount", x, y);
		}
		if (strcmp(reason, d->reason) != 0)
			audit_differ(rc->a, "decision", id, "reason", reason, d->reason);
		db_bind_text(rc->seen, 1, id);
		db_step(rc->a->db, rc->seen);
	}
	db_reset(rc->recorded);
}

static void household_again(const struct household *h, void *p)
{
	struct recompute *rc = p;

	rule_facts(&rc->ctx, h);
	for (int i = 0; i < rule_nprogrammes && !rc->ctx.missing; i++)
		rule_programmes[i].household(&rc->ctx, h);
	if (!rc->ctx.missing)
		rule_applications_of(&rc->ctx, &rc->apps, h, &rc->mine, &rc->minecap);
}

/* Every decision assess --record stored, recomputed under the policy it
 * records, with the registry as it stood when it was recorded (the rows of
 * the journal entries up to the run's). */
static void decisions(struct audit *a)
{
	db_stmt *groups = db_prepare(a->db, "SELECT entry, as_of, policy FROM decision "
					  "GROUP BY entry, as_of, policy ORDER BY entry, as_of");
	struct policy_cache cache = {.ok = false};
	char err[80];

	db_exec(a->db, "CREATE TEMP TABLE audit_seen (id TEXT PRIMARY KEY)");
	while (db_step(a->db, groups) == DB_ROW) {
		struct recompute rc = {.a = a, .entry = db_int64(groups, 0)};
		struct registry_history hist = {.db = a->db, .max_entry = rc.entry};
		jz_date on;
		const char *ref = db_text(groups, 2);
		text_copy(rc.as_of, sizeof rc.as_of, db_text(groups, 1));
		const struct policy *pol = audit_policy(a, &cache, ref);
		if (!pol || !date_parse(rc.as_of, &on, err, sizeof err))
			continue;
		rc.ctx = (struct rule_ctx){.pol = pol, .on = on, .history = history_for_rules(&hist),
					   .emit = again, .sink = &rc};
		rc.recorded = db_prepare(a->db, "SELECT eligible, amount, reason FROM decision WHERE "
					 "decision_id = ?1 AND entry = ?2");
		rc.seen = db_prepare(a->db, "INSERT OR IGNORE INTO temp.audit_seen VALUES (?1)");
		application_load_until(a->db, on, rc.entry, &rc.apps);
		household_each_until(a->db, on, rc.entry, household_again, &rc);
		if (rc.ctx.missing)
			audit_differ(a, "decision", rc.as_of, "policy", ref, rc.ctx.missing);
		/* What was recorded and is not made again. */
		db_stmt *left = db_prepare(a->db, "SELECT decision_id FROM decision WHERE entry = ?1 "
			"AND as_of = ?2 AND policy = ?3 AND decision_id NOT IN (SELECT id FROM temp.audit_seen)");
		db_bind_int64(left, 1, rc.entry);
		db_bind_text(left, 2, rc.as_of);
		db_bind_text(left, 3, ref);
		while (db_step(a->db, left) == DB_ROW)
			audit_differ(a, "decision", db_text(left, 0), "decision",
			       "recorded", "none");
		db_finalize(left);
		db_exec(a->db, "DELETE FROM temp.audit_seen");
		db_finalize(rc.recorded);
		db_finalize(rc.seen);
		application_free(&rc.apps);
		free(rc.mine);
		history_free(&hist);
	}
	db_finalize(groups);
	if (cache.ok)
		policy_free(&cache.pol);
}

/* lifecycle.md, The audit follows: every paid month that a later change
 * reaches back to is what is due on the registry as now known, once the
 * payrolls since have settled it; one that no payroll has run since is
 * listed as pending, and is not a difference. */
struct recheck {
	struct audit *a;
	struct adjust adj;
	struct policy pol;
	struct registry_history hist;
};

static void recheck_month(const struct stale_month *m, void *ctx)
{
	struct recheck *r = ctx;
	struct rule_ctx c = {.pol = &r->pol, .history = history_for_rules(&r->hist)};
	const struct grant *g = &m->g;
	char subject[320], x[MONEY_TEXT], y[MONEY_TEXT], err[80];
	jz_fen net, owed;

	if (!date_parse_month(m->month, &c.on, err, sizeof err))
		return;
	jz_fen due = rule_due(&c, g->programme, g->unit, grant_unit_key(g));
	snprintf(subject, sizeof subject, "%s %s", g->chain, m->month);
	if (c.missing) {
		audit_differ(r->a, "correction", subject, "policy", r->pol.ref, c.missing);
		return;
	}
	adjust_month(&r->adj, g->grant_id, m->month, &net, &owed);
	if (due == net)
		return;
	audit_money(net, due, x, y);
	if (adjust_paid_since(&r->adj, m->changed ? m->changed : m->settled)) {
		audit_differ(r->a, "correction", subject, "net", x, y);
		return;
	}
	char masked[400];
	const char *row[] = {"pending", r->a->show_ids ? subject
			     : diag_mask_ids_in(subject, masked, sizeof masked), "net", x, y};
	rec_write(r->a->w, row);
}

static void corrections(struct audit *a)
{
	struct recheck r = {.a = a, .hist = {.db = a->db}};
	char x[MONEY_TEXT], y[MONEY_TEXT];

	policy_choose(&r.pol, a->db, NULL);
	adjust_open(&r.adj, a->db);
	adjust_each_stale(a->db, recheck_month, &r);
	/* Nothing recovered beyond what was overpaid. */
	db_stmt *st = db_prepare(a->db, "SELECT grant_id || ' ' || month, CAST(-total(CASE WHEN "
				 "kind = 'overpayment' THEN amount END) - total(CASE WHEN kind IN "
				 "('offset', 'refund', 'write_off') THEN amount END) AS INTEGER) AS "
				 "owed FROM payment WHERE status = 'paid' GROUP BY grant_id, month "
				 "HAVING owed < 0");
	while (db_step(a->db, st) == DB_ROW) {
		audit_money(db_int64(st, 1), 0, x, y);
		audit_differ(a, "correction", db_text(st, 0), "to recover", x, y);
	}
	db_finalize(st);
	adjust_close(&r.adj);
	history_free(&r.hist);
	policy_free(&r.pol);
}

long audit_run(struct db *db, bool show_ids, struct rec_writer *w)
{
	struct audit a = {.db = db, .w = w, .show_ids = show_ids};

	progress_stage("audit 1/14: journal");
	journal_verify(db, journal_differs, &a);
	progress_stage("audit 2/14: integrity");
	audit_integrity(&a);
	progress_stage("audit 3/14: policies");
	policies(&a);
	progress_stage("audit 4/14: policy references");
	audit_policy_refs(&a);
	progress_stage("audit 5/14: rows per entry");
	rows(&a);
	progress_stage("audit 6/14: ledger");
	ledger(&a);
	progress_stage("audit 7/14: accounts");
	audit_accounts(&a);
	progress_stage("audit 8/14: funding");
	audit_funding(&a);
	progress_stage("audit 9/14: fund years");
	audit_fund_years(&a);
	progress_stage("audit 10/14: grants");
	audit_grants(&a);
	progress_stage("audit 11/14: decisions");
	decisions(&a);
	progress_stage("audit 12/14: settlement");
	audit_settlement(&a);
	progress_stage("audit 13/14: sign-offs");
	audit_signoffs(&a);
	progress_stage("audit 14/14: corrections");
	corrections(&a);
	return a.diffs;
}
