/*
 * The quarter's statement per institution, and the joint review's
 * sign-offs (settle(1); rules.md 3; seed 三(三)3): health, labour,
 * civil_affairs and finance sign in any order, each once; the first
 * signature freezes the statement, the fourth closes the quarter.
 */
#include "settle/settle_int.h"

#include <stdio.h>
#include <string.h>

#include "core/diag.h"
#include "core/exitcode.h"
#include "store/sql.h"

const char *const settle_bureaus[] = {"health", "labour", "civil_affairs", "finance", NULL};

const char *const settle_summary_columns[] = {
	"quarter", "institution", "claims", "claimed", "approved", "rejected_claims",
	"adjusted_claims", "signed_by", "status",
};
const int settle_summary_ncolumns = sizeof settle_summary_columns / sizeof settle_summary_columns[0];

/* Per institution with lines in the quarter: the lines, the advances
 * claimed, the aid approved (lines corrected by a later claim aside), the
 * rejected and adjusted lines, and the bureaus that signed. */
static const char statement_sql[] =
	"SELECT c.institution, count(*), sum(c.advance), "
	"sum(CASE WHEN " SQL_CORRECTED("c") " THEN 0 ELSE c.approved END), "
	"sum(c.status = 'rejected'), sum(c.status = 'adjusted'), "
	"(SELECT group_concat(bureau, ';') FROM (SELECT bureau FROM signoff s WHERE s.quarter = ?1 "
	"AND s.institution = c.institution ORDER BY CASE bureau WHEN 'health' THEN 1 WHEN 'labour' "
	"THEN 2 WHEN 'civil_affairs' THEN 3 ELSE 4 END)), "
	"(SELECT count(*) FROM signoff s WHERE s.quarter = ?1 AND s.institution = c.institution) "
	"FROM claim c WHERE c.quarter = ?1 AND (?2 IS NULL OR c.institution = ?2) "
	"GROUP BY c.institution ORDER BY c.institution";

/* Print the statement of the quarter (of one institution, or all). */
void settle_summary(struct settle_job *r, const char *institution)
{
	db_stmt *st = db_prepare(&r->db, statement_sql);
	char n[24], claimed[MONEY_TEXT], approved[MONEY_TEXT], rej[24], adj[24];

	db_bind_text(st, 1, r->s->quarter);
	db_bind_text(st, 2, institution);
	while (db_step(&r->db, st) == DB_ROW) {
		snprintf(n, sizeof n, "%lld", (long long)db_int64(st, 1));
		money_format(db_int64(st, 2), claimed);
		money_format(db_int64(st, 3), approved);
		snprintf(rej, sizeof rej, "%lld", (long long)db_int64(st, 4));
		snprintf(adj, sizeof adj, "%lld", (long long)db_int64(st, 5));
		const char *signed_by = db_text(st, 6);
		const char *row[] = {
			r->s->quarter, db_text(st, 0), n, claimed, approved,
			rej, adj, signed_by ? signed_by : "",
			db_int(st, 7) >= 4 ? "closed" : "open",
		};
		rec_write(r->w, row);
		r->read++;
	}
	db_finalize(st);
}

/* Sign the quarter's statement of each institution (or the one named) for
 * a bureau.  A bureau that signed already is told so and adds nothing. */
void settle_sign(struct settle_job *r)
{
	db_stmt *each = db_prepare(&r->db, "SELECT institution, count(*), sum(CASE WHEN "
		SQL_CORRECTED("c") " THEN 0 ELSE approved END) FROM claim c WHERE quarter = ?1 AND "
		"(?2 IS NULL OR institution = ?2) GROUP BY institution ORDER BY institution");
	db_stmt *signed_already = db_prepare(&r->db, "SELECT 1 FROM signoff WHERE quarter = ?1 "
						  "AND institution = ?2 AND bureau = ?3");
	db_stmt *sign = db_prepare(&r->db, "INSERT INTO signoff (quarter, institution, bureau, "
					"claims, approved, user, entry) VALUES (?1, ?2, ?3, ?4, ?5, "
					"?6, ?7)");
	long long institutions = 0;

	db_bind_text(each, 1, r->s->quarter);
	db_bind_text(each, 2, r->s->institution);
	while (db_step(&r->db, each) == DB_ROW) {
		const char *code = db_text(each, 0);
		institutions++;
		db_bind_text(signed_already, 1, r->s->quarter);
		db_bind_text(signed_already, 2, code);
		db_bind_text(signed_already, 3, r->s->bureau);
		bool again = db_step(&r->db, signed_already) == DB_ROW;
		db_reset(signed_already);
		if (again) {
			if (!r->o->quiet)
				diag_warn("%s: %s signed the statement of %s already", code, r->s->bureau,
					  r->s->quarter);
			r->again++;
			continue;
		}
		const char *text[] = {r->s->quarter, code, r->s->bureau};
		for (int i = 0; i < 3; i++)
			db_bind_text(sign, i + 1, text[i]);
		db_bind_int64(sign, 4, db_int64(each, 1));
		db_bind_int64(sign, 5, db_int64(each, 2));
		db_bind_text(sign, 6, journal_user());
		db_bind_int64(sign, 7, r->j.entry);
		db_step(&r->db, sign);
		r->added++;
	}
	db_finalize(each);
	db_finalize(signed_already);
	db_finalize(sign);
	if (institutions == 0)
		diag_fatal(JZ_DATAERR, "nothing to sign: no claim of %s%s was settled in %s",
			   r->s->institution ? "institution " : "any institution",
			   r->s->institution ? r->s->institution : "", r->s->quarter);
	settle_summary(r, r->s->institution);
}
