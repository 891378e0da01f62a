/*
 * The audit's re-check of the quarterly settlement (audit.md; settle(1),
 * rules.md 3): every stored line checked again in full, in the order it
 * was settled, on the registry as it stood before its run — designation,
 * entitlement, period, a signed statement, the claim it corrects, referral,
 * insurance first, then the aid within the yearly cap — so that a rejected
 * line made approved with the right arithmetic is a difference; and every
 * sign-off against the lines it signed.  The checks follow settle.c's
 * order; they are written again here, not shared, so that the audit does
 * not trust the code it audits (and a command's library includes no
 * other's).  A duplicate claim_id cannot be stored twice: the table's key.
 */
#include "report/audit_int.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "rules/rule.h"
#include "store/household.h"

enum {
	C_INST, C_ID, C_VISIT, C_TYPE, C_TOTAL, C_INSURANCE, C_ADVANCE, C_COMPUTED, C_APPROVED,
	C_STATUS, C_POLICY, C_USED, C_QUARTER, C_NATIONAL_ID, C_REFERRAL, C_CORRECTS, C_REASON,
	C_ENTRY, I_TYPE, I_FROM, I_TO, P_KNOWN, S_FROZEN, T_NATIONAL_ID, T_FROZEN, T_CORRECTED,
};

/* Is row x settled before line c (its run earlier, or the same run's
 * earlier input or line)? */
#define BEFORE(x) "(" x ".entry < c.entry OR (" x ".entry = c.entry AND (" x ".src < c.src OR (" \
	x ".src = c.src AND " x ".line < c.line))))"

static const char lines_sql[] =
	"SELECT c.institution, c.claim_id, c.visit_date, c.visit_type, c.total, c.insurance_paid, "
	"c.advance, c.computed, c.approved, c.status, c.policy, "
	/* The inpatient aid approved before it in the year, corrected lines
	 * aside (settle.c aid()). */
	"(SELECT coalesce(sum(b.approved), 0) FROM claim b WHERE b.national_id = c.national_id "
	"AND b.visit_type = 'inpatient' AND substr(b.visit_date, 1, 4) = substr(c.visit_date, 1, 4) "
	"AND " BEFORE("b") " AND NOT (b.institution = c.institution AND b.claim_id IS c.corrects) "
	"AND NOT EXISTS (SELECT 1 FROM claim d INDEXED BY claim_corrects WHERE d.institution = "
	"b.institution AND d.corrects = b.claim_id AND d.status <> 'rejected' AND " BEFORE("d") ")), "
	"c.quarter, c.national_id, c.referral, c.corrects, c.reason, c.entry, "
	/* The institution as enrolled before the run. */
	"i.type, i.designated_from, i.designated_to, "
	"EXISTS (SELECT 1 FROM person p WHERE p.national_id = c.national_id AND p.entry < c.entry), "
	"EXISTS (SELECT 1 FROM signoff s WHERE s.quarter = c.quarter AND s.institution = "
	"c.institution AND s.entry < c.entry), "
	/* The line it corrects, settled before it; signed; corrected already. */
	"(SELECT t.national_id FROM claim t WHERE t.institution = c.institution AND t.claim_id = "
	"c.corrects AND " BEFORE("t") "), "
	"EXISTS (SELECT 1 FROM claim t JOIN signoff s ON s.quarter = t.quarter AND s.institution = "
	"t.institution WHERE t.institution = c.institution AND t.claim_id = c.corrects AND "
	"s.entry < c.entry), "
	"EXISTS (SELECT 1 FROM claim d INDEXED BY claim_corrects WHERE d.institution = "
	"c.institution AND d.corrects = c.corrects AND d.status <> 'rejected' AND " BEFORE("d") ") "
	"FROM claim c LEFT JOIN institution i ON i.code = c.institution AND i.entry = (SELECT "
	"max(entry) FROM institution j WHERE j.code = c.institution AND j.entry < c.entry) "
	"ORDER BY c.entry, c.src, c.line";

static bool is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The institution's designation: its stored record, else the policy's
 * hospitals (settle.c load_institutions).  False: none. */
