/*
 * The audit's check of every grant version against what wrote it
 * (audit.md; grant(1), lib/grant/grant_decide.c and payroll.c), whatever
 * its reason column says:
 *
 * - a first version whose decision_id names a recorded decision is that
 *   decision, the newest recording of it before the version: eligible,
 *   the same programme and unit, its amount, its reason as basis, its
 *   date as start and since, its policy (or, for a decision given in a
 *   file without one, the run's).  The employment incentive a gradual exit
 *   pays is the one grant of another programme: of a dibao decision, basis
 *   dibao_member_found_work, the policy's employment.incentive;
 * - every later version is its previous one changed only where the code
 *   changes it: the same chain, programme, period, start and policy, the
 *   same amount and basis (a correction on the day the grant began,
 *   amount_corrected, takes its decision's); a version of another decision
 *   has that decision's date as since; one the payroll wrote (a death, a
 *   move, the last payment of a time limit) keeps its decision and ends.
 */
#include "report/audit_int.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "store/grant_store.h"

enum {
	G_ID, G_VERSION, G_DECISION, G_PROGRAMME, G_AMOUNT, G_BASIS, G_REASON, G_SINCE, G_START,
	G_STATUS, G_POLICY, G_CHAIN, G_PERIOD,
	P_VERSION, P_DECISION, P_AMOUNT, P_BASIS, P_START, P_POLICY, P_CHAIN, P_PROGRAMME, P_PERIOD,
	D_ENTRY, D_PROGRAMME, D_AMOUNT, D_ELIGIBLE, D_REASON, D_AS_OF, D_POLICY, D_UNIT,
	J_POLICY,
};

static const char grants_sql[] =
	"SELECT g.grant_id, g.version, g.decision_id, g.programme, g.amount, g.basis, g.reason, "
	"g.since, g.start, g.status, g.policy, g.chain, g.period, "
	"p.version, p.decision_id, p.amount, p.basis, p.start, p.policy, p.chain, p.programme, "
	"p.period, "
	"d.entry, d.programme, d.amount, d.eligible, d.reason, d.as_of, d.policy, "
	"d.unit IS g.unit AND d.household_id IS g.household_id AND d.national_id IS g.national_id "
	"AND d.application_id IS g.application_id, "
	"(SELECT policy FROM journal j WHERE j.entry = g.entry) "
	"FROM \"grant\" g LEFT JOIN \"grant\" p ON p.grant_id = g.grant_id AND p.version = g.version - 1 "
	"LEFT JOIN decision d ON d.decision_id = g.decision_id AND d.entry = (SELECT max(entry) "
	"FROM decision e WHERE e.decision_id = g.decision_id AND e.entry < g.entry) "
	"ORDER BY g.rowid";

static bool is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Text column i of st and j differ (NULL equals NULL)? */
static bool differs(db_stmt *st, int i, int j)
{
	const char *x = db_text(st, i);
	const char *y = db_text(st, j);
	return x ? !y || strcmp(x, y) != 0 : y != NULL;
}

static const char *cell(db_stmt *st, int i)
{
	return db_is_null(st, i) ? "" : db_text(st, i);
}

struct version {
	struct audit *a;
	db_stmt *st;
	char subject[320];
};

static void text_cell(struct version *v, const char *field, int stored, int want)
{
	if (differs(v->st, stored, want))
		audit_differ(v->a, "grant", v->subject, field, cell(v->st, stored),
			     cell(v->st, want));
}

static void money_cell(struct version *v, const char *field, jz_fen stored, jz_fen want)
{
	char x[MONEY_TEXT], y[MONEY_TEXT];

	if (stored == want)
		return;
	audit_money(stored, want, x, y);
	audit_differ(v->a, "grant", v->subject, field, x, y);
}

/* Was a version of this reason written by the payroll (payroll.c: a payee
 * gone, grant_store.c's time limits)? */
static bool payroll_reason(const char *reason)
{
	static const char *const gone[] = {"deceased", "moved_out", "no_active_member",
					   "lifetime_limit", "subsidy_period_over"};
	for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
		if (is(reason, gone[i]))
			return true;
	return false;
}

