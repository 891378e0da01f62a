/*
 * report summary (report(1)): caseload and money by street, programme,
 * working group, institution or month over a period (救助汇总报告).  The
 * money is what was paid: the payments made for the months of the period
 * (grant(1)) and the aid approved on the settlement lines of visits in it
 * (settle(1)), lines corrected later aside.
 */
#include "report/report_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "core/money.h"
#include "rules/rule.h"
#include "store/db.h"
#include "store/sql.h"

static const char *const keys[] = {"street", "programme", "group", "institution", "month", NULL};

bool report_by_ok(const char *by)
{
	for (const char *const *k = keys; *k; k++)
		if (strcmp(*k, by) == 0)
			return true;
	return false;
}

/* What each payment and settlement line of the period paid, one row each:
 * its programme (medical_claim for a line), household, person (none for a
 * household's grant), amount, month and institution; the adjustments of a
 * month (arrears, overpayments, returns: lifecycle.md) count in its amount
 * but are not payments of their own. */
static const char events_sql[] =
	"CREATE TEMP TABLE event AS "
	"SELECT g.programme AS programme, g.household_id AS household_id, g.national_id AS "
	"national_id, p.amount AS amount, p.month AS month, NULL AS institution, "
	"p.kind = 'payment' AS counted "
	"FROM payment p JOIN \"grant\" g ON g.grant_id = p.grant_id AND g.version = 1 "
	"WHERE p.status = 'paid' AND p.kind IN " SQL_NET_KINDS " AND p.month >= substr(?1, 1, 7) "
	"AND p.month <= substr(?2, 1, 7) "
	"UNION ALL "
	"SELECT 'medical_claim', (SELECT household_id FROM person v WHERE v.national_id = c.national_id "
	SQL_NEWEST_FIRST "), c.national_id, c.approved, "
	"substr(c.visit_date, 1, 7), c.institution, 1 FROM claim c WHERE c.status <> 'rejected' AND "
	"c.visit_date >= ?1 AND c.visit_date <= ?2 AND NOT " SQL_CORRECTED("c");

static const char *key_sql(const char *by)
{
	if (strcmp(by, "street") == 0)
		return "coalesce((SELECT street FROM person v WHERE v.household_id = e.household_id "
		       SQL_NEWEST_FIRST "), '')";
	if (strcmp(by, "group") == 0)
		return "coalesce((SELECT grp FROM temp.programme_group m WHERE m.programme = "
		       "e.programme), '')";
	if (strcmp(by, "institution") == 0)
		return "e.institution";
	if (strcmp(by, "month") == 0)
		return "e.month";
	return "e.programme";
}

const char *const *report_summary_columns(const char *by)
{
	static const char *cols[] = {NULL, "households", "persons", "payments", "amount"};
	cols[0] = by;
	return cols;
}

void report_summary(struct db *db, const struct report_opts *r, struct rec_writer *w)
{
	char from[DATE_TEXT] = "0000-01-01", to[DATE_TEXT] = "9999-12-31", sql[2000];
	const char *by = r->by ? r->by : "programme";

	if (r->from)
		date_format(r->from, from);
	if (r->to)
		date_format(r->to, to);
	/* The working groups (四) of the programmes, from the rule layer. */
	db_exec(db, "CREATE TEMP TABLE programme_group (programme TEXT PRIMARY KEY, grp TEXT)");
	db_stmt *map = db_prepare(db, "INSERT OR IGNORE INTO temp.programme_group VALUES (?1, ?2)");
	db_stmt *progs = db_prepare(db, "SELECT DISTINCT programme FROM \"grant\" UNION "
					 "SELECT 'medical_claim'");
	while (db_step(db, progs) == DB_ROW) {
		const char *p = db_text(progs, 0);
		const char *g = rule_group(strcmp(p, "medical_claim") == 0 ? "claim" : p);
		db_bind_text(map, 1, p);
		db_bind_text(map, 2, g ? g : "");
		db_step(db, map);
	}
	db_finalize(progs);
	db_finalize(map);
	db_stmt *ev = db_prepare(db, events_sql);
	db_bind_text(ev, 1, from);
	db_bind_text(ev, 2, to);
	db_step(db, ev);
	db_finalize(ev);

	/* Persons: those the payments and lines name, and the members, in the
	 * month paid, of a household paid as a household. */
	snprintf(sql, sizeof sql,
		 "SELECT k, count(DISTINCT household_id), "
		 "(SELECT count(*) FROM (SELECT e.national_id FROM temp.event e WHERE %s = k AND "
		 "e.national_id IS NOT NULL UNION SELECT v.national_id FROM temp.event e JOIN person v "
		 "ON v.household_id = e.household_id AND " SQL_PERSON_IN_FORCE("v", "e.month || '-31'")
		 " WHERE %s = k AND e.national_id IS NULL)), "
		 "sum(counted), sum(amount) FROM (SELECT %s AS k, e.* FROM temp.event e) %s "
		 "GROUP BY k ORDER BY k",
		 key_sql(by), key_sql(by), key_sql(by),
		 strcmp(by, "institution") == 0 ? "WHERE k IS NOT NULL" : "");
	db_stmt *st = db_prepare(db, sql);
	while (db_step(db, st) == DB_ROW) {
		char hh[24], persons[24], n[24], amount[MONEY_TEXT];
		snprintf(hh, sizeof hh, "%lld", (long long)db_int64(st, 1));
		snprintf(persons, sizeof persons, "%lld", (long long)db_int64(st, 2));
		snprintf(n, sizeof n, "%lld", (long long)db_int64(st, 3));
		money_format(db_int64(st, 4), amount);
		const char *row[] = {db_text(st, 0), hh, persons, n, amount};
		rec_write(w, row);
	}
	db_finalize(st);
}
