/*
 * The programmes a person applies for at a window (rules.md 1, 4, 5):
 * temporary aid, the rural employment subsidies, legal aid, enforcement
 * relief and home care.  Each application is decided as of D with its
 * applicant's household as it stood on D.
 */
#include "rules/rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"

const char *const rule_application_programmes[] = {
	"temporary", "employment_startup", "employment_retraining", "legal_aid",
	"enforcement_relief", "home_care", NULL,
};

static bool is(const char *code, const char *want)
{
	return strcmp(code, want) == 0;
}

static const struct person *applicant(const struct household *h, const struct application *a)
{
	for (int i = 0; i < h->n; i++)
		if (strcmp(h->member[i].id, a->national_id) == 0)
			return &h->member[i];
	return NULL;
}

/* Is the household zero-employment, leaving out one member (NULL: none)? */
static bool zero_employment(struct rule_ctx *c, const struct household *h, const struct person *skip)
{
	int labourers = 0, employed = 0;
	for (int i = 0; i < h->n; i++) {
		if (&h->member[i] == skip)
			continue;
		labourers += rule_able_labourer(c, &h->member[i]);
		employed += is(h->member[i].employment, "employed");
	}
	return labourers > 0 && employed == 0;
}

/* Legal hardship (三(四)): I < legal multiplier x S.n, of the household
 * or, for a unit of one, of the applicant alone (f). */
static bool legal_hardship(struct rule_ctx *c, const struct household_facts *f)
{
	jz_rate m = rule_rate(c, "legal.hardship_multiplier", "m");
	char inc[MONEY_TEXT], s[MONEY_TEXT];
	money_format(f->income, inc);
	money_format(f->s, s);
	rule_note(c, "n=%d I=%s S=%s", f->n, inc, s);
	return money_below(f->income, f->n, f->s, m);
}

/* The year of an application, for the household's yearly cap. */
static int year_of(const struct application *a)
{
	int y, m, d;
	date_to_ymd(a->received_on, &y, &m, &d);
	return y;
}

/* What the household's temporary applications of a's year draw from its
 * yearly cap, a aside: the amounts granted (drawn[k] of a granted one,
 * whenever received) and those decided before a in this run. */
static jz_fen drawn_before(const struct application *const *apps, const jz_fen *drawn,
			   const bool *granted, int n, int i)
{
	jz_fen sum = 0;
	for (int k = 0; k < n; k++)
		if (k != i && is(apps[k]->programme, "temporary") &&
		    year_of(apps[k]) == year_of(apps[i]) && (granted[k] || k < i))
			sum += drawn[k];
	return sum;
}

/* temporary (三(一)4): who may apply, then min(requested, the reason's cap,
 * what is left of the household's yearly cap).  What is left is the cap
 * less what was granted to the household's applications of that calendar
 * year (paid or owed) and what this run grants before; an application
 * already granted is decided again exactly as granted, whatever the
 * household is now: a grant once made is never re-decided. */
static jz_fen temporary(struct rule_ctx *c, const struct household_facts *f, bool alone,
			const struct household *h, const struct person *p,
			const struct application *a, jz_fen drawn, bool granted, jz_fen granted_amount,
			const char *basis)
{
	char cap_name[40], req[MONEY_TEXT], left_s[MONEY_TEXT], amt[MONEY_TEXT];

	rule_begin(c, "temporary");
	if (granted) {
		money_format(granted_amount, amt);
		rule_note(c, "as_granted=%s", amt);
		/* The same decision as the grant's, its reason too, so that the
		 * same date assessed again records nothing new. */
		rule_decide_application(c, "temporary", h, p, a->id, true, granted_amount, "once",
					*basis ? basis : "as_granted");
		return granted_amount;
	}
	bool migrant = p->has_residence_since && !p->hukou_local &&
		       p->residence_since <= date_add_months(a->received_on, -12);
	/* A unit of one applies on their own: wubao, or in a personal
	 * dibao, is a dibao recipient (rules.md temporary, Who may apply). */
	const char *who = f->dibao ? (!alone ? "dibao_member" : p->wubao ? "wubao" : "personal_dibao")
			  : f->edge ? "edge_member"
			  : p->enterprise_hardship ? "enterprise_hardship"
			  : p->one_child_hardship ? "one_child_hardship" : p->troop ? "troop"
			  : migrant ? "migrant_over_one_year" : NULL;
	rule_note(c, "who=%s", who ? who : "none");
	if (!who) {
		rule_decide_application(c, "temporary", h, p, a->id, false, 0, "once", "may_not_apply");
		return 0;
	}
	snprintf(cap_name, sizeof cap_name, "temporary.cap.%s", a->reason);
	jz_fen cap = rule_money(c, cap_name, "cap");
	jz_fen yearly = rule_money(c, "temporary.annual_cap_household", "year_cap");
	jz_fen left = yearly > drawn ? yearly - drawn : 0;
	jz_fen amount = a->requested < cap ? a->requested : cap;
	amount = amount < left ? amount : left;
	money_format(a->requested, req);
	money_format(left, left_s);
	rule_note(c, "requested=%s left=%s", req, left_s);
	rule_decide_application(c, "temporary", h, p, a->id, amount > 0, amount, "once",
				amount > 0 ? who : "yearly_cap_reached");
	return amount;
}

