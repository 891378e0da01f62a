/*
 * festival, the warmth campaign at festivals (送温暖; rules.md 1 festival;
 * seed 三(一)4).  Every festival of festival.dates that falls in the month
 * of D is decided by that month's run (the monthly run on the 1st pays the
 * month's festivals), once each: every dibao recipient (a member of a
 * dibao household, or a person who holds a personal dibao grant), every
 * wubao person and every member of an edge household gets the amount of
 * the highest of their categories (dibao, wubao, edge).  Each festival is
 * a decision of its own, the festival's date its occasion, so that two
 * festivals of one month are two decisions and two payments.
 */
#include "rules/rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MONTH_DAYS 31 /* festivals of one month, at most */

static const char *const categories[] = {"wubao", "dibao", "edge"};

static int by_date(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The festivals of D's month, each once, in date order: their count. */
static int festivals_of_month(struct rule_ctx *c, const char *days[MONTH_DAYS])
{
	const struct pvalue *dates = policy_get(c->pol, "festival.dates", c->on);
	const cJSON *d;
	char on[DATE_TEXT];
	int n = 0;

	if (!dates) {
		c->missing = c->missing ? c->missing : "festival.dates";
		return 0;
	}
	date_format(c->on, on);
	cJSON_ArrayForEach(d, dates->dates) {
		bool seen = false;
		if (strncmp(d->valuestring, on, 7) != 0) /* YYYY-MM */
			continue;
		for (int i = 0; i < n; i++)
			seen |= strcmp(days[i], d->valuestring) == 0;
		if (!seen && n < MONTH_DAYS)
			days[n++] = d->valuestring;
	}
	qsort(days, (size_t)n, sizeof *days, by_date);
	return n;
}

/* The highest category of p that applies (NULL: none) and its amount. */
static const char *category(struct rule_ctx *c, const struct person *p, jz_fen *amount)
{
	const struct household_facts *f = &c->facts;
	/* A unit of one is no part of the household's dibao or edge
	 * (rules.md Common definitions); a personal dibao is his own. */
	bool household = rule_unit_of_one(c, p) == UNIT_NONE;
	bool in[] = {p->wubao, (f->dibao && household) || rule_personal_dibao(c, p),
		     f->edge && household};
	const char *which = NULL;

	*amount = 0;
	for (int k = 0; k < 3; k++) {
		char name[40];
		if (!in[k])
			continue;
		snprintf(name, sizeof name, "festival.amount.%s", categories[k]);
		const struct pvalue *v = policy_get(c->pol, name, c->on);
		if (!v) {
			c->missing = c->missing ? c->missing : "festival.amount.*";
			return NULL;
		}
		if (!which || v->i > *amount)
			*amount = v->i, which = categories[k];
	}
	return which;
}

void rule_festival(struct rule_ctx *c, const struct household *h)
{
	const char *days[MONTH_DAYS];
	int n = festivals_of_month(c, days);

	for (int m = 0; m < h->n && n > 0; m++) {
		const struct person *p = &h->member[m];
		char name[40], amount[MONEY_TEXT];
		jz_fen best;
		const char *which = category(c, p, &best);
		if (!which)
			continue;
		snprintf(name, sizeof name, "festival.amount.%s", which);
		money_format(best, amount);
		for (int i = 0; i < n; i++) {
			rule_begin(c, "festival");
			rule_note(c, "festival=%s", days[i]);
			rule_money(c, name, which);
			rule_note(c, "-> %s", amount);
			struct decision d = {
				.programme = "festival", .unit = "person", .household_id = h->id,
				.national_id = p->id, .eligible = true, .amount = best,
				.period = "once", .reason = which, .occasion = days[i],
			};
			rule_emit(c, &d);
		}
	}
}