/* A first version against its recorded decision. */
static void first(struct version *v, struct policy_cache *cache)
{
	db_stmt *st = v->st;

	if (!is(db_text(st, G_PROGRAMME), db_text(st, D_PROGRAMME))) {
		/* The incentive of a gradual exit (grant_decide.c exit_or_end). */
		if (!is(db_text(st, G_PROGRAMME), "employment_incentive") ||
		    !is(db_text(st, D_PROGRAMME), "dibao")) {
			text_cell(v, "programme", G_PROGRAMME, D_PROGRAMME);
			return;
		}
		if (!is(db_text(st, G_BASIS), "dibao_member_found_work"))
			audit_differ(v->a, "grant", v->subject, "basis", cell(st, G_BASIS),
				     "dibao_member_found_work");
		const struct policy *pol = audit_policy(v->a, cache, db_text(st, G_POLICY));
		const struct pvalue *want = NULL;
		jz_date since;
		char err[80];
		if (pol && date_parse(db_text(st, G_SINCE), &since, err, sizeof err))
			want = policy_get(pol, "employment.incentive", since);
		if (want)
			money_cell(v, "amount", db_int64(st, G_AMOUNT), want->i);
		return;
	}
	if (!db_int(st, D_ELIGIBLE)) {
		audit_differ(v->a, "grant", v->subject, "eligible", "granted", "not eligible");
		return;
	}
	if (!db_int(st, D_UNIT))
		audit_differ(v->a, "grant", v->subject, "unit", "granted", "not the decision's");
	money_cell(v, "amount", db_int64(st, G_AMOUNT), db_int64(st, D_AMOUNT));
	text_cell(v, "basis", G_BASIS, D_REASON);
	text_cell(v, "since", G_SINCE, D_AS_OF);
	text_cell(v, "start", G_START, D_AS_OF);
	/* A decision of a file may name no policy: the run's is taken. */
	if (differs(st, G_POLICY, D_POLICY) && differs(st, G_POLICY, J_POLICY))
		text_cell(v, "policy", G_POLICY, D_POLICY);
	if (!is(db_text(st, G_REASON), db_text(st, G_BASIS)) &&
	    !is(db_text(st, G_REASON), "insufficient_funds"))
		text_cell(v, "reason", G_REASON, G_BASIS);
}

/* A later version against the one before it. */
static void later(struct version *v)
{
	db_stmt *st = v->st;
	const char *reason = db_text(st, G_REASON);
	bool recorded = !db_is_null(st, D_ENTRY);
	bool same_decision = !differs(st, G_DECISION, P_DECISION);

	text_cell(v, "chain", G_CHAIN, P_CHAIN);
	text_cell(v, "programme", G_PROGRAMME, P_PROGRAMME);
	text_cell(v, "period", G_PERIOD, P_PERIOD);
	text_cell(v, "start", G_START, P_START);
	text_cell(v, "policy", G_POLICY, P_POLICY);
	if (is(reason, "amount_corrected") && recorded) {
		money_cell(v, "amount", db_int64(st, G_AMOUNT), db_int64(st, D_AMOUNT));
		text_cell(v, "basis", G_BASIS, D_REASON);
	} else if (!is(reason, "amount_corrected")) {
		money_cell(v, "amount", db_int64(st, G_AMOUNT), db_int64(st, P_AMOUNT));
		text_cell(v, "basis", G_BASIS, P_BASIS);
	}
	if (!same_decision && recorded)
		text_cell(v, "since", G_SINCE, D_AS_OF);
	if (same_decision && payroll_reason(reason) && !is(db_text(st, G_STATUS), "ended"))
		audit_differ(v->a, "grant", v->subject, "status", cell(st, G_STATUS), "ended");
}

void audit_grants(struct audit *a)
{
	struct version v = {.a = a, .st = db_prepare(a->db, grants_sql)};
	struct policy_cache cache = {.ok = false};

	while (db_step(a->db, v.st) == DB_ROW) {
		int version = db_int(v.st, G_VERSION);
		snprintf(v.subject, sizeof v.subject, "%s version %d", db_text(v.st, G_ID), version);
		if (version > 1 && db_is_null(v.st, P_VERSION)) {
			char n[24];
			snprintf(n, sizeof n, "%d", version - 1);
			audit_differ(a, "grant", v.subject, "version before", "none", n);
		} else if (version > 1) {
			later(&v);
		} else if (!db_is_null(v.st, D_ENTRY)) {
			first(&v, &cache);
		}
	}
	db_finalize(v.st);
	audit_policy_done(&cache);
}
