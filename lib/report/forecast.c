/*
 * report forecast (report(1); 救助预测报告): the next --horizon months of
 * caseload and spending per programme, from the months paid so far, by a
 * least-squares linear trend; the method is named in each row.  Exact
 * integer arithmetic: the trend of n months at month t is
 *   (Sy * Su2 + n * Suy * u_t) / (n * Su2),  u = 2x - (n - 1),
 * rounded half up to the fen (or the household), never below zero.
 */
#include "report/report_int.h"
#include "store/sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "core/text.h"
#include "store/db.h"

const char *const report_forecast_columns[] = {"programme", "month", "households", "amount",
					       "method"};
const int report_forecast_ncolumns = 5;

/* The trend at x of ys[0..n), rounded half up, at least 0. */
static int64_t trend(const int64_t *ys, int n, int x)
{
	__int128 sy = 0, suy = 0, su2 = 0;
	for (int i = 0; i < n; i++) {
		int u = 2 * i - (n - 1);
		sy += ys[i];
		suy += (__int128)u * ys[i];
		su2 += (__int128)u * u;
	}
	if (su2 == 0) /* one month: no trend, the level */
		return ys[0];
	__int128 num = sy * su2 + (__int128)n * suy * (2 * x - (n - 1));
	__int128 den = (__int128)n * su2;
	if (num <= 0)
		return 0;
	return (int64_t)((2 * num + den) / (2 * den));
}

static int month_index(const char *m)
{
	return atoi(m) * 12 + atoi(m + 5) - 1;
}

void report_forecast(struct db *db, const struct report_opts *r, int horizon, bool history,
		     struct rec_writer *w)
{
	char from[DATE_TEXT] = "0000-01-01", to[DATE_TEXT] = "9999-12-31";
	db_stmt *st = db_prepare(db, "SELECT g.programme, p.month, count(DISTINCT g.household_id), "
		"sum(p.amount) FROM payment p JOIN \"grant\" g ON g.grant_id = p.grant_id AND "
		"g.version = 1 WHERE p.status = 'paid' AND p.kind IN " SQL_NET_KINDS " AND "
		"g.period = 'month' AND p.month >= "
		"substr(?1, 1, 7) AND p.month <= substr(?2, 1, 7) GROUP BY g.programme, p.month "
		"ORDER BY g.programme, p.month");

	if (r->from)
		date_format(r->from, from);
	if (r->to)
		date_format(r->to, to);
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	/* One programme at a time: its months, gaps filled with zeros. */
	char prog[40] = "";
	int64_t hh[240], fen[240];
	int first = 0, n = 0;
	bool more = db_step(db, st) == DB_ROW;
	while (more || n) {
		const char *p = more ? db_text(st, 0) : NULL;
		if (n && (!p || strcmp(p, prog) != 0)) {
			char method[64], month[16], households[24], amount[MONEY_TEXT];
			snprintf(method, sizeof method, "linear trend of %d month%s (least squares)", n,
				 n == 1 ? "" : "s");
			for (int h = history ? -n : 0; h < 0; h++) { /* the months it is made from */
				int m = first + n + h;
				snprintf(month, sizeof month, "%04d-%02d", m / 12, m % 12 + 1);
				snprintf(households, sizeof households, "%lld", (long long)hh[n + h]);
				money_format(fen[n + h], amount);
				const char *row[] = {prog, month, households, amount, "actual"};
				rec_write(w, row);
			}
			for (int h = 0; h < horizon; h++) {
				int m = first + n + h;
				snprintf(month, sizeof month, "%04d-%02d", m / 12, m % 12 + 1);
				snprintf(households, sizeof households, "%lld", (long long)trend(hh, n, n + h));
				money_format(trend(fen, n, n + h), amount);
				const char *row[] = {prog, month, households, amount, method};
				rec_write(w, row);
			}
			n = 0;
		}
		if (!more)
			break;
		int m = month_index(db_text(st, 1));
		if (n == 0) {
			text_copy(prog, sizeof prog, p);
			first = m;
		}
		while (first + n <= m) {
			if (n == 240) { /* twenty years kept: the oldest month goes */
				memmove(hh, hh + 1, 239 * sizeof *hh);
				memmove(fen, fen + 1, 239 * sizeof *fen);
				n--, first++;
			}
			hh[n] = fen[n] = 0;
			n++;
		}
		hh[n - 1] = db_int64(st, 2);
		fen[n - 1] = db_int64(st, 3);
		more = db_step(db, st) == DB_ROW;
	}
	db_finalize(st);
}
