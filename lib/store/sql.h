/*
 * SQL fragments that more than one query needs, said once here so that a
 * fact of the schema ("the version in force", "a corrected line") has one
 * spelling.  Each is text to paste into a query of the program's own.
 */
#ifndef JZ_SQL_H
#define JZ_SQL_H

/* Of a person's versions, the one in force first: the latest effective
 * date, and of one date the latest journal entry (rules.md, Common
 * definitions; data.md person). */
#define SQL_NEWEST_FIRST "ORDER BY effective DESC, entry DESC LIMIT 1"

/* The version of grant chain `chain` in force on `on` as recorded up to
 * entry `until`: the newest starting by then (alias g).  history_grant's
 * question, and settle's for each staged claim at once. */
#define SQL_GRANT_ON(chain, on, until) \
	"FROM \"grant\" g WHERE g.chain = " chain " AND g.start <= " on " AND g.entry <= " \
	until " ORDER BY g.start DESC, g.version DESC LIMIT 1"

/* Is row v of person the version in force on `on` (a parameter or an
 * expression)?  The _UNTIL form counts only rows of journal entries up to
 * `until`: the registry as an earlier run saw it.  The inner alias is w. */
#define SQL_IN_FORCE_(v, on, also)                                                   \
	v ".rowid = (SELECT w.rowid FROM person w WHERE w.national_id = " v ".national_id " \
	"AND w.effective <= " on also " " SQL_NEWEST_FIRST ")"
#define SQL_PERSON_IN_FORCE(v, on) SQL_IN_FORCE_(v, on, "")
#define SQL_PERSON_IN_FORCE_UNTIL(v, on, until) SQL_IN_FORCE_(v, on, " AND w.entry <= " until)

/* The payments paid on the grants of chain ?1 (their first versions: a
 * payment names the grant id, the same for every version), not their
 * adjustments; the payroll's count of a time-limited grant and the rules'
 * history count the same. */
#define SQL_CHAIN_PAYMENTS "FROM \"grant\" g JOIN payment p ON p.grant_id = g.grant_id " \
	"WHERE g.chain = ?1 AND g.version = 1 AND p.status = 'paid' AND p.kind = 'payment'"

/* The payment kinds whose amounts make a month's net (schemas/005-
 * lifecycle.sql): what the unit got for the month, after corrections. */
#define SQL_NET_KINDS "('payment', 'arrears', 'overpayment', 'returned')"

/* Has the settlement line of alias a been corrected by a later claim (one
 * not rejected)?  Through the corrections' index. */
#define SQL_CORRECTED(a) "EXISTS (SELECT 1 FROM claim d INDEXED BY claim_corrects WHERE " \
	"d.institution = " a ".institution AND d.corrects = " a ".claim_id AND d.status <> 'rejected')"

/* Who made sign-off s, as a statement shows it (audit.md, Who may sign;
 * The chain is anchored outside the file): the staff name (the login for
 * one made before migration 7 stored names) and the journal head of the
 * run that signed, its entry and the first 12 hex digits of its hash, as
 * in 王芳 (journal 19 5f2c8a1b3c4d).  A run still open has no hash yet. */
#define SQL_SIGNER(s) "coalesce(" s ".name, " s ".user) || ' (journal ' || " s ".entry || " \
	"coalesce(' ' || (SELECT substr(j.hash, 1, 12) FROM journal j WHERE j.entry = " s \
	".entry), '') || ')'"

#endif
