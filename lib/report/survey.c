/*
 * report survey (report(1); rules.md 1 survey, seed 三(一)5): the year's
 * reproducible sample of low-income households, stratified by street, and
 * the analysis of the survey rows for statisticians: per street and hukou
 * type, quantiles of per-capita income and expense relative to S, and the
 * shares of households under 1.0, 1.2, 1.5 and 2.0 x S.
 */
#include "report/report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/progress.h"
#include "core/text.h"
#include "io/input.h"
#include "rules/rule.h"
#include "store/db.h"
#include "store/household.h"

/* ---- the draw ---- */

struct drawn {
	char street[128], household_id[128], kind[8], key[SHA256_HEX];
};

struct draw {
	struct rule_ctx ctx;
	long seed;
	int year;
	struct drawn *d;
	int n, cap;
};

static void low_income(const struct household *h, void *p)
{
	struct draw *w = p;
	char text[300];

	rule_facts(&w->ctx, h);
	if (w->ctx.missing)
		diag_fatal(JZ_UNAVAILABLE, "parameter %s has no value in policy %s", w->ctx.missing,
			   w->ctx.pol->ref);
	if (!w->ctx.facts.dibao && !w->ctx.facts.edge)
		return;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		if (!(w->d = realloc(w->d, w->cap * sizeof *w->d)))
			diag_fatal(JZ_SOFTWARE, "out of memory");
	}
	struct drawn *d = &w->d[w->n++];
	text_copy(d->street, sizeof d->street, h->street);
	text_copy(d->household_id, sizeof d->household_id, h->id);
	text_copy(d->kind, sizeof d->kind, w->ctx.facts.dibao ? "dibao" : "edge");
	/* The order of the draw: SHA-256 of seed, year and household, the same
	 * on every machine. */
	int len = snprintf(text, sizeof text, "%ld:%d:%s", w->seed, w->year, h->id);
	sha256_hex(text, (size_t)len, d->key);
}

static int by_street_key(const void *a, const void *b)
{
	const struct drawn *x = a, *y = b;
	int c = strcmp(x->street, y->street);
	return c ? c : strcmp(x->key, y->key);
}

const char *const report_draw_columns[] = {"year", "street", "household_id", "kind", "rank",
					   "of"};

void report_survey_draw(struct db *db, const struct policy *pol, int year, long seed,
			jz_date on, struct rec_writer *w)
{
	struct registry_history hist = {.db = db};
	struct draw dr = {.seed = seed, .year = year};
	const struct pvalue *rate = policy_need(pol, "survey.sample_rate", on);
	char y[8];
	dr.ctx.pol = pol;
	dr.ctx.on = on;
	dr.ctx.history = history_for_rules(&hist);
	household_each(db, on, low_income, &dr);
	history_free(&hist);
	qsort(dr.d, dr.n, sizeof *dr.d, by_street_key);
	snprintf(y, sizeof y, "%d", year);
	for (int i = 0; i < dr.n; ) {
		int j = i;
		while (j < dr.n && strcmp(dr.d[j].street, dr.d[i].street) == 0)
			j++;
		/* Each street: rate x its households, rounded up (one at least). */
		long long k = ((long long)(j - i) * rate->i + RATE_ONE - 1) / RATE_ONE;
		if (k > j - i)
			k = j - i; /* a rate above 1.00 takes them all */
		char of[24];
		snprintf(of, sizeof of, "%d", j - i);
		for (long long r = 0; r < k; r++) {
			char rank[24];
			snprintf(rank, sizeof rank, "%lld", r + 1);
			const char *row[] = {y, dr.d[i + r].street, dr.d[i + r].household_id,
					     dr.d[i + r].kind, rank, of};
			rec_write(w, row);
		}
		i = j;
	}
	free(dr.d);
}

/* ---- the analysis ---- */

const char *const report_survey_columns[] = {
	"street", "hukou_type", "households", "income_p25", "income_p50", "income_p75",
	"expense_p50", "under_1.0", "under_1.2", "under_1.5", "under_2.0",
};
const int report_survey_ncolumns = 11;

struct surveyed {
	char street[128], hukou[8];
	int64_t income, expense; /* x S, in millionths */
};

static int by_group(const void *a, const void *b)
{
	const struct surveyed *x = a, *y = b;
	int c = strcmp(x->street, y->street);
	return c ? c : strcmp(x->hukou, y->hukou);
}

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Millionths of x / y, rounded half up (x, y > 0 in fen). */
static int64_t ratio(int64_t x, int64_t y)
{
	__int128 v = (__int128)x * RATE_ONE * 2 / y;
	return (int64_t)((v + 1) / 2);
}

