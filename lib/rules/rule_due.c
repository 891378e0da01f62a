/*
 * What a monthly grant is due for a month, on the registry as now known
 * (lifecycle.md, Corrections reach back): the rules of its programme run
 * for the unit's household as of the first of the month, and the decision
 * for the unit picked from what they emit.
 */
#include "rules/rule.h"

#include <stdlib.h>
#include <string.h>

struct wanted {
	const char *programme, *unit, *key;
	bool found;
	jz_fen due;
};

static void pick(const struct decision *d, void *sink)
{
	struct wanted *w = sink;
	const char *key = strcmp(w->unit, "household") == 0 ? d->household_id : d->national_id;

	if (strcmp(d->programme, w->programme) != 0 || strcmp(d->unit, w->unit) != 0 || !key ||
	    strcmp(key, w->key) != 0)
		return;
	w->found = true;
	w->due = d->eligible ? d->amount : 0;
}

/* Does rule_programmes[i] decide programme? */
static bool decides(int i, const char *programme)
{
	const struct programme *p = &rule_programmes[i];

	if (strcmp(p->code, programme) == 0)
		return true;
	for (int k = 0; k < 3 && p->also[k]; k++)
		if (strcmp(p->also[k], programme) == 0)
			return true;
	return false;
}

jz_fen rule_due(struct rule_ctx *c, const char *programme, const char *unit, const char *key)
{
	struct wanted w = {programme, unit, key, false, 0};
	struct household h;
	const char *household_id = key;
	struct person p;

	if (strcmp(unit, "person") == 0) {
		/* Nobody inactive on the day is in the registry as of it. */
		if (!c->history->person(c->history->ctx, key, c->on, &p))
			return 0;
		household_id = p.household_id;
	}
	if (!c->history->household(c->history->ctx, household_id, c->on, &h))
		return 0;
	void (*emit)(const struct decision *, void *) = c->emit;
	void *sink = c->sink;
	bool tracing = c->tracing;
	c->emit = pick;
	c->sink = &w;
	c->tracing = false;
	rule_facts(c, &h);
	for (int i = 0; i < rule_nprogrammes && !c->missing; i++)
		if (decides(i, programme))
			rule_programmes[i].household(c, &h);
	c->emit = emit;
	c->sink = sink;
	c->tracing = tracing;
	free(h.member);
	return w.found ? w.due : 0;
}
