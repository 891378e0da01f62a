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
#include "core/progress.h"
#include "store/sql.h"

const char *const *const settle_bureaus = kind_bureaus;

const char *const settle_summary_columns[] = {
	"quarter", "institution", "claims", "claimed", "approved", "rejected_claims",
	"adjusted_claims", "signed_by", "status", "signatures",
};
const int settle_summary_ncolumns = sizeof settle_summary_columns / sizeof settle_summary_columns[0];

/* The sign-offs of the quarter ?1 and institution c: SIGNOFFS(sep) "x"
 * SIGNOFFS_OF, each sign-off's x joined by sep, in the bureaus' order. */
#define SIGNOFFS(sep) "(SELECT group_concat(x, " sep ") FROM (SELECT "
#define SIGNOFFS_OF " AS x FROM signoff s WHERE s.quarter = ?1 AND s.institution = " \
	"c.institution ORDER BY CASE bureau WHEN 'health' THEN 1 WHEN 'labour' THEN 2 WHEN " \
	"'civil_affairs' THEN 3 ELSE 4 END))"

/* Per institution with lines in the quarter: the lines, the advances
 * claimed, the aid approved (lines corrected by a later claim aside), the
 * rejected and adjusted lines, the bureaus that signed, and who signed for
 * each with the journal head of the run that signed (audit.md). */
static const char statement_sql[] =
	"SELECT c.institution, count(*), sum(c.advance), "
	"sum(CASE WHEN " SQL_CORRECTED("c") " THEN 0 ELSE c.approved END), "
	"sum(c.status = 'rejected'), sum(c.status = 'adjusted'), "
	SIGNOFFS("';'") "bureau" SIGNOFFS_OF ", "
	"(SELECT count(*) FROM signoff s WHERE s.quarter = ?1 AND s.institution = c.institution), "
	SIGNOFFS("'; '") "bureau || ': ' || " SQL_SIGNER("s") SIGNOFFS_OF " "
	"FROM claim c WHERE c.quarter = ?1 AND (?2 IS NULL OR c.institution = ?2) "
	"GROUP BY c.institution ORDER BY c.institution";

/* Print the statement of the quarter (of one institution, or all). */
void settle_summary(struct settle_job *r, const char *institution)
{
	db_stmt *st = db_prepare(&r->db, statement_sql);
	char n[24], claimed[MONEY_TEXT], approved[MONEY_TEXT], rej[24], adj[24];

	db_bind_text(st, 1, r->s->quarter);
	db_bind_text(st, 2, institution);
	progress_stage("summing the quarter's claims");
	while (db_step(&r->db, st) == DB_ROW) {
		snprintf(n, sizeof n, "%lld", (long long)db_int64(st, 1));
		money_format(db_int64(st, 2), claimed);
		money_format(db_int64(st, 3), approved);
		snprintf(rej, sizeof rej, "%lld", (long long)db_int64(st, 4));
		snprintf(adj, sizeof adj, "%lld", (long long)db_int64(st, 5));
		const char *signed_by = db_text(st, 6), *signatures = db_text(st, 8);
		const char *row[] = {
			r->s->quarter, db_text(st, 0), n, claimed, approved,
			rej, adj, signed_by ? signed_by : "",
			db_int(st, 7) >= 4 ? "closed" : "open", signatures ? signatures : "",
		};
		rec_write(r->w, row);
		r->read++;
	}
	db_finalize(st);
}

/* Sign the quarter's statement of each institution (or the one named) for
 * a bureau, as its staff (signer.c).  A bureau that signed already is told
 * so and adds nothing.  The statement is printed by the caller. */
void settle_sign(struct settle_job *r)
{
	char name[256];

	settle_signer(r, name, sizeof name); /* before anything is written */
	db_stmt *each = db_prepare(&r->db, "SELECT institution, count(*), sum(CASE WHEN "
		SQL_CORRECTED("c") " THEN 0 ELSE approved END) FROM claim c WHERE quarter = ?1 AND "
		"(?2 IS NULL OR institution = ?2) GROUP BY institution ORDER BY institution");
	db_stmt *signed_already = db_prepare(&r->db, "SELECT 1 FROM signoff WHERE quarter = ?1 "
						  "AND institution = ?2 AND bureau = ?3");
	db_stmt *sign = db_prepare(&r->db, "INSERT INTO signoff (quarter, institution, bureau, "
					"claims, approved, user, entry, name) VALUES (?1, ?2, ?3, ?4, "
					"?5, ?6, ?7, ?8)");
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
		db_bind_text(sign, 8, name);
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
}
