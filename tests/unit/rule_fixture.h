/*
 * What the rule unit tests share (tests/unit/test_rule_*.c): the built-in
 * policy, a rule context on a date whose decisions are collected, persons
 * and households built in the test, and a fake history (earlier person
 * versions and the grants recorded) behind the interface of core/facts.h,
 * so that a rule runs exactly as under assess(1) without a database.
 */
#ifndef JZ_RULE_FIXTURE_H
#define JZ_RULE_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "rules/rule.h"
#include "unit.h"

#define FX_MAX 64

/* A decision as emitted, its strings copied. */
struct fx_decision {
	char programme[32], unit[16], household_id[64], national_id[20], application_id[64];
	bool eligible;
	jz_fen amount;
	char period[8], reason[64], trace[2048];
};

struct fixture {
	struct policy pol;
	struct rule_ctx c;
	struct history hist;
	struct fx_decision got[FX_MAX]; /* the decisions of the last fx_run */
	int ngot;
	struct { struct person p; char household_id[64]; } version[FX_MAX]; /* by effective */
	int nversions;
	struct {
		char chain[200], national_id[20];
		jz_date start, end;
		jz_fen amount;
		bool once;              /* a once-grant (an application's) */
	} grant[FX_MAX];
	int ngrants;
	struct { char chain[200], basis[32]; jz_date month; } payment[FX_MAX]; /* paid */
	int npayments;
};

static inline jz_date fx_day(const char *s)
{
	jz_date d = 0;
	char err[100];
	if (!date_parse(s, &d, err, sizeof err)) {
		fprintf(stderr, "fixture: %s: %s\n", s, err);
		exit(2);
	}
	return d;
}

static inline void fx_emit(const struct decision *d, void *sink)
{
	struct fixture *f = sink;
	if (f->ngot == FX_MAX)
		return;
	struct fx_decision *g = &f->got[f->ngot++];
	memset(g, 0, sizeof *g);
	text_copy(g->programme, sizeof g->programme, d->programme);
	text_copy(g->unit, sizeof g->unit, d->unit);
	text_copy(g->household_id, sizeof g->household_id, d->household_id);
	text_copy(g->national_id, sizeof g->national_id, d->national_id ? d->national_id : "");
	text_copy(g->application_id, sizeof g->application_id,
		  d->application_id ? d->application_id : "");
	g->eligible = d->eligible;
	g->amount = d->amount;
	text_copy(g->period, sizeof g->period, d->period);
	text_copy(g->reason, sizeof g->reason, d->reason);
	text_copy(g->trace, sizeof g->trace, d->trace ? d->trace : "");
}

/* The fake history: the latest version with effective <= on. */
static inline const struct person *fx_version_on(struct fixture *f, const char *id,
						 jz_date on, const char **household_id)
{
	const struct person *best = NULL;
	for (int i = 0; i < f->nversions; i++) {
		const struct person *p = &f->version[i].p;
		if (strcmp(p->id, id) == 0 && p->effective <= on &&
		    (!best || p->effective >= best->effective)) {
			best = p;
			*household_id = f->version[i].household_id;
		}
	}
	return best;
}

static inline bool fx_person_on(void *ctx, const char *national_id, jz_date on,
				struct person *p)
{
	const char *hh = NULL;
	const struct person *v = fx_version_on(ctx, national_id, on, &hh);
	if (v) {
		*p = *v;
		text_copy(p->household_id, sizeof p->household_id, hh);
	}
	return v != NULL;
}

static inline int fx_by_id(const void *a, const void *b)
{
	return strcmp(((const struct person *)a)->id, ((const struct person *)b)->id);
}

static inline bool fx_household_on(void *ctx, const char *household_id, jz_date on,
				   struct household *h)
{
	struct fixture *f = ctx;
	memset(h, 0, sizeof *h);
	text_copy(h->id, sizeof h->id, household_id);
	h->member = calloc(FX_MAX, sizeof *h->member);
	for (int i = 0; i < f->nversions; i++) {
		const char *hh = NULL;
		const struct person *v = fx_version_on(f, f->version[i].p.id, on, &hh);
		bool seen = false;
		for (int k = 0; k < h->n; k++)
			seen |= strcmp(h->member[k].id, f->version[i].p.id) == 0;
		if (v && !seen && strcmp(hh, household_id) == 0)
			h->member[h->n++] = *v;
	}
	qsort(h->member, h->n, sizeof *h->member, fx_by_id);
	if (h->n == 0) {
		free(h->member);
		h->member = NULL;
	}
	return h->n > 0;
}

