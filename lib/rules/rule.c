/* The rule context: parameters read by name, noted in the trace (rule.h). */
#include "rules/rule.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void rule_begin(struct rule_ctx *c, const char *rule)
{
	if (!c->tracing) {
		c->trace[0] = '\0';
		return;
	}
	c->tlen = (size_t)snprintf(c->trace, sizeof c->trace, "%s:", rule);
}

void rule_note(struct rule_ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (!c->tracing || c->tlen >= sizeof c->trace - 1)
		return;
	c->trace[c->tlen++] = ' ';
	va_start(ap, fmt);
	int n = vsnprintf(c->trace + c->tlen, sizeof c->trace - c->tlen, fmt, ap);
	va_end(ap);
	if (n > 0)
		c->tlen += (size_t)n < sizeof c->trace - c->tlen ? (size_t)n : sizeof c->trace - c->tlen - 1;
}

static const struct pvalue *param(struct rule_ctx *c, const char *name)
{
	const struct pvalue *v = policy_get(c->pol, name, c->on);
	if (!v && !c->missing)
		c->missing = name;
	return v;
}

static void note_param(struct rule_ctx *c, const struct pvalue *v, const char *sym)
{
	char from[DATE_TEXT];
	if (!c->tracing)
		return;
	date_format(v->from, from);
	rule_note(c, "%s=%s@%s%s", sym, v->text, from, v->assumed ? "(assumed)" : "");
}

jz_fen rule_money(struct rule_ctx *c, const char *name, const char *sym)
{
	const struct pvalue *v = param(c, name);
	if (!v)
		return 0;
	note_param(c, v, sym);
	return v->i;
}

jz_rate rule_rate(struct rule_ctx *c, const char *name, const char *sym)
{
	return rule_money(c, name, sym); /* same storage: the value in v->i */
}

long rule_count(struct rule_ctx *c, const char *name, const char *sym)
{
	return (long)rule_money(c, name, sym);
}

void rule_working_age(struct rule_ctx *c, char sex, int *lo, int *hi)
{
	const struct pvalue *v = param(c, sex == 'm' ? "labour.working_age.male"
					      : "labour.working_age.female");
	*lo = v ? (int)v->i : 0;
	*hi = v ? (int)v->j : -1;
}

/* dibao (c) while his hukou is pending: a unit of one whether or not his
 * grant is in force, so that after his dibao.released_months payments he
 * does not fall back into his household's dibao and the lifetime limit
 * holds (a decision of the project owner; the literal rules.md makes him
 * one only while he holds his grant). */
static bool released_pending(const struct person *p)
{
	return p->has_released_on && p->hukou_pending;
}

static bool has_aids(const struct person *p)
{
	return strcmp(p->illness, "aids") == 0;
}

enum unit_of_one rule_unit_of_one(const struct rule_ctx *c, const struct person *p)
{
	return p->wubao ? UNIT_WUBAO : released_pending(p) ? UNIT_RELEASED
	       : c->facts.aids_edge && has_aids(p) ? UNIT_AIDS : UNIT_NONE;
}

/* n and I of h, the units of one left out: wubao persons, released
 * prisoners pending, and AIDS patients unless aids_counted; then the
 * means test. */
static void tally(struct rule_ctx *c, const struct household *h, bool aids_counted)
{
	struct household_facts *f = &c->facts;

	f->n = 0;
	f->income = 0;
	for (int i = 0; i < h->n; i++) {
		const struct person *p = &h->member[i];
		if (p->wubao || released_pending(p) || (!aids_counted && has_aids(p)))
			continue;
		f->n++;
		f->income += p->income;
	}
	f->below = f->head->hukou_local && f->n > 0 &&
		   money_below(f->income, f->n, f->s, RATE_ONE);
}

