/*
 * Claims staged in temp tables (see settle_int.h): their entitlements are
 * looked up in one INSERT ... SELECT over the stage, in the order of the
 * file, before any of them is settled.  Asked claim by claim between the
 * inserts of the settled lines, each look-up found the grant index pushed
 * out of the cache by those inserts; asked together, it stays in.  (Sorted
 * by person first, SQLite built a temporary B-tree at random places, which
 * cost more.)  SQLite's temp tables spill to disk: nothing here grows in
 * memory with the claims.
 */
#include "settle/settle_int.h"

#include <limits.h>

#include "rules/rule.h"
#include "store/sql.h"

/* A claim as read (its cells) and the keys of its entitlement: the
 * canonical national ID and visit date (history_grant's). */
static const char create_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS claim_stage (seq INTEGER PRIMARY KEY, line INTEGER, "
	"c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT, "
	"nid TEXT, visit TEXT);"
	"CREATE TEMP TABLE IF NOT EXISTS claim_entitled (seq INTEGER PRIMARY KEY, yes INTEGER)";

/* history_grant of each staged claim, in the order of the file: the
 * newest version starting by the visit, in force on it. */
static const char entitle_sql[] =
	"INSERT INTO temp.claim_entitled (seq, yes) SELECT s.seq, coalesce((SELECT g.status <> "
	"'deferred' AND (g.\"end\" IS NULL OR g.\"end\" > s.visit) "
	SQL_GRANT_ON("?1 || s.nid", "s.visit", "?2") "), 0) FROM temp.claim_stage s ORDER BY s.seq";

static const char each_sql[] =
	"SELECT s.line, s.c0, s.c1, s.c2, s.c3, s.c4, s.c5, s.c6, s.c7, s.c8, s.c9, e.yes FROM "
	"temp.claim_stage s JOIN temp.claim_entitled e ON e.seq = s.seq ORDER BY s.seq";

_Static_assert(CLAIM_NCOLUMNS == 10, "claim_stage holds the ten cells of a claim");

void stage_open(struct stage *s, struct db *db)
{
	db_exec(db, create_sql);
	s->db = db;
	s->n = 0;
	s->add = db_prepare(db, "INSERT INTO temp.claim_stage (line, c0, c1, c2, c3, c4, c5, c6, "
			    "c7, c8, c9, nid, visit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
			    "?11, ?12, ?13)");
}

void stage_close(struct stage *s)
{
	db_finalize(s->add);
	s->add = NULL;
}

void stage_add(struct stage *s, char *const *cells, long line, const char *nid,
	       const char *visit)
{
	db_bind_int64(s->add, 1, line);
	for (int i = 0; i < CLAIM_NCOLUMNS; i++)
		db_bind_static(s->add, i + 2, cells[i]);
	db_bind_static(s->add, CLAIM_NCOLUMNS + 2, nid);
	db_bind_static(s->add, CLAIM_NCOLUMNS + 3, visit);
	db_step(s->db, s->add);
	s->n++;
}

void stage_settle(struct stage *s, struct registry_history *hist, stage_fn fn, void *ctx)
{
	char chain[160];

	if (!s->n)
		return;
	if (history_has_grants(hist)) {
		db_stmt *st = db_prepare(s->db, entitle_sql);
		rule_chain(chain, sizeof chain, "medical", "person", "");
		db_bind_static(st, 1, chain);
		db_bind_int64(st, 2, hist->max_entry ? hist->max_entry : LLONG_MAX);
		db_step(s->db, st);
		db_finalize(st);
	} else {
		db_exec(s->db, "INSERT INTO temp.claim_entitled (seq, yes) SELECT seq, 0 FROM "
			"temp.claim_stage");
	}
	db_stmt *each = db_prepare(s->db, each_sql);
	char *cells[CLAIM_NCOLUMNS];
	while (db_step(s->db, each) == DB_ROW) {
		for (int i = 0; i < CLAIM_NCOLUMNS; i++)
			cells[i] = (char *)db_text(each, i + 1);
		fn(ctx, cells, db_int64(each, 0), db_int(each, CLAIM_NCOLUMNS + 1) != 0);
	}
	db_finalize(each);
	db_exec(s->db, "DELETE FROM temp.claim_stage; DELETE FROM temp.claim_entitled");
	s->n = 0;
}