static void ratio_text(int64_t r, char buf[MONEY_TEXT])
{
	/* three decimals, half up */
	int64_t t = (r + 500) / 1000;
	snprintf(buf, MONEY_TEXT, "%lld.%03lld", (long long)(t / 1000), (long long)(t % 1000));
}

/* The nearest-rank quantile p (percent) of the n values of v, sorted. */
static int64_t quantile(const int64_t *v, int n, int p)
{
	int k = (p * n + 99) / 100;
	return v[k < 1 ? 0 : k - 1];
}

void report_survey(struct db *db, const struct policy *pol, jz_date from, jz_date to,
		   struct rec_writer *w)
{
	char f[DATE_TEXT] = "0000-01-01", t[DATE_TEXT] = "9999-12-31";
	struct registry_history hist = {.db = db};
	struct surveyed *s = NULL;
	int n = 0, cap = 0;

	if (from)
		date_format(from, f);
	if (to)
		date_format(to, t);
	/* Per household: its months in the period, and what they add up to;
	 * the household as of its last month surveyed. */
	db_stmt *st = db_prepare(db, "SELECT household_id, count(*), sum(income), sum(expense), "
		"max(month) FROM (SELECT household_id, month, income, expense FROM survey v WHERE "
		"month >= substr(?1, 1, 7) AND month <= substr(?2, 1, 7) AND entry = (SELECT max(entry) "
		"FROM survey u WHERE u.household_id = v.household_id AND u.month = v.month)) "
		"GROUP BY household_id ORDER BY household_id");
	db_bind_text(st, 1, f);
	db_bind_text(st, 2, t);
	long long surveyed = 0;
	progress_stage("survey: the months of each household");
	while (db_step(db, st) == DB_ROW) {
		progress_tick("households surveyed", ++surveyed);
		struct household h;
		jz_date on;
		char err[80];
		if (!date_parse_month(db_text(st, 4), &on, err, sizeof err) ||
		    !household_load(&hist, db_text(st, 0), on, &h))
			continue;
		struct rule_ctx c = {.pol = pol, .on = on, .history = history_for_rules(&hist)};
		rule_facts(&c, &h);
		if (c.missing || c.facts.n == 0) {
			free(h.member);
			continue;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if (!(s = realloc(s, cap * sizeof *s)))
				diag_fatal(JZ_SOFTWARE, "out of memory");
		}
		int64_t months = db_int64(st, 1);
		int64_t base = months * c.facts.n * c.facts.s; /* n x S over the months */
		text_copy(s[n].street, sizeof s[n].street, h.street);
		text_copy(s[n].hukou, sizeof s[n].hukou, c.facts.head->hukou_type);
		s[n].income = ratio(db_int64(st, 2), base);
		s[n].expense = ratio(db_int64(st, 3), base);
		n++;
		free(h.member);
	}
	db_finalize(st);
	history_free(&hist);
	qsort(s, n, sizeof *s, by_group);
	for (int i = 0; i < n; ) {
		int j = i;
		while (j < n && by_group(&s[i], &s[j]) == 0)
			j++;
		int m = j - i;
		int64_t *inc = malloc(m * sizeof *inc), *exp = malloc(m * sizeof *exp);
		if (!inc || !exp)
			diag_fatal(JZ_SOFTWARE, "out of memory");
		for (int k = 0; k < m; k++)
			inc[k] = s[i + k].income, exp[k] = s[i + k].expense;
		qsort(inc, m, sizeof *inc, cmp64);
		qsort(exp, m, sizeof *exp, cmp64);
		char hh[24], q[4][MONEY_TEXT], under[4][MONEY_TEXT];
		snprintf(hh, sizeof hh, "%d", m);
		ratio_text(quantile(inc, m, 25), q[0]);
		ratio_text(quantile(inc, m, 50), q[1]);
		ratio_text(quantile(inc, m, 75), q[2]);
		ratio_text(quantile(exp, m, 50), q[3]);
		static const int64_t lines[] = {1000000, 1200000, 1500000, 2000000};
		for (int l = 0; l < 4; l++) {
			int below = 0;
			for (int k = 0; k < m; k++)
				below += inc[k] < lines[l];
			ratio_text(ratio(below, m), under[l]);
		}
		const char *row[] = {s[i].street, s[i].hukou, hh, q[0], q[1], q[2], q[3], under[0],
				     under[1], under[2], under[3]};
		rec_write(w, row);
		free(inc);
		free(exp);
		i = j;
	}
	free(s);
}
