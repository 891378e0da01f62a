/*
 * report review (report(1); lifecycle.md Review, 年审 / 入户核查): on
 * --as-of D, the dibao households and personal dibao grants in force whose
 * latest home visit (reviewed_on of any active member, or of the person)
 * is older than dibao.review_months months before D, or never was: who
 * needs a visit this month.
 */
#include "report/report_int.h"

#include <stdio.h>

#include "core/diag.h"
#include "core/policy.h"
#include "store/db.h"
#include "store/sql.h"

const char *const report_review_columns[] = {"unit", "household_id", "national_id", "street",
					     "community", "last_reviewed", "due_since"};
const int report_review_ncolumns = 7;

/*
 * The dibao grants in force on ?1, one row per chain: the newest version of
 * the chain's latest-start grant, not deferred, not ended by ?1 (as
 * history_grant of store/household.c decides).  A household's members are
 * the active persons whose version in force on ?1 names it; a personal
 * grant's household is the person's in force then.  The latest visit is
 * the latest reviewed_on, on or before ?1, of any version of theirs
 * effective by ?1; due when before ?2 (?1 less the months) or never.
 */
static const char review_sql[] =
	"WITH g AS (SELECT g.chain, g.unit, g.national_id, g.began, "
	"  CASE WHEN g.unit = 'person' THEN coalesce((SELECT v.household_id FROM person v "
	"    WHERE v.national_id = g.national_id AND v.effective <= ?1 " SQL_NEWEST_FIRST "), "
	"    g.household_id) ELSE g.household_id END AS household_id "
	"  FROM \"grant\" g WHERE g.chain >= 'dibao/' AND g.chain < 'dibao0' AND "
	"  g.programme = 'dibao' AND g.unit IN ('household', 'person') AND "
	"  g.rowid = (SELECT h.rowid FROM \"grant\" h WHERE h.chain = g.chain AND h.start <= ?1 "
	"    ORDER BY h.start DESC, h.version DESC LIMIT 1) AND "
	"  g.status <> 'deferred' AND (g.\"end\" IS NULL OR g.\"end\" > ?1)), "
	/* whose versions count: the person, or the household's members */
	"who AS (SELECT g.chain AS k, g.national_id AS id FROM g WHERE g.unit = 'person' "
	"  UNION SELECT g.chain, v.national_id FROM g JOIN person v ON v.household_id = "
	"  g.household_id AND " SQL_PERSON_IN_FORCE("v", "?1") " AND v.status = 'active' "
	"  WHERE g.unit = 'household'), "
	/* their latest visit by ?1 */
	"seen AS (SELECT who.k, max(r.reviewed_on) AS last FROM who JOIN person r ON "
	"  r.national_id = who.id AND r.effective <= ?1 AND r.reviewed_on <= ?1 GROUP BY who.k) "
	"SELECT g.unit, g.household_id, g.national_id, p.street, p.community, s.last, g.began "
	"FROM g LEFT JOIN seen s ON s.k = g.chain "
	/* where: the person's version, or the head's (else a member's) */
	"LEFT JOIN person p ON p.rowid = CASE WHEN g.unit = 'person' THEN "
	"  (SELECT v.rowid FROM person v WHERE v.national_id = g.national_id AND "
	"  v.effective <= ?1 " SQL_NEWEST_FIRST ") ELSE "
	"  (SELECT v.rowid FROM person v WHERE v.household_id = g.household_id AND "
	"  " SQL_PERSON_IN_FORCE("v", "?1") " AND v.status = 'active' "
	"  ORDER BY v.relation = 'head' DESC, v.national_id LIMIT 1) END "
	"WHERE s.last IS NULL OR s.last < ?2 "
	"ORDER BY coalesce(p.street, ''), g.household_id, g.unit, g.national_id";

long long report_review(struct db *db, const struct policy *pol, jz_date on, bool show_ids,
			struct rec_writer *w)
{
	const struct pvalue *months = policy_need(pol, "dibao.review_months", on);
	char d[DATE_TEXT], cut[DATE_TEXT];
	long long n = 0;

	date_format(on, d);
	date_format(date_add_months(on, -(int)months->i), cut);
	db_stmt *st = db_prepare(db, review_sql);
	db_bind_text(st, 1, d);
	db_bind_text(st, 2, cut);
	while (db_step(db, st) == DB_ROW) {
		char masked[32], due[DATE_TEXT] = "", err[80];
		const char *id = db_text(st, 2), *last = db_text(st, 5);
		jz_date since;

		/* Visited: due a term after the visit; never: since the run began. */
		if (last && date_parse(last, &since, err, sizeof err))
			date_format(date_add_months(since, (int)months->i), due);
		else if (!last)
			snprintf(due, sizeof due, "%s", db_text(st, 6));
		if (id && !show_ids)
			id = diag_mask_id(id, masked);
		const char *row[] = {db_text(st, 0), db_text(st, 1), id, db_text(st, 3),
				     db_text(st, 4), last, due};
		rec_write(w, row);
		n++;
	}
	db_finalize(st);
	return n;
}