static inline bool fx_has_grants(void *ctx)
{
	return ((struct fixture *)ctx)->ngrants > 0;
}

static inline bool fx_grant_on(void *ctx, const char *chain, jz_date on, jz_fen *amount)
{
	struct fixture *f = ctx;
	for (int i = 0; i < f->ngrants; i++)
		if (strcmp(f->grant[i].chain, chain) == 0 && f->grant[i].start <= on &&
		    (f->grant[i].end == 0 || on < f->grant[i].end)) {
			if (amount)
				*amount = f->grant[i].amount;
			return true;
		}
	return false;
}

static inline bool fx_granted(void *ctx, const char *chain, jz_date on, jz_fen *amount,
			      char basis[FACT_BASIS])
{
	struct fixture *f = ctx;
	for (int i = 0; i < f->ngrants; i++)
		if (f->grant[i].once && strcmp(f->grant[i].chain, chain) == 0 &&
		    f->grant[i].start <= on) {
			if (amount)
				*amount = f->grant[i].amount;
			if (basis)
				basis[0] = '\0'; /* the fake keeps no reason */
			return true;
		}
	return false;
}

static inline bool fx_granted_elsewhere(void *ctx, const char *programme,
					const char *national_id, const char *except, jz_date on)
{
	struct fixture *f = ctx;
	size_t len = strlen(programme);
	for (int i = 0; i < f->ngrants; i++)
		if (strncmp(f->grant[i].chain, programme, len) == 0 &&
		    f->grant[i].chain[len] == '/' &&
		    strcmp(f->grant[i].national_id, national_id) == 0 &&
		    strcmp(f->grant[i].chain, except) != 0 && f->grant[i].start <= on)
			return true;
	return false;
}

/* The payments of chain for basis in the months before on's month. */
static inline long fx_paid_before(void *ctx, const char *chain, const char *basis, jz_date on)
{
	struct fixture *f = ctx;
	long n = 0;
	for (int i = 0; i < f->npayments; i++)
		n += strcmp(f->payment[i].chain, chain) == 0 &&
		     strcmp(f->payment[i].basis, basis) == 0 &&
		     f->payment[i].month < rule_months_end(on, 0);
	return n;
}

/* A context on date on with the built-in policy and the fake history. */
static inline void fx_init(struct fixture *f, const char *on)
{
	memset(f, 0, sizeof *f);
	if (!policy_parse(&f->pol, policy_default_name, (const char *)policy_default_bytes,
			  policy_default_len)) {
		fprintf(stderr, "fixture: the built-in policy does not parse\n");
		exit(2);
	}
	f->hist = (struct history){.ctx = f, .person = fx_person_on, .household = fx_household_on,
				   .has_grants = fx_has_grants, .grant = fx_grant_on,
				   .granted = fx_granted, .granted_elsewhere = fx_granted_elsewhere,
				   .paid = fx_paid_before};
	f->c = (struct rule_ctx){.pol = &f->pol, .on = fx_day(on), .emit = fx_emit, .sink = f,
				 .tracing = true, .history = &f->hist};
}

static inline void fx_free(struct fixture *f)
{
	policy_free(&f->pol);
}

/* A person of the registry with the enrol defaults: urban, hukou here,
 * unemployed, no income, insurance none, no disability, self-care full. */
static inline struct person fx_person(const char *id, const char *birth, char sex)
{
	struct person p;
	memset(&p, 0, sizeof p);
	text_copy(p.id, sizeof p.id, id);
	text_copy(p.name, sizeof p.name, id);
	strcpy(p.relation, "head");
	strcpy(p.hukou_type, "urban");
	strcpy(p.employment, "unemployed");
	strcpy(p.insurance, "none");
	strcpy(p.disability, "none");
	strcpy(p.illness, "none");
	strcpy(p.student_level, "none");
	strcpy(p.self_care, "full");
	p.hukou_local = true;
	p.able_to_work = -1;
	p.birth = fx_day(birth);
	p.sex = sex;
	p.effective = fx_day("2007-01-01");
	return p;
}

/* Record p as a version of household_id in the fake history. */
static inline void fx_version(struct fixture *f, const char *household_id,
			      const struct person *p)
{
	f->version[f->nversions].p = *p;
	text_copy(f->version[f->nversions].household_id, 64, household_id);
	f->nversions++;
}