void rule_means(struct rule_ctx *c, const struct household *h)
{
	struct household_facts *f = &c->facts;
	bool aids = false;

	memset(f, 0, sizeof *f);
	f->exit = -1;
	f->head = household_head(h);
	for (int i = 0; i < h->n; i++) {
		f->wubao_member |= h->member[i].wubao;
		aids |= !h->member[i].wubao && !released_pending(&h->member[i]) &&
			has_aids(&h->member[i]);
	}
	const struct pvalue *s = param(c, strcmp(f->head->hukou_type, "rural") == 0
				       ? "dibao.standard.rural" : "dibao.standard.urban");
	const struct pvalue *m = param(c, "dibao.edge_multiplier");
	if (!s || !m)
		return;
	f->s = s->i;
	/* Edge is judged with the AIDS members counted: an AIDS patient is
	 * dibao (a) as a member of an edge household, and only then a unit
	 * of one; a household whose hukou is not here is neither dibao nor
	 * edge. */
	tally(c, h, true);
	f->edge = f->head->hukou_local && f->n > 0 && !f->below &&
		  money_below(f->income, f->n, f->s, m->i);
	f->aids_edge = f->edge && aids;
	if (f->aids_edge)
		tally(c, h, false);
	f->dibao = f->below;
	f->hardship = f->dibao || f->edge || f->wubao_member;
}

void rule_facts(struct rule_ctx *c, const struct household *h)
{
	struct household_facts *f = &c->facts;

	rule_means(c, h);
	if (c->missing)
		return;
	if (c->history && c->history->has_grants(c->history->ctx)) {
		char chain[200];
		rule_chain(chain, sizeof chain, "dibao", "household", h->id);
		f->granted = c->history->grant(c->history->ctx, chain, c->on, NULL);
	}
	/* Is it in its gradual exit?  Looked for when it decides: whether the
	 * household is dibao (no grant says so), and whether its AIDS members
	 * are (a): (a) stops when the household itself is dibao, and in its
	 * exit the household goes on with her in it. */
	if (c->history && f->head->hukou_local && !f->below && (f->aids_edge || !f->granted)) {
		bool tracing = c->tracing;
		char t0 = c->trace[0];
		c->tracing = false;
		f->exit = rule_gradual_exit(c, h);
		c->tracing = tracing;
		c->trace[0] = t0;
		if (f->exit > 0 && f->aids_edge) {
			f->aids_edge = false;
			tally(c, h, true);
		}
	}
	f->dibao = f->granted || f->below || f->exit > 0;
	f->hardship = f->dibao || f->edge || f->wubao_member;
}

void rule_own_facts(struct rule_ctx *c, const struct person *p, struct household_facts *own)
{
	const struct pvalue *s = param(c, strcmp(p->hukou_type, "rural") == 0
				       ? "dibao.standard.rural" : "dibao.standard.urban");
	const struct pvalue *m = param(c, "dibao.edge_multiplier");

	memset(own, 0, sizeof *own);
	own->exit = -1;
	own->head = p;
	own->n = 1;
	own->income = p->income;
	if (!s || !m)
		return;
	own->s = s->i;
	own->below = p->hukou_local && money_below(p->income, 1, own->s, RATE_ONE);
	own->edge = p->hukou_local && !own->below && money_below(p->income, 1, own->s, m->i);
	own->wubao_member = p->wubao;
	own->dibao = p->wubao || rule_personal_dibao(c, p);
	own->hardship = own->dibao || own->edge || own->wubao_member;
}

/* "a/b/c" into buf, cut to len - 1 bytes (snprintf's %s/%s/%s, without
 * the cost of the format on every decision). */
static void join3(char *buf, size_t len, const char *a, const char *b, const char *c)
{
	const char *part[] = {a, "/", b, "/", c};
	size_t used = 0;
	for (int i = 0; i < 5 && len; i++) {
		size_t n = strlen(part[i]);
		if (n > len - 1 - used)
			n = len - 1 - used;
		memcpy(buf + used, part[i], n);
		used += n;
	}
	if (len)
		buf[used] = '\0';
}

void rule_decision_id(char *buf, size_t len, const char *as_of, const struct decision *d)
{
	join3(buf, len, as_of, d->programme,
	      d->application_id ? d->application_id : d->national_id ? d->national_id : d->household_id);
	size_t used = strlen(buf);
	if (d->occasion && used + 1 < len)
		snprintf(buf + used, len - used, "/%s", d->occasion);
}

void rule_chain(char *buf, size_t len, const char *programme, const char *unit, const char *key)
{
	join3(buf, len, programme, unit, key);
}

