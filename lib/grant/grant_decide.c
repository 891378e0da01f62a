/*
 * Decisions become grants (grant(1), rules.md 1): an eligible decision
 * starts a grant or changes the amount of the one in force from its date;
 * an ineligible one ends it, except that a dibao household whose member
 * found work runs on for dibao.gradual_exit_months (渐退) and the member
 * is paid the employment incentive once; a time-limited grant whose
 * payments were all made (payroll.c) starts nothing.  One-off and yearly
 * programmes are paid once per occurrence: an application, a festival (by
 * its date), a school or calendar year, or (the rest) once per unit.
 */
#include "grant/grant_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/progress.h"
#include "core/text.h"
#include "io/kind.h"
#include "rules/rule.h"

struct dec {
	const char *id, *programme, *unit, *household_id, *national_id, *application_id;
	const char *period, *reason, *policy;
	jz_date as_of;
	bool eligible;
	jz_fen amount;
};

static bool is(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

static void copy(char *dst, size_t len, const char *src)
{
	text_copy(dst, len, src ? src : "");
}

/* A parameter's value on a date; a missing one stops the run (exit 69). */
static const struct pvalue *param(struct grant_job *r, const char *name, jz_date on)
{
	return policy_need(&r->pol, name, on);
}

static void from_decision(struct grant_job *r, struct grant *g, const struct dec *d,
			  const char *chain)
{
	memset(g, 0, sizeof *g);
	copy(g->chain, sizeof g->chain, chain);
	copy(g->decision_id, sizeof g->decision_id, d->id);
	copy(g->programme, sizeof g->programme, d->programme);
	copy(g->unit, sizeof g->unit, d->unit);
	copy(g->household_id, sizeof g->household_id, d->household_id);
	copy(g->national_id, sizeof g->national_id, d->national_id);
	copy(g->application_id, sizeof g->application_id, d->application_id);
	copy(g->period, sizeof g->period, d->period);
	copy(g->basis, sizeof g->basis, d->reason);
	copy(g->reason, sizeof g->reason, d->reason);
	copy(g->policy, sizeof g->policy, d->policy && *d->policy ? d->policy : r->pol.ref);
	copy(g->status, sizeof g->status, "active");
	g->amount = d->amount;
	g->start = g->began = g->since = d->as_of;
}

/* A new version of g, written by decision d for why. */
static void revise(struct grant_job *r, struct grant *g, const struct dec *d, const char *why)
{
	copy(g->decision_id, sizeof g->decision_id, d->id);
	if (why != g->reason)
		copy(g->reason, sizeof g->reason, why);
	g->since = d->as_of;
	grant_write(&r->store, g);
}

/* End g on the decision's date, or on end when given (not before its start). */
static void end_grant_on(struct grant_job *r, struct grant *g, const struct dec *d,
			 const char *why, jz_date end)
{
	g->end = end > g->start ? end : g->start;
	copy(g->status, sizeof g->status, "ended");
	revise(r, g, d, why);
}

static void end_grant(struct grant_job *r, struct grant *g, const struct dec *d, const char *why)
{
	end_grant_on(r, g, d, why, d->as_of);
}

/* The year a yearly grant is for: the school year (from
 * education.school_year_start) for education, else the calendar year. */
static jz_date year_start(struct grant_job *r, const struct dec *d, jz_date *next)
{
	int y, m, day, sm = 1, sd = 1;
	jz_date start;

	date_to_ymd(d->as_of, &y, &m, &day);
	if (strncmp(d->programme, "edu_", 4) == 0) {
		const struct pvalue *v = param(r, "education.school_year_start", d->as_of);
		sm = (int)(v->i / 100), sd = (int)(v->i % 100);
	}
	if (!date_from_ymd(y, sm, sd, &start) || start > d->as_of)
		date_from_ymd(--y, sm, sd, &start);
	date_from_ymd(y + 1, sm, sd, next);
	return start;
}

/* The festival a festival decision is for: the date that ends its
 * decision_id (assess writes as_of/festival/ID/date, rules.md festival:
 * each festival of the month its own decision), when that is a date of the
 * decision's month; else (a decision made by hand) the decision's date. */
static void festival_date(const struct dec *d, char date[DATE_TEXT])
{
	const char *slash = strrchr(d->id, '/');
	jz_date day;
	char err[80];

	date_format(d->as_of, date);
	if (slash && date_parse(slash + 1, &day, err, sizeof err) &&
	    strncmp(slash + 1, date, 7) == 0)
		date_format(day, date);
}

/* A one-off or yearly decision: paid once per occurrence. */
static void occurrence(struct grant_job *r, const struct dec *d, const char *chain)
{
	char id[300], date[DATE_TEXT], month[8], paid_on[DATE_TEXT];
	jz_date end = d->as_of + 1;
	struct grant g;

	if (!d->eligible) {
		r->same++; /* nothing runs on to be ended */
		return;
	}
	date_format(d->as_of, date);
	if (is(d->period, "year")) {
		jz_date start = year_start(r, d, &end);
		date_format(start, date);
		snprintf(id, sizeof id, "%s/%s", chain, date);
		date_format(d->as_of, date);
	} else if (is(d->programme, "festival")) {
		char day[DATE_TEXT];
		festival_date(d, day);
		snprintf(id, sizeof id, "%s/%s", chain, day);
	} else {
		copy(id, sizeof id, chain); /* an application, or once per unit */
	}
	bool retry = grant_load(&r->store, id, &g);
	if (retry && !is(g.status, "deferred")) {
		r->same++;
		return;
	}
	if (!retry) {
		from_decision(r, &g, d, chain);
		copy(g.grant_id, sizeof g.grant_id, id);
		g.end = end;
	}
	const char *done = is(d->period, "once") ? "ended" : "active";
	if (g.amount > 0) {
		/* For the month of the decision, paid on the day of the run. */
		snprintf(month, sizeof month, "%.7s", date);
		date_format(r->o->as_of, paid_on);
		struct pay pay = {.payment_id = id, .month = month, .kind = "payment",
				  .paid_on = paid_on, .amount = g.amount};
		grant_payee(&r->store, &g, d->as_of, &pay.payee);
		enum pay_result res = grant_pay(&r->store, &g, &pay);
		copy(g.account, sizeof g.account, pay.account);
		switch (res) {
		case PAY_ALREADY:
			r->same++;
			return;
		case PAY_DEFERRED:
			if (retry) {
				r->same++;
				return;
			}
			copy(g.status, sizeof g.status, "deferred");
			copy(g.reason, sizeof g.reason, "insufficient_funds");
			break;
		case PAY_PAID:
			copy(g.status, sizeof g.status, done);
			copy(g.reason, sizeof g.reason, g.basis);
			break;
		}
	} else {
		copy(g.status, sizeof g.status, done);
	}
	if (retry)
		revise(r, &g, d, g.reason);
	else
		grant_write(&r->store, &g);
	r->taken++;
}

/* The member of household_id who found work on or after began and by on,
 * the earliest: *since the day.  False: none. */
static bool found_work(struct grant_job *r, const char *household_id, jz_date began, jz_date on,
		       jz_date *since, char member[20])
{
	struct rule_ctx c = {.pol = &r->pol, .on = on, .history = history_for_rules(&r->hist)};
	struct household h;
	bool found = false;

	*since = 0;
	if (!household_load(&r->hist, household_id, on, &h))
		return false;
	for (int i = 0; i < h.n; i++) {
		struct person before;
		jz_date s;
		if (h.member[i].wubao || !rule_found_work(&c, &h.member[i], &s, &before))
			continue;
		if (s >= began && s <= on && (!found || s < *since)) {
			found = true;
			*since = s;
			copy(member, 20, h.member[i].id);
		}
	}
	free(h.member);
	return found;
}

/* The end of a gradual exit for work found on since: the first day of the
 * month dibao.gradual_exit_months after since's month. */
static jz_date exit_end(struct grant_job *r, jz_date since, jz_date on)
{
	return rule_months_end(since, (long)param(r, "dibao.gradual_exit_months", on)->i);
}

/* What a new monthly grant needs of the registry: a gradual exit begun
 * where no grant ran (assess, in a file without grants, decided it) ends
 * with its exit (*end); the insurance subsidy is for work found (*since:
 * the day it began), and ends by its number of payments (the payroll).
 * False: it is over already, or no work was found: start none. */
static bool planned_end(struct grant_job *r, const struct dec *d, jz_date *end, jz_date *since)
{
	char member[20];

	*end = *since = 0;
	if (is(d->programme, "dibao") && is(d->reason, "gradual_exit")) {
		if (!found_work(r, d->household_id, 0, d->as_of, since, member))
			return false;
		*end = exit_end(r, *since, d->as_of);
	} else if (is(d->programme, "employment_insurance")) {
		struct rule_ctx c = {.pol = &r->pol, .on = d->as_of,
				     .history = history_for_rules(&r->hist)};
		struct person p, before;
		if (!person_load(&r->hist, d->national_id, d->as_of, &p) ||
		    !rule_found_work(&c, &p, since, &before))
			return false;
	}
	return *end == 0 || d->as_of < *end;
}

/* A dibao household's grant when the means test fails: gradual exit if a
 * member found work since the grant began (rules.md 1, 渐退), else the end. */
static void exit_or_end(struct grant_job *r, struct grant *cur, const struct dec *d)
{
	char member[20], chain[240];
	jz_date since;

	if (cur->end) {
		r->same++; /* in its gradual exit already: it ends by itself */
		return;
	}
	if (!found_work(r, cur->household_id, cur->began, d->as_of, &since, member)) {
		end_grant(r, cur, d, d->eligible ? "income_not_below_standard" : d->reason);
		r->taken++;
		return;
	}
	jz_date end = exit_end(r, since, d->as_of);
	if (d->as_of >= end) { /* found late: it ended with its exit */
		end_grant_on(r, cur, d, "gradual_exit_over", end);
		r->taken++;
		return;
	}
	cur->end = end;
	revise(r, cur, d, "gradual_exit");
	r->taken++;

	/* The employment incentive, once (promotes work: 促进就业奖励). */
	struct dec inc = {
		.id = d->id, .programme = "employment_incentive", .unit = "person",
		.household_id = d->household_id, .national_id = member, .period = "once",
		.reason = "dibao_member_found_work", .policy = d->policy, .as_of = d->as_of,
		.eligible = true,
		.amount = param(r, "employment.incentive", d->as_of)->i,
	};
	rule_chain(chain, sizeof chain, inc.programme, inc.unit, member);
	occurrence(r, &inc, chain);
}

/* A monthly decision: start, change or end the chain's grant from its date. */
static void monthly(struct grant_job *r, const struct dec *d, const char *chain)
{
	struct grant cur, g;
	bool have = grant_chain_latest(&r->store, chain, &cur);

	if (have && d->as_of < cur.since) {
		r->stale++; /* the chain moved on after this decision's date */
		return;
	}
	bool active = have && !is(cur.status, "deferred") && cur.start <= d->as_of &&
		      (!cur.end || d->as_of < cur.end);
	bool means_failed = d->eligible ? is(d->reason, "gradual_exit")
		: is(d->reason, "income_not_below_standard") || is(d->reason, "edge_household");
	if (active && is(d->programme, "dibao") && is(d->unit, "household") && means_failed) {
		exit_or_end(r, &cur, d);
		return;
	}
	if (!d->eligible) {
		if (!active) {
			r->same++;
			return;
		}
		end_grant(r, &cur, d, d->reason);
		r->taken++;
		return;
	}
	/* Below the standard again during a gradual exit: the exit is off. */
	bool in_exit = active && cur.end && is(cur.reason, "gradual_exit");
	if (active && cur.amount == d->amount) {
		if (!in_exit) {
			r->same++;
			return;
		}
		cur.end = 0;
		revise(r, &cur, d, "exit_cancelled");
		r->taken++;
		return;
	}
	if (active && cur.start == d->as_of) { /* corrected on the day it began */
		cur.amount = d->amount;
		if (in_exit)
			cur.end = 0;
		copy(cur.basis, sizeof cur.basis, d->reason);
		revise(r, &cur, d, "amount_corrected");
		r->taken++;
		return;
	}
	jz_date end = 0, since = 0;
	if (!active && !planned_end(r, d, &end, &since)) {
		r->same++;
		return;
	}
	from_decision(r, &g, d, chain);
	if (active) {
		g.end = in_exit ? 0 : cur.end; /* a change of amount keeps a planned end */
		g.began = cur.began;
	} else {
		g.end = end;
		/* No gap: the same unbroken run.  The insurance subsidy for the
		 * work found on since: the run that began after it goes on, so
		 * that its payments count on (rules.md 1, Time-limited). */
		bool same_work = have && is(d->programme, "employment_insurance") &&
				 cur.began >= since;
		if (have && !is(cur.status, "deferred") && (cur.end == d->as_of || same_work))
			g.began = cur.began;
	}
	/* A time-limited grant whose payments were all made starts nothing
	 * again, and ends one in force (rules.md 1, Time-limited monthly
	 * grants; the payroll ends it after the last). */
	struct time_limit t;
	if (grant_time_limit(r, &g, d->as_of, &t) && t.paid >= t.limit) {
		if (active && !cur.end) {
			end_grant(r, &cur, d, t.reason);
			r->taken++;
		} else {
			r->same++;
		}
		return;
	}
	if (active)
		end_grant(r, &cur, d, "amount_changed");
	char start[DATE_TEXT];
	date_format(d->as_of, start);
	snprintf(g.grant_id, sizeof g.grant_id, "%s/%s", chain, start);
	copy(g.account, sizeof g.account, g.amount > 0 ? "budget" : "");
	grant_write(&r->store, &g);
	r->taken++;
}

static void apply(struct grant_job *r, const struct dec *d)
{
	char chain[240];
	const char *key = is(d->unit, "application") ? d->application_id
			: is(d->unit, "person") ? d->national_id : d->household_id;

	rule_chain(chain, sizeof chain, d->programme, d->unit, key);
	if (is(d->period, "month"))
		monthly(r, d, chain);
	else
		occurrence(r, d, chain);
}

/* ---- decisions from files ---- */

/* The text of a cell, NULL when empty. */
static const char *or_null(const struct value *v)
{
	return v->given ? v->s : NULL;
}

static void take(struct rec *rec, void *ctx)
{
	struct grant_job *r = ctx;
	const struct kind *k = &kind_decision;
	struct value v[KIND_MAX_FIELDS];
	struct problems *p = &rec->prob;

	progress_tick("decisions", ++r->read);
	if (!rec->broken && kind_parse(k, &r->env, rec->val, v, p)) {
		const char *programme = v[DECISION_PROGRAMME].s, *unit = v[DECISION_UNIT].s;
		const char *given = v[DECISION_PERIOD].s;
		const char *period = grant_period(programme);
		static const char *const how[][2] = {{"month", "monthly"}, {"year", "yearly"},
						     {"once", "once"}};
		const char *said = "", *right = "";
		for (int i = 0; period && i < 3; i++) {
			said = is(how[i][0], given) ? how[i][1] : said;
			right = is(how[i][0], period) ? how[i][1] : right;
		}
		if (period && !is(period, given))
			problem(p, "period", "%s is paid %s, not %s", programme, right, said);
		if (period && !grant_unit_ok(programme, unit))
			problem(p, "unit", "%s is not decided per %s", programme, unit);
		if (!p->count && strlen(v[DECISION_DECISION_ID].s) > 250)
			problem(p, "decision_id", "is longer than 250 bytes");
	}
	if (rec->broken || p->count) {
		r->bad++;
		return;
	}
	struct dec d = {
		.id = v[DECISION_DECISION_ID].s, .as_of = v[DECISION_AS_OF].i,
		.programme = v[DECISION_PROGRAMME].s, .unit = v[DECISION_UNIT].s,
		.household_id = v[DECISION_HOUSEHOLD_ID].s,
		.national_id = or_null(&v[DECISION_NATIONAL_ID]),
		.application_id = or_null(&v[DECISION_APPLICATION_ID]),
		.eligible = v[DECISION_ELIGIBLE].i, .amount = v[DECISION_AMOUNT].i,
		.period = v[DECISION_PERIOD].s, .reason = v[DECISION_REASON].s,
		.policy = or_null(&v[DECISION_POLICY]),
	};
	if (!r->bad)
		apply(r, &d);
}

/* ---- decisions that assess --record stored ---- */

static void recorded(struct grant_job *r)
{
	char date[DATE_TEXT], err[80];
	db_stmt *st = db_prepare(&r->db, "SELECT decision_id, as_of, programme, unit, "
		"household_id, national_id, application_id, eligible, amount, period, reason, policy "
		"FROM decision d WHERE as_of = ?1 AND entry = (SELECT max(entry) FROM decision e "
		"WHERE e.decision_id = d.decision_id) ORDER BY rowid");

	date_format(r->o->as_of, date);
	db_bind_text(st, 1, date);
	while (db_step(&r->db, st) == DB_ROW) {
		const char *c[12];
		for (int i = 0; i < 12; i++)
			c[i] = db_text(st, i);
		struct dec d = {
			.id = c[0], .programme = c[2], .unit = c[3], .household_id = c[4],
			.national_id = c[5], .application_id = c[6],
			.eligible = db_int(st, 7), .amount = db_int64(st, 8),
			.period = c[9], .reason = c[10], .policy = c[11],
		};
		if (!date_parse(c[1], &d.as_of, err, sizeof err))
			diag_fatal(JZ_SOFTWARE, "decision table: %s: %s", c[0], err);
		progress_tick("decisions", ++r->read);
		apply(r, &d);
	}
	db_finalize(st);
	if (r->read == 0)
		diag_warn("no decision recorded as of %s; run assess --as-of %s --record first",
			  date, date);
}

void grant_decisions(struct grant_job *r)
{
	const struct kind *k = &kind_decision;
	struct rec_source src = {k->fields, k->nfields, NULL, r->o->input_format, r->o->encoding,
				 r->o->ignore_unknown};
	char sha[SHA256_HEX];

	r->store.w = r->g->period ? NULL : r->w; /* with --period: the payments are shown */
	if (r->g->recorded) {
		recorded(r);
		return;
	}
	for (int i = 0; i < r->nfiles; i++) {
		if (!rec_read_file(r->files[i], &src, take, r, sha))
			r->spoiled = true;
		journal_input(&r->j, r->files[i], sha);
	}
}
