/*
 * The audit's checks of the file itself and of the policies rows name
 * (audit.md): SQLite's integrity check, and every policy reference of the
 * journal, the decisions, the grants and the settlement lines resolving to
 * exactly one stored policy, each row's being the policy its run used.
 */
#include "report/audit_int.h"

#include <stdio.h>
#include <string.h>

#include "store/integrity.h"

static void damaged(const char *problem, void *ctx)
{
	audit_differ(ctx, "integrity", "database", "integrity_check", problem, "ok");
}

/* A bit flipped in an index (say the one behind "nothing paid twice") is
 * no row of any table: only SQLite's own check sees it. */
void audit_integrity(struct audit *a)
{
	db_integrity(a->db, damaged, a);
}

/* Is ref "id@hex" with at least 12 lower-case hex digits (a rows' ref is
 * the first 12 of the policy's SHA-256)? */
static bool well_formed(const char *ref)
{
	const char *at = strchr(ref, '@');
	if (!at || at == ref || strlen(at + 1) < 12 || strlen(at + 1) > 64)
		return false;
	for (const char *h = at + 1; *h; h++)
		if (!((*h >= '0' && *h <= '9') || (*h >= 'a' && *h <= 'f')))
			return false;
	return true;
}

/* A policy swapped in place (its body edited and its sha256 column made to
 * match) no longer has the hash its refs were written with: they resolve
 * to nothing.  The journal's refs are in its entries' hashes, so the refs
 * cannot follow the swap without a re-hashed chain (which --expect and
 * --anchors catch). */
void audit_policy_refs(struct audit *a)
{
	db_stmt *st = db_prepare(a->db, "SELECT ref, group_concat(tab, ' '), (SELECT count(*) FROM "
		"policy p WHERE instr(ref, '@') > 1 AND p.id = substr(ref, 1, instr(ref, '@') - 1) AND "
		"substr(p.sha256, 1, length(ref) - instr(ref, '@')) = substr(ref, instr(ref, '@') + 1)) "
		"FROM (SELECT DISTINCT policy AS ref, 'journal' AS tab FROM journal UNION "
		"SELECT DISTINCT policy, 'decision' FROM decision UNION "
		"SELECT DISTINCT policy, 'grant' FROM \"grant\" UNION "
		"SELECT DISTINCT policy, 'claim' FROM claim) GROUP BY ref ORDER BY ref");
	char n[24];

	while (db_step(a->db, st) == DB_ROW) {
		const char *ref = db_text(st, 0);
		long long found = db_int64(st, 2);
		if (!well_formed(ref)) {
			audit_differ(a, "policy", ref, "ref", db_text(st, 1), "id@sha256 prefix");
			continue;
		}
		if (found == 1)
			continue;
		snprintf(n, sizeof n, "%lld stored", found);
		audit_differ(a, "policy", ref, "resolves to", n, "1 stored");
	}
	db_finalize(st);

	/* Each decision, settlement line and stored policy is its run's: the
	 * policy its journal entry names.  (A grant keeps its decision's,
	 * audit_grants.c.) */
	st = db_prepare(a->db, "SELECT tab, entry, ref, (SELECT policy FROM journal j WHERE "
		"j.entry = r.entry) AS run FROM (SELECT DISTINCT 'decision' AS tab, entry, policy AS ref "
		"FROM decision UNION SELECT DISTINCT 'claim', entry, policy FROM claim UNION "
		"SELECT 'policy', entry, id || '@' || substr(sha256, 1, 12) FROM policy) r "
		"WHERE run IS NOT ref ORDER BY entry, tab");
	char subject[80];
	while (db_step(a->db, st) == DB_ROW) {
		snprintf(subject, sizeof subject, "entry %lld", (long long)db_int64(st, 1));
		char field[40];
		snprintf(field, sizeof field, "%s policy", db_text(st, 0));
		audit_differ(a, "policy", subject, field, db_text(st, 2),
			     db_is_null(st, 3) ? "no journal entry" : db_text(st, 3));
	}
	db_finalize(st);
}