/* Record a grant of chain in force on [start, end) ("" end: open). */
static inline void fx_grant(struct fixture *f, const char *chain, const char *start,
			    const char *end, jz_fen amount)
{
	text_copy(f->grant[f->ngrants].chain, sizeof f->grant[0].chain, chain);
	f->grant[f->ngrants].start = fx_day(start);
	f->grant[f->ngrants].end = *end ? fx_day(end) : 0;
	f->grant[f->ngrants].amount = amount;
	f->ngrants++;
}

/* Record a once-grant of chain ("temporary/application/TA-1") to
 * national_id, made on start (in force that day only, as grant(1) writes
 * it). */
static inline void fx_once(struct fixture *f, const char *chain, const char *national_id,
			   const char *start, jz_fen amount)
{
	fx_grant(f, chain, start, "", amount);
	f->grant[f->ngrants - 1].end = f->grant[f->ngrants - 1].start + 1;
	f->grant[f->ngrants - 1].once = true;
	text_copy(f->grant[f->ngrants - 1].national_id, sizeof f->grant[0].national_id, national_id);
}

/* Record count monthly payments paid on chain's grants of basis, from the
 * month of first ("2007-10-01") on. */
static inline void fx_paid(struct fixture *f, const char *chain, const char *basis,
			   const char *first, int count)
{
	for (int k = 0; k < count; k++) {
		text_copy(f->payment[f->npayments].chain, sizeof f->payment[0].chain, chain);
		text_copy(f->payment[f->npayments].basis, sizeof f->payment[0].basis, basis);
		f->payment[f->npayments].month = date_add_months(rule_months_end(fx_day(first), 0), k);
		f->npayments++;
	}
}

/* A household of n members (copied; sorted by ID as the registry gives them). */
static inline struct household fx_household(const char *id, const struct person *members,
					    int n)
{
	struct household h;
	memset(&h, 0, sizeof h);
	text_copy(h.id, sizeof h.id, id);
	text_copy(h.street, sizeof h.street, "垂杨柳");
	h.member = calloc((size_t)n + 1, sizeof *h.member);
	memcpy(h.member, members, (size_t)n * sizeof *members);
	h.n = n;
	qsort(h.member, (size_t)n, sizeof *h.member, fx_by_id);
	return h;
}

/* Run one programme's rule on h, as assess does: the facts, then the rule. */
static inline void fx_run(struct fixture *f,
			  void (*rule)(struct rule_ctx *, const struct household *),
			  const struct household *h)
{
	f->ngot = 0;
	f->c.missing = NULL;
	rule_facts(&f->c, h);
	rule(&f->c, h);
}

/* An application received at a window (data.md application); reason is
 * the case type of a legal_aid one. */
static inline struct application fx_application(const char *id, const char *national_id,
						const char *programme, const char *received,
						const char *reason, jz_fen requested)
{
	struct application a;
	memset(&a, 0, sizeof a);
	text_copy(a.id, sizeof a.id, id);
	text_copy(a.national_id, sizeof a.national_id, national_id);
	text_copy(a.programme, sizeof a.programme, programme);
	a.received_on = fx_day(received);
	if (strcmp(programme, "legal_aid") == 0) /* reason: the case type */
		text_copy(a.case_type, sizeof a.case_type, reason);
	else
		text_copy(a.reason, sizeof a.reason, reason);
	a.requested = requested;
	return a;
}

/* Decide the applications apps[0..n) of h's members, as assess does:
 * the facts, then rule_applications in the order given (received). */
static inline void fx_applications(struct fixture *f, const struct household *h,
				   const struct application *apps, int n)
{
	const struct application *in[FX_MAX];
	for (int i = 0; i < n; i++)
		in[i] = &apps[i];
	f->ngot = 0;
	f->c.missing = NULL;
	rule_facts(&f->c, h);
	rule_applications(&f->c, h, in, n);
}

/* The decision of programme for key (national ID, application ID, or ""
 * for the household's), or NULL. */
static inline const struct fx_decision *fx_find(const struct fixture *f,
						 const char *programme, const char *key)
{
	for (int i = 0; i < f->ngot; i++) {
		const struct fx_decision *d = &f->got[i];
		const char *k = *d->application_id ? d->application_id : d->national_id;
		if (strcmp(d->programme, programme) == 0 && strcmp(k, key) == 0)
			return d;
	}
	return NULL;
}

#endif