/* home_care (三(五)): a wubao person; 60 and over in a dibao household; a
 * returned overseas Chinese in hardship; 80 and over needing care: cost x
 * rate.  For a unit of one, the dibao and hardship are their own (f). */
static void home_care(struct rule_ctx *c, const struct household_facts *f,
		      const struct household *h, const struct person *p,
		      const struct application *a)
{
	int age = rule_age(c, p);
	const char *who = p->wubao ? "wubao" : age >= 60 && f->dibao ? "dibao_elderly"
			  : p->returned_overseas && f->hardship ? "returned_overseas_hardship"
			  : age >= 80 && !is(p->self_care, "full") ? "over_80_needing_care" : NULL;
	char req[MONEY_TEXT];

	rule_begin(c, "home_care");
	jz_rate rate = rule_rate(c, "home_care.subsidy_rate", "rate");
	money_format(a->requested, req);
	rule_note(c, "age=%d cost=%s", age, req);
	rule_decide_application(c, "home_care", h, p, a->id, who != NULL,
				money_times_rate(a->requested, rate), "once", who ? who : "not_eligible");
}

/* employment_startup (三(一)2): a rural zero-employment labourer who found
 * work of their own: the registry shows them employed on D, and the
 * household was zero-employment but for them.  Once per person in a
 * lifetime: not when a startup subsidy was granted to them under another
 * application (history), or is granted by this run (before). */
static bool startup(struct rule_ctx *c, const struct household *h, const struct person *p,
		    const struct application *a, bool before)
{
	bool rural = is(c->facts.head->hukou_type, "rural");
	char chain[200];

	rule_begin(c, "employment_startup");
	jz_fen amount = rule_money(c, "employment.startup_subsidy", "subsidy");
	bool working = is(p->employment, "employed");
	bool zero = zero_employment(c, h, p);
	rule_chain(chain, sizeof chain, "employment_startup", "application", a->id);
	before |= c->history && c->history->granted_elsewhere(c->history->ctx, "employment_startup",
							       p->id, chain, c->on);
	rule_note(c, "rural=%s employed=%s zero_employment_otherwise=%s granted_before=%s",
		  rural ? "yes" : "no", working ? "yes" : "no", zero ? "yes" : "no",
		  before ? "yes" : "no");
	const char *reason = !rural ? "not_rural" : !working ? "not_working"
			     : before ? "already_granted" : !zero ? "member_employed"
			     : "rural_zero_employment";
	bool ok = rural && working && !before && zero;
	rule_decide_application(c, "employment_startup", h, p, a->id, ok, amount, "once", reason);
	return ok;
}