static bool designation(db_stmt *st, const struct policy *pol, bool *hospital, jz_date *from,
			jz_date *to)
{
	char err[80];
	const char *code = db_text(st, C_INST);

	*to = 0;
	if (!db_is_null(st, I_TYPE)) {
		*hospital = is(db_text(st, I_TYPE), "hospital");
		return date_parse(db_text(st, I_FROM), from, err, sizeof err) &&
		       (db_is_null(st, I_TO) || date_parse(db_text(st, I_TO), to, err, sizeof err));
	}
	const cJSON *e;
	cJSON_ArrayForEach(e, pol->institutions) {
		const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "code");
		const cJSON *type = cJSON_GetObjectItemCaseSensitive(e, "type");
		const cJSON *f = cJSON_GetObjectItemCaseSensitive(e, "designated_from");
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(e, "designated_to");
		if (!cJSON_IsString(c) || !is(c->valuestring, code))
			continue;
		*hospital = cJSON_IsString(type) && is(type->valuestring, "hospital");
		return cJSON_IsString(f) && date_parse(f->valuestring, from, err, sizeof err) &&
		       (!cJSON_IsString(t) || date_parse(t->valuestring, to, err, sizeof err));
	}
	return false;
}

/* The quarter "YYYYQn" as [first, end). */
static bool quarter_days(const char *q, jz_date *first, jz_date *end)
{
	int y, n;
	char tail;

	if (sscanf(q, "%4dQ%1d%c", &y, &n, &tail) != 2 || n < 1 || n > 4)
		return false;
	if (!date_from_ymd(y, 3 * (n - 1) + 1, 1, first))
		return false;
	*end = date_add_months(*first, 3);
	return true;
}

/* The first of settle.c's rejections the line fails, on the registry as
 * it stood (hist), or NULL. */
static const char *rejection(db_stmt *st, const struct policy *pol,
			     struct registry_history *hist, jz_date visit)
{
	const char *nid = db_text(st, C_NATIONAL_ID);
	bool hospital = false;
	jz_date from, to;
	char chain[160];

	if (!designation(st, pol, &hospital, &from, &to) || visit < from || (to && visit > to))
		return "not_designated";
	rule_chain(chain, sizeof chain, "medical", "person", nid);
	if (!history_grant(hist, chain, visit, NULL))
		return db_int(st, P_KNOWN) ? "not_entitled" : "unknown_person";
	if (!db_is_null(st, C_CORRECTS)) {
		if (!is(db_text(st, T_NATIONAL_ID), nid))
			return "corrects_unknown";
		if (db_int(st, T_FROZEN))
			return "period_closed";
		if (db_int(st, T_CORRECTED))
			return "already_corrected";
	}
	if (is(db_text(st, C_TYPE), "outpatient") && hospital && !db_int(st, C_REFERRAL))
		return "no_referral";
	if (is(db_text(st, C_TYPE), "inpatient") && db_int64(st, C_INSURANCE) == 0) {
		struct person p;
		if (person_load(hist, nid, visit, &p) && !is(p.insurance, "none"))
			return "insurance_first";
	}
	return NULL;
}

struct line {
	jz_fen computed, approved;
	const char *status, *reason;
};

/* Check 6: the aid, within the yearly cap for an inpatient stay, and the
 * advance against it.  False: the policy has no rate for the visit. */
static bool aid(db_stmt *st, const struct policy *pol, jz_date visit, struct line *l)
{
	bool outpatient = is(db_text(st, C_TYPE), "outpatient");
	const struct pvalue *rate = policy_get(pol, outpatient ? "medical.outpatient.aid_rate"
					       : "medical.inpatient.aid_rate", visit);
	const struct pvalue *cap = policy_get(pol, "medical.annual_cap_person", visit);
	jz_fen advance = db_int64(st, C_ADVANCE);
	bool capped = false;

	if (!rate || (!outpatient && !cap))
		return false;
	l->computed = money_times_rate(db_int64(st, C_TOTAL) - db_int64(st, C_INSURANCE), rate->i);
	if (!outpatient) {
		jz_fen used = db_int64(st, C_USED);
		jz_fen left = cap->i > used ? cap->i - used : 0;
		capped = l->computed > left;
		if (capped)
			l->computed = left;
	}
	if (advance > l->computed) {
		l->approved = l->computed;
		l->status = "adjusted";
		l->reason = capped ? "annual_cap" : "advance_above_aid";
	} else {
		l->approved = advance;
		l->status = "approved";
		l->reason = NULL;
	}
	return true;
}