bool rule_able_labourer(struct rule_ctx *c, const struct person *p)
{
	int lo, hi, age = rule_age(c, p);

	rule_working_age(c, p->sex, &lo, &hi);
	if (age < lo || age > hi)
		return false;
	return p->able_to_work >= 0 ? p->able_to_work : strcmp(p->employment, "unable") != 0;
}

void rule_emit(struct rule_ctx *c, struct decision *d)
{
	if (c->missing)
		return;
	d->trace = c->trace;
	c->emit(d, c->sink);
}

void rule_decide(struct rule_ctx *c, const char *programme, const struct household *h,
		 const struct person *p, bool eligible, jz_fen amount, const char *period,
		 const char *reason)
{
	rule_decide_application(c, programme, h, p, NULL, eligible, amount, period, reason);
}

void rule_decide_application(struct rule_ctx *c, const char *programme,
			     const struct household *h, const struct person *p,
			     const char *application_id, bool eligible, jz_fen amount,
			     const char *period, const char *reason)
{
	struct decision d = {
		.programme = programme,
		.unit = application_id ? "application" : p ? "person" : "household",
		.household_id = h->id, .national_id = p ? p->id : NULL,
		.application_id = application_id, .eligible = eligible,
		.amount = eligible ? amount : 0, .period = period, .reason = reason,
	};
	char buf[MONEY_TEXT];

	money_format(d.amount, buf);
	if (eligible)
		rule_note(c, "-> %s", buf);
	else
		rule_note(c, "-> %s", reason);
	rule_emit(c, &d);
}

bool rule_found_work(struct rule_ctx *c, const struct person *p, jz_date *since,
		     struct person *before)
{
	if (!c->history || strcmp(p->employment, "employed") != 0 || p->effective == 0)
		return false;
	*since = p->effective;
	/* Walk back over earlier employed versions to where the work began. */
	for (int step = 0; step < 100; step++) {
		if (!c->history->person(c->history->ctx, p->id, *since - 1, before))
			return false; /* employed since enrolled: nothing was found */
		if (strcmp(before->employment, "employed") != 0)
			return true;
		*since = before->effective;
	}
	return false;
}

jz_date rule_months_end(jz_date since, long months)
{
	int y, m, d;
	date_to_ymd(since, &y, &m, &d);
	return date_add_months(since - (d - 1), (int)months);
}

const char *rule_group(const char *programme)
{
	static const struct { const char *prefix, *group; } groups[] = {
		{"dibao", "basic_living"}, {"zero_employment", "basic_living"},
		{"employment_", "basic_living"}, {"lowrent_housing", "basic_living"},
		{"rural_house_repair", "basic_living"}, {"temporary", "basic_living"},
		{"festival", "basic_living"}, {"edu_", "education"}, {"medical", "medical"},
		{"premium_subsidy", "medical"}, {"rehab_card", "medical"}, {"claim", "medical"},
		{"major_disease", "medical"}, {"legal_aid", "legal_aid"},
		{"enforcement_relief", "legal_aid"}, {"home_care", "mutual_aid"},
	};
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		size_t n = strlen(groups[i].prefix);
		bool prefix = groups[i].prefix[n - 1] == '_';
		if (prefix ? strncmp(programme, groups[i].prefix, n) == 0
			   : strcmp(programme, groups[i].prefix) == 0)
			return groups[i].group;
	}
	return NULL;
}

int rule_age(const struct rule_ctx *c, const struct person *p)
{
	return date_age(p->birth, c->on);
}

const struct programme rule_programmes[] = {
	{"dibao", rule_dibao, {NULL}},
	{"zero_employment", rule_zero_employment, {"employment_training", "employment_assistant"}},
	{"employment_incentive", rule_after_work, {"employment_insurance"}},
	{"lowrent_housing", rule_lowrent_housing, {NULL}},
	{"rural_house_repair", rule_rural_house_repair, {NULL}},
	{"festival", rule_festival, {NULL}},
	{"edu_hardship", rule_edu_hardship, {NULL}},
	{"edu_vocational", rule_edu_vocational, {NULL}},
	{"edu_disability", rule_edu_disability, {NULL}},
	{"medical", rule_medical, {NULL}},
	{"premium_subsidy", rule_premium_subsidy, {NULL}},
	{"rehab_card", rule_rehab_card, {NULL}},
};
const int rule_nprogrammes = sizeof rule_programmes / sizeof rule_programmes[0];