void rule_applications(struct rule_ctx *c, const struct household *h,
		       const struct application *const *apps, int n)
{
	if (n <= 0)
		return;
	/* drawn[i]: what application i draws from the household's yearly
	 * temporary cap; granted[i]: it was granted before (history);
	 * started[i]: it is granted a startup subsidy by this run. */
	jz_fen *drawn = calloc(n, sizeof *drawn);
	bool *granted = calloc(n, sizeof *granted);
	bool *started = calloc(n, sizeof *started);
	char (*basis)[FACT_BASIS] = calloc(n, sizeof *basis);

	if (!drawn || !granted || !started || !basis)
		diag_fatal(JZ_SOFTWARE, "out of memory");
	for (int i = 0; i < n && c->history; i++) {
		char chain[200];
		if (!is(apps[i]->programme, "temporary"))
			continue;
		rule_chain(chain, sizeof chain, "temporary", "application", apps[i]->id);
		granted[i] = c->history->granted(c->history->ctx, chain, c->on, &drawn[i], basis[i]);
	}
	for (int i = 0; i < n; i++) {
		const struct application *a = apps[i];
		const struct person *p = applicant(h, a);
		bool rural = is(c->facts.head->hukou_type, "rural");
		/* A unit of one takes each test of hardship on their own. */
		struct household_facts own;
		const struct household_facts *f = &c->facts;
		bool alone = p && rule_unit_of_one(c, p);

		if (!p)
			continue;
		if (alone && (is(a->programme, "temporary") || is(a->programme, "legal_aid") ||
			      is(a->programme, "enforcement_relief") || is(a->programme, "home_care"))) {
			rule_own_facts(c, p, &own);
			f = &own;
		}
		if (is(a->programme, "temporary")) {
			drawn[i] = temporary(c, f, alone, h, p, a, drawn_before(apps, drawn, granted, n, i),
					     granted[i], drawn[i], basis[i]);
		} else if (is(a->programme, "employment_startup")) {
			bool before = false;
			for (int k = 0; k < i; k++)
				before |= started[k] && strcmp(apps[k]->national_id, a->national_id) == 0;
			started[i] = startup(c, h, p, a, before);
		} else if (is(a->programme, "employment_retraining")) {
			/* 三(一)2: the whole cost of training again. */
			rule_begin(c, "employment_retraining");
			bool zero = zero_employment(c, h, NULL);
			rule_note(c, "rural=%s zero_employment=%s", rural ? "yes" : "no", zero ? "yes" : "no");
			rule_decide_application(c, "employment_retraining", h, p, a->id, rural && zero,
						a->requested, "once", !rural ? "not_rural"
						: zero ? "rural_zero_employment" : "member_employed");
		} else if (is(a->programme, "legal_aid")) {
			/* 三(四)1: the case types, and hardship: a service. */
			rule_begin(c, "legal_aid");
			bool hard = legal_hardship(c, f);
			rule_note(c, "case=%s", a->case_type);
			rule_decide_application(c, "legal_aid", h, p, a->id, hard, 0, "once",
						hard ? a->case_type : "not_hardship");
		} else if (is(a->programme, "enforcement_relief")) {
			/* 三(四)2: local hukou, the respondent unable to pay,
			 * hardship: 6 x S on the decision date, once. */
			rule_begin(c, "enforcement_relief");
			bool hard = legal_hardship(c, f);
			long months = rule_count(c, "legal.enforcement_relief_months", "months");
			bool ok = p->hukou_local && a->respondent_unable && hard;
			rule_decide_application(c, "enforcement_relief", h, p, a->id, ok, months * f->s,
						"once", !p->hukou_local ? "hukou_not_local"
						: !a->respondent_unable ? "respondent_able"
						: hard ? "respondent_unable" : "not_hardship");
		} else if (is(a->programme, "home_care")) {
			home_care(c, f, h, p, a);
		}
	}
	free(drawn);
	free(granted);
	free(basis);
	free(started);
}

static int by_received(const void *x, const void *y)
{
	const struct application *a = *(const struct application *const *)x;
	const struct application *b = *(const struct application *const *)y;
	return a->received_on != b->received_on ? (a->received_on < b->received_on ? -1 : 1)
						: strcmp(a->id, b->id);
}

void rule_applications_of(struct rule_ctx *c, const struct application_set *set,
			  const struct household *h, const struct application ***mine, int *cap)
{
	int n = 0;

	for (int i = 0; i < h->n; i++) {
		const struct application *first;
		int k = application_find(set, h->member[i].id, &first);
		if (n + k > *cap) {
			*cap = 2 * (n + k);
			if (!(*mine = realloc(*mine, *cap * sizeof **mine)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		for (int j = 0; j < k; j++)
			(*mine)[n++] = first + j;
	}
	if (n == 0)
		return;
	qsort(*mine, n, sizeof **mine, by_received);
	rule_applications(c, h, *mine, n);
}