void audit_settlement(struct audit *a)
{
	db_stmt *st = db_prepare(a->db, lines_sql);
	struct policy_cache cache = {.ok = false};
	struct registry_history hist = {.db = a->db};
	char subject[220], x[MONEY_TEXT], y[MONEY_TEXT], err[80];

	while (db_step(a->db, st) == DB_ROW) {
		const char *status = db_text(st, C_STATUS);
		const char *reason = db_is_null(st, C_REASON) ? "" : db_text(st, C_REASON);
		long long entry = db_int64(st, C_ENTRY);
		jz_date visit, first, end;

		snprintf(subject, sizeof subject, "%s/%s", db_text(st, C_INST), db_text(st, C_ID));
		const struct policy *pol = audit_policy(a, &cache, db_text(st, C_POLICY));
		if (!pol || !date_parse(db_text(st, C_VISIT), &visit, err, sizeof err))
			continue;
		if (hist.max_entry != entry) {
			/* settle writes no registry row: its own entry's view is
			 * the registry before it. */
			history_free(&hist);
			hist = (struct registry_history){.db = a->db, .max_entry = entry};
		}
		/* A line settle would not have stored at all. */
		if (!quarter_days(db_text(st, C_QUARTER), &first, &end) || visit < first ||
		    visit >= end)
			audit_differ(a, "settlement", subject, "quarter", db_text(st, C_QUARTER),
				     "not the visit's");
		if (db_int(st, S_FROZEN))
			audit_differ(a, "settlement", subject, "statement", "open", "signed before");

		struct line want = {0, 0, "rejected", rejection(st, pol, &hist, visit)};
		if (!want.reason && !aid(st, pol, visit, &want)) {
			audit_differ(a, "settlement", subject, "policy", "a rate on the visit date",
				     "none");
			continue;
		}
		jz_fen computed = db_int64(st, C_COMPUTED), approved = db_int64(st, C_APPROVED);
		if (computed != want.computed) {
			audit_money(computed, want.computed, x, y);
			audit_differ(a, "settlement", subject, "computed", x, y);
		}
		if (approved != want.approved) {
			audit_money(approved, want.approved, x, y);
			audit_differ(a, "settlement", subject, "approved", x, y);
		}
		if (!is(status, want.status))
			audit_differ(a, "settlement", subject, "status", status, want.status);
		if (!is(reason, want.reason ? want.reason : ""))
			audit_differ(a, "settlement", subject, "reason", reason,
				     want.reason ? want.reason : "");
	}
	db_finalize(st);
	history_free(&hist);
	audit_policy_done(&cache);
}

/* Each bureau's sign-off against the lines of its quarter and institution
 * as they stood when it signed (statement.c settle_sign): how many, and
 * the aid approved, lines corrected by then aside. */
void audit_signoffs(struct audit *a)
{
	db_stmt *st = db_prepare(a->db, "SELECT s.quarter || ' ' || s.institution || ' ' || "
		"s.bureau, s.claims, s.approved, "
		"(SELECT count(*) FROM claim c WHERE c.quarter = s.quarter AND c.institution = "
		"s.institution AND c.entry < s.entry), "
		"(SELECT coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM claim d INDEXED BY "
		"claim_corrects WHERE d.institution = c.institution AND d.corrects = c.claim_id AND "
		"d.status <> 'rejected' AND d.entry < s.entry) THEN 0 ELSE c.approved END), 0) "
		"FROM claim c WHERE c.quarter = s.quarter AND c.institution = s.institution AND "
		"c.entry < s.entry) "
		"FROM signoff s ORDER BY s.entry, s.quarter, s.institution, s.bureau");
	char x[MONEY_TEXT], y[MONEY_TEXT];

	while (db_step(a->db, st) == DB_ROW) {
		const char *subject = db_text(st, 0);
		if (db_int64(st, 1) != db_int64(st, 3)) {
			char n[24], m[24];
			snprintf(n, sizeof n, "%lld", (long long)db_int64(st, 1));
			snprintf(m, sizeof m, "%lld", (long long)db_int64(st, 3));
			audit_differ(a, "signoff", subject, "claims", n, m);
		}
		if (db_int64(st, 2) != db_int64(st, 4)) {
			audit_money(db_int64(st, 2), db_int64(st, 4), x, y);
			audit_differ(a, "signoff", subject, "approved", x, y);
		}
	}
	db_finalize(st);
}
